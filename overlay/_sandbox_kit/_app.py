"""The outer ASGI app of a sandbox: fault injection around the service app, and its state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from ._faults import ErrorBody, FaultInjectionMiddleware, Faults, plain_text_error

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

StateT = TypeVar("StateT")


class SandboxApp(Generic[StateT]):
    """An ASGI app: the fault-injection middleware around a service app.

    The service app reads `state` on every request, so replacing it (see `reset` in
    the sandboxes) gives the next request a fresh tenancy without a restart.

    Args:
        state: The service's in-memory state.
        faults: The initial fault configuration (None: no faults).
        is_exempt: Which requests get no fault unless ``Faults.include_auth``.
        error_body: The body of 429/503 fault answers.
    """

    def __init__(
        self,
        state: StateT,
        faults: Faults | None = None,
        *,
        is_exempt: Callable[[Scope], bool] = lambda scope: False,
        error_body: ErrorBody = plain_text_error,
    ) -> None:
        self.state = state
        self._is_exempt = is_exempt
        self._error_body = error_body
        self._initial_faults = faults
        self._middleware: FaultInjectionMiddleware | None = None

    def mount(self, app: ASGIApp) -> None:
        """Set the service app that faults wrap (called once by the sandbox's factory).

        Args:
            app: The service app.
        """
        self._middleware = FaultInjectionMiddleware(
            app, self._initial_faults, is_exempt=self._is_exempt, error_body=self._error_body
        )

    @property
    def faults(self) -> Faults:
        """The fault configuration in force; assign a new `Faults` to change it."""
        if self._middleware is None:
            raise RuntimeError("the sandbox app has no service app mounted")
        return self._middleware.faults

    @faults.setter
    def faults(self, faults: Faults | None) -> None:
        if self._middleware is None:
            raise RuntimeError("the sandbox app has no service app mounted")
        self._middleware.faults = faults if faults is not None else Faults()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI scope."""
        if self._middleware is None:
            raise RuntimeError("the sandbox app has no service app mounted")
        await self._middleware(scope, receive, send)
