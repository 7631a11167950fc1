"""When and how long to wait before retrying: named constants and one ``should_retry()``.

Every operation of this client is a PUT, GET or DELETE addressed by an id the client chose,
so repeating one is safe. tenacity runs the loop; this module only supplies the policy.
"""

from __future__ import annotations

import datetime
import email.utils
import logging
import math
from collections.abc import Callable
from typing import Final

import tenacity
from _client_core import _retry as _core_retry

from ._errors import APIConnectionError, APIStatusError

DEFAULT_MAX_RETRIES: Final = 2
# Exponential backoff: 0.5 s, 1 s, 2 s ... at most 8 s, plus up to 0.5 s of jitter.
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
RETRY_JITTER: Final = 0.5
# A server's Retry-After (seconds or an HTTP date) is honoured up to this many seconds.
MAX_RETRY_AFTER: Final = 60.0
# Retried statuses, besides every 5xx.
RETRY_STATUS_CODES: Final = frozenset({408, 429})

logger: Final = logging.getLogger("hotdocs_advance")

_backoff: Final = tenacity.wait_exponential(
    multiplier=INITIAL_RETRY_DELAY, max=MAX_RETRY_DELAY
) + tenacity.wait_random(0, RETRY_JITTER)


# The waits go through the shared core's hooks, which tests replace with a fake clock.
def _sleep(seconds: float) -> None:
    _core_retry.sleep(seconds)


async def _async_sleep(seconds: float) -> None:
    await _core_retry.async_sleep(seconds)


def should_retry(exc: BaseException) -> bool:
    """Tell whether a failed attempt is worth repeating.

    Args:
        exc: The exception the attempt raised.

    Returns:
        True for connection errors, timeouts, 408, 429 and any 5xx.
    """
    if isinstance(exc, APIConnectionError):
        return True
    if isinstance(exc, APIStatusError):
        return exc.status_code in RETRY_STATUS_CODES or exc.status_code >= 500
    return False


def retry_after(exc: BaseException | None) -> float | None:
    """Read a ``Retry-After`` header (seconds or HTTP date) from an error response.

    Args:
        exc: The exception of the failed attempt.

    Returns:
        The delay in seconds, between 0 and ``MAX_RETRY_AFTER``, or None without a usable
        header.
    """
    if not isinstance(exc, APIStatusError) or exc.response is None:
        return None
    value = exc.response.headers.get("retry-after")
    if value is None:
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
        seconds = (when - datetime.datetime.now(datetime.UTC)).total_seconds()
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def wait(retry_state: tenacity.RetryCallState) -> float:
    """Return the delay before the next attempt: Retry-After, else backoff with jitter.

    Args:
        retry_state: tenacity's record of the attempts so far.

    Returns:
        Seconds to wait.
    """
    outcome = retry_state.outcome
    delay = retry_after(outcome.exception() if outcome is not None else None)
    return _backoff(retry_state) if delay is None else delay


def _retry(retry_state: tenacity.RetryCallState) -> bool:
    outcome = retry_state.outcome
    if outcome is None or not outcome.failed:
        return False
    exc = outcome.exception()
    return exc is not None and should_retry(exc)


def retrying(max_retries: int) -> tenacity.Retrying:
    """Build the synchronous policy (once per client; copy it for each use).

    Args:
        max_retries: Retries after the first attempt.

    Returns:
        The tenacity controller.
    """
    return tenacity.Retrying(
        stop=tenacity.stop_after_attempt(max_retries + 1),
        wait=wait,
        retry=_retry,
        sleep=_sleep,
        reraise=True,
    )


def async_retrying(max_retries: int) -> tenacity.AsyncRetrying:
    """Build the asynchronous policy (once per client; copy it for each use).

    Args:
        max_retries: Retries after the first attempt.

    Returns:
        The tenacity controller.
    """
    return tenacity.AsyncRetrying(
        stop=tenacity.stop_after_attempt(max_retries + 1),
        wait=wait,
        retry=_retry,
        sleep=_async_sleep,
        reraise=True,
    )


def log_retry(method: str, path: str) -> Callable[[tenacity.RetryCallState], None]:
    """Build a ``before_sleep`` hook that logs the retry at DEBUG (no headers, no bodies).

    Args:
        method: The request's method.
        path: The request's path.

    Returns:
        The hook.
    """

    def before_sleep(retry_state: tenacity.RetryCallState) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            outcome = retry_state.outcome
            exc = outcome.exception() if outcome is not None else None
            reason = str(exc.status_code) if isinstance(exc, APIStatusError) else type(exc).__name__
            delay = retry_state.upcoming_sleep
            logger.debug(
                "%s %s: retrying after %s in %.2f s (attempt %d failed)",
                method,
                path,
                reason,
                delay,
                retry_state.attempt_number,
            )

    return before_sleep
