"""Translating httpx, zeep and lxml exceptions into the package's errors, secrets masked.

`translating` is the one place foreign errors are caught: most specific first, re-raised
``from`` a masked copy of the original (the shared core's `Masker.exception`), never from the
original, whose text (a SOAP fault quoting the request) and request (a ticket in an HTTP GET
URL) may hold the secrets; anything else (a bug) propagates unchanged. Every message, text
attribute and cause goes through the core's masking rule (``_client_core._redact``) with the
ticket, the password and `SECRET_FIELDS`, so no ticket or password reaches an exception.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Final

import _client_core
import httpx
import zeep.exceptions
from lxml import etree

from ._errors import (
    AuthenticationFailedError,
    InfoRouterAPIError,
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InfoRouterTimeoutError,
    InsufficientRightsError,
    InvalidResponseError,
    NotFoundError,
    SoapFaultError,
    TaskRequestError,
    TicketExpiredError,
    TicketNotAllowedError,
)

# The wire names of the parameters, elements and attributes that carry a secret, compared in
# any case: the ticket of every ticketed operation, AuthenticateUser's password and the ticket
# attribute of its answer. Masked whole wherever they show, whatever their value.
SECRET_FIELDS: Final = frozenset({"AuthenticationTicket", "PWD", "ticket"})


def masker(secrets: Iterable[str] = ()) -> _client_core.Masker:
    """Build the shared core's masker with this package's secret places.

    Args:
        secrets: the values to hide (the ticket, the password); empty strings are ignored.

    Returns:
        The masker.
    """
    return _client_core.Masker(secrets, fields=SECRET_FIELDS)


def redact(text: str, secrets: Iterable[str]) -> str:
    """Mask a text by the shared core's rule, with this package's secret places.

    Args:
        text: a message that may quote a ticket or password.
        secrets: the values to hide; empty strings are ignored.

    Returns:
        The text with the secrets' known places, and the long secrets wherever they show
        (raw, URL-encoded or escaped), replaced by ``***``.
    """
    return masker(secrets).text(text)


# Server messages that carry no [code] but name a kind of failure.
_NOT_FOUND_MESSAGE = re.compile(r"not\s+found|does\s+not\s+exist", re.IGNORECASE)
_NO_RIGHTS_MESSAGE = re.compile(r"access\s+denied|insufficient\s+rights", re.IGNORECASE)

_API_ERROR_BY_CODE: Final[dict[int, type[InfoRouterAPIError]]] = {
    900: AuthenticationFailedError,
    901: TicketExpiredError,
    902: TicketNotAllowedError,
    921: InsufficientRightsError,
    2730: InsufficientRightsError,
    2285: NotFoundError,
    # The numeric errorCode of the vendor's revised pages.
    4010: TicketExpiredError,
    4030: InsufficientRightsError,
    4041: NotFoundError,
}


def api_error(
    code: int | None, error_code: int | None, message: str, *, operation: str
) -> InfoRouterAPIError:
    """Build the error for a ``success="false"`` answer.

    Args:
        code: the number in ``[code] message``, if any.
        error_code: the ``errorCode`` attribute, if any.
        message: the message without its ``[code]`` prefix.
        operation: the infoRouter operation.

    Returns:
        The most specific `InfoRouterAPIError` subclass for the codes, else for the message.
    """
    shown = code if code is not None else error_code
    for number in (code, error_code):
        if number is not None and number in _API_ERROR_BY_CODE:
            return _API_ERROR_BY_CODE[number](shown, message, operation=operation)
    if _NOT_FOUND_MESSAGE.search(message):
        return NotFoundError(shown, message, operation=operation)
    if _NO_RIGHTS_MESSAGE.search(message):
        return InsufficientRightsError(shown, message, operation=operation)
    return InfoRouterAPIError(shown, message, operation=operation)


def _http_status_error(status: int, operation: str) -> InfoRouterError:
    if status == 200:
        return InvalidResponseError(status, f"{operation}: the answer (HTTP 200) is not readable")
    return InfoRouterHTTPError(status, f"{operation}: the server answered HTTP {status}")


def _from_httpx(exc: Exception, operation: str, http: str) -> InfoRouterError | None:
    result: InfoRouterError | None = None
    match exc:
        # Which failures prove the request never left matters for create calls.
        case httpx.ConnectTimeout() | httpx.PoolTimeout():
            result = InfoRouterTimeoutError(
                f"{operation}: timed out connecting to the server", request_sent=False
            )
        case httpx.TimeoutException():
            result = InfoRouterTimeoutError(
                f"{operation}: timed out waiting for the server's answer", request_sent=True
            )
        case httpx.ConnectError() | httpx.ProxyError() | httpx.UnsupportedProtocol():
            result = InfoRouterConnectionError(
                f"{operation}: could not connect to the server ({type(exc).__name__}: {exc})",
                request_sent=False,
            )
        case httpx.DecodingError():
            result = InvalidResponseError(
                None, f"{operation}: the answer's content encoding is broken{http}"
            )
        case httpx.TooManyRedirects():
            result = InvalidResponseError(None, f"{operation}: too many redirects")
        case httpx.HTTPStatusError():
            result = _http_status_error(exc.response.status_code, operation)
        case httpx.TransportError() | httpx.HTTPError() | httpx.StreamError():
            result = InfoRouterConnectionError(
                f"{operation}: the connection failed during the call ({type(exc).__name__})",
                request_sent=True,
            )
        case httpx.InvalidURL() | httpx.CookieConflict():
            result = InfoRouterConnectionError(
                f"{operation}: the request could not be made ({type(exc).__name__})",
                request_sent=False,
            )
    return result


def _from_zeep(
    exc: Exception, operation: str, status_code: int | None, http: str
) -> InfoRouterError | None:
    # zeep's messages can quote the whole answer, so they are not reused.
    match exc:
        case zeep.exceptions.Fault():
            code = getattr(exc, "code", None)
            return SoapFaultError(
                str(code) if code is not None else None,
                str(getattr(exc, "message", "") or "no fault string"),
                operation=operation,
            )
        case zeep.exceptions.TransportError():
            return _http_status_error(
                getattr(exc, "status_code", None) or status_code or 0, operation
            )
        case (
            zeep.exceptions.DTDForbidden()
            | zeep.exceptions.EntitiesForbidden()
            | zeep.exceptions.ExternalReferenceForbidden()
        ):
            return InvalidResponseError(
                status_code,
                f"{operation}: the answer declares a DTD or entities, refused unread{http}",
            )
        case zeep.exceptions.ValidationError():
            return TaskRequestError(f"{operation}: zeep refused a request value ({exc})")
        case zeep.exceptions.Error() | zeep.exceptions.ZeepWarning():
            return InvalidResponseError(
                status_code,
                f"{operation}: the SOAP answer does not match the WSDL "
                f"({type(exc).__name__}){http}",
            )
    return None


def _from_lxml(
    exc: Exception, operation: str, status_code: int | None, http: str
) -> InfoRouterError | None:
    match exc:
        case etree.SerialisationError():
            return TaskRequestError(f"{operation}: the request could not be serialised")
        case etree.Error():
            reason = getattr(exc, "msg", None) or type(exc).__name__
            return InvalidResponseError(
                status_code, f"{operation}: the answer is not well-formed XML ({reason}){http}"
            )
    return None


def translate(
    exc: BaseException, *, operation: str, status_code: int | None = None
) -> InfoRouterError | None:
    """Translate an httpx, zeep or lxml exception into this package's errors.

    Args:
        exc: the foreign exception.
        operation: the infoRouter operation being called, for the message.
        status_code: the HTTP status of the answer being read, when known.

    Returns:
        The error to raise from ``exc``, or None when ``exc`` is not a foreign error this
        package knows (a bug, which should propagate unchanged).
    """
    if isinstance(exc, InfoRouterError):
        return exc
    if not isinstance(exc, Exception):
        return None
    http = f" (HTTP {status_code})" if status_code is not None else ""
    return (
        _from_httpx(exc, operation, http)
        or _from_zeep(exc, operation, status_code, http)
        or _from_lxml(exc, operation, status_code, http)
    )


@contextmanager
def translating(operation: str, secrets: Iterable[str] = ()) -> Iterator[None]:
    """Re-raise foreign errors of the block as this package's errors, with secrets redacted.

    Args:
        operation: the infoRouter operation being called.
        secrets: values never to show in a message (the ticket, the password).

    Yields:
        Nothing; the block runs inside.

    Raises:
        InfoRouterError: for every httpx, zeep or lxml error raised in the block, raised from
            a masked copy of it; errors of this package are masked in place, causes included.
    """
    try:
        yield
    except InfoRouterError as error:
        _mask_error(error, masker(secrets))
        raise
    except Exception as exc:
        translated = translate(exc, operation=operation)
        if translated is None:
            raise
        mask = masker(secrets)
        _mask_error(translated, mask)
        _client_core.raise_from(translated, mask.exception(exc))


def _mask_error(error: InfoRouterError, mask: _client_core.Masker) -> None:
    """Mask an error's message, text attributes, cause and context, in place."""
    error.args = tuple(mask.text(a) if isinstance(a, str) else a for a in error.args)
    for name, value in vars(error).items():
        if isinstance(value, str):
            setattr(error, name, mask.text(value))
    if error.__cause__ is not None:
        error.__cause__ = mask.exception(error.__cause__)
    if error.__context__ is not None:
        error.__context__ = mask.exception(error.__context__)
