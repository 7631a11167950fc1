"""Timeouts, the one TLS context per process, and reading answers with a size cap."""

from __future__ import annotations

import functools
import math
import os
import ssl
from typing import Final

import httpx

#: Used when ``timeout`` is not given: 30 s to read or write, 10 s to connect.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
# CHOICE: the longest timeout accepted, in seconds (a day). Far larger values overflow the
# platform's time_t inside the socket layer at the first call, and no call should wait longer.
MAX_TIMEOUT_S: Final = 86_400.0
# Answers are read in chunks and refused past this size, so a hostile or broken server cannot
# make a client buffer an unbounded body (the documented answers are small).
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


class BodyTooLargeError(Exception):
    """An answer body is larger than the cap; it was not read (each client translates it)."""

    def __init__(self, response: httpx.Response, max_bytes: int) -> None:
        super().__init__(f"larger than {max_bytes} bytes; it was not read")
        self.response = response
        self.max_bytes = max_bytes


class _Body:
    """The body of one answer as it is read, refused past the cap."""

    def __init__(self, response: httpx.Response, max_bytes: int) -> None:
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > max_bytes:
            raise BodyTooLargeError(response, max_bytes)
        self.response = response
        self.max_bytes = max_bytes
        self.data = bytearray()

    def add(self, chunk: bytes) -> None:
        self.data += chunk
        if len(self.data) > self.max_bytes:
            raise BodyTooLargeError(self.response, self.max_bytes)

    def keep(self) -> httpx.Response:
        # What httpx's own Response.read() does once it has the decoded bytes.
        self.response._content = bytes(self.data)
        return self.response


def read_capped(response: httpx.Response, max_bytes: int = MAX_RESPONSE_BYTES) -> httpx.Response:
    """Read a streamed answer whole, refusing it past ``max_bytes``, and close it.

    Args:
        response: A response sent with ``stream=True``.
        max_bytes: The largest body accepted (after content decoding).

    Returns:
        The response, its body read.

    Raises:
        BodyTooLargeError: The body is larger than ``max_bytes``.
    """
    try:
        body = _Body(response, max_bytes)
        for chunk in response.iter_bytes():
            body.add(chunk)
    finally:
        response.close()
    return body.keep()


async def aread_capped(
    response: httpx.Response, max_bytes: int = MAX_RESPONSE_BYTES
) -> httpx.Response:
    """Read a streamed answer as ``read_capped()`` does, asynchronously."""
    try:
        body = _Body(response, max_bytes)
        async for chunk in response.aiter_bytes():
            body.add(chunk)
    finally:
        await response.aclose()
    return body.keep()
