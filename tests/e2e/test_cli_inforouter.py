"""inforouter through typer's CliRunner against the infoRouter sandbox, and a WSDL server.

check (log-in, binding, --all-bindings), check --wsdl against the sandbox's WSDL and against
modified WSDLs served on loopback (every difference named), and every task command.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from inforouter import TaskStatus
from inforouter._cli import app
from inforouter.sandbox import InfoRouterSandbox
from inforouter_api import WSDL
from typer.testing import CliRunner, Result

PASSWORD = "jdoe-password"
VARIABLES = ("INFOROUTER_URL", "INFOROUTER_USER", "INFOROUTER_PASSWORD", "INFOROUTER_BINDING")


def environment(sandbox: InfoRouterSandbox | None, **extra: str | None) -> dict[str, str | None]:
    """jdoe on the sandbox in the environment; every other INFOROUTER_ variable unset."""
    env: dict[str, str | None] = dict.fromkeys(VARIABLES)
    if sandbox is not None:
        env |= {
            "INFOROUTER_URL": sandbox.base_url,
            "INFOROUTER_USER": "jdoe",
            "INFOROUTER_PASSWORD": PASSWORD,
        }
    return env | extra


def run(env: Mapping[str, str | None], *args: str) -> Result:
    result = CliRunner().invoke(app, list(args), env=dict(env))
    assert PASSWORD not in result.output, "a password was printed"
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def out(result: Result) -> dict[str, object]:
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


@contextmanager
def serving_wsdl(document: bytes) -> Iterator[str]:
    """Serve ``document`` at /srv.asmx?WSDL on loopback; yield the service URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = (200, document) if self.path.lower() == "/srv.asmx?wsdl" else (404, b"")
            self.send_response(status)
            self.send_header("Content-Type", "text/xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/srv.asmx"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def modified(*changes: tuple[str, str, str]) -> bytes:
    """The package's WSDL with each (anchor, old, new) replacement made after its anchor."""
    text = WSDL.read_text(encoding="utf-8")
    for anchor, old, new in changes:
        start = text.index(anchor)
        at = text.index(old, start)
        text = text[:at] + new + text[at + len(old) :]
    return text.encode()


def test_check_logs_in_and_out_and_names_the_binding(inforouter_sandbox: InfoRouterSandbox) -> None:
    """check: 'SOAP 1.1: logged in as jdoe ..., logged out'; the ticket is gone afterwards."""
    result = run(environment(inforouter_sandbox), "check")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"SOAP 1.1: logged in as jdoe at {inforouter_sandbox.base_url}")
    assert "logged out" in result.stdout
    soap12 = out(
        run(environment(inforouter_sandbox, INFOROUTER_BINDING="soap12"), "check", "--json")
    )
    assert soap12["logins"] == [
        {"binding": "soap12", "label": "SOAP 1.2", "answered": True, "ticketValid": True,
         "loggedOut": True}
    ]  # fmt: skip
    tickets = inforouter_sandbox.state.tickets
    assert set(tickets) == {"abc123"}  # only the seed's: both sessions logged out


def test_check_all_bindings_says_which_answered(inforouter_sandbox: InfoRouterSandbox) -> None:
    """--all-bindings tries the four; http-get's ticket-in-URL warning goes to stderr."""
    result = run(environment(inforouter_sandbox), "check", "--all-bindings")
    assert result.exit_code == 0, result.output
    for label in ("SOAP 1.1", "SOAP 1.2", "HTTP POST", "HTTP GET"):
        assert f"{label}: logged in as jdoe" in result.stdout
    assert "warning: binding='http-get' sends the authentication ticket" in result.stderr


def test_check_with_a_wrong_password_exits_3(inforouter_sandbox: InfoRouterSandbox) -> None:
    """A refused log-in: 'no log-in: [900] ...', status 3."""
    result = run(environment(inforouter_sandbox, INFOROUTER_PASSWORD="wrong-pass"), "check")
    assert result.exit_code == 3
    assert "error: no log-in: SOAP 1.1: [900]" in result.stderr
    assert "wrong-pass" not in result.output


def test_missing_configuration_and_bad_bindings_exit_2(
    inforouter_sandbox: InfoRouterSandbox,
) -> None:
    """No URL, no user, or an unknown binding: named, status 2, nothing sent."""
    assert "set INFOROUTER_URL" in run(environment(None), "task", "get", "1").stderr
    no_user = run(environment(inforouter_sandbox, INFOROUTER_USER=None), "check")
    assert no_user.exit_code == 2
    assert "the log-in needs INFOROUTER_USER (--user)" in no_user.stderr
    binding = run(environment(inforouter_sandbox, INFOROUTER_BINDING="corba"), "check")
    assert binding.exit_code == 2
    assert "not 'corba'" in binding.stderr


def test_a_password_flag_warns(inforouter_sandbox: InfoRouterSandbox) -> None:
    """--password on the command line warns (naming INFOROUTER_PASSWORD) and is not echoed."""
    env = environment(inforouter_sandbox, INFOROUTER_PASSWORD=None)
    result = run(env, "--password", PASSWORD, "check")
    assert result.exit_code == 0
    assert "warning: --password given on the command line is visible" in result.stderr
    assert "set INFOROUTER_PASSWORD instead" in result.stderr
    assert "warning" not in run(environment(inforouter_sandbox), "check").stderr


def test_check_wsdl_against_the_sandbox_matches(inforouter_sandbox: InfoRouterSandbox) -> None:
    """The sandbox serves the package's WSDL: no difference, status 0; --json says so too."""
    result = run(environment(inforouter_sandbox), "check", "--wsdl")
    assert result.exit_code == 0, result.output
    assert "matches the package's in all 9 operations" in result.stdout
    data = out(run(environment(inforouter_sandbox), "check", "--wsdl", "--json"))
    wsdl = data["wsdl"]
    assert isinstance(wsdl, dict)
    assert wsdl["differences"] == []
    assert wsdl["packageDisagreements"] == []
    assert wsdl["bindings"] == ["HTTP GET", "HTTP POST", "SOAP 1.1", "SOAP 1.2"]


def test_check_wsdl_names_the_case_of_create_related_tasks_ticket() -> None:
    """The older WSDLs' AuthenticationTicket: named, on SOAP and HTTP; status 1; no log-in."""
    document = modified(
        ('<s:element name="CreateRelatedTask">', 'name="authenticationTicket"', 'name="AuthenticationTicket"'),
        ('<wsdl:message name="CreateRelatedTaskHttpGetIn">', 'name="authenticationTicket"', 'name="AuthenticationTicket"'),
    )  # fmt: skip
    with serving_wsdl(document) as url:
        result = run(environment(None, INFOROUTER_URL=url), "check", "--wsdl")
        data = json.loads(
            run(environment(None, INFOROUTER_URL=url), "check", "--wsdl", "--json").stdout
        )
    assert result.exit_code == 1
    assert (
        "CreateRelatedTask (SOAP): parameter 1 is 'authenticationTicket' in the package and "
        "'AuthenticationTicket' on the server (the case differs" in result.stdout
    )
    assert "CreateRelatedTask (HTTP GET): parameter 1 is 'authenticationTicket'" in result.stdout
    assert "differs from the package's in 2 place(s)" in result.stderr
    assert [(d["operation"], d["binding"], d["package"], d["server"]) for d in data["wsdl"]["differences"]] == [
        ("CreateRelatedTask", "SOAP", "authenticationTicket", "AuthenticationTicket"),
        ("CreateRelatedTask", "HTTP GET", "authenticationTicket", "AuthenticationTicket"),
    ]  # fmt: skip
    assert "logins" not in data


def test_check_wsdl_names_every_kind_of_difference() -> None:
    """Order, type, occurrence, a missing and an extra parameter, SOAPAction, operation, binding."""
    text = modified(
        # ReassignTask: reassignTo and taskId swapped (order), newDueDate a string (type).
        (
            '<s:element name="ReassignTask">',
            '<s:element minOccurs="1" maxOccurs="1" name="taskId" type="s:int" />\n            <s:element minOccurs="0" maxOccurs="1" name="reassignTo" type="s:string" />',
            '<s:element minOccurs="0" maxOccurs="1" name="reassignTo" type="s:string" />\n            <s:element minOccurs="1" maxOccurs="1" name="taskId" type="s:int" />',
        ),
        (
            '<s:element name="ReassignTask">',
            'name="newDueDate" type="s:dateTime"',
            'name="newDueDate" type="s:string"',
        ),
        # CompleteTask: comments required; DeleteTask: taskId renamed (missing + extra).
        (
            '<s:element name="CompleteTask">',
            'minOccurs="0" maxOccurs="1" name="comments"',
            'minOccurs="1" maxOccurs="1" name="comments"',
        ),
        ('<s:element name="DeleteTask">', 'name="taskId"', 'name="id"'),
        # GetTask's SOAP 1.2 action; isValidTicket gone from every binding.
        (
            '<wsdl:binding name="srvSoap12"',
            'soapAction="http://tempuri.org/GetTask"',
            'soapAction="urn:GetTask"',
        ),
    ).decode()
    for binding in ("srvSoap", "srvSoap12", "srvHttpGet", "srvHttpPost"):
        start = text.index(f'<wsdl:binding name="{binding}"')
        op = text.index('<wsdl:operation name="isValidTicket">', start)
        end = text.index("</wsdl:operation>", op) + len("</wsdl:operation>")
        text = text[:op] + text[end:]
    # No HTTP POST binding at all.
    start = text.index('<wsdl:binding name="srvHttpPost"')
    text = text[:start] + text[text.index("</wsdl:binding>", start) + len("</wsdl:binding>") :]
    with serving_wsdl(text.encode()) as url:
        result = run(environment(None, INFOROUTER_URL=url), "check", "--wsdl", "--json")
    assert result.exit_code == 1
    messages = [d["message"] for d in json.loads(result.stdout)["wsdl"]["differences"]]
    expected = [
        "(HTTP POST): the server's WSDL has no HTTP POST binding",
        "isValidTicket: the server has no such operation",
        "CompleteTask (SOAP): 'comments' is required on the server, optional in the package",
        "DeleteTask (SOAP): parameter 2, 'taskId', is missing on the server",
        "DeleteTask (SOAP): the server has a parameter the package does not send: 'id' (parameter 2)",
        "ReassignTask (SOAP): the parameters are in another order: authenticationTicket, taskId, "
        "reassignTo, newDueDate, newInstructions, sendTaskNotice in the package, "
        "authenticationTicket, reassignTo, taskId, newDueDate, newInstructions, sendTaskNotice "
        "on the server",
        "ReassignTask (SOAP): 'newDueDate' is string on the server, dateTime in the package",
        "GetTask (SOAP 1.2): SOAPAction is 'http://tempuri.org/GetTask' in the package and "
        "'urn:GetTask' on the server",
    ]
    for message in expected:
        assert message in messages, (message, messages)
    assert len(messages) == len(expected), messages


def test_check_wsdl_of_a_server_without_one_exits_6() -> None:
    """An HTML page or a 404 at ?WSDL: the error says what came, status 6."""
    with serving_wsdl(b"<html><body>no</body></html>") as url:
        html = run(environment(None, INFOROUTER_URL=url), "check", "--wsdl")
        missing = run(environment(None, INFOROUTER_URL=url + "x"), "check", "--wsdl")
    assert html.exit_code == 6
    assert "not a WSDL 1.1 document" in html.stderr
    assert missing.exit_code == 6
    assert "HTTP 404" in missing.stderr


def test_task_create_related_get_and_reassign(inforouter_sandbox: InfoRouterSandbox) -> None:
    """create-related makes task 789 under 456; get reads it back; reassign hands it over."""
    env = environment(inforouter_sandbox)
    created = out(run(env, "task", "create-related", "456", "--assignee", "jdoe",
                      "--instructions", "Please review", "--due", "2027-05-15",
                      "--priority", "high", "--requirement", "Approval", "--json"))  # fmt: skip
    assert created == {"task_id": 789, "redirected_user_name": None}
    got = out(run(env, "task", "get", "789", "--json"))
    assert (got["linked_task_id"], got["priority"], got["due_date"]) == (
        456,
        "High",
        "2027-05-15T00:00:00",
    )
    assert got["requirements"] == [{"type": "Approval", "object_id": 0, "definition": ""}]
    table = run(env, "task", "get", "789")
    assert "Please review" in table.stdout
    assert "TaskID" not in table.stdout  # raw is left out of the table
    reassigned = out(run(env, "task", "reassign", "789", "--to", "asmith", "--due",
                         "2027-06-01T17:00", "--no-notice", "--json"))  # fmt: skip
    assert reassigned["task_id"] == 790
    assert inforouter_sandbox.state.tasks[789].status == TaskStatus.REASSIGNED.value


def test_task_create_complete_and_delete(inforouter_sandbox: InfoRouterSandbox) -> None:
    """create on a document, complete as its assignee, delete; a deleted task is not found (4)."""
    env = environment(inforouter_sandbox)
    created = out(run(env, "task", "create", "/Public/Contracts/agreement.pdf", "--assignee",
                      "jdoe", "--instructions", "Sign", "--due", "2027-05-15", "--right",
                      "change", "--json"))  # fmt: skip
    task_id = str(created["task_id"])
    done = run(env, "task", "complete", task_id, "--comments", "done")
    assert done.exit_code == 0, done.output
    assert "completed" in done.stdout
    assert out(run(env, "task", "delete", task_id, "--json")) == {
        "task_id": int(task_id),
        "deleted": True,
    }
    gone = run(env, "task", "get", task_id)
    assert gone.exit_code == 4
    assert "not found" in gone.stderr.lower()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--due", "tomorrow"), "'tomorrow' is not an ISO date"),
        (("--due", "2027-05-15", "--priority", "asap"), "'asap' is not one of NoPriortySetting"),
        (("--due", "2027-05-15", "--requirement", "FormTemplate:x"), "object id after ':'"),
        (("--due", "2027-05-15", "--requirement", "FormTemplate"), "needs object_id"),
        (("--due", "2027-05-15T10:00+02:00"), "aware"),
    ],
)
def test_bad_task_arguments_exit_2_before_anything_is_sent(
    inforouter_sandbox: InfoRouterSandbox, args: tuple[str, ...], message: str
) -> None:
    """A bad date, priority or requirement: status 2, named; no task is created."""
    before = set(inforouter_sandbox.state.tasks)
    result = run(environment(inforouter_sandbox), "task", "create-related", "456",
                 "--assignee", "asmith", "--instructions", "x", *args)  # fmt: skip
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert set(inforouter_sandbox.state.tasks) == before


def test_someone_elses_task_cannot_be_completed_and_exits_3(
    inforouter_sandbox: InfoRouterSandbox,
) -> None:
    """Completing a task assigned to another user is refused by the server (status 3)."""
    env = environment(inforouter_sandbox)
    created = run(env, "task", "create-related", "456", "--assignee", "asmith",
                  "--instructions", "x", "--due", "2027-05-15")  # fmt: skip
    assert created.exit_code == 0
    result = run(env, "task", "complete", "789")
    assert result.exit_code == 3
    assert "Access Denied (CompleteTask at http://127.0.0.1:" in result.stderr
    assert "/srv.asmx, task 789)" in result.stderr


def test_help_has_examples_and_version() -> None:
    """--help of the app, of check and of task shows an example; --version the distribution."""
    env = environment(None)
    assert "inforouter check --wsdl" in run(env, "--help").stdout
    assert "inforouter check --wsdl" in run(env, "check", "--help").stdout
    assert "inforouter task get 789" in run(env, "task", "--help").stdout
    version = run(env, "--version")
    assert version.exit_code == 0
    assert version.stdout.startswith("inforouter ")
