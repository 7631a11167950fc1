"""Both sandboxes answer only requests whose Host names this machine (against DNS rebinding).

Raw requests over real loopback sockets, so the Host header is exactly what a browser page
on a rebound name would send.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hotdocs_advance.sandbox import AdvanceSandbox
from inforouter.sandbox import InfoRouterSandbox

ADVANCE_LOGIN = (
    b'{"ClientName": "sandbox", "PrincipalName": "sandbox-principal", '
    b'"PrincipalPassword": "sandbox-password"}'
)
LOOPBACK_NAMES = ("127.0.0.1:{port}", "localhost:{port}", "LOCALHOST", "[::1]:{port}", "[::1]")
FOREIGN_NAMES = ("evil.example", "evil.example:{port}", "127.0.0.1.evil.example", "10.0.0.1")


def raw(
    port: int, host: str | None, method: str, path: str, body: bytes = b"", version: str = "1.1"
) -> tuple[int, bytes]:
    """Send one request with exactly this Host (None: no Host); return its status and body."""
    lines = [f"{method} {path} HTTP/{version}"]
    if host is not None:
        lines.append(f"Host: {host}")
    lines += ["Content-Type: application/json", f"Content-Length: {len(body)}", "Connection: close"]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(request)
        reply = b""
        while chunk := connection.recv(65536):
            reply += chunk
    head, _, content = reply.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), content


def advance_log_in(sandbox: AdvanceSandbox, host: str | None) -> tuple[int, bytes]:
    path = sandbox.auth_url.removeprefix(sandbox.origin) + "/Authorize/ServicePrincipalLogIn"
    return raw(sandbox.port, host, "POST", path, ADVANCE_LOGIN)


def inforouter_log_in(sandbox: InfoRouterSandbox, host: str | None) -> tuple[int, bytes]:
    path = sandbox.base_url.removeprefix(sandbox.origin)
    return raw(sandbox.port, host, "GET", f"{path}/AuthenticateUser?UID=jdoe&PWD=jdoe-password")


@pytest.fixture(scope="module")
def advance() -> Iterator[AdvanceSandbox]:
    with AdvanceSandbox() as running:
        yield running


@pytest.fixture(scope="module")
def inforouter() -> Iterator[InfoRouterSandbox]:
    with InfoRouterSandbox() as running:
        yield running


@pytest.mark.parametrize("name", FOREIGN_NAMES)
def test_advance_refuses_a_foreign_host_with_421(advance: AdvanceSandbox, name: str) -> None:
    """A log-in whose Host is not a loopback name gets 421 and issues no token."""
    advance.reset()
    status, body = advance_log_in(advance, name.format(port=advance.port))
    assert status == 421
    assert b"--allow-remote" in body
    assert advance.state.tokens == {}


@pytest.mark.parametrize("name", FOREIGN_NAMES)
def test_inforouter_refuses_a_foreign_host_with_421(
    inforouter: InfoRouterSandbox, name: str
) -> None:
    """An HTTP GET log-in whose Host is not a loopback name gets 421 and issues no ticket."""
    inforouter.reset()
    before = dict(inforouter.state.tickets)
    status, body = inforouter_log_in(inforouter, name.format(port=inforouter.port))
    assert status == 421
    assert b"--allow-remote" in body
    assert inforouter.state.tickets == before


def test_a_request_without_host_is_refused(
    advance: AdvanceSandbox, inforouter: InfoRouterSandbox
) -> None:
    """HTTP/1.0 may omit Host; both sandboxes then answer 421 (HTTP/1.1 without it is a 400)."""
    for sandbox in (advance, inforouter):
        status, body = raw(sandbox.port, None, "GET", "/", version="1.0")
        assert status == 421
        assert b"--allow-remote" in body
    assert raw(advance.port, None, "GET", "/")[0] == 400


@pytest.mark.parametrize("name", LOOPBACK_NAMES)
def test_loopback_names_are_answered(
    advance: AdvanceSandbox, inforouter: InfoRouterSandbox, name: str
) -> None:
    """127.0.0.1, localhost and [::1], any port and any case, reach both services."""
    advance.reset()
    assert advance_log_in(advance, name.format(port=advance.port))[0] == 200
    assert len(advance.state.tokens) == 1
    before = len(inforouter.state.tickets)
    status, body = inforouter_log_in(inforouter, name.format(port=inforouter.port))
    assert status == 200, body
    assert b'success="true"' in body
    assert len(inforouter.state.tickets) == before + 1


@pytest.mark.parametrize("kind", [AdvanceSandbox, InfoRouterSandbox])
def test_allow_remote_answers_any_host(kind: Any) -> None:
    """Constructed with allow_remote=True, a sandbox answers a foreign Host too."""
    with kind(allow_remote=True) as sandbox:
        log_in = advance_log_in if kind is AdvanceSandbox else inforouter_log_in
        assert log_in(sandbox, "evil.example")[0] == 200


def test_reset_switches_the_check_and_restores_the_constructors_setting(
    advance: AdvanceSandbox, inforouter: InfoRouterSandbox
) -> None:
    """reset(allow_remote=True) answers any Host until the next reset(), which refuses again."""
    pairs: list[tuple[Any, Callable[[Any, str | None], tuple[int, bytes]]]] = [
        (advance, advance_log_in),
        (inforouter, inforouter_log_in),
    ]
    for sandbox, log_in in pairs:
        sandbox.reset(allow_remote=True)
        try:
            assert log_in(sandbox, "evil.example")[0] == 200
        finally:
            sandbox.reset()
        assert log_in(sandbox, "evil.example")[0] == 421


@pytest.mark.advance_sandbox(allow_remote=True)
def test_the_advance_fixture_takes_allow_remote(advance_sandbox: AdvanceSandbox) -> None:
    """The advance_sandbox marker's allow_remote=True lets a foreign Host through for one test."""
    assert advance_log_in(advance_sandbox, "evil.example")[0] == 200


@pytest.mark.inforouter_sandbox(allow_remote=True)
def test_the_inforouter_fixture_takes_allow_remote(inforouter_sandbox: InfoRouterSandbox) -> None:
    """The inforouter_sandbox marker's allow_remote=True lets a foreign Host through."""
    assert inforouter_log_in(inforouter_sandbox, "evil.example")[0] == 200


def test_the_fixtures_check_the_host_by_default(
    advance_sandbox: AdvanceSandbox, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """Without the marker option, the fixtures' sandboxes refuse a foreign Host."""
    assert advance_log_in(advance_sandbox, "evil.example")[0] == 421
    assert inforouter_log_in(inforouter_sandbox, "evil.example")[0] == 421
