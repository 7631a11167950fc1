# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_item import WorkItem
from ...types import (
    Response,
    UnexpectedResponse,
    json_object,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "get_work_item"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    id: UUID,
) -> dict[str, Any]:
    """Build the request for get_work_item: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1.1/WorkItems/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: httpx.Response) -> WorkItem | UnexpectedResponse:
    """Read a success answer to get_work_item; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            ("application/json",),
            lambda r: WorkItem.from_dict(json_object(r)),
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to get_work_item, leniently.

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
) -> Response[WorkItem | UnexpectedResponse]:
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
) -> Response[WorkItem | UnexpectedResponse]:
    """Read a work item

     Returns the stored properties of one work item. Query method (any scope).

    This read is used by the public PHP client, but its response shape is
    not documented by the vendor. CHOICE: the WorkItem schema below, with every field optional and
    unknown fields kept.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkItem | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> WorkItem | UnexpectedResponse | None:
    """Read a work item

     Returns the stored properties of one work item. Query method (any scope).

    This read is used by the public PHP client, but its response shape is
    not documented by the vendor. CHOICE: the WorkItem schema below, with every field optional and
    unknown fields kept.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkItem | UnexpectedResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[WorkItem | UnexpectedResponse]:
    """Read a work item

     Returns the stored properties of one work item. Query method (any scope).

    This read is used by the public PHP client, but its response shape is
    not documented by the vendor. CHOICE: the WorkItem schema below, with every field optional and
    unknown fields kept.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkItem | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> WorkItem | UnexpectedResponse | None:
    """Read a work item

     Returns the stored properties of one work item. Query method (any scope).

    This read is used by the public PHP client, but its response shape is
    not documented by the vendor. CHOICE: the WorkItem schema below, with every field optional and
    unknown fields kept.

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkItem | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
