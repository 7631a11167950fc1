"""What an error shows and keeps, as text, to look for secrets in (shared by the tests).

`kept_text` gathers what a traceback, a log record, an error tracker or a pickle could show:
``traceback.format_exception`` of the error; for every exception reachable through
``__cause__`` and ``__context__`` (suppressed or not), its repr, arguments and attributes;
for every httpx request and response among them, the URL, the raw headers, the body and the
history; XML elements serialised; and the pickled bytes of the error.
"""

from __future__ import annotations

import contextlib
import pickle
import traceback
from collections.abc import Iterable

import httpx
from lxml import etree


def _walk(value: object, found: list[str], seen: set[int], depth: int = 0) -> None:
    if id(value) in seen or depth > 40:
        return
    seen.add(id(value))
    match value:
        case str():
            found.append(value)
        case bytes() | bytearray():
            found.append(bytes(value).decode("latin-1"))
        case BaseException():
            found += [repr(value), str(value)]
            for item in (*value.args, *vars(value).values(), value.__cause__, value.__context__):
                _walk(item, found, seen, depth + 1)
        case httpx.Request():
            found += [value.method, str(value.url)]
            found += [f"{k!r}: {v!r}" for k, v in value.headers.raw]
            with contextlib.suppress(httpx.RequestNotRead):
                found.append(value.content.decode("latin-1"))
        case httpx.Response():
            found += [f"{k!r}: {v!r}" for k, v in value.headers.raw]
            with contextlib.suppress(httpx.ResponseNotRead):
                found.append(value.content.decode("latin-1"))
            with contextlib.suppress(RuntimeError):  # no request attached
                _walk(value.request, found, seen, depth + 1)
            for earlier in value.history:
                _walk(earlier, found, seen, depth + 1)
        case etree._Element():
            found.append(etree.tostring(value).decode())
        case list() | tuple() | set() | frozenset():
            for item in value:
                _walk(item, found, seen, depth + 1)
        case dict():
            for key, item in value.items():
                _walk(key, found, seen, depth + 1)
                _walk(item, found, seen, depth + 1)
        case _:
            found.append(repr(value))


def kept_text(error: BaseException) -> str:
    """Everything ``error`` shows or keeps, as one text (see the module docstring).

    Args:
        error: The error a test caught.

    Returns:
        The text, lines joined.
    """
    found = ["".join(traceback.format_exception(error))]
    _walk(error, found, set())
    found.append(pickle.dumps(error).decode("latin-1"))
    return "\n".join(found)


def leaked(error: BaseException, secrets: Iterable[str]) -> list[str]:
    """The secrets that ``kept_text(error)`` holds, in any letter case.

    Args:
        error: The error a test caught.
        secrets: The secrets no error may keep.

    Returns:
        The secrets found (empty when none is).
    """
    text = kept_text(error).lower()
    return [secret for secret in secrets if secret.lower() in text]
