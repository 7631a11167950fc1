# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_and_assemble_version_request import (
    CreateAndAssembleVersionRequest,
)
from ...models.problem import Problem
from ...models.version_status import VersionStatus
from ...types import (
    Response,
    UnexpectedResponse,
    json_object,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "create_and_assemble_version"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200, 202})
#: The statuses the resource shows once this call has taken effect (spec: x-sdk-reached).
REACHED_STATUSES: Final = frozenset({"Completed", "PostProcessingFailed", "Completing"})
#: The statuses that show this call's work finished (spec: x-sdk-reached of the 200 answer); the
#: others of REACHED_STATUSES mean the server goes on with it in the background.
FINISHED_STATUSES: Final = frozenset({"Completed", "PostProcessingFailed"})


def build_request(
    work_item_id: UUID,
    version_id: UUID,
    *,
    body: CreateAndAssembleVersionRequest,
) -> dict[str, Any]:
    """Build the request for create_and_assemble_version: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "PUT",
        "url": "/v2.0/WorkItems/{work_item_id}/Versions/{version_id}/CreateAndAssemble".format(
            work_item_id=quote(str(work_item_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(
    response: httpx.Response,
) -> None | VersionStatus | UnexpectedResponse:
    """Read a success answer to create_and_assemble_version; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        if not response.content.strip():
            return None
        return read_body(
            response,
            ("application/json",),
            lambda r: VersionStatus.from_dict(json_object(r)),
        )
    if response.status_code == 202:
        if not response.content.strip():
            return None
        return read_body(
            response,
            ("application/json",),
            lambda r: VersionStatus.from_dict(json_object(r)),
        )
    # CHOICE (not documented by the vendor): another 2xx without a body is the documented empty
    # success, so that a create the server did carry out is not reported as a failure.
    if 200 <= response.status_code <= 299 and not response.content.strip():
        return None
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to create_and_assemble_version, leniently.

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
) -> Response[None | VersionStatus | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAndAssembleVersionRequest,
) -> Response[None | VersionStatus | UnexpectedResponse]:
    """Create a work item version and assemble its documents

     Creates a new version of an existing work item from answer set XML and assembles its documents
    in one call, for batch work; the documents and the answer set are there once the version is
    complete. Command method (Command or Root scope).

    With `callbackUrl` the server answers at once with the status `Completing` and later reports
    the final status to the callback URL. Without one it works synchronously up to a configured
    threshold (20 s by default): finishing in time gives the status; otherwise it returns the
    version's status URL for polling (`getVersionStatus`). How that URL is returned is
    not documented by the vendor (CHOICE: `202` with the current status in the body and the URL in
    `Location`). The request fields beyond the callback's are not documented by the vendor (CHOICE:
    `answerXml` and `forceCreate`, as `createVersion`); a `versionId` already in use, or another
    version in progress without `forceCreate`: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (CreateAndAssembleVersionRequest): Body of `createAndAssembleVersion`; every member
            is optional. The fields beyond the callback's
            are not documented by the vendor (CHOICE: those of `createVersion`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | VersionStatus | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        version_id=version_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAndAssembleVersionRequest,
) -> None | VersionStatus | UnexpectedResponse:
    """Create a work item version and assemble its documents

     Creates a new version of an existing work item from answer set XML and assembles its documents
    in one call, for batch work; the documents and the answer set are there once the version is
    complete. Command method (Command or Root scope).

    With `callbackUrl` the server answers at once with the status `Completing` and later reports
    the final status to the callback URL. Without one it works synchronously up to a configured
    threshold (20 s by default): finishing in time gives the status; otherwise it returns the
    version's status URL for polling (`getVersionStatus`). How that URL is returned is
    not documented by the vendor (CHOICE: `202` with the current status in the body and the URL in
    `Location`). The request fields beyond the callback's are not documented by the vendor (CHOICE:
    `answerXml` and `forceCreate`, as `createVersion`); a `versionId` already in use, or another
    version in progress without `forceCreate`: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (CreateAndAssembleVersionRequest): Body of `createAndAssembleVersion`; every member
            is optional. The fields beyond the callback's
            are not documented by the vendor (CHOICE: those of `createVersion`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | VersionStatus | UnexpectedResponse
    """

    return sync_detailed(
        work_item_id=work_item_id,
        version_id=version_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAndAssembleVersionRequest,
) -> Response[None | VersionStatus | UnexpectedResponse]:
    """Create a work item version and assemble its documents

     Creates a new version of an existing work item from answer set XML and assembles its documents
    in one call, for batch work; the documents and the answer set are there once the version is
    complete. Command method (Command or Root scope).

    With `callbackUrl` the server answers at once with the status `Completing` and later reports
    the final status to the callback URL. Without one it works synchronously up to a configured
    threshold (20 s by default): finishing in time gives the status; otherwise it returns the
    version's status URL for polling (`getVersionStatus`). How that URL is returned is
    not documented by the vendor (CHOICE: `202` with the current status in the body and the URL in
    `Location`). The request fields beyond the callback's are not documented by the vendor (CHOICE:
    `answerXml` and `forceCreate`, as `createVersion`); a `versionId` already in use, or another
    version in progress without `forceCreate`: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (CreateAndAssembleVersionRequest): Body of `createAndAssembleVersion`; every member
            is optional. The fields beyond the callback's
            are not documented by the vendor (CHOICE: those of `createVersion`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | VersionStatus | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        version_id=version_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: CreateAndAssembleVersionRequest,
) -> None | VersionStatus | UnexpectedResponse:
    """Create a work item version and assemble its documents

     Creates a new version of an existing work item from answer set XML and assembles its documents
    in one call, for batch work; the documents and the answer set are there once the version is
    complete. Command method (Command or Root scope).

    With `callbackUrl` the server answers at once with the status `Completing` and later reports
    the final status to the callback URL. Without one it works synchronously up to a configured
    threshold (20 s by default): finishing in time gives the status; otherwise it returns the
    version's status URL for polling (`getVersionStatus`). How that URL is returned is
    not documented by the vendor (CHOICE: `202` with the current status in the body and the URL in
    `Location`). The request fields beyond the callback's are not documented by the vendor (CHOICE:
    `answerXml` and `forceCreate`, as `createVersion`); a `versionId` already in use, or another
    version in progress without `forceCreate`: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (CreateAndAssembleVersionRequest): Body of `createAndAssembleVersion`; every member
            is optional. The fields beyond the callback's
            are not documented by the vendor (CHOICE: those of `createVersion`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | VersionStatus | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            version_id=version_id,
            client=client,
            body=body,
        )
    ).parsed
