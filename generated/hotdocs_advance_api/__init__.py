# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
"""A client library for accessing HotDocs Advance REST API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
