"""The README's "Answers out" and "Listing" examples run as pasted against the sandbox."""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from typing import Any

import pytest
from hotdocs_advance import AdvanceClient, AnswerSet, ServicePrincipal
from hotdocs_advance.sandbox import AdvanceSandbox

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")


def block(heading: str) -> str:
    """The first Python block after ``heading``."""
    match = re.search(r"```python\n(.*?)```", README.split(heading, 1)[1], re.DOTALL)
    assert match is not None
    return match.group(1)


def run(code: str, sandbox: AdvanceSandbox, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Run README code with AdvanceClient.cloud(...) pointed at the sandbox; return its output."""

    def cloud(cls: type[AdvanceClient], /, tenancy: str, **kwargs: Any) -> AdvanceClient:
        assert tenancy == "tenancy1"
        return cls(sandbox.base_url, auth=PRINCIPAL)

    monkeypatch.setattr(AdvanceClient, "cloud", classmethod(cloud))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})  # the README's own code
    assert sandbox.state.spec_violations == []
    return out.getvalue().splitlines()


def test_answers_out_runs_inside_the_first_example(
    advance_sandbox: AdvanceSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read, PATCH and PUT as the README shows, after its create: the server holds the result."""
    first = block("## HotDocs Advance: answers and a work item")
    code = first + textwrap.indent(block("### Answers out"), "    ")
    printed = run(code, advance_sandbox, monkeypatch)
    assert printed == ["ExampleCorp"]  # the Saved version allows the PUT: nothing is caught
    (item,) = advance_sandbox.state.work_items.values()
    held = AnswerSet.from_xml(advance_sandbox.state.answers(item.id) or "")
    assert held["Reference"] == "CRM-1042"
    assert "Regions" not in held
    assert held["CompanyName"] == "ExampleCorp"


def test_listing_runs_as_pasted(
    advance_sandbox: AdvanceSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The listing example prints both seeded work groups with their packages, then the pages."""
    printed = run(block("### Listing"), advance_sandbox, monkeypatch)
    assert printed[:2] == [
        "cb97f8d6-04a1-490a-aa09-92af12dfb305 Contracts ['Contract renewal']",
        "09000000-0000-0000-0000-000000000001 Examples ['Example contract']",
    ]
    assert printed[2] == "True True [UUID('cb97f8d6-04a1-490a-aa09-92af12dfb305')]"
    assert printed[3:] == ["0 []"]  # no completed work item: one empty page
