"""Typed results of the task methods."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import attrs

from ._enums import ApprovalStatus, AssigneeType, Priority, RightType, TaskStatus
from ._models import TaskRequirement


@attrs.frozen
class CreatedTask:
    """The answer to CreateTask and CreateRelatedTask.

    Attributes:
        task_id: the new task's id.
        redirected_user_name: the login name of the user who actually got the task when the
            requested assignee has an active redirection; None otherwise.
    """

    task_id: int
    redirected_user_name: str | None


@attrs.frozen
class ReassignedTask:
    """The answer to ReassignTask. The original task is now Reassigned; this is the new one.

    Attributes:
        task_id: the new task's id.
        assignee_id: the new assignee's user id.
        assignee_full_name: the new assignee's full name.
        redirected_from_user_id: the user the task was redirected from, or None (the wire's 0).
        redirected_from_user_full_name: that user's full name, or None (the wire's "").
    """

    task_id: int
    assignee_id: int | None
    assignee_full_name: str | None
    redirected_from_user_id: int | None
    redirected_from_user_full_name: str | None


@attrs.frozen
class TaskPermissions:
    """What the assignee may change on the task (GetTask's ``<Permissions>``)."""

    edit_document: bool = False
    change_finish_date: bool = False
    postpone: bool = False
    change_priority: bool = False
    edit_next_step: bool = False
    edit_all_steps: bool = False


@attrs.frozen(kw_only=True)
class TaskAttachment:
    """A document attached to a task (GetTask's ``<Attachment>``)."""

    attached_on: datetime.datetime | None
    document_id: int | None
    document_name: str
    path: str
    workflow_id: int | None
    step_number: int | None
    step_name: str
    user_id: int | None


@attrs.frozen(kw_only=True)
class Task:
    """A task as GetTask describes it.

    Values are read leniently: a missing or unreadable number, date or enum name is None
    (the text is still in `raw`); strings are "" when missing. Dates are naive, in the
    server's local time; infoRouter's "unset" date (1900-01-01 00:00:00) is None.

    Attributes:
        raw: the text of every child element of ``<Task>`` that holds text, by element name,
            including elements this class does not know.
    """

    task_id: int
    name: str
    short_instruction: str
    instructions: str
    step_number: int | None
    step_name: str
    flow_id: int | None
    flow_name: str
    flow_def_id: int | None
    priority: Priority | None
    status: TaskStatus | None
    approval_status: ApprovalStatus | None
    start_date: datetime.datetime | None
    finish_date: datetime.datetime | None
    due_date: datetime.datetime | None
    short_comments: str
    comments: str
    task_def_id: int | None
    linked_task_id: int | None
    assignee_id: int | None
    assignee_type: AssigneeType | None
    assignee_name: str
    assigned_by_id: int | None
    assigned_by_name: str
    supervisor_id: int | None
    supervisor_name: str
    document_id: int | None
    document_name: str
    start_version_number: int | None
    end_version_number: int | None
    document_type_id: int | None
    document_type_name: str
    document_folder_id: int | None
    document_library_id: int | None
    document_library_name: str
    document_checked_out_by_id: int | None
    document_checked_out_by_name: str
    document_template_id: int | None
    redirected_from_user_id: int | None
    redirected_from_user_name: str
    ad_hoc: bool | None
    deadline_hours: int | None
    right_type: RightType | None
    permissions: TaskPermissions
    requirements: tuple[TaskRequirement, ...]
    supervisor_notification_on_due_hours: int | None
    supervisor_notification_date: datetime.datetime | None
    allowed_start_hours: int | None
    allowed_start_date: datetime.datetime | None
    reminder_hours: int | None
    reminder_date: datetime.datetime | None
    attachments: tuple[TaskAttachment, ...]
    raw: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
