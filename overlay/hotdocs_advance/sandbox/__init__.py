"""A local, stateful emulator of the HotDocs Advance REST API, for tests and demos.

Needs the ``sandbox`` extra (starlette, uvicorn, openapi-core, pyyaml). Three ways in:

* ``python -m hotdocs_advance.sandbox --port 8080`` prints the API base URL
  (``http://127.0.0.1:8080/api/rest``) as its first line and serves until interrupted;
  ``--help`` lists the options (seed file, faults).
* ``with AdvanceSandbox() as sandbox:`` serves on a free loopback port in a background
  thread; ``sandbox.base_url``, ``sandbox.auth_url``, ``sandbox.state``, ``sandbox.faults``.
* The pytest plugin ``hotdocs_advance.sandbox.pytest_plugin`` gives the ``advance_sandbox``
  fixture (fresh state for every test).

Behaviour: paths, bodies and statuses as in ``spec/hotdocs-advance.openapi.yaml``; every
request and every answer is validated against that spec; tokens only come from
``POST /auth/Authorize/ServicePrincipalLogIn`` and carry their client's scope. The rules
and every CHOICE are described in `AdvanceState` and the modules beside it.

Seed format
-----------
A seed file is JSON (``.json``) or YAML (any other suffix); every key is optional and
unknown keys are errors. The default seed (``python -m hotdocs_advance.sandbox
--dump-seed`` prints it)::

    tenancy: tenancy1                  # the tenancy moniker
    clientInterviewsEnabled: true      # false: public links answer 403
    publicLinkRepeat: upsert           # or reject: a changed repeat PUT answers 409
    versions:                          # the v2.0 calls that move a version on (create,
                                       # Complete, CreateAndAssemble, SaveAndClose):
      workSeconds: 0.05                # how long each takes (e.g. Completing -> Completed)
      synchronousTimeoutSeconds: 1.0   # work that fits is answered 200 with the final
                                       # status once done; longer work, or any call with
                                       # a callbackUrl, gets 202 with the status so far and
                                       # ends in the background (0: always 202)
      callbackScheme: hmac             # or token: how a callbackSecret authenticates the
                                       # callback (X-HotDocs-Signature, or Authorization)
    documents:
      paddingBytes: 0                  # each assembled .docx gets a stored part this large
                                       # (incompressible; for download benchmarks)
    workGroups:
      - {id: cb97f8d6-04a1-490a-aa09-92af12dfb305, name: Contracts}
      - {id: 09000000-0000-0000-0000-000000000001, name: Examples}
    templatePackages:
      - id: 0ef6a9be-b007-4d7d-83f1-9d56f931cd0f
        name: Contract renewal
        activated: true                # default true
        hasLiveVersion: true           # default true
        workGroups: [cb97f8d6-04a1-490a-aa09-92af12dfb305]
      - id: 03000000-0000-0000-0000-000000000003
        name: Example contract
        workGroups: [09000000-0000-0000-0000-000000000001]
    apiClients:
      - name: sandbox                  # ClientName (case-insensitive)
        scope: Command                 # Query, Command or Root
        principalName: sandbox-principal
        principalPassword: sandbox-password
        principalActive: true          # default true
        tokenLifeSpanSeconds: 3600     # default 3600
      - {name: sandbox-reader, scope: Query, principalName: reader-principal,
         principalPassword: reader-password}

A malformed seed raises `SeedError` (a `ValueError`) naming the file and the field.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

# The kit's names are imported at once: the kit is light (the plugin loads it anyway).
from _sandbox_kit import FAULT_KINDS, FaultKind, Faults, SeedError
from _sandbox_kit._lazy import lazy_export

if TYPE_CHECKING:
    from ._app import AdvanceApp, create_app
    from ._callback import CALLBACK_SIGNATURE_HEADER, CallbackRecord, signature
    from ._sandbox import AdvanceSandbox
    from ._seed import DEFAULT_SEED, AdvanceSeed
    from ._state import AdvanceState

__all__ = [
    "CALLBACK_SIGNATURE_HEADER",
    "DEFAULT_SEED",
    "FAULT_KINDS",
    "AdvanceApp",
    "AdvanceSandbox",
    "AdvanceSeed",
    "AdvanceState",
    "CallbackRecord",
    "FaultKind",
    "Faults",
    "SeedError",
    "create_app",
    "signature",
]


def __getattr__(name: str) -> Any:
    # Loaded on first use: the pytest plugin imports this package in every test session,
    # where starlette and uvicorn may not even be installed. Import statements, not module
    # names in strings, so that a vendoring tool that rewrites imports rewrites these too.
    module: ModuleType | None = None
    match name:
        case "AdvanceApp" | "create_app":
            from . import _app as module  # noqa: PLC0415
        case "CALLBACK_SIGNATURE_HEADER" | "CallbackRecord" | "signature":
            from . import _callback as module  # noqa: PLC0415
        case "AdvanceSandbox":
            from . import _sandbox as module  # noqa: PLC0415
        case "DEFAULT_SEED" | "AdvanceSeed":
            from . import _seed as module  # noqa: PLC0415
        case "AdvanceState":
            from . import _state as module  # noqa: PLC0415
    return lazy_export(globals(), name, module)
