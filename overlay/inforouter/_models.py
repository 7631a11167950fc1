"""Task request models: the XML documents sent in ``xmlParameters``, and their enums.

Both models are written exactly as the vendor's examples show them (no XML declaration, no
whitespace between elements, ``<TaskRequirements />`` when empty), in the element order of
``spec/inforouter-task-models.xsd``. They are read back in any order. Every element name and
enum spelling is written once, here; the vendor's misspellings are the wire spellings.

Validation happens when a model is built, so a malformed request can never be sent.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable, Iterable
from typing import Final, TypeVar

import _client_core
import attrs
from lxml import etree

from . import _xml
from ._errors import TaskRequestError


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


# Wire names of the models (spec/inforouter-task-models.xsd).
_RELATED_ROOT: Final = "RelatedTaskRequestModel"
_CREATION_ROOT: Final = "TaskCreationRequestModel"
_ASSIGNEE: Final = "RequestedAssigneeName"
_INSTRUCTIONS: Final = "Instructions"
_DUE_DATE: Final = "DueDate"
_PRIORITY: Final = "Priority"
_RIGHT_TYPE: Final = "RightType"
_CAN_CHANGE_DUE_DATE: Final = "PermissionChangeDueDate"
_CAN_EDIT: Final = "PermissionEnableEdit"
_CAN_CHANGE_PRIORITY: Final = "PermissionChangePriority"
_CAN_CHANGE_FINISH_DATE: Final = "PermissionChangeFinishDate"
_REQUIREMENTS: Final = "TaskRequirements"
_REQUIREMENT: Final = "TaskRequirement"
_REQUIREMENT_TYPE: Final = "RequirementType"
_OBJECT_ID: Final = "ObjectId"
_DEFINITION: Final = "Definition"
_REMINDER: Final = "ReminderTimeSpan"
_ALLOWED_START: Final = "AllowedStartTimeSpan"
_SEND_TO_NOTICE: Final = "SendToNotice"  # RelatedTaskRequestModel
_SEND_TASK_NOTICE: Final = "SendTaskNotice"  # TaskCreationRequestModel
_ON_COMPLETE: Final = "OnCompleteNotification"

_INT_MAX: Final = 2**31 - 1  # xs:int
_TRUE: Final = "true"
_FALSE: Final = "false"
_DATETIME_PATTERN: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
)
_INT_PATTERN: Final = re.compile(r"[+-]?[0-9]+")
# Characters XML 1.0 does not allow at all (lone surrogates included).
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_E = TypeVar("_E", bound=enum.Enum)


# --------------------------------------------------------------------------- validation


def check_text(value: object, name: str) -> str:
    """Check that a value is a string XML 1.0 can carry.

    Args:
        value: the value.
        name: the argument's name, for the message.

    Returns:
        The value.

    Raises:
        TaskRequestError: it is not a string, or it holds a character XML 1.0 forbids.
    """
    if not isinstance(value, str):
        raise TaskRequestError(f"{name} must be a str, not {type(value).__name__}")
    bad = _NOT_XML.search(value)
    if bad is not None:
        raise TaskRequestError(
            f"{name} contains U+{ord(bad.group()):04X} at position {bad.start()}, "
            "a character XML 1.0 cannot carry; remove it"
        )
    return value


def check_name(value: object, name: str) -> str:
    """Check a login name or path: XML-safe text that is not blank.

    Args:
        value: the value.
        name: the argument's name, for the message.

    Returns:
        The value.

    Raises:
        TaskRequestError: it is blank or not XML-safe text.
    """
    text = check_text(value, name)
    if not text.strip():
        raise TaskRequestError(f"{name} must not be empty")
    return text


def check_int(value: object, name: str, *, minimum: int) -> int:
    """Check an integer against a minimum and the xs:int maximum.

    Args:
        value: the value.
        name: the argument's name, for the message.
        minimum: the smallest value allowed.

    Returns:
        The value.

    Raises:
        TaskRequestError: it is not an int (bool is refused) or out of range.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise TaskRequestError(f"{name} must be an int, not {type(value).__name__}")
    if not minimum <= value <= _INT_MAX:
        raise TaskRequestError(f"{name} must be between {minimum} and {_INT_MAX}, not {value}")
    return value


def wire_datetime(value: datetime.date, name: str = "due_date") -> datetime.datetime:
    """Normalise a date or naive datetime to what the wire can carry (whole seconds).

    The wire form ``yyyy-MM-ddTHH:mm:ss`` has no offset and means the server's local time, so
    an aware datetime is refused: converting it would silently move the date.

    Args:
        value: a `datetime.date` (midnight) or a naive `datetime.datetime`.
        name: the argument's name, for the message.

    Returns:
        A naive datetime without microseconds.

    Raises:
        TaskRequestError: the value is aware, or not a date.
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            raise TaskRequestError(
                f"{name} must be a naive datetime in the server's local time: infoRouter "
                "dates carry no offset, and converting an aware datetime would move the "
                "date; pass value.replace(tzinfo=None) once it is in the server's time zone"
            )
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    raise TaskRequestError(f"{name} must be a date or datetime, not {type(value).__name__}")


def format_datetime(value: datetime.datetime) -> str:
    """Write a naive datetime in the wire form ``yyyy-MM-ddTHH:mm:ss``.

    Args:
        value: a value returned by `wire_datetime`.

    Returns:
        The wire text.
    """
    # Not strftime: it is slower, and does not zero-pad years below 1000 on every platform.
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )


def check_bool(value: object, name: str) -> bool:
    """Check that a value is a bool (not merely truthy).

    Args:
        value: the value.
        name: the argument's name, for the message.

    Returns:
        The value.

    Raises:
        TaskRequestError: it is not a bool.
    """
    if not isinstance(value, bool):
        raise TaskRequestError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def _check_enum(value: object, enum_type: type[_E], name: str) -> _E:
    if not isinstance(value, enum_type):
        raise TaskRequestError(f"{name} must be a {enum_type.__name__}, not {value!r}")
    return value


def _text_validator(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_text(value, attribute.name)


def _name_validator(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_name(value, attribute.name)


def _non_negative_validator(
    instance: object, attribute: attrs.Attribute[int], value: object
) -> None:
    check_int(value, attribute.name, minimum=0)


def _bool_validator(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    check_bool(value, attribute.name)


def _enum_validator(
    enum_type: type[_E],
) -> Callable[[object, attrs.Attribute[_E], object], None]:
    def validate(instance: object, attribute: attrs.Attribute[_E], value: object) -> None:
        _check_enum(value, enum_type, attribute.name)

    return validate


def _requirements(value: Iterable[TaskRequirement]) -> tuple[TaskRequirement, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TaskRequestError("requirements must be an iterable of TaskRequirement")
    items = tuple(value)
    for item in items:
        if not isinstance(item, TaskRequirement):
            raise TaskRequestError(f"requirements must hold TaskRequirement, not {item!r}")
    return items


# --------------------------------------------------------------------------- writing


def _escape(text: str) -> str:
    # ">" is escaped so that "]]>" cannot appear; "\r" is escaped because an XML parser
    # turns a literal carriage return into "\n".
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _element(name: str, text: str) -> str:
    return f"<{name}>{text}</{name}>"


def _bool_text(value: bool) -> str:
    return _TRUE if value else _FALSE


def _requirements_xml(requirements: tuple[TaskRequirement, ...]) -> str:
    if not requirements:
        return f"<{_REQUIREMENTS} />"
    return _element(_REQUIREMENTS, "".join(r.to_xml() for r in requirements))


# --------------------------------------------------------------------------- reading


class _Fields:
    """The child elements of a model element, by name, read in any order."""

    def __init__(self, element: etree._Element, allowed: frozenset[str]) -> None:
        root = _xml.local_name(element)
        self._by_name: dict[str, etree._Element] = {}
        for name, node in _xml.children(element):
            if node.tag != name:
                raise TaskRequestError(f"{root}: element {name} must have no namespace")
            if name not in allowed:
                raise TaskRequestError(f"{root}: unknown element {name}")
            if name in self._by_name:
                raise TaskRequestError(f"{root}: element {name} appears twice")
            if len(node) and name != _REQUIREMENTS:
                raise TaskRequestError(f"{root}: element {name} must hold text only")
            self._by_name[name] = node
        self._root = root

    def node(self, name: str, *, required: bool = True) -> etree._Element | None:
        node = self._by_name.get(name)
        if node is None and required:
            raise TaskRequestError(f"{self._root}: element {name} is missing")
        return node

    def text(self, name: str, *, required: bool = True) -> str:
        node = self.node(name, required=required)
        return "" if node is None else node.text or ""

    def int(self, name: str, *, default: int | None = None) -> int:
        node = self.node(name, required=default is None)
        if node is None:
            assert default is not None  # required=True raised otherwise
            return default
        text = (node.text or "").strip()
        if not _INT_PATTERN.fullmatch(text):
            raise TaskRequestError(f"{self._root}: {name} must be an integer, not {text!r}")
        return int(text)

    def bool(self, name: str) -> bool:
        text = self.text(name).strip()
        if text not in (_TRUE, _FALSE):
            raise TaskRequestError(f"{self._root}: {name} must be true or false, not {text!r}")
        return text == _TRUE

    def datetime(self, name: str) -> datetime.datetime:
        text = self.text(name).strip()
        match = _DATETIME_PATTERN.fullmatch(text)
        if match is None:
            raise TaskRequestError(
                f"{self._root}: {name} must look like 2026-05-15T00:00:00, not {text!r}"
            )
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        try:
            return datetime.datetime(year, month, day, hour, minute, second)
        except ValueError as exc:
            raise TaskRequestError(f"{self._root}: {name} is not a valid date: {exc}") from exc

    def enum(self, name: str, enum_type: type[_E]) -> _E:
        text = self.text(name).strip()
        try:
            return enum_type(text)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in enum_type)
            raise TaskRequestError(
                f"{self._root}: {name} {text!r} is not one of {allowed} (case-sensitive)"
            ) from None

    def requirements(self) -> tuple[TaskRequirement, ...]:
        node = self.node(_REQUIREMENTS)
        assert node is not None  # required=True raised otherwise
        found: list[TaskRequirement] = []
        for name, item in _xml.children(node):
            if name != _REQUIREMENT or item.tag != name:
                raise TaskRequestError(f"{_REQUIREMENTS}: unknown element {name}")
            found.append(TaskRequirement._from_element(item))
        return tuple(found)


def _root_element(xml: str | bytes, root: str) -> etree._Element:
    content = xml.encode("utf-8") if isinstance(xml, str) else xml
    try:
        element = _client_core.parse_untrusted(content)
    except etree.XMLSyntaxError as exc:
        raise TaskRequestError(f"{root}: not well-formed XML ({exc.msg})") from exc
    except _client_core.DoctypeRefusedError:
        raise TaskRequestError(f"{root}: a DOCTYPE is not allowed") from None
    if element.tag != root:
        found = _xml.local_name(element)
        raise TaskRequestError(f"the root element must be {root} (no namespace), not {found}")
    return element


# --------------------------------------------------------------------------- models


@attrs.frozen
class TaskRequirement:
    """One thing the assignee must do before completing the task.

    Args:
        type: what must be done.
        object_id: the form template id for `RequirementType.FORM_TEMPLATE` (required and
            positive there); otherwise 0.
        definition: an optional label or definition; empty when not applicable.

    Raises:
        TaskRequestError: a value is invalid (see Args).
    """

    type: RequirementType = attrs.field(validator=_enum_validator(RequirementType))
    object_id: int = attrs.field(default=0, validator=_non_negative_validator)
    definition: str = attrs.field(default="", validator=_text_validator)

    def __attrs_post_init__(self) -> None:
        if self.type is RequirementType.FORM_TEMPLATE and self.object_id <= 0:
            raise TaskRequestError(
                "a FormTemplate requirement needs object_id set to the form template's id"
            )

    def to_xml(self) -> str:
        """Write the requirement as a ``<TaskRequirement>`` element.

        Returns:
            The XML text, as it appears inside ``<TaskRequirements>``.
        """
        return _element(
            _REQUIREMENT,
            _element(_REQUIREMENT_TYPE, self.type.value)
            + _element(_OBJECT_ID, str(self.object_id))
            + _element(_DEFINITION, _escape(self.definition)),
        )

    @classmethod
    def from_xml(cls, xml: str | bytes) -> TaskRequirement:
        """Read a ``<TaskRequirement>`` element.

        Args:
            xml: the element's XML text.

        Returns:
            The requirement.

        Raises:
            TaskRequestError: the XML is not a valid requirement.
        """
        return cls._from_element(_root_element(xml, _REQUIREMENT))

    @classmethod
    def _from_element(cls, element: etree._Element) -> TaskRequirement:
        """Read a parsed ``<TaskRequirement>`` element (children in any order).

        Args:
            element: the element.

        Returns:
            The requirement.

        Raises:
            TaskRequestError: the element is not a valid requirement.
        """
        fields = _Fields(element, frozenset({_REQUIREMENT_TYPE, _OBJECT_ID, _DEFINITION}))
        return cls(
            fields.enum(_REQUIREMENT_TYPE, RequirementType),
            fields.int(_OBJECT_ID, default=0),
            fields.text(_DEFINITION, required=False),
        )


_RELATED_ELEMENTS: Final = frozenset(
    {
        _ASSIGNEE,
        _INSTRUCTIONS,
        _DUE_DATE,
        _PRIORITY,
        _REQUIREMENTS,
        _REMINDER,
        _ALLOWED_START,
        _SEND_TO_NOTICE,
    }
)


@attrs.frozen
class RelatedTaskRequest:
    """A new task linked to an existing one (``RelatedTaskRequestModel``, CreateRelatedTask).

    Rights come from the parent task's document, so there is no right type or permission flag.

    Args:
        assignee: the assignee's login name; not empty.
        instructions: instructions shown to the assignee.
        due_date: a date (midnight) or naive datetime in the server's local time; seconds
            are the finest unit the wire carries.
        priority: the task's priority.
        requirements: what the assignee must do before completing the task.
        reminder_hours: hours before the due date to send a reminder; 0 for none.
        allowed_start_hours: hours before the due date from which the task may start; 0 for
            immediately.
        send_notice: e-mail the assignee when the task is created.

    Raises:
        TaskRequestError: a value is invalid (see Args).
    """

    assignee: str = attrs.field(validator=_name_validator)
    instructions: str = attrs.field(validator=_text_validator)
    due_date: datetime.datetime = attrs.field(converter=wire_datetime)
    priority: Priority = attrs.field(default=Priority.NORMAL, validator=_enum_validator(Priority))
    requirements: tuple[TaskRequirement, ...] = attrs.field(default=(), converter=_requirements)
    reminder_hours: int = attrs.field(default=0, validator=_non_negative_validator)
    allowed_start_hours: int = attrs.field(default=0, validator=_non_negative_validator)
    send_notice: bool = attrs.field(default=True, validator=_bool_validator)

    def to_xml(self) -> str:
        """Write the ``xmlParameters`` value.

        Returns:
            The XML text, exactly as the vendor's examples show it.
        """
        return _element(
            _RELATED_ROOT,
            _element(_ASSIGNEE, _escape(self.assignee))
            + _element(_INSTRUCTIONS, _escape(self.instructions))
            + _element(_DUE_DATE, format_datetime(self.due_date))
            + _element(_PRIORITY, self.priority.value)
            + _requirements_xml(self.requirements)
            + _element(_REMINDER, str(self.reminder_hours))
            + _element(_ALLOWED_START, str(self.allowed_start_hours))
            + _element(_SEND_TO_NOTICE, _bool_text(self.send_notice)),
        )

    @classmethod
    def from_xml(cls, xml: str | bytes) -> RelatedTaskRequest:
        """Read an ``xmlParameters`` value; elements may come in any order.

        Args:
            xml: a ``RelatedTaskRequestModel`` document.

        Returns:
            The request.

        Raises:
            TaskRequestError: the document is not a valid ``RelatedTaskRequestModel``.
        """
        fields = _Fields(_root_element(xml, _RELATED_ROOT), _RELATED_ELEMENTS)
        return cls(
            fields.text(_ASSIGNEE),
            fields.text(_INSTRUCTIONS),
            fields.datetime(_DUE_DATE),
            fields.enum(_PRIORITY, Priority),
            fields.requirements(),
            fields.int(_REMINDER),
            fields.int(_ALLOWED_START),
            fields.bool(_SEND_TO_NOTICE),
        )


_CREATION_ELEMENTS: Final = frozenset(
    {
        _ASSIGNEE,
        _INSTRUCTIONS,
        _DUE_DATE,
        _PRIORITY,
        _RIGHT_TYPE,
        _CAN_CHANGE_DUE_DATE,
        _CAN_EDIT,
        _CAN_CHANGE_PRIORITY,
        _CAN_CHANGE_FINISH_DATE,
        _REQUIREMENTS,
        _ALLOWED_START,
        _REMINDER,
        _SEND_TASK_NOTICE,
        _ON_COMPLETE,
    }
)


@attrs.frozen
class TaskRequest:
    """A new task on a document (``TaskCreationRequestModel``, CreateTask).

    Args:
        assignee: the assignee's login name; not empty.
        instructions: instructions shown to the assignee.
        due_date: a date (midnight) or naive datetime in the server's local time.
        priority: the task's priority.
        right_type: the access right the assignee gets on the document. CHOICE (the vendor
            documents no default): READ.
        can_change_due_date: the assignee may change the due date.
        can_edit: the assignee may edit the document.
        can_change_priority: the assignee may change the priority.
        can_change_finish_date: the assignee may change the finish date.
        requirements: what the assignee must do before completing the task.
        allowed_start_hours: hours before the due date from which the task may start; 0 for
            immediately.
        reminder_hours: hours before the due date to send a reminder; 0 for none.
        send_task_notice: e-mail the assignee when the task is created.
        on_complete_notification: e-mail the assigner when the task is completed.

    Raises:
        TaskRequestError: a value is invalid (see Args).
    """

    assignee: str = attrs.field(validator=_name_validator)
    instructions: str = attrs.field(validator=_text_validator)
    due_date: datetime.datetime = attrs.field(converter=wire_datetime)
    # Keyword-only: four boolean flags in a row are too easy to swap by position.
    priority: Priority = attrs.field(
        default=Priority.NORMAL, validator=_enum_validator(Priority), kw_only=True
    )
    right_type: RightType = attrs.field(
        default=RightType.READ, validator=_enum_validator(RightType), kw_only=True
    )
    can_change_due_date: bool = attrs.field(default=False, validator=_bool_validator, kw_only=True)
    can_edit: bool = attrs.field(default=False, validator=_bool_validator, kw_only=True)
    can_change_priority: bool = attrs.field(default=False, validator=_bool_validator, kw_only=True)
    can_change_finish_date: bool = attrs.field(
        default=False, validator=_bool_validator, kw_only=True
    )
    requirements: tuple[TaskRequirement, ...] = attrs.field(
        default=(), converter=_requirements, kw_only=True
    )
    allowed_start_hours: int = attrs.field(
        default=0, validator=_non_negative_validator, kw_only=True
    )
    reminder_hours: int = attrs.field(default=0, validator=_non_negative_validator, kw_only=True)
    send_task_notice: bool = attrs.field(default=True, validator=_bool_validator, kw_only=True)
    on_complete_notification: bool = attrs.field(
        default=False, validator=_bool_validator, kw_only=True
    )

    def to_xml(self) -> str:
        """Write the ``xmlParameters`` value.

        Returns:
            The XML text, in the element order of ``TaskCreationRequestModel``.
        """
        return _element(
            _CREATION_ROOT,
            _element(_ASSIGNEE, _escape(self.assignee))
            + _element(_INSTRUCTIONS, _escape(self.instructions))
            + _element(_DUE_DATE, format_datetime(self.due_date))
            + _element(_PRIORITY, self.priority.value)
            + _element(_RIGHT_TYPE, self.right_type.value)
            + _element(_CAN_CHANGE_DUE_DATE, _bool_text(self.can_change_due_date))
            + _element(_CAN_EDIT, _bool_text(self.can_edit))
            + _element(_CAN_CHANGE_PRIORITY, _bool_text(self.can_change_priority))
            + _element(_CAN_CHANGE_FINISH_DATE, _bool_text(self.can_change_finish_date))
            + _requirements_xml(self.requirements)
            + _element(_ALLOWED_START, str(self.allowed_start_hours))
            + _element(_REMINDER, str(self.reminder_hours))
            + _element(_SEND_TASK_NOTICE, _bool_text(self.send_task_notice))
            + _element(_ON_COMPLETE, _bool_text(self.on_complete_notification)),
        )

    @classmethod
    def from_xml(cls, xml: str | bytes) -> TaskRequest:
        """Read an ``xmlParameters`` value; elements may come in any order.

        Args:
            xml: a ``TaskCreationRequestModel`` document.

        Returns:
            The request.

        Raises:
            TaskRequestError: the document is not a valid ``TaskCreationRequestModel``.
        """
        fields = _Fields(_root_element(xml, _CREATION_ROOT), _CREATION_ELEMENTS)
        return cls(
            fields.text(_ASSIGNEE),
            fields.text(_INSTRUCTIONS),
            fields.datetime(_DUE_DATE),
            priority=fields.enum(_PRIORITY, Priority),
            right_type=fields.enum(_RIGHT_TYPE, RightType),
            can_change_due_date=fields.bool(_CAN_CHANGE_DUE_DATE),
            can_edit=fields.bool(_CAN_EDIT),
            can_change_priority=fields.bool(_CAN_CHANGE_PRIORITY),
            can_change_finish_date=fields.bool(_CAN_CHANGE_FINISH_DATE),
            requirements=fields.requirements(),
            allowed_start_hours=fields.int(_ALLOWED_START),
            reminder_hours=fields.int(_REMINDER),
            send_task_notice=fields.bool(_SEND_TASK_NOTICE),
            on_complete_notification=fields.bool(_ON_COMPLETE),
        )
