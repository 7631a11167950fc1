"""InsecureTransportWarning: secrets bound for where the network can read them, warned once.

Nothing here leaves this machine: the non-loopback clients send through an httpx
``MockTransport`` that records and answers, or are only built (the Advance client warns at
construction, before anything is sent). pytest turns warnings into errors, so a warning a
test does not expect fails it.
"""

from __future__ import annotations

import asyncio
import os
import re
import ssl
import uuid
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import _client_core
import hotdocs_advance
import httpx
import inforouter
import pytest
from _client_core import InsecureTransportWarning, is_loopback
from hotdocs_advance import AdvanceClient, AsyncAdvanceClient, ServicePrincipal
from inforouter import AsyncInfoRouterClient, InfoRouterClient

from tests.unit.test_inforouter_client import FakeServer

TOKEN = "insecure-test-token"
PRINCIPAL = ServicePrincipal("client", "principal", "insecure-test-password")
REMOTE_HTTP = "http://docs.example.com/api/rest"
REMOTE_HTTPS = "https://docs.example.com/api/rest"
LOOPBACK_BASES = [
    "http://127.0.0.1:8080/api/rest",
    "http://127.9.8.7/api/rest",
    "http://localhost:1/api/rest",
    "http://[::1]:1/api/rest",
]
SILENCE = 'warnings.filterwarnings("ignore", category=InsecureTransportWarning)'
WORK_ITEM = uuid.UUID(int=1)
VERSION = uuid.UUID(int=2)


@contextmanager
def insecure_warnings() -> Iterator[list[str]]:
    """Record the InsecureTransportWarning messages given in the block (others stay errors)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error")
        warnings.simplefilter("always", InsecureTransportWarning)
        messages: list[str] = []
        yield messages
    messages += [str(w.message) for w in caught if w.category is InsecureTransportWarning]


def answering(status: int, json: object = None) -> tuple[httpx.MockTransport, list[str]]:
    """A transport that answers every request alike and records each URL it was sent."""
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(status, json=json)

    return httpx.MockTransport(answer), sent


def test_one_class_is_importable_from_both_packages() -> None:
    """hotdocs_advance and inforouter export the core's one UserWarning subclass."""
    assert hotdocs_advance.InsecureTransportWarning is InsecureTransportWarning
    assert inforouter.InsecureTransportWarning is InsecureTransportWarning
    assert issubclass(InsecureTransportWarning, UserWarning)
    assert "InsecureTransportWarning" in hotdocs_advance.__all__
    assert "InsecureTransportWarning" in inforouter.__all__


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.255.0.9", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LocalHost.", True),
        ("::ffff:127.0.0.1", True),
        ("128.0.0.1", False),
        ("10.0.0.1", False),
        ("0.0.0.0", False),
        ("::ffff:10.0.0.1", False),
        ("localhost.example.com", False),
        ("docs.example.com", False),
    ],
)
def test_loopback_is_127_0_0_0_8_and_1_and_localhost(host: str, loopback: bool) -> None:
    """Only this machine's own names and addresses count as loopback."""
    assert is_loopback(host) is loopback


# --------------------------------------------------------------------------- Advance


@pytest.mark.parametrize("kind", [AdvanceClient, AsyncAdvanceClient])
def test_a_token_for_a_remote_http_url_warns_once_before_anything_is_sent(
    kind: type[AdvanceClient | AsyncAdvanceClient],
) -> None:
    """The bearer token to http:// off this machine warns at construction, naming what goes in
    clear, where, and how to silence it; copies of the client do not warn again."""
    with insecure_warnings() as messages:
        client = kind(REMOTE_HTTP, auth=TOKEN)
        client.with_options(max_retries=0)
    [message] = messages
    assert message.startswith("the bearer token is sent in clear to http://docs.example.com ")
    assert SILENCE in message
    assert TOKEN not in message


def test_the_warning_points_at_the_users_line() -> None:
    """The warning's location is the caller's line, also through a classmethod."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        AdvanceClient(REMOTE_HTTP, auth=TOKEN)
        AdvanceClient.on_premise("t", "example.com", auth=TOKEN, verify=False)
    assert [w.filename for w in caught] == [__file__, __file__]


def test_a_service_principal_warns_for_each_exposed_origin() -> None:
    """The password to an http:// auth_url and the token to an http:// base are named by origin;
    over https (verified) nothing is said."""
    with insecure_warnings() as messages:
        AdvanceClient(REMOTE_HTTPS, auth=PRINCIPAL, auth_url="http://login.example.com/auth")
        AdvanceClient(REMOTE_HTTP, auth=PRINCIPAL, auth_url="https://login.example.com/auth")
        AdvanceClient(REMOTE_HTTPS, auth=PRINCIPAL)
    assert messages[0].startswith(
        "the service principal's password is sent in clear to http://login.example.com "
    )
    assert messages[1].startswith("the bearer token is sent in clear to http://docs.example.com ")
    assert len(messages) == 2
    with insecure_warnings() as messages:
        AdvanceClient(REMOTE_HTTP, auth=PRINCIPAL)  # auth_url derived: the same origin
    [message] = messages
    assert message.startswith(
        "the service principal's password and the bearer token are sent in clear to "
        "http://docs.example.com "
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda: {"verify": False},
        lambda: {"http_client": httpx.Client(verify=False)},
        lambda: {"http_client": httpx.Client(verify=_no_hostname_check())},
        lambda: {
            "http_client": httpx.Client(
                mounts={"https://": httpx.HTTPTransport(proxy="http://127.0.0.1:9", verify=False)}
            )
        },
    ],
    ids=["verify-false", "http-client-verify-false", "no-hostname-check", "proxy-verify-false"],
)
def test_an_unverified_https_connection_warns(make: Callable[[], dict[str, Any]]) -> None:
    """verify=False, or an http_client whose TLS context (its own or its proxy mount's) does not
    check certificates or host names, warns that the token can be intercepted."""
    with insecure_warnings() as messages:
        AdvanceClient(REMOTE_HTTPS, auth=TOKEN, **make())
    [message] = messages
    assert message.startswith(
        "the bearer token is sent to https://docs.example.com without TLS certificate verification"
    )
    assert SILENCE in message


def _no_hostname_check() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    return context


def test_an_http_client_that_follows_redirects_warns() -> None:
    """follow_redirects=True on a given http_client warns (a 307/308 resends the body)."""
    with insecure_warnings() as messages:
        AdvanceClient(REMOTE_HTTPS, auth=TOKEN, http_client=httpx.Client(follow_redirects=True))
    [message] = messages
    assert message.startswith("the http_client follows redirects")
    assert "follow_redirects=False" in message


def test_verified_and_uninspectable_http_clients_do_not_warn() -> None:
    """A verifying http_client is quiet; so is a custom transport, which cannot be examined."""
    transport, _ = answering(200)
    with insecure_warnings() as messages:
        AdvanceClient(REMOTE_HTTPS, auth=TOKEN, http_client=httpx.Client())
        AdvanceClient(REMOTE_HTTPS, auth=TOKEN, http_client=httpx.Client(transport=transport))
        AdvanceClient(REMOTE_HTTPS, auth=TOKEN, verify=ssl.create_default_context())
    assert messages == []


@pytest.mark.parametrize("base", LOOPBACK_BASES)
def test_loopback_never_warns(base: str) -> None:
    """http://, verify=False and a redirect-following http_client are all quiet on loopback,
    and so is a loopback http:// callback_url with a secret."""
    transport, sent = answering(202, {"status": "Saving"})
    http = httpx.Client(transport=transport, follow_redirects=True)
    with insecure_warnings() as messages:
        AdvanceClient(base, auth=PRINCIPAL, verify=False)
        client = AdvanceClient(base, auth=TOKEN, http_client=http)
        client.save_and_close(
            WORK_ITEM, VERSION, callback_url="http://127.0.0.1:9/hook", callback_secret="s"
        )
    assert messages == []
    assert len(sent) == 1


def test_a_callback_secret_over_http_warns_once_per_client() -> None:
    """A callback secret with an http:// callback_url off this machine warns before the call
    is sent, once per client (its copies included); a new client warns again."""
    transport, sent = answering(202, {"status": "Saving"})
    http = httpx.Client(transport=transport)
    client = AdvanceClient(REMOTE_HTTPS, auth=TOKEN, http_client=http)
    hook = "http://hooks.example.com/done"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(
            InsecureTransportWarning, match=re.escape("callback_url http://hooks.example.com")
        ):
            client.save_and_close(WORK_ITEM, VERSION, callback_url=hook, callback_secret="s")
    assert sent == []  # the warning came first
    with insecure_warnings() as messages:
        client.save_and_close(WORK_ITEM, VERSION, callback_url=hook, callback_secret="s")
        client.with_options(max_retries=1).save_and_close(
            WORK_ITEM, VERSION, callback_url=hook, callback_secret="s"
        )
        client.save_and_close(WORK_ITEM, VERSION, callback_url=hook)  # no secret: nothing said
        client.save_and_close(
            WORK_ITEM, VERSION, callback_url="https://hooks.example.com/", callback_secret="s"
        )
    assert messages == []  # given once already, as the error above
    assert len(sent) == 4
    other = AdvanceClient(REMOTE_HTTPS, auth=TOKEN, http_client=http)
    with insecure_warnings() as messages:
        other.save_and_close(WORK_ITEM, VERSION, callback_url=hook, callback_secret="s")
    [message] = messages
    assert "carries the callback secret or a signature made with it" in message
    assert SILENCE in message


def test_a_callback_secret_sent_to_a_remote_http_api_warns_too() -> None:
    """With an http:// API base, the callback secret itself travels in clear: said once."""
    transport, _ = answering(202, {"status": "Saving"})
    http = httpx.Client(transport=transport)
    with insecure_warnings() as messages:
        client = AdvanceClient(REMOTE_HTTP, auth=TOKEN, http_client=http)
        for _ in range(2):
            client.save_and_close(
                WORK_ITEM, VERSION, callback_url="https://h.example.com/", callback_secret="s"
            )
    assert [m.split(" (")[0] for m in messages] == [
        "the bearer token is sent in clear to http://docs.example.com",
        "the callback secret is sent in clear to http://docs.example.com",
    ]


def test_the_async_client_warns_about_callbacks_alike() -> None:
    """AsyncAdvanceClient.save_and_close warns once, before sending, the same way."""
    transport, sent = answering(202, {"status": "Saving"})

    async def run() -> list[str]:
        http = httpx.AsyncClient(transport=transport)
        async with AsyncAdvanceClient(REMOTE_HTTPS, auth=TOKEN, http_client=http) as client:
            with insecure_warnings() as messages:
                for _ in range(2):
                    await client.save_and_close(
                        WORK_ITEM,
                        VERSION,
                        callback_url="http://h.example.com/",
                        callback_secret="s",
                    )
        await http.aclose()
        return messages

    [message] = asyncio.run(run())
    assert message.startswith("callback_url http://h.example.com is http://")
    assert len(sent) == 2


# --------------------------------------------------------------------------- infoRouter

IR_REMOTE_HTTP = "http://ir.example.com/srv.asmx"


def test_an_inforouter_log_in_over_remote_http_warns_once_before_sending() -> None:
    """authenticate() to http:// off this machine warns that the password and ticket go in
    clear, before the log-in is sent, once per client."""
    server = FakeServer()
    client = InfoRouterClient(
        IR_REMOTE_HTTP, http_client=httpx.Client(transport=httpx.MockTransport(server))
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InsecureTransportWarning) as caught:
            client.authenticate("jsmith", "S3cret-Pa55word!")
    assert server.calls == []  # nothing was sent
    message = str(caught.value)
    assert message.startswith(
        "the password and the session's ticket are sent in clear to http://ir.example.com "
    )
    assert "S3cret" not in message
    assert SILENCE in message
    with insecure_warnings() as messages:
        client.authenticate("jsmith", "S3cret-Pa55word!")
        client.authenticate("jsmith", "S3cret-Pa55word!")
    assert messages == []  # said once for this client
    assert server.operations() == ["AuthenticateUser"] * 2


@pytest.mark.parametrize(
    ("options", "start"),
    [
        ({"verify": False}, "the password and the session's ticket are sent to https://"),
        (
            {"http_client": httpx.Client(verify=False)},
            "the password and the session's ticket are sent to https://",
        ),
        (
            {"http_client": httpx.Client(follow_redirects=True)},
            "the http_client follows redirects",
        ),
    ],
    ids=["verify-false", "http-client-verify-false", "follow-redirects"],
)
def test_an_exposed_inforouter_log_in_over_https_warns(options: dict[str, Any], start: str) -> None:
    """Without verification, or through a redirect-following http_client, the log-in warns;
    the warning comes first, so nothing is sent (the test raises it as an error)."""
    client = InfoRouterClient("https://ir.example.com/srv.asmx", **options)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InsecureTransportWarning, match="^" + re.escape(start)):
            client.authenticate("jsmith", "S3cret-Pa55word!")


def test_the_async_inforouter_client_warns_alike_and_loopback_stays_quiet() -> None:
    """AsyncInfoRouterClient.authenticate warns once for remote http://, never for loopback."""
    server = FakeServer()

    async def run(url: str) -> list[str]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(server))
        client = AsyncInfoRouterClient(url, http_client=http)
        with insecure_warnings() as messages:
            for _ in range(2):
                await client.authenticate("jsmith", "S3cret-Pa55word!")
        await http.aclose()
        return messages

    [message] = asyncio.run(run(IR_REMOTE_HTTP))
    assert message.startswith("the password and the session's ticket are sent in clear")
    for url in (
        "http://127.0.0.1:1/srv.asmx",
        "http://localhost/srv.asmx",
        "http://[::1]/srv.asmx",
    ):
        assert asyncio.run(run(url)) == []


def test_the_core_knows_its_own_frames() -> None:
    """A warning given from inside the core itself still points outside the SDK."""
    given = _client_core.TransportWarnings(os.path.join(os.path.dirname(__file__), "nowhere"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        given.callback("http://h.example.com/")
    [warning] = caught
    assert warning.filename == __file__
