"""A local, stateful emulator of the infoRouter web services (``/srv.asmx``), for tests.

Needs the ``sandbox`` extra (starlette, uvicorn, pyyaml). Three ways in:

* ``python -m inforouter.sandbox --port 8081`` prints the service URL
  (``http://127.0.0.1:8081/srv.asmx``) as its first line and serves until interrupted;
  ``--help`` lists the options (seed file, faults, ``--error-codes``).
* ``with InfoRouterSandbox() as sandbox:`` serves on a free loopback port in a background
  thread; ``sandbox.base_url``, ``sandbox.wsdl_url``, ``sandbox.state``, ``sandbox.faults``.
* The pytest plugin ``inforouter.sandbox.pytest_plugin`` gives the ``inforouter_sandbox``
  fixture (fresh state for every test).

Every operation of ``spec/inforouter.wsdl`` is served over SOAP 1.1, SOAP 1.2, HTTP GET
and HTTP POST, with ``?WSDL`` rewritten to the sandbox's own address. The rules, error
messages and every CHOICE are described in `InfoRouterState` and the modules beside it.
The state's clock can be advanced to expire tickets: ``sandbox.state.clock.advance(...)``.

Seed format
-----------
A seed file is JSON (``.json``) or YAML (any other suffix); every key is optional and
unknown keys are errors. Given to a sandbox (``seed=`` a mapping or path, ``--seed``, a
marker), it extends the default seed: keys left out keep the default's, mappings are laid
over the default's, and records are added to the default's (one with the same ``id``,
``name``, ``login``, ``path`` or ``ticket`` replaces it). A seed read whole with ``load`` or
``from_mapping`` (or ``--replace-seed``) replaces the default.
The default seed (``python -m inforouter.sandbox --dump-seed``
prints it)::

    sysadminAccountName: sysadmin      # this user never gets a ticket: [902]
    ticketLifetimeHours: 720           # sliding expiry (30 days)
    errorCodes: false                  # true: errors also carry errorCode="4010" etc.
    nextTaskId: 789                    # the first task created gets this id
    users:
      - {login: jdoe, password: jdoe-password, id: 42, firstName: John,
         lastName: Doe, email: jdoe@example.com}          # enabled: true by default
      - {login: asmith, password: asmith-password, id: 15, firstName: Alice,
         lastName: Smith, email: asmith@example.com}
      - {login: sysadmin, password: sysadmin-password, id: 1, firstName: System,
         lastName: Administrator, email: ""}
    documents:
      - id: 2001
        path: /Public/Contracts/agreement.pdf
        readers: [jdoe, asmith]        # may see the document and its tasks
        taskAssigners: [jdoe, asmith]  # may create (CreateTask) and delete tasks on it
    tasks:
      - id: 456
        document: /Public/Contracts/agreement.pdf
        name: Review agreement
        assignee: jdoe
        assignedBy: asmith
        status: InProgress             # NotStarted, InProgress, DueDateChanged, Completed,
                                       # Reassigned or Dropped
        instructions: Please review the agreement.
        dueDate: "2026-06-30T00:00:00"
        priority: Normal
        requirements: [{type: Approval, objectId: 0, definition: ""}]
        # also: linkedTaskId (default 0), adHoc (default false)
    redirections: {}                   # task redirections, login -> login
    tickets:                           # pre-issued tickets
      - {ticket: abc123, user: jdoe}

CHOICE: ``abc123`` is pre-issued for ``jdoe`` so that the primary page's form POST
example (``authenticationTicket=abc123&taskId=456&...``) works verbatim, and new task
ids start at 789 so that its sample answer's ``TaskId`` comes out for the first task.
A malformed seed raises `SeedError` (a `ValueError`) naming the file and the field.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

# The kit's names are imported at once: the kit is light (the plugin loads it anyway).
import _sandbox_kit
from _client_core import publish
from _sandbox_kit import FAULT_KINDS, FaultKind, Faults, SeedError
from _sandbox_kit._lazy import lazy_export, needing_the_extra

if TYPE_CHECKING:
    from ._app import InfoRouterApp, create_app
    from ._sandbox import InfoRouterSandbox
    from ._seed import DEFAULT_SEED, InfoRouterSeed
    from ._state import InfoRouterState

__all__ = [
    "DEFAULT_SEED",
    "FAULT_KINDS",
    "FaultKind",
    "Faults",
    "InfoRouterApp",
    "InfoRouterSandbox",
    "InfoRouterSeed",
    "InfoRouterState",
    "SeedError",
    "create_app",
]

# The kit's classes are shown as this package's (the first sandbox package imported claims
# them); the others are claimed as they load (`lazy_export`).
publish(__name__, globals(), __all__, owns=(_sandbox_kit.__name__,))


def __getattr__(name: str) -> Any:
    # Loaded on first use: the pytest plugin imports this package in every test session,
    # where starlette and uvicorn may not even be installed. Import statements, not module
    # names in strings, so that a vendoring tool that rewrites imports rewrites these too.
    module: ModuleType | None = None
    with needing_the_extra():  # the error names pip install '...[sandbox]'
        match name:
            case "InfoRouterApp" | "create_app":
                from . import _app as module  # noqa: PLC0415
            case "InfoRouterSandbox":
                from . import _sandbox as module  # noqa: PLC0415
            case "DEFAULT_SEED" | "InfoRouterSeed":
                from . import _seed as module  # noqa: PLC0415
            case "InfoRouterState":
                from . import _state as module  # noqa: PLC0415
    return lazy_export(globals(), name, module)
