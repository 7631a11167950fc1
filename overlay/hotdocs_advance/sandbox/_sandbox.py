"""`AdvanceSandbox`: the Advance sandbox on a loopback port, for tests and scripts."""

from __future__ import annotations

import time
from pathlib import Path

from _sandbox_kit import Faults
from _sandbox_kit._sandbox import RunningSandbox

from ._app import AdvanceApp, create_app, new_state
from ._callback import CallbackRecord
from ._seed import DEFAULT_SEED, AdvanceSeed
from ._spec import load_spec
from ._state import AdvanceState


class AdvanceSandbox(RunningSandbox[AdvanceApp]):
    """The HotDocs Advance sandbox, served on a free loopback port by a background thread.

    Use it as a context manager::

        with AdvanceSandbox() as sandbox:
            client = AdvanceClient(base_url=sandbox.base_url, auth_url=sandbox.auth_url, ...)

    Args:
        seed: The starting data: None for the default seed, an `AdvanceSeed`, a seed file
            path, or a seed mapping.
        faults: Faults to inject (None: none); settable later through `faults`.
        client_interviews: Overrides the seed's ``clientInterviewsEnabled``.
        public_link_repeat: Overrides the seed's ``publicLinkRepeat`` (``upsert`` or
            ``reject``).
        callback_scheme: Overrides the seed's ``versions.callbackScheme`` (``hmac`` or
            ``token``): how a ``callbackSecret`` authenticates the callback.
        host: The interface; loopback unless ``allow_remote``.
        port: The port; 0 (the default) picks a free one.
        allow_remote: Permit a non-loopback ``host``, and answer requests whose ``Host``
            names something other than this machine (otherwise ``421 Misdirected Request``,
            against DNS rebinding).

    Raises:
        SeedError: If the seed is invalid.
        ValueError: If ``host`` is not loopback and ``allow_remote`` is false, or an
            override is invalid.
    """

    def __init__(
        self,
        seed: AdvanceSeed | str | Path | dict[str, object] | None = None,
        *,
        faults: Faults | None = None,
        client_interviews: bool | None = None,
        public_link_repeat: str | None = None,
        callback_scheme: str | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        allow_remote: bool = False,
    ) -> None:
        resolved = AdvanceSeed.resolve(seed, DEFAULT_SEED)
        app = create_app(
            resolved,
            faults=faults,
            client_interviews=client_interviews,
            public_link_repeat=public_link_repeat,
            callback_scheme=callback_scheme,
        )
        super().__init__(app, host=host, port=port, allow_remote=allow_remote)

    @property
    def base_url(self) -> str:
        """The API base, ``http://127.0.0.1:<port>/api/rest`` (paths start ``/v1.1``)."""
        return self.origin + load_spec().operations["createWorkItem"].prefix

    @property
    def auth_url(self) -> str:
        """The authorization base, ``http://127.0.0.1:<port>/auth``."""
        return self.origin + load_spec().operations["servicePrincipalLogIn"].prefix

    @property
    def tenancy(self) -> str:
        """The tenancy moniker (``tenancy1`` by default)."""
        return self.state.tenancy

    @property
    def state(self) -> AdvanceState:
        """The in-memory tenancy: ``work_items``, ``public_links``, ``tokens``, ..."""
        return self.app.state

    @property
    def callbacks_sent(self) -> list[CallbackRecord]:
        """The callbacks made so far (of every v2.0 call given a callbackUrl), oldest first.

        One to a host that is not loopback is recorded without being sent (``sent`` false,
        the reason in ``error``): the sandbox never calls out to the network.
        """
        with self.state.lock:
            return list(self.state.callbacks_sent)

    def wait_for_callbacks(self, count: int = 1, timeout: float = 5.0) -> list[CallbackRecord]:
        """Wait until at least ``count`` callbacks have been made (or recorded unsent).

        Args:
            count: How many.
            timeout: Seconds to wait at most.

        Returns:
            The callbacks sent so far.

        Raises:
            TimeoutError: If fewer were sent in time.
        """
        deadline = time.monotonic() + timeout
        while len(sent := self.callbacks_sent) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(sent)} of {count} callbacks sent within {timeout} s")
            time.sleep(0.005)
        return sent

    def reset(
        self,
        seed: AdvanceSeed | str | Path | dict[str, object] | None = None,
        *,
        faults: Faults | None = None,
        client_interviews: bool | None = None,
        public_link_repeat: str | None = None,
        callback_scheme: str | None = None,
        allow_remote: bool | None = None,
    ) -> None:
        """Start over from a seed without restarting the server (same URL).

        Args:
            seed: As for the constructor (None: the default seed).
            faults: The new fault configuration (None: no faults).
            client_interviews: Overrides the seed's ``clientInterviewsEnabled``.
            public_link_repeat: Overrides the seed's ``publicLinkRepeat``.
            callback_scheme: Overrides the seed's ``versions.callbackScheme``.
            allow_remote: Whether requests with a ``Host`` other than a loopback name are
                answered (None: as the constructor said).
        """
        self.app.state = new_state(
            AdvanceSeed.resolve(seed, DEFAULT_SEED),
            client_interviews,
            public_link_repeat,
            callback_scheme,
        )
        self.app.faults = faults
        self._answer_any_host(allow_remote)
