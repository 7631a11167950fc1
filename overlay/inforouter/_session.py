"""Sessions: a ticket, the task methods, retries and re-authentication.

Each method names its operation once, in `_Operation`, with the two properties that decide
what happens on failure:

- ``repeatable``: sending the call twice does no harm, so it is retried on timeouts, dropped
  connections, HTTP 408, 429 and 5xx. Otherwise it is retried only when the request provably
  never left (the connection could not be made), and a failure after sending raises
  `OutcomeUnknownError`.
- ``reauthenticate``: on ``[901]`` the session logs in again once and repeats the call. Only
  calls that are safe to repeat do this; create and reassign calls raise
  `TicketExpiredError` and leave the decision to the caller.
"""

from __future__ import annotations

import datetime
import logging
from types import TracebackType
from typing import Final, TypeVar

import attrs
from lxml import etree

from ._checks import check_bool, check_int, check_name, check_text, wire_datetime
from ._errors import (
    InfoRouterError,
    OutcomeUnknownError,
    TaskRequestError,
    TicketExpiredError,
)
from ._models import RelatedTaskRequest, TaskRequest
from ._responses import read_created_task, read_reassigned_task, read_task, read_ticket
from ._results import CreatedTask, ReassignedTask, Task
from ._retry import async_retrying, may_have_been_applied, retrying
from ._translate import translating
from ._wire import AsyncCall, AsyncWire, SyncCall, SyncWire

_log = logging.getLogger("inforouter")

_M = TypeVar("_M", RelatedTaskRequest, TaskRequest)


@attrs.frozen
class _Operation:
    name: str
    repeatable: bool
    reauthenticate: bool


_AUTHENTICATE: Final = _Operation("AuthenticateUser", repeatable=True, reauthenticate=False)
_LOG_OUT: Final = _Operation("LogOut", repeatable=True, reauthenticate=False)
_IS_VALID: Final = _Operation("isValidTicket", repeatable=True, reauthenticate=False)
_GET_TASK: Final = _Operation("GetTask", repeatable=True, reauthenticate=True)
# CHOICE: completing and deleting change state, but repeating them cannot create anything;
# a repeat after a lost answer is answered "already completed" or "not found" (see docstrings).
_COMPLETE_TASK: Final = _Operation("CompleteTask", repeatable=True, reauthenticate=True)
_DELETE_TASK: Final = _Operation("DeleteTask", repeatable=True, reauthenticate=True)
_CREATE_TASK: Final = _Operation("CreateTask", repeatable=False, reauthenticate=False)
_CREATE_RELATED_TASK: Final = _Operation(
    "CreateRelatedTask", repeatable=False, reauthenticate=False
)
_REASSIGN_TASK: Final = _Operation("ReassignTask", repeatable=False, reauthenticate=False)
OPERATIONS: Final = (
    _AUTHENTICATE,
    _LOG_OUT,
    _IS_VALID,
    _GET_TASK,
    _COMPLETE_TASK,
    _DELETE_TASK,
    _CREATE_TASK,
    _CREATE_RELATED_TASK,
    _REASSIGN_TASK,
)


def _model(request: object, model: type[_M]) -> _M:
    if not isinstance(request, model):
        raise TaskRequestError(f"request must be a {model.__name__}, not {type(request).__name__}")
    return request


def _comments(comments: str | None) -> str | None:
    return None if comments is None else check_text(comments, "comments")


def _task_id(value: int, name: str = "task_id") -> int:
    return check_int(value, name, minimum=1)


class _SessionBase:
    """What sync and async sessions share: identity, secrets, the closed state."""

    def __init__(self, user: str, password: str, *, binding: str, max_retries: int) -> None:
        self._user = check_text(user, "user")
        self._password = check_text(password, "password")
        self._binding = binding
        self._max_retries = max_retries
        self._ticket = ""
        self._closed = False

    @property
    def user(self) -> str:
        """The login name this session authenticated."""
        return self._user

    @property
    def binding(self) -> str:
        """The binding the session's calls use."""
        return self._binding

    @property
    def closed(self) -> bool:
        """True once the session has logged out."""
        return self._closed

    def __repr__(self) -> str:
        # Never the ticket or the password.
        return f"{type(self).__name__}(user={self._user!r}, binding={self._binding!r})"

    def _secrets(self) -> tuple[str, str]:
        return (self._ticket, self._password)

    def _check_open(self) -> None:
        if self._closed:
            raise InfoRouterError("this session has logged out; authenticate again")

    def _outcome(self, operation: _Operation, error: InfoRouterError) -> InfoRouterError:
        """Turn the error of an unsafe call that may have been applied into OutcomeUnknown."""
        if not operation.repeatable and may_have_been_applied(error):
            return OutcomeUnknownError(operation.name, str(error))
        return error


class Session(_SessionBase):
    """An authenticated infoRouter session. Created by `InfoRouterClient.authenticate`.

    Use it as a context manager: leaving the block logs out (an already expired ticket
    counts as logged out). The ticket is never shown in its repr, in logs or in errors.
    """

    def __init__(
        self, wire: SyncWire, user: str, password: str, *, binding: str, max_retries: int
    ) -> None:
        super().__init__(user, password, binding=binding, max_retries=max_retries)
        self._wire = wire

    def __enter__(self) -> Session:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.close()
        except InfoRouterError as error:
            if exc_type is None:
                raise
            # Do not hide the error that ended the block.
            _log.warning("LogOut failed while leaving a session after an error: %s", error)

    # ----------------------------------------------------------------- plumbing

    def _attempt(self, operation: _Operation, call: SyncCall) -> etree._Element:
        with translating(operation.name, self._secrets()):
            return self._wire.call(operation.name, call)

    def _send(self, operation: _Operation, call: SyncCall) -> etree._Element:
        try:
            return self._attempt(operation, call)
        except InfoRouterError as error:
            first = error
        # The first attempt runs outside tenacity, whose per-call cost shows against a bare
        # zeep call; its error is replayed as tenacity's first attempt, so that tenacity
        # alone decides whether and when to retry.
        replay: InfoRouterError | None = first
        try:
            for attempt in retrying(self._max_retries, repeatable=operation.repeatable):
                with attempt:
                    if replay is not None:
                        failed, replay = replay, None
                        raise failed
                    return self._attempt(operation, call)
        except InfoRouterError as error:
            outcome = self._outcome(operation, error)
            if outcome is error:
                raise
            raise outcome from error
        raise AssertionError("unreachable: tenacity returns or re-raises")

    def _call(self, operation: _Operation, call: SyncCall) -> etree._Element:
        self._check_open()
        try:
            return self._send(operation, call)
        except TicketExpiredError:
            if not operation.reauthenticate:
                raise
            _log.info("%s: the ticket expired; authenticating again once", operation.name)
            self._login()
            return self._send(operation, call)

    def _login(self) -> None:
        answer = self._send(
            _AUTHENTICATE, lambda port: port.AuthenticateUser(UID=self._user, PWD=self._password)
        )
        self._ticket = read_ticket(answer)

    # ----------------------------------------------------------------- session

    def close(self) -> None:
        """Log out. Calling it again does nothing.

        Raises:
            InfoRouterError: LogOut failed for another reason than an expired ticket.
        """
        if self._closed:
            return
        self._closed = True
        try:
            self._send(_LOG_OUT, lambda port: port.LogOut(AuthenticationTicket=self._ticket))
        except TicketExpiredError:
            _log.debug("LogOut: the ticket had already expired")

    def is_valid(self) -> bool:
        """Check the ticket without extending its expiry (isValidTicket).

        Returns:
            False when the ticket expired or the session logged out, else True.

        Raises:
            InfoRouterError: the check itself failed.
        """
        if self._closed:
            return False
        try:
            self._send(
                _IS_VALID, lambda port: port.isValidTicket(AuthenticationTicket=self._ticket)
            )
        except TicketExpiredError:
            return False
        return True

    # ----------------------------------------------------------------- tasks

    def create_related_task(self, parent_task_id: int, request: RelatedTaskRequest) -> CreatedTask:
        """Create an ad-hoc task linked to an active task, on its document (CreateRelatedTask).

        Not idempotent (the server assigns a new id each time), so it is retried only when the
        request provably never left (the connection could not be made). If the request may
        have reached the server and no answer came (a read timeout, a dropped connection, an
        HTTP 5xx without an answer), `OutcomeUnknownError` is raised and nothing is repeated.
        An expired ticket raises `TicketExpiredError` without logging in again.

        Args:
            parent_task_id: the existing, active task to link to.
            request: the new task.

        Returns:
            The new task's id, and the user it was redirected to, if any.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            OutcomeUnknownError: the task may or may not have been created.
            InfoRouterAPIError: the server refused (e.g. `NotFoundError`,
                `InsufficientRightsError`, `TicketExpiredError`).
            InfoRouterError: any other failure.
        """
        task_id = _task_id(parent_task_id, "parent_task_id")
        xml = _model(request, RelatedTaskRequest).to_xml()
        answer = self._call(
            _CREATE_RELATED_TASK,
            lambda port: port.CreateRelatedTask(
                authenticationTicket=self._ticket, taskId=task_id, xmlParameters=xml
            ),
        )
        return read_created_task(answer, _CREATE_RELATED_TASK.name)

    def create_task(self, document_path: str, request: TaskRequest) -> CreatedTask:
        """Create a task on a document (CreateTask).

        Not idempotent (the server assigns a new id each time), so it is retried only when the
        request provably never left (the connection could not be made). If the request may
        have reached the server and no answer came, `OutcomeUnknownError` is raised and
        nothing is repeated. An expired ticket raises `TicketExpiredError` without logging in
        again.

        Args:
            document_path: the document's full infoRouter path, e.g.
                ``/MyDomain/MyLibrary/report.pdf``.
            request: the new task.

        Returns:
            The new task's id, and the user it was redirected to, if any.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            OutcomeUnknownError: the task may or may not have been created.
            InfoRouterAPIError: the server refused (e.g. `NotFoundError`).
            InfoRouterError: any other failure.
        """
        path = check_name(document_path, "document_path")
        xml = _model(request, TaskRequest).to_xml()
        answer = self._call(
            _CREATE_TASK,
            lambda port: port.CreateTask(
                authenticationTicket=self._ticket, documentPath=path, xmlParameters=xml
            ),
        )
        return read_created_task(answer, _CREATE_TASK.name)

    def complete_task(self, task_id: int, comments: str | None = None) -> None:
        """Complete a task as its assignee (CompleteTask).

        CHOICE: retried on connection errors, timeouts, HTTP 408, 429 and 5xx, and repeated
        once after a new login on an expired ticket, because repeating it cannot create
        anything. If an attempt was applied but its answer lost, the retry is refused with an
        `InfoRouterAPIError` saying the task is already completed.

        Args:
            task_id: the task.
            comments: comments to store; the server keeps the first 255 characters.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            InfoRouterAPIError: the server refused (not the assignee, requirements not met,
                already completed, ...).
            InfoRouterError: any other failure.
        """
        number = _task_id(task_id)
        text = _comments(comments)
        self._call(
            _COMPLETE_TASK,
            lambda port: port.CompleteTask(
                authenticationTicket=self._ticket, taskId=number, comments=text
            ),
        )

    def delete_task(self, task_id: int) -> None:
        """Delete a task and its attachments (DeleteTask).

        Retried on connection errors, timeouts, HTTP 408, 429 and 5xx, and repeated once after
        a new login on an expired ticket. If an attempt was applied but its answer lost, the
        retry gets `NotFoundError`: the task is gone either way.

        Args:
            task_id: the task.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            InfoRouterAPIError: the server refused (e.g. `NotFoundError`,
                `InsufficientRightsError`).
            InfoRouterError: any other failure.
        """
        number = _task_id(task_id)
        self._call(
            _DELETE_TASK,
            lambda port: port.DeleteTask(authenticationTicket=self._ticket, taskId=number),
        )

    def reassign_task(
        self,
        task_id: int,
        *,
        to: str,
        new_due_date: datetime.date,
        new_instructions: str = "",
        send_notice: bool = True,
    ) -> ReassignedTask:
        """Hand a task over to another user (ReassignTask); the original becomes Reassigned.

        Not idempotent (the server creates a new task), so it is retried only when the request
        provably never left (the connection could not be made). If the request may have
        reached the server and no answer came, `OutcomeUnknownError` is raised and nothing is
        repeated. An expired ticket raises `TicketExpiredError` without logging in again.

        Args:
            task_id: the task to reassign.
            to: the new assignee's login name.
            new_due_date: a date or naive datetime in the server's local time, in the future.
            new_instructions: the new task's instructions; CHOICE: empty stays empty.
            send_notice: e-mail the new assignee.

        Returns:
            The new task.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            OutcomeUnknownError: the task may or may not have been reassigned.
            InfoRouterAPIError: the server refused.
            InfoRouterError: any other failure.
        """
        number = _task_id(task_id)
        assignee = check_name(to, "to")
        due = wire_datetime(new_due_date, "new_due_date")
        instructions = check_text(new_instructions, "new_instructions")
        notice = check_bool(send_notice, "send_notice")
        answer = self._call(
            _REASSIGN_TASK,
            lambda port: port.ReassignTask(
                authenticationTicket=self._ticket,
                taskId=number,
                reassignTo=assignee,
                newDueDate=due,
                newInstructions=instructions,
                sendTaskNotice=notice,
            ),
        )
        return read_reassigned_task(answer, _REASSIGN_TASK.name)

    def get_task(self, task_id: int) -> Task:
        """Read a task (GetTask).

        Retried on connection errors, timeouts, HTTP 408, 429 and 5xx, and repeated once after
        a new login on an expired ticket.

        Args:
            task_id: the task.

        Returns:
            The task.

        Raises:
            TaskRequestError: the task id is invalid; nothing was sent.
            NotFoundError: there is no such task.
            InfoRouterError: any other failure.
        """
        number = _task_id(task_id)
        answer = self._call(
            _GET_TASK,
            lambda port: port.GetTask(authenticationTicket=self._ticket, taskId=number),
        )
        return read_task(answer, _GET_TASK.name)


class AsyncSession(_SessionBase):
    """An authenticated infoRouter session for asyncio.

    Created by `AsyncInfoRouterClient.authenticate`; the methods are those of `Session`.

    Use it as an async context manager: leaving the block logs out.
    """

    def __init__(
        self, wire: AsyncWire, user: str, password: str, *, binding: str, max_retries: int
    ) -> None:
        super().__init__(user, password, binding=binding, max_retries=max_retries)
        self._wire = wire

    async def __aenter__(self) -> AsyncSession:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.aclose()
        except InfoRouterError as error:
            if exc_type is None:
                raise
            _log.warning("LogOut failed while leaving a session after an error: %s", error)

    # ----------------------------------------------------------------- plumbing

    async def _attempt(self, operation: _Operation, call: AsyncCall) -> etree._Element:
        with translating(operation.name, self._secrets()):
            return await self._wire.call(operation.name, call)

    async def _send(self, operation: _Operation, call: AsyncCall) -> etree._Element:
        try:
            return await self._attempt(operation, call)
        except InfoRouterError as error:
            first = error
        # As in Session._send: tenacity only after a failed first attempt, replayed to it.
        replay: InfoRouterError | None = first
        try:
            async for attempt in async_retrying(self._max_retries, repeatable=operation.repeatable):
                with attempt:
                    if replay is not None:
                        failed, replay = replay, None
                        raise failed
                    return await self._attempt(operation, call)
        except InfoRouterError as error:
            outcome = self._outcome(operation, error)
            if outcome is error:
                raise
            raise outcome from error
        raise AssertionError("unreachable: tenacity returns or re-raises")

    async def _call(self, operation: _Operation, call: AsyncCall) -> etree._Element:
        self._check_open()
        try:
            return await self._send(operation, call)
        except TicketExpiredError:
            if not operation.reauthenticate:
                raise
            _log.info("%s: the ticket expired; authenticating again once", operation.name)
            await self._login()
            return await self._send(operation, call)

    async def _login(self) -> None:
        answer = await self._send(
            _AUTHENTICATE, lambda port: port.AuthenticateUser(UID=self._user, PWD=self._password)
        )
        self._ticket = read_ticket(answer)

    # ----------------------------------------------------------------- session

    async def aclose(self) -> None:
        """Log out. Calling it again does nothing.

        Raises:
            InfoRouterError: LogOut failed for another reason than an expired ticket.
        """
        if self._closed:
            return
        self._closed = True
        try:
            await self._send(_LOG_OUT, lambda port: port.LogOut(AuthenticationTicket=self._ticket))
        except TicketExpiredError:
            _log.debug("LogOut: the ticket had already expired")

    async def is_valid(self) -> bool:
        """Check the ticket without extending its expiry (isValidTicket).

        Returns:
            False when the ticket expired or the session logged out, else True.

        Raises:
            InfoRouterError: the check itself failed.
        """
        if self._closed:
            return False
        try:
            await self._send(
                _IS_VALID, lambda port: port.isValidTicket(AuthenticationTicket=self._ticket)
            )
        except TicketExpiredError:
            return False
        return True

    # ----------------------------------------------------------------- tasks

    async def create_related_task(
        self, parent_task_id: int, request: RelatedTaskRequest
    ) -> CreatedTask:
        """Create an ad-hoc task linked to an active task; see `Session.create_related_task`.

        Retried only when the request provably never left; `OutcomeUnknownError` when it may
        have been applied without an answer; no new login on an expired ticket.

        Args:
            parent_task_id: the existing, active task to link to.
            request: the new task.

        Returns:
            The new task's id, and the user it was redirected to, if any.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            OutcomeUnknownError: the task may or may not have been created.
            InfoRouterError: any other failure.
        """
        task_id = _task_id(parent_task_id, "parent_task_id")
        xml = _model(request, RelatedTaskRequest).to_xml()
        answer = await self._call(
            _CREATE_RELATED_TASK,
            lambda port: port.CreateRelatedTask(
                authenticationTicket=self._ticket, taskId=task_id, xmlParameters=xml
            ),
        )
        return read_created_task(answer, _CREATE_RELATED_TASK.name)

    async def create_task(self, document_path: str, request: TaskRequest) -> CreatedTask:
        """Create a task on a document; see `Session.create_task`.

        Retried only when the request provably never left; `OutcomeUnknownError` when it may
        have been applied without an answer; no new login on an expired ticket.

        Args:
            document_path: the document's full infoRouter path.
            request: the new task.

        Returns:
            The new task's id, and the user it was redirected to, if any.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            OutcomeUnknownError: the task may or may not have been created.
            InfoRouterError: any other failure.
        """
        path = check_name(document_path, "document_path")
        xml = _model(request, TaskRequest).to_xml()
        answer = await self._call(
            _CREATE_TASK,
            lambda port: port.CreateTask(
                authenticationTicket=self._ticket, documentPath=path, xmlParameters=xml
            ),
        )
        return read_created_task(answer, _CREATE_TASK.name)

    async def complete_task(self, task_id: int, comments: str | None = None) -> None:
        """Complete a task as its assignee; see `Session.complete_task`.

        CHOICE: retried like a read, and repeated once after a new login on an expired ticket.

        Args:
            task_id: the task.
            comments: comments to store; the server keeps the first 255 characters.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            InfoRouterError: the server refused, or the call failed.
        """
        number = _task_id(task_id)
        text = _comments(comments)
        await self._call(
            _COMPLETE_TASK,
            lambda port: port.CompleteTask(
                authenticationTicket=self._ticket, taskId=number, comments=text
            ),
        )

    async def delete_task(self, task_id: int) -> None:
        """Delete a task and its attachments; see `Session.delete_task`.

        Retried like a read, and repeated once after a new login on an expired ticket.

        Args:
            task_id: the task.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            InfoRouterError: the server refused, or the call failed.
        """
        number = _task_id(task_id)
        await self._call(
            _DELETE_TASK,
            lambda port: port.DeleteTask(authenticationTicket=self._ticket, taskId=number),
        )

    async def reassign_task(
        self,
        task_id: int,
        *,
        to: str,
        new_due_date: datetime.date,
        new_instructions: str = "",
        send_notice: bool = True,
    ) -> ReassignedTask:
        """Hand a task over to another user; see `Session.reassign_task`.

        Retried only when the request provably never left; `OutcomeUnknownError` when it may
        have been applied without an answer; no new login on an expired ticket.

        Args:
            task_id: the task to reassign.
            to: the new assignee's login name.
            new_due_date: a date or naive datetime in the server's local time, in the future.
            new_instructions: the new task's instructions; empty stays empty.
            send_notice: e-mail the new assignee.

        Returns:
            The new task.

        Raises:
            TaskRequestError: an argument is invalid; nothing was sent.
            OutcomeUnknownError: the task may or may not have been reassigned.
            InfoRouterError: any other failure.
        """
        number = _task_id(task_id)
        assignee = check_name(to, "to")
        due = wire_datetime(new_due_date, "new_due_date")
        instructions = check_text(new_instructions, "new_instructions")
        notice = check_bool(send_notice, "send_notice")
        answer = await self._call(
            _REASSIGN_TASK,
            lambda port: port.ReassignTask(
                authenticationTicket=self._ticket,
                taskId=number,
                reassignTo=assignee,
                newDueDate=due,
                newInstructions=instructions,
                sendTaskNotice=notice,
            ),
        )
        return read_reassigned_task(answer, _REASSIGN_TASK.name)

    async def get_task(self, task_id: int) -> Task:
        """Read a task; see `Session.get_task`.

        Retried like a read, and repeated once after a new login on an expired ticket.

        Args:
            task_id: the task.

        Returns:
            The task.

        Raises:
            TaskRequestError: the task id is invalid; nothing was sent.
            NotFoundError: there is no such task.
            InfoRouterError: any other failure.
        """
        number = _task_id(task_id)
        answer = await self._call(
            _GET_TASK,
            lambda port: port.GetTask(authenticationTicket=self._ticket, taskId=number),
        )
        return read_task(answer, _GET_TASK.name)
