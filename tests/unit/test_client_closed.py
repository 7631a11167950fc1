"""A call on a closed client raises the package's ClientClosedError, for all four clients
(issue 16, item 4): an ``AdvanceError``/``InfoRouterError`` and a ``RuntimeError``, saying
nothing was sent, never httpx's bare "Cannot send a request, as the client has been closed"."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import hotdocs_advance
import httpx
import inforouter
import pytest

ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
INFOROUTER_CLOSED = (
    "is closed (its HTTP client was closed: by close() or the end of its with block, or, for "
    "an http_client it was given, by its owner); nothing was sent: create a new client"
)


@pytest.fixture
def listening() -> Iterator[str]:
    """A loopback port that listens; the test fails if a connection arrives."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
        with pytest.raises(BlockingIOError):
            server.accept()  # nothing was sent


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def test_advance_sync_client_after_its_with_block(listening: str) -> None:
    """AdvanceClient, used after its with block ended."""
    with hotdocs_advance.AdvanceClient(listening + "/api/rest", auth="tok-1234567890") as client:
        pass
    with pytest.raises(hotdocs_advance.ClientClosedError) as caught:
        client.get_work_item(ITEM)
    assert isinstance(caught.value, hotdocs_advance.AdvanceError)
    assert isinstance(caught.value, RuntimeError)
    assert str(caught.value) == (
        f"AdvanceClient for {listening}/api/rest is closed (its connection pool was closed, by "
        "close() or the end of its with block); nothing was sent: create a new client"
    )


@pytest.mark.anyio
async def test_advance_async_client_after_aclose(listening: str) -> None:
    """AsyncAdvanceClient after aclose(), a pager included (it sends when iterated)."""
    client = hotdocs_advance.AsyncAdvanceClient(listening + "/api/rest", auth="tok-1234567890")
    await client.aclose()
    with pytest.raises(hotdocs_advance.ClientClosedError) as caught:
        await client.get_work_item(ITEM)
    assert str(caught.value).startswith(f"AsyncAdvanceClient for {listening}/api/rest is closed")
    assert isinstance(caught.value, RuntimeError)
    with pytest.raises(hotdocs_advance.ClientClosedError, match="nothing was sent"):
        async for _ in client.list_work_items():
            pass


@pytest.mark.parametrize("binding", ["soap11", "soap12", "http-post", "http-get"])
def test_inforouter_sync_client_after_close(
    listening: str, binding: inforouter.Binding, recwarn: pytest.WarningsRecorder
) -> None:
    """InfoRouterClient after close(), on every binding."""
    client = inforouter.InfoRouterClient(listening + "/srv.asmx", binding=binding)
    client.close()
    with pytest.raises(inforouter.ClientClosedError) as caught:
        client.authenticate("jdoe", "jdoe-password")
    assert isinstance(caught.value, inforouter.InfoRouterError)
    assert isinstance(caught.value, RuntimeError)
    assert str(caught.value).startswith(f"the client for {listening}/srv.asmx {INFOROUTER_CLOSED}")


def test_inforouter_sync_client_through_a_closed_http_client(listening: str) -> None:
    """An http_client its owner closed gives the same error."""
    http = httpx.Client()
    http.close()
    client = inforouter.InfoRouterClient(listening + "/srv.asmx", http_client=http)
    with pytest.raises(inforouter.ClientClosedError, match="by its owner"):
        client.authenticate("jdoe", "jdoe-password")


@pytest.mark.anyio
@pytest.mark.parametrize("binding", ["soap11", "soap12"])
async def test_inforouter_async_client_after_its_with_block(
    listening: str, binding: inforouter.AsyncBinding
) -> None:
    """AsyncInfoRouterClient, used after its async with block ended."""
    async with inforouter.AsyncInfoRouterClient(listening + "/srv.asmx", binding=binding) as client:
        pass
    with pytest.raises(inforouter.ClientClosedError) as caught:
        await client.authenticate("jdoe", "jdoe-password")
    assert isinstance(caught.value, RuntimeError)
    assert INFOROUTER_CLOSED in str(caught.value)
