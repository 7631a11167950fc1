"""The README's "Answers out" and "Listing" examples run as pasted, each on its own sandbox."""

from __future__ import annotations

import contextlib
import io
import re
from typing import Any

from hotdocs_advance import AnswerSet, ServicePrincipal
from hotdocs_advance.sandbox import AdvanceSandbox

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")


def block(heading: str) -> str:
    """The first Python block after ``heading``."""
    match = re.search(r"```python\n(.*?)```", README.split(heading, 1)[1], re.DOTALL)
    assert match is not None
    return match.group(1)


def run(code: str) -> tuple[list[str], AdvanceSandbox]:
    """Run README code as pasted (it starts its own sandbox); its output and that sandbox."""
    namespace: dict[str, Any] = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), namespace)  # the README's own code
    sandbox = namespace["sandbox"]
    assert isinstance(sandbox, AdvanceSandbox)
    assert sandbox.state.spec_violations == []
    return out.getvalue().splitlines(), sandbox


def test_answers_out_runs_as_pasted() -> None:
    """Create, read, PATCH and PUT as the README shows: the server holds the result."""
    printed, sandbox = run(block("### Answers out"))
    assert printed == ["ExampleCorp"]  # the Saved version allows the PUT: nothing is caught
    (item,) = sandbox.state.work_items.values()
    held = AnswerSet.from_xml(sandbox.state.answers(item.id) or "")
    assert held["Reference"] == "CRM-1042"
    assert "Regions" not in held
    assert held["CompanyName"] == "ExampleCorp"


def test_listing_runs_as_pasted() -> None:
    """The listing example prints both seeded work groups with their packages, then the pages."""
    printed, _ = run(block("### Listing"))
    assert printed[:2] == [
        "cb97f8d6-04a1-490a-aa09-92af12dfb305 Contracts ['Contract renewal']",
        "09000000-0000-0000-0000-000000000001 Examples ['Example contract']",
    ]
    assert printed[2] == "True True [UUID('cb97f8d6-04a1-490a-aa09-92af12dfb305')]"
    assert printed[3:] == ["0 []"]  # no completed work item: one empty page
