"""Documents end to end: the sandbox assembles a real .docx, both clients list and download it.

Each assembly (a create with ``assemble_immediately``, a completion with ``run_assembly``)
produces one document listing the template package and every answer; python-docx reads it
as Word's format. The sandbox validates every request and answer against the spec, and the
tests check that it found nothing to complain about.
"""

from __future__ import annotations

import datetime
import io
import shutil
import subprocess
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import docx
import httpx
import pytest
from hotdocs_advance import (
    AdvanceClient,
    AnswerKind,
    AnswerSet,
    AsyncAdvanceClient,
    MultipleChoice,
    NotFoundError,
    ServicePrincipal,
    Unanswered,
)
from hotdocs_advance.sandbox import AdvanceSandbox, SeedError
from hotdocs_advance.sandbox._app import content_disposition
from hotdocs_advance.sandbox._seed import DEFAULT_SEED_DATA, AdvanceSeed
from hotdocs_advance_api.types import disposition_file_name

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
READER = ServicePrincipal("sandbox-reader", "reader-principal", "reader-password")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def answers() -> AnswerSet:
    built = AnswerSet()
    built["CompanyName"] = "ExampleCorp & Sons"
    built["Contract Value"] = Decimal("125000.50")
    built["Start Date"] = datetime.date(2026, 5, 15)
    built["Auto Renew"] = True
    built["Regions"] = MultipleChoice("North", "West")
    built["Signatory Name"] = ["Ann Smith", "Cy Jones"]
    built["Notes"] = Unanswered(AnswerKind.TEXT)
    return built


EXPECTED_ROWS = [
    ["Answer", "Value"],
    ["CompanyName", "ExampleCorp & Sons"],
    ["Contract Value", "125000.50"],
    ["Start Date", "15/5/2026"],
    ["Auto Renew", "true"],
    ["Regions", "North, West"],
    ["Signatory Name", "Ann Smith; Cy Jones"],
    ["Notes", "(unanswered)"],
]


def read_docx(data: bytes | Path) -> Any:
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def table_rows(document: Any) -> list[list[str]]:
    (table,) = document.tables
    return [[cell.text for cell in row.cells] for row in table.rows]


def seeded(**documents: object) -> dict[str, object]:
    return {**DEFAULT_SEED_DATA, "documents": documents}


def test_a_completed_session_assembles_a_docx_of_the_package_and_every_answer(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """run_assembly produces one .docx; it lists the package and every answer (python-docx)."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="ExampleCorp contract renewal", work_group_id=GROUP, template_package_id=PACKAGE
        )
        assert client.list_documents(item) == []  # nothing assembled yet
        session = client.begin_assembly_session(item, answers=answers())
        client.complete_assembly_session(item)
        (listed,) = client.list_documents(item)
        meta = client.get_document(item, listed.id or uuid.uuid4())
        path = client.download_document(item, listed.id or uuid.uuid4(), tmp_path)
    assert meta == listed
    assert (meta.name, meta.file_name, meta.content_type) == (
        "Contract renewal",
        "Contract renewal.docx",
        DOCX,
    )
    assert meta.version_id == session.version_id
    assert path == tmp_path / "Contract renewal.docx"
    assert meta.size == path.stat().st_size
    document = read_docx(path)
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "ExampleCorp contract renewal"
    assert f"Template package: Contract renewal ({PACKAGE})" in texts
    assert table_rows(document) == EXPECTED_ROWS
    assert document.core_properties.title == "ExampleCorp contract renewal"
    assert document.core_properties.subject == "Contract renewal"
    stored = advance_sandbox.state.work_items[item].documents
    assert listed.id is not None
    assert list(stored) == [listed.id]
    assert stored[listed.id].content == path.read_bytes()
    assert advance_sandbox.state.spec_violations == []


def test_assemble_immediately_assembles_and_the_defaults_do_not(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """assembleImmediately=true gives one document; without it, or runAssembly=false, none."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        at_once = client.create_work_item(
            name="At once",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=answers(),
            assemble_immediately=True,
        )
        later = client.create_work_item(
            name="Later", work_group_id=GROUP, template_package_id=PACKAGE, answers=answers()
        )
        client.begin_assembly_session(later)
        client.complete_assembly_session(later, run_assembly=False)
        (document,) = client.list_documents(at_once)
        content = b"".join(client.iter_document(at_once, document.id or uuid.uuid4()))
        assert client.list_documents(later) == []
    assert table_rows(read_docx(content)) == EXPECTED_ROWS
    assert advance_sandbox.state.work_items[later].documents == {}


def test_each_assembly_adds_one_document_and_only_the_latest_is_served(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """A second assembly makes a second document; the first is kept but answers 404."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Twice",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            assemble_immediately=True,
        )
        (first,) = client.list_documents(item)
        changed = AnswerSet()
        changed["CompanyName"] = "Changed"
        client.begin_assembly_session(item, answers=changed)
        client.complete_assembly_session(item)
        (second,) = client.list_documents(item)
        with pytest.raises(NotFoundError):
            client.get_document(item, first.id or uuid.uuid4())
        with pytest.raises(NotFoundError):
            b"".join(client.iter_document(item, first.id or uuid.uuid4()))
        content = b"".join(client.iter_document(item, second.id or uuid.uuid4()))
        with pytest.raises(NotFoundError):
            client.list_documents(uuid.uuid4())
    assert first.id != second.id
    assert len(advance_sandbox.state.work_items[item].documents) == 2
    assert table_rows(read_docx(content)) == [["Answer", "Value"], ["CompanyName", "Changed"]]


def test_a_query_scoped_client_may_read_documents(advance_sandbox: AdvanceSandbox) -> None:
    """The document reads are query methods: a Query-scope API client may call them."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as writer:
        item = writer.create_work_item(
            name="Shared",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            assemble_immediately=True,
        )
    with AdvanceClient(advance_sandbox.base_url, auth=READER) as reader:
        (document,) = reader.list_documents(item)
        assert b"".join(reader.iter_document(item, document.id or uuid.uuid4()))[:2] == b"PK"


@pytest.mark.parametrize(
    ("package_name", "saved_as"),
    [
        ("../../escape", "escape.docx"),
        ("Contrat d'été", "Contrat d'été.docx"),
        ("a\\b/c:d", "c_d.docx"),
    ],
)
def test_the_servers_file_name_is_used_safely(
    advance_sandbox: AdvanceSandbox, tmp_path: Path, package_name: str, saved_as: str
) -> None:
    """A package name with directories or non-ASCII letters lands, sanitized, in the folder."""
    seed = {
        **DEFAULT_SEED_DATA,
        "templatePackages": [
            {"id": PACKAGE, "name": package_name, "workGroups": [GROUP]},
        ],
    }
    advance_sandbox.reset(seed)
    folder = tmp_path / "inside"
    folder.mkdir()
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Names",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            assemble_immediately=True,
        )
        (document,) = client.list_documents(item)
        assert document.file_name == package_name + ".docx"  # as the server has it
        path = client.download_document(item, document.id or uuid.uuid4(), folder)
    assert path == folder / saved_as
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["inside", saved_as])
    assert read_docx(path).core_properties.subject == package_name
    assert advance_sandbox.state.spec_violations == []


def test_padding_makes_a_large_document_that_is_still_a_docx(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """documents.paddingBytes adds a stored part: the file is that much larger and still valid."""
    advance_sandbox.reset(seeded(paddingBytes=3 * 1024 * 1024 + 5))
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Large",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=answers(),
            assemble_immediately=True,
        )
        (document,) = client.list_documents(item)
        path = client.download_document(item, document.id or uuid.uuid4(), tmp_path / "x.docx")
    assert path.stat().st_size > 3 * 1024 * 1024 + 5
    assert document.size == path.stat().st_size
    assert table_rows(read_docx(path)) == EXPECTED_ROWS


def test_a_negative_padding_is_a_seed_error() -> None:
    """The seed refuses a negative documents.paddingBytes, naming the field."""
    with pytest.raises(SeedError, match=r"documents\.paddingBytes"):
        AdvanceSeed.from_mapping(seeded(paddingBytes=-1))
    with pytest.raises(SeedError, match="documents"):
        AdvanceSeed.from_mapping(seeded(padding=1))


@pytest.mark.anyio
async def test_the_async_client_lists_and_downloads(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """AsyncAdvanceClient lists, reads, downloads and streams the sandbox's document."""
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = await client.create_work_item(
            name="Async documents",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=answers(),
        )
        await client.begin_assembly_session(item)
        await client.complete_assembly_session(item)
        (document,) = await client.list_documents(item)
        document_id = document.id or uuid.uuid4()
        meta = await client.get_document(item, document_id)
        path = await client.download_document(item, document_id, tmp_path, sync=True)
        pieces = [piece async for piece in client.iter_document(item, document_id)]
    assert meta == document
    assert path.read_bytes() == b"".join(pieces)
    assert table_rows(read_docx(path)) == EXPECTED_ROWS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Contract renewal.docx"]
    assert advance_sandbox.state.spec_violations == []


@pytest.mark.parametrize(
    "file_name",
    ["Contract renewal.docx", 'Say "hi" \\ now.docx', "Contrat d'été.docx", "line\nbreak.docx"],
)
def test_the_sandboxs_content_disposition_reads_back(file_name: str) -> None:
    """The sandbox writes an ASCII header that the generated reader turns back into the name."""
    value = content_disposition(file_name)
    assert value.isascii()
    assert "\n" not in value
    assert disposition_file_name(value) == file_name


def test_the_content_answer_on_the_wire(advance_sandbox: AdvanceSandbox) -> None:
    """Raw httpx sees the document's type, length and file name, and the body in pieces."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Wire", work_group_id=GROUP, template_package_id=PACKAGE, assemble_immediately=True
        )
        (document,) = client.list_documents(item)
    token = next(iter(advance_sandbox.state.tokens))
    url = f"{advance_sandbox.base_url}/v1.1/WorkItems/{item}/Documents/{document.id}/Content"
    with httpx.stream("GET", url, headers={"Authorization": f"Bearer {token}"}) as answer:
        body = answer.read()
    assert answer.status_code == 200
    assert answer.headers["content-type"] == DOCX
    assert answer.headers["content-length"] == str(len(body)) == str(document.size)
    assert answer.headers["content-disposition"] == 'attachment; filename="Contract renewal.docx"'
    assert body[:2] == b"PK"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_assembled_document(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """LibreOffice (headless) converts the sandbox's .docx to text holding every answer."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Opened by LibreOffice",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=answers(),
            assemble_immediately=True,
        )
        (document,) = client.list_documents(item)
        path = client.download_document(item, document.id or uuid.uuid4(), tmp_path / "in.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "in.txt").read_text(encoding="utf-8-sig")
    assert "Opened by LibreOffice" in text
    for name, value in EXPECTED_ROWS[1:]:
        assert name in text
        assert value in text


def test_v2_create_and_assemble_and_complete_produce_documents(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """A v2.0 CreateAndAssemble or Complete, once Completed, has its assembled document; a
    created version that is not completed has none."""
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="v2.0", work_group_id=GROUP, template_package_id=PACKAGE, answers=answers()
        )
        created = client.create_version(item, answers=answers())
        assert client.list_documents(item) == []
        done = client.complete_version(item, created.version_id)
        client.wait_for_version(item, done.version_id, timeout=10, poll_interval=0.05)
        (first,) = client.list_documents(item)
        batch = client.create_and_assemble(item, answers=answers())
        client.wait_for_version(item, batch.version_id, timeout=10, poll_interval=0.05)
        (latest,) = client.list_documents(item)
        content = b"".join(client.iter_document(item, latest.id or uuid.uuid4()))
    assert first.id != latest.id
    assert table_rows(read_docx(content)) == EXPECTED_ROWS
