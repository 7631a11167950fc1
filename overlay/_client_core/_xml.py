"""The hardened lxml parser for XML that comes from outside (answers, task models, faults).

No entity is expanded, no DTD is loaded, nothing is fetched from the network, lxml's size
limits stay on, and a document that declares a DOCTYPE is refused.
"""

from __future__ import annotations

import threading

from lxml import etree

# lxml parsers serialise concurrent use with a lock; one per thread and kind avoids contention.
_local = threading.local()


class DoctypeRefusedError(ValueError):
    """The document declares a DOCTYPE (and so possibly entities): it is refused unexpanded."""


def parser(*, keep_comments: bool = False, encoding: str | None = None) -> etree.XMLParser:
    """Return this thread's hardened parser of the given kind.

    Args:
        keep_comments: Keep comments and processing instructions (answer files write them
            back); dropped otherwise.
        encoding: Override the document's declared encoding (for text encoded as UTF-8 by
            the caller, whose own declaration no longer applies).

    Returns:
        The parser (never expands entities, loads a DTD or touches the network).
    """
    key = f"parser_{keep_comments}_{encoding}"
    found: etree.XMLParser | None = getattr(_local, key, None)
    if found is None:
        found = etree.XMLParser(
            encoding=encoding,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=not keep_comments,
            remove_pis=not keep_comments,
        )
        setattr(_local, key, found)
    return found


def parse_untrusted(
    content: bytes, *, keep_comments: bool = False, encoding: str | None = None
) -> etree._Element:
    """Parse untrusted XML into its root element, refusing any DOCTYPE.

    Args:
        content: The document's bytes.
        keep_comments: As for ``parser()``.
        encoding: As for ``parser()``.

    Returns:
        The root element.

    Raises:
        lxml.etree.XMLSyntaxError: The bytes are not a well-formed XML document.
        DoctypeRefusedError: The document declares a DOCTYPE.
    """
    root = etree.fromstring(content, parser(keep_comments=keep_comments, encoding=encoding))
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise DoctypeRefusedError("a DOCTYPE is not allowed (nothing was expanded or fetched)")
    return root
