"""The part of a running sandbox that both services share: a server thread and its app."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Generic, Self, TypeVar

from ._app import SandboxApp
from ._faults import Faults
from ._server import ServerThread

AppT = TypeVar("AppT", bound=SandboxApp[Any])


class RunningSandbox(Generic[AppT]):
    """A sandbox app served on a loopback port by a background thread.

    Use it as a context manager (or call `start` and `stop`).

    Args:
        app: The sandbox app.
        host: The interface; loopback unless ``allow_remote``.
        port: The port; 0 (the default) picks a free one.
        allow_remote: Permit a non-loopback ``host``, and answer requests whatever their
            ``Host`` header (CHOICE: both refused by default; a ``Host`` that is not a
            loopback name gets ``421 Misdirected Request``).

    Raises:
        ValueError: If ``host`` is not loopback and ``allow_remote`` is false.
    """

    def __init__(self, app: AppT, *, host: str, port: int, allow_remote: bool) -> None:
        self.app = app
        self._allow_remote = allow_remote
        self._server = ServerThread(app, host, port, allow_remote=allow_remote)

    def _answer_any_host(self, allow: bool | None) -> None:
        """Set whether requests are answered whatever their ``Host`` (the sandboxes' reset).

        Args:
            allow: True to answer any ``Host``, False for loopback names only, None for what
                the constructor's ``allow_remote`` said.
        """
        self._server.any_host = self._allow_remote if allow is None else allow

    def start(self) -> Self:
        """Start serving; returns once the port accepts connections.

        Returns:
            The sandbox itself.
        """
        self._server.start()
        return self

    def stop(self) -> None:
        """Stop serving (idempotent)."""
        self._server.stop()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the server is serving."""
        return self._server.running

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:<port>`` (raises RuntimeError when not running)."""
        return self._server.origin

    @property
    def port(self) -> int:
        """The port (raises RuntimeError when not running)."""
        return self._server.port

    @property
    def faults(self) -> Faults:
        """The fault configuration in force; assign a `Faults` (or None) to change it."""
        return self.app.faults

    @faults.setter
    def faults(self, faults: Faults | None) -> None:
        self.app.faults = faults
