"""What a public package does with its names: their module in reprs, and its version.

httpx sets ``__module__`` on every public class to ``"httpx"``, so that a traceback reads
``httpx.ConnectError`` rather than the private module that defines it; `publish` does the same
for these packages. `package_version` reads the distribution's version from its metadata.
`module_getattr` is a package's module ``__getattr__``: ``__version__`` and the names whose
modules load on first use.
"""

from __future__ import annotations

import contextlib
import inspect
import typing
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from types import ModuleType
from typing import Final

DISTRIBUTION: Final = "hotdocs-inforouter-clients"
UNKNOWN_VERSION: Final = "0+unknown"
"""`package_version` when the package is vendored, or its distribution is not installed."""


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def publish(
    package: str, namespace: Mapping[str, object], names: Iterable[str], *, owns: Iterable[str] = ()
) -> None:
    """Show each public class of a package as defined there (``hotdocs_advance.AnswerSet``).

    A class is claimed when it is defined in the package's private modules or in one of the
    private packages it ``owns`` (the generated one, the shared core). A class that another
    public package exported first (one both packages share, like ``InsecureTransportWarning``)
    keeps that package's name: either is a module it can be imported (and unpickled) from.

    Args:
        package: The public package (its ``__name__``, so that a vendored copy names itself).
        namespace: The package's ``globals()``.
        names: Its public names (``__all__``).
        owns: Other packages whose classes it may claim (their ``__name__``).
    """
    claimed = (package, *owns)
    for name in names:
        value = namespace.get(name)
        if not isinstance(value, type) or value.__module__ == package:
            continue
        if any(_within(value.__module__, owner) for owner in claimed):
            _resolve_annotations(value)
            value.__module__ = package


def _resolve_annotations(cls: type) -> None:
    """Evaluate a class's own string annotations where they were written.

    ``typing.get_type_hints`` evaluates them in the module ``__module__`` names, which after
    `publish` lacks the defining module's imports (``datetime``, ``UUID``); evaluated now,
    they stay readable (by Hypothesis, cattrs, pydantic, ...).
    """
    own = inspect.get_annotations(cls)
    if not own or not any(isinstance(hint, str) for hint in own.values()):
        return
    with contextlib.suppress(Exception):  # unresolvable here: left as they were written
        hints = typing.get_type_hints(cls, include_extras=True)
        cls.__annotations__ = {name: hints.get(name, hint) for name, hint in own.items()}


def package_version(package: str) -> str:
    """Return the installed version of this distribution, for a package's ``__version__``.

    Args:
        package: The asking package's ``__name__``. A dotted name means a copy vendored
            inside another program (``yourapp._vendor.inforouter``): whatever distribution of
            this name is installed beside it is not the copy, so its version is not reported.

    Returns:
        The version from the package metadata, or `UNKNOWN_VERSION` (``0+unknown``) when the
        package is vendored or its distribution is not installed.
    """
    if "." in package:
        return UNKNOWN_VERSION
    # Imported here: importing it costs about 6 ms, and only __version__ needs it.
    import importlib.metadata  # noqa: PLC0415

    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN_VERSION


def module_getattr(
    package: str,
    namespace: MutableMapping[str, object],
    *,
    lazy: Mapping[str, Callable[[], ModuleType]] | None = None,
    owns: Iterable[str] = (),
) -> Callable[[str], object]:
    """Build a package's module ``__getattr__``: ``__version__`` and names loaded on first use.

    The version is read from the package metadata when asked for, not at import (reading it
    scans ``sys.path``), then kept in the package. A name in ``lazy`` is taken from the
    module its loader imports, the first time any name of that loader is asked for: all that
    loader's names are then put in the package and published (`publish`), so a later access
    costs nothing and ``__getattr__`` is not asked again.

    Args:
        package: The package's ``__name__``.
        namespace: Its ``globals()``.
        lazy: Public name -> a function importing (relatively) and returning its module.
        owns: As for `publish`.

    Returns:
        The ``__getattr__``: ``__version__`` (see `package_version`), a lazy name, else
        AttributeError.
    """
    loaders = dict(lazy or {})
    claimed = tuple(owns)

    def __getattr__(name: str) -> object:  # noqa: N807 (the module hook's own name)
        if name == "__version__":
            version = namespace["__version__"] = package_version(package)
            return version
        load = loaders.get(name)
        if load is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = load()
        names = [other for other, loader in loaders.items() if loader is load]
        for other in names:
            namespace[other] = getattr(module, other)
        publish(package, namespace, names, owns=claimed)
        return namespace[name]

    return __getattr__
