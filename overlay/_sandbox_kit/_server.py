"""Serving a sandbox app with uvicorn: in a background thread, or in the foreground (CLI).

uvicorn is imported inside the functions that need it, so that importing this module
(and the pytest plugins that lead to it) costs nothing without the ``sandbox`` extra.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import logging
import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from ._faults import ConnectionDropped
from ._lazy import needing_the_extra

if TYPE_CHECKING:
    import uvicorn
    from starlette.types import ASGIApp, Receive, Scope, Send

_log: Final = logging.getLogger("uvicorn.error")  # quiet at the sandboxes' "warning" level

_STARTUP_TIMEOUT: Final = 10.0
# How long a stopping server waits for answers still in flight (e.g. a ``slow`` fault)
# before cancelling them.
_GRACEFUL_SHUTDOWN: Final = 1


class _Abort:
    """What the app returns to uvicorn to make it close the connection unanswered.

    uvicorn closes the transport without writing anything when an ASGI app returns a
    value other than None (and logs it, which `_QuietAbort` filters out). Raising would
    make it answer 500 instead, which is not a dropped connection.
    """

    def __repr__(self) -> str:
        return "<sandbox: connection dropped on purpose>"


_ABORT: Final = _Abort()


class _QuietAbort(logging.Filter):
    """Hide uvicorn's complaint about the deliberate `_ABORT` return value."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(arg is _ABORT for arg in args)


_quiet_filter: Final = _QuietAbort()


class _AbortOnDrop:
    """Turn `ConnectionDropped` into a connection uvicorn closes without answering.

    It also lets `ServerThread.stop` cut answers still in flight (a ``slow`` fault holding
    its answer) the same quiet way, instead of uvicorn cancelling them after its graceful
    shutdown timeout and logging each as an error with a traceback.
    """

    def __init__(self, app: ASGIApp, request_log: RequestLog | None = None) -> None:
        from starlette.requests import ClientDisconnect  # noqa: PLC0415 (only when serving)

        self.app = app
        self._request_log = request_log
        self._gone: tuple[type[BaseException], ...] = (ClientDisconnect,)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._in_flight: set[asyncio.Task[Any]] = set()
        self._cutting = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> Any:
        task = asyncio.current_task()
        if task is not None:
            self._loop = asyncio.get_running_loop()
            self._in_flight.add(task)
        log = self._request_log
        if log is not None and scope["type"] == "http":
            send = log.watch(scope, send)
        outcome: str | None = None
        try:
            await self.app(scope, receive, send)
        except ConnectionDropped:
            outcome = "dropped (fault)"
            return _ABORT
        except self._gone:
            # A client that goes away mid-request is normal for a server: one quiet line, not
            # uvicorn's "Exception in ASGI application" traceback.
            outcome = "client went away"
            _log.info("%s %s: the client went away before the answer", *_target(scope))
            return _ABORT
        except asyncio.CancelledError:
            if not self._cutting:
                raise
            outcome = "cut (server stopping)"
            return _ABORT  # cut by cut_in_flight(): the server is stopping
        finally:
            self._in_flight.discard(task)
            if log is not None and scope["type"] == "http":
                log.write(scope, outcome)
        return None

    def cut_in_flight(self) -> None:
        """Close every connection still waiting for its answer, unanswered (any thread)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return

        def cut() -> None:
            self._cutting = True
            for task in self._in_flight:
                task.cancel()

        with contextlib.suppress(RuntimeError):  # the loop has just closed
            loop.call_soon_threadsafe(cut)


def _target(scope: Scope) -> tuple[str, str]:
    return str(scope.get("method", "")), str(scope.get("path", ""))


class RequestLog:
    """``--log-requests``: one line on stderr per request answered, secrets masked.

    Each line is ``client method path?query status (ms)``; a request the sandbox dropped on
    purpose, or whose client went away, says so instead of a status. Query values that are
    secrets (a ticket, a password: the ``mask`` the sandbox gives) show as ``***``.

    Args:
        mask: Masks the secrets of a path and query string.
        stream: Where lines go (standard error by default).
    """

    def __init__(self, mask: Callable[[str], str], stream: Any = None) -> None:
        self._mask = mask
        self._stream = stream
        self._started: dict[int, tuple[float, int]] = {}

    def watch(self, scope: Scope, send: Send) -> Send:
        """Return ``send``, noting the status of the answer and when the request came."""
        key = id(scope)
        self._started[key] = (time.perf_counter(), 0)

        async def noting(message: Any) -> None:
            if message.get("type") == "http.response.start":
                self._started[key] = (self._started[key][0], int(message.get("status", 0)))
            await send(message)

        return noting

    def write(self, scope: Scope, outcome: str | None) -> None:
        """Write the request's line (``outcome`` instead of the status when it was not answered)."""
        started, status = self._started.pop(id(scope), (time.perf_counter(), 0))
        method, path = _target(scope)
        query = scope.get("query_string", b"").decode("latin-1")
        target = self._mask(f"{path}?{query}" if query else path)
        client = scope.get("client") or ("-", 0)
        shown = outcome or str(status)
        elapsed = (time.perf_counter() - started) * 1000
        stream = self._stream if self._stream is not None else sys.stderr
        stream.write(f"{client[0]}:{client[1]} {method} {target} {shown} ({elapsed:.1f} ms)\n")
        stream.flush()


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only.

    Args:
        host: A host name or IP address.

    Returns:
        True for ``localhost`` and loopback addresses.
    """
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(host: str, *, allow_remote: bool) -> None:
    """Refuse to serve on a non-loopback interface unless explicitly allowed.

    Args:
        host: The interface to bind.
        allow_remote: The caller's explicit permission to serve beyond this machine.

    Raises:
        ValueError: If ``host`` is not a loopback host and ``allow_remote`` is false.
    """
    # CHOICE: a sandbox has fixed, published credentials; exposing it is opt-in.
    if not allow_remote and not is_loopback(host):
        raise ValueError(
            f"refusing to serve the sandbox on {host!r}: it is not a loopback address; "
            "pass allow_remote=True (--allow-remote) if you really want that"
        )


# A Host header: a bracketed IPv6 address or a name, then an optional port (RFC 9110 7.2).
_HOST_HEADER: Final = re.compile(
    r"(?:\[(?P<ipv6>[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\]|(?P<name>[^:\[\]]+))(?::[0-9]*)?"
)
MISDIRECTED: Final = (
    b"421 Misdirected Request: this sandbox answers only requests addressed to this machine "
    b"(Host 127.0.0.1, localhost or [::1], any port). Start it with --allow-remote "
    b"(allow_remote=True) to answer other host names.\n"
)


def is_loopback_host_header(value: str) -> bool:
    """Whether a ``Host`` header names this machine: a loopback address or ``localhost``.

    Args:
        value: The header's value, e.g. ``127.0.0.1:8080``, ``[::1]``, ``LOCALHOST:1``.

    Returns:
        True for a loopback name with any port (or none); False for anything else.
    """
    found = _HOST_HEADER.fullmatch(value)
    if found is None:
        return False
    return is_loopback(found["ipv6"] or found["name"])


class _LoopbackHostOnly:
    """Answer ``421 Misdirected Request`` to a request whose ``Host`` is not a loopback name.

    CHOICE (safety): a web page can reach a sandbox on loopback through DNS rebinding (its own
    name resolved to 127.0.0.1), but its requests then carry that name in ``Host``; refusing
    every other name keeps them out. ``any_host`` (``--allow-remote``) turns the check off.
    A request without exactly one ``Host`` is refused too.
    """

    def __init__(self, app: ASGIApp, *, any_host: bool) -> None:
        self.app = app
        self.any_host = any_host

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self.any_host:
            hosts = [value for name, value in scope["headers"] if name.lower() == b"host"]
            if len(hosts) != 1 or not is_loopback_host_header(hosts[0].decode("latin-1")):
                await _misdirected(send)
                return
        await self.app(scope, receive, send)


async def _misdirected(send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 421,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(MISDIRECTED)).encode("ascii")),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": MISDIRECTED})


def origin(host: str, port: int) -> str:
    """Return the ``http://host:port`` origin for a host and port (IPv6 in brackets).

    Args:
        host: A host name or IP address.
        port: The TCP port.

    Returns:
        The origin, without a trailing slash.
    """
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


_BACKLOG: Final = 2048  # uvicorn's own


def bind(host: str, port: int) -> socket.socket:
    """Bind a listening TCP socket (port 0 picks a free one).

    Args:
        host: The interface.
        port: The port, or 0.

    Returns:
        The bound, listening socket.
    """
    info = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    family, kind, proto, _, address = info[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        # Listening now, not when uvicorn's loop starts: a client given the printed URL at
        # once is queued instead of refused (the CLIs print it before serving).
        sock.listen(_BACKLOG)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise OSError(
                exc.errno,
                f"port {port} on {host} is already in use (another sandbox or server is "
                "listening there): stop it, or pick another port (--port 0 picks a free one)",
            ) from None
        raise
    except BaseException:
        sock.close()
        raise
    return sock


_KEEP_ALIVE_S: Final = 130


def _config(app: _AbortOnDrop, *, log_config: bool) -> uvicorn.Config:
    import uvicorn  # noqa: PLC0415 (optional dependency, imported on use)
    from uvicorn.config import LOGGING_CONFIG  # noqa: PLC0415

    logging.getLogger("uvicorn.error").addFilter(_quiet_filter)
    return uvicorn.Config(
        app,
        http="h11",
        ws="none",
        lifespan="off",
        log_level="warning",
        access_log=False,
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=_GRACEFUL_SHUTDOWN,
        # uvicorn closes idle connections after 5 s, as long as httpx keeps them (5 s): a busy
        # machine then hands a client a connection the server is closing (ReadError). Real
        # servers keep them longer (Kestrel 130 s, IIS 120 s); so does the sandbox.
        timeout_keep_alive=_KEEP_ALIVE_S,
        # A library must not reconfigure the host program's logging; the CLI may.
        log_config=LOGGING_CONFIG if log_config else None,
    )


class ServerThread:
    """Serve an ASGI app with uvicorn on a background thread.

    Args:
        app: The application.
        host: The interface (loopback unless ``allow_remote``).
        port: The port; 0 picks a free one.
        allow_remote: Permit a non-loopback ``host``, and answer any ``Host`` header
            (otherwise only loopback names; others get 421).

    Raises:
        ValueError: If ``host`` is not loopback and ``allow_remote`` is false.
    """

    def __init__(
        self, app: ASGIApp, host: str = "127.0.0.1", port: int = 0, *, allow_remote: bool = False
    ) -> None:
        check_host(host, allow_remote=allow_remote)
        self.app = app
        self._host_check = _LoopbackHostOnly(app, any_host=allow_remote)
        self.host = host
        self._requested_port = port
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None
        self._wrapper: _AbortOnDrop | None = None

    @property
    def port(self) -> int:
        """The bound port.

        Raises:
            RuntimeError: If the server is not running.
        """
        if self._port is None:
            raise RuntimeError("the sandbox server is not running; use it as a context manager")
        return self._port

    @property
    def origin(self) -> str:
        """``http://host:port`` of the running server."""
        return origin(self.host, self.port)

    @property
    def running(self) -> bool:
        """Whether the server thread is serving."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def any_host(self) -> bool:
        """Whether requests are answered whatever their ``Host`` (False: loopback names only)."""
        return self._host_check.any_host

    @any_host.setter
    def any_host(self, value: bool) -> None:
        self._host_check.any_host = value

    def start(self) -> None:
        """Bind, start the thread and wait until the server accepts connections.

        Raises:
            RuntimeError: If it is already running or does not start in time.
        """
        with needing_the_extra():
            import uvicorn  # noqa: PLC0415 (optional dependency, imported on use)

        if self._thread is not None:
            raise RuntimeError("the sandbox server is already running")
        sock = bind(self.host, self._requested_port)
        self._wrapper = _AbortOnDrop(self._host_check)
        server = uvicorn.Server(_config(self._wrapper, log_config=False))
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="sandbox-server", daemon=True
        )
        self._socket, self._server, self._thread = sock, server, thread
        self._port = sock.getsockname()[1]
        thread.start()
        deadline = time.monotonic() + _STARTUP_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the sandbox server did not start")
            time.sleep(0.002)

    def stop(self) -> None:
        """Stop serving and wait for the thread to end (idempotent)."""
        server, thread, sock = self._server, self._thread, self._socket
        self._server = self._thread = self._socket = None
        self._port = None
        if server is not None:
            server.should_exit = True
            if self._wrapper is not None:
                self._wrapper.cut_in_flight()
        if thread is not None:
            thread.join(timeout=_STARTUP_TIMEOUT)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.close()


def serve_forever(
    app: ASGIApp,
    host: str,
    port: int,
    *,
    allow_remote: bool,
    on_ready: Callable[[int], None],
    request_log: RequestLog | None = None,
) -> None:
    """Serve in the foreground until SIGINT or SIGTERM (for the command line).

    Args:
        app: The application.
        host: The interface.
        port: The port; 0 picks a free one.
        allow_remote: Permit a non-loopback ``host``, and answer any ``Host`` header
            (otherwise only loopback names; others get 421).
        on_ready: Called with the bound port before serving starts (prints the URL).
        request_log: Writes a line per request (``--log-requests``), or None.

    Raises:
        ValueError: If ``host`` is not loopback and ``allow_remote`` is false.
        OSError: If the port cannot be bound (in use: the message names the port).
    """
    import uvicorn  # noqa: PLC0415 (optional dependency, imported on use)

    check_host(host, allow_remote=allow_remote)
    sock = bind(host, port)
    try:
        guarded = _LoopbackHostOnly(app, any_host=allow_remote)
        server = uvicorn.Server(_config(_AbortOnDrop(guarded, request_log), log_config=True))
        on_ready(sock.getsockname()[1])
        server.run(sockets=[sock])
    finally:
        with contextlib.suppress(OSError):
            sock.close()
