"""Every Python block in the README runs as pasted into a fresh interpreter (issue 16).

Each block runs in its own process, in an empty folder, with no ADVANCE_* / INFOROUTER_* /
DEMO_* variables: no network but loopback, no files, nothing configured. Blocks about a real
server start a sandbox themselves (or read the server from documented variables and fall back
to a sandbox), so a reader sees the real calls work before pointing them at a tenancy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
_CONFIG = ("ADVANCE_", "INFOROUTER_", "DEMO_")


def _blocks() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    found = []
    for match in _BLOCK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        found.append((f"README.md:{line}", match.group(1)))
    return found


BLOCKS = _blocks()


def test_the_readme_has_python_blocks() -> None:
    """The parametrised test below has something to run (a README without blocks fails)."""
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize(("where", "code"), BLOCKS, ids=[where for where, _ in BLOCKS])
def test_each_readme_block_runs_as_pasted(where: str, code: str, tmp_path: Path) -> None:
    """The block exits 0 in a fresh interpreter with nothing configured."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(_CONFIG)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{where} failed:\n{result.stderr[-3000:]}"
    if (where, code) == BLOCKS[0]:
        # The first block a reader meets shows its result: the work item it created, read back.
        assert result.stdout == "ExampleCorp contract renewal Saved\n"


def test_the_first_block_prints_something() -> None:
    """The first block a reader meets ends by printing what it did (its output is checked
    when it runs, above)."""
    _, code = BLOCKS[0]
    assert "print(" in code
