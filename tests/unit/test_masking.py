"""The shared core's masking rule (``_client_core._redact``): known places, long secrets."""

from __future__ import annotations

import gzip
import pickle
import traceback

import httpx
import pytest
import zeep.exceptions
from _client_core import MIN_SECRET_IN_TEXT, MaskedException, Masker, raise_from
from lxml import etree

LONG = "long-secret-4711"
FIELDS = ("PrincipalPassword", "AuthenticationTicket", "PWD", "ticket")
MASK = Masker(["0", "t", LONG], fields=FIELDS)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (
            '{"PrincipalPassword": "0", "ClientName": "c"}',
            '{"PrincipalPassword": "***", "ClientName": "c"}',
        ),
        ('{"principalpassword": "a\\"b"}', '{"principalpassword": "***"}'),
        ("{'authorization': 'Bearer t', 'host': 'h'}", "{'authorization': '***', 'host': 'h'}"),
        ("[(b'authorization', b'Bearer t')]", "[(b'authorization', b'***')]"),
        ('{\\"PWD\\": \\"0\\", \\"x\\": \\"1\\"}', '{\\"PWD\\": \\"***\\", \\"x\\": \\"1\\"}'),
        (
            "<ns0:PWD>0</ns0:PWD><ns0:UID>jdoe</ns0:UID>",
            "<ns0:PWD>***</ns0:PWD><ns0:UID>jdoe</ns0:UID>",
        ),
        (
            "&lt;authenticationTicket&gt;t&lt;/authenticationTicket&gt;",
            "&lt;authenticationTicket&gt;***&lt;/authenticationTicket&gt;",
        ),
        (
            '<root success="true" ticket="t" userid="10"/>',
            '<root success="true" ticket="***" userid="10"/>',
        ),
        (
            "/srv.asmx/GetTask?authenticationTicket=t&taskId=10",
            "/srv.asmx/GetTask?authenticationTicket=***&taskId=10",
        ),
        ("UID=jdoe&PWD=0", "UID=jdoe&PWD=***"),
        (
            "Authorization: Bearer t\r\nHost: 127.0.0.1:8080",
            "Authorization: ***\r\nHost: 127.0.0.1:8080",
        ),
        ("Illegal header value b'Bearer t'", "Illegal header value b'Bearer ***'"),
        ("https://user:0@host:8080/x", "https://user:***@host:8080/x"),
    ],
)
def test_known_places_are_masked_whole_whatever_the_value(text: str, masked: str) -> None:
    """A header, a JSON member, an XML element or attribute, a query or form parameter, a
    Bearer token and URL user info are masked whole, even for one-character secrets."""
    assert MASK.text(text) == masked
    assert Masker(fields=FIELDS).text(text) == masked  # the place is enough, the value unknown


@pytest.mark.parametrize(
    "text",
    [
        "[900] Authentication failed",
        "PUT http://127.0.0.1:8080/api/rest/v2.0/WorkItems/2d9f3d10 failed: 404 Not Found",
        "the token t is not the ticket",
        "attempt 0 of 3",
    ],
)
def test_short_secrets_leave_free_text_alone(text: str) -> None:
    """Outside their known places, secrets shorter than 8 characters are not masked: no
    digit of a status, port or id is starred (which would also reveal the secret)."""
    assert MIN_SECRET_IN_TEXT == 8
    assert MASK.text(text) == text


@pytest.mark.parametrize(
    "shown",
    [LONG, LONG.upper(), f'"{LONG}"', f"x{LONG}y"],
)
def test_long_secrets_are_masked_anywhere_in_any_case(shown: str) -> None:
    """A secret of 8 characters or more is masked wherever it shows, in any case."""
    masked = MASK.text(f"the server said {shown}.")
    assert LONG.lower() not in masked.lower()
    assert "***" in masked


def test_encoded_forms_of_a_long_secret_are_masked() -> None:
    """A long secret with characters that get encoded is found URL-encoded, JSON- and
    XML-escaped too."""
    secret = 'pa ss&w"rd<é>'
    mask = Masker([secret])
    for form in (
        "pa%20ss%26w%22rd%3C%C3%A9%3E",
        "pa+ss%26w%22rd%3C%C3%A9%3E",
        'pa ss&w\\"rd<\\u00e9>',
        "pa ss&amp;w&quot;rd&lt;é&gt;",
    ):
        assert mask.text(f"x {form} y") == "x *** y", form


def test_json_data_is_masked_by_member_and_by_value() -> None:
    """A JSON body's secret members are masked whatever their value; strings as free text."""
    data = {"PrincipalPassword": 5, "detail": [f"echo {LONG}"], "ok": 0}
    assert MASK.data(data) == {"PrincipalPassword": "***", "detail": ["echo ***"], "ok": 0}


def test_a_kept_request_and_response_hold_no_credentials() -> None:
    """The copies drop credential headers, mask URLs, headers and bodies, copy the history,
    keep the decoded body as read (no second gzip decoding) and pickle without a secret."""
    login = httpx.Request("POST", "https://h/auth", json={"PrincipalPassword": "0"})
    earlier = httpx.Response(307, request=login)
    request = httpx.Request(
        "PUT",
        f"https://h/x?authenticationTicket=t&q={LONG}",
        headers={"Authorization": "Bearer t", "Cookie": "s=1", "X-Trace": LONG},
        content=b'{"PWD": "0"}',
    )
    response = httpx.Response(
        400,
        headers={"Content-Encoding": "gzip", "Set-Cookie": "s=2", "X-Echo": f"Bearer t {LONG}"},
        content=gzip.compress(f"echo {LONG}".encode()),
        request=request,
        history=[earlier],
    )
    kept = MASK.response(response)
    assert kept.content == b"echo ***"
    assert kept.text == "echo ***"
    assert "set-cookie" not in kept.headers
    assert kept.headers["x-echo"] == "Bearer *** ***"
    assert str(kept.request.url) == "https://h/x?authenticationTicket=***&q=***"
    assert "authorization" not in kept.request.headers
    assert "cookie" not in kept.request.headers
    assert kept.request.headers["x-trace"] == "***"
    assert kept.request.content == b'{"PWD": "***"}'
    assert kept.history[0].request.content == b'{"PrincipalPassword":"***"}'
    assert MASK.response(kept) is kept  # a kept copy is not copied again
    pickled = pickle.dumps(kept)
    for secret in (LONG.encode(), b"Bearer t", b'"0"'):
        assert secret not in pickled
    again = pickle.loads(pickled)
    assert (again.status_code, again.content, again.request.url) == (
        400,
        b"echo ***",
        kept.request.url,
    )


def test_a_masked_exception_is_a_copy_of_the_same_class_chain_included() -> None:
    """A foreign exception is copied with the same class, masked arguments and attributes,
    its request copied, its XML detail masked, its cause and context masked too, and its
    traceback kept; the original is left unchanged."""
    request = httpx.Request("GET", "https://h/x?PWD=0", headers={"Authorization": "Bearer t"})
    detail = etree.fromstring(f"<d><PWD>0</PWD><n>{LONG}</n></d>")
    try:
        try:
            raise OSError(111, f"refused {LONG}")
        except OSError as inner:
            raise zeep.exceptions.Fault(f"fault {LONG}", code="c", detail=detail) from inner  # type: ignore[no-untyped-call]
    except zeep.exceptions.Fault as caught:
        original = caught
    copy = MASK.exception(original)
    assert type(copy) is zeep.exceptions.Fault
    assert (str(copy), copy.code) == ("fault ***", "c")
    assert etree.tostring(copy.detail) == b"<d><PWD>***</PWD><n>***</n></d>"
    assert isinstance(copy.__cause__, OSError)
    assert (copy.__cause__.errno, copy.__cause__.strerror) == (111, "refused ***")
    assert copy.__traceback__ is original.__traceback__
    assert LONG not in "".join(traceback.format_exception(copy))
    assert LONG in str(original)
    connect = MASK.exception(httpx.ConnectError("refused", request=request))
    assert isinstance(connect, httpx.ConnectError)
    assert "authorization" not in connect.request.headers
    assert str(connect.request.url) == "https://h/x?PWD=***"


def test_an_exception_that_cannot_be_copied_has_a_stand_in() -> None:
    """An lxml error (whose message lives in C fields) becomes a MaskedException naming it."""
    with pytest.raises(etree.XMLSyntaxError) as caught:
        etree.fromstring(f"<{LONG}><b></{LONG}>")
    copy = MASK.exception(caught.value)
    assert type(copy) is MaskedException
    assert str(copy).startswith("lxml.etree.XMLSyntaxError: ")
    assert LONG not in str(copy)


def test_raise_from_keeps_no_context() -> None:
    """raise_from raises from the given cause and drops the exception being handled."""

    def translate() -> None:
        try:
            raise KeyError(LONG)
        except KeyError as exc:
            raise_from(RuntimeError("ours"), MASK.exception(exc))

    with pytest.raises(RuntimeError) as caught:
        translate()
    assert caught.value.__context__ is None
    assert caught.value.__suppress_context__
    assert isinstance(caught.value.__cause__, KeyError)
    assert LONG not in "".join(traceback.format_exception(caught.value))
