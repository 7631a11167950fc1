"""The bulk readers: CSV (typed columns, repeats, bad rows) and JSON Lines, streamed."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hotdocs_advance import (
    AnswerSet,
    BulkInputError,
    BulkRow,
    MultipleChoice,
    read_csv_rows,
    read_json_lines_rows,
    read_rows,
)
from hotdocs_advance._bulk_rows import count_rows


def csv_rows(text: str, *, key: str = "Id", name: str = "{Id}", **options: str) -> list[BulkRow]:
    return list(read_csv_rows(io.StringIO(text, newline=""), key_column=key, name=name, **options))


def answers_of(row: BulkRow) -> AnswerSet:
    assert row.error is None, row.error
    assert row.answers is not None
    return row.answers


def test_types_come_from_header_suffixes() -> None:
    """Each suffix gives its answer type; no suffix (or :text) is text; the key is an answer."""
    (row,) = csv_rows(
        "Id,Customer,Note:text,Amount:number,Start:date,Active:tf,Colors:mc,Size:MC\n"
        'C-1,Ann,"  kept as is ",1234.50,2026-01-31,Yes,"[""Red"", ""Blue""]",Large\n',
        name="{Customer} renewal",
    )
    assert (row.key, row.name, row.line) == ("C-1", "Ann renewal", 2)
    answers = answers_of(row)
    assert answers["Id"] == "C-1"
    assert answers["Note"] == "  kept as is "
    assert answers["Amount"] == Decimal("1234.50")
    assert answers["Start"] == datetime.date(2026, 1, 31)
    assert answers["Active"] is True
    assert answers["Colors"] == MultipleChoice("Red", "Blue")
    assert answers["Size"] == MultipleChoice("Large")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("true", True), ("FALSE", False), ("yes", True), ("No", False), ("1", True), ("0", False)],
)
def test_true_false_spellings(cell: str, expected: bool) -> None:
    """true/false, yes/no and 1/0 in any case are read as true/false answers."""
    (row,) = csv_rows(f"Id,Active:tf\nA,{cell}\n")
    assert answers_of(row)["Active"] is expected


def test_a_date_format_reads_other_forms() -> None:
    """With a strptime format, dates in that form are read, and ISO dates no longer are."""
    rows = csv_rows("Id,Start:date\nA,01/31/2026\nB,2026-01-31\n", date_format="%m/%d/%Y")
    assert answers_of(rows[0])["Start"] == datetime.date(2026, 1, 31)
    assert rows[1].error is not None
    assert "'2026-01-31' is not a date in the format '%m/%d/%Y'" in rows[1].error


def test_repeats_from_indexed_columns_and_json_lists() -> None:
    """Name[1], Name[2] columns (either suffix order) make a repeat, gaps as None and trailing
    empty cells dropped; a JSON list in a cell is a repeat too, nested lists nested repeats."""
    (row,) = csv_rows(
        "Id,Child[1],Child[3],Child[2],Born:date[1],Born[2]:date,Grid,Picks:mc\n"
        'A,Ann,Cy,,2020-01-02,,"[[""a""], [], [""b"", null, ""c""]]",'
        '"[[""Red""], [""Blue"", ""Green""]]"\n'
    )
    answers = answers_of(row)
    assert answers["Child"] == ["Ann", None, "Cy"]
    assert answers["Born"] == [datetime.date(2020, 1, 2)]
    assert answers["Grid"] == [["a"], [], ["b", None, "c"]]
    assert answers["Picks"] == [MultipleChoice("Red"), MultipleChoice("Blue", "Green")]


def test_a_json_list_of_numbers_and_flags() -> None:
    """JSON numbers and booleans are read in number and true/false repeats."""
    (row,) = csv_rows('Id,N:number,F:tf\nA,"[1, 2.5, ""3""]","[true, false]"\n')
    answers = answers_of(row)
    assert answers["N"] == [Decimal(1), Decimal("2.5"), Decimal(3)]
    assert answers["F"] == [True, False]


def test_empty_cells_leave_the_answer_out_and_text_that_only_looks_like_json_stays() -> None:
    """An empty (or blank) cell is no answer; '[draft]' is not JSON, so it is text."""
    (row,) = csv_rows("Id,A,B:number,C[1],C[2],D\nX,, ,,,[draft]\n")
    answers = answers_of(row)
    assert list(answers) == ["Id", "D"]
    assert answers["D"] == "[draft]"


def test_bad_rows_are_reported_with_line_and_reason_and_the_others_are_read() -> None:
    """Each bad row comes with its first line and every problem, naming the column; a quoted
    cell over two lines counts both; blank lines are skipped; the good rows are read."""
    rows = csv_rows(
        "Id,Amount:number,Start:date,Note\n"
        "A,1,2026-01-01,ok\n"
        "B,1,000,2026-01-01,x\n"  # ragged: the thousands separator makes five cells
        "\n"
        'C,"1,5",31/01/2026,"two\nlines"\n'
        "D,1e3,2026-02-30,\x01\n"
        ",2,2026-01-01,no key\n"
        "E,2,2026-01-01,ok\n"
    )
    assert [(row.key, row.line, row.error is None) for row in rows] == [
        ("A", 2, True),
        ("B", 3, False),
        ("C", 5, False),
        ("D", 7, False),
        ("", 8, False),
        ("E", 9, True),
    ]
    errors = [row.error or "" for row in rows]
    assert "the row has 5 cells and the header 4" in errors[1]
    assert "column 2 ('Amount:number'): '1,5' is not a number in invariant culture" in errors[2]
    assert "column 3 ('Start:date'): '31/01/2026' is not an ISO 8601 date" in errors[2]
    assert "column 3 ('Start:date'): '2026-02-30' is not an ISO 8601 date" in errors[3]
    assert "column 4 ('Note')" in errors[3]
    assert "XML 1.0" in errors[3]
    assert "no key: column 1 ('Id') is empty" in errors[4]
    assert answers_of(rows[3 - 3])["Amount"] == Decimal(1)


def test_bytes_that_are_not_utf8_make_only_their_row_invalid(tmp_path: Path) -> None:
    """A row with bytes that are not UTF-8 is invalid (named column); a BOM is skipped."""
    path = tmp_path / "rows.csv"
    path.write_bytes(b"\xef\xbb\xbfId,Name\nA,Ann\nB,\xff\xfe\nC,Cy\n")
    rows = list(read_rows(path, key_column="Id", name="{Name}"))
    assert [(row.key, row.error) for row in rows] == [
        ("A", None),
        ("B", "column 2: the bytes are not UTF-8"),
        ("C", None),
    ]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Id,Amount:numbr", "'Amount:numbr': unknown type 'numbr' (known: text, number, date"),
        ("Id,Amount:", "'Amount:': unknown type ''"),
        ("Id,Amount,Amount:number", "answer 'Amount' is already column 2"),
        ("Id,C[1],C[1]", "index 1 of 'C' appears twice"),
        ("Id,C[1]:date,C[2]:number", "a repeat's columns are Name[1], Name[2], ... of one type"),
        ("Id,C[0]", "repeat indexes start at 1"),
        ("Id,C[1]:date[2]", "two repeat indexes"),
        ("Id,[x]", "not a column name"),
        ("Key,Name", "there is no key column 'Id'"),
        ("Id[1],Name", "there is no key column 'Id'"),
        ("Id,Customer", "the name template '{Name}' names 'Name', which is not a column"),
    ],
)
def test_header_problems_refuse_the_file_before_any_row(header: str, message: str) -> None:
    """A header no row could be read with raises BulkInputError at line 1 (no row yielded)."""
    with pytest.raises(BulkInputError, match="line 1") as raised:
        csv_rows(f"{header}\nA,B\n", name="{Name}")
    assert message in str(raised.value)
    assert raised.value.line == 1


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{Id:>10}", "without a format or conversion"),
        ("{Id!r}", "without a format or conversion"),
        ("{}", "a field names a column"),
        ("{Id", "name template '{Id'"),
        ("  ", "must be a non-empty str"),
    ],
)
def test_name_templates_take_plain_fields_only(template: str, message: str) -> None:
    """Format specifications, conversions, empty fields and broken braces are refused."""
    with pytest.raises(BulkInputError, match=r"name template|non-empty") as raised:
        csv_rows("Id\nA\n", name=template)
    assert message in str(raised.value)


def test_name_template_fields_and_literal_braces() -> None:
    """A template fills columns (a repeat's as {Name[1]}) and keeps {{ }} as braces; a name
    that comes out blank makes the row invalid."""
    rows = csv_rows("Id,Kid[1],Who\nA,Ann,Bo\nB,, \n", name="{{{Who}}} {Kid[1]}")
    assert [row.name for row in rows] == ["{Bo} Ann", "{ } "]
    (blank,) = csv_rows("Id,Who\nB, \n", name="{Who}")
    assert blank.error is not None
    assert "gives an empty name" in blank.error


def test_an_empty_file_and_a_bad_date_format_are_refused() -> None:
    """No header row, or a date format with no directive, raise BulkInputError."""
    with pytest.raises(BulkInputError, match="empty"):
        csv_rows("")
    with pytest.raises(BulkInputError, match="no % directive"):
        csv_rows("Id\nA\n", date_format="mm/dd/yyyy")


def test_json_lines_rows(tmp_path: Path) -> None:
    """A JSON Lines file gives one row per non-blank line: the key member taken out before
    from_dict, or else the answer of that name; bad lines invalid with their line number."""
    path = tmp_path / "rows.jsonl"
    lines = [
        {"CustomerId": "C-1", "answers": {"Customer": "Ann", "Amount": {"number": "2.5"}}},
        {"answers": {"CustomerId": "C-2", "Customer": "Bo"}},
        {"answers": {"Customer": "Cy"}},
        {"CustomerId": "C-4", "answers": {"Customer": {"date": "31/01/2026"}}},
        {"CustomerId": 5, "answers": {"Customer": ["a", "b"]}},
        [1, 2],
    ]
    text = "\n".join(json.dumps(line) for line in lines[:3]) + "\n\n"
    text += "\n".join(json.dumps(line) for line in lines[3:]) + "\n{not json\n"
    path.write_text(text, encoding="utf-8")
    rows = list(read_rows(path, key_column="CustomerId", name="{Customer} ({CustomerId})"))
    assert [(row.key, row.line, row.name) for row in rows] == [
        ("C-1", 1, "Ann (C-1)"),
        ("C-2", 2, "Bo (C-2)"),
        ("", 3, None),
        ("C-4", 5, None),
        ("5", 6, None),
        ("", 7, None),
        ("", 8, None),
    ]
    assert answers_of(rows[0])["Amount"] == Decimal("2.5")
    assert "CustomerId" not in answers_of(rows[0])
    assert answers_of(rows[1])["CustomerId"] == "C-2"
    errors = [row.error or "" for row in rows]
    assert "no key" in errors[2]
    assert "answer 'Customer'" in errors[3]
    assert "names 'Customer', which this row has no single value of" in errors[4]
    assert "a line holds a JSON object, not list" in errors[5]
    assert "not JSON" in errors[6]


def test_json_lines_from_an_open_binary_file() -> None:
    """An open binary file is read as it is (and not closed)."""
    stream = io.BytesIO(b'{"k": "a", "answers": {"X": true}}\n')
    (row,) = read_json_lines_rows(stream, key_column="k", name="{X}")
    assert (row.key, row.name) == ("a", "true")
    assert not stream.closed


def test_read_rows_tells_the_format_by_extension(tmp_path: Path) -> None:
    """.csv is CSV, .jsonl/.ndjson JSON Lines; other names need format=."""
    path = tmp_path / "rows.txt"
    path.write_text("Id\nA\n", encoding="utf-8")
    with pytest.raises(BulkInputError, match="cannot tell the format"):
        read_rows(path, key_column="Id", name="{Id}")
    (row,) = read_rows(path, key_column="Id", name="{Id}", format="csv")
    assert row.key == "A"
    with pytest.raises(BulkInputError, match="'csv' or 'jsonl'"):
        read_rows(path, key_column="Id", name="{Id}", format="xml")


def test_rows_are_read_lazily(tmp_path: Path) -> None:
    """Nothing is read before iteration starts; a row is read when it is asked for."""
    path = tmp_path / "rows.csv"
    path.write_text("Id\nA\nB\n", encoding="utf-8")
    rows = read_rows(path, key_column="Id", name="{Id}")
    path.write_text("Id\nC\nD\n", encoding="utf-8")  # before the first row is asked for
    assert next(iter(rows)).key == "C"


def test_count_rows(tmp_path: Path) -> None:
    """count_rows counts records (a quoted line break inside one), not lines."""
    csv_path = tmp_path / "rows.csv"
    csv_path.write_text('Id,Note\nA,"x\ny"\n\nB,z\n', encoding="utf-8")
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text('{"a": 1}\n\n{"b": 2}\n', encoding="utf-8")
    assert (count_rows(csv_path), count_rows(jsonl)) == (2, 2)
