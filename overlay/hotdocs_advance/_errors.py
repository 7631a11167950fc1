"""Every exception this package raises, and the one place foreign exceptions become ours.

The hierarchy::

    AdvanceError                      root: catch this to catch everything below
    ├── APIStatusError                the server answered with an error status
    │   │                             (status_code, body, method, url, response)
    │   ├── BadRequestError           400: malformed request, unknown work group or package
    │   ├── AuthenticationError       401, or a service-principal log-in that failed
    │   ├── PermissionDeniedError     403: scope too small, or the feature is switched off
    │   ├── NotFoundError             404
    │   ├── ConflictError             409: id or name taken, or the session is in the wrong state
    │   │   └── VersionStateError     409: the current version's status does not allow the call
    │   ├── RateLimitError            429
    │   └── InternalServerError       any 5xx
    ├── APIConnectionError            no usable response: DNS, connect, TLS, protocol errors
    │   └── APITimeoutError           a connect, read, write or pool timeout
    ├── APIResponseValidationError    a success response whose body has not the documented shape
    ├── VersionWaitTimeoutError       wait_for_version's deadline passed before a final status
    │                                 (status: the last one read)
    ├── ClientClosedError (RuntimeError)
    │                                 the client (or its http_client) is closed; nothing was sent
    ├── AnswerSetError (ValueError)   bad answer data or answer XML (answer, line, column)
    ├── InvalidArgumentError (ValueError)
    │                                 a bad argument, found before anything was sent (argument)
    ├── CallbackVerificationError     a received callback whose signature or token is missing or
    │                                 wrong, or whose signed body is not a CallbackEvent
    └── BulkInputError (ValueError)   a bulk-creation input no row of can be read (source, line,
                                      column), found before anything was sent

Other statuses (a redirect, 405, 422, ...) raise a plain ``APIStatusError``. Every error is
safe to keep, log and pickle: messages, ``body``, ``url`` and the ``response`` an error carries
are masked by the shared core's rule (``_client_core._redact``) with the secrets the caller
knows and this package's `SECRET_FIELDS`; ``response`` is a copy without credential headers,
log-in body or secrets, its request and history copied the same way; the exception an error
is raised from is a masked copy of the foreign one (`masker().exception`). ``translate()`` is
the one place where httpx's and the generated client's exceptions become these, using the
``FOREIGN_ERRORS`` table. Every class pickles (``PicklableError``): the copy has the same
class, message and attributes; causes and tracebacks are not pickled.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Iterable
from typing import Final

import httpx
from _client_core import Masker, PicklableError, redact, shorten
from hotdocs_advance_api import errors as generated_errors
from hotdocs_advance_api.models import Problem, VersionStatus

__all__ = [  # redact() is the shared core's; it is re-exported here for this package's users
    "FOREIGN_ERRORS",
    "SECRET_FIELDS",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AdvanceError",
    "AnswerProblem",
    "AnswerSetError",
    "AuthenticationError",
    "BadRequestError",
    "BulkInputError",
    "CallbackVerificationError",
    "ClientClosedError",
    "ConflictError",
    "InternalServerError",
    "InvalidArgumentError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "VersionStateError",
    "VersionWaitTimeoutError",
    "make_status_error",
    "masker",
    "redact",
    "translate",
]

_MAX_DETAIL: Final = 300

# The wire names of the members that carry a secret (the log-in's password, the v2.0
# callback's secret): masked whole wherever they show, whatever their value.
SECRET_FIELDS: Final = frozenset({"PrincipalPassword", "callbackSecret"})


def masker(secrets: Iterable[str] = ()) -> Masker:
    """Build the shared core's masker with this package's secret places.

    Args:
        secrets: The secret values the caller knows (token, password, callback secret).

    Returns:
        The masker.
    """
    return Masker(secrets, fields=SECRET_FIELDS)


class AdvanceError(PicklableError):
    """Root of every exception raised by ``hotdocs_advance``; every one pickles."""


class APIStatusError(AdvanceError):
    """The server answered with an error status.

    Attributes:
        status_code: The HTTP status code.
        body: The response body, masked: decoded JSON, else text, else None when empty.
        method: The request's method.
        url: The request's URL, masked.
        response: A copy of the ``httpx.Response``, when one exists, safe to keep: the
            status, the headers but credential ones, the body masked, its request (method,
            masked URL, headers without ``Authorization``, body masked) and its history
            copied the same way. It pickles with the error.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        body: object,
        method: str,
        url: str,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        places = masker()  # whoever built the error, no credential is kept
        self.status_code = status_code
        self.body = places.data(body)
        self.method = method
        self.url = places.url(url)
        self.response = None if response is None else places.response(response)


class BadRequestError(APIStatusError):
    """400: the request is malformed or names a missing or unsuitable resource."""


class AuthenticationError(APIStatusError):
    """401: the token was refused, or the service-principal log-in failed."""


class PermissionDeniedError(APIStatusError):
    """403: the API client's scope is too small, or the feature is switched off."""


class NotFoundError(APIStatusError):
    """404: a resource named in the path does not exist."""


class ConflictError(APIStatusError):
    """409: the id or name is taken, or the session or version is in the wrong state."""


class VersionStateError(ConflictError):
    """409 from a call allowed only in some statuses of the work item's current version.

    Changing a work item's answers, for one, is allowed only while its current version is
    ``Saved``, ``Completed`` or ``PostProcessingFailed``. The message names the statuses that
    would allow the call.

    Attributes:
        allowed_statuses: The statuses that allow the call (the spec's x-sdk-allowed-statuses).
    """

    allowed_statuses: frozenset[str] = frozenset()


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


class APIConnectionError(AdvanceError):
    """No usable response arrived (connection, TLS, protocol or transport failure).

    Attributes:
        method: The request's method, when known.
        url: The request's URL, when known.
    """

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class APITimeoutError(APIConnectionError):
    """A connect, read, write or connection-pool timeout."""


class APIResponseValidationError(AdvanceError):
    """A success response whose body does not have the documented shape.

    Attributes:
        status_code: The HTTP status code.
        method: The request's method.
        url: The request's URL.
    """

    def __init__(self, message: str, *, status_code: int, method: str, url: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.method = method
        self.url = url

    @classmethod
    def of(cls, response: httpx.Response, problem: str) -> APIResponseValidationError:
        """Describe what is wrong with the body of ``response``.

        Args:
            response: The answer (its request gives the method and URL).
            problem: What is wrong, completing "answered <status> with a body ...".

        Returns:
            The error, naming the request and the status.
        """
        request = response.request
        url = masker().url(request.url)
        return cls(
            f"{request.method} {url} answered {response.status_code} with a body {problem}",
            status_code=response.status_code,
            method=request.method,
            url=url,
        )


class VersionWaitTimeoutError(AdvanceError):
    """``wait_for_version`` reached its deadline before the version's status was final.

    Nothing was lost: the work goes on on the server. Wait again, or rely on the callback.

    Attributes:
        status: The last status read (``status.status`` is its text, e.g. ``Completing``).
        work_item_id: The work item.
        version_id: The version.
        timeout: The seconds waited.
    """

    def __init__(
        self,
        status: VersionStatus,
        *,
        work_item_id: uuid.UUID,
        version_id: uuid.UUID,
        timeout: float,
    ) -> None:
        super().__init__(
            f"version {version_id} of work item {work_item_id} is still {status.status!r} "
            f"after {timeout:g} s; wait again (wait_for_version) or rely on the callback"
        )
        self.status = status
        self.work_item_id = work_item_id
        self.version_id = version_id
        self.timeout = timeout


class ClientClosedError(AdvanceError, RuntimeError):
    """A call on a client that is closed, or whose ``http_client`` is; nothing was sent.

    ``close()`` (or leaving the client's ``with`` block) closes its connection pool, which
    its ``with_options`` copies share; create a new client to go on.
    """


@dataclasses.dataclass(frozen=True, slots=True)
class AnswerProblem:
    """One thing in answer XML that could not be interpreted, or that breaks the schema.

    ``AnswerSet.problems`` and ``AnswerSetError.problems`` hold these.

    Attributes:
        name: The answer concerned (decoded), or None for a problem outside any answer.
        line: The line in the XML input, when known.
        reason: What is wrong, e.g. ``'Agree' is neither true nor false``.
        column: The column in the XML input, when the parser knows it.
    """

    name: str | None
    line: int | None
    reason: str
    column: int | None = None

    def __str__(self) -> str:
        return _located(self.reason, self.name, self.line, self.column)


def _located(reason: str, answer: str | None, line: int | None, column: int | None) -> str:
    where = []
    if line is not None:
        where.append(f"line {line}" + (f", column {column}" if column else ""))
    if answer is not None:
        where.append(f"answer {shorten(answer)}")
    return f"{', '.join(where)}: {reason}" if where else reason


class AnswerSetError(AdvanceError, ValueError):
    """Answer data or answer XML that HotDocs would not accept.

    Attributes:
        answer: The name of the answer concerned, when there is one.
        line: The line in the XML input, when the error comes from XML.
        column: The column in the XML input, when known.
        reason: The message without its place (line, column, answer).
        problems: Every problem found, for ``validate_answer_xml`` (which reports them all;
            the other attributes describe the first); otherwise empty.
    """

    def __init__(
        self,
        message: str,
        *,
        answer: str | None = None,
        line: int | None = None,
        column: int | None = None,
        problems: tuple[AnswerProblem, ...] = (),
    ) -> None:
        super().__init__(_located(message, answer, line, column))
        self.answer = answer
        self.line = line
        self.column = column
        self.reason = message
        self.problems = problems


class InvalidArgumentError(AdvanceError, ValueError):
    """An argument is wrong; raised before any request is sent.

    Attributes:
        argument: The name of the argument.
    """

    def __init__(self, argument: str, message: str) -> None:
        super().__init__(f"{argument}: {message}")
        self.argument = argument


class CallbackVerificationError(AdvanceError):
    """A callback that ``verify_callback`` cannot trust; answer it with 401 and ignore it.

    Its message says what was wrong (a missing or repeated header, a signature or token that
    does not match, a signed body that is not a ``CallbackEvent``); it never holds the secret.
    """


class BulkInputError(AdvanceError, ValueError):
    """A bulk-creation input that no row of can be read: raised before anything is sent.

    A CSV header with an unknown type suffix, a repeated or missing column, no key column, a
    name template naming a column the file does not have, a file that is not UTF-8. A problem
    of one row is not this: that row is reported ``invalid`` and the others go on.

    Attributes:
        source: The file's name, when there is one.
        line: The line of the input, when the problem has one.
        column: The CSV column (1-based), when the problem has one.
        reason: The message without its place.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        where = [part for part in (source, line and f"line {line}") if part]
        if column is not None:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.source = source
        self.line = line
        self.column = column
        self.reason = message


_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}

_HINTS: Final[dict[type[APIStatusError], str]] = {
    AuthenticationError: "check the token or the service principal's credentials",
    PermissionDeniedError: "the API client needs the Command or Root scope for writes",
    ConflictError: "the id or name is in use, or the session is not in a state for this call",
    RateLimitError: "slow down; the client honours Retry-After when it retries",
}


def _status_error_class(status_code: int) -> type[APIStatusError]:
    if status_code >= 500:
        return InternalServerError
    return _STATUS_ERRORS.get(status_code, APIStatusError)


def _body_of(response: httpx.Response) -> object:
    try:
        content = response.content
    except httpx.ResponseNotRead:
        return None
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):  # not JSON, or absurdly deep JSON
        return response.text


def _detail_of(body: object, problem: Problem | None = None) -> str:
    if problem is not None:
        parts = [problem.title, problem.detail]
        text = " - ".join(part for part in parts if part)
    elif isinstance(body, str):
        text = " ".join(body.split())
    else:
        text = ""
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 3] + "..."


def _listed(values: Iterable[str]) -> str:
    names = sorted(values)
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def make_status_error(
    response: httpx.Response,
    secrets: Iterable[str] = (),
    problem: Problem | None = None,
    allowed_statuses: frozenset[str] = frozenset(),
) -> APIStatusError:
    """Build the exception for an error response: one class per status.

    Args:
        response: The error response (status 300 or more).
        secrets: Secrets to keep out of the message, the body and the response's copy.
        problem: The error body as its operation's ``parse_error()`` read it, if it did.
        allowed_statuses: The statuses of the current version that allow the call (its
            operation's ``ALLOWED_STATUSES``): a 409 is then a ``VersionStateError``.

    Returns:
        The exception, not raised.
    """
    mask = masker(secrets)
    response = mask.response(response)
    request = response.request
    cls = _status_error_class(response.status_code)
    if cls is ConflictError and allowed_statuses:
        cls = VersionStateError
    body = _body_of(response)  # read from the masked copy; __init__ masks its members
    message = f"{request.method} {request.url} failed: {response.status_code}"
    if response.reason_phrase:
        message += f" {response.reason_phrase}"
    if problem is None and isinstance(body, dict):
        try:  # every documented error body is a Problem; others are read as one, leniently
            problem = Problem.from_dict(body)
        except (ValueError, TypeError, KeyError, AttributeError):
            problem = None
    detail = _detail_of(body, problem)
    if detail:
        message += f" ({detail})"
    hint = _HINTS.get(cls)
    if cls is VersionStateError:
        hint = "the call is allowed only while the work item's current version is " + _listed(
            allowed_statuses
        )
    if hint:
        message += f"; {hint}"
    error = cls(
        mask.text(message),
        status_code=response.status_code,
        body=body,
        method=request.method,
        url=str(request.url),
        response=response,
    )
    if isinstance(error, VersionStateError):
        error.allowed_statuses = allowed_statuses
    return error


def _request_of(exc: Exception, mask: Masker) -> tuple[str | None, str | None]:
    if not isinstance(exc, httpx.RequestError | httpx.HTTPStatusError):
        return None, None
    try:
        request = exc.request
    except RuntimeError:  # httpx raises this when no request is attached
        return None, None
    return request.method, mask.url(request.url)


# Most specific first: the first entry whose class matches wins. Every exception class httpx
# and the generated client define is listed (a test checks), so a new one in an upgrade fails
# that test rather than leaking out untranslated.
FOREIGN_ERRORS: Final[tuple[tuple[type[Exception], type[AdvanceError]], ...]] = (
    (generated_errors.UnexpectedStatus, APIStatusError),
    (httpx.ConnectTimeout, APITimeoutError),
    (httpx.ReadTimeout, APITimeoutError),
    (httpx.WriteTimeout, APITimeoutError),
    (httpx.PoolTimeout, APITimeoutError),
    (httpx.TimeoutException, APITimeoutError),
    (httpx.ConnectError, APIConnectionError),
    (httpx.ReadError, APIConnectionError),
    (httpx.WriteError, APIConnectionError),
    (httpx.CloseError, APIConnectionError),
    (httpx.NetworkError, APIConnectionError),
    (httpx.LocalProtocolError, APIConnectionError),
    (httpx.RemoteProtocolError, APIConnectionError),
    (httpx.ProtocolError, APIConnectionError),
    (httpx.ProxyError, APIConnectionError),
    (httpx.UnsupportedProtocol, APIConnectionError),
    (httpx.TransportError, APIConnectionError),
    (httpx.DecodingError, APIConnectionError),
    (httpx.TooManyRedirects, APIConnectionError),
    (httpx.RequestError, APIConnectionError),
    (httpx.HTTPStatusError, APIStatusError),
    (httpx.HTTPError, AdvanceError),
    (httpx.InvalidURL, InvalidArgumentError),
    (httpx.CookieConflict, AdvanceError),
    (httpx.StreamConsumed, AdvanceError),
    (httpx.StreamClosed, AdvanceError),
    (httpx.ResponseNotRead, AdvanceError),
    (httpx.RequestNotRead, AdvanceError),
    (httpx.StreamError, AdvanceError),
)


def translate(exc: Exception, secrets: Iterable[str] = ()) -> AdvanceError | None:
    """Map a foreign exception to ours, using the first matching row of ``FOREIGN_ERRORS``.

    Args:
        exc: An exception raised by httpx or the generated client.
        secrets: Secrets to keep out of the message.

    Returns:
        The translated exception (not raised), or None for an exception not in the table.
        Raise it from ``masker(secrets).exception(exc)``, never from ``exc`` itself.
    """
    target = next((ours for foreign, ours in FOREIGN_ERRORS if isinstance(exc, foreign)), None)
    if target is None:
        return None
    mask = masker(secrets)
    text = mask.text(str(exc) or type(exc).__name__)
    if isinstance(exc, httpx.HTTPStatusError):
        return make_status_error(exc.response, secrets)
    if isinstance(exc, generated_errors.UnexpectedStatus):
        body = mask.text(exc.content.decode("utf-8", errors="replace"))
        detail = _detail_of(body)
        return _status_error_class(exc.status_code)(
            f"unexpected status {exc.status_code}" + (f" ({detail})" if detail else ""),
            status_code=exc.status_code,
            body=body,
            method="",
            url="",
        )
    if issubclass(target, APIConnectionError):
        method, url = _request_of(exc, mask)
        where = f" ({method} {url})" if method else ""
        verb = "timed out" if target is APITimeoutError else "failed"
        return target(f"the request {verb}{where}: {text}", method=method, url=url)
    if target is InvalidArgumentError:
        return InvalidArgumentError("base_url", text)
    return AdvanceError(f"{type(exc).__name__}: {text}")
