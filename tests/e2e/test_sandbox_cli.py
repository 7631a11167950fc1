"""The sandboxes' command lines and pytest plugins, run as separate processes."""

from __future__ import annotations

import json
import os
import queue
import re
import select
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from hotdocs_advance.sandbox._seed import DEFAULT_SEED_DATA as ADVANCE_SEED
from inforouter.sandbox._seed import DEFAULT_SEED_DATA as INFOROUTER_SEED

LOGIN = {
    "ClientName": "sandbox",
    "PrincipalName": "sandbox-principal",
    "PrincipalPassword": "sandbox-password",
}


@contextmanager
def serving(module: str, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Start a sandbox CLI on a free port and yield the process and its first output line."""
    command = [sys.executable, "-m", module, "--host", "127.0.0.1", "--port", "0", *args]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            ready, _, _ = select.select([process.stdout], [], [], 30)
            assert ready, "the sandbox printed nothing within 30 s"
            yield process, process.stdout.readline().strip()
        finally:
            if process.poll() is None:
                process.kill()
            process.wait(10)


def stop(process: subprocess.Popen[str], sig: int = signal.SIGTERM) -> int:
    process.send_signal(sig)
    return process.wait(10)


def test_advance_cli_prints_its_url_serves_with_faults_and_stops() -> None:
    """The Advance CLI prints its base URL first, injects the faults asked for, exits 0 on SIGTERM."""
    with serving("hotdocs_advance.sandbox", "--fault-rate", "1", "--faults", "unavailable") as (
        process,
        line,
    ):
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/api/rest", line), line
        origin = line.removesuffix("/api/rest")
        login = httpx.post(origin + "/auth/Authorize/ServicePrincipalLogIn", json=LOGIN, timeout=5)
        assert login.status_code == 200  # the log-in is exempt from faults
        answer = httpx.get(
            f"{line}/v1.1/WorkItems/2d9f3d10-6fdb-494f-9929-955515c6f114",
            headers={"Authorization": login.text},
            timeout=5,
        )
        assert answer.status_code == 503
        assert answer.headers["retry-after"] == "0"
        assert stop(process) == 0


@pytest.mark.parametrize("module", ["hotdocs_advance.sandbox", "inforouter.sandbox"])
@pytest.mark.parametrize("allow_remote", [False, True])
def test_cli_answers_a_foreign_host_only_with_allow_remote(module: str, allow_remote: bool) -> None:
    """A Host other than a loopback name gets 421 from either CLI, unless --allow-remote."""
    with serving(module, *(["--allow-remote"] if allow_remote else [])) as (process, line):
        url = httpx.URL(line)
        with httpx.Client(timeout=5) as client:
            assert client.get(line).status_code != 421  # loopback: answered
            foreign = client.get(line, headers={"Host": f"evil.example:{url.port}"})
        assert (foreign.status_code == 421) is not allow_remote
        if not allow_remote:
            assert "--allow-remote" in foreign.text
        assert stop(process) == 0


def test_advance_cli_callback_scheme_option() -> None:
    """--callback-scheme token makes callbacks carry Authorization; an unknown scheme exits 2."""
    received: queue.Queue[dict[str, str]] = queue.Queue()

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            received.put({name.lower(): value for name, value in self.headers.items()})
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            return None

    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    item, version = "2d9f3d10-6fdb-494f-9929-955515c6f114", "7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f"
    try:
        with serving("hotdocs_advance.sandbox", "--callback-scheme", "token") as (process, line):
            origin = line.removesuffix("/api/rest")
            with httpx.Client(timeout=5) as client:
                token = client.post(origin + "/auth/Authorize/ServicePrincipalLogIn", json=LOGIN)
                auth = {"Authorization": f"Bearer {token.text}"}
                body = {
                    "name": "n",
                    "workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",
                    "templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
                }
                client.put(f"{line}/v1.1/WorkItems/{item}", json=body, headers=auth)
                client.put(
                    f"{line}/v1.1/WorkItems/{item}/Versions/{version}", json={}, headers=auth
                )
                saved = client.put(
                    f"{line}/v2.0/WorkItems/{item}/Versions/{version}/SaveAndClose",
                    json={
                        "callbackUrl": f"http://127.0.0.1:{receiver.server_address[1]}/cb",
                        "callbackSecret": "cli-secret",
                    },
                    headers=auth,
                )
                assert saved.status_code == 202, saved.text
            headers = received.get(timeout=10)
            assert headers["authorization"] == "Bearer cli-secret"
            assert "x-hotdocs-signature" not in headers
            assert stop(process) == 0
    finally:
        receiver.shutdown()
        receiver.server_close()
    result = subprocess.run(
        [sys.executable, "-m", "hotdocs_advance.sandbox", "--callback-scheme", "plain"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "'hmac', 'token'" in result.stderr


@pytest.mark.parametrize(
    ("module", "seed"),
    [("hotdocs_advance.sandbox", ADVANCE_SEED), ("inforouter.sandbox", INFOROUTER_SEED)],
)
def test_dump_seed_prints_the_default_seed(module: str, seed: dict[str, object]) -> None:
    """--dump-seed prints the default seed as JSON, a valid seed file to start from."""
    result = subprocess.run(
        [sys.executable, "-m", module, "--dump-seed"], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == seed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "not a loopback address"),
        (["--fault-rate", "2"], "between 0 and 1"),
        (["--faults", "boom"], "unknown fault kind"),
    ],
)
def test_cli_refuses_bad_options(args: list[str], message: str) -> None:
    """A public host, a rate above 1 or an unknown fault kind exits 2 with a message."""
    result = subprocess.run(
        [sys.executable, "-m", "hotdocs_advance.sandbox", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert message in result.stderr


def test_cli_reports_seed_errors(tmp_path: Path) -> None:
    """A bad seed file exits 2 naming the file and the field."""
    path = tmp_path / "seed.yaml"
    path.write_text("users: [{login: x}]\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "inforouter.sandbox", "--seed", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert f"{path}: seed.users[0].password is required" in result.stderr


PLUGIN_TESTS = """
import httpx
import pytest

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
P4 = ("authenticationTicket=abc123&taskId=456&xmlParameters=<RelatedTaskRequestModel>"
      "<RequestedAssigneeName>jdoe</RequestedAssigneeName><DueDate>2026-05-15T00:00:00</DueDate>"
      "</RelatedTaskRequestModel>")
LOGIN = {"ClientName": "sandbox", "PrincipalName": "sandbox-principal", "PrincipalPassword": "sandbox-password"}


def test_first(advance_sandbox, inforouter_sandbox):
    token = httpx.post(advance_sandbox.auth_url + "/Authorize/ServicePrincipalLogIn", json=LOGIN).text
    answer = httpx.put(
        advance_sandbox.base_url + "/v1.1/WorkItems/2d9f3d10-6fdb-494f-9929-955515c6f114",
        json={"name": "n", "workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",
              "templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"},
        headers={"Authorization": "Bearer " + token},
    )
    assert answer.status_code == 200
    assert httpx.post(inforouter_sandbox.base_url + "/CreateRelatedTask", content=P4, headers=FORM).status_code == 200
    assert 789 in inforouter_sandbox.state.tasks


def test_second_sees_fresh_state(advance_sandbox, inforouter_sandbox):
    assert advance_sandbox.state.work_items == {}
    assert 789 not in inforouter_sandbox.state.tasks
    assert advance_sandbox.tenancy == "tenancy1"


@pytest.mark.advance_sandbox(client_interviews=False)
@pytest.mark.inforouter_sandbox(error_codes=True)
def test_markers(advance_sandbox, inforouter_sandbox):
    assert advance_sandbox.state.client_interviews_enabled is False
    assert inforouter_sandbox.state.error_codes is True
"""


def test_pytest_plugins_give_fresh_sandboxes(tmp_path: Path) -> None:
    """The plugins' fixtures serve both sandboxes, reset them per test and honour the markers."""
    (tmp_path / "test_downstream.py").write_text(PLUGIN_TESTS, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-W",
            "error",
            "--strict-markers",
            "-p",
            "hotdocs_advance.sandbox.pytest_plugin",
            "-p",
            "inforouter.sandbox.pytest_plugin",
            "test_downstream.py",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
