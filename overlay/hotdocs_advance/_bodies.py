"""Answers the client cannot believe: unread (past the cap, an unasked coding), or not the API's."""

from __future__ import annotations

from typing import Final

import httpx
from _client_core import MAX_RESPONSE_BYTES, UnreadableBodyError

from ._errors import APIResponseValidationError

__all__ = ["MAX_RESPONSE_BYTES", "NOT_THE_API", "NOT_THE_LOG_IN", "not_the_api", "unreadable"]

NOT_THE_API: Final = (
    "this does not look like the HotDocs Advance API: the base URL should end in /api/rest "
    "or /HdaApi/rest"
)
NOT_THE_LOG_IN: Final = (
    "this does not look like the HotDocs Advance log-in: the log-in URL (auth_url) should end "
    "in /auth or /HdaAuth, and is derived from a base URL ending in /api/rest or /HdaApi/rest"
)


def unreadable(exc: UnreadableBodyError) -> APIResponseValidationError:
    """Describe an answer that was not read: past the cap, or in a coding it did not ask for.

    Args:
        exc: The shared core's report.

    Returns:
        The error, naming the request and the status.
    """
    return APIResponseValidationError.of(exc.response, str(exc))


def not_the_api(
    response: httpx.Response, problem: str, hint: str = NOT_THE_API
) -> APIResponseValidationError:
    """Describe a success answer that is not what its operation documents (an HTML page).

    Args:
        response: The answer (its request gives the method and URL).
        problem: What is wrong, as the generated ``parse_response`` says it.
        hint: What the likely mistake is: by default, a base URL that is not the API's.

    Returns:
        The error, naming the request, the status, the problem and the hint.
    """
    return APIResponseValidationError.of(response, f"{problem}; {hint}")
