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
``faults``, ``error_codes``, ``allow_remote`` (answer any ``Host``, not only loopback names).
A marker with another keyword, or on a test that does not take the fixture, fails that test
with a message naming the fix. A ``seed`` mapping or file extends the default seed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from _sandbox_kit._pytest import sandbox_plugin

if TYPE_CHECKING:
    from inforouter.sandbox import InfoRouterSandbox

MARKER = "inforouter_sandbox"


def _start() -> InfoRouterSandbox:
    from inforouter.sandbox import InfoRouterSandbox  # noqa: PLC0415 (keep the plugin light)

    return InfoRouterSandbox()


SETTINGS = "seed=None, faults=None, error_codes=None, allow_remote=None"
pytest_configure, inforouter_sandbox_server, inforouter_sandbox, pytest_runtest_setup = (
    sandbox_plugin(MARKER, SETTINGS, _start, "infoRouter")
)
