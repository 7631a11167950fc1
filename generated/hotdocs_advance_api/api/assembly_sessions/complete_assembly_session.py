# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.complete_assembly_session_request import CompleteAssemblySessionRequest
from ...models.problem import Problem
from ...types import (
    Response,
    UnexpectedResponse,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "complete_assembly_session"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})
#: The statuses the resource shows once this call has taken effect (spec: x-sdk-reached).
REACHED_STATUSES: Final = frozenset({"Completing", "Completed", "PostProcessingFailed"})


def build_request(
    id: UUID,
    *,
    body: CompleteAssemblySessionRequest,
) -> dict[str, Any]:
    """Build the request for complete_assembly_session: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "PUT",
        "url": "/v1.1/WorkItems/{id}/Versions/Active/CompleteSession".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: httpx.Response) -> None | UnexpectedResponse:
    """Read a success answer to complete_assembly_session; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return None
    # CHOICE (not documented by the vendor): another 2xx without a body is the documented empty
    # success, so that a create the server did carry out is not reported as a failure.
    if 200 <= response.status_code <= 299 and not response.content.strip():
        return None
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to complete_assembly_session, leniently.

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
    body: CompleteAssemblySessionRequest,
) -> Response[None | UnexpectedResponse]:
    """Complete the active assembly session

     Marks the work item's active session as finished and, unless `runAssembly` is false, assembles
    its documents. Afterwards a new session may be started. Command method (Command or Root scope).

    Calling it when no session is active: the status is not documented by the vendor (CHOICE: 409).

    Args:
        id (UUID):
        body (CompleteAssemblySessionRequest): Body of `completeAssemblySession`.

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
    body: CompleteAssemblySessionRequest,
) -> None | UnexpectedResponse:
    """Complete the active assembly session

     Marks the work item's active session as finished and, unless `runAssembly` is false, assembles
    its documents. Afterwards a new session may be started. Command method (Command or Root scope).

    Calling it when no session is active: the status is not documented by the vendor (CHOICE: 409).

    Args:
        id (UUID):
        body (CompleteAssemblySessionRequest): Body of `completeAssemblySession`.

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
    body: CompleteAssemblySessionRequest,
) -> Response[None | UnexpectedResponse]:
    """Complete the active assembly session

     Marks the work item's active session as finished and, unless `runAssembly` is false, assembles
    its documents. Afterwards a new session may be started. Command method (Command or Root scope).

    Calling it when no session is active: the status is not documented by the vendor (CHOICE: 409).

    Args:
        id (UUID):
        body (CompleteAssemblySessionRequest): Body of `completeAssemblySession`.

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
    body: CompleteAssemblySessionRequest,
) -> None | UnexpectedResponse:
    """Complete the active assembly session

     Marks the work item's active session as finished and, unless `runAssembly` is false, assembles
    its documents. Afterwards a new session may be started. Command method (Command or Root scope).

    Calling it when no session is active: the status is not documented by the vendor (CHOICE: 409).

    Args:
        id (UUID):
        body (CompleteAssemblySessionRequest): Body of `completeAssemblySession`.

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
