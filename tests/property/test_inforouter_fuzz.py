"""Fuzzing the infoRouter client's public API: arbitrary arguments everywhere.

Every public constructor (`TaskRequirement`, `RelatedTaskRequest`, `TaskRequest`,
`InfoRouterClient`, `AsyncInfoRouterClient`) and every argument of `authenticate` and of
every `Session`/`AsyncSession` method gets valid values, some replaced by hostile ones
(wrong types, NaN, huge and negative ints, control characters and lone surrogates, aware
datetimes, None; see `tests.strategies.hostile_values`), plus `st.from_type` of
each annotation where Hypothesis can build it.

An oracle written from the docstrings says whether the arguments are valid. Valid ones
must work; invalid ones must raise a documented `ValueError` subclass before any request
is sent: `UnsupportedBindingError` for a binding, `TaskRequestError` for everything else.
Wrong types included: the package documents TaskRequestError for them ("never TypeError",
`TaskRequestError` and the constructors' docstrings), so a TypeError fails these tests.
The sessions send through an `httpx.MockTransport` that fails the test if any request
arrives while the arguments are invalid.
"""

from __future__ import annotations

import asyncio
import datetime
import math
import typing
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from inforouter import (
    AsyncInfoRouterClient,
    AsyncSession,
    InfoRouterClient,
    InsecureTransportWarning,
    InvalidResponseError,
    Priority,
    RelatedTaskRequest,
    RequirementType,
    RightType,
    Session,
    TaskRequest,
    TaskRequestError,
    TaskRequirement,
    TicketInQueryStringWarning,
    UnsupportedBindingError,
)

from tests.strategies import (
    INT_MAX,
    NOT_XML,
    due_dates,
    hours,
    login_names,
    near_misses,
    related_task_requests,
    requirement_lists,
    task_requests,
    task_requirements,
    xml_text,
)
from tests.strategies import arguments as fuzzed
from tests.strategies import hostile_values as hostile

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SYNC_BINDINGS = ("soap11", "soap12", "http-post", "http-get")
ASYNC_BINDINGS = ("soap11", "soap12")
URL = "https://docs.example.com/srv.asmx"
TIMEOUT_MAX = 86_400  # documented: "seconds (above 0, at most a day)"

# --------------------------------------------------------------------------- the oracle


def is_text(value: object) -> bool:
    """A str XML 1.0 can carry."""
    return isinstance(value, str) and NOT_XML.search(value) is None


def is_name(value: object) -> bool:
    """A login name or path: XML-safe text that is not blank."""
    return is_text(value) and bool(str(value).strip())


def is_int(value: object, minimum: int, maximum: float = INT_MAX) -> bool:
    """An int (not a bool) in range."""
    return isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum


def is_count(value: object) -> bool:
    return is_int(value, 0)


def is_task_id(value: object) -> bool:
    return is_int(value, 1)


def is_due(value: object) -> bool:
    """A date, or a datetime without a UTC offset."""
    if isinstance(value, datetime.datetime):
        return value.utcoffset() is None
    return isinstance(value, datetime.date)


def is_bool(value: object) -> bool:
    return isinstance(value, bool)


def is_optional_text(value: object) -> bool:
    return value is None or is_text(value)


def is_requirements(value: object) -> bool:
    """An iterable of TaskRequirement (not a string)."""
    return (
        isinstance(value, Iterable)
        and not isinstance(value, (str, bytes))
        and all(isinstance(item, TaskRequirement) for item in value)
    )


def instance_of(kind: type) -> Callable[[object], bool]:
    return lambda value: isinstance(value, kind)


def is_url(value: object) -> bool:
    """An absolute http(s) URL with a host and a valid port."""
    if not isinstance(value, str):
        return False
    try:
        url = httpx.URL(value)
        port = url.port
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return False
    return url.scheme in {"http", "https"} and bool(url.host) and (port is None or 0 < port < 65536)


def is_timeout(value: object) -> bool:
    """Seconds above 0 and at most a day, or an httpx.Timeout."""
    if isinstance(value, httpx.Timeout):
        return True
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    try:
        seconds = float(value)
    except OverflowError:
        return False
    return not math.isnan(seconds) and 0 < seconds <= TIMEOUT_MAX


def outcome(call: Callable[[], Any]) -> Any:
    """What a call returned, or the exception it raised."""
    try:
        return call()
    except Exception as error:
        return error


def check(result: object, valid: bool, kind: type | tuple[type, ...]) -> None:
    """Valid arguments give a result; invalid ones a TaskRequestError, nothing else."""
    if valid:
        assert isinstance(result, kind), f"valid arguments failed: {result!r}"
    else:
        assert isinstance(result, TaskRequestError), f"invalid arguments gave {result!r}"


def wrong_by_type(target: Callable[..., Any], *skip: str) -> dict[str, st.SearchStrategy[Any]]:
    """Per annotated parameter: ``st.from_type`` of its annotation, and near misses of it."""
    hints = typing.get_type_hints(target)
    return {
        name: st.one_of(st.from_type(hint), near_misses(hint))
        for name, hint in hints.items()
        if name not in {*skip, "return"}
    }


# --------------------------------------------------------------------------- request models

REQUIREMENT_VALID = {
    "type": st.sampled_from(RequirementType),
    "object_id": st.integers(1, INT_MAX),
    "definition": xml_text,
}
REQUIREMENT_ORACLE = {
    "type": instance_of(RequirementType),
    "object_id": is_count,
    "definition": is_text,
}
# Mixed lists, strings and other iterables for ``requirements``.
REQUIREMENTS_WRONG = st.one_of(
    st.lists(st.one_of(task_requirements(), hostile), min_size=1, max_size=3),
    st.sets(st.integers(), max_size=2),
    xml_text,
)
RELATED_VALID = {
    "assignee": login_names,
    "instructions": xml_text,
    "due_date": due_dates,
    "priority": st.sampled_from(Priority),
    "requirements": requirement_lists,
    "reminder_hours": hours,
    "allowed_start_hours": hours,
    "send_notice": st.booleans(),
}
RELATED_ORACLE = {
    "assignee": is_name,
    "instructions": is_text,
    "due_date": is_due,
    "priority": instance_of(Priority),
    "requirements": is_requirements,
    "reminder_hours": is_count,
    "allowed_start_hours": is_count,
    "send_notice": is_bool,
}
TASK_VALID = {
    **RELATED_VALID,
    "right_type": st.sampled_from(RightType),
    "can_change_due_date": st.booleans(),
    "can_edit": st.booleans(),
    "can_change_priority": st.booleans(),
    "can_change_finish_date": st.booleans(),
    "send_task_notice": st.booleans(),
    "on_complete_notification": st.booleans(),
}
del TASK_VALID["send_notice"]
TASK_ORACLE = {
    **{name: RELATED_ORACLE[name] for name in RELATED_VALID if name != "send_notice"},
    "right_type": instance_of(RightType),
    "can_change_due_date": is_bool,
    "can_edit": is_bool,
    "can_change_priority": is_bool,
    "can_change_finish_date": is_bool,
    "send_task_notice": is_bool,
    "on_complete_notification": is_bool,
}


def valid_by(oracle: dict[str, Callable[[object], bool]], kwargs: dict[str, Any]) -> bool:
    return all(oracle[name](value) for name, value in kwargs.items())


_T = typing.TypeVar("_T", bound=Callable[..., Any])


def with_mistakes(base: dict[str, Any], *mistakes: dict[str, Any]) -> Callable[[_T], _T]:
    """Always try these known mistakes too, each one change to valid ``base`` arguments
    (random fuzzing finds a given one only now and then)."""

    def decorate(test: _T) -> _T:
        for mistake in mistakes:
            test = example({**base, **mistake})(test)
        return test

    return decorate


AWARE = datetime.datetime(2026, 5, 15, tzinfo=datetime.UTC)
DUE = datetime.date(2026, 5, 15)
RELATED_BASE = {
    "assignee": "jdoe",
    "instructions": "Review",
    "due_date": DUE,
    "priority": Priority.NORMAL,
    "requirements": (),
    "reminder_hours": 0,
    "allowed_start_hours": 0,
    "send_notice": True,
}
TASK_BASE = {
    **{k: v for k, v in RELATED_BASE.items() if k != "send_notice"},
    "right_type": RightType.READ,
    "can_edit": False,
    "send_task_notice": True,
}
COMMON_MISTAKES = (
    {"reminder_hours": True},
    {"allowed_start_hours": INT_MAX + 1},
    {"reminder_hours": -1},
    {"priority": "Normal"},
    {"due_date": AWARE},
    {"due_date": "2026-05-15T00:00:00"},
    {"requirements": "Approval"},
    {"requirements": [RequirementType.APPROVAL]},
    {"assignee": " "},
    {"instructions": "bad \x00"},
    {"instructions": "lone \ud800"},
)


@FUZZ
@given(fuzzed(REQUIREMENT_VALID, wrong_by_type(TaskRequirement)))
@with_mistakes(
    {"type": RequirementType.APPROVAL, "object_id": 0, "definition": ""},
    {"object_id": True},
    {"object_id": -1},
    {"type": "Approval"},
    {"type": RequirementType.FORM_TEMPLATE},
    {"definition": None},
)
def test_task_requirement_accepts_valid_and_refuses_invalid(kwargs: dict[str, Any]) -> None:
    """TaskRequirement builds from valid arguments (a FormTemplate needs object_id >= 1)
    and raises TaskRequestError for anything else."""
    valid = valid_by(REQUIREMENT_ORACLE, kwargs)
    if kwargs["type"] is RequirementType.FORM_TEMPLATE and kwargs["object_id"] == 0:
        valid = False
    event(f"{'valid' if valid else 'invalid'} arguments")
    result = outcome(lambda: TaskRequirement(**kwargs))
    check(result, valid, TaskRequirement)
    if valid:
        assert TaskRequirement.from_xml(result.to_xml()) == result


@FUZZ
@given(
    fuzzed(
        RELATED_VALID,
        {**wrong_by_type(RelatedTaskRequest, "requirements"), "requirements": REQUIREMENTS_WRONG},
    )
)
@with_mistakes(RELATED_BASE, *COMMON_MISTAKES, {"send_notice": 1})
def test_related_task_request_accepts_valid_and_refuses_invalid(kwargs: dict[str, Any]) -> None:
    """RelatedTaskRequest builds (and round-trips) from valid arguments and raises
    TaskRequestError for any wrong type or value."""
    valid = valid_by(RELATED_ORACLE, kwargs)
    event(f"{'valid' if valid else 'invalid'} arguments")
    result = outcome(lambda: RelatedTaskRequest(**kwargs))
    check(result, valid, RelatedTaskRequest)
    if isinstance(result, RelatedTaskRequest):
        assert RelatedTaskRequest.from_xml(result.to_xml()) == result


@FUZZ
@given(
    fuzzed(
        TASK_VALID,
        {**wrong_by_type(TaskRequest, "requirements"), "requirements": REQUIREMENTS_WRONG},
    )
)
@with_mistakes(TASK_BASE, *COMMON_MISTAKES, {"right_type": "READ"}, {"can_edit": 1})
def test_task_request_accepts_valid_and_refuses_invalid(kwargs: dict[str, Any]) -> None:
    """TaskRequest builds (and round-trips) from valid arguments and raises TaskRequestError
    for any wrong type or value."""
    valid = valid_by(TASK_ORACLE, kwargs)
    event(f"{'valid' if valid else 'invalid'} arguments")
    result = outcome(lambda: TaskRequest(**kwargs))
    check(result, valid, TaskRequest)
    if isinstance(result, TaskRequest):
        assert TaskRequest.from_xml(result.to_xml()) == result


@FUZZ
@given(st.data())
def test_models_from_type_build_or_raise_task_request_error(data: st.DataObject) -> None:
    """Whatever st.from_type builds for each model from its annotations is a valid model or
    a TaskRequestError."""
    for model in (TaskRequirement, RelatedTaskRequest, TaskRequest):
        try:
            value = data.draw(st.from_type(model))
        except TaskRequestError:
            continue
        assert isinstance(value, model)
        assert model.from_xml(value.to_xml()) == value


# --------------------------------------------------------------------------- a canned server

TEMPURI = "http://tempuri.org/"
SOAP = {
    "text/xml": "http://schemas.xmlsoap.org/soap/envelope/",
    "application/soap+xml": "http://www.w3.org/2003/05/soap-envelope",
}
ANSWERS = {
    "AuthenticateUser": '<root xmlns="" success="true" ticket="T-1" />',
    "CreateRelatedTask": '<response xmlns="" success="true"><Value><TaskId>789</TaskId>'
    "<RedirectedUserName/></Value></response>",
    "ReassignTask": '<response xmlns="" success="true"><Value><TaskId>790</TaskId></Value>'
    "</response>",
    "GetTask": '<root xmlns="" success="true"><Task><TaskID>456</TaskID></Task></root>',
}
ANSWERS["CreateTask"] = ANSWERS["CreateRelatedTask"]
OK = '<root xmlns="" success="true" />'


@dataclass
class Guard:
    """Records what reaches the server; refuses any request while ``armed``."""

    armed: bool = False
    sent: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def reset(self, *, armed: bool) -> None:
        self.armed = armed
        self.sent.clear()
        self.refused.clear()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        content_type = request.headers.get("content-type", "")
        action = request.headers.get("soapaction", "") or content_type
        soap = next((ns for kind, ns in SOAP.items() if content_type.startswith(kind)), None)
        if "tempuri.org/" in action:
            operation = action.split("tempuri.org/", 1)[1].split('"', 1)[0]
        else:
            operation = request.url.path.rpartition("/")[2]
        if self.armed:
            self.refused.append(operation)
            raise AssertionError(f"{operation} was sent although the arguments are invalid")
        self.sent.append(operation)
        inner = ANSWERS.get(operation, OK)
        if soap is None:
            return httpx.Response(200, content=inner.encode())
        body = (
            f'<s:Envelope xmlns:s="{soap}"><s:Body><{operation}Response xmlns="{TEMPURI}">'
            f"<{operation}Result>{inner}</{operation}Result></{operation}Response></s:Body>"
            "</s:Envelope>"
        )
        return httpx.Response(200, content=body.encode())


GUARD = Guard()
SYNC_HTTP = httpx.Client(transport=httpx.MockTransport(GUARD))
ASYNC_HTTP = httpx.AsyncClient(transport=httpx.MockTransport(GUARD))
RUNNER = asyncio.Runner()


@pytest.fixture(scope="module", autouse=True)
def _close_module_clients() -> Iterator[None]:
    yield
    SYNC_HTTP.close()
    RUNNER.run(ASYNC_HTTP.aclose())
    RUNNER.close()


def run(value: Any) -> Any:
    """Await a coroutine on the module's event loop; pass anything else through."""
    return RUNNER.run(value) if asyncio.iscoroutine(value) else value


# --------------------------------------------------------------------------- clients

URLS = st.builds(
    "http{}://{}:{}/srv.asmx".format,
    st.sampled_from(["", "s"]),
    st.sampled_from(["127.0.0.1", "docs.example.com", "[::1]"]),
    st.integers(1, 65535),
)
WRONG_URLS = st.one_of(
    st.sampled_from(
        [
            "",
            "srv.asmx",
            "ftp://docs.example.com/srv.asmx",
            "http:///srv.asmx",
            "http://h:0/srv.asmx",
            "http://h:65536/srv.asmx",
            "http://h/\ud800",
            "http://h/\x00",
            "http://[::1/srv.asmx",
            b"http://h/srv.asmx",
        ]
    ),
    st.text(max_size=20).map("http://{}".format),
    st.text(max_size=20),
)
WRONG_TIMEOUTS = st.one_of(
    st.sampled_from([0, -1, 0.0, math.nan, math.inf, TIMEOUT_MAX + 0.5, 1e10, 10**400, None, "5"]),
    st.floats(),
)


def client_arguments(bindings: tuple[str, ...], http: object) -> st.SearchStrategy[Any]:
    valid = {
        "url": URLS,
        "binding": st.sampled_from(bindings),
        "timeout": st.one_of(
            st.floats(min_value=0.001, max_value=TIMEOUT_MAX),
            st.integers(1, TIMEOUT_MAX),
            st.just(httpx.Timeout(5.0, connect=1.0)),
        ),
        "http_client": st.sampled_from([http, None]),
        "max_retries": st.integers(0, 10),
        # Below or well above the size of a log-in answer (45 to 400 bytes).
        "max_response_bytes": st.one_of(st.integers(1, 40), st.integers(4096, 2**40)),
    }
    wrong = {
        "url": WRONG_URLS,
        "binding": st.one_of(st.sampled_from(["SOAP11", "soap13", "http_get", "rest"]), st.text()),
        "timeout": WRONG_TIMEOUTS,
        "http_client": st.sampled_from([SYNC_HTTP, ASYNC_HTTP, "http://h/"]),
        "max_retries": st.one_of(st.integers(max_value=-1), st.just(True)),
        "max_response_bytes": st.one_of(st.integers(max_value=0), st.just(False)),
    }
    return fuzzed(valid, wrong)


def check_client(
    factory: type[InfoRouterClient | AsyncInfoRouterClient],
    bindings: tuple[str, ...],
    http_kind: type,
    mock: object,
    kwargs: dict[str, Any],
) -> None:
    """The shared property of both client constructors."""
    kwargs = dict(kwargs)
    url = kwargs.pop("url")
    binding_ok = isinstance(kwargs["binding"], str) and kwargs["binding"] in bindings
    valid = (
        binding_ok
        and is_url(url)
        and is_timeout(kwargs["timeout"])
        and (kwargs["http_client"] is None or isinstance(kwargs["http_client"], http_kind))
        and is_int(kwargs["max_retries"], 0, math.inf)
        and is_int(kwargs["max_response_bytes"], 1, math.inf)
    )
    event(f"{'valid' if valid else 'invalid'} options")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = outcome(lambda: factory(url, **kwargs))
    if not binding_ok:
        assert isinstance(result, UnsupportedBindingError), repr(result)
        return
    check(result, valid, factory)
    warned = [w.category for w in caught]
    assert warned == (
        [TicketInQueryStringWarning] if valid and kwargs["binding"] == "http-get" else []
    )
    if not valid:
        return
    GUARD.reset(armed=False)
    if kwargs["http_client"] is mock:  # usable: a log-in goes through the canned server
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            session = outcome(lambda: run(result.authenticate("jdoe", "jdoe-password")))
        # http:// off this machine sends the password in clear: said once, before sending.
        in_clear = url.startswith("http://docs.example.com")
        assert [w.category for w in caught] == ([InsecureTransportWarning] if in_clear else [])
        if kwargs["max_response_bytes"] >= 4096:
            assert isinstance(session, (Session, AsyncSession)), repr(session)
        else:  # the answer is over the cap
            assert isinstance(session, InvalidResponseError), repr(session)
            assert "larger than" in str(session)
        assert GUARD.sent == ["AuthenticateUser"]
    close: Callable[[], object] = (
        result.close if isinstance(result, InfoRouterClient) else result.aclose
    )
    run(close())


CLIENT_BASE = {
    "url": URL,
    "binding": "soap11",
    "timeout": 5,
    "max_retries": 0,
    "max_response_bytes": 4096,
}
CLIENT_MISTAKES = (
    {"url": b"http://h/srv.asmx"},
    {"url": "docs.example.com/srv.asmx"},
    {"url": "http://h/\ud800"},
    {"url": "http://h:99999/srv.asmx"},
    {"timeout": True},
    {"timeout": math.nan},
    {"timeout": 1e10},
    {"timeout": None},
    {"max_retries": True},
    {"max_retries": 1.0},
    {"max_response_bytes": 0},
    {"http_client": "http://h/"},
)


@FUZZ
@given(client_arguments(SYNC_BINDINGS, SYNC_HTTP))
@with_mistakes(
    {**CLIENT_BASE, "http_client": SYNC_HTTP},
    *CLIENT_MISTAKES,
    {"http_client": ASYNC_HTTP},
    {"binding": "SOAP11"},
)
def test_info_router_client_accepts_valid_and_refuses_invalid(kwargs: dict[str, Any]) -> None:
    """InfoRouterClient builds a usable client from valid options (warning only for
    http-get), and raises UnsupportedBindingError for a bad binding and TaskRequestError for
    any other wrong type or value, before anything is sent."""
    check_client(InfoRouterClient, SYNC_BINDINGS, httpx.Client, SYNC_HTTP, kwargs)


@FUZZ
@given(client_arguments(ASYNC_BINDINGS, ASYNC_HTTP))
@with_mistakes(
    {**CLIENT_BASE, "binding": "soap12", "http_client": ASYNC_HTTP},
    *CLIENT_MISTAKES,
    {"http_client": SYNC_HTTP},
    {"binding": "http-post"},
)
def test_async_client_accepts_valid_and_refuses_invalid(kwargs: dict[str, Any]) -> None:
    """AsyncInfoRouterClient builds a usable client from valid options, and raises
    UnsupportedBindingError for a non-SOAP binding and TaskRequestError for any other wrong
    type or value, before anything is sent."""
    check_client(AsyncInfoRouterClient, ASYNC_BINDINGS, httpx.AsyncClient, ASYNC_HTTP, kwargs)


# --------------------------------------------------------------------------- session methods

MODES = [("sync", b) for b in SYNC_BINDINGS] + [("async", b) for b in ASYNC_BINDINGS]
_sessions: dict[tuple[str, str], Session | AsyncSession] = {}


def session_for(mode: tuple[str, str]) -> Session | AsyncSession:
    """One logged-in session per mode and binding, over the canned server."""
    if mode not in _sessions:
        GUARD.reset(armed=False)
        kind, binding = mode
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", TicketInQueryStringWarning)
            client: Any = (
                InfoRouterClient(URL, binding=binding, http_client=SYNC_HTTP)  # type: ignore[arg-type]
                if kind == "sync"
                else AsyncInfoRouterClient(URL, binding=binding, http_client=ASYNC_HTTP)  # type: ignore[arg-type]
            )
        _sessions[mode] = run(client.authenticate("jdoe", "jdoe-password"))
    return _sessions[mode]


@dataclass(frozen=True)
class Method:
    """A session method: its operation, valid arguments, likely wrong ones, and the oracle."""

    operation: str
    valid: dict[str, st.SearchStrategy[Any]]
    wrong: dict[str, st.SearchStrategy[Any]]
    oracle: dict[str, Callable[[object], bool]]


TASK_IDS = st.integers(1, INT_MAX)
METHODS = {
    "create_related_task": Method(
        "CreateRelatedTask",
        {"parent_task_id": TASK_IDS, "request": related_task_requests},
        {**wrong_by_type(Session.create_related_task, "request"), "request": task_requests},
        {"parent_task_id": is_task_id, "request": instance_of(RelatedTaskRequest)},
    ),
    "create_task": Method(
        "CreateTask",
        {"document_path": login_names, "request": task_requests},
        {**wrong_by_type(Session.create_task, "request"), "request": related_task_requests},
        {"document_path": is_name, "request": instance_of(TaskRequest)},
    ),
    "complete_task": Method(
        "CompleteTask",
        {"task_id": TASK_IDS, "comments": st.one_of(st.none(), xml_text)},
        wrong_by_type(Session.complete_task),
        {"task_id": is_task_id, "comments": is_optional_text},
    ),
    "delete_task": Method(
        "DeleteTask",
        {"task_id": TASK_IDS},
        wrong_by_type(Session.delete_task),
        {"task_id": is_task_id},
    ),
    "get_task": Method(
        "GetTask", {"task_id": TASK_IDS}, wrong_by_type(Session.get_task), {"task_id": is_task_id}
    ),
    "reassign_task": Method(
        "ReassignTask",
        {
            "task_id": TASK_IDS,
            "to": login_names,
            "new_due_date": due_dates,
            "new_instructions": xml_text,
            "send_notice": st.booleans(),
        },
        wrong_by_type(Session.reassign_task),
        {
            "task_id": is_task_id,
            "to": is_name,
            "new_due_date": is_due,
            "new_instructions": is_text,
            "send_notice": is_bool,
        },
    ),
}
CALLS = st.one_of(
    *(st.tuples(st.just(name), fuzzed(m.valid, m.wrong)) for name, m in METHODS.items())
)


RELATED = RelatedTaskRequest("jdoe", "Review", DUE)
TASK = TaskRequest("jdoe", "Review", DUE)
SESSION_MISTAKES = [
    ("get_task", {"task_id": True}),
    ("get_task", {"task_id": 0}),
    ("delete_task", {"task_id": INT_MAX + 1}),
    ("delete_task", {"task_id": 7.0}),
    ("complete_task", {"task_id": 7, "comments": b"done"}),
    ("complete_task", {"task_id": 7, "comments": "\x1b[31m"}),
    ("create_related_task", {"parent_task_id": 456, "request": TASK}),
    ("create_related_task", {"parent_task_id": "456", "request": RELATED}),
    ("create_task", {"document_path": "", "request": TASK}),
    ("create_task", {"document_path": "/a/b.pdf", "request": RELATED}),
    (
        "reassign_task",
        {
            "task_id": 7,
            "to": "asmith",
            "new_due_date": AWARE,
            "new_instructions": "",
            "send_notice": True,
        },
    ),
    (
        "reassign_task",
        {"task_id": 7, "to": " ", "new_due_date": DUE, "new_instructions": "", "send_notice": True},
    ),
    (
        "reassign_task",
        {
            "task_id": 7,
            "to": "asmith",
            "new_due_date": DUE,
            "new_instructions": "",
            "send_notice": "no",
        },
    ),
]


def with_session_mistakes(test: _T) -> _T:
    """Always try the known session mistakes, on the first and the last mode."""
    for number, call in enumerate(SESSION_MISTAKES):
        test = example(mode=MODES[-(number % 2)], call=call)(test)
    return test


@FUZZ
@given(mode=st.sampled_from(MODES), call=CALLS)
@with_session_mistakes
def test_session_methods_refuse_invalid_arguments_before_sending(
    mode: tuple[str, str], call: tuple[str, dict[str, Any]]
) -> None:
    """Every Session and AsyncSession method, on every binding, sends exactly one request
    for valid arguments, and raises TaskRequestError without sending anything for a wrong
    type or value in any argument."""
    name, kwargs = call
    method = METHODS[name]
    session = session_for(mode)
    valid = valid_by(method.oracle, kwargs)
    event(f"{'valid' if valid else 'invalid'} arguments")
    GUARD.reset(armed=not valid)
    result = outcome(lambda: run(getattr(session, name)(**kwargs)))
    assert GUARD.refused == []
    if valid:
        assert not isinstance(result, Exception), f"valid arguments failed: {result!r}"
        assert GUARD.sent == [method.operation]
    else:
        assert isinstance(result, TaskRequestError), f"invalid arguments gave {result!r}"
        assert GUARD.sent == []


@FUZZ
@given(
    mode=st.sampled_from(MODES),
    kwargs=fuzzed(
        {"user": login_names, "password": login_names},
        wrong_by_type(InfoRouterClient.authenticate),
    ),
)
def test_authenticate_refuses_invalid_credentials_before_sending(
    mode: tuple[str, str], kwargs: dict[str, Any]
) -> None:
    """authenticate logs in with any XML-safe user and password that is not blank, and raises
    TaskRequestError without sending anything for a non-str, blank or XML-forbidden one."""
    kind, binding = mode
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TicketInQueryStringWarning)
        client: Any = (
            InfoRouterClient(URL, binding=binding, http_client=SYNC_HTTP)  # type: ignore[arg-type]
            if kind == "sync"
            else AsyncInfoRouterClient(URL, binding=binding, http_client=ASYNC_HTTP)  # type: ignore[arg-type]
        )
    valid = is_name(kwargs["user"]) and is_name(kwargs["password"])
    event(f"{'valid' if valid else 'invalid'} credentials")
    GUARD.reset(armed=not valid)
    result = outcome(lambda: run(client.authenticate(**kwargs)))
    assert GUARD.refused == []
    if valid:
        assert isinstance(result, (Session, AsyncSession)), repr(result)
        assert GUARD.sent == ["AuthenticateUser"]
    else:
        assert isinstance(result, TaskRequestError), repr(result)
        assert GUARD.sent == []
