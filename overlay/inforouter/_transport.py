"""HTTP over httpx: one pooled client, bounded reads, and nothing secret in the logs.

Every request of the package (SOAP through zeep's transport, HTTP GET and POST directly) goes
through `send` or `send_async`, which stream the answer and stop reading past a size cap, so a
huge or endless answer costs bounded memory. Nothing here logs; httpx itself logs each request
URL at INFO level, which for HTTP GET would show the ticket and the password, so
`hide_secrets_in_httpx_logs` redacts those query parameters in httpx's log records.
"""

from __future__ import annotations

import email.message
import email.utils
import functools
import logging
import ssl
import time
from collections.abc import AsyncIterator, Iterator
from typing import Final

import attrs
import httpx
from inforouter_api import HttpRequest

from ._errors import InvalidResponseError

DEFAULT_MAX_RESPONSE_BYTES: Final = 10 * 1024 * 1024

# Query parameters that carry a secret (compared in lower case): the ticket of every ticketed
# operation and AuthenticateUser's password.
_SECRET_PARAMETERS: Final = frozenset({"authenticationticket", "pwd"})


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Building httpx's default context (certifi's bundle) takes tens of milliseconds; one
    # shared context keeps creating a client cheap.
    return httpx.create_ssl_context()


def new_client() -> httpx.Client:
    """Create the pooled client an `InfoRouterClient` owns when none is given.

    Returns:
        A new `httpx.Client` verifying certificates with the shared SSL context.
    """
    return httpx.Client(verify=_ssl_context())


def new_async_client() -> httpx.AsyncClient:
    """Create the pooled client an `AsyncInfoRouterClient` owns when none is given.

    Returns:
        A new `httpx.AsyncClient` verifying certificates with the shared SSL context.
    """
    return httpx.AsyncClient(verify=_ssl_context())


@attrs.frozen
class RawResponse:
    """An HTTP answer read in full (within the size cap).

    Zeep reads ``status_code``, ``content``, ``headers`` and ``encoding`` from it.
    """

    status_code: int
    headers: httpx.Headers
    content: bytes

    @property
    def encoding(self) -> str | None:
        """The charset of the Content-Type header (zeep reads it for multipart answers)."""
        message = email.message.Message()
        message["content-type"] = self.headers.get("content-type", "")
        return message.get_content_charset()


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    request: HttpRequest,
    timeout: httpx.Timeout,
) -> httpx.Request:
    """Turn a generated HTTP GET/POST request into an httpx request.

    Args:
        client: the client that will send it.
        request: the request built by ``SrvHttpGet`` or ``SrvHttpPost``.
        timeout: the timeout for this request.

    Returns:
        The httpx request: parameters in the query string for GET, form-encoded for POST.
    """
    if request.method == "GET":
        return client.build_request("GET", request.url, params=request.params, timeout=timeout)
    return client.build_request(request.method, request.url, data=request.params, timeout=timeout)


def _too_large(response: httpx.Response, max_bytes: int) -> InvalidResponseError:
    return InvalidResponseError(
        response.status_code,
        f"the answer is larger than {max_bytes} bytes and was not read "
        f"(HTTP {response.status_code})",
    )


def _declared_too_large(response: httpx.Response, max_bytes: int) -> bool:
    length = response.headers.get("content-length", "")
    return length.isdigit() and int(length) > max_bytes


def _read(response: httpx.Response, chunks: Iterator[bytes], max_bytes: int) -> bytes:
    if _declared_too_large(response, max_bytes):
        raise _too_large(response, max_bytes)
    body = bytearray()
    for chunk in chunks:
        body += chunk
        if len(body) > max_bytes:
            raise _too_large(response, max_bytes)
    return bytes(body)


def _raw(response: httpx.Response, content: bytes) -> RawResponse:
    return RawResponse(response.status_code, response.headers, content)


def send(client: httpx.Client, request: httpx.Request, max_bytes: int) -> RawResponse:
    """Send a request and read at most ``max_bytes`` of the answer.

    Args:
        client: the pooled client.
        request: the request.
        max_bytes: the largest answer body accepted (after content decoding).

    Returns:
        The answer.

    Raises:
        InvalidResponseError: the answer is larger than ``max_bytes``.
        httpx.HTTPError: the exchange failed (translated by the caller).
    """
    response = client.send(request, stream=True)
    try:
        return _raw(response, _read(response, response.iter_bytes(), max_bytes))
    finally:
        response.close()


async def send_async(
    client: httpx.AsyncClient, request: httpx.Request, max_bytes: int
) -> RawResponse:
    """Send a request and read at most ``max_bytes`` of the answer, asynchronously.

    Args:
        client: the pooled client.
        request: the request.
        max_bytes: the largest answer body accepted (after content decoding).

    Returns:
        The answer.

    Raises:
        InvalidResponseError: the answer is larger than ``max_bytes``.
        httpx.HTTPError: the exchange failed (translated by the caller).
    """
    response = await client.send(request, stream=True)
    try:
        if _declared_too_large(response, max_bytes):
            raise _too_large(response, max_bytes)
        body = bytearray()
        chunks: AsyncIterator[bytes] = response.aiter_bytes()
        async for chunk in chunks:
            body += chunk
            if len(body) > max_bytes:
                raise _too_large(response, max_bytes)
        return _raw(response, bytes(body))
    finally:
        await response.aclose()


def retry_after(headers: httpx.Headers) -> float | None:
    """Read a ``Retry-After`` header (seconds or an HTTP date).

    Args:
        headers: the answer's headers.

    Returns:
        Seconds to wait, or None when the header is absent or unreadable.
    """
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _RedactSecretParameters(logging.Filter):
    """Hide ticket and password query parameters in httpx's "HTTP Request: ..." records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and any(
            isinstance(arg, httpx.URL) for arg in record.args
        ):
            record.args = tuple(
                _redact_url(arg) if isinstance(arg, httpx.URL) else arg for arg in record.args
            )
        return True


def _redact_url(url: httpx.URL) -> httpx.URL | str:
    params = url.params
    if not any(key.lower() in _SECRET_PARAMETERS for key in params):
        return url
    redacted = [
        (key, "***" if key.lower() in _SECRET_PARAMETERS else value)
        for key, value in params.multi_items()
    ]
    return str(url.copy_with(params=redacted))


_httpx_filter = _RedactSecretParameters()


def hide_secrets_in_httpx_logs() -> None:
    """Install (once) the filter that redacts ticket and password parameters in httpx logs."""
    logger = logging.getLogger("httpx")
    if _httpx_filter not in logger.filters:
        logger.addFilter(_httpx_filter)
