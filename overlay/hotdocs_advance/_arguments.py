"""Argument checks: every value a user passes is checked here before anything is sent."""

from __future__ import annotations

import re
import ssl
import uuid
from typing import Final

import httpx
from _client_core import check_timeout, ssl_context

from ._answers import AnswerSet, validate_answer_xml
from ._errors import AnswerSetError, InvalidArgumentError

# Where the log-in lives, derived from the API base (reference section 1).
CLOUD_API: Final = "/api/rest"
_CLOUD_AUTH: Final = "/auth"
ON_PREMISE_API: Final = "/HdaApi/rest"
_ON_PREMISE_AUTH: Final = "/HdaAuth"
_VERSION_SEGMENT: Final = re.compile(r"/v\d+\.\d+$", re.IGNORECASE)
_DNS_LABEL: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_MAX_HOSTNAME: Final = 253
_MAX_SECONDS: Final = 86_400.0


def guid(argument: str, value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        guid = value
    elif isinstance(value, str):
        try:
            # Accepts what .NET's Guid.Parse does: plain, braced, and without hyphens.
            guid = uuid.UUID(value.strip())
        except ValueError:
            raise InvalidArgumentError(argument, f"{value!r} is not a GUID") from None
    else:
        raise InvalidArgumentError(
            argument, f"expected a UUID or a GUID string, not {type(value).__name__}"
        )
    if not guid.int:
        raise InvalidArgumentError(argument, "the nil GUID cannot identify anything")
    return guid


def new_guid(argument: str, value: object) -> uuid.UUID:
    return uuid.uuid4() if value is None else guid(argument, value)


def text(argument: str, value: object) -> str:
    if type(value) is not str:
        raise InvalidArgumentError(argument, f"expected a str, not {type(value).__name__}")
    if not value.strip():
        raise InvalidArgumentError(argument, "must not be empty or blank")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgumentError(argument, "holds an unpaired surrogate") from None
    return value


def flag(argument: str, value: object) -> bool:
    if type(value) is not bool:
        raise InvalidArgumentError(argument, f"expected a bool, not {type(value).__name__}")
    return value


def http_url(argument: str, value: object) -> httpx.URL:
    if type(value) is not str:
        raise InvalidArgumentError(argument, f"expected a str, not {type(value).__name__}")
    # User info would be a password in a message, a repr and every log line with the URL:
    # such URLs are refused, and never quoted.
    shown = "the URL" if "@" in value else repr(value)
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, UnicodeError) as exc:  # a lone surrogate cannot be encoded
        raise InvalidArgumentError(argument, f"{shown} is not a URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidArgumentError(argument, f"{shown} must be an http(s) URL with a host")
    if url.userinfo:
        raise InvalidArgumentError(
            argument,
            "the URL must not carry user info (user:password@); the Advance API authenticates "
            "with auth=",
        )
    return url


def answer_xml(answers: object) -> str:
    if not isinstance(answers, AnswerSet | str):
        raise InvalidArgumentError(
            "answers", f"expected an AnswerSet or answer XML str, not {type(answers).__name__}"
        )
    try:
        if isinstance(answers, AnswerSet):
            return answers._valid_xml()
        validate_answer_xml(answers)
    except AnswerSetError as exc:
        error = AnswerSetError(f"answers: {exc}")
        error.answer, error.line, error.column = exc.answer, exc.line, exc.column
        raise error from None
    return answers


def max_retries(value: object) -> int:
    if type(value) is not int or value < 0:
        raise InvalidArgumentError("max_retries", f"expected an int of 0 or more, not {value!r}")
    return value


def seconds(argument: str, value: object) -> float:
    """Check a duration: a finite int or float of seconds, above 0 and at most a day."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= _MAX_SECONDS:
        return float(value)
    raise InvalidArgumentError(
        argument, f"expected seconds (> 0, at most a day) as an int or float, not {value!r}"
    )


def timeout(value: object) -> httpx.Timeout:
    checked = check_timeout(value)
    if checked is None:
        raise InvalidArgumentError(
            "timeout", f"expected seconds (> 0, at most a day) or an httpx.Timeout, not {value!r}"
        )
    return checked


def base_url(value: object) -> str:
    url = http_url("base_url", value)
    if url.query or url.fragment:
        raise InvalidArgumentError("base_url", "must not have a query or fragment")
    base = str(url.copy_with(path=url.path.rstrip("/") or "/")).rstrip("/")
    if _VERSION_SEGMENT.search(base):
        raise InvalidArgumentError(
            "base_url", "give the base without the API version, e.g. .../api/rest"
        )
    return base


def auth_base(base_url: str, auth_url: object) -> str:
    """Return the log-in base: ``auth_url`` if given, else derived from the API base URL."""
    if auth_url is not None:
        base = str(http_url("auth_url", auth_url)).rstrip("/")
    else:
        url = httpx.URL(base_url)
        path = url.path.rstrip("/")
        if path.lower().endswith(CLOUD_API.lower()):
            path = path[: -len(CLOUD_API)] + _CLOUD_AUTH
        elif path.lower().endswith(ON_PREMISE_API.lower()):
            path = path[: -len(ON_PREMISE_API)] + _ON_PREMISE_AUTH
        else:
            raise InvalidArgumentError(
                "auth_url",
                "cannot derive the log-in URL from a base URL that ends neither in /api/rest "
                "nor in /HdaApi/rest; pass auth_url",
            )
        base = str(url.copy_with(path=path))
    return base.rstrip("/")


def hostname(argument: str, value: object) -> str:
    if type(value) is not str:
        raise InvalidArgumentError(argument, f"expected a str, not {type(value).__name__}")
    labels = value.strip().split(".")
    if len(value) > _MAX_HOSTNAME or not all(_DNS_LABEL.fullmatch(label) for label in labels):
        raise InvalidArgumentError(argument, f"{value!r} is not a DNS name")
    return value.strip().lower()


#: What ``verify=`` takes, as httpx does.
TLSVerify = ssl.SSLContext | str | bool


def tls(argument: str, value: object, http_client: object) -> ssl.SSLContext:
    """Check ``verify=`` and return the shared TLS context for it.

    Args:
        argument: The argument's name.
        value: True, False, a CA bundle path, or an ``ssl.SSLContext``.
        http_client: The ``http_client=`` argument (``verify`` must stay True with one).

    Returns:
        The context (one per process for each ``verify`` value).

    Raises:
        InvalidArgumentError: The value is not one of those, or the CA bundle is unreadable.
    """
    if http_client is not None and value is not True:
        raise InvalidArgumentError(
            argument, "applies to the client's own pool; configure TLS on http_client instead"
        )
    if not isinstance(value, ssl.SSLContext | str | bool):
        raise InvalidArgumentError(
            argument, f"expected a bool, a CA bundle path or an ssl.SSLContext, not {value!r}"
        )
    try:
        return ssl_context(value)
    except (OSError, ssl.SSLError) as exc:
        raise InvalidArgumentError(argument, f"cannot load the CA bundle: {exc}") from None


def cloud_base(tenancy: object) -> str:
    """Return the API base of a cloud tenancy (the spec's first server)."""
    return f"https://{hostname('tenancy', tenancy)}.hotdocsadvance.com{CLOUD_API}"


def on_premise_base(tenancy: object, domain: object) -> str:
    """Return the API base of an on-premise host (the spec's second server)."""
    host = f"{hostname('tenancy', tenancy)}.{hostname('domain', domain)}"
    return f"https://{host}{ON_PREMISE_API}"
