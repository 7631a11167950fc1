"""Contract: schemathesis ``--checks all`` drives the Advance sandbox from the spec (issue 16).

One short, seeded run of the schemathesis command line (``st run``) against a fresh sandbox:
every check (``--checks all``) in every phase (examples, coverage, fuzzing, stateful), one
worker, a fixed seed and a bounded number of examples per operation, as
``tests/contract/schemathesis.toml`` sets out; the checks it excludes, each for named
operations, carry their reasons there. The API operations run against the sandbox's API base
and the log-in against its own server, as the spec's ``servers`` say. A finding fails the test
with schemathesis's report (and the ``st replay``/curl lines to reproduce it), and the sandbox
must have recorded no answer of its own that breaks the spec.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hotdocs_advance.sandbox import AdvanceSandbox
from hotdocs_advance.sandbox._app import LOGIN
from hotdocs_advance_api import OPENAPI_SPEC

CONFIG = Path(__file__).with_name("schemathesis.toml")
PRINCIPAL = {
    "ClientName": "sandbox",
    "PrincipalName": "sandbox-principal",
    "PrincipalPassword": "sandbox-password",
}
# Far above what the run takes (about 10 s): a stuck run fails instead of hanging CI.
TIMEOUT_SECONDS = 300


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AdvanceSandbox]:
    with AdvanceSandbox() as running:
        yield running


def st_run(workdir: Path, base_url: str, *options: str) -> subprocess.CompletedProcess[str]:
    """Run ``st run`` on the packaged spec with the project's configuration, in ``workdir``
    (where schemathesis and Hypothesis may leave files)."""
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("SCHEMATHESIS_")
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(CONFIG),
            "run",
            str(OPENAPI_SPEC),
            "--url",
            base_url,
            "--no-color",
            *options,
        ],
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )


def assert_no_findings(run: subprocess.CompletedProcess[str]) -> None:
    """A run that found anything (or could not run) fails with schemathesis's own report."""
    assert run.returncode == 0, f"schemathesis found problems:\n{run.stdout}\n{run.stderr}"
    assert "Tested: " in run.stdout  # the run reached its summary


def test_the_run_is_short_seeded_and_runs_every_check() -> None:
    """The configuration fixes the seed, one worker and the examples, keeps no example
    database, enables every check, and excludes nothing without a named operation."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert isinstance(config["seed"], int)
    assert config["workers"] == 1
    assert config["generation"]["database"] == "none"
    assert 0 < config["generation"]["max-examples"] <= 25
    assert config["checks"] == {"enabled": True}
    for exclusion in config["operations"]:
        assert exclusion["include-operation-id"], exclusion
        assert all(check == {"enabled": False} for check in exclusion["checks"].values())


def test_every_api_operation_passes_every_check(sandbox: AdvanceSandbox, tmp_path: Path) -> None:
    """``st run`` with every check finds nothing on the API operations (a 405's Allow header,
    answers of the documented status, content type, headers and schema, refusals of invalid
    data, authentication that is not ignored, resources that are there after their create)."""
    token = httpx.post(sandbox.auth_url + sandbox.app.spec.operations[LOGIN].path, json=PRINCIPAL)
    token.raise_for_status()
    run = st_run(
        tmp_path,
        sandbox.base_url,
        "--header",
        f"Authorization: Bearer {token.text}",
        "--exclude-operation-id",
        LOGIN,
    )
    assert_no_findings(run)
    assert "Stateful" in run.stdout
    assert sandbox.state.spec_violations == []


def test_the_log_in_passes_every_check(sandbox: AdvanceSandbox, tmp_path: Path) -> None:
    """``st run`` with every check finds nothing on the log-in, on its own server."""
    assert_no_findings(st_run(tmp_path, sandbox.auth_url, "--include-operation-id", LOGIN))
    assert sandbox.state.spec_violations == []
