"""Content codings of answers, decoded here with bounded output (not by httpx).

httpx decodes ``Content-Encoding`` one network chunk at a time and in full, before any size
cap can look at the result: 2 KB of ``gzip, gzip`` become 1 GiB in memory at once. The clients
therefore read the raw stream and decode it here, each step's output bounded
(``decompressobj().decompress(data, max_length)``), so the cap refuses a bomb after at most
one piece (`PIECE`) past it.

CHOICE (what a client accepts): it asks for ``gzip`` and ``deflate`` (`ACCEPT_ENCODING`,
sent on every request, whatever the httpx client's own headers say) and decodes one layer of
either. An answer with a coding it did not ask for is refused, unread, with
`ContentEncodingError`: stacked codings (``gzip, gzip``: one layer is all a server needs, and
each further one multiplies a bomb), ``br`` and ``zstd`` (httpx decodes them only when an
optional package is installed, and not with bounded output), ``compress`` and any unknown
name (httpx would pass those through undecoded). ``identity`` is no coding; ``x-gzip`` is
``gzip`` (RFC 9110, section 8.4.1.3).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Final, Protocol

import httpx

#: The codings the clients ask for and decode (one layer of one of them).
ACCEPT_ENCODING: Final = "gzip, deflate"
#: The most a decoder returns per step: the cap is overshot by at most this much.
PIECE: Final = 64 * 1024

_GZIP: Final = "gzip"
_DEFLATE: Final = "deflate"
_ALIASES: Final = {"x-gzip": _GZIP}
_GZIP_WBITS: Final = 16 + zlib.MAX_WBITS
_RAW_DEFLATE_WBITS: Final = -zlib.MAX_WBITS


class UnreadableBodyError(Exception):
    """An answer's body was not read (each client translates this into its own error).

    ``str()`` completes the phrase "a body ...".

    Attributes:
        response: The answer, unread.
    """

    def __init__(self, response: httpx.Response, problem: str) -> None:
        super().__init__(problem)
        self.response = response


class ContentEncodingError(UnreadableBodyError):
    """An answer is encoded in a way the clients did not ask for and do not decode.

    Attributes:
        codings: The codings the answer named, in the order they were applied.
    """

    def __init__(self, response: httpx.Response, codings: tuple[str, ...]) -> None:
        named = ", ".join(codings)
        super().__init__(
            response,
            f"encoded as {named!r}, where one layer of gzip or deflate is all the SDK accepts "
            f"(it asks for {ACCEPT_ENCODING!r}); it was not read",
        )
        self.codings = codings


class Decoder(Protocol):
    """Turns raw body bytes into decoded bytes, in pieces of at most `PIECE` bytes."""

    def decode(self, data: bytes) -> Iterator[bytes]:
        """Decode the next raw chunk.

        Raises:
            httpx.DecodingError: The data is not in the coding the answer names.
        """

    def finish(self) -> Iterator[bytes]:
        """Decode what is left once the raw stream has ended.

        Raises:
            httpx.DecodingError: The coded stream ended early.
        """


class _Identity:
    def decode(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def finish(self) -> Iterator[bytes]:
        return iter(())


#: The decoder of a body that is not encoded (or that httpx has already decoded).
NOT_ENCODED: Final[Decoder] = _Identity()


class _Zlib:
    """gzip (every member of a multi-member body) or deflate (zlib-wrapped or raw)."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._inflate = zlib.decompressobj(_GZIP_WBITS) if coding == _GZIP else None
        self._head = b""  # deflate: the first bytes, until they tell zlib from raw deflate
        self._started = False  # the current stream has had input
        self._done = False  # the current stream has ended

    def _deflate(self, data: bytes) -> tuple[zlib._Decompress | None, bytes]:
        # CHOICE (as httpx): "deflate" that is not zlib-wrapped (RFC 1950) is read as raw
        # deflate (RFC 1951), which some servers send. The zlib header is two bytes.
        head = self._head + data
        if len(head) < 2:
            self._head = head
            return None, b""
        zlib_wrapped = head[0] & 0x0F == 8 and (head[0] << 8 | head[1]) % 31 == 0
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else _RAW_DEFLATE_WBITS), head

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._inflate is None:
            self._inflate, data = self._deflate(data)
            if self._inflate is None:
                return
        while True:
            if self._done:
                data = self._next_member(data)
                if not data:
                    return
            self._started = self._started or bool(data)
            try:
                piece = self._inflate.decompress(data, PIECE)
            except zlib.error as exc:
                raise httpx.DecodingError(f"{self._coding}: {exc}") from None
            if piece:
                yield piece
            if self._inflate.eof:
                self._done = True
                data = self._inflate.unused_data
                continue
            data = self._inflate.unconsumed_tail
            # A full piece without input left may leave output pending: ask again with b"".
            if not data and len(piece) < PIECE:
                return

    def _next_member(self, data: bytes) -> bytes:
        if self._coding != _GZIP:
            return b""  # CHOICE (as httpx): bytes after the end of a deflate stream are ignored
        # A gzip body may hold several members (RFC 1952, section 2.2), perhaps padded with
        # NUL bytes (which the gzip module accepts too).
        data = data.lstrip(b"\0")
        if data:
            self._inflate = zlib.decompressobj(_GZIP_WBITS)
            self._started = self._done = False
        return data

    def finish(self) -> Iterator[bytes]:
        if self._inflate is None and self._head:
            raise httpx.DecodingError(f"{self._coding}: the compressed body ends early")
        yield from self.decode(b"")
        if self._started and not self._done:
            raise httpx.DecodingError(f"{self._coding}: the compressed body ends early")


def codings(response: httpx.Response) -> tuple[str, ...]:
    """Return the content codings an answer names, in the order the server applied them.

    Args:
        response: The answer.

    Returns:
        The codings, in lower case, without ``identity`` (``x-gzip`` is given as ``gzip``).
    """
    named = (
        value.strip().lower()
        for value in response.headers.get_list("content-encoding", split_commas=True)
    )
    return tuple(_ALIASES.get(name, name) for name in named if name and name != "identity")


def decoder(response: httpx.Response) -> Decoder:
    """Return the decoder for an answer's body.

    Args:
        response: The answer, not yet read.

    Returns:
        A decoder with bounded output.

    Raises:
        ContentEncodingError: The answer names more than one coding, or one that is not gzip or
            deflate.
    """
    found = codings(response)
    if not found:
        return NOT_ENCODED
    if len(found) > 1 or found[0] not in (_GZIP, _DEFLATE):
        raise ContentEncodingError(response, found)
    return _Zlib(found[0])
