"""Each operation's call: checked arguments and how its answer is read, for both sessions.

A builder checks its arguments (raising `TaskRequestError` before anything is sent) and
returns a `Call`: the operation, its arguments as the WSDL names them, and the reader of the
successful answer. The ticket is not in the arguments: the session adds it at each attempt,
so that a call repeated after a new login carries the new ticket. `Session` and
`AsyncSession` differ only in how they send a `Call`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

import attrs
from lxml import etree

from . import _operations as ops
from ._checks import check_bool, check_int, check_name, check_text, wire_datetime
from ._errors import TaskRequestError
from ._models import RelatedTaskRequest, TaskRequest
from ._responses import read_created_task, read_reassigned_task, read_task, read_ticket
from ._results import CreatedTask, ReassignedTask, Task

_T = TypeVar("_T")
_M = TypeVar("_M", RelatedTaskRequest, TaskRequest)


@attrs.frozen
class Call(Generic[_T]):
    """One operation with its checked arguments, and the reader of its answer.

    Attributes:
        operation: the operation.
        arguments: the parameters but the ticket, by their WSDL names.
        read: turns the successful answer element into the method's result.
    """

    operation: ops.Operation
    arguments: Mapping[str, object]
    read: Callable[[etree._Element], _T]

    def with_ticket(self, ticket: str) -> dict[str, object]:
        """Return the arguments to send, the ticket added where the operation takes one.

        Args:
            ticket: the session's current ticket.

        Returns:
            The keyword arguments of the generated port's method.
        """
        parameter = self.operation.ticket_parameter
        if parameter is None:
            return dict(self.arguments)
        return {parameter: ticket, **self.arguments}


def _nothing(answer: etree._Element) -> None:
    """Read an answer whose success is all it says."""


def _model(request: object, model: type[_M]) -> _M:
    if not isinstance(request, model):
        raise TaskRequestError(f"request must be a {model.__name__}, not {type(request).__name__}")
    return request


def _task_id(value: int, name: str = "task_id") -> int:
    return check_int(value, name, minimum=1)


def check_credentials(user: object, password: object) -> tuple[str, str]:
    """Check a login name and password before a session keeps them.

    Args:
        user: the login name.
        password: the password.

    Returns:
        Both, checked.

    Raises:
        TaskRequestError: either is not XML-safe text, or is empty or only white space (such a
            log-in could only fail, so it is refused before anything is sent, on every binding).
    """
    return check_name(user, "user"), check_name(password, "password")


def authenticate(user: str, password: str) -> Call[str]:
    """AuthenticateUser; the answer gives the ticket."""
    return Call(ops.AUTHENTICATE, {"UID": user, "PWD": password}, read_ticket)


def log_out() -> Call[None]:
    """LogOut."""
    return Call(ops.LOG_OUT, {}, _nothing)


def is_valid() -> Call[None]:
    """isValidTicket; an expired ticket raises `TicketExpiredError`."""
    return Call(ops.IS_VALID, {}, _nothing)


def create_related_task(parent_task_id: int, request: RelatedTaskRequest) -> Call[CreatedTask]:
    """CreateRelatedTask; see `Session.create_related_task`."""
    arguments = {
        "taskId": _task_id(parent_task_id, "parent_task_id"),
        "xmlParameters": _model(request, RelatedTaskRequest).to_xml(),
    }
    return Call(
        ops.CREATE_RELATED_TASK,
        arguments,
        lambda answer: read_created_task(answer, ops.CREATE_RELATED_TASK.name),
    )


def create_task(document_path: str, request: TaskRequest) -> Call[CreatedTask]:
    """CreateTask; see `Session.create_task`."""
    arguments = {
        "documentPath": check_name(document_path, "document_path"),
        "xmlParameters": _model(request, TaskRequest).to_xml(),
    }
    return Call(
        ops.CREATE_TASK, arguments, lambda answer: read_created_task(answer, ops.CREATE_TASK.name)
    )


def complete_task(task_id: int, comments: str | None) -> Call[None]:
    """CompleteTask; see `Session.complete_task`."""
    number = _task_id(task_id)
    text = None if comments is None else check_text(comments, "comments")
    return Call(ops.COMPLETE_TASK, {"taskId": number, "comments": text}, _nothing)


def delete_task(task_id: int) -> Call[None]:
    """DeleteTask; see `Session.delete_task`."""
    return Call(ops.DELETE_TASK, {"taskId": _task_id(task_id)}, _nothing)


def reassign_task(
    task_id: int,
    to: str,
    new_due_date: datetime.date,
    new_instructions: str,
    send_notice: bool,
) -> Call[ReassignedTask]:
    """ReassignTask; see `Session.reassign_task`."""
    arguments = {
        "taskId": _task_id(task_id),
        "reassignTo": check_name(to, "to"),
        "newDueDate": wire_datetime(new_due_date, "new_due_date"),
        "newInstructions": check_text(new_instructions, "new_instructions"),
        "sendTaskNotice": check_bool(send_notice, "send_notice"),
    }
    return Call(
        ops.REASSIGN_TASK,
        arguments,
        lambda answer: read_reassigned_task(answer, ops.REASSIGN_TASK.name),
    )


def get_task(task_id: int) -> Call[Task]:
    """GetTask; see `Session.get_task`."""
    return Call(
        ops.GET_TASK,
        {"taskId": _task_id(task_id)},
        lambda answer: read_task(answer, ops.GET_TASK.name),
    )
