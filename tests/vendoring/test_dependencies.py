"""The distribution declares exactly the third-party packages its code imports.

A vendoring project installs our declared dependencies beside us (vendoring passes --no-deps),
so one that is imported but undeclared breaks it, and one that is declared but unused is
vendored for nothing.
"""

from __future__ import annotations

import ast
import importlib.metadata
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
OWN = {"_client_core", "_sandbox_kit", "hotdocs_advance", "hotdocs_advance_api"}
OWN |= {"inforouter", "inforouter_api"}
SANDBOX_CODE = ("overlay/_sandbox_kit/", "/sandbox/")


def imported_distributions(path: Path, owners: Mapping[str, list[str]]) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for top in {name.partition(".")[0] for name in names}:
            if top not in sys.stdlib_module_names and top not in OWN:
                found.add(canonicalize_name(owners[top][0]))
    return found


def test_declared_dependencies_are_the_imported_ones() -> None:
    """Core code imports exactly [project].dependencies, sandbox code adds the sandbox extra."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    extra = {
        canonicalize_name(Requirement(r).name) for r in project["optional-dependencies"]["sandbox"]
    }
    owners = importlib.metadata.packages_distributions()
    core: set[str] = set()
    sandbox: set[str] = set()
    for path in sorted([*ROOT.glob("overlay/**/*.py"), *ROOT.glob("generated/**/*.py")]):
        name = path.relative_to(ROOT).as_posix()
        if name.endswith(("/pytest_plugin.py", "_sandbox_kit/_pytest.py")):
            continue  # loaded by pytest itself (pytest11 entry points), and what they import
        used = imported_distributions(path, owners)
        (sandbox if any(part in name for part in SANDBOX_CODE) else core).update(used)
    assert core == declared
    assert sandbox - core == extra
