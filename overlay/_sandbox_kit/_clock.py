"""A wall clock that tests can move forward."""

from __future__ import annotations

import datetime as dt
import threading


class Clock:
    """The current time in UTC, plus an offset that tests can advance.

    Both sandboxes read every "now" (token and ticket expiry, task dates) from one of
    these, so a test can expire a ticket by advancing the clock instead of waiting.
    """

    def __init__(self) -> None:
        self._offset = dt.timedelta(0)
        self._lock = threading.Lock()

    def now(self) -> dt.datetime:
        """Return the current time, timezone-aware, in UTC.

        Returns:
            The wall-clock time plus every advance made so far.
        """
        with self._lock:
            offset = self._offset
        return dt.datetime.now(dt.UTC) + offset

    def advance(self, delta: dt.timedelta | float) -> None:
        """Move the clock forward.

        Args:
            delta: How far, as a timedelta or a number of seconds.

        Raises:
            ValueError: If ``delta`` is negative.
        """
        step = delta if isinstance(delta, dt.timedelta) else dt.timedelta(seconds=delta)
        if step < dt.timedelta(0):
            raise ValueError("the clock only moves forward")
        with self._lock:
            self._offset += step

    def __repr__(self) -> str:
        return f"Clock(offset={self._offset!r})"
