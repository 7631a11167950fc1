# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any, Final

import httpx

from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_principal_log_in_request import ServicePrincipalLogInRequest
from ...types import (
    Response,
    UnexpectedResponse,
    read_body,
    read_error,
)

#: The operation this module sends: its operationId, in snake case.
OPERATION: Final = "service_principal_log_in"
#: The statuses the spec documents as success.
SUCCESS_STATUSES: Final = frozenset({200})
#: The regular expression a success body (a string) matches as a whole (spec: its schema's
#: pattern); the client checks the body against it.
RESULT_PATTERN: Final = "^[!-~]+$"


def build_request(
    *,
    body: ServicePrincipalLogInRequest,
) -> dict[str, Any]:
    """Build the request for service_principal_log_in: keyword arguments for ``httpx.Client.build_request``.

    ``url`` is the path below the API base (the caller joins the two); ``params``, ``json``
    and ``headers`` appear when the operation has them.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "POST",
        "url": "/Authorize/ServicePrincipalLogIn",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def parse_response(response: httpx.Response) -> str | UnexpectedResponse:
    """Read a success answer to service_principal_log_in; never raises on a bad body.

    Returns:
        The documented result of a documented success status (None where the spec documents
        no body), else an ``UnexpectedResponse`` saying what is wrong: another status, a
        content type that is not the documented one, or a body not of the documented shape.
    """
    if response.status_code == 200:
        return read_body(
            response,
            (
                "text/plain",
                "application/json",
            ),
            lambda r: r.text,
        )
    return UnexpectedResponse(
        response, f"status {response.status_code} is not a documented success"
    )


def parse_error(response: httpx.Response) -> Problem | None:
    """Read the body of an error answer to service_principal_log_in, leniently.

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
) -> Response[str | UnexpectedResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parse_response(response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> Response[str | UnexpectedResponse]:
    """Log in as an API client's service principal

     Exchanges an API client's name and its service principal's credentials for an access token
    (the "resource owner" flow; this is not OAuth 2). The API client must use the ResourceOwner
    flow type. The token comes back as the whole plain-text body, with no expiry or refresh token;
    its life span is configured per API client. Keep the token on the server side.

    This operation lives on the authorization host, not the API host, and needs no token.
    The status for rejected credentials is not documented by the vendor (CHOICE: 401); clients
    should treat any status other than 200 as a failed log-in.

    Args:
        body (ServicePrincipalLogInRequest): Body of `servicePrincipalLogIn`. Member names are
            PascalCase as the vendor shows them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str | UnexpectedResponse]
    """

    kwargs = build_request(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> str | UnexpectedResponse | None:
    """Log in as an API client's service principal

     Exchanges an API client's name and its service principal's credentials for an access token
    (the "resource owner" flow; this is not OAuth 2). The API client must use the ResourceOwner
    flow type. The token comes back as the whole plain-text body, with no expiry or refresh token;
    its life span is configured per API client. Keep the token on the server side.

    This operation lives on the authorization host, not the API host, and needs no token.
    The status for rejected credentials is not documented by the vendor (CHOICE: 401); clients
    should treat any status other than 200 as a failed log-in.

    Args:
        body (ServicePrincipalLogInRequest): Body of `servicePrincipalLogIn`. Member names are
            PascalCase as the vendor shows them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str | UnexpectedResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> Response[str | UnexpectedResponse]:
    """Log in as an API client's service principal

     Exchanges an API client's name and its service principal's credentials for an access token
    (the "resource owner" flow; this is not OAuth 2). The API client must use the ResourceOwner
    flow type. The token comes back as the whole plain-text body, with no expiry or refresh token;
    its life span is configured per API client. Keep the token on the server side.

    This operation lives on the authorization host, not the API host, and needs no token.
    The status for rejected credentials is not documented by the vendor (CHOICE: 401); clients
    should treat any status other than 200 as a failed log-in.

    Args:
        body (ServicePrincipalLogInRequest): Body of `servicePrincipalLogIn`. Member names are
            PascalCase as the vendor shows them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[str | UnexpectedResponse]
    """

    kwargs = build_request(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> str | UnexpectedResponse | None:
    """Log in as an API client's service principal

     Exchanges an API client's name and its service principal's credentials for an access token
    (the "resource owner" flow; this is not OAuth 2). The API client must use the ResourceOwner
    flow type. The token comes back as the whole plain-text body, with no expiry or refresh token;
    its life span is configured per API client. Keep the token on the server side.

    This operation lives on the authorization host, not the API host, and needs no token.
    The status for rejected credentials is not documented by the vendor (CHOICE: 401); clients
    should treat any status other than 200 as a failed log-in.

    Args:
        body (ServicePrincipalLogInRequest): Body of `servicePrincipalLogIn`. Member names are
            PascalCase as the vendor shows them.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        str | UnexpectedResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
