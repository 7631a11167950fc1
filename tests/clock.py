"""A fake clock for the clients' retry waits: recorded, never slept."""

from __future__ import annotations

from types import ModuleType

import pytest


def record_sleeps(monkeypatch: pytest.MonkeyPatch, hooks: ModuleType) -> list[float]:
    """Record a client's retry waits instead of sleeping, through its package's testing hook.

    Args:
        monkeypatch: The test's monkeypatch fixture; the hook is restored after the test.
        hooks: The package module whose ``sleep`` and ``async_sleep`` the retries call.

    Returns:
        The list the waits, in seconds, are appended to.
    """
    waits: list[float] = []

    async def async_sleep(seconds: float) -> None:
        waits.append(seconds)

    monkeypatch.setattr(hooks, "sleep", waits.append)
    monkeypatch.setattr(hooks, "async_sleep", async_sleep)
    return waits
