"""The SaveAndClose callback: what the sandbox POSTs, and how it proves it knows the secret.

The vendor documents neither the payload nor how ``callbackSecret`` travels (reference
section 4.5). CHOICE, kept in this one place:

* ``POST <callbackUrl>`` with ``Content-Type: application/json`` and the body
  ``{"workItemId": "<guid>", "versionId": "<guid>", "status": "Saved"}``;
* when a ``callbackSecret`` was given, two headers: `CALLBACK_SECRET_HEADER` carries the
  secret itself, and `CALLBACK_SIGNATURE_HEADER` carries ``sha256=<hex>``, the
  HMAC-SHA256 of the exact body bytes keyed by the secret (UTF-8). A receiver should
  check the signature with `hmac.compare_digest` (see `signature`);
* CHOICE (safety): the sandbox only calls back to loopback hosts; any other
  ``callbackUrl`` is refused with 400, so a sandbox can never be made to probe a network.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import uuid
from dataclasses import dataclass, field
from typing import Final
from urllib.parse import urlsplit

from _sandbox_kit import is_loopback

CALLBACK_SECRET_HEADER: Final = "X-HotDocs-Callback-Secret"  # noqa: S105 (a header name)
CALLBACK_SIGNATURE_HEADER: Final = "X-HotDocs-Signature"
CALLBACK_TIMEOUT: Final = 5.0


def signature(secret: str, body: bytes) -> str:
    """Return the value of `CALLBACK_SIGNATURE_HEADER` for a body.

    Args:
        secret: The ``callbackSecret`` of the request.
        body: The exact callback body bytes.

    Returns:
        ``sha256=`` followed by the lower-case hex HMAC-SHA256.
    """
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


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

    def body(self) -> bytes:
        """Return the JSON body.

        Returns:
            The bytes sent.
        """
        payload = {
            "workItemId": str(self.work_item_id),
            "versionId": str(self.version_id),
            "status": self.status,
        }
        return json.dumps(payload, separators=(",", ":")).encode("utf-8")

    def headers(self, body: bytes) -> dict[str, str]:
        """Return the request headers, including the secret and signature when there is a secret.

        Args:
            body: The body the signature covers.

        Returns:
            The headers.
        """
        headers = {"Content-Type": "application/json"}
        if self.secret is not None:
            headers[CALLBACK_SECRET_HEADER] = self.secret
            headers[CALLBACK_SIGNATURE_HEADER] = signature(self.secret, body)
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
