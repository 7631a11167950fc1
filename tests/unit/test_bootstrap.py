"""scripts/bootstrap, as scripts/demo and scripts/test run it first: a fresh clone's set-up says
what it is doing instead of waiting silently, and a set-up already done says nothing.

The real script runs in a copy of the project's layout with a stand-in Python (``PYTHON``), so
the test needs no network and leaves the worktree's .venv alone."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

SETTING_UP = (
    "scripts/bootstrap: setting up .venv (first run only, about a minute): installing the "
    "project with its dev extra...\n"
)
# A stand-in for python3: passes the version check, makes a venv whose python is itself, and
# records what pip is asked to do.
FAKE_PYTHON = """#!/bin/sh
case "$1" in
  -c) exit 0 ;;
  --version) echo "Python 3.11.99"; exit 0 ;;
  -m)
    if [ "$2" = venv ]; then mkdir -p "$3/bin" && cp "$0" "$3/bin/python"; exit 0; fi
    if [ "$2" = pip ]; then shift 2; echo "pip $*" >> "$PIP_LOG"; exit 0; fi ;;
esac
exit 3
"""


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    (tmp_path / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "bootstrap", tmp_path / "scripts" / "bootstrap")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    fake = tmp_path / "python-stand-in"
    fake.write_text(FAKE_PYTHON, encoding="utf-8")
    fake.chmod(0o755)
    return tmp_path


def bootstrap(clone: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHON": str(clone / "python-stand-in"),
        "PIP_LOG": str(clone / "pip.log"),
    }
    return subprocess.run(
        ["bash", str(clone / "scripts" / "bootstrap")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_the_first_run_says_it_is_setting_up_venv(clone: Path) -> None:
    """A fresh clone: the first line says .venv is being set up and how long it takes, before
    pip runs; the last says it is ready; stdout stays empty for the script that called it."""
    result = bootstrap(clone)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (SETTING_UP + "scripts/bootstrap: .venv is ready (Python 3.11.99)\n")
    pip = (clone / "pip.log").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check -e .[dev]" in pip


def test_a_second_run_is_silent_and_installs_nothing(clone: Path) -> None:
    """Once set up, bootstrap prints nothing and does not run pip."""
    assert bootstrap(clone).returncode == 0
    (clone / "pip.log").unlink()
    result = bootstrap(clone)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (clone / "pip.log").exists()


def test_a_changed_pyproject_says_it_is_updating(clone: Path) -> None:
    """pyproject.toml newer than the set-up: it says .venv is being updated, and why."""
    assert bootstrap(clone).returncode == 0
    stamp = (clone / ".venv" / ".bootstrap-stamp").stat().st_mtime
    os.utime(clone / "pyproject.toml", (stamp + 10, stamp + 10))
    result = bootstrap(clone)
    assert result.returncode == 0
    assert result.stderr.startswith(
        "scripts/bootstrap: updating .venv (pyproject.toml changed since it was set up)...\n"
    )


def test_an_interrupted_first_run_says_it_is_setting_up_again(clone: Path) -> None:
    """A .venv without the stamp (a first run stopped midway) is set up again, and says so."""
    assert bootstrap(clone).returncode == 0
    (clone / ".venv" / ".bootstrap-stamp").unlink()
    assert bootstrap(clone).stderr.startswith(SETTING_UP)


@pytest.mark.parametrize("script", ["demo", "test"])
def test_demo_and_test_bootstrap_before_anything_else(script: str) -> None:
    """scripts/demo and scripts/test run scripts/bootstrap (and so its messages) first."""
    lines = [
        line
        for line in (ROOT / "scripts" / script).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[:3] == ["set -euo pipefail", 'cd "$(dirname "$0")/.."', "scripts/bootstrap"]
