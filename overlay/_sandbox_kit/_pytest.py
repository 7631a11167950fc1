"""The marker and the two fixtures each sandbox's pytest plugin defines, built once for both.

Imported by the plugins only (it imports pytest); the sandbox itself is imported when a
fixture is first used, so the plugins stay light without the ``sandbox`` extra.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest

from ._lazy import MISSING_EXTRA

# A sandbox: a context manager that serves, with ``reset(**settings)``.
S = TypeVar("S")


def keywords(settings: str) -> tuple[str, ...]:
    """Read the keyword names of a marker's settings (``"seed=None, faults=None"``).

    Args:
        settings: The marker's keyword arguments as ``--markers`` shows them.

    Returns:
        The names, in order.
    """
    return tuple(part.split("=", 1)[0].strip() for part in settings.split(",") if part.strip())


def marker_problem(item: pytest.Item, marker: str, valid: tuple[str, ...]) -> str | None:
    """Say what is wrong with a test's use of a sandbox marker, or None.

    Args:
        item: The test.
        marker: The marker's (and the fixture's) name.
        valid: Its keywords.

    Returns:
        None when the marker is absent or right; else the message.
    """
    found = list(item.iter_markers(marker))
    if not found:
        return None
    if marker not in getattr(item, "fixturenames", ()):
        return (
            f"{item.nodeid}: @pytest.mark.{marker} configures the {marker} fixture, which this "
            f"test does not use; add {marker} to its arguments, or remove the marker"
        )
    for mark in found:
        if mark.args:
            return (
                f"{item.nodeid}: @pytest.mark.{marker} takes keyword arguments only "
                f"({', '.join(valid)}), not {len(mark.args)} positional"
            )
        unknown = sorted(set(mark.kwargs) - set(valid))
        if unknown:
            return (
                f"{item.nodeid}: @pytest.mark.{marker} has no keyword {', '.join(unknown)}; "
                f"its keywords are {', '.join(valid)}"
            )
    return None


def sandbox_plugin(
    marker: str, settings: str, start: Callable[[], S], what: str
) -> tuple[
    Callable[[pytest.Config], None],
    Callable[..., Iterator[S]],
    Callable[..., Iterator[S]],
    Callable[[pytest.Item], None],
]:
    """Build a sandbox plugin's hooks (``pytest_configure``, ``pytest_runtest_setup``) and fixtures.

    Args:
        marker: The marker and the per-test fixture's name (the server's is ``<marker>_server``).
        settings: The marker's keyword arguments as ``--markers`` shows them.
        start: Creates the sandbox (importing it, which needs the ``sandbox`` extra).
        what: The sandbox's name in docstrings, e.g. "Advance".

    Returns:
        The configure hook, the server and per-test fixtures and the setup hook (a marker
        with an unknown keyword, or on a test that does not use the fixture, fails the test
        with a message naming the fix), to be bound to module-level names of the plugin.
    """
    server_name = f"{marker}_server"
    valid = keywords(settings)

    def setup(item: pytest.Item) -> None:
        problem = marker_problem(item, marker, valid)
        if problem is not None:
            pytest.fail(problem, pytrace=False)

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
        setup,
    )
