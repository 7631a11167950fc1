"""Compressed answers over loopback: bombs are refused near the cap, real answers still read.

Hostile servers are `RawServer` (``tests/e2e/hostile.py``) answering 64 MiB of zeros packed
into a few kilobytes: one layer of gzip or deflate (refused past the 10 MiB cap), two layers
of gzip and ``br`` (refused unread: the clients ask for one layer of gzip or deflate only).
httpx would decode a whole network chunk before the cap could look at it; the memory traced
while a client refuses stays within a few MB of the cap. 64 MiB keeps the test cheap and
still fails loudly if decoding were unbounded again.
"""

from __future__ import annotations

import asyncio
import json
import uuid
import zlib
from collections.abc import Callable, Iterator

import httpx
import pytest
from _client_core import ACCEPT_ENCODING, MAX_RESPONSE_BYTES
from hotdocs_advance import (
    AdvanceClient,
    APIResponseValidationError,
    AsyncAdvanceClient,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import AdvanceSandbox
from inforouter import (
    AsyncBinding,
    AsyncInfoRouterClient,
    Binding,
    InfoRouterClient,
    InvalidResponseError,
)
from inforouter.sandbox import InfoRouterSandbox

from tests.e2e.hostile import Handler, RawRequest, RawServer, memory_peak, raw_servers_at
from tests.e2e.test_inforouter_reliability import (
    LOGIN,
    answer_body,
    called_operation,
    content_type,
)

JSON = "application/json; charset=utf-8"
TOKEN = "decompression-test-token"
USER, PASSWORD = "jdoe", "decompression-test-password"
ZEROS = 64 * 2**20  # the bombs' decoded size: 6.4 times the cap
# "Within a few MB of the cap": the body kept up to the cap (bytearray slack included), one
# decoded piece, httpx's and the test's own allocations.
PEAK_LIMIT = MAX_RESPONSE_BYTES + 4 * 2**20
TOO_LARGE = "larger than 10485760 bytes"
NOT_ASKED = "one layer of gzip or deflate"
WORK_ITEM = {
    "id": "2d9f3d10-6fdb-494f-9929-955515c6f114",
    "name": "Compressed",
    "workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",
    "templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
}


def packed(data: bytes | Iterator[bytes], wbits: int) -> bytes:
    """Compress as gzip (wbits 31), zlib-wrapped deflate (15) or raw deflate (-15)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunks = [data] if isinstance(data, bytes) else data
    return b"".join(packer.compress(chunk) for chunk in chunks) + packer.flush()


def zeros() -> Iterator[bytes]:
    return (bytes(2**20) for _ in range(ZEROS // 2**20))


@pytest.fixture(scope="module")
def bombs() -> dict[str, tuple[bytes, str]]:
    """Each Content-Encoding a hostile server sends, its body and the error it must give."""
    one = packed(zeros(), 31)
    return {
        "gzip": (one, TOO_LARGE),
        "deflate": (packed(zeros(), 15), TOO_LARGE),
        "gzip, gzip": (packed(one, 31), NOT_ASKED),  # 1 kB; 1 GiB inside would be 2 kB
        # httpx here decodes br only with an optional package, and never with bounded output;
        # the clients do not ask for it, so it is refused, whatever the body.
        "br": (one, NOT_ASKED),
    }


ENCODINGS = ["gzip", "deflate", "gzip, gzip", "br"]


def encoded_reply(body: bytes, encoding: str, content_type: str) -> bytes:
    """An HTTP/1.1 200 answer with a Content-Encoding, closing the connection after it."""
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Encoding: {encoding}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


@pytest.fixture
def advance_servers() -> Iterator[Callable[[Handler], RawServer]]:
    with raw_servers_at("/api/rest") as start:
        yield start


@pytest.fixture
def inforouter_servers() -> Iterator[Callable[[Handler], RawServer]]:
    with raw_servers_at("/srv.asmx") as start:
        yield start


# --------------------------------------------------------------------------- Advance


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_advance_refuses_a_compression_bomb_near_the_cap(
    advance_servers: Callable[[Handler], RawServer],
    bombs: dict[str, tuple[bytes, str]],
    encoding: str,
) -> None:
    """get_work_item answered by a bomb raises APIResponseValidationError (too large, or a
    coding not asked for); the memory peak stays within a few MB of the 10 MiB cap."""
    body, message = bombs[encoding]
    server = advance_servers(lambda request: encoded_reply(body, encoding, JSON))
    with (
        AdvanceClient(server.url, auth=TOKEN, max_retries=0) as client,
        memory_peak() as memory,
        pytest.raises(APIResponseValidationError, match=message),
    ):
        client.get_work_item(uuid.UUID(int=1))
    assert memory.peak < PEAK_LIMIT, f"peak {memory.peak / 2**20:.1f} MiB"
    assert server.requests[0].headers["accept-encoding"] == ACCEPT_ENCODING


@pytest.mark.anyio
@pytest.mark.parametrize("encoding", ENCODINGS)
async def test_the_async_advance_client_refuses_a_compression_bomb_near_the_cap(
    advance_servers: Callable[[Handler], RawServer],
    bombs: dict[str, tuple[bytes, str]],
    encoding: str,
) -> None:
    """The async client refuses each bomb the same way, with the same memory bound."""
    body, message = bombs[encoding]
    server = advance_servers(lambda request: encoded_reply(body, encoding, JSON))
    async with AsyncAdvanceClient(server.url, auth=TOKEN, max_retries=0) as client:
        with memory_peak() as memory, pytest.raises(APIResponseValidationError, match=message):
            await client.get_work_item(uuid.UUID(int=1))
    assert memory.peak < PEAK_LIMIT, f"peak {memory.peak / 2**20:.1f} MiB"


@pytest.mark.parametrize(
    ("encoding", "wbits"), [("gzip", 31), ("deflate", 15), ("deflate", -15), ("x-gzip", 31)]
)
def test_advance_reads_a_compressed_answer(
    advance_servers: Callable[[Handler], RawServer], encoding: str, wbits: int
) -> None:
    """A gzip or deflate (zlib or raw) answer is decoded into the work item, sync and async;
    the request asked for gzip and deflate only, even through an http_client asking for br."""
    body = packed(json.dumps(WORK_ITEM).encode(), wbits)
    server = advance_servers(lambda request: encoded_reply(body, encoding, JSON))
    with (
        httpx.Client(headers={"Accept-Encoding": "br"}) as http,
        AdvanceClient(server.url, auth=TOKEN, http_client=http) as client,
    ):
        assert client.get_work_item(WORK_ITEM["id"]).name == "Compressed"

    async def read() -> str | None:
        async with AsyncAdvanceClient(server.url, auth=TOKEN) as client:
            return (await client.get_work_item(WORK_ITEM["id"])).name

    assert asyncio.run(read()) == "Compressed"
    assert [r.headers["accept-encoding"] for r in server.requests] == [ACCEPT_ENCODING] * 2


# --------------------------------------------------------------------------- infoRouter

SYNC_BINDINGS: list[Binding] = ["soap11", "soap12", "http-post"]
ASYNC_BINDINGS: list[AsyncBinding] = ["soap11", "soap12"]


def ir_login_reply(request: RawRequest, encoding: str, wbits: int) -> bytes:
    """The AuthenticateUser answer in the request's binding, compressed."""
    body = packed(answer_body(request, LOGIN), wbits)
    return encoded_reply(body, encoding, content_type(request))


@pytest.mark.parametrize("binding", SYNC_BINDINGS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_inforouter_refuses_a_compression_bomb_near_the_cap(
    inforouter_servers: Callable[[Handler], RawServer],
    bombs: dict[str, tuple[bytes, str]],
    encoding: str,
    binding: Binding,
) -> None:
    """authenticate() answered by a bomb raises InvalidResponseError (too large, or a coding
    not asked for) on every binding; the memory peak stays within a few MB of the cap."""
    body, message = bombs[encoding]
    server = inforouter_servers(lambda request: encoded_reply(body, encoding, "text/xml"))
    with (
        InfoRouterClient(server.url, binding=binding, max_retries=0) as client,
        memory_peak() as memory,
        pytest.raises(InvalidResponseError, match=message),
    ):
        client.authenticate(USER, PASSWORD)
    assert memory.peak < PEAK_LIMIT, f"peak {memory.peak / 2**20:.1f} MiB"
    assert server.requests[0].headers["accept-encoding"] == ACCEPT_ENCODING


@pytest.mark.anyio
@pytest.mark.parametrize("binding", ASYNC_BINDINGS)
@pytest.mark.parametrize("encoding", ENCODINGS)
async def test_the_async_inforouter_client_refuses_a_compression_bomb_near_the_cap(
    inforouter_servers: Callable[[Handler], RawServer],
    bombs: dict[str, tuple[bytes, str]],
    encoding: str,
    binding: AsyncBinding,
) -> None:
    """The async client refuses each bomb the same way, with the same memory bound."""
    body, message = bombs[encoding]
    server = inforouter_servers(lambda request: encoded_reply(body, encoding, "text/xml"))
    async with AsyncInfoRouterClient(server.url, binding=binding, max_retries=0) as client:
        with memory_peak() as memory, pytest.raises(InvalidResponseError, match=message):
            await client.authenticate(USER, PASSWORD)
    assert memory.peak < PEAK_LIMIT, f"peak {memory.peak / 2**20:.1f} MiB"


@pytest.mark.parametrize("binding", SYNC_BINDINGS)
@pytest.mark.parametrize(("encoding", "wbits"), [("gzip", 31), ("deflate", 15), ("deflate", -15)])
def test_inforouter_reads_a_compressed_answer(
    inforouter_servers: Callable[[Handler], RawServer], encoding: str, wbits: int, binding: Binding
) -> None:
    """A compressed log-in answer is decoded and its ticket used, sync and async (SOAP)."""
    server = inforouter_servers(lambda request: ir_login_reply(request, encoding, wbits))
    with InfoRouterClient(server.url, binding=binding) as client:
        assert client.authenticate(USER, PASSWORD).user == USER

    async def log_in() -> str:
        async with AsyncInfoRouterClient(server.url) as client:
            return (await client.authenticate(USER, PASSWORD)).user

    assert asyncio.run(log_in()) == USER
    assert [called_operation(r) for r in server.requests] == ["AuthenticateUser"] * 2
    assert {r.headers["accept-encoding"] for r in server.requests} == {ACCEPT_ENCODING}


# --------------------------------------------------------------------------- the sandboxes

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")


def test_the_advance_sandbox_never_decodes_a_callback_receivers_answer(
    advance_sandbox: AdvanceSandbox,
    advance_servers: Callable[[Handler], RawServer],
    bombs: dict[str, tuple[bytes, str]],
) -> None:
    """A SaveAndClose callback receiver answering with a gzip bomb costs the sandbox nothing:
    it records the status and never reads (or decodes) the body."""
    body, _ = bombs["gzip"]
    receiver = advance_servers(lambda request: encoded_reply(body, "gzip", JSON))
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item = client.create_work_item(
            name="Bomb", work_group_id=GROUP, template_package_id=PACKAGE
        )
        session = client.begin_assembly_session(item)
        with memory_peak() as memory:
            client.save_and_close(
                item, session.version_id, callback_url=receiver.url, callback_secret="s"
            )
            [record] = advance_sandbox.wait_for_callbacks(1)
    assert record.status_code == 200
    assert memory.peak < PEAK_LIMIT, f"peak {memory.peak / 2**20:.1f} MiB"


def test_the_sandboxes_never_inflate_a_compressed_request_body(
    advance_sandbox: AdvanceSandbox,
    inforouter_sandbox: InfoRouterSandbox,
    bombs: dict[str, tuple[bytes, str]],
) -> None:
    """A request whose body is a gzip bomb (Content-Encoding: gzip) is read as the bytes it is
    and refused as unreadable by both sandboxes, with memory far below the bomb's size."""
    body, _ = bombs["gzip"]
    with httpx.Client(timeout=10.0) as http, memory_peak() as memory:
        token = http.post(
            f"{advance_sandbox.base_url.removesuffix('/api/rest')}/auth/Authorize/ServicePrincipalLogIn",
            json={
                "clientName": PRINCIPAL.client_name,
                "principalName": PRINCIPAL.principal_name,
                "principalPassword": PRINCIPAL.password,
            },
        )
        advance = http.put(
            f"{advance_sandbox.base_url}/v1.1/WorkItems/{uuid.uuid4()}",
            content=body,
            headers={
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
                "Authorization": f"Bearer {token.text.strip(chr(34))}",
            },
        )
        soap = http.post(
            inforouter_sandbox.base_url,
            content=body,
            headers={
                "Content-Type": "text/xml; charset=utf-8",
                "Content-Encoding": "gzip",
                "SOAPAction": '"http://tempuri.org/AuthenticateUser"',
            },
        )
    assert advance.status_code == 400, advance.text
    assert soap.status_code == 500  # a SOAP fault: the envelope cannot be read
    assert b"Fault" in soap.content
    assert memory.peak < ZEROS // 4, f"peak {memory.peak / 2**20:.1f} MiB"
