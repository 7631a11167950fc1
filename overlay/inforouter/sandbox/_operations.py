"""One handler per WSDL operation: wire values in, an answer element out.

A handler's parameters after the context are the operation's parameters in WSDL order,
already converted by XSD type; their names here are the sandbox's own (the wire names
live only in the WSDL). A string parameter annotated ``str | None`` is optional; a plain
``str`` is required, so the HTTP GET/POST bindings answer 400 when it is empty (the
revised pages' model binding). The app checks at start-up that every operation in the
WSDL has a handler with matching parameter types.

Answer roots follow the vendor pages per method (reference section 3): ``<root>`` for
AuthenticateUser, LogOut, isValidTicket, CompleteTask, DeleteTask and GetTask;
``<response>`` for CreateTask, CreateRelatedTask and ReassignTask. Errors use the same
root as the method's success (CHOICE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from ._models import CREATION_MODEL, RELATED_MODEL, ModelError, ModelValues, TaskModels
from ._state import BAD_XML_PARAMETERS, ErrorSpec, InfoRouterError, InfoRouterState, Task, User

_UNSET_DATE: Final = "1900-01-01 00:00:00"
_RIGHT_TEXTS: Final = {
    "NOACCESS": "No Access",
    "LIST": "List",
    "READ": "Read Only",
    "ADD": "Add",
    "ADDREAD": "Add and Read",
    "CHANGE": "Change",
    "FULLCONTROL": "Full Control",
}
_PERMISSIONS: Final = (
    "EditDocument",
    "ChangeFinishdate",
    "Postpone",
    "ChangePriority",
    "EditNextStep",
    "EditAllSteps",
)


@dataclass(slots=True)
class Answer:
    """The answer element: ``success``, further attributes and child elements."""

    success: bool
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[etree._Element] = field(default_factory=list)

    def element(self, root: str) -> etree._Element:
        """Build the answer element.

        Args:
            root: ``root`` or ``response``.

        Returns:
            The element.
        """
        element = etree.Element(root)
        element.set("success", "true" if self.success else "false")
        for name, value in self.attributes.items():
            element.set(name, value)
        element.extend(self.children)
        return element


@dataclass(slots=True)
class Context:
    """What a handler may use besides its parameters."""

    state: InfoRouterState
    models: TaskModels
    cookies: dict[str, str]


def error_answer(error: InfoRouterError, with_code: bool) -> Answer:
    """Return the ``success="false"`` answer for an error.

    Args:
        error: The error.
        with_code: Add the revised pages' ``errorCode`` attribute.

    Returns:
        The answer.
    """
    attributes = {"error": error.message}
    if with_code:
        attributes["errorCode"] = str(error.code)
    return Answer(False, attributes)


def _text(parent: etree._Element, name: str, value: object) -> etree._Element:
    child = etree.SubElement(parent, name)
    child.text = str(value)
    return child


def _date(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value is not None else _UNSET_DATE


def _expire_on(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _value(*items: tuple[str, object]) -> etree._Element:
    value = etree.Element("Value")
    for name, text in items:
        _text(value, name, text)
    return value


def _model(ctx: Context, text: str, model: str) -> ModelValues:
    try:
        return ctx.models.read(text, model)
    except ModelError as exc:
        raise InfoRouterError(ErrorSpec(str(exc), BAD_XML_PARAMETERS)) from None


def _user_attributes(user: User, expires: dt.datetime) -> dict[str, str]:
    return {
        "userid": str(user.id),
        "username": user.login,
        "firstName": user.first_name,
        "lastName": user.last_name,
        "fullname": user.full_name,
        "email": user.email,
        "expireOn": _expire_on(expires),
        "isAuthenticated": "True",
    }


# ---------------------------------------------------------------------- authentication


def authenticate_user(ctx: Context, login: str, password: str) -> Answer:
    """AuthenticateUser."""
    ticket, user = ctx.state.authenticate(login, password)
    return Answer(True, {"ticket": ticket.value, **_user_attributes(user, ticket.expires_at)})


def _ticket_or_cookie(ctx: Context, ticket: str | None) -> str | None:
    # LogOut and isValidTicket fall back to the "ticket" cookie (apidocs/LogOut).
    return ticket if ticket else ctx.cookies.get("ticket")


def log_out(ctx: Context, ticket: str | None) -> Answer:
    """LogOut."""
    ctx.state.log_out(_ticket_or_cookie(ctx, ticket))
    return Answer(True)


def is_valid_ticket(ctx: Context, ticket: str | None) -> Answer:
    """IsValidTicket: the user's attributes without the ticket; the expiry does not move."""
    found, user = ctx.state.check_ticket(_ticket_or_cookie(ctx, ticket), extend=False)
    return Answer(True, _user_attributes(user, found.expires_at))


# ---------------------------------------------------------------------- tasks


def _created(task: Task, redirected_from: User | None) -> Answer:
    # RedirectedUserName: the real assignee when a redirection applied, else empty.
    redirected = task.assignee if redirected_from is not None else ""
    return Answer(True, children=[_value(("TaskId", task.id), ("RedirectedUserName", redirected))])


def create_task(ctx: Context, ticket: str, document_path: str, xml_parameters: str) -> Answer:
    """CreateTask."""
    _, caller = ctx.state.check_ticket(ticket)
    values = _model(ctx, xml_parameters, CREATION_MODEL)
    return _created(*ctx.state.create_task(caller, document_path, values))


def create_related_task(ctx: Context, ticket: str, task_id: int, xml_parameters: str) -> Answer:
    """CreateRelatedTask."""
    _, caller = ctx.state.check_ticket(ticket)
    values = _model(ctx, xml_parameters, RELATED_MODEL)
    return _created(*ctx.state.create_related_task(caller, task_id, values))


def complete_task(ctx: Context, ticket: str, task_id: int, comments: str | None) -> Answer:
    """CompleteTask."""
    _, caller = ctx.state.check_ticket(ticket)
    ctx.state.complete_task(caller, task_id, comments)
    return Answer(True)


def delete_task(ctx: Context, ticket: str, task_id: int) -> Answer:
    """DeleteTask."""
    _, caller = ctx.state.check_ticket(ticket)
    ctx.state.delete_task(caller, task_id)
    return Answer(True)


def reassign_task(  # noqa: PLR0917 (the WSDL's parameters, in order)
    ctx: Context,
    ticket: str,
    task_id: int,
    reassign_to: str,
    new_due_date: dt.datetime,
    new_instructions: str | None,
    send_task_notice: bool,
) -> Answer:
    """ReassignTask."""
    _, caller = ctx.state.check_ticket(ticket)
    task, redirected_from = ctx.state.reassign_task(
        caller, task_id, reassign_to, new_due_date, new_instructions
    )
    task.send_notice = send_task_notice
    assignee = ctx.state.users[task.assignee]
    return Answer(
        True,
        children=[
            _value(
                ("TaskId", task.id),
                ("AssigneeId", assignee.id),
                ("AssigneeFullName", assignee.full_name),
                ("RedirectedfromUserId", redirected_from.id if redirected_from else 0),
                (
                    "RedirectedfromUserFullName",
                    redirected_from.full_name if redirected_from else "",
                ),
            )
        ],
    )


def get_task(ctx: Context, ticket: str, task_id: int) -> Answer:
    """GetTask: any authenticated user; the full ``<Task>`` in the documented order."""
    ctx.state.check_ticket(ticket)
    task = ctx.state.task(task_id)
    return Answer(True, children=[task_element(ctx.state, ctx.models, task)])


def task_element(state: InfoRouterState, models: TaskModels, task: Task) -> etree._Element:
    """Return the ``<Task>`` element of GetTask, children in the order of apidocs/GetTask.

    Args:
        state: The server state (users, documents).
        models: The task-model XSD (enum spellings and order).
        task: The task.

    Returns:
        The element.
    """
    document = state.documents.get(task.document_id)
    assignee = state.users.get(task.assignee)
    assigner = state.users.get(task.assigned_by)
    redirected = state.users.get(task.redirected_from) if task.redirected_from else None
    element = etree.Element("Task")
    for name, value in (
        ("TaskID", task.id),
        ("TaskName", task.name),
        ("ShortInstruction", task.instructions[:255]),
        ("StepNumber", 0),
        ("StepName", ""),
        ("FlowID", 0),
        ("FlowName", ""),
        ("FlowDefID", 0),
        ("Priority", task.priority),
        ("TaskStatus", task.status),
        ("ApprovalStatus", "NoResult"),
        ("StartDate", _date(task.start_date)),
        # StartDtae: the vendor's deprecated misspelt duplicate of StartDate, kept.
        ("StartDtae", _date(task.start_date)),
        ("FinishDate", _date(task.finish_date)),
        ("DueDate", _date(task.due_date)),
        ("ShortComments", task.comments[:255]),
        ("TaskDefID", 0),
        ("LinkedTaskID", task.linked_task_id),
        ("AssigneeID", assignee.id if assignee else 0),
        ("AssigneeType", "User"),
        ("AssigneeName", assignee.full_name if assignee else ""),
        ("AssignedByID", assigner.id if assigner else 0),
        ("AssignedByName", assigner.full_name if assigner else ""),
        ("SuperVisorID", 0),
        ("SupervisorName", ""),
        ("DocumentID", task.document_id),
        ("DocumentName", document.name if document else ""),
        ("StartVersionNumber", 1),
        ("EndVersionNumber", 0),
        ("DocumentTypeId", 0),
        ("DocumentTypeName", ""),
        ("DocumentFolderID", document.folder_id if document else 0),
        ("DocumentLibraryID", document.library_id if document else 0),
        ("DocumentLibraryName", document.library_name if document else ""),
        ("DocumentCheckedOutByID", 0),
        ("DocumentCheckedOutByName", ""),
        ("DocumentTemplateID", 0),
        ("RedirectedFrom_UserID", redirected.id if redirected else 0),
        ("RedirectedFrom_UserName", redirected.full_name if redirected else ""),
        ("AdHoc", "True" if task.ad_hoc else "False"),
        ("DeadLine", 0),
    ):
        _text(element, name, value)
    rights = models.enums["RightTypeName"]
    right = etree.SubElement(element, "RightType")
    # RightTypeId is the position in the XSD's enumeration (NOACCESS 0 ... FULLCONTROL 6).
    right.set("RightTypeId", str(rights.index(task.right_type)))
    right.set("RightTypeName", task.right_type)
    right.set("RightTypeText", _RIGHT_TEXTS.get(task.right_type, task.right_type))
    permissions = etree.SubElement(element, "Permissions")
    for name in _PERMISSIONS:
        permission = etree.SubElement(permissions, "Permission")
        permission.set("Name", name)
        permission.set("Value", "True" if task.permissions.get(name, False) else "False")
    details = etree.SubElement(element, "RequirementDetails")
    kinds = models.enums["RequirementTypeName"]
    for requirement in task.requirements:
        detail = etree.SubElement(details, "Requirement")
        _text(detail, "Name", requirement.type)
        # CHOICE (reference section 7): only LastestVersionRead = 4 is known; the others
        # follow the XSD's order from that anchor.
        _text(
            detail,
            "RequirementType",
            kinds.index(requirement.type) + 2 if requirement.type in kinds else 0,
        )
        etree.SubElement(detail, "Definition").text = requirement.definition or None
        _text(detail, "ObjectId", requirement.object_id)
    etree.SubElement(element, "Requirements")
    allowed = (
        task.due_date - dt.timedelta(hours=task.allowed_start_hours)
        if task.allowed_start_hours
        else None
    )
    reminder = (
        task.due_date - dt.timedelta(hours=task.reminder_hours) if task.reminder_hours else None
    )
    for name, value in (
        ("Supervisor_NotificationOnDue", 0),
        ("SupervisorNotificationDate", _UNSET_DATE),
        ("AllowedStartTimeSpan", task.allowed_start_hours),
        ("AllowedStartDate", _date(allowed)),
        ("ReminderTimeSpan", task.reminder_hours),
        ("ReminderDate", _date(reminder)),
        ("extendedInstruction", task.instructions),
        ("extendedComment", task.comments),
    ):
        _text(element, name, value)
    etree.SubElement(element, "Attachments")
    return element


Handler = Callable[..., Answer]

HANDLERS: Final[dict[str, Handler]] = {
    "AuthenticateUser": authenticate_user,
    "LogOut": log_out,
    "isValidTicket": is_valid_ticket,
    "CreateTask": create_task,
    "CreateRelatedTask": create_related_task,
    "CompleteTask": complete_task,
    "DeleteTask": delete_task,
    "ReassignTask": reassign_task,
    "GetTask": get_task,
}
ROOTS: Final[dict[str, str]] = {
    "AuthenticateUser": "root",
    "LogOut": "root",
    "isValidTicket": "root",
    "CompleteTask": "root",
    "DeleteTask": "root",
    "GetTask": "root",
    "CreateTask": "response",
    "CreateRelatedTask": "response",
    "ReassignTask": "response",
}
