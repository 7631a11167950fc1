"""Which Advance failures are retried, and how a retry is logged; the policy is the core's.

Every operation of this client is a PUT, GET or DELETE addressed by an id the client chose,
so repeating one is safe: connection errors, timeouts, 408, 429 and 5xx are retried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from _client_core import (
    DEFAULT_MAX_RETRIES,
    async_retrying,
    is_retried_status,
    parse_retry_after,
    retrying,
)

from ._errors import APIConnectionError, APIStatusError

if TYPE_CHECKING:
    import tenacity

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "async_policy",
    "log_retry",
    "policy",
    "retry_after",
    "should_retry",
]

logger: Final = logging.getLogger("hotdocs_advance")


def should_retry(exc: BaseException) -> bool:
    """Tell whether a failed attempt is worth repeating.

    Args:
        exc: The exception the attempt raised.

    Returns:
        True for connection errors, timeouts, 408, 429 and any 5xx.
    """
    if isinstance(exc, APIConnectionError):
        return True
    return isinstance(exc, APIStatusError) and is_retried_status(exc.status_code)


def retry_after(exc: BaseException) -> float | None:
    """Read the ``Retry-After`` of an error response (seconds or HTTP date, capped).

    Args:
        exc: The exception of the failed attempt.

    Returns:
        The delay in seconds, or None without a usable header.
    """
    if not isinstance(exc, APIStatusError) or exc.response is None:
        return None
    return parse_retry_after(exc.response.headers.get("retry-after"))


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
            logger.debug(
                "%s %s: retrying after %s in %.2f s (attempt %d failed)",
                method,
                path,
                reason,
                retry_state.upcoming_sleep,
                retry_state.attempt_number,
            )

    return before_sleep


def policy(
    max_retries: int, method: str, path: str, retry: Callable[[BaseException], bool] = should_retry
) -> tenacity.Retrying:
    """Build the synchronous retry loop for one call.

    Args:
        max_retries: Retries after the first attempt.
        method: The request's method, for the log.
        path: The request's path, for the log.
        retry: Which failures are retried: `should_retry`, or a narrower test (a download
            into a file that cannot start over is not retried once bytes were written).

    Returns:
        The tenacity controller.
    """
    return retrying(max_retries, **_rules(method, path, retry))


def async_policy(
    max_retries: int, method: str, path: str, retry: Callable[[BaseException], bool] = should_retry
) -> tenacity.AsyncRetrying:
    """Build the asynchronous twin of ``policy()``."""
    return async_retrying(max_retries, **_rules(method, path, retry))


def _rules(method: str, path: str, retry: Callable[[BaseException], bool]) -> dict[str, Any]:
    return {
        "should_retry": retry,
        "retry_after_of": retry_after,
        "before_sleep": log_retry(method, path),
    }
