"""Type-checked, never run: the intended use of hotdocs_advance, and misuse mypy must catch."""

from __future__ import annotations

import contextlib
import datetime
import io
import uuid
from decimal import Decimal
from pathlib import Path

import httpx
from hotdocs_advance import (
    AdvanceClient,
    AdvanceError,
    AnswerKind,
    AnswerSet,
    AnswerValue,
    AssemblySession,
    AsyncAdvanceClient,
    AsyncPage,
    AsyncPager,
    BulkOutcome,
    BulkReport,
    BulkRow,
    ConflictError,
    Document,
    MultipleChoice,
    PublicInterviewLink,
    SaveAndCloseResult,
    ServicePrincipal,
    Shard,
    SyncPage,
    SyncPager,
    TemplatePackage,
    Unanswered,
    VersionResult,
    VersionStateError,
    VersionStatus,
    VersionWaitTimeoutError,
    WorkGroup,
    WorkItem,
    WorkItemVersion,
    abulk_create_work_items,
    bulk_create_work_items,
    read_rows,
    validate_answer_xml,
)


def build_answers(names: list[str]) -> AnswerSet:
    answers = AnswerSet(title="", version="1.1")
    answers["CompanyName"] = "ExampleCorp"
    answers["Amount"] = Decimal("1500.25")
    answers["Count"] = 3
    answers["Signed"] = datetime.date(2024, 1, 31)
    answers["Approved"] = True
    answers["Colour"] = MultipleChoice("Red", "Blue")
    answers["Spouse"] = Unanswered(AnswerKind.TEXT)
    answers["Children"] = names
    answers["Grid"] = [["a", None], []]
    answers.answer_attributes("Children")["userExtendible"] = "false"
    answers.value_attributes("Children", 0)["userModifiable"] = "false"
    value: AnswerValue = answers["CompanyName"]
    assert isinstance(value, str)
    return answers


def round_trip(xml: str | bytes) -> dict[str, object]:
    answers = AnswerSet.from_xml(xml)
    validate_answer_xml(answers.to_xml())
    again = AnswerSet.from_dict(answers.to_dict())
    data: bytes = again.to_bytes()
    return {"xml": data, **again}


def create(principal: ServicePrincipal, answers: AnswerSet) -> uuid.UUID:
    with AdvanceClient.cloud("tenancy1", auth=principal, max_retries=3) as client:
        work_item_id = client.create_work_item(
            name="ExampleCorp contract renewal",
            work_group_id="cb97f8d6-04a1-490a-aa09-92af12dfb305",
            template_package_id=uuid.UUID("0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"),
            answers=answers,
            assemble_immediately=True,
        )
        item: WorkItem = client.get_work_item(work_item_id)
        session: AssemblySession = client.begin_assembly_session(work_item_id, force_create=True)
        client.save_assembly_session(work_item_id)
        client.complete_assembly_session(work_item_id, run_assembly=False)
        result: SaveAndCloseResult = client.with_options(timeout=5.0).save_and_close(
            work_item_id, session.version_id, callback_url="https://example.com/done"
        )
        status: VersionStatus = client.get_version_status(work_item_id, session.version_id)
        if result.accepted and not status.is_final and item.name is not None:
            return work_item_id
    return work_item_id


def on_premise(token: str) -> PublicInterviewLink | None:
    client = AdvanceClient.on_premise(
        "tenancy1",
        "example.org",
        auth=token,
        timeout=httpx.Timeout(10.0),
        http_client=httpx.Client(),
    )
    try:
        link_id = client.create_public_interview_link(
            name="Onboarding Link",
            template_package_id="0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
            work_group_id="cb97f8d6-04a1-490a-aa09-92af12dfb305",
        )
        link = client.get_public_interview_link(link_id)
        client.delete_public_interview_link(link_id)
    except ConflictError as exc:
        print(exc.status_code, exc.body, exc.method, exc.url)
        return None
    except AdvanceError:
        raise
    finally:
        client.close()
    return link


async def create_async(token: str) -> uuid.UUID:
    async with AsyncAdvanceClient("http://127.0.0.1:8000/api/rest", auth=token) as client:
        session: AssemblySession = await client.begin_assembly_session(uuid.uuid4())
        await client.save_assembly_session(session.version_id)
        return await client.create_work_item(
            name="n", work_group_id=uuid.uuid4(), template_package_id=uuid.uuid4()
        )


def documents(client: AdvanceClient, work_item_id: uuid.UUID) -> list[Path]:
    listed: list[Document] = client.list_documents(work_item_id)
    paths = []
    for document in listed:
        assert document.id is not None
        one: Document = client.get_document(work_item_id, document.id)
        size: int | None = one.size
        paths.append(client.download_document(work_item_id, str(document.id), Path("out")))
        paths.append(client.download_document(work_item_id, document.id, "x.docx", sync=True))
        paths.append(client.download_document(work_item_id, document.id, io.BytesIO()))
        with open("copy.docx", "wb") as file:
            client.download_document(work_item_id, document.id, file)
        total = sum(len(piece) for piece in client.iter_document(work_item_id, document.id))
        assert size is None or total == size
    return paths


async def documents_async(client: AsyncAdvanceClient, work_item_id: uuid.UUID) -> int:
    (document,) = await client.list_documents(work_item_id)
    assert document.id is not None
    path: Path = await client.download_document(work_item_id, document.id, Path("out"))
    async with contextlib.aclosing(client.iter_document(work_item_id, document.id)) as pieces:
        return path.stat().st_size + sum([len(piece) async for piece in pieces])


def misuse(client: AdvanceClient, answers: AnswerSet) -> None:
    client.create_work_item("n", uuid.uuid4(), uuid.uuid4())  # type: ignore[call-arg]
    client.create_work_item(name="n", work_group_id=1, template_package_id=uuid.uuid4())  # type: ignore[arg-type]
    client.save_and_close(uuid.uuid4(), uuid.uuid4(), callback_url=b"x")  # type: ignore[arg-type]
    answers["Raw"] = object()  # type: ignore[assignment]
    answers["When"] = {"day": 1}  # type: ignore[assignment]
    answers[1] = "x"  # type: ignore[index]
    MultipleChoice(1, 2)  # type: ignore[arg-type]
    Unanswered("text")  # type: ignore[arg-type]
    AdvanceClient("https://x/api/rest")  # type: ignore[call-arg]
    client.download_document(uuid.uuid4(), uuid.uuid4(), 42)  # type: ignore[arg-type]
    client.download_document(uuid.uuid4(), uuid.uuid4(), Path("x"), True)  # type: ignore[call-arg]


# v2.0 versions to the end (issue 14).
def versions(client: AdvanceClient, work_item_id: uuid.UUID) -> VersionStatus:
    created: VersionResult = client.create_version(work_item_id, answers=AnswerSet())
    version: uuid.UUID = created.version_id
    done = client.complete_version(work_item_id, version, callback_url="https://example.com/cb")
    if done.accepted and not done.is_final:
        try:
            return client.wait_for_version(work_item_id, version, timeout=60, poll_interval=0.5)
        except VersionWaitTimeoutError as exc:
            last: VersionStatus = exc.status
            return last
    batch = client.create_and_assemble(work_item_id, force_create=True)
    status: str | None = batch.status
    client.create_version(work_item_id, answers=5)  # type: ignore[arg-type]
    client.wait_for_version(work_item_id, version, timeout="1")  # type: ignore[arg-type]
    client.complete_version(work_item_id)  # type: ignore[call-arg]
    return VersionStatus(status=status or "")


async def versions_async(client: AsyncAdvanceClient, work_item_id: uuid.UUID) -> VersionStatus:
    batch: VersionResult = await client.create_and_assemble(work_item_id, answers="<AnswerSet/>")
    return await client.wait_for_version(work_item_id, batch.version_id)


# Issue 14: discovery, listing and answers out.


def discover(client: AdvanceClient, work_item_id: uuid.UUID) -> list[uuid.UUID | None]:
    groups: SyncPager[WorkGroup] = client.list_work_groups(page_size=50)
    ids = [group.id for group in groups]
    first: SyncPage[WorkGroup] = groups.first_page()
    after: SyncPage[WorkGroup] | None = first.get_next_page()
    packages: list[TemplatePackage] = list(client.list_template_packages(ids[0]))
    package: TemplatePackage = client.get_template_package(packages[0].id or uuid.uuid4())
    group: WorkGroup = client.get_work_group("cb97f8d6-04a1-490a-aa09-92af12dfb305")
    items: list[WorkItem] = [page.items[0] for page in client.list_work_items("Saved").iter_pages()]
    versions: list[WorkItemVersion] = list(client.list_versions(work_item_id, filter="Completed"))
    answers: AnswerSet = client.get_answers(work_item_id)
    client.update_answers(work_item_id, answers)
    try:
        client.replace_answers(work_item_id, answers.to_xml())
    except VersionStateError as exc:
        allowed: frozenset[str] = exc.allowed_statuses
        print(allowed, after, package, group, items, versions)
    return ids


async def discover_async(client: AsyncAdvanceClient, work_item_id: uuid.UUID) -> AnswerSet:
    pager: AsyncPager[WorkItem] = client.list_work_items()
    async for page in pager.iter_pages():
        one: AsyncPage[WorkItem] = page
        print(one.next_page_token)
    names = [group.name async for group in client.list_work_groups()]
    print(names)
    return await client.get_answers(work_item_id)


def listing_misuse(client: AdvanceClient) -> None:
    client.list_work_items(page_size="10")  # type: ignore[arg-type]
    client.list_versions()  # type: ignore[call-arg]
    client.replace_answers(uuid.uuid4(), {"a": "b"})  # type: ignore[arg-type]
    for group in client.list_work_groups():  # the pager yields items, not pages
        print(group.next_page_token)  # type: ignore[attr-defined]


def bulk(client: AdvanceClient) -> BulkReport:
    rows = read_rows("customers.csv", key_column="CustomerId", name="{Customer} renewal")
    report = bulk_create_work_items(
        client, rows, work_group_id=uuid.uuid4(), template_package_id="x", shard="1/3"
    )
    counts: dict[str, int] = report.counts()
    outcome: BulkOutcome = report.results[0].outcome
    bulk_create_work_items(client, rows, work_group_id="x")  # type: ignore[call-arg]
    bulk_create_work_items(  # type: ignore[call-arg]
        client, rows, work_group_id="x", template_package_id="y", concurency=8
    )
    bulk_create_work_items(
        client,
        rows,
        work_group_id="x",
        template_package_id="y",
        check_first="maybe",  # type: ignore[arg-type]
    )
    bulk_create_work_items(  # type: ignore[call-arg]
        lambda: AsyncAdvanceClient("https://h/api/rest", auth="t"), rows
    )
    _ = (counts, outcome)
    return report


async def bulk_async(client: AsyncAdvanceClient, rows: list[BulkRow]) -> BulkReport:
    return await abulk_create_work_items(
        client, rows, work_group_id="x", template_package_id="y", shard=Shard(1, 2)
    )
