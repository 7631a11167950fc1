"""Timeouts, the one TLS context per process, and sending requests whose answers are capped."""

from __future__ import annotations

import functools
import math
import os
import ssl
from collections.abc import AsyncIterator, Iterator
from typing import Final

import httpx

from ._encoding import ACCEPT_ENCODING, NOT_ENCODED, UnreadableBodyError, decoder

#: Used when ``timeout`` is not given: 30 s to read or write, 10 s to connect.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
# CHOICE: the longest timeout accepted, in seconds (a day). Far larger values overflow the
# platform's time_t inside the socket layer at the first call, and no call should wait longer.
MAX_TIMEOUT_S: Final = 86_400.0
# Answers are read in chunks and refused past this size, so a hostile or broken server cannot
# make a client buffer an unbounded body (the documented answers are small). An operation whose
# success body is a file (spec: x-sdk-stream) is sent with send_streamed() instead: its body is
# handed on in pieces, never held, so this cap does not apply to it (its error answers keep it).
MAX_RESPONSE_BYTES: Final = 10 * 1024 * 1024


def check_timeout(value: object) -> httpx.Timeout | None:
    """Turn a ``timeout`` argument into an ``httpx.Timeout``.

    Args:
        value: Seconds (above 0, at most ``MAX_TIMEOUT_S``) or an ``httpx.Timeout``.

    Returns:
        The timeout, or None when the value is not acceptable (the caller raises its own
        package's error).
    """
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            seconds = float(value)
        except OverflowError:  # an int beyond float range
            seconds = math.inf
        if 0 < seconds <= MAX_TIMEOUT_S:  # also refuses NaN
            return httpx.Timeout(seconds)
    return None


@functools.cache
def _default_context() -> ssl.SSLContext:
    # Building httpx's default context (certifi's bundle) takes tens of milliseconds: every
    # client of the process shares one.
    return httpx.create_ssl_context()


@functools.cache
def _context_for(verify: bool | str) -> ssl.SSLContext:
    if isinstance(verify, str):
        # httpx deprecates verify=<str> (a DeprecationWarning); this is what it does with one.
        if os.path.isdir(verify):
            return ssl.create_default_context(capath=verify)
        return ssl.create_default_context(cafile=verify)
    return httpx.create_ssl_context(verify=verify)


def ssl_context(verify: ssl.SSLContext | str | bool = True) -> ssl.SSLContext:
    """Return the TLS context for a client, shared by every client with the same ``verify``.

    Args:
        verify: As httpx accepts it: True (certifi's bundle), False (no verification), a path
            to a CA bundle, or an ``ssl.SSLContext`` (used as it is).

    Returns:
        The context.
    """
    if isinstance(verify, ssl.SSLContext):
        return verify
    if verify is True:
        return _default_context()
    return _context_for(verify)


class BodyTooLargeError(UnreadableBodyError):
    """An answer body is larger than the cap; it was not read (each client translates it).

    Attributes:
        max_bytes: The cap.
    """

    def __init__(self, response: httpx.Response, max_bytes: int) -> None:
        super().__init__(response, f"larger than {max_bytes} bytes; it was not read")
        self.max_bytes = max_bytes


class _Body:
    """The body of one answer as it is read and decoded, refused past the cap.

    The cap bounds the raw (encoded) bytes as well as the decoded ones: a compressed stream
    can carry endless input that decodes to nothing (empty deflate blocks).
    """

    def __init__(self, response: httpx.Response, max_bytes: int, *, decoded: bool = False) -> None:
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise BodyTooLargeError(response, max_bytes)
        self.response = response
        self.max_bytes = max_bytes
        self.raw = 0
        self.data = bytearray()
        self.decoder = NOT_ENCODED if decoded else decoder(response)

    def add(self, chunk: bytes) -> None:
        self.raw += len(chunk)
        if self.raw > self.max_bytes:
            raise BodyTooLargeError(self.response, self.max_bytes)
        self._keep(self.decoder.decode(chunk))

    def end(self) -> httpx.Response:
        self._keep(self.decoder.finish())
        # What httpx's own Response.read() does once it has the decoded bytes.
        self.response._content = bytes(self.data)
        return self.response

    def _keep(self, pieces: Iterator[bytes]) -> None:
        for piece in pieces:  # each at most PIECE bytes
            self.data += piece
            if len(self.data) > self.max_bytes:
                raise BodyTooLargeError(self.response, self.max_bytes)


def _read(response: httpx.Response, max_bytes: int) -> httpx.Response | None:
    """Check an answer already in memory (a test's mock); None when it is still to be read."""
    if not response.is_stream_consumed:
        return None
    body = _Body(response, max_bytes, decoded=True)  # httpx decoded it as it read it
    body.add(response.content)
    return body.end()


def read_capped(response: httpx.Response, max_bytes: int = MAX_RESPONSE_BYTES) -> httpx.Response:
    """Read a streamed answer whole, decoding it within ``max_bytes``, and close it.

    The raw stream is decoded here (see `_encoding`), never by httpx, so a compressed answer
    costs at most ``max_bytes`` plus one piece of memory however far it would expand.

    Args:
        response: A response sent with ``stream=True``.
        max_bytes: The largest body accepted, encoded and decoded.

    Returns:
        The response, its body read and decoded.

    Raises:
        BodyTooLargeError: The body is larger than ``max_bytes``.
        ContentEncodingError: The body is encoded other than with one layer of gzip or deflate.
        httpx.DecodingError: The body is not in the coding its answer names.
    """
    try:
        read = _read(response, max_bytes)
        if read is not None:
            return read
        body = _Body(response, max_bytes)
        for chunk in response.iter_raw():
            body.add(chunk)
        return body.end()
    finally:
        response.close()


async def aread_capped(
    response: httpx.Response, max_bytes: int = MAX_RESPONSE_BYTES
) -> httpx.Response:
    """Read a streamed answer as ``read_capped()`` does, asynchronously."""
    try:
        read = _read(response, max_bytes)
        if read is not None:
            return read
        body = _Body(response, max_bytes)
        async for chunk in response.aiter_raw():
            body.add(chunk)
        return body.end()
    finally:
        await response.aclose()


def send_capped(
    client: httpx.Client, request: httpx.Request, max_bytes: int = MAX_RESPONSE_BYTES
) -> httpx.Response:
    """Send a request, asking only for the codings the SDK decodes, and read the answer capped.

    Both clients send every request through here (or `asend_capped`).

    Args:
        client: The pooled client.
        request: The request; its ``Accept-Encoding`` is set to `ACCEPT_ENCODING`.
        max_bytes: The largest body accepted, encoded and decoded.

    Returns:
        The answer, read and decoded.

    Raises:
        UnreadableBodyError: The answer is too large or in a coding the SDK did not ask for.
        httpx.HTTPError: The exchange failed.
    """
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    return read_capped(client.send(request, stream=True), max_bytes)


async def asend_capped(
    client: httpx.AsyncClient, request: httpx.Request, max_bytes: int = MAX_RESPONSE_BYTES
) -> httpx.Response:
    """Send a request and read its answer as ``send_capped()`` does, asynchronously."""
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    return await aread_capped(await client.send(request, stream=True), max_bytes)


# --- Streamed answers: a file handed on in pieces, never held whole --------------------------


def _streamable(response: httpx.Response) -> bool:
    """Whether an answer is a success to stream; else it is read whole within the cap.

    Raises:
        ContentEncodingError: A success answer is encoded in a way the SDK does not decode; it
            is closed unread.
    """
    if not httpx.codes.is_success(response.status_code):
        return False
    try:
        decoder(response)  # refuse an unasked coding before a single byte is handed on
    except UnreadableBodyError:
        response.close()
        raise
    return True


def send_streamed(
    client: httpx.Client, request: httpx.Request, max_bytes: int = MAX_RESPONSE_BYTES
) -> httpx.Response:
    """Send a request whose success answer is a file: its body is left open to stream.

    A success (2xx) answer is returned unread: read it with `iter_streamed` and close it. Any
    other answer is read whole and decoded within ``max_bytes``, as `send_capped` reads it,
    since error bodies are small; a file is never held whole, so no cap applies to it.

    Args:
        client: The pooled client.
        request: The request; its ``Accept-Encoding`` is set to `ACCEPT_ENCODING`.
        max_bytes: The largest error body accepted.

    Returns:
        The answer: open (success) or read (anything else).

    Raises:
        UnreadableBodyError: A success answer in a coding the SDK did not ask for (closed), or
            an error answer too large or so encoded.
        httpx.HTTPError: The exchange failed.
    """
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    response = client.send(request, stream=True)
    return response if _streamable(response) else read_capped(response, max_bytes)


async def asend_streamed(
    client: httpx.AsyncClient, request: httpx.Request, max_bytes: int = MAX_RESPONSE_BYTES
) -> httpx.Response:
    """Send a request as ``send_streamed()`` does, asynchronously."""
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    response = await client.send(request, stream=True)
    if _streamable(response):
        return response
    return await aread_capped(response, max_bytes)


def iter_streamed(response: httpx.Response) -> Iterator[bytes]:
    """Yield a streamed answer's body, decoded, in pieces; the caller closes the answer.

    The raw stream is decoded here with bounded output (see `_encoding`), so each piece is
    at most a network chunk or `PIECE` bytes and memory stays flat however large the file
    is, or however far a compressed one would expand.

    Args:
        response: An answer `send_streamed` returned open.

    Yields:
        The body's bytes, in order.

    Raises:
        httpx.DecodingError: The body is not in the coding its answer names.
        httpx.HTTPError: The connection failed or closed early.
    """
    if response.is_stream_consumed:  # a test's mock: httpx has the body, decoded, in memory
        if response.content:
            yield response.content
        return
    body = decoder(response)
    for chunk in response.iter_raw():
        yield from body.decode(chunk)
    yield from body.finish()


async def aiter_streamed(response: httpx.Response) -> AsyncIterator[bytes]:
    """Yield a streamed answer's body as ``iter_streamed()`` does, asynchronously."""
    if response.is_stream_consumed:
        if response.content:
            yield response.content
        return
    body = decoder(response)
    async for chunk in response.aiter_raw():
        for piece in body.decode(chunk):
            yield piece
    for piece in body.finish():
        yield piece
