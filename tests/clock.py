"""A fake clock for the clients' retry waits: recorded, never slept."""

from __future__ import annotations

from types import ModuleType

import pytest


def record_sleeps(monkeypatch: pytest.MonkeyPatch, hooks: ModuleType | None = None) -> list[float]:
    """Record a client's retry waits instead of sleeping, through its package's testing hook.

    Args:
        monkeypatch: The test's monkeypatch fixture; the hook is restored after the test.
        hooks: The module whose ``sleep`` and ``async_sleep`` the retries call: the shared
            core's ``_client_core._retry`` unless given.

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
    return waits
