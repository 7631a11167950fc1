"""The retry policy both clients share: constants, ``Retry-After``, backoff, tenacity loops.

Which calls may be repeated is each client's business (every Advance call is addressed by an
id the client chose; infoRouter creates are not). What a retry waits, how often it happens and
how a server's ``Retry-After`` is read is decided here, once.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    # tenacity (which imports asyncio) and anyio load on the first failure only: a call that
    # succeeds at once never enters a retry loop, and importing the clients stays cheap.
    import tenacity

DEFAULT_MAX_RETRIES: Final = 2
# Exponential backoff: 0.5 s, 1 s, 2 s ... at most 8 s, plus up to 0.5 s of jitter.
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
RETRY_JITTER: Final = 0.5
# A server's Retry-After (seconds or an HTTP date) is honoured up to this many seconds.
MAX_RETRY_AFTER: Final = 60.0
# Statuses retried besides every 5xx (for calls that are safe to repeat).
RETRY_STATUS_CODES: Final = frozenset({408, 429})


def sleep(seconds: float) -> None:
    """Wait between attempts (tests replace this module attribute with a fake clock).

    Args:
        seconds: How long to wait.
    """
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Wait between attempts in async code (tests replace this module attribute).

    Args:
        seconds: How long to wait.
    """
    import anyio  # noqa: PLC0415 (see the TYPE_CHECKING import)

    await anyio.sleep(seconds)


def monotonic() -> float:
    """Read the clock that waits with a deadline measure (tests replace this module attribute).

    Returns:
        ``time.monotonic()``: seconds, only differences meaningful.
    """
    return time.monotonic()


# Looked up at call time, so that tests can replace ``sleep``, ``async_sleep`` and
# ``monotonic``: the retries and every other wait of the clients (polling) go through these.
def pause(seconds: float) -> None:
    """Wait through the ``sleep`` hook (a fake clock in tests).

    Args:
        seconds: How long to wait.
    """
    sleep(seconds)


async def async_pause(seconds: float) -> None:
    """Wait through the ``async_sleep`` hook (a fake clock in tests).

    Args:
        seconds: How long to wait.
    """
    await async_sleep(seconds)


def now() -> float:
    """Read the ``monotonic`` hook (a fake clock in tests).

    Returns:
        Seconds on the clock that deadlines are measured on.
    """
    return monotonic()


def is_retried_status(status_code: int) -> bool:
    """Tell whether an answer with this status is worth repeating (for repeatable calls).

    Args:
        status_code: The HTTP status.

    Returns:
        True for 408, 429 and any 5xx.
    """
    return status_code in RETRY_STATUS_CODES or 500 <= status_code <= 599


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Read a ``Retry-After`` header: delta-seconds or an HTTP date (RFC 9110 section 10.2.3).

    CHOICE: delta-seconds with a fraction (``1.5``) are honoured as written, though the RFC
    allows digits only; a proxy that writes one means it. Negative and unreadable values are
    ignored; a date in the past means no wait.

    Args:
        value: The header's value, or None when absent.
        now: The current time as a POSIX timestamp (for tests); the clock's by default.

    Returns:
        Seconds to wait, between 0 and ``MAX_RETRY_AFTER``, or None without a usable value.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=datetime.UTC)
        seconds = when.timestamp() - (time.time() if now is None else now)
        seconds = max(seconds, 0.0)
    if math.isnan(seconds) or seconds < 0:
        return None
    return min(seconds, MAX_RETRY_AFTER)


def backoff(attempt_number: int) -> float:
    """Return the wait after failed attempt ``attempt_number`` when the server named none.

    Args:
        attempt_number: 1 for the first attempt.

    Returns:
        ``INITIAL_RETRY_DELAY * 2 ** (n - 1)``, at most ``MAX_RETRY_DELAY``, plus jitter.
    """
    delay = min(INITIAL_RETRY_DELAY * 2.0 ** (attempt_number - 1), MAX_RETRY_DELAY)
    return delay + random.uniform(0, RETRY_JITTER)  # noqa: S311 (not cryptographic)


Classifier = Callable[[BaseException], bool]
RetryAfterOf = Callable[[BaseException], float | None]
BeforeSleep = Callable[["tenacity.RetryCallState"], None]


def _wait(retry_after_of: RetryAfterOf) -> Callable[[tenacity.RetryCallState], float]:
    def wait(state: tenacity.RetryCallState) -> float:
        outcome = state.outcome
        error = outcome.exception() if outcome is not None else None
        delay = retry_after_of(error) if error is not None else None
        return backoff(state.attempt_number) if delay is None else delay

    return wait


def _loop(
    max_retries: int,
    should_retry: Classifier,
    retry_after_of: RetryAfterOf,
    before_sleep: BeforeSleep | None,
) -> dict[str, Any]:
    import tenacity  # noqa: PLC0415 (see the TYPE_CHECKING import)

    return {
        "stop": tenacity.stop_after_attempt(max_retries + 1),
        "wait": _wait(retry_after_of),
        "retry": tenacity.retry_if_exception(should_retry),
        "before_sleep": before_sleep,
        "reraise": True,
    }


def retrying(
    max_retries: int,
    *,
    should_retry: Classifier,
    retry_after_of: RetryAfterOf,
    before_sleep: BeforeSleep | None = None,
) -> tenacity.Retrying:
    """Build a synchronous retry loop that re-raises the last error.

    Args:
        max_retries: Retries after the first attempt.
        should_retry: Whether an attempt's error is worth another attempt.
        retry_after_of: The server's requested wait carried by an error, if any.
        before_sleep: Called before each wait (for logging).

    Returns:
        The tenacity controller.
    """
    import tenacity  # noqa: PLC0415 (see the TYPE_CHECKING import)

    loop = _loop(max_retries, should_retry, retry_after_of, before_sleep)
    return tenacity.Retrying(sleep=pause, **loop)


def async_retrying(
    max_retries: int,
    *,
    should_retry: Classifier,
    retry_after_of: RetryAfterOf,
    before_sleep: BeforeSleep | None = None,
) -> tenacity.AsyncRetrying:
    """Build the asynchronous twin of ``retrying()`` (same arguments, awaited waits).

    Returns:
        The tenacity controller.
    """
    import tenacity  # noqa: PLC0415 (see the TYPE_CHECKING import)

    loop = _loop(max_retries, should_retry, retry_after_of, before_sleep)
    return tenacity.AsyncRetrying(sleep=async_pause, **loop)
