"""Property tests of the bulk CSV reader: any table gives rows or a documented error, and
values written in the documented forms are read back as they were."""

from __future__ import annotations

import csv
import io
from typing import Any

from hotdocs_advance import BulkInputError, BulkRow, read_csv_rows
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import csv_tables, csv_typed_values

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def table_text(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@PROPERTY
@given(table=csv_tables())
def test_any_table_gives_rows_or_a_bulk_input_error(
    table: tuple[list[str], list[list[str]]],
) -> None:
    """Whatever the header and cells (ragged rows, controls, surrogates, JSON-looking text,
    bad suffixes), reading gives one BulkRow per non-blank record, each either with answers
    or with an error that names a line, or raises BulkInputError: never anything else."""
    header, rows = table
    text = table_text(header, rows)
    refused: BulkInputError | None = None
    try:
        read = list(read_csv_rows(io.StringIO(text, newline=""), key_column="Id", name="row {Id}"))
    except BulkInputError as exc:
        refused = exc
    if refused is not None:
        assert refused.line in (None, 1)  # the header's problems: before any row
        return
    assert all(isinstance(row, BulkRow) for row in read)
    for row in read:
        assert row.line is not None
        if row.error is None:
            assert row.answers is not None
            assert row.name == f"row {row.key}"
            assert row.key
        else:
            assert row.error.strip()
    non_blank = [row for row in rows if row not in ([], [""])]
    assert len(read) <= len(non_blank)


@PROPERTY
@given(values=st.lists(csv_typed_values, min_size=1, max_size=6))
def test_values_in_the_documented_forms_are_read_back(values: list[tuple[str, str, Any]]) -> None:
    """A text, number (invariant culture), ISO date or true/false written in its column is
    read back as the value it was written from, under the name of its column."""
    header = ["Id", *(f"A{i}:{kind}" for i, (kind, _, _) in enumerate(values))]
    row = ["key", *(cell for _, cell, _ in values)]
    (read,) = read_csv_rows(
        io.StringIO(table_text(header, [row]), newline=""), key_column="Id", name="{Id}"
    )
    assert read.error is None, read.error
    assert read.answers is not None
    for i, (_, _, value) in enumerate(values):
        assert read.answers[f"A{i}"] == value
