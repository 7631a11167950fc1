"""Which infoRouter calls are retried; the waits and loops are the shared core's.

Calls that are safe to repeat (reads, deletes, completion, log-in and log-out) are retried
like the HotDocs Advance client's: on connection errors, timeouts, HTTP 408, 429 and 5xx,
honouring ``Retry-After`` up to the core's cap. Calls that create something (CreateTask,
CreateRelatedTask, ReassignTask) are retried only when the request provably never left this
machine; any other failure after sending means the outcome is unknown. How long each wait
is, and the tenacity loop itself, come from ``_client_core``, whose ``sleep`` and
``async_sleep`` hooks tests replace.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

import _client_core

from ._errors import (
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InvalidResponseError,
)

if TYPE_CHECKING:
    import tenacity

DEFAULT_MAX_RETRIES: Final = _client_core.DEFAULT_MAX_RETRIES

_log = logging.getLogger("inforouter")


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
        return _client_core.is_retried_status(error.status_code)
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


def _retry_after(error: BaseException) -> float | None:
    # The server's requested wait, if any: capped already when the header was read.
    return error.retry_after if isinstance(error, InfoRouterHTTPError) else None


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
    return _client_core.retrying(
        max_retries,
        should_retry=lambda error: _should_retry(error, repeatable=repeatable),
        retry_after_of=_retry_after,
        before_sleep=_log_retry,
    )


def async_retrying(max_retries: int, *, repeatable: bool) -> tenacity.AsyncRetrying:
    """Async twin of `retrying`; same arguments, but a fresh `tenacity.AsyncRetrying`."""
    return _client_core.async_retrying(
        max_retries,
        should_retry=lambda error: _should_retry(error, repeatable=repeatable),
        retry_after_of=_retry_after,
        before_sleep=_log_retry,
    )
