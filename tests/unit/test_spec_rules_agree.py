"""Values the spec constrains and the client checks obey one rule each (issue 16, item 5).

The log-in token's pattern is written once in the spec and read by the client from the
generated module; names (``minLength: 1`` and a character that is not white space) and
callback URLs (absolute http or https) are stated in the spec, and the client's own checks
refuse the same values before anything is sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from hotdocs_advance import (
    AdvanceClient,
    InvalidArgumentError,
    ServicePrincipal,
    validate_answer_xml,
)
from hotdocs_advance import _arguments as check
from hotdocs_advance._auth import TOKEN, check_token
from hotdocs_advance_api.api.authorization import service_principal_log_in
from hypothesis import given
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from tests.strategies import bad_urls, hostile_text, urls

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "spec" / "hotdocs-advance.openapi.yaml").read_text("utf-8"))
SCHEMAS = SPEC["components"]["schemas"]
LOGIN_200 = SPEC["paths"]["/Authorize/ServicePrincipalLogIn"]["post"]["responses"]["200"]
TOKEN_SCHEMA = LOGIN_200["content"]["text/plain"]["schema"]
BASE = "https://tenancy1.hotdocsadvance.com/api/rest"
GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
# Every name-like string member a request body of the spec takes.
NAME_MEMBERS = {
    ("CreateWorkItemRequest", "name"),
    ("PublicInterviewLinkRequest", "name"),
    ("ServicePrincipalLogInRequest", "ClientName"),
    ("ServicePrincipalLogInRequest", "PrincipalName"),
}
CALLBACK_BODIES = (
    "SaveAndCloseVersionRequest",
    "CreateVersionRequest",
    "CompleteVersionRequest",
    "CreateAndAssembleVersionRequest",
)


def _valid(schema: dict[str, Any], value: object) -> bool:
    return bool(OAS30Validator(schema, format_checker=oas30_format_checker).is_valid(value))


def _name_schema() -> dict[str, Any]:
    schema: dict[str, Any] = SCHEMAS["CreateWorkItemRequest"]["properties"]["name"]
    return schema


def _accepted_by_client(value: str) -> bool:
    try:
        check.text("name", value)
    except InvalidArgumentError:
        return False
    return True


def _utf8(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------------- the log-in token


def test_the_token_pattern_is_written_once_and_the_client_reads_it() -> None:
    """Both media types of the log-in's 200 share one schema with a pattern; the generated
    module exposes it as RESULT_PATTERN, and the client's token rule is compiled from it."""
    content = LOGIN_200["content"]
    assert content["application/json"]["schema"] == TOKEN_SCHEMA
    assert TOKEN_SCHEMA["pattern"] == "^[!-~]+$"
    assert TOKEN_SCHEMA["pattern"] == service_principal_log_in.RESULT_PATTERN
    assert TOKEN.pattern == service_principal_log_in.RESULT_PATTERN
    assert _valid(TOKEN_SCHEMA, TOKEN_SCHEMA["example"])


@pytest.mark.parametrize("token", ["two words", "tab\there", "line\nbreak", "tok\u00e9n", ""])
def test_a_token_with_a_space_is_refused_by_the_spec_pattern_and_by_the_client(token: str) -> None:
    """A token with a space (or a control character, a letter beyond ASCII, nothing at all)
    breaks the spec's pattern, and the client refuses it before sending anything."""
    assert not _valid(TOKEN_SCHEMA, token)
    with pytest.raises(
        InvalidArgumentError,
        match=r"^auth: a token must be non-empty visible ASCII \(give the token without 'Bearer'\)$",
    ):
        AdvanceClient(BASE, auth=f"x{token}x" if token else token)


@given(hostile_text)
def test_the_client_accepts_a_token_exactly_when_the_spec_does(token: str) -> None:
    """For any text, the client's token rule and the spec's pattern agree."""
    assert (TOKEN.fullmatch(token) is not None) is _valid(TOKEN_SCHEMA, token)


def test_a_visible_ascii_token_passes_both() -> None:
    """A JWT-like token (dots, dashes, underscores, tildes) is accepted by both."""
    token = "eyJhbGciOiJIUzI1NiJ9.e30.a-b_c~d+e/f="
    assert _valid(TOKEN_SCHEMA, token)
    assert check_token(f"  {token}  ") == token


# ---------------------------------------------------------------------- names


def test_every_name_the_spec_takes_has_min_length_1_and_a_visible_character() -> None:
    """Each name-like string member of a request body (and the list filter, a status name)
    has ``minLength: 1`` and the pattern ``\\S``; the list of such members is complete."""
    found = {
        (schema_name, member)
        for schema_name, schema in SCHEMAS.items()
        if schema_name.endswith("Request")
        for member, definition in schema.get("properties", {}).items()
        if member.lower().endswith("name") and definition.get("type") == "string"
    }
    assert found == NAME_MEMBERS
    password = ("ServicePrincipalLogInRequest", "PrincipalPassword")
    for schema_name, member in {*found, password}:
        definition = SCHEMAS[schema_name]["properties"][member]
        assert (definition["minLength"], definition["pattern"]) == (1, "\\S"), member
    status_filter = SPEC["components"]["parameters"]["StatusFilter"]["schema"]
    assert (status_filter["minLength"], status_filter["pattern"]) == (1, "\\S")


@pytest.mark.parametrize("name", ["", " ", "\t\n", "\u3000"])
def test_an_empty_or_blank_name_breaks_the_spec(name: str) -> None:
    """The spec refuses an empty or blank name; one visible character is enough."""
    assert not _valid(_name_schema(), name)
    assert _valid(_name_schema(), f"{name}x")


@given(hostile_text.filter(_utf8))
def test_the_client_accepts_a_name_exactly_when_the_spec_does(name: str) -> None:
    """For any text JSON can carry, the client's name check and the spec's rule agree."""
    assert _accepted_by_client(name) is _valid(_name_schema(), name)


def _refusing_client() -> tuple[AdvanceClient, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    http = httpx.Client(transport=httpx.MockTransport(record))
    return AdvanceClient(BASE, auth="tok-1234567890", http_client=http), sent


@pytest.mark.parametrize("name", ["", "   "])
@pytest.mark.parametrize("method", ["create_work_item", "create_public_interview_link"])
def test_an_empty_name_is_refused_before_sending(method: str, name: str) -> None:
    """An empty or blank name raises InvalidArgumentError "name: must not be empty or blank"
    and sends nothing (the spec's minLength and pattern, checked on this side)."""
    client, sent = _refusing_client()
    with client, pytest.raises(InvalidArgumentError, match=r"^name: must not be empty or blank$"):
        getattr(client, method)(name=name, work_group_id=GROUP, template_package_id=PACKAGE)
    assert sent == []


@pytest.mark.parametrize("field", ["client_name", "principal_name", "password"])
def test_an_empty_service_principal_field_is_refused_when_built(field: str) -> None:
    """An empty or blank log-in field is refused when the ServicePrincipal is built, as the
    spec's minLength and pattern refuse it."""
    values = {"client_name": "c", "principal_name": "p", "password": "pw"} | {field: " "}
    with pytest.raises(InvalidArgumentError, match=rf"^auth\.{field}: must be a non-empty str$"):
        ServicePrincipal(**values)


# ---------------------------------------------------------------------- callback URLs


def test_the_callback_url_rule_is_written_once() -> None:
    """The four v2.0 bodies share one callbackUrl schema: an absolute http or https URL,
    with the sandbox's rule (accepted, called back only on loopback) stated beside it."""
    schemas = [SCHEMAS[name]["properties"]["callbackUrl"] for name in CALLBACK_BODIES]
    assert all(schema == schemas[0] for schema in schemas)
    assert schemas[0]["pattern"] == "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]"
    description = " ".join(schemas[0]["description"].split())
    assert "calls back only loopback hosts" in description
    assert "recorded as not sent" in description


@given(urls)
def test_every_callback_url_the_client_sends_is_one_the_spec_accepts(url: str) -> None:
    """A callback URL the client accepts conforms to the spec's pattern."""
    check.http_url("callback_url", url)
    assert _valid(SCHEMAS["SaveAndCloseVersionRequest"]["properties"]["callbackUrl"], url)


@given(bad_urls)
def test_a_url_the_spec_refuses_is_refused_by_the_client(url: str) -> None:
    """A callback URL that breaks the spec's pattern is refused by the client too."""
    schema = SCHEMAS["SaveAndCloseVersionRequest"]["properties"]["callbackUrl"]
    if not _valid(schema, url):
        with pytest.raises(InvalidArgumentError):
            check.http_url("callback_url", url)


# ---------------------------------------------------------------------- what a mock answers


def test_the_examples_a_mock_answers_are_what_the_client_accepts() -> None:
    """A mock server (Prism, static mode) answers the spec's examples: the answer-set example
    is a valid answer set, and a page's nextPageToken example is null, so a mocked list ends."""
    validate_answer_xml(SCHEMAS["AnswerSetXml"]["example"])
    next_page = SCHEMAS["Page"]["properties"]["nextPageToken"]
    assert "example" in next_page
    assert next_page["example"] is None
