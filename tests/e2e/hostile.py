"""Hostile HTTP servers and answers on loopback, shared by the reliability tests.

`RawServer` is a few lines of plain sockets on 127.0.0.1 that answer canned bytes: a
server that never answers (`HANG`), a 50 MB body (`streamed_reply`), a body cut short
(`http_reply` with ``length``), or any document a test builds with the XML prologs below
(billion laughs, an external entity, an external DTD). The SDK under test differs per
module; what it is asked and how it must fail stay in the test modules.
"""

from __future__ import annotations

import enum
import socket
import threading
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Final, TypeAlias

import httpx

LOOPBACK: Final = "127.0.0.1"  # every server and URL here is on it, never another address
HANG_LIMIT: Final = 10.0  # a hanging RawServer connection gives up after this (a broken test ends)
HTML: Final = "text/html; charset=utf-8"
# What an expanded billion-laughs entity shows in a text; no error text may contain it.
EXPANDED: Final = "lollollol"
BILLION_LAUGHS_PROLOG: Final = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)
"""An XML prolog declaring ``&lol9;``, 10**9 times "lol" once expanded."""


class _Hang(enum.Enum):
    HANG = "hang"


HANG: Final = _Hang.HANG
"""A handler's answer: keep the connection open, never reply."""

Reply: TypeAlias = bytes | Iterable[bytes] | _Hang
"""A handler's answer: the whole answer, the answer in chunks, or `HANG`."""


@dataclass
class RawRequest:
    """One HTTP request as `RawServer` read it."""

    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: bytes

    def as_httpx(self) -> httpx.Request:
        """The request as an `httpx.Request`, for helpers written for mocked transports.

        Returns:
            A request with the same method, path and headers, addressed to loopback.
        """
        return httpx.Request(self.method, f"http://{LOOPBACK}{self.path}", headers=self.headers)


Handler: TypeAlias = Callable[[RawRequest], Reply]


@dataclass
class RawServer:
    """A loopback HTTP/1.1 server in a thread that answers whatever its handler returns.

    Every connection serves one request and is then closed. ``connections``, ``requests``
    and ``bytes_sent`` record what happened.

    Args:
        handler: Called with each request; returns the bytes to send, or `HANG`.
        url_path: The path of ``url``, the address the client under test is given.
    """

    handler: Handler
    url_path: str = "/"
    connections: int = 0
    requests: list[RawRequest] = field(default_factory=list)
    bytes_sent: int = 0
    _threads: list[threading.Thread] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _closing: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self.url = loopback_url(self.port, self.url_path)
        accept = threading.Thread(target=self._accept, name="raw-server", daemon=True)
        self._threads.append(accept)
        accept.start()

    def _accept(self) -> None:
        while not self._stop.is_set() and not self._closing.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            serve = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            self._threads.append(serve)
            serve.start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(HANG_LIMIT)
            try:
                request = _read_request(connection)
                if request is None:
                    return
                with self._lock:
                    self.requests.append(request)
                reply = self.handler(request)
                if reply is HANG:
                    self._stop.wait(HANG_LIMIT)
                    return
                for chunk in [reply] if isinstance(reply, bytes) else reply:
                    connection.sendall(chunk)
                    with self._lock:
                        self.bytes_sent += len(chunk)
            except OSError:
                pass  # the client hung up (as it should past a size cap)

    def close_listener(self) -> None:
        """Stop accepting: new connections are refused from now on."""
        # The accept loop must end first: while it polls, the kernel keeps the socket
        # listening, and a connection queued then would be reset instead of refused.
        self._closing.set()
        self._threads[0].join(timeout=HANG_LIMIT)
        self._listener.close()

    def stop(self) -> None:
        """Stop accepting, release hanging connections and wait for every thread."""
        self._stop.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=HANG_LIMIT)

    def wait_idle(self) -> None:
        """Wait until every connection served so far is finished."""
        for thread in self._threads[1:]:
            thread.join(timeout=HANG_LIMIT)


def _read_request(connection: socket.socket) -> RawRequest | None:
    """Read a request's head and its Content-Length body; None if the client hung up first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    request_line, *lines = head.decode("latin-1").split("\r\n")
    method, path, _ = request_line.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return RawRequest(method, path, headers, body)


@contextmanager
def raw_servers_at(url_path: str) -> Iterator[Callable[[Handler], RawServer]]:
    """Start RawServers on demand; stop them all on leaving.

    Args:
        url_path: The path of every server's ``url`` (where the client under test expects
            its service).

    Yields:
        A function that starts a `RawServer` with the given handler and returns it.
    """
    started: list[RawServer] = []

    def start(handler: Handler) -> RawServer:
        server = RawServer(handler, url_path)
        started.append(server)
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


def loopback_url(port: int, path: str) -> str:
    """An http URL on loopback.

    Args:
        port: The port, usually a `RawServer`'s.
        path: The path, starting with ``/``.

    Returns:
        ``http://127.0.0.1:<port><path>``.
    """
    return f"http://{LOOPBACK}:{port}{path}"


def http_head(*, content_type: str, status: str = "200 OK", length: int | None) -> bytes:
    """The head of an HTTP/1.1 answer that closes the connection after the body.

    Args:
        content_type: The Content-Type header.
        status: The status code and reason.
        length: The Content-Length header; None leaves it out (the body ends at the close).

    Returns:
        The status line and headers, ending with the blank line.
    """
    declared = "" if length is None else f"Content-Length: {length}\r\n"
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{declared}Connection: close\r\n\r\n"
    )
    return head.encode("ascii")


def http_reply(
    body: bytes, *, content_type: str, status: str = "200 OK", length: int | None = None
) -> bytes:
    """A complete HTTP/1.1 answer.

    Args:
        body: The body, sent whole.
        content_type: The Content-Type header.
        status: The status code and reason.
        length: The Content-Length header if not ``len(body)``: a larger one promises more
            than arrives before the close.

    Returns:
        The answer's bytes.
    """
    declared = len(body) if length is None else length
    return http_head(content_type=content_type, status=status, length=declared) + body


def streamed_reply(
    chunk: bytes, count: int, *, content_type: str, declared: bool = True
) -> Iterator[bytes]:
    """A 200 answer whose body is one chunk repeated, sent piece by piece (a huge body).

    Args:
        chunk: The piece of body sent each time.
        count: How many times it is sent.
        content_type: The Content-Type header.
        declared: Whether a Content-Length header announces the whole size.

    Yields:
        The head, then the body chunk by chunk.
    """
    total = len(chunk) * count
    yield http_head(content_type=content_type, length=total if declared else None)
    for _ in range(count):
        yield chunk


def external_entity_prolog(root: str, entity: str, system_id: str) -> str:
    """An XML prolog declaring an external entity, which a safe parser neither reads nor fetches.

    Args:
        root: The document element's name, as the DOCTYPE names it.
        entity: The entity's name, referenced as ``&<entity>;`` in the document.
        system_id: Where the entity's text would be read from (a file or loopback URL).

    Returns:
        The XML declaration and the DOCTYPE.
    """
    return f'<?xml version="1.0"?><!DOCTYPE {root} [<!ENTITY {entity} SYSTEM "{system_id}">]>'


def external_dtd_prolog(root: str, system_id: str) -> str:
    """An XML prolog naming an external DTD, which a safe parser does not fetch.

    Args:
        root: The document element's name, as the DOCTYPE names it.
        system_id: The DTD's URL.

    Returns:
        The XML declaration and the DOCTYPE.
    """
    return f'<?xml version="1.0"?><!DOCTYPE {root} SYSTEM "{system_id}">'


@dataclass
class MemoryPeak:
    """The peak of memory traced inside `memory_peak`, in bytes (0 if the block raised)."""

    peak: int = 0


@contextmanager
def memory_peak() -> Iterator[MemoryPeak]:
    """Trace Python memory allocations in a block and record their peak.

    Yields:
        A `MemoryPeak` whose ``peak`` is set when the block ends without an exception.
    """
    measured = MemoryPeak()
    tracemalloc.start()
    try:
        yield measured
        measured.peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def error_chain(error: BaseException) -> Iterator[BaseException]:
    """An error and every error behind it, following ``__cause__``, else ``__context__``.

    Args:
        error: The error raised to the test.

    Yields:
        ``error`` first, then each cause or context in turn.
    """
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__
