"""The shared core decodes answers itself, with bounded output, and refuses what it did not ask."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib
from collections.abc import Iterator

import httpx
import pytest
from _client_core import (
    ACCEPT_ENCODING,
    BodyTooLargeError,
    ContentEncodingError,
    read_capped,
    send_capped,
)
from _client_core._encoding import PIECE
from hypothesis import given
from hypothesis import strategies as st

TEXT = b"The quick brown fox jumps over the lazy dog. " * 2000  # 90 kB, compressible


def deflated(data: bytes, wbits: int = zlib.MAX_WBITS) -> bytes:
    """``data`` compressed as zlib (15), raw deflate (-15) or gzip (31)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


def response(body: bytes | Iterator[bytes], encoding: str | None) -> httpx.Response:
    """A streamed, unread answer with the given Content-Encoding."""
    headers = {} if encoding is None else {"Content-Encoding": encoding}
    chunks = [body] if isinstance(body, bytes) else list(body)
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(b"".join(chunks)))


def chunked(body: bytes, sizes: list[int]) -> httpx.Response:
    """An answer whose raw stream arrives in pieces of the given sizes (then the rest)."""

    class Pieces(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            rest = body
            for size in sizes:
                piece, rest = rest[:size], rest[size:]
                if piece:
                    yield piece
            if rest:
                yield rest

    return httpx.Response(200, headers={"Content-Encoding": "gzip"}, stream=Pieces())


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        (None, TEXT),
        ("identity", TEXT),
        ("gzip", gzip.compress(TEXT)),
        ("x-gzip", gzip.compress(TEXT)),
        ("GZIP", gzip.compress(TEXT)),
        ("gzip, identity", gzip.compress(TEXT)),
        ("deflate", deflated(TEXT)),
        ("deflate", deflated(TEXT, -zlib.MAX_WBITS)),  # raw deflate, as some servers send
        ("gzip", gzip.compress(TEXT[:10]) + gzip.compress(TEXT[10:])),  # two members
        ("gzip", gzip.compress(TEXT) + b"\0" * 8),  # NUL padding, as the gzip module allows
        ("deflate", deflated(TEXT) + b"trailing"),  # ignored, as httpx does
        ("gzip", b""),  # no body at all (a HEAD, a 204)
    ],
)
def test_one_layer_of_gzip_or_deflate_is_decoded(encoding: str | None, body: bytes) -> None:
    """gzip (x-gzip, any case, several members) and deflate (zlib or raw) decode to the text."""
    expected = b"" if not body else TEXT
    assert read_capped(response(body, encoding)).content == expected


@given(st.lists(st.integers(min_value=1, max_value=300), max_size=30))
def test_a_gzip_stream_decodes_the_same_however_it_is_split(sizes: list[int]) -> None:
    """Chunk boundaries anywhere (inside the header, between members) change nothing."""
    body = gzip.compress(TEXT[:3000]) + gzip.compress(TEXT[3000:6000])
    assert read_capped(chunked(body, sizes)).content == TEXT[:6000]


def test_output_that_is_still_pending_when_the_input_is_used_up_is_read() -> None:
    """A chunk that decodes to many pieces is read whole, not cut at the first piece."""
    zeros = bytes(5 * PIECE + 123)
    assert read_capped(response(deflated(zeros), "deflate")).content == zeros


@pytest.mark.parametrize(
    "encoding", ["gzip, gzip", "deflate, gzip", "br", "zstd", "compress", "x-unknown", "gzip, br"]
)
def test_codings_the_core_did_not_ask_for_are_refused_unread(encoding: str) -> None:
    """Stacked codings and any coding but gzip or deflate raise ContentEncodingError unread."""
    answer = response(gzip.compress(TEXT), encoding)
    with pytest.raises(ContentEncodingError, match="one layer of gzip or deflate") as caught:
        read_capped(answer)
    assert caught.value.response is answer
    assert answer.num_bytes_downloaded == 0  # nothing was read
    assert answer.is_closed


def test_stacked_codings_over_several_header_lines_are_refused() -> None:
    """Two Content-Encoding lines stack just as a list in one line does."""
    answer = httpx.Response(
        200,
        headers=[("Content-Encoding", "gzip"), ("Content-Encoding", "gzip")],
        stream=httpx.ByteStream(b""),
    )
    with pytest.raises(ContentEncodingError) as caught:
        read_capped(answer)
    assert caught.value.codings == ("gzip", "gzip")


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(TEXT)[:-20]),  # cut short inside the stream
        ("gzip", b"not gzip at all"),
        ("deflate", deflated(TEXT)[:100]),
        ("gzip", gzip.compress(TEXT) + b"garbage"),  # not a further member
        ("deflate", b"x"),  # one byte: not even a header
    ],
)
def test_a_body_not_in_its_coding_is_a_decoding_error(encoding: str, body: bytes) -> None:
    """Corrupt or truncated streams raise httpx.DecodingError (each client translates it)."""
    with pytest.raises(httpx.DecodingError):
        read_capped(response(body, encoding))


@pytest.mark.parametrize("wbits", [31, 15, -15], ids=["gzip", "deflate", "raw-deflate"])
def test_a_bomb_is_refused_one_piece_past_the_cap(wbits: int) -> None:
    """50 MB of zeros in 50 kB is refused past a 1 MB cap, with memory near the cap only."""
    bomb = deflated(bytes(50 * 2**20), wbits)
    answer = response(bomb, "gzip" if wbits > 16 else "deflate")
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLargeError, match=f"larger than {2**20} bytes"):
            read_capped(answer, 2**20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20 + 4 * PIECE + 512 * 1024, f"peak {peak / 2**20:.2f} MiB"


def test_encoded_bytes_count_against_the_cap_too() -> None:
    """Endless empty deflate blocks (input that decodes to nothing) end at the cap."""
    empty_block = b"\x00\x00\x00\xff\xff"  # a stored block of length 0
    answer = response(empty_block * 1000, "deflate")
    with pytest.raises(BodyTooLargeError):
        read_capped(answer, 4000)


def test_a_body_httpx_has_already_read_is_checked_as_it_is() -> None:
    """A mocked answer built with content= (read on construction) is kept, or refused."""
    assert read_capped(httpx.Response(200, content=b"abc"), 3).content == b"abc"
    with pytest.raises(BodyTooLargeError):
        read_capped(httpx.Response(200, content=b"abcd"), 3)


def test_every_request_asks_for_what_the_core_decodes_only() -> None:
    """Accept-Encoding is gzip and deflate, whatever the httpx client's own headers say."""
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["accept-encoding"])
        return httpx.Response(200, headers={"Content-Encoding": "gzip"}, content=b"")

    for headers in ({}, {"Accept-Encoding": "br, zstd, gzip"}):
        with httpx.Client(transport=httpx.MockTransport(answer), headers=headers) as client:
            send_capped(client, client.build_request("GET", "http://127.0.0.1:9/"))
    assert seen == [ACCEPT_ENCODING, ACCEPT_ENCODING] == ["gzip, deflate"] * 2
