"""Fuzzing the public surface of ``hotdocs_advance`` with arbitrary, mostly hostile, inputs.

Every constructor and every client method argument gets values of the wrong type, None, huge
ints, NaN and infinities, text with control characters and lone surrogates, invalid GUIDs,
non-http URLs, datetimes, over-deep and mixed lists. Each call either works or raises a
documented ``ValueError`` subclass (``InvalidArgumentError``, ``AnswerSetError``; ``TypeError``
where a docstring says so), and a request reaches the ``httpx.MockTransport`` only when an
independent oracle judges every argument valid.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Callable
from typing import Any, cast

import httpx
import pytest
from hotdocs_advance import (
    AdvanceClient,
    AnswerKind,
    AnswerSet,
    AnswerSetError,
    AsyncAdvanceClient,
    InvalidArgumentError,
    MultipleChoice,
    ServicePrincipal,
    Unanswered,
    validate_answer_xml,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import (
    answers_values,
    anything,
    auth_urls,
    auths,
    base_urls,
    flags,
    fuzz_texts,
    guids,
    hostile_text,
    method_calls,
    retries,
    sometimes,
    timeouts,
    urls,
)

GROUP = uuid.UUID("cb97f8d6-04a1-490a-aa09-92af12dfb305")
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DOCUMENTED = (InvalidArgumentError, AnswerSetError)

# --------------------------------------------------------------------------- the oracle


def is_guid(value: object) -> bool:
    if isinstance(value, uuid.UUID):
        return value.int != 0
    if type(value) is not str:
        return False
    try:
        return uuid.UUID(value.strip()).int != 0
    except ValueError:
        return False


def is_text(value: object) -> bool:
    if type(value) is not str or not value.strip():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_url(value: object) -> bool:
    if type(value) is not str:
        return False
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, UnicodeEncodeError):
        return False
    return url.scheme in ("http", "https") and bool(url.host)


def is_answers(value: object) -> bool:
    if isinstance(value, AnswerSet):
        return True
    if type(value) is not str:
        return False
    try:
        validate_answer_xml(value)
    except AnswerSetError:
        return False
    return True


def optional(check: Callable[[object], bool]) -> Callable[[object], bool]:
    return lambda value: value is None or check(value)


def is_flag(value: object) -> bool:
    return type(value) is bool


def is_seconds(value: object) -> bool:
    if type(value) not in (int, float):
        return False
    return 0 < cast("float", value) <= 86_400


seconds = st.floats(min_value=0.001, max_value=3600)
CALLBACK = {
    "callback_url": (st.one_of(st.none(), urls), optional(is_url)),
    "callback_secret": (st.one_of(st.none(), fuzz_texts), optional(is_text)),
}


# Each method: its arguments with a valid strategy and the oracle's check for each.
METHODS: dict[str, dict[str, tuple[st.SearchStrategy[object], Callable[[object], bool]]]] = {
    "create_work_item": {
        "name": (fuzz_texts, is_text),
        "work_group_id": (guids, is_guid),
        "template_package_id": (guids, is_guid),
        "answers": (st.one_of(st.none(), answers_values), optional(is_answers)),
        "description": (st.one_of(st.none(), fuzz_texts), optional(is_text)),
        "assemble_immediately": (st.one_of(st.none(), flags), optional(is_flag)),
        "complete_assembly_session": (st.one_of(st.none(), flags), optional(is_flag)),
        "is_private_to_owner": (st.one_of(st.none(), flags), optional(is_flag)),
        "work_item_id": (st.one_of(st.none(), guids), optional(is_guid)),
    },
    "get_work_item": {"work_item_id": (guids, is_guid)},
    "begin_assembly_session": {
        "work_item_id": (guids, is_guid),
        "version_id": (st.one_of(st.none(), guids), optional(is_guid)),
        "answers": (st.one_of(st.none(), answers_values), optional(is_answers)),
        "force_create": (flags, is_flag),
    },
    "save_assembly_session": {"work_item_id": (guids, is_guid)},
    "complete_assembly_session": {
        "work_item_id": (guids, is_guid),
        "run_assembly": (flags, is_flag),
    },
    "save_and_close": {
        "work_item_id": (guids, is_guid),
        "version_id": (guids, is_guid),
        "callback_url": (st.one_of(st.none(), urls), optional(is_url)),
        "callback_secret": (st.one_of(st.none(), fuzz_texts), optional(is_text)),
    },
    "get_version_status": {"work_item_id": (guids, is_guid), "version_id": (guids, is_guid)},
    # v2.0 versions (issue 14)
    "create_version": {
        "work_item_id": (guids, is_guid),
        "version_id": (st.one_of(st.none(), guids), optional(is_guid)),
        "answers": (st.one_of(st.none(), answers_values), optional(is_answers)),
        "force_create": (flags, is_flag),
        **CALLBACK,
    },
    "complete_version": {
        "work_item_id": (guids, is_guid),
        "version_id": (guids, is_guid),
        **CALLBACK,
    },
    "create_and_assemble": {
        "work_item_id": (guids, is_guid),
        "version_id": (st.one_of(st.none(), guids), optional(is_guid)),
        "answers": (st.one_of(st.none(), answers_values), optional(is_answers)),
        "force_create": (flags, is_flag),
        **CALLBACK,
    },
    "wait_for_version": {
        "work_item_id": (guids, is_guid),
        "version_id": (guids, is_guid),
        "timeout": (seconds, is_seconds),
        "poll_interval": (seconds, is_seconds),
    },
    "create_public_interview_link": {
        "name": (fuzz_texts, is_text),
        "template_package_id": (guids, is_guid),
        "work_group_id": (guids, is_guid),
        "is_active": (flags, is_flag),
        "link_id": (st.one_of(st.none(), guids), optional(is_guid)),
    },
    "get_public_interview_link": {"link_id": (guids, is_guid)},
    "delete_public_interview_link": {"link_id": (guids, is_guid)},
}


# The valid-value half of METHODS, for method_calls.
VALID_ARGUMENTS = {
    method: {name: strategy for name, (strategy, _) in arguments.items()}
    for method, arguments in METHODS.items()
}


def valid(method: str, kwargs: dict[str, object]) -> bool:
    """The oracle: whether every argument of a call is valid, judged apart from the client."""
    if not all(METHODS[method][name][1](value) for name, value in kwargs.items()):
        return False
    return not (kwargs.get("callback_secret") is not None and kwargs.get("callback_url") is None)


# --------------------------------------------------------------------------- the transport

ITEM = {"id": str(uuid.UUID(int=7)), "name": "n", "workGroupId": str(GROUP)}
SESSION = {
    "hdaSessionId": str(uuid.UUID(int=8)),
    "coreSessionId": str(uuid.UUID(int=9)),
    "interviewJsUrl": "https://example.com/interview.js",
}


def answer(request: httpx.Request) -> httpx.Response:
    """A documented success answer for every operation."""
    path = request.url.path
    if request.method == "DELETE":
        return httpx.Response(204)
    if request.method == "GET":
        if path.endswith("/Status"):
            return httpx.Response(200, json={"status": "Saved"})
        return httpx.Response(200, json=ITEM)
    if path.endswith("/SaveAndClose"):
        return httpx.Response(200, json={"status": "Saved"})
    if "/v2.0/" in path:  # create, Complete, CreateAndAssemble
        return httpx.Response(202, json={"status": "Completing"})
    if "/Versions/" in path and not path.endswith("Session"):
        return httpx.Response(200, json=SESSION)
    return httpx.Response(200)


class Guard:
    """An httpx.MockTransport handler that fails the test on a request with invalid arguments."""

    def __init__(self) -> None:
        self.allowed = False
        self.sent = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        if not self.allowed:
            pytest.fail(f"{request.method} {request.url} was sent with invalid arguments")
        return answer(request)


def check_call(
    method: str, kwargs: dict[str, object], guard: Guard, run: Callable[[], Any]
) -> None:
    """Run one call: it works (valid) or raises a documented error with nothing sent."""
    guard.allowed, guard.sent = valid(method, kwargs), 0
    try:
        run()
    except DOCUMENTED:
        assert guard.sent == 0
        return
    assert guard.allowed, f"{method}({kwargs!r}) was accepted although the oracle refuses it"
    assert guard.sent == 1


# --------------------------------------------------------------------------- methods

SYNC_GUARD = Guard()
SYNC_CLIENT = AdvanceClient(
    "http://127.0.0.1:9/api/rest",
    auth="fuzz-token",
    max_retries=0,
    http_client=httpx.Client(transport=httpx.MockTransport(SYNC_GUARD)),
)


@FUZZ
@given(method_calls(VALID_ARGUMENTS))
def test_every_sync_method_argument_is_checked_before_sending(
    call: tuple[str, dict[str, object]],
) -> None:
    """Every AdvanceClient method works or raises a documented ValueError before sending."""
    method, kwargs = call
    check_call(method, kwargs, SYNC_GUARD, lambda: getattr(SYNC_CLIENT, method)(**kwargs))


@settings(FUZZ, max_examples=50)
@given(method_calls(VALID_ARGUMENTS))
def test_every_async_method_argument_is_checked_before_sending(
    call: tuple[str, dict[str, object]],
) -> None:
    """Every AsyncAdvanceClient method works or raises a documented ValueError before sending."""
    method, kwargs = call
    guard = Guard()

    async def run() -> None:
        transport = httpx.MockTransport(guard)
        async with (
            httpx.AsyncClient(transport=transport) as http,
            AsyncAdvanceClient(
                "http://127.0.0.1:9/api/rest", auth="fuzz-token", max_retries=0, http_client=http
            ) as client,
        ):
            await getattr(client, method)(**kwargs)

    check_call(method, kwargs, guard, lambda: asyncio.run(run()))


# --------------------------------------------------------------------------- constructors

NO_REQUESTS = httpx.MockTransport(lambda request: pytest.fail("a constructor sent a request"))


def construct(make: Callable[[], Any]) -> None:
    try:
        client = make()
    except InvalidArgumentError:
        return
    if isinstance(client, AsyncAdvanceClient):
        asyncio.run(client.aclose())
    else:
        client.close()


@FUZZ
@given(
    st.sampled_from(["init", "cloud", "on_premise"]),
    st.booleans(),
    base_urls,
    st.one_of(st.just("tenancy1"), anything),
    st.one_of(st.just("example.com"), anything),
    auths,
    timeouts,
    retries,
    auth_urls,
)
def test_client_constructors_work_or_raise_invalid_argument(
    how: str,
    is_async: bool,
    base_url: object,
    tenancy: object,
    domain: object,
    auth: object,
    timeout: object,
    max_retries: object,
    auth_url: object,
) -> None:
    """AdvanceClient, AsyncAdvanceClient, .cloud and .on_premise work or raise InvalidArgumentError."""
    cls: Any = AsyncAdvanceClient if is_async else AdvanceClient
    options: dict[str, Any] = {
        "auth": auth,
        "timeout": timeout,
        "max_retries": max_retries,
        "auth_url": auth_url,
    }
    if how == "init":
        construct(lambda: cls(base_url, **options))
    elif how == "cloud":
        construct(lambda: cls.cloud(tenancy, **options))
    else:
        construct(lambda: cls.on_premise(tenancy, domain, **options))


@settings(FUZZ, max_examples=20)
@given(st.sampled_from(["wrong type", "none"]), anything)
def test_a_foreign_http_client_is_refused(kind: str, http_client: object) -> None:
    """An http_client that is not an httpx client raises InvalidArgumentError."""
    if kind == "none":
        http_client = None
    for cls in (AdvanceClient, AsyncAdvanceClient):
        # mypy cannot infer a lambda with a default argument (cls=cls) as Callable[[], ...].
        construct(
            cast(
                "Callable[[], object]",
                lambda cls=cls: cls(
                    "https://t.hotdocsadvance.com/api/rest", auth="token", http_client=http_client
                ),
            )
        )


@FUZZ
@given(sometimes(fuzz_texts), sometimes(fuzz_texts), sometimes(fuzz_texts))
def test_service_principal_works_or_raises_invalid_argument(
    client_name: object, principal_name: object, password: object
) -> None:
    """ServicePrincipal takes three non-blank strs and refuses the rest with a ValueError."""
    try:
        principal = ServicePrincipal(client_name, principal_name, password)  # type: ignore[arg-type]
    except InvalidArgumentError:
        assert not all(is_text(value) for value in (client_name, principal_name, password))
        return
    assert all(is_text(value) for value in (client_name, principal_name, password))
    assert "password" not in repr(principal)  # the field is left out of the repr


@FUZZ
@given(sometimes(st.just("")), sometimes(st.just("1.1")), st.lists(anything, max_size=3), anything)
def test_answer_values_work_or_raise_documented_errors(
    title: object, version: object, selections: list[object], kind: object
) -> None:
    """AnswerSet(title, version), MultipleChoice(*s) and Unanswered(k): work or documented errors."""
    with contextlib.suppress(AnswerSetError):
        AnswerSet(title, version)  # type: ignore[arg-type]
    try:
        MultipleChoice(*selections)  # type: ignore[arg-type]
    except TypeError:  # documented: a selection is not a str
        assert not all(type(s) is str for s in selections)
    try:
        Unanswered(kind)  # type: ignore[arg-type]
    except TypeError:  # documented: kind is not an AnswerKind
        assert not isinstance(kind, AnswerKind)


@FUZZ
@given(sometimes(fuzz_texts), anything)
def test_setting_any_answer_works_or_raises_answer_set_error(name: object, value: object) -> None:
    """AnswerSet[name] = value stores a writable answer or raises AnswerSetError."""
    answers = AnswerSet()
    try:
        answers[name] = value  # type: ignore[index,assignment]
    except AnswerSetError:
        assert len(answers) == 0
        return
    answers.to_xml()  # what was accepted can be written
    assert AnswerSet.from_xml(answers.to_xml()) is not None


@FUZZ
@given(
    st.one_of(
        anything,
        st.fixed_dictionaries({"answers": st.dictionaries(hostile_text, anything, max_size=3)}),
        st.fixed_dictionaries(
            {"answers": st.just({"A": "x"})},
            optional={
                "title": anything,
                "version": anything,
                "attributes": anything,
                "answerAttributes": anything,
                "valueAttributes": anything,
            },
        ),
    )
)
def test_from_dict_works_or_raises_answer_set_error(data: object) -> None:
    """AnswerSet.from_dict builds a writable answer set or raises AnswerSetError."""
    try:
        answers = AnswerSet.from_dict(data)  # type: ignore[arg-type]
    except AnswerSetError:
        return
    answers.to_xml()


@FUZZ
@given(st.one_of(hostile_text, st.binary(max_size=60), anything))
def test_from_xml_works_or_raises_answer_set_error(xml: object) -> None:
    """AnswerSet.from_xml reads answer XML or raises AnswerSetError, whatever it is given."""
    with contextlib.suppress(AnswerSetError):
        AnswerSet.from_xml(xml)  # type: ignore[arg-type]


SURROGATE_URL = "http://example.com/\ud800"


@pytest.mark.parametrize("argument", ["base_url", "auth_url", "callback_url"])
def test_a_url_with_a_lone_surrogate_is_an_invalid_argument(argument: str) -> None:
    """A URL holding a lone surrogate raises InvalidArgumentError, not UnicodeEncodeError."""
    guard = Guard()
    http = httpx.Client(transport=httpx.MockTransport(guard))
    client = AdvanceClient("http://127.0.0.1:9/api/rest", auth="t", http_client=http)
    calls: dict[str, Callable[[], object]] = {
        "callback_url": lambda: client.save_and_close(GROUP, GROUP, callback_url=SURROGATE_URL),
        "base_url": lambda: AdvanceClient(SURROGATE_URL, auth="t", http_client=http),
        "auth_url": lambda: AdvanceClient(
            "http://127.0.0.1:9/x", auth=ServicePrincipal("c", "p", "w"), auth_url=SURROGATE_URL
        ),
    }
    with pytest.raises(InvalidArgumentError):
        calls[argument]()
    assert guard.sent == 0
    http.close()
