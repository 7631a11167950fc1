# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.version_page import VersionPage
from ...types import (
    UNSET,
    Response,
    UnexpectedResponse,
    Unset,
    json_object,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "list_versions"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    work_item_id: UUID,
    *,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> dict[str, Any]:
    """Build the request for list_versions: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    params: dict[str, Any] = {}

    params["filter"] = filter_

    params["pageToken"] = page_token

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v2.0/WorkItems/{work_item_id}/Versions".format(
            work_item_id=quote(str(work_item_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def parse_response(response: httpx.Response) -> VersionPage | UnexpectedResponse:
    """Read a success answer to list_versions; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            ("application/json",),
            lambda r: VersionPage.from_dict(json_object(r)),
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to list_versions, leniently.

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
) -> Response[VersionPage | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[VersionPage | UnexpectedResponse]:
    """List the versions of a work item

     Lists a work item's versions, oldest first, one page at a time, optionally only those whose
    status is `filter`. Query method (any scope). A work item keeps its last five versions per
    template.

    The vendor shows this path without a version prefix (CHOICE: `/v2.0/`, as for the status
    poll); the response shape and paging are not documented by the vendor (CHOICE: a
    `VersionPage`, paged by `pageToken`; `filter` as for `listWorkItems`).

    Args:
        work_item_id (UUID):
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VersionPage | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        filter_=filter_,
        page_token=page_token,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> VersionPage | UnexpectedResponse | None:
    """List the versions of a work item

     Lists a work item's versions, oldest first, one page at a time, optionally only those whose
    status is `filter`. Query method (any scope). A work item keeps its last five versions per
    template.

    The vendor shows this path without a version prefix (CHOICE: `/v2.0/`, as for the status
    poll); the response shape and paging are not documented by the vendor (CHOICE: a
    `VersionPage`, paged by `pageToken`; `filter` as for `listWorkItems`).

    Args:
        work_item_id (UUID):
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VersionPage | UnexpectedResponse
    """

    return sync_detailed(
        work_item_id=work_item_id,
        client=client,
        filter_=filter_,
        page_token=page_token,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[VersionPage | UnexpectedResponse]:
    """List the versions of a work item

     Lists a work item's versions, oldest first, one page at a time, optionally only those whose
    status is `filter`. Query method (any scope). A work item keeps its last five versions per
    template.

    The vendor shows this path without a version prefix (CHOICE: `/v2.0/`, as for the status
    poll); the response shape and paging are not documented by the vendor (CHOICE: a
    `VersionPage`, paged by `pageToken`; `filter` as for `listWorkItems`).

    Args:
        work_item_id (UUID):
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VersionPage | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        filter_=filter_,
        page_token=page_token,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> VersionPage | UnexpectedResponse | None:
    """List the versions of a work item

     Lists a work item's versions, oldest first, one page at a time, optionally only those whose
    status is `filter`. Query method (any scope). A work item keeps its last five versions per
    template.

    The vendor shows this path without a version prefix (CHOICE: `/v2.0/`, as for the status
    poll); the response shape and paging are not documented by the vendor (CHOICE: a
    `VersionPage`, paged by `pageToken`; `filter` as for `listWorkItems`).

    Args:
        work_item_id (UUID):
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VersionPage | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            client=client,
            filter_=filter_,
            page_token=page_token,
            page_size=page_size,
        )
    ).parsed
