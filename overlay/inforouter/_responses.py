"""Reading successful infoRouter answers into typed results: tickets, created and full tasks.

`_answers` has checked the answer already; what is read here is the payload: the ticket
attribute, the ``<Value>`` of create and reassign answers, and GetTask's ``<Task>``.
"""

from __future__ import annotations

import datetime
import logging
import re
from collections.abc import Callable
from typing import Final, TypeVar

from lxml import etree

from . import _xml
from ._answers import read_int
from ._enums import ApprovalStatus, AssigneeType, Priority, RequirementType, RightType, TaskStatus
from ._errors import InvalidResponseError, TaskRequestError
from ._models import TaskRequirement
from ._results import CreatedTask, ReassignedTask, Task, TaskAttachment, TaskPermissions

_log = logging.getLogger("inforouter")

_E = TypeVar("_E")

# Attributes and elements of successful answers; attributes compared in lower case.
_TICKET: Final = "ticket"
_TRUE: Final = "true"
_FALSE: Final = "false"

# CreateTask, CreateRelatedTask and ReassignTask answers.
_VALUE: Final = "Value"
_TASK_ID: Final = "TaskId"
_REDIRECTED_USER_NAME: Final = "RedirectedUserName"
_ASSIGNEE_ID: Final = "AssigneeId"
_ASSIGNEE_FULL_NAME: Final = "AssigneeFullName"
_REDIRECTED_FROM_ID: Final = "RedirectedfromUserId"  # [sic]
_REDIRECTED_FROM_NAME: Final = "RedirectedfromUserFullName"  # [sic]

# GetTask answers (reference section 5.6).
_TASK: Final = "Task"
_UNSET_DATES: Final = frozenset({datetime.datetime(1900, 1, 1), datetime.datetime(1, 1, 1)})
_DATE: Final = re.compile(
    r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?\s*"
)
# GetDocumentTasks spells "no priority" differently from the request models.
_PRIORITY_ALIASES: Final = {"NoPriority": Priority.NO_PRIORITY}
# Only this number is documented (GetTask's RequirementDetails); names are preferred.
_REQUIREMENT_NUMBERS: Final = {4: RequirementType.LATEST_VERSION_READ}
_RIGHT_TYPE_IDS: Final = {
    0: RightType.NO_ACCESS,
    1: RightType.LIST,
    2: RightType.READ,
    3: RightType.ADD,
    4: RightType.ADD_READ,
    5: RightType.CHANGE,
    6: RightType.FULL_CONTROL,
}
_PERMISSIONS: Final = {
    "EditDocument": "edit_document",
    "ChangeFinishdate": "change_finish_date",  # [sic]
    "Postpone": "postpone",
    "ChangePriority": "change_priority",
    "EditNextStep": "edit_next_step",
    "EditAllSteps": "edit_all_steps",
}


# --------------------------------------------------------------------------- values


def _date(text: str | None) -> datetime.datetime | None:
    match = _DATE.fullmatch(text) if text is not None else None
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.groups())
    try:
        value = datetime.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return None if value in _UNSET_DATES else value


def _bool(text: str | None) -> bool | None:
    value = (text or "").strip().lower()
    if value in (_TRUE, _FALSE):
        return value == _TRUE
    return None


def _enum(text: str | None, lookup: Callable[[str], _E]) -> _E | None:
    if text is None:
        return None
    try:
        return lookup(text.strip())
    except (ValueError, KeyError):
        return None


def _priority(text: str) -> Priority:
    return _PRIORITY_ALIASES.get(text) or Priority(text)


def _text_of(element: etree._Element | None) -> str | None:
    return None if element is None else element.text or ""


def _required_int(value: etree._Element, name: str, operation: str) -> int:
    number = read_int(_text_of(_xml.child(value, name)))
    if number is None:
        raise InvalidResponseError(200, f"{operation}: the answer has no numeric {name}")
    return number


def _value(answer: etree._Element, operation: str) -> etree._Element:
    value = _xml.child(answer, _VALUE)
    if value is None:
        raise InvalidResponseError(200, f"{operation}: the answer has no {_VALUE} element")
    return value


# --------------------------------------------------------------------------- results


def read_ticket(answer: etree._Element) -> str:
    """Read the ticket from an AuthenticateUser answer.

    Args:
        answer: a successful answer.

    Returns:
        The ticket.

    Raises:
        InvalidResponseError: the answer carries no ticket.
    """
    ticket = _xml.attributes(answer).get(_TICKET, "").strip()
    if not ticket:
        raise InvalidResponseError(200, "AuthenticateUser: the answer carries no ticket")
    return ticket


def read_created_task(answer: etree._Element, operation: str) -> CreatedTask:
    """Read a CreateTask or CreateRelatedTask answer.

    Args:
        answer: a successful answer.
        operation: the infoRouter operation, for messages.

    Returns:
        The new task's id and the redirected user, if any.

    Raises:
        InvalidResponseError: the answer has no task id.
    """
    value = _value(answer, operation)
    redirected = _text_of(_xml.child(value, _REDIRECTED_USER_NAME))
    return CreatedTask(
        task_id=_required_int(value, _TASK_ID, operation),
        redirected_user_name=redirected or None,
    )


def read_reassigned_task(answer: etree._Element, operation: str) -> ReassignedTask:
    """Read a ReassignTask answer.

    Args:
        answer: a successful answer.
        operation: the infoRouter operation, for messages.

    Returns:
        The new task.

    Raises:
        InvalidResponseError: the answer has no task id.
    """
    value = _value(answer, operation)
    redirected_from = read_int(_text_of(_xml.child(value, _REDIRECTED_FROM_ID)))
    return ReassignedTask(
        task_id=_required_int(value, _TASK_ID, operation),
        assignee_id=read_int(_text_of(_xml.child(value, _ASSIGNEE_ID))),
        assignee_full_name=_text_of(_xml.child(value, _ASSIGNEE_FULL_NAME)) or None,
        redirected_from_user_id=redirected_from or None,
        redirected_from_user_full_name=_text_of(_xml.child(value, _REDIRECTED_FROM_NAME)) or None,
    )


def _right_type(element: etree._Element | None) -> RightType | None:
    if element is None:
        return None
    attributes = _xml.attributes(element)
    by_name = _enum(attributes.get("righttypename"), RightType)
    if by_name is not None:
        return by_name
    return _enum(attributes.get("righttypeid"), lambda t: _RIGHT_TYPE_IDS[int(t)])


def _permissions(element: etree._Element | None) -> TaskPermissions:
    flags: dict[str, bool] = {}
    for name, permission in _xml.children(element) if element is not None else ():
        if name != "Permission":
            continue
        attributes = _xml.attributes(permission)
        field = _PERMISSIONS.get(attributes.get("name", ""))
        if field is not None:
            flags[field] = _bool(attributes.get("value")) is True
    return TaskPermissions(**flags)


def _requirement(element: etree._Element) -> TaskRequirement | None:
    fields = {name: node.text or "" for name, node in _xml.children(element)}
    kind = _enum(fields.get("Name"), RequirementType) or _enum(
        fields.get("RequirementType"), lambda t: _REQUIREMENT_NUMBERS[int(t)]
    )
    if kind is None:
        return None
    try:
        return TaskRequirement(
            kind, read_int(fields.get("ObjectId")) or 0, fields.get("Definition", "")
        )
    except TaskRequestError:
        return None


def _requirements(element: etree._Element | None, task_id: int) -> tuple[TaskRequirement, ...]:
    found: list[TaskRequirement] = []
    for _name, node in _xml.children(element) if element is not None else ():
        requirement = _requirement(node)
        if requirement is None:
            # CHOICE: an unknown requirement (e.g. NoRequirement on a flow task) is skipped
            # rather than failing the whole GetTask.
            _log.debug("GetTask %d: skipped a requirement this client does not know", task_id)
        else:
            found.append(requirement)
    return tuple(found)


def _attachments(element: etree._Element | None) -> tuple[TaskAttachment, ...]:
    found: list[TaskAttachment] = []
    for _name, node in _xml.children(element) if element is not None else ():
        fields = {name: child.text or "" for name, child in _xml.children(node)}
        found.append(
            TaskAttachment(
                attached_on=_date(fields.get("AttachmentDate")),
                document_id=read_int(fields.get("DocumentId")),
                document_name=fields.get("DocumentName", ""),
                path=fields.get("Path", ""),
                workflow_id=read_int(fields.get("WorkflowId")),
                step_number=read_int(fields.get("StepNumber")),
                step_name=fields.get("StepName", ""),
                user_id=read_int(fields.get("UserId")),
            )
        )
    return tuple(found)


def read_task(answer: etree._Element, operation: str) -> Task:
    """Read a GetTask answer.

    Args:
        answer: a successful answer.
        operation: the infoRouter operation, for messages.

    Returns:
        The task.

    Raises:
        InvalidResponseError: the answer has no ``<Task>`` with a numeric ``TaskID``.
    """
    task = _xml.child(answer, _TASK)
    if task is None:
        raise InvalidResponseError(200, f"{operation}: the answer has no {_TASK} element")
    nodes: dict[str, etree._Element] = {}
    for name, node in _xml.children(task):
        nodes.setdefault(name, node)
    raw = {name: node.text or "" for name, node in nodes.items() if not len(node)}
    task_id = read_int(raw.get("TaskID"))
    if task_id is None:
        raise InvalidResponseError(200, f"{operation}: the answer has no numeric TaskID")

    def text(name: str) -> str:
        return raw.get(name, "")

    def number(name: str) -> int | None:
        return read_int(raw.get(name))

    def date(name: str) -> datetime.datetime | None:
        return _date(raw.get(name))

    return Task(
        task_id=task_id,
        name=text("TaskName"),
        short_instruction=text("ShortInstruction"),
        instructions=raw.get("extendedInstruction", text("ShortInstruction")),
        step_number=number("StepNumber"),
        step_name=text("StepName"),
        flow_id=number("FlowID"),
        flow_name=text("FlowName"),
        flow_def_id=number("FlowDefID"),
        priority=_enum(raw.get("Priority"), _priority),
        status=_enum(raw.get("TaskStatus"), TaskStatus),
        approval_status=_enum(raw.get("ApprovalStatus"), ApprovalStatus),
        # StartDtae [sic] is the vendor's deprecated duplicate of StartDate.
        start_date=date("StartDate") or date("StartDtae"),
        finish_date=date("FinishDate"),
        due_date=date("DueDate"),
        short_comments=text("ShortComments"),
        comments=raw.get("extendedComment", text("ShortComments")),
        task_def_id=number("TaskDefID"),
        linked_task_id=number("LinkedTaskID"),
        assignee_id=number("AssigneeID"),
        assignee_type=_enum(raw.get("AssigneeType"), AssigneeType),
        assignee_name=text("AssigneeName"),
        assigned_by_id=number("AssignedByID"),
        assigned_by_name=text("AssignedByName"),
        supervisor_id=number("SuperVisorID"),
        supervisor_name=text("SupervisorName"),
        document_id=number("DocumentID"),
        document_name=text("DocumentName"),
        start_version_number=number("StartVersionNumber"),
        end_version_number=number("EndVersionNumber"),
        document_type_id=number("DocumentTypeId"),
        document_type_name=text("DocumentTypeName"),
        document_folder_id=number("DocumentFolderID"),
        document_library_id=number("DocumentLibraryID"),
        document_library_name=text("DocumentLibraryName"),
        document_checked_out_by_id=number("DocumentCheckedOutByID"),
        document_checked_out_by_name=text("DocumentCheckedOutByName"),
        document_template_id=number("DocumentTemplateID"),
        redirected_from_user_id=number("RedirectedFrom_UserID"),
        redirected_from_user_name=text("RedirectedFrom_UserName"),
        ad_hoc=_bool(raw.get("AdHoc")),
        deadline_hours=number("DeadLine"),
        right_type=_right_type(nodes.get("RightType")),
        permissions=_permissions(nodes.get("Permissions")),
        requirements=_requirements(nodes.get("RequirementDetails"), task_id),
        supervisor_notification_on_due_hours=number("Supervisor_NotificationOnDue"),
        supervisor_notification_date=date("SupervisorNotificationDate"),
        allowed_start_hours=number("AllowedStartTimeSpan"),
        allowed_start_date=date("AllowedStartDate"),
        reminder_hours=number("ReminderTimeSpan"),
        reminder_date=date("ReminderDate"),
        attachments=_attachments(nodes.get("Attachments")),
        raw=raw,
    )
