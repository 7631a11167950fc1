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
* CHOICE (safety): the sandbox only calls back to loopback hosts; any other
  ``callbackUrl`` is refused with 400, so a sandbox can never be made to probe a network.
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
    "callback_url_problem",
    "signature",
]

CALLBACK_SIGNATURE_HEADER: Final = SIGNATURE_HEADER
CALLBACK_TIMEOUT: Final = 5.0


def callback_url_problem(url: str) -> str | None:
    """Why a ``callbackUrl`` is refused, or None when the sandbox may call it.

    Args:
        url: The ``callbackUrl`` of the request.

    Returns:
        A message for the 400 answer, or None.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError:
        return f"callbackUrl {url!r} is not a valid URL"
    if parts.scheme not in ("http", "https") or not host:
        return f"callbackUrl {url!r} must be an absolute http or https URL"
    if not is_loopback(host):
        return (
            "callbackUrl must point at a loopback host (127.0.0.1, ::1 or localhost): "
            "the sandbox never calls out to the network"
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
    """A callback the sandbox attempted: what it sent and what came back."""

    url: str
    body: bytes
    headers: dict[str, str] = field(repr=False)
    status_code: int | None
    error: str | None = None

    @property
    def payload(self) -> dict[str, object]:
        """The body, parsed."""
        data: dict[str, object] = json.loads(self.body)
        return data
