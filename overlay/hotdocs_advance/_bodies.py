"""Answers the client cannot believe: unread (past the cap, an unasked coding), or not the API's.

The generated parsers refuse a success answer whose content type or shape is not the one its
operation documents. What they cannot see is written here: a web page where the operation
documents no body (a 200 save or a 204 delete answered by a web site), or where a document's
bytes belong (any content type is documented there).
"""

from __future__ import annotations

from typing import Final

import httpx
from _client_core import MAX_RESPONSE_BYTES, UnreadableBodyError
from hotdocs_advance_api.types import StreamedBody

from ._errors import APIResponseValidationError

__all__ = [
    "MAX_RESPONSE_BYTES",
    "NOT_THE_API",
    "NOT_THE_LOG_IN",
    "SNIFF_BYTES",
    "DocumentStart",
    "check_bodiless",
    "check_document_head",
    "looks_like_html",
    "not_the_api",
    "unreadable",
]

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
    return APIResponseValidationError.of(
        response, f"that is not this operation's: {problem}; {hint}"
    )


_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
_HTML_STARTS: Final = (b"<!doctype html", b"<html")
# Enough of a body to see how it starts (a BOM and some blank lines before the markup).
SNIFF_BYTES: Final = 64


def looks_like_html(start: bytes) -> bool:
    """Whether a body begins as an HTML page does (``<!DOCTYPE html`` or ``<html``, any case).

    Args:
        start: The body's first bytes (``SNIFF_BYTES`` are enough).

    Returns:
        True for a page, after a UTF-8 byte order mark and blanks.
    """
    return start.removeprefix(b"\xef\xbb\xbf").lstrip()[:16].lower().startswith(_HTML_STARTS)


def _html_type(content_type: str | None) -> str | None:
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media if media in _HTML_TYPES else None


def check_bodiless(response: httpx.Response) -> None:
    """Refuse a web page answering an operation that documents no success body.

    CHOICE (the vendor documents no body for these): any other body is ignored, as the
    generated parser ignores it; an HTML page (an HTML content type, or none and a body that
    begins as a page) is a web site's, so the call cannot be taken as done.

    Args:
        response: The success answer, read.

    Raises:
        APIResponseValidationError: The answer is an HTML page.
    """
    if not response.content.strip():
        return
    media = _html_type(response.headers.get("content-type"))
    if media is None and not (
        "content-type" not in response.headers and looks_like_html(response.content[:SNIFF_BYTES])
    ):
        return
    kind = media or "no content type"
    raise not_the_api(response, f"an HTML page ({kind}), where the operation documents no body")


def check_document_head(response: httpx.Response, head: StreamedBody) -> None:
    """Refuse a document answer declared as an HTML page that names no file.

    CHOICE (the vendor documents no media type for a document's content): an HTML document
    comes as a file, with its name in ``Content-Disposition``; an HTML answer without one is
    a web site's page (a wrong base URL), not the document.

    Args:
        response: The answer, its body unread.
        head: What ``parse_response`` read of its head.

    Raises:
        APIResponseValidationError: The answer is such a page.
    """
    media = _html_type(head.content_type)
    if media is not None and head.file_name is None:
        raise not_the_api(response, _page_not_document(media))


def _page_not_document(kind: str) -> str:
    return f"an HTML page ({kind}) that names no file, where a document was expected"


class DocumentStart:
    """Holds back an unnamed, untyped document's first bytes until they show it is no web page.

    The same rule as `check_document_head`, for a body with neither a content type nor a file
    name. Feed it every piece and yield what it returns; call `end` when the body ends.
    """

    def __init__(self, response: httpx.Response, head: StreamedBody) -> None:
        self._response = response
        unnamed = head.content_type is None and head.file_name is None
        self._pending: bytes | None = b"" if unnamed else None

    def feed(self, piece: bytes) -> bytes:
        """Take a piece; return what may be passed on now (nothing while still held back).

        Raises:
            APIResponseValidationError: The body begins as an HTML page.
        """
        if self._pending is None:
            return piece
        self._pending += piece
        return self._release() if len(self._pending) >= SNIFF_BYTES else b""

    def end(self) -> bytes:
        """Return what is still held back (a body shorter than ``SNIFF_BYTES``).

        Raises:
            APIResponseValidationError: The body begins as an HTML page.
        """
        return b"" if self._pending is None else self._release()

    def _release(self) -> bytes:
        start, self._pending = self._pending or b"", None
        if looks_like_html(start):
            raise not_the_api(self._response, _page_not_document("no content type"))
        return start
