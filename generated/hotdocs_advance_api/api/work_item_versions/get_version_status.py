# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
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
OPERATION: Final = "get_version_status"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    work_item_id: UUID,
    version_id: UUID,
) -> dict[str, Any]:
    """Build the request for get_version_status: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v2.0/WorkItems/{work_item_id}/Versions/{version_id}/Status".format(
            work_item_id=quote(str(work_item_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: httpx.Response) -> VersionStatus | UnexpectedResponse:
    """Read a success answer to get_version_status; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            ("application/json",),
            lambda r: VersionStatus.from_dict(json_object(r)),
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to get_version_status, leniently.

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
) -> Response[VersionStatus | UnexpectedResponse]:
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
) -> Response[VersionStatus | UnexpectedResponse]:
    """Poll the status of a work item version

     Reports where a work item version stands, for polling after an asynchronous save or complete.
    Query method (any scope).

    The vendor shows this path without a version prefix; CHOICE: it is served under `/v2.0/`.
    Values seen in the vendor's pages: `Saving`, `Saved`, `Completing`, `Completed`,
    `PostProcessingFailed`, and an in-progress state whose API spelling is
    not documented by the vendor (CHOICE: `InProgress`). `Saved`, `Completed` and `PostProcessingFailed`
    are final.
    The full list is not documented by the vendor, so `status` is a free string and any value not
    known to the client must be treated as not final.

    Args:
        work_item_id (UUID):
        version_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VersionStatus | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        version_id=version_id,
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
) -> VersionStatus | UnexpectedResponse | None:
    """Poll the status of a work item version

     Reports where a work item version stands, for polling after an asynchronous save or complete.
    Query method (any scope).

    The vendor shows this path without a version prefix; CHOICE: it is served under `/v2.0/`.
    Values seen in the vendor's pages: `Saving`, `Saved`, `Completing`, `Completed`,
    `PostProcessingFailed`, and an in-progress state whose API spelling is
    not documented by the vendor (CHOICE: `InProgress`). `Saved`, `Completed` and `PostProcessingFailed`
    are final.
    The full list is not documented by the vendor, so `status` is a free string and any value not
    known to the client must be treated as not final.

    Args:
        work_item_id (UUID):
        version_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VersionStatus | UnexpectedResponse
    """

    return sync_detailed(
        work_item_id=work_item_id,
        version_id=version_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[VersionStatus | UnexpectedResponse]:
    """Poll the status of a work item version

     Reports where a work item version stands, for polling after an asynchronous save or complete.
    Query method (any scope).

    The vendor shows this path without a version prefix; CHOICE: it is served under `/v2.0/`.
    Values seen in the vendor's pages: `Saving`, `Saved`, `Completing`, `Completed`,
    `PostProcessingFailed`, and an in-progress state whose API spelling is
    not documented by the vendor (CHOICE: `InProgress`). `Saved`, `Completed` and `PostProcessingFailed`
    are final.
    The full list is not documented by the vendor, so `status` is a free string and any value not
    known to the client must be treated as not final.

    Args:
        work_item_id (UUID):
        version_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VersionStatus | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        version_id=version_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> VersionStatus | UnexpectedResponse | None:
    """Poll the status of a work item version

     Reports where a work item version stands, for polling after an asynchronous save or complete.
    Query method (any scope).

    The vendor shows this path without a version prefix; CHOICE: it is served under `/v2.0/`.
    Values seen in the vendor's pages: `Saving`, `Saved`, `Completing`, `Completed`,
    `PostProcessingFailed`, and an in-progress state whose API spelling is
    not documented by the vendor (CHOICE: `InProgress`). `Saved`, `Completed` and `PostProcessingFailed`
    are final.
    The full list is not documented by the vendor, so `status` is a free string and any value not
    known to the client must be treated as not final.

    Args:
        work_item_id (UUID):
        version_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VersionStatus | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            version_id=version_id,
            client=client,
        )
    ).parsed
