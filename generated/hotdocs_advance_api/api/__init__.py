# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
"""Contains methods for accessing the API"""
