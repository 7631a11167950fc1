"""Retry policy: which failures are retried, how often, and how long to wait.

Calls that are safe to repeat (reads, deletes, completion, log-in and log-out) are retried
like the HotDocs Advance client's: on connection errors, timeouts, HTTP 408, 429 and 5xx,
honouring ``Retry-After`` up to a cap. Calls that create something (CreateTask,
CreateRelatedTask, ReassignTask) are retried only when the request provably never left this
machine; any other failure after sending means the outcome is unknown.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Final

from ._errors import (
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InvalidResponseError,
)

DEFAULT_MAX_RETRIES: Final = 2
RETRY_BACKOFF_INITIAL: Final = 0.5  # seconds before the first retry
RETRY_BACKOFF_MAX: Final = 8.0  # longest backoff between two attempts
RETRY_BACKOFF_JITTER: Final = 0.5  # up to this many seconds added at random
RETRY_AFTER_MAX: Final = 60.0  # a longer Retry-After is cut to this
RETRY_STATUSES: Final = frozenset({408, 429})  # retried besides every 5xx

if TYPE_CHECKING:
    # tenacity (and the asyncio it imports) is loaded on the first failure only: a call that
    # succeeds at once never enters the retry loop, and importing inforouter stays cheap.
    import tenacity

_log = logging.getLogger("inforouter")


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # noqa: PLC0415 (see above)

    await asyncio.sleep(seconds)


# Tests replace these so that no test ever sleeps.
sleep: Callable[[float], None] = time.sleep
async_sleep: Callable[[float], Awaitable[None]] = _asyncio_sleep


def _should_retry(error: BaseException, *, repeatable: bool) -> bool:
    """Whether a failed attempt is tried again.

    Args:
        error: the (translated) error of the attempt.
        repeatable: the call is safe to send twice.

    Returns:
        True to retry.
    """
    if isinstance(error, InfoRouterConnectionError):
        return repeatable or not error.request_sent
    if repeatable and isinstance(error, InfoRouterHTTPError):
        return error.status_code in RETRY_STATUSES or 500 <= error.status_code < 600
    return False


def may_have_been_applied(error: InfoRouterError) -> bool:
    """Whether a call that failed with this error may still have been applied by the server.

    Args:
        error: the final error of a call.

    Returns:
        True when the request may have reached the server and no answer says what happened.
    """
    if isinstance(error, InfoRouterConnectionError):
        return error.request_sent
    if isinstance(error, InfoRouterHTTPError):
        return error.status_code >= 500
    return isinstance(error, InvalidResponseError)


def _wait(state: tenacity.RetryCallState) -> float:
    """Wait as the server's Retry-After says, else back off exponentially with jitter."""
    error = state.outcome.exception() if state.outcome is not None else None
    if isinstance(error, InfoRouterHTTPError) and error.retry_after is not None:
        return min(error.retry_after, RETRY_AFTER_MAX)
    backoff = RETRY_BACKOFF_INITIAL * 2.0 ** (state.attempt_number - 1)
    jitter = random.uniform(0, RETRY_BACKOFF_JITTER)  # noqa: S311 (not cryptographic)
    return min(backoff + jitter, RETRY_BACKOFF_MAX)


def _log_retry(state: tenacity.RetryCallState) -> None:
    error = state.outcome.exception() if state.outcome is not None else None
    wait = state.next_action.sleep if state.next_action is not None else 0.0
    # The error's message names the operation and never holds a secret (see translating).
    _log.info("attempt %d failed (%s); retrying in %.2fs", state.attempt_number, error, wait)


def retrying(max_retries: int, *, repeatable: bool) -> tenacity.Retrying:
    """Build the retry loop for one call.

    Args:
        max_retries: retries after the first attempt.
        repeatable: the call is safe to send twice.

    Returns:
        A fresh `tenacity.Retrying` that re-raises the last error.
    """
    import tenacity  # noqa: PLC0415 (see the TYPE_CHECKING import)

    return tenacity.Retrying(
        stop=tenacity.stop_after_attempt(max_retries + 1),
        wait=_wait,
        retry=tenacity.retry_if_exception(lambda e: _should_retry(e, repeatable=repeatable)),
        before_sleep=_log_retry,
        sleep=lambda seconds: sleep(seconds),  # noqa: PLW0108 (looked up late: tests patch it)
        reraise=True,
    )


def async_retrying(max_retries: int, *, repeatable: bool) -> tenacity.AsyncRetrying:
    """Build the retry loop for one asynchronous call.

    Args:
        max_retries: retries after the first attempt.
        repeatable: the call is safe to send twice.

    Returns:
        A fresh `tenacity.AsyncRetrying` that re-raises the last error.
    """
    import tenacity  # noqa: PLC0415 (see the TYPE_CHECKING import)

    return tenacity.AsyncRetrying(
        stop=tenacity.stop_after_attempt(max_retries + 1),
        wait=_wait,
        retry=tenacity.retry_if_exception(lambda e: _should_retry(e, repeatable=repeatable)),
        before_sleep=_log_retry,
        sleep=lambda seconds: async_sleep(seconds),  # noqa: PLW0108 (looked up late)
        reraise=True,
    )
