"""Reading answers in chunks, with a cap, so a hostile server cannot make a client buffer."""

from __future__ import annotations

from typing import Final

import httpx

from ._errors import APIResponseValidationError

# Answers are read in chunks and refused past this size, so a hostile or broken server
# cannot make the client buffer an unbounded body (the documented answers are tiny).
MAX_RESPONSE_BYTES: Final = 10 * 1024 * 1024


def _too_large(response: httpx.Response) -> APIResponseValidationError:
    """Describe an answer past the cap (the caller closes the response)."""
    return APIResponseValidationError.of(
        response, f"larger than {MAX_RESPONSE_BYTES} bytes; it was not read"
    )


def _declared_too_large(response: httpx.Response) -> bool:
    length = response.headers.get("Content-Length", "")
    return length.isdigit() and int(length) > MAX_RESPONSE_BYTES


def _keep(response: httpx.Response, chunks: list[bytes]) -> httpx.Response:
    # What httpx's own Response.read() does once it has the decoded bytes.
    response._content = b"".join(chunks)
    return response


def read_capped(response: httpx.Response) -> httpx.Response:
    """Read a streamed answer, refusing it past MAX_RESPONSE_BYTES."""
    if _declared_too_large(response):
        response.close()
        raise _too_large(response)
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise _too_large(response)
            chunks.append(chunk)
    finally:
        response.close()
    return _keep(response, chunks)


async def aread_capped(response: httpx.Response) -> httpx.Response:
    """Read a streamed answer, refusing it past MAX_RESPONSE_BYTES (asynchronously)."""
    if _declared_too_large(response):
        await response.aclose()
        raise _too_large(response)
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                raise _too_large(response)
            chunks.append(chunk)
    finally:
        await response.aclose()
    return _keep(response, chunks)
