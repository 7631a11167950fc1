"""End-to-end: the infoRouter client against the running sandbox, over real loopback HTTP.

Every scenario runs on the four bindings of `InfoRouterClient` and the two of
`AsyncInfoRouterClient`. The `Harness` hides the difference: it drives an async session
through one `asyncio.Runner` per test, so each test body is written once and still runs
the real asyncio client and transport. Results are checked against the sandbox's state
(``inforouter_sandbox.state``), not only against what the client says.
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import inspect
import re
import ssl
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast

import httpx
import pytest
from inforouter import (
    AsyncBinding,
    AsyncInfoRouterClient,
    AuthenticationFailedError,
    Binding,
    CreatedTask,
    InfoRouterClient,
    InfoRouterError,
    InsufficientRightsError,
    NotFoundError,
    Priority,
    RelatedTaskRequest,
    RequirementType,
    RightType,
    TaskPermissions,
    TaskRequest,
    TaskRequirement,
    TaskStatus,
    TicketExpiredError,
    TicketInQueryStringWarning,
    TicketNotAllowedError,
)
from inforouter.sandbox import InfoRouterSandbox

# (mode, binding): every binding of both clients.
MODES = [
    ("sync", "soap11"),
    ("sync", "soap12"),
    ("sync", "http-post"),
    ("sync", "http-get"),
    ("async", "soap11"),
    ("async", "soap12"),
]
MODE_IDS = [f"{mode}-{binding}" for mode, binding in MODES]

PARENT = 456  # the seeded InProgress task assigned to jdoe
DOCUMENT = "/Public/Contracts/agreement.pdf"  # its document, id 2001
DOCUMENT_ID = 2001
USER, PASSWORD = "jdoe", "jdoe-password"
THIRTY_ONE_DAYS = datetime.timedelta(days=31)

RELATED = RelatedTaskRequest(
    "asmith",
    "Check clause 4 <and> sign & return",
    datetime.datetime(2026, 5, 15, 17, 30),
    priority=Priority.HIGH,
    requirements=[
        TaskRequirement(RequirementType.APPROVAL),
        TaskRequirement(RequirementType.FORM_TEMPLATE, 7, "Intake form"),
    ],
    reminder_hours=24,
    allowed_start_hours=48,
    send_notice=False,
)
TASK = TaskRequest(
    "asmith",
    "Edit the annex",
    datetime.date(2026, 7, 1),
    priority=Priority.URGENT,
    right_type=RightType.CHANGE,
    can_edit=True,
    can_change_priority=True,
    reminder_hours=2,
)

E = TypeVar("E", bound=BaseException)

_ACTION = re.compile(r'action="([^"]*)"')


def operation_of(request: httpx.Request) -> str:
    """Name the infoRouter operation of a request, whatever its binding."""
    action: str = request.headers.get("soapaction", "")
    if not action:
        found = _ACTION.search(request.headers.get("content-type", ""))
        action = found.group(1) if found else ""
    if action:
        return action.strip('"').rpartition("/")[2]
    return request.url.path.rpartition("/")[2]


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """One SSL context for every test client (httpx builds one per client, slowly)."""
    return httpx.create_ssl_context()


class SessionView:
    """A sync or async session, called the same way: async results are awaited at once."""

    def __init__(self, harness: Harness, session: Any) -> None:
        self.harness = harness
        self.session = session

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self.session, name)
        if not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            return self.harness.run(attribute(*args, **kwargs))

        return call

    def close(self) -> None:
        closing = getattr(self.session, "aclose", None) or self.session.close
        self.harness.run(closing())

    def __repr__(self) -> str:
        return repr(self.session)


class ClientView:
    """A sync or async client with the sync surface of `InfoRouterClient`."""

    def __init__(self, harness: Harness, client: Any) -> None:
        self.harness = harness
        self.client = client

    def authenticate(self, user: str, password: str) -> SessionView:
        return SessionView(self.harness, self.harness.run(self.client.authenticate(user, password)))

    def __repr__(self) -> str:
        return repr(self.client)


class Harness:
    """Builds clients of one mode and binding, records every request, closes everything.

    Args:
        mode: ``"sync"`` or ``"async"``.
        binding: the binding.
        url: the service URL.
    """

    def __init__(self, mode: str, binding: Binding, url: str) -> None:
        self.mode = mode
        self.binding = binding
        self.url = url
        self.sent: list[str] = []
        self.runner = asyncio.Runner()
        self._http: list[httpx.Client | httpx.AsyncClient] = []

    def run(self, value: Any) -> Any:
        return self.runner.run(value) if inspect.iscoroutine(value) else value

    def _record(self, request: httpx.Request) -> None:
        self.sent.append(operation_of(request))

    async def _arecord(self, request: httpx.Request) -> None:
        self._record(request)

    def client(self, url: str | None = None, **options: Any) -> ClientView:
        """Build a client (with its own recording httpx client) on ``url`` or the sandbox."""
        target = url or self.url
        if self.mode == "async":
            ahttp = httpx.AsyncClient(
                verify=ssl_context(), event_hooks={"request": [self._arecord]}
            )
            self._http.append(ahttp)
            client: Any = AsyncInfoRouterClient(
                target, binding=cast("AsyncBinding", self.binding), http_client=ahttp, **options
            )
            return ClientView(self, client)
        http = httpx.Client(verify=ssl_context(), event_hooks={"request": [self._record]})
        self._http.append(http)
        if self.binding == "http-get":
            with pytest.warns(TicketInQueryStringWarning, match="query string"):
                client = InfoRouterClient(target, binding="http-get", http_client=http, **options)
        else:
            client = InfoRouterClient(target, binding=self.binding, http_client=http, **options)
        return ClientView(self, client)

    def login(self, user: str = USER, password: str = PASSWORD, **options: Any) -> SessionView:
        return self.client(**options).authenticate(user, password)

    def close(self) -> None:
        """Close every httpx client made, then the event loop (again: nothing happens)."""
        for http in self._http:
            self.run(http.aclose()) if isinstance(http, httpx.AsyncClient) else http.close()
        self._http.clear()
        self.runner.close()


def raises(error: type[E], call: Callable[[], object]) -> E:
    """Run a call that must fail with ``error``; return the error."""
    with pytest.raises(error) as caught:
        call()
    return caught.value


@pytest.fixture(params=MODES, ids=MODE_IDS)
def harness(
    request: pytest.FixtureRequest, inforouter_sandbox: InfoRouterSandbox
) -> Iterator[Harness]:
    mode, binding = request.param
    made = Harness(mode, binding, inforouter_sandbox.base_url)
    try:
        yield made
    finally:
        made.close()


def related_tasks(sandbox: InfoRouterSandbox) -> dict[int, Any]:
    """The tasks linked to the parent, by id, as the sandbox holds them."""
    with sandbox.state.lock:
        return {i: t for i, t in sandbox.state.tasks.items() if t.linked_task_id == PARENT}


# --------------------------------------------------------------------------- creating


def test_create_related_task_creates_it_in_the_sandbox(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """create_related_task on task 456 creates one ad-hoc task with every requested value,
    linked to 456 on its document and assigned to the requested user."""
    session = harness.login()
    created = session.create_related_task(PARENT, RELATED)
    assert created == CreatedTask(created.task_id, None)
    tasks = related_tasks(inforouter_sandbox)
    assert list(tasks) == [created.task_id]
    task = tasks[created.task_id]
    assert (task.assignee, task.assigned_by, task.status) == ("asmith", "jdoe", "InProgress")
    assert (task.linked_task_id, task.document_id, task.ad_hoc) == (PARENT, DOCUMENT_ID, True)
    assert task.instructions == RELATED.instructions
    assert task.due_date == datetime.datetime(2026, 5, 15, 17, 30)
    assert task.priority == "High"
    assert [(r.type, r.object_id, r.definition) for r in task.requirements] == [
        ("Approval", 0, ""),
        ("FormTemplate", 7, "Intake form"),
    ]
    assert (task.reminder_hours, task.allowed_start_hours, task.send_notice) == (24, 48, False)
    assert harness.sent == ["AuthenticateUser", "CreateRelatedTask"]


def test_get_task_reads_back_what_was_created(harness: Harness) -> None:
    """get_task returns the created task's fields as typed values (enums, dates, names)."""
    session = harness.login()
    created = session.create_related_task(PARENT, RELATED)
    task = session.get_task(created.task_id)
    assert task.task_id == created.task_id
    assert (task.instructions, task.short_instruction) == (RELATED.instructions,) * 2
    assert (task.priority, task.status) == (Priority.HIGH, TaskStatus.IN_PROGRESS)
    assert task.due_date == datetime.datetime(2026, 5, 15, 17, 30)
    assert task.finish_date is None
    assert (task.linked_task_id, task.document_id) == (PARENT, DOCUMENT_ID)
    assert task.document_name == "agreement.pdf"
    assert (task.assignee_id, task.assignee_name) == (15, "Alice Smith")
    assert (task.assigned_by_id, task.assigned_by_name) == (42, "John Doe")
    assert task.ad_hoc is True
    assert task.requirements == RELATED.requirements
    assert (task.reminder_hours, task.allowed_start_hours) == (24, 48)
    assert task.reminder_date == datetime.datetime(2026, 5, 14, 17, 30)
    assert task.allowed_start_date == datetime.datetime(2026, 5, 13, 17, 30)


def test_create_task_on_the_seeded_document(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """create_task on the seeded document creates a task there with the requested right,
    permissions and values, and get_task reads them back."""
    session = harness.login()
    created = session.create_task(DOCUMENT, TASK)
    assert created.redirected_user_name is None
    stored = inforouter_sandbox.state.tasks[created.task_id]
    assert (stored.document_id, stored.assignee, stored.assigned_by) == (
        DOCUMENT_ID,
        "asmith",
        "jdoe",
    )
    assert (stored.linked_task_id, stored.ad_hoc) == (0, False)
    assert (stored.priority, stored.right_type, stored.reminder_hours) == ("Urgent", "CHANGE", 2)
    assert stored.permissions == {
        "EditDocument": True,
        "ChangeFinishdate": False,
        "Postpone": False,
        "ChangePriority": True,
        "EditNextStep": False,
        "EditAllSteps": False,
    }
    task = session.get_task(created.task_id)
    assert (task.priority, task.right_type) == (Priority.URGENT, RightType.CHANGE)
    assert task.permissions == TaskPermissions(edit_document=True, change_priority=True)
    assert task.due_date == datetime.datetime(2026, 7, 1)


def test_create_task_on_a_missing_document_is_not_found(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """create_task on a path with no document raises NotFoundError and creates nothing."""
    session = harness.login()
    before = set(inforouter_sandbox.state.tasks)
    raises(NotFoundError, lambda: session.create_task("/Public/none.pdf", TASK))
    assert set(inforouter_sandbox.state.tasks) == before


# --------------------------------------------------------------------------- follow-ups


def test_reassign_complete_and_delete(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """reassign_task hands a task over (the original becomes Reassigned), complete_task
    completes it as the new assignee, delete_task removes it from the server."""
    tasks = inforouter_sandbox.state.tasks
    session = harness.login()
    created = session.create_related_task(PARENT, RELATED)
    moved = session.reassign_task(
        created.task_id,
        to="jdoe",
        new_due_date=datetime.datetime(2031, 1, 2, 9, 0, 0, 999),
        new_instructions="Yours now",
        send_notice=False,
    )
    assert moved.task_id != created.task_id
    assert (moved.assignee_id, moved.assignee_full_name) == (42, "John Doe")
    assert moved.redirected_from_user_id is None
    assert tasks[created.task_id].status == "Reassigned"
    new = tasks[moved.task_id]
    assert (new.assignee, new.instructions, new.due_date) == (
        "jdoe",
        "Yours now",
        datetime.datetime(2031, 1, 2, 9, 0),
    )
    assert new.requirements == tasks[created.task_id].requirements
    session.complete_task(moved.task_id, "Signed & returned")
    assert (new.status, new.comments) == ("Completed", "Signed & returned")
    assert session.get_task(moved.task_id).status is TaskStatus.COMPLETED
    session.delete_task(moved.task_id)
    assert moved.task_id not in tasks
    raises(NotFoundError, lambda: session.get_task(moved.task_id))


def test_only_the_assignee_may_complete(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """complete_task by someone other than the assignee raises InsufficientRightsError and
    leaves the task in progress."""
    session = harness.login("asmith", "asmith-password")
    raises(InsufficientRightsError, lambda: session.complete_task(PARENT))
    assert inforouter_sandbox.state.tasks[PARENT].status == "InProgress"


# --------------------------------------------------------------------------- sessions


def test_is_valid_before_and_after_log_out(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """is_valid is True while the ticket lives; close() logs out on the server (the ticket is
    gone), is_valid is then False without a request, and further calls are refused."""
    tickets = inforouter_sandbox.state.tickets
    before = set(tickets)
    session = harness.login()
    (ticket,) = set(tickets) - before
    assert session.is_valid() is True
    session.close()
    assert ticket not in tickets
    assert session.closed
    assert session.is_valid() is False
    raises(InfoRouterError, lambda: session.get_task(PARENT))
    assert harness.sent == ["AuthenticateUser", "isValidTicket", "LogOut"]


def test_is_valid_is_false_once_the_ticket_expired(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """is_valid answers False (without logging in again) when the server expired the ticket."""
    session = harness.login()
    inforouter_sandbox.state.clock.advance(THIRTY_ONE_DAYS)
    assert session.is_valid() is False
    assert harness.sent == ["AuthenticateUser", "isValidTicket"]


@pytest.mark.parametrize(
    ("user", "password", "error"),
    [
        ("jdoe", "wrong-password", AuthenticationFailedError),
        ("nobody", "jdoe-password", AuthenticationFailedError),
        ("sysadmin", "sysadmin-password", TicketNotAllowedError),
    ],
    ids=["bad-password", "unknown-user", "sysadmin"],
)
def test_failed_logins_raise_typed_errors(
    harness: Harness,
    inforouter_sandbox: InfoRouterSandbox,
    user: str,
    password: str,
    error: type[InfoRouterError],
) -> None:
    """A refused log-in raises AuthenticationFailedError ([900]) or TicketNotAllowedError
    ([902]) from authenticate, once, and issues no ticket."""
    before = set(inforouter_sandbox.state.tickets)
    caught = raises(error, lambda: harness.login(user, password))
    assert password not in str(caught)
    assert set(inforouter_sandbox.state.tickets) == before
    assert harness.sent == ["AuthenticateUser"]


def test_an_expired_ticket_logs_in_again_once_for_safe_calls(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """After 31 days the ticket has expired: get_task, complete_task and delete_task each
    succeed after exactly one new log-in."""
    clock = inforouter_sandbox.state.clock
    session = harness.login()
    created = session.create_related_task(PARENT, RELATED)
    harness.sent.clear()
    clock.advance(THIRTY_ONE_DAYS)
    assert session.get_task(created.task_id).task_id == created.task_id
    assert harness.sent == ["GetTask", "AuthenticateUser", "GetTask"]
    clock.advance(THIRTY_ONE_DAYS)
    session.complete_task(PARENT, "late")
    assert inforouter_sandbox.state.tasks[PARENT].status == "Completed"
    clock.advance(THIRTY_ONE_DAYS)
    session.delete_task(created.task_id)
    assert created.task_id not in inforouter_sandbox.state.tasks
    assert harness.sent.count("AuthenticateUser") == 3


def test_an_expired_ticket_is_not_renewed_for_create_related_task(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """With an expired ticket, create_related_task raises TicketExpiredError without logging
    in again or creating anything; the next safe call still recovers the session."""
    session = harness.login()
    harness.sent.clear()
    inforouter_sandbox.state.clock.advance(THIRTY_ONE_DAYS)
    raises(TicketExpiredError, lambda: session.create_related_task(PARENT, RELATED))
    assert harness.sent == ["CreateRelatedTask"]
    assert related_tasks(inforouter_sandbox) == {}
    assert session.get_task(PARENT).task_id == PARENT
    assert session.create_related_task(PARENT, RELATED).task_id in related_tasks(inforouter_sandbox)


def test_redirection_gives_redirected_user_name(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """When the requested assignee has a task redirection, the task goes to the redirect
    target and both create calls report its login name in redirected_user_name."""
    state = inforouter_sandbox.state
    with state.lock:
        state.redirections["asmith"] = "jdoe"
    session = harness.login()
    created = session.create_related_task(PARENT, RELATED)
    assert created.redirected_user_name == "jdoe"
    stored = state.tasks[created.task_id]
    assert (stored.assignee, stored.redirected_from) == ("jdoe", "asmith")
    task = session.get_task(created.task_id)
    assert (task.assignee_name, task.redirected_from_user_name) == ("John Doe", "Alice Smith")
    assert session.create_task(DOCUMENT, TASK).redirected_user_name == "jdoe"


@pytest.mark.inforouter_sandbox(error_codes=True)
def test_error_codes_switch_keeps_answers_and_errors_typed(
    harness: Harness, inforouter_sandbox: InfoRouterSandbox
) -> None:
    """With errorCode attributes on (error_codes=True), answers still parse into enums and
    each error maps to its typed class with the server's code."""
    assert inforouter_sandbox.state.error_codes
    failed = raises(AuthenticationFailedError, lambda: harness.login(USER, "nope"))
    assert failed.code == 900
    session = harness.login()
    created = session.create_related_task(PARENT, RELATED)
    task = session.get_task(created.task_id)
    assert (task.priority, task.status, task.right_type) == (
        Priority.HIGH,
        TaskStatus.IN_PROGRESS,
        RightType.READ,
    )
    assert [r.type for r in task.requirements] == [
        RequirementType.APPROVAL,
        RequirementType.FORM_TEMPLATE,
    ]
    missing = raises(NotFoundError, lambda: session.get_task(999_999))
    assert missing.code == 4041
    other = harness.login("asmith", "asmith-password")
    denied = raises(InsufficientRightsError, lambda: other.complete_task(PARENT))
    assert denied.code == 4030
    inforouter_sandbox.state.clock.advance(THIRTY_ONE_DAYS)
    expired = raises(TicketExpiredError, lambda: session.create_related_task(PARENT, RELATED))
    assert expired.code == 901


# --------------------------------------------------------------------------- async, natively


@pytest.mark.anyio
@pytest.mark.parametrize("binding", ["soap11", "soap12"])
async def test_async_concurrent_creates_on_one_session(
    inforouter_sandbox: InfoRouterSandbox, binding: AsyncBinding
) -> None:
    """Twenty create_related_task calls gathered concurrently on one async session create
    twenty distinct tasks, each exactly once, and the session logs out on exit."""
    tickets = inforouter_sandbox.state.tickets
    before = set(tickets)
    async with AsyncInfoRouterClient(inforouter_sandbox.base_url, binding=binding) as client:
        async with await client.authenticate(USER, PASSWORD) as session:
            requests = [
                RelatedTaskRequest("asmith", f"concurrent {n}", datetime.date(2026, 5, 15))
                for n in range(20)
            ]
            created = await asyncio.gather(
                *(session.create_related_task(PARENT, r) for r in requests)
            )
        assert session.closed
    tasks = related_tasks(inforouter_sandbox)
    assert sorted(c.task_id for c in created) == sorted(tasks)
    assert sorted(t.instructions for t in tasks.values()) == sorted(
        r.instructions for r in requests
    )
    assert set(tickets) == before  # logged out
