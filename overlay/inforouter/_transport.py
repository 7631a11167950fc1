"""HTTP over httpx: one pooled client, bounded reads, and nothing secret in the logs.

Every request of the package (SOAP through zeep's transport, HTTP GET and POST directly) goes
through `send` or `send_async`, which stream the answer, decode it themselves and stop reading
past a size cap, so a huge, endless or compressed-bomb answer costs bounded memory. Nothing
here logs; httpx itself logs each request URL at INFO level, which for HTTP GET would show the
ticket and the password, so
`hide_secrets_in_httpx_logs` redacts those query parameters in httpx's log records.
"""

from __future__ import annotations

import email.message
import logging
import ssl
from typing import Final

import _client_core
import attrs
import httpx
from inforouter_api import HttpRequest

from ._errors import InvalidResponseError
from ._translate import SECRET_FIELDS

DEFAULT_MAX_RESPONSE_BYTES: Final = _client_core.MAX_RESPONSE_BYTES

# Query parameters that carry a secret (compared in lower case).
_SECRET_PARAMETERS: Final = frozenset(name.lower() for name in SECRET_FIELDS)

Verify = ssl.SSLContext | str | bool


def new_client(verify: Verify = True) -> httpx.Client:
    """Create the pooled client an `InfoRouterClient` owns when none is given.

    Args:
        verify: as httpx accepts it (see `_client_core.ssl_context`).

    Returns:
        A new `httpx.Client` verifying certificates with the shared TLS context.
    """
    return httpx.Client(verify=_client_core.ssl_context(verify))


def new_async_client(verify: Verify = True) -> httpx.AsyncClient:
    """Async twin of `new_client`, for an `AsyncInfoRouterClient`: an `httpx.AsyncClient`."""
    return httpx.AsyncClient(verify=_client_core.ssl_context(verify))


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


def _unreadable(error: _client_core.UnreadableBodyError) -> InvalidResponseError:
    status = error.response.status_code
    return InvalidResponseError(status, f"the answer has a body {error} (HTTP {status})")


def _raw(response: httpx.Response) -> RawResponse:
    return RawResponse(response.status_code, response.headers, response.content)


def send(client: httpx.Client, request: httpx.Request, max_bytes: int) -> RawResponse:
    """Send a request and read (and decode) at most ``max_bytes`` of the answer.

    Args:
        client: the pooled client.
        request: the request.
        max_bytes: the largest answer body accepted, encoded and decoded.

    Returns:
        The answer.

    Raises:
        InvalidResponseError: the answer is larger than ``max_bytes``, or encoded other than
            with one layer of gzip or deflate.
        httpx.HTTPError: the exchange failed (translated by the caller).
    """
    try:
        return _raw(_client_core.send_capped(client, request, max_bytes))
    except _client_core.UnreadableBodyError as error:
        raise _unreadable(error) from None


async def send_async(
    client: httpx.AsyncClient, request: httpx.Request, max_bytes: int
) -> RawResponse:
    """Async twin of `send`; same arguments, returns and errors."""
    try:
        return _raw(await _client_core.asend_capped(client, request, max_bytes))
    except _client_core.UnreadableBodyError as error:
        raise _unreadable(error) from None


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
        (key, _client_core.REDACTED if key.lower() in _SECRET_PARAMETERS else value)
        for key, value in params.multi_items()
    ]
    return str(url.copy_with(params=redacted))


_httpx_filter = _RedactSecretParameters()


def hide_secrets_in_httpx_logs() -> None:
    """Install (once) the filter that redacts ticket and password parameters in httpx logs."""
    logger = logging.getLogger("httpx")
    if _httpx_filter not in logger.filters:
        logger.addFilter(_httpx_filter)
