"""The README's first command: the demo workflow runs, and leaks no secret at DEBUG."""

from __future__ import annotations

import logging
import os
import re
import secrets
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hotdocs_advance import sandbox as advance_sandbox
from inforouter import sandbox as inforouter_sandbox

from tests.conftest import ROOT
from tests.scripts import load_script

DEMO = ROOT / "scripts" / "_demo.py"
# The demo's variables: a test's environment has none of them unless it sets them.
UNCONFIGURED = {
    key: value
    for key, value in os.environ.items()
    if not key.startswith(("ADVANCE_", "INFOROUTER_", "DEMO_"))
}
STEPS = (
    "create work item",
    "begin assembly session",
    "save assembly session",
    "complete assembly session",
    "list documents",
    "download document",
    "get answers",
    "update one answer",
    "save and close v2.0 version",
    "callback received",
    "get version status",
    "v2.0 create and assemble",
    "wait for version",
    "create public interview link",
    "delete public interview link",
    "create related task on 456",
    "complete task",
    "log out",
)


def test_demo_runs_every_step_and_exits_zero(tmp_path: Path) -> None:
    """scripts/_demo.py, as scripts/demo runs it, completes every step against the sandboxes,
    and saves the assembled document where DEMO_OUTPUT_DIR says."""
    result = subprocess.run(
        [sys.executable, str(DEMO)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**UNCONFIGURED, "DEMO_OUTPUT_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    for step in STEPS:
        assert step in result.stdout
    assert "signature verified" in result.stdout
    assert ".docx (" in result.stdout  # the downloaded document, with its size
    (saved,) = tmp_path.iterdir()
    assert saved.suffix == ".docx"
    assert saved.read_bytes().startswith(b"PK")  # a zip: Office Open XML
    assert "Done in" in result.stdout


class _Recording(dict[str, Any]):
    """A dict that remembers every key it ever held (tokens and tickets are deleted later)."""

    def __init__(self, initial: dict[str, Any], seen: set[str]) -> None:
        super().__init__(initial)
        self.seen = seen
        seen.update(initial)

    def __setitem__(self, key: str, value: Any) -> None:
        self.seen.add(key)
        super().__setitem__(key, value)


def test_demo_leaks_no_secret_in_debug_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, capsys: Any
) -> None:
    """With DEBUG logging, no token, password, ticket or callback secret reaches logs or output."""
    issued: set[str] = set()
    callback_secret = "demo-callback-secret-0123456789"
    monkeypatch.setattr(secrets, "token_urlsafe", lambda _n=None: callback_secret)
    monkeypatch.setenv("DEMO_OUTPUT_DIR", str(tmp_path))

    class AdvanceSandbox(advance_sandbox.AdvanceSandbox):
        def __enter__(self) -> Any:
            entered = super().__enter__()
            self.state.tokens = _Recording(self.state.tokens, issued)
            return entered

    class InfoRouterSandbox(inforouter_sandbox.InfoRouterSandbox):
        def __enter__(self) -> Any:
            entered = super().__enter__()
            self.state.tickets = _Recording(self.state.tickets, issued)
            return entered

    monkeypatch.setattr(advance_sandbox, "AdvanceSandbox", AdvanceSandbox)
    monkeypatch.setattr(inforouter_sandbox, "InfoRouterSandbox", InfoRouterSandbox)
    demo = load_script("_demo")
    caplog.set_level(logging.DEBUG)
    assert demo.main() == 0

    issued -= {"abc123"}  # the seed's documented, pre-issued example ticket; never used here
    assert len(issued) >= 2, "the demo should have obtained a token and a ticket"
    captured = capsys.readouterr()
    text = "\n".join([caplog.text, captured.out, captured.err])
    assert len(caplog.records) > 10, "DEBUG logging should have recorded the workflow"
    for secret in [*issued, "sandbox-password", "jdoe-password", callback_secret]:
        assert secret not in text


def run_demo(*arguments: str, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(DEMO), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**UNCONFIGURED, **variables},
    )


def test_a_partial_real_server_configuration_names_every_missing_variable() -> None:
    """With some of a service's variables set, the demo names every missing one and what it is
    for, and every invalid value, in one message; it exits 2 having sent nothing."""
    with socket.socket() as listening:  # where the demo would connect: nothing may arrive
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        listening.setblocking(False)
        port = listening.getsockname()[1]
        result = run_demo(
            ADVANCE_BASE_URL=f"http://127.0.0.1:{port}/api/rest",
            ADVANCE_CLIENT_NAME="my-client",
            ADVANCE_WORK_GROUP_ID="not-a-guid",
            INFOROUTER_URL=f"http://127.0.0.1:{port}/srv.asmx",
            INFOROUTER_USER="jdoe",
            INFOROUTER_PARENT_TASK_ID="task 7",
        )
        with pytest.raises(BlockingIOError):
            listening.accept()
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "scripts/demo: to run against a real server, the demo needs these variables, which "
        "are not set:\n"
        "  ADVANCE_PRINCIPAL_NAME       the service principal's name\n"
        "  ADVANCE_PRINCIPAL_PASSWORD   the service principal's password\n"
        "  ADVANCE_TEMPLATE_PACKAGE_ID  the template package it is created from (a GUID)\n"
        "  INFOROUTER_PASSWORD          that user's password\n"
        "these variables are not valid:\n"
        "  ADVANCE_WORK_GROUP_ID='not-a-guid' is not a GUID\n"
        "  INFOROUTER_PARENT_TASK_ID='task 7' is not a task number\n"
        "Set all of a service's variables, or none of them to run it on its local sandbox "
        "(scripts/demo --help lists every variable).\n"
    )


def test_one_variable_of_a_service_is_enough_to_ask_for_the_rest() -> None:
    """A password set without its URL is not silently ignored: the URL is named as missing."""
    result = run_demo(INFOROUTER_PASSWORD="secret-password-1234")
    assert result.returncode == 2
    assert re.search(r"\n  INFOROUTER_URL +the web service's address, e\.g\. ", result.stderr)
    assert "ADVANCE_" not in result.stderr  # Advance, unconfigured, stays on its sandbox
    assert "secret-password-1234" not in result.stderr


def test_help_lists_every_variable_and_what_it_is_for() -> None:
    """scripts/demo --help prints each variable the demo reads, with its purpose."""
    result = run_demo("--help")
    assert result.returncode == 0
    for name in (
        "ADVANCE_BASE_URL",
        "ADVANCE_PRINCIPAL_PASSWORD",
        "INFOROUTER_PARENT_TASK_ID",
        "INFOROUTER_ASSIGNEE",
        "DEMO_CALLBACK_SCHEME",
        "DEMO_OUTPUT_DIR",
    ):
        assert f"\n  {name} " in result.stdout, name
    assert "the work group the demo's work item is created in (a GUID)" in result.stdout
