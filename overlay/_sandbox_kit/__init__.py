"""Shared machinery of the two local sandboxes (private)."""
