"""Clients and sessions over all four bindings, against a recording fake server."""

from __future__ import annotations

import datetime
import email.utils
import logging
import ssl
import time
import warnings
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl

import _client_core
import certifi
import httpx
import inforouter
import inforouter_api
import pytest
import zeep.exceptions
from inforouter import (
    AsyncInfoRouterClient,
    AuthenticationFailedError,
    CreatedTask,
    InfoRouterAPIError,
    InfoRouterClient,
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InfoRouterTimeoutError,
    InvalidResponseError,
    NotFoundError,
    OutcomeUnknownError,
    Priority,
    ReassignedTask,
    RelatedTaskRequest,
    RequirementType,
    Session,
    SoapFaultError,
    TaskRequest,
    TaskRequestError,
    TaskRequirement,
    TicketExpiredError,
    TicketInQueryStringWarning,
    UnsupportedBindingError,
    _calls,
    _operations,
    _wire,
)
from lxml import etree

from tests.clock import record_sleeps

URL = "https://ir.example.com/srv.asmx"
TEMPURI = "http://tempuri.org/"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
USER = "jsmith"
PASSWORD = "S3cret-Pa55word!"
TICKETS = ("6F9619FF-8B86-D011-B42D-00C04FC964FF", "0A1B2C3D-0000-4000-8000-FEEDFACE0002")
BINDINGS = ("soap11", "soap12", "http-post", "http-get")

LOGIN = '<root success="true" ticket="{ticket}" userid="42" username="jsmith" />'
OK_ROOT = '<root success="true" />'
CREATED = (
    '<response success="true"><Value><TaskId>789</TaskId><RedirectedUserName>'
    "</RedirectedUserName></Value></response>"
)
REASSIGNED = (
    '<response success="true"><Value><TaskId>4813</TaskId><AssigneeId>15</AssigneeId>'
    "<AssigneeFullName>Alice Jones</AssigneeFullName><RedirectedfromUserId>0"
    "</RedirectedfromUserId><RedirectedfromUserFullName></RedirectedfromUserFullName></Value>"
    "</response>"
)
GET_TASK = (
    '<root success="true"><Task><TaskID>4812</TaskID><TaskName>Review</TaskName>'
    "<Priority>High</Priority><TaskStatus>InProgress</TaskStatus>"
    "<DueDate>2026-05-15 17:30:00</DueDate><AdHoc>True</AdHoc></Task></root>"
)
EXPIRED = '<root success="false" error="[901] Session expired or Invalid ticket" />'
RELATED = RelatedTaskRequest(
    "jdoe",
    "Please review <section> & sign",
    datetime.date(2026, 5, 15),
    priority=Priority.HIGH,
    requirements=[TaskRequirement(RequirementType.APPROVAL)],
)
TASK = TaskRequest(
    "jdoe", "Edit it", datetime.datetime(2026, 6, 1, 9, 30), can_edit=True, reminder_hours=2
)

Answer = str | httpx.Response | Exception | Callable[[], httpx.Response]


@dataclass
class Call:
    """One request as the fake server understood it."""

    binding: str
    operation: str
    params: list[tuple[str, str]]
    request: httpx.Request

    @property
    def values(self) -> dict[str, str]:
        return dict(self.params)


@dataclass
class FakeServer:
    """Answers every binding like /srv.asmx, from per-operation queues, and records requests.

    An answer is infoRouter XML (wrapped in the SOAP envelope of the request's version), a
    ready httpx.Response, a callable making one, or an exception to raise.
    """

    inherit_namespace: bool = False
    calls: list[Call] = field(default_factory=list)
    queues: dict[str, deque[Answer]] = field(default_factory=lambda: defaultdict(deque))
    logins: int = 0

    def queue(self, operation: str, *answers: Answer) -> None:
        self.queues[operation].extend(answers)

    def operations(self) -> list[str]:
        return [call.operation for call in self.calls]

    def default(self, operation: str) -> str:
        if operation == "AuthenticateUser":
            ticket = TICKETS[min(self.logins, len(TICKETS) - 1)]
            self.logins += 1
            return LOGIN.format(ticket=ticket)
        return {
            "CreateRelatedTask": CREATED,
            "CreateTask": CREATED,
            "ReassignTask": REASSIGNED,
            "GetTask": GET_TASK,
        }.get(operation, OK_ROOT)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        call = parse_request(request)
        self.calls.append(call)
        queue = self.queues[call.operation]
        answer = queue.popleft() if queue else self.default(call.operation)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        if callable(answer):
            return answer()
        return respond(call, answer, inherit_namespace=self.inherit_namespace)


def parse_request(request: httpx.Request) -> Call:
    content_type = request.headers.get("content-type", "")
    if request.method == "GET":
        operation = request.url.path.rpartition("/")[2]
        return Call("http-get", operation, list(parse_qsl(request.url.query.decode())), request)
    if content_type.startswith("application/x-www-form-urlencoded"):
        operation = request.url.path.rpartition("/")[2]
        params = parse_qsl(request.content.decode(), keep_blank_values=True)
        return Call("http-post", operation, params, request)
    envelope = etree.fromstring(request.content)
    binding = "soap12" if envelope.tag == f"{{{SOAP12}}}Envelope" else "soap11"
    body = envelope.find(f"{{{SOAP12 if binding == 'soap12' else SOAP11}}}Body")
    assert body is not None
    method = body[0]
    operation = etree.QName(method).localname
    assert etree.QName(method).namespace == TEMPURI
    params = [(etree.QName(child).localname, child.text or "") for child in method]
    return Call(binding, operation, params, request)


def envelope(binding: str, operation: str, inner: str, *, inherit: bool = False) -> bytes:
    namespace = SOAP12 if binding == "soap12" else SOAP11
    if not inherit and "xmlns=" not in inner.split(">", 1)[0]:
        inner = inner.replace(" ", ' xmlns="" ', 1)
    return (
        f'<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="{namespace}">'
        f'<soap:Body><{operation}Response xmlns="{TEMPURI}"><{operation}Result>{inner}'
        f"</{operation}Result></{operation}Response></soap:Body></soap:Envelope>"
    ).encode()


def respond(call: Call, answer: str, *, inherit_namespace: bool = False) -> httpx.Response:
    if call.binding.startswith("http"):
        return httpx.Response(200, headers={"content-type": "text/xml"}, content=answer.encode())
    content_type = "application/soap+xml" if call.binding == "soap12" else "text/xml"
    body = envelope(call.binding, call.operation, answer, inherit=inherit_namespace)
    return httpx.Response(
        200, headers={"content-type": f"{content_type}; charset=utf-8"}, content=body
    )


@pytest.fixture
def server() -> FakeServer:
    return FakeServer()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry waits instead of sleeping."""
    return record_sleeps(monkeypatch)


def make_client(server: FakeServer, binding: str = "soap11", **options: Any) -> InfoRouterClient:
    http = httpx.Client(transport=httpx.MockTransport(server))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TicketInQueryStringWarning)
        return InfoRouterClient(URL, binding=binding, http_client=http, **options)  # type: ignore[arg-type]


def login(server: FakeServer, binding: str = "soap11", **options: Any) -> Session:
    return make_client(server, binding, **options).authenticate(USER, PASSWORD)


# ------------------------------------------------------------------ every method, every binding


@dataclass(frozen=True)
class Case:
    method: str
    run: Callable[[Any], Any]
    operation: str
    params: list[tuple[str, str]]
    result: Any


T0 = TICKETS[0]
CASES = [
    Case(
        "create_related_task",
        lambda s: s.create_related_task(456, RELATED),
        "CreateRelatedTask",
        [("authenticationTicket", T0), ("taskId", "456"), ("xmlParameters", RELATED.to_xml())],
        CreatedTask(789, None),
    ),
    Case(
        "create_task",
        lambda s: s.create_task("/Dom/Lib/report.pdf", TASK),
        "CreateTask",
        [
            ("authenticationTicket", T0),
            ("documentPath", "/Dom/Lib/report.pdf"),
            ("xmlParameters", TASK.to_xml()),
        ],
        CreatedTask(789, None),
    ),
    Case(
        "complete_task",
        lambda s: s.complete_task(4812, "Done & dusted"),
        "CompleteTask",
        [("authenticationTicket", T0), ("taskId", "4812"), ("comments", "Done & dusted")],
        None,
    ),
    Case(
        "delete_task",
        lambda s: s.delete_task(4812),
        "DeleteTask",
        [("authenticationTicket", T0), ("taskId", "4812")],
        None,
    ),
    Case(
        "reassign_task",
        lambda s: s.reassign_task(
            4812,
            to="ajones",
            new_due_date=datetime.datetime(2026, 6, 1, 9, 30, 15, 500),
            new_instructions="Over to you",
            send_notice=False,
        ),
        "ReassignTask",
        [
            ("authenticationTicket", T0),
            ("taskId", "4812"),
            ("reassignTo", "ajones"),
            ("newDueDate", "2026-06-01T09:30:15"),
            ("newInstructions", "Over to you"),
            ("sendTaskNotice", "false"),
        ],
        ReassignedTask(4813, 15, "Alice Jones", None, None),
    ),
    Case(
        "get_task",
        lambda s: s.get_task(4812).task_id,
        "GetTask",
        [("authenticationTicket", T0), ("taskId", "4812")],
        4812,
    ),
    Case("is_valid", lambda s: s.is_valid(), "isValidTicket", [("AuthenticationTicket", T0)], True),
]


def check_wire(call: Call, binding: str, operation: str) -> None:
    """The binding's own way of naming the operation."""
    request = call.request
    assert call.binding == binding
    action = f"http://tempuri.org/{operation}"
    if binding == "soap11":
        assert request.method == "POST"
        assert request.url == URL
        assert request.headers["SOAPAction"] == f'"{action}"'
        assert request.headers["Content-Type"] == "text/xml; charset=utf-8"
    elif binding == "soap12":
        assert request.method == "POST"
        assert request.url == URL
        content_type = request.headers["Content-Type"]
        assert content_type.startswith("application/soap+xml; charset=utf-8")
        assert f'action="{action}"' in content_type
    elif binding == "http-post":
        assert request.method == "POST"
        assert request.url == f"{URL}/{operation}"
        assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    else:
        assert request.method == "GET"
        assert request.url.copy_with(query=None) == f"{URL}/{operation}"
        assert not request.content


@pytest.mark.parametrize("binding", BINDINGS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.method)
def test_every_method_sends_its_operation_and_reads_the_answer(
    server: FakeServer, binding: str, case: Case
) -> None:
    """Each Session method sends the operation, parameters and exact xmlParameters on every
    binding, and returns the typed answer."""
    session = login(server, binding)
    assert case.run(session) == case.result
    authenticate, call = server.calls
    check_wire(authenticate, binding, "AuthenticateUser")
    assert authenticate.params == [("UID", USER), ("PWD", PASSWORD)]
    check_wire(call, binding, case.operation)
    assert call.operation == case.operation
    assert call.params == case.params


@pytest.mark.parametrize("binding", BINDINGS)
def test_context_exit_logs_out_with_the_ticket(server: FakeServer, binding: str) -> None:
    """Leaving the with-block sends LogOut with the ticket, once."""
    with login(server, binding) as session:
        pass
    assert session.closed
    session.close()
    assert server.operations() == ["AuthenticateUser", "LogOut"]
    check_wire(server.calls[1], binding, "LogOut")
    assert server.calls[1].params == [("AuthenticationTicket", T0)]


@pytest.mark.parametrize("binding", BINDINGS)
def test_complete_task_without_comments_omits_the_parameter(
    server: FakeServer, binding: str
) -> None:
    """comments=None sends no comments parameter at all."""
    login(server, binding).complete_task(7)
    assert server.calls[-1].params == [("authenticationTicket", T0), ("taskId", "7")]


def test_soap_answers_in_the_inherited_namespace_are_read(server: FakeServer) -> None:
    """An answer element inheriting xmlns="http://tempuri.org/" parses like xmlns=""."""
    server.inherit_namespace = True
    session = login(server)
    assert session.create_related_task(1, RELATED) == CreatedTask(789, None)
    assert session.get_task(4812).priority is Priority.HIGH


@pytest.mark.parametrize("binding", BINDINGS)
def test_failed_login_raises_at_authenticate(server: FakeServer, binding: str) -> None:
    """AuthenticateUser answering [900] raises AuthenticationFailedError from authenticate()."""
    server.queue("AuthenticateUser", '<root success="false" error="[900] Authentication failed" />')
    with pytest.raises(AuthenticationFailedError, match="Authentication failed"):
        login(server, binding)
    assert server.operations() == ["AuthenticateUser"]


BLANK_LOGINS = [
    ("", PASSWORD, "user"),
    (" \t ", PASSWORD, "user"),
    (USER, "", "password"),
    (USER, "   ", "password"),
    ("", "", "user"),
]


@pytest.mark.parametrize("binding", BINDINGS)
@pytest.mark.parametrize(("user", "password", "named"), BLANK_LOGINS)
def test_blank_user_names_and_passwords_are_refused_before_sending(
    server: FakeServer, binding: str, user: str, password: str, named: str
) -> None:
    """authenticate() with an empty or blank user name or password raises TaskRequestError
    naming the argument, and nothing reaches the server, on every binding."""
    client = make_client(server, binding)
    with pytest.raises(TaskRequestError, match=f"^{named} must not be empty") as caught:
        client.authenticate(user, password)
    assert server.calls == []
    assert PASSWORD not in str(caught.value)


@pytest.mark.parametrize("binding", BINDINGS)
def test_api_errors_are_raised_on_every_binding(server: FakeServer, binding: str) -> None:
    """A success="false" answer raises its typed error, whatever the binding."""
    server.queue("GetTask", '<root success="false" error="Task not found" />')
    with pytest.raises(NotFoundError):
        login(server, binding).get_task(1)


def test_arguments_are_checked_before_sending(server: FakeServer) -> None:
    """Invalid ids, names, dates and requests raise TaskRequestError and send nothing."""
    session = login(server)
    bad: list[Callable[[], object]] = [
        lambda: session.get_task(0),
        lambda: session.get_task(-3),
        lambda: session.delete_task(2**31),
        lambda: session.complete_task(True),
        lambda: session.complete_task(1, "bad\x00"),
        lambda: session.create_task("", TASK),
        lambda: session.create_task("/a", RELATED),  # type: ignore[arg-type]
        lambda: session.create_related_task(1, TASK),  # type: ignore[arg-type]
        lambda: session.reassign_task(1, to="", new_due_date=datetime.date(2026, 1, 1)),
        lambda: session.reassign_task(
            1, to="x", new_due_date=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
        ),
        lambda: session.reassign_task(
            1,
            to="x",
            new_due_date=datetime.date(2026, 1, 1),
            send_notice=None,  # type: ignore[arg-type]
        ),
    ]
    for call in bad:
        with pytest.raises(TaskRequestError):
            call()
    assert server.operations() == ["AuthenticateUser"]


def test_closed_sessions_refuse_calls_and_are_not_valid(server: FakeServer) -> None:
    """After logout a call raises InfoRouterError without sending; is_valid is False."""
    session = login(server)
    session.close()
    with pytest.raises(InfoRouterError, match="logged out"):
        session.get_task(1)
    assert session.is_valid() is False
    assert server.operations() == ["AuthenticateUser", "LogOut"]


def test_is_valid_is_false_on_901(server: FakeServer) -> None:
    """isValidTicket answering [901] gives False, with no new login."""
    server.queue("isValidTicket", EXPIRED)
    assert login(server).is_valid() is False
    assert server.operations() == ["AuthenticateUser", "isValidTicket"]


# ------------------------------------------------------------------ re-authentication and logout


@pytest.mark.parametrize(
    ("run", "operation"),
    [
        (lambda s: s.get_task(4812), "GetTask"),
        (lambda s: s.complete_task(4812), "CompleteTask"),
        (lambda s: s.delete_task(4812), "DeleteTask"),
    ],
)
@pytest.mark.parametrize("binding", ["soap11", "http-post"])
def test_901_logs_in_again_once_and_repeats_safe_calls(
    server: FakeServer, binding: str, run: Callable[[Session], object], operation: str
) -> None:
    """A [901] answer to a repeatable call logs in again and repeats it with the new ticket."""
    session = login(server, binding)
    server.queue(operation, EXPIRED)
    run(session)
    assert server.operations() == ["AuthenticateUser", operation, "AuthenticateUser", operation]
    first, second = server.calls[1], server.calls[3]
    assert first.values["authenticationTicket"] == TICKETS[0]
    assert second.values["authenticationTicket"] == TICKETS[1]


def test_901_twice_raises_after_one_new_login(server: FakeServer) -> None:
    """If the repeated call gets [901] again, TicketExpiredError is raised (one re-login only)."""
    session = login(server)
    server.queue("GetTask", EXPIRED, EXPIRED)
    with pytest.raises(TicketExpiredError):
        session.get_task(1)
    assert server.operations() == ["AuthenticateUser", "GetTask", "AuthenticateUser", "GetTask"]


# The calls that are not safe to repeat: each with the operation it sends.
UNSAFE_CALLS: list[tuple[Callable[[Session], object], str]] = [
    (lambda s: s.create_related_task(1, RELATED), "CreateRelatedTask"),
    (lambda s: s.create_task("/a/b", TASK), "CreateTask"),
    (
        lambda s: s.reassign_task(1, to="x", new_due_date=datetime.date(2026, 1, 1)),
        "ReassignTask",
    ),
]


@pytest.mark.parametrize(("run", "operation"), UNSAFE_CALLS)
def test_901_on_create_or_reassign_raises_without_login(
    server: FakeServer, run: Callable[[Session], object], operation: str
) -> None:
    """Create and reassign calls are not repeated after [901]: TicketExpiredError, one request."""
    session = login(server)
    server.queue(operation, EXPIRED)
    with pytest.raises(TicketExpiredError):
        run(session)
    assert server.operations() == ["AuthenticateUser", operation]


@pytest.mark.parametrize("binding", BINDINGS)
def test_logout_tolerates_901(server: FakeServer, binding: str) -> None:
    """LogOut answering [901] counts as logged out: leaving the block raises nothing."""
    server.queue("LogOut", EXPIRED)
    with login(server, binding):
        pass
    assert server.operations() == ["AuthenticateUser", "LogOut"]


def test_logout_failure_is_raised_when_the_block_succeeded(server: FakeServer) -> None:
    """Another LogOut error propagates from a block that ended normally."""
    server.queue("LogOut", '<root success="false" error="[921] Insufficient rights" />')
    with pytest.raises(InfoRouterAPIError, match="921"), login(server):
        pass


def test_logout_failure_does_not_hide_the_blocks_error(server: FakeServer) -> None:
    """When the block raised, a failing LogOut is logged and the block's error propagates."""
    server.queue("LogOut", '<root success="false" error="[921] Insufficient rights" />')
    with pytest.raises(KeyError), login(server):
        raise KeyError("boom")


# ------------------------------------------------------------------ retries


def service_unavailable(retry_after: str | None = None) -> httpx.Response:
    headers = {"content-type": "text/html"}
    if retry_after is not None:
        headers["Retry-After"] = retry_after
    return httpx.Response(503, headers=headers, content=b"<html><body>Busy</body></html>")


@pytest.mark.parametrize("binding", ["soap11", "http-get"])
def test_reads_retry_on_5xx_with_backoff(
    server: FakeServer, sleeps: list[float], binding: str
) -> None:
    """get_task retries an HTML 503 twice with growing backoff, then succeeds."""
    session = login(server, binding)
    server.queue("GetTask", service_unavailable(), service_unavailable())
    assert session.get_task(4812).task_id == 4812
    assert server.operations().count("GetTask") == 3
    assert len(sleeps) == 2
    initial, jitter = _client_core.INITIAL_RETRY_DELAY, _client_core.RETRY_JITTER
    assert initial <= sleeps[0] <= initial + jitter
    assert 2 * initial <= sleeps[1] <= 2 * initial + jitter


def test_reads_give_up_after_max_retries(server: FakeServer, sleeps: list[float]) -> None:
    """After 1 + max_retries attempts the last error is raised, with the HTTP status."""
    session = login(server, max_retries=1)
    server.queue("GetTask", service_unavailable(), service_unavailable(), service_unavailable())
    with pytest.raises(InfoRouterHTTPError, match="HTTP 503") as caught:
        session.get_task(1)
    assert caught.value.status_code == 503
    assert server.operations().count("GetTask") == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize(
    ("header", "wait"),
    [("7", 7.0), ("1.5", 1.5), ("3600", _client_core.MAX_RETRY_AFTER)],
    ids=["seconds", "fraction", "capped"],
)
def test_retry_after_is_honoured_and_capped(
    server: FakeServer, sleeps: list[float], header: str, wait: float
) -> None:
    """A 429 with Retry-After waits that long (fractions too), at most MAX_RETRY_AFTER."""
    session = login(server, "http-post")
    server.queue("DeleteTask", httpx.Response(429, headers={"Retry-After": header}))
    session.delete_task(1)
    assert sleeps == [wait]


def test_retry_after_http_date_is_honoured(server: FakeServer, sleeps: list[float]) -> None:
    """A Retry-After HTTP date 30 s ahead waits about 30 s (the clock moves on a little)."""
    session = login(server, "http-post")
    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    server.queue("DeleteTask", httpx.Response(429, headers={"Retry-After": date}))
    session.delete_task(1)
    assert len(sleeps) == 1
    assert 20.0 <= sleeps[0] <= 30.0


@pytest.mark.parametrize("header", ["soon", "-5", "nan", ""])
def test_unreadable_retry_after_falls_back_to_backoff(
    server: FakeServer, sleeps: list[float], header: str
) -> None:
    """A Retry-After that is not seconds or a date is ignored: the wait is the backoff."""
    session = login(server, "http-post")
    server.queue("DeleteTask", httpx.Response(429, headers={"Retry-After": header}))
    session.delete_task(1)
    initial, jitter = _client_core.INITIAL_RETRY_DELAY, _client_core.RETRY_JITTER
    assert len(sleeps) == 1
    assert initial <= sleeps[0] <= initial + jitter


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("timed out"),
        httpx.ConnectError("refused"),
        httpx.RemoteProtocolError("dropped"),
        httpx.Response(408),
        httpx.Response(502, content=b"Bad gateway"),
    ],
    ids=["read-timeout", "connect", "dropped", "408", "502"],
)
def test_complete_task_retries_like_a_read(
    server: FakeServer, sleeps: list[float], failure: Any
) -> None:
    """complete_task (CHOICE) retries on timeouts, dropped connections, 408 and 5xx."""
    session = login(server)
    server.queue("CompleteTask", failure)
    session.complete_task(1)
    assert server.operations().count("CompleteTask") == 2


@pytest.mark.parametrize("status", [400, 404, 401])
def test_other_4xx_are_not_retried(server: FakeServer, sleeps: list[float], status: int) -> None:
    """A 4xx other than 408/429 without an answer is raised at once, with its status."""
    session = login(server, "http-post")
    server.queue("GetTask", httpx.Response(status))
    with pytest.raises(InfoRouterHTTPError, match=f"HTTP {status}"):
        session.get_task(1)
    assert server.operations().count("GetTask") == 1
    assert sleeps == []


FAULTS = {
    "soap11": (
        f'<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><soap:Fault><faultcode>soap:Server'
        "</faultcode><faultstring>Server was unable to process request.</faultstring>"
        "</soap:Fault></soap:Body></soap:Envelope>"
    ),
    "soap12": (
        f'<soap:Envelope xmlns:soap="{SOAP12}"><soap:Body><soap:Fault><soap:Code><soap:Value>'
        'soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">Server '
        "was unable to process request.</soap:Text></soap:Reason></soap:Fault></soap:Body>"
        "</soap:Envelope>"
    ),
}


@pytest.mark.parametrize("binding", ["soap11", "soap12"])
def test_soap_faults_are_not_retried(server: FakeServer, sleeps: list[float], binding: str) -> None:
    """A SOAP fault (HTTP 500) is an answer: SoapFaultError with code and string, no retry."""
    session = login(server, binding)
    server.queue("GetTask", httpx.Response(500, content=FAULTS[binding].encode()))
    with pytest.raises(SoapFaultError, match="unable to process") as caught:
        session.get_task(1)
    assert caught.value.code is not None
    assert caught.value.code.endswith(("Server", "Receiver"))
    assert server.operations().count("GetTask") == 1


@pytest.mark.parametrize(("run", "operation"), UNSAFE_CALLS)
def test_unsafe_calls_retry_connect_errors(
    server: FakeServer, sleeps: list[float], run: Callable[[Session], object], operation: str
) -> None:
    """A connection that could not be made is retried even for create and reassign."""
    session = login(server)
    server.queue(operation, httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"))
    run(session)
    assert server.operations().count(operation) == 3


@pytest.mark.parametrize(("run", "operation"), UNSAFE_CALLS)
def test_unsafe_calls_are_not_retried_on_429(
    server: FakeServer, sleeps: list[float], run: Callable[[Session], object], operation: str
) -> None:
    """A 429 reached the server, so creates and reassignments raise it without sending again."""
    session = login(server)
    server.queue(operation, httpx.Response(429, headers={"Retry-After": "3"}))
    with pytest.raises(InfoRouterHTTPError, match="HTTP 429") as caught:
        run(session)
    assert caught.value.status_code == 429
    assert caught.value.retry_after == 3.0  # the caller decides when to try again
    assert not isinstance(caught.value, OutcomeUnknownError)
    assert server.operations().count(operation) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("timed out"),
        httpx.RemoteProtocolError("peer closed connection"),
        httpx.WriteError("broken pipe"),
        httpx.Response(503, content=b"<html>Busy</html>"),
        httpx.Response(200, content=b"<html>half an answ"),
    ],
    ids=["read-timeout", "dropped", "write-error", "503", "truncated"],
)
@pytest.mark.parametrize("binding", ["soap11", "soap12", "http-post"])
def test_create_after_sending_gives_outcome_unknown_and_no_second_request(
    server: FakeServer, sleeps: list[float], binding: str, failure: Any
) -> None:
    """A create call that may have reached the server without a readable answer raises
    OutcomeUnknownError, sends nothing more and does not wait."""
    session = login(server, binding)
    server.queue("CreateRelatedTask", failure)
    with pytest.raises(OutcomeUnknownError, match="may or may not have been applied") as caught:
        session.create_related_task(1, RELATED)
    assert caught.value.operation == "CreateRelatedTask"
    assert isinstance(caught.value.__cause__, InfoRouterError)
    assert server.operations() == ["AuthenticateUser", "CreateRelatedTask"]
    assert sleeps == []


def test_create_refused_with_400_is_not_outcome_unknown(server: FakeServer) -> None:
    """HTTP 400 without XML (an empty required parameter) is an InfoRouterHTTPError."""
    session = login(server, "http-post")
    server.queue("CreateTask", httpx.Response(400))
    with pytest.raises(InfoRouterHTTPError, match="HTTP 400"):
        session.create_task("/a/b", TASK)


def test_read_timeouts_end_as_timeout_errors(server: FakeServer, sleeps: list[float]) -> None:
    """Three read timeouts on get_task raise InfoRouterTimeoutError."""
    session = login(server)
    server.queue("GetTask", *(httpx.ReadTimeout("timed out") for _ in range(3)))
    with pytest.raises(InfoRouterTimeoutError) as caught:
        session.get_task(1)
    assert caught.value.request_sent is True
    assert isinstance(caught.value, InfoRouterConnectionError)


def test_retries_happen_inside_one_login(server: FakeServer, sleeps: list[float]) -> None:
    """A retried failure does not trigger a new login; a 901 after a retry still does."""
    session = login(server)
    server.queue("GetTask", httpx.ReadTimeout("t"), EXPIRED)
    session.get_task(1)
    assert server.operations() == [
        "AuthenticateUser",
        "GetTask",
        "GetTask",
        "AuthenticateUser",
        "GetTask",
    ]


# ------------------------------------------------------------------ hostile answers


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)
EXTERNAL = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
REMOTE_DTD = '<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://evil.example/x.dtd">'


def hostile(binding: str, operation: str, prolog: str, inner: str) -> httpx.Response:
    if binding.startswith("http"):
        return httpx.Response(200, content=(prolog + inner).encode())
    body = envelope(binding, operation, inner).decode().split("?>", 1)[1]
    return httpx.Response(200, content=(prolog + body).encode())


@pytest.mark.parametrize("binding", BINDINGS)
@pytest.mark.parametrize(
    ("prolog", "inner"),
    [
        (
            BILLION_LAUGHS,
            '<root success="true"><Task><TaskID>1</TaskID><TaskName>&lol3;</TaskName></Task></root>',
        ),
        (
            EXTERNAL,
            '<root success="true"><Task><TaskID>1</TaskID><TaskName>&xxe;</TaskName></Task></root>',
        ),
        (REMOTE_DTD, '<root success="true"><Task><TaskID>1</TaskID></Task></root>'),
    ],
    ids=["entity-expansion", "external-entity", "external-dtd"],
)
def test_doctypes_are_refused_unread(
    server: FakeServer, binding: str, prolog: str, inner: str
) -> None:
    """An answer with a DOCTYPE (entities, external entity or DTD) is refused, nothing is
    expanded or fetched, and the error names the HTTP status."""
    session = login(server, binding)
    server.queue("GetTask", hostile(binding, "GetTask", prolog, inner))
    with pytest.raises(InvalidResponseError, match="DOCTYPE") as caught:
        session.get_task(1)
    assert caught.value.status_code == 200
    assert "root:" not in str(caught.value)  # nothing of /etc/passwd
    assert server.operations() == ["AuthenticateUser", "GetTask"]  # nothing fetched


@pytest.mark.parametrize("binding", BINDINGS)
@pytest.mark.parametrize(
    ("status", "body", "error_type"),
    [
        (200, b"this is not XML", InvalidResponseError),
        (
            200,
            b"<html><head><title>Error</title></head><body>Oops</body></html>",
            InvalidResponseError,
        ),
        (200, b"", InvalidResponseError),
        (200, b"<?xml version='1.0'?><soap:Envelope xmlns:soap='x'><soap:Bo", InvalidResponseError),
        (200, b"<root success='\xc3\x28'/>", InvalidResponseError),
        (404, b"<html><body>Not Found</body></html>", InfoRouterHTTPError),
        (400, b"", InfoRouterHTTPError),
    ],
    ids=["text", "html-200", "empty", "truncated", "bad-utf8", "html-404", "400-empty"],
)
def test_unreadable_answers_give_typed_errors_with_the_status(
    server: FakeServer, binding: str, status: int, body: bytes, error_type: type[Exception]
) -> None:
    """Non-XML, HTML pages, empty, truncated and invalid UTF-8 answers raise a typed error
    whose message names the HTTP status."""
    session = login(server, binding)
    server.queue("DeleteTask", httpx.Response(status, content=body))
    with pytest.raises(error_type) as caught:
        session.delete_task(1)
    assert f"HTTP {status}" in str(caught.value)


@pytest.mark.parametrize("binding", ["soap11", "soap12"])
def test_a_soap_answer_of_the_other_version_is_refused(server: FakeServer, binding: str) -> None:
    """A SOAP 1.1 envelope answering a SOAP 1.2 request (and back) is an InvalidResponseError."""
    other = "soap11" if binding == "soap12" else "soap12"
    session = login(server, binding)
    server.queue("GetTask", httpx.Response(200, content=envelope(other, "GetTask", GET_TASK)))
    with pytest.raises(InvalidResponseError, match="SOAP envelope"):
        session.get_task(1)


def test_a_soap_result_that_does_not_match_the_wsdl_is_invalid(server: FakeServer) -> None:
    """A SOAP body with an unexpected element is an InvalidResponseError (zeep's parse error)."""
    body = (
        f'<soap:Envelope xmlns:soap="{SOAP11}"><soap:Body><GetTaskResponse xmlns="{TEMPURI}">'
        "<Unexpected/></GetTaskResponse></soap:Body></soap:Envelope>"
    )
    session = login(server)
    server.queue("GetTask", httpx.Response(200, content=body.encode()))
    with pytest.raises(InvalidResponseError, match="does not match the WSDL"):
        session.get_task(1)


def escaped(xml: str) -> str:
    return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@pytest.mark.parametrize("binding", BINDINGS)
def test_an_answer_sent_as_escaped_text_is_parsed(server: FakeServer, binding: str) -> None:
    """A result holding the answer as escaped text instead of an element (a SOAP Result, or
    ASMX's <string> over HTTP) is parsed and read like the element it stands for."""
    session = login(server, binding)
    if binding.startswith("http"):
        document = f'<?xml version="1.0"?><string xmlns="{TEMPURI}">{escaped(CREATED)}</string>'
        answer: Answer = httpx.Response(200, text=document)
    else:
        answer = httpx.Response(
            200, content=envelope(binding, "CreateRelatedTask", escaped(CREATED), inherit=True)
        )
    server.queue("CreateRelatedTask", answer)
    assert session.create_related_task(456, RELATED) == CreatedTask(789, None)


@pytest.mark.parametrize("binding", BINDINGS)
def test_a_text_result_that_is_not_xml_is_unexpected_text_content(
    server: FakeServer, binding: str
) -> None:
    """Text that is not XML where the answer belongs is reported as "unexpected text content",
    quoting its start (cut), not as an empty result."""
    session = login(server, binding)
    text = "Object reference not set to an instance of an object. " * 20
    if binding.startswith("http"):
        answer = httpx.Response(200, text=f'<string xmlns="{TEMPURI}">{text}</string>')
    else:
        answer = httpx.Response(200, content=envelope(binding, "GetTask", text, inherit=True))
    server.queue("GetTask", answer)
    with pytest.raises(InvalidResponseError) as caught:
        session.get_task(1)
    message = str(caught.value)
    assert (
        "GetTask: the answer holds unexpected text content, not an infoRouter answer: "
        "'Object reference not set to an instance of an object. O...' (1079 characters)"
    ) in message
    assert "empty" not in message


@pytest.mark.parametrize("binding", BINDINGS)
def test_errors_name_the_url_the_operation_and_the_task(server: FakeServer, binding: str) -> None:
    """An error of a call ends with the operation, the service URL and the task id, also kept
    as attributes; the ticket and password never show."""
    session = login(server, binding)
    server.queue("GetTask", '<root success="false" error="[2285] Task not found"/>')
    with pytest.raises(NotFoundError) as caught:
        session.get_task(4812)
    error = caught.value
    assert str(error) == f"[2285] Task not found (GetTask at {URL}, task 4812)"
    assert (error.operation, error.url, error.task_id) == ("GetTask", URL, 4812)
    server.queue("GetTask", httpx.Response(500, content=b"boom"))
    with pytest.raises(InfoRouterHTTPError) as caught_http:
        make_client(server, binding, max_retries=0).authenticate(USER, PASSWORD).get_task(7)
    assert str(caught_http.value).endswith(f"(at {URL}, task 7)")
    assert caught_http.value.url == URL
    for text in (str(error), str(caught_http.value)):
        assert PASSWORD not in text
        assert all(ticket not in text for ticket in TICKETS)


def test_a_failed_login_names_the_url(server: FakeServer) -> None:
    """AuthenticateUser's error says where the log-in was sent."""
    server.queue("AuthenticateUser", '<root success="false" error="[900] Invalid user"/>')
    with pytest.raises(AuthenticationFailedError) as caught:
        login(server)
    assert str(caught.value) == f"[900] Invalid user (AuthenticateUser at {URL})"


def test_a_related_task_error_names_the_parent_task(server: FakeServer) -> None:
    """CreateRelatedTask's taskId is the parent task, and its error says so."""
    session = login(server)
    server.queue("CreateRelatedTask", '<root success="false" error="[2730] Access denied"/>')
    with pytest.raises(InfoRouterAPIError) as caught:
        session.create_related_task(456, RELATED)
    assert str(caught.value).endswith(f"(CreateRelatedTask at {URL}, parent task 456)")


@pytest.mark.parametrize(
    ("method", "operation"),
    [
        (lambda s: s.create_related_task(456, RELATED), "CreateRelatedTask"),
        (lambda s: s.create_task("/Dom/Lib/report.pdf", TASK), "CreateTask"),
        (
            lambda s: s.reassign_task(4812, to="jdoe", new_due_date=datetime.date(2026, 6, 1)),
            "ReassignTask",
        ),
    ],
)
def test_an_expired_ticket_on_an_unsafe_call_says_nothing_was_created(
    server: FakeServer, method: Callable[[Session], object], operation: str
) -> None:
    """TicketExpiredError on a create or reassign says nothing was created and that a new
    session is needed (the call is not repeated under a new log-in)."""
    session = login(server)
    server.queue(operation, EXPIRED)
    with pytest.raises(TicketExpiredError) as caught:
        method(session)
    message = str(caught.value)
    assert message.startswith("[901] Session expired or Invalid ticket")
    assert (
        f"; nothing was created: the server refused the ticket before applying {operation}, "
        "which is not sent again under a new log-in. Authenticate again (client.authenticate) "
        "for a new session, then send it again"
    ) in message
    assert server.logins == 1


def test_an_expired_ticket_on_a_read_does_not_say_nothing_was_created(server: FakeServer) -> None:
    """A read logs in again once; if it expires again, its error does not claim a create."""
    session = login(server)
    server.queue("GetTask", EXPIRED, EXPIRED)
    with pytest.raises(TicketExpiredError) as caught:
        session.get_task(1)
    assert "nothing was created" not in str(caught.value)


@pytest.mark.parametrize("binding", BINDINGS)
def test_an_html_page_at_the_url_hints_at_srv_asmx(server: FakeServer, binding: str) -> None:
    """A web site's page (HTTP 200, HTML) where the service should be says it does not look
    like the infoRouter web service and names /srv.asmx."""
    server.queue(
        "AuthenticateUser",
        httpx.Response(200, text="<!DOCTYPE html><html><body>Welcome</body></html>"),
    )
    with pytest.raises(InvalidResponseError) as caught:
        login(server, binding)
    assert (
        "AuthenticateUser: the answer is an HTML page, not an infoRouter answer; this does not "
        "look like the infoRouter web service: the URL should be its address, ending in "
        "/srv.asmx (https://<server>/srv.asmx)"
    ) in str(caught.value)
    assert str(caught.value).endswith(f"(at {URL})")  # the operation opens the message
    assert caught.value.url == URL


@pytest.mark.parametrize("binding", BINDINGS)
def test_a_404_at_the_url_says_no_service_was_found(server: FakeServer, binding: str) -> None:
    """A 404 at the endpoint says no infoRouter web service was found there, naming /srv.asmx."""
    server.queue(
        "AuthenticateUser",
        httpx.Response(404, text="<html><body>Not Found</body></html>"),
    )
    with pytest.raises(InfoRouterHTTPError) as caught:
        login(server, binding)
    assert (
        "no infoRouter web service was found at that URL: its address ends in /srv.asmx"
    ) in str(caught.value)
    assert str(caught.value).endswith(f"(at {URL})")  # the operation opens the message
    assert caught.value.status_code == 404


def test_calls_on_a_closed_client_raise_client_closed_error(server: FakeServer) -> None:
    """A call on a closed client raises ClientClosedError (an InfoRouterError and a
    RuntimeError), not httpx's RuntimeError, and sends nothing."""
    client = make_client(server)
    client._http.close()
    with pytest.raises(inforouter.ClientClosedError) as caught:
        client.authenticate(USER, PASSWORD)
    assert isinstance(caught.value, InfoRouterError)
    assert isinstance(caught.value, RuntimeError)
    assert "is closed" in str(caught.value)
    assert "nothing was sent: create a new client" in str(caught.value)
    assert server.calls == []


def test_calls_on_a_logged_out_session_raise_client_closed_error(server: FakeServer) -> None:
    """A call after the session logged out raises ClientClosedError naming the fix."""
    session = login(server)
    session.close()
    with pytest.raises(inforouter.ClientClosedError, match="authenticate again for a new session"):
        session.get_task(1)


class CountingStream(httpx.SyncByteStream):
    """A 50 MB body produced one megabyte at a time, counting what was read."""

    def __init__(self) -> None:
        self.chunks_read = 0

    def __iter__(self) -> Iterator[bytes]:
        for _ in range(50):
            self.chunks_read += 1
            yield b"x" * 1_000_000


@pytest.mark.parametrize("binding", ["soap11", "http-post"])
def test_huge_answers_are_cut_off_at_the_cap(server: FakeServer, binding: str) -> None:
    """A 50 MB answer stops being read just past max_response_bytes and raises a typed error."""
    stream = CountingStream()
    session = login(server, binding, max_response_bytes=2_000_000)
    server.queue("GetTask", httpx.Response(200, stream=stream))
    with pytest.raises(InvalidResponseError, match="larger than 2000000 bytes"):
        session.get_task(1)
    assert stream.chunks_read == 3


def test_a_declared_huge_length_is_refused_before_reading(server: FakeServer) -> None:
    """A Content-Length over the cap is refused without reading the body."""
    stream = CountingStream()
    session = login(server, max_response_bytes=1000)
    server.queue(
        "GetTask",
        httpx.Response(200, headers={"Content-Length": "50000000"}, stream=stream),
    )
    with pytest.raises(InvalidResponseError, match="larger than 1000 bytes"):
        session.get_task(1)
    assert stream.chunks_read == 0


# ------------------------------------------------------------------ secrets


@pytest.mark.parametrize("binding", BINDINGS)
def test_ticket_and_password_never_appear_in_logs_reprs_or_errors(
    server: FakeServer, sleeps: list[float], caplog: pytest.LogCaptureFixture, binding: str
) -> None:
    """With DEBUG logging on inforouter, zeep and httpx, a whole session (with retries, a
    re-login, failures that echo the ticket) never shows the ticket or the password."""
    for name in ("inforouter", "zeep", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    errors: list[BaseException] = []
    with login(server, binding) as session:
        server.queue("GetTask", httpx.ReadTimeout("t"), EXPIRED)
        session.get_task(1)
        server.queue("DeleteTask", f'<root success="false" error="Invalid ticket {TICKETS[1]}" />')
        server.queue("CompleteTask", f'<root success="false" error="[903] PWD {PASSWORD}" />')
        server.queue("CreateRelatedTask", httpx.ReadTimeout(f"timed out {TICKETS[1]}"))
        for call in (
            lambda: session.delete_task(1),
            lambda: session.complete_task(1),
            lambda: session.create_related_task(1, RELATED),
        ):
            with pytest.raises(InfoRouterError) as caught:
                call()
            errors.append(caught.value)
        texts = [repr(session), str(session)]
    assert caplog.records  # logging was on
    texts.append(caplog.text)
    texts += [record.getMessage() for record in caplog.records]
    for error in errors:
        texts += [str(error), repr(error)]
        if error.__cause__ is not None:
            texts += [str(error.__cause__), repr(error.__cause__)]
    everything = "\n".join(texts)
    for secret in (*TICKETS, PASSWORD):
        assert secret not in everything
    assert "***" in str(errors[0])
    assert repr(session) == f"Session(user='{USER}', binding='{binding}')"


def test_http_get_warns_that_the_ticket_is_in_the_query_string(server: FakeServer) -> None:
    """binding="http-get" emits TicketInQueryStringWarning (a UserWarning) naming the ticket."""
    http = httpx.Client(transport=httpx.MockTransport(server))
    with pytest.warns(TicketInQueryStringWarning, match="ticket .* query string"):
        InfoRouterClient(URL, binding="http-get", http_client=http)
    assert issubclass(TicketInQueryStringWarning, UserWarning)


@pytest.mark.parametrize("binding", ["soap11", "soap12", "http-post"])
def test_other_bindings_do_not_warn(server: FakeServer, binding: str) -> None:
    """Only http-get warns (pytest turns any warning into an error here)."""
    http = httpx.Client(transport=httpx.MockTransport(server))
    InfoRouterClient(URL, binding=binding, http_client=http)  # type: ignore[arg-type]


# ------------------------------------------------------------------ clients


def test_unknown_binding_is_refused() -> None:
    """An unknown binding raises UnsupportedBindingError, a ValueError."""
    with pytest.raises(UnsupportedBindingError, match="soap11") as caught:
        InfoRouterClient(URL, binding="soap13")  # type: ignore[arg-type]
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("binding", ["http-post", "http-get", "rest"])
def test_async_client_refuses_non_soap_bindings(binding: str) -> None:
    """The async client offers SOAP only: other bindings raise UnsupportedBindingError."""
    with pytest.raises(UnsupportedBindingError, match="InfoRouterClient"):
        AsyncInfoRouterClient(URL, binding=binding)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options", [{"max_retries": -1}, {"max_response_bytes": 0}, {"max_retries": 1.5}]
)
def test_limits_are_checked(options: dict[str, Any]) -> None:
    """Negative retries or a non-positive size cap raise ValueError."""
    with pytest.raises(ValueError, match="must be an int"):
        InfoRouterClient(URL, **options)


def test_the_wsdl_is_parsed_once_and_never_fetched(server: FakeServer) -> None:
    """Clients after the first reuse the parsed WSDL; loading any URL through it is refused."""
    make_client(server)
    before = _wire._document.cache_info()
    for binding in BINDINGS:
        make_client(server, binding)
    assert _wire._document.cache_info().misses == before.misses
    assert server.calls == []
    with pytest.raises(zeep.exceptions.ExternalReferenceForbidden):
        _wire._document().transport.load(f"{URL}?WSDL")


def test_own_http_client_is_closed_and_a_given_one_is_not(server: FakeServer) -> None:
    """close() closes the client's own httpx client only."""
    own = InfoRouterClient(URL)
    with own:
        pass
    assert own._http.is_closed
    given = httpx.Client(transport=httpx.MockTransport(server))
    with InfoRouterClient(URL, http_client=given) as client:
        assert repr(client) == f"InfoRouterClient(url='{URL}', binding='soap11')"
    assert not given.is_closed


def _ssl_context_of(client: InfoRouterClient | AsyncInfoRouterClient) -> ssl.SSLContext:
    context: ssl.SSLContext = client._http._transport._pool._ssl_context  # type: ignore[union-attr]
    return context


@pytest.mark.parametrize("kind", [InfoRouterClient, AsyncInfoRouterClient])
def test_verify_configures_the_clients_own_http_client(
    kind: type[InfoRouterClient | AsyncInfoRouterClient],
) -> None:
    """verify= reaches the TLS context of the HTTP client the constructor creates."""
    assert _ssl_context_of(kind(URL)).verify_mode == ssl.CERT_REQUIRED
    assert _ssl_context_of(kind(URL)) is _ssl_context_of(kind(URL))  # one shared context
    assert _ssl_context_of(kind(URL, verify=False)).verify_mode == ssl.CERT_NONE
    given = ssl.create_default_context()
    assert _ssl_context_of(kind(URL, verify=given)) is given
    bundle = certifi.where()
    assert _ssl_context_of(kind(URL, verify=bundle)).verify_mode == ssl.CERT_REQUIRED


@pytest.mark.parametrize("verify", [False, "/etc/ssl/ca.pem", ssl.create_default_context()])
def test_verify_with_a_given_http_client_is_refused(verify: Any) -> None:
    """verify= configures the client's own HTTP client only: with http_client it is refused."""
    with pytest.raises(TaskRequestError, match="http_client"):
        InfoRouterClient(URL, http_client=httpx.Client(), verify=verify)
    with pytest.raises(TaskRequestError, match="http_client"):
        AsyncInfoRouterClient(URL, http_client=httpx.AsyncClient(), verify=verify)


@pytest.mark.parametrize(
    ("verify", "message"),
    [(1, "verify must be"), (None, "verify must be"), ("/no/such/ca-bundle.pem", "CA bundle")],
)
def test_bad_verify_is_a_task_request_error(verify: Any, message: str) -> None:
    """A verify of the wrong type, or a CA bundle that cannot be loaded, is refused at once."""
    with pytest.raises(TaskRequestError, match=message):
        InfoRouterClient(URL, verify=verify)


def test_timeout_applies_to_every_request(server: FakeServer) -> None:
    """The client's timeout is set on each request, also through a given http_client."""
    login(server, timeout=4.5).get_task(1)
    login(server, "http-get", timeout=httpx.Timeout(2.0, connect=1.0)).get_task(1)
    soap, get = server.calls[1], server.calls[3]
    assert soap.request.extensions["timeout"] == httpx.Timeout(4.5).as_dict()
    assert get.request.extensions["timeout"] == httpx.Timeout(2.0, connect=1.0).as_dict()


def test_operation_table_names_exist_in_the_wsdl() -> None:
    """Every operation the sessions call is an operation of the generated WSDL table."""
    assert {op.name for op in _operations.OPERATIONS} <= set(inforouter_api.OPERATIONS)


def test_every_wsdl_operation_is_exposed_or_deliberately_not() -> None:
    """Each WSDL operation has a public method or a reason in NOT_EXPOSED, never both."""
    exposed = _operations.exposed_operations()
    not_exposed = _operations.NOT_EXPOSED
    assert not set(exposed) & set(not_exposed)
    assert set(exposed) | set(not_exposed) == set(inforouter_api.OPERATIONS)
    assert all(reason.strip() for reason in not_exposed.values())


def test_exposed_operations_name_the_public_methods_that_send_them() -> None:
    """The table maps log-in, log-out and every session method to the operation it sends."""
    exposed = _operations.exposed_operations()
    assert exposed["AuthenticateUser"] == "InfoRouterClient.authenticate"
    assert exposed["LogOut"] == "Session.close"
    for case in CASES:  # each CASE proves, over the wire, which operation its method sends
        assert exposed[case.operation] == f"Session.{case.method}"
    for qualified in exposed.values():
        owner, _, method = qualified.partition(".")
        assert callable(getattr(getattr(inforouter, owner), method))


def test_async_surface_exposes_the_same_operations() -> None:
    """The async client and session send the same operations from methods of the same names."""
    renamed = {"Session.close": "AsyncSession.aclose"}
    expected = {
        name: renamed.get(method, f"Async{method}")
        for name, method in _operations.exposed_operations().items()
    }
    assert _operations.async_exposed_operations() == expected


@pytest.mark.parametrize("name", [op.name for op in _operations.OPERATIONS])
def test_call_arguments_are_the_wsdl_parameters(name: str) -> None:
    """Every argument a call builder sends (the ticket included) is a WSDL parameter."""
    builders: dict[str, Callable[[], _calls.Call[Any]]] = {
        "AuthenticateUser": lambda: _calls.authenticate(USER, PASSWORD),
        "LogOut": _calls.log_out,
        "isValidTicket": _calls.is_valid,
        "GetTask": lambda: _calls.get_task(1),
        "CompleteTask": lambda: _calls.complete_task(1, "done"),
        "DeleteTask": lambda: _calls.delete_task(1),
        "CreateTask": lambda: _calls.create_task("/D/L/a.pdf", TASK),
        "CreateRelatedTask": lambda: _calls.create_related_task(1, RELATED),
        "ReassignTask": lambda: _calls.reassign_task(
            1, "jdoe", datetime.date(2030, 1, 1), "", send_notice=True
        ),
    }
    call = builders[name]()
    assert call.operation.name == name
    parameters = {p.name for p in inforouter_api.OPERATIONS[name].parameters}
    assert set(call.with_ticket(TICKETS[0])) <= parameters
    assert (call.operation.ticket_parameter is None) == (name == "AuthenticateUser")


def test_public_names_equal_all_and_are_sorted() -> None:
    """inforouter exports exactly __all__, sorted, and nothing private."""
    public = {
        name
        for name, value in vars(inforouter).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)  # e.g. .sandbox
    }
    assert public == set(inforouter.__all__)
    assert inforouter.__all__ == sorted(inforouter.__all__, key=lambda n: (not n.isupper(), n))


# ------------------------------------------------------------------ async


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def alogin(server: FakeServer, binding: str = "soap11", **options: Any) -> Any:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    client = AsyncInfoRouterClient(URL, binding=binding, http_client=http, **options)  # type: ignore[arg-type]
    return await client.authenticate(USER, PASSWORD)


@pytest.mark.anyio
@pytest.mark.parametrize("binding", ["soap11", "soap12"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.method)
async def test_async_every_method_on_both_soap_bindings(
    server: FakeServer, binding: str, case: Case
) -> None:
    """Each AsyncSession method sends the same SOAP request as the sync one and returns the
    same typed answer."""
    session = await alogin(server, binding)

    async def run() -> Any:
        return (
            await case.run(session)
            if case.method != "get_task"
            else (await session.get_task(4812)).task_id
        )

    assert await run() == case.result
    authenticate, call = server.calls
    check_wire(authenticate, binding, "AuthenticateUser")
    check_wire(call, binding, case.operation)
    assert call.params == case.params


@pytest.mark.anyio
@pytest.mark.parametrize("binding", ["soap11", "soap12"])
@pytest.mark.parametrize(("user", "password", "named"), BLANK_LOGINS)
async def test_async_blank_logins_are_refused_before_sending(
    server: FakeServer, binding: str, user: str, password: str, named: str
) -> None:
    """The async client refuses an empty or blank user name or password the same way."""
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    client = AsyncInfoRouterClient(URL, binding=binding, http_client=http)  # type: ignore[arg-type]
    with pytest.raises(TaskRequestError, match=f"^{named} must not be empty"):
        await client.authenticate(user, password)
    assert server.calls == []


@pytest.mark.anyio
async def test_async_context_logs_out_and_tolerates_901(server: FakeServer) -> None:
    """Leaving the async block logs out; [901] at logout is not an error."""
    server.queue("LogOut", EXPIRED)
    async with await alogin(server) as session:
        assert await session.is_valid() is True
    assert session.closed
    assert server.operations() == ["AuthenticateUser", "isValidTicket", "LogOut"]


@pytest.mark.anyio
async def test_async_reauthenticates_reads_but_not_creates(server: FakeServer) -> None:
    """Async: [901] re-logs-in for get_task, not for create_related_task."""
    session = await alogin(server)
    server.queue("GetTask", EXPIRED)
    await session.get_task(1)
    server.queue("CreateRelatedTask", EXPIRED)
    with pytest.raises(TicketExpiredError):
        await session.create_related_task(1, RELATED)
    assert server.operations() == [
        "AuthenticateUser",
        "GetTask",
        "AuthenticateUser",
        "GetTask",
        "CreateRelatedTask",
    ]


@pytest.mark.anyio
async def test_async_retries_reads_and_not_creates(server: FakeServer, sleeps: list[float]) -> None:
    """Async: a 503 on get_task is retried; a read timeout on create is OutcomeUnknownError."""
    session = await alogin(server)
    server.queue("GetTask", service_unavailable("2"))
    assert (await session.get_task(1)).task_id == 4812
    assert sleeps == [2.0]
    server.queue("CreateTask", httpx.ReadTimeout("t"))
    with pytest.raises(OutcomeUnknownError):
        await session.create_task("/a/b", TASK)
    assert server.operations().count("CreateTask") == 1


@pytest.mark.anyio
async def test_async_hostile_answers_are_refused(server: FakeServer) -> None:
    """Async: a DOCTYPE answer is refused and an HTML page names its status."""
    session = await alogin(server, max_retries=0)
    server.queue("GetTask", hostile("soap11", "GetTask", BILLION_LAUGHS, GET_TASK))
    with pytest.raises(InvalidResponseError, match="DOCTYPE"):
        await session.get_task(1)
    server.queue("GetTask", httpx.Response(502, content=b"<html>gateway</html>"))
    with pytest.raises(InfoRouterHTTPError, match="HTTP 502"):
        await session.get_task(1)


@pytest.mark.anyio
async def test_async_client_closes_its_own_http_client() -> None:
    """aclose() closes the async client's own httpx client."""
    async with AsyncInfoRouterClient(URL, binding="soap12") as client:
        assert client.binding == "soap12"
    assert client._http.is_closed


@pytest.mark.parametrize("client_class", [InfoRouterClient, AsyncInfoRouterClient])
def test_urls_with_user_info_are_refused_without_echoing_it(client_class: type[Any]) -> None:
    """A URL carrying user:password@ is refused at construction, and the password is not shown."""
    with pytest.raises(TaskRequestError) as caught:
        client_class("https://someone:s3cret-pw@ir.example.com/srv.asmx")
    assert "s3cret-pw" not in str(caught.value)
    assert "user info" in str(caught.value)


def test_info_logging_shows_retries_and_new_log_ins(
    server: FakeServer, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    """What the README's Logging section says the inforouter logger writes at INFO: each retry
    (attempt, error, wait) and a new log-in after an expired ticket, on the "inforouter"
    logger."""
    caplog.set_level(logging.INFO, logger="inforouter")
    session = login(server)
    server.queue("GetTask", httpx.ReadTimeout("timed out"), GET_TASK)
    session.get_task(4812)
    server.queue("GetTask", EXPIRED, GET_TASK)
    session.get_task(4812)
    lines = [(r.name, r.levelname, r.getMessage()) for r in caplog.records]
    assert lines[0][:2] == ("inforouter", "INFO")
    assert lines[0][2].startswith("attempt 1 failed (")
    assert "; retrying in " in lines[0][2]
    assert ("inforouter", "INFO", "GetTask: the ticket expired; authenticating again once") in lines


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.get_task("7" * 5000),
        lambda s: s.create_task("/Dom/" + "x" * 5000 + "\x00.pdf", TASK),
        lambda s: s.create_related_task(456, "y" * 5000),
        lambda s: s.reassign_task(
            4812, to="z" * 5000 + "\x00", new_due_date=datetime.date(2026, 6, 1)
        ),
    ],
    ids=["task-id", "path", "request", "assignee"],
)
def test_long_arguments_give_short_messages(
    server: FakeServer, call: Callable[[Session], object]
) -> None:
    """A 5,000-character argument of a session call is refused before anything is sent, with
    a message that does not repeat it."""
    session = login(server)
    with pytest.raises(TaskRequestError) as caught:
        call(session)
    assert len(str(caught.value)) < 120, str(caught.value)
    assert server.operations() == ["AuthenticateUser"]


def _long(letter: str) -> Any:
    """A 5,000-character value, of whatever type a wrong caller passes."""
    return letter * 5000


@pytest.mark.parametrize(
    ("build", "start"),
    [
        (lambda: InfoRouterClient(URL, binding=_long("b")), "binding must be one of soap11, "),
        (
            lambda: RelatedTaskRequest("jdoe", "i", datetime.date(2026, 6, 1), _long("p")),
            "priority must be a Priority, not ",
        ),
        (lambda: TaskRequirement(_long("r")), "type must be a RequirementType, not "),
    ],
    ids=["binding", "priority", "requirement"],
)
def test_long_user_values_are_quoted_by_their_start(
    build: Callable[[], object], start: str
) -> None:
    """A 5,000-character value a message quotes is cut to its start and its length."""
    with pytest.raises(InfoRouterError) as caught:
        build()
    message = str(caught.value)
    assert message.startswith(start)
    assert message.endswith("...' (5000 characters)")
    assert len(message) < 200
