"""The README's command-line session runs as printed (on free ports) and does what it says."""

from __future__ import annotations

import csv
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def session() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line\n", 1)[1]
    found = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found.group(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_the_readme_session_runs(tmp_path: Path) -> None:
    """Every command of the session exits 0 and prints what its comment promises."""
    advance, inforouter = free_port(), free_port()
    script = session().replace("8080", str(advance)).replace("8081", str(inforouter))
    # Instead of a fixed sleep: wait until both sandboxes answer.
    wait = (
        f"{sys.executable} -c 'import socket, time\n"
        f"for port in ({advance}, {inforouter}):\n"
        "    for _ in range(300):\n"
        '        try: socket.create_connection(("127.0.0.1", port), 1).close(); break\n'
        "        except OSError: time.sleep(0.1)'"
    )
    script = script.replace("sleep 3", wait)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ADVANCE_", "INFOROUTER_"))
    }
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "answers.anx: ok" in result.stdout
    assert (tmp_path / "answers.json").exists()
    assert "Command or Root" in result.stdout
    assert "ExampleCorp renewal" in result.stdout
    assert "back.anx: ok" in result.stdout
    with (tmp_path / "report.csv").open(encoding="utf-8") as stream:
        records = list(csv.DictReader(stream))
    assert sorted((r["key"], r["outcome"], r["documents"]) for r in records) == [
        ("C-1001", "created", "1"),
        ("C-1002", "created", "1"),
    ]
    assert (tmp_path / "documents" / "C-1001" / "Contract renewal.docx").is_file()
    initech = next(r["work_item_id"] for r in records if r["key"] == "C-1001")
    assert re.search(rf"{initech}\s+Initech renewal\s+", result.stdout)  # work-item list
    assert '"Customer": "Initech"' in result.stdout  # answers get --json
    assert re.search(r"\s+Contract renewal\.docx\s+\d+\s+", result.stdout)  # documents list
    assert "SOAP 1.1: logged in as jdoe" in result.stdout
    assert "matches the package's in all 9 operations" in result.stdout
    assert re.search(r"task_id\s+789", result.stdout)
    assert "sandbox-password" not in result.stdout
