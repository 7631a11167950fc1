"""Type-checked, never run: how the infoRouter client is meant to be used."""

from __future__ import annotations

import datetime
from typing import assert_type

import httpx
import inforouter
from inforouter import (
    AsyncInfoRouterClient,
    AsyncSession,
    CreatedTask,
    InfoRouterAPIError,
    InfoRouterClient,
    OutcomeUnknownError,
    Priority,
    ReassignedTask,
    RelatedTaskRequest,
    RequirementType,
    RightType,
    Session,
    Task,
    TaskRequest,
    TaskRequirement,
    TaskStatus,
)


def sync_usage() -> None:
    client = InfoRouterClient("https://docs.example.com/srv.asmx", binding="soap12", timeout=10)
    with client, client.authenticate("jsmith", "secret") as session:
        assert_type(session, Session)
        request = RelatedTaskRequest(
            "jdoe",
            "Please review",
            datetime.date(2026, 5, 15),
            priority=Priority.HIGH,
            requirements=[TaskRequirement(RequirementType.APPROVAL)],
        )
        created = session.create_related_task(456, request)
        assert_type(created, CreatedTask)
        assert_type(created.task_id, int)
        assert_type(created.redirected_user_name, str | None)

        task = session.get_task(created.task_id)
        assert_type(task, Task)
        assert_type(task.status, TaskStatus | None)
        assert_type(task.due_date, datetime.datetime | None)

        new = TaskRequest(
            "jdoe",
            "Edit",
            datetime.datetime(2026, 6, 1, 9, 0),
            right_type=RightType.CHANGE,
            can_edit=True,
        )
        assert_type(session.create_task("/Domain/Library/report.pdf", new), CreatedTask)
        moved = session.reassign_task(
            created.task_id, to="ajones", new_due_date=datetime.date(2026, 6, 2)
        )
        assert_type(moved, ReassignedTask)
        assert_type(session.complete_task(moved.task_id, "done"), None)
        assert_type(session.delete_task(moved.task_id), None)
        assert_type(session.is_valid(), bool)
        assert_type(request.to_xml(), str)
        assert_type(RelatedTaskRequest.from_xml(request.to_xml()), RelatedTaskRequest)


def errors() -> None:
    client = InfoRouterClient("https://docs.example.com/srv.asmx", http_client=httpx.Client())
    try:
        client.authenticate("jsmith", "secret")
    except OutcomeUnknownError as error:
        assert_type(error.operation, str)
    except InfoRouterAPIError as error:
        assert_type(error.code, int | None)
        assert_type(error.message, str)
    except inforouter.InfoRouterError:
        pass


async def async_usage() -> None:
    async with AsyncInfoRouterClient("https://docs.example.com/srv.asmx") as client:
        session = await client.authenticate("jsmith", "secret")
        assert_type(session, AsyncSession)
        async with session:
            request = RelatedTaskRequest("jdoe", "", datetime.date(2026, 5, 15))
            created = await session.create_related_task(456, request)
            assert_type(created, CreatedTask)
            assert_type(await session.get_task(created.task_id), Task)
            assert_type(await session.is_valid(), bool)


def binding_literals() -> None:
    InfoRouterClient("u", binding="http-get")
    InfoRouterClient("u", binding="xml-rpc")  # type: ignore[arg-type]
    AsyncInfoRouterClient("u", binding="http-post")  # type: ignore[arg-type]
    RelatedTaskRequest("jdoe", "", "2026-05-15")  # type: ignore[arg-type]
