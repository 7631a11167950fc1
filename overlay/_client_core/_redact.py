"""Keeping secrets (tokens, passwords, tickets, callback secrets) out of text and errors.

The masking rule, written here once for both packages:

1. **Known places are always masked, whole.** Where a secret is known to travel, the whole
   value is replaced by ``***``, however short it is and whether or not the SDK knows it:
   a credential header (``Authorization``, ``Proxy-Authorization``, ``Cookie``,
   ``Set-Cookie``: dropped from the copies of requests and responses an error keeps), a
   field that holds a secret (a query or form parameter, a JSON member, an XML element or
   attribute, named by the package: ``PrincipalPassword``, ``AuthenticationTicket``, ...),
   the token after ``Bearer`` and the password of a URL's user info. In free text these
   places are found where the text quotes them: ``name=value``, ``"name": "value"``,
   ``('name', 'value')``, ``name="value"``, ``<name>value</name>`` (also ``&lt;``-escaped),
   ``Name: value`` for a header line.
2. **Elsewhere, in free text, only secrets of at least** `MIN_SECRET_IN_TEXT` **(8)
   characters are masked**, wherever they occur (raw, URL-encoded, JSON- or XML-escaped,
   in any letter case). A shorter secret cannot be told from the text around it: masking
   the password ``0`` everywhere turns ``[900]`` into ``[9******]``, which garbles the
   message and, by what it stars, reveals the secret. It is left alone outside its known
   places.

`Masker` applies the rule to text, bytes, JSON-shaped data, URLs, headers, XML elements,
httpx requests and responses (copies without credentials) and exceptions (masked copies,
their causes included); `raise_from` raises an error from a masked cause without keeping
the original exception as its ``__context__``.
"""

from __future__ import annotations

import copy
import enum
import functools
import html
import json
import re
import weakref
from collections.abc import Callable, Iterable
from typing import Any, Final, NoReturn
from urllib.parse import quote, quote_plus

import httpx
from lxml import etree

REDACTED: Final = "***"
MIN_SECRET_IN_TEXT: Final = 8
"""The shortest secret masked in free text (outside its known places)."""

CREDENTIAL_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie"}
)
"""Headers that carry credentials, in lower case: never kept in a copy, masked in text."""

_PLAIN: Final = (int, float, bool, type(None), enum.Enum, etree.QName)


class MaskedException(Exception):  # noqa: N818 (it stands for another exception)
    """Stands in a masked chain for an exception that could not be copied with its text masked.

    Its message is the original's class name and masked message.
    """


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


Replacement = str | Callable[[re.Match[str]], str]


def _mask_member(match: re.Match[str]) -> str:
    """Replace a quoted member's value by ``***``, keeping its name, separator and quotes."""
    quote_ = match.group("v")
    return match.group("head") + quote_ + REDACTED + quote_


@functools.cache
def _place_patterns(
    fields: frozenset[str], headers: frozenset[str]
) -> tuple[tuple[re.Pattern[str], Replacement], ...]:
    """Compile the patterns that find known places in free text, with their replacements."""
    names = _alternation(fields | headers)
    header_names = _alternation(headers)
    quoted = r"\\*[\"']"
    # A quoted value: escapes are skipped, so \" inside "..." does not end it.
    value = r"(?:\\.|(?!(?P=v))[^\\])*?(?P=v)"
    patterns: list[tuple[str, Replacement]] = [
        # "name": "value", 'name': 'value', ('name', 'value'), b'name': b'value', \"name\": \"v\"
        (
            rf"(?P<head>(?P<q>{quoted})(?:{names})(?P=q)\s*[:,]\s*b?)(?P<v>{quoted}){value}",
            _mask_member,
        ),
        # <name attr="...">value</name>, also &lt;-escaped. Neither the attributes nor the
        # value may hold < or &lt; (XML escapes them), so no match runs past the next tag and
        # the work stays linear in the text, however many tags a hostile answer opens.
        (
            rf"(?P<open>(?:<|&lt;)(?P<tag>(?:[\w.-]+:)?(?:{names}))(?:\s[^<>&]*)?(?:>|&gt;))"
            rf"(?:[^<&]|&(?!lt;))+(?P<close>(?:<|&lt;)/(?P=tag)\s*(?:>|&gt;))",
            rf"\g<open>{REDACTED}\g<close>",
        ),
        # name="value", name='value' (an XML attribute, a quoted assignment)
        (
            rf"(?P<head>(?<![\w.-])(?:{names})\s*=\s*)(?P<v>{quoted}){value}",
            _mask_member,
        ),
        # name=value (a query or form parameter)
        (
            rf"(?P<name>(?<![\w.-])(?:{names})=)(?!{quoted})[^&\s\"'<>,;)\]}}]+",
            rf"\g<name>{REDACTED}",
        ),
        # Name: value, a header line
        (
            rf"(?P<name>(?<![\w-])(?:{header_names})[ \t]*:[ \t]*)(?![ \t]*{quoted})[^\r\n]+",
            rf"\g<name>{REDACTED}",
        ),
        # Bearer <token>
        (r"(?P<name>\bBearer[ \t]+)[^\s\"'<>,;\\]+", rf"\g<name>{REDACTED}"),
        # scheme://user:password@host
        (r"(?P<name>://[^/\s:@]+:)[^/\s@]+@", rf"\g<name>{REDACTED}@"),
    ]
    flags = re.IGNORECASE | re.DOTALL
    return tuple((re.compile(pattern, flags), replacement) for pattern, replacement in patterns)


def _forms(secret: str) -> set[str]:
    """List the forms a text may show a secret in: raw, URL-encoded, JSON- and XML-escaped."""
    return {
        secret,
        quote(secret, safe=""),
        quote_plus(secret),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        html.escape(secret),
        html.escape(secret, quote=False),
    }


def _secret_pattern(secrets: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile the pattern of every form of the long secrets.

    Not cached: a process-wide cache would keep passwords alive after their clients are gone;
    compiling costs microseconds, on the error path only.
    """
    forms = {form for secret in secrets for form in _forms(secret)}
    return re.compile(_alternation(forms), re.IGNORECASE) if forms else None


_MASKED_RESPONSES: Final[weakref.WeakSet[httpx.Response]] = weakref.WeakSet()


class Masker:
    """Applies the masking rule (see the module docstring) with one set of secrets and places.

    Args:
        secrets: The secret values the SDK knows (empty strings are ignored).
        fields: Names of the fields that hold secrets (query, form, JSON, XML), any case.
        headers: Names of headers that hold secrets, beyond `CREDENTIAL_HEADERS`.
    """

    def __init__(
        self,
        secrets: Iterable[str] = (),
        *,
        fields: Iterable[str] = (),
        headers: Iterable[str] = (),
    ) -> None:
        self.secrets = tuple(sorted({s for s in secrets if s}, key=len, reverse=True))
        self.field_names = frozenset(name.lower() for name in fields)
        self.header_names = CREDENTIAL_HEADERS | {name.lower() for name in headers}
        long_secrets = tuple(s for s in self.secrets if len(s) >= MIN_SECRET_IN_TEXT)
        self._secret_pattern = _secret_pattern(long_secrets)

    # Text ------------------------------------------------------------------------------------

    def text(self, text: str) -> str:
        """Mask long secrets, then known places, in free text.

        Args:
            text: Any text (a message, a body, a URL).

        Returns:
            The text, masked.
        """
        # Known secrets first: a place's pattern stops at a delimiter (& or ,) the secret may
        # hold, and would leave the rest of it for the secret's pattern to miss.
        if self._secret_pattern is not None:
            text = self._secret_pattern.sub(REDACTED, text)
        for pattern, replacement in _place_patterns(self.field_names, self.header_names):
            text = pattern.sub(replacement, text)
        return text

    def body(self, data: bytes) -> bytes:
        """Mask bytes as text (undecodable bytes are kept as they are).

        Args:
            data: A body.

        Returns:
            The bytes, masked.
        """
        if not data:
            return data
        return self.text(data.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")

    def is_secret_field(self, name: object) -> bool:
        """Whether a field or header name is a known place of a secret.

        Args:
            name: The name (any case).

        Returns:
            True for a secret's place.
        """
        return isinstance(name, str) and (
            name.lower() in self.field_names or name.lower() in self.header_names
        )

    def data(self, value: object) -> object:
        """Mask JSON-shaped data: members at known places whole, strings as free text.

        Args:
            value: Decoded JSON (or anything: other values are returned as they are).

        Returns:
            A masked copy.
        """
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {
                self.data(key): REDACTED if self.is_secret_field(key) else self.data(item)
                for key, item in value.items()
            }
        if isinstance(value, list | tuple):
            return type(value)(self.data(item) for item in value)
        return value

    def url(self, url: httpx.URL | str) -> str:
        """Mask a URL: secret parameters, user info, long secrets.

        Args:
            url: The URL.

        Returns:
            The URL as text, masked.
        """
        return self.text(str(url))

    def headers_of(self, headers: httpx.Headers) -> httpx.Headers:
        """Copy headers without the credential ones; other values masked as text.

        Args:
            headers: The headers.

        Returns:
            The copy.
        """
        return httpx.Headers(
            [
                (name, self.text(value))
                for name, value in headers.multi_items()
                if not self.is_secret_field(name)
            ]
        )

    def element(self, element: etree._Element) -> etree._Element:
        """Copy an XML element with the text of secret elements and attributes masked.

        Args:
            element: The element (a SOAP fault's detail, say).

        Returns:
            The masked copy.
        """
        masked = copy.deepcopy(element)
        for node in masked.iter():
            if isinstance(node.tag, str) and self.is_secret_field(etree.QName(node).localname):
                for child in list(node):
                    node.remove(child)
                node.text = REDACTED
            elif node.text:
                node.text = self.text(node.text)
            if node.tail:
                node.tail = self.text(node.tail)
            for key, value in node.attrib.items():
                secret = self.is_secret_field(etree.QName(key).localname)
                node.attrib[key] = REDACTED if secret else self.text(value)
        return masked

    # httpx -----------------------------------------------------------------------------------

    def request(self, request: httpx.Request) -> httpx.Request:
        """Copy a request without credentials: method, masked URL, headers and body.

        Args:
            request: The request sent.

        Returns:
            The copy (its body read; no extensions).
        """
        try:
            content = request.content
        except httpx.RequestNotRead:  # a streamed body: not kept
            content = b""
        return httpx.Request(
            request.method,
            self.url(request.url),
            headers=self.headers_of(request.headers),
            content=self.body(content),
        )

    def response(self, response: httpx.Response) -> httpx.Response:
        """Copy a response without credentials, safe to keep and to pickle.

        The copy has the status, the headers but the credential ones (other values masked),
        the body masked (empty when it was not read), the request as `request` copies it,
        and the history copied the same way.

        Args:
            response: The answer.

        Returns:
            The copy (a copy made here is returned as it is).
        """
        if response in _MASKED_RESPONSES:
            return response
        try:
            content = response.content
        except httpx.ResponseNotRead:
            content = b""
        try:
            request: httpx.Request | None = self.request(response.request)
        except RuntimeError:  # no request attached
            request = None
        body = self.body(content)
        masked = httpx.Response(
            response.status_code,
            headers=self.headers_of(response.headers),
            stream=httpx.ByteStream(body),
            request=request,
            history=[self.response(earlier) for earlier in response.history],
            extensions={
                key: value
                for key, value in response.extensions.items()
                if key in ("http_version", "reason_phrase")
            },
        )
        # The body is kept decoded, as it was read: no content decoder may run on it again.
        masked._content = body
        _MASKED_RESPONSES.add(masked)
        return masked

    # Exceptions ------------------------------------------------------------------------------

    def exception(self, exc: BaseException) -> BaseException:
        """Copy an exception with its text masked, its cause and context masked the same way.

        The copy is of the same class, with masked arguments and attributes (requests and
        responses copied by `request` and `response`, XML by `element`; values of other
        types are dropped) and the original's traceback, which holds no values. An exception
        that cannot be copied so is replaced by a `MaskedException` naming its class.

        Args:
            exc: The exception (from httpx, zeep, lxml, ...).

        Returns:
            The masked copy.
        """
        return self._exception(exc, {})

    def _exception(self, exc: BaseException, done: dict[int, BaseException]) -> BaseException:
        if id(exc) in done:
            return done[id(exc)]
        masked = self._copy(exc)
        done[id(exc)] = masked
        masked.__cause__ = None if exc.__cause__ is None else self._exception(exc.__cause__, done)
        context = exc.__context__
        masked.__context__ = None if context is None else self._exception(context, done)
        masked.__suppress_context__ = exc.__suppress_context__
        masked.__traceback__ = exc.__traceback__
        return masked

    def _copy(self, exc: BaseException) -> BaseException:
        cls = type(exc)
        args = tuple(self._value(arg) for arg in exc.args)
        try:
            masked = cls.__new__(cls, *args)
            masked.args = args
            state = getattr(exc, "__dict__", {})
            masked.__dict__.update({key: self._value(value) for key, value in state.items()})
            shown = f"{masked!s} {masked!r}"
        except Exception:
            return self._stand_in(exc)
        if self._secret_pattern is not None and self._secret_pattern.search(shown):
            return self._stand_in(exc)  # a C-level field kept a secret
        return masked

    def _stand_in(self, exc: BaseException) -> MaskedException:
        try:
            text = str(exc)
        except Exception:
            text = ""
        cls = type(exc)
        return MaskedException(f"{cls.__module__}.{cls.__qualname__}: {self.text(text)}")

    def _value(self, value: object) -> object:
        if isinstance(value, _PLAIN):
            return value
        if isinstance(value, list | tuple):
            return type(value)(self._value(item) for item in value)
        if isinstance(value, dict):
            return {
                self._value(key): REDACTED if self.is_secret_field(key) else self._value(item)
                for key, item in value.items()
            }
        copiers: tuple[tuple[type[Any], Callable[[Any], object]], ...] = (
            (str, self.text),
            (bytes, self.body),
            (httpx.Request, self.request),
            (httpx.Response, self.response),
            (httpx.URL, lambda url: httpx.URL(self.url(url))),
            (etree._Element, self.element),
            (BaseException, self.exception),
        )
        for kind, copier in copiers:
            if isinstance(value, kind):
                return copier(value)
        return None  # an object of another type could hold anything


def redact(text: str, secrets: Iterable[str], *, fields: Iterable[str] = ()) -> str:
    """Mask free text by the module's rule (`Masker.text`).

    Args:
        text: Any text that may quote a secret (a server message, a transport error).
        secrets: The secrets the caller knows; empty strings are ignored.
        fields: Names of the fields that hold secrets.

    Returns:
        The text, masked.
    """
    return Masker(secrets, fields=fields).text(text)


def raise_from(error: BaseException, cause: BaseException | None) -> NoReturn:
    """Raise ``error`` from ``cause`` (None: from nothing), keeping no ``__context__``.

    ``raise error from cause`` inside an ``except`` block would also keep the exception being
    handled (the original, unmasked one) as ``error.__context__``; this does not.

    Args:
        error: The error to raise.
        cause: Its cause (a masked copy), or None.

    Raises:
        BaseException: ``error``, always.
    """
    error.__cause__ = cause
    error.__suppress_context__ = True
    try:
        raise error  # noqa: TRY301 (raised here so that the handler below can drop its context)
    except BaseException:
        error.__context__ = None
        raise
