"""``hotdocs-advance``: thin commands over `AdvanceClient`, configured by flags or environment.

The server is ``--base-url`` (``ADVANCE_BASE_URL``), or ``--tenancy`` (``ADVANCE_TENANCY``) for
the cloud host, with ``--domain`` (``ADVANCE_DOMAIN``) for an on-premise one. The credentials
are ``--token`` (``ADVANCE_TOKEN``), or a service principal: ``--client-name``,
``--principal-name`` and ``--password`` (``ADVANCE_CLIENT_NAME``, ``ADVANCE_PRINCIPAL_NAME``,
``ADVANCE_PRINCIPAL_PASSWORD``). A password or token given as a flag draws a warning (other
users of the machine can read a command line); none is ever printed.

Each command group (``work-item``, ``session``, ``version``, ``link``) is a typer sub-app, and
each command a function registered on it: see the registration point at the end of this module.
A command gets its client from ``connect(ctx)`` and writes through ``Output`` (a table, or JSON
with ``--json``); the SDK's errors become a message and an exit status by ``ERRORS``.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Final

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

from . import _arguments as check
from ._answers import AnswerSet
from ._answers_cli import read_answer_file
from ._async_client import AsyncAdvanceClient
from ._auth import ServicePrincipal
from ._bulk_command import register_bulk_create
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
)
from ._sync_client import AdvanceClient

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
    help="Work items, assembly sessions, versions and public interview links on HotDocs Advance.",
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
    """Work items, assembly sessions, versions and public interview links on HotDocs Advance."""
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

# --- check -------------------------------------------------------------------------------------


def _tenancy_of(base_url: str) -> str | None:
    """Return the tenancy a cloud or on-premise base URL names (its host's first label)."""
    url = httpx.URL(base_url)
    host = url.host.lower()
    if host.endswith(_CLOUD_HOST) or url.path.rstrip("/").endswith(check.ON_PREMISE_API):
        return host.split(".", 1)[0]
    return None


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
            _step(f"a read (GET {base}/v1.1/WorkItems/{probe})", error)
        try:
            client.save_assembly_session(probe)
        except (NotFoundError, ConflictError):
            report["scope"], report["commandMethods"] = "Command or Root", True
        except PermissionDeniedError:
            report["scope"], report["commandMethods"] = "Query", False
        except AdvanceError as error:
            _step(
                f"a command method (PUT .../WorkItems/{probe}/Versions/Active/SaveSession)", error
            )
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
    answers: Annotated[str | None, typer.Option(help=_ANSWERS_HELP)] = None,
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
    work_item_id: Annotated[str, typer.Argument(metavar="WORK_ITEM_ID")],
    as_json: JsonOption = False,
) -> None:
    """Read a work item (every member the server reports)."""
    with connect(ctx) as client:
        item = client.get_work_item(work_item_id)
    Output(as_json).record(item, title="Work item")


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
    work_item_id: Annotated[str, typer.Argument(metavar="WORK_ITEM_ID")],
    version_id: Annotated[
        str | None, typer.Option(help="The session's new version id (default: a new one).")
    ] = None,
    answers: Annotated[str | None, typer.Option(help=_ANSWERS_HELP)] = None,
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
    work_item_id: Annotated[str, typer.Argument(metavar="WORK_ITEM_ID")],
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
    work_item_id: Annotated[str, typer.Argument(metavar="WORK_ITEM_ID")],
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


@version.command("save-and-close")
def version_save_and_close(
    ctx: typer.Context,
    *,
    work_item_id: Annotated[str, typer.Argument(metavar="WORK_ITEM_ID")],
    version_id: Annotated[str, typer.Argument(metavar="VERSION_ID")],
    callback_url: Annotated[
        str | None, typer.Option(help="An http(s) URL the server notifies when done.")
    ] = None,
    callback_secret: Annotated[
        str | None,
        typer.Option(
            envvar="ADVANCE_CALLBACK_SECRET",
            help="The secret that authenticates the callback (prefer the environment variable).",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Save an in-progress version and close its session."""
    warn_secret_on_command_line(
        ctx, "callback_secret", "--callback-secret", "ADVANCE_CALLBACK_SECRET"
    )
    with connect(ctx) as client:
        result = client.save_and_close(
            work_item_id, version_id, callback_url=callback_url, callback_secret=callback_secret
        )
    Output(as_json).record(result, title="Version saved and closed")


@version.command("status")
def version_status(
    ctx: typer.Context,
    *,
    work_item_id: Annotated[str, typer.Argument(metavar="WORK_ITEM_ID")],
    version_id: Annotated[str, typer.Argument(metavar="VERSION_ID")],
    as_json: JsonOption = False,
) -> None:
    """Read a version's status."""
    with connect(ctx) as client:
        status = client.get_version_status(work_item_id, version_id)
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


# --- Registration point ----------------------------------------------------------------------
# Every command group is a typer sub-app (made with new_group above) and every command a
# function registered on it; GROUPS adds the groups to the app, in this order in --help.
# To add a command for a new AdvanceClient method (issue 14: documents list|download, answers
# get|replace|update, work-groups list, template-packages list, work-item list, version
# create|complete|wait; issue 15: bulk-create):
#   - in an existing group: decorate a function with @work_item.command("list") (or
#     @version.command("wait")); give it `ctx: typer.Context` and `as_json: JsonOption = False`,
#     open the client with `with connect(ctx) as client:` (or `settings(ctx).async_client()`),
#     and write the result with Output(as_json).record(...) or .rows(rows, columns);
#   - a new group: `documents = new_group(help=..., epilog="Example:\n\n...")`, its commands
#     as above, and one entry in GROUPS;
#   - a top-level command: decorate it with @app.command("bulk-create").
# Errors need no handling: ERRORS maps the SDK's exceptions to a message and an exit status.
GROUPS: Final[dict[str, typer.Typer]] = {
    "work-item": work_item,
    "session": session,
    "version": version,
    "link": link,
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
