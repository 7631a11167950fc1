"""Finding child elements by local name in parsed infoRouter answers and task models.

Element names are matched by local name, because infoRouter sends its answers both with
``xmlns=""`` and in the inherited tempuri namespace. Parsing itself is the shared core's
hardened ``parse_untrusted``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree


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


def attributes(element: etree._Element) -> dict[str, str]:
    """Return the element's attributes by local name in lower case (infoRouter's case varies).

    Args:
        element: the element.

    Returns:
        ``{local name in lower case: value}``.
    """
    return {str(k).rpartition("}")[2].lower(): str(v) for k, v in element.attrib.items()}
