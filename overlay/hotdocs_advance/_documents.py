"""Where a downloaded document goes: a safe file name, and a file written whole or not at all.

The clients' ``download_document`` streams the body into a `Target`, which does no network
I/O of its own:

- a file path: the bytes go to a temporary file beside it (``.<name>.<random>.part``, in the
  same directory, so the rename cannot cross file systems), which is renamed over the path
  only once the body is complete; a failed or interrupted download removes it, so nothing
  truncated ever stands under the final name. CHOICE: the file is not synced to disk
  first unless asked (``sync=True``), as curl, wget and httpx's users do not: syncing costs
  the disk's write time on top of the download (1.2 to 1.7 times as long on the bench machine),
  and only matters if the machine itself fails in the seconds after a download;
- an existing directory: the same, under the file name the answer's ``Content-Disposition``
  gives (else the document metadata's ``fileName``, else ``<document id><extension>``),
  reduced to a bare, portable file name by `safe_file_name` (never a path);
- an open binary file: written in place; a retry rewinds it to where it was (when it can
  seek) and a failure puts it back there.
"""

from __future__ import annotations

import abc
import contextlib
import io
import mimetypes
import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, Final, Protocol, TypeVar, cast

from ._errors import InvalidArgumentError
from ._results import Document

__all__ = [
    "Destination",
    "Target",
    "Writable",
    "arun",
    "fallback_file_name",
    "run",
    "safe_file_name",
    "target",
    "unique_file_names",
]

R = TypeVar("R")


class Writable(Protocol):
    """A binary file open for writing: anything with ``write(bytes)``.

    ``seekable``, ``tell``, ``seek``, ``truncate`` and ``flush`` are used when it has them.
    """

    def write(self, data: bytes, /) -> object:
        """Write bytes (a raw file may write fewer and say how many)."""


#: What a download's ``destination`` may be.
Destination = str | os.PathLike[str] | Writable

_PART_SUFFIX: Final = ".part"
# The longest file name most file systems take (ext4, APFS, NTFS: 255 bytes or UTF-16 units).
_MAX_NAME_BYTES: Final = 255
# What a part file's name keeps of the final name, so that it stays within the limit too.
_PART_STEM_BYTES: Final = 120
# Characters no portable file name holds (Windows refuses these; "/" and "\\" separate).
_UNSAFE: Final = re.compile(r'[<>:"|?*\\/]')
# Device names Windows reserves, whatever the extension.
_RESERVED: Final = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?")
# Control, format (bidirectional overrides that disguise an extension) and separator characters.
_INVISIBLE: Final = frozenset({"Cc", "Cf", "Zl", "Zp"})
_MAX_SUFFIX: Final = 16


def _truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` UTF-8 bytes, on a character boundary."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_file_name(name: str | None) -> str | None:
    r"""Reduce a file name a server sent to a bare file name that is safe to create.

    Only the last component of a path survives (``../../etc/passwd`` gives ``passwd``,
    ``C:\x\a.docx`` gives ``a.docx``); control and format characters (bidirectional
    overrides among them), characters Windows refuses and unencodable ones become ``_``;
    leading dots (hidden files, ``..``), surrounding spaces and trailing dots go; Windows
    device names (``CON``, ``nul.txt``) get a leading ``_``; and the name is cut to 255 UTF-8
    bytes, keeping its extension.

    Args:
        name: The name as sent (``Content-Disposition`` or the document metadata), or None.

    Returns:
        The safe name, or None when nothing usable is left.
    """
    if not name:
        return None
    base = re.split(r"[/\\]", name)[-1]
    base = base.encode("utf-8", errors="replace").decode("utf-8")  # lone surrogates
    base = "".join("_" if unicodedata.category(c) in _INVISIBLE else c for c in base)
    base = _UNSAFE.sub("_", base).strip().lstrip(".").rstrip(". ")
    if not base.strip("_"):
        return None
    if _RESERVED.fullmatch(base):
        base = "_" + base
    stem, suffix = os.path.splitext(base)
    if len(suffix) > _MAX_SUFFIX or not stem:
        stem, suffix = base, ""
    return _truncate(stem, _MAX_NAME_BYTES - len(suffix.encode("utf-8"))) + suffix


def fallback_file_name(document_id: uuid.UUID, content_type: str | None) -> str:
    """Name a document the server gave no file name: its id and its type's extension.

    Args:
        document_id: The document's id.
        content_type: Its media type, if known.

    Returns:
        For example ``5e1d6c2a-3b4f-4a8e-9c7d-1f2e3d4c5b6a.docx`` (no extension for an
        unknown type).
    """
    extension = mimetypes.guess_extension(content_type) if content_type else None
    return f"{document_id}{extension or ''}"


def unique_file_names(listed: Sequence[Document]) -> list[tuple[Document, str]]:
    """Give each of a work item's documents a safe file name, unique among them (any case).

    The name is the metadata's ``file_name``, else its ``name``, else `fallback_file_name`,
    made safe by `safe_file_name`; a name taken by an earlier document gets ``-`` and the
    document id's first 8 hex digits before its extension. ``bulk-create --download`` and
    ``documents download`` both name files this way.

    Args:
        listed: The documents (``list_documents``), each with an id.

    Returns:
        Each document with its file name, in the given order.
    """
    named: list[tuple[Document, str]] = []
    taken: set[str] = set()
    for document in listed:
        assert document.id is not None
        name = safe_file_name(document.file_name) or safe_file_name(document.name)
        name = name or fallback_file_name(document.id, document.content_type)
        if name.lower() in taken:
            stem, suffix = os.path.splitext(name)
            name = f"{stem}-{document.id.hex[:8]}{suffix}"
        taken.add(name.lower())
        named.append((document, name))
    return named


def run(function: Callable[[], R]) -> R:
    """Call ``function`` (the synchronous client's twin of `arun`)."""
    return function()


async def arun(function: Callable[[], R]) -> R:
    """Call ``function`` in a worker thread, so that a slow disk does not hold the event loop."""
    import anyio.to_thread  # noqa: PLC0415 (loaded by the first download, not at import)

    return await anyio.to_thread.run_sync(function)


class Target(abc.ABC):
    """Where one download's bytes go, across its attempts (the clients drive it).

    The client calls `begin` when an attempt's answer starts, `write` for each piece, then
    `complete` once; `abandon` (any time) undoes what is not complete. ``restartable`` tells
    whether a failed attempt may be retried.
    """

    #: True when the final name comes from the server (a directory destination).
    wants_name: bool = False

    @property
    def restartable(self) -> bool:
        """Whether a new attempt can start over (always, except a file that cannot seek)."""
        return True

    @abc.abstractmethod
    def begin(self) -> None:
        """Start writing, or start over after a failed attempt."""

    @abc.abstractmethod
    def write(self, piece: bytes) -> None:
        """Write the next piece of the body."""

    @abc.abstractmethod
    def complete(self, file_name: str | None, content_type: str | None) -> Path:
        """Make the written body the result.

        Args:
            file_name: The file name the server gave, unsanitized, or None.
            content_type: The media type of the answer, if known.

        Returns:
            Where the document is.
        """

    @abc.abstractmethod
    def abandon(self) -> None:
        """Undo an incomplete download (safe to call at any time, and more than once)."""


class _PartFile(Target):
    """A path, written through a temporary part file beside it and renamed when complete."""

    def __init__(
        self, directory: Path, final: Path | None, document_id: uuid.UUID, *, sync: bool
    ) -> None:
        self._directory = directory
        self._final = final
        self._document_id = document_id
        self._sync = sync
        self._part: Path | None = None
        self._file: IO[bytes] | None = None
        self.wants_name = final is None

    def _open_part(self) -> IO[bytes]:
        stem = self._final.name if self._final else str(self._document_id)
        stem = _truncate(stem, _PART_STEM_BYTES)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        while True:
            part = self._directory / f".{stem}.{os.urandom(4).hex()}{_PART_SUFFIX}"
            try:
                # Created like any new file (0o666 less the umask), unlike mkstemp's 0o600.
                descriptor = os.open(part, flags, 0o666)
            except FileExistsError:
                continue
            self._part = part
            return os.fdopen(descriptor, "wb")

    def begin(self) -> None:
        if self._file is None:
            self._file = self._open_part()
        else:  # a retry starts over: nothing of the failed attempt is kept
            self._file.seek(0)
            self._file.truncate()

    def write(self, piece: bytes) -> None:
        assert self._file is not None
        self._file.write(piece)

    def complete(self, file_name: str | None, content_type: str | None) -> Path:
        final = self._final
        if final is None:
            name = safe_file_name(file_name) or fallback_file_name(self._document_id, content_type)
            final = self._directory / name
        file, part = self._file, self._part
        if file is None or part is None:  # an empty body never began (a test's transport)
            self.begin()
            file, part = self._file, self._part
            assert file is not None
            assert part is not None
        file.flush()
        if self._sync:  # on disk before the rename: a crash cannot leave a short file there
            os.fsync(file.fileno())
        file.close()
        os.replace(part, final)
        self._file = self._part = None
        return final

    def abandon(self) -> None:
        file, part = self._file, self._part
        self._file = self._part = None
        if file is not None:
            with contextlib.suppress(OSError):
                file.close()
        if part is not None:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)


class _OpenFile(Target):
    """An open binary file of the caller's, written in place."""

    def __init__(self, file: Writable, document_id: uuid.UUID) -> None:
        handle: Any = file  # duck-typed: the optional methods are looked up as needed
        self._file = handle
        self._document_id = document_id
        self._written = 0
        self._start: int | None = None
        try:
            if callable(getattr(handle, "seekable", None)) and handle.seekable():
                self._start = handle.tell()
        except (OSError, ValueError):
            self._start = None

    @property
    def restartable(self) -> bool:
        return self._written == 0 or self._start is not None

    def begin(self) -> None:
        if self._written:
            self._rewind()

    def _rewind(self) -> None:
        if self._start is not None:
            self._file.seek(self._start)
            self._file.truncate()
            self._written = 0

    def write(self, piece: bytes) -> None:
        view = memoryview(piece)
        while view:
            count = self._file.write(view)
            # A raw file may take part of it and say so; None (many file-likes) means all.
            done = len(view) if not isinstance(count, int) or count < 0 else count
            self._written += done
            view = view[done:]

    def complete(self, file_name: str | None, content_type: str | None) -> Path:
        if callable(getattr(self._file, "flush", None)):
            self._file.flush()
        name = getattr(self._file, "name", None)
        if isinstance(name, str):
            return Path(name)
        return Path(
            safe_file_name(file_name) or fallback_file_name(self._document_id, content_type)
        )

    def abandon(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._rewind()


def target(destination: object, document_id: uuid.UUID, *, sync: bool = False) -> Target:
    """Check a download's ``destination`` and return its target (nothing is created yet).

    Args:
        destination: A file path, an existing directory, or a binary file open for writing.
        document_id: The document, for a fallback name.
        sync: Sync a path's file to disk before renaming it (not an open file's).

    Returns:
        The target.

    Raises:
        InvalidArgumentError: The destination is none of these, or its directory is missing.
    """
    if isinstance(destination, str | os.PathLike):
        text = os.fspath(destination)
        if not isinstance(text, str) or not text:
            raise InvalidArgumentError("destination", "expected a file path, not an empty one")
        path = Path(text)
        if path.is_dir():
            return _PartFile(path, None, document_id, sync=sync)
        if text.endswith(("/", os.sep)):
            raise InvalidArgumentError("destination", f"{text!r} is not an existing directory")
        if not path.parent.is_dir():
            raise InvalidArgumentError(
                "destination", f"the directory of {text!r} does not exist (create it first)"
            )
        return _PartFile(path.parent, path, document_id, sync=sync)
    if isinstance(destination, io.TextIOBase):
        raise InvalidArgumentError("destination", "is a text file; open it in binary mode ('wb')")
    write = getattr(destination, "write", None)
    if not callable(write):
        raise InvalidArgumentError(
            "destination",
            f"expected a path or a binary file open for writing, not {type(destination).__name__}",
        )
    if getattr(destination, "closed", False):
        raise InvalidArgumentError("destination", "the file is closed")
    writable = getattr(destination, "writable", None)
    if callable(writable) and not writable():
        raise InvalidArgumentError("destination", "the file is not open for writing")
    return _OpenFile(cast("Writable", destination), document_id)
