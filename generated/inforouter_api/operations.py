# Generated from spec/inforouter.wsdl by scripts/generate. Do not edit.
"""The operations, parameters and ports of the infoRouter web service, as data.

Everything here is read from the WSDL: parameter names (whose casing the vendor
does not settle), SOAP actions and HTTP locations are written nowhere else, so
the clients and the sandbox take them from this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

NAMESPACE: Final = "http://tempuri.org/"
SERVICE: Final = "srv"

PortKind = Literal["soap11", "soap12", "http-get", "http-post"]
XsdType = Literal["string", "int", "long", "boolean", "dateTime"]


@dataclass(frozen=True, slots=True)
class Parameter:
    """One request parameter: its wire name, XSD type and whether it is required."""

    name: str
    xsd_type: XsdType
    required: bool


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation: its name, parameters in wire order and result element."""

    name: str
    parameters: tuple[Parameter, ...]
    result_element: str
    soap_action: str
    documentation: str


@dataclass(frozen=True, slots=True)
class Port:
    """One port of the service: its binding kind and, for HTTP, verb and locations."""

    name: str
    kind: PortKind
    verb: str
    locations: tuple[tuple[str, str], ...]


OPERATIONS: Final[dict[str, Operation]] = {
    "AuthenticateUser": Operation(
        name="AuthenticateUser",
        parameters=(
            Parameter("UID", "string", False),
            Parameter("PWD", "string", False),
        ),
        result_element="AuthenticateUserResult",
        soap_action="http://tempuri.org/AuthenticateUser",
        documentation='Logs a user in with login name (UID, case-insensitive) and password (PWD). The result element carries success="true" and a GUID ticket attribute, plus user details; every later call passes that ticket. Bad credentials give error [900]; the system administrator account gets [902].',
    ),
    "CompleteTask": Operation(
        name="CompleteTask",
        parameters=(
            Parameter("authenticationTicket", "string", False),
            Parameter("taskId", "int", True),
            Parameter("comments", "string", False),
        ),
        result_element="CompleteTaskResult",
        soap_action="http://tempuri.org/CompleteTask",
        documentation="Marks task taskId as finished. Only its assignee may do so, the task must be in progress (or have a changed due date) and all its requirements must be met. Only the first 255 characters of comments are stored. Success is an attribute-only result.",
    ),
    "CreateRelatedTask": Operation(
        name="CreateRelatedTask",
        parameters=(
            Parameter("authenticationTicket", "string", False),
            Parameter("taskId", "int", True),
            Parameter("xmlParameters", "string", False),
        ),
        result_element="CreateRelatedTaskResult",
        soap_action="http://tempuri.org/CreateRelatedTask",
        documentation="Creates an ad-hoc task linked to the existing, active task taskId and sharing its document. xmlParameters is a serialized RelatedTaskRequestModel (see inforouter-task-models.xsd); rights come from the parent's document, so there is no RightType. The result carries Value/TaskId (the new task) and Value/RedirectedUserName.",
    ),
    "CreateTask": Operation(
        name="CreateTask",
        parameters=(
            Parameter("authenticationTicket", "string", False),
            Parameter("documentPath", "string", False),
            Parameter("xmlParameters", "string", False),
        ),
        result_element="CreateTaskResult",
        soap_action="http://tempuri.org/CreateTask",
        documentation="Creates a task on the document at documentPath (the full infoRouter path). xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task- models.xsd), sent as an escaped string. The result carries Value/TaskId and Value/RedirectedUserName.",
    ),
    "DeleteTask": Operation(
        name="DeleteTask",
        parameters=(
            Parameter("authenticationTicket", "string", False),
            Parameter("taskId", "int", True),
        ),
        result_element="DeleteTaskResult",
        soap_action="http://tempuri.org/DeleteTask",
        documentation="Removes task taskId and its attachments; needs the Remove Task permission or being the original assigner. An ad-hoc task whose flow definition has changed is set to Dropped instead.",
    ),
    "GetTask": Operation(
        name="GetTask",
        parameters=(
            Parameter("authenticationTicket", "string", False),
            Parameter("taskId", "int", True),
        ),
        result_element="GetTaskResult",
        soap_action="http://tempuri.org/GetTask",
        documentation="Returns the full description of task taskId in a Task child of the result element (names for Priority and TaskStatus, dates, assignee, document, requirements, attachments).",
    ),
    "LogOut": Operation(
        name="LogOut",
        parameters=(Parameter("AuthenticationTicket", "string", False),),
        result_element="LogOutResult",
        soap_action="http://tempuri.org/LogOut",
        documentation="Ends the session: the ticket is dropped from the server cache. An unknown or already expired ticket answers [901], which callers may ignore during clean- up. Note the capital A in AuthenticationTicket, unlike the task methods.",
    ),
    "ReassignTask": Operation(
        name="ReassignTask",
        parameters=(
            Parameter("authenticationTicket", "string", False),
            Parameter("taskId", "int", True),
            Parameter("reassignTo", "string", False),
            Parameter("newDueDate", "dateTime", True),
            Parameter("newInstructions", "string", False),
            Parameter("sendTaskNotice", "boolean", True),
        ),
        result_element="ReassignTaskResult",
        soap_action="http://tempuri.org/ReassignTask",
        documentation="Hands task taskId over to the user reassignTo with a new (future) due date and instructions, optionally e-mailing the new assignee. The old task becomes Reassigned and the result carries the id of the new task in Value/TaskId.",
    ),
    "isValidTicket": Operation(
        name="isValidTicket",
        parameters=(Parameter("AuthenticationTicket", "string", False),),
        result_element="isValidTicketResult",
        soap_action="http://tempuri.org/isValidTicket",
        documentation="Checks a ticket without extending its 30-day sliding expiry. On success the result carries the same user attributes as AuthenticateUser but no ticket; otherwise [901]. The lower-case i in the method name is the vendor's spelling.",
    ),
}

PORTS: Final[dict[PortKind, Port]] = {
    "soap11": Port("srvSoap", "soap11", "POST", ()),
    "soap12": Port("srvSoap12", "soap12", "POST", ()),
    "http-get": Port(
        "srvHttpGet",
        "http-get",
        "GET",
        (
            ("AuthenticateUser", "/AuthenticateUser"),
            ("CompleteTask", "/CompleteTask"),
            ("CreateRelatedTask", "/CreateRelatedTask"),
            ("CreateTask", "/CreateTask"),
            ("DeleteTask", "/DeleteTask"),
            ("GetTask", "/GetTask"),
            ("LogOut", "/LogOut"),
            ("ReassignTask", "/ReassignTask"),
            ("isValidTicket", "/isValidTicket"),
        ),
    ),
    "http-post": Port(
        "srvHttpPost",
        "http-post",
        "POST",
        (
            ("AuthenticateUser", "/AuthenticateUser"),
            ("CompleteTask", "/CompleteTask"),
            ("CreateRelatedTask", "/CreateRelatedTask"),
            ("CreateTask", "/CreateTask"),
            ("DeleteTask", "/DeleteTask"),
            ("GetTask", "/GetTask"),
            ("LogOut", "/LogOut"),
            ("ReassignTask", "/ReassignTask"),
            ("isValidTicket", "/isValidTicket"),
        ),
    ),
}
