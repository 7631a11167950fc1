"""The answer parser: documented answers become typed results or typed errors."""

from __future__ import annotations

import datetime

import httpx
import pytest
from inforouter import (
    ApprovalStatus,
    AssigneeType,
    AuthenticationFailedError,
    CreatedTask,
    InfoRouterAPIError,
    InfoRouterHTTPError,
    InsufficientRightsError,
    InvalidResponseError,
    NotFoundError,
    Priority,
    ReassignedTask,
    RequirementType,
    RightType,
    TaskAttachment,
    TaskPermissions,
    TaskRequirement,
    TaskStatus,
    TicketExpiredError,
    TicketNotAllowedError,
)
from inforouter._answers import check_answer, read_http_answer
from inforouter._responses import (
    read_created_task,
    read_reassigned_task,
    read_task,
    read_ticket,
)
from inforouter._transport import RawResponse
from lxml import etree

# Reference sections 3 to 5, verbatim where the sample is well-formed XML.
CREATED = (
    '<response success="true"><Value><TaskId>789</TaskId><RedirectedUserName>'
    "</RedirectedUserName></Value></response>"
)
REASSIGNED = (
    '<response success="true"><Value><TaskId>4813</TaskId><AssigneeId>15</AssigneeId>'
    "<AssigneeFullName>Alice Jones</AssigneeFullName><RedirectedfromUserId>0"
    "</RedirectedfromUserId><RedirectedfromUserFullName></RedirectedfromUserFullName></Value>"
    "</response>"
)
AUTHENTICATED = (
    '<root success="true" ticket="6F9619FF-8B86-D011-B42D-00C04FC964FF" userid="42" '
    'username="jsmith" firstName="John" lastName="Smith" fullname="John Smith" '
    'email="jsmith@example.com" expireOn="2026-03-20T14:35:00Z" isAuthenticated="True" />'
)
GET_TASK = """<root success="true"><Task>
<TaskID>4812</TaskID><TaskName>Review</TaskName><ShortInstruction>Please review</ShortInstruction>
<StepNumber>2</StepNumber><StepName>Legal</StepName><FlowID>77</FlowID><FlowName>Contracts</FlowName>
<FlowDefID>5</FlowDefID><Priority>High</Priority><TaskStatus>InProgress</TaskStatus>
<ApprovalStatus>NoResult</ApprovalStatus><StartDate>2026-05-01 09:00:00</StartDate>
<StartDtae>2026-05-01 09:00:00</StartDtae><FinishDate>1900-01-01 00:00:00</FinishDate>
<DueDate>2026-05-15 17:30:00</DueDate><ShortComments></ShortComments><TaskDefID>0</TaskDefID>
<LinkedTaskID>456</LinkedTaskID><AssigneeID>15</AssigneeID><AssigneeType>User</AssigneeType>
<AssigneeName>ajones</AssigneeName><AssignedByID>42</AssignedByID>
<AssignedByName>jsmith</AssignedByName><SuperVisorID>3</SuperVisorID>
<SupervisorName>boss</SupervisorName><DocumentID>1001</DocumentID>
<DocumentName>report.pdf</DocumentName><StartVersionNumber>1</StartVersionNumber>
<EndVersionNumber>0</EndVersionNumber><DocumentTypeId>2</DocumentTypeId>
<DocumentTypeName>Contract</DocumentTypeName><DocumentFolderID>9</DocumentFolderID>
<DocumentLibraryID>1</DocumentLibraryID><DocumentLibraryName>Legal</DocumentLibraryName>
<DocumentCheckedOutByID>0</DocumentCheckedOutByID><DocumentCheckedOutByName></DocumentCheckedOutByName>
<DocumentTemplateID>0</DocumentTemplateID><RedirectedFrom_UserID>0</RedirectedFrom_UserID>
<RedirectedFrom_UserName></RedirectedFrom_UserName><AdHoc>True</AdHoc><DeadLine>24</DeadLine>
<RightType RightTypeId="2" RightTypeName="READ" RightTypeText="Read Only"/>
<Permissions><Permission Name="EditDocument" Value="True"/><Permission Name="ChangeFinishdate" Value="False"/>
<Permission Name="Postpone" Value="True"/><Permission Name="ChangePriority" Value="False"/>
<Permission Name="EditNextStep" Value="False"/><Permission Name="EditAllSteps" Value="True"/></Permissions>
<RequirementDetails><Requirement><Name>LastestVersionRead</Name><RequirementType>4</RequirementType>
<Definition/><ObjectId>0</ObjectId></Requirement><Requirement><Name>NoRequirement</Name>
<RequirementType>0</RequirementType><Definition/><ObjectId>0</ObjectId></Requirement></RequirementDetails>
<Requirements/><Supervisor_NotificationOnDue>12</Supervisor_NotificationOnDue>
<SupervisorNotificationDate>1900-01-01 00:00:00</SupervisorNotificationDate>
<AllowedStartTimeSpan>0</AllowedStartTimeSpan><AllowedStartDate>1900-01-01 00:00:00</AllowedStartDate>
<ReminderTimeSpan>4</ReminderTimeSpan><ReminderDate>2026-05-15 13:30:00</ReminderDate>
<extendedInstruction>Please review the whole contract.</extendedInstruction>
<extendedComment></extendedComment><Attachments><Attachment><AttachmentDate>2026-05-02 10:00:00</AttachmentDate>
<DocumentId>1002</DocumentId><DocumentName>notes.docx</DocumentName><Path>/Legal/notes.docx</Path>
<WorkflowId>77</WorkflowId><StepNumber>2</StepNumber><StepName>Legal</StepName><UserId>15</UserId>
</Attachment></Attachments><FutureField>kept</FutureField></Task></root>"""


def element(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode())


def test_created_task_answer_reads_id_and_empty_redirection_as_none() -> None:
    """The P4 success answer gives the new id; an empty RedirectedUserName is None."""
    answer = check_answer(element(CREATED), "CreateRelatedTask")
    assert read_created_task(answer, "CreateRelatedTask") == CreatedTask(789, None)


def test_created_task_answer_keeps_a_redirected_user() -> None:
    """A non-empty RedirectedUserName is the user who actually got the task."""
    xml = CREATED.replace(
        "<RedirectedUserName></RedirectedUserName>", "<RedirectedUserName>bob</RedirectedUserName>"
    )
    assert read_created_task(element(xml), "CreateTask") == CreatedTask(789, "bob")


def test_reassigned_task_answer_reads_every_field() -> None:
    """ReassignTask's Value fields are read; 0 and "" redirections become None."""
    assert read_reassigned_task(element(REASSIGNED), "ReassignTask") == ReassignedTask(
        task_id=4813,
        assignee_id=15,
        assignee_full_name="Alice Jones",
        redirected_from_user_id=None,
        redirected_from_user_full_name=None,
    )


def test_authenticate_answer_reads_the_ticket() -> None:
    """AuthenticateUser's ticket attribute is read from a <root> answer."""
    answer = check_answer(element(AUTHENTICATED), "AuthenticateUser")
    assert read_ticket(answer) == "6F9619FF-8B86-D011-B42D-00C04FC964FF"


def test_authenticate_answer_without_ticket_is_invalid() -> None:
    """A successful login without a ticket is an unreadable answer."""
    with pytest.raises(InvalidResponseError, match="no ticket"):
        read_ticket(element('<root success="true" />'))


@pytest.mark.parametrize(
    "xml",
    [
        '<root success="true" />',
        '<root success="True" />',
        '<response success="TRUE"/>',
        '<root xmlns="" success="true" />',
        '<root xmlns="http://tempuri.org/" success="true" />',
        '<x:root xmlns:x="urn:any" success="true" />',
        '<Anything success="true"></Anything>',
    ],
)
def test_success_is_read_from_any_root_in_any_namespace(xml: str) -> None:
    """<root>/<response>, xmlns="" or inherited, and any case of "true" all mean success."""
    answer = element(xml)
    assert check_answer(answer, "LogOut") is answer


@pytest.mark.parametrize(
    ("xml", "error_type", "code", "message"),
    [
        (
            '<response success="false" error="[ErrorCode] Error message" />',
            InfoRouterAPIError,
            None,
            "[ErrorCode] Error message",
        ),
        (
            '<root success="false" error="[901] Session expired or Invalid ticket" />',
            TicketExpiredError,
            901,
            "Session expired or Invalid ticket",
        ),
        (
            '<root success="false" error="[901]Session expired or Invalid ticket" />',
            TicketExpiredError,
            901,
            "Session expired or Invalid ticket",
        ),
        (
            '<root success="false" error="[900] Authentication failed" />',
            AuthenticationFailedError,
            900,
            "Authentication failed",
        ),
        (
            '<root success="false" error="[902] Ticket generation not allowed" />',
            TicketNotAllowedError,
            902,
            "Ticket generation not allowed",
        ),
        (
            '<root success="false" error="[921] Insufficient rights" />',
            InsufficientRightsError,
            921,
            "Insufficient rights",
        ),
        (
            '<root success="false" error="[2730] Insufficient rights. Anonymous users cannot perform this action" />',
            InsufficientRightsError,
            2730,
            "Insufficient rights. Anonymous users cannot perform this action",
        ),
        (
            '<response success="false" error="[2285] Document not found at specified path" />',
            NotFoundError,
            2285,
            "Document not found at specified path",
        ),
        (
            '<root success="false" error="[903] Required parameter.\'X\'" />',
            InfoRouterAPIError,
            903,
            "Required parameter.'X'",
        ),
        (
            '<response success="false" error="Access Denied" />',
            InsufficientRightsError,
            None,
            "Access Denied",
        ),
        (
            '<response success="false" error="Access denied." errorCode="4030" />',
            InsufficientRightsError,
            4030,
            "Access denied.",
        ),
        (
            '<response success="false" error="Bad ticket" errorCode="4010" />',
            TicketExpiredError,
            4010,
            "Bad ticket",
        ),
        (
            '<response success="false" error="Assignee is not a user" errorcode="4041" />',
            NotFoundError,
            4041,
            "Assignee is not a user",
        ),
        (
            '<response success="false" error="No task by that id" errorCode="4000" />',
            InfoRouterAPIError,
            4000,
            "No task by that id",
        ),
        (
            '<response success="false" error="Wrong model" errorCode="5000" />',
            InfoRouterAPIError,
            5000,
            "Wrong model",
        ),
        ('<root success="false" error="Task not found" />', NotFoundError, None, "Task not found"),
        (
            '<root success="false" error="SystemError: boom" />',
            InfoRouterAPIError,
            None,
            "SystemError: boom",
        ),
        ('<root success="false" />', InfoRouterAPIError, None, "without a message"),
        ('<root success="False" error="[901] x" errorCode="oops" />', TicketExpiredError, 901, "x"),
    ],
)
def test_documented_errors_map_to_typed_errors(
    xml: str, error_type: type[InfoRouterAPIError], code: int | None, message: str
) -> None:
    """Each documented failure answer raises its error class with code and message parsed."""
    with pytest.raises(InfoRouterAPIError) as caught:
        check_answer(element(xml), "GetTask")
    assert type(caught.value) is error_type
    assert caught.value.code == code
    assert message in caught.value.message
    assert caught.value.operation == "GetTask"
    assert "GetTask" in str(caught.value)


def test_a_code_in_the_message_wins_over_error_code_for_the_class() -> None:
    """[901] with errorCode 4030 is a TicketExpiredError: the bracketed code is checked first."""
    with pytest.raises(TicketExpiredError):
        check_answer(element('<root success="false" error="[901] x" errorCode="4030"/>'), "X")


@pytest.mark.parametrize(
    "xml", ['<root ticket="x"/>', '<root success="maybe"/>', '<root success=""/>']
)
def test_answers_without_a_boolean_success_are_invalid(xml: str) -> None:
    """A missing or unreadable success attribute is an InvalidResponseError."""
    with pytest.raises(InvalidResponseError, match="success"):
        check_answer(element(xml), "X")


def test_an_empty_result_is_invalid() -> None:
    """zeep's None for an empty Result is an InvalidResponseError."""
    with pytest.raises(InvalidResponseError, match="empty"):
        check_answer(None, "GetTask")


@pytest.mark.parametrize(
    "xml",
    [
        '<response success="true"/>',
        '<response success="true"><Value/></response>',
        '<response success="true"><Value><TaskId>abc</TaskId></Value></response>',
    ],
)
def test_a_created_answer_without_a_task_id_is_invalid(xml: str) -> None:
    """No Value, or no numeric TaskId, is an InvalidResponseError."""
    with pytest.raises(InvalidResponseError):
        read_created_task(element(xml), "CreateTask")


def test_get_task_answer_reads_every_documented_field() -> None:
    """The GetTask answer becomes a typed Task: names as enums, dates, hours, flags, lists."""
    task = read_task(check_answer(element(GET_TASK), "GetTask"), "GetTask")
    assert task.task_id == 4812
    assert task.name == "Review"
    assert task.short_instruction == "Please review"
    assert task.instructions == "Please review the whole contract."
    assert (task.step_number, task.step_name) == (2, "Legal")
    assert (task.flow_id, task.flow_name, task.flow_def_id) == (77, "Contracts", 5)
    assert task.priority is Priority.HIGH
    assert task.status is TaskStatus.IN_PROGRESS
    assert task.approval_status is ApprovalStatus.NO_RESULT
    assert task.start_date == datetime.datetime(2026, 5, 1, 9, 0)
    assert task.finish_date is None  # 1900-01-01 00:00:00 means unset
    assert task.due_date == datetime.datetime(2026, 5, 15, 17, 30)
    assert (task.short_comments, task.comments) == ("", "")
    assert (task.task_def_id, task.linked_task_id) == (0, 456)
    assert (task.assignee_id, task.assignee_type, task.assignee_name) == (
        15,
        AssigneeType.USER,
        "ajones",
    )
    assert (task.assigned_by_id, task.assigned_by_name) == (42, "jsmith")
    assert (task.supervisor_id, task.supervisor_name) == (3, "boss")
    assert (task.document_id, task.document_name) == (1001, "report.pdf")
    assert (task.start_version_number, task.end_version_number) == (1, 0)
    assert (task.document_type_id, task.document_type_name) == (2, "Contract")
    assert (task.document_folder_id, task.document_library_id) == (9, 1)
    assert task.document_library_name == "Legal"
    assert (task.document_checked_out_by_id, task.document_checked_out_by_name) == (0, "")
    assert task.document_template_id == 0
    assert (task.redirected_from_user_id, task.redirected_from_user_name) == (0, "")
    assert task.ad_hoc is True
    assert task.deadline_hours == 24
    assert task.right_type is RightType.READ
    assert task.permissions == TaskPermissions(
        edit_document=True, postpone=True, edit_all_steps=True
    )
    # NoRequirement (flow task definitions only) is skipped; names win over numbers.
    assert task.requirements == (TaskRequirement(RequirementType.LATEST_VERSION_READ),)
    assert task.supervisor_notification_on_due_hours == 12
    assert task.supervisor_notification_date is None
    assert (task.allowed_start_hours, task.allowed_start_date) == (0, None)
    assert (task.reminder_hours, task.reminder_date) == (4, datetime.datetime(2026, 5, 15, 13, 30))
    assert task.attachments == (
        TaskAttachment(
            attached_on=datetime.datetime(2026, 5, 2, 10, 0),
            document_id=1002,
            document_name="notes.docx",
            path="/Legal/notes.docx",
            workflow_id=77,
            step_number=2,
            step_name="Legal",
            user_id=15,
        ),
    )
    assert task.raw["FutureField"] == "kept"
    assert task.raw["StartDtae"] == "2026-05-01 09:00:00"


def test_get_task_is_lenient_with_odd_values() -> None:
    """Unknown enum names, bad numbers and dates become None; the text stays in raw."""
    xml = (
        '<root success="true"><Task><TaskID>1</TaskID><Priority>NoPriority</Priority>'
        "<TaskStatus>Paused</TaskStatus><StepNumber>two</StepNumber>"
        "<DueDate>0001-01-01T00:00:00</DueDate><StartDtae>2026-01-02 03:04:05</StartDtae>"
        '<AdHoc>maybe</AdHoc><RightType RightTypeId="5"/></Task></root>'
    )
    task = read_task(element(xml), "GetTask")
    assert task.priority is Priority.NO_PRIORITY  # GetDocumentTasks' spelling
    assert task.status is None
    assert task.raw["TaskStatus"] == "Paused"
    assert task.step_number is None
    assert task.due_date is None
    assert task.start_date == datetime.datetime(2026, 1, 2, 3, 4, 5)  # from StartDtae
    assert task.ad_hoc is None
    assert task.right_type is RightType.CHANGE  # by id when the name is missing
    assert task.permissions == TaskPermissions()
    assert task.attachments == ()
    assert task.name == ""


@pytest.mark.parametrize(
    "xml", ['<root success="true"/>', '<root success="true"><Task><TaskID/></Task></root>']
)
def test_get_task_without_a_task_id_is_invalid(xml: str) -> None:
    """No <Task> or no numeric TaskID is an InvalidResponseError."""
    with pytest.raises(InvalidResponseError):
        read_task(element(xml), "GetTask")


def raw(status: int, body: bytes, headers: dict[str, str] | None = None) -> RawResponse:
    return RawResponse(status, httpx.Headers(headers or {}), body)


def test_http_answer_is_the_bare_document() -> None:
    """Over HTTP GET/POST the body itself is the answer element."""
    root = read_http_answer(raw(200, CREATED.encode()), "CreateTask")
    assert read_created_task(check_answer(root, "CreateTask"), "CreateTask").task_id == 789


@pytest.mark.parametrize(
    ("status", "body", "error_type", "text"),
    [
        (200, b"", InvalidResponseError, "empty (HTTP 200)"),
        (
            200,
            b"<html><body>Error</body></html>",
            InvalidResponseError,
            "the answer is an HTML page, not an infoRouter answer; this does not look like the "
            "infoRouter web service: the URL should be its address, ending in /srv.asmx",
        ),
        (200, b"<html><body>Error<br></body></html>", InvalidResponseError, "(HTTP 200)"),
        (200, b'<root success="true"', InvalidResponseError, "not well-formed XML"),
        (200, b'<root success="\xff\xfe"/>', InvalidResponseError, "(HTTP 200)"),
        (400, b"", InfoRouterHTTPError, "HTTP 400"),
        (400, b"Bad Request", InfoRouterHTTPError, "HTTP 400"),
        (
            503,
            b"<!DOCTYPE html><html></html>",
            InfoRouterHTTPError,
            "HTTP 503 and the answer is an HTML page",
        ),
        (404, b"", InfoRouterHTTPError, "no infoRouter web service was found at that URL"),
        (500, b"<html><body>oops</body></html>", InfoRouterHTTPError, "HTTP 500"),
    ],
)
def test_unreadable_http_answers_give_errors_with_the_status(
    status: int, body: bytes, error_type: type[Exception], text: str
) -> None:
    """Empty, HTML, truncated, invalid UTF-8 or error-page bodies name the HTTP status."""
    with pytest.raises(error_type) as caught:
        read_http_answer(raw(status, body), "GetTask")
    assert text in str(caught.value)
    assert getattr(caught.value, "status_code", None) == status


def test_an_http_error_answer_with_an_infouter_document_is_an_answer() -> None:
    """A non-200 status carrying a success="false" document raises the API error."""
    root = read_http_answer(raw(500, b'<root success="false" error="[901] x"/>'), "GetTask")
    with pytest.raises(TicketExpiredError):
        check_answer(root, "GetTask", 500)


def test_retry_after_is_read_from_an_http_error() -> None:
    """Retry-After in seconds is kept on the InfoRouterHTTPError."""
    with pytest.raises(InfoRouterHTTPError) as caught:
        read_http_answer(raw(503, b"busy", {"Retry-After": "7"}), "GetTask")
    assert caught.value.retry_after == 7.0
