"""Save-and-close callbacks end to end: both clients, the sandbox, the README's receiver.

The receiver is the README's Starlette example, run as written on a real loopback server;
the sandbox calls it back after ``save_and_close`` from the sync and the async client, under
both schemes, and the receiver verifies each callback with ``verify_callback``.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from _sandbox_kit import ServerThread
from hotdocs_advance import AdvanceClient, AsyncAdvanceClient, CallbackEvent, ServicePrincipal
from hotdocs_advance.sandbox import AdvanceSandbox

from tests.conftest import ROOT

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
SECRET = "readme-callback-secret-5b2e"
SECTION = "## HotDocs Advance: receiving the save-and-close callback"


def readme_receiver() -> str:
    """The first python block of the README's section on receiving callbacks."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(SECTION) :]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found.group(1)


class Receiver:
    """The README's receiver, served on loopback, with its on_saved recording events."""

    def __init__(self, namespace: dict[str, Any], server: ServerThread) -> None:
        self.namespace = namespace
        self.server = server
        self.events: list[CallbackEvent] = []
        namespace["on_saved"] = self.events.append

    @property
    def url(self) -> str:
        return self.server.origin + "/hotdocs/callback"


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> Iterator[Receiver]:
    monkeypatch.setenv("HOTDOCS_CALLBACK_SECRET", SECRET)
    namespace: dict[str, Any] = {"__name__": "readme_receiver"}
    exec(compile(readme_receiver(), "README.md", "exec"), namespace)  # the README's own code
    server = ServerThread(namespace["app"])
    server.start()
    try:
        yield Receiver(namespace, server)
    finally:
        server.stop()


def check_the_callback(
    sandbox: AdvanceSandbox, receiver: Receiver, item: uuid.UUID, version: uuid.UUID
) -> None:
    """The receiver accepted one event; a replay is acknowledged but not handled twice."""
    [record] = sandbox.wait_for_callbacks(1)
    assert record.status_code == 204, record
    [event] = receiver.events
    assert (event.work_item_id, event.version_id, event.status) == (item, version, "Saved")
    assert event.is_final
    with httpx.Client(timeout=5) as http:
        replay = http.post(receiver.url, content=record.body, headers=record.headers)
        assert replay.status_code == 204
        assert len(receiver.events) == 1  # idempotent: same work item, version and status
        if "X-HotDocs-Signature" in record.headers:
            # Only the HMAC binds the body; a bearer token proves the sender, not the bytes.
            tampered = record.body.replace(b"Saved", b"Saves")
            answer = http.post(receiver.url, content=tampered, headers=record.headers)
            assert answer.status_code == 401
        else:
            wrong = {**record.headers, "Authorization": "Bearer not-the-secret"}
            assert http.post(receiver.url, content=record.body, headers=wrong).status_code == 401
        unsigned = {"Content-Type": "application/json"}
        assert http.post(receiver.url, content=record.body, headers=unsigned).status_code == 401
    assert len(receiver.events) == 1


@pytest.mark.parametrize("scheme", ["hmac", "token"])
def test_sync_save_and_close_calls_back_a_verifying_receiver(
    advance_sandbox: AdvanceSandbox, receiver: Receiver, scheme: str
) -> None:
    """AdvanceClient.save_and_close with a callback: the README receiver verifies and handles it once."""
    advance_sandbox.reset(callback_scheme=scheme)
    receiver.namespace["CALLBACK_SCHEME"] = scheme
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Sync cb", work_group_id=GROUP, template_package_id=PACKAGE
        )
        session = client.begin_assembly_session(item)
        result = client.save_and_close(
            item, session.version_id, callback_url=receiver.url, callback_secret=SECRET
        )
        assert result.accepted
        check_the_callback(advance_sandbox, receiver, item, session.version_id)
        assert client.get_version_status(item, session.version_id).status == "Saved"


@pytest.mark.anyio
@pytest.mark.parametrize("scheme", ["hmac", "token"])
async def test_async_save_and_close_calls_back_a_verifying_receiver(
    advance_sandbox: AdvanceSandbox, receiver: Receiver, scheme: str
) -> None:
    """AsyncAdvanceClient.save_and_close with a callback: verified by the README receiver."""
    advance_sandbox.reset(callback_scheme=scheme)
    receiver.namespace["CALLBACK_SCHEME"] = scheme
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = await client.create_work_item(
            name="Async cb", work_group_id=GROUP, template_package_id=PACKAGE
        )
        session = await client.begin_assembly_session(item)
        result = await client.save_and_close(
            item, session.version_id, callback_url=receiver.url, callback_secret=SECRET
        )
        assert result.accepted
    check_the_callback(advance_sandbox, receiver, item, session.version_id)


@pytest.mark.parametrize(
    ("receiver_scheme", "secret"), [("token", SECRET), ("hmac", "another-secret")]
)
def test_the_receiver_refuses_a_callback_it_cannot_verify(
    advance_sandbox: AdvanceSandbox, receiver: Receiver, receiver_scheme: str, secret: str
) -> None:
    """A receiver set to the other scheme, or given another secret, answers 401 and handles nothing."""
    receiver.namespace["CALLBACK_SCHEME"] = receiver_scheme
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Refused", work_group_id=GROUP, template_package_id=PACKAGE
        )
        session = client.begin_assembly_session(item)
        client.save_and_close(
            item, session.version_id, callback_url=receiver.url, callback_secret=secret
        )
    [record] = advance_sandbox.wait_for_callbacks(1)
    assert record.status_code == 401
    assert receiver.events == []
