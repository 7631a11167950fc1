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
from collections.abc import Iterable
from typing import Any, ClassVar, Final, Literal, Self, TypeAlias, TypeVar

import _client_core
import attrs
from lxml import etree

from . import _xml
from ._checks import (
    bool_validator,
    enum_validator,
    name_validator,
    non_negative_validator,
    text_validator,
    wire_datetime,
)
from ._enums import Priority, RequirementType, RightType
from ._errors import TaskRequestError

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

_TRUE: Final = "true"
_FALSE: Final = "false"
_DATETIME_PATTERN: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
)
_INT_PATTERN: Final = re.compile(r"[+-]?[0-9]+")

_E = TypeVar("_E", bound=enum.Enum)


def _requirements(value: Iterable[TaskRequirement]) -> tuple[TaskRequirement, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TaskRequestError("requirements must be an iterable of TaskRequirement")
    items = tuple(value)
    for item in items:
        if not isinstance(item, TaskRequirement):
            raise TaskRequestError(
                f"requirements must hold TaskRequirement, not {_client_core.shorten(item)}"
            )
    return items


# --------------------------------------------------------------------------- writing


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
            raise TaskRequestError(
                f"{self._root}: {name} must be an integer, not {_client_core.shorten(text)}"
            )
        return int(text)

    def bool(self, name: str) -> bool:
        text = self.text(name).strip()
        if text not in (_TRUE, _FALSE):
            raise TaskRequestError(
                f"{self._root}: {name} must be true or false, not {_client_core.shorten(text)}"
            )
        return text == _TRUE

    def datetime(self, name: str) -> datetime.datetime:
        text = self.text(name).strip()
        match = _DATETIME_PATTERN.fullmatch(text)
        if match is None:
            raise TaskRequestError(
                f"{self._root}: {name} must look like 2026-05-15T00:00:00, "
                f"not {_client_core.shorten(text)}"
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
                f"{self._root}: {name} {_client_core.shorten(text)} is not one of {allowed} "
                "(case-sensitive)"
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


# --------------------------------------------------------------------------- the tables

# How a model attribute is written and read: as text, a wire date, an integer, a boolean,
# the requirements list, or an enum's wire value.
_Kind: TypeAlias = Literal["text", "datetime", "int", "bool", "requirements"] | type[enum.Enum]


@attrs.frozen
class _Field:
    """One element of a model document: the attribute it holds and how."""

    attribute: str
    element: str
    kind: _Kind

    def write(self, model: object) -> str:
        value = getattr(model, self.attribute)
        if self.kind == "requirements":
            return _requirements_xml(value)
        if self.kind == "text":
            text = _escape(value)
        elif self.kind == "datetime":
            text = format_datetime(value)
        elif self.kind == "int":
            text = str(value)
        elif self.kind == "bool":
            text = _bool_text(value)
        else:
            text = value.value
        return _element(self.element, text)

    def read(self, fields: _Fields) -> object:
        if self.kind == "requirements":
            return fields.requirements()
        if self.kind == "text":
            return fields.text(self.element)
        if self.kind == "datetime":
            return fields.datetime(self.element)
        if self.kind == "int":
            return fields.int(self.element)
        if self.kind == "bool":
            return fields.bool(self.element)
        return fields.enum(self.element, self.kind)


def _write(root: str, model: object, fields: tuple[_Field, ...]) -> str:
    """Write a model's document: every field's element, in the table's (the wire's) order."""
    return _element(root, "".join(field.write(model) for field in fields))


class _XmlParameters:
    """What both request models share: their ``xmlParameters`` document, written and read."""

    __slots__ = ()  # the models are slotted attrs classes
    _ROOT: ClassVar[str]
    _FIELDS: ClassVar[tuple[_Field, ...]]

    def to_xml(self) -> str:
        """Write the ``xmlParameters`` value.

        Returns:
            The XML text, exactly as the vendor's examples show it, in the element order of
            the model (``RelatedTaskRequestModel`` or ``TaskCreationRequestModel``).
        """
        return _write(self._ROOT, self, self._FIELDS)

    @classmethod
    def from_xml(cls, xml: str | bytes) -> Self:
        """Read an ``xmlParameters`` value; elements may come in any order.

        Args:
            xml: a document of the class's model: ``RelatedTaskRequestModel`` for
                `RelatedTaskRequest`, ``TaskCreationRequestModel`` for `TaskRequest`.

        Returns:
            The request.

        Raises:
            TaskRequestError: the document is not a valid one of the class's model.
        """
        return cls(**_read(xml, cls._ROOT, cls._FIELDS))


def _read(xml: str | bytes, root: str, fields: tuple[_Field, ...]) -> dict[str, Any]:
    """Read a model's document, elements in any order, into its constructor's keywords."""
    found = _Fields(_root_element(xml, root), frozenset(field.element for field in fields))
    return {field.attribute: field.read(found) for field in fields}


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

    type: RequirementType = attrs.field(validator=enum_validator(RequirementType))
    object_id: int = attrs.field(default=0, validator=non_negative_validator)
    definition: str = attrs.field(default="", validator=text_validator)

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


# The elements of RelatedTaskRequestModel, in the wire's order.
_RELATED_FIELDS: Final = (
    _Field("assignee", _ASSIGNEE, "text"),
    _Field("instructions", _INSTRUCTIONS, "text"),
    _Field("due_date", _DUE_DATE, "datetime"),
    _Field("priority", _PRIORITY, Priority),
    _Field("requirements", _REQUIREMENTS, "requirements"),
    _Field("reminder_hours", _REMINDER, "int"),
    _Field("allowed_start_hours", _ALLOWED_START, "int"),
    _Field("send_notice", _SEND_TO_NOTICE, "bool"),
)


@attrs.frozen
class RelatedTaskRequest(_XmlParameters):
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

    assignee: str = attrs.field(validator=name_validator)
    instructions: str = attrs.field(validator=text_validator)
    due_date: datetime.datetime = attrs.field(converter=wire_datetime)
    priority: Priority = attrs.field(default=Priority.NORMAL, validator=enum_validator(Priority))
    requirements: tuple[TaskRequirement, ...] = attrs.field(default=(), converter=_requirements)
    reminder_hours: int = attrs.field(default=0, validator=non_negative_validator)
    allowed_start_hours: int = attrs.field(default=0, validator=non_negative_validator)
    send_notice: bool = attrs.field(default=True, validator=bool_validator)
    _ROOT = _RELATED_ROOT
    _FIELDS = _RELATED_FIELDS


# The elements of TaskCreationRequestModel, in the wire's order.
_CREATION_FIELDS: Final = (
    _Field("assignee", _ASSIGNEE, "text"),
    _Field("instructions", _INSTRUCTIONS, "text"),
    _Field("due_date", _DUE_DATE, "datetime"),
    _Field("priority", _PRIORITY, Priority),
    _Field("right_type", _RIGHT_TYPE, RightType),
    _Field("can_change_due_date", _CAN_CHANGE_DUE_DATE, "bool"),
    _Field("can_edit", _CAN_EDIT, "bool"),
    _Field("can_change_priority", _CAN_CHANGE_PRIORITY, "bool"),
    _Field("can_change_finish_date", _CAN_CHANGE_FINISH_DATE, "bool"),
    _Field("requirements", _REQUIREMENTS, "requirements"),
    _Field("allowed_start_hours", _ALLOWED_START, "int"),
    _Field("reminder_hours", _REMINDER, "int"),
    _Field("send_task_notice", _SEND_TASK_NOTICE, "bool"),
    _Field("on_complete_notification", _ON_COMPLETE, "bool"),
)


@attrs.frozen
class TaskRequest(_XmlParameters):
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

    assignee: str = attrs.field(validator=name_validator)
    instructions: str = attrs.field(validator=text_validator)
    due_date: datetime.datetime = attrs.field(converter=wire_datetime)
    # Keyword-only: four boolean flags in a row are too easy to swap by position.
    priority: Priority = attrs.field(
        default=Priority.NORMAL, validator=enum_validator(Priority), kw_only=True
    )
    right_type: RightType = attrs.field(
        default=RightType.READ, validator=enum_validator(RightType), kw_only=True
    )
    can_change_due_date: bool = attrs.field(default=False, validator=bool_validator, kw_only=True)
    can_edit: bool = attrs.field(default=False, validator=bool_validator, kw_only=True)
    can_change_priority: bool = attrs.field(default=False, validator=bool_validator, kw_only=True)
    can_change_finish_date: bool = attrs.field(
        default=False, validator=bool_validator, kw_only=True
    )
    requirements: tuple[TaskRequirement, ...] = attrs.field(
        default=(), converter=_requirements, kw_only=True
    )
    allowed_start_hours: int = attrs.field(
        default=0, validator=non_negative_validator, kw_only=True
    )
    reminder_hours: int = attrs.field(default=0, validator=non_negative_validator, kw_only=True)
    send_task_notice: bool = attrs.field(default=True, validator=bool_validator, kw_only=True)
    on_complete_notification: bool = attrs.field(
        default=False, validator=bool_validator, kw_only=True
    )
    _ROOT = _CREATION_ROOT
    _FIELDS = _CREATION_FIELDS
