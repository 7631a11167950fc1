"""The WSDL operations the package sends: their retry rules, and which public method sends each.

Each operation is named once, as an `Operation`, with the two properties that decide what
happens on failure:

- ``repeatable``: sending the call twice does no harm, so it is retried on timeouts, dropped
  connections, HTTP 408, 429 and 5xx. Otherwise it is retried only when the request provably
  never left (the connection could not be made), and a failure after sending raises
  `OutcomeUnknownError`.
- ``reauthenticate``: on ``[901]`` the session logs in again once and repeats the call. Only
  calls that are safe to repeat do this; create and reassign calls raise
  `TicketExpiredError` and leave the decision to the caller.

A public method that sends an operation is marked ``@sends(OPERATION)``; `exposed_operations`
reads those marks, so the table of what is exposed is derived from the code, never written
twice. `NOT_EXPOSED` lists the WSDL operations left out on purpose, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

import attrs
from inforouter_api import OPERATIONS as WSDL_OPERATIONS

_F = TypeVar("_F", bound=Callable[..., object])

# The attribute `sends` sets on a method: the WSDL name of the operation it sends.
_MARK: Final = "__inforouter_operation__"


@attrs.frozen
class Operation:
    """One WSDL operation and how failures of it are handled.

    Attributes:
        name: the WSDL operation name (also the generated ports' method name).
        repeatable: sending it twice does no harm.
        reauthenticate: on an expired ticket, log in again once and repeat it.
    """

    name: str
    repeatable: bool
    reauthenticate: bool

    @property
    def ticket_parameter(self) -> str | None:
        """The parameter that carries the ticket, as the WSDL spells it (its case varies)."""
        for parameter in WSDL_OPERATIONS[self.name].parameters:
            if parameter.name.lower() == "authenticationticket":
                return parameter.name
        return None


AUTHENTICATE: Final = Operation("AuthenticateUser", repeatable=True, reauthenticate=False)
LOG_OUT: Final = Operation("LogOut", repeatable=True, reauthenticate=False)
IS_VALID: Final = Operation("isValidTicket", repeatable=True, reauthenticate=False)
GET_TASK: Final = Operation("GetTask", repeatable=True, reauthenticate=True)
# CHOICE: completing and deleting change state, but repeating them cannot create anything;
# a repeat after a lost answer is answered "already completed" or "not found" (see docstrings).
COMPLETE_TASK: Final = Operation("CompleteTask", repeatable=True, reauthenticate=True)
DELETE_TASK: Final = Operation("DeleteTask", repeatable=True, reauthenticate=True)
CREATE_TASK: Final = Operation("CreateTask", repeatable=False, reauthenticate=False)
CREATE_RELATED_TASK: Final = Operation("CreateRelatedTask", repeatable=False, reauthenticate=False)
REASSIGN_TASK: Final = Operation("ReassignTask", repeatable=False, reauthenticate=False)
OPERATIONS: Final = (
    AUTHENTICATE,
    LOG_OUT,
    IS_VALID,
    GET_TASK,
    COMPLETE_TASK,
    DELETE_TASK,
    CREATE_TASK,
    CREATE_RELATED_TASK,
    REASSIGN_TASK,
)

#: WSDL operations deliberately not offered by a public method, each with the reason.
NOT_EXPOSED: Final[dict[str, str]] = {}


def sends(operation: Operation) -> Callable[[_F], _F]:
    """Mark a public method as the one that sends ``operation`` (read by `exposed_operations`).

    Args:
        operation: the operation the method sends.

    Returns:
        A decorator that returns the method unchanged but for the mark.
    """

    def mark(method: _F) -> _F:
        setattr(method, _MARK, operation.name)
        return method

    return mark


def _marked(classes: tuple[type, ...]) -> dict[str, str]:
    found: dict[str, str] = {}
    for cls in classes:
        for attribute in sorted(dir(cls)):
            name = getattr(getattr(cls, attribute), _MARK, None)
            if isinstance(name, str) and not attribute.startswith("_"):
                found.setdefault(name, f"{cls.__name__}.{attribute}")
    return found


def exposed_operations() -> dict[str, str]:
    """Map each WSDL operation a public method sends to that method's qualified name.

    The synchronous surface is named (``"Session.create_related_task"``); `AsyncSession` and
    `AsyncInfoRouterClient` offer the same methods under the same names.

    Returns:
        ``{WSDL operation name: "Class.method"}``, derived from the ``@sends`` marks.
    """
    # Imported here: the clients and sessions import this module.
    from ._client import InfoRouterClient  # noqa: PLC0415
    from ._session import Session  # noqa: PLC0415

    return _marked((InfoRouterClient, Session))


def async_exposed_operations() -> dict[str, str]:
    """Like `exposed_operations`, for `AsyncInfoRouterClient` and `AsyncSession`.

    Returns:
        ``{WSDL operation name: "Class.method"}``.
    """
    from ._client import AsyncInfoRouterClient  # noqa: PLC0415
    from ._session import AsyncSession  # noqa: PLC0415

    return _marked((AsyncInfoRouterClient, AsyncSession))
