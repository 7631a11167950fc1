# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.assembly_session import AssemblySession
from ...models.begin_assembly_session_request import BeginAssemblySessionRequest
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    id: UUID,
    version_id: UUID,
    *,
    body: BeginAssemblySessionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1.1/WorkItems/{id}/Versions/{version_id}".format(
            id=quote(str(id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssemblySession | Problem | None:
    if response.status_code == 200:
        response_200 = AssemblySession.from_dict(response.json())

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
) -> Response[AssemblySession | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: BeginAssemblySessionRequest,
) -> Response[AssemblySession | Problem]:
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
        Response[AssemblySession | Problem]
    """

    kwargs = _get_kwargs(
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
) -> AssemblySession | Problem | None:
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
        AssemblySession | Problem
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
) -> Response[AssemblySession | Problem]:
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
        Response[AssemblySession | Problem]
    """

    kwargs = _get_kwargs(
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
) -> AssemblySession | Problem | None:
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
        AssemblySession | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            version_id=version_id,
            client=client,
            body=body,
        )
    ).parsed
