"""Answers the client did not read (past the size cap, or in a coding it did not ask for)."""

from __future__ import annotations

from _client_core import MAX_RESPONSE_BYTES, UnreadableBodyError

from ._errors import APIResponseValidationError

__all__ = ["MAX_RESPONSE_BYTES", "unreadable"]


def unreadable(exc: UnreadableBodyError) -> APIResponseValidationError:
    """Describe an answer that was not read: past the cap, or in a coding it did not ask for.

    Args:
        exc: The shared core's report.

    Returns:
        The error, naming the request and the status.
    """
    return APIResponseValidationError.of(exc.response, str(exc))
