"""The end of each sandbox package's lazy ``__getattr__`` (PEP 562)."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from _client_core import publish


def lazy_export(namespace: dict[str, Any], name: str, module: ModuleType | None) -> Any:
    """Return ``name`` from ``module`` and keep it in the package, so it loads only once.

    Args:
        namespace: The package's ``globals()``.
        name: The attribute asked for.
        module: The submodule that defines it, just imported (None: no such attribute).

    Returns:
        The value; a class defined in the package's private modules is shown as the
        package's (``hotdocs_advance.sandbox.AdvanceSandbox``).

    Raises:
        AttributeError: If ``module`` is None.
    """
    if module is None:
        raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
    value = namespace[name] = getattr(module, name)
    publish(namespace["__name__"], namespace, [name])
    return value
