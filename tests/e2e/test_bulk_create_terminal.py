"""The issue's "done when": the installed hotdocs-advance bulk-creates 1,000 rows on a terminal.

The console script (next to this interpreter, as pip installs it) runs in a pseudo-terminal
(``os.openpty``: stdout and stderr are a tty, as a person's shell gives them) against a
sandbox started here, configured by environment variables only. What it writes to the
terminal is read back: the rich progress bar must be in it, and the report and the download
folder must hold every row.
"""

from __future__ import annotations

import csv
import fcntl
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from hotdocs_advance.sandbox import AdvanceSandbox

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
ROWS = 1000
# Seconds: a bound that only shows the run did not hang (timing is for scripts/bench).
NO_HANG = 600.0
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BAR = re.compile(
    rf"\n?bulk-create [━╸╺]+ +(?P<done>\d+)/{ROWS} \d+ rows/s \d+:\d\d:\d\d ETA "
    r"(-:--:--|\d+:\d\d:\d\d) *.*"
)


def console_script(name: str) -> str:
    """The installed console script beside this interpreter (never one elsewhere on PATH)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed next to {sys.executable}: run scripts/bootstrap")
    return found


def write_rows(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["CustomerId", "Customer", "Amount:number", "Start:date"])
        for i in range(ROWS):
            writer.writerow([f"C{i:04d}", f"Customer {i}", f"{i}.25", "2026-01-31"])
    return path


def run_in_a_terminal(command: list[str], env: dict[str, str], cwd: Path) -> tuple[int, str]:
    """Run ``command`` with a pseudo-terminal as stdin, stdout and stderr; its status and
    everything it wrote there."""
    controller, terminal = os.openpty()
    # 120 columns by 40 rows, so that the bar and the summary fit on a line each.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    try:
        process = subprocess.Popen(
            command, stdin=terminal, stdout=terminal, stderr=terminal, env=env, cwd=cwd,
            start_new_session=True,
        )  # fmt: skip
    finally:
        os.close(terminal)
    written = bytearray()
    deadline = time.monotonic() + NO_HANG
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 1.0)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                piece = os.read(controller, 65536)
            except OSError:  # EIO: every writer closed the terminal
                break
            if not piece:
                break
            written += piece
        status = process.wait(timeout=max(deadline - time.monotonic(), 1.0))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    return status, written.decode("utf-8", errors="replace")


def test_bulk_create_of_a_thousand_rows_on_a_terminal(tmp_path: Path) -> None:
    """hotdocs-advance bulk-create of a 1,000-row CSV with --download and --report, run as
    installed in a pseudo-terminal: exit 0, a report of 1,000 created rows, a folder per key
    holding its assembled .docx (no part file), and the progress bar (bar, rows/s, ETA) and
    the summary on the terminal."""
    data = write_rows(tmp_path / "customers.csv")
    report, folder = tmp_path / "report.csv", tmp_path / "documents"
    with AdvanceSandbox() as sandbox:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("ADVANCE_", "INFOROUTER_"))
        }
        env |= {
            "ADVANCE_BASE_URL": sandbox.base_url,
            "ADVANCE_CLIENT_NAME": "sandbox",
            "ADVANCE_PRINCIPAL_NAME": "sandbox-principal",
            "ADVANCE_PRINCIPAL_PASSWORD": "sandbox-password",
            "TERM": "xterm-256color",
        }
        env.pop("NO_COLOR", None)
        env.pop("COLUMNS", None)
        status, shown = run_in_a_terminal(
            [
                console_script("hotdocs-advance"), "bulk-create", str(data),
                "--work-group", GROUP, "--template-package", PACKAGE,
                "--name", "{Customer} renewal", "--key-column", "CustomerId",
                "--download", str(folder), "--report", str(report),
            ],
            env,
            tmp_path,
        )  # fmt: skip
        with sandbox.state.lock:
            held = len(sandbox.state.work_items)
    assert status == 0, shown[-3000:]
    assert held == ROWS
    with report.open(encoding="utf-8") as stream:
        records = list(csv.DictReader(stream))
    assert Counter(record["outcome"] for record in records) == {"created": ROWS}
    assert sorted(record["key"] for record in records) == [f"C{i:04d}" for i in range(ROWS)]
    assert {record["documents"] for record in records} == {"1"}
    assert sorted(path.name for path in folder.iterdir()) == [f"C{i:04d}" for i in range(ROWS)]
    for key in ("C0000", "C0500", "C0999"):
        (document,) = (folder / key).iterdir()
        assert document.suffix == ".docx"
        assert zipfile.is_zipfile(document)
    assert all(len(list(path.iterdir())) == 1 for path in folder.iterdir())
    assert not [path for path in folder.rglob("*") if path.name.endswith(".part")]
    # The progress bar, redrawn in place (carriage return, erase line) as rows finish: rich's
    # bar characters, rows done of the total, the rate, elapsed time and the ETA.
    assert "\x1b[2K" in shown
    frames = [BAR.fullmatch(frame) for frame in ANSI.sub("", shown).split("\r")]
    done = [int(frame["done"]) for frame in frames if frame is not None]
    assert len(set(done)) > 2, shown[:2000]  # it moved
    assert done == sorted(done)
    assert done[-1] == ROWS
    assert f"{ROWS} rows in" in shown  # the summary
