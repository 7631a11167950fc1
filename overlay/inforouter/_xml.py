"""The hardened XML parser for everything that comes from outside: answers and task models.

No entity is expanded, no DTD is loaded, nothing is fetched from the network, and a document
that declares a DOCTYPE at all is refused. Element names are matched by local name, because
infoRouter sends its answers both with ``xmlns=""`` and in the inherited tempuri namespace.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from lxml import etree

# lxml parsers serialise concurrent use with a lock; one per thread avoids the contention.
_local = threading.local()


def _parser() -> etree.XMLParser:
    parser: etree.XMLParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
        _local.parser = parser
    return parser


class DoctypeRefusedError(Exception):
    """The document declares a DOCTYPE (and so possibly entities): it is refused unread."""


def parse(content: bytes) -> etree._Element:
    """Parse untrusted XML.

    Args:
        content: the document's bytes.

    Returns:
        The root element.

    Raises:
        lxml.etree.XMLSyntaxError: the bytes are not a well-formed XML document.
        DoctypeRefusedError: the document declares a DOCTYPE.
    """
    root = etree.fromstring(content, _parser())
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise DoctypeRefusedError
    return root


def local_name(element: etree._Element) -> str:
    """Return the element's name without its namespace ("" for comments and PIs).

    Args:
        element: any lxml node.

    Returns:
        The local name.
    """
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def children(element: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Iterate over the child elements with their local names, in document order.

    Args:
        element: the parent.

    Yields:
        ``(local name, child)`` for every child element.
    """
    for child in element:
        name = local_name(child)
        if name:
            yield name, child


def child(element: etree._Element, name: str) -> etree._Element | None:
    """Find the first child element with this local name.

    Args:
        element: the parent.
        name: the local name to look for.

    Returns:
        The child, or None.
    """
    for found, node in children(element):
        if found == name:
            return node
    return None
