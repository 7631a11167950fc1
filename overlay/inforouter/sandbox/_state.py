"""The infoRouter sandbox's in-memory server and the documented rules, without the wire.

Rules raise `InfoRouterError` carrying one of the `ErrorSpec` constants below: the
message exactly as the vendor pages spell it where they do (``[901] Session expired or
Invalid ticket``), a plain sentence where they give none (CHOICE), and the revised pages'
numeric ``errorCode`` (emitted only when the ``errorCodes`` switch is on).
Methods run on the server's event loop; tests read the public dicts from other threads,
so every change happens under `lock`.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from typing import Final

from _sandbox_kit import Clock, SeedError

from ._models import ModelValues, Requirement
from ._seed import InfoRouterSeed

# Task statuses (names as GetTask reports them; checked against the XSD's TaskStatusName).
REASSIGNED: Final = "Reassigned"
DROPPED: Final = "Dropped"
NOT_STARTED: Final = "NotStarted"
IN_PROGRESS: Final = "InProgress"
DUE_DATE_CHANGED: Final = "DueDateChanged"
COMPLETED: Final = "Completed"
STATUSES: Final = frozenset(
    {REASSIGNED, DROPPED, NOT_STARTED, IN_PROGRESS, DUE_DATE_CHANGED, COMPLETED}
)
# CompleteTask and ReassignTask need one of these (apidocs/CompleteTask, /ReassignTask).
WORKABLE: Final = frozenset({IN_PROGRESS, DUE_DATE_CHANGED})
# CHOICE (reference section 5.1): a parent of CreateRelatedTask is "active" in these.
ACTIVE_PARENT: Final = frozenset({IN_PROGRESS, DUE_DATE_CHANGED, NOT_STARTED})


@dataclass(frozen=True, slots=True)
class ErrorSpec:
    """An error answer: its message and the revised pages' numeric code."""

    message: str
    code: int


# Spelled as the vendor pages spell them (reference sections 4, 5 and 9).
AUTHENTICATION_FAILED: Final = ErrorSpec("[900] Authentication failed", 4010)
INVALID_TICKET: Final = ErrorSpec("[901] Session expired or Invalid ticket", 4010)
TICKET_NOT_ALLOWED: Final = ErrorSpec("[902] Ticket generation not allowed", 4030)
INSUFFICIENT_RIGHTS: Final = ErrorSpec("[921] Insufficient rights", 4030)
DOCUMENT_NOT_FOUND: Final = ErrorSpec("[2285] Document not found at specified path", 4041)
ACCESS_DENIED: Final = ErrorSpec("Access Denied", 4030)
TASK_NOT_FOUND: Final = ErrorSpec("Task not found", 4041)
# The revised CreateRelatedTask page gives 4000 for a missing parent.
PARENT_NOT_FOUND: Final = ErrorSpec("Task not found", 4000)
# CHOICE: the vendor names these cases without spelling the messages.
USER_NOT_FOUND: Final = ErrorSpec("User not found", 4041)
NOT_STARTED_ERROR: Final = ErrorSpec("Task is not started", 4000)
ALREADY_COMPLETED: Final = ErrorSpec("Task is already completed", 4000)
TASK_DROPPED: Final = ErrorSpec("Task has been dropped", 4000)
TASK_REASSIGNED: Final = ErrorSpec("Task has been reassigned", 4000)
DUE_DATE_IN_PAST: Final = ErrorSpec("The new due date must be in the future", 4000)
BAD_XML_PARAMETERS: Final = 5000

_STATUS_ERRORS: Final = {
    NOT_STARTED: NOT_STARTED_ERROR,
    COMPLETED: ALREADY_COMPLETED,
    DROPPED: TASK_DROPPED,
    REASSIGNED: TASK_REASSIGNED,
}


class InfoRouterError(Exception):
    """A rule refused the call; rendered as ``success="false" error="..."``."""

    def __init__(self, spec: ErrorSpec, detail: str | None = None) -> None:
        message = spec.message if detail is None else f"{spec.message}: {detail}"
        super().__init__(message)
        self.message = message
        self.code = spec.code


@dataclass(slots=True)
class User:
    """A user account."""

    login: str
    password: str = field(repr=False)
    id: int
    first_name: str
    last_name: str
    email: str
    enabled: bool = True

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}".strip() or self.login


@dataclass(slots=True)
class Ticket:
    """An authentication ticket and when it expires (30-day sliding by default)."""

    value: str = field(repr=False)
    login: str
    expires_at: dt.datetime


@dataclass(slots=True)
class Document:
    """A document, who can see it and who may assign (and remove) tasks on it."""

    id: int
    path: str
    readers: frozenset[str]
    task_assigners: frozenset[str]
    folder_id: int = 0
    library_id: int = 0

    @property
    def name(self) -> str:
        """The file name."""
        return self.path.rsplit("/", 1)[-1]

    @property
    def library_name(self) -> str:
        """The first segment of the path."""
        return self.path.strip("/").split("/", 1)[0]


@dataclass(slots=True)
class Task:
    """A task and everything GetTask reports about it."""

    id: int
    name: str
    document_id: int
    assignee: str
    assigned_by: str
    status: str
    instructions: str
    due_date: dt.datetime
    priority: str
    requirements: tuple[Requirement, ...]
    start_date: dt.datetime
    linked_task_id: int = 0
    ad_hoc: bool = False
    redirected_from: str | None = None
    finish_date: dt.datetime | None = None
    comments: str = ""
    reminder_hours: int = 0
    allowed_start_hours: int = 0
    send_notice: bool = False
    right_type: str = "READ"
    permissions: dict[str, bool] = field(default_factory=dict)


class InfoRouterState:
    """One infoRouter server's data and the documented rules.

    Args:
        seed: What exists at the start.
        clock: The clock for ticket expiry and task dates (a test can advance it).

    Raises:
        SeedError: If a seeded task has an unknown status.
    """

    def __init__(self, seed: InfoRouterSeed, clock: Clock | None = None) -> None:
        self.seed = seed
        self.clock = clock if clock is not None else Clock()
        self.lock = threading.RLock()
        self.sysadmin_account_name = seed.sysadmin_account_name
        self.ticket_lifetime = dt.timedelta(hours=seed.ticket_lifetime_hours)
        self.error_codes = seed.error_codes
        self.next_task_id = seed.next_task_id
        self.users: dict[str, User] = {
            u.login.lower(): User(
                u.login, u.password, u.id, u.first_name, u.last_name, u.email, u.enabled
            )
            for u in seed.users
        }
        self.documents: dict[int, Document] = {
            d.id: Document(d.id, d.path, d.readers, d.task_assigners, d.folder_id, d.library_id)
            for d in seed.documents
        }
        self.redirections: dict[str, str] = dict(seed.redirections)
        now = self._now()
        self.tickets: dict[str, Ticket] = {
            value: Ticket(value, login, self.clock.now() + self.ticket_lifetime)
            for value, login in seed.tickets
        }
        self.tasks: dict[int, Task] = {}
        for t in seed.tasks:
            if t.status not in STATUSES:
                raise SeedError(f"seed task {t.id}: unknown status {t.status!r}")
            document = self.document_at(t.document)
            self.tasks[t.id] = Task(
                id=t.id,
                name=t.name,
                document_id=document.id if document else 0,
                assignee=t.assignee,
                assigned_by=t.assigned_by,
                status=t.status,
                instructions=t.instructions,
                due_date=t.due_date,
                priority=t.priority,
                requirements=tuple(
                    Requirement(r.type, r.object_id, r.definition) for r in t.requirements
                ),
                start_date=now,
                linked_task_id=t.linked_task_id,
                ad_hoc=t.ad_hoc,
            )

    def _now(self) -> dt.datetime:
        # CHOICE (reference section 8): task dates are server-local and naive; the
        # sandbox's "local" time is UTC.
        return self.clock.now().replace(tzinfo=None, microsecond=0)

    # ------------------------------------------------------------------ lookups

    def user(self, login: str) -> User | None:
        """Return a user by login name (case-insensitive).

        Args:
            login: The login name.

        Returns:
            The user, or None.
        """
        return self.users.get(login.lower())

    def document_at(self, path: str) -> Document | None:
        """Return a document by full path (case-insensitive, CHOICE).

        Args:
            path: The path.

        Returns:
            The document, or None.
        """
        wanted = path.lower()
        return next((d for d in self.documents.values() if d.path.lower() == wanted), None)

    def task(self, task_id: int, missing: ErrorSpec = TASK_NOT_FOUND) -> Task:
        """Return a task by id.

        Args:
            task_id: The id.
            missing: The error when there is none.

        Returns:
            The task.

        Raises:
            InfoRouterError: If there is no such task.
        """
        task = self.tasks.get(task_id)
        if task is None:
            raise InfoRouterError(missing)
        return task

    def can_see(self, login: str, task: Task) -> bool:
        """Whether a user has access to a task: its assignee, assigner, or a document reader.

        Args:
            login: The user's login name (lower case).
            task: The task.

        Returns:
            True if the user may see it.
        """
        document = self.documents.get(task.document_id)
        return login in (task.assignee, task.assigned_by) or (
            document is not None and login in document.readers
        )

    # ------------------------------------------------------------------ tickets

    def authenticate(self, login: str, password: str) -> tuple[Ticket, User]:
        """AuthenticateUser: check the password and issue a ticket.

        Args:
            login: ``UID`` (case-insensitive).
            password: ``PWD``.

        Returns:
            The ticket and the user.

        Raises:
            InfoRouterError: ``[900]`` for bad credentials or a disabled user, ``[902]``
                for the system administrator account.
        """
        user = self.user(login)
        if user is None or not user.enabled or not secrets.compare_digest(user.password, password):
            raise InfoRouterError(AUTHENTICATION_FAILED)
        if user.login.lower() == self.sysadmin_account_name.lower():
            raise InfoRouterError(TICKET_NOT_ALLOWED)
        value = str(uuid.uuid4())
        ticket = Ticket(value, user.login.lower(), self.clock.now() + self.ticket_lifetime)
        with self.lock:
            self.tickets[value] = ticket
        return ticket, user

    def check_ticket(self, value: str | None, *, extend: bool = True) -> tuple[Ticket, User]:
        """Find the user of a ticket, and slide its expiry unless told not to.

        Args:
            value: The ticket.
            extend: Reset the expiry to now + the lifetime (every call but isValidTicket).

        Returns:
            The ticket and its user.

        Raises:
            InfoRouterError: ``[901]`` for a missing, unknown or expired ticket.
        """
        key = (value or "").strip().lower()
        now = self.clock.now()
        with self.lock:
            ticket = self.tickets.get(key) if key else None
            if ticket is not None and ticket.expires_at <= now:
                del self.tickets[key]
                ticket = None
            user = self.users.get(ticket.login) if ticket is not None else None
            if ticket is None or user is None or not user.enabled:
                raise InfoRouterError(INVALID_TICKET)
            if extend:
                ticket.expires_at = now + self.ticket_lifetime
            return ticket, user

    def log_out(self, value: str | None) -> None:
        """LogOut: drop a ticket.

        Args:
            value: The ticket.

        Raises:
            InfoRouterError: ``[901]`` if it is not a live ticket.
        """
        ticket, _ = self.check_ticket(value, extend=False)
        with self.lock:
            self.tickets.pop(ticket.value, None)

    # ------------------------------------------------------------------ tasks

    def _assignee(self, requested: str) -> tuple[User, User | None]:
        """Return the user a task goes to, after a task redirection (one hop, CHOICE)."""
        user = self.user(requested)
        if user is None:
            raise InfoRouterError(USER_NOT_FOUND, requested)
        target = self.redirections.get(user.login.lower())
        if target is not None and target in self.users:
            return self.users[target], user
        return user, None

    def _new_task(
        self,
        values: ModelValues,
        document_id: int,
        assigner: str,
        *,
        name: str,
        send_notice: bool,
        right_type: str,
        linked_task_id: int = 0,
        ad_hoc: bool = False,
        permissions: dict[str, bool] | None = None,
    ) -> tuple[Task, User | None]:
        assignee, redirected_from = self._assignee(values.text("RequestedAssigneeName"))
        task = Task(
            id=self.next_task_id,
            name=name,
            document_id=document_id,
            assignee=assignee.login.lower(),
            assigned_by=assigner,
            status=IN_PROGRESS,
            instructions=values.text("Instructions"),
            due_date=dt.datetime.fromisoformat(values.text("DueDate")),
            priority=values.text("Priority"),
            requirements=values.requirements,
            start_date=self._now(),
            linked_task_id=linked_task_id,
            ad_hoc=ad_hoc,
            redirected_from=redirected_from.login.lower() if redirected_from else None,
            reminder_hours=values.number("ReminderTimeSpan"),
            allowed_start_hours=values.number("AllowedStartTimeSpan"),
            send_notice=send_notice,
            right_type=right_type,
            permissions=permissions or {},
        )
        self.next_task_id += 1
        self.tasks[task.id] = task
        return task, redirected_from

    def create_task(self, caller: User, path: str, values: ModelValues) -> tuple[Task, User | None]:
        """CreateTask: a task on the document at ``path``.

        Args:
            caller: The authenticated user.
            path: ``documentPath``.
            values: The validated ``TaskCreationRequestModel``.

        Returns:
            The new task and, if a redirection applied, the user originally requested.

        Raises:
            InfoRouterError: ``[2285]`` for no document at the path, ``[921]`` without the
                right to assign tasks on it, ``User not found`` for an unknown assignee.
        """
        with self.lock:
            document = self.document_at(path)
            if document is None:
                raise InfoRouterError(DOCUMENT_NOT_FOUND)
            if caller.login.lower() not in document.task_assigners:
                raise InfoRouterError(INSUFFICIENT_RIGHTS)
            permissions = {
                "EditDocument": values.flag("PermissionEnableEdit"),
                "ChangeFinishdate": values.flag("PermissionChangeFinishDate"),
                "Postpone": values.flag("PermissionChangeDueDate"),
                "ChangePriority": values.flag("PermissionChangePriority"),
                "EditNextStep": False,
                "EditAllSteps": False,
            }
            return self._new_task(
                values,
                document.id,
                caller.login.lower(),
                name="Task",
                send_notice=values.flag("SendTaskNotice"),
                right_type=values.text("RightType"),
                permissions=permissions,
            )

    def create_related_task(
        self, caller: User, parent_id: int, values: ModelValues
    ) -> tuple[Task, User | None]:
        """CreateRelatedTask: an ad-hoc task linked to an active parent, on its document.

        Args:
            caller: The authenticated user.
            parent_id: ``taskId``.
            values: The validated ``RelatedTaskRequestModel``.

        Returns:
            The new task and, if a redirection applied, the user originally requested.

        Raises:
            InfoRouterError: ``Task not found`` (also for 0), ``Access Denied`` when the
                caller cannot see the parent, a status error when the parent is not
                active, ``User not found`` for an unknown assignee.
        """
        with self.lock:
            parent = self.task(parent_id, PARENT_NOT_FOUND)
            if not self.can_see(caller.login.lower(), parent):
                raise InfoRouterError(ACCESS_DENIED)
            if parent.status not in ACTIVE_PARENT:
                raise InfoRouterError(_STATUS_ERRORS.get(parent.status, ALREADY_COMPLETED))
            return self._new_task(
                values,
                parent.document_id,
                caller.login.lower(),
                name="Related task",
                linked_task_id=parent.id,
                ad_hoc=True,
                send_notice=values.flag("SendToNotice"),
                right_type=parent.right_type,
            )

    def _workable(self, task: Task) -> None:
        if task.status not in WORKABLE:
            raise InfoRouterError(_STATUS_ERRORS.get(task.status, ALREADY_COMPLETED))

    def complete_task(self, caller: User, task_id: int, comments: str | None) -> Task:
        """CompleteTask: only the assignee, only a task in progress.

        CHOICE: requirements count as met (the sandbox does not simulate signing,
        approving or reading).

        Args:
            caller: The authenticated user.
            task_id: ``taskId``.
            comments: ``comments``.

        Returns:
            The completed task.

        Raises:
            InfoRouterError: ``Task not found``, ``Access Denied`` for anyone but the
                assignee, a status error when the task is not in progress.
        """
        with self.lock:
            task = self.task(task_id)
            if caller.login.lower() != task.assignee:
                raise InfoRouterError(ACCESS_DENIED)
            self._workable(task)
            task.status = COMPLETED
            task.finish_date = self._now()
            task.comments = comments or ""
            return task

    def delete_task(self, caller: User, task_id: int) -> None:
        """DeleteTask: by the original assigner or a user who may assign tasks on the document.

        Args:
            caller: The authenticated user.
            task_id: ``taskId``.

        Raises:
            InfoRouterError: ``Task not found`` or ``[921] Insufficient rights``.
        """
        with self.lock:
            task = self.task(task_id)
            document = self.documents.get(task.document_id)
            login = caller.login.lower()
            if login != task.assigned_by and (
                document is None or login not in document.task_assigners
            ):
                raise InfoRouterError(INSUFFICIENT_RIGHTS)
            del self.tasks[task_id]

    def reassign_task(
        self,
        caller: User,
        task_id: int,
        reassign_to: str,
        due_date: dt.datetime,
        instructions: str | None,
    ) -> tuple[Task, User | None]:
        """ReassignTask: a new task for another user; the original becomes Reassigned.

        Args:
            caller: The authenticated user (the assignee or the assigner, CHOICE for the
                vendor's "workflow supervisor").
            task_id: ``taskId``.
            reassign_to: ``reassignTo`` (login name).
            due_date: ``newDueDate``; must be in the future.
            instructions: ``newInstructions``; CHOICE: empty stays empty.

        Returns:
            The new task and, if a redirection applied, the user originally requested.

        Raises:
            InfoRouterError: ``Task not found``, ``Access Denied``, a status error, a due
                date in the past, ``User not found``.
        """
        with self.lock:
            task = self.task(task_id)
            login = caller.login.lower()
            if login not in (task.assignee, task.assigned_by):
                raise InfoRouterError(ACCESS_DENIED)
            self._workable(task)
            due = due_date.replace(tzinfo=None)
            if due <= self._now():
                raise InfoRouterError(DUE_DATE_IN_PAST)
            assignee, redirected_from = self._assignee(reassign_to)
            new = Task(
                id=self.next_task_id,
                name=task.name,
                document_id=task.document_id,
                assignee=assignee.login.lower(),
                assigned_by=login,
                status=IN_PROGRESS,
                instructions=instructions or "",
                due_date=due,
                priority=task.priority,
                requirements=task.requirements,
                start_date=self._now(),
                linked_task_id=task.linked_task_id,
                ad_hoc=task.ad_hoc,
                redirected_from=redirected_from.login.lower() if redirected_from else None,
                reminder_hours=task.reminder_hours,
                allowed_start_hours=task.allowed_start_hours,
                right_type=task.right_type,
                permissions=dict(task.permissions),
            )
            self.next_task_id += 1
            task.status = REASSIGNED
            self.tasks[new.id] = new
            return new, redirected_from
