"""The lexical forms of answered numbers and true/false values, taken from the answer-set XSD.

The XSD lets ``NumValue`` and ``TFValue`` hold any text, because an unanswered value's content
is ignored (``<NumValue unans="true">234</NumValue>``, as the HotDocs Open SDK reads it) and
XSD 1.0 cannot make a pattern depend on an attribute. Its ``NumLexical`` and ``TFLexical``
types still name the forms an answered value must have; ``validate_answer_xml`` and the
emulator check them here, after the schema, with the XSD's own patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Final

from _client_core import parser, shorten
from hotdocs_advance_api import ANSWER_SET_XSD
from lxml import etree

_XS: Final = {"xs": "http://www.w3.org/2001/XMLSchema"}
# Value element -> the XSD simple type its answered text must match, and what it is.
_LEXICAL: Final = {
    "NumValue": ("NumLexical", "is not a number"),
    "TFValue": ("TFLexical", "is neither true nor false"),
}
# Opaque formatted text: the XSD does not check elements inside it (processContents="lax").
_OPAQUE: Final = "DocTextValue"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    xsd = etree.fromstring(ANSWER_SET_XSD.read_bytes(), parser())
    patterns = {}
    for tag, (type_name, _) in _LEXICAL.items():
        found = xsd.xpath(
            f"xs:simpleType[@name='{type_name}']/xs:restriction/xs:pattern/@value",
            namespaces=_XS,
        )
        if not isinstance(found, list) or len(found) != 1:
            raise RuntimeError(f"the answer-set XSD has no single pattern for {type_name}")
        # XSD patterns are anchored; these use only syntax Python's re reads the same way.
        patterns[tag] = re.compile(str(found[0]))
    return patterns


def _unanswered(element: etree._Element) -> bool:
    return any((element.get(key) or "").lower() == "true" for key in ("unans", "UNANS"))


def spelled_right(tag: str, text: str) -> bool:
    """Tell whether an answered value's text has its XSD lexical form.

    Tags other than ``NumValue`` and ``TFValue`` have no lexical check here: always True.
    """
    pattern = _patterns().get(tag)
    # xs:token: white space collapsed before the pattern applies.
    return pattern is None or bool(pattern.fullmatch(" ".join(text.split())))


def lexical_problems(root: etree._Element) -> Iterator[tuple[etree._Element, str]]:
    """Find each answered ``NumValue`` or ``TFValue`` whose text breaks its XSD type.

    Run it on a tree the schema has accepted.

    Args:
        root: The ``<AnswerSet>`` element.

    Yields:
        Each such element, in document order, and a message.
    """
    patterns = _patterns()
    for element in root.iter(*_LEXICAL):
        tag = str(element.tag)
        text = str(element.xpath("string()")) if len(element) else element.text or ""
        pattern = patterns[tag]
        if pattern.fullmatch(text):  # the common case: no white space to collapse
            continue
        # xs:token: white space collapsed before the pattern applies.
        text = " ".join(text.split())
        if pattern.fullmatch(text) or _unanswered(element):
            continue
        if any(True for _ in element.iterancestors(_OPAQUE)):
            continue
        type_name, what = _LEXICAL[tag]
        yield element, f"<{tag}> {shorten(text)} {what} ({type_name})"


def lexical_problem(root: etree._Element) -> tuple[etree._Element, str] | None:
    """Find the first of ``lexical_problems(root)``, or None when every value is well formed."""
    return next(lexical_problems(root), None)
