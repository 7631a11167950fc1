"""The machinery both sandboxes share, with a real server thread or a separate process."""

from __future__ import annotations

import logging
import subprocess
import sys

import httpx
import pytest
from _sandbox_kit import FaultInjectionMiddleware, Faults, ServerThread
from starlette.types import Receive, Scope, Send

HEAVY = ("starlette", "uvicorn", "openapi_core", "yaml", "schemathesis")


async def _ok_app(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


# ---------------------------------------------------------------------- the server thread


def test_stopping_during_a_slow_answer_logs_no_error(caplog: pytest.LogCaptureFixture) -> None:
    """A slow answer still held when the server stops is cut quietly: no ERROR, no traceback."""
    faults = Faults(latency=30.0)
    faults.force("slow")
    server = ServerThread(FaultInjectionMiddleware(_ok_app, faults))
    server.start()
    try:
        with pytest.raises(httpx.ReadTimeout):
            httpx.get(server.origin + "/", timeout=0.2)
    finally:
        with caplog.at_level(logging.INFO):
            server.stop()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [], [r.getMessage() for r in errors]
    assert not server.running


# ---------------------------------------------------------------------- imports


def test_plugins_import_nothing_heavy() -> None:
    """Importing both pytest plugins (and the sandbox packages) loads no server or spec library."""
    code = (
        "import sys, hotdocs_advance.sandbox.pytest_plugin, inforouter.sandbox.pytest_plugin, "
        "hotdocs_advance.sandbox, inforouter.sandbox, _sandbox_kit; "
        f"print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
