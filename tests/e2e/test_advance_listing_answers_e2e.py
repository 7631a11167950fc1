"""Discovery, listing and answers out end to end: both clients against the Advance sandbox.

The sandbox validates every request and answer against the spec (``spec_violations`` stays
empty), so these also prove that the XML bodies and the pages are what the spec says.
"""

from __future__ import annotations

import uuid
from collections import Counter

import pytest
from _client_core import _retry as _core_retry
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    AsyncAdvanceClient,
    NotFoundError,
    PermissionDeniedError,
    ServicePrincipal,
    VersionStateError,
)
from hotdocs_advance.sandbox import AdvanceSandbox

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
OTHER_GROUP = "09000000-0000-0000-0000-000000000001"
OTHER_PACKAGE = "03000000-0000-0000-0000-000000000003"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
READER = ServicePrincipal("sandbox-reader", "reader-principal", "reader-password")
ALLOWED = {"Saved", "Completed", "PostProcessingFailed"}


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """No retry waits (the package's testing hook)."""

    async def async_sleep(seconds: float) -> None:
        return None

    monkeypatch.setattr(_core_retry, "sleep", lambda seconds: None)
    monkeypatch.setattr(_core_retry, "async_sleep", async_sleep)


def start_answers() -> AnswerSet:
    answers = AnswerSet()
    answers["Client"] = "Ann"
    answers["Count"] = 3
    answers["Regions"] = ["North", "West"]
    return answers


def test_discovery_finds_the_ids_the_readme_uses(advance_sandbox: AdvanceSandbox) -> None:
    """The seeded work groups and packages are listed and read, with who is assigned where."""
    with AdvanceClient(advance_sandbox.base_url, auth=READER) as client:
        groups = {group.id: group.name for group in client.list_work_groups(page_size=1)}
        assert groups == {uuid.UUID(GROUP): "Contracts", uuid.UUID(OTHER_GROUP): "Examples"}
        assert client.get_work_group(GROUP).name == "Contracts"
        everything = [package.id for package in client.list_template_packages()]
        assert everything == [uuid.UUID(PACKAGE), uuid.UUID(OTHER_PACKAGE)]
        (assigned,) = client.list_template_packages(OTHER_GROUP)
        assert assigned.id == uuid.UUID(OTHER_PACKAGE)
        package = client.get_template_package(PACKAGE)
        assert (package.name, package.activated, package.has_live_version) == (
            "Contract renewal",
            True,
            True,
        )
        assert package.work_group_ids == [uuid.UUID(GROUP)]
        with pytest.raises(NotFoundError):
            client.get_work_group(PACKAGE)
        with pytest.raises(NotFoundError):
            client.get_template_package(GROUP)
        with pytest.raises(NotFoundError):
            list(client.list_template_packages(PACKAGE))
    assert advance_sandbox.state.spec_violations == []


def test_work_items_and_versions_are_listed_page_by_page(advance_sandbox: AdvanceSandbox) -> None:
    """Seven work items in pages of three come back once each, oldest first, filtered by status."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        created = [
            client.create_work_item(
                name=f"Listed {n}",
                work_group_id=GROUP,
                template_package_id=PACKAGE,
                complete_assembly_session=n % 3 == 0,
            )
            for n in range(7)
        ]
        pager = client.list_work_items(page_size=3)
        assert [len(page) for page in pager.iter_pages()] == [3, 3, 1]
        assert [item.id for item in pager] == created
        completed = [item.id for item in client.list_work_items("completed", page_size=2)]
        assert completed == [created[0], created[3], created[6]]
        assert len(list(client.list_work_items("Saved"))) == 4
        assert list(client.list_work_items("Completing")) == []
        session = client.begin_assembly_session(created[1])
        client.complete_assembly_session(created[1])
        versions = list(client.list_versions(created[1], page_size=1))
        assert [version.status for version in versions] == ["Saved", "Completed"]
        assert versions[1].id == session.version_id
        (latest,) = client.list_versions(created[1], "COMPLETED")
        assert latest.id == session.version_id
        with pytest.raises(NotFoundError):
            list(client.list_versions(uuid.uuid4()))
    assert advance_sandbox.state.spec_violations == []


def test_a_listing_sees_each_item_once_while_items_are_added(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """Work items created between pages never make another appear twice or go missing."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        before = [
            client.create_work_item(
                name=f"Before {n}", work_group_id=GROUP, template_package_id=PACKAGE
            )
            for n in range(10)
        ]
        seen: list[uuid.UUID] = []
        for number, item in enumerate(client.list_work_items(page_size=4)):
            assert item.id is not None
            seen.append(item.id)
            if number % 4 == 3:  # between pages
                client.create_work_item(
                    name=f"During {number}", work_group_id=GROUP, template_package_id=PACKAGE
                )
    assert max(Counter(seen).values()) == 1
    assert set(before) <= set(seen)


def test_answers_go_out_and_come_back(advance_sandbox: AdvanceSandbox) -> None:
    """Answers read back equal those sent; PATCH overlays, PUT replaces; 409 while in progress."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item_id = client.create_work_item(
            name="Answers",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=start_answers(),
        )
        assert client.get_answers(item_id) == start_answers()
        change = AnswerSet()
        change["Count"] = 4
        change["Reference"] = "REF-1"
        client.update_answers(item_id, change)
        overlaid = start_answers()
        overlaid["Count"] = 4
        overlaid["Reference"] = "REF-1"
        assert client.get_answers(item_id) == overlaid
        client.replace_answers(item_id, change)
        assert client.get_answers(item_id) == change
        client.begin_assembly_session(item_id)  # the current version is now InProgress
        for method in (client.update_answers, client.replace_answers):
            with pytest.raises(VersionStateError) as raised:
                method(item_id, start_answers())
            assert raised.value.allowed_statuses == ALLOWED
            assert "it is InProgress" in str(raised.value)
        assert client.get_answers(item_id) == change  # the session resumed the saved answers
        client.complete_assembly_session(item_id)
        client.update_answers(item_id, start_answers())  # Completed allows it again
        expected = start_answers()
        expected["Reference"] = "REF-1"  # kept: PATCH changes only the answers it carries
        assert client.get_answers(item_id) == expected
        empty = client.create_work_item(
            name="No answers", work_group_id=GROUP, template_package_id=PACKAGE
        )
        assert len(client.get_answers(empty)) == 0
        with pytest.raises(NotFoundError):
            client.get_answers(uuid.uuid4())
    assert advance_sandbox.state.spec_violations == []


def test_a_query_scoped_client_reads_answers_but_cannot_change_them(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """Reading answers and listing are query methods; replacing answers is a command method."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item_id = client.create_work_item(
            name="Scoped", work_group_id=GROUP, template_package_id=PACKAGE, answers=start_answers()
        )
    with AdvanceClient(advance_sandbox.base_url, auth=READER) as reader:
        assert reader.get_answers(item_id) == start_answers()
        assert [item.id for item in reader.list_work_items()] == [item_id]
        with pytest.raises(PermissionDeniedError):
            reader.replace_answers(item_id, AnswerSet())
    assert advance_sandbox.state.spec_violations == []


@pytest.mark.anyio
async def test_the_async_client_lists_and_moves_answers(advance_sandbox: AdvanceSandbox) -> None:
    """AsyncAdvanceClient does the same: lists lazily, reads, overlays and replaces answers."""
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        assert [g.name async for g in client.list_work_groups()] == ["Contracts", "Examples"]
        assert (await client.get_work_group(OTHER_GROUP)).name == "Examples"
        assert [p.id async for p in client.list_template_packages(GROUP)] == [uuid.UUID(PACKAGE)]
        assert (await client.get_template_package(OTHER_PACKAGE)).name == "Example contract"
        created = [
            await client.create_work_item(
                name=f"Async {n}",
                work_group_id=GROUP,
                template_package_id=PACKAGE,
                answers=start_answers(),
            )
            for n in range(5)
        ]
        assert [item.id async for item in client.list_work_items(page_size=2)] == created
        sizes = [len(page) async for page in client.list_work_items(page_size=2).iter_pages()]
        assert sizes == [2, 2, 1]
        versions = [v.status async for v in client.list_versions(created[0], "saved")]
        assert versions == ["Saved"]
        assert await client.get_answers(created[0]) == start_answers()
        change = AnswerSet()
        change["Client"] = "Bea"
        await client.update_answers(created[0], change)
        assert (await client.get_answers(created[0]))["Client"] == "Bea"
        await client.replace_answers(created[0], change)
        assert await client.get_answers(created[0]) == change
        await client.begin_assembly_session(created[0])
        with pytest.raises(VersionStateError):
            await client.update_answers(created[0], change)
    assert advance_sandbox.state.spec_violations == []
