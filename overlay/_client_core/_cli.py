"""What the command-line programs share: the app, exit statuses, output, warnings, secrets.

Private to this distribution. ``hotdocs_advance._cli`` (``hotdocs-advance``),
``hotdocs_advance._answers_cli`` (``hotdocs-answers``) and ``inforouter._cli`` (``inforouter``)
import it; ``import hotdocs_advance`` and ``import inforouter`` do not, so typer (and the click
it carries) and rich are loaded only when a program runs (``_client_core/__init__.py`` does not
import this module). Only typer's API is used, not click's: recent typer carries its own copy.

- ``new_app`` and ``new_group`` build the typer apps: ``--help`` with an example, ``-h``, no
  shell-completion options, and a root group that turns the SDK's errors into a one-line
  message on stderr and an exit status (`ExitCode`, by the program's `ErrorTable`), and
  Python warnings (an insecure transport, a ticket in a URL) into ``warning:`` lines on stderr.
- `Output` writes a result as a table (rich) or, with ``--json``, as JSON on stdout.
- `warn_secret_on_command_line` warns when a password or token came from the command line.
- `version_option` is ``--version``.
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import enum
import importlib.metadata
import json
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Annotated, Any, Final, NoReturn, cast

import attrs
import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

__all__ = [
    "DISTRIBUTION",
    "ErrorTable",
    "ExitCode",
    "JsonOption",
    "Output",
    "exit_code_for",
    "fail",
    "new_app",
    "new_group",
    "plain",
    "version_option",
    "warn",
    "warn_secret_on_command_line",
]

#: The distribution whose version ``--version`` shows.
DISTRIBUTION: Final = "hotdocs-inforouter-clients"


class ExitCode(enum.IntEnum):
    """The exit statuses of every program (the README lists them).

    0 only on success. 2 is click's own status for a bad flag or argument; the programs use it
    too for input the SDK refuses before anything is sent (a bad id, an invalid answer file
    given to a command, missing configuration).
    """

    OK = 0
    #: The command ran and the answer is no: a file is invalid, the WSDLs differ, the server
    #: refused in a way none of the codes below names.
    FAILED = 1
    #: A flag, argument or input refused before anything was sent; missing configuration.
    USAGE = 2
    #: The credentials or the token were refused (401), or their rights or scope are too small.
    REFUSED = 3
    #: The server has no such thing (404, infoRouter's "not found").
    NOT_FOUND = 4
    #: The server refused because of the state of things (409: an id or name taken, no active
    #: session).
    CONFLICT = 5
    #: No usable answer: the server could not be reached, timed out, answered something that is
    #: not the service's, or a create's outcome is unknown.
    NO_ANSWER = 6
    #: Interrupted (Ctrl-C) during a run that can be resumed: run the same command again.
    INTERRUPTED = 130


#: A program's mapping from exception classes to exit statuses, most specific first.
ErrorTable = Sequence[tuple[type[BaseException], ExitCode]]


def exit_code_for(error: BaseException, table: ErrorTable) -> ExitCode | None:
    """Return the exit status the first matching row of ``table`` gives ``error``, if any.

    Args:
        error: The exception.
        table: The program's table.

    Returns:
        The status, or None when no row matches (a bug: it propagates).
    """
    return next((code for kind, code in table if isinstance(error, kind)), None)


def warn(message: str) -> None:
    """Write ``warning: message`` on stderr.

    Args:
        message: The warning.
    """
    typer.echo(f"warning: {message}", err=True)


def fail(message: str, code: ExitCode = ExitCode.FAILED) -> NoReturn:
    """End the command: ``error: message`` on stderr and the exit status.

    Args:
        message: What failed, in one line (more lines for lists).
        code: The exit status.

    Raises:
        typer.Exit: Always.
    """
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(int(code))


def _show_warning(  # noqa: PLR0917 - warnings.showwarning's signature
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    warn(str(message))


@contextlib.contextmanager
def _warnings_on_stderr() -> Iterator[None]:
    """Show the SDK's warnings as ``warning:`` lines, each time; hide deprecation noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        warnings.showwarning = _show_warning
        yield


def _group_class(errors: ErrorTable) -> type[TyperGroup]:
    """Build the root group class: errors of the table become a message and an exit status."""
    caught = tuple(kind for kind, _ in errors)

    class Group(TyperGroup):
        def invoke(self, ctx: Any) -> Any:  # typer's click Context (its own copy, or click's)
            with _warnings_on_stderr():
                try:
                    return super().invoke(ctx)
                except caught as error:
                    code = exit_code_for(error, errors)
                    assert code is not None
                    # The SDK's messages are masked already: no secret is in them.
                    fail(str(error), code)

    return Group


def new_app(*, help: str, epilog: str, errors: ErrorTable) -> typer.Typer:
    """Create a program's root app.

    Args:
        help: The first paragraph of ``--help``.
        epilog: What ``--help`` ends with: an example (paragraphs separated by blank lines).
        errors: How the program's exceptions map to exit statuses.

    Returns:
        The app; add a callback with `version_option` and the sub-apps.
    """
    return typer.Typer(
        help=help,
        epilog=epilog,
        cls=_group_class(errors),
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
        pretty_exceptions_show_locals=False,  # locals may hold a password
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def new_group(*, help: str, epilog: str) -> typer.Typer:
    """Create a command group (a sub-app such as ``work-item``) to add to a root app.

    Args:
        help: The group's help.
        epilog: An example.

    Returns:
        The sub-app; register commands with ``@group.command("name")``.
    """
    return typer.Typer(
        help=help,
        epilog=epilog,
        no_args_is_help=True,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def _print_version(program: str) -> Callable[[bool], None]:
    def show(value: bool) -> None:
        if not value:
            return
        try:
            version = importlib.metadata.version(DISTRIBUTION)
        except importlib.metadata.PackageNotFoundError:  # vendored: no distribution metadata
            version = "(version unknown: not installed as a distribution)"
        typer.echo(f"{program} {version} ({DISTRIBUTION})")
        raise typer.Exit()

    return show


def version_option(program: str) -> Any:
    """Return the ``--version`` option of a program's root callback.

    Args:
        program: The program's name, as ``--version`` prints it.

    Returns:
        A ``typer.Option`` for a ``bool`` parameter.
    """
    return typer.Option(
        "--version",
        callback=_print_version(program),
        is_eager=True,
        help="Show the version and exit.",
    )


#: The ``--json`` flag of every command that prints a result.
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON instead of a table.")
]


def warn_secret_on_command_line(ctx: typer.Context, parameter: str, flag: str, env: str) -> None:
    """Warn when a secret came from the command line, where other users can read it.

    The value itself is never shown.

    Args:
        ctx: The context holding the parameter.
        parameter: The parameter's name (``password``).
        flag: Its flag (``--password``).
        env: The environment variable to use instead.
    """
    # By name: typer's own copy of click and click itself have each their ParameterSource.
    source = ctx.get_parameter_source(parameter)
    if source is not None and source.name == "COMMANDLINE":
        warn(
            f"{flag} given on the command line is visible to other users of this machine "
            f"(in the process list) and may stay in your shell's history; set {env} instead"
        )


# --- Output ----------------------------------------------------------------------------------


def plain(value: object) -> Any:  # noqa: PLR0911 - one return per kind of value
    """Turn a result into JSON-ready data.

    A generated model (it has ``to_dict()``) gives the API's own members, unknown ones
    included; another attrs class gives its attributes by name; ids, dates, numbers and enums
    give their text.

    Args:
        value: A result.

    Returns:
        Dicts, lists, strings, numbers, booleans and None.
    """
    if value is None or isinstance(value, str | bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return plain(value.value)
    if isinstance(value, uuid.UUID | decimal.Decimal):
        return str(value)
    if isinstance(value, datetime.date):  # datetime too
        return value.isoformat()
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return plain(to_dict())
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if attrs.has(type(value)):
        fields = attrs.fields(cast(Any, type(value)))
        return {field.name: plain(getattr(value, field.name)) for field in fields}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value]
    return str(value)


def _cell(value: Any) -> Text:
    """Make a table cell, as text (never rich markup: values come from servers and files)."""
    if value is None:
        return Text("")
    if isinstance(value, bool):
        return Text("true" if value else "false")
    if isinstance(value, dict | list):
        return Text(json.dumps(value, ensure_ascii=False))
    return Text(str(value))


class Output:
    """Write a command's result on stdout: a table, or JSON with ``--json``.

    Args:
        as_json: The command's ``--json`` flag.
    """

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    @staticmethod
    def _print(table: Table, *, whole_rows: bool = False) -> None:
        """Print a table, its long cells folded to a terminal's width (80 elsewhere).

        With ``whole_rows``, a table printed into a pipe or a file is as wide as its longest
        row needs instead, so that each row stays one line (and an id whole) for ``grep``,
        ``awk`` or ``cut``.
        """
        # Made at each use: stdout may have been replaced (a test runner does that).
        console = Console(highlight=False, soft_wrap=False)
        if whole_rows and not console.is_terminal:
            wide = console.measure(table, options=console.options.update(width=1 << 16))
            console = Console(highlight=False, soft_wrap=False, width=max(wide.maximum, 1))
        console.print(table)

    def json(self, data: object) -> None:
        """Write data as JSON, whatever the flag.

        Args:
            data: A result (see `plain`).
        """
        typer.echo(json.dumps(plain(data), indent=2, ensure_ascii=False))

    def record(self, value: object, *, title: str | None = None, hide: Sequence[str] = ()) -> None:
        """Write one result: a two-column table of its members, or its JSON object.

        Args:
            value: The result (see `plain`).
            title: The table's title.
            hide: Members the table leaves out (JSON keeps every member).
        """
        data = plain(value)
        if self.as_json:
            self.json(data)
            return
        table = Table(title=title, show_header=False, box=box.SIMPLE)
        table.add_column("member", style="bold")
        table.add_column("value", overflow="fold")
        for key, item in (data if isinstance(data, dict) else {"value": data}).items():
            if key not in hide:
                table.add_row(Text(str(key)), _cell(item))
        self._print(table)

    def rows(
        self, rows: Iterable[object], columns: Sequence[str], *, title: str | None = None
    ) -> int:
        """Write a list of results: a table with one row each, or a JSON list.

        The JSON list is written as the results come, one at a time (a lazy listing is
        fetched page by page as it is printed, in flat memory), and reads as one JSON array
        once complete. A table needs every row for its column widths: it is printed at the
        end, fitted to a terminal, or into a pipe or a file with each row on one line.

        Args:
            rows: The results (see `plain`; each gives a mapping), possibly lazy.
            columns: The members shown in the table, in order (JSON shows every member).
            title: The table's title.

        Returns:
            How many results were written.
        """
        if self.as_json:
            return self._json_items(rows)
        data = [plain(row) for row in rows]
        table = Table(title=title, box=box.SIMPLE)
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in data:
            table.add_row(*(_cell(row.get(column)) for column in columns))
        self._print(table, whole_rows=True)
        return len(data)

    @staticmethod
    def _json_items(items: Iterable[object]) -> int:
        # The same text as json.dumps(list, indent=2), written one item at a time.
        count = 0
        for item in items:
            text = json.dumps(plain(item), indent=2, ensure_ascii=False).replace("\n", "\n  ")
            typer.echo(("[\n  " if count == 0 else ",\n  ") + text, nl=False)
            count += 1
        typer.echo("\n]" if count else "[]")
        return count

    def line(self, text: str) -> None:
        """Write a line of text (not with ``--json``, where the JSON says it).

        Args:
            text: The line.
        """
        if not self.as_json:
            typer.echo(text)
