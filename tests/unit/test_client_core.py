"""The shared core: one Retry-After reading, one cap, one TLS context, one hardened parser."""

from __future__ import annotations

import email.utils
import ssl

import _client_core
import httpx
import pytest
from _client_core import (
    MAX_RETRY_AFTER,
    BodyTooLargeError,
    DoctypeRefusedError,
    check_timeout,
    parse_retry_after,
    parse_untrusted,
    read_capped,
    redact,
    ssl_context,
)
from hotdocs_advance import MAX_RESPONSE_BYTES
from inforouter import _transport as inforouter_transport

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("7", 7.0),
        ("1.5", 1.5),
        (" 0 ", 0.0),
        ("3600", MAX_RETRY_AFTER),
        (email.utils.formatdate(NOW + 30, usegmt=True), 30.0),
        (email.utils.formatdate(NOW - 30, usegmt=True), 0.0),
        (email.utils.formatdate(NOW + 7200, usegmt=True), MAX_RETRY_AFTER),
    ],
)
def test_retry_after_reads_seconds_fractions_and_dates_capped(value: str, seconds: float) -> None:
    """Delta-seconds (with a fraction), HTTP dates (a past one is no wait), capped at 60 s."""
    assert parse_retry_after(value, now=NOW) == pytest.approx(seconds)


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "nan", "Mon, 99 Foo 2026"])
def test_an_unusable_retry_after_is_none(value: str | None) -> None:
    """Absent, negative or unreadable values give None, so the caller backs off instead."""
    assert parse_retry_after(value, now=NOW) is None


def test_both_packages_read_bodies_with_the_same_cap() -> None:
    """The Advance and infoRouter caps are the core's one constant."""
    assert MAX_RESPONSE_BYTES == _client_core.MAX_RESPONSE_BYTES
    assert inforouter_transport.DEFAULT_MAX_RESPONSE_BYTES == _client_core.MAX_RESPONSE_BYTES


def _streamed(content: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(200, headers=headers, stream=httpx.ByteStream(content))


def test_capped_reads_keep_small_bodies_and_refuse_large_ones() -> None:
    """A body within the cap is kept; one past it (declared or streamed) is refused unread."""
    assert read_capped(_streamed(b"abc"), 3).content == b"abc"
    with pytest.raises(BodyTooLargeError, match="larger than 3 bytes"):
        read_capped(_streamed(b"abcd"), 3)
    with pytest.raises(BodyTooLargeError):
        read_capped(_streamed(b"", {"Content-Length": "4"}), 3)


def test_one_tls_context_per_verify_setting() -> None:
    """verify=True (and each other setting) gives the same context every time; a context is kept."""
    assert ssl_context() is ssl_context(True)
    assert ssl_context(False) is ssl_context(False)
    assert ssl_context(False) is not ssl_context(True)
    assert ssl_context(False).verify_mode == ssl.CERT_NONE
    mine = ssl.create_default_context()
    assert ssl_context(mine) is mine


@pytest.mark.parametrize("value", [0, -1, float("nan"), float("inf"), 86_401, True, "5", None])
def test_bad_timeouts_are_none(value: object) -> None:
    """Timeouts must be seconds above 0 and at most a day (or an httpx.Timeout)."""
    assert check_timeout(value) is None


def test_good_timeouts_become_httpx_timeouts() -> None:
    """Seconds become an httpx.Timeout; an httpx.Timeout is kept as it is."""
    assert check_timeout(2.5) == httpx.Timeout(2.5)
    given = httpx.Timeout(1.0, connect=3.0)
    assert check_timeout(given) is given


def test_redaction_hides_the_longest_secret_whole() -> None:
    """A secret that contains another is replaced whole; empty secrets are ignored."""
    secrets = ["abcdefgh", "abcdefgh-123", ""]
    assert redact("token abcdefgh-123 and abcdefgh", secrets) == "token *** and ***"


def test_the_parser_refuses_a_doctype_and_expands_nothing() -> None:
    """A DOCTYPE (with or without entities) is refused; plain XML parses, comments as asked."""
    bomb = b'<!DOCTYPE r [<!ENTITY a "aaaa">]><r>&a;</r>'
    with pytest.raises(DoctypeRefusedError):
        parse_untrusted(bomb)
    with pytest.raises(DoctypeRefusedError):
        parse_untrusted(b'<!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><r/>')
    root = parse_untrusted(b"<r><!-- c --><a/></r>", keep_comments=True)
    assert len(root) == 2
    assert len(parse_untrusted(b"<r><!-- c --><a/></r>")) == 1
