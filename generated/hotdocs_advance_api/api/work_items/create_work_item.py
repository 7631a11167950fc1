# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_work_item_request import CreateWorkItemRequest
from ...models.problem import Problem
from ...models.work_item import WorkItem
from ...types import Response


def _get_kwargs(
    id: UUID,
    *,
    body: CreateWorkItemRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1.1/WorkItems/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WorkItem | None:
    if response.status_code == 200:
        response_200 = WorkItem.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if 500 <= response.status_code <= 599:
        response_5xx = Problem.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | WorkItem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateWorkItemRequest,
) -> Response[Problem | WorkItem]:
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
        Response[Problem | WorkItem]
    """

    kwargs = _get_kwargs(
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
) -> Problem | WorkItem | None:
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
        Problem | WorkItem
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
) -> Response[Problem | WorkItem]:
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
        Response[Problem | WorkItem]
    """

    kwargs = _get_kwargs(
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
) -> Problem | WorkItem | None:
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
        Problem | WorkItem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
