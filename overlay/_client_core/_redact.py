"""Keeping secrets (tokens, passwords, tickets, callback secrets) out of text."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

REDACTED: Final = "***"


def redact(text: str, secrets: Iterable[str]) -> str:
    """Replace every secret in ``text`` with ``***``.

    Args:
        text: Any text that may quote a secret (a server message, a transport error).
        secrets: The secrets to hide; empty strings are ignored.

    Returns:
        The text without the secrets.
    """
    # Longest first, so that a secret containing another is hidden whole.
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text
