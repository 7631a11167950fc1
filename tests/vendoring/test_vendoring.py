"""The wheel can be vendored the way pip vendors its dependencies, and still works.

One test, in four steps: build the sdist and the wheel from this tree; vendor the wheel into
``vendored_app/_vendor/`` with ``vendoring sync`` (the tool pip uses), with no license
fallback configured; check what it left there; then run ``vendored_app_check.py`` in a
Python that cannot see the project's own top-level names, so that a module named in a
string (``importlib.import_module("x")``, ``files("x")``), which vendoring cannot rewrite,
fails there instead of silently loading the unvendored copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TOP_LEVEL = (
    "_client_core",
    "_sandbox_kit",
    "hotdocs_advance",
    "hotdocs_advance_api",
    "inforouter",
    "inforouter_api",
)
# The application's configuration, as pip's own pyproject.toml writes it.
VENDORING_CONFIG = """\
[tool.vendoring]
destination = "vendored_app/_vendor/"
requirements = "vendored_app/_vendor/vendor.txt"
namespace = "vendored_app._vendor"
protected-files = ["__init__.py", "vendor.txt"]

[tool.vendoring.transformations]
drop = ["*.dist-info", "bin/"]
"""


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert proc.returncode == 0, f"{cmd[:3]} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def build(dist: Path) -> tuple[Path, Path]:
    # --no-isolation: hatchling comes from the dev extra, so nothing is downloaded.
    command = [sys.executable, "-m", "build", "--sdist", "--wheel", "--no-isolation"]
    run([*command, "--outdir", str(dist), str(ROOT)], cwd=ROOT)
    (wheel,) = dist.glob("*.whl")
    (sdist,) = dist.glob("*.tar.gz")
    return wheel, sdist


def vendor(project: Path, dist: Path, version: str) -> Path:
    vendor_dir = project / "vendored_app" / "_vendor"
    vendor_dir.mkdir(parents=True)
    (project / "pyproject.toml").write_text(VENDORING_CONFIG, encoding="utf-8")
    (project / "vendored_app" / "__init__.py").write_text("", encoding="utf-8")
    (vendor_dir / "__init__.py").write_text("", encoding="utf-8")
    # A pin, as in pip's vendor.txt, resolved against the freshly built wheel only.
    (vendor_dir / "vendor.txt").write_text(
        f"--no-index\n--find-links {dist}\nhotdocs-inforouter-clients=={version}\n",
        encoding="utf-8",
    )
    tmp = project / "tmp"
    tmp.mkdir()
    env = {
        **os.environ,
        # vendoring runs "pip" from PATH and downloads into $TMPDIR/vendoring-downloads.
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "TMPDIR": str(tmp),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    run([str(BIN / "vendoring"), "sync", "-v"], cwd=project, env=env)
    return vendor_dir


def test_the_vendored_wheel_works_without_its_own_top_level_names(tmp_path: Path) -> None:
    """vendoring sync vendors the wheel (license included) and the vendored SDK runs alone."""
    wheel, sdist = build(tmp_path / "dist")
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    with tarfile.open(sdist) as archive:
        sdist_names = {Path(name).relative_to(Path(name).parts[0]) for name in archive.getnames()}
    assert Path("LICENSE") in sdist_names
    with zipfile.ZipFile(wheel) as archive:
        wheel_names = set(archive.namelist())
    for package in TOP_LEVEL:
        assert f"{package}/py.typed" in wheel_names, f"{package} ships no py.typed"
    version = wheel.name.split("-")[1]

    vendor_dir = vendor(tmp_path / "project", wheel.parent, version)
    assert sorted(p.name for p in vendor_dir.iterdir() if p.is_dir()) == sorted(TOP_LEVEL)
    # Found in the wheel's .dist-info/licenses/, so no fallback URL was needed.
    license_file = vendor_dir / "hotdocs_inforouter_clients.LICENSE"
    assert license_file.read_text(encoding="utf-8") == license_text
    # vendoring writes a "from x import *" stub for each package without py.typed.
    assert not list(vendor_dir.glob("*.pyi"))

    script = tmp_path / "project" / "vendored_app_check.py"
    shutil.copy(Path(__file__).with_name("vendored_app_check.py"), script)
    # -S: no site module, so neither the editable install's .pth nor site-packages is on
    # sys.path; PYTHONPATH gives back site-packages alone, for the third-party dependencies.
    site_dirs = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": os.pathsep.join(site_dirs),
        "PYTHONNOUSERSITE": "1",
    }
    out = run([sys.executable, "-S", "-W", "error", str(script)], cwd=tmp_path, env=env)
    assert out.splitlines()[-1] == "vendored SDK OK", out
