"""The hand-written HotDocs Advance OpenAPI spec: validity, operations, errors, examples, servers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from openapi_spec_validator import OpenAPIV30SpecValidator, validate

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "spec" / "hotdocs-advance.openapi.yaml"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
TAGS = {
    "WorkItems",
    "AssemblySessions",
    "Documents",
    "WorkItemVersions",
    "PublicInterviewLinks",
    "Authorization",
    "WorkGroups",
    "TemplatePackages",
    "AnswerSets",
}
ERROR_CODES = ("400", "401", "403", "404", "409", "429")
LOGIN_ERROR_CODES = ("400", "401", "429")
PROBLEM_REF = "#/components/schemas/Problem"

# (method, path) -> (operationId, tag): the contract the generated client and the emulator rely on.
EXPECTED_OPERATIONS = {
    ("put", "/v1.1/WorkItems/{id}"): ("createWorkItem", "WorkItems"),
    ("get", "/v1.1/WorkItems/{id}"): ("getWorkItem", "WorkItems"),
    ("put", "/v1.1/WorkItems/{id}/Versions/{versionId}"): (
        "beginAssemblySession",
        "AssemblySessions",
    ),
    ("put", "/v1.1/WorkItems/{id}/Versions/Active/SaveSession"): (
        "saveAssemblySession",
        "AssemblySessions",
    ),
    ("put", "/v1.1/WorkItems/{id}/Versions/Active/CompleteSession"): (
        "completeAssemblySession",
        "AssemblySessions",
    ),
    # Documents (issue 14)
    ("get", "/v1.1/WorkItems/{id}/Documents"): ("listDocuments", "Documents"),
    ("get", "/v1.1/WorkItems/{id}/Documents/{documentId}"): ("getDocument", "Documents"),
    ("get", "/v1.1/WorkItems/{id}/Documents/{documentId}/Content"): (
        "getDocumentContent",
        "Documents",
    ),
    ("put", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/SaveAndClose"): (
        "saveAndCloseVersion",
        "WorkItemVersions",
    ),
    ("get", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/Status"): (
        "getVersionStatus",
        "WorkItemVersions",
    ),
    # v2.0 versions (issue 14)
    ("put", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}"): (
        "createVersion",
        "WorkItemVersions",
    ),
    ("put", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/Complete"): (
        "completeVersion",
        "WorkItemVersions",
    ),
    ("put", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/CreateAndAssemble"): (
        "createAndAssembleVersion",
        "WorkItemVersions",
    ),
    ("put", "/v1.1/PublicInterviewLinks/{publicInterviewLinkId}"): (
        "createPublicInterviewLink",
        "PublicInterviewLinks",
    ),
    ("get", "/v1.1/PublicInterviewLinks/{publicInterviewLinkId}"): (
        "getPublicInterviewLink",
        "PublicInterviewLinks",
    ),
    ("delete", "/v1.1/PublicInterviewLinks/{publicInterviewLinkId}"): (
        "deletePublicInterviewLink",
        "PublicInterviewLinks",
    ),
    ("post", "/Authorize/ServicePrincipalLogIn"): ("servicePrincipalLogIn", "Authorization"),
    # Issue 14: discovery, listing and answers out.
    ("get", "/v1.1/WorkGroups"): ("listWorkGroups", "WorkGroups"),
    ("get", "/v1.1/WorkGroups/{workGroupId}"): ("getWorkGroup", "WorkGroups"),
    ("get", "/v1.1/WorkGroups/{workGroupId}/TemplatePackages"): (
        "listWorkGroupTemplatePackages",
        "TemplatePackages",
    ),
    ("get", "/v1.1/TemplatePackages"): ("listTemplatePackages", "TemplatePackages"),
    ("get", "/v1.1/TemplatePackages/{templatePackageId}"): (
        "getTemplatePackage",
        "TemplatePackages",
    ),
    ("get", "/v1.1/WorkItems"): ("listWorkItems", "WorkItems"),
    ("get", "/v2.0/WorkItems/{workItemId}/Versions"): ("listVersions", "WorkItemVersions"),
    ("get", "/v2.0/WorkItems/{workItemId}/AnswerSet/Content"): ("getAnswerSet", "AnswerSets"),
    ("put", "/v2.0/WorkItems/{workItemId}/AnswerSet/Content"): ("replaceAnswerSet", "AnswerSets"),
    ("patch", "/v2.0/WorkItems/{workItemId}/AnswerSet/Content"): (
        "updateAnswerSet",
        "AnswerSets",
    ),
}

# Vendor examples, verbatim. P1 ("Creating a Work Item") prints the members without the
# surrounding braces; only the braces are added here.
P1_CREATE_WORK_ITEM_BODY = """{
    "name": "ExampleCorp contract renewal",

    "description": "Updating the contract for ExampleCorp.",

    "workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",

    "templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",

    "answerXml": "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>",

    "assembleImmediately": true,

    "completeAssemblySession": false,

    "isPrivateToOwner": true
}"""

# P5 ("Creating a Public Interview Link"), verbatim.
P5_PUBLIC_LINK_BODY = """{
"name": "Onboarding Link",
"templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
"workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",
"isActive": true
}"""


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    assert isinstance(loaded, dict)
    return loaded


def _operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method, path): item[method]
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item
    }


def _request_schema_validator(spec: dict[str, Any], operation_id: str) -> OAS30Validator:
    operation = next(op for op in _operations(spec).values() if op["operationId"] == operation_id)
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    # Wrap the (possibly $ref) schema in a document that carries the components, so that
    # local references such as #/components/schemas/X resolve.
    document = {"components": spec["components"], "allOf": [schema]}
    return OAS30Validator(document, format_checker=oas30_format_checker)


def test_spec_validates_as_openapi_3_0_3(spec: dict[str, Any]) -> None:
    """The spec is valid OpenAPI 3.0.3 according to openapi-spec-validator."""
    assert spec["openapi"] == "3.0.3"
    validate(spec, cls=OpenAPIV30SpecValidator)


def test_file_starts_with_hand_written_comment() -> None:
    """The file opens with a comment saying it is hand-written and the single source of truth."""
    head = SPEC_PATH.read_text(encoding="utf-8").splitlines()[:3]
    comments = " ".join(line for line in head if line.startswith("#")).lower()
    assert "hand-written" in comments
    assert "single source of truth" in comments


def test_exactly_the_expected_operations_with_ids_and_tags(spec: dict[str, Any]) -> None:
    """Each path and method has its agreed operationId and tag, and nothing else is declared."""
    found = {key: (op.get("operationId"), op.get("tags")) for key, op in _operations(spec).items()}
    expected = {key: (op_id, [tag]) for key, (op_id, tag) in EXPECTED_OPERATIONS.items()}
    assert found == expected


def test_every_operation_has_an_operation_id_and_a_declared_tag(spec: dict[str, Any]) -> None:
    """Every operation has a unique camelCase operationId and exactly one tag listed in `tags`."""
    declared_tags = {tag["name"] for tag in spec["tags"]}
    assert declared_tags == TAGS
    ids = []
    for key, operation in _operations(spec).items():
        op_id = operation.get("operationId")
        assert isinstance(op_id, str), key
        assert op_id[:1].islower(), key
        assert op_id.isalnum(), key
        ids.append(op_id)
        assert len(operation.get("tags", [])) == 1, key
        assert operation["tags"][0] in declared_tags, key
    assert len(ids) == len(set(ids))


def test_every_operation_declares_the_client_error_set(spec: dict[str, Any]) -> None:
    """Every operation declares 400, 401, 403, 404, 409, 429 and a 5xx (login: 400, 401, 429, 5xx)."""
    for key, operation in _operations(spec).items():
        codes = set(operation["responses"])
        required = (
            LOGIN_ERROR_CODES
            if operation["operationId"] == "servicePrincipalLogIn"
            else ERROR_CODES
        )
        missing = set(required) - codes
        assert not missing, (key, missing)
        assert codes & {"5XX", "500", "503"}, key
        assert any(code.startswith("2") for code in codes), key


def test_error_responses_carry_problem_json(spec: dict[str, Any]) -> None:
    """Every 4xx/5xx response, inline or shared, has an application/problem+json Problem body."""
    shared = spec["components"]["responses"]
    for key, operation in _operations(spec).items():
        for code, response in operation["responses"].items():
            if code[0] not in "45":
                continue
            resolved = (
                shared[response["$ref"].rsplit("/", 1)[-1]] if "$ref" in response else response
            )
            content = resolved.get("content", {})
            assert list(content) == ["application/problem+json"], (key, code)
            assert content["application/problem+json"]["schema"] == {"$ref": PROBLEM_REF}
    problem = spec["components"]["schemas"]["Problem"]
    assert set(problem["properties"]) == {"type", "title", "status", "detail"}
    assert "required" not in problem


def test_retry_after_on_429_and_503(spec: dict[str, Any]) -> None:
    """The shared 429 and 503 responses declare a Retry-After header, and operations use them."""
    shared = spec["components"]["responses"]
    for name in ("TooManyRequests", "ServiceUnavailable"):
        assert "Retry-After" in shared[name]["headers"], name
    for key, operation in _operations(spec).items():
        responses = operation["responses"]
        assert responses["429"] == {"$ref": "#/components/responses/TooManyRequests"}, key
        assert responses["503"] == {"$ref": "#/components/responses/ServiceUnavailable"}, key


def test_p1_create_work_item_example_validates(spec: dict[str, Any]) -> None:
    """The P1 create-work-item example body is valid against the createWorkItem request schema."""
    validator = _request_schema_validator(spec, "createWorkItem")
    validator.validate(json.loads(P1_CREATE_WORK_ITEM_BODY))


def test_p5_public_link_example_validates(spec: dict[str, Any]) -> None:
    """The P5 public-interview-link example body is valid against its request schema."""
    validator = _request_schema_validator(spec, "createPublicInterviewLink")
    validator.validate(json.loads(P5_PUBLIC_LINK_BODY))


@pytest.mark.parametrize(
    ("operation_id", "body", "drop"),
    [
        ("createWorkItem", P1_CREATE_WORK_ITEM_BODY, "name"),
        ("createWorkItem", P1_CREATE_WORK_ITEM_BODY, "workGroupId"),
        ("createWorkItem", P1_CREATE_WORK_ITEM_BODY, "templatePackageId"),
        ("createPublicInterviewLink", P5_PUBLIC_LINK_BODY, "name"),
        ("createPublicInterviewLink", P5_PUBLIC_LINK_BODY, "templatePackageId"),
        ("createPublicInterviewLink", P5_PUBLIC_LINK_BODY, "workGroupId"),
    ],
)
def test_example_without_required_member_is_rejected(
    spec: dict[str, Any], operation_id: str, body: str, drop: str
) -> None:
    """Removing a required member from a vendor example makes it invalid (the check has teeth)."""
    document = json.loads(body)
    del document[drop]
    with pytest.raises(ValidationError):
        _request_schema_validator(spec, operation_id).validate(document)


def test_example_with_malformed_guid_is_rejected(spec: dict[str, Any]) -> None:
    """A workGroupId that is not a GUID fails the uuid format check."""
    document = json.loads(P5_PUBLIC_LINK_BODY)
    document["workGroupId"] = "not-a-guid"
    with pytest.raises(ValidationError):
        _request_schema_validator(spec, "createPublicInterviewLink").validate(document)


def test_servers_are_exactly_cloud_and_on_premise(spec: dict[str, Any]) -> None:
    """The API servers are exactly the cloud and on-premise URLs, with defaulted variables."""
    urls = [server["url"] for server in spec["servers"]]
    assert urls == [
        "https://{tenancymoniker}.hotdocsadvance.com/api/rest",
        "https://{tenancymoniker}.{domain}/HdaApi/rest",
    ]
    cloud, on_premise = spec["servers"]
    assert set(cloud["variables"]) == {"tenancymoniker"}
    assert set(on_premise["variables"]) == {"tenancymoniker", "domain"}
    for server in spec["servers"]:
        for variable in server["variables"].values():
            assert variable["default"]


def test_login_uses_auth_hosts_plain_text_token_and_no_security(spec: dict[str, Any]) -> None:
    """The log-in has the two auth-host servers, no security, a JSON body and a text/plain token
    (a JSON-encoded string is accepted too, a labelled CHOICE)."""
    login = _operations(spec)[("post", "/Authorize/ServicePrincipalLogIn")]
    assert [server["url"] for server in login["servers"]] == [
        "https://{tenancymoniker}.hotdocsadvance.com/auth",
        "https://{tenancymoniker}.{domain}/HdaAuth",
    ]
    assert login["security"] == []
    content = login["responses"]["200"]["content"]
    assert set(content) == {"text/plain", "application/json"}
    for media in content.values():
        assert media["schema"]["type"] == "string"
        assert media["schema"]["pattern"] == "^[!-~]+$"  # tests/unit/test_spec_rules_agree.py
    assert "CHOICE" in login["responses"]["200"]["description"]
    body = spec["components"]["schemas"]["ServicePrincipalLogInRequest"]
    assert set(body["required"]) == {"ClientName", "PrincipalName", "PrincipalPassword"}


def test_bearer_security_applies_globally(spec: dict[str, Any]) -> None:
    """A bearer HTTP scheme is declared and applied to every operation but the log-in."""
    scheme = spec["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http"
    assert scheme["scheme"] == "bearer"
    assert spec["security"] == [{"bearerAuth": []}]
    for key, operation in _operations(spec).items():
        if operation["operationId"] != "servicePrincipalLogIn":
            assert "security" not in operation, key


def test_version_status_is_a_free_string(spec: dict[str, Any]) -> None:
    """`status` is an open string (no enum), and the known values are named in the descriptions."""
    status = spec["components"]["schemas"]["VersionStatus"]["properties"]["status"]
    assert status["type"] == "string"
    assert "enum" not in status
    description = _operations(spec)[
        ("get", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/Status")
    ]["description"]
    for value in (
        "Saving",
        "Saved",
        "Completing",
        "Completed",
        "PostProcessingFailed",
        "InProgress",
    ):
        assert value in description


def test_undocumented_gaps_are_labelled(spec: dict[str, Any]) -> None:
    """Gaps the vendor leaves open are flagged with the phrase "not documented by the vendor"."""
    phrase = "not documented by the vendor"
    operations = _operations(spec)
    create = operations[("put", "/v1.1/WorkItems/{id}")]
    assert phrase in create["responses"]["200"]["description"]
    assert phrase in operations[("get", "/v1.1/WorkItems/{id}")]["description"]
    assert phrase in spec["components"]["responses"]["Conflict"]["description"]
    assert phrase in spec["components"]["schemas"]["Problem"]["description"]
    assert phrase in spec["components"]["schemas"]["VersionStatus"]["description"]
    # The phrase is never broken across lines, so a plain text search finds every gap.
    text = SPEC_PATH.read_text(encoding="utf-8")
    assert re.findall(r"not\s+documented\s+by\s+the\s+vendor", text) == [phrase] * text.count(
        phrase
    )


def test_save_and_close_accepts_200_and_202_with_optional_status(spec: dict[str, Any]) -> None:
    """SaveAndClose declares both 200 and 202, each with a VersionStatus JSON body."""
    save = _operations(spec)[
        ("put", "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/SaveAndClose")
    ]
    for code in ("200", "202"):
        schema = save["responses"][code]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/VersionStatus"}
