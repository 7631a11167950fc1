"""No secret in any infoRouter error, its chain or its pickle, on every binding (issue 13).

Hostile `RawServer`s on loopback echo every request whole (method, URL with its query,
headers, body: the SOAP envelope with ``PWD`` or ``authenticationTicket``, the form, the
HTTP GET query) in a SOAP fault's string and detail, in an HTML error page, in the message
of a ``success="false"`` answer, and in a malformed answer head (which h11 quotes in its
exception). The errors of `InfoRouterClient` (SOAP 1.1, SOAP 1.2, HTTP POST, HTTP GET) and
`AsyncInfoRouterClient` (SOAP 1.1, SOAP 1.2) must keep neither the password nor the ticket
anywhere (`tests.leaks.kept_text`: ``traceback.format_exception``, the whole cause chain,
the attributes, the pickle) and must pickle back to the same class, message and fields.

Long secrets are also echoed in free text; short ones (under the masking rule's 8
characters) only at their known places, the only places the rule masks them.
"""

from __future__ import annotations

import html
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
import zeep.exceptions
from inforouter import (
    AuthenticationFailedError,
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    NotFoundError,
    SoapFaultError,
)
from inforouter.sandbox import InfoRouterSandbox

from tests.clock import record_sleeps
from tests.e2e.hostile import HTML, Handler, RawRequest, RawServer, http_reply, raw_servers_at
from tests.e2e.test_inforouter_client_e2e import MODE_IDS, MODES, PARENT, Harness
from tests.e2e.test_inforouter_reliability import ENVELOPES, answer, binding_of, called_operation
from tests.leaks import leaked

USER = "jdoe"


@dataclass(frozen=True)
class Secrets:
    """The password and the ticket of one run: echoed in free text too when ``free_text``."""

    password: str
    ticket: str
    free_text: bool

    def all(self) -> tuple[str, str]:
        return (self.password, self.ticket)


LONG = Secrets("Echo-User-Passw0rd-99", "5C1D8E2A-7F3B-4C9D-A1E2-0B3C4D5E6F70", True)
# Short secrets that occur nowhere else (ids, ports, pickle opcodes) by chance.
SHORT = Secrets("Zq!7", "Tk~3", False)


def echo(request: RawRequest, secrets: Secrets) -> str:
    """The whole request as text, as a careless server quotes it."""
    lines = [f"{request.method} {request.path}"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    lines.append(request.body.decode())
    text = "\n".join(lines)
    if secrets.free_text:  # quote what this request carried, in prose too
        text += f"\nyou sent {' and '.join(s for s in secrets.all() if s in text)}"
    return text


def soap_fault(request: RawRequest, secrets: Secrets) -> bytes:
    """A SOAP fault (of the request's version) quoting the request in its string and detail;
    the detail also holds the request's envelope as XML."""
    binding = binding_of(request)
    namespace, content_type = ENVELOPES[binding]
    text = html.escape(echo(request, secrets))
    envelope = request.body.decode().partition("?>")[2] or request.body.decode()
    detail = f"<echo>{text}</echo>{envelope}"
    if binding == "soap11":
        fault = (
            f"<faultcode>soap:Server</faultcode><faultstring>{text}</faultstring>"
            f"<detail>{detail}</detail>"
        )
    else:
        fault = (
            "<soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>"
            f'<soap:Reason><soap:Text xml:lang="en">{text}</soap:Text></soap:Reason>'
            f"<soap:Detail>{detail}</soap:Detail>"
        )
    body = (
        f'<soap:Envelope xmlns:soap="{namespace}"><soap:Body><soap:Fault>{fault}'
        "</soap:Fault></soap:Body></soap:Envelope>"
    )
    return http_reply(body.encode(), content_type=content_type, status="500 Internal Server Error")


def server_error(request: RawRequest, secrets: Secrets) -> bytes:
    """A fault over SOAP; an HTML error page quoting the request over HTTP GET and POST."""
    if binding_of(request) in ENVELOPES:
        return soap_fault(request, secrets)
    page = f"<html><body><pre>{html.escape(echo(request, secrets))}</pre></body></html>"
    return http_reply(page.encode(), content_type=HTML, status="500 Internal Server Error")


def failure(code: int, request: RawRequest, secrets: Secrets) -> bytes:
    """A ``success="false"`` answer whose message quotes the request."""
    message = html.escape(f"[{code}] echo: {echo(request, secrets)}", quote=True)
    return answer(request, f'<response xmlns="" success="false" error="{message}" />')


def malformed_head(request: RawRequest, secrets: Secrets) -> bytes:
    """An answer head with an illegal line quoting the request (h11 quotes it)."""
    bad = " | ".join(echo(request, secrets).split())
    return f"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nbad {bad}\r\n\r\n".encode()


Reply = Callable[[RawRequest, Secrets], bytes]


def handler(secrets: Secrets, *, login: Reply | None, task: Reply | None) -> Handler:
    """Answer AuthenticateUser with ``login`` (None: a ticket) and the rest with ``task``."""

    def handle(request: RawRequest) -> bytes:
        if called_operation(request) == "AuthenticateUser":
            if login is not None:
                return login(request, secrets)
            inner = f'<root xmlns="" success="true" ticket="{secrets.ticket}" userid="42" />'
            return answer(request, inner)
        assert task is not None
        return task(request, secrets)

    return handle


@dataclass(frozen=True)
class Scenario:
    """Which call meets which hostile answer, and the error each binding must raise."""

    name: str
    login: Reply | None
    task: Reply | None
    soap: type[InfoRouterError]
    http: type[InfoRouterError]


SCENARIOS = [
    Scenario("log-in fault", server_error, None, SoapFaultError, InfoRouterHTTPError),
    Scenario(
        "log-in refused",
        lambda r, s: failure(900, r, s),
        None,
        AuthenticationFailedError,
        AuthenticationFailedError,
    ),
    Scenario("log-in malformed", malformed_head, None, *(InfoRouterConnectionError,) * 2),
    Scenario("task fault", None, server_error, SoapFaultError, InfoRouterHTTPError),
    Scenario("task failure", None, lambda r, s: failure(2285, r, s), *(NotFoundError,) * 2),
    Scenario("task malformed", None, malformed_head, *(InfoRouterConnectionError,) * 2),
]


@pytest.fixture
def raw_servers() -> Iterator[Callable[[Handler], RawServer]]:
    """Start RawServers (at the service's .asmx path) on demand; stop them all at the end."""
    with raw_servers_at("/srv.asmx") as start:
        yield start


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the client's retry waits instead of sleeping."""
    return record_sleeps(monkeypatch)


@pytest.fixture(params=MODES, ids=MODE_IDS)
def harness(request: pytest.FixtureRequest) -> Iterator[Harness]:
    """A Harness for RawServers, for every binding of both clients."""
    mode, binding = request.param
    made = Harness(mode, binding, url="")
    try:
        yield made
    finally:
        made.close()


def check_kept_safely(error: InfoRouterError, secrets: Secrets) -> None:
    """No secret anywhere in the error; it pickles back to the same class and fields."""
    assert leaked(error, secrets.all()) == []
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (str(copy), copy.args, vars(copy)) == (str(error), error.args, vars(error))


@pytest.mark.parametrize("secrets", [LONG, SHORT], ids=["long", "short"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_no_secret_in_any_error_a_hostile_server_provokes(
    harness: Harness,
    scenario: Scenario,
    secrets: Secrets,
    raw_servers: Callable[[Handler], RawServer],
    sleeps: list[float],
) -> None:
    """A server echoing every request (password, ticket) in a SOAP fault, an error page, a
    success="false" message or a malformed head gets a typed error that keeps no secret, on
    every binding, sync and async, and the error pickles."""
    server = raw_servers(handler(secrets, login=scenario.login, task=scenario.task))
    client = harness.client(server.url, max_retries=1)
    expected = scenario.soap if harness.binding in ENVELOPES else scenario.http
    with pytest.raises(InfoRouterError) as caught:
        client.authenticate(USER, secrets.password).get_task(PARENT)
    error = caught.value
    assert type(error) is expected, error
    check_kept_safely(error, secrets)
    if isinstance(error, SoapFaultError):  # raised from a masked copy of zeep's fault
        fault = error.__cause__
        assert isinstance(fault, zeep.exceptions.Fault)
        assert "***" in str(fault)
        assert fault.detail is not None
    if isinstance(error, InfoRouterConnectionError):  # from a masked copy of httpx's error
        assert isinstance(error.__cause__, httpx.RemoteProtocolError)
        assert "***" in str(error.__cause__)


# --------------------------------------------------------------------------- short secrets


def test_a_one_character_password_does_not_garble_messages(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """A wrong password "0" is masked at its known places only: the sandbox's refusal reads
    "[900] ..." (not "[9******]"), on every binding."""
    client = harness.client(inforouter_sandbox.base_url)
    with pytest.raises(AuthenticationFailedError) as caught:
        client.authenticate(USER, "0")
    assert caught.value.code == 900
    assert str(caught.value).startswith("[900] ")
    assert "*" not in str(caught.value)
    assert str(pickle.loads(pickle.dumps(caught.value))) == str(caught.value)
