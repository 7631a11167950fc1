# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.document import Document
from ...models.problem import Problem
from ...types import (
    Response,
    UnexpectedResponse,
    json_array,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "list_documents"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})


def build_request(
    id: UUID,
) -> dict[str, Any]:
    """Build the request for list_documents: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """

    _kwargs: dict[str, Any] = {
        "method": "GET",
        "url": "/v1.1/WorkItems/{id}/Documents".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def parse_response(response: httpx.Response) -> list[Document] | UnexpectedResponse:
    """Read a success answer to list_documents; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:

        def read(r: httpx.Response) -> list[Document]:
            data = json_array(r)
            response_200 = []
            _response_200 = data
            for response_200_item_data in _response_200:
                response_200_item = Document.from_dict(response_200_item_data)

                response_200.append(response_200_item)

            return response_200

        return read_body(response, ("application/json",), read)
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to list_documents, leniently.

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
) -> Response[list[Document] | UnexpectedResponse]:
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
) -> Response[list[Document] | UnexpectedResponse]:
    """List a work item's assembled documents

     Returns the documents assembled for a work item. Query method (any scope).

    Known from the community PHP SDK (written against the real service), which quotes the
    vendor: "Returns a list of assembled documents for the specified work item." The shape of
    the list is not documented by the vendor. CHOICE: a JSON array of Document, and, as the
    vendor says of reading one document, only the documents of the latest completed assembly
    (an empty array before any assembly, or after a completion that did not assemble).

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Document] | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> list[Document] | UnexpectedResponse | None:
    """List a work item's assembled documents

     Returns the documents assembled for a work item. Query method (any scope).

    Known from the community PHP SDK (written against the real service), which quotes the
    vendor: "Returns a list of assembled documents for the specified work item." The shape of
    the list is not documented by the vendor. CHOICE: a JSON array of Document, and, as the
    vendor says of reading one document, only the documents of the latest completed assembly
    (an empty array before any assembly, or after a completion that did not assemble).

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Document] | UnexpectedResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[list[Document] | UnexpectedResponse]:
    """List a work item's assembled documents

     Returns the documents assembled for a work item. Query method (any scope).

    Known from the community PHP SDK (written against the real service), which quotes the
    vendor: "Returns a list of assembled documents for the specified work item." The shape of
    the list is not documented by the vendor. CHOICE: a JSON array of Document, and, as the
    vendor says of reading one document, only the documents of the latest completed assembly
    (an empty array before any assembly, or after a completion that did not assemble).

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[Document] | UnexpectedResponse]
    """

    kwargs = build_request(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> list[Document] | UnexpectedResponse | None:
    """List a work item's assembled documents

     Returns the documents assembled for a work item. Query method (any scope).

    Known from the community PHP SDK (written against the real service), which quotes the
    vendor: "Returns a list of assembled documents for the specified work item." The shape of
    the list is not documented by the vendor. CHOICE: a JSON array of Document, and, as the
    vendor says of reading one document, only the documents of the latest completed assembly
    (an empty array before any assembly, or after a completion that did not assemble).

    Args:
        id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[Document] | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
