"""Quoting user values in messages: long ones are cut to a readable length."""

from __future__ import annotations

from typing import Final

MAX_QUOTED: Final = 80
"""The most characters of a value's ``repr`` a message quotes before cutting it."""


def shorten(value: object, limit: int = MAX_QUOTED) -> str:
    """Quote a value for a message as ``repr`` does, cut when it is long.

    A 5,000-character name would otherwise fill a screen with every error that names it; the
    cut keeps the start (what a reader recognises) and says how long the whole value is.

    Args:
        value: The value to quote (a str, or anything with a ``repr``).
        limit: The most characters of the quote kept before the cut (at least 10).

    Returns:
        ``repr(value)``, or its first ``limit`` characters, then ``...`` and the length, e.g.
        ``'xxxxxxxx...' (5000 characters)``.
    """
    quoted = repr(value)
    limit = max(limit, 10)
    if len(quoted) <= limit:
        return quoted
    if isinstance(value, str):
        size = f"{len(value)} characters"
    elif isinstance(value, bytes):
        size = f"{len(value)} bytes"
    else:
        size = f"{len(quoted)} characters written out"
    closing = quoted[0] if isinstance(value, str) and quoted[0] in "'\"" else ""
    return f"{quoted[: limit - 3 - len(closing)]}...{closing} ({size})"
