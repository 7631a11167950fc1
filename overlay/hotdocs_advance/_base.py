"""What both Advance clients share that does no I/O: configuration, calls, operation marks."""

from __future__ import annotations

import copy
import os
import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final, Generic, Protocol, Self, TypeVar

import httpx
from _client_core import TransportWarnings
from hotdocs_advance_api.models import (
    CreateWorkItemRequest,
    Problem,
    PublicInterviewLink,
    PublicInterviewLinkRequest,
    WorkItem,
)
from hotdocs_advance_api.types import UnexpectedResponse

from . import _arguments as check
from ._auth import AUTHORIZATION, BEARER, Login, ServicePrincipal, check_token

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
F = TypeVar("F", bound=Callable[..., Any])

USER_AGENT: Final = "hotdocs-advance-python"
# The attribute ``exposes`` sets on a method: the operation it sends.
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


def exposes(operation: Operation[Any]) -> Callable[[F], F]:
    """Mark a client method as the one that sends ``operation`` (checked by check-generated).

    Args:
        operation: The generated operation module.

    Returns:
        The decorator, which returns the method unchanged.
    """

    def mark(method: F) -> F:
        setattr(method, OPERATION_MARK, operation.OPERATION)
        return method

    return mark


class Verify(Generic[T]):
    """For a create: how to check that the resource behind a 409 is the one this call made.

    A call that carries one gets no parsed result when the 409 is settled (its method returns
    the id it chose).
    """

    __slots__ = ("matches", "operation", "request")

    def __init__(
        self,
        operation: Operation[T],
        request: Callable[[], Mapping[str, Any]],
        matches: Callable[[T], bool],
    ) -> None:
        self.operation = operation
        self.request = request  # built only when a 409 is to be settled
        self.matches = matches


class ReadOperation(Operation[T_co], Protocol[T_co]):
    """A generated module that reads one resource by its id."""

    def build_request(self, id: uuid.UUID, /) -> dict[str, Any]:
        """Build the read."""


def read_back(
    operation: ReadOperation[WorkItem | PublicInterviewLink],
    resource_id: uuid.UUID,
    sent: CreateWorkItemRequest | PublicInterviewLinkRequest,
) -> Verify[WorkItem | PublicInterviewLink]:
    """Build the check of a create's 409: read the resource, compare it with what was sent.

    Args:
        operation: The read of the created resource.
        resource_id: The id the create chose.
        sent: The create's body.

    Returns:
        The check: the resource is the call's own when the name, the work group and the
        template package match (and the id, when the server reports one).
    """

    def matches(found: WorkItem | PublicInterviewLink) -> bool:
        return (
            found.name == sent.name
            and found.id in (None, resource_id)
            and found.work_group_id == sent.work_group_id
            and found.template_package_id == sent.template_package_id
        )

    return Verify(operation, lambda: operation.build_request(resource_id), matches)


class Call(Generic[T]):
    """One operation, ready to send: its module, the request, and what to hide.

    Args:
        operation: The generated module (it reads the answer).
        request: What its ``build_request()`` returned.
        secrets: Strings no message or log may show.
        verify: For a create, how to settle a 409 on a retry.
    """

    __slots__ = ("method", "operation", "path", "request", "secrets", "verify")

    def __init__(
        self,
        operation: Operation[T],
        request: Mapping[str, Any],
        *,
        secrets: tuple[str, ...] = (),
        verify: Verify[Any] | None = None,
    ) -> None:
        self.operation = operation
        self.request = request
        self.method: str = request["method"]
        self.path: str = request["url"]
        self.secrets = secrets
        self.verify = verify


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
