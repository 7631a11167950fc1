"""Both Advance clients end to end against the sandbox: what the unit tests leave out.

``tests/unit/test_advance_against_sandbox.py`` drives every method of the sync client and
the 401/404/409 answers it meets; here the async client runs every method, and both clients
map 400, 401, 403, 404 and 409 to their typed errors.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from _client_core import _retry as _core_retry
from hotdocs_advance import (
    AdvanceClient,
    APIStatusError,
    AsyncAdvanceClient,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ServicePrincipal,
)
from hotdocs_advance.sandbox import AdvanceSandbox

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
OTHER_GROUP = "09000000-0000-0000-0000-000000000001"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
READER = ServicePrincipal("sandbox-reader", "reader-principal", "reader-password")
WRONG = ServicePrincipal("sandbox", "sandbox-principal", "not-the-password")


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """No retry waits (the package's testing hook)."""

    async def async_sleep(seconds: float) -> None:
        return None

    monkeypatch.setattr(_core_retry, "sleep", lambda seconds: None)
    monkeypatch.setattr(_core_retry, "async_sleep", async_sleep)


@pytest.mark.anyio
async def test_the_async_client_runs_every_method(advance_sandbox: AdvanceSandbox) -> None:
    """AsyncAdvanceClient runs every method against the sandbox, which then holds the results."""
    async with AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        item_id = await client.create_work_item(
            name="Async life", work_group_id=GROUP, template_package_id=PACKAGE
        )
        item = await client.get_work_item(item_id)
        assert (item.id, item.name, item.work_group_id) == (item_id, "Async life", uuid.UUID(GROUP))
        session = await client.begin_assembly_session(item_id)
        assert session.interview_js_url
        await client.save_assembly_session(item_id)
        closed = await client.save_and_close(item_id, session.version_id)
        assert (closed.accepted, closed.status) == (False, "Saved")
        status = await client.get_version_status(item_id, session.version_id)
        assert status.status == "Saved"
        await client.begin_assembly_session(item_id)
        await client.complete_assembly_session(item_id, run_assembly=False)
        link_id = await client.create_public_interview_link(
            name="Async link", template_package_id=PACKAGE, work_group_id=GROUP, is_active=False
        )
        link = await client.get_public_interview_link(link_id)
        assert (link.id, link.name, link.is_active) == (link_id, "Async link", False)
        await client.delete_public_interview_link(link_id)
        with pytest.raises(NotFoundError):
            await client.get_public_interview_link(link_id)
    assert list(advance_sandbox.state.work_items) == [item_id]
    assert advance_sandbox.state.public_links == {}


# --------------------------------------------------------------------------- status mapping


def unknown() -> str:
    return str(uuid.uuid4())


# (case id, credentials, method, arguments, expected class, status)
CASES: list[tuple[str, Any, str, dict[str, Any], type[APIStatusError], int]] = [
    (
        "400-unknown-work-group",
        PRINCIPAL,
        "create_work_item",
        {"name": "x", "work_group_id": unknown(), "template_package_id": PACKAGE},
        BadRequestError,
        400,
    ),
    (
        "400-package-not-in-group",
        PRINCIPAL,
        "create_public_interview_link",
        {"name": "x", "template_package_id": PACKAGE, "work_group_id": OTHER_GROUP},
        BadRequestError,
        400,
    ),
    (
        "401-unknown-token",
        "not-a-real-token",
        "get_work_item",
        {"work_item_id": unknown()},
        AuthenticationError,
        401,
    ),
    (
        "401-wrong-password",
        WRONG,
        "get_work_item",
        {"work_item_id": unknown()},
        AuthenticationError,
        401,
    ),
    (
        "403-query-scope-writes",
        READER,
        "create_work_item",
        {"name": "x", "work_group_id": GROUP, "template_package_id": PACKAGE},
        PermissionDeniedError,
        403,
    ),
    ("404-work-item", PRINCIPAL, "get_work_item", {"work_item_id": unknown()}, NotFoundError, 404),
    (
        "404-version",
        PRINCIPAL,
        "get_version_status",
        {"work_item_id": "EXISTING", "version_id": unknown()},
        NotFoundError,
        404,
    ),
    (
        "404-link",
        PRINCIPAL,
        "get_public_interview_link",
        {"link_id": unknown()},
        NotFoundError,
        404,
    ),
    (
        "409-name-taken",
        PRINCIPAL,
        "create_work_item",
        {"name": "Existing", "work_group_id": GROUP, "template_package_id": PACKAGE},
        ConflictError,
        409,
    ),
    (
        "409-no-session",
        PRINCIPAL,
        "save_assembly_session",
        {"work_item_id": "EXISTING"},
        ConflictError,
        409,
    ),
]


def existing_item(sandbox: AdvanceSandbox) -> str:
    """Create the work item named ``Existing`` and return its id."""
    with AdvanceClient(sandbox.base_url, auth=PRINCIPAL) as client:
        return str(
            client.create_work_item(
                name="Existing", work_group_id=GROUP, template_package_id=PACKAGE
            )
        )


def call_case(mode: str, base_url: str, auth: Any, method: str, kwargs: dict[str, Any]) -> None:
    """Make one call with a fresh sync or async client."""
    if mode == "sync":
        with AdvanceClient(base_url, auth=auth) as client:
            getattr(client, method)(**kwargs)
        return

    async def run() -> None:
        async with AsyncAdvanceClient(base_url, auth=auth) as client:
            await getattr(client, method)(**kwargs)

    asyncio.run(run())


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    ("auth", "method", "kwargs", "expected", "status"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_error_statuses_map_to_typed_errors(
    advance_sandbox: AdvanceSandbox,
    mode: str,
    auth: Any,
    method: str,
    kwargs: dict[str, Any],
    expected: type[APIStatusError],
    status: int,
) -> None:
    """Each error status the sandbox answers becomes its typed error with status, method and URL."""
    item_id = existing_item(advance_sandbox)
    kwargs = {key: item_id if value == "EXISTING" else value for key, value in kwargs.items()}
    with pytest.raises(expected) as caught:
        call_case(mode, advance_sandbox.base_url, auth, method, kwargs)
    error = caught.value
    assert type(error) is expected
    assert error.status_code == status
    assert error.method in {"GET", "PUT", "POST"}
    assert error.url.startswith(advance_sandbox.origin)
    assert str(status) in str(error)


@pytest.mark.advance_sandbox(client_interviews=False)
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_public_links_are_forbidden_when_client_interviews_are_off(
    advance_sandbox: AdvanceSandbox, mode: str
) -> None:
    """With client interviews switched off, creating a public link raises PermissionDeniedError."""
    kwargs = {"name": "x", "template_package_id": PACKAGE, "work_group_id": GROUP}
    with pytest.raises(PermissionDeniedError) as caught:
        call_case(mode, advance_sandbox.base_url, PRINCIPAL, "create_public_interview_link", kwargs)
    assert caught.value.status_code == 403
    assert advance_sandbox.state.public_links == {}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_changed_repeat_of_a_work_item_id_is_a_conflict(
    advance_sandbox: AdvanceSandbox, mode: str
) -> None:
    """Re-using a work item id with another name is a ConflictError, and the first item stays."""
    item_id = existing_item(advance_sandbox)
    kwargs: dict[str, Any] = {
        "name": "Other",
        "work_group_id": GROUP,
        "template_package_id": PACKAGE,
        "work_item_id": item_id,
    }
    with pytest.raises(ConflictError):
        call_case(mode, advance_sandbox.base_url, PRINCIPAL, "create_work_item", kwargs)
    assert advance_sandbox.state.work_items[uuid.UUID(item_id)].name == "Existing"
