# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_group import WorkGroup
from ...types import (
    Response,
    UnexpectedResponse,
    json_object,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "get_work_group"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    work_group_id: UUID,
) -> dict[str, Any]:
    """Build the request for get_work_group: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1.1/WorkGroups/{work_group_id}".format(
            work_group_id=quote(str(work_group_id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: httpx.Response) -> WorkGroup | UnexpectedResponse:
    """Read a success answer to get_work_group; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            ("application/json",),
            lambda r: WorkGroup.from_dict(json_object(r)),
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to get_work_group, leniently.

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
) -> Response[WorkGroup | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    work_group_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[WorkGroup | UnexpectedResponse]:
    """Read a work group

     Returns one work group. Query method (any scope). The response shape is
    not documented by the vendor (CHOICE: the WorkGroup schema).

    Args:
        work_group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkGroup | UnexpectedResponse]
    """

    kwargs = build_request(
        work_group_id=work_group_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    work_group_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> WorkGroup | UnexpectedResponse | None:
    """Read a work group

     Returns one work group. Query method (any scope). The response shape is
    not documented by the vendor (CHOICE: the WorkGroup schema).

    Args:
        work_group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkGroup | UnexpectedResponse
    """

    return sync_detailed(
        work_group_id=work_group_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    work_group_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[WorkGroup | UnexpectedResponse]:
    """Read a work group

     Returns one work group. Query method (any scope). The response shape is
    not documented by the vendor (CHOICE: the WorkGroup schema).

    Args:
        work_group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkGroup | UnexpectedResponse]
    """

    kwargs = build_request(
        work_group_id=work_group_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_group_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> WorkGroup | UnexpectedResponse | None:
    """Read a work group

     Returns one work group. Query method (any scope). The response shape is
    not documented by the vendor (CHOICE: the WorkGroup schema).

    Args:
        work_group_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkGroup | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            work_group_id=work_group_id,
            client=client,
        )
    ).parsed
