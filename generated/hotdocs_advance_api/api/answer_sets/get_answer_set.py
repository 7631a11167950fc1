# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import (
    Response,
    UnexpectedResponse,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "get_answer_set"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    work_item_id: UUID,
) -> dict[str, Any]:
    """Build the request for get_answer_set: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    headers: dict[str, Any] = {}
    # XML bodies: ask for the documented XML (a server may offer other forms of the resource).
    headers["Accept"] = "application/xml, text/xml"

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v2.0/WorkItems/{work_item_id}/AnswerSet/Content".format(
            work_item_id=quote(str(work_item_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: httpx.Response) -> bytes | UnexpectedResponse:
    """Read a success answer to get_answer_set; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        # XML bodies: the document's bytes, so that its own encoding (BOM or XML declaration)
        # decides how it is read, as XML has it, not the Content-Type's charset.
        return read_body(
            response,
            (
                "application/xml",
                "text/xml",
            ),
            lambda r: r.content,
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to get_answer_set, leniently.

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
) -> Response[bytes | UnexpectedResponse]:
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
) -> Response[bytes | UnexpectedResponse]:
    """Read a work item's answers

     Returns the work item's current answer set, for example the answers a person typed into its
    interview. Query method (any scope).

    The vendor returns HotDocs answer XML or JSON; this spec describes the XML only, which a
    client asks for with `Accept`. A work item that holds no answers:
    not documented by the vendor (CHOICE: an empty `<AnswerSet>`).

    Args:
        work_item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[bytes | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> bytes | UnexpectedResponse | None:
    """Read a work item's answers

     Returns the work item's current answer set, for example the answers a person typed into its
    interview. Query method (any scope).

    The vendor returns HotDocs answer XML or JSON; this spec describes the XML only, which a
    client asks for with `Accept`. A work item that holds no answers:
    not documented by the vendor (CHOICE: an empty `<AnswerSet>`).

    Args:
        work_item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        bytes | UnexpectedResponse
    """

    return sync_detailed(
        work_item_id=work_item_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[bytes | UnexpectedResponse]:
    """Read a work item's answers

     Returns the work item's current answer set, for example the answers a person typed into its
    interview. Query method (any scope).

    The vendor returns HotDocs answer XML or JSON; this spec describes the XML only, which a
    client asks for with `Accept`. A work item that holds no answers:
    not documented by the vendor (CHOICE: an empty `<AnswerSet>`).

    Args:
        work_item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[bytes | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> bytes | UnexpectedResponse | None:
    """Read a work item's answers

     Returns the work item's current answer set, for example the answers a person typed into its
    interview. Query method (any scope).

    The vendor returns HotDocs answer XML or JSON; this spec describes the XML only, which a
    client asks for with `Accept`. A work item that holds no answers:
    not documented by the vendor (CHOICE: an empty `<AnswerSet>`).

    Args:
        work_item_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        bytes | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            client=client,
        )
    ).parsed
