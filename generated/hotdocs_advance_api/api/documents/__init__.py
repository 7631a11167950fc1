# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
"""Contains endpoint functions for accessing the API"""
