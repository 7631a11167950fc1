"""inforouter client (in progress)."""
