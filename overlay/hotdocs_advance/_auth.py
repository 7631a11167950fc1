"""Authentication: a fixed token, or a service principal that logs in and refreshes on 401."""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import AsyncGenerator, Generator
from typing import Final

import anyio
import attrs
import httpx
from hotdocs_advance_api.api.authorization import service_principal_log_in
from hotdocs_advance_api.models import ServicePrincipalLogInRequest

from ._bodies import aread_capped, read_capped
from ._errors import AuthenticationError, InvalidArgumentError, make_status_error
from ._retries import RETRY_STATUS_CODES

logger: Final = logging.getLogger("hotdocs_advance")

AUTHORIZATION: Final = "Authorization"
BEARER: Final = "Bearer "
# What a token may hold so that it fits in a header and never ends up quoted in an error.
_TOKEN: Final = re.compile(r"[\x21-\x7e]+")


@attrs.frozen
class ServicePrincipal:
    """An API client's service principal, for the resource-owner log-in.

    The client logs in at ``<auth base>/Authorize/ServicePrincipalLogIn`` on first use, keeps
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
    if not _TOKEN.fullmatch(token):
        raise InvalidArgumentError(
            "auth", "a token must be non-empty visible ASCII (give the token without 'Bearer')"
        )
    return token


class ServicePrincipalAuth(httpx.Auth):
    """Logs in as a service principal, caches the token, and logs in again once on 401.

    Works for both sync and async clients; the cache is guarded by a lock of each kind, so
    concurrent requests log in once.

    Args:
        principal: The credentials.
        auth_base: The authorization host's base, e.g. ``https://t.hotdocsadvance.com/auth``.
    """

    def __init__(self, principal: ServicePrincipal, auth_base: str) -> None:
        self._principal = principal
        self._auth_base = auth_base
        self._token: str | None = None
        self._lock = threading.Lock()
        self._async_lock = anyio.Lock()

    def __repr__(self) -> str:
        return f"ServicePrincipalAuth({self._principal!r}, auth_base={self._auth_base!r})"

    def secrets(self) -> tuple[str, ...]:
        """Return the strings no message may show.

        Returns:
            The password and, once logged in, the token.
        """
        return (self._principal.password, self._token or "")

    def _login_request(self, request: httpx.Request) -> httpx.Request:
        kwargs = service_principal_log_in._get_kwargs(
            body=ServicePrincipalLogInRequest(
                client_name=self._principal.client_name,
                principal_name=self._principal.principal_name,
                principal_password=self._principal.password,
            )
        )
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "logging in as service principal %r of client %r",
                self._principal.principal_name,
                self._principal.client_name,
            )
        # A request made here has no timeout of its own: give it the caller's.
        return httpx.Request(
            kwargs["method"].upper(),
            self._auth_base + kwargs["url"],
            json=kwargs["json"],
            headers=kwargs["headers"],
            extensions={"timeout": request.extensions.get("timeout", {})},
        )

    def _accept(self, response: httpx.Response) -> str:
        status = response.status_code
        if status != httpx.codes.OK:
            if status in RETRY_STATUS_CODES or status >= 500:
                raise make_status_error(response, self.secrets())  # retried as a whole
            request = response.request
            raise AuthenticationError(
                f"service principal log-in at {request.url} failed: {status}; check the "
                "client name, principal name and password (and that the API client uses the "
                "ResourceOwner flow)",
                status_code=status,
                body=None,
                method=request.method,
                url=str(request.url),
                response=response,
            )
        token = response.text.strip()
        # CHOICE: the vendor documents a bare text token; a JSON-encoded string is unwrapped.
        if token.startswith('"'):
            try:
                decoded = json.loads(token)
            except ValueError:
                decoded = None
            if isinstance(decoded, str):
                token = decoded.strip()
        if not _TOKEN.fullmatch(token):
            raise AuthenticationError(
                "the log-in answered 200 without a usable token (expected a bare text token)",
                status_code=status,
                body=None,
                method=response.request.method,
                url=str(response.request.url),
                response=response,
            )
        return token

    def _authorize(self, request: httpx.Request, token: str) -> httpx.Request:
        request.headers[AUTHORIZATION] = BEARER + token
        return request

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the token, logging in first when there is none; on 401 log in again once.

        Args:
            request: The request to send.

        Yields:
            The log-in request when needed, then the request (twice after a 401).
        """
        token = self._token
        if token is None:
            with self._lock:
                token = self._token
                if token is None:
                    login = yield self._login_request(request)
                    read_capped(login)
                    token = self._token = self._accept(login)
        response = yield self._authorize(request, token)
        if response.status_code != httpx.codes.UNAUTHORIZED:
            return
        with self._lock:
            if self._token == token:  # nobody has logged in again meanwhile
                login = yield self._login_request(request)
                read_capped(login)
                self._token = self._accept(login)
            token = self._token or token
        yield self._authorize(request, token)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Add the token, logging in first when there is none; on 401 log in again once.

        Args:
            request: The request to send.

        Yields:
            The log-in request when needed, then the request (twice after a 401).
        """
        token = self._token
        if token is None:
            async with self._async_lock:
                token = self._token
                if token is None:
                    login = yield self._login_request(request)
                    await aread_capped(login)
                    token = self._token = self._accept(login)
        response = yield self._authorize(request, token)
        if response.status_code != httpx.codes.UNAUTHORIZED:
            return
        async with self._async_lock:
            if self._token == token:  # nobody has logged in again meanwhile
                login = yield self._login_request(request)
                await aread_capped(login)
                self._token = self._accept(login)
            token = self._token or token
        yield self._authorize(request, token)
