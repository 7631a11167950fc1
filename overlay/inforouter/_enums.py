"""The enums of task requests and task answers; each value is the wire spelling, [sic] included."""

from __future__ import annotations

import enum


class Priority(enum.Enum):
    """Task priority; values are the wire names."""

    NO_PRIORITY = "NoPriortySetting"  # [sic]
    LOW = "Low"
    NORMAL = "Normal"
    HIGH = "High"
    URGENT = "Urgent"


class RequirementType(enum.Enum):
    """What the assignee must do before the task can be completed; values are the wire names."""

    SIGN = "Sign"
    EDIT = "Edit"
    LATEST_VERSION_READ = "LastestVersionRead"  # [sic]
    PUBLISHED_VERSION_READ = "PublishedVersionRead"
    COMMENTS = "Comments"
    APPROVAL = "Approval"
    ARCHIVE = "Archive"
    SOX_REVIEW = "SOXReview"
    ISO_REVIEW = "ISOReview"
    DISPOSE = "Dispose"
    DOWNGRADE = "Downgrade"
    DECLASSIFY = "Declassify"
    TRANSFER = "Transfer"
    ATTACHMENT = "Attachment"
    FORM_TEMPLATE = "FormTemplate"
    METADATA = "MetaData"
    REPROMPT_PASSWORD = "ReproptPassword"  # noqa: S105 [sic], an enum name, not a password


class RightType(enum.Enum):
    """The access right a new task gives its assignee on the document; values are wire names."""

    NO_ACCESS = "NOACCESS"
    LIST = "LIST"
    READ = "READ"
    ADD = "ADD"
    ADD_READ = "ADDREAD"
    CHANGE = "CHANGE"
    FULL_CONTROL = "FULLCONTROL"


class TaskStatus(enum.Enum):
    """A task's status as GetTask reports it; values are the wire names."""

    REASSIGNED = "Reassigned"
    DROPPED = "Dropped"
    NOT_STARTED = "NotStarted"
    IN_PROGRESS = "InProgress"
    DUE_DATE_CHANGED = "DueDateChanged"
    COMPLETED = "Completed"


class ApprovalStatus(enum.Enum):
    """A task's approval outcome as GetTask reports it; values are the wire names."""

    NO_RESULT = "NoResult"
    APPROVED = "Approved"
    REJECTED = "Rejected"


class AssigneeType(enum.Enum):
    """Who a task is assigned to, as GetTask reports it; values are the wire names."""

    USER = "User"
    GROUP = "Group"
    SPECIAL_USER_ROLE = "SpecialUserRole"
