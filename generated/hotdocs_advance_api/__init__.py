# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
"""A client library for accessing HotDocs Advance REST API"""

from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Final

from .client import AuthenticatedClient, Client

OPENAPI_SPEC: Final[Traversable] = (
    files(__name__) / "spec" / "hotdocs-advance.openapi.yaml"
)
ANSWER_SET_XSD: Final[Traversable] = files(__name__) / "spec" / "hotdocs-answer-set.xsd"

__all__ = (
    "ANSWER_SET_XSD",
    "OPENAPI_SPEC",
    "AuthenticatedClient",
    "Client",
)
