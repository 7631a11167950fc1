"""The installed programs: console scripts and python -m run the apps; imports stay light."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ENV = {
    key: value
    for key, value in os.environ.items()
    if not key.startswith(("ADVANCE_", "INFOROUTER_"))
}


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=ENV, check=False
    )


@pytest.mark.parametrize(
    ("script", "module"),
    [
        ("hotdocs-advance", "hotdocs_advance"),
        ("inforouter", "inforouter"),
        ("hotdocs-answers", None),
    ],
)
def test_console_scripts_and_python_m_show_help_and_version(
    script: str, module: str | None
) -> None:
    """Each console script (and python -m, where there is one) answers --help and --version."""
    commands = [[str(BIN / script)]]
    if module is not None:
        commands.append([sys.executable, "-m", module])
    for command in commands:
        version = run(*command, "--version")
        assert version.returncode == 0, version.stderr
        assert version.stdout.startswith(f"{script} ")
        shown = run(*command, "--help")
        assert shown.returncode == 0, shown.stderr
        assert "Example" in shown.stdout
        usage = run(*command, "no-such-command")
        assert usage.returncode == 2


def test_a_failing_program_exits_non_zero_in_a_real_process(tmp_path: Path) -> None:
    """The exit status reaches the shell: 1 for an invalid answer file, 0 for a valid one."""
    bad = tmp_path / "bad.anx"
    bad.write_text('<AnswerSet><Answer name="A"><TFValue>x</TFValue></Answer></AnswerSet>', "utf-8")
    good = tmp_path / "good.anx"
    good.write_text(
        '<AnswerSet><Answer name="A"><TFValue>true</TFValue></Answer></AnswerSet>', "utf-8"
    )
    failed = run(str(BIN / "hotdocs-answers"), "validate", str(bad))
    assert failed.returncode == 1
    assert f"{bad}:1: answer 'A'" in failed.stdout
    assert run(str(BIN / "hotdocs-answers"), "validate", str(good)).returncode == 0


def test_importing_the_packages_loads_no_cli_code() -> None:
    """import hotdocs_advance / inforouter loads neither typer nor the CLI modules (import_time).

    httpx loads click and rich itself when they are installed (its own command line), so
    those two are compared with what the dependencies alone load.
    """
    check = (
        "import sys\n"
        "import httpx, attrs, lxml.etree, zeep\n"
        "floor = set(sys.modules)\n"
        "import hotdocs_advance, inforouter\n"
        "added = sorted(m for m in set(sys.modules) - floor\n"
        "               if m.split('.')[0] in {'typer', 'click', 'rich'} or m.endswith('_cli'))\n"
        "print(added, sorted(m for m in sys.modules if m.split('.')[0] == 'typer'))"
    )
    result = run(sys.executable, "-c", check)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[] []"
