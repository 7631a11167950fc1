# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.work_item_page import WorkItemPage
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
OPERATION: Final = "list_work_items"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    *,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> dict[str, Any]:
    """Build the request for list_work_items: keyword arguments for ``httpx.Client.build_request``.

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
        "url": "/v1.1/WorkItems",
        "params": params,
    }

    return _kwargs


def parse_response(response: httpx.Response) -> WorkItemPage | UnexpectedResponse:
    """Read a success answer to list_work_items; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            ("application/json",),
            lambda r: WorkItemPage.from_dict(json_object(r)),
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to list_work_items, leniently.

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
) -> Response[WorkItemPage | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[WorkItemPage | UnexpectedResponse]:
    """List the work items

     Lists the work items the API client can see, oldest first, one page at a time, optionally
    only those whose status (their latest version's) is `filter`. Query method (any scope).

    The vendor names a `filter` query string for the status; its exact matching and the
    response shape and paging are not documented by the vendor (CHOICE: a status name, matched
    without regard to case; a `WorkItemPage`, paged by `pageToken`).

    Args:
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkItemPage | UnexpectedResponse]
    """

    kwargs = build_request(
        filter_=filter_,
        page_token=page_token,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> WorkItemPage | UnexpectedResponse | None:
    """List the work items

     Lists the work items the API client can see, oldest first, one page at a time, optionally
    only those whose status (their latest version's) is `filter`. Query method (any scope).

    The vendor names a `filter` query string for the status; its exact matching and the
    response shape and paging are not documented by the vendor (CHOICE: a status name, matched
    without regard to case; a `WorkItemPage`, paged by `pageToken`).

    Args:
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkItemPage | UnexpectedResponse
    """

    return sync_detailed(
        client=client,
        filter_=filter_,
        page_token=page_token,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> Response[WorkItemPage | UnexpectedResponse]:
    """List the work items

     Lists the work items the API client can see, oldest first, one page at a time, optionally
    only those whose status (their latest version's) is `filter`. Query method (any scope).

    The vendor names a `filter` query string for the status; its exact matching and the
    response shape and paging are not documented by the vendor (CHOICE: a status name, matched
    without regard to case; a `WorkItemPage`, paged by `pageToken`).

    Args:
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WorkItemPage | UnexpectedResponse]
    """

    kwargs = build_request(
        filter_=filter_,
        page_token=page_token,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    filter_: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    page_size: int | Unset = 100,
) -> WorkItemPage | UnexpectedResponse | None:
    """List the work items

     Lists the work items the API client can see, oldest first, one page at a time, optionally
    only those whose status (their latest version's) is `filter`. Query method (any scope).

    The vendor names a `filter` query string for the status; its exact matching and the
    response shape and paging are not documented by the vendor (CHOICE: a status name, matched
    without regard to case; a `WorkItemPage`, paged by `pageToken`).

    Args:
        filter_ (str | Unset):
        page_token (str | Unset):
        page_size (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WorkItemPage | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            filter_=filter_,
            page_token=page_token,
            page_size=page_size,
        )
    ).parsed
