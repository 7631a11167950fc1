# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final
from urllib.parse import quote
from uuid import UUID

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.save_and_close_version_request import SaveAndCloseVersionRequest
from ...models.version_status import VersionStatus
from ...types import (
    Response,
    UnexpectedResponse,
    json_object,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "save_and_close_version"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200, 202})
#: The statuses the resource shows once this call has taken effect (spec: x-sdk-reached).
REACHED_STATUSES: Final = frozenset({"Saved", "Saving"})
#: The statuses that show this call's work finished (spec: x-sdk-reached of the 200 answer); the
#: others of REACHED_STATUSES mean the server goes on with it in the background.
FINISHED_STATUSES: Final = frozenset({"Saved"})


def build_request(
    work_item_id: UUID,
    version_id: UUID,
    *,
    body: SaveAndCloseVersionRequest,
) -> dict[str, Any]:
    """Build the request for save_and_close_version: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "PUT",
        "url": "/v2.0/WorkItems/{work_item_id}/Versions/{version_id}/SaveAndClose".format(
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
    """Read a success answer to save_and_close_version; never raises on a bad body.

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
    """Read the body of an error answer to save_and_close_version, leniently.

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
    body: SaveAndCloseVersionRequest,
) -> Response[None | VersionStatus | UnexpectedResponse]:
    """Save and close an in-progress work item version

     Persists the state of an in-progress version and discards its Core Assembly session, so the
    user can come back to the interview later. Command method (Command or Root scope).

    The server first tries to finish synchronously and answers `200` with the final status. If that
    takes too long, or whenever `callbackUrl` is given, it answers `202` and later reports the final
    status to the callback URL. Either answer may carry a `{"status": ...}` body, or none at all.
    While the status is not final, poll `getVersionStatus` or wait for the callback.
    The callback payload and the way `callbackSecret` is sent are not documented by the vendor
    (CHOICE: the operation's `versionSaved` callback, with a `CallbackEvent` body).
    Calling it without an in-progress session: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (SaveAndCloseVersionRequest): Body of `saveAndCloseVersion`; both members are
            optional.

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
    body: SaveAndCloseVersionRequest,
) -> None | VersionStatus | UnexpectedResponse:
    """Save and close an in-progress work item version

     Persists the state of an in-progress version and discards its Core Assembly session, so the
    user can come back to the interview later. Command method (Command or Root scope).

    The server first tries to finish synchronously and answers `200` with the final status. If that
    takes too long, or whenever `callbackUrl` is given, it answers `202` and later reports the final
    status to the callback URL. Either answer may carry a `{"status": ...}` body, or none at all.
    While the status is not final, poll `getVersionStatus` or wait for the callback.
    The callback payload and the way `callbackSecret` is sent are not documented by the vendor
    (CHOICE: the operation's `versionSaved` callback, with a `CallbackEvent` body).
    Calling it without an in-progress session: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (SaveAndCloseVersionRequest): Body of `saveAndCloseVersion`; both members are
            optional.

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
    body: SaveAndCloseVersionRequest,
) -> Response[None | VersionStatus | UnexpectedResponse]:
    """Save and close an in-progress work item version

     Persists the state of an in-progress version and discards its Core Assembly session, so the
    user can come back to the interview later. Command method (Command or Root scope).

    The server first tries to finish synchronously and answers `200` with the final status. If that
    takes too long, or whenever `callbackUrl` is given, it answers `202` and later reports the final
    status to the callback URL. Either answer may carry a `{"status": ...}` body, or none at all.
    While the status is not final, poll `getVersionStatus` or wait for the callback.
    The callback payload and the way `callbackSecret` is sent are not documented by the vendor
    (CHOICE: the operation's `versionSaved` callback, with a `CallbackEvent` body).
    Calling it without an in-progress session: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (SaveAndCloseVersionRequest): Body of `saveAndCloseVersion`; both members are
            optional.

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
    body: SaveAndCloseVersionRequest,
) -> None | VersionStatus | UnexpectedResponse:
    """Save and close an in-progress work item version

     Persists the state of an in-progress version and discards its Core Assembly session, so the
    user can come back to the interview later. Command method (Command or Root scope).

    The server first tries to finish synchronously and answers `200` with the final status. If that
    takes too long, or whenever `callbackUrl` is given, it answers `202` and later reports the final
    status to the callback URL. Either answer may carry a `{"status": ...}` body, or none at all.
    While the status is not final, poll `getVersionStatus` or wait for the callback.
    The callback payload and the way `callbackSecret` is sent are not documented by the vendor
    (CHOICE: the operation's `versionSaved` callback, with a `CallbackEvent` body).
    Calling it without an in-progress session: the status is not documented by the vendor
    (CHOICE: 409).

    Args:
        work_item_id (UUID):
        version_id (UUID):
        body (SaveAndCloseVersionRequest): Body of `saveAndCloseVersion`; both members are
            optional.

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
