# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_status import VersionStatus
from ...types import Response


def _get_kwargs(
    work_item_id: UUID,
    version_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2.0/WorkItems/{work_item_id}/Versions/{version_id}/Status".format(
            work_item_id=quote(str(work_item_id), safe=""),
            version_id=quote(str(version_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VersionStatus | None:
    if response.status_code == 200:
        response_200 = VersionStatus.from_dict(response.json())

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
) -> Response[Problem | VersionStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    work_item_id: UUID,
    version_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Problem | VersionStatus]:
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
        Response[Problem | VersionStatus]
    """

    kwargs = _get_kwargs(
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
) -> Problem | VersionStatus | None:
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
        Problem | VersionStatus
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
) -> Response[Problem | VersionStatus]:
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
        Response[Problem | VersionStatus]
    """

    kwargs = _get_kwargs(
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
) -> Problem | VersionStatus | None:
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
        Problem | VersionStatus
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            version_id=version_id,
            client=client,
        )
    ).parsed
