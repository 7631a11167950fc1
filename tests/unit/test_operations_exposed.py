"""Every spec operation is a method of both Advance clients, or the check names it."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

import pytest
from hotdocs_advance import AdvanceClient, AsyncAdvanceClient
from hotdocs_advance._base import OPERATION_MARK, exposed_operations

from tests.conftest import ROOT
from tests.scripts import load_script


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return load_script("_generate")


def test_the_committed_tree_has_a_method_for_every_operation(generate: ModuleType) -> None:
    """check-generated finds no spec operation without a public method on today's tree."""
    assert generate.unexposed() == []


def test_both_clients_mark_the_same_operations() -> None:
    """The sync client is derived from the async one, so both send the same operations."""

    assert exposed_operations(AdvanceClient) == exposed_operations(AsyncAdvanceClient)
    assert "create_work_item" in exposed_operations(AdvanceClient)


def test_one_method_may_send_several_operations() -> None:
    """list_template_packages sends either list, by its argument; both count as exposed."""
    marks = getattr(AdvanceClient.list_template_packages, OPERATION_MARK)
    assert marks == ("list_template_packages", "list_work_group_template_packages")
    assert set(marks) <= exposed_operations(AsyncAdvanceClient)


def test_a_method_without_its_mark_is_named(
    generate: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unmarking AdvanceClient.get_work_item makes the check name the operation and the client."""
    monkeypatch.delattr(AdvanceClient.get_work_item, OPERATION_MARK)
    problems = generate.unexposed()
    assert len(problems) == 1
    assert "get_work_item" in problems[0]
    assert "AdvanceClient" in problems[0]
    assert "AsyncAdvanceClient" not in problems[0]


def test_a_new_generated_operation_without_a_method_is_named(
    generate: ModuleType, tmp_path: Path
) -> None:
    """An operation module that appears after regenerating fails the check on both clients."""
    tree = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", tree, ignore=shutil.ignore_patterns("__pycache__"))
    api = tree / "hotdocs_advance_api" / "api" / "work_items"
    (api / "archive_work_item.py").write_text("OPERATION = 'archive_work_item'\n")
    problems = generate.unexposed(tree)
    assert [p.split(" has no method on ")[1].split()[0] for p in problems] == [
        "AdvanceClient",
        "AsyncAdvanceClient",
    ]
    assert all("archive_work_item" in p for p in problems)
