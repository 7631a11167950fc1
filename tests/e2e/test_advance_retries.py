"""Retries that tell the truth, against the Advance sandbox with faults forced at one request.

Each test forces a fault (``faults.force``) on the very request it is about, checks from the
sandbox's record (``faults.events``) that the fault hit that request and nothing else, and
compares what the client reported with what the sandbox holds. Every test runs on both
clients.
"""

from __future__ import annotations

import datetime
import inspect
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    AsyncAdvanceClient,
    ConflictError,
    MultipleChoice,
    SaveAndCloseResult,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import AdvanceSandbox

from tests.clock import record_sleeps

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")

Client = AdvanceClient | AsyncAdvanceClient


@pytest.fixture(params=["sync", "async"])
async def client(
    request: pytest.FixtureRequest,
    advance_sandbox: AdvanceSandbox,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[Client]:
    """Each client in turn, on the sandbox, with retry waits recorded instead of slept."""
    record_sleeps(monkeypatch)
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


def only_fault(sandbox: AdvanceSandbox, kind: str, method: str, path_end: str) -> None:
    """Assert that one fault was injected, of this kind, into this request."""
    [event] = sandbox.faults.events
    assert (event.kind, event.method) == (kind, method)
    assert event.path.endswith(path_end), event.path


def answers(company: str = "ExampleCorp") -> AnswerSet:
    built = AnswerSet()
    built["CompanyName"] = company
    built["Amount"] = Decimal("1500.50")
    built["Signed"] = datetime.date(2024, 1, 31)
    built["Children"] = ["Ann", None, "Cy"]
    built["Colour"] = MultipleChoice("Red", "Blue")
    built["Renew"] = True
    return built


async def new_work_item(client: Client, **options: Any) -> uuid.UUID:
    item: uuid.UUID = await call(
        client,
        "create_work_item",
        name=f"item {uuid.uuid4()}",
        work_group_id=GROUP,
        template_package_id=PACKAGE,
        **options,
    )
    return item


# --- finding 7: a state change whose answer was lost -----------------------------------------


@pytest.mark.anyio
async def test_a_complete_whose_answer_was_lost_is_a_success(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """The complete is applied, its answer lost; the retry's 409 ("no active assembly session")
    is settled by the work item's status: the call returns normally, the session is completed."""
    item_id = await new_work_item(client)
    session = await call(client, "begin_assembly_session", item_id)
    advance_sandbox.faults.force("lost_response")
    assert await call(client, "complete_assembly_session", item_id, run_assembly=False) is None
    only_fault(advance_sandbox, "lost_response", "PUT", "/Versions/Active/CompleteSession")
    item = advance_sandbox.state.work_items[item_id]
    assert item.active_version_id is None
    assert item.versions[session.version_id].status == "Completed"
    assert item.versions[session.version_id].run_assembly is False


@pytest.mark.anyio
async def test_a_retried_complete_without_a_session_it_completed_is_a_conflict(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """No session was ever active (or it was saved and closed): after a 503 the retry's 409 is
    read back, the status is not a completed session's, and ConflictError stands."""
    fresh = await new_work_item(client)
    closed = await new_work_item(client)
    session = await call(client, "begin_assembly_session", closed)
    await call(client, "save_and_close", closed, session.version_id)
    for item_id in (fresh, closed):
        advance_sandbox.faults.force("unavailable")
        with pytest.raises(ConflictError, match=r"no active assembly session.*read back"):
            await call(client, "complete_assembly_session", item_id)
    assert advance_sandbox.faults.injected["unavailable"] == 2
    assert advance_sandbox.state.work_items[closed].status == "Saved"


@pytest.mark.anyio
async def test_a_save_and_close_whose_answer_was_lost_is_a_success(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """The save-and-close is applied, its answer lost; the retry's 409 ("not in progress (its
    status is Saved)") is settled by the version's status, which the result reports."""
    item_id = await new_work_item(client)
    session = await call(client, "begin_assembly_session", item_id)
    advance_sandbox.faults.force("lost_response")
    result = await call(client, "save_and_close", item_id, session.version_id)
    only_fault(
        advance_sandbox, "lost_response", "PUT", f"/Versions/{session.version_id}/SaveAndClose"
    )
    assert result == SaveAndCloseResult(accepted=False, status="Saved")
    assert advance_sandbox.state.work_items[item_id].versions[session.version_id].status == "Saved"


@pytest.mark.anyio
async def test_a_retried_save_and_close_of_a_completed_version_is_a_conflict(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """A completed version cannot be saved and closed: after a 503 the retry's 409 stands."""
    item_id = await new_work_item(client)
    session = await call(client, "begin_assembly_session", item_id)
    await call(client, "complete_assembly_session", item_id)
    advance_sandbox.faults.force("unavailable")
    with pytest.raises(ConflictError, match=r"its status is Completed.*read back"):
        await call(client, "save_and_close", item_id, session.version_id)
    only_fault(advance_sandbox, "unavailable", "PUT", "/SaveAndClose")


# --- finding 8: a refused create reported as created -----------------------------------------


@pytest.mark.anyio
async def test_a_create_refused_for_another_description_stays_refused_under_a_503(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """Same id, same name, another description: ConflictError at once, and again when one 503
    makes the 409 come on a retry (naming the description); the server keeps the first."""
    item_id = uuid.uuid4()
    fields = {"name": "Renewal", "work_group_id": GROUP, "template_package_id": PACKAGE}
    await call(client, "create_work_item", **fields, description="first", work_item_id=item_id)
    with pytest.raises(ConflictError) as plain:
        await call(client, "create_work_item", **fields, description="second", work_item_id=item_id)
    assert "read back" not in str(plain.value)
    advance_sandbox.faults.force("unavailable")
    with pytest.raises(ConflictError, match="read back after a retry: description is not"):
        await call(client, "create_work_item", **fields, description="second", work_item_id=item_id)
    only_fault(advance_sandbox, "unavailable", "PUT", f"/WorkItems/{item_id}")
    assert advance_sandbox.state.work_items[item_id].description == "first"


@pytest.mark.anyio
async def test_a_create_with_answers_whose_answer_was_lost_is_a_success(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """A create with answers of every kind is applied, its answer lost: the read-back answers
    equal the sent ones as parsed, so it succeeds, once; other answers under a 503 do not."""
    advance_sandbox.faults.force("lost_response")
    item_id = await new_work_item(
        client, answers=answers(), description="d", assemble_immediately=True
    )
    only_fault(advance_sandbox, "lost_response", "PUT", f"/WorkItems/{item_id}")
    assert list(advance_sandbox.state.work_items) == [item_id]
    held = advance_sandbox.state.work_items[item_id]
    advance_sandbox.faults.force("unavailable")
    with pytest.raises(ConflictError, match=r"answers\['CompanyName'\] is not what this call"):
        await call(
            client,
            "create_work_item",
            name=held.name,
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=answers("OtherCorp"),
            description="d",
            assemble_immediately=True,
            work_item_id=item_id,
        )
    assert AnswerSet.from_xml(held.answer_xml or "") == answers()


@pytest.mark.anyio
@pytest.mark.advance_sandbox(public_link_repeat="reject")
async def test_a_rejected_link_change_is_not_reported_as_done_under_a_503(
    client: Client, advance_sandbox: AdvanceSandbox
) -> None:
    """Under ``public_link_repeat="reject"``, asking for ``is_active=False`` on an active link
    is refused; with one 503 first the retry's 409 is read back and still refused, naming
    ``is_active``, and the link stays active. A lost create of the same link succeeds."""
    link_id = uuid.uuid4()
    fields = {"name": "Onboarding", "template_package_id": PACKAGE, "work_group_id": GROUP}
    advance_sandbox.faults.force("lost_response")
    assert await call(client, "create_public_interview_link", **fields, link_id=link_id) == link_id
    advance_sandbox.faults.force("unavailable")
    with pytest.raises(ConflictError, match="read back after a retry: is_active is not"):
        await call(
            client, "create_public_interview_link", **fields, is_active=False, link_id=link_id
        )
    assert [event.kind for event in advance_sandbox.faults.events] == [
        "lost_response",
        "unavailable",
    ]
    assert advance_sandbox.state.public_links[link_id].is_active is True
