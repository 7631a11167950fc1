"""``inforouter``: check a server (log-in, binding, WSDL) and work with tasks from a shell.

Configured by flags or environment variables: ``--url`` (``INFOROUTER_URL``), ``--user``
(``INFOROUTER_USER``), ``--password`` (``INFOROUTER_PASSWORD``; as a flag it draws a warning,
and it is never printed) and ``--binding`` (``INFOROUTER_BINDING``: soap11, soap12, http-post or
http-get). Every task command logs in, sends its one call and logs out. The session's methods
are all wrapped: create-related, create, get, complete, delete, reassign.
"""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Any, Final, TypeVar

import attrs
import typer
from _client_core._cli import (
    ErrorTable,
    ExitCode,
    JsonOption,
    Output,
    exit_code_for,
    fail,
    new_app,
    new_group,
    version_option,
    warn_secret_on_command_line,
)

from ._client import DEFAULT_TIMEOUT, InfoRouterClient
from ._client import _check_url as check_url
from ._client import _timeout as check_timeout
from ._enums import Priority, RequirementType, RightType
from ._errors import (
    AuthenticationFailedError,
    InfoRouterAPIError,
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InsufficientRightsError,
    InvalidResponseError,
    NotFoundError,
    OutcomeUnknownError,
    SoapFaultError,
    TaskRequestError,
    TicketExpiredError,
    TicketNotAllowedError,
    UnsupportedBindingError,
)
from ._models import RelatedTaskRequest, TaskRequest, TaskRequirement
from ._session import Session
from ._transport import DEFAULT_MAX_RESPONSE_BYTES
from ._wire import BINDINGS
from ._wsdl_check import LABELS, compare, fetch_wsdl, package_description, read_wsdl

__all__ = ["ERRORS", "Settings", "app", "main"]

#: The package's errors and the exit status of each, most specific first.
ERRORS: Final[ErrorTable] = (
    (AuthenticationFailedError, ExitCode.REFUSED),
    (TicketNotAllowedError, ExitCode.REFUSED),
    (TicketExpiredError, ExitCode.REFUSED),
    (InsufficientRightsError, ExitCode.REFUSED),
    (NotFoundError, ExitCode.NOT_FOUND),
    (OutcomeUnknownError, ExitCode.NO_ANSWER),
    (InfoRouterConnectionError, ExitCode.NO_ANSWER),  # timeouts too
    (InvalidResponseError, ExitCode.NO_ANSWER),
    (InfoRouterHTTPError, ExitCode.NO_ANSWER),
    (TaskRequestError, ExitCode.USAGE),
    (UnsupportedBindingError, ExitCode.USAGE),
    (InfoRouterAPIError, ExitCode.FAILED),
    (SoapFaultError, ExitCode.FAILED),
    (InfoRouterError, ExitCode.FAILED),
)

E = TypeVar("E", bound=enum.Enum)
_LABELS: Final[dict[str, str]] = {str(kind): label for kind, label in LABELS.items()}

# --- Configuration ---------------------------------------------------------------------------


@attrs.frozen
class Settings:
    """The run's settings, from flags and environment variables (checked when used)."""

    url: str | None
    user: str | None
    password: str | None = attrs.field(repr=False)
    binding: str
    timeout: float | None

    def client(self, binding: str | None = None) -> InfoRouterClient:
        """Create the client the settings describe.

        Args:
            binding: Another binding than the settings' one.

        Returns:
            The client (close it, or use it as a context manager).

        Raises:
            TaskRequestError: No URL, or a bad one.
            UnsupportedBindingError: The binding is unknown.
        """
        if not self.url:
            raise TaskRequestError("no server: set INFOROUTER_URL (--url)")
        chosen = binding or self.binding
        if chosen not in BINDINGS:
            raise UnsupportedBindingError(
                f"INFOROUTER_BINDING (--binding) is one of {', '.join(BINDINGS)}, not {chosen!r}"
            )
        return InfoRouterClient(
            self.url,
            binding=chosen,
            timeout=DEFAULT_TIMEOUT if self.timeout is None else self.timeout,
        )

    def credentials(self) -> tuple[str, str]:
        """Return the user name and password.

        Returns:
            Both.

        Raises:
            TaskRequestError: One is missing.
        """
        lacking = [
            name
            for name, value in (
                ("INFOROUTER_USER (--user)", self.user),
                ("INFOROUTER_PASSWORD (--password)", self.password),
            )
            if not value
        ]
        if lacking:
            raise TaskRequestError(f"the log-in needs {' and '.join(lacking)}")
        assert self.user
        assert self.password
        return self.user, self.password


def _settings(ctx: typer.Context) -> Settings:
    found = ctx.find_object(Settings)
    assert found is not None, "the root callback sets the settings"
    return found


class _Logged:
    """A client and its session: logs in on entry, out (and closes) on exit."""

    def __init__(self, ctx: typer.Context) -> None:
        self.settings = _settings(ctx)

    def __enter__(self) -> Session:
        self.client = self.settings.client()
        try:
            user, password = self.settings.credentials()
            self.session = self.client.authenticate(user, password)
        except BaseException:
            self.client.close()
            raise
        return self.session

    def __exit__(self, *exc_info: object) -> None:
        try:
            self.session.__exit__(*exc_info)
        finally:
            self.client.close()


# --- The program -------------------------------------------------------------------------------

app = new_app(
    help="Check an infoRouter server and work with its tasks (/srv.asmx web services).",
    epilog=(
        "Example (the password is read without echo, so it stays out of the shell's "
        "history and the process list):\n\n"
        "export INFOROUTER_URL=https://docs.example.com/srv.asmx INFOROUTER_USER=jdoe\n\n"
        "read -rs INFOROUTER_PASSWORD && export INFOROUTER_PASSWORD\n\n"
        "inforouter check --wsdl\n\n"
        "inforouter task create-related 456 --assignee asmith --instructions 'Please review' "
        "--due 2027-05-15"
    ),
    errors=ERRORS,
)


@app.callback()
def _root(
    ctx: typer.Context,
    *,
    url: Annotated[
        str | None,
        typer.Option(envvar="INFOROUTER_URL", help="The service URL, e.g. https://host/srv.asmx."),
    ] = None,
    user: Annotated[
        str | None, typer.Option(envvar="INFOROUTER_USER", help="The login name.")
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            envvar="INFOROUTER_PASSWORD",
            help="The password (prefer the environment variable).",
        ),
    ] = None,
    binding: Annotated[
        str,
        typer.Option(envvar="INFOROUTER_BINDING", help=f"The binding: {', '.join(BINDINGS)}."),
    ] = "soap11",
    timeout: Annotated[
        float | None,
        typer.Option(help="Seconds to wait for each answer (default 30).", min=0.001),
    ] = None,
    version: Annotated[bool, version_option("inforouter")] = False,
) -> None:
    """Check an infoRouter server and work with its tasks (/srv.asmx web services)."""
    warn_secret_on_command_line(ctx, "password", "--password", "INFOROUTER_PASSWORD")
    ctx.obj = Settings(url=url, user=user, password=password, binding=binding, timeout=timeout)


# --- check -------------------------------------------------------------------------------------


def _log_in_and_out(settings: Settings, binding: str) -> dict[str, Any]:
    user, password = settings.credentials()
    with settings.client(binding) as client:
        session = client.authenticate(user, password)
        with session:
            valid = session.is_valid()
    return {"binding": binding, "label": _LABELS.get(binding, binding), "answered": True,
            "ticketValid": valid, "loggedOut": True}  # fmt: skip


def _try(settings: Settings, binding: str) -> dict[str, Any]:
    try:
        return _log_in_and_out(settings, binding)
    except InfoRouterError as error:
        code = exit_code_for(error, ERRORS) or ExitCode.FAILED
        return {"binding": binding, "label": _LABELS.get(binding, binding), "answered": False,
                "error": str(error), "exitCode": int(code)}  # fmt: skip


@app.command(
    "check",
    epilog=(
        "Examples:\n\ninforouter check\n\ninforouter check --wsdl\n\n"
        "inforouter --url https://docs.example.com/srv.asmx check --wsdl --json"
    ),
)
def check(
    ctx: typer.Context,
    *,
    wsdl: Annotated[
        bool,
        typer.Option(
            "--wsdl",
            help="Also read the server's ?WSDL and name every operation, parameter (name, "
            "case, order, type) and SOAPAction that differs from the package's WSDL.",
        ),
    ] = False,
    all_bindings: Annotated[
        bool,
        typer.Option(
            "--all-bindings",
            help="Log in over each of the four bindings and say which answered.",
        ),
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Log in and out, and say which binding answered (and, with --wsdl, what differs).

    Without INFOROUTER_USER and INFOROUTER_PASSWORD, --wsdl compares the WSDLs alone. The exit
    status is 0 only if the log-in worked (over at least one binding with --all-bindings) and,
    with --wsdl, the server's WSDL matches in everything the package uses.
    """
    settings = _settings(ctx)
    if not settings.url:
        raise TaskRequestError("no server: set INFOROUTER_URL (--url)")
    output = Output(as_json)
    report: dict[str, Any] = {"url": settings.url}
    codes: list[ExitCode] = []
    if not wsdl or settings.user or settings.password:
        tried = BINDINGS if all_bindings else (settings.binding,)
        settings.credentials()  # before anything is sent
        results = [_try(settings, binding) for binding in tried]
        report["user"] = settings.user
        report["logins"] = results
        if not any(result["answered"] for result in results):
            codes.append(ExitCode(results[0]["exitCode"]))
    if wsdl:
        report["wsdl"] = _wsdl_report(settings)
        if report["wsdl"]["differences"] or report["wsdl"]["packageDisagreements"]:
            codes.append(ExitCode.FAILED)
    if as_json:
        output.json(report)
    else:
        _show_check(output, report)
    if codes:
        fail(_check_failure(report), codes[0])


def _wsdl_report(settings: Settings) -> dict[str, Any]:
    assert settings.url
    check_url(settings.url)
    ours, disagreements = package_description()
    content = fetch_wsdl(
        settings.url,
        timeout=check_timeout(DEFAULT_TIMEOUT if settings.timeout is None else settings.timeout),
        verify=True,
        max_bytes=DEFAULT_MAX_RESPONSE_BYTES,
    )
    theirs = read_wsdl(content)
    differences = compare(ours, theirs)
    return {
        "url": settings.url + "?WSDL",
        "operations": len(ours.operations),
        "bindings": sorted(LABELS[kind] for kind in theirs.bindings),
        "differences": [attrs.asdict(difference) for difference in differences],
        "packageDisagreements": disagreements,
    }


def _show_check(output: Output, report: dict[str, Any]) -> None:
    for result in report.get("logins", ()):
        if result["answered"]:
            output.line(
                f"{result['label']}: logged in as {report['user']} at {report['url']}, "
                f"ticket {'valid' if result['ticketValid'] else 'not valid'}, logged out"
            )
        else:
            output.line(f"{result['label']}: no log-in: {result['error']}")
    found = report.get("wsdl")
    if found is None:
        return
    for line in found["packageDisagreements"]:
        output.line(f"the package's WSDL and its generated code disagree: {line}")
    if not found["differences"]:
        output.line(
            f"WSDL: the server's ({found['url']}) matches the package's in all "
            f"{found['operations']} operations it uses, on {', '.join(found['bindings'])}"
        )
        return
    output.rows(
        found["differences"],
        ("operation", "binding", "what", "package", "server"),
        title=f"The server's WSDL differs from the package's ({found['url']})",
    )
    for difference in found["differences"]:
        output.line(difference["message"])


def _check_failure(report: dict[str, Any]) -> str:
    logins = report.get("logins", [])
    if logins and not any(result["answered"] for result in logins):
        return "no log-in: " + "; ".join(
            f"{result['label']}: {result['error']}" for result in logins
        )
    count = len(report["wsdl"]["differences"])
    return f"the server's WSDL differs from the package's in {count} place(s)"


# --- task --------------------------------------------------------------------------------------

task = new_group(
    help="Create, read, complete, delete and reassign tasks.",
    epilog=(
        "Examples:\n\ninforouter task create-related 456 --assignee asmith "
        "--instructions 'Please review' --due 2027-05-15 --requirement Approval\n\n"
        "inforouter task get 789 --json"
    ),
)


def _enum(kind: type[E], text: str, option: str) -> E:
    """Read an enum member by its wire name or its Python name, in any case."""
    wanted = text.strip().replace("-", "_").casefold()
    for member in kind:
        if wanted in (str(member.value).casefold(), member.name.casefold()):
            return member
    names = ", ".join(str(member.value) for member in kind)
    raise typer.BadParameter(f"{text!r} is not one of {names}", param_hint=option)


def _requirement(text: str) -> TaskRequirement:
    """Read ``TYPE[:OBJECT_ID[:DEFINITION]]``, e.g. ``Approval`` or ``FormTemplate:12``."""
    kind, _, rest = text.partition(":")
    number, _, definition = rest.partition(":")
    try:
        object_id = int(number) if number else 0
    except ValueError:
        raise typer.BadParameter(
            f"{text!r}: the object id after ':' is a number", param_hint="--requirement"
        ) from None
    return TaskRequirement(_enum(RequirementType, kind, "--requirement"), object_id, definition)


def _due(text: str) -> datetime.datetime:
    """Read a date (midnight) or a naive date and time, ISO 8601, in server-local time."""
    try:
        if "T" in text or " " in text.strip():
            return datetime.datetime.fromisoformat(text.strip())
        day = datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{text!r} is not an ISO date (2027-05-15) or date and time (2027-05-15T17:00)",
            param_hint="--due",
        ) from None
    return datetime.datetime.combine(day, datetime.time())


_PRIORITY_HELP: Final = "NoPriority, Low, Normal, High or Urgent."
_REQUIREMENT_HELP: Final = (
    "TYPE[:OBJECT_ID[:DEFINITION]], e.g. Approval or FormTemplate:12; repeat it for more."
)
_DUE_HELP: Final = "2027-05-15, or 2027-05-15T17:00 (the server's local time)."


@task.command("create-related")
def task_create_related(
    ctx: typer.Context,
    *,
    parent_task_id: Annotated[int, typer.Argument(metavar="PARENT_TASK_ID")],
    assignee: Annotated[str, typer.Option(help="The assignee's login name.")],
    instructions: Annotated[str, typer.Option(help="Instructions for the assignee.")],
    due: Annotated[str, typer.Option(help=_DUE_HELP)],
    priority: Annotated[str, typer.Option(help=_PRIORITY_HELP)] = "Normal",
    requirement: Annotated[list[str] | None, typer.Option(help=_REQUIREMENT_HELP)] = None,
    reminder_hours: Annotated[int, typer.Option(min=0, help="Hours before due.")] = 0,
    allowed_start_hours: Annotated[int, typer.Option(min=0, help="Hours before due.")] = 0,
    notice: Annotated[
        bool, typer.Option("--notice/--no-notice", help="E-mail the assignee.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Create a task linked to an active task, on its document (CreateRelatedTask)."""
    request = RelatedTaskRequest(
        assignee,
        instructions,
        _due(due),
        priority=_enum(Priority, priority, "--priority"),
        requirements=[_requirement(text) for text in requirement or ()],
        reminder_hours=reminder_hours,
        allowed_start_hours=allowed_start_hours,
        send_notice=notice,
    )
    with _Logged(ctx) as session:
        created = session.create_related_task(parent_task_id, request)
    Output(as_json).record(created, title="Related task created")


@task.command("create")
def task_create(
    ctx: typer.Context,
    *,
    document_path: Annotated[
        str, typer.Argument(metavar="DOCUMENT_PATH", help="e.g. /Library/Folder/file.pdf")
    ],
    assignee: Annotated[str, typer.Option(help="The assignee's login name.")],
    instructions: Annotated[str, typer.Option(help="Instructions for the assignee.")],
    due: Annotated[str, typer.Option(help=_DUE_HELP)],
    priority: Annotated[str, typer.Option(help=_PRIORITY_HELP)] = "Normal",
    right: Annotated[
        str, typer.Option(help="The assignee's right on the document: READ, CHANGE, ...")
    ] = "READ",
    can_change_due_date: Annotated[bool, typer.Option(help="The assignee may.")] = False,
    can_edit: Annotated[bool, typer.Option(help="The assignee may edit.")] = False,
    can_change_priority: Annotated[bool, typer.Option(help="The assignee may.")] = False,
    can_change_finish_date: Annotated[bool, typer.Option(help="The assignee may.")] = False,
    requirement: Annotated[list[str] | None, typer.Option(help=_REQUIREMENT_HELP)] = None,
    allowed_start_hours: Annotated[int, typer.Option(min=0, help="Hours before due.")] = 0,
    reminder_hours: Annotated[int, typer.Option(min=0, help="Hours before due.")] = 0,
    notice: Annotated[
        bool, typer.Option("--notice/--no-notice", help="E-mail the assignee.")
    ] = True,
    notify_on_complete: Annotated[
        bool, typer.Option(help="E-mail the assigner when it is completed.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Create a task on a document (CreateTask)."""
    request = TaskRequest(
        assignee,
        instructions,
        _due(due),
        priority=_enum(Priority, priority, "--priority"),
        right_type=_enum(RightType, right, "--right"),
        can_change_due_date=can_change_due_date,
        can_edit=can_edit,
        can_change_priority=can_change_priority,
        can_change_finish_date=can_change_finish_date,
        requirements=[_requirement(text) for text in requirement or ()],
        allowed_start_hours=allowed_start_hours,
        reminder_hours=reminder_hours,
        send_task_notice=notice,
        on_complete_notification=notify_on_complete,
    )
    with _Logged(ctx) as session:
        created = session.create_task(document_path, request)
    Output(as_json).record(created, title="Task created")


@task.command("get")
def task_get(
    ctx: typer.Context,
    *,
    task_id: Annotated[int, typer.Argument(metavar="TASK_ID")],
    as_json: JsonOption = False,
) -> None:
    """Read a task (GetTask)."""
    with _Logged(ctx) as session:
        found = session.get_task(task_id)
    # The table leaves out raw, the elements' text as read (JSON has it).
    Output(as_json).record(found, title=f"Task {task_id}", hide=("raw",))


@task.command("complete")
def task_complete(
    ctx: typer.Context,
    *,
    task_id: Annotated[int, typer.Argument(metavar="TASK_ID")],
    comments: Annotated[
        str | None, typer.Option(help="Comments (the server keeps 255 characters).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Complete a task as its assignee (CompleteTask)."""
    with _Logged(ctx) as session:
        session.complete_task(task_id, comments)
    Output(as_json).record({"task_id": task_id, "completed": True}, title="Task completed")


@task.command("delete")
def task_delete(
    ctx: typer.Context,
    *,
    task_id: Annotated[int, typer.Argument(metavar="TASK_ID")],
    as_json: JsonOption = False,
) -> None:
    """Delete a task and its attachments (DeleteTask)."""
    with _Logged(ctx) as session:
        session.delete_task(task_id)
    Output(as_json).record({"task_id": task_id, "deleted": True}, title="Task deleted")


@task.command("reassign")
def task_reassign(
    ctx: typer.Context,
    *,
    task_id: Annotated[int, typer.Argument(metavar="TASK_ID")],
    to: Annotated[str, typer.Option(help="The new assignee's login name.")],
    due: Annotated[str, typer.Option(help=_DUE_HELP)],
    instructions: Annotated[str, typer.Option(help="The new task's instructions.")] = "",
    notice: Annotated[
        bool, typer.Option("--notice/--no-notice", help="E-mail the new assignee.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Hand a task over to another user (ReassignTask); print the new task."""
    with _Logged(ctx) as session:
        reassigned = session.reassign_task(
            task_id, to=to, new_due_date=_due(due), new_instructions=instructions,
            send_notice=notice,
        )  # fmt: skip
    Output(as_json).record(reassigned, title="Task reassigned")


app.add_typer(task, name="task")


def main(prog_name: str = "inforouter") -> None:
    """Run ``inforouter`` (the console script; ``python -m inforouter`` too).

    Args:
        prog_name: The name ``--help`` shows.
    """
    app(prog_name=prog_name)
