"""AdvanceClient against the local Advance sandbox over loopback HTTP: the two agree."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterator
from decimal import Decimal

import pytest
from _client_core import _retry as _core_retry
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    AsyncAdvanceClient,
    AuthenticationError,
    ConflictError,
    MultipleChoice,
    NotFoundError,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import AdvanceSandbox

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def client(
    advance_sandbox: AdvanceSandbox, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AdvanceClient]:
    monkeypatch.setattr(_core_retry, "sleep", lambda seconds: None)
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, timeout=5.0) as advance:
        yield advance


def sample_answers() -> AnswerSet:
    answers = AnswerSet()
    answers["CompanyName"] = "ExampleCorp"
    answers["Amount"] = Decimal("1500.25")
    answers["Signed"] = datetime.date(2024, 1, 31)
    answers["Children"] = ["Ann", None, "Cy"]
    answers["Grid"] = [["a"], []]
    answers["Colour"] = MultipleChoice("Red", "Blue")
    return answers


def test_a_work_item_goes_through_its_life(
    client: AdvanceClient, advance_sandbox: AdvanceSandbox
) -> None:
    """Create with answers, read, begin, save, save-and-close, poll, begin and complete."""
    work_item_id = client.create_work_item(
        name="ExampleCorp contract renewal",
        work_group_id=GROUP,
        template_package_id=PACKAGE,
        answers=sample_answers(),
    )
    item = client.get_work_item(work_item_id)
    assert (item.id, item.name) == (work_item_id, "ExampleCorp contract renewal")
    session = client.begin_assembly_session(work_item_id, answers=sample_answers())
    client.save_assembly_session(work_item_id)
    closed = client.save_and_close(work_item_id, session.version_id)
    assert closed.status in {"Saving", "Saved"}
    assert client.get_version_status(work_item_id, session.version_id).status in {"Saving", "Saved"}
    client.begin_assembly_session(work_item_id)
    client.complete_assembly_session(work_item_id, run_assembly=False)
    with pytest.raises(ConflictError):
        client.complete_assembly_session(work_item_id)


def test_a_public_link_is_created_read_and_deleted(client: AdvanceClient) -> None:
    """A public link can be created, read back with its fields, deleted, and is then gone."""
    link_id = client.create_public_interview_link(
        name="Onboarding Link", template_package_id=PACKAGE, work_group_id=GROUP
    )
    link = client.get_public_interview_link(link_id)
    assert (link.name, link.work_group_id, link.is_active) == (
        "Onboarding Link",
        uuid.UUID(GROUP),
        True,
    )
    client.delete_public_interview_link(link_id)
    client.delete_public_interview_link(link_id)
    with pytest.raises(NotFoundError):
        client.get_public_interview_link(link_id)


def test_a_lost_create_response_is_retried_without_a_duplicate(
    client: AdvanceClient, advance_sandbox: AdvanceSandbox
) -> None:
    """The sandbox creates the item but drops the answer: the retry's 409 is settled as ours."""
    advance_sandbox.faults.force("lost_response")
    work_item_id = client.create_work_item(
        name="Lost answer", work_group_id=GROUP, template_package_id=PACKAGE
    )
    assert list(advance_sandbox.state.work_items) == [work_item_id]
    assert advance_sandbox.faults.injected["lost_response"] == 1


@pytest.mark.parametrize("kind", ["rate_limit", "unavailable", "drop"])
def test_transient_faults_are_retried(
    client: AdvanceClient, advance_sandbox: AdvanceSandbox, kind: str
) -> None:
    """429, 503 and a dropped connection are retried until the call succeeds."""
    advance_sandbox.faults.force(kind, count=2)  # type: ignore[arg-type]
    client.create_public_interview_link(name="L", template_package_id=PACKAGE, work_group_id=GROUP)
    assert advance_sandbox.faults.injected[kind] == 2  # type: ignore[index]


def test_a_wrong_password_is_an_authentication_error(advance_sandbox: AdvanceSandbox) -> None:
    """The sandbox refuses a wrong password; the client raises AuthenticationError."""
    wrong = ServicePrincipal("sandbox", "sandbox-principal", "not-the-password")
    with (
        AdvanceClient(advance_sandbox.base_url, auth=wrong) as client,
        pytest.raises(AuthenticationError),
    ):
        client.get_work_item(uuid.uuid4())


@pytest.mark.anyio
async def test_the_async_client_agrees_with_the_sandbox(advance_sandbox: AdvanceSandbox) -> None:
    """The async client creates a work item with answer XML and reads it back."""
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        work_item_id = await client.create_work_item(
            name="async",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=sample_answers().to_xml(),
        )
        assert (await client.get_work_item(work_item_id)).name == "async"
