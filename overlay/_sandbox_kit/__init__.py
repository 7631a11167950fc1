"""Shared machinery of the two local sandboxes (private).

Nothing here imports starlette or uvicorn at import time: the sandboxes' pytest plugins
load in every test session of every user, with or without the ``sandbox`` extra.
"""

from ._clock import Clock
from ._faults import (
    FAULT_KINDS,
    ConnectionDropped,
    FaultEvent,
    FaultInjectionMiddleware,
    FaultKind,
    Faults,
)
from ._seed import Fields, SeedError, load_seed_file
from ._server import ServerThread, check_host, is_loopback, origin

__all__ = [
    "FAULT_KINDS",
    "Clock",
    "ConnectionDropped",
    "FaultEvent",
    "FaultInjectionMiddleware",
    "FaultKind",
    "Faults",
    "Fields",
    "SeedError",
    "ServerThread",
    "check_host",
    "is_loopback",
    "load_seed_file",
    "origin",
]
