"""v2.0 versions to the end, both clients against the sandbox: in time, in the background, called back.

The sandbox's timing (seed ``versions``) picks the path: by default a call's work fits in the
synchronous timeout (200 with the final status); a slow seed makes it 202 with the status so
far, and ``wait_for_version`` polls it to the end in real (short) time. Callbacks go to a
real loopback receiver (a Starlette app on its own server thread), signed by the sandbox's
one scheme. Every test runs on the sync and on the async client.
"""

from __future__ import annotations

import datetime
import inspect
import json
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from _sandbox_kit import ServerThread
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    AsyncAdvanceClient,
    CallbackVerificationError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    SaveAndCloseResult,
    ServicePrincipal,
    VersionResult,
    VersionWaitTimeoutError,
    verify_callback,
)
from hotdocs_advance.sandbox import AdvanceSandbox
from hotdocs_advance.sandbox._seed import DEFAULT_SEED_DATA
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.clock import record_sleeps
from tests.conftest import ROOT

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
READER = ServicePrincipal("sandbox-reader", "reader-principal", "reader-password")
SECRET = "versions-e2e-secret-9f3c"
# Work that outlasts the synchronous timeout: every call without a callback answers 202.
SLOW = {**DEFAULT_SEED_DATA, "versions": {"workSeconds": 0.3, "synchronousTimeoutSeconds": 0.05}}
# Work that outlasts any test's wait.
STUCK = {**DEFAULT_SEED_DATA, "versions": {"workSeconds": 2.0, "synchronousTimeoutSeconds": 0}}
QUICK_POLL = {"timeout": 10.0, "poll_interval": 0.02}

Client = AdvanceClient | AsyncAdvanceClient


@pytest.fixture(params=["sync", "async"])
async def client(
    request: pytest.FixtureRequest, advance_sandbox: AdvanceSandbox
) -> AsyncIterator[Client]:
    """Each client in turn, on the sandbox (waits are real: the sandbox's work takes time)."""
    if request.param == "sync":
        with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, timeout=5.0) as sync:
            yield sync
    else:
        async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, timeout=5.0) as aio:
            yield aio


async def call(client: Client, method: str, *args: Any, **kwargs: Any) -> Any:
    """Call a method of either client (the sync one blocks; the sandbox has its own thread)."""
    result = getattr(client, method)(*args, **kwargs)
    return await result if inspect.isawaitable(result) else result


async def new_work_item(client: Client) -> uuid.UUID:
    item: uuid.UUID = await call(
        client,
        "create_work_item",
        name=f"item {uuid.uuid4()}",
        work_group_id=GROUP,
        template_package_id=PACKAGE,
    )
    return item


def answers(company: str) -> AnswerSet:
    built = AnswerSet()
    built["CompanyName"] = company
    built["Signed"] = datetime.date(2024, 1, 31)
    return built


class Receiver:
    """A Starlette app on a loopback server thread that records each callback and answers 204."""

    def __init__(self) -> None:
        self.received: list[tuple[dict[str, str], bytes]] = []
        self._lock = threading.Lock()

        async def receive(request: Request) -> Response:
            body = await request.body()
            with self._lock:
                self.received.append((dict(request.headers), body))
            return Response(status_code=204)

        self.server = ServerThread(Starlette(routes=[Route("/hook", receive, methods=["POST"])]))

    @property
    def url(self) -> str:
        return self.server.origin + "/hook"

    def wait(self, count: int, timeout: float = 5.0) -> list[tuple[dict[str, str], bytes]]:
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                got = list(self.received)
            if len(got) >= count or time.monotonic() > deadline:
                return got
            time.sleep(0.01)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    running = Receiver()
    running.server.start()
    try:
        yield running
    finally:
        running.server.stop()


# --- in time: 200 and the final status ----------------------------------------------------------


@pytest.mark.anyio
async def test_calls_that_finish_in_time_report_their_final_status(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """Default timing: create (InProgress), complete (Completed), create-and-assemble
    (Completed) and save-and-close (Saved) answer 200, not accepted for later; the sandbox holds
    what they report, and a wait on a finished version returns at once."""
    item_id = await new_work_item(client)
    state = advance_sandbox.state
    created = await call(client, "create_version", item_id, answers=answers("Interview Ltd"))
    assert created == VersionResult(
        version_id=created.version_id, accepted=False, status="InProgress"
    )
    version = state.work_items[item_id].versions[created.version_id]
    assert AnswerSet.from_xml(version.answer_xml or "") == answers("Interview Ltd")
    assert state.work_items[item_id].active_version_id == created.version_id

    done = await call(client, "complete_version", item_id, created.version_id)
    assert (done.version_id, done.accepted, done.status) == (created.version_id, False, "Completed")
    assert done.is_final
    assert version.status == "Completed"
    assert state.work_items[item_id].active_version_id is None
    waited = await call(client, "wait_for_version", item_id, created.version_id)
    assert waited.status == "Completed"

    batch_id = uuid.uuid4()
    batch = await call(
        client, "create_and_assemble", item_id, batch_id, answers=answers("Batch Ltd")
    )
    assert batch == VersionResult(version_id=batch_id, accepted=False, status="Completed")
    assembled = state.work_items[item_id].versions[batch_id]
    assert (assembled.status, assembled.run_assembly) == ("Completed", True)
    assert AnswerSet.from_xml(assembled.answer_xml or "") == answers("Batch Ltd")
    assert state.work_items[item_id].status == "Completed"

    resumable = await call(client, "create_version", item_id)
    closed = await call(client, "save_and_close", item_id, resumable.version_id)
    assert closed == SaveAndCloseResult(accepted=False, status="Saved")
    assert state.spec_violations == []


# --- in the background: 202, then polled ---------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.advance_sandbox(seed=SLOW)
async def test_calls_past_the_synchronous_timeout_are_accepted_and_polled_to_the_end(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """Slow timing: each call answers 202 with the status so far (accepted), and
    wait_for_version polls it to Completed or Saved."""
    item_id = await new_work_item(client)
    state = advance_sandbox.state
    created = await call(client, "create_version", item_id)
    assert (created.accepted, created.status) == (True, "InProgress")
    done = await call(client, "complete_version", item_id, created.version_id)
    assert (done.accepted, done.status, done.is_final) == (True, "Completing", False)
    final = await call(client, "wait_for_version", item_id, created.version_id, **QUICK_POLL)
    assert (final.status, final.is_final) == ("Completed", True)
    assert state.work_items[item_id].versions[created.version_id].status == "Completed"

    batch = await call(client, "create_and_assemble", item_id, answers=answers("Later Ltd"))
    assert (batch.accepted, batch.status) == (True, "Completing")
    final = await call(client, "wait_for_version", item_id, batch.version_id, **QUICK_POLL)
    assert final.status == "Completed"

    resumable = await call(client, "create_version", item_id)
    closed = await call(client, "save_and_close", item_id, resumable.version_id)
    assert closed == SaveAndCloseResult(accepted=True, status="Saving")
    final = await call(client, "wait_for_version", item_id, resumable.version_id, **QUICK_POLL)
    assert final.status == "Saved"
    assert state.spec_violations == []


@pytest.mark.advance_sandbox(seed=SLOW)
def test_create_and_assemble_past_the_threshold_answers_202_with_the_status_url(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """On the wire: 202, the status so far in the body, the status URL in Location (CHOICE);
    that URL answers the version's status."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item_id = client.create_work_item(
            name="wire", work_group_id=GROUP, template_package_id=PACKAGE
        )
    token = advance_sandbox.state.log_in("sandbox", "sandbox-principal", "sandbox-password")
    version = uuid.uuid4()
    headers = {"Authorization": f"Bearer {token}"}
    base = f"{advance_sandbox.base_url}/v2.0/WorkItems/{item_id}/Versions/{version}"
    with httpx.Client(timeout=5.0) as http:
        answer = http.put(f"{base}/CreateAndAssemble", json={}, headers=headers)
        assert (answer.status_code, answer.json()) == (202, {"status": "Completing"})
        assert answer.headers["Location"] == f"{base}/Status"
        polled = http.get(answer.headers["Location"], headers=headers)
        assert polled.json()["status"] in {"Completing", "Completed"}


@pytest.mark.anyio
@pytest.mark.advance_sandbox(seed=STUCK)
async def test_a_wait_that_outlasts_its_timeout_raises_with_the_last_status(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """Work longer than the wait: VersionWaitTimeoutError, carrying the last status read
    (Completing); the version goes on and is not harmed."""
    item_id = await new_work_item(client)
    created = await call(client, "create_version", item_id)
    done = await call(client, "complete_version", item_id, created.version_id)
    assert done.accepted
    with pytest.raises(VersionWaitTimeoutError) as caught:
        await call(
            client, "wait_for_version", item_id, created.version_id, timeout=0.2, poll_interval=0.02
        )
    assert caught.value.status.status == "Completing"
    assert caught.value.version_id == created.version_id
    assert advance_sandbox.state.work_items[item_id].versions[created.version_id].status == (
        "Completing"
    )


# --- called back ---------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_each_call_with_a_callback_is_accepted_and_calls_back_signed(
    client: Client, advance_sandbox: AdvanceSandbox, receiver: Receiver
) -> None:
    """With callback_url and callback_secret every call answers 202 at once, and the sandbox
    POSTs the status the call ends in to the receiver, signed by its one scheme (the
    HMAC-SHA256 of the body keyed by the secret); the status then reads the same."""
    item_id = await new_work_item(client)
    options = {"callback_url": receiver.url, "callback_secret": SECRET}
    created = await call(client, "create_version", item_id, **options)
    assert (created.accepted, created.status) == (True, "InProgress")
    receiver.wait(1)
    done = await call(client, "complete_version", item_id, created.version_id, **options)
    assert (done.accepted, done.status) == (True, "Completing")
    receiver.wait(2)
    batch = await call(client, "create_and_assemble", item_id, answers=answers("Hook"), **options)
    assert (batch.accepted, batch.status) == (True, "Completing")
    receiver.wait(3)
    resumable = await call(client, "create_version", item_id)
    closed = await call(client, "save_and_close", item_id, resumable.version_id, **options)
    assert closed == SaveAndCloseResult(accepted=True, status="Saving")
    received = receiver.wait(4)
    expected = [
        (created.version_id, "InProgress"),
        (created.version_id, "Completed"),
        (batch.version_id, "Completed"),
        (resumable.version_id, "Saved"),
    ]
    assert len(received) == len(expected)
    for (headers, body), (version_id, status) in zip(received, expected, strict=True):
        assert json.loads(body) == {
            "workItemId": str(item_id),
            "versionId": str(version_id),
            "status": status,
        }
        event = verify_callback(headers, body, SECRET)  # the receiver's own check
        assert (event.work_item_id, event.version_id, event.status) == (
            item_id,
            version_id,
            status,
        )
        with pytest.raises(CallbackVerificationError):
            verify_callback(headers, body, "another secret")
    # The sandbox records a callback once its POST has returned: after the receiver saw it.
    deadline = time.monotonic() + 5
    while len(advance_sandbox.callbacks_sent) < len(expected) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [record.status_code for record in advance_sandbox.callbacks_sent] == [204] * 4
    for version_id, status in expected[1:]:
        read = await call(client, "get_version_status", item_id, version_id)
        assert read.status == status


@pytest.mark.anyio
async def test_a_callback_off_this_machine_is_accepted_but_never_called(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """A callback URL on another host is accepted by each of the four calls (202, as a real
    server accepts any URL) and the work goes on, but the sandbox never calls it: each one is
    recorded with ``sent`` false and the reason "not sent: ... is not a loopback host"."""
    hook = {"callback_url": "https://hooks.example.com/done", "callback_secret": SECRET}
    item_id = await new_work_item(client)
    created = await call(client, "create_version", item_id, **hook)
    assert (created.accepted, created.status) == (True, "InProgress")
    advance_sandbox.wait_for_callbacks(1)
    done = await call(client, "complete_version", item_id, created.version_id, **hook)
    assert (done.accepted, done.status) == (True, "Completing")
    batch = await call(client, "create_and_assemble", item_id, answers=answers("Off"), **hook)
    assert batch.accepted
    advance_sandbox.wait_for_callbacks(3)
    resumable = await call(client, "create_version", item_id)
    closed = await call(client, "save_and_close", item_id, resumable.version_id, **hook)
    assert closed == SaveAndCloseResult(accepted=True, status="Saving")
    records = advance_sandbox.wait_for_callbacks(4)
    assert [(r.url, r.sent, r.status_code) for r in records] == [
        ("https://hooks.example.com/done", False, None)
    ] * 4
    for record in records:
        assert record.error == (
            "not sent: 'hooks.example.com' is not a loopback host; the sandbox calls back only "
            "127.0.0.1, ::1 and localhost, never the network"
        )
    for version_id, status in (
        (created.version_id, "Completed"),
        (batch.version_id, "Completed"),
        (resumable.version_id, "Saved"),
    ):
        read = await call(client, "get_version_status", item_id, version_id)
        assert read.status == status


# --- refusals --------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_the_rules_of_versions_are_the_typed_errors(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """A second version while one is in progress needs force_create (ConflictError without);
    a completed version cannot be completed again (ConflictError); an unknown version or work
    item is NotFoundError; a version id in use cannot be created and assembled."""
    item_id = await new_work_item(client)
    first = await call(client, "create_version", item_id)
    with pytest.raises(ConflictError, match="active assembly session"):
        await call(client, "create_version", item_id)
    with pytest.raises(ConflictError):
        await call(client, "create_and_assemble", item_id)
    second = await call(client, "create_version", item_id, force_create=True)
    versions = advance_sandbox.state.work_items[item_id].versions
    assert (versions[first.version_id].status, versions[second.version_id].status) == (
        "Saved",
        "InProgress",
    )
    with pytest.raises(ConflictError, match="not in progress"):
        await call(client, "complete_version", item_id, first.version_id)
    await call(client, "complete_version", item_id, second.version_id)
    with pytest.raises(ConflictError, match="not in progress"):
        await call(client, "complete_version", item_id, second.version_id)
    with pytest.raises(ConflictError, match="already exists"):
        await call(client, "create_and_assemble", item_id, second.version_id)
    with pytest.raises(NotFoundError):
        await call(client, "complete_version", item_id, uuid.uuid4())
    with pytest.raises(NotFoundError):
        await call(client, "create_version", uuid.uuid4())
    with pytest.raises(NotFoundError):
        await call(client, "wait_for_version", item_id, uuid.uuid4())


@pytest.mark.anyio
async def test_a_query_scoped_client_may_wait_but_not_move_a_version_on(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """The three calls are command methods (403 for Query scope); the status poll is not."""
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as writer:
        item_id = await writer.create_work_item(
            name="scoped", work_group_id=GROUP, template_package_id=PACKAGE
        )
        created = await writer.create_and_assemble(item_id)
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=READER) as reader:
        for attempt in (
            reader.create_version(item_id),
            reader.complete_version(item_id, created.version_id),
            reader.create_and_assemble(item_id),
        ):
            with pytest.raises(PermissionDeniedError):
                await attempt
        assert (await reader.wait_for_version(item_id, created.version_id)).status == "Completed"


# --- retries tell the truth ----------------------------------------------------------------------


@pytest.mark.anyio
@pytest.mark.parametrize("method", ["create_version", "complete_version", "create_and_assemble"])
async def test_a_call_whose_answer_was_lost_is_a_success_once(
    client: Client,
    advance_sandbox: AdvanceSandbox,
    monkeypatch: pytest.MonkeyPatch,
    method: str,
) -> None:
    """The call is applied and its answer lost: the retry finds the version it made (an
    identical create is answered again; a complete or create-and-assemble gets 409, settled by
    the status read back), reports it finished, and nothing is done twice."""
    record_sleeps(monkeypatch)  # the retry's backoff on the fake clock
    item_id = await new_work_item(client)
    version_id = uuid.uuid4()
    if method == "complete_version":
        await call(client, "create_version", item_id, version_id)
    advance_sandbox.faults.force("lost_response")
    result = await call(client, method, item_id, version_id)
    [event] = advance_sandbox.faults.events
    assert (event.kind, event.method) == ("lost_response", "PUT")
    expected = "InProgress" if method == "create_version" else "Completed"
    assert result == VersionResult(version_id=version_id, accepted=False, status=expected)
    item = advance_sandbox.state.work_items[item_id]
    assert item.versions[version_id].status == expected
    assert len(item.versions) == 2  # the first version (from the create) and this one


# --- the README's example --------------------------------------------------------------------------


def readme_assemble() -> Any:
    """The ``assemble`` function of the README's "Waiting for v2.0 work", as written there."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## HotDocs Advance: waiting for v2.0 work")[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found is not None
    namespace: dict[str, Any] = {}
    exec(compile(found.group(1), "README.md", "exec"), namespace)  # the README's own code
    return namespace["assemble"]


@pytest.mark.parametrize("seed", [None, SLOW, STUCK], ids=["in-time", "in-the-background", "stuck"])
def test_the_readme_example_assembles_on_both_paths(
    advance_sandbox: AdvanceSandbox, seed: dict[str, Any] | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's assemble() ends with Completed whether the server finishes in time or in
    the background, and gives None (having said so) when the work outlasts its wait."""
    assemble = readme_assemble()
    advance_sandbox.reset(seed)
    if seed is STUCK:
        record_sleeps(monkeypatch)  # the 120 s wait passes on the fake clock
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item_id = client.create_work_item(
            name="readme", work_group_id=GROUP, template_package_id=PACKAGE
        )
        status = assemble(client, str(item_id), answers("Readme Ltd"))
    if seed is STUCK:
        assert status is None
    else:
        assert (status.status, status.is_final) == ("Completed", True)
