# Generated from spec/inforouter.wsdl by scripts/generate. Do not edit.
"""Typed, per-port access to the infoRouter operations through zeep.

One class per port of the WSDL, one method per operation, with the exact wire
parameter names and their Python types. SOAP ports call zeep and return the
element carried in ``<Method>Result`` (``<response>`` or ``<root>``). HTTP ports
only build the request (zeep cannot read their untyped answers): the caller sends
it and parses the bare XML document it gets back.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Final

import zeep
import zeep.proxy
from lxml import etree

from .operations import PORTS


def _result(value: object) -> etree._Element | None:
    """The element zeep returns for a mixed ``s:any`` result, or None when empty."""
    if value is None or isinstance(value, etree._Element):
        return value
    # zeep wraps mixed content it cannot reduce to one element in a list.
    if isinstance(value, list):
        elements = [v for v in value if isinstance(v, etree._Element)]
        if len(elements) == 1:
            return elements[0]
    raise TypeError(f"unexpected result from zeep: {type(value).__name__}")


def _text(value: str | int | bool | datetime.datetime | None) -> str | None:
    """Write a value as the XSD lexical form the HTTP bindings send."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    return str(value)


@dataclass(frozen=True, slots=True)
class HttpRequest:
    """An HTTP GET or POST request for one operation, ready to send."""

    method: str
    url: str
    params: dict[str, str]


class SrvSoap:
    """The ``srvSoap`` port (SOAP 1.1, synchronous).

    Args:
        client: a zeep client loaded with the package's WSDL.
        address: the service URL (``https://<server>/srv.asmx``).
    """

    PORT: Final = "srvSoap"

    def __init__(self, client: zeep.Client, address: str) -> None:
        # zeep's proxy is untyped; _result() is where its Any stops.
        self._service = zeep.proxy.ServiceProxy(  # type: ignore[no-untyped-call]
            client,
            client.wsdl.bindings["{http://tempuri.org/}srvSoap"],
            address=address,
        )

    def AuthenticateUser(
        self, *, UID: str | None = None, PWD: str | None = None
    ) -> etree._Element | None:
        """AuthenticateUser over SOAP 1.1.

        Logs a user in with login name (UID, case-insensitive) and password (PWD). The
        result element carries success="true" and a GUID ticket attribute, plus user
        details; every later call passes that ticket. Bad credentials give error [900];
        the system administrator account gets [902].

        Args:
            UID: wire parameter ``UID`` (xsd:string, optional).
            PWD: wire parameter ``PWD`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(self._service.AuthenticateUser(UID=UID, PWD=PWD))

    def CompleteTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        comments: str | None = None,
    ) -> etree._Element | None:
        """CompleteTask over SOAP 1.1.

        Marks task taskId as finished. Only its assignee may do so, the task must be in
        progress (or have a changed due date) and all its requirements must be met. Only
        the first 255 characters of comments are stored. Success is an attribute-only
        result.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            comments: wire parameter ``comments`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.CompleteTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                comments=comments,
            )
        )

    def CreateRelatedTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateRelatedTask over SOAP 1.1.

        Creates an ad-hoc task linked to the existing, active task taskId and sharing
        its document. xmlParameters is a serialized RelatedTaskRequestModel (see
        inforouter-task-models.xsd); rights come from the parent's document, so there is
        no RightType. The result carries Value/TaskId (the new task) and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.CreateRelatedTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                xmlParameters=xmlParameters,
            )
        )

    def CreateTask(
        self,
        *,
        authenticationTicket: str | None = None,
        documentPath: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateTask over SOAP 1.1.

        Creates a task on the document at documentPath (the full infoRouter path).
        xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task-
        models.xsd), sent as an escaped string. The result carries Value/TaskId and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            documentPath: wire parameter ``documentPath`` (xsd:string, optional).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.CreateTask(
                authenticationTicket=authenticationTicket,
                documentPath=documentPath,
                xmlParameters=xmlParameters,
            )
        )

    def DeleteTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """DeleteTask over SOAP 1.1.

        Removes task taskId and its attachments; needs the Remove Task permission or
        being the original assigner. An ad-hoc task whose flow definition has changed is
        set to Dropped instead.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.DeleteTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    def GetTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """GetTask over SOAP 1.1.

        Returns the full description of task taskId in a Task child of the result
        element (names for Priority and TaskStatus, dates, assignee, document,
        requirements, attachments).

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.GetTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    def LogOut(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """LogOut over SOAP 1.1.

        Ends the session: the ticket is dropped from the server cache. An unknown or
        already expired ticket answers [901], which callers may ignore during clean- up.
        Note the capital A in AuthenticationTicket, unlike the task methods.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(self._service.LogOut(AuthenticationTicket=AuthenticationTicket))

    def ReassignTask(
        self,
        *,
        taskId: int,
        newDueDate: datetime.datetime,
        sendTaskNotice: bool,
        authenticationTicket: str | None = None,
        reassignTo: str | None = None,
        newInstructions: str | None = None,
    ) -> etree._Element | None:
        """ReassignTask over SOAP 1.1.

        Hands task taskId over to the user reassignTo with a new (future) due date and
        instructions, optionally e-mailing the new assignee. The old task becomes
        Reassigned and the result carries the id of the new task in Value/TaskId.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            reassignTo: wire parameter ``reassignTo`` (xsd:string, optional).
            newDueDate: wire parameter ``newDueDate`` (xsd:dateTime, required).
            newInstructions: wire parameter ``newInstructions`` (xsd:string, optional).
            sendTaskNotice: wire parameter ``sendTaskNotice`` (xsd:boolean, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.ReassignTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                reassignTo=reassignTo,
                newDueDate=newDueDate,
                newInstructions=newInstructions,
                sendTaskNotice=sendTaskNotice,
            )
        )

    def isValidTicket(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """isValidTicket over SOAP 1.1.

        Checks a ticket without extending its 30-day sliding expiry. On success the
        result carries the same user attributes as AuthenticateUser but no ticket;
        otherwise [901]. The lower-case i in the method name is the vendor's spelling.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.isValidTicket(AuthenticationTicket=AuthenticationTicket)
        )


class AsyncSrvSoap:
    """The ``srvSoap`` port (SOAP 1.1, asynchronous).

    Args:
        client: a zeep client loaded with the package's WSDL.
        address: the service URL (``https://<server>/srv.asmx``).
    """

    PORT: Final = "srvSoap"

    def __init__(self, client: zeep.AsyncClient, address: str) -> None:
        # zeep's proxy is untyped; _result() is where its Any stops.
        self._service = zeep.proxy.AsyncServiceProxy(  # type: ignore[no-untyped-call]
            client,
            client.wsdl.bindings["{http://tempuri.org/}srvSoap"],
            address=address,
        )

    async def AuthenticateUser(
        self, *, UID: str | None = None, PWD: str | None = None
    ) -> etree._Element | None:
        """AuthenticateUser over SOAP 1.1.

        Logs a user in with login name (UID, case-insensitive) and password (PWD). The
        result element carries success="true" and a GUID ticket attribute, plus user
        details; every later call passes that ticket. Bad credentials give error [900];
        the system administrator account gets [902].

        Args:
            UID: wire parameter ``UID`` (xsd:string, optional).
            PWD: wire parameter ``PWD`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(await self._service.AuthenticateUser(UID=UID, PWD=PWD))

    async def CompleteTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        comments: str | None = None,
    ) -> etree._Element | None:
        """CompleteTask over SOAP 1.1.

        Marks task taskId as finished. Only its assignee may do so, the task must be in
        progress (or have a changed due date) and all its requirements must be met. Only
        the first 255 characters of comments are stored. Success is an attribute-only
        result.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            comments: wire parameter ``comments`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.CompleteTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                comments=comments,
            )
        )

    async def CreateRelatedTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateRelatedTask over SOAP 1.1.

        Creates an ad-hoc task linked to the existing, active task taskId and sharing
        its document. xmlParameters is a serialized RelatedTaskRequestModel (see
        inforouter-task-models.xsd); rights come from the parent's document, so there is
        no RightType. The result carries Value/TaskId (the new task) and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.CreateRelatedTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                xmlParameters=xmlParameters,
            )
        )

    async def CreateTask(
        self,
        *,
        authenticationTicket: str | None = None,
        documentPath: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateTask over SOAP 1.1.

        Creates a task on the document at documentPath (the full infoRouter path).
        xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task-
        models.xsd), sent as an escaped string. The result carries Value/TaskId and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            documentPath: wire parameter ``documentPath`` (xsd:string, optional).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.CreateTask(
                authenticationTicket=authenticationTicket,
                documentPath=documentPath,
                xmlParameters=xmlParameters,
            )
        )

    async def DeleteTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """DeleteTask over SOAP 1.1.

        Removes task taskId and its attachments; needs the Remove Task permission or
        being the original assigner. An ad-hoc task whose flow definition has changed is
        set to Dropped instead.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.DeleteTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    async def GetTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """GetTask over SOAP 1.1.

        Returns the full description of task taskId in a Task child of the result
        element (names for Priority and TaskStatus, dates, assignee, document,
        requirements, attachments).

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.GetTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    async def LogOut(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """LogOut over SOAP 1.1.

        Ends the session: the ticket is dropped from the server cache. An unknown or
        already expired ticket answers [901], which callers may ignore during clean- up.
        Note the capital A in AuthenticationTicket, unlike the task methods.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.LogOut(AuthenticationTicket=AuthenticationTicket)
        )

    async def ReassignTask(
        self,
        *,
        taskId: int,
        newDueDate: datetime.datetime,
        sendTaskNotice: bool,
        authenticationTicket: str | None = None,
        reassignTo: str | None = None,
        newInstructions: str | None = None,
    ) -> etree._Element | None:
        """ReassignTask over SOAP 1.1.

        Hands task taskId over to the user reassignTo with a new (future) due date and
        instructions, optionally e-mailing the new assignee. The old task becomes
        Reassigned and the result carries the id of the new task in Value/TaskId.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            reassignTo: wire parameter ``reassignTo`` (xsd:string, optional).
            newDueDate: wire parameter ``newDueDate`` (xsd:dateTime, required).
            newInstructions: wire parameter ``newInstructions`` (xsd:string, optional).
            sendTaskNotice: wire parameter ``sendTaskNotice`` (xsd:boolean, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.ReassignTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                reassignTo=reassignTo,
                newDueDate=newDueDate,
                newInstructions=newInstructions,
                sendTaskNotice=sendTaskNotice,
            )
        )

    async def isValidTicket(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """isValidTicket over SOAP 1.1.

        Checks a ticket without extending its 30-day sliding expiry. On success the
        result carries the same user attributes as AuthenticateUser but no ticket;
        otherwise [901]. The lower-case i in the method name is the vendor's spelling.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.isValidTicket(AuthenticationTicket=AuthenticationTicket)
        )


class SrvSoap12:
    """The ``srvSoap12`` port (SOAP 1.2, synchronous).

    Args:
        client: a zeep client loaded with the package's WSDL.
        address: the service URL (``https://<server>/srv.asmx``).
    """

    PORT: Final = "srvSoap12"

    def __init__(self, client: zeep.Client, address: str) -> None:
        # zeep's proxy is untyped; _result() is where its Any stops.
        self._service = zeep.proxy.ServiceProxy(  # type: ignore[no-untyped-call]
            client,
            client.wsdl.bindings["{http://tempuri.org/}srvSoap12"],
            address=address,
        )

    def AuthenticateUser(
        self, *, UID: str | None = None, PWD: str | None = None
    ) -> etree._Element | None:
        """AuthenticateUser over SOAP 1.2.

        Logs a user in with login name (UID, case-insensitive) and password (PWD). The
        result element carries success="true" and a GUID ticket attribute, plus user
        details; every later call passes that ticket. Bad credentials give error [900];
        the system administrator account gets [902].

        Args:
            UID: wire parameter ``UID`` (xsd:string, optional).
            PWD: wire parameter ``PWD`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(self._service.AuthenticateUser(UID=UID, PWD=PWD))

    def CompleteTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        comments: str | None = None,
    ) -> etree._Element | None:
        """CompleteTask over SOAP 1.2.

        Marks task taskId as finished. Only its assignee may do so, the task must be in
        progress (or have a changed due date) and all its requirements must be met. Only
        the first 255 characters of comments are stored. Success is an attribute-only
        result.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            comments: wire parameter ``comments`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.CompleteTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                comments=comments,
            )
        )

    def CreateRelatedTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateRelatedTask over SOAP 1.2.

        Creates an ad-hoc task linked to the existing, active task taskId and sharing
        its document. xmlParameters is a serialized RelatedTaskRequestModel (see
        inforouter-task-models.xsd); rights come from the parent's document, so there is
        no RightType. The result carries Value/TaskId (the new task) and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.CreateRelatedTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                xmlParameters=xmlParameters,
            )
        )

    def CreateTask(
        self,
        *,
        authenticationTicket: str | None = None,
        documentPath: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateTask over SOAP 1.2.

        Creates a task on the document at documentPath (the full infoRouter path).
        xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task-
        models.xsd), sent as an escaped string. The result carries Value/TaskId and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            documentPath: wire parameter ``documentPath`` (xsd:string, optional).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.CreateTask(
                authenticationTicket=authenticationTicket,
                documentPath=documentPath,
                xmlParameters=xmlParameters,
            )
        )

    def DeleteTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """DeleteTask over SOAP 1.2.

        Removes task taskId and its attachments; needs the Remove Task permission or
        being the original assigner. An ad-hoc task whose flow definition has changed is
        set to Dropped instead.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.DeleteTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    def GetTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """GetTask over SOAP 1.2.

        Returns the full description of task taskId in a Task child of the result
        element (names for Priority and TaskStatus, dates, assignee, document,
        requirements, attachments).

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.GetTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    def LogOut(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """LogOut over SOAP 1.2.

        Ends the session: the ticket is dropped from the server cache. An unknown or
        already expired ticket answers [901], which callers may ignore during clean- up.
        Note the capital A in AuthenticationTicket, unlike the task methods.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(self._service.LogOut(AuthenticationTicket=AuthenticationTicket))

    def ReassignTask(
        self,
        *,
        taskId: int,
        newDueDate: datetime.datetime,
        sendTaskNotice: bool,
        authenticationTicket: str | None = None,
        reassignTo: str | None = None,
        newInstructions: str | None = None,
    ) -> etree._Element | None:
        """ReassignTask over SOAP 1.2.

        Hands task taskId over to the user reassignTo with a new (future) due date and
        instructions, optionally e-mailing the new assignee. The old task becomes
        Reassigned and the result carries the id of the new task in Value/TaskId.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            reassignTo: wire parameter ``reassignTo`` (xsd:string, optional).
            newDueDate: wire parameter ``newDueDate`` (xsd:dateTime, required).
            newInstructions: wire parameter ``newInstructions`` (xsd:string, optional).
            sendTaskNotice: wire parameter ``sendTaskNotice`` (xsd:boolean, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.ReassignTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                reassignTo=reassignTo,
                newDueDate=newDueDate,
                newInstructions=newInstructions,
                sendTaskNotice=sendTaskNotice,
            )
        )

    def isValidTicket(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """isValidTicket over SOAP 1.2.

        Checks a ticket without extending its 30-day sliding expiry. On success the
        result carries the same user attributes as AuthenticateUser but no ticket;
        otherwise [901]. The lower-case i in the method name is the vendor's spelling.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            self._service.isValidTicket(AuthenticationTicket=AuthenticationTicket)
        )


class AsyncSrvSoap12:
    """The ``srvSoap12`` port (SOAP 1.2, asynchronous).

    Args:
        client: a zeep client loaded with the package's WSDL.
        address: the service URL (``https://<server>/srv.asmx``).
    """

    PORT: Final = "srvSoap12"

    def __init__(self, client: zeep.AsyncClient, address: str) -> None:
        # zeep's proxy is untyped; _result() is where its Any stops.
        self._service = zeep.proxy.AsyncServiceProxy(  # type: ignore[no-untyped-call]
            client,
            client.wsdl.bindings["{http://tempuri.org/}srvSoap12"],
            address=address,
        )

    async def AuthenticateUser(
        self, *, UID: str | None = None, PWD: str | None = None
    ) -> etree._Element | None:
        """AuthenticateUser over SOAP 1.2.

        Logs a user in with login name (UID, case-insensitive) and password (PWD). The
        result element carries success="true" and a GUID ticket attribute, plus user
        details; every later call passes that ticket. Bad credentials give error [900];
        the system administrator account gets [902].

        Args:
            UID: wire parameter ``UID`` (xsd:string, optional).
            PWD: wire parameter ``PWD`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(await self._service.AuthenticateUser(UID=UID, PWD=PWD))

    async def CompleteTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        comments: str | None = None,
    ) -> etree._Element | None:
        """CompleteTask over SOAP 1.2.

        Marks task taskId as finished. Only its assignee may do so, the task must be in
        progress (or have a changed due date) and all its requirements must be met. Only
        the first 255 characters of comments are stored. Success is an attribute-only
        result.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            comments: wire parameter ``comments`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.CompleteTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                comments=comments,
            )
        )

    async def CreateRelatedTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateRelatedTask over SOAP 1.2.

        Creates an ad-hoc task linked to the existing, active task taskId and sharing
        its document. xmlParameters is a serialized RelatedTaskRequestModel (see
        inforouter-task-models.xsd); rights come from the parent's document, so there is
        no RightType. The result carries Value/TaskId (the new task) and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.CreateRelatedTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                xmlParameters=xmlParameters,
            )
        )

    async def CreateTask(
        self,
        *,
        authenticationTicket: str | None = None,
        documentPath: str | None = None,
        xmlParameters: str | None = None,
    ) -> etree._Element | None:
        """CreateTask over SOAP 1.2.

        Creates a task on the document at documentPath (the full infoRouter path).
        xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task-
        models.xsd), sent as an escaped string. The result carries Value/TaskId and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            documentPath: wire parameter ``documentPath`` (xsd:string, optional).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.CreateTask(
                authenticationTicket=authenticationTicket,
                documentPath=documentPath,
                xmlParameters=xmlParameters,
            )
        )

    async def DeleteTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """DeleteTask over SOAP 1.2.

        Removes task taskId and its attachments; needs the Remove Task permission or
        being the original assigner. An ad-hoc task whose flow definition has changed is
        set to Dropped instead.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.DeleteTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    async def GetTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> etree._Element | None:
        """GetTask over SOAP 1.2.

        Returns the full description of task taskId in a Task child of the result
        element (names for Priority and TaskStatus, dates, assignee, document,
        requirements, attachments).

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.GetTask(
                authenticationTicket=authenticationTicket, taskId=taskId
            )
        )

    async def LogOut(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """LogOut over SOAP 1.2.

        Ends the session: the ticket is dropped from the server cache. An unknown or
        already expired ticket answers [901], which callers may ignore during clean- up.
        Note the capital A in AuthenticationTicket, unlike the task methods.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.LogOut(AuthenticationTicket=AuthenticationTicket)
        )

    async def ReassignTask(
        self,
        *,
        taskId: int,
        newDueDate: datetime.datetime,
        sendTaskNotice: bool,
        authenticationTicket: str | None = None,
        reassignTo: str | None = None,
        newInstructions: str | None = None,
    ) -> etree._Element | None:
        """ReassignTask over SOAP 1.2.

        Hands task taskId over to the user reassignTo with a new (future) due date and
        instructions, optionally e-mailing the new assignee. The old task becomes
        Reassigned and the result carries the id of the new task in Value/TaskId.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            reassignTo: wire parameter ``reassignTo`` (xsd:string, optional).
            newDueDate: wire parameter ``newDueDate`` (xsd:dateTime, required).
            newInstructions: wire parameter ``newInstructions`` (xsd:string, optional).
            sendTaskNotice: wire parameter ``sendTaskNotice`` (xsd:boolean, required).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.ReassignTask(
                authenticationTicket=authenticationTicket,
                taskId=taskId,
                reassignTo=reassignTo,
                newDueDate=newDueDate,
                newInstructions=newInstructions,
                sendTaskNotice=sendTaskNotice,
            )
        )

    async def isValidTicket(
        self, *, AuthenticationTicket: str | None = None
    ) -> etree._Element | None:
        """isValidTicket over SOAP 1.2.

        Checks a ticket without extending its 30-day sliding expiry. On success the
        result carries the same user attributes as AuthenticateUser but no ticket;
        otherwise [901]. The lower-case i in the method name is the vendor's spelling.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The ``<response>``/``<root>`` element, or None.
        """
        return _result(
            await self._service.isValidTicket(AuthenticationTicket=AuthenticationTicket)
        )


class SrvHttpGet:
    """The ``srvHttpGet`` port (HTTP GET): builds requests.

    Args:
        address: the service URL (``https://<server>/srv.asmx``).
    """

    PORT: Final = "srvHttpGet"

    def __init__(self, address: str) -> None:
        self._address = address.rstrip("/")
        self._locations = dict(PORTS["http-get"].locations)

    def AuthenticateUser(
        self, *, UID: str | None = None, PWD: str | None = None
    ) -> HttpRequest:
        """AuthenticateUser over HTTP GET.

        Logs a user in with login name (UID, case-insensitive) and password (PWD). The
        result element carries success="true" and a GUID ticket attribute, plus user
        details; every later call passes that ticket. Bad credentials give error [900];
        the system administrator account gets [902].

        Args:
            UID: wire parameter ``UID`` (xsd:string, optional).
            PWD: wire parameter ``PWD`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {"UID": _text(UID), "PWD": _text(PWD)}
        return HttpRequest(
            "GET",
            self._address + self._locations["AuthenticateUser"],
            {k: v for k, v in values.items() if v is not None},
        )

    def CompleteTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        comments: str | None = None,
    ) -> HttpRequest:
        """CompleteTask over HTTP GET.

        Marks task taskId as finished. Only its assignee may do so, the task must be in
        progress (or have a changed due date) and all its requirements must be met. Only
        the first 255 characters of comments are stored. Success is an attribute-only
        result.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            comments: wire parameter ``comments`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
            "comments": _text(comments),
        }
        return HttpRequest(
            "GET",
            self._address + self._locations["CompleteTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def CreateRelatedTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        xmlParameters: str | None = None,
    ) -> HttpRequest:
        """CreateRelatedTask over HTTP GET.

        Creates an ad-hoc task linked to the existing, active task taskId and sharing
        its document. xmlParameters is a serialized RelatedTaskRequestModel (see
        inforouter-task-models.xsd); rights come from the parent's document, so there is
        no RightType. The result carries Value/TaskId (the new task) and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
            "xmlParameters": _text(xmlParameters),
        }
        return HttpRequest(
            "GET",
            self._address + self._locations["CreateRelatedTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def CreateTask(
        self,
        *,
        authenticationTicket: str | None = None,
        documentPath: str | None = None,
        xmlParameters: str | None = None,
    ) -> HttpRequest:
        """CreateTask over HTTP GET.

        Creates a task on the document at documentPath (the full infoRouter path).
        xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task-
        models.xsd), sent as an escaped string. The result carries Value/TaskId and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            documentPath: wire parameter ``documentPath`` (xsd:string, optional).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "documentPath": _text(documentPath),
            "xmlParameters": _text(xmlParameters),
        }
        return HttpRequest(
            "GET",
            self._address + self._locations["CreateTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def DeleteTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> HttpRequest:
        """DeleteTask over HTTP GET.

        Removes task taskId and its attachments; needs the Remove Task permission or
        being the original assigner. An ad-hoc task whose flow definition has changed is
        set to Dropped instead.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
        }
        return HttpRequest(
            "GET",
            self._address + self._locations["DeleteTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def GetTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> HttpRequest:
        """GetTask over HTTP GET.

        Returns the full description of task taskId in a Task child of the result
        element (names for Priority and TaskStatus, dates, assignee, document,
        requirements, attachments).

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
        }
        return HttpRequest(
            "GET",
            self._address + self._locations["GetTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def LogOut(self, *, AuthenticationTicket: str | None = None) -> HttpRequest:
        """LogOut over HTTP GET.

        Ends the session: the ticket is dropped from the server cache. An unknown or
        already expired ticket answers [901], which callers may ignore during clean- up.
        Note the capital A in AuthenticationTicket, unlike the task methods.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {"AuthenticationTicket": _text(AuthenticationTicket)}
        return HttpRequest(
            "GET",
            self._address + self._locations["LogOut"],
            {k: v for k, v in values.items() if v is not None},
        )

    def ReassignTask(
        self,
        *,
        taskId: int,
        newDueDate: datetime.datetime,
        sendTaskNotice: bool,
        authenticationTicket: str | None = None,
        reassignTo: str | None = None,
        newInstructions: str | None = None,
    ) -> HttpRequest:
        """ReassignTask over HTTP GET.

        Hands task taskId over to the user reassignTo with a new (future) due date and
        instructions, optionally e-mailing the new assignee. The old task becomes
        Reassigned and the result carries the id of the new task in Value/TaskId.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            reassignTo: wire parameter ``reassignTo`` (xsd:string, optional).
            newDueDate: wire parameter ``newDueDate`` (xsd:dateTime, required).
            newInstructions: wire parameter ``newInstructions`` (xsd:string, optional).
            sendTaskNotice: wire parameter ``sendTaskNotice`` (xsd:boolean, required).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
            "reassignTo": _text(reassignTo),
            "newDueDate": _text(newDueDate),
            "newInstructions": _text(newInstructions),
            "sendTaskNotice": _text(sendTaskNotice),
        }
        return HttpRequest(
            "GET",
            self._address + self._locations["ReassignTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def isValidTicket(self, *, AuthenticationTicket: str | None = None) -> HttpRequest:
        """isValidTicket over HTTP GET.

        Checks a ticket without extending its 30-day sliding expiry. On success the
        result carries the same user attributes as AuthenticateUser but no ticket;
        otherwise [901]. The lower-case i in the method name is the vendor's spelling.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {"AuthenticationTicket": _text(AuthenticationTicket)}
        return HttpRequest(
            "GET",
            self._address + self._locations["isValidTicket"],
            {k: v for k, v in values.items() if v is not None},
        )


class SrvHttpPost:
    """The ``srvHttpPost`` port (HTTP POST): builds requests.

    Args:
        address: the service URL (``https://<server>/srv.asmx``).
    """

    PORT: Final = "srvHttpPost"

    def __init__(self, address: str) -> None:
        self._address = address.rstrip("/")
        self._locations = dict(PORTS["http-post"].locations)

    def AuthenticateUser(
        self, *, UID: str | None = None, PWD: str | None = None
    ) -> HttpRequest:
        """AuthenticateUser over HTTP POST.

        Logs a user in with login name (UID, case-insensitive) and password (PWD). The
        result element carries success="true" and a GUID ticket attribute, plus user
        details; every later call passes that ticket. Bad credentials give error [900];
        the system administrator account gets [902].

        Args:
            UID: wire parameter ``UID`` (xsd:string, optional).
            PWD: wire parameter ``PWD`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {"UID": _text(UID), "PWD": _text(PWD)}
        return HttpRequest(
            "POST",
            self._address + self._locations["AuthenticateUser"],
            {k: v for k, v in values.items() if v is not None},
        )

    def CompleteTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        comments: str | None = None,
    ) -> HttpRequest:
        """CompleteTask over HTTP POST.

        Marks task taskId as finished. Only its assignee may do so, the task must be in
        progress (or have a changed due date) and all its requirements must be met. Only
        the first 255 characters of comments are stored. Success is an attribute-only
        result.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            comments: wire parameter ``comments`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
            "comments": _text(comments),
        }
        return HttpRequest(
            "POST",
            self._address + self._locations["CompleteTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def CreateRelatedTask(
        self,
        *,
        taskId: int,
        authenticationTicket: str | None = None,
        xmlParameters: str | None = None,
    ) -> HttpRequest:
        """CreateRelatedTask over HTTP POST.

        Creates an ad-hoc task linked to the existing, active task taskId and sharing
        its document. xmlParameters is a serialized RelatedTaskRequestModel (see
        inforouter-task-models.xsd); rights come from the parent's document, so there is
        no RightType. The result carries Value/TaskId (the new task) and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
            "xmlParameters": _text(xmlParameters),
        }
        return HttpRequest(
            "POST",
            self._address + self._locations["CreateRelatedTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def CreateTask(
        self,
        *,
        authenticationTicket: str | None = None,
        documentPath: str | None = None,
        xmlParameters: str | None = None,
    ) -> HttpRequest:
        """CreateTask over HTTP POST.

        Creates a task on the document at documentPath (the full infoRouter path).
        xmlParameters is a serialized TaskCreationRequestModel (see inforouter-task-
        models.xsd), sent as an escaped string. The result carries Value/TaskId and
        Value/RedirectedUserName.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            documentPath: wire parameter ``documentPath`` (xsd:string, optional).
            xmlParameters: wire parameter ``xmlParameters`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "documentPath": _text(documentPath),
            "xmlParameters": _text(xmlParameters),
        }
        return HttpRequest(
            "POST",
            self._address + self._locations["CreateTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def DeleteTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> HttpRequest:
        """DeleteTask over HTTP POST.

        Removes task taskId and its attachments; needs the Remove Task permission or
        being the original assigner. An ad-hoc task whose flow definition has changed is
        set to Dropped instead.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
        }
        return HttpRequest(
            "POST",
            self._address + self._locations["DeleteTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def GetTask(
        self, *, taskId: int, authenticationTicket: str | None = None
    ) -> HttpRequest:
        """GetTask over HTTP POST.

        Returns the full description of task taskId in a Task child of the result
        element (names for Priority and TaskStatus, dates, assignee, document,
        requirements, attachments).

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
        }
        return HttpRequest(
            "POST",
            self._address + self._locations["GetTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def LogOut(self, *, AuthenticationTicket: str | None = None) -> HttpRequest:
        """LogOut over HTTP POST.

        Ends the session: the ticket is dropped from the server cache. An unknown or
        already expired ticket answers [901], which callers may ignore during clean- up.
        Note the capital A in AuthenticationTicket, unlike the task methods.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {"AuthenticationTicket": _text(AuthenticationTicket)}
        return HttpRequest(
            "POST",
            self._address + self._locations["LogOut"],
            {k: v for k, v in values.items() if v is not None},
        )

    def ReassignTask(
        self,
        *,
        taskId: int,
        newDueDate: datetime.datetime,
        sendTaskNotice: bool,
        authenticationTicket: str | None = None,
        reassignTo: str | None = None,
        newInstructions: str | None = None,
    ) -> HttpRequest:
        """ReassignTask over HTTP POST.

        Hands task taskId over to the user reassignTo with a new (future) due date and
        instructions, optionally e-mailing the new assignee. The old task becomes
        Reassigned and the result carries the id of the new task in Value/TaskId.

        Args:
            authenticationTicket: wire parameter ``authenticationTicket`` (xsd:string, optional).
            taskId: wire parameter ``taskId`` (xsd:int, required).
            reassignTo: wire parameter ``reassignTo`` (xsd:string, optional).
            newDueDate: wire parameter ``newDueDate`` (xsd:dateTime, required).
            newInstructions: wire parameter ``newInstructions`` (xsd:string, optional).
            sendTaskNotice: wire parameter ``sendTaskNotice`` (xsd:boolean, required).

        Returns:
            The request to send.
        """
        values = {
            "authenticationTicket": _text(authenticationTicket),
            "taskId": _text(taskId),
            "reassignTo": _text(reassignTo),
            "newDueDate": _text(newDueDate),
            "newInstructions": _text(newInstructions),
            "sendTaskNotice": _text(sendTaskNotice),
        }
        return HttpRequest(
            "POST",
            self._address + self._locations["ReassignTask"],
            {k: v for k, v in values.items() if v is not None},
        )

    def isValidTicket(self, *, AuthenticationTicket: str | None = None) -> HttpRequest:
        """isValidTicket over HTTP POST.

        Checks a ticket without extending its 30-day sliding expiry. On success the
        result carries the same user attributes as AuthenticateUser but no ticket;
        otherwise [901]. The lower-case i in the method name is the vendor's spelling.

        Args:
            AuthenticationTicket: wire parameter ``AuthenticationTicket`` (xsd:string, optional).

        Returns:
            The request to send.
        """
        values = {"AuthenticationTicket": _text(AuthenticationTicket)}
        return HttpRequest(
            "POST",
            self._address + self._locations["isValidTicket"],
            {k: v for k, v in values.items() if v is not None},
        )
