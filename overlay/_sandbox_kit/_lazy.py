"""The end of each sandbox package's lazy ``__getattr__`` (PEP 562)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any, Final

from _client_core import publish

MISSING_EXTRA: Final = (
    "the sandboxes need the 'sandbox' extra: pip install 'hotdocs-inforouter-clients[sandbox]'"
)
# The top-level modules the extra installs (a missing other module is a bug, left alone).
_EXTRA_MODULES: Final = frozenset(
    {"starlette", "uvicorn", "openapi_core", "openapi_schema_validator", "yaml"}
)


@contextmanager
def needing_the_extra() -> Iterator[None]:
    """Turn a missing module of the ``sandbox`` extra into an error that names the fix.

    Yields:
        Nothing; the block imports a sandbox module.

    Raises:
        ModuleNotFoundError: ``pip install 'hotdocs-inforouter-clients[sandbox]'`` is needed.
    """
    try:
        yield
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] not in _EXTRA_MODULES:
            raise
        raise ModuleNotFoundError(f"{MISSING_EXTRA} ({exc})", name=exc.name) from exc


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
