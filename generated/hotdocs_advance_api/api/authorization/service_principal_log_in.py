# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.service_principal_log_in_request import ServicePrincipalLogInRequest
from ...types import Response


def _get_kwargs(
    *,
    body: ServicePrincipalLogInRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Authorize/ServicePrincipalLogIn",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

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
) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> Response[Problem | str]:
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
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
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
) -> Problem | str | None:
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
        Problem | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> Response[Problem | str]:
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
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServicePrincipalLogInRequest,
) -> Problem | str | None:
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
        Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
