"""What both Advance clients share that does no I/O: configuration, calls, operation marks."""

from __future__ import annotations

import copy
import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, Generic, Protocol, Self, TypeVar

import attrs
import httpx
from _client_core import TransportWarnings
from hotdocs_advance_api.models import (
    CreateWorkItemRequest,
    Problem,
    PublicInterviewLink,
    PublicInterviewLinkRequest,
    WorkItem,
)
from hotdocs_advance_api.types import UnexpectedResponse, Unset

from . import _arguments as check
from ._answers import AnswerSet, differing_answer
from ._auth import AUTHORIZATION, BEARER, Login, ServicePrincipal, check_token
from ._bodies import SNIFF_BYTES, looks_like_html, not_the_api
from ._errors import AnswerSetError, APIResponseValidationError, APIStatusError, ClientClosedError

T = TypeVar("T")
R = TypeVar("R")
T_co = TypeVar("T_co", covariant=True)
F = TypeVar("F", bound=Callable[..., Any])

USER_AGENT: Final = "hotdocs-advance-python"
# The attribute ``exposes`` sets on a method: the operations it sends (a tuple of names).
OPERATION_MARK: Final = "__sdk_operation__"
_PACKAGE: Final = os.path.dirname(__file__)


class NotGiven:
    """The default of ``with_options`` arguments: keep the client's value."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


class Operation(Protocol[T_co]):
    """A generated operation module: what a call needs of it."""

    OPERATION: str

    def parse_response(self, response: httpx.Response, /) -> T_co | UnexpectedResponse:
        """Read a success answer."""

    def parse_error(self, response: httpx.Response, /) -> Problem | None:
        """Read an error answer's body."""


def exposes(*operations: Operation[Any]) -> Callable[[F], F]:
    """Mark a client method as the one that sends ``operations`` (checked by check-generated).

    Args:
        operations: The generated operation modules (more than one when the method picks one
            by its arguments, as ``list_template_packages`` does).

    Returns:
        The decorator, which returns the method unchanged.
    """

    def mark(method: F) -> F:
        setattr(method, OPERATION_MARK, tuple(operation.OPERATION for operation in operations))
        return method

    return mark


def exposed_operations(client: type) -> set[str]:
    """Name the operations the methods of a client class send (their ``exposes`` marks).

    Args:
        client: ``AdvanceClient`` or ``AsyncAdvanceClient``.

    Returns:
        The operations' names (snake case, as the generated modules have them).
    """
    return {
        name for member in vars(client).values() for name in getattr(member, OPERATION_MARK, ())
    }


class Verify(Generic[R, T]):
    """How a retried call settles a 409 that its own first attempt may have caused.

    An attempt whose answer was lost (a dropped connection, a timeout, a 5xx) may still have
    taken effect; the retry then meets the state it produced and gets 409. The client reads
    the resource back: when ``differs`` finds nothing, the call succeeded and returns
    ``result(found)``; otherwise the 409 stands, as a ``ConflictError`` that says what differs.
    A read that fails in any way, or finds anything but the read's success, leaves it standing.

    Args:
        operation: The read.
        request: Builds the read (called only when a 409 is to be settled).
        differs: Says what the read found that the call would not have left, or None. It
            names the member (the call's argument), never a value.
        result: The call's result, from what was read.
    """

    __slots__ = ("differs", "operation", "request", "result")

    def __init__(
        self,
        operation: Operation[R],
        request: Callable[[], Mapping[str, Any]],
        differs: Callable[[R], str | None],
        result: Callable[[R], T],
    ) -> None:
        self.operation = operation
        self.request = request
        self.differs = differs
        self.result = result


class ReadOperation(Operation[T_co], Protocol[T_co]):
    """A generated module that reads one resource by its id."""

    def build_request(self, id: uuid.UUID, /) -> dict[str, Any]:
        """Build the read."""


class _HasStatus(Protocol):
    @property
    def status(self) -> str | None:
        """The resource's status."""


S = TypeVar("S", bound=_HasStatus)

# The generated request member whose user argument is ``answers``: compared as answer sets.
_ANSWER_XML: Final = "answer_xml"
_EXTRA: Final = "additional_properties"


def _argument(member: str) -> str:
    return "answers" if member == _ANSWER_XML else member


def _answers_differ(sent: str, held: object) -> str | None:
    """Compare answer XML as parsed answer sets: what differs, or None."""
    if not isinstance(held, str):
        return "the server reports no answers"
    try:
        theirs = AnswerSet.from_xml(held)
    except AnswerSetError:
        return "the server's answers cannot be read"
    name = differing_answer(AnswerSet.from_xml(sent), theirs)
    return None if name is None else f"answers[{name!r}] is not what this call sent"


def created(
    operation: ReadOperation[WorkItem | PublicInterviewLink],
    resource_id: uuid.UUID,
    sent: CreateWorkItemRequest | PublicInterviewLinkRequest,
) -> Verify[WorkItem | PublicInterviewLink, None]:
    """Build the check of a retried create's 409: the resource must hold what was sent.

    Every member the create's body set is compared with the member of the same name that the
    read reports, in the body's order: answers as parsed answer sets (canonical values), the
    rest by value. A member the read does not report cannot confirm the create, so it counts as
    different.

    Args:
        operation: The read of the created resource.
        resource_id: The id the create chose.
        sent: The create's body.

    Returns:
        The check; a settled create has no result of its own (its method returns the id).
    """

    def differs(found: WorkItem | PublicInterviewLink) -> str | None:
        if found.id not in (None, resource_id):
            return "the server reports another id"
        for field in attrs.fields(type(sent)):
            value = getattr(sent, field.name)
            if field.name == _EXTRA or isinstance(value, Unset):
                continue
            held = getattr(found, field.name, None)
            if field.name == _ANSWER_XML:
                problem = _answers_differ(value, held)
                if problem is not None:
                    return problem
            elif held != value:
                return f"{_argument(field.name)} is not what this call sent"
        return None

    return Verify(operation, lambda: operation.build_request(resource_id), differs, _nothing)


def reached(
    operation: Operation[S],
    request: Callable[[], Mapping[str, Any]],
    statuses: frozenset[str],
    result: Callable[[S], T],
) -> Verify[S, T]:
    """Build the check of a retried state change's 409: the status must be one it leads to.

    Args:
        operation: The read of the status.
        request: Builds the read.
        statuses: The statuses the call leaves (its operation's ``REACHED_STATUSES``).
        result: The call's result, from what was read.

    Returns:
        The check.
    """

    def differs(found: S) -> str | None:
        if found.status in statuses:
            return None
        return "the status is not one this call leaves"

    return Verify(operation, request, differs, result)


def _nothing(found: object) -> None:
    return None


#: What a settled 409 says when the read back failed or found no such resource.
UNREADABLE: Final = "the resource could not be read to confirm it"


def restate(conflict: APIStatusError, difference: str) -> APIStatusError:
    """Return the 409 that stands after a retry's read-back, saying what differs.

    Args:
        conflict: The error built from the retry's 409 (not yet raised).
        difference: What the read-back found (member names only, never values).

    Returns:
        The same error, its message completed.
    """
    conflict.args = (f"{conflict}; read back after a retry: {difference}",)
    return conflict


class Call(Generic[T]):
    """One operation, ready to send: its module, the request, and what to hide.

    Args:
        operation: The generated module (it reads the answer).
        request: What its ``build_request()`` returned.
        secrets: Strings no message or log may show.
        verify: How to settle a 409 on a retry (creates and state changes).
        stream: The operation's ``STREAMED`` (spec: ``x-sdk-stream``): a success answer is
            left open for the caller to stream, uncapped; otherwise every answer is read
            whole within ``MAX_RESPONSE_BYTES``.
    """

    __slots__ = (
        "allowed_statuses",
        "method",
        "operation",
        "path",
        "request",
        "secrets",
        "stream",
        "verify",
    )

    def __init__(
        self,
        operation: Operation[T],
        request: Mapping[str, Any],
        *,
        secrets: tuple[str, ...] = (),
        verify: Verify[Any, T] | None = None,
        stream: bool = False,
    ) -> None:
        self.operation = operation
        self.request = request
        self.method: str = request["method"]
        self.path: str = request["url"]
        self.secrets = secrets
        self.verify = verify
        self.stream = stream
        # A 409 to an operation whose spec names the statuses that allow it (its
        # x-sdk-allowed-statuses) is a VersionStateError naming them.
        self.allowed_statuses: frozenset[str] = getattr(operation, "ALLOWED_STATUSES", frozenset())


class BaseClient:
    """Configuration and the parts of sending that do no I/O."""

    def __init__(
        self,
        base_url: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout,
        max_retries: int,
        auth_url: str | None,
    ) -> None:
        self._base_url = check.base_url(base_url)
        self._timeout = check.timeout(timeout)
        self._max_retries = check.max_retries(max_retries)
        self._auth: Login | None = None
        self._token = ""
        self._owns_http = True
        self._insecure = TransportWarnings(_PACKAGE)
        if isinstance(auth, ServicePrincipal):
            self._auth = Login(auth, check.auth_base(self._base_url, auth_url))
        else:
            self._token = check_token(auth)
            if auth_url is not None:
                check.http_url("auth_url", auth_url)

    @property
    def base_url(self) -> str:
        """The API base URL, without a trailing slash (paths start ``/v1.1/`` or ``/v2.0/``)."""
        return self._base_url

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried."""
        return self._max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of each request."""
        return self._timeout

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._base_url!r}, max_retries={self._max_retries})"
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """Copy the client with other settings, sharing its connection pool and log-in.

        ``client.with_options(max_retries=0).get_work_item(...)`` changes one call. Closing
        either client closes the shared pool.

        Args:
            timeout: A new timeout.
            max_retries: A new retry count.

        Returns:
            The copy.
        """
        clone = copy.copy(self)
        if not isinstance(timeout, NotGiven):
            clone._timeout = check.timeout(timeout)
        if not isinstance(max_retries, NotGiven):
            clone._max_retries = check.max_retries(max_retries)
        return clone

    def _warn_insecure(self, http: httpx.Client | httpx.AsyncClient) -> None:
        """Warn (InsecureTransportWarning, once) if the credentials would travel exposed."""
        sent = [(self._base_url, "the bearer token")]
        if self._auth is not None:
            sent.insert(0, (self._auth.auth_base, "the service principal's password"))
        self._insecure.secrets(http, sent)

    def _warn_callback(self, http: httpx.Client | httpx.AsyncClient, callback_url: str) -> None:
        """Warn (once) if a callback secret, or the callback carrying it, would travel exposed."""
        self._insecure.secrets(http, [(self._base_url, "the callback secret")])
        self._insecure.callback(callback_url)

    def _closed_error(self) -> ClientClosedError:
        """Describe a call on a closed client: whose pool is closed, and what to do."""
        whose = "its connection pool" if self._owns_http else "the http_client it was given"
        return ClientClosedError(
            f"{type(self).__name__} for {self._base_url} is closed ({whose} was closed, by "
            "close() or the end of its with block); nothing was sent: create a new client"
        )

    def _secrets(self, call: Call[Any] | None = None) -> tuple[str, ...]:
        own = self._auth.secrets() if self._auth is not None else (self._token,)
        return (*own, *(call.secrets if call is not None else ()))

    def _request(
        self, http: httpx.Client | httpx.AsyncClient, kwargs: Mapping[str, Any], token: str
    ) -> httpx.Request:
        """Build an httpx request from ``build_request()`` output, with the token if any."""
        url: str = kwargs["url"]
        headers = dict(kwargs.get("headers") or {})
        if token:
            headers[AUTHORIZATION] = BEARER + token
        return http.build_request(
            **{
                **kwargs,
                "url": url if "://" in url else self._base_url + url,
                "headers": headers,
            },
            timeout=self._timeout,
        )


# Discovery, listing and answers out (issue 14) ----------------------------------------------


class WirePage(Protocol[T_co]):
    """A page of a list as the generated models read it (the spec's ``Page`` and its items)."""

    @property
    def items(self) -> Sequence[T_co]:
        """The page's items."""

    @property
    def next_page_token(self) -> str | None:
        """The token of the next page, or None on the last page."""


def next_token(page: WirePage[Any], response: httpx.Response | None, used: set[str]) -> str | None:
    """Return the token of the page after ``page``, or None when ``page`` is the last.

    Args:
        page: The page, as read.
        response: The answer it was read from.
        used: The tokens of the pages fetched so far in this listing.

    Returns:
        The token; an empty one counts as none.

    Raises:
        APIResponseValidationError: The token is one already used: following it would fetch
            the same pages again, for ever.
    """
    token = page.next_page_token or None
    if token is not None and token in used:
        raise _invalid(response, "whose nextPageToken names a page already fetched")
    return token


def _invalid(response: httpx.Response | None, problem: str) -> APIResponseValidationError:
    if response is None:  # only a create settled by a read-back has none; never a read
        return APIResponseValidationError(
            f"an answer came with a body {problem}", status_code=0, method="", url=""
        )
    return APIResponseValidationError.of(response, problem)


def answers_of(xml: bytes, response: httpx.Response | None) -> AnswerSet:
    """Read the answer set a server sent (``getAnswerSet``), as ``AnswerSet.from_xml`` reads it.

    Args:
        xml: The document's bytes.
        response: The answer they came in.

    Returns:
        The answers; values that cannot be interpreted are kept and listed in ``problems``.

    Raises:
        APIResponseValidationError: The document is not an answer set a mapping can hold (not
            well-formed, another root, an answer twice, ...); an HTML page (served without a
            content type: the generated parser refuses one declared) says the base URL is wrong.
    """
    try:
        return AnswerSet.from_xml(xml)
    except AnswerSetError as exc:
        if response is not None and looks_like_html(xml[:SNIFF_BYTES]):
            raise not_the_api(response, "an HTML page, not an answer set") from None
        raise _invalid(response, f"that is not an answer set ({exc})") from None
