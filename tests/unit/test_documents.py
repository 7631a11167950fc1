"""Documents on the wire (httpx MockTransport): listing, metadata, downloads, streamed pieces.

A download's body comes from a mocked transport whose stream can break off midway, so these
tests see what a file holds after each kind of failure; the sandbox's end-to-end tests are in
``tests/e2e/test_documents_e2e.py`` and ``tests/e2e/test_document_reliability.py``.
"""

from __future__ import annotations

import asyncio
import gzip
import inspect
import io
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hotdocs_advance import (
    MAX_RESPONSE_BYTES,
    AdvanceClient,
    APIConnectionError,
    APIResponseValidationError,
    AsyncAdvanceClient,
    Document,
    InvalidArgumentError,
    NotFoundError,
)
from hotdocs_advance._documents import fallback_file_name, safe_file_name, unique_file_names
from hotdocs_advance_api.api.documents import get_document_content, list_documents
from hotdocs_advance_api.types import (
    StreamedBody,
    UnexpectedResponse,
    disposition_file_name,
    media_type_problem,
)

from tests.clock import record_sleeps

BASE = "https://tenancy1.hotdocsadvance.com/api/rest"
TOKEN = "tok-123"
ITEM = uuid.UUID("2d9f3d10-6fdb-494f-9929-955515c6f114")
DOCUMENT = uuid.UUID("5e1d6c2a-3b4f-4a8e-9c7d-1f2e3d4c5b6a")
CONTENT_PATH = f"/api/rest/v1.1/WorkItems/{ITEM}/Documents/{DOCUMENT}/Content"
META_PATH = f"/api/rest/v1.1/WorkItems/{ITEM}/Documents/{DOCUMENT}"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BODY = bytes(range(256)) * 4096  # 1 MiB, every byte value
PIECE = 64 * 1024


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """No retry waits (recorded through the package's testing hook, never slept)."""
    record_sleeps(monkeypatch)


class Broken(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that yields ``keep`` bytes of ``data`` in pieces, then breaks off (or not)."""

    def __init__(self, data: bytes, keep: int | None = None) -> None:
        self.data = data
        self.keep = keep

    def _pieces(self) -> Iterator[bytes]:
        end = len(self.data) if self.keep is None else self.keep
        for start in range(0, end, PIECE):
            yield self.data[start : min(start + PIECE, end)]
        if self.keep is not None:
            raise httpx.RemoteProtocolError("peer closed connection without sending complete body")

    def __iter__(self) -> Iterator[bytes]:
        return self._pieces()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces():
            yield piece


class Server:
    """A mocked Advance API: each content request takes the next of ``answers``."""

    def __init__(self, *answers: Callable[[], httpx.Response]) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == META_PATH:
            return httpx.Response(200, json={"id": str(DOCUMENT), "fileName": "Meta name.docx"})
        assert request.url.path == CONTENT_PATH
        return self.answers.pop(0)() if len(self.answers) > 1 else self.answers[0]()

    @property
    def content_requests(self) -> int:
        return sum(r.url.path == CONTENT_PATH for r in self.requests)


def document(
    data: bytes = BODY,
    *,
    keep: int | None = None,
    headers: dict[str, str] | None = None,
    status: int = 200,
) -> Callable[[], httpx.Response]:
    """An answer of the content operation (a fresh one each time it is called)."""
    merged = {"Content-Type": DOCX, "Content-Length": str(len(data)), **(headers or {})}
    return lambda: httpx.Response(status, headers=merged, stream=Broken(data, keep))


def sync_client(server: Server, **options: Any) -> AdvanceClient:
    http = httpx.Client(transport=httpx.MockTransport(server))
    return AdvanceClient(BASE, auth=TOKEN, http_client=http, **options)


def async_client(server: Server, **options: Any) -> AsyncAdvanceClient:
    http = httpx.AsyncClient(transport=httpx.MockTransport(server))
    return AsyncAdvanceClient(BASE, auth=TOKEN, http_client=http, **options)


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


# --------------------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("Contract renewal.docx", "Contract renewal.docx"),
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("C:\\Users\\x\\a.docx", "a.docx"),
        ("/absolute/path.pdf", "path.pdf"),
        ("..", None),
        ("...", None),
        (".hidden.docx", "hidden.docx"),
        ("  spaced.docx  ", "spaced.docx"),
        ("trailing.docx. ", "trailing.docx"),
        ("a\x00b\nc.docx", "a_b_c.docx"),
        ("report\u202excod.exe", "report_xcod.exe"),  # a right-to-left override disguises .exe
        ('what?<>:"|*.docx', "what_______.docx"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("lpt1.docx", "_lpt1.docx"),
        ("conference.docx", "conference.docx"),
        ("été 2026.docx", "été 2026.docx"),
        ("\ud800lone.docx", "_lone.docx"),
        ("", None),
        (None, None),
        ("/", None),
        ("___", None),
    ],
)
def test_safe_file_name_keeps_only_a_bare_portable_name(sent: str | None, kept: str | None) -> None:
    """A server's file name loses directories, invisible and reserved characters, never escapes."""
    assert safe_file_name(sent) == kept
    if kept is not None:
        assert Path(kept).name == kept


def test_safe_file_name_cuts_long_names_keeping_the_extension() -> None:
    """A name past 255 UTF-8 bytes is cut on a character boundary, its extension kept."""
    name = safe_file_name("é" * 300 + ".docx")
    assert name is not None
    assert name.endswith(".docx")
    assert len(name.encode("utf-8")) <= 255
    assert set(name.removesuffix(".docx")) == {"é"}


def test_unique_file_names_are_safe_and_distinct_in_any_case() -> None:
    """Each document gets a safe name; a name taken (in any case) gets the id's first digits;
    the display name, then the id and type, stand in for a missing file name."""
    ids = [uuid.UUID(int=n << 96) for n in range(1, 5)]
    listed = [
        Document(id=ids[0], file_name="../Contract.docx", content_type=DOCX),
        Document(id=ids[1], file_name="contract.DOCX", content_type=DOCX),
        Document(id=ids[2], name="Cover letter", content_type=DOCX),
        Document(id=ids[3], content_type=DOCX),
    ]
    named = unique_file_names(listed)
    assert [document for document, _ in named] == listed
    assert [name for _, name in named] == [
        "Contract.docx",
        f"contract-{ids[1].hex[:8]}.DOCX",
        "Cover letter",
        f"{ids[3]}.docx",
    ]


def test_fallback_file_name_is_the_id_and_the_type_extension() -> None:
    """Without a file name from the server, the id and the media type's extension name it."""
    assert fallback_file_name(DOCUMENT, DOCX) == f"{DOCUMENT}.docx"
    assert fallback_file_name(DOCUMENT, "application/pdf") == f"{DOCUMENT}.pdf"
    assert fallback_file_name(DOCUMENT, None) == str(DOCUMENT)
    assert fallback_file_name(DOCUMENT, "x-unknown/whatever") == str(DOCUMENT)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ('attachment; filename="Contract renewal.docx"', "Contract renewal.docx"),
        ("attachment; filename=plain.pdf", "plain.pdf"),
        ("attachment; filename*=UTF-8''%C3%A9t%C3%A9.docx", "été.docx"),
        # RFC 6266: filename* wins over filename, in either order.
        ("attachment; filename=\"fallback.docx\"; filename*=UTF-8''%E2%82%AC.docx", "€.docx"),
        ("attachment; filename*=UTF-8''%E2%82%AC.docx; filename=\"fallback.docx\"", "€.docx"),
        ('attachment; filename="\\"quoted\\".docx"', '"quoted".docx'),
        ('attachment; filename="../../etc/passwd"', "../../etc/passwd"),  # sanitized later
        ("inline", None),
        ("", None),
        (None, None),
    ],
)
def test_content_disposition_file_name(header: str | None, name: str | None) -> None:
    """The generated helper reads filename* (RFC 5987) before filename, unsanitized."""
    assert disposition_file_name(header) == name


# --------------------------------------------------------------------------- generated parsing


def test_the_content_operation_is_streamed_and_parsed_from_its_head() -> None:
    """x-sdk-stream: parse_response reads the headers only; the body stays unread."""
    assert get_document_content.STREAMED is True
    response = httpx.Response(
        200,
        headers={
            "Content-Type": f"{DOCX}; charset=binary",
            "Content-Length": "12",
            "Content-Disposition": 'attachment; filename="a.docx"',
        },
        stream=Broken(b"x" * 12),
    )
    assert get_document_content.parse_response(response) == StreamedBody(DOCX, "a.docx", 12)
    assert not response.is_stream_consumed
    encoded = httpx.Response(
        200, headers={"Content-Length": "5", "Content-Encoding": "gzip"}, stream=Broken(b"x")
    )
    assert get_document_content.parse_response(encoded) == StreamedBody(None, None, None)
    assert isinstance(get_document_content.parse_response(httpx.Response(204)), UnexpectedResponse)


def test_media_type_ranges_match_any_subtype() -> None:
    """A documented */* or type/* range accepts any type, or any subtype, and nothing else."""
    answer = httpx.Response(200, headers={"Content-Type": "application/pdf"})
    assert media_type_problem(answer, ("*/*",)) is None
    assert media_type_problem(answer, ("application/*",)) is None
    assert media_type_problem(answer, ("text/*",)) is not None


def test_a_document_list_must_be_a_json_array() -> None:
    """listDocuments reads a JSON array of Document; an object or a bad item is not the API's."""
    good = httpx.Response(200, json=[{"id": str(DOCUMENT), "size": 3}])
    assert list_documents.parse_response(good) == [Document(id=DOCUMENT, size=3)]
    for body in ({"id": str(DOCUMENT)}, ["not an object"], [{"size": "large"}]):
        parsed = list_documents.parse_response(httpx.Response(200, json=body))
        assert isinstance(parsed, UnexpectedResponse), body


# --------------------------------------------------------------------------- listing, metadata


def test_list_and_get_documents_return_the_generated_model() -> None:
    """list_documents and get_document send their GETs and return Document models."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        item = {"id": str(DOCUMENT), "name": "Contract", "fileName": "Contract.docx"}
        if request.url.path.endswith("/Documents"):
            return httpx.Response(200, json=[{**item, "pages": 3}])
        return httpx.Response(200, json={**item, "contentType": DOCX, "size": 10})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with AdvanceClient(BASE, auth=TOKEN, http_client=http) as client:
        (listed,) = client.list_documents(str(ITEM))
        one = client.get_document(ITEM, f"{{{DOCUMENT}}}")
    assert (listed.id, listed.file_name, listed.extra) == (DOCUMENT, "Contract.docx", {"pages": 3})
    assert (one.content_type, one.size, one.version_id) == (DOCX, 10, None)
    assert [r.url.path for r in seen] == [f"/api/rest/v1.1/WorkItems/{ITEM}/Documents", META_PATH]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in seen)


@pytest.mark.parametrize(
    "call",
    [
        lambda c, folder: c.list_documents("not-a-guid"),
        lambda c, folder: c.get_document(ITEM, "nope"),
        lambda c, folder: c.download_document("nope", DOCUMENT, folder / "x.docx"),
        lambda c, folder: c.download_document(ITEM, DOCUMENT, folder / "missing" / "x.docx"),
        lambda c, folder: c.download_document(ITEM, DOCUMENT, str(folder / "missing") + "/"),
        lambda c, folder: c.download_document(ITEM, DOCUMENT, ""),
        lambda c, folder: c.download_document(ITEM, DOCUMENT, io.StringIO()),
        lambda c, folder: c.download_document(ITEM, DOCUMENT, 42),
        lambda c, folder: c.download_document(ITEM, DOCUMENT, folder / "x", sync="yes"),
        lambda c, folder: c.iter_document(ITEM, "nope"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(call: Any, tmp_path: Path) -> None:
    """Bad ids and destinations raise InvalidArgumentError at the call, sending nothing."""
    server = Server(document())
    with sync_client(server) as client, pytest.raises(InvalidArgumentError):
        call(client, tmp_path)
    assert server.requests == []
    assert leftovers(tmp_path) == []


def test_a_closed_or_read_only_file_is_refused(tmp_path: Path) -> None:
    """An open file must be open, binary and writable."""
    server = Server(document())
    closed = io.BytesIO()
    closed.close()
    with (tmp_path / "r").open("wb") as handle:
        handle.write(b"x")
    with sync_client(server) as client, (tmp_path / "r").open("rb") as read_only:
        for destination in (closed, read_only):
            with pytest.raises(InvalidArgumentError, match="destination"):
                client.download_document(ITEM, DOCUMENT, destination)
    assert server.requests == []


# --------------------------------------------------------------------------- downloads


def test_download_to_a_path_writes_the_whole_body_and_nothing_else(tmp_path: Path) -> None:
    """A path gets exactly the body; the part file is gone; an existing file is replaced."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    server = Server(document())
    with sync_client(server) as client:
        result = client.download_document(ITEM, DOCUMENT, target)
    assert result == target
    assert target.read_bytes() == BODY
    assert leftovers(tmp_path) == ["out.docx"]
    request = server.requests[0]
    assert request.method == "GET"
    assert request.headers["Accept-Encoding"] == "gzip, deflate"


def test_download_with_sync_writes_the_same_file(tmp_path: Path) -> None:
    """sync=True changes durability only: the same bytes under the same name."""
    server = Server(document())
    with sync_client(server) as client:
        client.download_document(ITEM, DOCUMENT, str(tmp_path / "out.docx"), sync=True)
    assert (tmp_path / "out.docx").read_bytes() == BODY
    assert leftovers(tmp_path) == ["out.docx"]


def test_a_download_is_not_capped_like_json_answers(tmp_path: Path) -> None:
    """A document larger than MAX_RESPONSE_BYTES downloads whole (the cap is for JSON)."""
    large = b"\x5a" * (MAX_RESPONSE_BYTES + PIECE + 1)
    server = Server(document(large))
    with sync_client(server) as client:
        client.download_document(ITEM, DOCUMENT, tmp_path / "big.bin")
        streamed = b"".join(client.iter_document(ITEM, DOCUMENT))
    assert (tmp_path / "big.bin").stat().st_size == len(large)
    assert streamed == large


def test_an_error_answer_is_still_capped(tmp_path: Path) -> None:
    """An error answer of a download is read within the cap like any other answer."""
    huge = document(b"{" * (MAX_RESPONSE_BYTES + 1), status=404)
    server = Server(huge)
    with sync_client(server) as client, pytest.raises(APIResponseValidationError, match="larger"):
        client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("disposition", "expected"),
    [
        ('attachment; filename="Contract renewal.docx"', "Contract renewal.docx"),
        ('attachment; filename="../../../escape.docx"', "escape.docx"),
        ("attachment; filename*=UTF-8''%C3%A9t%C3%A9.docx", "été.docx"),
        ('attachment; filename=".."', f"{DOCUMENT}.docx"),
    ],
)
def test_download_into_a_directory_names_the_file_safely(
    tmp_path: Path, disposition: str, expected: str
) -> None:
    """A directory gets the Content-Disposition name, sanitized, and nothing outside it."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    server = Server(document(headers={"Content-Disposition": disposition}))
    with sync_client(server) as client:
        result = client.download_document(ITEM, DOCUMENT, folder)
    assert result == folder / expected
    assert result.read_bytes() == BODY
    assert leftovers(folder) == [expected]
    assert leftovers(tmp_path) == ["downloads"]
    assert server.content_requests == len(server.requests)  # no metadata read was needed


def test_without_content_disposition_the_metadata_names_the_file(tmp_path: Path) -> None:
    """With no Content-Disposition, the document metadata's fileName is used."""
    server = Server(document())
    with sync_client(server) as client:
        result = client.download_document(ITEM, DOCUMENT, tmp_path)
    assert result == tmp_path / "Meta name.docx"
    assert [r.url.path for r in server.requests] == [CONTENT_PATH, META_PATH]


def test_when_the_metadata_cannot_name_it_the_id_does(tmp_path: Path) -> None:
    """A metadata read that fails leaves the complete download under <id><extension>."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == META_PATH:
            return httpx.Response(404, json={"title": "Not Found"})
        return document()()

    http = httpx.Client(transport=httpx.MockTransport(handler))
    with AdvanceClient(BASE, auth=TOKEN, http_client=http, max_retries=0) as client:
        result = client.download_document(ITEM, DOCUMENT, tmp_path)
    assert result == tmp_path / f"{DOCUMENT}.docx"
    assert result.read_bytes() == BODY


def test_download_into_an_open_binary_file(tmp_path: Path) -> None:
    """An open file is written in place after what it holds; its name is returned."""
    buffer = io.BytesIO(b"HEAD")
    buffer.seek(4)
    server = Server(document(headers={"Content-Disposition": 'attachment; filename="a.docx"'}))
    with sync_client(server) as client:
        assert client.download_document(ITEM, DOCUMENT, buffer) == Path("a.docx")
        with (tmp_path / "named.docx").open("wb") as handle:
            assert client.download_document(ITEM, DOCUMENT, handle) == tmp_path / "named.docx"
    assert buffer.getvalue() == b"HEAD" + BODY
    assert (tmp_path / "named.docx").read_bytes() == BODY


def test_a_gzip_encoded_document_is_decoded(tmp_path: Path) -> None:
    """A compressed answer is decoded (with bounded output) before it is written."""
    packed = gzip.compress(BODY)
    server = Server(document(packed, headers={"Content-Encoding": "gzip"}))
    with sync_client(server) as client:
        client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx")
    assert (tmp_path / "x.docx").read_bytes() == BODY


def test_a_coding_the_sdk_did_not_ask_for_is_refused_unread(tmp_path: Path) -> None:
    """A br or stacked coding is refused before a byte is written; nothing is left."""
    server = Server(document(b"\x00" * 100, headers={"Content-Encoding": "br"}))
    with sync_client(server) as client, pytest.raises(APIResponseValidationError, match="br"):
        client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx")
    assert leftovers(tmp_path) == []
    assert server.content_requests == 1  # not a failure a retry could mend


def test_not_found_leaves_nothing(tmp_path: Path) -> None:
    """A 404 raises NotFoundError; no file and no part file are left."""
    server = Server(lambda: httpx.Response(404, json={"title": "Not Found", "status": 404}))
    with sync_client(server) as client, pytest.raises(NotFoundError):
        client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx")
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------- broken downloads


def test_a_broken_download_leaves_no_file_and_the_old_one_untouched(tmp_path: Path) -> None:
    """Cut midway with no retries: APIConnectionError, the old file as it was, no part file."""
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous version")
    server = Server(document(keep=3 * PIECE))
    with sync_client(server, max_retries=0) as client, pytest.raises(APIConnectionError):
        client.download_document(ITEM, DOCUMENT, target)
    assert target.read_bytes() == b"previous version"
    assert leftovers(tmp_path) == ["out.docx"]


def test_a_retried_download_starts_over(tmp_path: Path) -> None:
    """Cut midway twice, then whole: the file holds the body once, from its first byte."""
    server = Server(document(keep=5 * PIECE), document(keep=PIECE + 7), document())
    with sync_client(server, max_retries=2) as client:
        client.download_document(ITEM, DOCUMENT, tmp_path / "out.docx")
    assert (tmp_path / "out.docx").read_bytes() == BODY
    assert server.content_requests == 3
    assert leftovers(tmp_path) == ["out.docx"]


def test_retries_run_out_and_nothing_is_left(tmp_path: Path) -> None:
    """Cut every time: max_retries + 1 attempts, then APIConnectionError, and no file."""
    server = Server(document(keep=PIECE))
    with sync_client(server, max_retries=2) as client, pytest.raises(APIConnectionError):
        client.download_document(ITEM, DOCUMENT, tmp_path)
    assert server.content_requests == 3
    assert leftovers(tmp_path) == []


def test_a_retry_rewinds_a_seekable_open_file() -> None:
    """An open file that can seek is rewound for the retry, so it holds the body once."""
    buffer = io.BytesIO(b"KEEP")
    buffer.seek(4)
    server = Server(document(keep=2 * PIECE), document())
    with sync_client(server) as client:
        client.download_document(ITEM, DOCUMENT, buffer)
    assert buffer.getvalue() == b"KEEP" + BODY


def test_a_failed_download_rewinds_a_seekable_open_file() -> None:
    """When every attempt fails, a seekable open file is put back as it was."""
    buffer = io.BytesIO(b"KEEP")
    buffer.seek(4)
    server = Server(document(keep=2 * PIECE))
    with sync_client(server, max_retries=1) as client, pytest.raises(APIConnectionError):
        client.download_document(ITEM, DOCUMENT, buffer)
    assert buffer.getvalue() == b"KEEP"


class Pipe(io.RawIOBase):
    """A write-only file that cannot seek (a pipe, a socket, an archive member)."""

    def __init__(self) -> None:
        self.received = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.received += bytes(data)
        return len(data)


def test_a_file_that_cannot_seek_is_not_retried_once_written() -> None:
    """Cut after bytes went into a pipe: no retry (it would write them twice), the error."""
    pipe = Pipe()
    server = Server(document(keep=2 * PIECE), document())
    with sync_client(server, max_retries=3) as client, pytest.raises(APIConnectionError):
        client.download_document(ITEM, DOCUMENT, pipe)
    assert server.content_requests == 1
    assert bytes(pipe.received) == BODY[: 2 * PIECE]


def test_a_file_that_cannot_seek_is_retried_before_any_byte() -> None:
    """A failure before the body started is retried even into a pipe."""
    pipe = Pipe()
    server = Server(lambda: httpx.Response(503), document())
    with sync_client(server) as client:
        client.download_document(ITEM, DOCUMENT, pipe)
    assert bytes(pipe.received) == BODY
    assert server.content_requests == 2


def test_a_write_error_is_raised_as_it_is_and_not_retried(tmp_path: Path) -> None:
    """A failing file (a full disk) raises its OSError at once; nothing is retried."""

    class Full(Pipe):
        def write(self, data: Any) -> int:
            raise OSError(28, "No space left on device")

    server = Server(document())
    with sync_client(server) as client, pytest.raises(OSError, match="No space"):
        client.download_document(ITEM, DOCUMENT, Full())
    assert server.content_requests == 1


# --------------------------------------------------------------------------- pieces


def test_iter_document_yields_the_body_in_bounded_pieces() -> None:
    """iter_document yields the body in order, each piece at most 64 KiB."""
    server = Server(document())
    with sync_client(server) as client:
        pieces = list(client.iter_document(ITEM, DOCUMENT))
    assert b"".join(pieces) == BODY
    assert max(map(len, pieces)) <= PIECE


def test_iter_document_is_retried_until_the_body_starts_never_after() -> None:
    """A 503 is retried; a break after pieces were yielded raises (no piece twice)."""
    server = Server(lambda: httpx.Response(503), document(keep=3 * PIECE), document())
    received = bytearray()

    def consume(pieces: Iterator[bytes]) -> None:
        for piece in pieces:
            received.extend(piece)

    with sync_client(server, max_retries=3) as client, pytest.raises(APIConnectionError):
        consume(client.iter_document(ITEM, DOCUMENT))
    assert bytes(received) == BODY[: 3 * PIECE]
    assert server.content_requests == 2


# --------------------------------------------------------------------------- the async client


@pytest.mark.anyio
async def test_async_download_list_and_pieces(tmp_path: Path) -> None:
    """AsyncAdvanceClient lists, reads, downloads (retried from the start) and streams."""

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/Documents"):
            return httpx.Response(200, json=[{"id": str(DOCUMENT)}])
        return server(request)

    server = Server(document(keep=PIECE), document())
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with AsyncAdvanceClient(BASE, auth=TOKEN, http_client=http) as client:
        (listed,) = await client.list_documents(ITEM)
        meta = await client.get_document(ITEM, listed.id or DOCUMENT)
        path = await client.download_document(ITEM, DOCUMENT, tmp_path)
        pieces = [piece async for piece in client.iter_document(ITEM, DOCUMENT)]
    assert meta.file_name == "Meta name.docx"
    assert path == tmp_path / "Meta name.docx"
    assert path.read_bytes() == BODY
    assert b"".join(pieces) == BODY
    assert leftovers(tmp_path) == ["Meta name.docx"]


@pytest.mark.anyio
async def test_async_broken_download_leaves_nothing(tmp_path: Path) -> None:
    """The async client's broken download: APIConnectionError, no file, no part file."""
    server = Server(document(keep=PIECE))
    async with async_client(server, max_retries=1) as client:
        with pytest.raises(APIConnectionError):
            await client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx")
        with pytest.raises(InvalidArgumentError):
            client.iter_document("nope", DOCUMENT)
    assert server.content_requests == 2
    assert leftovers(tmp_path) == []


def test_every_document_method_exists_on_both_clients() -> None:
    """The issue's names are on both clients, with the same parameters."""
    for name in ("list_documents", "get_document", "download_document", "iter_document"):
        sync, asynchronous = getattr(AdvanceClient, name), getattr(AsyncAdvanceClient, name)
        assert inspect.signature(sync).parameters.keys() == (
            inspect.signature(asynchronous).parameters.keys()
        ), name
    assert json.dumps(list(inspect.signature(AdvanceClient.download_document).parameters)) == (
        '["self", "work_item_id", "document_id", "destination", "sync"]'
    )


class Interrupted(Broken):
    """A body interrupted by the user (Ctrl-C) after its first piece."""

    def _pieces(self) -> Iterator[bytes]:
        yield self.data[:PIECE]
        raise KeyboardInterrupt


def test_an_interrupted_download_leaves_nothing_under_the_name(tmp_path: Path) -> None:
    """Ctrl-C midway: the interrupt goes on, unretried; no file and no part file are left."""
    server = Server(lambda: httpx.Response(200, stream=Interrupted(BODY)))
    with sync_client(server, max_retries=3) as client, pytest.raises(KeyboardInterrupt):
        client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx")
    assert server.content_requests == 1
    assert leftovers(tmp_path) == []


@pytest.mark.anyio
async def test_a_cancelled_async_download_leaves_nothing(tmp_path: Path) -> None:
    """A task cancelled while the body arrives leaves no file and no part file."""
    started = asyncio.Event()

    class Stalled(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            yield BODY[:PIECE]
            started.set()
            await asyncio.Event().wait()  # the rest never comes
            yield b""  # pragma: no cover

    http = httpx.AsyncClient(
        transport=httpx.MockTransport(lambda request: httpx.Response(200, stream=Stalled()))
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN, http_client=http) as client:
        task = asyncio.create_task(client.download_document(ITEM, DOCUMENT, tmp_path / "x.docx"))
        await started.wait()
        await asyncio.sleep(0)
        assert len(leftovers(tmp_path)) == 1  # the part file, while it downloads
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert leftovers(tmp_path) == []
