"""Receiving the save-and-close callback: `verify_callback`, and how the server signs it.

When ``save_and_close`` is given a ``callback_url``, the server POSTs the version's final
status there. The vendor documents neither the payload nor how ``callback_secret`` travels
(reference section 4.5); its UI webhooks authenticate either with an HMAC or with a token in
``Authorization``. CHOICE, not documented by the vendor, kept in this one place (the Advance
sandbox sends with `auth_headers`, receivers check with `verify_callback`; the spec's
``versionFinished`` callback describes the same):

* the body is JSON, the spec's ``CallbackEvent`` (``workItemId``, ``versionId``, ``status``);
* scheme ``"hmac"`` (the default): one header, `SIGNATURE_HEADER`, holding ``sha256=`` and the
  lower-case hex HMAC-SHA256 of the exact body bytes keyed by the secret's UTF-8 bytes;
* scheme ``"token"``: one header, ``Authorization: Bearer <secret>`` (the bare secret is
  accepted too), as the UI webhooks send an access token; the secret must then be visible
  ASCII (`token_problem`), since it travels as a header value. It proves the sender but does
  not cover the body, and whoever sees one callback holds the secret: ``https`` only, and
  only when the server is set to it (hence ``"hmac"`` is the default);
* never both, and never the raw secret beside a signature: whoever sees one signed callback
  (a proxy's log) learns nothing that lets them sign another.

The payload carries no timestamp or nonce, so a signature cannot tell a replayed callback from
the first one: receivers handle a repeated event idempotently (README, "Receiving callbacks").
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Final, Literal

from hotdocs_advance_api.models import CallbackEvent

from . import _arguments as check
from ._auth import AUTHORIZATION, BEARER, TOKEN
from ._errors import CallbackVerificationError, InvalidArgumentError

__all__ = [
    "CALLBACK_SCHEMES",
    "SIGNATURE_HEADER",
    "SIGNATURE_PREFIX",
    "CallbackEvent",
    "CallbackScheme",
    "auth_headers",
    "signature",
    "token_problem",
    "verify_callback",
]

CallbackScheme = Literal["hmac", "token"]
CALLBACK_SCHEMES: Final[tuple[CallbackScheme, ...]] = ("hmac", "token")
SIGNATURE_HEADER: Final = "X-HotDocs-Signature"
SIGNATURE_PREFIX: Final = "sha256="
# The header each scheme uses, for the hint when a callback carries the other one.
_HEADERS: Final[dict[CallbackScheme, str]] = {"hmac": SIGNATURE_HEADER, "token": AUTHORIZATION}


def signature(secret: str, body: bytes) -> str:
    """Return the `SIGNATURE_HEADER` value for a body: ``sha256=`` and the hex HMAC-SHA256.

    Args:
        secret: The callback secret (keyed by its UTF-8 bytes).
        body: The exact body bytes.

    Returns:
        ``sha256=`` followed by 64 lower-case hex digits.
    """
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return SIGNATURE_PREFIX + digest


def auth_headers(scheme: CallbackScheme, secret: str, body: bytes) -> dict[str, str]:
    """Return the one header that authenticates a callback under ``scheme`` (the sender's side).

    Args:
        scheme: ``"hmac"`` or ``"token"``.
        secret: The ``callbackSecret`` of the save-and-close request.
        body: The exact body bytes that will be sent.

    Returns:
        One header: the signature, or the secret as a bearer token; never both.
    """
    if scheme == "token":
        return {AUTHORIZATION: BEARER + secret}
    return {SIGNATURE_HEADER: signature(secret, body)}


def verify_callback(
    headers: Mapping[str, str] | Mapping[bytes, bytes],
    body: bytes,
    secret: str,
    *,
    scheme: CallbackScheme = "hmac",
) -> CallbackEvent:
    """Check that a received callback comes from the server, and read its event.

    The check runs in constant time (`hmac.compare_digest`) and comes before the body is
    parsed. The payload carries no timestamp or nonce, so a replayed callback passes this
    check too: make the handling of an event idempotent, keyed by ``(event.work_item_id,
    event.version_id, event.status)`` (the README shows a receiver that does).

    Args:
        headers: The request's headers: any mapping, names in any case (a ``dict``,
            ``httpx.Headers``, starlette's ``Headers``; ``str`` or ``bytes`` names).
        body: The exact body bytes received (before any JSON decoding).
        secret: The ``callback_secret`` given to ``save_and_close``.
        scheme: How the server authenticates callbacks: ``"hmac"`` (a signature of the body,
            the default) or ``"token"`` (the secret in ``Authorization``, which does not cover
            the body). CHOICE: not documented by the vendor; see this module's docstring.

    Returns:
        The event: work item id, version id, status (``is_final``), and ``extra`` members.

    Raises:
        InvalidArgumentError: A wrong ``scheme``, a blank ``secret``, a ``body`` that is not
            bytes, or ``headers`` that are not a mapping; raised before anything is checked.
        CallbackVerificationError: The header is missing, repeated or does not match (a wrong
            secret, a changed body, another scheme), or the signed body is not a
            ``CallbackEvent``. The message never holds the secret.
    """
    if scheme not in CALLBACK_SCHEMES:
        raise InvalidArgumentError("scheme", f"must be 'hmac' or 'token', not {scheme!r}")
    secret = check.text("secret", secret)
    if not isinstance(body, bytes | bytearray | memoryview):
        raise InvalidArgumentError(
            "body",
            f"expected the raw bytes received, not {type(body).__name__}: the signature covers "
            "the exact bytes (e.g. await request.body())",
        )
    data = bytes(body)
    if not callable(getattr(headers, "items", None)):
        raise InvalidArgumentError("headers", f"expected a mapping, not {type(headers).__name__}")
    value = _header(headers, _HEADERS[scheme])
    if value is None:
        raise CallbackVerificationError(_missing(headers, scheme))
    if scheme == "hmac":
        matches = hmac.compare_digest(
            value.strip().lower().encode("utf-8", "replace"), signature(secret, data).encode()
        )
    else:
        matches = _token_matches(value, secret)
    if not matches:
        raise CallbackVerificationError(
            f"the callback's {_HEADERS[scheme]} does not match: a wrong secret, a body changed on "
            "the way (pass the exact bytes received), or not from the server"
        )
    return _event(data)


def _text(value: str | bytes) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value


def _header(headers: Mapping[str, str] | Mapping[bytes, bytes], name: str) -> str | None:
    wanted = name.lower()
    found = [_text(v) for k, v in headers.items() if _text(k).lower() == wanted]
    if len(found) > 1:
        raise CallbackVerificationError(f"the callback carries {name} {len(found)} times")
    return found[0] if found else None


def _missing(headers: Mapping[str, str] | Mapping[bytes, bytes], scheme: CallbackScheme) -> str:
    message = f"the callback has no {_HEADERS[scheme]} header (scheme {scheme!r})"
    for other, name in _HEADERS.items():
        if other != scheme and _header(headers, name) is not None:
            return f"{message}; it carries {name}: is the server set to scheme {other!r}?"
    return f"{message}: it is unsigned, or not from the server"


def _token_matches(value: str, secret: str) -> bool:
    token = value.strip()
    if token[: len(BEARER)].lower() == BEARER.lower():
        token = token[len(BEARER) :].strip()
    return hmac.compare_digest(token.encode("utf-8", "replace"), secret.encode("utf-8"))


def token_problem(secret: str) -> str | None:
    """Why a secret cannot travel under the ``"token"`` scheme, or None when it can.

    Args:
        secret: The ``callbackSecret``.

    Returns:
        A message (without the secret), or None.
    """
    # It travels as a bearer token does: the access token's rule (visible ASCII).
    if TOKEN.fullmatch(secret):
        return None
    return (
        "callbackSecret must be visible ASCII without spaces when callbacks carry it in "
        "Authorization (scheme 'token'); the 'hmac' scheme takes any text"
    )


def _event(body: bytes) -> CallbackEvent:
    try:
        payload = json.loads(body)
    except ValueError:
        raise CallbackVerificationError(
            "the callback is authenticated, but its body is not JSON"
        ) from None
    if not isinstance(payload, dict):
        raise CallbackVerificationError(
            f"the callback is authenticated, but its body is a JSON {type(payload).__name__}, "
            "not an object"
        )
    try:
        return CallbackEvent.from_dict(payload)
    except KeyError as exc:
        problem = f"the member {exc.args[0]!r} is missing"
    except (TypeError, ValueError) as exc:
        problem = str(exc)
    raise CallbackVerificationError(
        f"the callback is authenticated, but its body is not a CallbackEvent: {problem}"
    )
