"""A member added to a response schema reaches the public result, typed, after regenerating."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from hotdocs_advance import VersionStatus, WorkItem

from tests.conftest import ROOT

CHECK = textwrap.dedent(
    """
    import typing, uuid, httpx
    from hotdocs_advance import AdvanceClient, WorkItem
    hints = typing.get_type_hints(WorkItem)
    assert hints["priority"] == int | None, hints["priority"]
    item = uuid.uuid4()
    def answer(request):
        return httpx.Response(200, json={"id": str(item), "name": "n", "priority": 3})
    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        with AdvanceClient("https://t.example/api/rest", auth="t", http_client=http) as client:
            found = client.get_work_item(item)
    assert found.priority == 3 and found.extra == {}, found
    print("ok")
    """
)


def test_a_new_member_of_the_work_item_schema_is_a_typed_attribute(tmp_path: Path) -> None:
    """Adding `priority` to the WorkItem schema and regenerating types it on get_work_item()."""
    for name in ("spec", "scripts", "generated"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    spec = tmp_path / "spec" / "hotdocs-advance.openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    anchor = "        status:\n          type: string\n          description: Free-form status text"
    assert text.count(anchor) == 1
    spec.write_text(
        text.replace(anchor, "        priority:\n          type: integer\n" + anchor),
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, str(tmp_path / "scripts" / "_generate.py")],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "generated")}
    result = subprocess.run(
        [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert "priority" not in attrs.fields_dict(WorkItem)  # the committed model is untouched


def test_result_models_are_frozen_and_keep_unknown_members() -> None:
    """Results cannot be changed by accident; members the spec does not name stay in extra."""
    status = VersionStatus.from_dict({"status": "Saved", "percent": 100})
    assert status.extra == {"percent": 100}
    assert status.is_final
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        status.status = "Saving"  # type: ignore[misc]
