"""`InfoRouterSandbox`: the infoRouter sandbox on a loopback port, for tests and scripts."""

from __future__ import annotations

from pathlib import Path

from _sandbox_kit import Faults
from _sandbox_kit._sandbox import RunningSandbox

from ._app import InfoRouterApp, create_app, new_state
from ._seed import DEFAULT_SEED, InfoRouterSeed
from ._state import InfoRouterState


class InfoRouterSandbox(RunningSandbox[InfoRouterApp]):
    """The infoRouter web services sandbox, served on a free loopback port by a thread.

    Use it as a context manager::

        with InfoRouterSandbox() as sandbox:
            client = InfoRouterClient(sandbox.base_url, ...)

    Args:
        seed: The starting data: None for the default seed, an `InfoRouterSeed`, a seed
            file path, or a seed mapping.
        faults: Faults to inject (None: none); settable later through `faults`.
        error_codes: Overrides the seed's ``errorCodes`` (add ``errorCode`` to errors).
        host: The interface; loopback unless ``allow_remote``.
        port: The port; 0 (the default) picks a free one.
        allow_remote: Permit a non-loopback ``host``, and answer requests whose ``Host``
            names something other than this machine (otherwise ``421 Misdirected Request``,
            against DNS rebinding).

    Raises:
        SeedError: If the seed is invalid.
        ValueError: If ``host`` is not loopback and ``allow_remote`` is false.
    """

    def __init__(
        self,
        seed: InfoRouterSeed | str | Path | dict[str, object] | None = None,
        *,
        faults: Faults | None = None,
        error_codes: bool | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        allow_remote: bool = False,
    ) -> None:
        app = create_app(
            InfoRouterSeed.resolve(seed, DEFAULT_SEED), faults=faults, error_codes=error_codes
        )
        super().__init__(app, host=host, port=port, allow_remote=allow_remote)

    @property
    def base_url(self) -> str:
        """The service URL, ``http://127.0.0.1:<port>/srv.asmx``."""
        return self.origin + self.app.path

    @property
    def wsdl_url(self) -> str:
        """``<base_url>?WSDL``."""
        return self.base_url + "?WSDL"

    @property
    def state(self) -> InfoRouterState:
        """The in-memory server: ``users``, ``tickets``, ``documents``, ``tasks``, ..."""
        return self.app.state

    def reset(
        self,
        seed: InfoRouterSeed | str | Path | dict[str, object] | None = None,
        *,
        faults: Faults | None = None,
        error_codes: bool | None = None,
        allow_remote: bool | None = None,
    ) -> None:
        """Start over from a seed without restarting the server (same URL).

        Args:
            seed: As for the constructor (None: the default seed).
            faults: The new fault configuration (None: no faults).
            error_codes: Overrides the seed's ``errorCodes``.
            allow_remote: Whether requests with a ``Host`` other than a loopback name are
                answered (None: as the constructor said).
        """
        self.app.state = new_state(InfoRouterSeed.resolve(seed, DEFAULT_SEED), error_codes)
        self.app.faults = faults
        self._answer_any_host(allow_remote)
