"""Raw-wire tests of the infoRouter sandbox: plain httpx over real loopback HTTP.

The primary page's CreateRelatedTask form POSTs are sent exactly as printed, SOAP 1.1 and
SOAP 1.2 envelopes are written by hand, and every documented rule is checked from the
client's side.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import uuid
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape

import httpx
import pytest
import requests
import zeep
from inforouter.sandbox import Faults, InfoRouterSandbox
from lxml import etree
from zeep.transports import Transport

from tests.e2e.test_sandbox_cli import serving, stop

TEMPURI = "http://tempuri.org/"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

# The primary page's two form POST bodies, exactly as printed.
P4_POST_1 = (
    "authenticationTicket=abc123&taskId=456&xmlParameters=<RelatedTaskRequestModel>"
    "<RequestedAssigneeName>jdoe</RequestedAssigneeName><Instructions>Please review</Instructions>"
    "<DueDate>2026-05-15T00:00:00</DueDate><Priority>Normal</Priority><TaskRequirements>"
    "<TaskRequirement><RequirementType>Approval</RequirementType><ObjectId>0</ObjectId>"
    "<Definition></Definition></TaskRequirement></TaskRequirements><ReminderTimeSpan>0"
    "</ReminderTimeSpan><AllowedStartTimeSpan>0</AllowedStartTimeSpan><SendToNotice>true"
    "</SendToNotice></RelatedTaskRequestModel>"
)
P4_POST_2 = (
    "authenticationTicket=abc123&taskId=456&xmlParameters=<RelatedTaskRequestModel>"
    "<RequestedAssigneeName>jdoe</RequestedAssigneeName><Instructions>Please review</Instructions>"
    "<DueDate>2026-05-15T00:00:00</DueDate><Priority>Normal</Priority><TaskRequirements />"
    "<ReminderTimeSpan>0</ReminderTimeSpan><AllowedStartTimeSpan>0</AllowedStartTimeSpan>"
    "<SendToNotice>true</SendToNotice></RelatedTaskRequestModel>"
)
# The primary page's success answer.
P4_ANSWER = (
    '<response success="true"><Value><TaskId>789</TaskId>'
    "<RedirectedUserName></RedirectedUserName></Value></response>"
)
# The primary page's model example (with its element order).
RELATED_MODEL = (
    "<RelatedTaskRequestModel><RequestedAssigneeName>{assignee}</RequestedAssigneeName>"
    "<Instructions>Please review the related document section.</Instructions>"
    "<DueDate>2026-05-15T00:00:00</DueDate><Priority>{priority}</Priority><TaskRequirements>"
    "<TaskRequirement><RequirementType>{requirement}</RequirementType><ObjectId>0</ObjectId>"
    "<Definition></Definition></TaskRequirement></TaskRequirements>"
    "<ReminderTimeSpan>0</ReminderTimeSpan><AllowedStartTimeSpan>0</AllowedStartTimeSpan>"
    "<SendToNotice>true</SendToNotice></RelatedTaskRequestModel>"
)
CREATION_MODEL = (
    "<TaskCreationRequestModel><RequestedAssigneeName>asmith</RequestedAssigneeName>"
    "<Instructions>Sign it</Instructions><DueDate>2026-07-01T00:00:00</DueDate>"
    "<Priority>High</Priority><RightType>CHANGE</RightType>"
    "<PermissionChangeDueDate>false</PermissionChangeDueDate>"
    "<PermissionEnableEdit>true</PermissionEnableEdit>"
    "<PermissionChangePriority>false</PermissionChangePriority>"
    "<PermissionChangeFinishDate>false</PermissionChangeFinishDate><TaskRequirements />"
    "<AllowedStartTimeSpan>0</AllowedStartTimeSpan><ReminderTimeSpan>24</ReminderTimeSpan>"
    "<SendTaskNotice>false</SendTaskNotice><OnCompleteNotification>true</OnCompleteNotification>"
    "</TaskCreationRequestModel>"
)
GET_TASK_ORDER = [
    "TaskID",
    "TaskName",
    "ShortInstruction",
    "StepNumber",
    "StepName",
    "FlowID",
    "FlowName",
    "FlowDefID",
    "Priority",
    "TaskStatus",
    "ApprovalStatus",
    "StartDate",
    "StartDtae",
    "FinishDate",
    "DueDate",
    "ShortComments",
    "TaskDefID",
    "LinkedTaskID",
    "AssigneeID",
    "AssigneeType",
    "AssigneeName",
    "AssignedByID",
    "AssignedByName",
    "SuperVisorID",
    "SupervisorName",
    "DocumentID",
    "DocumentName",
    "StartVersionNumber",
    "EndVersionNumber",
    "DocumentTypeId",
    "DocumentTypeName",
    "DocumentFolderID",
    "DocumentLibraryID",
    "DocumentLibraryName",
    "DocumentCheckedOutByID",
    "DocumentCheckedOutByName",
    "DocumentTemplateID",
    "RedirectedFrom_UserID",
    "RedirectedFrom_UserName",
    "AdHoc",
    "DeadLine",
    "RightType",
    "Permissions",
    "RequirementDetails",
    "Requirements",
    "Supervisor_NotificationOnDue",
    "SupervisorNotificationDate",
    "AllowedStartTimeSpan",
    "AllowedStartDate",
    "ReminderTimeSpan",
    "ReminderDate",
    "extendedInstruction",
    "extendedComment",
    "Attachments",
]
# A seed with a document jdoe cannot see, tasks in several states and a redirection.
RULES_SEED: dict[str, Any] = {
    "users": [
        {"login": "jdoe", "password": "jdoe-password", "id": 42},
        {"login": "asmith", "password": "asmith-password", "id": 15},
        {"login": "bwong", "password": "bwong-password", "id": 16, "enabled": False},
        {"login": "cking", "password": "cking-password", "id": 17},
        {"login": "sysadmin", "password": "sysadmin-password", "id": 1},
    ],
    "documents": [
        {
            "id": 1,
            "path": "/Public/a.pdf",
            "readers": ["jdoe", "asmith"],
            "taskAssigners": ["asmith"],
        },
        {"id": 2, "path": "/Private/b.pdf", "readers": ["asmith"], "taskAssigners": ["asmith"]},
    ],
    "tasks": [
        {"id": 456, "document": "/Public/a.pdf", "assignee": "jdoe", "assignedBy": "asmith"},
        {"id": 457, "document": "/Public/a.pdf", "assignee": "asmith", "assignedBy": "asmith"},
        {"id": 458, "document": "/Private/b.pdf", "assignee": "asmith", "assignedBy": "asmith"},
        {
            "id": 459,
            "document": "/Public/a.pdf",
            "assignee": "jdoe",
            "assignedBy": "asmith",
            "status": "Completed",
        },
        {
            "id": 460,
            "document": "/Public/a.pdf",
            "assignee": "jdoe",
            "assignedBy": "asmith",
            "status": "NotStarted",
        },
        {
            "id": 461,
            "document": "/Public/a.pdf",
            "assignee": "jdoe",
            "assignedBy": "asmith",
            "status": "DueDateChanged",
        },
    ],
    "redirections": {"cking": "asmith"},
}


# ---------------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def server() -> Iterator[InfoRouterSandbox]:
    with InfoRouterSandbox() as running:
        yield running


@pytest.fixture
def sandbox(server: InfoRouterSandbox) -> Iterator[InfoRouterSandbox]:
    server.reset()
    yield server
    server.reset()


@pytest.fixture
def rules(server: InfoRouterSandbox) -> Iterator[InfoRouterSandbox]:
    server.reset(RULES_SEED)
    yield server
    server.reset()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5.0) as client:
        yield client


def envelope(method: str, version: str = "1.1", **params: object) -> str:
    namespace = SOAP11 if version == "1.1" else SOAP12
    body = "".join(f"<{name}>{escape(str(value))}</{name}>" for name, value in params.items())
    return (
        f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{namespace}">'
        f'<soap:Body><{method} xmlns="{TEMPURI}">{body}</{method}></soap:Body></soap:Envelope>'
    )


def soap(
    http: httpx.Client,
    sandbox: InfoRouterSandbox,
    method: str,
    version: str = "1.1",
    **params: object,
) -> httpx.Response:
    if version == "1.1":
        headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{TEMPURI}{method}"'}
    else:
        headers = {
            "Content-Type": f'application/soap+xml; charset=utf-8; action="{TEMPURI}{method}"'
        }
    return http.post(sandbox.base_url, content=envelope(method, version, **params), headers=headers)


def soap_result(answer: httpx.Response, method: str, version: str = "1.1") -> etree._Element:
    """The element inside <MethodResult>, checked to be in no namespace."""
    assert answer.status_code == 200, answer.text
    root = etree.fromstring(answer.content)
    namespace = SOAP11 if version == "1.1" else SOAP12
    assert root.tag == f"{{{namespace}}}Envelope"
    result = root.find(
        f"{{{namespace}}}Body/{{{TEMPURI}}}{method}Response/{{{TEMPURI}}}{method}Result"
    )
    assert result is not None, answer.text
    [inner] = list(result)
    assert etree.QName(inner).namespace is None
    return inner


def call(
    http: httpx.Client, sandbox: InfoRouterSandbox, method: str, **params: object
) -> etree._Element:
    """Call over HTTP POST (form) and parse the bare answer document."""
    answer = http.post(f"{sandbox.base_url}/{method}", data={k: str(v) for k, v in params.items()})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/xml")
    return etree.fromstring(answer.content)


def log_in(http: httpx.Client, sandbox: InfoRouterSandbox, login: str = "jdoe") -> str:
    answer = call(http, sandbox, "AuthenticateUser", UID=login, PWD=f"{login}-password")
    assert answer.get("success") == "true", answer.get("error")
    return str(answer.get("ticket"))


def related(
    http: httpx.Client,
    sandbox: InfoRouterSandbox,
    ticket: str,
    task_id: int,
    model: str | None = None,
    **fields: str,
) -> etree._Element:
    values = {"assignee": "jdoe", "priority": "Normal", "requirement": "Approval", **fields}
    xml = model if model is not None else RELATED_MODEL.format(**values)
    return call(
        http,
        sandbox,
        "CreateRelatedTask",
        authenticationTicket=ticket,
        taskId=task_id,
        xmlParameters=xml,
    )


def assert_error(answer: etree._Element, root: str, message: str) -> None:
    assert answer.tag == root
    assert answer.get("success") == "false"
    assert message in str(answer.get("error")), answer.get("error")


def canonical(xml: str | bytes) -> bytes:
    data = xml.encode() if isinstance(xml, str) else xml
    return etree.tostring(etree.fromstring(data), method="c14n")


# ---------------------------------------------------------------------- WSDL


@pytest.mark.parametrize("query", ["WSDL", "wsdl", "Wsdl"])
def test_wsdl_addresses_point_at_the_sandbox(
    http: httpx.Client, sandbox: InfoRouterSandbox, query: str
) -> None:
    """?WSDL in any case serves the WSDL with every port address rewritten to the sandbox."""
    answer = http.get(f"{sandbox.base_url}?{query}")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/xml")
    wsdl = etree.fromstring(answer.content)
    locations = [
        element.get("location")
        for element in wsdl.iter()
        if isinstance(element.tag, str) and etree.QName(element).localname == "address"
    ]
    assert len(locations) == 4
    assert set(locations) == {sandbox.base_url}


def test_zeep_reads_the_served_wsdl_and_answers(sandbox: InfoRouterSandbox) -> None:
    """zeep loads ?WSDL from the sandbox and reads its SOAP 1.1 and 1.2 answers as elements."""
    with requests.Session() as session:
        client = zeep.Client(sandbox.wsdl_url, transport=Transport(session=session))  # type: ignore[no-untyped-call]
        for service in (client.service, client.bind("srv", "srvSoap12")):
            result = service.AuthenticateUser(UID="jdoe", PWD="jdoe-password")
            [element] = [result] if isinstance(result, etree._Element) else result
            assert etree.QName(element).localname == "root"
            assert element.get("success") == "true"
            assert element.get("username") == "jdoe"


def test_service_page_without_wsdl(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """GET /srv.asmx without ?WSDL serves a small HTML page naming the operations."""
    answer = http.get(sandbox.base_url)
    assert answer.status_code == 200
    assert "CreateRelatedTask" in answer.text


# ---------------------------------------------------------------------- the primary page (P4)


@pytest.mark.parametrize("body", [P4_POST_1, P4_POST_2], ids=["requirement", "no-requirements"])
def test_p4_form_post_as_printed(http: httpx.Client, sandbox: InfoRouterSandbox, body: str) -> None:
    """P4's form POST works verbatim (ticket abc123, CHOICE) and answers P4's sample answer."""
    answer = http.post(f"{sandbox.base_url}/CreateRelatedTask", content=body, headers=FORM)
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/xml; charset=utf-8"
    assert canonical(answer.content) == canonical(P4_ANSWER)
    task = sandbox.state.tasks[789]
    assert (task.linked_task_id, task.assignee, task.ad_hoc, task.status) == (
        456,
        "jdoe",
        True,
        "InProgress",
    )


def test_p4_both_posts_create_two_tasks(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """The two printed POSTs create tasks 789 and 790; the second has no requirements."""
    for body in (P4_POST_1, P4_POST_2):
        http.post(f"{sandbox.base_url}/CreateRelatedTask", content=body, headers=FORM)
    assert sorted(sandbox.state.tasks) == [456, 789, 790]
    assert len(sandbox.state.tasks[789].requirements) == 1
    assert sandbox.state.tasks[790].requirements == ()


# ---------------------------------------------------------------------- SOAP


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_soap_authenticate_user(
    http: httpx.Client, sandbox: InfoRouterSandbox, version: str
) -> None:
    """AuthenticateUser over SOAP answers <root success="true" ticket=GUID ...> in the envelope."""
    answer = soap(http, sandbox, "AuthenticateUser", version, UID="jdoe", PWD="jdoe-password")
    expected = "text/xml" if version == "1.1" else "application/soap+xml"
    assert answer.headers["content-type"] == f"{expected}; charset=utf-8"
    root = soap_result(answer, "AuthenticateUser", version)
    assert root.tag == "root"
    assert root.get("success") == "true"
    uuid.UUID(str(root.get("ticket")))
    assert root.get("username") == "jdoe"
    assert root.get("isAuthenticated") == "True"
    assert str(root.get("expireOn")).endswith("Z")


@pytest.mark.parametrize("version", ["1.1", "1.2"])
def test_soap_create_related_task(
    http: httpx.Client, sandbox: InfoRouterSandbox, version: str
) -> None:
    """CreateRelatedTask over SOAP, the model escaped in xmlParameters, answers <response> with TaskId."""
    ticket = soap_result(
        soap(http, sandbox, "AuthenticateUser", version, UID="jdoe", PWD="jdoe-password"),
        "AuthenticateUser",
        version,
    ).get("ticket")
    answer = soap(
        http,
        sandbox,
        "CreateRelatedTask",
        version,
        authenticationTicket=ticket,
        taskId=456,
        xmlParameters=RELATED_MODEL.format(assignee="jdoe", priority="High", requirement="Sign"),
    )
    root = soap_result(answer, "CreateRelatedTask", version)
    assert root.tag == "response"
    assert root.findtext("Value/TaskId") == "789"
    assert root.findtext("Value/RedirectedUserName") == ""


def test_soap_element_names_are_case_sensitive_as_asmx_reads_them(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """A SOAP CreateRelatedTask sent with <AuthenticationTicket> and <TaskId> (the WSDL says
    authenticationTicket and taskId) sees no ticket, as the real ASMX service would: no task is
    created, so a casing mistake in a WSDL shows up in tests."""
    before = len(sandbox.state.tasks)
    answer = soap(
        http,
        sandbox,
        "CreateRelatedTask",
        AuthenticationTicket="abc123",
        TaskId=456,
        xmlParameters=RELATED_MODEL.format(assignee="jdoe", priority="High", requirement="Sign"),
    )
    root = soap_result(answer, "CreateRelatedTask")
    assert root.get("success") == "false"
    assert str(root.get("error")).startswith("[901]")
    assert len(sandbox.state.tasks) == before
    # The same call with the WSDL's names creates the task.
    created = soap(
        http,
        sandbox,
        "CreateRelatedTask",
        authenticationTicket="abc123",
        taskId=456,
        xmlParameters=RELATED_MODEL.format(assignee="jdoe", priority="High", requirement="Sign"),
    )
    assert soap_result(created, "CreateRelatedTask").findtext("Value/TaskId") == "789"


def test_soap_operation_element_is_case_sensitive(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """A body element spelt <gettask> for the GetTask action is a SOAP fault, as in ASMX."""
    body = envelope("gettask", authenticationTicket="abc123", taskId=456)
    headers = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": f'"{TEMPURI}GetTask"'}
    answer = http.post(sandbox.base_url, content=body, headers=headers)
    assert answer.status_code == 500
    assert b"does not match the action of GetTask" in answer.content


def test_http_form_fields_stay_case_insensitive(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """HTTP POST form fields match in any case, as ASP.NET reads them."""
    answer = http.post(
        f"{sandbox.base_url}/GetTask", data={"AuthenticationTicket": "abc123", "TASKID": "456"}
    )
    assert answer.status_code == 200
    assert etree.fromstring(answer.content).get("success") == "true"


def test_soap_action_unquoted_or_missing(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """An unquoted SOAPAction works; without one the body element picks the operation."""
    body = envelope("AuthenticateUser", UID="jdoe", PWD="jdoe-password")
    for headers in (
        {"Content-Type": "text/xml", "SOAPAction": f"{TEMPURI}AuthenticateUser"},
        {"Content-Type": "text/xml"},
    ):
        answer = http.post(sandbox.base_url, content=body, headers=headers)
        assert soap_result(answer, "AuthenticateUser").get("success") == "true"
    body12 = envelope("AuthenticateUser", "1.2", UID="jdoe", PWD="jdoe-password")
    answer = http.post(
        sandbox.base_url, content=body12, headers={"Content-Type": "application/soap+xml"}
    )
    assert soap_result(answer, "AuthenticateUser", "1.2").get("success") == "true"


@pytest.mark.parametrize(
    ("body", "headers", "fault"),
    [
        ("<soap:Envelope", {"Content-Type": "text/xml", "SOAPAction": "x"}, "not well-formed"),
        ("<Envelope/>", {"Content-Type": "text/xml"}, "not a SOAP"),
        (
            envelope("AuthenticateUser", UID="a", PWD="b"),
            {"Content-Type": "text/xml", "SOAPAction": '"http://tempuri.org/Nope"'},
            "did not recognize",
        ),
        (
            envelope("GetTask", authenticationTicket="abc123", taskId=456),
            {"Content-Type": "text/xml", "SOAPAction": '"http://tempuri.org/AuthenticateUser"'},
            "does not match",
        ),
        (
            envelope("GetTask", authenticationTicket="abc123", taskId="four"),
            {"Content-Type": "text/xml", "SOAPAction": '"http://tempuri.org/GetTask"'},
            "integer",
        ),
    ],
    ids=["malformed", "not-soap", "unknown-action", "mismatch", "bad-int"],
)
def test_soap_faults(
    http: httpx.Client, sandbox: InfoRouterSandbox, body: str, headers: dict[str, str], fault: str
) -> None:
    """A malformed envelope, unknown action or unreadable value gets soap:Fault with HTTP 500."""
    answer = http.post(sandbox.base_url, content=body, headers=headers)
    assert answer.status_code == 500
    root = etree.fromstring(answer.content)
    faultstring = root.findtext(f"{{{SOAP11}}}Body/{{{SOAP11}}}Fault/faultstring")
    assert faultstring is not None
    assert fault in faultstring


def test_soap12_fault_shape(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """A SOAP 1.2 request with an unknown action gets a SOAP 1.2 fault (Code/Reason)."""
    answer = http.post(
        sandbox.base_url,
        content=envelope("AuthenticateUser", "1.2", UID="a", PWD="b"),
        headers={"Content-Type": 'application/soap+xml; action="http://tempuri.org/Nope"'},
    )
    assert answer.status_code == 500
    assert answer.headers["content-type"].startswith("application/soap+xml")
    root = etree.fromstring(answer.content)
    assert (
        root.findtext(f"{{{SOAP12}}}Body/{{{SOAP12}}}Fault/{{{SOAP12}}}Code/{{{SOAP12}}}Value")
        == "soap:Sender"
    )


def test_soap_missing_task_id_is_task_not_found(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """A SOAP call without taskId binds it to 0, as ASMX does: 'Task not found', not a fault."""
    root = soap_result(soap(http, sandbox, "GetTask", authenticationTicket="abc123"), "GetTask")
    assert_error(root, "root", "Task not found")


# ---------------------------------------------------------------------- HTTP GET/POST


def test_http_get_binding(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """HTTP GET with query parameters in any case answers the bare document."""
    answer = http.get(
        f"{sandbox.base_url}/AuthenticateUser", params={"uid": "JDOE", "pwd": "jdoe-password"}
    )
    assert answer.status_code == 200
    root = etree.fromstring(answer.content)
    assert root.tag == "root"
    assert root.get("success") == "true"
    task = http.get(
        f"{sandbox.base_url}/GetTask",
        params={"AUTHENTICATIONTICKET": root.get("ticket"), "TaskId": "456"},
    )
    assert etree.fromstring(task.content).findtext("Task/TaskID") == "456"


@pytest.mark.parametrize(
    "params",
    [
        {"authenticationTicket": "", "taskId": "456"},
        {"taskId": "456"},
        {"authenticationTicket": "abc123"},
        {"authenticationTicket": "abc123", "taskId": "4.5"},
    ],
    ids=["empty-ticket", "no-ticket", "no-task-id", "bad-task-id"],
)
def test_http_missing_or_bad_parameters_get_400(
    http: httpx.Client, sandbox: InfoRouterSandbox, params: dict[str, str]
) -> None:
    """An empty required string, or a missing or malformed number, gets HTTP 400 and no XML."""
    for answer in (
        http.get(f"{sandbox.base_url}/GetTask", params=params),
        http.post(f"{sandbox.base_url}/GetTask", data=params),
    ):
        assert answer.status_code == 400
        assert not answer.headers["content-type"].startswith("text/xml")
        assert not answer.text.startswith("<")


def test_http_unknown_method_and_wrong_content_type(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """An unknown method gets 404; a POST that is not a form gets 415."""
    assert http.get(f"{sandbox.base_url}/Nope").status_code == 404
    answer = http.post(f"{sandbox.base_url}/GetTask", json={"taskId": 456})
    assert answer.status_code == 415


# ---------------------------------------------------------------------- tickets


def test_authentication_failures(http: httpx.Client, rules: InfoRouterSandbox) -> None:
    """A wrong password, unknown or disabled user gets [900]; the sysadmin account gets [902]."""
    for uid, pwd in (("jdoe", "nope"), ("ghost", "x"), ("bwong", "bwong-password")):
        assert_error(
            call(http, rules, "AuthenticateUser", UID=uid, PWD=pwd),
            "root",
            "[900] Authentication failed",
        )
    answer = call(http, rules, "AuthenticateUser", UID="SysAdmin", PWD="sysadmin-password")
    assert_error(answer, "root", "[902] Ticket generation not allowed")
    assert answer.get("errorCode") is None


def test_error_codes_switch(http: httpx.Client, server: InfoRouterSandbox) -> None:
    """With error codes on, errors carry the revised pages' errorCode (4010 for a bad ticket)."""
    server.reset(error_codes=True)
    try:
        answer = call(http, server, "GetTask", authenticationTicket="nope", taskId=456)
        assert answer.get("error") == "[901] Session expired or Invalid ticket"
        assert answer.get("errorCode") == "4010"
    finally:
        server.reset()


def test_unknown_ticket_gets_901(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """A ticket the server never issued gets [901] on every ticketed method."""
    for method, params in (
        ("GetTask", {"authenticationTicket": "x", "taskId": 456}),
        ("CompleteTask", {"authenticationTicket": "x", "taskId": 456}),
        ("isValidTicket", {"AuthenticationTicket": "x"}),
        ("LogOut", {"AuthenticationTicket": "x"}),
    ):
        assert_error(
            call(http, sandbox, method, **params), "root", "[901] Session expired or Invalid ticket"
        )


def test_tickets_expire_after_30_days_with_sliding_renewal(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """A ticket lives 30 days from its last use; isValidTicket does not extend it."""
    ticket = log_in(http, sandbox)
    sandbox.state.clock.advance(dt.timedelta(days=20))
    assert (
        call(http, sandbox, "GetTask", authenticationTicket=ticket, taskId=456).get("success")
        == "true"
    )
    sandbox.state.clock.advance(dt.timedelta(days=20))
    valid = call(http, sandbox, "isValidTicket", AuthenticationTicket=ticket)
    assert valid.get("success") == "true"
    assert valid.get("ticket") is None
    assert valid.get("username") == "jdoe"
    sandbox.state.clock.advance(dt.timedelta(days=10, seconds=1))
    assert_error(
        call(http, sandbox, "GetTask", authenticationTicket=ticket, taskId=456),
        "root",
        "[901] Session expired or Invalid ticket",
    )


def test_log_out_drops_the_ticket(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """LogOut answers <root success="true"/>; the ticket then gets [901], so does a second LogOut."""
    ticket = log_in(http, sandbox)
    answer = call(http, sandbox, "LogOut", AuthenticationTicket=ticket)
    assert canonical(etree.tostring(answer)) == canonical('<root success="true"/>')
    assert_error(call(http, sandbox, "LogOut", AuthenticationTicket=ticket), "root", "[901]")
    assert_error(call(http, sandbox, "isValidTicket", AuthenticationTicket=ticket), "root", "[901]")


def test_log_out_falls_back_to_the_ticket_cookie(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """LogOut without AuthenticationTicket uses the 'ticket' cookie."""
    ticket = log_in(http, sandbox)
    answer = http.get(f"{sandbox.base_url}/LogOut", headers={"Cookie": f"ticket={ticket}"})
    assert etree.fromstring(answer.content).get("success") == "true"
    assert ticket not in sandbox.state.tickets


# ---------------------------------------------------------------------- CreateRelatedTask


@pytest.mark.parametrize(
    ("task_id", "message"),
    [
        (0, "Task not found"),
        (999, "Task not found"),
        (458, "Access Denied"),
        (459, "already completed"),
    ],
)
def test_parent_task_rules(
    http: httpx.Client, rules: InfoRouterSandbox, task_id: int, message: str
) -> None:
    """The parent must exist, be visible to the caller and be active, else an error and no task."""
    ticket = log_in(http, rules)
    assert_error(related(http, rules, ticket, task_id), "response", message)
    assert len(rules.state.tasks) == len(RULES_SEED["tasks"])


@pytest.mark.parametrize(
    "task_id", [457, 460, 461], ids=["reader", "not-started", "due-date-changed"]
)
def test_parents_the_caller_may_use(
    http: httpx.Client, rules: InfoRouterSandbox, task_id: int
) -> None:
    """A document reader may use others' tasks; NotStarted and DueDateChanged count as active."""
    ticket = log_in(http, rules)
    answer = related(http, rules, ticket, task_id)
    assert answer.get("success") == "true", answer.get("error")
    assert rules.state.tasks[int(str(answer.findtext("Value/TaskId")))].linked_task_id == task_id


@pytest.mark.parametrize(
    ("fields", "model"),
    [
        ({"priority": "normal"}, None),
        ({"priority": "NoPrioritySetting"}, None),
        ({"requirement": "approval"}, None),
        ({"requirement": "LatestVersionRead"}, None),
        ({}, CREATION_MODEL),
        (
            {},
            "<RelatedTaskRequestModel><RequestedAssigneeName>jdoe</RequestedAssigneeName></RelatedTaskRequestModel>",
        ),
        (
            {},
            "<RelatedTaskRequestModel><RequestedAssigneeName>jdoe</RequestedAssigneeName><DueDate>2026-05-15T00:00:00</DueDate><TaskRequirements><TaskRequirement><RequirementNumber>1</RequirementNumber><RequirementType>Sign</RequirementType></TaskRequirement></TaskRequirements></RelatedTaskRequestModel>",
        ),
        ({}, "not xml"),
    ],
    ids=[
        "priority-case",
        "priority-spelling",
        "requirement-case",
        "requirement-spelling",
        "wrong-root",
        "no-due-date",
        "requirement-number",
        "not-xml",
    ],
)
def test_xml_parameters_are_checked_against_the_xsd(
    http: httpx.Client, server: InfoRouterSandbox, fields: dict[str, str], model: str | None
) -> None:
    """Enum names are case-sensitive, the root must be the model, DueDate is required: code 5000."""
    server.reset(error_codes=True)
    try:
        ticket = log_in(http, server)
        answer = related(http, server, ticket, 456, model, **fields)
        assert_error(answer, "response", "xmlParameters")
        assert answer.get("errorCode") == "5000"
        assert 789 not in server.state.tasks
    finally:
        server.reset()


def test_vendor_spellings_are_accepted(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """The vendor's misspelt enum names (NoPriortySetting, LastestVersionRead, ReproptPassword) work."""
    ticket = log_in(http, sandbox)
    for priority, requirement in (
        ("NoPriortySetting", "LastestVersionRead"),
        ("Urgent", "ReproptPassword"),
    ):
        answer = related(http, sandbox, ticket, 456, priority=priority, requirement=requirement)
        assert answer.get("success") == "true", answer.get("error")


def test_model_elements_in_any_order_with_defaults(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """Elements may come in any order and only assignee and due date are required (CHOICE)."""
    ticket = log_in(http, sandbox)
    model = (
        "<RelatedTaskRequestModel><DueDate>2026-05-15T00:00:00</DueDate>"
        "<RequestedAssigneeName>asmith</RequestedAssigneeName></RelatedTaskRequestModel>"
    )
    answer = related(http, sandbox, ticket, 456, model)
    assert answer.get("success") == "true", answer.get("error")
    task = sandbox.state.tasks[789]
    assert (task.priority, task.instructions, task.requirements, task.assignee) == (
        "Normal",
        "",
        (),
        "asmith",
    )


def test_assignee_must_be_a_user(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """A requested assignee that is not a user gets an error and no task."""
    ticket = log_in(http, sandbox)
    assert_error(
        related(http, sandbox, ticket, 456, assignee="nobody"), "response", "User not found"
    )
    assert 789 not in sandbox.state.tasks


def test_task_redirection_is_reported(http: httpx.Client, rules: InfoRouterSandbox) -> None:
    """A redirected assignee's task goes to the target, named in RedirectedUserName and GetTask."""
    ticket = log_in(http, rules)
    answer = related(http, rules, ticket, 456, assignee="cking")
    assert answer.findtext("Value/RedirectedUserName") == "asmith"
    task = call(
        http, rules, "GetTask", authenticationTicket=ticket, taskId=answer.findtext("Value/TaskId")
    )
    assert task.findtext("Task/AssigneeID") == "15"
    assert task.findtext("Task/RedirectedFrom_UserID") == "17"


# ---------------------------------------------------------------------- other task methods


def test_get_task_element_order(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """GetTask answers <root><Task> with every documented child, in order, StartDtae included."""
    answer = call(http, sandbox, "GetTask", authenticationTicket="abc123", taskId=456)
    assert answer.tag == "root"
    [task] = list(answer)
    assert [child.tag for child in task] == GET_TASK_ORDER
    assert task.findtext("TaskStatus") == "InProgress"
    assert task.findtext("StartDtae") == task.findtext("StartDate")
    assert task.findtext("DueDate") == "2026-06-30 00:00:00"
    assert task.findtext("RequirementDetails/Requirement/Name") == "Approval"
    assert len(task.findall("Permissions/Permission")) == 6


def test_get_unknown_task(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """GetTask of an unknown id answers 'Task not found' in <root>."""
    assert_error(
        call(http, sandbox, "GetTask", authenticationTicket="abc123", taskId=1),
        "root",
        "Task not found",
    )


def test_complete_task_rules(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """Only the assignee completes a task in progress, once; GetTask then shows it Completed."""
    other = log_in(http, sandbox, "asmith")
    assert_error(
        call(http, sandbox, "CompleteTask", authenticationTicket=other, taskId=456),
        "root",
        "Access Denied",
    )
    done = call(
        http, sandbox, "CompleteTask", authenticationTicket="abc123", taskId=456, comments="ok"
    )
    assert canonical(etree.tostring(done)) == canonical('<root success="true"/>')
    again = call(http, sandbox, "CompleteTask", authenticationTicket="abc123", taskId=456)
    assert_error(again, "root", "already completed")
    task = call(http, sandbox, "GetTask", authenticationTicket="abc123", taskId=456)
    assert task.findtext("Task/TaskStatus") == "Completed"
    assert task.findtext("Task/extendedComment") == "ok"
    assert task.findtext("Task/FinishDate") != "1900-01-01 00:00:00"
    assert_error(related(http, sandbox, "abc123", 456), "response", "already completed")


def test_delete_task_rules(http: httpx.Client, rules: InfoRouterSandbox) -> None:
    """Only the assigner or a user with rights deletes a task; it is gone afterwards."""
    jdoe = log_in(http, rules)
    asmith = log_in(http, rules, "asmith")
    assert_error(
        call(http, rules, "DeleteTask", authenticationTicket=jdoe, taskId=457), "root", "[921]"
    )
    answer = call(http, rules, "DeleteTask", authenticationTicket=asmith, taskId=457)
    assert answer.get("success") == "true"
    assert 457 not in rules.state.tasks
    assert_error(
        call(http, rules, "DeleteTask", authenticationTicket=asmith, taskId=457),
        "root",
        "Task not found",
    )


def test_reassign_task(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """ReassignTask makes a new task for the new assignee and marks the original Reassigned."""
    future = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S")
    answer = call(
        http,
        sandbox,
        "ReassignTask",
        authenticationTicket="abc123",
        taskId=456,
        reassignTo="asmith",
        newDueDate=future,
        newInstructions="Over to you",
        sendTaskNotice="true",
    )
    assert answer.tag == "response"
    assert answer.get("success") == "true", answer.get("error")
    assert answer.findtext("Value/TaskId") == "789"
    assert answer.findtext("Value/AssigneeId") == "15"
    assert answer.findtext("Value/AssigneeFullName") == "Alice Smith"
    assert answer.findtext("Value/RedirectedfromUserId") == "0"
    assert sandbox.state.tasks[456].status == "Reassigned"
    assert sandbox.state.tasks[789].assignee == "asmith"


def test_reassign_task_refusals(http: httpx.Client, rules: InfoRouterSandbox) -> None:
    """A past due date, an unknown user, or a caller neither assignee nor assigner is refused."""
    jdoe = log_in(http, rules)
    cking = log_in(http, rules, "cking")
    future = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S")
    base = {"taskId": 456, "newInstructions": "", "sendTaskNotice": "false"}
    for ticket, to, due, message in (
        (jdoe, "asmith", "2001-01-01T00:00:00", "future"),
        (jdoe, "ghost", future, "User not found"),
        (cking, "asmith", future, "Access Denied"),
    ):
        answer = call(
            http,
            rules,
            "ReassignTask",
            authenticationTicket=ticket,
            reassignTo=to,
            newDueDate=due,
            **base,
        )
        assert_error(answer, "response", message)
    assert rules.state.tasks[456].status == "InProgress"


def test_create_task(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """CreateTask on a document path creates a task with the model's right type and permissions."""
    answer = call(
        http,
        sandbox,
        "CreateTask",
        authenticationTicket="abc123",
        documentPath="/Public/Contracts/agreement.pdf",
        xmlParameters=CREATION_MODEL,
    )
    assert answer.tag == "response"
    assert answer.findtext("Value/TaskId") == "789"
    task = call(http, sandbox, "GetTask", authenticationTicket="abc123", taskId=789).find("Task")
    assert task is not None
    right = task.find("RightType")
    assert right is not None
    assert (right.get("RightTypeId"), right.get("RightTypeName")) == ("5", "CHANGE")
    edit = task.find("Permissions/Permission[@Name='EditDocument']")
    assert edit is not None
    assert edit.get("Value") == "True"
    assert task.findtext("AdHoc") == "False"


def test_create_task_refusals(http: httpx.Client, rules: InfoRouterSandbox) -> None:
    """An unknown path gets [2285], no right to assign tasks [921], a related model code 5000."""
    jdoe = log_in(http, rules)
    asmith = log_in(http, rules, "asmith")
    create = {"xmlParameters": CREATION_MODEL}
    assert_error(
        call(
            http,
            rules,
            "CreateTask",
            authenticationTicket=asmith,
            documentPath="/Nope.pdf",
            **create,
        ),
        "response",
        "[2285] Document not found at specified path",
    )
    assert_error(
        call(
            http,
            rules,
            "CreateTask",
            authenticationTicket=jdoe,
            documentPath="/Public/a.pdf",
            **create,
        ),
        "response",
        "[921] Insufficient rights",
    )
    related_model = RELATED_MODEL.format(assignee="jdoe", priority="Low", requirement="Edit")
    assert_error(
        call(
            http,
            rules,
            "CreateTask",
            authenticationTicket=asmith,
            documentPath="/Public/a.pdf",
            xmlParameters=related_model,
        ),
        "response",
        "TaskCreationRequestModel",
    )


# ---------------------------------------------------------------------- faults


def test_drop_and_lost_response_from_the_client_side(
    http: httpx.Client, sandbox: InfoRouterSandbox
) -> None:
    """drop closes the connection and creates nothing; lost_response closes it after creating."""
    sandbox.faults.force("drop")
    with pytest.raises(httpx.RemoteProtocolError):
        http.post(f"{sandbox.base_url}/CreateRelatedTask", content=P4_POST_1, headers=FORM)
    assert 789 not in sandbox.state.tasks
    sandbox.faults.force("lost_response")
    with pytest.raises(httpx.RemoteProtocolError):
        soap(
            http,
            sandbox,
            "CreateRelatedTask",
            authenticationTicket="abc123",
            taskId=456,
            xmlParameters=RELATED_MODEL.format(assignee="jdoe", priority="Low", requirement="Edit"),
        )
    assert 789 in sandbox.state.tasks


@pytest.mark.parametrize(("kind", "status"), [("rate_limit", 429), ("unavailable", 503)])
def test_refusal_faults(
    http: httpx.Client, sandbox: InfoRouterSandbox, kind: Any, status: int
) -> None:
    """rate_limit and unavailable answer 429/503 with Retry-After and create nothing."""
    sandbox.faults = Faults(retry_after="2")
    sandbox.faults.force(kind)
    answer = http.post(f"{sandbox.base_url}/CreateRelatedTask", content=P4_POST_1, headers=FORM)
    assert answer.status_code == status
    assert answer.headers["retry-after"] == "2"
    assert 789 not in sandbox.state.tasks


def test_slow_answer(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """slow: the answer comes after the latency; a shorter client timeout gives up first."""
    sandbox.faults = Faults(latency=0.4)
    sandbox.faults.force("slow")
    with httpx.Client(timeout=0.1) as impatient, pytest.raises(httpx.ReadTimeout):
        impatient.post(f"{sandbox.base_url}/CreateRelatedTask", content=P4_POST_1, headers=FORM)
    assert 789 in sandbox.state.tasks


def test_wsdl_and_login_are_exempt(http: httpx.Client, sandbox: InfoRouterSandbox) -> None:
    """Forced faults skip ?WSDL and AuthenticateUser on every binding (CHOICE)."""
    sandbox.faults.force("drop")
    assert http.get(sandbox.wsdl_url).status_code == 200
    log_in(http, sandbox)
    soap_result(
        soap(http, sandbox, "AuthenticateUser", UID="jdoe", PWD="jdoe-password"), "AuthenticateUser"
    )
    soap_result(
        soap(http, sandbox, "AuthenticateUser", "1.2", UID="jdoe", PWD="jdoe-password"),
        "AuthenticateUser",
        "1.2",
    )
    assert sandbox.faults.pending == 1


# Moved from tests/unit/test_sandbox_cli.py: it starts a subprocess (about 0.7 s).
def test_inforouter_cli_prints_its_url_and_stops_on_ctrl_c() -> None:
    """python -m inforouter.sandbox prints the service URL first, its WSDL points there; SIGINT ends it."""
    with serving("inforouter.sandbox", "--error-codes") as (process, line):
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/srv\.asmx", line), line
        wsdl = httpx.get(line + "?WSDL", timeout=5)
        assert f'location="{line}"' in wsdl.text
        error = httpx.get(
            line + "/GetTask", params={"authenticationTicket": "x", "taskId": "1"}, timeout=5
        )
        assert 'errorCode="4010"' in error.text
        assert stop(process, signal.SIGINT) == 0
