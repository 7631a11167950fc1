"""Downloads that break off midway, against the sandbox (``Faults.cut``), over loopback.

The sandbox sends the status, the whole document's Content-Length and part of the body, then
closes the connection, as a failing network does. Whatever happens, nothing truncated is
ever left under the destination's name; a retry starts over from the first byte.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hotdocs_advance import (
    AdvanceClient,
    APIConnectionError,
    AsyncAdvanceClient,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import AdvanceSandbox, Faults
from hotdocs_advance.sandbox._seed import DEFAULT_SEED_DATA

from tests.clock import record_sleeps

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
SIZE = 2 * 1024 * 1024  # the padding: a document of a little over 2 MiB
CUT = 700_000  # bytes sent before the connection closes


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """No retry waits (recorded through the package's testing hook, never slept)."""
    record_sleeps(monkeypatch)


@pytest.fixture
def large(advance_sandbox: AdvanceSandbox) -> tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes]:
    """The sandbox with one assembled document of a little over 2 MiB: ids and bytes."""
    advance_sandbox.reset({**DEFAULT_SEED_DATA, "documents": {"paddingBytes": SIZE}})
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Large",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            assemble_immediately=True,
        )
        (document,) = client.list_documents(item)
    assert document.id is not None
    content = advance_sandbox.state.work_items[item].documents[document.id].content
    return advance_sandbox, item, document.id, content


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_connection_dropped_midway_leaves_no_file(
    large: tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes], tmp_path: Path
) -> None:
    """Cut with no retries: a typed connection error, no file under the name, no part file."""
    sandbox, item, document, _ = large
    sandbox.faults.cut(CUT)
    target = tmp_path / "contract.docx"
    with (
        AdvanceClient(sandbox.base_url, auth=PRINCIPAL, max_retries=0) as client,
        pytest.raises(APIConnectionError, match=r"GET .*/Content") as caught,
    ):
        client.download_document(item, document, target)
    assert "sandbox-password" not in str(caught.value)
    assert sandbox.faults.cuts_made == 1
    assert names(tmp_path) == []


def test_a_dropped_download_leaves_an_existing_file_as_it_was(
    large: tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes], tmp_path: Path
) -> None:
    """An existing file under the name is replaced only by a complete download."""
    sandbox, item, document, _ = large
    target = tmp_path / "contract.docx"
    target.write_bytes(b"yesterday's version")
    sandbox.faults.cut(CUT, count=3)
    with (
        AdvanceClient(sandbox.base_url, auth=PRINCIPAL, max_retries=2) as client,
        pytest.raises(APIConnectionError),
    ):
        client.download_document(item, document, target)
    assert sandbox.faults.cuts_made == 3  # every attempt the policy allows was made
    assert target.read_bytes() == b"yesterday's version"
    assert names(tmp_path) == ["contract.docx"]


def test_a_retried_download_starts_over_cleanly(
    large: tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes], tmp_path: Path
) -> None:
    """Cut twice, then whole: the file is the document byte for byte, not part + whole."""
    sandbox, item, document, content = large
    sandbox.faults.cut(CUT)
    sandbox.faults.cut(CUT * 2)
    with AdvanceClient(sandbox.base_url, auth=PRINCIPAL, max_retries=2) as client:
        path = client.download_document(item, document, tmp_path)
    assert sandbox.faults.cuts_made == 2
    assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(content).digest()
    assert names(tmp_path) == ["Contract renewal.docx"]


def test_a_retry_after_another_fault_also_starts_over(
    large: tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes], tmp_path: Path
) -> None:
    """A 503, a drop and a cut in a row, then the document: retried per the policy, whole."""
    sandbox, item, document, content = large
    sandbox.faults.force("unavailable")
    sandbox.faults.force("drop")
    sandbox.faults.cut(CUT)
    with AdvanceClient(sandbox.base_url, auth=PRINCIPAL, max_retries=3) as client:
        path = client.download_document(item, document, tmp_path / "x.docx")
    assert path.read_bytes() == content
    assert (sandbox.faults.injected["unavailable"], sandbox.faults.injected["drop"]) == (1, 1)
    assert sandbox.faults.cuts_made == 1


def test_pieces_that_break_off_raise_and_are_not_repeated(
    large: tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes],
) -> None:
    """iter_document: a cut after pieces were yielded raises; nothing was yielded twice."""
    sandbox, item, document, content = large
    sandbox.faults.cut(CUT)
    received = bytearray()

    def consume(pieces: Iterator[bytes]) -> None:
        for piece in pieces:
            received.extend(piece)

    with (
        AdvanceClient(sandbox.base_url, auth=PRINCIPAL, max_retries=3) as client,
        pytest.raises(APIConnectionError),
    ):
        consume(client.iter_document(item, document))
    assert bytes(received) == content[:CUT]


@pytest.mark.anyio
async def test_the_async_client_starts_over_and_leaves_nothing(
    large: tuple[AdvanceSandbox, uuid.UUID, uuid.UUID, bytes], tmp_path: Path
) -> None:
    """AsyncAdvanceClient: a cut with no retries leaves nothing; one retry gives the file."""
    sandbox, item, document, content = large
    sandbox.faults.cut(CUT)
    async with AsyncAdvanceClient(sandbox.base_url, auth=PRINCIPAL, max_retries=0) as client:
        with pytest.raises(APIConnectionError):
            await client.download_document(item, document, tmp_path / "x.docx")
        assert names(tmp_path) == []
        sandbox.faults.cut(CUT)
        retried = client.with_options(max_retries=1)
        path = await retried.download_document(item, document, tmp_path / "x.docx")
    assert path.read_bytes() == content
    assert sandbox.faults.cuts_made == 2


def test_cut_is_checked_and_cleared() -> None:
    """Faults.cut refuses negative numbers; clear() forgets pending cuts."""
    faults = Faults()
    with pytest.raises(ValueError, match="negative"):
        faults.cut(-1)
    with pytest.raises(ValueError, match="negative"):
        faults.cut(10, count=-1)
    faults.cut(10, count=2)
    assert faults.draw_cut(exempt=True) is None  # the log-in is exempt
    assert faults.draw_cut(exempt=False) == 10
    faults.clear()
    assert faults.draw_cut(exempt=False) is None
