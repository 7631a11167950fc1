"""The task methods of both sessions: each checks its arguments, then sends one call.

The arguments are checked and the answer read by the builders in `_calls`, shared by both
classes; `SyncTasks` and `AsyncTasks` differ only in how the call is sent (`_run`), which
`Session` and `AsyncSession` supply.
"""

from __future__ import annotations

import abc
import datetime
from typing import TypeVar

from . import _calls
from . import _operations as ops
from ._models import RelatedTaskRequest, TaskRequest
from ._operations import sends
from ._results import CreatedTask, ReassignedTask, Task

_T = TypeVar("_T")


class SyncTasks(abc.ABC):
    """The task methods of `Session`."""

    @abc.abstractmethod
    def _run(self, call: _calls.Call[_T]) -> _T:
        """Send a call (`Session` does)."""

    @sends(ops.CREATE_RELATED_TASK)
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
        return self._run(_calls.create_related_task(parent_task_id, request))

    @sends(ops.CREATE_TASK)
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
        return self._run(_calls.create_task(document_path, request))

    @sends(ops.COMPLETE_TASK)
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
        self._run(_calls.complete_task(task_id, comments))

    @sends(ops.DELETE_TASK)
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
        self._run(_calls.delete_task(task_id))

    @sends(ops.REASSIGN_TASK)
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
        return self._run(
            _calls.reassign_task(task_id, to, new_due_date, new_instructions, send_notice)
        )

    @sends(ops.GET_TASK)
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
        return self._run(_calls.get_task(task_id))


class AsyncTasks(abc.ABC):
    """The task methods of `AsyncSession`."""

    @abc.abstractmethod
    async def _run(self, call: _calls.Call[_T]) -> _T:
        """Send a call (`AsyncSession` does)."""

    @sends(ops.CREATE_RELATED_TASK)
    async def create_related_task(
        self, parent_task_id: int, request: RelatedTaskRequest
    ) -> CreatedTask:
        """Async twin of `Session.create_related_task`; same arguments, returns and errors."""
        return await self._run(_calls.create_related_task(parent_task_id, request))

    @sends(ops.CREATE_TASK)
    async def create_task(self, document_path: str, request: TaskRequest) -> CreatedTask:
        """Async twin of `Session.create_task`; same arguments, returns and errors."""
        return await self._run(_calls.create_task(document_path, request))

    @sends(ops.COMPLETE_TASK)
    async def complete_task(self, task_id: int, comments: str | None = None) -> None:
        """Async twin of `Session.complete_task`; same arguments, returns and errors."""
        await self._run(_calls.complete_task(task_id, comments))

    @sends(ops.DELETE_TASK)
    async def delete_task(self, task_id: int) -> None:
        """Async twin of `Session.delete_task`; same arguments, returns and errors."""
        await self._run(_calls.delete_task(task_id))

    @sends(ops.REASSIGN_TASK)
    async def reassign_task(
        self,
        task_id: int,
        *,
        to: str,
        new_due_date: datetime.date,
        new_instructions: str = "",
        send_notice: bool = True,
    ) -> ReassignedTask:
        """Async twin of `Session.reassign_task`; same arguments, returns and errors."""
        return await self._run(
            _calls.reassign_task(task_id, to, new_due_date, new_instructions, send_notice)
        )

    @sends(ops.GET_TASK)
    async def get_task(self, task_id: int) -> Task:
        """Async twin of `Session.get_task`; same arguments, returns and errors."""
        return await self._run(_calls.get_task(task_id))
