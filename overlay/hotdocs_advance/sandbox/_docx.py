"""The sandbox's assembled document: a real ``.docx`` listing the template package and answers.

An assembly in the sandbox produces one Office Open XML word-processing document, written
here with `zipfile` and the few parts a package needs (ECMA-376 part 2, OPC): the content
types, the package relationships, the main document (WordprocessingML: a title, the work item
and template package, and a two-column table of every answer) and the core properties (title
and creator). Word and LibreOffice open it, and python-docx reads it.

For download benchmarks a seed can ask for padding (``documents.paddingBytes``): a stored,
incompressible part of that many bytes, referenced from the package relationships by a
relationship type of the sandbox's own (OPC lets a consumer ignore types it does not know), so
the document stays valid however large it is.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from _client_core import NOT_XML_CHAR
from _sandbox_kit._xml import hardened_parser, strip_namespaces
from lxml import etree

#: The media type of a ``.docx`` file.
DOCX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCX_EXTENSION: Final = ".docx"

_W: Final = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE_RELS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_CONTENT_TYPES: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_OFFICE_DOCUMENT: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
_CORE_RELATIONSHIP: Final = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)
_PADDING_RELATIONSHIP: Final = "urn:hotdocs-advance-sandbox:padding"
_CORE: Final = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC: Final = "http://purl.org/dc/elements/1.1/"
_DCTERMS: Final = "http://purl.org/dc/terms/"
_XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
_MAIN_TYPE: Final = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_CORE_TYPE: Final = "application/vnd.openxmlformats-package.core-properties+xml"
_RELS_TYPE: Final = "application/vnd.openxmlformats-package.relationships+xml"
_PADDING_PART: Final = "sandbox/padding.bin"
_CREATOR: Final = "HotDocs Advance sandbox"
# Characters XML 1.0 cannot hold (a work item's name comes from JSON, which can).
_PADDING_BLOCK: Final = 1024 * 1024
_UNANSWERED: Final = "(unanswered)"
# Column widths of the answers table, in twentieths of a point (an A4 text width in all).
_NAME_WIDTH: Final = 3200
_VALUE_WIDTH: Final = 6400


@dataclass(frozen=True, slots=True)
class Assembly:
    """What an assembled document lists."""

    work_item_id: uuid.UUID
    work_item_name: str
    version_id: uuid.UUID
    template_package_id: uuid.UUID
    template_package_name: str
    answers: tuple[tuple[str, str], ...]
    assembled_at: dt.datetime


def _xml_text(text: str) -> str:
    return NOT_XML_CHAR.sub("\ufffd", text)


def _value_text(value: etree._Element) -> str:
    """Show one answer value as a line of text (repeats and choices joined)."""
    if value.get("unans", "").lower() == "true":
        return _UNANSWERED
    tag = value.tag
    if tag == "MCValue":
        return ", ".join(_value_text(choice) for choice in value if isinstance(choice.tag, str))
    if tag == "RptValue":
        items = [_value_text(item) for item in value if isinstance(item.tag, str)]
        # Every repeat ends with an unanswered placeholder (the Open SDK writes one).
        while items and items[-1] == _UNANSWERED:
            items.pop()
        return "; ".join(items) if items else _UNANSWERED
    return "".join(value.itertext()).strip()


def answer_lines(answer_xml: str | None) -> tuple[tuple[str, str], ...]:
    """List the answers of an answer set as (name, value as text), in document order.

    Args:
        answer_xml: Answer set XML the sandbox has already validated, or None.

    Returns:
        The answers; empty for None.
    """
    if not answer_xml:
        return ()
    root = etree.fromstring(answer_xml.encode("utf-8"), hardened_parser())
    strip_namespaces(root)  # CHOICE (reference section 7.1): a namespace is ignored
    lines = []
    for answer in root.iterfind("Answer"):
        values = [child for child in answer if isinstance(child.tag, str)]
        text = _value_text(values[0]) if values else _UNANSWERED
        lines.append((answer.get("name") or "", text))
    return tuple(lines)


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _paragraph(parent: etree._Element, text: str, *, bold: bool = False, size: int = 0) -> None:
    paragraph = etree.SubElement(parent, _w("p"))
    run = etree.SubElement(paragraph, _w("r"))
    if bold or size:
        properties = etree.SubElement(run, _w("rPr"))
        if bold:
            etree.SubElement(properties, _w("b"))
        if size:
            etree.SubElement(properties, _w("sz"), {_w("val"): str(size)})
    element = etree.SubElement(run, _w("t"))
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = _xml_text(text)


def _cell(row: etree._Element, text: str, width: int, *, bold: bool = False) -> None:
    cell = etree.SubElement(row, _w("tc"))
    properties = etree.SubElement(cell, _w("tcPr"))
    etree.SubElement(properties, _w("tcW"), {_w("w"): str(width), _w("type"): "dxa"})
    _paragraph(cell, text, bold=bold)


def _answers_table(body: etree._Element, answers: tuple[tuple[str, str], ...]) -> None:
    table = etree.SubElement(body, _w("tbl"))
    properties = etree.SubElement(table, _w("tblPr"))
    etree.SubElement(properties, _w("tblW"), {_w("w"): "0", _w("type"): "auto"})
    borders = etree.SubElement(properties, _w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, _w(side), {_w("val"): "single", _w("sz"): "4", _w("space"): "0"})
    grid = etree.SubElement(table, _w("tblGrid"))
    for width in (_NAME_WIDTH, _VALUE_WIDTH):
        etree.SubElement(grid, _w("gridCol"), {_w("w"): str(width)})
    for index, (name, value) in enumerate((("Answer", "Value"), *answers)):
        row = etree.SubElement(table, _w("tr"))
        _cell(row, name, _NAME_WIDTH, bold=index == 0)
        _cell(row, value, _VALUE_WIDTH, bold=index == 0)


def _document_part(assembly: Assembly) -> bytes:
    root = etree.Element(_w("document"), nsmap={"w": _W})
    body = etree.SubElement(root, _w("body"))
    _paragraph(body, assembly.work_item_name, bold=True, size=36)
    _paragraph(
        body,
        f"Template package: {assembly.template_package_name} ({assembly.template_package_id})",
    )
    _paragraph(body, f"Work item: {assembly.work_item_id}")
    _paragraph(body, f"Version: {assembly.version_id}")
    _paragraph(body, f"Answers ({len(assembly.answers)})", bold=True, size=28)
    if assembly.answers:
        _answers_table(body, assembly.answers)
    _paragraph(body, "Assembled by the HotDocs Advance sandbox.")
    section = etree.SubElement(body, _w("sectPr"))
    etree.SubElement(section, _w("pgSz"), {_w("w"): "11906", _w("h"): "16838"})
    margins = {"top": "1440", "right": "1134", "bottom": "1440", "left": "1134"}
    etree.SubElement(section, _w("pgMar"), {_w(k): v for k, v in margins.items()})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _content_types(padded: bool) -> bytes:
    root = etree.Element(f"{{{_CONTENT_TYPES}}}Types", nsmap={None: _CONTENT_TYPES})
    defaults = {"rels": _RELS_TYPE, "xml": "application/xml"}
    if padded:
        defaults["bin"] = "application/octet-stream"
    for extension, media_type in defaults.items():
        etree.SubElement(
            root,
            f"{{{_CONTENT_TYPES}}}Default",
            {"Extension": extension, "ContentType": media_type},
        )
    for part, media_type in (
        ("/word/document.xml", _MAIN_TYPE),
        ("/docProps/core.xml", _CORE_TYPE),
    ):
        etree.SubElement(
            root, f"{{{_CONTENT_TYPES}}}Override", {"PartName": part, "ContentType": media_type}
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _relationships(padded: bool) -> bytes:
    root = etree.Element(f"{{{_PACKAGE_RELS}}}Relationships", nsmap={None: _PACKAGE_RELS})
    targets = [(_OFFICE_DOCUMENT, "word/document.xml"), (_CORE_RELATIONSHIP, "docProps/core.xml")]
    if padded:
        targets.append((_PADDING_RELATIONSHIP, _PADDING_PART))
    for number, (kind, part) in enumerate(targets, 1):
        etree.SubElement(
            root,
            f"{{{_PACKAGE_RELS}}}Relationship",
            {"Id": f"rId{number}", "Type": kind, "Target": part},
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_properties(assembly: Assembly) -> bytes:
    nsmap = {"cp": _CORE, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI}
    root = etree.Element(f"{{{_CORE}}}coreProperties", nsmap=nsmap)
    etree.SubElement(root, f"{{{_DC}}}title").text = _xml_text(assembly.work_item_name)
    etree.SubElement(root, f"{{{_DC}}}subject").text = _xml_text(assembly.template_package_name)
    etree.SubElement(root, f"{{{_DC}}}creator").text = _CREATOR
    created = etree.SubElement(
        root, f"{{{_DCTERMS}}}created", {f"{{{_XSI}}}type": "dcterms:W3CDTF"}
    )
    created.text = assembly.assembled_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _padding(size: int, seed: int) -> Iterator[bytes]:
    """Yield ``size`` pseudo-random bytes: 1 MiB blocks, which deflate cannot shrink."""
    block = random.Random(seed).randbytes(min(size, _PADDING_BLOCK))  # noqa: S311 (no secret)
    while size > 0:
        yield block[:size]
        size -= len(block)


def build_docx(assembly: Assembly, padding_bytes: int = 0) -> bytes:
    """Write the document of one assembly.

    Args:
        assembly: What the document lists.
        padding_bytes: Size of the padding part (0: none).

    Returns:
        The ``.docx`` file's bytes.
    """
    stamp = assembly.assembled_at.astimezone(dt.UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)

        padded = padding_bytes > 0
        # [Content_Types].xml first, as Office writes it (some readers expect it there).
        add("[Content_Types].xml", _content_types(padded))
        add("_rels/.rels", _relationships(padded))
        add("word/document.xml", _document_part(assembly))
        add("docProps/core.xml", _core_properties(assembly))
        if padded:
            info = zipfile.ZipInfo(_PADDING_PART, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED
            large = padding_bytes >= zipfile.ZIP64_LIMIT
            with package.open(info, "w", force_zip64=large) as part:
                for block in _padding(padding_bytes, assembly.version_id.int):
                    part.write(block)
    return buffer.getvalue()
