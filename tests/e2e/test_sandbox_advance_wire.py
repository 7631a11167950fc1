"""Raw-wire tests of the Advance sandbox: plain httpx over real loopback HTTP.

The vendor pages' example requests are sent exactly as printed (P1, P2, P3, P5), and
every documented rule and CHOICE of the sandbox is checked from the client's side.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from hotdocs_advance import verify_callback
from hotdocs_advance.sandbox import CALLBACK_SIGNATURE_HEADER, AdvanceSandbox, Faults
from hotdocs_advance.sandbox._seed import DEFAULT_SEED_DATA

WORK_GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
EXAMPLE_GROUP = "09000000-0000-0000-0000-000000000001"
EXAMPLE_PACKAGE = "03000000-0000-0000-0000-000000000003"
P_WORK_ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
P3_VERSION = "7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f"
LOGIN = "/Authorize/ServicePrincipalLogIn"
PROBLEM = "application/problem+json"

# P1 "Example Request JSON", as printed (the page drops the braces; the blank lines are its own).
P1_JSON = """{
    "name": "ExampleCorp contract renewal",

    "description": "Updating the contract for ExampleCorp.",

    "workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",

    "templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",

    "answerXml": "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>",

    "assembleImmediately": true,

    "completeAssemblySession": false,

    "isPrivateToOwner": true
}"""
# P1's C# sample, as its author meant it (reference section 7.5: the printed answerXml is garbled).
P1_CSHARP_JSON = (
    '{"name": "Example Contract A","templatePackageId": "03000000-0000-0000-0000-000000000003",'
    '"workGroupId": "09000000-0000-0000-0000-000000000001","answerXml": "<AnswerSet title=\'\' '
    "version='1.1' useMangledNames='false'><Answer name='ClientName'><TextValue>Bob Sherunkle"
    '</TextValue></Answer></AnswerSet>","assembleImmediately": true, "completeAssemblySession": '
    'false, "isPrivateToOwner": true}'
)
# P5 "Example Request JSON", as printed.
P5_JSON = """{
"name": "Onboarding Link",
"templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
"workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",
"isActive": true
}"""
JSON_UTF8 = {"Content-Type": "application/json; charset=utf-8"}


# ---------------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def server() -> Iterator[AdvanceSandbox]:
    with AdvanceSandbox() as running:
        yield running


@pytest.fixture
def sandbox(server: AdvanceSandbox) -> Iterator[AdvanceSandbox]:
    server.reset()
    yield server
    assert server.state.spec_violations == []
    server.reset()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


def log_in(
    http: httpx.Client,
    sandbox: AdvanceSandbox,
    client: str = "sandbox",
    principal: str = "sandbox-principal",
    password: str = "sandbox-password",
) -> str:
    answer = http.post(
        sandbox.auth_url + LOGIN,
        json={"ClientName": client, "PrincipalName": principal, "PrincipalPassword": password},
    )
    assert answer.status_code == 200, answer.text
    return answer.text


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def work_item_body(name: str = "Renewal", **overrides: Any) -> dict[str, Any]:
    return {"name": name, "workGroupId": WORK_GROUP, "templatePackageId": PACKAGE, **overrides}


def create_work_item(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, item_id: str | None = None, **body: Any
) -> tuple[str, httpx.Response]:
    item_id = item_id or str(uuid.uuid4())
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{item_id}",
        json=work_item_body(**body)
        if "name" in body
        else work_item_body(f"Item {item_id}", **body),
        headers=bearer(token),
    )
    return item_id, answer


def begin(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, item_id: str, version: str, **body: Any
) -> httpx.Response:
    return http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{item_id}/Versions/{version}",
        json=body,
        headers=bearer(token),
    )


def assert_problem(answer: httpx.Response, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = answer.json()
    assert body["status"] == status
    assert body["title"]
    return body


@pytest.fixture
def token(http: httpx.Client, sandbox: AdvanceSandbox) -> str:
    return log_in(http, sandbox)


class CallbackReceiver:
    """A loopback HTTP server that records the POSTs it gets."""

    def __init__(self) -> None:
        received: list[tuple[dict[str, str], bytes]] = []
        self.received = received

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                received.append((dict(self.headers.items()), self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                return None

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hotdocs/callback"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    running = CallbackReceiver()
    yield running
    running.close()


# ---------------------------------------------------------------------- authentication


def test_login_answers_a_bare_token_as_text(http: httpx.Client, sandbox: AdvanceSandbox) -> None:
    """ServicePrincipalLogIn answers 200 text/plain whose whole body is the token."""
    answer = http.post(
        sandbox.auth_url + LOGIN,
        json={
            "ClientName": "sandbox",
            "PrincipalName": "sandbox-principal",
            "PrincipalPassword": "sandbox-password",
        },
    )
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    assert answer.text in sandbox.state.tokens
    assert sandbox.state.tokens[answer.text].scope == "Command"


def test_login_member_names_match_in_any_case(http: httpx.Client, sandbox: AdvanceSandbox) -> None:
    """The PHP SDK's lower-case clientName logs in too (CHOICE: case-insensitive members)."""
    answer = http.post(
        sandbox.auth_url + LOGIN,
        json={
            "clientName": "sandbox",
            "principalName": "sandbox-principal",
            "principalPassword": "sandbox-password",
        },
    )
    assert answer.status_code == 200


@pytest.mark.parametrize(
    ("client", "principal", "password"),
    [
        ("sandbox", "sandbox-principal", "wrong"),
        ("nobody", "sandbox-principal", "sandbox-password"),
        ("sandbox", "reader-principal", "reader-password"),
    ],
)
def test_bad_credentials_get_401(
    http: httpx.Client, sandbox: AdvanceSandbox, client: str, principal: str, password: str
) -> None:
    """A wrong password, unknown client or another client's principal gets a 401 problem."""
    answer = http.post(
        sandbox.auth_url + LOGIN,
        json={"ClientName": client, "PrincipalName": principal, "PrincipalPassword": password},
    )
    body = assert_problem(answer, 401)
    assert password not in json.dumps(body)


def test_login_without_a_member_gets_400(http: httpx.Client, sandbox: AdvanceSandbox) -> None:
    """A log-in body that lacks PrincipalPassword does not conform to the spec: 400."""
    answer = http.post(
        sandbox.auth_url + LOGIN, json={"ClientName": "sandbox", "PrincipalName": "x"}
    )
    assert "PrincipalPassword" in assert_problem(answer, 400)["detail"]


def test_token_is_accepted_without_bearer(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """The raw token, without 'Bearer ', authorizes a call (CHOICE: the PHP SDK sends it so)."""
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}",
        json=work_item_body(),
        headers={"Authorization": token},
    )
    assert answer.status_code == 200


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer not-a-token"}])
def test_missing_or_unknown_token_gets_401(
    http: httpx.Client, sandbox: AdvanceSandbox, headers: dict[str, str]
) -> None:
    """A call without a token, or with one the sandbox never issued, gets 401 and does nothing."""
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}", json=work_item_body(), headers=headers
    )
    assert_problem(answer, 401)
    assert answer.headers["www-authenticate"] == "Bearer"
    assert sandbox.state.work_items == {}


def test_expired_token_gets_401(http: httpx.Client, sandbox: AdvanceSandbox, token: str) -> None:
    """A token older than its client's life span gets 401."""
    sandbox.state.clock.advance(3601)
    _, answer = create_work_item(http, sandbox, token)
    assert_problem(answer, 401)


def test_query_scope_is_refused_on_command_methods(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A Query-scope client gets 403 on a command method and 200 on a query method."""
    item_id, created = create_work_item(http, sandbox, token)
    assert created.status_code == 200
    reader = log_in(http, sandbox, "sandbox-reader", "reader-principal", "reader-password")
    _, refused = create_work_item(http, sandbox, reader)
    assert_problem(refused, 403)
    read = http.get(f"{sandbox.base_url}/v1.1/WorkItems/{item_id}", headers=bearer(reader))
    assert read.status_code == 200
    assert read.json()["id"] == item_id


def test_public_link_read_is_a_command_method(http: httpx.Client, sandbox: AdvanceSandbox) -> None:
    """Reading a public link needs Command scope, as the vendor page says: Query gets 403."""
    reader = log_in(http, sandbox, "sandbox-reader", "reader-principal", "reader-password")
    answer = http.get(
        f"{sandbox.base_url}/v1.1/PublicInterviewLinks/{uuid.uuid4()}", headers=bearer(reader)
    )
    assert_problem(answer, 403)


# ---------------------------------------------------------------------- work items (P1)


def test_p1_create_work_item_json_as_printed(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """P1's example JSON creates the work item: 200, echoing it, with its answers kept."""
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{P_WORK_ITEM}",
        content=P1_JSON,
        headers={**bearer(token), **JSON_UTF8},
    )
    assert answer.status_code == 200
    echo = answer.json()
    assert echo["id"] == P_WORK_ITEM
    assert echo["name"] == "ExampleCorp contract renewal"
    assert echo["isPrivateToOwner"] is True
    item = sandbox.state.work_items[uuid.UUID(P_WORK_ITEM)]
    assert item.answer_xml is not None
    assert "ExampleCorp" in item.answer_xml
    assert item.assemble_immediately is True


def test_p1_csharp_sample_body_creates_a_work_item(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """The C# sample's intended body, on the example work group and package, answers 200."""
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}",
        content=P1_CSHARP_JSON,
        headers={**bearer(token), **JSON_UTF8},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["workGroupId"] == EXAMPLE_GROUP


def test_identical_repeat_is_answered_as_the_first(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """Repeating a create with the same id and body answers as the first did; one item exists."""
    headers = {**bearer(token), **JSON_UTF8}
    url = f"{sandbox.base_url}/v1.1/WorkItems/{P_WORK_ITEM}"
    first = http.put(url, content=P1_JSON, headers=headers)
    again = http.put(url, content=P1_JSON, headers=headers)
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == first.json()
    assert len(sandbox.state.work_items) == 1


def test_taken_id_with_another_body_gets_409(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A create on an existing id with a different body gets 409 and changes nothing."""
    item_id, _ = create_work_item(http, sandbox, token, name="First")
    _, answer = create_work_item(http, sandbox, token, item_id, name="Second")
    assert_problem(answer, 409)
    assert sandbox.state.work_items[uuid.UUID(item_id)].name == "First"


def test_taken_name_gets_409(http: httpx.Client, sandbox: AdvanceSandbox, token: str) -> None:
    """Work item names are unique (CHOICE, P1): a second item with the same name gets 409."""
    create_work_item(http, sandbox, token, name="Twice")
    _, answer = create_work_item(http, sandbox, token, name="Twice")
    assert "Twice" in assert_problem(answer, 409)["detail"]
    assert len(sandbox.state.work_items) == 1


@pytest.mark.parametrize(
    ("work_group", "package", "reason"),
    [
        (str(uuid.uuid4()), PACKAGE, "Work group"),
        (WORK_GROUP, str(uuid.uuid4()), "does not exist"),
        (EXAMPLE_GROUP, PACKAGE, "not assigned"),
    ],
)
def test_bad_references_get_400(
    http: httpx.Client,
    sandbox: AdvanceSandbox,
    token: str,
    work_group: str,
    package: str,
    reason: str,
) -> None:
    """An unknown work group or package, or a package not in the work group, gets 400."""
    _, answer = create_work_item(
        http, sandbox, token, name="Bad", workGroupId=work_group, templatePackageId=package
    )
    assert reason in assert_problem(answer, 400)["detail"]
    assert sandbox.state.work_items == {}


@pytest.mark.parametrize(
    ("setting", "reason"), [("activated", "not activated"), ("hasLiveVersion", "no live version")]
)
def test_unusable_packages_get_400(
    http: httpx.Client, server: AdvanceSandbox, setting: str, reason: str
) -> None:
    """A package that is not activated, or has no live version, cannot start a work item: 400."""
    server.reset(
        {
            "workGroups": [{"id": WORK_GROUP}],
            "templatePackages": [{"id": PACKAGE, "workGroups": [WORK_GROUP], setting: False}],
            "apiClients": [
                {"name": "c", "scope": "Root", "principalName": "p", "principalPassword": "pw"}
            ],
        }
    )
    try:
        token = log_in(http, server, "c", "p", "pw")
        _, answer = create_work_item(http, server, token)
        assert reason in assert_problem(answer, 400)["detail"]
    finally:
        server.reset()


def test_invalid_answer_xml_gets_400_naming_line_and_answer(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """answerXml that breaks the answer-set XSD gets 400 naming the line and the answer."""
    xml = "<AnswerSet version='1.1'>\n<Answer name='Total'><NumValue>12,5</NumValue></Answer>\n</AnswerSet>"
    _, answer = create_work_item(http, sandbox, token, name="Bad answers", answerXml=xml)
    detail = assert_problem(answer, 400)["detail"]
    assert "line 2" in detail
    assert "'Total'" in detail


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        ("<AnswerSet><Answer name='A'><TextValue>x</TextValue>", "not well-formed"),
        ("<answerset/>", "not a valid answer set"),
        ("<AnswerSet><Answer name='A'><TFValue>yes</TFValue></Answer></AnswerSet>", "'A'"),
        (
            "<AnswerSet><Answer name='Deep'>"
            + "<RptValue>" * 5
            + "<TextValue>x</TextValue>"
            + "</RptValue>" * 5
            + "</Answer></AnswerSet>",
            "nest at most 4",
        ),
        (
            "<AnswerSet><Answer name='Mixed'><RptValue><TextValue>x</TextValue>"
            "<NumValue>1</NumValue></RptValue></Answer></AnswerSet>",
            "mixes value types",
        ),
    ],
)
def test_answer_xml_rules(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, xml: str, reason: str
) -> None:
    """Malformed XML, another root, bad lexical forms and the rules the XSD cannot state get 400."""
    _, answer = create_work_item(http, sandbox, token, name="Rules", answerXml=xml)
    assert reason in assert_problem(answer, 400)["detail"]


def test_answer_xml_namespace_and_entities_are_harmless(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A namespaced answer set is accepted (CHOICE); DTD entities are refused, never expanded."""
    namespaced = (
        "<AnswerSet xmlns='http://www.hotdocs.com/schemas/answer_set/2009' version='1.1'>"
        "<Answer name='A'><DateValue>17/10/2013</DateValue></Answer></AnswerSet>"
    )
    _, ok = create_work_item(http, sandbox, token, name="Namespaced", answerXml=namespaced)
    assert ok.status_code == 200
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE AnswerSet [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<AnswerSet><Answer name='A'><TextValue>&b;</TextValue></Answer></AnswerSet>"
    )
    _, refused = create_work_item(http, sandbox, token, name="Laughs", answerXml=laughs)
    assert "entity" in assert_problem(refused, 400)["detail"]


def test_create_body_must_conform_to_the_spec(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A body without workGroupId, or a path id that is not a GUID, gets 400."""
    missing = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}",
        json={"name": "x", "templatePackageId": PACKAGE},
        headers=bearer(token),
    )
    assert "workGroupId" in assert_problem(missing, 400)["detail"]
    not_guid = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/item-1", json=work_item_body(), headers=bearer(token)
    )
    assert "id" in assert_problem(not_guid, 400)["detail"]


def test_get_work_item(http: httpx.Client, sandbox: AdvanceSandbox, token: str) -> None:
    """GET of a work item answers its fields; an unknown id gets 404."""
    item_id, _ = create_work_item(http, sandbox, token, name="Read me", description="d")
    answer = http.get(f"{sandbox.base_url}/v1.1/WorkItems/{item_id}", headers=bearer(token))
    assert answer.status_code == 200
    assert answer.json()["description"] == "d"
    assert answer.json()["status"] == "Saved"
    missing = http.get(f"{sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}", headers=bearer(token))
    assert_problem(missing, 404)


# ---------------------------------------------------------------------- sessions (P2)


def test_begin_session_answers_session_ids(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """Beginning a session on a new work item answers the three documented members."""
    item_id, _ = create_work_item(http, sandbox, token)
    answer = begin(http, sandbox, token, item_id, str(uuid.uuid4()))
    assert answer.status_code == 200
    body = answer.json()
    uuid.UUID(body["hdaSessionId"])
    uuid.UUID(body["coreSessionId"])
    assert body["interviewJsUrl"].startswith("http://127.0.0.1:")


def test_begin_needs_force_create_while_a_session_is_active(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A second session gets 409 unless forceCreate; an identical repeat gets the same session."""
    item_id, _ = create_work_item(http, sandbox, token)
    version = str(uuid.uuid4())
    first = begin(http, sandbox, token, item_id, version)
    assert begin(http, sandbox, token, item_id, version).json() == first.json()
    assert_problem(begin(http, sandbox, token, item_id, str(uuid.uuid4())), 409)
    forced = begin(http, sandbox, token, item_id, str(uuid.uuid4()), forceCreate=True)
    assert forced.status_code == 200


def test_begin_on_unknown_work_item_gets_404(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A session on a work item that does not exist gets 404."""
    assert_problem(begin(http, sandbox, token, str(uuid.uuid4()), str(uuid.uuid4())), 404)


def test_p2_complete_session_with_the_run_assembly_body(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """P2's request completes the active session (200); a new session may begin afterwards."""
    create_work_item(http, sandbox, token, P_WORK_ITEM)
    begin(http, sandbox, token, P_WORK_ITEM, str(uuid.uuid4()))
    url = f"{sandbox.base_url}/v1.1/WorkItems/{P_WORK_ITEM}/Versions/Active/CompleteSession"
    # The C# sample's JsonConvert.SerializeObject(new { runAssembly = true }).
    answer = http.put(url, content='{"runAssembly":true}', headers={**bearer(token), **JSON_UTF8})
    assert answer.status_code == 200
    assert answer.content == b""
    assert_problem(http.put(url, json={"runAssembly": True}, headers=bearer(token)), 409)
    assert begin(http, sandbox, token, P_WORK_ITEM, str(uuid.uuid4())).status_code == 200


def test_p2_printed_body_is_not_json(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """P2's printed '{ runAssembly : true }' is not JSON, so it gets 400 (CHOICE: strict JSON)."""
    create_work_item(http, sandbox, token, P_WORK_ITEM)
    begin(http, sandbox, token, P_WORK_ITEM, str(uuid.uuid4()))
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{P_WORK_ITEM}/Versions/Active/CompleteSession",
        content="{\nrunAssembly : true\n}",
        headers={**bearer(token), **JSON_UTF8},
    )
    assert_problem(answer, 400)


def test_save_session_needs_an_active_session(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """SaveSession with body {} answers 200 during a session and 409 without one."""
    item_id, _ = create_work_item(http, sandbox, token)
    url = f"{sandbox.base_url}/v1.1/WorkItems/{item_id}/Versions/Active/SaveSession"
    assert_problem(http.put(url, json={}, headers=bearer(token)), 409)
    begin(http, sandbox, token, item_id, str(uuid.uuid4()))
    assert http.put(url, json={}, headers=bearer(token)).status_code == 200


def test_php_sdk_complete_session_by_version_id(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """Versions/{versionId}/CompleteSession works for the active version and 409s for another."""
    item_id, _ = create_work_item(http, sandbox, token)
    version = str(uuid.uuid4())
    begin(http, sandbox, token, item_id, version)
    other = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{item_id}/Versions/{uuid.uuid4()}/CompleteSession",
        json={"runAssembly": False},
        headers=bearer(token),
    )
    assert_problem(other, 409)
    answer = http.put(
        f"{sandbox.base_url}/v1.1/WorkItems/{item_id}/Versions/{version}/CompleteSession",
        json={"runAssembly": False},
        headers=bearer(token),
    )
    assert answer.status_code == 200
    assert sandbox.state.work_items[uuid.UUID(item_id)].status == "Completed"


# ---------------------------------------------------------------------- save and close (P3)


def test_p3_save_and_close_with_a_braced_guid(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """P3's URL with {braces} round the version id saves synchronously: 200 Saved (no callback)."""
    create_work_item(http, sandbox, token, P_WORK_ITEM)
    begin(http, sandbox, token, P_WORK_ITEM, P3_VERSION)
    answer = http.put(
        f"{sandbox.base_url}/v2.0/WorkItems/{P_WORK_ITEM}/Versions/{{{P3_VERSION}}}/SaveAndClose",
        json={},
        headers=bearer(token),
    )
    assert answer.status_code == 200
    assert answer.json() == {"status": "Saved"}
    status = http.get(
        f"{sandbox.base_url}/v2.0/WorkItems/{P_WORK_ITEM}/Versions/{P3_VERSION}/Status",
        headers=bearer(token),
    )
    assert status.json() == {"status": "Saved"}


def test_p3_braces_also_work_unescaped_on_the_wire(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A request line with literal { and } (as .NET sends P3's URL) is routed and answered."""
    create_work_item(http, sandbox, token, P_WORK_ITEM)
    begin(http, sandbox, token, P_WORK_ITEM, P3_VERSION)
    path = f"/api/rest/v2.0/WorkItems/{P_WORK_ITEM}/Versions/{{{P3_VERSION}}}/SaveAndClose"
    body = b"{}"
    request = (
        f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1:{sandbox.port}\r\nAuthorization: Bearer {token}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body
    with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as raw:
        raw.sendall(request)
        reply = b""
        while chunk := raw.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 200")
    assert reply.endswith(b'{"status":"Saved"}')


def save_and_close_with_callback(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, url: str, secret: str | None
) -> tuple[str, str, httpx.Response]:
    """A new work item's new version saved and closed with a callbackUrl (and secret, if any)."""
    item_id, _ = create_work_item(http, sandbox, token)
    version = str(uuid.uuid4())
    begin(http, sandbox, token, item_id, version)
    body = (
        {"callbackUrl": url} if secret is None else {"callbackUrl": url, "callbackSecret": secret}
    )
    answer = http.put(
        f"{sandbox.base_url}/v2.0/WorkItems/{item_id}/Versions/{version}/SaveAndClose",
        json=body,
        headers=bearer(token),
    )
    return item_id, version, answer


def test_save_and_close_with_callback_answers_202_and_calls_back_signed(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, receiver: CallbackReceiver
) -> None:
    """With callbackUrl: 202 Saving, then a POST of the final status signed by one HMAC header."""
    item_id, version, answer = save_and_close_with_callback(
        http, sandbox, token, receiver.url, "s3cret"
    )
    assert answer.status_code == 202
    assert answer.json() == {"status": "Saving"}
    [record] = sandbox.wait_for_callbacks(1)
    assert record.status_code == 204
    [(headers, body)] = receiver.received
    assert json.loads(body) == {"workItemId": item_id, "versionId": version, "status": "Saved"}
    digest = hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert headers[CALLBACK_SIGNATURE_HEADER] == f"sha256={digest}"
    # Exactly one scheme: no Authorization, and the secret itself travels nowhere.
    assert "authorization" not in {name.lower() for name in headers}
    assert not any("s3cret" in value for value in headers.values())
    status = http.get(
        f"{sandbox.base_url}/v2.0/WorkItems/{item_id}/Versions/{version}/Status",
        headers=bearer(token),
    )
    assert status.json() == {"status": "Saved"}


def test_token_scheme_sends_the_secret_in_authorization_only(
    http: httpx.Client, sandbox: AdvanceSandbox, receiver: CallbackReceiver
) -> None:
    """callback_scheme="token": Authorization: Bearer <secret>, and no signature header."""
    sandbox.reset(callback_scheme="token")
    token = log_in(http, sandbox)
    item_id, version, answer = save_and_close_with_callback(
        http, sandbox, token, receiver.url, "t0ken-secret"
    )
    assert answer.status_code == 202
    sandbox.wait_for_callbacks(1)
    [(headers, body)] = receiver.received
    lowered = {name.lower(): value for name, value in headers.items()}
    assert lowered["authorization"] == "Bearer t0ken-secret"
    assert CALLBACK_SIGNATURE_HEADER.lower() not in lowered
    event = verify_callback(headers, body, "t0ken-secret", scheme="token")
    assert (str(event.work_item_id), str(event.version_id), event.status) == (
        item_id,
        version,
        "Saved",
    )


def test_token_scheme_refuses_a_secret_a_header_cannot_carry(
    http: httpx.Client, sandbox: AdvanceSandbox, receiver: CallbackReceiver
) -> None:
    """Under the token scheme, a secret with spaces or non-ASCII gets 400 and nothing is sent."""
    sandbox.reset(callback_scheme="token")
    token = log_in(http, sandbox)
    for secret in ("with space", "s\u00e9cret", "line\r\nbreak"):
        item_id, _, answer = save_and_close_with_callback(
            http, sandbox, token, receiver.url, secret
        )
        detail = assert_problem(answer, 400)["detail"]
        assert "token" in detail
        assert secret not in detail
        assert sandbox.state.work_items[uuid.UUID(item_id)].status == "InProgress"
    assert sandbox.callbacks_sent == []


def test_without_a_secret_the_callback_carries_no_authentication(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, receiver: CallbackReceiver
) -> None:
    """A callbackUrl without callbackSecret is called back with neither header."""
    _, _, answer = save_and_close_with_callback(http, sandbox, token, receiver.url, None)
    assert answer.status_code == 202
    sandbox.wait_for_callbacks(1)
    [(headers, _)] = receiver.received
    names = {name.lower() for name in headers}
    assert names.isdisjoint({"authorization", CALLBACK_SIGNATURE_HEADER.lower()})


def test_save_and_close_accepts_a_callback_off_this_machine_but_never_calls_it(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A callbackUrl on another host is accepted as a real server accepts it (202, the version
    is saved), and recorded unsent: the sandbox calls back loopback hosts only (CHOICE,
    safety). A callbackUrl that is not an absolute http(s) URL breaks the spec's pattern: 400."""
    item_id, _ = create_work_item(http, sandbox, token)
    version = str(uuid.uuid4())
    begin(http, sandbox, token, item_id, version)
    url = f"{sandbox.base_url}/v2.0/WorkItems/{item_id}/Versions/{version}/SaveAndClose"
    for refused in ("ftp://127.0.0.1/hook", "/hook", "hooks.example.com/hook"):
        answer = http.put(url, json={"callbackUrl": refused}, headers=bearer(token))
        assert "callbackUrl" in assert_problem(answer, 400)["detail"]
    answer = http.put(url, json={"callbackUrl": "https://example.com/hook"}, headers=bearer(token))
    assert answer.status_code == 202
    [record] = sandbox.wait_for_callbacks(1)
    assert (record.url, record.sent, record.status_code) == (
        "https://example.com/hook",
        False,
        None,
    )
    assert record.error is not None
    assert "'example.com' is not a loopback host" in record.error
    assert record.payload["status"] == "Saved"
    assert sandbox.state.work_items[uuid.UUID(item_id)].status == "Saved"


def test_save_and_close_needs_an_in_progress_version(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """SaveAndClose of a saved version gets 409; of an unknown version 404."""
    item_id, _ = create_work_item(http, sandbox, token)
    version = str(uuid.uuid4())
    begin(http, sandbox, token, item_id, version)
    url = f"{sandbox.base_url}/v2.0/WorkItems/{item_id}/Versions/{version}/SaveAndClose"
    assert http.put(url, json={}, headers=bearer(token)).status_code == 200
    assert_problem(http.put(url, json={}, headers=bearer(token)), 409)
    unknown = f"{sandbox.base_url}/v2.0/WorkItems/{item_id}/Versions/{uuid.uuid4()}/SaveAndClose"
    assert_problem(http.put(unknown, json={}, headers=bearer(token)), 404)


def test_always_async_save_and_close_is_polled_to_saved(
    http: httpx.Client, server: AdvanceSandbox
) -> None:
    """With a synchronous timeout of 0, no callback still gives 202 Saving, then Saved."""
    seed = json.loads(json.dumps(_default_seed()))
    seed["versions"] = {"workSeconds": 0.05, "synchronousTimeoutSeconds": 0}
    server.reset(seed)
    try:
        token = log_in(http, server)
        item_id, _ = create_work_item(http, server, token)
        version = str(uuid.uuid4())
        begin(http, server, token, item_id, version)
        base = f"{server.base_url}/v2.0/WorkItems/{item_id}/Versions/{version}"
        answer = http.put(f"{base}/SaveAndClose", json={}, headers=bearer(token))
        assert (answer.status_code, answer.json()) == (202, {"status": "Saving"})
        statuses = set()
        for _ in range(200):
            status = http.get(f"{base}/Status", headers=bearer(token)).json()["status"]
            statuses.add(status)
            if status == "Saved":
                break
        assert "Saved" in statuses
    finally:
        server.reset()


def _default_seed() -> dict[str, Any]:
    return dict(DEFAULT_SEED_DATA)


# ---------------------------------------------------------------------- public links (P5)


def test_p5_public_link_json_as_printed(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """P5's example creates the link (204, no body); GET answers its fields and id."""
    url = f"{sandbox.base_url}/v1.1/PublicInterviewLinks/{P_WORK_ITEM}"
    answer = http.put(url, content=P5_JSON, headers={**bearer(token), **JSON_UTF8})
    assert answer.status_code == 204
    assert answer.content == b""
    read = http.get(url, headers=bearer(token))
    assert read.json() == {
        "id": P_WORK_ITEM,
        "name": "Onboarding Link",
        "templatePackageId": PACKAGE,
        "workGroupId": WORK_GROUP,
        "isActive": True,
    }


def test_public_link_repeat_upserts_by_default(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """An identical repeat answers 204; a changed one updates the link and answers 204 (CHOICE)."""
    url = f"{sandbox.base_url}/v1.1/PublicInterviewLinks/{P_WORK_ITEM}"
    headers = {**bearer(token), **JSON_UTF8}
    assert http.put(url, content=P5_JSON, headers=headers).status_code == 204
    assert http.put(url, content=P5_JSON, headers=headers).status_code == 204
    changed = P5_JSON.replace('"isActive": true', '"isActive": false')
    assert http.put(url, content=changed, headers=headers).status_code == 204
    assert http.get(url, headers=bearer(token)).json()["isActive"] is False
    assert len(sandbox.state.public_links) == 1


def test_public_link_repeat_can_reject_changes(http: httpx.Client, server: AdvanceSandbox) -> None:
    """In reject mode an identical repeat still answers 204, a changed one 409."""
    server.reset(public_link_repeat="reject")
    try:
        token = log_in(http, server)
        url = f"{server.base_url}/v1.1/PublicInterviewLinks/{P_WORK_ITEM}"
        headers = {**bearer(token), **JSON_UTF8}
        assert http.put(url, content=P5_JSON, headers=headers).status_code == 204
        assert http.put(url, content=P5_JSON, headers=headers).status_code == 204
        changed = P5_JSON.replace("Onboarding Link", "Other")
        assert_problem(http.put(url, content=changed, headers=headers), 409)
    finally:
        server.reset()


def test_public_links_need_client_interviews(http: httpx.Client, server: AdvanceSandbox) -> None:
    """With client interviews disabled on the tenancy, creating a public link gets 403."""
    server.reset(client_interviews=False)
    try:
        token = log_in(http, server)
        answer = http.put(
            f"{server.base_url}/v1.1/PublicInterviewLinks/{uuid.uuid4()}",
            content=P5_JSON,
            headers={**bearer(token), **JSON_UTF8},
        )
        assert "Client interviews" in assert_problem(answer, 403)["detail"]
        assert server.state.public_links == {}
    finally:
        server.reset()


def test_public_link_bad_references_get_400(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """A public link on a package outside its work group gets 400, as P5 documents."""
    body = json.loads(P5_JSON) | {"workGroupId": EXAMPLE_GROUP}
    answer = http.put(
        f"{sandbox.base_url}/v1.1/PublicInterviewLinks/{uuid.uuid4()}",
        json=body,
        headers=bearer(token),
    )
    assert_problem(answer, 400)


def test_delete_public_link_always_answers_204(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """DELETE answers 204 for an existing and for an absent link; GET then gets 404."""
    url = f"{sandbox.base_url}/v1.1/PublicInterviewLinks/{P_WORK_ITEM}"
    http.put(url, content=P5_JSON, headers={**bearer(token), **JSON_UTF8})
    assert http.delete(url, headers=bearer(token)).status_code == 204
    assert http.delete(url, headers=bearer(token)).status_code == 204
    assert_problem(http.get(url, headers=bearer(token)), 404)


# ---------------------------------------------------------------------- routing


def test_unknown_paths_and_methods_get_problems(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """An unknown path gets a 404 problem, a wrong method a 405 problem."""
    assert_problem(http.get(f"{sandbox.base_url}/v1.1/Nothing", headers=bearer(token)), 404)
    assert_problem(
        http.delete(f"{sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}", headers=bearer(token)), 405
    )


# ---------------------------------------------------------------------- faults


@pytest.mark.parametrize(("kind", "status"), [("rate_limit", 429), ("unavailable", 503)])
def test_refusal_faults_are_not_applied(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str, kind: Any, status: int
) -> None:
    """rate_limit and unavailable answer 429/503 with Retry-After and apply nothing."""
    sandbox.faults.force(kind)
    _, answer = create_work_item(http, sandbox, token)
    assert_problem(answer, status)
    assert answer.headers["retry-after"] == "0"
    assert sandbox.state.work_items == {}
    _, retried = create_work_item(http, sandbox, token)
    assert retried.status_code == 200


def test_drop_closes_the_connection_before_applying(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """drop: the client sees the connection closed without an answer; nothing was created."""
    sandbox.faults.force("drop")
    with pytest.raises(httpx.RemoteProtocolError):
        create_work_item(http, sandbox, token)
    assert sandbox.state.work_items == {}
    assert sandbox.faults.injected["drop"] == 1


def test_lost_response_applies_then_closes_the_connection(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """lost_response: the client sees a closed connection, yet the work item was created."""
    item_id = str(uuid.uuid4())
    sandbox.faults.force("lost_response")
    with pytest.raises(httpx.RemoteProtocolError):
        create_work_item(http, sandbox, token, item_id, name="Lost")
    assert uuid.UUID(item_id) in sandbox.state.work_items
    _, retried = create_work_item(http, sandbox, token, item_id, name="Lost")
    assert retried.status_code == 200


def test_slow_answers_arrive_after_the_latency(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """slow: a client with a shorter timeout times out, though the request was applied."""
    sandbox.faults = Faults(latency=0.5)
    sandbox.faults.force("slow")
    item_id = str(uuid.uuid4())
    with httpx.Client(timeout=0.1) as impatient, pytest.raises(httpx.ReadTimeout):
        create_work_item(impatient, sandbox, token, item_id)
    assert uuid.UUID(item_id) in sandbox.state.work_items


def test_login_is_exempt_from_faults_unless_asked(
    http: httpx.Client, sandbox: AdvanceSandbox
) -> None:
    """A forced fault skips the log-in (CHOICE) unless include_auth is set."""
    sandbox.faults.force("unavailable")
    log_in(http, sandbox)
    assert sandbox.faults.pending == 1
    sandbox.faults = Faults(include_auth=True)
    sandbox.faults.force("unavailable")
    answer = http.post(
        sandbox.auth_url + LOGIN,
        json={"ClientName": "sandbox", "PrincipalName": "p", "PrincipalPassword": "p"},
    )
    assert answer.status_code == 503


def test_random_faults_follow_the_rate(
    http: httpx.Client, sandbox: AdvanceSandbox, token: str
) -> None:
    """rate=1 with one kind faults every request; rate=0 none."""
    sandbox.faults = Faults(rate=1.0, kinds=("unavailable",), seed=7)
    answers = [create_work_item(http, sandbox, token)[1].status_code for _ in range(3)]
    assert answers == [503, 503, 503]
    sandbox.faults = Faults(rate=0.0)
    assert create_work_item(http, sandbox, token)[1].status_code == 200
