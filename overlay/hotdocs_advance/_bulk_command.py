"""The ``bulk-create`` command (typer): ``bulk_create_work_items`` with progress and a summary.

``bulk_create_command(client_factory)`` returns the command function, to register on a typer
app (``register_bulk_create(app, client_factory)`` does it with its help and example), so the
program that owns the configuration (flags, environment) hands the command its client.
``import hotdocs_advance`` does not import this module (typer and rich load only for the
command).

What the person running it sees: on a terminal, a rich progress bar on stderr with rows done,
rate, elapsed time, time remaining and the count of each outcome; otherwise (a CI log) one
plain line every ``progress_interval`` seconds and one at the end. Each of the first
``MAX_ROWS_SHOWN`` bad rows is written on stderr as it is found (line, key, outcome, reason);
the report file has every row. At the end, a summary table on stdout (``--json``: the counts
as JSON). Exit status: 0 when every row of the shard was created, found existing or (dry
run) valid; 1 when any row is ``invalid`` or ``failed``; 2 for an input or option refused
before anything was sent; 3 when the log-in or the scope is refused (the run stops: every
other row would meet it too); 130 when interrupted (rerun the same command to finish).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Final

import typer
from _client_core._cli import ExitCode, fail
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ._async_client import AsyncAdvanceClient
from ._bulk import (
    DEFAULT_CONCURRENCY,
    BulkOutcome,
    BulkProgress,
    BulkReport,
    CheckFirst,
    async_twin,
    bulk_create_work_items,
)
from ._bulk_rows import count_rows, read_rows
from ._errors import (
    AdvanceError,
    AuthenticationError,
    BulkInputError,
    InvalidArgumentError,
    PermissionDeniedError,
)
from ._sync_client import AdvanceClient

__all__ = [
    "EXAMPLE",
    "MAX_ROWS_SHOWN",
    "bulk_create_command",
    "register_bulk_create",
]

#: How many bad rows are written on stderr as they are found (the report has all).
MAX_ROWS_SHOWN: Final = 20
_REFRESH: Final = 0.1  # seconds between two updates of the progress bar

HELP: Final = (
    "Create a work item for each row of a CSV or JSON Lines file; rerun to resume "
    "(ids derive from the key column, so nothing is created twice)."
)
#: The example ``--help`` ends with.
EXAMPLE: Final = (
    "Example: a CSV file whose header row gives each column's type by a suffix (dates in ISO "
    "8601 unless --date-format gives another form):\n\n"
    "CustomerId,Customer,Amount:number,Start:date,Active:tf,Colors:mc\n\n"
    "hotdocs-advance bulk-create customers.csv "
    "--work-group cb97f8d6-04a1-490a-aa09-92af12dfb305 "
    "--template-package 0ef6a9be-b007-4d7d-83f1-9d56f931cd0f "
    '--name "{Customer} renewal" --key-column CustomerId --report report.csv\n\n'
    "Run it again to finish an interrupted run; spread it over 3 machines with --shard 1/3, "
    "--shard 2/3 and --shard 3/3."
)

#: Gives a run its client, from the command's context (the program's flags and environment).
ClientFactory = Callable[[typer.Context], AdvanceClient | AsyncAdvanceClient]


class _Display:
    """Shows a run's progress on stderr: a rich bar on a terminal, else periodic lines."""

    def __init__(self, console: Console, total: int | None, interval: float) -> None:
        self.console = console
        self.interval = interval
        self.shown = 0
        self.next_line = time.monotonic() + interval
        self.next_refresh = 0.0
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        if console.is_terminal:
            self.bar = Progress(
                TextColumn("bulk-create"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.0f} rows/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                TextColumn("{task.fields[counts]}"),
                console=console,
            )
            self.task = self.bar.add_task("rows", total=total, rate=0.0, counts="")

    def __enter__(self) -> _Display:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    @staticmethod
    def counts(progress: BulkProgress) -> str:
        shown = [
            f"{getattr(progress, outcome.value)} {outcome.value}"
            for outcome in BulkOutcome
            if getattr(progress, outcome.value)
        ]
        return ", ".join(shown)

    def __call__(self, progress: BulkProgress) -> None:
        last = progress.last
        if last is not None and last.outcome in (BulkOutcome.INVALID, BulkOutcome.FAILED):
            self.row(progress)
        now = time.monotonic()
        if self.bar is not None and self.task is not None:
            if now >= self.next_refresh:
                self.next_refresh = now + _REFRESH
                self.update(progress)
        elif now >= self.next_line:
            self.next_line = now + self.interval
            self.line(progress)

    def update(self, progress: BulkProgress) -> None:
        assert self.bar is not None
        assert self.task is not None
        self.bar.update(
            self.task,
            completed=progress.done + progress.skipped,
            rate=progress.rate,
            counts=self.counts(progress),
        )

    def line(self, progress: BulkProgress) -> None:
        read = f"{progress.done} rows done"
        if progress.skipped:
            read += f" ({progress.skipped} of other shards skipped)"
        self.console.print(
            Text(
                f"bulk-create: {read}: {self.counts(progress) or 'none yet'}; "
                f"{progress.rate:.0f} rows/s, {progress.elapsed:.0f} s"
            ),
        )

    def row(self, progress: BulkProgress) -> None:
        last = progress.last
        assert last is not None
        self.shown += 1
        if self.shown > MAX_ROWS_SHOWN:
            return
        where = f"line {last.line}" if last.line is not None else "a row"
        key = f" (key {last.key!r})" if last.key else ""
        text = Text(f"{where}{key}: {last.outcome.value}: {last.error}")
        if self.shown == MAX_ROWS_SHOWN:
            text.append("\n(further bad rows are not shown here: the report lists every row)")
        self.console.print(text)

    def end(self, progress: BulkProgress) -> None:
        if self.bar is not None:
            self.update(progress)
        else:
            self.line(progress)


def _summary(report: BulkReport, console: Console) -> None:
    table = Table(
        title="bulk-create" + ("" if report.shard is None else f" (shard {report.shard})")
    )
    table.add_column("outcome")
    table.add_column("rows", justify="right")
    for outcome in BulkOutcome:
        count = getattr(report, outcome.value)
        if count or outcome is not BulkOutcome.VALID:
            table.add_row(outcome.value, str(count))
    if report.skipped:
        table.add_row("other shards", str(report.skipped))
    table.add_row("documents", str(report.documents))
    rate = report.total / report.seconds if report.seconds > 0 else 0.0
    console.print(table)
    console.print(Text(f"{report.total} rows in {report.seconds:.1f} s ({rate:.0f} rows/s)"))


def bulk_create_command(
    client_factory: ClientFactory, *, progress_interval: float = 10.0
) -> Callable[..., None]:
    """Build the ``bulk-create`` command function, to register on a typer app.

    Args:
        client_factory: Called once per run with the command's context, after the options are
            read, to give the client: an ``AdvanceClient`` (its settings are carried over to
            an asynchronous twin; it is closed at the end) or a new ``AsyncAdvanceClient``
            (closed at the end).
        progress_interval: Seconds between two plain progress lines when stderr is not a
            terminal.

    Returns:
        The command function (typer reads its parameters).
    """

    def bulk_create(
        ctx: typer.Context,
        data: Annotated[
            Path,
            typer.Argument(
                help="The rows: a CSV file (.csv, header row) or JSON Lines (.jsonl).",
                exists=True,
                dir_okay=False,
                readable=True,
            ),
        ],
        *,
        work_group: Annotated[str, typer.Option("--work-group", help="The work group's id.")],
        template_package: Annotated[
            str, typer.Option("--template-package", help="The template package's id.")
        ],
        name: Annotated[
            str,
            typer.Option(
                "--name", help='Work item name template over the columns: "{Customer} renewal".'
            ),
        ],
        key_column: Annotated[
            str,
            typer.Option("--key-column", help="The column that identifies a row (and its id)."),
        ],
        concurrency: Annotated[
            int, typer.Option("--concurrency", min=1, max=1000, help="Rows in flight at once.")
        ] = DEFAULT_CONCURRENCY,
        date_format: Annotated[
            str | None,
            typer.Option("--date-format", help="strptime format of date cells, e.g. %m/%d/%Y."),
        ] = None,
        dry_run: Annotated[
            bool,
            typer.Option(
                "--dry-run", help="Validate every row and build its answers; send nothing."
            ),
        ] = False,
        shard: Annotated[
            str | None,
            typer.Option("--shard", help="K/N: process only the rows of shard K of N."),
        ] = None,
        report: Annotated[
            Path | None,
            typer.Option("--report", help="Write each row's outcome: .csv, .json or .jsonl."),
        ] = None,
        download: Annotated[
            Path | None,
            typer.Option(
                "--download",
                help="Download each work item's assembled documents into DIR/<key>/.",
                metavar="DIR",
                file_okay=False,
            ),
        ] = None,
        namespace: Annotated[
            str | None,
            typer.Option(
                "--namespace",
                help="UUID namespace of the ids (default: one per work group and package).",
            ),
        ] = None,
        check_first: Annotated[
            str,
            typer.Option(
                "--check-first",
                help="Read a work item before creating it: auto, always or never.",
            ),
        ] = "auto",
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the summary as JSON instead of a table.")
        ] = False,
    ) -> None:
        err = Console(stderr=True, highlight=False, soft_wrap=True)
        out = Console(highlight=False)
        if check_first not in ("auto", "always", "never"):
            fail(f"--check-first is auto, always or never, not {check_first!r}", ExitCode.USAGE)
        checked: CheckFirst = check_first  # type: ignore[assignment]
        try:
            rows = read_rows(data, key_column=key_column, name=name, date_format=date_format)
            total = count_rows(data) if err.is_terminal else None
            made = client_factory(ctx)
        except (BulkInputError, InvalidArgumentError) as exc:
            fail(str(exc), ExitCode.USAGE)
        started = time.monotonic()
        display = _Display(err, total, progress_interval)
        try:
            with display:
                finished = bulk_create_work_items(
                    (lambda: async_twin(made))
                    if isinstance(made, AdvanceClient)
                    else (lambda: made),
                    rows,
                    work_group_id=work_group,
                    template_package_id=template_package,
                    namespace=namespace,
                    concurrency=concurrency,
                    dry_run=dry_run,
                    shard=shard,
                    check_first=checked,
                    report=report,
                    progress=display,
                    keep_results=False,
                    download=download,
                )
                display.end(_as_progress(finished, started))
        except (BulkInputError, InvalidArgumentError) as exc:
            fail(str(exc), ExitCode.USAGE)
        except (AuthenticationError, PermissionDeniedError) as exc:
            fail(f"{exc} (the run stopped; rows done are in the report)", ExitCode.REFUSED)
        except AdvanceError as exc:
            fail(str(exc), ExitCode.FAILED)
        except KeyboardInterrupt:
            fail("interrupted: run the same command again to finish the rest", ExitCode.INTERRUPTED)
        finally:
            if isinstance(made, AdvanceClient):
                made.close()
        if as_json:
            out.print_json(json.dumps({**finished.counts(), "seconds": round(finished.seconds, 3)}))
        else:
            _summary(finished, out)
        if not finished.ok:
            raise typer.Exit(ExitCode.FAILED)

    bulk_create.__doc__ = HELP
    return bulk_create


def _as_progress(report: BulkReport, started: float) -> BulkProgress:
    progress = BulkProgress(started=started)
    for outcome in BulkOutcome:
        setattr(progress, outcome.value, getattr(report, outcome.value))
    progress.done = report.total
    progress.skipped = report.skipped
    progress.read = report.total + report.skipped
    progress.documents = report.documents
    return progress


def register_bulk_create(
    app: typer.Typer, client_factory: ClientFactory, *, progress_interval: float = 10.0
) -> None:
    """Add ``bulk-create`` to a typer app, with its help and example.

    Args:
        app: The app (``hotdocs-advance``).
        client_factory: As for ``bulk_create_command``.
        progress_interval: As for ``bulk_create_command``.
    """
    command = bulk_create_command(client_factory, progress_interval=progress_interval)
    app.command("bulk-create", help=HELP, epilog=EXAMPLE)(command)
