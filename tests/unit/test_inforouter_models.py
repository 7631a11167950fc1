"""Task request models: exact XML, reading back, validation and the XSD."""

from __future__ import annotations

import datetime
import enum

import inforouter_api
import pytest
from inforouter import (
    ApprovalStatus,
    AssigneeType,
    Priority,
    RelatedTaskRequest,
    RequirementType,
    RightType,
    TaskRequest,
    TaskRequestError,
    TaskRequirement,
    TaskStatus,
)
from lxml import etree

# Primary P4, the two POST examples' xmlParameters, verbatim.
P4_WITH_REQUIREMENT = (
    "<RelatedTaskRequestModel><RequestedAssigneeName>jdoe</RequestedAssigneeName>"
    "<Instructions>Please review</Instructions><DueDate>2026-05-15T00:00:00</DueDate>"
    "<Priority>Normal</Priority><TaskRequirements><TaskRequirement><RequirementType>Approval"
    "</RequirementType><ObjectId>0</ObjectId><Definition></Definition></TaskRequirement>"
    "</TaskRequirements><ReminderTimeSpan>0</ReminderTimeSpan><AllowedStartTimeSpan>0"
    "</AllowedStartTimeSpan><SendToNotice>true</SendToNotice></RelatedTaskRequestModel>"
)
P4_WITHOUT_REQUIREMENTS = (
    "<RelatedTaskRequestModel><RequestedAssigneeName>jdoe</RequestedAssigneeName>"
    "<Instructions>Please review</Instructions><DueDate>2026-05-15T00:00:00</DueDate>"
    "<Priority>Normal</Priority><TaskRequirements /><ReminderTimeSpan>0</ReminderTimeSpan>"
    "<AllowedStartTimeSpan>0</AllowedStartTimeSpan><SendToNotice>true</SendToNotice>"
    "</RelatedTaskRequestModel>"
)
DUE = datetime.date(2026, 5, 15)


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.fromstring(inforouter_api.TASK_MODELS_XSD.read_bytes()))


def assert_valid(schema: etree.XMLSchema, xml: str) -> None:
    ok = schema.validate(etree.fromstring(xml.encode()))
    assert ok, [e.message for e in schema.error_log]


def full_task_request() -> TaskRequest:
    return TaskRequest(
        "jdoe",
        "Sign & return <section 2>",
        datetime.datetime(2026, 5, 15, 17, 30, 5),
        priority=Priority.URGENT,
        right_type=RightType.CHANGE,
        can_change_due_date=True,
        can_edit=False,
        can_change_priority=True,
        can_change_finish_date=False,
        requirements=(
            TaskRequirement(RequirementType.SIGN),
            TaskRequirement(RequirementType.FORM_TEMPLATE, 12, "Expense form"),
        ),
        allowed_start_hours=48,
        reminder_hours=24,
        send_task_notice=False,
        on_complete_notification=True,
    )


def test_p4_example_with_a_requirement_is_reproduced_byte_for_byte() -> None:
    """The documented example with one Approval requirement is written exactly."""
    request = RelatedTaskRequest(
        "jdoe", "Please review", DUE, requirements=[TaskRequirement(RequirementType.APPROVAL)]
    )
    assert request.to_xml() == P4_WITH_REQUIREMENT


def test_p4_example_without_requirements_is_reproduced_byte_for_byte() -> None:
    """No requirements are written as <TaskRequirements /> (with the space)."""
    assert RelatedTaskRequest("jdoe", "Please review", DUE).to_xml() == P4_WITHOUT_REQUIREMENTS


@pytest.mark.parametrize("xml", [P4_WITH_REQUIREMENT, P4_WITHOUT_REQUIREMENTS])
def test_p4_examples_read_back_into_equal_models(xml: str) -> None:
    """Both documented examples are read into models that write them again unchanged."""
    assert RelatedTaskRequest.from_xml(xml).to_xml() == xml


@pytest.mark.parametrize("xml", [P4_WITH_REQUIREMENT, P4_WITHOUT_REQUIREMENTS])
def test_p4_examples_validate_against_the_xsd(schema: etree.XMLSchema, xml: str) -> None:
    """The XSD accepts the vendor's examples."""
    assert_valid(schema, xml)


def test_task_request_writes_the_creation_model_order(schema: etree.XMLSchema) -> None:
    """TaskCreationRequestModel: RightType and flags after Priority, AllowedStart before
    Reminder, SendTaskNotice, then OnCompleteNotification."""
    xml = full_task_request().to_xml()
    assert_valid(schema, xml)
    names = [child.tag for child in etree.fromstring(xml)]
    assert names == [
        "RequestedAssigneeName",
        "Instructions",
        "DueDate",
        "Priority",
        "RightType",
        "PermissionChangeDueDate",
        "PermissionEnableEdit",
        "PermissionChangePriority",
        "PermissionChangeFinishDate",
        "TaskRequirements",
        "AllowedStartTimeSpan",
        "ReminderTimeSpan",
        "SendTaskNotice",
        "OnCompleteNotification",
    ]
    assert "<DueDate>2026-05-15T17:30:05</DueDate>" in xml
    assert "<Instructions>Sign &amp; return &lt;section 2&gt;</Instructions>" in xml
    assert "<RightType>CHANGE</RightType><PermissionChangeDueDate>true<" in xml


def test_task_request_round_trips() -> None:
    """A full TaskRequest reads back equal to itself."""
    request = full_task_request()
    assert TaskRequest.from_xml(request.to_xml()) == request


def test_related_request_writes_spans_reminder_first_and_send_to_notice() -> None:
    """RelatedTaskRequestModel: ReminderTimeSpan before AllowedStartTimeSpan, SendToNotice."""
    xml = RelatedTaskRequest(
        "a", "", DUE, reminder_hours=3, allowed_start_hours=5, send_notice=False
    ).to_xml()
    assert xml.endswith(
        "<ReminderTimeSpan>3</ReminderTimeSpan><AllowedStartTimeSpan>5</AllowedStartTimeSpan>"
        "<SendToNotice>false</SendToNotice></RelatedTaskRequestModel>"
    )


def test_from_xml_accepts_any_element_order() -> None:
    """Elements in reverse order read into the same model."""
    root = etree.fromstring(P4_WITH_REQUIREMENT.encode())
    reordered = etree.Element(root.tag)
    for child in reversed(list(root)):
        reordered.append(child)
    xml = etree.tostring(reordered, encoding="unicode")
    assert RelatedTaskRequest.from_xml(xml) == RelatedTaskRequest.from_xml(P4_WITH_REQUIREMENT)


def test_from_xml_reads_escaped_text_and_carriage_returns() -> None:
    """Escaped characters, CDATA and &#13; are read back as the original text."""
    request = RelatedTaskRequest("jdoe", "a\r\nb <&> ]]> \U0001f600", DUE)
    assert "&#13;" in request.to_xml()
    assert "]]&gt;" in request.to_xml()
    assert RelatedTaskRequest.from_xml(request.to_xml()) == request
    cdata = P4_WITHOUT_REQUIREMENTS.replace("Please review", "<![CDATA[x < y]]>")
    assert RelatedTaskRequest.from_xml(cdata).instructions == "x < y"


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (P4_WITHOUT_REQUIREMENTS.replace("Normal", "normal"), "case-sensitive"),
        (
            P4_WITHOUT_REQUIREMENTS.replace("RelatedTaskRequestModel", "TaskCreationRequestModel"),
            "root",
        ),
        (
            P4_WITHOUT_REQUIREMENTS.replace("<TaskRequirements />", ""),
            "TaskRequirements is missing",
        ),
        (P4_WITHOUT_REQUIREMENTS.replace("2026-05-15T00:00:00", "2026-05-15"), "DueDate"),
        (P4_WITHOUT_REQUIREMENTS.replace("2026-05-15T00:00:00", "2026-05-15T00:00:00Z"), "DueDate"),
        (
            P4_WITHOUT_REQUIREMENTS.replace("2026-05-15T00:00:00", "2026-02-30T00:00:00"),
            "valid date",
        ),
        (P4_WITHOUT_REQUIREMENTS.replace(">true<", ">True<"), "true or false"),
        (P4_WITHOUT_REQUIREMENTS.replace(">0</Rem", ">-1</Rem"), "between 0"),
        (P4_WITHOUT_REQUIREMENTS.replace(">0</Rem", ">x</Rem"), "integer"),
        (
            P4_WITHOUT_REQUIREMENTS.replace("<TaskRequirements />", "<TaskRequirements /><X/>"),
            "unknown element X",
        ),
        (
            P4_WITHOUT_REQUIREMENTS.replace(
                "<Priority>Normal</Priority>", "<Priority>Normal</Priority>" * 2
            ),
            "twice",
        ),
        (P4_WITH_REQUIREMENT.replace("Approval", "Aproval"), "case-sensitive"),
        (
            P4_WITH_REQUIREMENT.replace(
                "<ObjectId>0</ObjectId>", "<RequirementNumber>1</RequirementNumber>"
            ),
            "RequirementNumber",
        ),
        (
            P4_WITHOUT_REQUIREMENTS.replace(
                "<RelatedTaskRequestModel>", '<RelatedTaskRequestModel xmlns="urn:x">'
            ),
            "root",
        ),
        (
            "<!DOCTYPE x [<!ENTITY e 'jdoe'>]>"
            + P4_WITHOUT_REQUIREMENTS.replace(">jdoe<", ">&e;<"),
            "DOCTYPE",
        ),
        ("<RelatedTaskRequestModel>", "well-formed"),
    ],
)
def test_from_xml_refuses_malformed_models(xml: str, message: str) -> None:
    """Wrong enum case, root, dates, booleans, numbers, unknown, duplicate or namespaced
    elements, a DOCTYPE and broken XML each raise TaskRequestError naming the problem."""
    with pytest.raises(TaskRequestError, match=message):
        RelatedTaskRequest.from_xml(xml)


def test_requirement_defaults_when_object_id_and_definition_are_omitted() -> None:
    """ObjectId and Definition are optional on read (0 and "")."""
    requirement = TaskRequirement.from_xml(
        "<TaskRequirement><RequirementType>Sign</RequirementType></TaskRequirement>"
    )
    assert requirement == TaskRequirement(RequirementType.SIGN, 0, "")
    assert requirement.to_xml() == (
        "<TaskRequirement><RequirementType>Sign</RequirementType><ObjectId>0</ObjectId>"
        "<Definition></Definition></TaskRequirement>"
    )


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: RelatedTaskRequest("", "x", DUE), "assignee must not be empty"),
        (lambda: RelatedTaskRequest("  ", "x", DUE), "assignee must not be empty"),
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, reminder_hours=-1), "reminder_hours"),
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, allowed_start_hours=-5), "allowed_start"),
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, reminder_hours=2**31), "reminder_hours"),
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, reminder_hours=True), "must be an int"),
        (lambda: TaskRequest("jdoe", "x", DUE, allowed_start_hours=-1), "allowed_start_hours"),
        (
            lambda: RelatedTaskRequest(
                "jdoe", "x", datetime.datetime(2026, 5, 15, tzinfo=datetime.UTC)
            ),
            "naive datetime in the server's local time",
        ),
        (lambda: RelatedTaskRequest("jdoe", "bell\x07", DUE), "U\\+0007"),
        (lambda: RelatedTaskRequest("jdoe", "\ud800", DUE), "U\\+D800"),
        (lambda: RelatedTaskRequest("jdoe\ufffe", "x", DUE), "U\\+FFFE"),
        (lambda: TaskRequirement(RequirementType.FORM_TEMPLATE), "form template"),
        (lambda: TaskRequirement(RequirementType.FORM_TEMPLATE, 0), "form template"),
        (lambda: TaskRequirement(RequirementType.SIGN, -1), "object_id"),
        (lambda: TaskRequirement(RequirementType.SIGN, 0, "nul\x00"), "definition"),
        (lambda: TaskRequirement("Sign"), "RequirementType"),  # type: ignore[arg-type]
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, priority="Normal"), "Priority"),  # type: ignore[arg-type]
        (lambda: RelatedTaskRequest("jdoe", "x", "2026-05-15"), "date or datetime"),  # type: ignore[arg-type]
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, requirements=["Sign"]), "TaskRequirement"),  # type: ignore[list-item]
        (lambda: RelatedTaskRequest("jdoe", "x", DUE, send_notice=1), "bool"),  # type: ignore[arg-type]
        (lambda: TaskRequest("jdoe", "x", DUE, right_type="READ"), "RightType"),  # type: ignore[arg-type]
    ],
)
def test_invalid_arguments_raise_task_request_error(build: object, message: str) -> None:
    """Each documented validation rule raises TaskRequestError (a ValueError) saying why."""
    with pytest.raises(TaskRequestError, match=message) as caught:
        build()  # type: ignore[operator]
    assert isinstance(caught.value, ValueError)


def test_dates_become_midnight_and_datetimes_lose_microseconds() -> None:
    """A date is midnight; microseconds are dropped because the wire carries whole seconds."""
    assert RelatedTaskRequest("a", "", DUE).due_date == datetime.datetime(2026, 5, 15)
    request = RelatedTaskRequest("a", "", datetime.datetime(2026, 5, 15, 8, 1, 2, 999999))
    assert request.due_date == datetime.datetime(2026, 5, 15, 8, 1, 2)
    assert "<DueDate>2026-05-15T08:01:02</DueDate>" in request.to_xml()


def test_years_below_1000_are_zero_padded(schema: etree.XMLSchema) -> None:
    """The year is always four digits, as the XSD pattern requires."""
    xml = RelatedTaskRequest("a", "", datetime.date(33, 1, 2)).to_xml()
    assert "<DueDate>0033-01-02T00:00:00</DueDate>" in xml
    assert_valid(schema, xml)


def test_a_fixed_offset_of_none_counts_as_naive() -> None:
    """A tzinfo whose utcoffset() is None is naive by Python's definition and accepted."""

    class NoOffset(datetime.tzinfo):
        def utcoffset(self, dt: datetime.datetime | None) -> None:
            return None

        def dst(self, dt: datetime.datetime | None) -> None:
            return None

        def tzname(self, dt: datetime.datetime | None) -> None:
            return None

    value = datetime.datetime(2026, 5, 15, tzinfo=NoOffset())
    assert RelatedTaskRequest("a", "", value).due_date == datetime.datetime(2026, 5, 15)


def _xsd_enumeration(name: str) -> list[str]:
    root = etree.fromstring(inforouter_api.TASK_MODELS_XSD.read_bytes())
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    return [
        str(e.get("value"))
        for e in root.findall(f"xs:simpleType[@name='{name}']//xs:enumeration", ns)
    ]


@pytest.mark.parametrize(
    ("enum_type", "xsd_type"),
    [
        (Priority, "PriorityName"),
        (RequirementType, "RequirementTypeName"),
        (RightType, "RightTypeName"),
        (TaskStatus, "TaskStatusName"),
    ],
)
def test_enum_wire_values_match_the_xsd(enum_type: type[enum.Enum], xsd_type: str) -> None:
    """Every enum's wire spellings are exactly the XSD's enumeration, in order."""
    assert [member.value for member in enum_type] == _xsd_enumeration(xsd_type)


def test_vendor_misspellings_are_the_wire_values() -> None:
    """The documented misspellings are kept; Python names are readable."""
    assert Priority.NO_PRIORITY.value == "NoPriortySetting"
    assert RequirementType.LATEST_VERSION_READ.value == "LastestVersionRead"
    assert RequirementType.REPROMPT_PASSWORD.value == "ReproptPassword"
    assert [m.value for m in ApprovalStatus] == ["NoResult", "Approved", "Rejected"]
    assert [m.value for m in AssigneeType] == ["User", "Group", "SpecialUserRole"]


def test_models_are_frozen_and_comparable() -> None:
    """Models are immutable values."""
    request = RelatedTaskRequest("a", "", DUE)
    with pytest.raises(AttributeError):
        request.assignee = "b"  # type: ignore[misc]
    assert request == RelatedTaskRequest("a", "", datetime.datetime(2026, 5, 15))
    assert hash(request) == hash(RelatedTaskRequest("a", "", DUE))
