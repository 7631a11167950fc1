# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_work_item_request import CreateWorkItemRequest
from ...models.problem import Problem
from ...types import (
    Response,
    UnexpectedResponse,
    media_type_problem,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "create_work_item"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    id: UUID,
    *,
    body: CreateWorkItemRequest,
) -> dict[str, Any]:
    """Build the request for create_work_item: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "PUT",
        "url": "/v1.1/WorkItems/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: httpx.Response) -> None | UnexpectedResponse:
    """Read a success answer to create_work_item; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        # x-body-ignored: the body is not read, but an answer of another media type is not this
        # operation's (an HTML page from a wrong base URL, say).
        if response.content.strip():
            problem = media_type_problem(response, ("application/json",))
            if problem is not None:
                return UnexpectedResponse(response, problem)
        return None
    # CHOICE (not documented by the vendor): another 2xx without a body is the documented empty
    # success, so that a create the server did carry out is not reported as a failure.
    if 200 <= response.status_code <= 299 and not response.content.strip():
        return None
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to create_work_item, leniently.

    Returns:
        The documented error model of the status (for an undocumented status of 300 or
        more, the first documented one), or None when there is none or the body is not of
        its shape (error bodies are informative only).
    """
    if response.status_code >= 300:
        return read_error(response, Problem.from_dict)
    return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[None | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateWorkItemRequest,
) -> Response[None | UnexpectedResponse]:
    """Create a work item

     Creates a new work item in an existing work group from the live version of a template package,
    optionally seeded with HotDocs answer set XML and optionally assembled straight away.
    Command method (Command or Root scope).

    The caller picks the `id`; it must be a fresh GUID. The `name` must also be unused.
    The template package has to be activated and assigned to the given work group.

    The vendor shows `200 OK` without a body: the response body is not documented by the vendor.
    CHOICE: the 200 body is declared as a WorkItem echo, but it may be empty and clients must ignore it.
    The status for a duplicate `id` or `name` is not documented by the vendor (CHOICE: 409).
    Invalid answer XML, an unknown work group or package, or a package without a live version:
    not documented by the vendor (CHOICE: 400).

    Args:
        id (UUID):
        body (CreateWorkItemRequest): Body of `createWorkItem`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateWorkItemRequest,
) -> None | UnexpectedResponse:
    """Create a work item

     Creates a new work item in an existing work group from the live version of a template package,
    optionally seeded with HotDocs answer set XML and optionally assembled straight away.
    Command method (Command or Root scope).

    The caller picks the `id`; it must be a fresh GUID. The `name` must also be unused.
    The template package has to be activated and assigned to the given work group.

    The vendor shows `200 OK` without a body: the response body is not documented by the vendor.
    CHOICE: the 200 body is declared as a WorkItem echo, but it may be empty and clients must ignore it.
    The status for a duplicate `id` or `name` is not documented by the vendor (CHOICE: 409).
    Invalid answer XML, an unknown work group or package, or a package without a live version:
    not documented by the vendor (CHOICE: 400).

    Args:
        id (UUID):
        body (CreateWorkItemRequest): Body of `createWorkItem`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | UnexpectedResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateWorkItemRequest,
) -> Response[None | UnexpectedResponse]:
    """Create a work item

     Creates a new work item in an existing work group from the live version of a template package,
    optionally seeded with HotDocs answer set XML and optionally assembled straight away.
    Command method (Command or Root scope).

    The caller picks the `id`; it must be a fresh GUID. The `name` must also be unused.
    The template package has to be activated and assigned to the given work group.

    The vendor shows `200 OK` without a body: the response body is not documented by the vendor.
    CHOICE: the 200 body is declared as a WorkItem echo, but it may be empty and clients must ignore it.
    The status for a duplicate `id` or `name` is not documented by the vendor (CHOICE: 409).
    Invalid answer XML, an unknown work group or package, or a package without a live version:
    not documented by the vendor (CHOICE: 400).

    Args:
        id (UUID):
        body (CreateWorkItemRequest): Body of `createWorkItem`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateWorkItemRequest,
) -> None | UnexpectedResponse:
    """Create a work item

     Creates a new work item in an existing work group from the live version of a template package,
    optionally seeded with HotDocs answer set XML and optionally assembled straight away.
    Command method (Command or Root scope).

    The caller picks the `id`; it must be a fresh GUID. The `name` must also be unused.
    The template package has to be activated and assigned to the given work group.

    The vendor shows `200 OK` without a body: the response body is not documented by the vendor.
    CHOICE: the 200 body is declared as a WorkItem echo, but it may be empty and clients must ignore it.
    The status for a duplicate `id` or `name` is not documented by the vendor (CHOICE: 409).
    Invalid answer XML, an unknown work group or package, or a package without a live version:
    not documented by the vendor (CHOICE: 400).

    Args:
        id (UUID):
        body (CreateWorkItemRequest): Body of `createWorkItem`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
