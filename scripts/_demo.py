"""The demo workflow: every public call of both clients, end to end (run via scripts/demo).

Without configuration it starts both local sandboxes on loopback and runs against them.
Set these to run the same workflow against real servers instead:

    ADVANCE_BASE_URL            e.g. https://tenancy1.hotdocsadvance.com/api/rest
    ADVANCE_CLIENT_NAME, ADVANCE_PRINCIPAL_NAME, ADVANCE_PRINCIPAL_PASSWORD
    ADVANCE_WORK_GROUP_ID, ADVANCE_TEMPLATE_PACKAGE_ID
    DEMO_CALLBACK_HOST          address the Advance server can reach this machine on
                                (default 127.0.0.1; the callback listener binds there)
    DEMO_CALLBACK_SCHEME        how the server authenticates its callback: hmac (default)
                                or token (see hotdocs_advance.verify_callback)
    DEMO_OUTPUT_DIR             where the assembled documents are saved (default: a new
                                temporary folder, named in the table)
    INFOROUTER_URL              e.g. https://server/srv.asmx
    INFOROUTER_USER, INFOROUTER_PASSWORD, INFOROUTER_PARENT_TASK_ID, INFOROUTER_ASSIGNEE
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import queue
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast
from uuid import uuid4

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


def callback_scheme() -> CallbackScheme:
    """How the server authenticates its callback (DEMO_CALLBACK_SCHEME, default hmac)."""
    return cast("CallbackScheme", os.environ.get("DEMO_CALLBACK_SCHEME", "hmac"))


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


def run_advance(
    report: Report, base_url: str, auth: ServicePrincipal, group: str, package: str
) -> None:
    callback_host = os.environ.get("DEMO_CALLBACK_HOST", "127.0.0.1")
    with AdvanceClient(base_url, auth=auth) as client:
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

        version = uuid4()
        client.begin_assembly_session(work_item, version_id=version)
        secret = secrets.token_urlsafe(24)
        with callback_listener(callback_host) as (url, received):
            result = client.save_and_close(
                work_item, version, callback_url=url, callback_secret=secret
            )
            report.add("Advance", "save and close v2.0 version", result)
            headers, body = received.get(timeout=CALLBACK_TIMEOUT_S)
        scheme = callback_scheme()
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


def main() -> int:
    started = time.perf_counter()
    report = Report()
    with contextlib.ExitStack() as stack:
        if os.environ.get("ADVANCE_BASE_URL"):
            base_url = os.environ["ADVANCE_BASE_URL"]
            auth = ServicePrincipal(
                os.environ["ADVANCE_CLIENT_NAME"],
                os.environ["ADVANCE_PRINCIPAL_NAME"],
                os.environ["ADVANCE_PRINCIPAL_PASSWORD"],
            )
            group = os.environ["ADVANCE_WORK_GROUP_ID"]
            package = os.environ["ADVANCE_TEMPLATE_PACKAGE_ID"]
        else:
            from hotdocs_advance.sandbox import AdvanceSandbox

            sandbox = stack.enter_context(AdvanceSandbox(callback_scheme=callback_scheme()))
            base_url = sandbox.base_url
            auth = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
            group, package = SANDBOX_GROUP, SANDBOX_PACKAGE
        if os.environ.get("INFOROUTER_URL"):
            ir_url = os.environ["INFOROUTER_URL"]
            user, password = os.environ["INFOROUTER_USER"], os.environ["INFOROUTER_PASSWORD"]
            parent = int(os.environ["INFOROUTER_PARENT_TASK_ID"])
            assignee = os.environ.get("INFOROUTER_ASSIGNEE", user)
        else:
            from inforouter.sandbox import InfoRouterSandbox

            ir_url = stack.enter_context(InfoRouterSandbox()).base_url
            user, password, parent, assignee = "jdoe", "jdoe-password", 456, "jdoe"
        print(f"HotDocs Advance: {base_url}\ninfoRouter:      {ir_url}\n", flush=True)
        try:
            run_advance(report, base_url, auth, group, package)
            run_inforouter(report, ir_url, user, password, parent, assignee)
        except Exception:
            print(f"{report.table()}\n\nFailed after the steps above:", file=sys.stderr)
            raise
    print(f"{report.table()}\n\nDone in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
