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
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "replace_answer_set"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200, 204})
#: The statuses the work item's current version must have for this call; in any other the
#: server answers 409 (spec: x-sdk-allowed-statuses).
ALLOWED_STATUSES: Final = frozenset({"Saved", "Completed", "PostProcessingFailed"})


def build_request(
    work_item_id: UUID,
    *,
    body: str,
) -> dict[str, Any]:
    """Build the request for replace_answer_set: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "PUT",
        "url": "/v2.0/WorkItems/{work_item_id}/AnswerSet/Content".format(
            work_item_id=quote(str(work_item_id), safe=""),
        ),
    }

    # XML bodies: the document is sent as UTF-8, and the label says so (it outranks whatever
    # encoding the document's own XML declaration names).
    _kwargs["content"] = body.encode("utf-8")
    headers["Content-Type"] = "application/xml; charset=utf-8"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: httpx.Response) -> None | UnexpectedResponse:
    """Read a success answer to replace_answer_set; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return None
    if response.status_code == 204:
        return None
    # CHOICE (not documented by the vendor): another 2xx without a body is the documented empty
    # success, so that a create the server did carry out is not reported as a failure.
    if 200 <= response.status_code <= 299 and not response.content.strip():
        return None
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to replace_answer_set, leniently.

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
) -> Response[None | UnexpectedResponse]:
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
    body: str,
) -> Response[None | UnexpectedResponse]:
    """Replace a work item's answers

     Replaces the whole answer set of the work item: answers not in the body are gone afterwards.
    Allowed only while the work item's current version is Saved, Completed or
    PostProcessingFailed (the 409's `x-sdk-allowed-statuses`).
    Command method (Command or Root scope).

    The body is HotDocs answer XML, valid against the answer set schema. The success status and
    body are not documented by the vendor (CHOICE: 204 without a body; 200 accepted, its body
    ignored). Answer XML that is not valid: not documented by the vendor (CHOICE: 400).

    Args:
        work_item_id (UUID):
        body (str): A HotDocs answer set as an XML document (`<AnswerSet>`), valid against
            `spec/hotdocs-answer-set.xsd`. Clients read it as bytes, so the document's own encoding
            (BOM or XML declaration) decides how it is decoded.
             Example: <AnswerSet title="" version="1.1"><Answer
            name="CompanyName"><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: str,
) -> None | UnexpectedResponse:
    """Replace a work item's answers

     Replaces the whole answer set of the work item: answers not in the body are gone afterwards.
    Allowed only while the work item's current version is Saved, Completed or
    PostProcessingFailed (the 409's `x-sdk-allowed-statuses`).
    Command method (Command or Root scope).

    The body is HotDocs answer XML, valid against the answer set schema. The success status and
    body are not documented by the vendor (CHOICE: 204 without a body; 200 accepted, its body
    ignored). Answer XML that is not valid: not documented by the vendor (CHOICE: 400).

    Args:
        work_item_id (UUID):
        body (str): A HotDocs answer set as an XML document (`<AnswerSet>`), valid against
            `spec/hotdocs-answer-set.xsd`. Clients read it as bytes, so the document's own encoding
            (BOM or XML declaration) decides how it is decoded.
             Example: <AnswerSet title="" version="1.1"><Answer
            name="CompanyName"><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | UnexpectedResponse
    """

    return sync_detailed(
        work_item_id=work_item_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: str,
) -> Response[None | UnexpectedResponse]:
    """Replace a work item's answers

     Replaces the whole answer set of the work item: answers not in the body are gone afterwards.
    Allowed only while the work item's current version is Saved, Completed or
    PostProcessingFailed (the 409's `x-sdk-allowed-statuses`).
    Command method (Command or Root scope).

    The body is HotDocs answer XML, valid against the answer set schema. The success status and
    body are not documented by the vendor (CHOICE: 204 without a body; 200 accepted, its body
    ignored). Answer XML that is not valid: not documented by the vendor (CHOICE: 400).

    Args:
        work_item_id (UUID):
        body (str): A HotDocs answer set as an XML document (`<AnswerSet>`), valid against
            `spec/hotdocs-answer-set.xsd`. Clients read it as bytes, so the document's own encoding
            (BOM or XML declaration) decides how it is decoded.
             Example: <AnswerSet title="" version="1.1"><Answer
            name="CompanyName"><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[None | UnexpectedResponse]
    """

    kwargs = build_request(
        work_item_id=work_item_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    work_item_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: str,
) -> None | UnexpectedResponse:
    """Replace a work item's answers

     Replaces the whole answer set of the work item: answers not in the body are gone afterwards.
    Allowed only while the work item's current version is Saved, Completed or
    PostProcessingFailed (the 409's `x-sdk-allowed-statuses`).
    Command method (Command or Root scope).

    The body is HotDocs answer XML, valid against the answer set schema. The success status and
    body are not documented by the vendor (CHOICE: 204 without a body; 200 accepted, its body
    ignored). Answer XML that is not valid: not documented by the vendor (CHOICE: 400).

    Args:
        work_item_id (UUID):
        body (str): A HotDocs answer set as an XML document (`<AnswerSet>`), valid against
            `spec/hotdocs-answer-set.xsd`. Clients read it as bytes, so the document's own encoding
            (BOM or XML declaration) decides how it is decoded.
             Example: <AnswerSet title="" version="1.1"><Answer
            name="CompanyName"><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        None | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            work_item_id=work_item_id,
            client=client,
            body=body,
        )
    ).parsed
