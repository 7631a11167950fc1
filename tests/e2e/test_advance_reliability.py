"""Reliability of the HotDocs Advance clients under faults and hostile answers, over loopback.

Faults come from the sandbox's fault injection (`Faults`); silent and hostile servers are
`RawServer` (``tests/e2e/hostile.py``), a few lines of plain sockets answering canned bytes.
Retry waits are switched off through the package's testing hook
(``_client_core._retry.sleep``/``async_sleep``) and recorded.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
from _client_core._retry import INITIAL_RETRY_DELAY, RETRY_JITTER
from hotdocs_advance import (
    MAX_RESPONSE_BYTES,
    AdvanceClient,
    AdvanceError,
    AnswerSet,
    AnswerSetError,
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncAdvanceClient,
    AuthenticationError,
    NotFoundError,
    PermissionDeniedError,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import FAULT_KINDS, AdvanceSandbox, Faults

from tests.clock import record_sleeps
from tests.e2e.hostile import (
    BILLION_LAUGHS_PROLOG,
    EXPANDED,
    HANG,
    HTML,
    Handler,
    RawServer,
    error_chain,
    external_dtd_prolog,
    external_entity_prolog,
    http_reply,
    loopback_url,
    memory_peak,
    raw_servers_at,
    streamed_reply,
)

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PASSWORD = "sandbox-password"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", PASSWORD)
READER = ServicePrincipal("sandbox-reader", "reader-principal", "reader-password")
# Fixed fault seeds: the same faults hit the same calls on every run.
FAULT_SEED = 20_260_606
ASYNC_FAULT_SEED = 20_260_607
NAMESPACE = uuid.UUID("6f1b7a52-7d1e-4c55-9a57-0d1f3c7c2b10")
TIMEOUT = 0.3  # seconds, for the server that never answers
# Seconds: an upper bound that only shows a call did not hang; timing is for scripts/bench.
NO_HANG = 30.0
TOKEN = "hostile-test-token"
FIFTY_MB = 50 * 1024 * 1024
JSON = "application/json; charset=utf-8"
CHUNK = b" " * (1024 * 1024)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the client's retry waits instead of sleeping (the package's testing hook)."""
    return record_sleeps(monkeypatch)


@pytest.fixture
def raw_servers() -> Iterator[Callable[[Handler], RawServer]]:
    """Start RawServers (at the API's base path) on demand; stop them all at the end."""
    with raw_servers_at("/api/rest") as start:
        yield start


# --------------------------------------------------------------------------- 500 creates


@dataclass
class Outcome:
    """What one create returned or raised, the faults it met, and how often it is stored."""

    kind: str
    faults: tuple[str, ...]
    result: uuid.UUID | AdvanceError
    by_id: int
    by_name: int


def stored(
    sandbox: AdvanceSandbox, kind: str, resource_id: uuid.UUID, name: str
) -> tuple[int, int]:
    """Count a resource in the sandbox by id and by name."""
    with sandbox.state.lock:
        table = sandbox.state.work_items if kind == "work_item" else sandbox.state.public_links
        by_name = sum(resource.name == name for resource in table.values())
        return int(resource_id in table), by_name


def check_outcomes(outcomes: list[Outcome], sandbox: AdvanceSandbox) -> Counter[str]:
    """Assert exactly-once for successes and at-most-once for typed errors; tally results."""
    tally: Counter[str] = Counter()
    for outcome in outcomes:
        assert outcome.by_id <= 1, outcome
        assert outcome.by_name <= 1, outcome  # never duplicated under another id
        if isinstance(outcome.result, uuid.UUID):
            assert (outcome.by_id, outcome.by_name) == (1, 1), outcome
            tally["success"] += 1
        else:
            assert isinstance(outcome.result, AdvanceError), outcome
            tally[f"{type(outcome.result).__name__} (stored {outcome.by_id})"] += 1
    with sandbox.state.lock:
        names = Counter(item.name for item in sandbox.state.work_items.values())
        names.update(link.name for link in sandbox.state.public_links.values())
        total = len(sandbox.state.work_items) + len(sandbox.state.public_links)
    assert all(count == 1 for count in names.values())
    assert total == sum(outcome.by_id for outcome in outcomes)  # nothing else was created
    return tally


def create_args(number: int, prefix: str) -> tuple[str, str, uuid.UUID]:
    """The kind, unique name and client-chosen id of create number ``number``."""
    kind = "work_item" if number % 5 < 3 else "public_link"
    name = f"{prefix} {kind} {number}"
    return kind, name, uuid.uuid5(NAMESPACE, name)


def test_500_creates_under_faults_exist_exactly_once(
    advance_sandbox: AdvanceSandbox, sleeps: list[float]
) -> None:
    """500 creates (300 work items, 200 links) with 20% faults of every kind end exactly once."""
    timeout = httpx.Timeout(5.0, read=0.15)  # "slow" holds its answer 0.3 s
    outcomes: list[Outcome] = []
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, timeout=timeout) as client:
        faults = Faults(0.2, seed=FAULT_SEED, latency=0.3, retry_after="0")
        advance_sandbox.faults = faults
        for number in range(500):
            kind, name, resource_id = create_args(number, "sync")
            events = len(faults.events)
            result: uuid.UUID | AdvanceError
            try:
                if kind == "work_item":
                    result = client.create_work_item(
                        name=name,
                        work_group_id=GROUP,
                        template_package_id=PACKAGE,
                        work_item_id=resource_id,
                    )
                else:
                    result = client.create_public_interview_link(
                        name=name,
                        template_package_id=PACKAGE,
                        work_group_id=GROUP,
                        link_id=resource_id,
                    )
            except AdvanceError as error:
                result = error
            except Exception as error:
                pytest.fail(f"create {number} raised {error!r}")
            if isinstance(result, uuid.UUID):
                assert result == resource_id
            outcomes.append(
                Outcome(
                    kind,
                    tuple(event.kind for event in faults.events[events:]),
                    result,
                    *stored(advance_sandbox, kind, resource_id, name),
                )
            )
    advance_sandbox.faults = None
    tally = check_outcomes(outcomes, advance_sandbox)
    assert set(faults.injected) == set(FAULT_KINDS)  # the fixed seed hits every kind
    assert tally["success"] >= 480
    assert len(sleeps) >= sum(1 for o in outcomes if o.faults and isinstance(o.result, uuid.UUID))


@pytest.mark.anyio
async def test_async_creates_at_concurrency_16_under_faults_exist_exactly_once(
    advance_sandbox: AdvanceSandbox, sleeps: list[float]
) -> None:
    """150 async creates, 16 at a time, with 20% faults of every kind end exactly once."""
    timeout = httpx.Timeout(5.0, read=0.3)  # "slow" holds its answer 0.6 s
    gate = asyncio.Semaphore(16)
    faults = Faults(0.2, seed=ASYNC_FAULT_SEED, latency=0.6, retry_after="0")
    async with AsyncAdvanceClient(
        advance_sandbox.base_url, auth=PRINCIPAL, timeout=timeout, max_retries=3
    ) as client:
        advance_sandbox.faults = faults

        async def create(number: int) -> uuid.UUID | AdvanceError:
            kind, name, resource_id = create_args(number, "async")
            async with gate:
                try:
                    if kind == "work_item":
                        return await client.create_work_item(
                            name=name,
                            work_group_id=GROUP,
                            template_package_id=PACKAGE,
                            work_item_id=resource_id,
                        )
                    return await client.create_public_interview_link(
                        name=name,
                        template_package_id=PACKAGE,
                        work_group_id=GROUP,
                        link_id=resource_id,
                    )
                except AdvanceError as error:
                    return error

        results = await asyncio.gather(*(create(number) for number in range(150)))
    advance_sandbox.faults = None
    outcomes = []
    for number, result in enumerate(results):
        kind, name, resource_id = create_args(number, "async")
        if isinstance(result, uuid.UUID):
            assert result == resource_id
        outcomes.append(
            Outcome(kind, (), result, *stored(advance_sandbox, kind, resource_id, name))
        )
    tally = check_outcomes(outcomes, advance_sandbox)
    assert set(faults.injected) == set(FAULT_KINDS)
    assert tally["success"] >= 140
    assert sleeps  # the faults were met by retries, not passed straight through


# --------------------------------------------------------------------------- no answer at all


def test_a_server_that_never_answers_ends_in_a_timeout_within_the_budget(
    raw_servers: Callable[..., RawServer], sleeps: list[float]
) -> None:
    """A server that accepts and never replies: get_work_item makes 3 attempts (max_retries=2),
    each ended by the client's timeout, waits the documented backoff twice between them, and
    raises APITimeoutError without the token in its text."""
    server = raw_servers(lambda request: HANG)
    item_id = uuid.uuid4()
    with AdvanceClient(server.url, auth=TOKEN, timeout=TIMEOUT, max_retries=2) as client:
        started = time.perf_counter()
        with pytest.raises(APITimeoutError) as caught:
            client.get_work_item(item_id)
        elapsed = time.perf_counter() - started
    assert server.connections == 3  # the first attempt and two retries
    assert [(r.method, r.path) for r in server.requests] == [
        ("GET", f"/api/rest/v1.1/WorkItems/{item_id}")
    ] * 3
    assert len(sleeps) == 2
    for attempt, wait in enumerate(sleeps, start=1):  # backoff(n), no Retry-After to honour
        base = INITIAL_RETRY_DELAY * 2 ** (attempt - 1)
        assert base <= wait <= base + RETRY_JITTER, sleeps
    assert TOKEN not in str(caught.value)
    assert elapsed < NO_HANG  # the call ended; how fast is measured by scripts/bench


@pytest.mark.anyio
async def test_the_async_client_times_out_within_the_budget_too(
    raw_servers: Callable[..., RawServer], sleeps: list[float]
) -> None:
    """The async client facing a silent server makes 2 attempts of the same create
    (max_retries=1), waits one backoff between them, and raises APITimeoutError."""
    server = raw_servers(lambda request: HANG)
    async with AsyncAdvanceClient(server.url, auth=TOKEN, timeout=TIMEOUT, max_retries=1) as client:
        started = time.perf_counter()
        with pytest.raises(APITimeoutError):
            await client.create_work_item(
                name="n", work_group_id=GROUP, template_package_id=PACKAGE
            )
        elapsed = time.perf_counter() - started
    assert server.connections == 2
    first, second = server.requests
    assert first.method == second.method == "PUT"
    assert first.path == second.path  # the retry repeats the create under the same id
    assert len(sleeps) == 1
    assert INITIAL_RETRY_DELAY <= sleeps[0] <= INITIAL_RETRY_DELAY + RETRY_JITTER
    assert elapsed < NO_HANG  # the call ended; how fast is measured by scripts/bench


# --------------------------------------------------------------------------- hostile answers

BILLION_LAUGHS = (
    BILLION_LAUGHS_PROLOG
    + '<AnswerSet><Answer name="A"><TextValue>&lol9;</TextValue></Answer></AnswerSet>'
)


def external_entity(canary: int) -> str:
    return (
        external_entity_prolog("AnswerSet", "xxe", loopback_url(canary, "/secret"))
        + '<AnswerSet><Answer name="A"><TextValue>&xxe;</TextValue></Answer></AnswerSet>'
    )


def external_dtd(canary: int) -> str:
    return (
        external_dtd_prolog("AnswerSet", loopback_url(canary, "/x.dtd"))
        + '<AnswerSet><Answer name="A"><TextValue>x</TextValue></Answer></AnswerSet>'
    )


HTML_PAGE = b"<!DOCTYPE html><html><body><h1>Service error</h1><p>Try later</p></body></html>"
WORK_ITEM = f'{{"id": "{uuid.UUID(int=1)}", "name": "x", "workGroupId": "{GROUP}"}}'.encode()


def hostile_reply(case: str, canary: int) -> bytes:
    """The canned answer of one hostile case, to a JSON GET."""
    xml = "application/xml; charset=utf-8"
    if case == "billion-laughs":
        return http_reply(BILLION_LAUGHS.encode(), content_type=xml)
    if case == "billion-laughs-400":
        return http_reply(BILLION_LAUGHS.encode(), status="400 Bad Request", content_type=xml)
    if case == "external-entity":
        return http_reply(external_entity(canary).encode(), content_type=xml)
    if case == "external-entity-404":
        return http_reply(
            external_entity(canary).encode(), status="404 Not Found", content_type=xml
        )
    if case == "external-dtd":
        return http_reply(external_dtd(canary).encode(), content_type=xml)
    if case == "html-200":
        return http_reply(HTML_PAGE, content_type=HTML)
    if case == "truncated-json":
        return http_reply(WORK_ITEM[: len(WORK_ITEM) // 2], content_type=JSON)
    if case == "truncated-body":  # Content-Length promises more than arrives
        return http_reply(WORK_ITEM[:20], content_type=JSON, length=len(WORK_ITEM))
    if case == "invalid-utf8":
        return http_reply(
            b'{"id": "' + str(uuid.UUID(int=1)).encode() + b'", "name": "\xff\xfe\xc3("}',
            content_type=JSON,
        )
    if case == "deep-json":
        return http_reply(b"[" * 100_000, content_type=JSON)
    if case == "deep-json-400":
        return http_reply(b"[" * 100_000, content_type=JSON, status="400 Bad Request")
    raise AssertionError(case)


HOSTILE_CASES = [
    ("billion-laughs", APIResponseValidationError),
    ("billion-laughs-400", AdvanceError),
    ("external-entity", APIResponseValidationError),
    ("external-entity-404", NotFoundError),
    ("external-dtd", APIResponseValidationError),
    ("html-200", APIResponseValidationError),
    ("truncated-json", APIResponseValidationError),
    ("truncated-body", APIConnectionError),
    ("invalid-utf8", APIResponseValidationError),
    ("deep-json", APIResponseValidationError),
    ("deep-json-400", AdvanceError),
]


@pytest.mark.parametrize(("case", "expected"), HOSTILE_CASES, ids=[c for c, _ in HOSTILE_CASES])
def test_hostile_answers_give_typed_errors_and_fetch_nothing(
    raw_servers: Callable[..., RawServer],
    sleeps: list[float],
    case: str,
    expected: type[AdvanceError],
) -> None:
    """Each hostile answer to get_work_item is a typed error; nothing is fetched or expanded."""
    canary = raw_servers(lambda request: HANG)
    server = raw_servers(lambda request: hostile_reply(case, canary.port))
    with (
        AdvanceClient(server.url, auth=TOKEN, timeout=2.0, max_retries=1) as client,
        pytest.raises(AdvanceError) as caught,
    ):
        client.get_work_item(uuid.UUID(int=1))
    assert isinstance(caught.value, expected), repr(caught.value)
    text = f"{caught.value} {caught.value!r} {getattr(caught.value, 'body', '')}"
    assert EXPANDED not in text  # no entity expanded
    assert canary.connections == 0  # nothing fetched


@pytest.mark.anyio
@pytest.mark.parametrize("case", ["billion-laughs", "external-entity", "html-200", "invalid-utf8"])
async def test_the_async_client_meets_hostile_answers_with_typed_errors(
    raw_servers: Callable[..., RawServer], sleeps: list[float], case: str
) -> None:
    """The async client turns hostile answers into APIResponseValidationError, fetching nothing."""
    canary = raw_servers(lambda request: HANG)
    server = raw_servers(lambda request: hostile_reply(case, canary.port))
    async with AsyncAdvanceClient(server.url, auth=TOKEN, timeout=2.0) as client:
        with pytest.raises(APIResponseValidationError):
            await client.get_public_interview_link(uuid.UUID(int=1))
    assert canary.connections == 0


@pytest.mark.parametrize(
    "document",
    ["billion-laughs", "external-entity", "html", "truncated", "invalid-utf8"],
)
def test_hostile_answer_xml_is_an_answer_set_error(
    raw_servers: Callable[..., RawServer], document: str
) -> None:
    """AnswerSet.from_xml refuses hostile XML with AnswerSetError, expanding and fetching nothing."""
    canary = raw_servers(lambda request: HANG)
    good = '<AnswerSet title="" version="1.1"><Answer name="A"><TextValue>x</TextValue></Answer>'
    inputs: dict[str, str | bytes] = {
        "billion-laughs": BILLION_LAUGHS,
        "external-entity": external_entity(canary.port),
        "html": HTML_PAGE,
        "truncated": good,
        "invalid-utf8": b'<AnswerSet><Answer name="A"><TextValue>\xff\xfe</TextValue></Answer></AnswerSet>',
    }
    source = inputs[document]
    for xml in (source, source.encode() if isinstance(source, str) else None):
        if xml is None:
            continue
        with pytest.raises(AnswerSetError) as caught:
            AnswerSet.from_xml(xml)
        assert EXPANDED not in str(caught.value)
    assert canary.connections == 0


def test_an_external_dtd_in_answer_xml_is_ignored_and_never_fetched(
    raw_servers: Callable[..., RawServer],
) -> None:
    """An answer file naming an external DTD on a loopback server reads; nothing connects."""
    canary = raw_servers(lambda request: HANG)
    source = external_dtd(canary.port)
    for xml in (source, source.encode()):
        assert dict(AnswerSet.from_xml(xml)) == {"A": "x"}
    assert canary.connections == 0


def test_a_50_mb_answer_is_handled_with_bounded_memory(
    raw_servers: Callable[..., RawServer], sleeps: list[float]
) -> None:
    """A 50 MB body on get_work_item is APIResponseValidationError ("larger" than the cap) with
    a memory peak far below 50 MB."""
    server = raw_servers(
        lambda request: streamed_reply(CHUNK, FIFTY_MB // len(CHUNK), content_type=JSON)
    )
    with (
        AdvanceClient(server.url, auth=TOKEN, timeout=10.0, max_retries=0) as client,
        memory_peak() as memory,
        pytest.raises(APIResponseValidationError, match="larger"),
    ):
        client.get_work_item(uuid.UUID(int=1))
    peak = memory.peak
    assert peak < 10_000_000, f"peak {peak / 1e6:.1f} MB: the client reads whole bodies"


@pytest.mark.anyio
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
async def test_the_async_client_refuses_a_50_mb_answer_unread(
    raw_servers: Callable[..., RawServer], sleeps: list[float], declared: bool
) -> None:
    """A 50 MB body on the async client is APIResponseValidationError, with or without a length."""
    server = raw_servers(
        lambda request: streamed_reply(
            CHUNK, FIFTY_MB // len(CHUNK), content_type=JSON, declared=declared
        )
    )
    async with AsyncAdvanceClient(server.url, auth=TOKEN, timeout=10.0, max_retries=0) as client:
        with memory_peak() as memory, pytest.raises(APIResponseValidationError, match="larger"):
            await client.get_work_item(uuid.UUID(int=1))
    assert memory.peak < 2 * MAX_RESPONSE_BYTES, f"peak {memory.peak / 1e6:.1f} MB"


# --------------------------------------------------------------------------- secrets


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Callable[[], str]:
    """Capture DEBUG logs of hotdocs_advance, httpx and httpcore; return a reader."""
    for name in ("hotdocs_advance", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)

    def text() -> str:
        lines = []
        for record in caplog.records:
            if record.name.split(".")[0] in ("hotdocs_advance", "httpx", "httpcore"):
                lines.append(record.getMessage())
                if record.exc_info:
                    lines.append(logging.Formatter().formatException(record.exc_info))
        return "\n".join(lines)

    return text


def exception_texts(error: BaseException) -> str:
    """str and repr of an exception and of its whole cause/context chain."""
    texts = []
    for seen in error_chain(error):
        texts += [str(seen), repr(seen), repr(getattr(seen, "body", None))]
    return "\n".join(texts)


def test_no_secret_appears_in_logs_reprs_or_errors(
    advance_sandbox: AdvanceSandbox,
    raw_servers: Callable[..., RawServer],
    sleeps: list[float],
    debug_logs: Callable[[], str],
) -> None:
    """Tokens, passwords and the callback secret never show in DEBUG logs, reprs or errors."""
    secret = "callback-secret-4c1d9e"
    receiver = raw_servers(lambda request: http_reply(b"", content_type=JSON))
    texts: list[str] = []
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, timeout=5.0) as client:
        item_id = client.create_work_item(
            name="Secrets", work_group_id=GROUP, template_package_id=PACKAGE
        )
        session = client.begin_assembly_session(item_id)
        client.save_assembly_session(item_id)
        closed = client.save_and_close(
            item_id,
            session.version_id,
            callback_url=f"http://127.0.0.1:{receiver.port}/done",
            callback_secret=secret,
        )
        link_id = client.create_public_interview_link(
            name="Secret link", template_package_id=PACKAGE, work_group_id=GROUP
        )
        texts += [repr(x) for x in (client, client._auth, PRINCIPAL, closed, session)]
        texts += [
            repr(client.get_work_item(item_id)),
            repr(client.get_public_interview_link(link_id)),
        ]
        texts.append(repr(client.get_version_status(item_id, session.version_id)))
        for provoke in (
            lambda: client.get_work_item(uuid.uuid4()),
            lambda: client.save_and_close(
                item_id, uuid.uuid4(), callback_url="http://127.0.0.1:9/x", callback_secret=secret
            ),
            lambda: client.save_and_close(
                item_id,
                session.version_id,
                callback_url="https://example.com/",  # 409: the version is saved already
                callback_secret=secret,
            ),
        ):
            with pytest.raises(AdvanceError) as caught:
                provoke()
            texts.append(exception_texts(caught.value))
    with AdvanceClient(advance_sandbox.base_url, auth=READER) as reader:
        with pytest.raises(PermissionDeniedError) as denied:
            reader.create_work_item(name="no", work_group_id=GROUP, template_package_id=PACKAGE)
        texts += [exception_texts(denied.value), repr(reader), repr(reader._auth)]
    wrong = ServicePrincipal("sandbox", "sandbox-principal", "wrong-password-77")
    with AdvanceClient(advance_sandbox.base_url, auth=wrong) as bad:
        with pytest.raises(AuthenticationError) as refused:
            bad.get_work_item(item_id)
        texts += [exception_texts(refused.value), repr(bad._auth), repr(wrong)]
    advance_sandbox.wait_for_callbacks(1)
    tokens = list(advance_sandbox.state.tokens)
    assert len(tokens) == 2  # the writer's and the reader's
    logs = debug_logs()
    assert "ServicePrincipalLogIn" in logs or "Authorize" in logs  # the log-ins were logged
    everything = logs + "\n".join(texts)
    for value in (*tokens, PASSWORD, "reader-password", "wrong-password-77", secret):
        assert value not in everything, f"{value[:4]}... leaked"
