"""v2.0 version calls, the parts that do no I/O: the sync-then-async answer and the polling policy.

Every v2.0 call that moves a version on (``create_version``, ``complete_version``,
``create_and_assemble``, ``save_and_close``) follows one rule of the vendor's (reference section
4.5): the server works synchronously first and answers 200 with the status when it finishes in
time; otherwise, or whenever a callback URL is given, it answers 202 with the status so far and
goes on in the background, then POSTs the final status to the callback URL. Both clients read
such an answer with `version_result`, and `wait_for_version` polls on the `Polling` schedule.
"""

from __future__ import annotations

import uuid
from typing import Any, Final, Protocol, TypeVar

import httpx
from _client_core import now
from hotdocs_advance_api.models import VersionStatus
from hotdocs_advance_api.types import Unset

from ._base import Operation
from ._results import VersionResult

__all__ = [
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_WAIT_TIMEOUT",
    "MAX_POLL_INTERVAL",
    "POLL_BACKOFF",
    "CallbackBody",
    "Polling",
    "VersionOperation",
    "version_result",
]

# wait_for_version: how long by default, and how often. The first poll is at once; the wait
# before each further poll grows by POLL_BACKOFF from poll_interval up to MAX_POLL_INTERVAL
# (or poll_interval, if larger), and never runs past the deadline.
DEFAULT_WAIT_TIMEOUT: Final = 300.0
DEFAULT_POLL_INTERVAL: Final = 1.0
POLL_BACKOFF: Final = 1.5
MAX_POLL_INTERVAL: Final = 10.0

B_contra = TypeVar("B_contra", contravariant=True)


class CallbackBody(Protocol):
    """A v2.0 request body with the optional callback members."""

    callback_url: str | Unset
    callback_secret: str | Unset


class VersionOperation(Operation[VersionStatus | None], Protocol[B_contra]):
    """A generated v2.0 operation module that moves a version on (200 or 202 with a status)."""

    REACHED_STATUSES: frozenset[str]
    FINISHED_STATUSES: frozenset[str]

    def build_request(
        self, work_item_id: uuid.UUID, version_id: uuid.UUID, /, *, body: B_contra
    ) -> dict[str, Any]:
        """Build the request."""


def version_result(
    operation: VersionOperation[Any],
    version_id: uuid.UUID,
    status: VersionStatus | None,
    response: httpx.Response | None,
    *,
    callback: bool,
) -> VersionResult:
    """Read the server's answer to a v2.0 version call by the sync-then-async rule.

    Args:
        operation: The generated module of the call.
        version_id: The version the call addressed.
        status: The status the answer carried (None for an empty body), or the one read back.
        response: The answer; None when a retry's 409 was settled by reading the status back.
        callback: Whether the call gave a callback URL.

    Returns:
        The result: accepted for a 202; after a read-back, accepted when a callback was given
        or the status read is not one the finished call leaves (``FINISHED_STATUSES``).
    """
    text = status.status if status is not None else None
    if response is not None:
        accepted = response.status_code == httpx.codes.ACCEPTED
    else:
        accepted = callback or text not in operation.FINISHED_STATUSES
    return VersionResult(version_id=version_id, accepted=accepted, status=text)


class Polling:
    """The schedule of ``wait_for_version``: growing waits, a deadline (on the core's clock).

    Args:
        timeout: Seconds until the deadline, from now.
        interval: The first wait between polls.
    """

    __slots__ = ("_cap", "_deadline", "_interval", "timeout")

    def __init__(self, timeout: float, interval: float) -> None:
        self.timeout = timeout
        self._deadline = now() + timeout
        self._interval = interval
        self._cap = max(interval, MAX_POLL_INTERVAL)

    def next_wait(self) -> float | None:
        """Return the wait before the next poll, or None once the deadline has passed.

        Returns:
            Seconds (the deadline's remainder when that is shorter), or None.
        """
        remaining = self._deadline - now()
        if remaining <= 0:
            return None
        wait = min(self._interval, remaining)
        self._interval = min(self._interval * POLL_BACKOFF, self._cap)
        return wait
