"""Authentication: a fixed token, or a service principal's log-in state (requests and answers)."""

from __future__ import annotations

import json
import logging
import re
import threading
from typing import Any, Final

import anyio
import attrs
import httpx
from _client_core import is_retried_status, raise_from
from hotdocs_advance_api.api.authorization import service_principal_log_in
from hotdocs_advance_api.models import ServicePrincipalLogInRequest
from hotdocs_advance_api.types import UnexpectedResponse

from ._bodies import NOT_THE_LOG_IN, not_the_api
from ._errors import (
    AuthenticationError,
    InvalidArgumentError,
    NotFoundError,
    make_status_error,
    masker,
)

logger: Final = logging.getLogger("hotdocs_advance")

AUTHORIZATION: Final = "Authorization"
BEARER: Final = "Bearer "
# What a token may hold (visible ASCII, so that it fits in a header and never ends up quoted in
# an error): the spec's pattern of the log-in's answer, the one place the rule is written.
TOKEN: Final = re.compile(service_principal_log_in.RESULT_PATTERN)
# A log-in answered with these found no log-in endpoint (a wrong base URL or auth_url).
_NO_ENDPOINT: Final = frozenset({404, 405})


@attrs.frozen
class ServicePrincipal:
    """An API client's service principal, for the resource-owner log-in.

    The client logs in at the spec's log-in path below the auth base on first use, keeps
    the token, and logs in again once when a request is refused with 401. A refused log-in
    raises ``AuthenticationError``; one that fails on the server's side (429, 5xx) is retried
    like any call. ``repr()`` never shows the password.

    Attributes:
        client_name: The API client's unique name.
        principal_name: The service principal's name.
        password: The service principal's password.
    """

    client_name: str
    principal_name: str
    password: str = attrs.field(repr=False)

    def __attrs_post_init__(self) -> None:
        for field in ("client_name", "principal_name", "password"):
            value = getattr(self, field)
            if type(value) is not str or not value.strip():
                raise InvalidArgumentError(f"auth.{field}", "must be a non-empty str")
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise InvalidArgumentError(f"auth.{field}", "holds an unpaired surrogate") from None


def check_token(token: object) -> str:
    """Check a token given by the user.

    Args:
        token: The ``auth`` argument, when it is not a ``ServicePrincipal``.

    Returns:
        The token, without surrounding white space.

    Raises:
        InvalidArgumentError: It is not a non-empty string of visible ASCII characters.
    """
    if type(token) is not str:
        raise InvalidArgumentError(
            "auth", f"expected a token str or a ServicePrincipal, not {type(token).__name__}"
        )
    token = token.strip()
    if not TOKEN.fullmatch(token):
        raise InvalidArgumentError(
            "auth", "a token must be non-empty visible ASCII (give the token without 'Bearer')"
        )
    return token


def _refused(
    response: httpx.Response, message: str, secrets: tuple[str, ...]
) -> AuthenticationError:
    mask = masker(secrets)
    request = response.request
    return AuthenticationError(
        mask.text(message),
        status_code=response.status_code,
        body=None,
        method=request.method,
        url=mask.url(request.url),
        response=mask.response(response),
    )


class Login:
    """The service-principal log-in one client and its copies share: the token and two locks.

    The clients do the log-in themselves (on first use, and once more after a 401), under
    ``lock`` (threads) or ``async_lock`` (tasks), so concurrent calls log in once. This class
    builds the request and reads the answer; it does no I/O.

    Args:
        principal: The credentials.
        auth_base: The authorization host's base, e.g. ``https://t.hotdocsadvance.com/auth``.
    """

    def __init__(self, principal: ServicePrincipal, auth_base: str) -> None:
        self.principal = principal
        self.auth_base = auth_base
        self.token: str | None = None
        self.lock = threading.Lock()
        self.async_lock = anyio.Lock()

    def __repr__(self) -> str:
        return f"Login({self.principal!r}, auth_base={self.auth_base!r})"

    def secrets(self) -> tuple[str, ...]:
        """Return the strings no message may show.

        Returns:
            The password and, once logged in, the token.
        """
        return (self.principal.password, self.token or "")

    def request(self) -> dict[str, Any]:
        """Build the log-in request (``build_request`` keyword arguments, URL absolute).

        Returns:
            The request.
        """
        kwargs = service_principal_log_in.build_request(
            body=ServicePrincipalLogInRequest(
                client_name=self.principal.client_name,
                principal_name=self.principal.principal_name,
                principal_password=self.principal.password,
            )
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "logging in as service principal %r of client %r",
                self.principal.principal_name,
                self.principal.client_name,
            )
        return {**kwargs, "url": self.auth_base + kwargs["url"]}

    def _no_endpoint(self, response: httpx.Response) -> NotFoundError:
        """Describe a log-in URL that answers 404 or 405: no log-in there, not bad credentials."""
        error = make_status_error(response, self.secrets())
        return NotFoundError(
            f"service principal log-in at {masker(self.secrets()).url(response.request.url)} "
            f"answered {response.status_code}: no log-in endpoint was found at that URL (the "
            "credentials were not checked); the base URL should end in /api/rest or "
            "/HdaApi/rest, or pass auth_url (ending in /auth or /HdaAuth)",
            status_code=error.status_code,
            body=error.body,
            method=error.method,
            url=error.url,
            response=error.response,
        )

    def accept(self, response: httpx.Response) -> str:
        """Read the log-in's answer and keep the token.

        Args:
            response: The answer, read.

        Returns:
            The token.

        Raises:
            AuthenticationError: The log-in was refused, or answered without a usable token.
            NotFoundError: The log-in URL answered 404 or 405: no log-in endpoint is there.
            APIResponseValidationError: A success answer that is not a token (an HTML page).
            APIStatusError: The server failed (429, 5xx): the caller retries the whole call.
        """
        status = response.status_code
        request = response.request
        if status not in service_principal_log_in.SUCCESS_STATUSES:
            if is_retried_status(status):
                raise make_status_error(response, self.secrets())  # retried as a whole
            if status in _NO_ENDPOINT:
                raise self._no_endpoint(response)
            raise _refused(
                response,
                f"service principal log-in at {request.url} failed: {status}; check the "
                "client name, principal name and password (and that the API client uses the "
                "ResourceOwner flow)",
                self.secrets(),
            )
        parsed = service_principal_log_in.parse_response(response)
        if isinstance(parsed, UnexpectedResponse):  # an HTML page, say: not the log-in
            raise_from(not_the_api(response, parsed.reason, NOT_THE_LOG_IN), None)
        token = parsed.strip()
        # CHOICE (spec): a JSON-encoded string is unwrapped.
        if token.startswith('"'):
            try:
                decoded = json.loads(token)
            except ValueError:
                decoded = None
            if isinstance(decoded, str):
                token = decoded.strip()
        if not TOKEN.fullmatch(token):
            raise _refused(
                response,
                "the log-in answered 200 without a usable token (expected a bare text token)",
                self.secrets(),
            )
        self.token = token
        return token
