"""Checking an infoRouter answer, whatever the binding: parsed, hostile-free, success or error.

An answer is an element named ``<response>`` or ``<root>`` (any name is accepted, in any
namespace: the server sends both ``xmlns=""`` and the inherited tempuri namespace) with a
``success`` attribute (``true``/``false``, any case), an ``error`` attribute ``[code] message``
(the code is optional, and the space after it too) and an optional numeric ``errorCode`` (or
``errorcode``). Over SOAP, zeep hands over the element inside ``<Method>Result``; over HTTP GET
and POST, the element is the whole body. Both come here.
"""

from __future__ import annotations

import re
from typing import Final

import _client_core
from lxml import etree

from . import _xml
from ._errors import InfoRouterError, InfoRouterHTTPError, InvalidResponseError
from ._translate import api_error, translate
from ._transport import RawResponse

# Attributes of the answer element, compared in lower case.
_SUCCESS: Final = "success"
_ERROR: Final = "error"
_ERROR_CODE: Final = "errorcode"
_TRUE: Final = "true"
_FALSE: Final = "false"
_CODE_PREFIX: Final = re.compile(r"\s*\[\s*([0-9]+)\s*\]\s*")
_FAULT: Final = "Fault"
_BODY: Final = "Body"
_INT: Final = re.compile(r"\s*([+-]?[0-9]+)\s*")


def read_int(text: str | None) -> int | None:
    """Read an integer as infoRouter writes it (surrounding blanks allowed).

    Args:
        text: the text, or None when absent.

    Returns:
        The number, or None when absent or not an integer.
    """
    if text is None:
        return None
    match = _INT.fullmatch(text)
    return int(match.group(1)) if match else None


# What an answer from something else than /srv.asmx says (a web site's page, a wrong path).
_NOT_THE_SERVICE: Final = (
    "this does not look like the infoRouter web service: the URL should be its address, "
    "ending in /srv.asmx (https://<server>/srv.asmx)"
)
_NOT_FOUND: Final = (
    "no infoRouter web service was found at that URL: its address ends in /srv.asmx "
    "(https://<server>/srv.asmx)"
)
_HTML_MEDIA: Final = frozenset({"text/html", "application/xhtml+xml"})
_HTML_START: Final = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_QUOTED: Final = 60


def _is_html(raw: RawResponse) -> bool:
    media = raw.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media in _HTML_MEDIA or _HTML_START.match(raw.content, 0, 4096) is not None


def _unreadable(raw: RawResponse, operation: str, reason: str) -> InfoRouterError:
    """Build the error for an answer that is not an infoRouter answer."""
    status = raw.status_code
    if status == 404:
        reason = f"{reason}; {_NOT_FOUND}"
    if status == 200:
        return InvalidResponseError(status, f"{operation}: {reason} (HTTP 200)")
    return InfoRouterHTTPError(
        status,
        f"{operation}: the server answered HTTP {status} and {reason}",
        retry_after=_client_core.parse_retry_after(raw.headers.get("retry-after")),
    )


def _parse(raw: RawResponse, operation: str) -> etree._Element:
    if not raw.content.strip():
        raise _unreadable(raw, operation, "the answer is empty")
    if _is_html(raw):
        reason = "the answer is an HTML page, not an infoRouter answer"
        if raw.status_code < 300:  # a 404 says so itself; a 5xx page is a server's error
            reason = f"{reason}; {_NOT_THE_SERVICE}"
        raise _unreadable(raw, operation, reason)
    try:
        return _client_core.parse_untrusted(raw.content)
    except _client_core.DoctypeRefusedError:
        raise InvalidResponseError(
            raw.status_code,
            f"{operation}: the answer declares a DOCTYPE, refused unread (HTTP {raw.status_code})",
        ) from None
    except etree.XMLSyntaxError as exc:
        if raw.status_code != 200:
            raise _unreadable(raw, operation, "the answer is not XML") from exc
        error = translate(exc, operation=operation, status_code=raw.status_code)
        assert error is not None  # lxml errors are always translated
        raise error from exc


_XML_DECLARATION: Final = re.compile(r"\s*<\?xml[^>]*\?>")


def _embedded(text: str, status: int, operation: str) -> etree._Element:
    """Read an answer that came as escaped text (``&lt;response ...&gt;``) instead of XML.

    Some servers (and proxies) return the answer document as a string: it is parsed, with
    the same refusals as any answer, or reported as text that is not an answer.
    """
    document = _XML_DECLARATION.sub("", text, count=1).strip()
    try:
        return _client_core.parse_untrusted(document.encode("utf-8"))
    except _client_core.DoctypeRefusedError:
        raise InvalidResponseError(
            status, f"{operation}: the answer's text declares a DOCTYPE, refused unread"
        ) from None
    except etree.XMLSyntaxError:
        raise InvalidResponseError(
            status,
            f"{operation}: the answer holds unexpected text content, not an infoRouter answer: "
            f"{_client_core.shorten(text.strip(), _QUOTED)} (HTTP {status})",
        ) from None


def _text_only(element: etree._Element) -> str | None:
    """Return the element's text when it holds text and no element, else None."""
    text = element.text
    if not text or not text.strip() or any(isinstance(child.tag, str) for child in element):
        return None
    return text


def check_soap_answer(raw: RawResponse, envelope_tag: str, operation: str) -> RawResponse:
    """Refuse a SOAP answer zeep should not see: unreadable, hostile, or an HTTP error page.

    Args:
        raw: the answer.
        envelope_tag: ``{namespace}Envelope`` of the SOAP version that was sent.
        operation: the infoRouter operation, for messages.

    Returns:
        The answer for zeep: ``raw``, or, when its ``<Method>Result`` holds the answer as
        escaped text, a copy with that text parsed into the element it stands for.

    Raises:
        InvalidResponseError: HTTP 200 but not a SOAP envelope of that version, a DOCTYPE, or
            a result of text that is not XML ("unexpected text content", quoting its start).
        InfoRouterHTTPError: another status without a SOAP fault.
    """
    if raw.status_code in (201, 202) and not raw.content:
        return raw  # zeep reads this as an empty result
    root = _parse(raw, operation)
    if root.tag != envelope_tag:
        raise _unreadable(raw, operation, "the answer is not the expected SOAP envelope")
    body = _xml.child(root, _BODY)
    if raw.status_code != 200:
        if body is None or _xml.child(body, _FAULT) is None:
            raise _unreadable(raw, operation, "the answer holds no SOAP fault")
        return raw
    wrapper = next(iter(_xml.children(body)), None) if body is not None else None
    result = next(iter(_xml.children(wrapper[1])), None) if wrapper is not None else None
    text = _text_only(result[1]) if result is not None else None
    if result is None or text is None:
        return raw
    result[1].text = None
    result[1].append(_embedded(text, raw.status_code, operation))
    return RawResponse(raw.status_code, raw.headers, etree.tostring(root, encoding="utf-8"))


def read_http_answer(raw: RawResponse, operation: str) -> etree._Element:
    """Read the bare XML document an HTTP GET or POST call answers.

    Args:
        raw: the answer.
        operation: the infoRouter operation, for messages.

    Returns:
        The answer element, for `check_answer`.

    Raises:
        InvalidResponseError: HTTP 200 but not an infoRouter answer.
        InfoRouterHTTPError: another status without an infoRouter answer.
    """
    root = _parse(raw, operation)
    if _SUCCESS not in _xml.attributes(root):
        text = _text_only(root)  # <string>&lt;response .../&gt;</string>
        if text is not None:
            root = _embedded(text, raw.status_code, operation)
        if _SUCCESS not in _xml.attributes(root):
            raise _unreadable(raw, operation, "the answer has no success attribute")
    return root


def check_answer(
    element: etree._Element | None, operation: str, status_code: int = 200
) -> etree._Element:
    """Check an answer's ``success`` attribute.

    Args:
        element: the ``<response>``/``<root>`` element (None when the result was empty).
        operation: the infoRouter operation, for messages.
        status_code: the HTTP status the answer came with.

    Returns:
        The element, when it reports success.

    Raises:
        InfoRouterAPIError: the answer reports a failure (the subclass follows the code).
        InvalidResponseError: the result is empty or is not an infoRouter answer.
    """
    if element is None:
        raise InvalidResponseError(status_code, f"{operation}: the server's result is empty")
    attributes = _xml.attributes(element)
    success = attributes.get(_SUCCESS, "").strip().lower()
    if success == _TRUE:
        return element
    if success != _FALSE:
        raise InvalidResponseError(
            status_code, f"{operation}: the answer's success attribute is not true or false"
        )
    text = attributes.get(_ERROR, "")
    code: int | None = None
    match = _CODE_PREFIX.match(text)
    if match is not None:
        code = int(match.group(1))
        text = text[match.end() :]
    error_code = read_int(attributes.get(_ERROR_CODE))
    message = text.strip() or "the server reported a failure without a message"
    raise api_error(code, error_code, message, operation=operation)
