"""Warnings for secrets sent where the network can read them (`InsecureTransportWarning`).

A client warns, once for each thing it would say, when it is about to send a password, a
token, a ticket or a callback secret

* over ``http://`` to a host that is not loopback (127.0.0.0/8, ``::1``, ``localhost``);
* over ``https://`` without certificate verification (``verify=False``, or an ``http_client``
  whose TLS context does not verify);
* through an ``http_client`` that follows redirects (a 307 or 308 resends the body, with its
  password or ticket, wherever the server says; httpx reads each redirect's body uncapped);

and an Advance client warns when a ``callback_url`` with a secret is ``http://`` off this
machine. Loopback never warns: the sandboxes and local test servers stay quiet.

Whether an ``http_client`` verifies is read from httpx's transport (its connection pool's
TLS context): a transport that is not httpx's own (a mock, a custom one) cannot be examined
and draws no warning.
"""

from __future__ import annotations

import ipaddress
import os
import ssl
import sys
import threading
import warnings
from collections.abc import Iterable
from typing import Final

import httpx

_HERE: Final = os.path.dirname(os.path.abspath(__file__)) + os.sep
SILENCE: Final = (
    "if this is deliberate, silence it with "
    'warnings.filterwarnings("ignore", category=InsecureTransportWarning).'
)

_IN_CLEAR: Final = (
    "{what} {verb} sent in clear to {origin} (http:// to a host that is not loopback): anyone "
    "on the network path can read {it}. Use an https:// URL; or, " + SILENCE
)
_UNVERIFIED: Final = (
    "{what} {verb} sent to {origin} without TLS certificate verification (verify=False, or an "
    "http_client that does not verify): whoever can intercept the connection can read {it}. "
    "Verify certificates (give a CA bundle for a private CA); or, " + SILENCE
)


class InsecureTransportWarning(UserWarning):
    """A secret is about to travel where others on the network can read it.

    Given once per client (and its ``with_options`` copies) for each exposure: a password,
    token, ticket or callback secret sent over ``http://`` to a host that is not loopback, or
    over ``https://`` without certificate verification, or through an ``http_client`` that
    follows redirects, or a callback with a secret sent to an ``http://`` ``callback_url``.
    Loopback hosts never warn.

    Silence it deliberately, e.g. on a trusted network::

        warnings.filterwarnings("ignore", category=InsecureTransportWarning)
    """


def is_loopback(host: str) -> bool:
    """Tell whether a host names this machine only.

    Args:
        host: A host name or IP address (IPv6 with or without brackets).

    Returns:
        True for ``localhost`` and for 127.0.0.0/8 and ``::1`` (also IPv4-mapped).
    """
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def verifies(http: httpx.Client | httpx.AsyncClient, url: httpx.URL) -> bool | None:
    """Tell whether an httpx client checks the TLS certificate of ``url``'s host.

    httpx does not say so publicly; this reads the TLS context of the connection pool that
    serves ``url`` (its proxy's, when one is mounted for it).

    Args:
        http: The client.
        url: The URL it will send to.

    Returns:
        True or False, or None when the transport is not httpx's own and cannot be examined.
    """
    # Private to httpx (0.28) and httpcore: anything missing means "cannot tell", never a crash.
    transport_for = getattr(http, "_transport_for_url", None)
    pool = getattr(transport_for(url), "_pool", None) if callable(transport_for) else None
    if pool is None:
        return None
    context = getattr(pool, "_ssl_context", None)
    if context is None:
        return True  # httpcore then uses its default context, which verifies
    if not isinstance(context, ssl.SSLContext):
        return None
    return context.verify_mode != ssl.CERT_NONE and context.check_hostname


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def _listed(things: list[str]) -> tuple[str, str, str]:
    """``things`` as a phrase, with its verb and pronoun: ("a and b", "are", "them")."""
    if len(things) == 1:
        return things[0], "is", "it"
    return ", ".join(things[:-1]) + " and " + things[-1], "are", "them"


def _stacklevel(internal: tuple[str, ...]) -> int:
    """Return the ``stacklevel`` of the first frame outside the SDK (the user's call)."""
    level, frame = 1, sys._getframe(1)
    while frame.f_back is not None and frame.f_code.co_filename.startswith(internal):
        level += 1
        frame = frame.f_back
    return level


class TransportWarnings:
    """The insecure-transport warnings of one client: each is given at most once.

    Copies of a client share it, as they share its pool and credentials.

    Args:
        package: The client package's directory: its frames are skipped, so that a warning
            points at the user's line.
    """

    __slots__ = ("_given", "_internal", "_lock")

    def __init__(self, package: str) -> None:
        self._given: set[str] = set()
        self._lock = threading.Lock()
        self._internal = (_HERE, os.path.abspath(package) + os.sep)

    def _warn(self, message: str) -> None:
        with self._lock:
            if message in self._given:
                return
            self._given.add(message)
        warnings.warn(InsecureTransportWarning(message), stacklevel=_stacklevel(self._internal))

    def secrets(
        self, http: httpx.Client | httpx.AsyncClient, sent: Iterable[tuple[str, str]]
    ) -> None:
        """Warn about secrets about to be sent insecurely (before anything is sent).

        Args:
            http: The httpx client they are sent through.
            sent: Pairs of a URL and what is sent to it (e.g. "the bearer token").
        """
        clear: dict[str, list[str]] = {}
        unverified: dict[str, list[str]] = {}
        remote = False
        for address, what in sent:
            url = httpx.URL(address)
            if is_loopback(url.host):
                continue
            remote = True
            if url.scheme == "http":
                clear.setdefault(_origin(url), []).append(what)
            elif verifies(http, url) is False:
                unverified.setdefault(_origin(url), []).append(what)
        for exposed, template in ((clear, _IN_CLEAR), (unverified, _UNVERIFIED)):
            for origin, things in exposed.items():
                listed, verb, pronoun = _listed(things)
                self._warn(template.format(what=listed, verb=verb, it=pronoun, origin=origin))
        if remote and http.follow_redirects:
            self._warn(
                "the http_client follows redirects: a 307 or 308 answer makes it send the same "
                "request, with the password, ticket or callback secret in its body, to any URL "
                "the server names (http:// too), and httpx decodes each redirect answer's body "
                "without the SDK's size cap. Give an http_client with follow_redirects=False "
                f"(httpx's default); or, {SILENCE}"
            )

    def callback(self, callback_url: str) -> None:
        """Warn when a callback with a secret would travel in clear.

        Args:
            callback_url: Where the server is asked to send the callback.
        """
        url = httpx.URL(callback_url)
        if url.scheme == "http" and not is_loopback(url.host):
            self._warn(
                f"callback_url {_origin(url)} is http:// to a host that is not loopback: the "
                "server's callback, which carries the callback secret or a signature made "
                "with it, travels in clear, where anyone on the network path can read it and "
                f"replay the callback. Use an https:// callback_url; or, {SILENCE}"
            )
