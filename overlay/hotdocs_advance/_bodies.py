"""Answers past the size cap, as this package's error."""

from __future__ import annotations

from _client_core import MAX_RESPONSE_BYTES, BodyTooLargeError

from ._errors import APIResponseValidationError

__all__ = ["MAX_RESPONSE_BYTES", "too_large"]


def too_large(exc: BodyTooLargeError) -> APIResponseValidationError:
    """Describe an answer past the cap (it was not read).

    Args:
        exc: The shared core's report.

    Returns:
        The error, naming the request and the status.
    """
    return APIResponseValidationError.of(exc.response, str(exc))
