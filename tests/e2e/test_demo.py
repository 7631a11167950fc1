"""The README's first command: the demo workflow runs, and leaks no secret at DEBUG."""

from __future__ import annotations

import importlib.util
import logging
import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hotdocs_advance import sandbox as advance_sandbox
from inforouter import sandbox as inforouter_sandbox

from tests.conftest import ROOT

DEMO = ROOT / "scripts" / "_demo.py"
STEPS = (
    "create work item",
    "begin assembly session",
    "save assembly session",
    "complete assembly session",
    "list documents",
    "download document",
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
        env={**os.environ, "DEMO_OUTPUT_DIR": str(tmp_path)},
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
    spec = importlib.util.spec_from_file_location("demo_under_test", DEMO)
    assert spec is not None
    assert spec.loader is not None
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    caplog.set_level(logging.DEBUG)
    assert demo.main() == 0

    issued -= {"abc123"}  # the seed's documented, pre-issued example ticket; never used here
    assert len(issued) >= 2, "the demo should have obtained a token and a ticket"
    captured = capsys.readouterr()
    text = "\n".join([caplog.text, captured.out, captured.err])
    assert len(caplog.records) > 10, "DEBUG logging should have recorded the workflow"
    for secret in [*issued, "sandbox-password", "jdoe-password", callback_secret]:
        assert secret not in text
