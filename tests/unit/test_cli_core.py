"""The command-line core (_client_core._cli) and the WSDL comparison, without servers."""

from __future__ import annotations

import datetime
import enum
import json
import uuid
import warnings
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated

import attrs
import pytest
import typer
from _client_core._cli import (
    ExitCode,
    Output,
    exit_code_for,
    new_app,
    plain,
    warn_secret_on_command_line,
)
from hotdocs_advance import WorkItem
from inforouter._errors import InvalidResponseError
from inforouter._wsdl_check import compare, package_description, read_wsdl
from inforouter_api import OPERATIONS, WSDL
from typer.testing import CliRunner


class Colour(enum.Enum):
    RED = "Red"


@attrs.frozen
class Thing:
    when: datetime.date
    amount: Decimal
    colour: Colour
    ids: tuple[uuid.UUID, ...]


def test_plain_gives_json_data_for_models_attrs_and_values() -> None:
    """Generated models give their wire members; attrs classes their names; values text."""
    item_id = uuid.UUID("cb97f8d6-04a1-490a-aa09-92af12dfb305")
    item = WorkItem(id=item_id, name="n", extra={"unknownMember": 1})
    assert plain(item) == {"id": str(item_id), "name": "n", "unknownMember": 1}
    thing = Thing(datetime.date(2026, 1, 31), Decimal("1.50"), Colour.RED, (item_id,))
    assert plain(thing) == {
        "when": "2026-01-31",
        "amount": "1.50",
        "colour": "Red",
        "ids": [str(item_id)],
    }


def test_exit_codes_follow_the_first_matching_row() -> None:
    """The table is read most specific first; an unlisted error gives None (it propagates)."""
    table = ((KeyError, ExitCode.NOT_FOUND), (LookupError, ExitCode.FAILED))
    assert exit_code_for(KeyError("x"), table) is ExitCode.NOT_FOUND
    assert exit_code_for(IndexError("x"), table) is ExitCode.FAILED
    assert exit_code_for(ValueError("x"), table) is None


@pytest.mark.parametrize(
    "items",
    [[], [{"a": 1}], [{"id": "x", "nested": {"list": [1, 2], "text": "é\nline"}}, 3, None]],
)
def test_json_rows_read_as_the_whole_list_would(
    items: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    """--json rows, written one at a time, are the very text json.dumps gives the list."""
    assert Output(as_json=True).rows(items, ["id"]) == len(items)
    assert capsys.readouterr().out == json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def test_json_rows_are_written_as_they_come(capsys: pytest.CaptureFixture[str]) -> None:
    """The first item is out before the second is asked for (a lazy listing streams)."""

    def items() -> Iterator[dict[str, str]]:
        yield {"id": "first"}
        raise RuntimeError("the second page failed")

    with pytest.raises(RuntimeError):
        Output(as_json=True).rows(items(), ["id"])
    assert capsys.readouterr().out == '[\n  {\n    "id": "first"\n  }'


def test_a_table_into_a_pipe_keeps_each_row_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Not on a terminal, a wide table is not folded: an id stays whole on its line."""
    item_id = str(uuid.uuid4())
    Output(as_json=False).rows([{"id": item_id, "name": "a long name " * 12}], ["id", "name"])
    (row,) = [line for line in capsys.readouterr().out.splitlines() if item_id in line]
    assert row.strip().endswith("a long name")


def make_app() -> typer.Typer:
    app = new_app(help="h", epilog="Example:\n\nprog go", errors=((ValueError, ExitCode.USAGE),))

    @app.callback()
    def root(
        ctx: typer.Context, secret: Annotated[str | None, typer.Option(envvar="S")] = None
    ) -> None:
        warn_secret_on_command_line(ctx, "secret", "--secret", "S")

    @app.command()
    def go(text: str = "[bold]x[/bold]") -> None:
        warnings.warn("careful", UserWarning, stacklevel=1)
        Output(as_json=False).record({"value": text})

    @app.command()
    def boom() -> None:
        raise ValueError("bad input here")

    @app.command()
    def bug() -> None:
        raise KeyError("a bug")

    return app


def test_the_app_maps_errors_shows_warnings_and_never_reads_markup() -> None:
    """Table errors: message and status; warnings: stderr lines; values print as they are."""
    runner = CliRunner()
    app = make_app()
    go = runner.invoke(app, ["go"])
    assert go.exit_code == 0
    assert "[bold]x[/bold]" in go.stdout  # not read as rich markup
    assert go.stderr == "warning: careful\n"
    boom = runner.invoke(app, ["boom"])
    assert (boom.exit_code, boom.stderr) == (2, "error: bad input here\n")
    bug = runner.invoke(app, ["bug"])
    assert isinstance(bug.exception, KeyError)  # a bug is not dressed up as a failure


def test_a_secret_warns_from_the_command_line_only() -> None:
    """--secret warns without showing its value; the same value from the environment does not."""
    runner = CliRunner()
    flagged = runner.invoke(make_app(), ["--secret", "hunter2-value", "go"])
    assert "warning: --secret given on the command line" in flagged.stderr
    assert "hunter2-value" not in flagged.output
    quiet = runner.invoke(make_app(), ["go"], env={"S": "hunter2-value"})
    assert "command line" not in quiet.stderr


def test_the_packaged_wsdl_reads_as_the_generated_table_says() -> None:
    """The reader agrees with zeep's reading (the generated OPERATIONS) on every operation."""
    ours, disagreements = package_description()
    assert disagreements == []
    assert set(ours.operations) == set(OPERATIONS)
    for name, operation in OPERATIONS.items():
        found = ours.operations[name]
        assert [(p.name, p.xsd_type, p.required) for p in found.parameters] == [
            (p.name, p.xsd_type, p.required) for p in operation.parameters
        ]
        assert set(found.soap_actions.values()) == {operation.soap_action}
    assert compare(ours, read_wsdl(WSDL.read_bytes())) == []


def test_a_wsdl_with_a_doctype_or_another_root_is_refused() -> None:
    """A DTD (entities) is refused unread; a document that is not WSDL 1.1 says so."""
    with pytest.raises(InvalidResponseError, match="not readable XML"):
        read_wsdl(b'<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(InvalidResponseError, match=r"not a WSDL 1\.1 document"):
        read_wsdl(b"<definitions/>")
