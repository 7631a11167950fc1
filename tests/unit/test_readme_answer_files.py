"""The README's answer-file example runs as pasted and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_answer_files_example_runs_as_pasted() -> None:
    """The block under "Answer files from other programs" runs and prints its comments."""
    section = README.read_text(encoding="utf-8").split("### Answer files from other programs")[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None
    code = match.group(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # the README's own code
    printed = out.getvalue().splitlines()
    promised = re.findall(r"^print\(.*?\)\s+# (.*)$", code, re.MULTILINE)
    assert printed[:2] == promised[:2]
    assert "<DateValue>01-02-1990</DateValue>" in printed[2]
    assert "<TFValue>true</TFValue>" in printed[2]
