"""The infoRouter sandbox's seed: users, documents, tasks (format in ``__init__``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import ClassVar, Final

from _sandbox_kit import Fields, SeedError
from _sandbox_kit._seed import Seed, unique

DEFAULT_SEED_DATA: Final[dict[str, object]] = {
    "sysadminAccountName": "sysadmin",
    "ticketLifetimeHours": 720,
    "errorCodes": False,
    "nextTaskId": 789,
    "users": [
        {
            "login": "jdoe",
            "password": "jdoe-password",
            "id": 42,
            "firstName": "John",
            "lastName": "Doe",
            "email": "jdoe@example.com",
        },
        {
            "login": "asmith",
            "password": "asmith-password",
            "id": 15,
            "firstName": "Alice",
            "lastName": "Smith",
            "email": "asmith@example.com",
        },
        {
            "login": "sysadmin",
            "password": "sysadmin-password",
            "id": 1,
            "firstName": "System",
            "lastName": "Administrator",
            "email": "",
        },
    ],
    "documents": [
        {
            "id": 2001,
            "path": "/Public/Contracts/agreement.pdf",
            "readers": ["jdoe", "asmith"],
            "taskAssigners": ["jdoe", "asmith"],
        }
    ],
    "tasks": [
        {
            "id": 456,
            "document": "/Public/Contracts/agreement.pdf",
            "name": "Review agreement",
            "assignee": "jdoe",
            "assignedBy": "asmith",
            "status": "InProgress",
            "instructions": "Please review the agreement.",
            "dueDate": "2026-06-30T00:00:00",
            "priority": "Normal",
            "requirements": [{"type": "Approval", "objectId": 0, "definition": ""}],
        }
    ],
    "redirections": {},
    # CHOICE: the primary page's form POST uses the literal ticket abc123, so the default
    # seed pre-issues it for jdoe; that example then works verbatim.
    "tickets": [{"ticket": "abc123", "user": "jdoe"}],
}


@dataclass(frozen=True, slots=True)
class UserSeed:
    """A user account."""

    login: str
    password: str = field(repr=False)
    id: int
    first_name: str
    last_name: str
    email: str
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class DocumentSeed:
    """A document, who can see it and who may assign (and remove) tasks on it."""

    id: int
    path: str
    readers: frozenset[str]
    task_assigners: frozenset[str]
    folder_id: int = 0
    library_id: int = 0


@dataclass(frozen=True, slots=True)
class RequirementSeed:
    """A task requirement."""

    type: str
    object_id: int = 0
    definition: str = ""


@dataclass(frozen=True, slots=True)
class TaskSeed:
    """A task that exists before the first request."""

    id: int
    document: str
    name: str
    assignee: str
    assigned_by: str
    status: str
    instructions: str
    due_date: dt.datetime
    priority: str
    requirements: tuple[RequirementSeed, ...]
    linked_task_id: int = 0
    ad_hoc: bool = False


@dataclass(frozen=True, slots=True)
class InfoRouterSeed(Seed):
    """Everything the infoRouter sandbox starts with. Build it with `from_mapping` or `load`.

    A mapping or file given to the sandbox instead extends the default seed (`extending`).
    """

    DEFAULT_DATA: ClassVar = DEFAULT_SEED_DATA
    RECORD_KEYS: ClassVar = {
        "users": "login",
        "documents": "path",
        "tasks": "id",
        "tickets": "ticket",
    }

    sysadmin_account_name: str
    ticket_lifetime_hours: float
    error_codes: bool
    next_task_id: int
    users: tuple[UserSeed, ...]
    documents: tuple[DocumentSeed, ...]
    tasks: tuple[TaskSeed, ...]
    redirections: tuple[tuple[str, str], ...]
    tickets: tuple[tuple[str, str], ...] = field(repr=False)

    @classmethod
    def from_fields(cls, top: Fields) -> InfoRouterSeed:  # noqa: PLR0912, PLR0915 (one format)
        """Read the seed format described in the package docstring."""
        users = []
        for item in top.records("users"):
            login = item.text("login")
            if not login:
                raise SeedError(f"{item.where}.login must not be empty")
            users.append(
                UserSeed(
                    login=login,
                    password=item.text("password"),
                    id=item.integer("id"),
                    first_name=item.text("firstName", ""),
                    last_name=item.text("lastName", ""),
                    email=item.text("email", ""),
                    enabled=item.flag("enabled", True),
                )
            )
            item.finish()
        unique([u.login.lower() for u in users], "seed.users", "login")
        unique([u.id for u in users], "seed.users", "id")
        logins = {u.login.lower() for u in users}

        def known(names: list[str], where: str) -> frozenset[str]:
            for name in names:
                if name.lower() not in logins:
                    raise SeedError(f"{where} names unknown user {name!r}")
            return frozenset(name.lower() for name in names)

        documents = []
        for item in top.records("documents"):
            path = item.text("path")
            if not path.startswith("/") or path.endswith("/"):
                raise SeedError(
                    f"{item.where}.path must be a full path like /Library/Folder/file.pdf"
                )
            documents.append(
                DocumentSeed(
                    id=item.integer("id"),
                    path=path,
                    readers=known(item.strings("readers"), f"{item.where}.readers"),
                    task_assigners=known(
                        item.strings("taskAssigners"), f"{item.where}.taskAssigners"
                    ),
                    folder_id=item.integer("folderId", 0),
                    library_id=item.integer("libraryId", 0),
                )
            )
            item.finish()
        unique([d.id for d in documents], "seed.documents", "id")
        unique([d.path.lower() for d in documents], "seed.documents", "path")
        paths = {d.path.lower() for d in documents}
        tasks = []
        for item in top.records("tasks"):
            document = item.text("document")
            if document.lower() not in paths:
                raise SeedError(f"{item.where}.document names unknown document {document!r}")
            requirements = []
            for req in item.records("requirements"):
                requirements.append(
                    RequirementSeed(
                        req.text("type"), req.integer("objectId", 0), req.text("definition", "")
                    )
                )
                req.finish()
            due = item.text("dueDate", "2100-01-01T00:00:00")
            try:
                due_date = dt.datetime.fromisoformat(due)
            except ValueError:
                raise SeedError(
                    f"{item.where}.dueDate must look like 2026-05-15T00:00:00"
                ) from None
            tasks.append(
                TaskSeed(
                    id=item.integer("id"),
                    document=document,
                    name=item.text("name", ""),
                    assignee=next(iter(known([item.text("assignee")], f"{item.where}.assignee"))),
                    assigned_by=next(
                        iter(known([item.text("assignedBy")], f"{item.where}.assignedBy"))
                    ),
                    status=item.text("status", "InProgress"),
                    instructions=item.text("instructions", ""),
                    due_date=due_date.replace(tzinfo=None),
                    priority=item.text("priority", "Normal"),
                    requirements=tuple(requirements),
                    linked_task_id=item.integer("linkedTaskId", 0),
                    ad_hoc=item.flag("adHoc", False),
                )
            )
            item.finish()
        unique([t.id for t in tasks], "seed.tasks", "id")
        redirections_section = top.section("redirections")
        redirections = []
        for source in redirections_section.names():
            target = redirections_section.text(source)
            known([source, target], "seed.redirections")
            redirections.append((source.lower(), target.lower()))
        redirections_section.finish()
        tickets = []
        for item in top.records("tickets"):
            ticket = item.text("ticket")
            if not ticket:
                raise SeedError(f"{item.where}.ticket must not be empty")
            user = next(iter(known([item.text("user")], f"{item.where}.user")))
            tickets.append((ticket.lower(), user))
            item.finish()
        unique([t for t, _ in tickets], "seed.tickets", "ticket")
        next_task_id = top.integer("nextTaskId", 789)
        if tasks and next_task_id <= max(t.id for t in tasks):
            raise SeedError("seed.nextTaskId must be greater than every seeded task id")
        hours = top.number("ticketLifetimeHours", 720.0)
        if hours <= 0:
            raise SeedError("seed.ticketLifetimeHours must be positive")
        return cls(
            sysadmin_account_name=top.text("sysadminAccountName", "sysadmin"),
            ticket_lifetime_hours=hours,
            error_codes=top.flag("errorCodes", False),
            next_task_id=next_task_id,
            users=tuple(users),
            documents=tuple(documents),
            tasks=tuple(tasks),
            redirections=tuple(redirections),
            tickets=tuple(tickets),
        )


DEFAULT_SEED: Final = InfoRouterSeed.from_mapping(DEFAULT_SEED_DATA)
