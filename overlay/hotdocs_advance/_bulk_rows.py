"""Rows for bulk creation: ``BulkRow``, and the CSV and JSON Lines readers (both streamed).

A reader yields one ``BulkRow`` per record as it reads the file, so a file of a million rows
costs the memory of one row at a time. A row that cannot be turned into answers (an
unparsable date, a number that is not in invariant culture, a character XML cannot carry, a
ragged CSV line, a JSON line that is not an answer set) is yielded with ``error`` set and its
line number, and the reader goes on. A problem that would make every row fail (a CSV header
with an unknown type suffix, a missing key column, a name template naming a column the file
does not have) raises ``BulkInputError`` when the header is read, before any row is yielded.

CSV (a header row, then one row per work item):

- A column's answer type is its header's suffix: ``Amount:number``, ``Start:date``,
  ``Active:tf``, ``Colors:mc``; ``:text`` or no suffix is text. Answer names cannot contain
  ``:``, ``[`` or ``]`` (HotDocs' naming rules), so the suffix is never part of a name.
- Cells: text verbatim; a number in invariant culture (``1234.5``, ``-2``, ``1E+15``; no
  grouping); a date in ISO 8601 (``2026-01-31``) unless ``date_format`` gives a
  ``strptime`` format (``%m/%d/%Y``); true/false as ``true``, ``false``, ``yes``, ``no``,
  ``1``, ``0`` in any case; a multiple choice as one selection, or a JSON list of them
  (``["Red", "Blue"]``). An empty cell (or one of spaces) leaves the answer out.
- Repeats: ``Name[1]``, ``Name[2]``, ... columns (``Name[1]:date`` or ``Name:date[1]``), gaps
  and trailing empty cells dropped; or a JSON list in the cell (``["Ann", "Cy"]``, ``null``
  for a gap, lists in it for nested repeats; for a multiple choice a list of lists).
- Every column is an answer, the key column included.

JSON Lines: each non-blank line is one object in ``AnswerSet.from_dict``'s shape plus the
key, a top-level member named by ``key_column`` (``{"CustomerId": "C-1", "answers":
{...}}``); without that member, the answer of that name (text or number) is the key.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import os
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

import attrs

from ._answer_values import _NUMBER_TEXT, AnswerValue, MultipleChoice, RepeatItem
from ._answers import AnswerSet
from ._errors import AnswerSetError, BulkInputError

__all__ = [
    "COLUMN_TYPES",
    "BulkRow",
    "count_rows",
    "read_csv_rows",
    "read_json_lines_rows",
    "read_rows",
]

#: The type suffixes a CSV header may carry (``Name:type``); none means text.
COLUMN_TYPES: Final = ("text", "number", "date", "tf", "mc")
_TRUE: Final = frozenset({"true", "yes", "1"})
_FALSE: Final = frozenset({"false", "no", "0"})
_INDEX: Final = re.compile(r"(.*?)\s*\[\s*([0-9]+)\s*\]")
_CSV_SUFFIXES: Final = (".csv",)
_JSON_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")
# What undecodable bytes become under errors="surrogateescape".
_NOT_UTF8: Final = re.compile("[\udc80-\udcff]")

Source = str | os.PathLike[str] | IO[str]


@attrs.frozen(eq=False)
class BulkRow:
    """One work item to create: its key, its name and its answers (or why it cannot be sent).

    The work item's id is derived from ``key`` (UUID5 in the run's namespace), so the same
    key always addresses the same work item.

    Attributes:
        key: The row's key (the key column's value); empty when the row has none.
        name: The work item's name (it must be unique on the server), None with ``error``.
        answers: The answers to pre-fill, or None for none.
        line: Where the row starts in its file (1-based), when it comes from one.
        error: Why the row cannot be sent, set by the readers; such a row is reported
            ``invalid`` and nothing is sent for it.
    """

    key: str
    name: str | None = None
    answers: AnswerSet | None = None
    line: int | None = None
    error: str | None = None


# --- The name template -------------------------------------------------------------------------


class _Template:
    """A work item name template such as ``"{Customer} renewal"``: literal text and fields.

    ``{{`` and ``}}`` are literal braces; a field is a column's (answer's) name, a repeat's
    column as ``{Name[1]}``. Format specifications and conversions are refused.
    """

    def __init__(self, template: str) -> None:
        if type(template) is not str or not template.strip():
            raise BulkInputError("the name template must be a non-empty str")
        self.text = template
        self.parts: list[tuple[str, str | None]] = []
        try:
            parsed = list(string.Formatter().parse(template))
        except ValueError as exc:
            raise BulkInputError(f"name template {template!r}: {exc}") from None
        for literal, field, spec, conversion in parsed:
            if field is not None and (spec or conversion):
                raise BulkInputError(
                    f"name template {template!r}: write a column as {{Name}}, without a "
                    f"format or conversion ({{{field}:{spec}}} is not one)"
                )
            if field is not None and not field.strip():
                raise BulkInputError(
                    f"name template {template!r}: a field names a column, e.g. {{Customer}}"
                )
            self.parts.append((literal, None if field is None else field.strip()))

    @property
    def fields(self) -> list[str]:
        return [field for _, field in self.parts if field is not None]

    def render(self, values: dict[str, str]) -> str:
        """Fill the template; a field missing from ``values`` raises KeyError."""
        return "".join(
            literal + ("" if field is None else values[field]) for literal, field in self.parts
        )


# --- CSV -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Answer:
    """One answer of a CSV row: its columns (one, or a repeat's by index) and type."""

    name: str
    kind: str
    columns: list[tuple[int, int]]  # (index, position); index 0 for a plain column
    header: str

    @property
    def repeat(self) -> bool:
        return self.columns[0][0] > 0


def _header_error(header: str, reason: str, source: str | None, position: int) -> BulkInputError:
    return BulkInputError(f"{header!r}: {reason}", source=source, line=1, column=position)


def _column(header: str, position: int, source: str | None) -> tuple[str, str, int]:
    """Read one header cell: (answer name, type, repeat index or 0 for a plain column)."""
    text = header.strip()
    named, colon, kind = text.partition(":")
    index = 0
    for which in ("name", "type"):
        found = _INDEX.fullmatch(named if which == "name" else kind)
        if found is None:
            continue
        if index:
            raise _header_error(text, "two repeat indexes", source, position)
        index = int(found.group(2))
        if index < 1:
            raise _header_error(text, "repeat indexes start at 1", source, position)
        if which == "name":
            named = found.group(1)
        else:
            kind = found.group(1)
    named, kind = named.strip(), kind.strip().lower()
    if not named or any(char in named for char in "[]"):
        raise _header_error(
            text, "not a column name (Name, Name:type or Name[1]:type)", source, position
        )
    if (colon and not kind) or (kind and kind not in COLUMN_TYPES):
        raise _header_error(
            text, f"unknown type {kind!r} (known: {', '.join(COLUMN_TYPES)})", source, position
        )
    return named, kind or "text", index


class _CsvLayout:
    """What a CSV header says: the answers, the key column, the name template's columns."""

    def __init__(
        self, header: list[str], key_column: str, template: _Template, source: str | None
    ) -> None:
        self.width = len(header)
        answers: dict[str, _Answer] = {}
        fields: dict[str, int] = {}
        for position, cell in enumerate(header):
            name, kind, index = _column(cell, position + 1, source)
            known = answers.get(name)
            if known is None:
                answers[name] = _Answer(name, kind, [(index, position)], cell.strip())
            elif known.kind != kind or not index or not known.repeat:
                raise BulkInputError(
                    f"{cell.strip()!r}: answer {name!r} is already column "
                    f"{known.columns[0][1] + 1} ({known.header!r}); a repeat's columns are "
                    "Name[1], Name[2], ... of one type",
                    source=source,
                    line=1,
                    column=position + 1,
                )
            elif any(index == taken for taken, _ in known.columns):
                raise BulkInputError(
                    f"{cell.strip()!r}: index {index} of {name!r} appears twice",
                    source=source,
                    line=1,
                    column=position + 1,
                )
            else:
                known.columns.append((index, position))
            fields[f"{name}[{index}]" if index else name] = position
        for answer in answers.values():
            answer.columns.sort()
        self.answers = list(answers.values())
        key = answers.get(key_column.strip()) if isinstance(key_column, str) else None
        if key is None or key.repeat:
            raise BulkInputError(
                f"there is no key column {key_column!r} (a column that is not a repeat); "
                f"the columns are {', '.join(repr(a.name) for a in self.answers)}",
                source=source,
                line=1,
            )
        self.key_position = key.columns[0][1]
        self.key_header = key.header
        missing = [field for field in template.fields if field not in fields]
        if missing:
            raise BulkInputError(
                f"the name template {template.text!r} names {missing[0]!r}, which is not a "
                f"column (columns: {', '.join(repr(f) for f in fields)})",
                source=source,
                line=1,
            )
        self.template = template
        self.template_columns = [(field, fields[field]) for field in template.fields]


def _date(text: str, date_format: str | None) -> datetime.date:
    if date_format is None:
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"{text!r} is not an ISO 8601 date (YYYY-MM-DD); give a date format for others"
            ) from None
    try:
        return datetime.datetime.strptime(text, date_format).date()
    except ValueError:
        raise ValueError(f"{text!r} is not a date in the format {date_format!r}") from None


def _scalar(kind: str, text: str, date_format: str | None) -> AnswerValue:
    """Convert one cell's text (not empty) to a value of the column's type."""
    if kind == "text":
        return text
    if kind == "mc":
        return MultipleChoice(text)
    stripped = text.strip()
    if kind == "number":
        if not _NUMBER_TEXT.fullmatch(stripped):
            raise ValueError(
                f"{stripped!r} is not a number in invariant culture (digits, '.', an optional "
                "exponent; no grouping)"
            )
        return Decimal(stripped)
    if kind == "date":
        return _date(stripped, date_format)
    lowered = stripped.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"{stripped!r} is not true or false (true/false, yes/no, 1/0)")


def _json_item(kind: str, item: object, date_format: str | None) -> RepeatItem:  # noqa: PLR0911 - one return per JSON type
    """Convert an item of a JSON list cell: a repeat's value, a gap, or a nested list."""
    if item is None:
        return None
    if kind == "mc" and isinstance(item, list) and all(isinstance(s, str) for s in item):
        return MultipleChoice(*item)
    if isinstance(item, list):
        return [_json_item(kind, inner, date_format) for inner in item]
    if isinstance(item, str):
        if not item.strip() and kind != "text":
            return None
        return _scalar(kind, item, date_format)
    if kind == "number" and isinstance(item, int | float) and not isinstance(item, bool):
        return Decimal(repr(item))
    if kind == "tf" and isinstance(item, bool):
        return item
    raise ValueError(f"a JSON {type(item).__name__} is not a {kind} value")


def _cell(kind: str, text: str, date_format: str | None) -> AnswerValue | RepeatItem:
    """Convert a cell: a JSON list (a repeat, or a multiple choice's selections) or a value."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except ValueError:
            items = None
        if isinstance(items, list):
            if kind == "mc" and all(isinstance(s, str) for s in items):
                return MultipleChoice(*items)
            return [_json_item(kind, item, date_format) for item in items]
    return _scalar(kind, text, date_format)


def _csv_answers(
    layout: _CsvLayout, cells: list[str], date_format: str | None
) -> tuple[AnswerSet, list[str]]:
    """Build a row's answers; return them with the problems found (one per column)."""
    answers = AnswerSet()
    problems: list[str] = []
    for answer in layout.answers:
        position = answer.columns[0][1]
        try:
            value: Any
            if answer.repeat:
                items: list[Any] = []
                for index, position in answer.columns:
                    text = cells[position]
                    if text.strip():
                        items.extend([None] * (index - 1 - len(items)))
                        items.append(_cell(answer.kind, text, date_format))
                if not items:
                    continue
                value = items
            else:
                text = cells[position]
                if not text.strip():
                    continue
                value = _cell(answer.kind, text, date_format)
            answers[answer.name] = value
        except AnswerSetError as exc:
            problems.append(f"column {position + 1} ({answer.header!r}): {exc.reason}")
        except (ValueError, TypeError) as exc:
            problems.append(f"column {position + 1} ({answer.header!r}): {exc}")
    return answers, problems


def _csv_row(layout: _CsvLayout, cells: list[str], line: int, date_format: str | None) -> BulkRow:
    for column, cell in enumerate(cells, 1):
        if _NOT_UTF8.search(cell):
            key = cells[layout.key_position] if len(cells) > layout.key_position else ""
            key = "" if _NOT_UTF8.search(key) else key.strip()
            return BulkRow(key, line=line, error=f"column {column}: the bytes are not UTF-8")
    if len(cells) != layout.width:
        key = cells[layout.key_position].strip() if len(cells) > layout.key_position else ""
        return BulkRow(
            key,
            line=line,
            error=f"the row has {len(cells)} cells and the header {layout.width}",
        )
    key = cells[layout.key_position].strip()
    answers, problems = _csv_answers(layout, cells, date_format)
    if not key:
        problems.insert(
            0, f"no key: column {layout.key_position + 1} ({layout.key_header!r}) is empty"
        )
    name = layout.template.render({field: cells[pos] for field, pos in layout.template_columns})
    if not name.strip():
        problems.append(f"the name template {layout.template.text!r} gives an empty name")
    if problems:
        return BulkRow(key, line=line, error="; ".join(problems))
    return BulkRow(key, name, answers, line)


def _source_name(source: Source) -> str | None:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def read_csv_rows(
    source: Source,
    *,
    key_column: str,
    name: str,
    date_format: str | None = None,
) -> Iterator[BulkRow]:
    """Read a CSV file row by row (streamed; see the module documentation for the format).

    The header is read, and checked, when iteration starts; a file given by path is opened
    then and closed when the iterator ends or is closed. The file is UTF-8 (a BOM is
    skipped).

    Args:
        source: A path, or an open text file (opened with ``newline=""``).
        key_column: The column whose value identifies the row (and derives its work item id).
        name: The work item name template, e.g. ``"{Customer} renewal"``: columns by name in
            braces (a repeat's as ``{Name[1]}``), the cell's text as it is.
        date_format: A ``strptime`` format for date cells, e.g. ``"%m/%d/%Y"``; None for
            ISO 8601.

    Yields:
        One row per record, with its first line number; a bad record with ``error``.

    Raises:
        BulkInputError: The header cannot be used (unknown type suffix, a column twice, no
            key column, a template naming no column, bytes that are not UTF-8), or the file
            is empty. A row's bytes that are not UTF-8 make only that row invalid.
    """
    template = _Template(name)
    if date_format is not None and (type(date_format) is not str or "%" not in date_format):
        raise BulkInputError(f"the date format {date_format!r} has no % directive")
    where = _source_name(source)
    with _open_text(source) as stream:
        reader = csv.reader(stream, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise BulkInputError(f"the header is not a CSV row: {exc}", source=where) from None
        if header is None:
            raise BulkInputError("the file is empty: it needs a header row", source=where)
        if _NOT_UTF8.search("".join(header)):
            raise BulkInputError("the header is not UTF-8", source=where, line=1)
        layout = _CsvLayout(header, key_column, template, where)
        line = reader.line_num
        while True:
            start = line + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = reader.line_num
                yield BulkRow("", line=start, error=f"not a CSV row: {exc}")
                continue
            line = reader.line_num
            if not cells or cells == [""]:
                continue  # a blank line
            yield _csv_row(layout, cells, start, date_format)


@contextlib.contextmanager
def _open_text(source: Source) -> Iterator[IO[str]]:
    """Open a path as the csv module wants it (``-``: standard input), or pass a file through.

    Bytes that are not UTF-8 are decoded as lone surrogates (``surrogateescape``), so that
    only their row is refused.
    """
    if not isinstance(source, str | os.PathLike):
        yield source
    elif os.fspath(source) == "-":
        yield io.TextIOWrapper(
            sys.stdin.buffer, encoding="utf-8-sig", errors="surrogateescape", newline=""
        )
    else:
        with open(source, encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
            yield stream


# --- JSON Lines ------------------------------------------------------------------------------


def _text_of(value: object) -> str | None:
    """Return the text a value gives a name template or a key (None: no single text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return None


def _json_row(  # noqa: PLR0911 - one return per reason a line is refused
    text: str, line: int, key_column: str, template: _Template
) -> BulkRow:
    try:
        data = json.loads(text)
    except ValueError as exc:
        return BulkRow("", line=line, error=f"not JSON: {exc}")
    if not isinstance(data, dict):
        return BulkRow(
            "", line=line, error=f"a line holds a JSON object, not {type(data).__name__}"
        )
    given = data.pop(key_column, None)
    key = _text_of(given) if given is not None and not isinstance(given, bool) else None
    try:
        answers = AnswerSet.from_dict(data)
    except AnswerSetError as exc:
        return BulkRow((key or "").strip(), line=line, error=str(exc))
    if given is None:
        held = answers.get(key_column)
        key = None if isinstance(held, bool) else _text_of(held)
    key = (key or "").strip()
    if not key:
        return BulkRow(
            "", line=line, error=f"no key: no member {key_column!r}, nor a text answer of that name"
        )
    values: dict[str, str] = {key_column: key}
    for field in template.fields:
        if field in values:
            continue
        value = _text_of(answers.get(field))
        if value is None:
            return BulkRow(
                key,
                line=line,
                error=f"the name template names {field!r}, which this row has no single value of",
            )
        values[field] = value
    name = template.render(values)
    if not name.strip():
        return BulkRow(
            key, line=line, error=f"the name template {template.text!r} gives an empty name"
        )
    return BulkRow(key, name, answers, line)


def read_json_lines_rows(
    source: str | os.PathLike[str] | IO[bytes], *, key_column: str, name: str
) -> Iterator[BulkRow]:
    """Read a JSON Lines file row by row (streamed): one ``AnswerSet.from_dict`` object a line.

    Each line's key is its member named ``key_column`` (taken out before ``from_dict``), or
    else the answer of that name; blank lines are skipped. A line that is not UTF-8, not JSON
    or not an answer set is yielded with ``error``.

    Args:
        source: A path, or an open binary file.
        key_column: The member (or answer) whose value identifies the row.
        name: The work item name template (see ``read_csv_rows``): the key member and
            answers with a single value (text, number, date as ISO 8601, true/false).

    Yields:
        One row per non-blank line, with its line number.

    Raises:
        BulkInputError: The name template cannot be used.
    """
    template = _Template(name)
    if type(key_column) is not str or not key_column.strip():
        raise BulkInputError("the key column must be a non-empty str")
    key_column = key_column.strip()
    owned = isinstance(source, str | os.PathLike)
    stream: IO[bytes]
    if owned:
        path = os.fspath(source)  # type: ignore[arg-type]
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    else:
        stream = source  # type: ignore[assignment]
    try:
        for line, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8-sig" if line == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield BulkRow("", line=line, error=f"not UTF-8 ({exc.reason})")
                continue
            yield _json_row(text, line, key_column, template)
    finally:
        if owned and stream is not sys.stdin.buffer:
            stream.close()


# --- Either, by the file's name ----------------------------------------------------------------


def _format_of(path: str | os.PathLike[str], given: str | None) -> str:
    if given is not None:
        if given not in ("csv", "jsonl"):
            raise BulkInputError(f"the input format is 'csv' or 'jsonl', not {given!r}")
        return given
    suffix = Path(path).suffix.lower()
    if suffix in _CSV_SUFFIXES:
        return "csv"
    if suffix in _JSON_LINES_SUFFIXES:
        return "jsonl"
    raise BulkInputError(
        f"cannot tell the format of {os.fspath(path)!r} by its name: .csv, or .jsonl/.ndjson for "
        "JSON Lines (one answer set object a line)"
    )


def read_rows(
    path: str | os.PathLike[str],
    *,
    key_column: str,
    name: str,
    date_format: str | None = None,
    format: str | None = None,
) -> Iterator[BulkRow]:
    """Read a CSV or JSON Lines file, by its extension (``.csv``; ``.jsonl`` or ``.ndjson``).

    Args:
        path: The file (``-`` for standard input, with ``format``).
        key_column: As for ``read_csv_rows``.
        name: As for ``read_csv_rows``.
        date_format: For CSV date cells (see ``read_csv_rows``).
        format: ``"csv"`` or ``"jsonl"`` to override the extension.

    Returns:
        The rows, streamed.

    Raises:
        BulkInputError: The format cannot be told, or (when iteration starts) the input
            cannot be used.
    """
    if _format_of(path, format) == "csv":
        return read_csv_rows(path, key_column=key_column, name=name, date_format=date_format)
    return read_json_lines_rows(path, key_column=key_column, name=name)


def count_rows(path: str | os.PathLike[str], *, format: str | None = None) -> int:
    """Count a file's records (CSV rows after the header, non-blank JSON lines), streamed.

    For a progress bar's total; it reads the file once more, quickly.

    Args:
        path: The file.
        format: As for ``read_rows``.

    Returns:
        The number of records (bad ones included).
    """
    if _format_of(path, format) == "csv":
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as stream:
            reader = csv.reader(stream)
            records = 0
            while True:
                try:
                    cells = next(reader)
                except StopIteration:
                    break
                except csv.Error:
                    records += 1
                    continue
                if cells and cells != [""]:
                    records += 1
            return max(records - 1, 0)
    with open(path, "rb") as stream:
        return sum(1 for raw in stream if raw.strip())
