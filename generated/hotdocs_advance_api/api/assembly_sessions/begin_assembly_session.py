# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.assembly_session import AssemblySession
from ...models.begin_assembly_session_request import BeginAssemblySessionRequest
from ...models.problem import Problem
from ...types import (
    Response,
    UnexpectedResponse,
    json_object,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "begin_assembly_session"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    id: UUID,
    version_id: UUID,
    *,
    body: BeginAssemblySessionRequest,
) -> dict[str, Any]:
    """Build the request for begin_assembly_session: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "PUT",
        "url": "/v1.1/WorkItems/{id}/Versions/{version_id}".format(
            id=quote(str(id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: httpx.Response) -> AssemblySession | UnexpectedResponse:
    """Read a success answer to begin_assembly_session; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            ("application/json",),
            lambda r: AssemblySession.from_dict(json_object(r)),
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to begin_assembly_session, leniently.

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
) -> Response[AssemblySession | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BeginAssemblySessionRequest,
) -> Response[AssemblySession | UnexpectedResponse]:
    """Begin an assembly session

     Starts an interview session on an existing work item and returns the identifiers and script URL
    needed to show the interview in a browser. Command method (Command or Root scope).

    Every session needs a new `versionId`. To pick up a saved session, call again with a new
    `versionId` and no `answerXml`; changes that were never saved are dropped.
    Without `forceCreate`, the server refuses while another session is active; the status for that
    refusal is not documented by the vendor (CHOICE: 409). The success status code is also
    not documented by the vendor (CHOICE: 200).

    Args:
        id (UUID):
        version_id (UUID):
        body (BeginAssemblySessionRequest): Body of `beginAssemblySession`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssemblySession | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
        version_id=version_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BeginAssemblySessionRequest,
) -> AssemblySession | UnexpectedResponse | None:
    """Begin an assembly session

     Starts an interview session on an existing work item and returns the identifiers and script URL
    needed to show the interview in a browser. Command method (Command or Root scope).

    Every session needs a new `versionId`. To pick up a saved session, call again with a new
    `versionId` and no `answerXml`; changes that were never saved are dropped.
    Without `forceCreate`, the server refuses while another session is active; the status for that
    refusal is not documented by the vendor (CHOICE: 409). The success status code is also
    not documented by the vendor (CHOICE: 200).

    Args:
        id (UUID):
        version_id (UUID):
        body (BeginAssemblySessionRequest): Body of `beginAssemblySession`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssemblySession | UnexpectedResponse
    """

    return sync_detailed(
        id=id,
        version_id=version_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BeginAssemblySessionRequest,
) -> Response[AssemblySession | UnexpectedResponse]:
    """Begin an assembly session

     Starts an interview session on an existing work item and returns the identifiers and script URL
    needed to show the interview in a browser. Command method (Command or Root scope).

    Every session needs a new `versionId`. To pick up a saved session, call again with a new
    `versionId` and no `answerXml`; changes that were never saved are dropped.
    Without `forceCreate`, the server refuses while another session is active; the status for that
    refusal is not documented by the vendor (CHOICE: 409). The success status code is also
    not documented by the vendor (CHOICE: 200).

    Args:
        id (UUID):
        version_id (UUID):
        body (BeginAssemblySessionRequest): Body of `beginAssemblySession`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssemblySession | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
        version_id=version_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BeginAssemblySessionRequest,
) -> AssemblySession | UnexpectedResponse | None:
    """Begin an assembly session

     Starts an interview session on an existing work item and returns the identifiers and script URL
    needed to show the interview in a browser. Command method (Command or Root scope).

    Every session needs a new `versionId`. To pick up a saved session, call again with a new
    `versionId` and no `answerXml`; changes that were never saved are dropped.
    Without `forceCreate`, the server refuses while another session is active; the status for that
    refusal is not documented by the vendor (CHOICE: 409). The success status code is also
    not documented by the vendor (CHOICE: 200).

    Args:
        id (UUID):
        version_id (UUID):
        body (BeginAssemblySessionRequest): Body of `beginAssemblySession`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssemblySession | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            version_id=version_id,
            client=client,
            body=body,
        )
    ).parsed
