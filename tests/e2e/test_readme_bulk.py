"""The README's bulk-creation example runs as pasted and prints what its comments say."""

from __future__ import annotations

import contextlib
import csv
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_bulk_creation_example_runs_as_pasted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The block under "bulk creation" runs in an empty folder (its own sandbox), prints its
    comments, and leaves the report and the downloaded documents it names."""
    section = README.read_text(encoding="utf-8").split("## HotDocs Advance: bulk creation")[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None
    code = match.group(1)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # the README's own code
    promised = re.findall(r"^\s*print\(.*?\)\s+# (.*)$", code, re.MULTILINE)
    assert out.getvalue().splitlines() == promised
    with (tmp_path / "report.csv").open(encoding="utf-8") as stream:
        outcomes = {record["key"]: record["outcome"] for record in csv.DictReader(stream)}
    assert outcomes == {"C-1001": "created", "C-1002": "invalid", "C-1003": "created"}
    assert (tmp_path / "documents" / "C-1001" / "Contract renewal.docx").is_file()
