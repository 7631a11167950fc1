"""The generation pipeline: determinism, provenance, the check, and the packaged wheel."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPECS = (
    "spec/hotdocs-advance.openapi.yaml",
    "spec/inforouter.wsdl",
    "spec/hotdocs-answer-set.xsd",
    "spec/inforouter-task-models.xsd",
)


def _copy_project(target: Path) -> Path:
    for name in ("spec", "generated", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "_generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_generated_file_starts_with_the_header() -> None:
    """Each generated source file opens with one header line naming its spec and the command."""
    for path in sorted((ROOT / "generated").rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert "by scripts/generate. Do not edit." in first, path
        assert first.split()[1] == "Generated", path


def test_provenance_records_spec_hashes_and_tool_versions() -> None:
    """GENERATED.toml holds the sha256 of every spec and the exact generator versions."""
    provenance = tomllib.loads((ROOT / "generated" / "GENERATED.toml").read_text())
    for spec in SPECS:
        digest = hashlib.sha256((ROOT / spec).read_bytes()).hexdigest()
        assert provenance["specs"][spec] == digest
    pinned = (ROOT / "pyproject.toml").read_text()
    for tool in ("openapi-python-client", "ruff"):
        assert f'"{tool}=={provenance["tools"][tool]}"' in pinned


def test_check_generated_passes_on_an_untouched_copy(tmp_path: Path) -> None:
    """Regenerating the committed specs reproduces generated/ byte for byte."""
    result = _check(_copy_project(tmp_path))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("spec", ["spec/inforouter.wsdl", "spec/hotdocs-advance.openapi.yaml"])
def test_check_generated_fails_when_a_spec_changes(tmp_path: Path, spec: str) -> None:
    """Touching a spec without regenerating fails, naming the files and the fix."""
    project = _copy_project(tmp_path)
    path = project / spec
    text = path.read_text(encoding="utf-8")
    if spec.endswith(".wsdl"):
        text = text.replace('name="taskId"', 'name="TaskId"', 1)
    else:
        text = text.replace("operationId: getWorkItem", "operationId: fetchWorkItem", 1)
    path.write_text(text, encoding="utf-8")
    result = _check(project)
    assert result.returncode == 1
    assert "changed: GENERATED.toml" in result.stderr
    assert "run scripts/generate" in result.stderr


def test_wheel_installs_and_imports_with_its_specs(tmp_path: Path) -> None:
    """A wheel built from the tree carries all four packages and the specs they read at run time."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "inforouter_api/inforouter.wsdl",
        "inforouter_api/inforouter-task-models.xsd",
        "hotdocs_advance_api/spec/hotdocs-answer-set.xsd",
        "hotdocs_advance_api/spec/hotdocs-advance.openapi.yaml",
        "hotdocs_advance/py.typed",
        "inforouter/py.typed",
    ):
        assert required in names
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies come from the dev environment's site-packages, on PYTHONPATH; .pth
    # files are not read from there, so the source tree itself is not importable.
    deps = next(p for p in sys.path if p.endswith("site-packages"))
    probe = (
        "import hotdocs_advance, hotdocs_advance_api, inforouter, inforouter_api, zeep\n"
        "from importlib.resources import files\n"
        "for mod in (hotdocs_advance, hotdocs_advance_api, inforouter, inforouter_api):\n"
        "    assert 'site-packages' in mod.__file__ and 'venv' in mod.__file__, mod.__file__\n"
        "zeep.Client(str(inforouter_api.WSDL))\n"
        "assert (files('hotdocs_advance_api') / 'spec' / 'hotdocs-answer-set.xsd').is_file()\n"
    )
    subprocess.run(
        [str(python), "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": deps, "PATH": "/usr/bin:/bin"},
        check=True,
    )
