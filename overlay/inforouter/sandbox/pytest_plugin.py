"""pytest plugin: the ``inforouter_sandbox`` fixture.

Registered as a ``pytest11`` entry point, so it loads in every pytest session of every
project that installs this package; it therefore imports nothing heavy until a test
asks for the fixture.

The server starts once per session (on first use) on a free loopback port; before each
test its state and faults are reset from the seed, so every test sees a fresh server at
the same URL. Per-test settings go in a marker::

    @pytest.mark.inforouter_sandbox(error_codes=True, faults=Faults(rate=0.2, seed=1))
    def test_something(inforouter_sandbox): ...

The marker accepts the keyword arguments of `InfoRouterSandbox.reset`: ``seed``,
``faults``, ``error_codes``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from _sandbox_kit._cli import MISSING_EXTRA

if TYPE_CHECKING:
    from inforouter.sandbox import InfoRouterSandbox

MARKER = "inforouter_sandbox"


def pytest_configure(config: pytest.Config) -> None:
    """Declare the marker (for ``--strict-markers``)."""
    config.addinivalue_line(
        "markers",
        f"{MARKER}(seed=None, faults=None, error_codes=None): "
        "settings of the inforouter_sandbox fixture for this test",
    )


@pytest.fixture(scope="session")
def inforouter_sandbox_server() -> Iterator[InfoRouterSandbox]:
    """Serve the session's infoRouter sandbox (shared by tests; use ``inforouter_sandbox``)."""
    try:
        from inforouter.sandbox import InfoRouterSandbox  # noqa: PLC0415 (keep the plugin light)

        sandbox = InfoRouterSandbox()
    except ModuleNotFoundError as exc:
        pytest.fail(f"{MISSING_EXTRA} ({exc})", pytrace=False)
    with sandbox:
        yield sandbox


@pytest.fixture
def inforouter_sandbox(
    request: pytest.FixtureRequest, inforouter_sandbox_server: InfoRouterSandbox
) -> Iterator[InfoRouterSandbox]:
    """Give a test the running infoRouter sandbox, reset to the seed (default or marker)."""
    marker = request.node.get_closest_marker(MARKER)
    inforouter_sandbox_server.reset(**(marker.kwargs if marker else {}))
    yield inforouter_sandbox_server
    inforouter_sandbox_server.reset()
