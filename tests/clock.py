"""A fake clock for the clients' waits (retries and polling): recorded, never slept."""

from __future__ import annotations

from types import ModuleType

import pytest


def record_sleeps(monkeypatch: pytest.MonkeyPatch, hooks: ModuleType | None = None) -> list[float]:
    """Record a client's waits instead of sleeping, through its package's testing hooks.

    The hooks' clock (``monotonic``, where the module has one) is replaced too: it reads the
    sum of the waits recorded so far, so a deadline passes after waits, never in real time.

    Args:
        monkeypatch: The test's monkeypatch fixture; the hooks are restored after the test.
        hooks: The module whose ``sleep``, ``async_sleep`` and ``monotonic`` the clients
            call: the shared core's ``_client_core._retry`` unless given.

    Returns:
        The list the waits, in seconds, are appended to.
    """
    if hooks is None:
        from _client_core import _retry as hooks  # noqa: PLC0415
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(hooks, "sleep", waits.append)
    monkeypatch.setattr(hooks, "async_sleep", async_sleep)
    if hasattr(hooks, "monotonic"):
        monkeypatch.setattr(hooks, "monotonic", lambda: sum(waits))
    return waits
