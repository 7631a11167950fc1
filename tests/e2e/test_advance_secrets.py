"""No secret in any HotDocs Advance error, its chain, its response or its pickle (issue 13).

Hostile `RawServer`s on loopback echo every request they get, whole (method, URL, headers,
body), in every place a server can put text: a problem body, an HTML page, a response header,
a malformed answer head (which h11 quotes in its exception), a success body of the wrong
shape, and behind a redirect the client's ``http_client`` follows. The errors the sync and
async clients raise must keep none of the password, the token or the callback secret
anywhere (`tests.leaks.kept_text`): not in ``traceback.format_exception``, not in the cause
chain, not in ``body`` or ``response`` (its request and history), not in the pickle; and
they must pickle back to the same class, message and fields.

Long secrets are also echoed in free text. Short ones (under the masking rule's 8
characters) are echoed only at their known places, the only places the rule masks them.
"""

from __future__ import annotations

import asyncio
import json
import pickle
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
from hotdocs_advance import (
    AdvanceClient,
    AdvanceError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    AsyncAdvanceClient,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import AdvanceSandbox

from tests.clock import record_sleeps
from tests.e2e.hostile import HTML, Handler, RawRequest, RawServer, http_reply, raw_servers_at
from tests.leaks import leaked

WORK_ITEM = uuid.UUID("2d9f3d10-6fdb-494f-9929-955515c6f114")
VERSION = uuid.UUID("7e5a8a7e-3b1c-4c8e-9f0a-1d2c3b4a5e6f")
JSON = "application/json; charset=utf-8"
LOGIN_PATH = "/Authorize/ServicePrincipalLogIn"


@dataclass(frozen=True)
class Secrets:
    """The secrets of one run: echoed in free text too when ``free_text``."""

    password: str
    token: str
    callback: str
    free_text: bool

    def all(self) -> tuple[str, str, str]:
        return (self.password, self.token, self.callback)


LONG = Secrets("Echo-Principal-Passw0rd", "echo-token-7f3a9c2e51", "echo-callback-4242", True)
# Short secrets that occur nowhere else (ids, ports, pickle opcodes) by chance.
SHORT = Secrets("Zq!7", "T0~k", "K@9", False)


def echo(request: RawRequest, secrets: Secrets) -> str:
    """The whole request as text, as a careless server quotes it."""
    lines = [f"{request.method} {request.path}"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    lines.append(request.body.decode())
    text = "\n".join(lines)
    if secrets.free_text:  # quote what this request carried, in prose too
        text += f"\nyou sent {' and '.join(s for s in secrets.all() if s in text)}"
    return text


def problem(status: str, request: RawRequest, secrets: Secrets) -> bytes:
    """A problem answer echoing the request in its body and, in a header, its credentials."""
    text = echo(request, secrets)
    body = json.dumps({"title": f"echo of {request.method}", "detail": text, "echo": text})
    echoed = request.headers.get("authorization") or text.splitlines()[-1]
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: application/problem+json\r\n"
        f"Content-Length: {len(body)}\r\nX-Echo: {echoed}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body.encode()


def logging_in(secrets: Secrets, then: Handler) -> Handler:
    """Answer the log-in with the token, everything else with ``then``."""

    def handle(request: RawRequest) -> bytes:
        if request.path.endswith(LOGIN_PATH):
            return http_reply(secrets.token.encode(), content_type="text/plain")
        reply = then(request)
        assert isinstance(reply, bytes)
        return reply

    return handle


Scenario = Callable[[Secrets, Callable[[Handler], RawServer]], tuple[str, type[AdvanceError]]]


def login_refused(
    secrets: Secrets, start: Callable[[Handler], RawServer]
) -> tuple[str, type[AdvanceError]]:
    """The log-in is refused with a 401 echoing it (password in its JSON body)."""
    server = start(lambda request: problem("401 Unauthorized", request, secrets))
    return server.url, AuthenticationError


def login_fails(
    secrets: Secrets, start: Callable[[Handler], RawServer]
) -> tuple[str, type[AdvanceError]]:
    """The log-in fails with a 500 echoing it, retried, then raised."""
    server = start(lambda request: problem("500 Internal Server Error", request, secrets))
    return server.url, InternalServerError


def problem_echo(
    secrets: Secrets, start: Callable[[Handler], RawServer]
) -> tuple[str, type[AdvanceError]]:
    """The call gets a 400 problem echoing it (token in a header, callback secret in JSON)."""
    server = start(logging_in(secrets, lambda r: problem("400 Bad Request", r, secrets)))
    return server.url, BadRequestError


def html_echo(
    secrets: Secrets, start: Callable[[Handler], RawServer]
) -> tuple[str, type[AdvanceError]]:
    """The call gets a 502 HTML page echoing it."""

    def page(request: RawRequest) -> bytes:
        text = f"<html><body><pre>{echo(request, secrets)}</pre></body></html>"
        return http_reply(text.encode(), content_type=HTML, status="502 Bad Gateway")

    return start(logging_in(secrets, page)).url, InternalServerError


def wrong_shape(
    secrets: Secrets, start: Callable[[Handler], RawServer]
) -> tuple[str, type[AdvanceError]]:
    """The call gets a 200 whose body is not the documented shape and echoes it."""

    def reply(request: RawRequest) -> bytes:
        body = json.dumps([echo(request, secrets)]).encode()
        return http_reply(body, content_type=JSON)

    return start(logging_in(secrets, reply)).url, APIResponseValidationError


def malformed_head(
    secrets: Secrets, start: Callable[[Handler], RawServer]
) -> tuple[str, type[AdvanceError]]:
    """The call gets an answer head with an illegal line echoing the request (h11 quotes it)."""

    def reply(request: RawRequest) -> bytes:
        # h11 quotes the first illegal line only: the whole echo goes on that one.
        bad = " | ".join(echo(request, secrets).split())
        return f"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nbad {bad}\r\n\r\n".encode()

    return start(logging_in(secrets, reply)).url, APIConnectionError


SCENARIOS: list[Scenario] = [
    login_refused,
    login_fails,
    problem_echo,
    html_echo,
    wrong_shape,
    malformed_head,
]


@pytest.fixture
def raw_servers() -> Iterator[Callable[[Handler], RawServer]]:
    """Start RawServers (at the API's base path) on demand; stop them all at the end."""
    with raw_servers_at("/api/rest") as start:
        yield start


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the client's retry waits instead of sleeping."""
    return record_sleeps(monkeypatch)


def call(
    mode: str,
    url: str,
    secrets: Secrets,
    auth_principal: tuple[str, str] = ("echo-client", "echo-principal"),
    **options: object,
) -> AdvanceError:
    """Save and close a version with a callback secret (sync or async); return the error."""
    auth = ServicePrincipal(*auth_principal, secrets.password)
    kwargs = {"callback_url": "http://127.0.0.1:9/done", "callback_secret": secrets.callback}
    if mode == "sync":
        client = AdvanceClient(url, auth=auth, max_retries=1, **options)  # type: ignore[arg-type]
        with client, pytest.raises(AdvanceError) as caught:
            client.save_and_close(WORK_ITEM, VERSION, **kwargs)
        return caught.value

    async def run() -> AdvanceError:
        async with AsyncAdvanceClient(url, auth=auth, max_retries=1, **options) as client:  # type: ignore[arg-type]
            with pytest.raises(AdvanceError) as caught:
                await client.save_and_close(WORK_ITEM, VERSION, **kwargs)
        return caught.value

    return asyncio.run(run())


def check_kept_safely(error: AdvanceError, secrets: Secrets) -> None:
    """No secret anywhere in the error; it pickles back to the same class and fields."""
    assert leaked(error, secrets.all()) == []
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), copy.args) == (str(error), error.args)
    for name in ("status_code", "body", "method", "url"):
        assert getattr(copy, name, None) == getattr(error, name, None)
    if isinstance(error, APIStatusError) and error.response is not None:
        assert isinstance(copy, APIStatusError)
        assert copy.response is not None
        assert copy.response.status_code == error.response.status_code
        assert copy.response.content == error.response.content
        assert copy.response.request.url == error.response.request.url
        assert "authorization" not in error.response.request.headers


@pytest.mark.parametrize("secrets", [LONG, SHORT], ids=["long", "short"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.__name__)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_no_secret_in_any_error_a_hostile_server_provokes(
    mode: str,
    scenario: Scenario,
    secrets: Secrets,
    raw_servers: Callable[[Handler], RawServer],
    sleeps: list[float],
) -> None:
    """A server echoing every request in a problem body, an HTML page, a header, a malformed
    head or a wrong-shaped success gets a typed error that keeps no secret and pickles."""
    url, expected = scenario(secrets, raw_servers)
    error = call(mode, url, secrets)
    assert type(error) is expected, error
    check_kept_safely(error, secrets)
    if scenario is malformed_head:  # the masked copy of h11's error is the cause
        assert isinstance(error.__cause__, httpx.RemoteProtocolError)
        assert "***" in str(error.__cause__)
    if isinstance(error, APIStatusError) and scenario is not login_refused:
        assert "***" in json.dumps(error.body)  # the echo was kept, masked


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_followed_redirect_keeps_no_log_in_body_in_the_history(
    mode: str, raw_servers: Callable[[Handler], RawServer], sleeps: list[float]
) -> None:
    """Through an http_client that follows redirects, a log-in redirected (307, body resent)
    to a 401 gives an AuthenticationError whose response history holds the first request
    without the password."""
    secrets = SHORT

    def handle(request: RawRequest) -> bytes:
        if request.path.endswith(LOGIN_PATH):
            head = "HTTP/1.1 307 Temporary Redirect\r\nLocation: /auth/again\r\n"
            return f"{head}Content-Length: 0\r\nConnection: close\r\n\r\n".encode()
        return problem("401 Unauthorized", request, secrets)

    server = raw_servers(handle)
    http: httpx.Client | httpx.AsyncClient
    http = (
        httpx.Client(follow_redirects=True)
        if mode == "sync"
        else httpx.AsyncClient(follow_redirects=True)
    )
    try:
        error = call(mode, server.url, secrets, http_client=http)
    finally:
        asyncio.run(http.aclose()) if isinstance(http, httpx.AsyncClient) else http.close()
    assert isinstance(error, AuthenticationError)
    assert error.response is not None
    first = error.response.history[0]
    assert first.status_code == 307
    assert b"PrincipalPassword" in first.request.content  # the log-in body, masked
    check_kept_safely(error, secrets)


# --------------------------------------------------------------------------- short secrets


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_one_character_secret_does_not_garble_messages(
    mode: str, advance_sandbox: AdvanceSandbox
) -> None:
    """A one-character password or callback secret is masked at its known places only: the
    URLs, ports, ids and statuses of the sandbox's error messages are shown as they are."""
    url = advance_sandbox.base_url
    refused = call(mode, url, Secrets("1", "", "2", False))
    assert isinstance(refused, AuthenticationError)
    assert f"{url.removesuffix('/api/rest')}/auth/Authorize/ServicePrincipalLogIn" in str(refused)
    assert "*" not in str(refused)
    principal = Secrets("sandbox-password", "", "1", False)
    missing = call(mode, url, principal, auth_principal=("sandbox", "sandbox-principal"))
    assert isinstance(missing, NotFoundError)
    assert f"{url}/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose" in str(missing)
    assert "failed: 404" in str(missing)
    assert "*" not in str(missing)
