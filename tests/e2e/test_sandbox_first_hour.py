"""The sandboxes as a new user first meets them: each test quotes the message that names the fix
(a missing extra, a wrong marker, a busy port), or shows the configuration working (a partial
seed, --log-requests, a client that goes away)."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx
import pytest
from hotdocs_advance.sandbox import DEFAULT_SEED, AdvanceSandbox, AdvanceSeed, Faults
from inforouter.sandbox import DEFAULT_SEED as INFOROUTER_DEFAULT_SEED
from inforouter.sandbox import InfoRouterSandbox, InfoRouterSeed

from tests.e2e.test_sandbox_cli import serving, stop

EXTRA_FIX = "pip install 'hotdocs-inforouter-clients[sandbox]'"
EXTRA_CLIENT = {
    "name": "my-client",
    "scope": "Root",
    "principalName": "my-principal",
    "principalPassword": "my-password",
}


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("statement", "missing"),
    [
        ("from hotdocs_advance.sandbox import AdvanceSandbox", "starlette"),
        ("from inforouter.sandbox import InfoRouterSandbox", "starlette"),
        (
            "from inforouter.sandbox import InfoRouterSandbox\nInfoRouterSandbox().start()",
            "uvicorn",
        ),
        ("from hotdocs_advance.sandbox import create_app", "openapi_core"),
    ],
)
def test_importing_a_sandbox_without_the_extra_names_the_fix(statement: str, missing: str) -> None:
    """Without the sandbox extra (a module of it hidden), the import fails with an error that
    says to pip install the extra, not a bare "No module named 'starlette'"."""
    result = run_python(f"import sys\nsys.modules[{missing!r}] = None\n{statement}\n")
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(
        "ModuleNotFoundError: the sandboxes need the 'sandbox' extra: " + EXTRA_FIX
    ), result.stderr


def test_faults_and_default_seed_are_importable_where_documented() -> None:
    """Faults and DEFAULT_SEED come from hotdocs_advance.sandbox and inforouter.sandbox."""
    from inforouter.sandbox import Faults as InfoRouterFaults  # noqa: PLC0415

    assert InfoRouterFaults is Faults
    assert isinstance(DEFAULT_SEED, AdvanceSeed)
    assert isinstance(INFOROUTER_DEFAULT_SEED, InfoRouterSeed)


def test_a_partial_seed_mapping_extends_the_default() -> None:
    """A seed giving only apiClients keeps the default work groups, packages and clients, and
    adds its client; a record with a default's identity (any case) replaces that one."""
    changed = {"name": "SANDBOX", "scope": "Query", "principalName": "p", "principalPassword": "q"}
    seed = AdvanceSeed.resolve({"apiClients": [EXTRA_CLIENT, changed]}, DEFAULT_SEED)
    assert [c.name for c in seed.api_clients] == ["my-client", "SANDBOX", "sandbox-reader"]
    assert seed.work_groups == DEFAULT_SEED.work_groups
    assert seed.template_packages == DEFAULT_SEED.template_packages
    nested = AdvanceSeed.resolve({"versions": {"workSeconds": 1}}, DEFAULT_SEED)
    assert nested.version_timing.work_seconds == 1.0
    assert nested.callback_scheme == DEFAULT_SEED.callback_scheme


def test_a_partial_seed_file_extends_the_default_and_replacing_is_explicit(tmp_path: Path) -> None:
    """A seed file with one user adds it to the default users (the default's task and ticket
    still work); AdvanceSeed/InfoRouterSeed.load reads a file as the whole seed, replacing."""
    path = tmp_path / "seed.json"
    user = {"login": "bob", "password": "bob-password", "id": 77, "firstName": "Bob"}
    path.write_text(json.dumps({"users": [user]}), encoding="utf-8")
    with InfoRouterSandbox(seed=path) as sandbox:
        logins = {user.login for user in sandbox.state.seed.users}
        assert {"jdoe", "asmith", "bob"} <= logins
    replaced = InfoRouterSeed.load(path)
    assert [u.login for u in replaced.users] == ["bob"]
    assert replaced.tasks == ()


def test_an_advance_sandbox_with_a_partial_seed_logs_in_both_clients() -> None:
    """The default client and a seeded one both log in against a partially seeded sandbox."""
    with AdvanceSandbox(seed={"apiClients": [EXTRA_CLIENT]}) as sandbox:
        url = sandbox.auth_url + "/Authorize/ServicePrincipalLogIn"
        for client, principal, password in (
            ("sandbox", "sandbox-principal", "sandbox-password"),
            ("my-client", "my-principal", "my-password"),
        ):
            body = {"ClientName": client, "PrincipalName": principal, "PrincipalPassword": password}
            assert httpx.post(url, json=body, timeout=5).status_code == 200


def test_the_cli_replaces_the_seed_only_with_replace_seed(tmp_path: Path) -> None:
    """--seed FILE extends the default; --replace-seed makes the file the whole seed."""
    path = tmp_path / "seed.yaml"
    path.write_text(
        "apiClients:\n  - {name: only, scope: Command, principalName: o, "
        "principalPassword: o-password}\n",
        encoding="utf-8",
    )
    default_login = {
        "ClientName": "sandbox",
        "PrincipalName": "sandbox-principal",
        "PrincipalPassword": "sandbox-password",
    }
    for extra, status in (((), 200), (("--replace-seed",), 401)):
        with serving("hotdocs_advance.sandbox", "--seed", str(path), *extra) as (process, line):
            origin = line.removesuffix("/api/rest")
            answer = httpx.post(
                origin + "/auth/Authorize/ServicePrincipalLogIn", json=default_login, timeout=5
            )
            assert answer.status_code == status, extra
            assert stop(process) == 0


def test_replace_seed_without_a_seed_is_refused() -> None:
    """--replace-seed alone is a usage error naming --seed."""
    result = subprocess.run(
        [sys.executable, "-m", "inforouter.sandbox", "--replace-seed"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "--replace-seed needs --seed FILE" in result.stderr


def test_log_requests_writes_one_masked_line_per_request() -> None:
    """--log-requests writes each answered request to stderr, the ticket masked."""
    with serving("inforouter.sandbox", "--log-requests") as (process, line):
        answer = httpx.get(
            f"{line}/GetTask", params={"authenticationTicket": "abc123", "taskId": 456}, timeout=5
        )
        assert answer.status_code == 200
        assert stop(process) == 0
        assert process.stderr is not None
        log = process.stderr.read()
    entries = [entry for entry in log.splitlines() if " GET " in entry]
    assert len(entries) == 1, log
    assert "GET /srv.asmx/GetTask?authenticationTicket=***&taskId=456 200 (" in entries[0]
    assert "abc123" not in log


def test_advance_log_requests_shows_the_log_in_without_its_password() -> None:
    """--log-requests on the Advance sandbox writes the log-in and the call it authorized, one
    line each, and never the password or the token."""
    with serving("hotdocs_advance.sandbox", "--log-requests") as (process, line):
        origin = line.removesuffix("/api/rest")
        login = httpx.post(
            origin + "/auth/Authorize/ServicePrincipalLogIn",
            json={
                "ClientName": "sandbox",
                "PrincipalName": "sandbox-principal",
                "PrincipalPassword": "sandbox-password",
            },
            timeout=5,
        )
        token = login.text.strip().strip('"')
        group = httpx.get(
            f"{line}/v1.1/WorkGroups/cb97f8d6-04a1-490a-aa09-92af12dfb305",
            headers={"Authorization": f"Bearer {token}"},
            timeout=5,
        )
        assert (login.status_code, group.status_code) == (200, 200)
        assert stop(process) == 0
        assert process.stderr is not None
        log = process.stderr.read()
    assert " POST /auth/Authorize/ServicePrincipalLogIn 200 (" in log
    assert " GET /api/rest/v1.1/WorkGroups/cb97f8d6-04a1-490a-aa09-92af12dfb305 200 (" in log
    assert "sandbox-password" not in log
    assert token not in log


@pytest.mark.parametrize("module", ["hotdocs_advance.sandbox", "inforouter.sandbox"])
def test_a_port_in_use_is_named(module: str) -> None:
    """A CLI asked for a port already taken says which port, and how to pick another."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", module, "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 1
    assert (
        f"port {port} on 127.0.0.1 is already in use (another sandbox or server is listening "
        "there): stop it, or pick another port (--port 0 picks a free one)"
    ) in result.stderr


def test_a_client_that_goes_away_mid_request_logs_no_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A client that sends half a body and leaves gets no "Exception in ASGI application"
    traceback in the sandbox's log (starlette's ClientDisconnect is normal for a server)."""
    caplog.set_level(logging.INFO)
    with AdvanceSandbox() as sandbox:
        path = "/api/rest/v1.1/WorkItems/2d9f3d10-6fdb-494f-9929-955515c6f114"
        head = (
            f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1:{sandbox.port}\r\n"
            "Authorization: Bearer x\r\nContent-Type: application/json\r\n"
            "Content-Length: 1000\r\n\r\n{"
        )
        with socket.create_connection(("127.0.0.1", sandbox.port), timeout=5) as raw:
            raw.sendall(head.encode())
            time.sleep(0.2)  # let the sandbox start reading the body
        deadline = time.monotonic() + 5
        while not any("went away" in r.getMessage() for r in caplog.records):
            if time.monotonic() > deadline:
                break
            time.sleep(0.02)
        assert httpx.get(sandbox.base_url + "/v1.1/nothing", timeout=5).status_code >= 400
    messages = [record.getMessage() for record in caplog.records]
    assert not any("Exception in ASGI application" in message for message in messages), messages
    assert not any(record.exc_info for record in caplog.records), messages
    assert sum("went away" in message for message in messages) <= 1


def run_pytest(tmp_path: Path, source: str) -> str:
    (tmp_path / "test_marked.py").write_text(textwrap.dedent(source), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout


def test_a_marker_with_a_wrong_keyword_names_the_valid_ones(tmp_path: Path) -> None:
    """@pytest.mark.advance_sandbox(sed=...) fails the test naming the marker's keywords."""
    out = run_pytest(
        tmp_path,
        """
        import pytest

        @pytest.mark.advance_sandbox(sed={})
        def test_it(advance_sandbox):
            pass
        """,
    )
    assert (
        "@pytest.mark.advance_sandbox has no keyword sed; its keywords are seed, faults, "
        "client_interviews, public_link_repeat, callback_scheme, allow_remote"
    ) in out


def test_a_marker_on_a_test_without_its_fixture_is_an_error(tmp_path: Path) -> None:
    """@pytest.mark.inforouter_sandbox on a test that does not take the fixture fails it."""
    out = run_pytest(
        tmp_path,
        """
        import pytest

        @pytest.mark.inforouter_sandbox(error_codes=True)
        def test_it():
            pass
        """,
    )
    assert (
        "@pytest.mark.inforouter_sandbox configures the inforouter_sandbox fixture, which this "
        "test does not use; add inforouter_sandbox to its arguments, or remove the marker"
    ) in out


def test_the_markers_keywords_are_the_reset_keywords() -> None:
    """The keywords a marker accepts are exactly those of its sandbox's reset()."""
    import inspect  # noqa: PLC0415

    from _sandbox_kit._pytest import keywords  # noqa: PLC0415
    from hotdocs_advance.sandbox import pytest_plugin as advance  # noqa: PLC0415
    from inforouter.sandbox import pytest_plugin as inforouter  # noqa: PLC0415

    for plugin, sandbox in ((advance, AdvanceSandbox), (inforouter, InfoRouterSandbox)):
        assert keywords(plugin.SETTINGS) == tuple(inspect.signature(sandbox.reset).parameters)[1:]


def test_the_readme_clock_lines_expire_a_ticket_and_a_token(
    advance_sandbox: AdvanceSandbox, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """The README's "The clock" lines work as written: 721 hours expire a ticket (tickets live
    720 hours from their last use), 3601 seconds a token (the client then logs in again)."""
    import datetime  # noqa: PLC0415

    from hotdocs_advance import AdvanceClient, ServicePrincipal  # noqa: PLC0415
    from inforouter import InfoRouterClient  # noqa: PLC0415

    clock = inforouter_sandbox.state.clock
    with InfoRouterClient(inforouter_sandbox.base_url) as client:
        session = client.authenticate("jdoe", "jdoe-password")
        clock.advance(datetime.timedelta(hours=719))
        session.get_task(456)  # a use: the ticket now lives 720 hours from here
        clock.advance(datetime.timedelta(hours=719))
        assert session.is_valid()
        inforouter_sandbox.state.clock.advance(datetime.timedelta(hours=721))
        assert not session.is_valid()
    auth = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
    with AdvanceClient(advance_sandbox.base_url, auth=auth) as advance:
        advance.get_work_group("cb97f8d6-04a1-490a-aa09-92af12dfb305")
        issued = set(advance_sandbox.state.tokens)
        advance_sandbox.state.clock.advance(3599)
        advance.get_work_group("cb97f8d6-04a1-490a-aa09-92af12dfb305")
        assert set(advance_sandbox.state.tokens) == issued  # still the first token
        advance_sandbox.state.clock.advance(3601)
        advance.get_work_group("cb97f8d6-04a1-490a-aa09-92af12dfb305")
        assert len(set(advance_sandbox.state.tokens) - issued) == 1  # logged in again
