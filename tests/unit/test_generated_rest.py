"""The generated REST client sends the documented method, path and JSON keys."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from uuid import UUID

import httpx
import pytest
import respx
import yaml
from hotdocs_advance_api import AuthenticatedClient, Client
from hotdocs_advance_api.api.assembly_sessions import (
    begin_assembly_session,
    complete_assembly_session,
    save_assembly_session,
)
from hotdocs_advance_api.api.authorization import service_principal_log_in
from hotdocs_advance_api.api.documents import get_document, get_document_content, list_documents
from hotdocs_advance_api.api.public_interview_links import (
    create_public_interview_link,
    delete_public_interview_link,
    get_public_interview_link,
)
from hotdocs_advance_api.api.work_item_versions import (
    complete_version,
    create_and_assemble_version,
    create_version,
    get_version_status,
    save_and_close_version,
)
from hotdocs_advance_api.api.work_items import create_work_item, get_work_item
from hotdocs_advance_api.models import (
    BeginAssemblySessionRequest,
    CompleteAssemblySessionRequest,
    CompleteVersionRequest,
    CreateAndAssembleVersionRequest,
    CreateVersionRequest,
    CreateWorkItemRequest,
    PublicInterviewLinkRequest,
    SaveAndCloseVersionRequest,
    SaveAssemblySessionRequest,
    ServicePrincipalLogInRequest,
)

from tests.conftest import ROOT

BASE = "https://tenancy1.hotdocsadvance.com/api/rest"
AUTH = "https://tenancy1.hotdocsadvance.com/auth"
ITEM = UUID("2d9f3d10-6fdb-494f-9929-955515c6f114")
VERSION = UUID("7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f")
DOCUMENT = UUID("5e1d6c2a-3b4f-4a8e-9c7d-1f2e3d4c5b6a")
GROUP = UUID("cb97f8d6-04a1-490a-aa09-92af12dfb305")
PACKAGE = UUID("0ef6a9be-b007-4d7d-83f1-9d56f931cd0f")
P1_ANSWERS = (
    "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'>"
    "<TextValue>ExampleCorp</TextValue></Answer></AnswerSet>"
)

# (call, method, path, JSON body sent or None, status, response body)
Case = tuple[Callable[[AuthenticatedClient], Any], str, str, Any, int, Any]
CASES: dict[str, Case] = {
    "createWorkItem": (
        lambda c: create_work_item.sync_detailed(
            ITEM,
            client=c,
            body=CreateWorkItemRequest(
                name="ExampleCorp contract renewal",
                description="Updating the contract for ExampleCorp.",
                work_group_id=GROUP,
                template_package_id=PACKAGE,
                answer_xml=P1_ANSWERS,
                assemble_immediately=True,
                complete_assembly_session=False,
                is_private_to_owner=True,
            ),
        ),
        "PUT",
        f"/v1.1/WorkItems/{ITEM}",
        {
            "name": "ExampleCorp contract renewal",
            "description": "Updating the contract for ExampleCorp.",
            "workGroupId": str(GROUP),
            "templatePackageId": str(PACKAGE),
            "answerXml": P1_ANSWERS,
            "assembleImmediately": True,
            "completeAssemblySession": False,
            "isPrivateToOwner": True,
        },
        200,
        {"id": str(ITEM), "name": "ExampleCorp contract renewal"},
    ),
    "getWorkItem": (
        lambda c: get_work_item.sync_detailed(ITEM, client=c),
        "GET",
        f"/v1.1/WorkItems/{ITEM}",
        None,
        200,
        {"id": str(ITEM), "name": "x"},
    ),
    "beginAssemblySession": (
        lambda c: begin_assembly_session.sync_detailed(
            ITEM,
            VERSION,
            client=c,
            body=BeginAssemblySessionRequest(answer_xml=P1_ANSWERS, force_create=True),
        ),
        "PUT",
        f"/v1.1/WorkItems/{ITEM}/Versions/{VERSION}",
        {"answerXml": P1_ANSWERS, "forceCreate": True},
        200,
        {
            "hdaSessionId": str(VERSION),
            "coreSessionId": str(ITEM),
            "interviewJsUrl": "https://x/interview.js",
        },
    ),
    "saveAssemblySession": (
        lambda c: save_assembly_session.sync_detailed(
            ITEM, client=c, body=SaveAssemblySessionRequest()
        ),
        "PUT",
        f"/v1.1/WorkItems/{ITEM}/Versions/Active/SaveSession",
        {},
        200,
        None,
    ),
    "completeAssemblySession": (
        lambda c: complete_assembly_session.sync_detailed(
            ITEM, client=c, body=CompleteAssemblySessionRequest(run_assembly=True)
        ),
        "PUT",
        f"/v1.1/WorkItems/{ITEM}/Versions/Active/CompleteSession",
        {"runAssembly": True},
        200,
        None,
    ),
    # Documents (issue 14)
    "listDocuments": (
        lambda c: list_documents.sync_detailed(ITEM, client=c),
        "GET",
        f"/v1.1/WorkItems/{ITEM}/Documents",
        None,
        200,
        [{"id": str(DOCUMENT), "fileName": "Contract renewal.docx"}],
    ),
    "getDocument": (
        lambda c: get_document.sync_detailed(ITEM, DOCUMENT, client=c),
        "GET",
        f"/v1.1/WorkItems/{ITEM}/Documents/{DOCUMENT}",
        None,
        200,
        {"id": str(DOCUMENT), "fileName": "Contract renewal.docx", "size": 12},
    ),
    "getDocumentContent": (
        lambda c: get_document_content.sync_detailed(ITEM, DOCUMENT, client=c),
        "GET",
        f"/v1.1/WorkItems/{ITEM}/Documents/{DOCUMENT}/Content",
        None,
        200,
        None,
    ),
    "saveAndCloseVersion": (
        lambda c: save_and_close_version.sync_detailed(
            ITEM,
            VERSION,
            client=c,
            body=SaveAndCloseVersionRequest(
                callback_url="https://example.invalid/cb", callback_secret="s3cret"
            ),
        ),
        "PUT",
        f"/v2.0/WorkItems/{ITEM}/Versions/{VERSION}/SaveAndClose",
        {"callbackUrl": "https://example.invalid/cb", "callbackSecret": "s3cret"},
        202,
        {"status": "Saving"},
    ),
    "getVersionStatus": (
        lambda c: get_version_status.sync_detailed(ITEM, VERSION, client=c),
        "GET",
        f"/v2.0/WorkItems/{ITEM}/Versions/{VERSION}/Status",
        None,
        200,
        {"status": "Saved"},
    ),
    # v2.0 versions (issue 14)
    "createVersion": (
        lambda c: create_version.sync_detailed(
            ITEM,
            VERSION,
            client=c,
            body=CreateVersionRequest(answer_xml=P1_ANSWERS, force_create=False),
        ),
        "PUT",
        f"/v2.0/WorkItems/{ITEM}/Versions/{VERSION}",
        {"answerXml": P1_ANSWERS, "forceCreate": False},
        200,
        {"status": "InProgress"},
    ),
    "completeVersion": (
        lambda c: complete_version.sync_detailed(
            ITEM,
            VERSION,
            client=c,
            body=CompleteVersionRequest(
                callback_url="https://example.invalid/cb", callback_secret="s3cret"
            ),
        ),
        "PUT",
        f"/v2.0/WorkItems/{ITEM}/Versions/{VERSION}/Complete",
        {"callbackUrl": "https://example.invalid/cb", "callbackSecret": "s3cret"},
        202,
        {"status": "Completing"},
    ),
    "createAndAssembleVersion": (
        lambda c: create_and_assemble_version.sync_detailed(
            ITEM, VERSION, client=c, body=CreateAndAssembleVersionRequest(answer_xml=P1_ANSWERS)
        ),
        "PUT",
        f"/v2.0/WorkItems/{ITEM}/Versions/{VERSION}/CreateAndAssemble",
        {"answerXml": P1_ANSWERS},
        200,
        {"status": "Completed"},
    ),
    "createPublicInterviewLink": (
        lambda c: create_public_interview_link.sync_detailed(
            ITEM,
            client=c,
            body=PublicInterviewLinkRequest(
                name="Onboarding Link",
                template_package_id=PACKAGE,
                work_group_id=GROUP,
                is_active=True,
            ),
        ),
        "PUT",
        f"/v1.1/PublicInterviewLinks/{ITEM}",
        {
            "name": "Onboarding Link",
            "templatePackageId": str(PACKAGE),
            "workGroupId": str(GROUP),
            "isActive": True,
        },
        204,
        None,
    ),
    "getPublicInterviewLink": (
        lambda c: get_public_interview_link.sync_detailed(ITEM, client=c),
        "GET",
        f"/v1.1/PublicInterviewLinks/{ITEM}",
        None,
        200,
        {"id": str(ITEM), "name": "Onboarding Link"},
    ),
    "deletePublicInterviewLink": (
        lambda c: delete_public_interview_link.sync_detailed(ITEM, client=c),
        "DELETE",
        f"/v1.1/PublicInterviewLinks/{ITEM}",
        None,
        204,
        None,
    ),
}


@pytest.mark.parametrize("operation", sorted(CASES))
def test_operation_sends_documented_request(operation: str) -> None:
    """Each operation sends its documented method, path, bearer token and JSON keys."""
    call, method, path, body, status, answer = CASES[operation]
    with respx.mock(assert_all_called=True) as mock:
        route = mock.route(method=method, url=f"{BASE}{path}").mock(
            return_value=httpx.Response(status, json=answer)
            if answer is not None
            else httpx.Response(status)
        )
        client = AuthenticatedClient(base_url=BASE, token="tok")
        response = call(client)
    assert response.status_code == status
    request = route.calls.last.request
    assert request.headers["Authorization"] == "Bearer tok"
    if body is None:
        assert request.content == b""
    else:
        assert json.loads(request.content) == body


def test_service_principal_login_posts_documented_body_to_the_auth_host() -> None:
    """ServicePrincipalLogIn posts ClientName, PrincipalName and PrincipalPassword and reads text."""
    with respx.mock(assert_all_called=True) as mock:
        route = mock.post(f"{AUTH}/Authorize/ServicePrincipalLogIn").mock(
            return_value=httpx.Response(200, text="the-token")
        )
        response = service_principal_log_in.sync_detailed(
            client=Client(base_url=AUTH),
            body=ServicePrincipalLogInRequest(
                client_name="c", principal_name="p", principal_password="pw"
            ),
        )
    assert response.parsed == "the-token"
    assert json.loads(route.calls.last.request.content) == {
        "ClientName": "c",
        "PrincipalName": "p",
        "PrincipalPassword": "pw",
    }


def test_every_spec_operation_is_covered() -> None:
    """The table above names every operationId in the spec, so a new operation needs a test."""
    spec = yaml.safe_load((ROOT / "spec" / "hotdocs-advance.openapi.yaml").read_text())
    operation_ids = {
        op["operationId"]
        for item in spec["paths"].values()
        for verb, op in item.items()
        if verb in {"get", "put", "post", "delete", "patch"}
    }
    assert operation_ids == {*CASES, "servicePrincipalLogIn"}
