"""The clients: a service URL, a binding and one pooled HTTP client; sessions come from here."""

from __future__ import annotations

import os
import ssl
import warnings
from collections.abc import Callable
from typing import Final, TypeVar

import _client_core
import httpx

from ._errors import TaskRequestError, UnsupportedBindingError
from ._operations import AUTHENTICATE, sends
from ._retry import DEFAULT_MAX_RETRIES
from ._session import AsyncClosing, AsyncSession, Closing, Session
from ._transport import (
    DEFAULT_MAX_RESPONSE_BYTES,
    hide_secrets_in_httpx_logs,
    new_async_client,
    new_client,
)
from ._wire import ASYNC_BINDINGS, BINDINGS, AsyncBinding, AsyncWire, Binding, SyncWire

DEFAULT_TIMEOUT: Final = _client_core.DEFAULT_TIMEOUT


class TicketInQueryStringWarning(UserWarning):
    """The HTTP GET binding puts the ticket (and, at log-in, the password) in URLs."""


_SCHEMES: Final = frozenset({"http", "https"})
_PACKAGE: Final = os.path.dirname(__file__)


# The constructors check every option, so that a bad one is a TaskRequestError (a ValueError)
# at once, before anything is sent, instead of a TypeError, UnicodeEncodeError or
# AttributeError escaping from httpx at the first call (found by tests/property fuzzing).
def _check_url(url: object) -> None:
    if not isinstance(url, str):
        raise TaskRequestError(f"url must be a str, not {type(url).__name__}")
    # The URL is not quoted in these messages: it may carry user info.
    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except (httpx.InvalidURL, UnicodeError, ValueError) as exc:
        raise TaskRequestError(f"url is not a valid URL ({type(exc).__name__})") from None
    if parsed.scheme not in _SCHEMES or not parsed.host:
        raise TaskRequestError("url must be an absolute http:// or https:// URL with a host")
    if parsed.userinfo:
        raise TaskRequestError(
            "url must not carry user info (user:password@): it would show in reprs and logs; "
            "give credentials to authenticate(), or an authenticated http_client"
        )
    if port is not None and not 0 < port < 65536:  # the TCP port range
        raise TaskRequestError(f"url has an invalid port {port}")


def _timeout(timeout: object) -> httpx.Timeout:
    checked = _client_core.check_timeout(timeout)
    if checked is None:
        raise TaskRequestError(
            f"timeout must be a number of seconds above 0 and at most "
            f"{_client_core.MAX_TIMEOUT_S:g}, or an httpx.Timeout, "
            f"not {_client_core.shorten(timeout)}"
        )
    return checked


def _check_verify(verify: object, http_client: object) -> None:
    if not isinstance(verify, ssl.SSLContext | str | bool):
        raise TaskRequestError(
            f"verify must be a bool, a CA bundle path or an ssl.SSLContext, "
            f"not {type(verify).__name__}"
        )
    if http_client is not None and verify is not True:
        raise TaskRequestError(
            "verify= applies only to the HTTP client the InfoRouterClient creates; "
            "configure verification on the given http_client instead"
        )


def _check_int(value: object, name: str, minimum: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise TaskRequestError(
            f"{name} must be an int >= {minimum}, not {_client_core.shorten(value)}"
        )


def _check_http_client(http_client: object, kind: type[httpx.Client | httpx.AsyncClient]) -> None:
    if http_client is not None and not isinstance(http_client, kind):
        raise TaskRequestError(
            f"http_client must be an httpx.{kind.__name__} or None, "
            f"not {type(http_client).__name__}"
        )


def _check_options(
    url: object,
    http_client: object,
    kind: type[httpx.Client | httpx.AsyncClient],
    max_retries: object,
    max_response_bytes: object,
) -> None:
    _check_url(url)
    _check_http_client(http_client, kind)
    _check_int(max_retries, "max_retries", 0)
    _check_int(max_response_bytes, "max_response_bytes", 1)


_H = TypeVar("_H", httpx.Client, httpx.AsyncClient)


def _own(
    factory: Callable[[ssl.SSLContext | str | bool], _H], verify: ssl.SSLContext | str | bool
) -> _H:
    try:
        return factory(verify)
    except (OSError, ssl.SSLError) as exc:  # a CA bundle path that cannot be loaded
        raise TaskRequestError(
            f"verify: the CA bundle could not be loaded ({type(exc).__name__})"
        ) from None


class _ClientBase:
    """What both clients share: the option checks, the URL and the repr."""

    _binding: str

    def _configure(
        self,
        url: str,
        kind: type[httpx.Client | httpx.AsyncClient],
        *,
        http_client: object,
        timeout: object,
        max_retries: int,
        max_response_bytes: int,
        verify: object,
    ) -> httpx.Timeout:
        """Check the options common to both clients and keep them; return the timeout."""
        _check_options(url, http_client, kind, max_retries, max_response_bytes)
        _check_verify(verify, http_client)
        checked_timeout = _timeout(timeout)
        self._url = url
        self._max_retries = max_retries
        self._owns_http = http_client is None
        self._insecure = _client_core.TransportWarnings(_PACKAGE)
        return checked_timeout

    def _warn_insecure(self, http: httpx.Client | httpx.AsyncClient) -> None:
        """Warn (InsecureTransportWarning, once) if a log-in would travel exposed."""
        self._insecure.secrets(
            http, [(self._url, "the password"), (self._url, "the session's ticket")]
        )

    @property
    def url(self) -> str:
        """The service URL."""
        return self._url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self._url!r}, binding={self._binding!r})"


class InfoRouterClient(_ClientBase, Closing):
    """A client for an infoRouter server's ``/srv.asmx`` web service.

    The WSDL ships with the package and is parsed once per process, so building a client is
    cheap. The client holds one pooled `httpx.Client` (its own, unless one is given).

    Args:
        url: the service URL, e.g. ``https://docs.example.com/srv.asmx``.
        binding: ``"soap11"`` (the default), ``"soap12"``, ``"http-post"`` or ``"http-get"``.
            ``"http-get"`` puts the ticket in every URL and warns about it.
        timeout: seconds (above 0, at most a day) or an `httpx.Timeout` for every request,
            also through a given ``http_client``.
        http_client: an `httpx.Client` to send through; it is not closed by `close`.
        max_retries: retries after a failed first attempt, for calls that may be retried
            (an int >= 0).
        max_response_bytes: answers larger than this are refused unread (an int > 0).
        verify: TLS certificate verification, as httpx takes it: True (the default, certifi's
            CA bundle), False (no verification; for test servers only), the path of a CA
            bundle, or an `ssl.SSLContext`. It applies to the HTTP client the constructor
            creates; with ``http_client``, configure that client instead (any other value
            than True then raises `TaskRequestError`).

    Raises:
        UnsupportedBindingError: the binding is unknown.
        TaskRequestError: (a ValueError) ``url`` is not an absolute http(s) URL, or another
            option has the wrong type or is out of range (wrong types raise it too, never
            TypeError), ``verify`` is given with ``http_client``, or its CA bundle cannot
            be loaded.
    """

    def __init__(
        self,
        url: str,
        *,
        binding: Binding = "soap11",
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        verify: ssl.SSLContext | str | bool = True,
    ) -> None:
        if binding not in BINDINGS:
            raise UnsupportedBindingError(
                f"binding must be one of {', '.join(BINDINGS)}, not {_client_core.shorten(binding)}"
            )
        checked_timeout = self._configure(
            url,
            httpx.Client,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            verify=verify,
        )
        if binding == "http-get":
            warnings.warn(
                TicketInQueryStringWarning(
                    "binding='http-get' sends the authentication ticket (and, at log-in, the "
                    "password) in the URL query string, where web servers, proxies and "
                    "browsers may record it; prefer 'soap11' or 'http-post'"
                ),
                stacklevel=2,
            )
            hide_secrets_in_httpx_logs()
        self._binding: Binding = binding
        self._http = http_client if http_client is not None else _own(new_client, verify)
        self._wire = SyncWire(url, binding, self._http, checked_timeout, max_response_bytes)

    @property
    def binding(self) -> Binding:
        """The binding every call uses."""
        return self._binding

    @sends(AUTHENTICATE)
    def authenticate(self, user: str, password: str) -> Session:
        """Log in (AuthenticateUser) and return a session holding the ticket.

        Args:
            user: the login name (case-insensitive on the server).
            password: the password; it is kept to log in again when the ticket expires, and
                never shown.

        Returns:
            The session; use it as a context manager to log out at the end.

        Raises:
            AuthenticationFailedError: wrong credentials, or a disabled or unknown user.
            TicketNotAllowedError: the account may not get a ticket.
            InfoRouterError: any other failure.

        Warns:
            InsecureTransportWarning: once per client, before anything is sent, when the
                password and ticket would travel over ``http://`` to a host that is not
                loopback, over ``https://`` without certificate verification, or through an
                ``http_client`` that follows redirects. Loopback hosts never warn.
        """
        session = Session(
            self._wire, user, password, binding=self._binding, max_retries=self._max_retries
        )
        self._warn_insecure(self._http)
        session._login()
        return session

    def close(self) -> None:
        """Close the HTTP client, unless it was given to the constructor."""
        if self._owns_http:
            self._http.close()


class AsyncInfoRouterClient(_ClientBase, AsyncClosing):
    """An asyncio client for an infoRouter server's ``/srv.asmx``, over SOAP only.

    zeep's HTTP GET and POST bindings are synchronous, so only ``"soap11"`` and ``"soap12"``
    are offered here.

    The other arguments and errors are those of `InfoRouterClient`.

    Args:
        binding: ``"soap11"`` (the default) or ``"soap12"``.
        http_client: an `httpx.AsyncClient` to send through; it is not closed by `aclose`.

    Raises:
        UnsupportedBindingError: the binding is not a SOAP binding.
    """

    def __init__(
        self,
        url: str,
        *,
        binding: AsyncBinding = "soap11",
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        verify: ssl.SSLContext | str | bool = True,
    ) -> None:
        if binding not in ASYNC_BINDINGS:
            raise UnsupportedBindingError(
                f"the async client supports {' and '.join(ASYNC_BINDINGS)} only, not "
                f"{_client_core.shorten(binding)}; use InfoRouterClient for the HTTP bindings"
            )
        checked_timeout = self._configure(
            url,
            httpx.AsyncClient,
            http_client=http_client,
            timeout=timeout,
            max_retries=max_retries,
            max_response_bytes=max_response_bytes,
            verify=verify,
        )
        self._binding: AsyncBinding = binding
        self._http = http_client if http_client is not None else _own(new_async_client, verify)
        self._wire = AsyncWire(url, binding, self._http, checked_timeout, max_response_bytes)

    @property
    def binding(self) -> AsyncBinding:
        """The binding every call uses."""
        return self._binding

    @sends(AUTHENTICATE)
    async def authenticate(self, user: str, password: str) -> AsyncSession:
        """Async twin of `InfoRouterClient.authenticate`; same arguments and errors.

        Returns:
            The session; use it as an async context manager to log out at the end.
        """
        session = AsyncSession(
            self._wire, user, password, binding=self._binding, max_retries=self._max_retries
        )
        self._warn_insecure(self._http)
        await session._login()
        return session

    async def aclose(self) -> None:
        """Close the HTTP client, unless it was given to the constructor."""
        if self._owns_http:
            await self._http.aclose()
