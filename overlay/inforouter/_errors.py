"""Every error the infoRouter client raises, and the one place foreign errors are translated.

The hierarchy::

    InfoRouterError                       root of everything this package raises
    ├── TaskRequestError (ValueError)     an argument is invalid; nothing was sent
    ├── UnsupportedBindingError (ValueError)
    │                                     unknown binding, or an HTTP binding on the async client
    ├── InfoRouterAPIError                the server answered success="false": code, message
    │   ├── AuthenticationFailedError     [900]
    │   ├── TicketExpiredError            [901], errorCode 4010
    │   ├── TicketNotAllowedError         [902]
    │   ├── InsufficientRightsError       [921], [2730], errorCode 4030, "Access denied"
    │   └── NotFoundError                 [2285], errorCode 4041, "... not found"
    ├── SoapFaultError                    the server answered with a SOAP fault
    ├── InfoRouterHTTPError               HTTP status other than 200 and no infoRouter answer
    ├── InvalidResponseError              an answer came but cannot be read: not XML, an HTML
    │                                     page, truncated, a DTD, too large, fields missing
    ├── InfoRouterConnectionError         no answer: the connection failed or dropped
    │   └── InfoRouterTimeoutError        no answer in time
    └── OutcomeUnknownError               a create or reassign call may have been applied, but
                                          no answer says whether it was; it is never retried

httpx, zeep and lxml exceptions become these in `translate`, most specific first; anything
else (a bug) propagates unchanged. Messages never carry the ticket or the password: every
message built here goes through `redact`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Final
from urllib.parse import quote, quote_plus

import _client_core
import httpx
import zeep.exceptions
from lxml import etree


class InfoRouterError(Exception):
    """Root of every error raised by the infoRouter client."""


class TaskRequestError(InfoRouterError, ValueError):
    """An argument is invalid; it was refused before anything was sent.

    Raised for the arguments of the request models, of every session method and of the
    clients' constructors, wrong types included (never TypeError).
    """


class UnsupportedBindingError(InfoRouterError, ValueError):
    """The binding is unknown, or an HTTP binding was given to the async client."""


class InfoRouterAPIError(InfoRouterError):
    """The server answered ``success="false"``.

    Args:
        code: the number from ``[code] message`` or the ``errorCode`` attribute, if any.
        message: the server's message without the ``[code]`` prefix.
        operation: the infoRouter operation that failed.
    """

    def __init__(self, code: int | None, message: str, *, operation: str | None = None) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        prefix = f"[{code}] " if code is not None else ""
        suffix = f" ({operation})" if operation else ""
        super().__init__(f"{prefix}{message}{suffix}")


class AuthenticationFailedError(InfoRouterAPIError):
    """[900]: wrong user name or password, or a disabled or unknown user."""


class TicketExpiredError(InfoRouterAPIError):
    """[901] (errorCode 4010): the session expired or the ticket is not valid."""


class TicketNotAllowedError(InfoRouterAPIError):
    """[902]: this account may not get a ticket (the system administrator account)."""


class InsufficientRightsError(InfoRouterAPIError):
    """[921], [2730] (errorCode 4030) or "Access denied": the user may not do this."""


class NotFoundError(InfoRouterAPIError):
    """[2285] (errorCode 4041) or a "not found" message: the task, document or user is missing."""


class SoapFaultError(InfoRouterError):
    """The server answered with a SOAP fault (an unhandled server error or a malformed call).

    Args:
        code: the fault code, if any.
        message: the fault string.
        operation: the infoRouter operation that failed.
    """

    def __init__(self, code: str | None, message: str, *, operation: str | None = None) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        shown_code = f" {code}" if code else ""
        suffix = f" ({operation})" if operation else ""
        super().__init__(f"SOAP fault{shown_code}: {message}{suffix}")


class InfoRouterHTTPError(InfoRouterError):
    """The server answered with an HTTP status other than 200 and no infoRouter answer.

    Args:
        status_code: the HTTP status.
        message: what went wrong.
        retry_after: seconds from a ``Retry-After`` header, if any.
    """

    def __init__(self, status_code: int, message: str, *, retry_after: float | None = None) -> None:
        self.status_code = status_code
        self.retry_after = retry_after
        super().__init__(message)


class InvalidResponseError(InfoRouterError):
    """An answer came but cannot be read as an infoRouter answer.

    Args:
        status_code: the HTTP status of the answer, when known.
        message: what was wrong with it.
    """

    def __init__(self, status_code: int | None, message: str) -> None:
        self.status_code = status_code
        super().__init__(message)


class InfoRouterConnectionError(InfoRouterError):
    """No answer came: the connection could not be made, or it failed during the call.

    Args:
        message: what went wrong.
        request_sent: False when the request provably never left this machine.
    """

    def __init__(self, message: str, *, request_sent: bool) -> None:
        self.request_sent = request_sent
        super().__init__(message)


class InfoRouterTimeoutError(InfoRouterConnectionError):
    """No answer came in time."""


class OutcomeUnknownError(InfoRouterError):
    """A call that is not safe to repeat may have been applied, but no answer says so.

    Raised for ``create_task``, ``create_related_task`` and ``reassign_task`` when the request
    may have reached the server and no readable answer came back (a read timeout, a dropped
    connection, an HTTP 5xx without an answer). Such a call is never retried: look at the
    parent task or the document's tasks before sending it again.

    Args:
        operation: the infoRouter operation.
        reason: why the outcome is unknown.
    """

    def __init__(self, operation: str, reason: str) -> None:
        self.operation = operation
        super().__init__(
            f"{operation} may or may not have been applied: {reason}. It was not retried; "
            "check the server's state before sending it again"
        )


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret, also in its URL-encoded forms, in text.

    Args:
        text: a message that may quote a ticket or password.
        secrets: the values to hide; empty strings are ignored.

    Returns:
        The text with each secret replaced by ``***`` (the shared core's ``redact``).
    """
    # A ticket or password also shows URL-encoded in HTTP GET and POST error texts.
    forms = {form for s in secrets if s for form in (s, quote(s, safe=""), quote_plus(s))}
    return _client_core.redact(text, forms)


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
        InfoRouterError: for every httpx, zeep or lxml error raised in the block.
    """
    try:
        yield
    except InfoRouterError as error:
        _redact_error(error, secrets)
        raise
    except Exception as exc:
        translated = translate(exc, operation=operation)
        if translated is None:
            raise
        _redact_error(translated, secrets)
        raise translated from exc


def _redact_error(error: InfoRouterError, secrets: Iterable[str]) -> None:
    """Hide secrets in an error's message and text attributes, in place."""
    secrets = tuple(s for s in secrets if s)
    if not secrets:
        return
    error.args = tuple(redact(a, secrets) if isinstance(a, str) else a for a in error.args)
    if isinstance(error, (InfoRouterAPIError, SoapFaultError)):
        error.message = redact(error.message, secrets)
