"""Parsing untrusted XML: no DTD loading, no entity expansion, no network, bounded size."""

from __future__ import annotations

from importlib.resources.abc import Traversable

from lxml import etree


def hardened_parser() -> etree.XMLParser:
    """Return a parser for XML that comes over the wire.

    Entities are left unexpanded (no billion laughs, no external entities), DTDs are
    neither loaded nor validated, nothing is fetched, and lxml's size limits stay on.
    lxml parsers are not thread-safe: make one per thread (per app).

    Returns:
        The parser.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def load_schema(resource: Traversable) -> etree.XMLSchema:
    """Compile an XSD shipped as package data.

    Args:
        resource: The XSD file.

    Returns:
        The compiled schema (not thread-safe: one per app).
    """
    document = etree.fromstring(resource.read_bytes(), hardened_parser())
    return etree.XMLSchema(document)


def strip_namespaces(root: etree._Element) -> None:
    """Put every element of a tree in no namespace (in place).

    Args:
        root: The tree's root.
    """
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{"):
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(root)


def has_entity_references(root: etree._Element) -> bool:
    """Tell whether a tree parsed with `hardened_parser` kept unexpanded entity references.

    Such references come from a DTD's entity declarations (never expanded here); schema
    validation cannot handle them, so callers refuse the document.

    Args:
        root: The tree's root.

    Returns:
        True if there is at least one.
    """
    return next(root.iter(etree.Entity), None) is not None
