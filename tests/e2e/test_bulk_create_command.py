"""The bulk-create command through typer's CliRunner, on a small app, against the sandbox."""

from __future__ import annotations

import csv
import json
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
import typer
from hotdocs_advance import AdvanceClient, AsyncAdvanceClient, ServicePrincipal
from hotdocs_advance._bulk_command import EXAMPLE, MAX_ROWS_SHOWN, register_bulk_create
from hotdocs_advance.sandbox import AdvanceSandbox
from typer.testing import CliRunner

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")


def app_for(factory: Callable[[typer.Context], AdvanceClient | AsyncAdvanceClient]) -> typer.Typer:
    """The command on a small app, as the hotdocs-advance program registers it."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """A test program."""

    register_bulk_create(app, factory, progress_interval=0.0)
    return app


@pytest.fixture
def app(advance_sandbox: AdvanceSandbox) -> typer.Typer:
    return app_for(lambda _ctx: AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL))


def write_rows(path: Path, count: int, extra: list[list[str]] | None = None) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["CustomerId", "Customer", "Renewal:date", "Active:tf"])
        for i in range(count):
            writer.writerow([f"C{i}", f"Customer {i}", f"01/{i % 28 + 1:02d}/2027", "yes"])
        writer.writerows(extra or [])
    return path


def args(data: Path, *more: str) -> list[str]:
    return [
        "bulk-create", str(data), "--work-group", GROUP, "--template-package", PACKAGE,
        "--name", "{Customer} renewal", "--key-column", "CustomerId",
        "--date-format", "%m/%d/%Y", *more,
    ]  # fmt: skip


def outcomes(report: Path) -> Counter[str]:
    with report.open(encoding="utf-8") as stream:
        return Counter(record["outcome"] for record in csv.DictReader(stream))


def test_help_shows_an_example(app: typer.Typer) -> None:
    """--help lists the issue's options and ends with the example."""
    result = CliRunner().invoke(app, ["bulk-create", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for option in ("--work-group", "--template-package", "--name", "--key-column",
                   "--concurrency", "--date-format", "--dry-run", "--shard", "--report",
                   "--download"):  # fmt: skip
        assert option in result.stdout
    assert "hotdocs-advance bulk-create customers.csv" in result.stdout
    assert EXAMPLE.splitlines()[0][:40] in result.stdout


def test_a_run_downloads_documents_and_a_rerun_finds_every_row(
    app: typer.Typer, advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """bulk-create with --download and --report creates every row, writes each work item's
    assembled .docx into DIR/<key>/, prints the summary, and exits 0; run again, every row is
    existing, still 0."""
    data = write_rows(tmp_path / "rows.csv", 30)
    report, folder = tmp_path / "report.csv", tmp_path / "documents"
    runner = CliRunner()
    result = runner.invoke(app, args(data, "--report", str(report), "--download", str(folder)))
    assert result.exit_code == 0, result.output
    assert outcomes(report) == {"created": 30}
    assert len(advance_sandbox.state.work_items) == 30
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"C{i}" for i in range(30))
    (document,) = (folder / "C7").iterdir()
    assert document.suffix == ".docx"
    assert zipfile.is_zipfile(document)
    assert "word/document.xml" in zipfile.ZipFile(document).namelist()
    assert not [path for path in folder.rglob("*") if path.name.endswith(".part")]
    assert "created" in result.stdout
    assert "30 rows in" in result.stdout
    again = runner.invoke(app, args(data, "--report", str(report), "--download", str(folder)))
    assert again.exit_code == 0, again.output
    assert outcomes(report) == {"existing": 30}
    with report.open(encoding="utf-8") as stream:
        assert {record["documents"] for record in csv.DictReader(stream)} == {"1"}


def test_bad_rows_are_shown_and_the_exit_status_is_1(
    app: typer.Typer, advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """Bad rows are written on stderr as they are found (line, key, reason; at most
    MAX_ROWS_SHOWN of them), the others are created, and the status is 1."""
    extra = [[f"B{i}", f"Bad {i}", "2027-01-31", "yes"] for i in range(MAX_ROWS_SHOWN + 5)]
    data = write_rows(tmp_path / "rows.csv", 10, extra)
    result = CliRunner().invoke(app, args(data, "--json"))
    assert result.exit_code == 1
    assert "line 12 (key 'B0'): invalid: column 3 ('Renewal:date'): '2027-01-31'" in result.stderr
    assert result.stderr.count(": invalid: ") == MAX_ROWS_SHOWN
    assert "the report lists every row" in result.stderr
    summary = json.loads(result.stdout)
    assert (summary["created"], summary["invalid"]) == (10, MAX_ROWS_SHOWN + 5)
    assert len(advance_sandbox.state.work_items) == 10


def test_plain_progress_lines_off_a_terminal_and_a_bar_on_one(
    app: typer.Typer, tmp_path: Path
) -> None:
    """Off a terminal, progress is plain lines (rows done, outcomes, rate); on a terminal
    (forced), a rich progress bar with rows/s and the time remaining."""
    data = write_rows(tmp_path / "rows.csv", 20)
    plain = CliRunner().invoke(app, args(data, "--dry-run"))
    assert plain.exit_code == 0, plain.output
    assert "bulk-create: 20 rows done: 20 valid;" in plain.stderr
    assert "rows/s" in plain.stderr
    assert "\x1b[" not in plain.stderr
    bar = CliRunner().invoke(app, args(data, "--dry-run"), env={"FORCE_COLOR": "1"})
    assert bar.exit_code == 0, bar.output
    assert "20/20" in bar.stderr
    assert "rows/s" in bar.stderr
    assert "ETA" in bar.stderr
    assert "bulk-create: 20 rows done" not in bar.stderr


def test_a_dry_run_sends_nothing_and_shards_split_the_rows(
    app: typer.Typer, advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """--dry-run validates (exit 0) and creates nothing; --shard K/N runs take disjoint rows
    that together are every row."""
    data = write_rows(tmp_path / "rows.csv", 60)
    dry = CliRunner().invoke(app, args(data, "--dry-run", "--json"))
    assert dry.exit_code == 0, dry.output
    assert json.loads(dry.stdout)["valid"] == 60
    assert advance_sandbox.state.work_items == {}
    keys: Counter[str] = Counter()
    for k in (1, 2, 3):
        report = tmp_path / f"shard{k}.jsonl"
        result = CliRunner().invoke(app, args(data, "--shard", f"{k}/3", "--report", str(report)))
        assert result.exit_code == 0, result.output
        keys.update(json.loads(line)["key"] for line in report.read_text().splitlines())
    assert sorted(keys) == sorted(f"C{i}" for i in range(60))
    assert set(keys.values()) == {1}
    assert len(advance_sandbox.state.work_items) == 60


@pytest.mark.parametrize(
    ("more", "header", "message"),
    [
        ((), "CustomerId,Customer,Renewal:dat", "unknown type 'dat'"),
        (("--shard", "4/3"), None, "shard: K is from 1 to 3"),
        (("--report", "out.txt"), None, "the report is .csv, .json or .jsonl"),
        (("--check-first", "maybe"), None, "--check-first is auto, always or never"),
        (("--namespace", "nope"), None, "namespace"),
    ],
)
def test_input_refused_before_sending_exits_2(
    app: typer.Typer,
    advance_sandbox: AdvanceSandbox,
    tmp_path: Path,
    more: tuple[str, ...],
    header: str | None,
    message: str,
) -> None:
    """A header, shard, report name or option the run cannot use: 'error: ...', status 2,
    nothing created."""
    data = write_rows(tmp_path / "rows.csv", 3)
    if header is not None:
        data.write_text(header + "\nC1,Ann,2027-01-01\n", encoding="utf-8")
    result = CliRunner().invoke(app, args(data, *more))
    assert result.exit_code == 2, result.output
    assert "error: " in result.stderr
    assert message in result.stderr
    assert advance_sandbox.state.work_items == {}


def test_a_sync_client_factory_and_a_refused_log_in(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """A factory may give an AdvanceClient (its settings carry over); a refused log-in stops
    the run with status 3 and a message that holds no password."""
    data = write_rows(tmp_path / "rows.csv", 5)
    good = app_for(lambda _ctx: AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL))
    assert CliRunner().invoke(good, args(data)).exit_code == 0
    wrong = ServicePrincipal("sandbox", "sandbox-principal", "not-the-password-123")
    refused = app_for(lambda _ctx: AdvanceClient(advance_sandbox.base_url, auth=wrong))
    result = CliRunner().invoke(refused, args(tmp_path / "rows.csv", "--namespace", GROUP))
    assert result.exit_code == 3, result.output
    assert "error: " in result.stderr
    assert "not-the-password-123" not in result.output
