r"""Hardened XML parsing, the answer-set schema, and the Open SDK's ``\xx`` escaping."""

from __future__ import annotations

import re
import threading
from typing import Final

from _client_core import (
    NOT_XML_CHAR,
    DoctypeRefusedError,
    EntityDeclarationRefusedError,
    parse_untrusted,
    parser,
)
from hotdocs_advance_api import ANSWER_SET_XSD
from lxml import etree

from ._errors import AnswerSetError

# What is left unwritable after ``escape()`` has replaced the C0 controls.
_NOT_XML_CHAR_ESCAPED: Final = re.compile("[\ud800-\udfff\ufffe\uffff]")
# The HotDocs Open SDK (TextValue.XMLEscape) writes these as a backslash and two lower-case hex
# digits in answer names, and reads ``\xx`` back (XMLUnescape). Selections are not escaped.
_ESCAPED: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\\]")
_ESCAPE_SEQUENCE: Final = re.compile(r"\\([0-9a-fA-F]{2})")

# The encoding an XML declaration names, read from ASCII-compatible bytes.
_DECLARED_ENCODING: Final = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
# Encodings whose bytes are never ASCII-compatible: a declaration naming one over ASCII bytes
# cannot be right (the Open SDK's GetXMLString() declares utf-16 over text saved as UTF-8).
_WIDE_ENCODINGS: Final = ("utf-16", "utf16", "ucs-2", "ucs2", "utf-32", "utf32", "ucs-4", "unicode")

_schema: etree.XMLSchema | None = None
# lxml keeps a schema's error log on the schema object, so validations take turns.
_schema_lock: Final = threading.Lock()


def bad_char(text: str, *, escaped: bool = False) -> str | None:
    r"""Find a character XML 1.0 cannot carry.

    Args:
        text: The text to check.
        escaped: True for text that goes through ``escape()`` (answer names), where
            C0 controls are written as ``\xx`` and so are allowed.

    Returns:
        A description of the first bad character, or None when all are fine.
    """
    match = (_NOT_XML_CHAR_ESCAPED if escaped else NOT_XML_CHAR).search(text)
    if match is None:
        return None
    return f"U+{ord(match.group()):04X} at position {match.start()} is not allowed in XML 1.0"


def needs_escape(text: str) -> bool:
    """Tell whether ``escape()`` would change ``text``.

    Args:
        text: An answer name.

    Returns:
        True when it holds a backslash or a C0 control other than tab, LF and CR.
    """
    return _ESCAPED.search(text) is not None


def escape(text: str) -> str:
    r"""Escape as the Open SDK does: backslash and C0 controls become ``\xx``.

    Args:
        text: An answer name.

    Returns:
        The escaped text.
    """
    return _ESCAPED.sub(lambda match: f"\\{ord(match.group()):02x}", text)


def unescape(text: str) -> str:
    r"""Reverse ``escape()``: every ``\xx`` (two hex digits) becomes that character.

    Args:
        text: Escaped text.

    Returns:
        The plain text.
    """
    if "\\" not in text:
        return text
    return _ESCAPE_SEQUENCE.sub(lambda match: chr(int(match.group(1), 16)), text)


def _utf16_as_utf8(data: bytes, codec: str) -> bytes:
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnswerSetError(
            f"the bytes look like {codec.upper()} but are not valid {codec.upper()} "
            f"(at byte {exc.start}: {exc.reason})"
        ) from None


def _sniff(data: bytes) -> tuple[bytes, str | None]:  # noqa: PLR0911 - one return per case
    """Decide how bytes are decoded: the bytes to parse and the encoding to impose, if any."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data, "utf-8"
    if data.startswith(b"\xff\xfe\x00\x00"):  # UTF-32 LE: libxml2's own detection
        return data, None
    if data.startswith(b"\xff\xfe"):
        return _utf16_as_utf8(data[2:], "utf-16-le"), "utf-8"
    if data.startswith(b"\xfe\xff"):
        return _utf16_as_utf8(data[2:], "utf-16-be"), "utf-8"
    if data.startswith(b"<\x00?\x00"):
        return _utf16_as_utf8(data, "utf-16-le"), "utf-8"
    if data.startswith(b"\x00<\x00?"):
        return _utf16_as_utf8(data, "utf-16-be"), "utf-8"
    match = _DECLARED_ENCODING.match(data, 0, 256)
    if match is None or not match.group(1).decode("ascii").lower().startswith(_WIDE_ENCODINGS):
        return data, None
    # ASCII-compatible bytes that declare a wide encoding: read as UTF-8 when they are UTF-8.
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnswerSetError(
            f"the declaration says {match.group(1).decode('ascii')}, but the bytes are neither "
            f"UTF-16 nor UTF-8 (at byte {exc.start}: {exc.reason})"
        ) from None
    return data, "utf-8"


def parse(xml: str | bytes, *, ignore_dtd: bool = False) -> etree._Element:
    """Parse untrusted XML into its root element.

    A BOM, an XML declaration and CRLF line ends are fine. Bytes are decoded by, in order: a
    BOM (UTF-8, UTF-16 LE or BE), whatever the declaration says; UTF-16 without a BOM,
    recognised by its first bytes (``<?`` as UTF-16); a declaration naming UTF-16 (or another
    encoding that is never ASCII-compatible) over bytes that are ASCII-compatible, as the Open
    SDK writes them, read as UTF-8 (refused when they are not UTF-8); else the declared
    encoding (UTF-8 when none is declared), as lxml does. Text is read whatever its
    declaration says. Comments and processing instructions are kept.

    Args:
        xml: The document, as text or bytes.
        ignore_dtd: Accept a DOCTYPE and ignore its DTD (never loaded or fetched, its
            declarations not applied); a document declaring an entity is still refused,
            before it is parsed. When False, any DOCTYPE is refused.

    Returns:
        The root element.

    Raises:
        AnswerSetError: The input is not well-formed, has a DOCTYPE (or, with ``ignore_dtd``,
            an entity declaration), or is neither str nor bytes.
    """
    # Text is encoded as UTF-8 first: the encoding named in its own declaration no longer
    # applies, so it is parsed as UTF-8 whatever it says.
    if isinstance(xml, str):
        try:
            data = xml.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise AnswerSetError(f"the text holds an unpaired surrogate at {exc.start}") from None
        encoding: str | None = "utf-8"
    elif isinstance(xml, bytes | bytearray | memoryview):
        data, encoding = _sniff(bytes(xml))
    else:
        raise AnswerSetError(f"expected answer XML as str or bytes, not {type(xml).__name__}")
    try:
        return parse_untrusted(data, keep_comments=True, encoding=encoding, ignore_dtd=ignore_dtd)
    except EntityDeclarationRefusedError:
        raise AnswerSetError(
            "entity declarations are refused in answer XML (nothing was expanded or fetched)"
        ) from None
    except DoctypeRefusedError:
        raise AnswerSetError(
            "a DOCTYPE is not allowed in answer XML (nothing was expanded)"
        ) from None
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise AnswerSetError(
            f"not well-formed XML: {exc.msg}", line=line or None, column=column or None
        ) from None
    except (etree.LxmlError, ValueError) as exc:
        raise AnswerSetError(f"not well-formed XML: {exc}") from None


def strip_root_namespace(root: etree._Element) -> None:
    """Move the root's namespace, and elements in it, to no namespace (in place).

    CHOICE (reference 7.1): answer files carry no namespace, but the 2009 schema declared one;
    a namespace on the root is ignored, as the emulator does. Elements in other namespaces
    (inside opaque values) keep theirs.

    Args:
        root: A root element whose tag is namespaced.
    """
    namespace = etree.QName(root).namespace
    prefix = f"{{{namespace}}}"
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str) and tag.startswith(prefix):
            element.tag = tag[len(prefix) :]
    etree.cleanup_namespaces(root)


def schema() -> etree.XMLSchema:
    """Return the answer-set XSD shipped in ``hotdocs_advance_api``, compiled on first use.

    Returns:
        The compiled schema.
    """
    global _schema  # noqa: PLW0603 - compiled once, on first use, under the lock
    with _schema_lock:
        if _schema is None:
            _schema = etree.XMLSchema(etree.fromstring(ANSWER_SET_XSD.read_bytes(), parser()))
        return _schema


def schema_errors(root: etree._Element) -> list[etree._LogEntry]:
    """Validate a tree against the answer-set XSD.

    Args:
        root: The root element.

    Returns:
        The schema's errors, in document order; empty when the tree is valid.
    """
    compiled = schema()
    with _schema_lock:
        if compiled.validate(root):
            return []
        return list(compiled.error_log)
