"""pytest plugin: the ``advance_sandbox`` fixture.

Registered as a ``pytest11`` entry point, so it loads in every pytest session of every
project that installs this package; it therefore imports nothing heavy until a test
asks for the fixture.

The server starts once per session (on first use) on a free loopback port; before each
test its state and faults are reset from the seed, so every test sees a fresh tenancy
at the same URL. Per-test settings go in a marker::

    @pytest.mark.advance_sandbox(client_interviews=False, faults=Faults(rate=0.2, seed=1))
    def test_something(advance_sandbox): ...

The marker accepts the keyword arguments of `AdvanceSandbox.reset`: ``seed``, ``faults``,
``client_interviews``, ``public_link_repeat``, ``callback_scheme`` (``hmac`` or ``token``),
``allow_remote`` (answer any ``Host``, not only loopback names).
A marker with another keyword, or on a test that does not take the fixture, fails that test
with a message naming the fix. A ``seed`` mapping or file extends the default seed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from _sandbox_kit._pytest import sandbox_plugin

if TYPE_CHECKING:
    from hotdocs_advance.sandbox import AdvanceSandbox

MARKER = "advance_sandbox"


def _start() -> AdvanceSandbox:
    from hotdocs_advance.sandbox import AdvanceSandbox  # noqa: PLC0415 (keep the plugin light)

    return AdvanceSandbox()


SETTINGS = (
    "seed=None, faults=None, client_interviews=None, public_link_repeat=None, "
    "callback_scheme=None, allow_remote=None"
)
pytest_configure, advance_sandbox_server, advance_sandbox, pytest_runtest_setup = sandbox_plugin(
    MARKER, SETTINGS, _start, "Advance"
)
