"""The demo workflow: every public call of both clients, end to end (run via scripts/demo).

Without configuration it starts both local sandboxes on loopback and runs against them. A
service runs against a real server instead as soon as one of its variables is set
(``ADVANCE_*`` for HotDocs Advance, ``INFOROUTER_*`` for infoRouter); then all of its required
variables must be, and the demo names every one missing (or invalid) in one message before it
sends anything. ``VARIABLES`` below lists them and what each is for; ``scripts/demo --help``
prints that list.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import queue
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast, get_args
from uuid import UUID, uuid4

from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    CallbackScheme,
    CallbackVerificationError,
    MultipleChoice,
    ServicePrincipal,
    verify_callback,
)
from inforouter import (
    InfoRouterClient,
    Priority,
    RelatedTaskRequest,
    RequirementType,
    TaskRequirement,
)

SANDBOX_GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
SANDBOX_PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
CALLBACK_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Variable:
    """An environment variable the demo reads: its name, what it is for, whether it is needed."""

    name: str
    purpose: str
    required: bool = True  # in its service's real-server mode; optional ones have a default


ADVANCE_VARIABLES = (
    Variable(
        "ADVANCE_BASE_URL",
        "the API's base URL, e.g. https://tenancy1.hotdocsadvance.com/api/rest",
    ),
    Variable("ADVANCE_CLIENT_NAME", "the API client the service principal logs in with"),
    Variable("ADVANCE_PRINCIPAL_NAME", "the service principal's name"),
    Variable("ADVANCE_PRINCIPAL_PASSWORD", "the service principal's password"),
    Variable("ADVANCE_WORK_GROUP_ID", "the work group the demo's work item is created in (a GUID)"),
    Variable("ADVANCE_TEMPLATE_PACKAGE_ID", "the template package it is created from (a GUID)"),
)
INFOROUTER_VARIABLES = (
    Variable("INFOROUTER_URL", "the web service's address, e.g. https://server/srv.asmx"),
    Variable("INFOROUTER_USER", "the user the demo logs in as"),
    Variable("INFOROUTER_PASSWORD", "that user's password"),
    Variable("INFOROUTER_PARENT_TASK_ID", "the task the related task is created on (a number)"),
    Variable(
        "INFOROUTER_ASSIGNEE", "who the related task is assigned to (default: the user)", False
    ),
)
DEMO_VARIABLES = (
    Variable(
        "DEMO_CALLBACK_HOST",
        "the address the Advance server reaches this machine on; the callback listener binds "
        "there (default 127.0.0.1)",
        False,
    ),
    Variable(
        "DEMO_CALLBACK_SCHEME",
        "how the server authenticates its callback: hmac (default) or token "
        "(see hotdocs_advance.verify_callback)",
        False,
    ),
    Variable(
        "DEMO_OUTPUT_DIR",
        "where the assembled documents are saved (default: a new temporary folder, named in "
        "the table)",
        False,
    ),
)
VARIABLES = (*ADVANCE_VARIABLES, *INFOROUTER_VARIABLES, *DEMO_VARIABLES)


class ConfigurationError(Exception):
    """The environment asks for a real server but lacks (or garbles) what it needs."""


@dataclass(frozen=True)
class AdvanceSettings:
    base_url: str
    auth: ServicePrincipal
    work_group_id: str
    template_package_id: str


@dataclass(frozen=True)
class InfoRouterSettings:
    url: str
    user: str
    password: str
    parent_task_id: int
    assignee: str


@dataclass(frozen=True)
class Settings:
    """What the demo runs against: None for a service means its local sandbox."""

    advance: AdvanceSettings | None
    inforouter: InfoRouterSettings | None
    callback_scheme: CallbackScheme


def _listing(variables: Sequence[Variable]) -> str:
    width = max(len(variable.name) for variable in variables)
    return "\n".join(f"  {v.name:<{width}}  {v.purpose}" for v in variables)


def read_settings(environ: Mapping[str, str]) -> Settings:
    """Read the demo's configuration; every missing or invalid variable is named at once.

    Args:
        environ: The environment (``os.environ``).

    Returns:
        The settings: a service none of whose variables is set runs on its sandbox.

    Raises:
        ConfigurationError: A service has some of its variables but not all it needs, or a
            value is not of its form; the message lists each, with what it is for.
    """
    # Passwords are taken as they are; other values without surrounding blanks.
    value = {v.name: environ.get(v.name, "") for v in VARIABLES}
    value.update({name: text.strip() for name, text in value.items() if "PASSWORD" not in name})
    missing: list[Variable] = []
    invalid: list[str] = []
    for variables in (ADVANCE_VARIABLES, INFOROUTER_VARIABLES):
        if any(value[v.name].strip() for v in variables):  # a real server for this service
            missing += [v for v in variables if v.required and not value[v.name].strip()]
    for name in ("ADVANCE_WORK_GROUP_ID", "ADVANCE_TEMPLATE_PACKAGE_ID"):
        try:
            if value[name]:
                UUID(value[name])
        except ValueError:
            invalid.append(f"  {name}={value[name]!r} is not a GUID")
    parent = value["INFOROUTER_PARENT_TASK_ID"]
    if parent and not (parent.isascii() and parent.isdigit()):
        invalid.append(f"  INFOROUTER_PARENT_TASK_ID={parent!r} is not a task number")
    scheme = value["DEMO_CALLBACK_SCHEME"] or "hmac"
    if scheme not in get_args(CallbackScheme):
        invalid.append(f"  DEMO_CALLBACK_SCHEME={scheme!r} is neither hmac nor token")
    if missing or invalid:
        parts = []
        if missing:
            parts.append(
                "to run against a real server, the demo needs these variables, which are not "
                f"set:\n{_listing(missing)}"
            )
        if invalid:
            parts.append("these variables are not valid:\n" + "\n".join(invalid))
        parts.append(
            "Set all of a service's variables, or none of them to run it on its local "
            "sandbox (scripts/demo --help lists every variable)."
        )
        raise ConfigurationError("\n".join(parts))
    advance = None
    if value["ADVANCE_BASE_URL"]:
        advance = AdvanceSettings(
            value["ADVANCE_BASE_URL"],
            ServicePrincipal(
                value["ADVANCE_CLIENT_NAME"],
                value["ADVANCE_PRINCIPAL_NAME"],
                value["ADVANCE_PRINCIPAL_PASSWORD"],
            ),
            value["ADVANCE_WORK_GROUP_ID"],
            value["ADVANCE_TEMPLATE_PACKAGE_ID"],
        )
    inforouter = None
    if value["INFOROUTER_URL"]:
        inforouter = InfoRouterSettings(
            value["INFOROUTER_URL"],
            value["INFOROUTER_USER"],
            value["INFOROUTER_PASSWORD"],
            int(parent),
            value["INFOROUTER_ASSIGNEE"] or value["INFOROUTER_USER"],
        )
    return Settings(advance, inforouter, cast("CallbackScheme", scheme))


class Report:
    """Collects what the demo did and prints it as a short table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    def add(self, service: str, step: str, outcome: object) -> None:
        self.rows.append((service, step, str(outcome)))

    def table(self) -> str:
        widths = [
            max(len(r[i]) for r in [("service", "step", "result"), *self.rows]) for i in (0, 1)
        ]
        lines = [f"{'service':<{widths[0]}}  {'step':<{widths[1]}}  result"]
        lines.append("-" * (widths[0] + widths[1] + 12))
        lines += [f"{s:<{widths[0]}}  {t:<{widths[1]}}  {o}" for s, t, o in self.rows]
        return "\n".join(lines)


@contextlib.contextmanager
def callback_listener(host: str) -> Iterator[tuple[str, queue.Queue[tuple[dict[str, str], bytes]]]]:
    """A one-route HTTP server that receives the SaveAndClose callback."""
    received: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.put((dict(self.headers.items()), body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep the demo's output to its table

    server = ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/hotdocs-callback", received
    finally:
        server.shutdown()
        server.server_close()


def output_folder() -> Path:
    """Where the assembled documents go: DEMO_OUTPUT_DIR, or a new temporary folder."""
    named = os.environ.get("DEMO_OUTPUT_DIR")
    folder = Path(named) if named else Path(tempfile.mkdtemp(prefix="hotdocs-demo-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def answers() -> AnswerSet:
    """One answer of every common kind, as a system of record would supply them."""
    answer_set = AnswerSet()
    answer_set["Company Name"] = "ExampleCorp"
    answer_set["Contract Value"] = Decimal("125000.50")
    answer_set["Start Date"] = dt.date(2026, 5, 15)
    answer_set["Auto Renew"] = True
    answer_set["Regions"] = MultipleChoice("North", "West")
    answer_set["Signatory Name"] = ["Ann Smith", "Cy Jones"]
    return answer_set


def run_advance(report: Report, advance: AdvanceSettings, scheme: CallbackScheme) -> None:
    callback_host = os.environ.get("DEMO_CALLBACK_HOST", "").strip() or "127.0.0.1"
    group, package = advance.work_group_id, advance.template_package_id
    with AdvanceClient(advance.base_url, auth=advance.auth) as client:
        work_item = client.create_work_item(
            name=f"ExampleCorp contract renewal {uuid4().hex[:8]}",
            description="Created by scripts/demo.",
            work_group_id=group,
            template_package_id=package,
            answers=answers(),
        )
        report.add("Advance", "create work item (6 answers)", work_item)
        item = client.get_work_item(work_item)
        report.add("Advance", "get work item", item.name)

        session = client.begin_assembly_session(work_item)
        report.add("Advance", "begin assembly session", session.interview_js_url or "started")
        client.save_assembly_session(work_item)
        report.add("Advance", "save assembly session", "saved")
        client.complete_assembly_session(work_item, run_assembly=True)
        report.add("Advance", "complete assembly session", "completed")
        documents = client.list_documents(work_item)
        report.add("Advance", "list documents", ", ".join(d.file_name or "?" for d in documents))
        folder = output_folder()
        saved = client.download_document(work_item, documents[0].id or uuid4(), folder)
        report.add("Advance", "download document", f"{saved} ({saved.stat().st_size:,} bytes)")
        back = client.get_answers(work_item)
        report.add(
            "Advance", "get answers", f"{len(back)} answers, Company Name={back['Company Name']}"
        )
        change = AnswerSet()
        change["Company Name"] = "ExampleCorp Ltd"
        client.update_answers(work_item, change)
        report.add("Advance", "update one answer", client.get_answers(work_item)["Company Name"])

        version = uuid4()
        client.begin_assembly_session(work_item, version_id=version)
        secret = secrets.token_urlsafe(24)
        with callback_listener(callback_host) as (url, received):
            result = client.save_and_close(
                work_item, version, callback_url=url, callback_secret=secret
            )
            report.add("Advance", "save and close v2.0 version", result)
            headers, body = received.get(timeout=CALLBACK_TIMEOUT_S)
        try:
            event = verify_callback(headers, body, secret, scheme=scheme)
        except CallbackVerificationError as exc:
            outcome = f"not verified: {exc}"
        else:
            proof = "signature" if scheme == "hmac" else "token"
            outcome = f"{event.status} ({proof} verified)"
        report.add("Advance", "callback received", outcome)
        status = client.get_version_status(work_item, version)
        report.add("Advance", "get version status", status.status)

        batch = client.create_and_assemble(work_item, answers=answers())
        report.add(
            "Advance", "v2.0 create and assemble", f"accepted={batch.accepted}, {batch.status}"
        )
        final = client.wait_for_version(work_item, batch.version_id, timeout=120)
        report.add("Advance", "wait for version", final.status)

        link = client.create_public_interview_link(
            name="Onboarding Link", template_package_id=package, work_group_id=group
        )
        report.add("Advance", "create public interview link", link)
        report.add(
            "Advance", "get public interview link", client.get_public_interview_link(link).name
        )
        client.delete_public_interview_link(link)
        report.add("Advance", "delete public interview link", "deleted")


def run_inforouter(
    report: Report, url: str, user: str, password: str, parent: int, assignee: str
) -> None:
    with InfoRouterClient(url) as client, client.authenticate(user, password) as session:
        report.add("infoRouter", "authenticate", f"{user} (ticket kept private)")
        request = RelatedTaskRequest(
            assignee=assignee,
            instructions="Please review the related document section.",
            due_date=dt.datetime.now().replace(microsecond=0) + dt.timedelta(days=14),
            priority=Priority.NORMAL,
            requirements=(TaskRequirement(RequirementType.APPROVAL),),
        )
        created = session.create_related_task(parent, request)
        report.add("infoRouter", f"create related task on {parent}", f"task {created.task_id}")
        task = session.get_task(created.task_id)
        status = task.status.value if task.status else "unknown"
        report.add("infoRouter", "get task", f"{status}, assigned to {task.assignee_name}")
        session.complete_task(created.task_id, comments="Reviewed by scripts/demo.")
        after = session.get_task(created.task_id)
        report.add("infoRouter", "complete task", after.status.value if after.status else "done")
    report.add("infoRouter", "log out", "done")


def parse_arguments(argv: Sequence[str]) -> None:
    """Refuse unknown arguments; ``--help`` says what the demo does and lists its variables."""
    parser = argparse.ArgumentParser(
        prog="scripts/demo",
        description=(
            "Runs every public call of both clients: against local sandboxes of both services, "
            "or against real servers named by the variables below (a service runs on a real "
            "server as soon as one of its variables is set)."
        ),
        epilog="environment variables:\n" + _listing(VARIABLES),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.parse_args(argv)


def main(argv: Sequence[str] = ()) -> int:
    parse_arguments(argv)
    started = time.perf_counter()
    try:
        settings = read_settings(os.environ)
    except ConfigurationError as exc:
        print(f"scripts/demo: {exc}", file=sys.stderr)
        return 2
    report = Report()
    with contextlib.ExitStack() as stack:
        if settings.advance is not None:
            advance = settings.advance
        else:
            from hotdocs_advance.sandbox import AdvanceSandbox

            sandbox = stack.enter_context(AdvanceSandbox(callback_scheme=settings.callback_scheme))
            advance = AdvanceSettings(
                sandbox.base_url,
                ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password"),
                SANDBOX_GROUP,
                SANDBOX_PACKAGE,
            )
        if settings.inforouter is not None:
            ir = settings.inforouter
        else:
            from inforouter.sandbox import InfoRouterSandbox

            ir_url = stack.enter_context(InfoRouterSandbox()).base_url
            ir = InfoRouterSettings(ir_url, "jdoe", "jdoe-password", 456, "jdoe")
        print(f"HotDocs Advance: {advance.base_url}\ninfoRouter:      {ir.url}\n", flush=True)
        try:
            run_advance(report, advance, settings.callback_scheme)
            run_inforouter(report, ir.url, ir.user, ir.password, ir.parent_task_id, ir.assignee)
        except Exception:
            print(f"{report.table()}\n\nFailed after the steps above:", file=sys.stderr)
            raise
    print(f"{report.table()}\n\nDone in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
