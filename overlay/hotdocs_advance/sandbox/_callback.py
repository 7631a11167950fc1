"""The SaveAndClose callback: what the sandbox POSTs, and how it proves it knows the secret.

The vendor documents neither the payload nor how ``callbackSecret`` travels (reference
section 4.5). CHOICE, written once in ``hotdocs_advance._callbacks`` (which receivers check
with ``hotdocs_advance.verify_callback``) and in the spec's ``versionFinished`` callback:

* ``POST <callbackUrl>`` with ``Content-Type: application/json`` and the body
  ``{"workItemId": "<guid>", "versionId": "<guid>", "status": "Saved"}`` (the spec's
  ``CallbackEvent``, written by its generated model);
* when a ``callbackSecret`` was given, exactly one header, by the sandbox's setting
  (seed ``versions.callbackScheme``, ``--callback-scheme``, ``callback_scheme=``):
  ``hmac`` (the default) sends `CALLBACK_SIGNATURE_HEADER` with ``sha256=<hex>``, the
  HMAC-SHA256 of the exact body bytes keyed by the secret (UTF-8); ``token`` sends
  ``Authorization: Bearer <secret>``. Never the raw secret beside a signature;
* CHOICE: one attempt, no retry; what came back is kept in `CallbackRecord`;
* CHOICE (safety): the sandbox accepts any ``callbackUrl`` the spec accepts (an absolute
  http or https URL), as a real server does, but calls back only loopback hosts; a callback
  to any other host is recorded as not sent (``CallbackRecord.sent`` false, the reason in
  ``error``), so a sandbox can never be made to probe a network.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

from _sandbox_kit import is_loopback

from .._callbacks import SIGNATURE_HEADER, CallbackEvent, CallbackScheme, auth_headers, signature

__all__ = [
    "CALLBACK_SIGNATURE_HEADER",
    "CALLBACK_TIMEOUT",
    "Callback",
    "CallbackRecord",
    "CallbackScheme",
    "signature",
    "why_not_called",
]

CALLBACK_SIGNATURE_HEADER: Final = SIGNATURE_HEADER
CALLBACK_TIMEOUT: Final = 5.0


def why_not_called(url: str) -> str | None:
    """Why the sandbox does not call a ``callbackUrl`` it accepted, or None when it does.

    The request's validation has already refused what the spec refuses (a URL that is not
    absolute http or https); this is the sandbox's own rule, decided without a DNS look-up.

    Args:
        url: The ``callbackUrl`` of the request.

    Returns:
        The reason, kept in the `CallbackRecord`'s ``error``, or None.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError:
        return "not sent: the callbackUrl is not a URL the sandbox can call"
    if parts.scheme.lower() not in ("http", "https") or not host:
        return "not sent: the callbackUrl is not an absolute http or https URL"
    if not is_loopback(host):
        return (
            f"not sent: {host!r} is not a loopback host; the sandbox calls back only "
            "127.0.0.1, ::1 and localhost, never the network"
        )
    return None


@dataclass(frozen=True, slots=True)
class Callback:
    """One callback the sandbox has to send (or has sent)."""

    url: str
    work_item_id: uuid.UUID
    version_id: uuid.UUID
    status: str
    secret: str | None = field(default=None, repr=False)
    scheme: CallbackScheme = "hmac"

    def body(self) -> bytes:
        """Return the JSON body (the spec's ``CallbackEvent``).

        Returns:
            The bytes sent.
        """
        event = CallbackEvent(
            work_item_id=self.work_item_id, version_id=self.version_id, status=self.status
        )
        return json.dumps(event.to_dict(), separators=(",", ":")).encode("utf-8")

    def headers(self, body: bytes) -> dict[str, str]:
        """Return the request headers: with a secret, the one header of the scheme too.

        Args:
            body: The body a signature covers.

        Returns:
            The headers.
        """
        headers = {"Content-Type": "application/json"}
        if self.secret is not None:
            headers.update(auth_headers(self.scheme, self.secret, body))
        return headers


@dataclass(frozen=True, slots=True)
class CallbackRecord:
    """A callback the sandbox attempted: what it sent (or would have) and what came back.

    ``sent`` is false for a callback the sandbox accepted but did not make (a URL off this
    machine, see `why_not_called`); ``error`` then says why, and ``status_code`` is None.
    """

    url: str
    body: bytes
    headers: dict[str, str] = field(repr=False)
    status_code: int | None
    error: str | None = None
    sent: bool = True

    @property
    def payload(self) -> dict[str, object]:
        """The body, parsed."""
        data: dict[str, object] = json.loads(self.body)
        return data
