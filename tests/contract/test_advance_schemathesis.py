"""Contract: schemathesis drives the Advance sandbox from the OpenAPI spec it serves."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import httpx
import pytest
import schemathesis
import yaml
from hotdocs_advance.sandbox import AdvanceSandbox
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

SPEC = files("hotdocs_advance_api") / "spec" / "hotdocs-advance.openapi.yaml"
LOGIN_PATH = "/Authorize/ServicePrincipalLogIn"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_dict(yaml.safe_load(SPEC.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def sandbox() -> Iterator[AdvanceSandbox]:
    with AdvanceSandbox() as running:
        yield running


@pytest.fixture(scope="module")
def token(sandbox: AdvanceSandbox) -> str:
    answer = httpx.post(
        sandbox.auth_url + LOGIN_PATH,
        json={
            "ClientName": "sandbox",
            "PrincipalName": "sandbox-principal",
            "PrincipalPassword": "sandbox-password",
        },
    )
    answer.raise_for_status()
    return answer.text


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_conforms(case: Any, sandbox: AdvanceSandbox, token: str) -> None:
    """Generated requests never get a 5xx and every answer conforms to the spec."""
    base = sandbox.auth_url if case.path == LOGIN_PATH else sandbox.base_url
    response = case.call(base_url=base, headers={"Authorization": f"Bearer {token}"})
    case.validate_response(response, checks=CHECKS)
    assert sandbox.state.spec_violations == []
