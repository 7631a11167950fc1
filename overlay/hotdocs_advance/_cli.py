"""``hotdocs-advance``: thin commands over `AdvanceClient`, configured by flags or environment.

The server is ``--base-url`` (``ADVANCE_BASE_URL``), or ``--tenancy`` (``ADVANCE_TENANCY``) for
the cloud host, with ``--domain`` (``ADVANCE_DOMAIN``) for an on-premise one. The credentials
are ``--token`` (``ADVANCE_TOKEN``), or a service principal: ``--client-name``,
``--principal-name`` and ``--password`` (``ADVANCE_CLIENT_NAME``, ``ADVANCE_PRINCIPAL_NAME``,
``ADVANCE_PRINCIPAL_PASSWORD``). A password or token given as a flag draws a warning (other
users of the machine can read a command line); none is ever printed.

Each command group (``work-item``, ``session``, ``version``, ``documents``, ``answers``,
``link``, ``work-groups``, ``template-packages``) is a typer sub-app, and each command a function
registered on it: see the registration point at the end of this module (``bulk-create`` comes
from ``_bulk_command``). A command gets its client from ``connect(ctx)`` and writes through
``Output`` (a table, or JSON with ``--json``; a list through ``_listing``, page by page); the
SDK's errors become a message and an exit status by ``ERRORS``.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any, Final, Protocol

import attrs
import httpx
import typer
from _client_core import DEFAULT_MAX_RETRIES
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
from hotdocs_advance_api.models import SaveAssemblySessionRequest

from . import _arguments as check
from . import _ops as op
from ._answers import AnswerSet
from ._answers_cli import (
    STDIO,
    Format,
    format_of,
    prepare_to_write,
    read_answer_file,
    write_answer_file,
)
from ._async_client import AsyncAdvanceClient
from ._auth import ServicePrincipal
from ._bulk_command import register_bulk_create
from ._documents import unique_file_names
from ._errors import (
    AdvanceError,
    AnswerSetError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AuthenticationError,
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    VersionWaitTimeoutError,
)
from ._results import Document, SaveAndCloseResult, VersionResult
from ._sync_client import AdvanceClient
from ._versions import DEFAULT_POLL_INTERVAL, DEFAULT_WAIT_TIMEOUT

__all__ = ["ERRORS", "Settings", "app", "connect", "main", "settings"]

#: The SDK's errors and the exit status of each, most specific first.
ERRORS: Final[ErrorTable] = (
    (AuthenticationError, ExitCode.REFUSED),
    (PermissionDeniedError, ExitCode.REFUSED),
    (NotFoundError, ExitCode.NOT_FOUND),
    (ConflictError, ExitCode.CONFLICT),
    (APIConnectionError, ExitCode.NO_ANSWER),  # timeouts too
    (APIResponseValidationError, ExitCode.NO_ANSWER),
    (InvalidArgumentError, ExitCode.USAGE),
    (AnswerSetError, ExitCode.USAGE),
    # CHOICE: still not final by the deadline is "no usable answer yet" (6), as a timeout is,
    # not "the answer is no" (1): the work goes on, and the same command may wait again.
    (VersionWaitTimeoutError, ExitCode.NO_ANSWER),
    (APIStatusError, ExitCode.FAILED),
    (AdvanceError, ExitCode.FAILED),
    (OSError, ExitCode.FAILED),  # an answer file that cannot be read
)

_CLOUD_HOST: Final = ".hotdocsadvance.com"

# --- Configuration ---------------------------------------------------------------------------


@attrs.frozen
class Settings:
    """The connection settings of one run, from flags and environment variables.

    Checked when a command first needs a client (so ``--help`` needs none of them).
    """

    base_url: str | None
    tenancy: str | None
    domain: str | None
    auth_url: str | None
    token: str | None = attrs.field(repr=False)
    client_name: str | None
    principal_name: str | None
    password: str | None = attrs.field(repr=False)
    timeout: float | None
    max_retries: int

    def base(self) -> str:
        """Return the API base URL the settings name.

        Returns:
            The URL.

        Raises:
            InvalidArgumentError: None, or more than one, is named.
        """
        if self.base_url and self.tenancy:
            raise _missing(
                "give ADVANCE_BASE_URL (--base-url) or ADVANCE_TENANCY (--tenancy), not both"
            )
        if self.domain and not self.tenancy:
            raise _missing("ADVANCE_DOMAIN (--domain) needs ADVANCE_TENANCY (--tenancy)")
        if self.base_url:
            return self.base_url
        if self.tenancy and self.domain:
            return check.on_premise_base(self.tenancy, self.domain)
        if self.tenancy:
            return check.cloud_base(self.tenancy)
        raise _missing(
            "no server: set ADVANCE_BASE_URL (--base-url), or ADVANCE_TENANCY (--tenancy) "
            "and, for an on-premise host, ADVANCE_DOMAIN (--domain)"
        )

    def auth(self) -> str | ServicePrincipal:
        """Return the credentials the settings name.

        Returns:
            The token, or the service principal.

        Raises:
            InvalidArgumentError: None, both kinds, or part of a service principal.
        """
        principal = {
            "ADVANCE_CLIENT_NAME (--client-name)": self.client_name,
            "ADVANCE_PRINCIPAL_NAME (--principal-name)": self.principal_name,
            "ADVANCE_PRINCIPAL_PASSWORD (--password)": self.password,
        }
        given = [name for name, value in principal.items() if value]
        if self.token and given:
            raise _missing("give ADVANCE_TOKEN (--token) or a service principal, not both")
        if self.token:
            return self.token
        if not given:
            raise _missing(
                "no credentials: set ADVANCE_TOKEN (--token), or ADVANCE_CLIENT_NAME, "
                "ADVANCE_PRINCIPAL_NAME and ADVANCE_PRINCIPAL_PASSWORD (--client-name, "
                "--principal-name, --password)"
            )
        lacking = [name for name, value in principal.items() if not value]
        if lacking:
            raise _missing(f"the service principal needs {' and '.join(lacking)}")
        assert self.client_name
        assert self.principal_name
        assert self.password
        return ServicePrincipal(self.client_name, self.principal_name, self.password)

    def _options(self) -> dict[str, Any]:
        options: dict[str, Any] = {
            "auth": self.auth(),
            "auth_url": self.auth_url or None,
            "max_retries": self.max_retries,
        }
        if self.timeout is not None:
            options["timeout"] = self.timeout
        return options

    def client(self) -> AdvanceClient:
        """Create the client the settings describe.

        Returns:
            An `AdvanceClient` (close it, or use it as a context manager).

        Raises:
            InvalidArgumentError: The settings are incomplete or wrong.
        """
        return AdvanceClient(self.base(), **self._options())

    def async_client(self) -> AsyncAdvanceClient:
        """Create the asynchronous client the settings describe (for bulk work).

        Returns:
            An `AsyncAdvanceClient`.

        Raises:
            InvalidArgumentError: The settings are incomplete or wrong.
        """
        return AsyncAdvanceClient(self.base(), **self._options())


def _missing(message: str) -> InvalidArgumentError:
    return InvalidArgumentError("configuration", message)


def settings(ctx: typer.Context) -> Settings:
    """Return the run's settings (the root callback put them in the context).

    Args:
        ctx: The command's context.

    Returns:
        The settings.
    """
    found = ctx.find_object(Settings)
    assert found is not None, "the root callback sets the settings"
    return found


def connect(ctx: typer.Context) -> AdvanceClient:
    """Create the run's client; use it in a ``with`` block.

    Args:
        ctx: The command's context.

    Returns:
        The client.

    Raises:
        InvalidArgumentError: The settings are incomplete or wrong (exit status 2).
    """
    return settings(ctx).client()


# --- The program -------------------------------------------------------------------------------

app = new_app(
    help="Work items, versions, documents, answers and interview links on HotDocs Advance.",
    epilog=(
        "Example (the password is read without echo, so it stays out of the shell's "
        "history and the process list):\n\n"
        "export ADVANCE_TENANCY=tenancy1 ADVANCE_CLIENT_NAME=my-api-client "
        "ADVANCE_PRINCIPAL_NAME=my-principal\n\n"
        "read -rs ADVANCE_PRINCIPAL_PASSWORD && export ADVANCE_PRINCIPAL_PASSWORD\n\n"
        "hotdocs-advance check\n\n"
        "hotdocs-advance work-item get WORK_ITEM_ID --json"
    ),
    errors=ERRORS,
)

_SERVER = "Server"
_CREDENTIALS = "Credentials"


@app.callback()
def _root(
    ctx: typer.Context,
    *,
    base_url: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_BASE_URL",
            help="The API base, e.g. https://tenancy1.hotdocsadvance.com/api/rest.",
            rich_help_panel=_SERVER,
        ),
    ] = None,
    tenancy: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_TENANCY",
            help="The tenancy moniker, instead of --base-url.",
            rich_help_panel=_SERVER,
        ),
    ] = None,
    domain: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_DOMAIN",
            help="An on-premise host's domain, with --tenancy.",
            rich_help_panel=_SERVER,
        ),
    ] = None,
    auth_url: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_AUTH_URL",
            help="The log-in base, when it cannot be derived from the base URL.",
            rich_help_panel=_SERVER,
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(envvar="ADVANCE_TOKEN", help="A bearer token.", rich_help_panel=_CREDENTIALS),
    ] = None,
    client_name: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_CLIENT_NAME",
            help="The API client's name.",
            rich_help_panel=_CREDENTIALS,
        ),
    ] = None,
    principal_name: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_PRINCIPAL_NAME",
            help="Its service principal's name.",
            rich_help_panel=_CREDENTIALS,
        ),
    ] = None,
    password: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_PRINCIPAL_PASSWORD",
            help="The service principal's password (prefer the environment variable).",
            rich_help_panel=_CREDENTIALS,
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(help="Seconds to wait for each answer (default 30).", min=0.001),
    ] = None,
    max_retries: Annotated[
        int, typer.Option(help="Retries of a failed request.", min=0)
    ] = DEFAULT_MAX_RETRIES,
    version: Annotated[bool, version_option("hotdocs-advance")] = False,
) -> None:
    """Work items, versions, documents, answers and interview links on HotDocs Advance."""
    warn_secret_on_command_line(ctx, "password", "--password", "ADVANCE_PRINCIPAL_PASSWORD")
    warn_secret_on_command_line(ctx, "token", "--token", "ADVANCE_TOKEN")
    ctx.obj = Settings(
        base_url=base_url,
        tenancy=tenancy,
        domain=domain,
        auth_url=auth_url,
        token=token,
        client_name=client_name,
        principal_name=principal_name,
        password=password,
        timeout=timeout,
        max_retries=max_retries,
    )


def _answers(path: str | None) -> AnswerSet | None:
    # A file the SDK cannot fully interpret would be refused before sending anyway; strict
    # reading names every such value at once.
    return None if path is None else read_answer_file(path, strict=True)


_ANSWERS_HELP: Final = "An answer file (.anx, .xml or .json), or - for stdin."

# The arguments and options several commands take, written once.
AnswersOption = Annotated[str | None, typer.Option("--answers", help=_ANSWERS_HELP)]
NewVersionId = Annotated[
    str | None, typer.Option("--version-id", help="The new version's id (default: a new one).")
]
WorkItemId = Annotated[str, typer.Argument(metavar="WORK_ITEM_ID", help="The work item's id.")]
VersionId = Annotated[str, typer.Argument(metavar="VERSION_ID", help="The version's id.")]
CallbackUrl = Annotated[
    str | None, typer.Option(help="An http(s) URL the server notifies when done.")
]
CallbackSecret = Annotated[
    str | None,
    typer.Option(
        envvar="ADVANCE_CALLBACK_SECRET",
        help="The secret that authenticates the callback (prefer the environment variable).",
    ),
]
PageSize = Annotated[
    int | None,
    typer.Option(
        metavar="N", help="The most items a page holds (the server's choice when not given)."
    ),
]
Limit = Annotated[
    int | None,
    typer.Option(min=1, metavar="N", help="Stop after N items (no further page is fetched)."),
]


def _warn_callback_secret(ctx: typer.Context) -> None:
    warn_secret_on_command_line(
        ctx, "callback_secret", "--callback-secret", "ADVANCE_CALLBACK_SECRET"
    )


@attrs.frozen
class _Table:
    """A list's table: its title and the members it shows (--json gives every member)."""

    title: str
    columns: tuple[str, ...]


def _listing(
    ctx: typer.Context,
    pager: Callable[[AdvanceClient], Iterable[object]],
    table: _Table,
    limit: int | None,
    as_json: bool,
) -> None:
    """Print a lazy listing as it is fetched: a page is asked for only when it is reached."""
    with connect(ctx) as client:
        shown = itertools.islice(pager(client), limit)
        Output(as_json).rows(shown, table.columns, title=table.title)


# --- check -------------------------------------------------------------------------------------


def _tenancy_of(base_url: str) -> str | None:
    """Return the tenancy a cloud or on-premise base URL names (its host's first label)."""
    url = httpx.URL(base_url)
    host = url.host.lower()
    if host.endswith(_CLOUD_HOST) or url.path.rstrip("/").endswith(check.ON_PREMISE_API):
        return host.split(".", 1)[0]
    return None


def _request_line(base: str, request: dict[str, Any]) -> str:
    """Return ``METHOD URL`` of a generated module's request (the spec's path, not one here)."""
    return f"{request['method']} {base}{request['url']}"


def _step(what: str, error: AdvanceError) -> None:
    fail(f"{what} failed: {error}", exit_code_for(error, ERRORS) or ExitCode.FAILED)


@app.command(
    "check",
    epilog="Example:\n\nADVANCE_TENANCY=tenancy1 ADVANCE_TOKEN=... hotdocs-advance check",
)
def check_(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Log in and say which tenancy, URL and scope answered, or exactly what failed.

    Three requests: the log-in (for a service principal), a read of a work item that does not
    exist (any scope may read: 404 proves the token is accepted), and saving the session of
    that work item (a command method, which changes nothing: 404 means Command or Root scope,
    403 means Query scope).
    """
    config = settings(ctx)
    base = config.base()
    auth = config.auth()
    report: dict[str, Any] = {
        "baseUrl": base,
        "tenancy": config.tenancy or _tenancy_of(base),
        "auth": "service principal" if isinstance(auth, ServicePrincipal) else "token",
    }
    probe = uuid.uuid4()
    with config.client() as client:
        if isinstance(auth, ServicePrincipal):
            report["authUrl"] = check.auth_base(base, config.auth_url or None)
            report["clientName"] = auth.client_name
            report["principalName"] = auth.principal_name
            try:
                client._log_in(None, 1)
            except AdvanceError as error:
                _step(f"the log-in at {report['authUrl']}", error)
        try:
            client.get_work_item(probe)
        except NotFoundError:
            pass
        except AdvanceError as error:
            _step(f"a read ({_request_line(base, op.get_work_item.build_request(probe))})", error)
        try:
            client.save_assembly_session(probe)
        except (NotFoundError, ConflictError):
            report["scope"], report["commandMethods"] = "Command or Root", True
        except PermissionDeniedError:
            report["scope"], report["commandMethods"] = "Query", False
        except AdvanceError as error:
            request = op.save_assembly_session.build_request(
                probe, body=SaveAssemblySessionRequest()
            )
            _step(f"a command method ({_request_line(base, request)})", error)
        else:  # pragma: no cover - a server that saved a session of no work item
            report["scope"], report["commandMethods"] = "Command or Root", True
    if report["tenancy"] is None:
        report["tenancy"] = "(not named by the URL)"
    Output(as_json).record(report, title="HotDocs Advance answered")


# --- work-item ---------------------------------------------------------------------------------

work_item = new_group(
    help="Create and read work items.",
    epilog=(
        "Example:\n\nhotdocs-advance work-item create --name 'ExampleCorp renewal' "
        "--work-group cb97f8d6-04a1-490a-aa09-92af12dfb305 "
        "--template-package 0ef6a9be-b007-4d7d-83f1-9d56f931cd0f --answers answers.anx"
    ),
)


@work_item.command("create")
def work_item_create(
    ctx: typer.Context,
    *,
    name: Annotated[str, typer.Option(help="A name no other work item has.")],
    work_group: Annotated[str, typer.Option(help="The work group's id.")],
    template_package: Annotated[str, typer.Option(help="The template package's id.")],
    answers: AnswersOption = None,
    description: Annotated[str | None, typer.Option(help="A description.")] = None,
    assemble: Annotated[
        bool | None, typer.Option("--assemble/--no-assemble", help="Assemble at once.")
    ] = None,
    complete_session: Annotated[
        bool | None,
        typer.Option("--complete-session/--no-complete-session", help="Mark the session complete."),
    ] = None,
    private: Annotated[
        bool | None, typer.Option("--private/--no-private", help="Private to its owner.")
    ] = None,
    work_item_id: Annotated[
        str | None, typer.Option("--id", help="The new work item's id (default: a new one).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Create a work item, optionally pre-filled with answers; print its id."""
    with connect(ctx) as client:
        created = client.create_work_item(
            name=name,
            work_group_id=work_group,
            template_package_id=template_package,
            answers=_answers(answers),
            description=description,
            assemble_immediately=assemble,
            complete_assembly_session=complete_session,
            is_private_to_owner=private,
            work_item_id=work_item_id,
        )
    Output(as_json).record({"id": created}, title="Work item created")


@work_item.command("get")
def work_item_get(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    as_json: JsonOption = False,
) -> None:
    """Read a work item (every member the server reports)."""
    with connect(ctx) as client:
        item = client.get_work_item(work_item_id)
    Output(as_json).record(item, title="Work item")


WORK_ITEM_TABLE: Final = _Table("Work items", ("id", "name", "status"))


@work_item.command("list", epilog="Example:\n\nhotdocs-advance work-item list --filter Completed")
def work_item_list(
    ctx: typer.Context,
    *,
    filter: Annotated[
        str | None,
        typer.Option(
            metavar="STATUS", help="Only work items in this status, e.g. Completed (any case)."
        ),
    ] = None,
    page_size: PageSize = None,
    limit: Limit = None,
    as_json: JsonOption = False,
) -> None:
    """List the work items, oldest first, printed as their pages come.

    --json writes a JSON array item by item, so a long listing starts at once and runs in flat
    memory; the table is printed when the last row is in (use --limit for a first look).
    """
    _listing(
        ctx,
        lambda client: client.list_work_items(filter, page_size=page_size),
        WORK_ITEM_TABLE,
        limit,
        as_json,
    )


# --- session -----------------------------------------------------------------------------------

session = new_group(
    help="Assembly sessions (interviews) of a work item, v1.1.",
    epilog=(
        "Example:\n\nhotdocs-advance session begin WORK_ITEM_ID --answers answers.anx\n\n"
        "hotdocs-advance session complete WORK_ITEM_ID"
    ),
)


@session.command("begin")
def session_begin(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    version_id: NewVersionId = None,
    answers: AnswersOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Begin even though another session is active.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Begin an interview session; print its ids and interview script URL."""
    with connect(ctx) as client:
        begun = client.begin_assembly_session(
            work_item_id, version_id=version_id, answers=_answers(answers), force_create=force
        )
    # The server's members, and the version id the client chose (not among them).
    shown = {**begun.to_dict(), "versionId": str(begun.version_id)}
    Output(as_json).record(shown, title="Session begun")


@session.command("save")
def session_save(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    as_json: JsonOption = False,
) -> None:
    """Save the active session's answers (it stays active)."""
    with connect(ctx) as client:
        client.save_assembly_session(work_item_id)
    Output(as_json).record({"workItemId": work_item_id, "saved": True}, title="Session saved")


@session.command("complete")
def session_complete(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    assemble: Annotated[
        bool, typer.Option("--assemble/--no-assemble", help="Assemble the documents.")
    ] = True,
    as_json: JsonOption = False,
) -> None:
    """Finish the active session and (by default) assemble its documents."""
    with connect(ctx) as client:
        client.complete_assembly_session(work_item_id, run_assembly=assemble)
    Output(as_json).record(
        {"workItemId": work_item_id, "completed": True, "assembled": assemble},
        title="Session completed",
    )


# --- version -----------------------------------------------------------------------------------

version = new_group(
    help="Work item versions, v2.0.",
    epilog="Example:\n\nhotdocs-advance version status WORK_ITEM_ID VERSION_ID --json",
)


class _VersionStep(Protocol):
    """A v2.0 call that moves an existing version on (``complete_version``, ``save_and_close``)."""

    def __call__(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str,
        *,
        callback_url: str | None = None,
        callback_secret: str | None = None,
    ) -> VersionResult | SaveAndCloseResult: ...


def _version_shown(
    version_id: uuid.UUID | str, result: VersionResult | SaveAndCloseResult
) -> dict[str, object]:
    # Named as session begin names the version id (versionId), beside the server's members.
    return {"versionId": version_id, "accepted": result.accepted, "status": result.status}


def _version_step(
    name: str,
    step: Callable[[AdvanceClient], _VersionStep],
    *,
    help: str,
    title: str,
    epilog: str,
) -> Callable[..., None]:
    """Register ``version <name>``: one call on an existing version, with a callback."""

    def command(
        ctx: typer.Context,
        *,
        work_item_id: WorkItemId,
        version_id: VersionId,
        callback_url: CallbackUrl = None,
        callback_secret: CallbackSecret = None,
        as_json: JsonOption = False,
    ) -> None:
        _warn_callback_secret(ctx)
        with connect(ctx) as client:
            result = step(client)(
                work_item_id,
                version_id,
                callback_url=callback_url,
                callback_secret=callback_secret,
            )
        Output(as_json).record(_version_shown(version_id, result), title=title)

    command.__doc__ = help
    return version.command(name, help=help, epilog=epilog)(command)


@version.command(
    "create",
    epilog="Example:\n\nhotdocs-advance version create WORK_ITEM_ID --answers answers.anx",
)
def version_create(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    version_id: NewVersionId = None,
    answers: AnswersOption = None,
    force_create: Annotated[
        bool,
        typer.Option("--force-create", help="Create it even though another one is in progress."),
    ] = False,
    callback_url: CallbackUrl = None,
    callback_secret: CallbackSecret = None,
    as_json: JsonOption = False,
) -> None:
    """Create a new version, ready for its interview; print its id and status.

    Without --answers it starts from the last saved answers. Finish it with version complete
    or save-and-close.
    """
    _warn_callback_secret(ctx)
    with connect(ctx) as client:
        result = client.create_version(
            work_item_id,
            version_id,
            answers=_answers(answers),
            force_create=force_create,
            callback_url=callback_url,
            callback_secret=callback_secret,
        )
    Output(as_json).record(_version_shown(result.version_id, result), title="Version created")


version_save_and_close = _version_step(
    "save-and-close",
    lambda client: client.save_and_close,
    help="Save an in-progress version and close its session.\n\naccepted true means the "
    "server goes on in the background (Saving): version wait waits for the end (Saved).",
    title="Version saved and closed",
    epilog="Example:\n\nhotdocs-advance version save-and-close WORK_ITEM_ID VERSION_ID",
)
version_complete = _version_step(
    "complete",
    lambda client: client.complete_version,
    help="Complete an in-progress version and assemble its documents.\n\naccepted true "
    "means the server goes on in the background (Completing): version wait waits for the end.",
    title="Version completed",
    epilog="Example:\n\nhotdocs-advance version complete WORK_ITEM_ID VERSION_ID && "
    "hotdocs-advance version wait WORK_ITEM_ID VERSION_ID",
)


@version.command("status")
def version_status(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    version_id: VersionId,
    as_json: JsonOption = False,
) -> None:
    """Read a version's status."""
    with connect(ctx) as client:
        status = client.get_version_status(work_item_id, version_id)
    Output(as_json).record(status, title="Version status")


@version.command(
    "wait",
    epilog="Example:\n\nhotdocs-advance version wait WORK_ITEM_ID VERSION_ID --timeout 120",
)
def version_wait(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    version_id: VersionId,
    timeout: Annotated[
        float,
        typer.Option(
            metavar="SECONDS",
            help="How long to wait for a final status at most (not the per-request --timeout "
            "given before the command).",
        ),
    ] = DEFAULT_WAIT_TIMEOUT,
    poll_interval: Annotated[
        float, typer.Option(metavar="SECONDS", help="The wait before the second poll.")
    ] = DEFAULT_POLL_INTERVAL,
    as_json: JsonOption = False,
) -> None:
    """Poll a version's status until it is final (Saved, Completed, PostProcessingFailed).

    The waits between polls grow by half, up to 10 s. Exit status 0 with the final status
    (whichever it is); 6 when it is still not final by the deadline (the work goes on: wait
    again).
    """
    with connect(ctx) as client:
        status = client.wait_for_version(
            work_item_id, version_id, timeout=timeout, poll_interval=poll_interval
        )
    Output(as_json).record(status, title="Version status")


# --- link --------------------------------------------------------------------------------------

link = new_group(
    help="Public interview links.",
    epilog=(
        "Example:\n\nhotdocs-advance link create --name Onboarding "
        "--template-package 0ef6a9be-b007-4d7d-83f1-9d56f931cd0f "
        "--work-group cb97f8d6-04a1-490a-aa09-92af12dfb305"
    ),
)


@link.command("create")
def link_create(
    ctx: typer.Context,
    *,
    name: Annotated[str, typer.Option(help="A label for the link.")],
    template_package: Annotated[str, typer.Option(help="The template package's id.")],
    work_group: Annotated[str, typer.Option(help="The work group's id.")],
    active: Annotated[
        bool, typer.Option("--active/--inactive", help="Whether visitors can use it.")
    ] = True,
    link_id: Annotated[
        str | None, typer.Option("--id", help="The new link's id (default: a new one).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Create a public interview link; print its id."""
    with connect(ctx) as client:
        created = client.create_public_interview_link(
            name=name,
            template_package_id=template_package,
            work_group_id=work_group,
            is_active=active,
            link_id=link_id,
        )
    Output(as_json).record({"id": created}, title="Public interview link created")


@link.command("get")
def link_get(
    ctx: typer.Context,
    *,
    link_id: Annotated[str, typer.Argument(metavar="LINK_ID")],
    as_json: JsonOption = False,
) -> None:
    """Read a public interview link."""
    with connect(ctx) as client:
        found = client.get_public_interview_link(link_id)
    Output(as_json).record(found, title="Public interview link")


@link.command("delete")
def link_delete(
    ctx: typer.Context,
    *,
    link_id: Annotated[str, typer.Argument(metavar="LINK_ID")],
    as_json: JsonOption = False,
) -> None:
    """Delete a public interview link (no error when there is none)."""
    with connect(ctx) as client:
        client.delete_public_interview_link(link_id)
    Output(as_json).record({"id": link_id, "deleted": True}, title="Public interview link deleted")


# --- documents ---------------------------------------------------------------------------------

documents = new_group(
    help="A work item's assembled documents (those of its latest assembly).",
    epilog=(
        "Example:\n\nhotdocs-advance documents list WORK_ITEM_ID\n\n"
        "hotdocs-advance documents download WORK_ITEM_ID --output documents"
    ),
)

#: The members the document table shows (--json gives every member).
DOCUMENT_COLUMNS: Final = ("id", "fileName", "size", "versionId")
DocumentsOfVersion = Annotated[
    str | None,
    typer.Argument(
        metavar="[VERSION_ID]",
        help="Only the documents of this version (the server serves the latest assembly's only).",
    ),
]


def _documents(
    client: AdvanceClient,
    work_item_id: str,
    version_id: str | None,
    document_id: str | None = None,
) -> list[Document]:
    """List a work item's documents, those of one version or the one document asked for.

    Raises:
        typer.Exit: 4 when a version or document is asked for and the server lists none such.
    """
    version = None if version_id is None else check.guid("version_id", version_id)
    document = None if document_id is None else check.guid("document_id", document_id)
    listed = client.list_documents(work_item_id)
    chosen = [item for item in listed if version in (None, item.version_id)]
    if version is not None and not chosen:
        served = sorted({str(item.version_id) for item in listed})
        fail(
            f"work item {work_item_id} has no documents of version {version}: the server "
            "serves only the latest assembly's documents"
            + (f" (version {', '.join(served)})" if served else " (there are none yet)"),
            ExitCode.NOT_FOUND,
        )
    if document is not None:
        chosen = [item for item in chosen if item.id == document]
        if not chosen:
            fail(
                f"work item {work_item_id} lists no document {document} (the server serves "
                "only the latest assembly's documents: see documents list)",
                ExitCode.NOT_FOUND,
            )
    return chosen


@documents.command("list")
def documents_list(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    version_id: DocumentsOfVersion = None,
    as_json: JsonOption = False,
) -> None:
    """List a work item's assembled documents (empty before any assembly).

    With VERSION_ID, only that version's; exit status 4 when it has none among those the
    server serves.
    """
    with connect(ctx) as client:
        found = _documents(client, work_item_id, version_id)
    Output(as_json).rows(found, DOCUMENT_COLUMNS, title="Documents")


@documents.command("download")
def documents_download(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    version_id: DocumentsOfVersion = None,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            file_okay=False,
            help="The folder to write into (created if missing).",
        ),
    ] = Path(),
    document: Annotated[
        str | None, typer.Option(metavar="ID", help="Only this document (see documents list).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Download a work item's assembled documents into a folder; print each file written.

    Each file takes the server's file name (made safe, and unique among the documents) and is
    written through a part file renamed once complete: it is there whole or not at all, and an
    existing file of that name is replaced only by a complete download. Exit status 4 when
    there is nothing to download.
    """
    written: list[dict[str, object]] = []
    shown = Output(as_json)
    with connect(ctx) as client:
        chosen = _documents(client, work_item_id, version_id, document)
        if not chosen:
            fail(f"work item {work_item_id} has no assembled documents yet", ExitCode.NOT_FOUND)
        output.mkdir(parents=True, exist_ok=True)
        try:
            for found, name in unique_file_names(chosen):
                assert found.id is not None
                path = client.download_document(work_item_id, found.id, output / name)
                written.append({"id": found.id, "file": path, "bytes": path.stat().st_size})
        finally:  # what was written before a failure is complete: say so
            if written:
                shown.rows(written, ("id", "file", "bytes"), title="Documents written")


# --- answers -----------------------------------------------------------------------------------

answer_set = new_group(
    help="A work item's answers (its answer set, v2.0).",
    epilog=(
        "Example:\n\nhotdocs-advance answers get WORK_ITEM_ID --output answers.anx\n\n"
        "hotdocs-advance answers update WORK_ITEM_ID changes.json"
    ),
)
_ANSWER_FILE_HELP: Final = "The answers: a .anx, .xml or .json file, or - for stdin."


@answer_set.command("get")
def answers_get(
    ctx: typer.Context,
    *,
    work_item_id: WorkItemId,
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", metavar="FILE|-", help="The file to write (replaced whole), or -."
        ),
    ] = STDIO,
    format: Annotated[
        str | None,
        typer.Option(
            metavar="xml|json",
            help="The format: by default FILE's extension (.anx, .xml, .json); XML on stdout.",
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="On stdout: the answers as JSON (--format json). With --output FILE: what "
            "was written, as JSON.",
        ),
    ] = False,
) -> None:
    """Read a work item's current answers into an answer file (or stdout).

    JSON is AnswerSet.to_dict()'s shape, as hotdocs-answers convert writes it. Values the SDK
    cannot interpret are kept in XML (with a warning each) and refused for JSON (exit 1).
    """
    kind = _answer_format(output, format, as_json)  # before anything is sent
    with connect(ctx) as client:
        got = client.get_answers(work_item_id)
    try:
        prepare_to_write(got, kind, advice="get them as XML: --format xml")
    except AnswerSetError as error:
        fail(str(error), ExitCode.FAILED)
    write_answer_file(output, got, kind)
    if output != STDIO:
        Output(as_json).record(
            {"workItemId": work_item_id, "file": output, "format": kind, "answers": len(got)},
            title="Answers written",
        )


def _answer_format(output: str, given: str | None, as_json: bool) -> Format:
    if given is not None and given not in ("xml", "json"):
        fail(f"--format is xml or json, not {given!r}", ExitCode.USAGE)
    if output == STDIO and as_json and given == "xml":
        fail("--json prints JSON on stdout: give --format xml with --output FILE", ExitCode.USAGE)
    if given is not None:
        return "xml" if given == "xml" else "json"
    if output != STDIO:
        return format_of(output)
    return "json" if as_json else "xml"


def _answers_change(name: str, *, replace: bool, help: str) -> Callable[..., None]:
    """Register ``answers <name>``: replace_answers, or update_answers, with FILE's answers."""

    def command(
        ctx: typer.Context,
        *,
        work_item_id: WorkItemId,
        file: Annotated[str, typer.Argument(metavar="FILE", help=_ANSWER_FILE_HELP)],
        as_json: JsonOption = False,
    ) -> None:
        given = read_answer_file(file, strict=True)  # every problem named before sending
        with connect(ctx) as client:
            (client.replace_answers if replace else client.update_answers)(work_item_id, given)
        done = "replaced" if replace else "updated"
        Output(as_json).record(
            {"workItemId": work_item_id, done: True, "answers": len(given)},
            title=f"Answers {done}",
        )

    command.__doc__ = help
    return answer_set.command(name, help=help)(command)


answers_replace = _answers_change(
    "replace",
    replace=True,
    help="Replace a work item's answers with FILE's (answers not in FILE are gone).\n\n"
    "Allowed while its current version is Saved, Completed or PostProcessingFailed; "
    "otherwise the server refuses (exit status 5, naming those statuses).",
)
answers_update = _answers_change(
    "update",
    replace=False,
    help="Set FILE's answers on a work item, keeping its other answers.\n\nEach answer in "
    "FILE replaces the one of the same name or is added. Allowed in the same statuses as "
    "answers replace (else exit status 5).",
)


# --- work-groups, template-packages -------------------------------------------------------------

work_groups = new_group(
    help="The tenancy's work groups.",
    epilog="Example:\n\nhotdocs-advance work-groups list",
)
template_packages = new_group(
    help="The tenancy's template packages.",
    epilog=(
        "Example:\n\nhotdocs-advance template-packages list "
        "--work-group cb97f8d6-04a1-490a-aa09-92af12dfb305"
    ),
)

WORK_GROUP_TABLE: Final = _Table("Work groups", ("id", "name", "description"))
TEMPLATE_PACKAGE_TABLE: Final = _Table(
    "Template packages", ("id", "name", "activated", "hasLiveVersion", "workGroupIds")
)


@work_groups.command("list")
def work_groups_list(
    ctx: typer.Context,
    *,
    page_size: PageSize = None,
    limit: Limit = None,
    as_json: JsonOption = False,
) -> None:
    """List the work groups (the ids work-item create and bulk-create take)."""
    _listing(
        ctx,
        lambda client: client.list_work_groups(page_size=page_size),
        WORK_GROUP_TABLE,
        limit,
        as_json,
    )


@template_packages.command("list")
def template_packages_list(
    ctx: typer.Context,
    *,
    work_group: Annotated[
        str | None,
        typer.Option(metavar="ID", help="Only the packages assigned to this work group."),
    ] = None,
    page_size: PageSize = None,
    limit: Limit = None,
    as_json: JsonOption = False,
) -> None:
    """List the template packages, or those a work group's work items can be created from."""
    _listing(
        ctx,
        lambda client: client.list_template_packages(work_group, page_size=page_size),
        TEMPLATE_PACKAGE_TABLE,
        limit,
        as_json,
    )


# --- Registration point ----------------------------------------------------------------------
# Every command group is a typer sub-app (made with new_group above) and every command a
# function registered on it; GROUPS adds the groups to the app, in this order in --help.
# To add a command for a new AdvanceClient method:
#   - in an existing group: decorate a function with @work_item.command("name") (or
#     @version.command(...)); give it `ctx: typer.Context` and `as_json: JsonOption = False`,
#     open the client with `with connect(ctx) as client:` (or `settings(ctx).async_client()`),
#     and write the result with Output(as_json).record(...), or a list with .rows(rows,
#     columns) (a pager through _listing, with PageSize and Limit options);
#   - a new group: `things = new_group(help=..., epilog="Example:\n\n...")`, its commands
#     as above, and one entry in GROUPS;
#   - a top-level command: decorate it with @app.command("name") (bulk-create is registered
#     from _bulk_command.py).
# Errors need no handling: ERRORS maps the SDK's exceptions to a message and an exit status.
GROUPS: Final[dict[str, typer.Typer]] = {
    "work-item": work_item,
    "session": session,
    "version": version,
    "documents": documents,
    "answers": answer_set,
    "link": link,
    "work-groups": work_groups,
    "template-packages": template_packages,
}
for _name, _group in GROUPS.items():
    app.add_typer(_group, name=_name)
register_bulk_create(app, lambda ctx: settings(ctx).async_client())


def main(prog_name: str = "hotdocs-advance") -> None:
    """Run ``hotdocs-advance`` (the console script; ``python -m hotdocs_advance`` too).

    Args:
        prog_name: The name ``--help`` shows.
    """
    app(prog_name=prog_name)
