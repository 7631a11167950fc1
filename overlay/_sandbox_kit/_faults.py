"""Fault injection for the sandboxes: configuration and the ASGI middleware.

Five kinds of fault, each seen by the client the way a real network or server shows it:

=================  =====================================================================
``rate_limit``     ``429 Too Many Requests`` with ``Retry-After``; the request is not applied
``unavailable``    ``503 Service Unavailable`` with ``Retry-After``; not applied
``drop``           the connection is closed before any answer; not applied
``slow``           the request is applied at once, its answer is held back ``latency`` s
``lost_response``  the request is applied, then the connection is closed without an answer
=================  =====================================================================

``drop`` and ``lost_response`` look the same to the client (a connection closed without
a response): that is the point, since a client cannot tell them apart on a real network.

One more fault is only ever forced, never drawn at random: ``Faults.cut(after, count)``
answers the next requests (applied) with the status, the headers (the whole body's
``Content-Length`` among them) and the first ``after`` bytes of the body, then closes the
connection: a download that breaks off midway.

Requests that the sandbox marks as exempt (the Advance log-in, the infoRouter
``AuthenticateUser`` call and ``?WSDL``) get no fault unless ``include_auth`` is set
(CHOICE: a client's retry logic is about the calls it makes, not about logging in).
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, get_args

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

FaultKind = Literal["rate_limit", "unavailable", "drop", "slow", "lost_response"]
FAULT_KINDS: Final[tuple[FaultKind, ...]] = get_args(FaultKind)

# Default delay of a ``slow`` answer: longer than a test client's usual timeout.
DEFAULT_LATENCY: Final = 2.0

ErrorBody = Callable[[int, str], tuple[str, bytes]]
"""Builds the body of a fault answer: (status, title) -> (content type, body)."""


class ConnectionDropped(Exception):  # noqa: N818 (an event, not an error)
    """Raised inside the ASGI app so that the server closes the connection unanswered.

    The sandbox's own server turns it into a closed connection; under another ASGI
    server or transport it surfaces as an exception in the client, which is the nearest
    equivalent.
    """


@dataclass(frozen=True, slots=True)
class FaultEvent:
    """One injected fault: its kind and the request it hit."""

    kind: FaultKind
    method: str
    path: str


class Faults:
    """What faults to inject, how often, and what has been injected so far.

    Args:
        rate: Probability in [0, 1] that a request gets a fault; 0 turns random faults off.
        kinds: The kinds to choose from (uniformly) when a random fault fires.
        latency: Seconds a ``slow`` answer is held back.
        retry_after: Value of the ``Retry-After`` header on 429 and 503 answers.
        seed: Seed of the random generator, for a repeatable sequence of faults.
        include_auth: Also inject faults into log-in and WSDL requests.

    Raises:
        ValueError: If ``rate`` is outside [0, 1], ``latency`` is negative or a kind is
            unknown.

    Thread-safe: tests change it while the server thread reads it.
    """

    def __init__(
        self,
        rate: float = 0.0,
        kinds: tuple[FaultKind, ...] | list[FaultKind] = FAULT_KINDS,
        *,
        latency: float = DEFAULT_LATENCY,
        retry_after: str = "0",
        seed: int | None = None,
        include_auth: bool = False,
    ) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fault rate must be between 0 and 1, not {rate!r}")
        if latency < 0:
            raise ValueError(f"latency must not be negative, not {latency!r}")
        kinds = tuple(kinds)
        unknown = [kind for kind in kinds if kind not in FAULT_KINDS]
        if unknown:
            raise ValueError(f"unknown fault kinds {unknown}; known: {', '.join(FAULT_KINDS)}")
        if rate > 0 and not kinds:
            raise ValueError("a fault rate above 0 needs at least one fault kind")
        self.rate = rate
        self.kinds = kinds
        self.latency = latency
        self.retry_after = retry_after
        self.seed = seed
        self.include_auth = include_auth
        self._random = random.Random(seed)  # noqa: S311 (not cryptography)
        self._forced: deque[FaultKind] = deque()
        self._cuts: deque[int] = deque()
        self._lock = threading.Lock()
        self.injected: Counter[FaultKind] = Counter()
        self.events: list[FaultEvent] = []
        #: How many answers `cut` has cut so far.
        self.cuts_made = 0

    @classmethod
    def parse_kinds(cls, text: str) -> tuple[FaultKind, ...]:
        """Read a comma-separated list of fault kinds (``all`` for every kind).

        Args:
            text: For example ``"rate_limit,drop"``.

        Returns:
            The kinds, in the order given.

        Raises:
            ValueError: If a kind is unknown.
        """
        if text.strip().lower() == "all":
            return FAULT_KINDS
        kinds: list[FaultKind] = []
        for part in text.split(","):
            name = part.strip().replace("-", "_")
            if not name:
                continue
            if name not in FAULT_KINDS:
                raise ValueError(f"unknown fault kind {name!r}; known: {', '.join(FAULT_KINDS)}")
            kinds.append(name)
        return tuple(kinds)

    def force(self, kind: FaultKind, count: int = 1) -> None:
        """Make the next ``count`` non-exempt requests fail with ``kind``.

        Args:
            kind: The fault to inject.
            count: How many requests in a row get it.

        Raises:
            ValueError: If ``kind`` is unknown or ``count`` is negative.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; known: {', '.join(FAULT_KINDS)}")
        if count < 0:
            raise ValueError("count must not be negative")
        with self._lock:
            self._forced.extend([kind] * count)

    def cut(self, after: int, count: int = 1) -> None:
        """Cut the next ``count`` non-exempt answers after ``after`` bytes of their body.

        Each such request is applied and answered with its status and headers and the first
        ``after`` bytes of the body; then the connection is closed, as when a network fails
        midway through a download. An answer whose body is not longer than ``after`` bytes is
        sent whole (and still uses up one cut). A request that also draws another fault gets
        that fault instead and keeps the cut for the next.

        Args:
            after: Body bytes sent before the connection is closed (0 or more).
            count: How many answers in a row are cut.

        Raises:
            ValueError: If ``after`` or ``count`` is negative.
        """
        if after < 0 or count < 0:
            raise ValueError("after and count must not be negative")
        with self._lock:
            self._cuts.extend([after] * count)

    def draw_cut(self, *, exempt: bool) -> int | None:
        """Take the next cut for a request that drew no other fault.

        Args:
            exempt: Whether the request is a log-in or WSDL request.

        Returns:
            Body bytes to send before closing the connection, or None to answer normally.
        """
        if exempt and not self.include_auth:
            return None
        with self._lock:
            return self._cuts.popleft() if self._cuts else None

    def clear(self) -> None:
        """Forget forced faults and cuts and turn random faults off (the counts are kept)."""
        with self._lock:
            self._forced.clear()
            self._cuts.clear()
            self.rate = 0.0

    @property
    def pending(self) -> int:
        """How many forced faults are still waiting for a request."""
        with self._lock:
            return len(self._forced)

    def draw(self, *, exempt: bool, method: str = "", path: str = "") -> FaultKind | None:
        """Decide the fault for one request, and record it.

        Args:
            exempt: Whether the request is a log-in or WSDL request.
            method: The request method, for the record.
            path: The request path, for the record.

        Returns:
            The fault to inject, or None to answer normally.
        """
        if exempt and not self.include_auth:
            return None
        with self._lock:
            kind: FaultKind | None = None
            if self._forced:
                kind = self._forced.popleft()
            elif self.rate > 0 and self._random.random() < self.rate:
                kind = self._random.choice(self.kinds)
            if kind is not None:
                self.injected[kind] += 1
                self.events.append(FaultEvent(kind, method, path))
            return kind

    def __repr__(self) -> str:
        return (
            f"Faults(rate={self.rate!r}, kinds={self.kinds!r}, latency={self.latency!r}, "
            f"retry_after={self.retry_after!r}, seed={self.seed!r}, "
            f"include_auth={self.include_auth!r})"
        )


def plain_text_error(status: int, title: str) -> tuple[str, bytes]:
    """Return a plain-text fault answer body (the default).

    Args:
        status: The HTTP status.
        title: A short reason.

    Returns:
        The content type and body.
    """
    return "text/plain; charset=utf-8", f"{status} {title}".encode()


_TITLES: Final = {429: "Too Many Requests", 503: "Service Unavailable"}


class FaultInjectionMiddleware:
    """ASGI middleware that injects the faults its ``faults`` attribute asks for.

    Args:
        app: The sandbox application.
        faults: The fault configuration; replace the attribute to change it at run time.
        is_exempt: Tells log-in and WSDL requests apart (they get no fault by default).
        error_body: Builds the body of 429 and 503 answers in the service's error format.
    """

    def __init__(
        self,
        app: ASGIApp,
        faults: Faults | None = None,
        *,
        is_exempt: Callable[[Scope], bool] = lambda scope: False,
        error_body: ErrorBody = plain_text_error,
    ) -> None:
        self.app = app
        self.faults = faults if faults is not None else Faults()
        self.is_exempt = is_exempt
        self.error_body = error_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection scope, possibly with a fault."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        faults = self.faults
        exempt = self.is_exempt(scope)
        kind = faults.draw(exempt=exempt, method=scope["method"], path=scope["path"])
        if kind is None:
            after = faults.draw_cut(exempt=exempt)
            await self.app(scope, receive, send if after is None else _cutting(send, after, faults))
        elif kind in ("rate_limit", "unavailable"):
            await self._refuse(429 if kind == "rate_limit" else 503, faults.retry_after, send)
        elif kind == "drop":
            raise ConnectionDropped(kind)
        elif kind == "slow":
            held: list[Message] = []

            async def hold(message: Message) -> None:
                held.append(message)

            await self.app(scope, receive, hold)
            await asyncio.sleep(faults.latency)
            for message in held:
                await send(message)
        else:  # lost_response

            async def discard(message: Message) -> None:
                return None

            await self.app(scope, receive, discard)
            raise ConnectionDropped(kind)

    async def _refuse(self, status: int, retry_after: str, send: Send) -> None:
        content_type, body = self.error_body(status, _TITLES[status])
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", content_type.encode("latin-1")),
                    (b"content-length", str(len(body)).encode("ascii")),
                    (b"retry-after", retry_after.encode("latin-1")),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _cutting(send: Send, after: int, faults: Faults) -> Send:
    """Wrap ``send`` so that an answer stops after ``after`` body bytes (see `Faults.cut`)."""
    sent = 0

    async def cut(message: Message) -> None:
        nonlocal sent
        body: bytes = message.get("body", b"") if message["type"] == "http.response.body" else b""
        if sent + len(body) <= after:
            sent += len(body)
            await send(message)
            return
        await send({"type": "http.response.body", "body": body[: after - sent], "more_body": True})
        with faults._lock:
            faults.cuts_made += 1
        raise ConnectionDropped("cut")

    return cut
