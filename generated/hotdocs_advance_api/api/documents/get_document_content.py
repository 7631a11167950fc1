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
    StreamedBody,
    UnexpectedResponse,
    read_error,
    read_stream_head,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "get_document_content"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})
#: The success body is a file: the caller streams it in chunks, never reading it whole, so no
#: response size cap applies to it (spec: x-sdk-stream); parse_response reads only the head.
STREAMED: Final = True


def build_request(
    id: UUID,
    document_id: UUID,
) -> dict[str, Any]:
    """Build the request for get_document_content: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1.1/WorkItems/{id}/Documents/{document_id}/Content".format(
            id=quote(str(id), safe=""),
            document_id=quote(str(document_id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: httpx.Response) -> StreamedBody | UnexpectedResponse:
    """Read a success answer to get_document_content; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        # x-sdk-stream: the body is a file the caller streams; only the head is read here.
        return read_stream_head(response, ("*/*",))
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to get_document_content, leniently.

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
) -> Response[StreamedBody | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    id: UUID,
    document_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[StreamedBody | UnexpectedResponse]:
    """Download an assembled document

     Returns the document itself, as a file stream. Query method (any scope).

    The vendor, as the PHP SDK quotes it: "Returns the specified document. This request only
    returns documents from the latest completed assembly session for the work item." The PHP
    SDK saves the body as a `.docx` file. The media type, the file name and the headers are
    not documented by the vendor. CHOICE: the document's own media type (any type may come),
    its file name in `Content-Disposition` and its size in `Content-Length` when the server
    knows them. Documents can be far larger than any JSON answer: clients stream the body
    (`x-sdk-stream`) instead of reading it whole.

    Args:
        id (UUID):
        document_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[StreamedBody | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
        document_id=document_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    document_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> StreamedBody | UnexpectedResponse | None:
    """Download an assembled document

     Returns the document itself, as a file stream. Query method (any scope).

    The vendor, as the PHP SDK quotes it: "Returns the specified document. This request only
    returns documents from the latest completed assembly session for the work item." The PHP
    SDK saves the body as a `.docx` file. The media type, the file name and the headers are
    not documented by the vendor. CHOICE: the document's own media type (any type may come),
    its file name in `Content-Disposition` and its size in `Content-Length` when the server
    knows them. Documents can be far larger than any JSON answer: clients stream the body
    (`x-sdk-stream`) instead of reading it whole.

    Args:
        id (UUID):
        document_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        StreamedBody | UnexpectedResponse
    """

    return sync_detailed(
        id=id,
        document_id=document_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    document_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[StreamedBody | UnexpectedResponse]:
    """Download an assembled document

     Returns the document itself, as a file stream. Query method (any scope).

    The vendor, as the PHP SDK quotes it: "Returns the specified document. This request only
    returns documents from the latest completed assembly session for the work item." The PHP
    SDK saves the body as a `.docx` file. The media type, the file name and the headers are
    not documented by the vendor. CHOICE: the document's own media type (any type may come),
    its file name in `Content-Disposition` and its size in `Content-Length` when the server
    knows them. Documents can be far larger than any JSON answer: clients stream the body
    (`x-sdk-stream`) instead of reading it whole.

    Args:
        id (UUID):
        document_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[StreamedBody | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
        document_id=document_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    document_id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> StreamedBody | UnexpectedResponse | None:
    """Download an assembled document

     Returns the document itself, as a file stream. Query method (any scope).

    The vendor, as the PHP SDK quotes it: "Returns the specified document. This request only
    returns documents from the latest completed assembly session for the work item." The PHP
    SDK saves the body as a `.docx` file. The media type, the file name and the headers are
    not documented by the vendor. CHOICE: the document's own media type (any type may come),
    its file name in `Content-Disposition` and its size in `Content-Length` when the server
    knows them. Documents can be far larger than any JSON answer: clients stream the body
    (`x-sdk-stream`) instead of reading it whole.

    Args:
        id (UUID):
        document_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        StreamedBody | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            document_id=document_id,
            client=client,
        )
    ).parsed
