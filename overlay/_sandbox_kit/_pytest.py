"""The marker and the two fixtures each sandbox's pytest plugin defines, built once for both.

Imported by the plugins only (it imports pytest); the sandbox itself is imported when a
fixture is first used, so the plugins stay light without the ``sandbox`` extra.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from ._cli import MISSING_EXTRA

# A sandbox: a context manager that serves, with ``reset(**settings)``.
S = TypeVar("S")


def sandbox_plugin(
    marker: str, settings: str, start: Callable[[], S], what: str
) -> tuple[Callable[[pytest.Config], None], Callable[..., Iterator[S]], Callable[..., Iterator[S]]]:
    """Build a sandbox plugin's ``pytest_configure`` hook, server fixture and per-test fixture.

    Args:
        marker: The marker and the per-test fixture's name (the server's is ``<marker>_server``).
        settings: The marker's keyword arguments as ``--markers`` shows them.
        start: Creates the sandbox (importing it, which needs the ``sandbox`` extra).
        what: The sandbox's name in docstrings, e.g. "Advance".

    Returns:
        The hook and the two fixtures, to be bound to module-level names of the plugin.
    """
    server_name = f"{marker}_server"

    def configure(config: pytest.Config) -> None:
        """Declare the marker (for ``--strict-markers``)."""
        config.addinivalue_line(
            "markers", f"{marker}({settings}): settings of the {marker} fixture for this test"
        )

    def server() -> Iterator[S]:
        try:
            sandbox = start()
        except ModuleNotFoundError as exc:
            pytest.fail(f"{MISSING_EXTRA} ({exc})", pytrace=False)
        with sandbox:  # type: ignore[attr-defined]
            yield sandbox

    def fixture(request: pytest.FixtureRequest) -> Iterator[S]:
        sandbox: Any = request.getfixturevalue(server_name)
        found = request.node.get_closest_marker(marker)
        sandbox.reset(**(found.kwargs if found else {}))
        yield sandbox
        sandbox.reset()

    server.__doc__ = (
        f"Serve the session's {what} sandbox (state shared by tests; use ``{marker}``)."
    )
    fixture.__doc__ = (
        f"Give a test the running {what} sandbox, reset to the seed (default or marker)."
    )
    return (
        configure,
        pytest.fixture(scope="session", name=server_name)(server),
        pytest.fixture(name=marker)(fixture),
    )
