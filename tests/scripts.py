"""Loading a script of scripts/ (not a package) as a module, for the tests of its functions."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import ROOT


def load_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` under the module name ``<name>_script``.

    Args:
        name: The script's file name without ``.py`` (``_bench``, ``_unasync``).

    Returns:
        The module, registered in ``sys.modules`` (dataclasses and pickling look it up there).
    """
    spec = importlib.util.spec_from_file_location(f"{name}_script", ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
