"""AdvanceClient and AsyncAdvanceClient on the wire (respx): requests, results, errors, retries."""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import inspect
import json
import logging
import ssl
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import respx
from hotdocs_advance import (
    DEFAULT_TIMEOUT,
    AdvanceClient,
    AdvanceError,
    AnswerSet,
    AnswerSetError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AssemblySession,
    AsyncAdvanceClient,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InsecureTransportWarning,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    PublicInterviewLink,
    RateLimitError,
    SaveAndCloseResult,
    ServicePrincipal,
    VersionStatus,
    WorkItem,
)

from tests.clock import record_sleeps

BASE = "https://tenancy1.hotdocsadvance.com/api/rest"
TOKEN = "tok-1234567890"  # tokens are long; short secrets are masked at known places only
WORK_ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
VERSION = "7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f"
GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
HDA_SESSION = "11111111-2222-3333-4444-555555555555"
CORE_SESSION = "66666666-7777-8888-9999-000000000000"
P1_ANSWER_XML = (
    "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'>"
    "<TextValue>ExampleCorp</TextValue></Answer></AnswerSet>"
)
# Primary P1's example request JSON, with the braces the page drops.
P1_BODY = {
    "name": "ExampleCorp contract renewal",
    "description": "Updating the contract for ExampleCorp.",
    "workGroupId": GROUP,
    "templatePackageId": PACKAGE,
    "answerXml": P1_ANSWER_XML,
    "assembleImmediately": True,
    "completeAssemblySession": False,
    "isPrivateToOwner": True,
}
# Primary P5's example request JSON.
P5_BODY = {
    "name": "Onboarding Link",
    "templatePackageId": PACKAGE,
    "workGroupId": GROUP,
    "isActive": True,
}


@dataclasses.dataclass(frozen=True)
class Case:
    """One operation: the call, the request it must send, the answer and the result."""

    id: str
    method: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    verb: str
    path: str
    body: object
    status: int
    reply: object
    result: object


CASES = [
    Case(
        "create_work_item-p1",
        "create_work_item",
        (),
        {
            "name": "ExampleCorp contract renewal",
            "description": "Updating the contract for ExampleCorp.",
            "work_group_id": GROUP,
            "template_package_id": uuid.UUID(PACKAGE),
            "answers": P1_ANSWER_XML,
            "assemble_immediately": True,
            "complete_assembly_session": False,
            "is_private_to_owner": True,
            "work_item_id": WORK_ITEM,
        },
        "PUT",
        f"/v1.1/WorkItems/{WORK_ITEM}",
        P1_BODY,
        200,
        None,
        uuid.UUID(WORK_ITEM),
    ),
    Case(
        "create_work_item-minimal",
        "create_work_item",
        (),
        {
            "name": "n",
            "work_group_id": GROUP,
            "template_package_id": PACKAGE,
            "work_item_id": WORK_ITEM,
        },
        "PUT",
        f"/v1.1/WorkItems/{WORK_ITEM}",
        {"name": "n", "workGroupId": GROUP, "templatePackageId": PACKAGE},
        200,
        {"id": WORK_ITEM, "name": "n"},
        uuid.UUID(WORK_ITEM),
    ),
    Case(
        "get_work_item",
        "get_work_item",
        (WORK_ITEM,),
        {},
        "GET",
        f"/v1.1/WorkItems/{WORK_ITEM}",
        None,
        200,
        {"id": WORK_ITEM, "name": "n", "workGroupId": GROUP, "status": "New", "owner": "ann"},
        WorkItem(
            id=uuid.UUID(WORK_ITEM),
            name="n",
            description=None,
            work_group_id=uuid.UUID(GROUP),
            template_package_id=None,
            is_private_to_owner=None,
            status="New",
            extra={"owner": "ann"},
        ),
    ),
    Case(
        "begin_assembly_session",
        "begin_assembly_session",
        (WORK_ITEM,),
        {"version_id": VERSION, "answers": P1_ANSWER_XML, "force_create": True},
        "PUT",
        f"/v1.1/WorkItems/{WORK_ITEM}/Versions/{VERSION}",
        {"answerXml": P1_ANSWER_XML, "forceCreate": True},
        200,
        {
            "hdaSessionId": HDA_SESSION,
            "coreSessionId": CORE_SESSION,
            "interviewJsUrl": "https://x/i.js",
        },
        AssemblySession(
            version_id=uuid.UUID(VERSION),
            hda_session_id=uuid.UUID(HDA_SESSION),
            core_session_id=uuid.UUID(CORE_SESSION),
            interview_js_url="https://x/i.js",
        ),
    ),
    Case(
        "save_assembly_session",
        "save_assembly_session",
        (WORK_ITEM,),
        {},
        "PUT",
        f"/v1.1/WorkItems/{WORK_ITEM}/Versions/Active/SaveSession",
        {},
        200,
        None,
        None,
    ),
    Case(
        "complete_assembly_session-p2",
        "complete_assembly_session",
        (WORK_ITEM,),
        {},
        "PUT",
        f"/v1.1/WorkItems/{WORK_ITEM}/Versions/Active/CompleteSession",
        {"runAssembly": True},
        200,
        None,
        None,
    ),
    Case(
        "complete_assembly_session-no-assembly",
        "complete_assembly_session",
        (uuid.UUID(WORK_ITEM),),
        {"run_assembly": False},
        "PUT",
        f"/v1.1/WorkItems/{WORK_ITEM}/Versions/Active/CompleteSession",
        {"runAssembly": False},
        200,
        None,
        None,
    ),
    Case(
        "save_and_close-p3-accepted",
        "save_and_close",
        (WORK_ITEM, "{" + VERSION + "}"),
        {"callback_url": "https://example.com/cb?x=1", "callback_secret": "cb-secret"},
        "PUT",
        f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose",
        {"callbackUrl": "https://example.com/cb?x=1", "callbackSecret": "cb-secret"},
        202,
        {"status": "Saving"},
        SaveAndCloseResult(accepted=True, status="Saving"),
    ),
    Case(
        "save_and_close-finished",
        "save_and_close",
        (WORK_ITEM, VERSION),
        {},
        "PUT",
        f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose",
        {},
        200,
        {"status": "Saved"},
        SaveAndCloseResult(accepted=False, status="Saved"),
    ),
    Case(
        "save_and_close-accepted-without-body",
        "save_and_close",
        (WORK_ITEM, VERSION),
        {},
        "PUT",
        f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose",
        {},
        202,
        None,
        SaveAndCloseResult(accepted=True, status=None),
    ),
    Case(
        "get_version_status",
        "get_version_status",
        (WORK_ITEM, VERSION),
        {},
        "GET",
        f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/Status",
        None,
        200,
        {"status": "Completed"},
        VersionStatus(status="Completed"),
    ),
    Case(
        "create_public_interview_link-p5",
        "create_public_interview_link",
        (),
        {
            "name": "Onboarding Link",
            "template_package_id": PACKAGE,
            "work_group_id": GROUP,
            "link_id": WORK_ITEM,
        },
        "PUT",
        f"/v1.1/PublicInterviewLinks/{WORK_ITEM}",
        P5_BODY,
        204,
        None,
        uuid.UUID(WORK_ITEM),
    ),
    Case(
        "get_public_interview_link",
        "get_public_interview_link",
        (WORK_ITEM,),
        {},
        "GET",
        f"/v1.1/PublicInterviewLinks/{WORK_ITEM}",
        None,
        200,
        {
            "id": WORK_ITEM,
            "name": "Onboarding Link",
            "templatePackageId": PACKAGE,
            "workGroupId": GROUP,
            "isActive": False,
        },
        PublicInterviewLink(
            id=uuid.UUID(WORK_ITEM),
            name="Onboarding Link",
            template_package_id=uuid.UUID(PACKAGE),
            work_group_id=uuid.UUID(GROUP),
            is_active=False,
        ),
    ),
    Case(
        "delete_public_interview_link",
        "delete_public_interview_link",
        (WORK_ITEM,),
        {},
        "DELETE",
        f"/v1.1/PublicInterviewLinks/{WORK_ITEM}",
        None,
        204,
        None,
        None,
    ),
]
OPERATIONS = sorted({case.method for case in CASES})


def reply(
    status: int, body: object = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    if body is None:
        return httpx.Response(status, headers=headers)
    return httpx.Response(status, json=body, headers=headers)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def router() -> Iterator[respx.Router]:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """A fake clock: every wait between attempts is recorded instead of slept."""
    return record_sleeps(monkeypatch)


@pytest.fixture
def client() -> Iterator[AdvanceClient]:
    with AdvanceClient(BASE, auth=TOKEN) as advance:
        yield advance


def check_request(request: httpx.Request, case: Case) -> None:
    assert request.method == case.verb
    assert request.url == httpx.URL(BASE + case.path)
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    if case.body is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == case.body


# --- Every method on the wire, sync and async ----------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_method_sends_the_documented_request_and_returns_a_typed_result(
    router: respx.Router, client: AdvanceClient, case: Case
) -> None:
    """Each sync method sends the documented verb, path and JSON, and returns its typed result."""
    route = router.request(case.verb, case.path).mock(return_value=reply(case.status, case.reply))
    result = getattr(client, case.method)(*case.args, **case.kwargs)
    assert route.call_count == 1
    check_request(route.calls.last.request, case)
    assert result == case.result


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_each_async_method_sends_the_documented_request_and_returns_a_typed_result(
    router: respx.Router, case: Case
) -> None:
    """Each async method sends the same request as the sync one and returns the same result."""
    route = router.request(case.verb, case.path).mock(return_value=reply(case.status, case.reply))
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        result = await getattr(client, case.method)(*case.args, **case.kwargs)
    assert route.call_count == 1
    check_request(route.calls.last.request, case)
    assert result == case.result


def test_both_clients_have_the_same_operations() -> None:
    """AdvanceClient and AsyncAdvanceClient expose the same public names and parameters."""

    def surface(cls: type) -> dict[str, list[str]]:
        return {
            name: list(inspect.signature(member).parameters)
            for name, member in inspect.getmembers(cls, callable)
            if not name.startswith("_") and name not in {"close", "aclose"}
        }

    assert surface(AdvanceClient) == surface(AsyncAdvanceClient)
    assert set(OPERATIONS) <= set(surface(AdvanceClient))


def test_create_work_item_generates_a_new_id_when_none_is_given(
    router: respx.Router, client: AdvanceClient
) -> None:
    """Without work_item_id a fresh GUID is generated, used in the path and returned."""
    route = router.put(path__regex=r"/v1.1/WorkItems/[^/]+$").mock(return_value=reply(200))
    first = client.create_work_item(name="a", work_group_id=GROUP, template_package_id=PACKAGE)
    second = client.create_work_item(name="b", work_group_id=GROUP, template_package_id=PACKAGE)
    assert first != second
    assert [call.request.url.path for call in route.calls] == [
        f"/api/rest/v1.1/WorkItems/{first}",
        f"/api/rest/v1.1/WorkItems/{second}",
    ]


def test_create_work_item_sends_an_answer_set_as_xml(
    router: respx.Router, client: AdvanceClient
) -> None:
    """An AnswerSet is sent as its to_xml() in answerXml."""
    route = router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(200))
    answers = AnswerSet()
    answers["CompanyName"] = "ExampleCorp"
    answers["Start"] = datetime.date(2024, 1, 31)
    client.create_work_item(
        name="n",
        work_group_id=GROUP,
        template_package_id=PACKAGE,
        answers=answers,
        work_item_id=WORK_ITEM,
    )
    assert json.loads(route.calls.last.request.content)["answerXml"] == answers.to_xml()


def test_begin_assembly_session_generates_a_version_id(
    router: respx.Router, client: AdvanceClient
) -> None:
    """Without version_id a new GUID is made, sent in the path and returned in the session."""
    route = router.put(path__regex=rf"/v1.1/WorkItems/{WORK_ITEM}/Versions/[^/]+$").mock(
        return_value=reply(
            200, {"hdaSessionId": HDA_SESSION, "coreSessionId": CORE_SESSION, "interviewJsUrl": "u"}
        )
    )
    session = client.begin_assembly_session(WORK_ITEM)
    assert route.calls.last.request.url.path.endswith(f"/Versions/{session.version_id}")
    assert json.loads(route.calls.last.request.content) == {"forceCreate": False}


def test_version_status_tells_whether_it_is_final() -> None:
    """Saved, Completed and PostProcessingFailed are final; Saving and unknown ones are not."""
    assert VersionStatus("Saved").is_final
    assert VersionStatus("PostProcessingFailed").is_final
    assert not VersionStatus("Saving").is_final
    assert not VersionStatus("SomethingNew").is_final


# --- Arguments are checked before anything is sent ------------------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "argument"),
    [
        (
            "create_work_item",
            {"name": " ", "work_group_id": GROUP, "template_package_id": PACKAGE},
            "name",
        ),
        (
            "create_work_item",
            {"name": 5, "work_group_id": GROUP, "template_package_id": PACKAGE},
            "name",
        ),
        (
            "create_work_item",
            {"name": "n", "work_group_id": "nope", "template_package_id": PACKAGE},
            "work_group_id",
        ),
        (
            "create_work_item",
            {"name": "n", "work_group_id": GROUP, "template_package_id": 7},
            "template_package_id",
        ),
        (
            "create_work_item",
            {
                "name": "n",
                "work_group_id": GROUP,
                "template_package_id": PACKAGE,
                "work_item_id": str(uuid.UUID(int=0)),
            },
            "work_item_id",
        ),
        (
            "create_work_item",
            {
                "name": "n",
                "work_group_id": GROUP,
                "template_package_id": PACKAGE,
                "description": "",
            },
            "description",
        ),
        (
            "create_work_item",
            {
                "name": "n",
                "work_group_id": GROUP,
                "template_package_id": PACKAGE,
                "assemble_immediately": "yes",
            },
            "assemble_immediately",
        ),
        (
            "create_work_item",
            {"name": "n\ud800", "work_group_id": GROUP, "template_package_id": PACKAGE},
            "name",
        ),
        (
            "create_work_item",
            {"name": "n", "work_group_id": GROUP, "template_package_id": PACKAGE, "answers": 5},
            "answers",
        ),
        ("get_work_item", {"work_item_id": "123"}, "work_item_id"),
        ("begin_assembly_session", {"work_item_id": WORK_ITEM, "version_id": "x"}, "version_id"),
        ("begin_assembly_session", {"work_item_id": WORK_ITEM, "force_create": 1}, "force_create"),
        (
            "complete_assembly_session",
            {"work_item_id": WORK_ITEM, "run_assembly": None},
            "run_assembly",
        ),
        (
            "save_and_close",
            {"work_item_id": WORK_ITEM, "version_id": VERSION, "callback_url": "ftp://host/x"},
            "callback_url",
        ),
        (
            "save_and_close",
            {"work_item_id": WORK_ITEM, "version_id": VERSION, "callback_url": "https:///path"},
            "callback_url",
        ),
        (
            "save_and_close",
            {"work_item_id": WORK_ITEM, "version_id": VERSION, "callback_url": "not a url"},
            "callback_url",
        ),
        (
            "save_and_close",
            {"work_item_id": WORK_ITEM, "version_id": VERSION, "callback_secret": "s"},
            "callback_secret",
        ),
        ("get_version_status", {"work_item_id": WORK_ITEM, "version_id": None}, "version_id"),
        (
            "create_public_interview_link",
            {"name": "", "template_package_id": PACKAGE, "work_group_id": GROUP},
            "name",
        ),
        (
            "create_public_interview_link",
            {
                "name": "n",
                "template_package_id": PACKAGE,
                "work_group_id": GROUP,
                "is_active": "true",
            },
            "is_active",
        ),
        ("get_public_interview_link", {"link_id": "{not-a-guid}"}, "link_id"),
        ("delete_public_interview_link", {"link_id": b"x"}, "link_id"),
    ],
)
def test_bad_arguments_raise_before_anything_is_sent(
    router: respx.Router, client: AdvanceClient, method: str, kwargs: dict[str, Any], argument: str
) -> None:
    """A wrong argument raises InvalidArgumentError naming it, and no request is sent."""
    route = router.route().mock(return_value=reply(200))
    with pytest.raises(InvalidArgumentError) as caught:
        getattr(client, method)(**kwargs)
    assert caught.value.argument == argument
    assert str(caught.value).startswith(f"{argument}: ")
    assert isinstance(caught.value, ValueError)
    assert not route.called


@pytest.mark.parametrize(
    "guid",
    [WORK_ITEM.upper(), "{" + WORK_ITEM + "}", WORK_ITEM.replace("-", ""), uuid.UUID(WORK_ITEM)],
)
def test_guids_are_accepted_in_every_net_format(
    router: respx.Router, client: AdvanceClient, guid: object
) -> None:
    """UUIDs and GUID strings (upper case, braced, without hyphens) are sent in canonical form."""
    route = router.delete(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(return_value=reply(204))
    client.delete_public_interview_link(guid)  # type: ignore[arg-type]
    assert route.called


@pytest.mark.parametrize(
    "answers",
    [
        "<AnswerSet><Answer name='A'><NumValue>1,5</NumValue></Answer></AnswerSet>",
        "<AnswerSet>",
        '<!DOCTYPE a [<!ENTITY x "y">]><AnswerSet/>',
    ],
)
def test_invalid_answer_xml_is_refused_before_sending(
    router: respx.Router, client: AdvanceClient, answers: str
) -> None:
    """Answer XML that fails the schema or is not well-formed raises AnswerSetError; nothing is sent."""
    route = router.route().mock(return_value=reply(200))
    with pytest.raises(AnswerSetError, match=r"^answers: "):
        client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, answers=answers
        )
    assert not route.called


@pytest.mark.anyio
async def test_async_client_checks_arguments_before_sending(router: respx.Router) -> None:
    """The async client refuses a bad GUID with InvalidArgumentError and sends nothing."""
    route = router.route().mock(return_value=reply(200))
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        with pytest.raises(InvalidArgumentError, match="work_item_id"):
            await client.get_work_item("nope")
    assert not route.called


# --- Construction ---------------------------------------------------------------------------------


def test_cloud_and_on_premise_build_the_documented_base_urls() -> None:
    """cloud() and on_premise() give the reference's base URLs."""
    assert AdvanceClient.cloud("tenancy1", auth=TOKEN).base_url == BASE
    on_premise = AdvanceClient.on_premise("tenancy1", "YourOrganization.com", auth=TOKEN)
    assert on_premise.base_url == "https://tenancy1.yourorganization.com/HdaApi/rest"


@pytest.mark.parametrize(
    ("make", "argument"),
    [
        (lambda: AdvanceClient("ftp://x/api/rest", auth=TOKEN), "base_url"),
        (lambda: AdvanceClient(f"{BASE}/v1.1", auth=TOKEN), "base_url"),
        (lambda: AdvanceClient(f"{BASE}?x=1", auth=TOKEN), "base_url"),
        (lambda: AdvanceClient(BASE, auth=""), "auth"),
        (lambda: AdvanceClient(BASE, auth="Bearer x y"), "auth"),
        (lambda: AdvanceClient(BASE, auth=5), "auth"),  # type: ignore[arg-type]
        (lambda: AdvanceClient(BASE, auth=TOKEN, max_retries=-1), "max_retries"),
        (lambda: AdvanceClient(BASE, auth=TOKEN, max_retries=True), "max_retries"),
        (lambda: AdvanceClient(BASE, auth=TOKEN, timeout=0), "timeout"),
        (lambda: AdvanceClient(BASE, auth=TOKEN, timeout=float("nan")), "timeout"),
        (lambda: AdvanceClient(BASE, auth=TOKEN, http_client=httpx.AsyncClient()), "http_client"),  # type: ignore[arg-type]
        (lambda: AsyncAdvanceClient(BASE, auth=TOKEN, http_client=httpx.Client()), "http_client"),  # type: ignore[arg-type]
        (lambda: AdvanceClient.cloud("bad_tenancy", auth=TOKEN), "tenancy"),
        (lambda: AdvanceClient.on_premise("t", "exa mple.com", auth=TOKEN), "domain"),
    ],
)
def test_bad_client_settings_are_refused(make: Callable[[], object], argument: str) -> None:
    """Wrong constructor arguments raise InvalidArgumentError naming them."""
    with pytest.raises(InvalidArgumentError) as caught:
        make()
    assert caught.value.argument == argument


def test_default_timeout_is_applied_to_every_request(
    router: respx.Router, client: AdvanceClient
) -> None:
    """Requests carry the default timeout: 30 s to read/write, 10 s to connect."""
    route = router.get(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(return_value=reply(200, {}))
    client.get_public_interview_link(WORK_ITEM)
    assert client.timeout == DEFAULT_TIMEOUT
    assert route.calls.last.request.extensions["timeout"] == {
        "connect": 10.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 30.0,
    }


def test_with_options_changes_a_copy_and_shares_the_pool(
    router: respx.Router, client: AdvanceClient
) -> None:
    """with_options returns a copy with its own timeout and retries, using the same httpx client."""
    route = router.get(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(return_value=reply(200, {}))
    quick = client.with_options(timeout=2.5, max_retries=0)
    quick.get_public_interview_link(WORK_ITEM)
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.5
    assert (quick.max_retries, client.max_retries) == (0, 2)
    assert client.timeout == DEFAULT_TIMEOUT
    assert quick._http is client._http


def test_closing_closes_an_owned_pool_but_not_a_given_one() -> None:
    """close() closes the client's own httpx client and leaves one passed in open."""
    given = httpx.Client()
    with AdvanceClient(BASE, auth=TOKEN, http_client=given):
        pass
    assert not given.is_closed
    given.close()
    owned = AdvanceClient(BASE, auth=TOKEN)
    owned.close()
    assert owned._http.is_closed


@pytest.mark.anyio
async def test_async_closing_closes_an_owned_pool_but_not_a_given_one() -> None:
    """aclose() closes the async client's own pool and leaves one passed in open."""
    given = httpx.AsyncClient()
    async with AsyncAdvanceClient(BASE, auth=TOKEN, http_client=given):
        pass
    assert not given.is_closed
    await given.aclose()
    owned = AsyncAdvanceClient(BASE, auth=TOKEN)
    await owned.aclose()
    assert owned._http.is_closed


def test_a_given_http_client_is_used_for_requests() -> None:
    """Requests go through the httpx client passed in (here a MockTransport)."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with httpx.Client(transport=httpx.MockTransport(handler)) as http:
        AdvanceClient(BASE, auth=TOKEN, http_client=http).delete_public_interview_link(WORK_ITEM)
    assert [request.url.path for request in seen] == [
        f"/api/rest/v1.1/PublicInterviewLinks/{WORK_ITEM}"
    ]


def test_client_repr_shows_no_token() -> None:
    """repr() of a client names its base URL and retries, never the token."""
    text = repr(AdvanceClient(BASE, auth=TOKEN))
    assert text == f"AdvanceClient(base_url='{BASE}', max_retries=2)"
    assert TOKEN not in text


# --- Errors per status -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_error_statuses_raise_their_exception(
    router: respx.Router, client: AdvanceClient, status: int, error: type[APIStatusError]
) -> None:
    """Each error status raises its class with status, body, method and URL, without retrying."""
    problem = {"title": "Nope", "detail": f"status {status}"}
    route = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(status, problem))
    with pytest.raises(error) as caught:
        client.get_work_item(WORK_ITEM)
    assert type(caught.value) is error
    assert caught.value.status_code == status
    assert caught.value.body == problem
    assert caught.value.method == "GET"
    assert caught.value.url == f"{BASE}/v1.1/WorkItems/{WORK_ITEM}"
    assert f"status {status}" in str(caught.value)
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (599, InternalServerError),
    ],
)
def test_retryable_statuses_raise_their_exception_after_the_retries(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    status: int,
    error: type[APIStatusError],
) -> None:
    """429 and 5xx are tried three times in all, then raise their class."""
    route = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(status))
    with pytest.raises(error) as caught:
        client.get_work_item(WORK_ITEM)
    assert type(caught.value) is error
    assert route.call_count == 3
    assert len(sleeps) == 2


@pytest.mark.anyio
@pytest.mark.parametrize(("status", "error"), [(404, NotFoundError), (503, InternalServerError)])
async def test_async_error_statuses_raise_their_exception(
    router: respx.Router, sleeps: list[float], status: int, error: type[APIStatusError]
) -> None:
    """The async client raises the same classes for the same statuses."""
    router.delete(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(return_value=reply(status))
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        with pytest.raises(error):
            await client.delete_public_interview_link(WORK_ITEM)


def test_a_non_json_error_body_is_kept_as_text(router: respx.Router, client: AdvanceClient) -> None:
    """A proxy's HTML 400 gives BadRequestError with the text as body, not a JSON error."""
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(400, text="<html>bad</html>")
    )
    with pytest.raises(BadRequestError) as caught:
        client.get_work_item(WORK_ITEM)
    assert caught.value.body == "<html>bad</html>"


@pytest.mark.parametrize(
    ("method", "args", "path", "response"),
    [
        (
            "get_work_item",
            (WORK_ITEM,),
            f"/v1.1/WorkItems/{WORK_ITEM}",
            httpx.Response(200, text="not json"),
        ),
        (
            "get_work_item",
            (WORK_ITEM,),
            f"/v1.1/WorkItems/{WORK_ITEM}",
            httpx.Response(200, json=[1]),
        ),
        (
            "get_work_item",
            (WORK_ITEM,),
            f"/v1.1/WorkItems/{WORK_ITEM}",
            httpx.Response(200, json={"id": "x"}),
        ),
        (
            "get_work_item",
            (WORK_ITEM,),
            f"/v1.1/WorkItems/{WORK_ITEM}",
            httpx.Response(200, json={"name": 5}),
        ),
        (
            "get_version_status",
            (WORK_ITEM, VERSION),
            f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/Status",
            httpx.Response(200, json={}),
        ),
        (
            "begin_assembly_session",
            (WORK_ITEM,),
            None,
            httpx.Response(200, json={"hdaSessionId": HDA_SESSION}),
        ),
        (
            "save_and_close",
            (WORK_ITEM, VERSION),
            f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose",
            httpx.Response(202, json={"status": 1}),
        ),
    ],
)
def test_malformed_success_bodies_raise_response_validation_error(
    router: respx.Router,
    client: AdvanceClient,
    method: str,
    args: tuple[Any, ...],
    path: str | None,
    response: httpx.Response,
) -> None:
    """A 2xx body without the documented shape raises APIResponseValidationError."""
    if path is None:
        router.put(path__regex=r"/Versions/").mock(return_value=response)
    else:
        router.route(path=path).mock(return_value=response)
    with pytest.raises(APIResponseValidationError) as caught:
        getattr(client, method)(*args)
    assert caught.value.status_code == response.status_code


# --- Retries on a fake clock ----------------------------------------------------------------------


def test_transient_failures_are_retried_with_growing_backoff(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """503, then 502, then 200: three attempts, waits within the backoff bounds, no real sleep."""
    route = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(503), reply(502), reply(200, {"name": "n"})]
    )
    assert client.get_work_item(WORK_ITEM).name == "n"
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert 0.5 <= sleeps[0] <= 1.0
    assert 1.0 <= sleeps[1] <= 1.5


@pytest.mark.parametrize(
    ("header", "expected"),
    [("7", 7.0), ("0.25", 0.25), ("1.5", 1.5), ("3600", 60.0)],
)
def test_retry_after_seconds_are_honoured_and_capped(
    router: respx.Router, client: AdvanceClient, sleeps: list[float], header: str, expected: float
) -> None:
    """A 429's Retry-After in seconds sets the wait, capped at 60 s."""
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(429, headers={"Retry-After": header}), reply(200, {})]
    )
    client.get_work_item(WORK_ITEM)
    assert sleeps == [expected]


@pytest.mark.parametrize("header", ["-5", "soon", "nan", ""])
def test_an_unusable_retry_after_falls_back_to_the_backoff(
    router: respx.Router, client: AdvanceClient, sleeps: list[float], header: str
) -> None:
    """A negative or unreadable Retry-After is ignored: the first backoff (0.5 s + jitter) runs."""
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(429, headers={"Retry-After": header}), reply(200, {})]
    )
    client.get_work_item(WORK_ITEM)
    assert len(sleeps) == 1
    assert 0.5 <= sleeps[0] <= 1.0


def test_retry_after_as_an_http_date_is_honoured(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A Retry-After HTTP date 30 s ahead gives a wait of about 30 s."""
    when = email.utils.format_datetime(
        datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=30), usegmt=True
    )
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(503, headers={"Retry-After": when}), reply(200, {})]
    )
    client.get_work_item(WORK_ITEM)
    assert 25 <= sleeps[0] <= 30


def test_an_unreadable_retry_after_falls_back_to_backoff(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A Retry-After that is neither seconds nor a date is ignored in favour of backoff."""
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(503, headers={"Retry-After": "soon"}), reply(200, {})]
    )
    client.get_work_item(WORK_ITEM)
    assert 0.5 <= sleeps[0] <= 1.0


@pytest.mark.parametrize(
    ("exception", "error"),
    [
        (httpx.ConnectError("refused"), APIConnectionError),
        (httpx.ReadTimeout("slow"), APITimeoutError),
        (httpx.RemoteProtocolError("dropped"), APIConnectionError),
    ],
)
def test_connection_errors_and_timeouts_are_retried_then_translated(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    exception: Exception,
    error: type[AdvanceError],
) -> None:
    """Transport failures are retried twice, then raised as our class from (a masked copy
    of) the httpx error."""
    route = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=exception)
    with pytest.raises(error) as caught:
        client.get_work_item(WORK_ITEM)
    assert route.call_count == 3
    assert len(sleeps) == 2
    cause = caught.value.__cause__
    assert type(cause) is type(exception)
    assert cause is not exception
    assert str(cause) == str(exception)
    assert isinstance(caught.value, APIConnectionError)


def test_408_is_retried(router: respx.Router, client: AdvanceClient, sleeps: list[float]) -> None:
    """A 408 Request Timeout is retried."""
    route = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(408), reply(200, {})]
    )
    client.get_work_item(WORK_ITEM)
    assert route.call_count == 2


def test_retries_can_be_turned_off_per_client_and_per_call(
    router: respx.Router, sleeps: list[float]
) -> None:
    """max_retries=0 on the client, or on one call through with_options, means one attempt."""
    route = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(503))
    with (
        AdvanceClient(BASE, auth=TOKEN, max_retries=0) as client,
        pytest.raises(InternalServerError),
    ):
        client.get_work_item(WORK_ITEM)
    assert route.call_count == 1
    with AdvanceClient(BASE, auth=TOKEN) as client:
        with pytest.raises(InternalServerError):
            client.with_options(max_retries=0).get_work_item(WORK_ITEM)
        assert route.call_count == 2
        with pytest.raises(InternalServerError):
            client.with_options(max_retries=4).get_work_item(WORK_ITEM)
    assert route.call_count == 7
    assert len(sleeps) == 4


@pytest.mark.anyio
async def test_async_retries_use_the_fake_clock_and_honour_retry_after(
    router: respx.Router, sleeps: list[float]
) -> None:
    """The async client retries on 429 after the Retry-After delay, through the async sleep."""
    route = router.get(f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/Status").mock(
        side_effect=[
            reply(429, headers={"Retry-After": "2"}),
            httpx.ConnectError("x"),
            reply(200, {"status": "Saved"}),
        ]
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        status = await client.get_version_status(WORK_ITEM, VERSION)
    assert status.is_final
    assert route.call_count == 3
    assert sleeps[0] == 2.0
    assert 1.0 <= sleeps[1] <= 1.5


# --- The lost-response create -----------------------------------------------------------------


@pytest.mark.parametrize("first", [httpx.ReadTimeout("lost"), reply(502)], ids=["timeout", "502"])
def test_a_retried_create_that_finds_its_own_work_item_succeeds(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    first: httpx.Response | Exception,
) -> None:
    """First attempt lost, retry 409, and the work item has our name and ids: success, one item."""
    put = router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=[first, reply(409)])
    get = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=reply(
            200,
            {
                "id": WORK_ITEM.upper(),
                "name": "n",
                "workGroupId": GROUP,
                "templatePackageId": PACKAGE,
            },
        )
    )
    result = client.create_work_item(
        name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=WORK_ITEM
    )
    assert result == uuid.UUID(WORK_ITEM)
    assert (put.call_count, get.call_count) == (2, 1)


@pytest.mark.parametrize(
    "found",
    [
        reply(200, {"name": "someone else's", "workGroupId": GROUP, "templatePackageId": PACKAGE}),
        reply(200, {"name": "n", "workGroupId": PACKAGE, "templatePackageId": PACKAGE}),
        reply(200, {"name": "n"}),
        reply(404),
        httpx.Response(200, text="not json"),
    ],
    ids=["other-name", "other-group", "no-ids", "gone", "garbage"],
)
def test_a_retried_create_that_finds_another_work_item_raises_conflict(
    router: respx.Router, client: AdvanceClient, sleeps: list[float], found: httpx.Response
) -> None:
    """Retry 409 and the existing work item is not ours (or cannot be read): ConflictError."""
    router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=[reply(503), reply(409)])
    get = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=found)
    with pytest.raises(ConflictError):
        client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=WORK_ITEM
        )
    assert get.call_count == 1


def test_a_409_on_the_first_attempt_is_a_plain_conflict(
    router: respx.Router, client: AdvanceClient
) -> None:
    """A 409 on the first attempt raises ConflictError at once, without looking the item up."""
    put = router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=reply(409, {"title": "taken"})
    )
    get = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(200, {}))
    with pytest.raises(ConflictError, match="taken"):
        client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=WORK_ITEM
        )
    assert (put.call_count, get.called) == (1, False)


def test_a_retried_public_link_create_that_finds_its_own_link_succeeds(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """The same lost-response rule holds for public interview links."""
    router.put(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(
        side_effect=[httpx.ConnectError("x"), reply(409)]
    )
    router.get(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(
        return_value=reply(
            200,
            {"name": "L", "workGroupId": GROUP, "templatePackageId": PACKAGE, "isActive": True},
        )
    )
    link = client.create_public_interview_link(
        name="L", template_package_id=PACKAGE, work_group_id=GROUP, link_id=WORK_ITEM
    )
    assert link == uuid.UUID(WORK_ITEM)


def test_other_calls_do_not_treat_a_retried_409_as_success(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """Only creates look the resource up: a retried begin-session 409 stays a ConflictError."""
    router.put(path__regex=r"/Versions/").mock(side_effect=[reply(503), reply(409)])
    with pytest.raises(ConflictError):
        client.begin_assembly_session(WORK_ITEM)


@pytest.mark.anyio
async def test_async_retried_create_checks_the_existing_work_item(
    router: respx.Router, sleeps: list[float]
) -> None:
    """The async client settles a lost-response 409 the same way, and refuses a stranger's item."""
    router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(503), reply(409), reply(503), reply(409)]
    )
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[
            reply(200, {"name": "n", "workGroupId": GROUP, "templatePackageId": PACKAGE}),
            reply(200, {"name": "m", "workGroupId": GROUP, "templatePackageId": PACKAGE}),
        ]
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        created = await client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=WORK_ITEM
        )
        assert created == uuid.UUID(WORK_ITEM)
        with pytest.raises(ConflictError):
            await client.create_work_item(
                name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=WORK_ITEM
            )


# --- Every member a retried create set is compared ------------------------------------------------

# What the server holds after a P1 create (the sandbox's answer), answers in another lexical form.
P1_HELD = {
    "id": WORK_ITEM,
    **P1_BODY,
    "answerXml": (
        '<?xml version="1.0"?>\n<AnswerSet version="1.1" title="">\n  <Answer name="CompanyName">'
        "<TextValue>ExampleCorp</TextValue></Answer>\n</AnswerSet>"
    ),
    "status": "Saved",
}


def create_p1(client: AdvanceClient) -> uuid.UUID:
    return client.create_work_item(
        name="ExampleCorp contract renewal",
        description="Updating the contract for ExampleCorp.",
        work_group_id=GROUP,
        template_package_id=PACKAGE,
        answers=P1_ANSWER_XML,
        assemble_immediately=True,
        complete_assembly_session=False,
        is_private_to_owner=True,
        work_item_id=WORK_ITEM,
    )


def test_a_retried_create_succeeds_when_every_member_it_set_is_held(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A retry's 409 on a P1 create is success when the server holds every member the call
    set; answers compare as parsed answer sets (another declaration, order, spacing: equal)."""
    router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=[reply(503), reply(409)])
    get = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(200, P1_HELD))
    assert create_p1(client) == uuid.UUID(WORK_ITEM)
    assert get.call_count == 1


@pytest.mark.parametrize(
    ("held", "named"),
    [
        ({"description": "Another description."}, "description"),
        ({"description": None}, "description"),
        ({"isPrivateToOwner": False}, "is_private_to_owner"),
        ({"assembleImmediately": False}, "assemble_immediately"),
        ({"completeAssemblySession": True}, "complete_assembly_session"),
        ({"assembleImmediately": ...}, "assemble_immediately"),  # not reported
        ({"name": "ExampleCorp"}, "name"),
        ({"id": VERSION}, "another id"),
        (
            {
                "answerXml": "<AnswerSet version='1.1'><Answer name='CompanyName'>"
                "<TextValue>OtherCorp</TextValue></Answer></AnswerSet>"
            },
            "answers['CompanyName']",
        ),
        (
            {
                "answerXml": "<AnswerSet version='1.1'><Answer name='CompanyName'><TextValue>"
                "ExampleCorp</TextValue></Answer><Answer name='Extra'><TFValue>true</TFValue>"
                "</Answer></AnswerSet>"
            },
            "answers['Extra']",
        ),
        ({"answerXml": None}, "no answers"),
        ({"answerXml": "<AnswerSet><Answer"}, "answers cannot be read"),
    ],
    ids=lambda value: value if isinstance(value, str) else "-".join(value),
)
def test_a_retried_create_that_differs_in_any_member_raises_conflict_naming_it(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    held: dict[str, object],
    named: str,
) -> None:
    """One member the call set is not what the server holds (or is not reported): the 409
    stands as ConflictError naming that member, never its value."""
    router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=[reply(503), reply(409)])
    body = {name: value for name, value in {**P1_HELD, **held}.items() if value is not ...}
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(200, body))
    with pytest.raises(ConflictError, match="read back after a retry") as caught:
        create_p1(client)
    assert named in str(caught.value)
    assert "OtherCorp" not in str(caught.value)
    assert caught.value.status_code == 409


def test_a_retried_create_compares_only_what_it_set(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """Members the call left out are not compared: a server description the call did not send
    does not stand in the way."""
    router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=[reply(502), reply(409)])
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=reply(
            200,
            {"name": "n", "workGroupId": GROUP, "templatePackageId": PACKAGE, "description": "d"},
        )
    )
    created = client.create_work_item(
        name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=WORK_ITEM
    )
    assert created == uuid.UUID(WORK_ITEM)


def test_a_retried_public_link_create_compares_is_active(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A link asked to be inactive whose server copy stays active is not reported as done."""
    router.put(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(side_effect=[reply(503), reply(409)])
    router.get(f"/v1.1/PublicInterviewLinks/{WORK_ITEM}").mock(
        return_value=reply(200, {"id": WORK_ITEM, **P5_BODY})
    )
    with pytest.raises(ConflictError, match="is_active is not what this call sent"):
        client.create_public_interview_link(
            name="Onboarding Link",
            template_package_id=PACKAGE,
            work_group_id=GROUP,
            is_active=False,
            link_id=WORK_ITEM,
        )


# --- A retried state change that meets the state it leads to ---------------------------------------

COMPLETE = f"/v1.1/WorkItems/{WORK_ITEM}/Versions/Active/CompleteSession"
SAVE_AND_CLOSE = f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose"
STATUS = f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/Status"


@pytest.mark.parametrize("status", ["Completed", "Completing", "PostProcessingFailed"])
@pytest.mark.parametrize("first", [httpx.ReadTimeout("lost"), reply(502)], ids=["timeout", "502"])
def test_a_retried_complete_that_finds_the_session_completed_succeeds(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    first: httpx.Response | Exception,
    status: str,
) -> None:
    """The first complete's answer is lost, the retry gets 409 (no active session), and the
    work item shows a completed session: the call succeeded."""
    put = router.put(COMPLETE).mock(side_effect=[first, reply(409)])
    get = router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=reply(200, {"id": WORK_ITEM, "status": status})
    )
    assert client.complete_assembly_session(WORK_ITEM) is None
    assert (put.call_count, get.call_count) == (2, 1)


@pytest.mark.parametrize(
    "found",
    [
        reply(200, {"id": WORK_ITEM, "status": "Saved"}),
        reply(200, {"id": WORK_ITEM, "status": "InProgress"}),
        reply(200, {"id": WORK_ITEM}),
        reply(404),
        httpx.Response(200, text="<html>"),
        httpx.ConnectError("x"),
    ],
    ids=["saved", "in-progress", "no-status", "gone", "garbage", "unreachable"],
)
def test_a_retried_complete_that_finds_no_completed_session_raises_conflict(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    found: httpx.Response | Exception,
) -> None:
    """After a retry's 409, a status other than a completed session's (or no readable one)
    leaves the ConflictError standing, saying so."""
    router.put(COMPLETE).mock(side_effect=[reply(503), reply(409, {"title": "no session"})])
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(side_effect=[found] * 3)
    with pytest.raises(ConflictError, match=r"no session.*read back after a retry"):
        client.complete_assembly_session(WORK_ITEM)


def test_a_first_attempt_409_on_a_state_change_is_a_plain_conflict(
    router: respx.Router, client: AdvanceClient
) -> None:
    """Without a retry nothing is read back: a 409 on the first complete or save-and-close is
    the server's answer to this call."""
    router.put(COMPLETE).mock(return_value=reply(409))
    router.put(SAVE_AND_CLOSE).mock(return_value=reply(409))
    get = router.get(path__regex=r"/WorkItems/").mock(return_value=reply(200, {"status": "Saved"}))
    with pytest.raises(ConflictError) as first:
        client.complete_assembly_session(WORK_ITEM)
    with pytest.raises(ConflictError) as second:
        client.save_and_close(WORK_ITEM, VERSION)
    assert not get.called
    assert "read back" not in str(first.value) + str(second.value)


@pytest.mark.parametrize(
    ("status", "callback", "expected"),
    [
        ("Saved", False, SaveAndCloseResult(accepted=False, status="Saved")),
        ("Saving", False, SaveAndCloseResult(accepted=True, status="Saving")),
        ("Saved", True, SaveAndCloseResult(accepted=True, status="Saved")),
    ],
)
def test_a_retried_save_and_close_that_finds_the_version_saved_succeeds(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    status: str,
    callback: bool,
    expected: SaveAndCloseResult,
) -> None:
    """The first save-and-close's answer is lost and the retry gets 409 ("not in progress"):
    the version's status, read back, gives the result (accepted with a callback or while saving)."""
    put = router.put(SAVE_AND_CLOSE).mock(side_effect=[httpx.ReadTimeout("lost"), reply(409)])
    get = router.get(STATUS).mock(return_value=reply(200, {"status": status}))
    options: dict[str, str] = (
        {"callback_url": "https://hooks.example.com/done", "callback_secret": "cb-secret"}
        if callback
        else {}
    )
    assert client.save_and_close(WORK_ITEM, VERSION, **options) == expected
    assert (put.call_count, get.call_count) == (2, 1)


@pytest.mark.parametrize("status", ["Completed", "InProgress", "Completing", "Unknown"])
def test_a_retried_save_and_close_that_finds_another_status_raises_conflict(
    router: respx.Router, client: AdvanceClient, sleeps: list[float], status: str
) -> None:
    """A status a save-and-close does not leave: the retry's 409 stands, and the callback
    secret appears nowhere in the message."""
    router.put(SAVE_AND_CLOSE).mock(side_effect=[reply(503), reply(409)])
    router.get(STATUS).mock(return_value=reply(200, {"status": status}))
    with pytest.raises(ConflictError, match="the status is not one this call leaves") as caught:
        client.save_and_close(
            WORK_ITEM,
            VERSION,
            callback_url="https://hooks.example.com/done",
            callback_secret="cb-secret",
        )
    assert "cb-secret" not in str(caught.value)


@pytest.mark.anyio
async def test_async_retried_state_changes_are_settled_by_reading_back(
    router: respx.Router, sleeps: list[float]
) -> None:
    """The async client settles a retried complete and save-and-close the same way, and keeps
    a real conflict."""
    router.put(COMPLETE).mock(side_effect=[reply(503), reply(409), reply(503), reply(409)])
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(200, {"status": "Completed"}), reply(200, {"status": "Saved"})]
    )
    router.put(SAVE_AND_CLOSE).mock(side_effect=[httpx.ReadTimeout("lost"), reply(409)])
    router.get(STATUS).mock(return_value=reply(200, {"status": "Saved"}))
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        await client.complete_assembly_session(WORK_ITEM)
        with pytest.raises(ConflictError, match="read back after a retry"):
            await client.complete_assembly_session(WORK_ITEM)
        closed = await client.save_and_close(WORK_ITEM, VERSION)
    assert closed == SaveAndCloseResult(accepted=False, status="Saved")


@pytest.mark.anyio
async def test_async_retried_create_compares_every_member(
    router: respx.Router, sleeps: list[float]
) -> None:
    """The async client compares every member of a retried create too."""
    router.put(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(503), reply(409), reply(503), reply(409)]
    )
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[reply(200, P1_HELD), reply(200, {**P1_HELD, "description": "other"})]
    )
    arguments: dict[str, Any] = {
        "name": "ExampleCorp contract renewal",
        "description": "Updating the contract for ExampleCorp.",
        "work_group_id": GROUP,
        "template_package_id": PACKAGE,
        "answers": AnswerSet.from_xml(P1_ANSWER_XML),
        "assemble_immediately": True,
        "complete_assembly_session": False,
        "is_private_to_owner": True,
        "work_item_id": WORK_ITEM,
    }
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        assert await client.create_work_item(**arguments) == uuid.UUID(WORK_ITEM)
        with pytest.raises(ConflictError, match="description is not what this call sent"):
            await client.create_work_item(**arguments)


# --- Logging ---------------------------------------------------------------------------------------


def test_debug_log_has_method_path_status_attempt_and_duration(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Each attempt is logged at DEBUG with method, path, status, attempt number and duration."""
    router.put(f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose").mock(
        side_effect=[reply(503), reply(202, {"status": "Saving"})]
    )
    with caplog.at_level(logging.DEBUG, logger="hotdocs_advance"):
        client.save_and_close(
            WORK_ITEM, VERSION, callback_url="https://cb.example/x", callback_secret="cb-secret"
        )
    lines = [record.getMessage() for record in caplog.records if record.name == "hotdocs_advance"]
    path = f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose"
    assert any(
        line.startswith(f"PUT {path} -> 503 (attempt 1, ") and line.endswith(" ms)")
        for line in lines
    )
    assert any(line.startswith(f"PUT {path} -> 202 (attempt 2, ") for line in lines)
    assert any("retrying after 503" in line for line in lines)
    assert not any("cb-secret" in line or TOKEN in line or "callback" in line for line in lines)


def test_nothing_is_logged_when_debug_is_off(
    router: respx.Router, client: AdvanceClient, caplog: pytest.LogCaptureFixture
) -> None:
    """At INFO the client itself logs nothing per request."""
    router.get(f"/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=reply(200, {}))
    with caplog.at_level(logging.INFO, logger="hotdocs_advance"):
        client.get_work_item(WORK_ITEM)
    assert not [record for record in caplog.records if record.name == "hotdocs_advance"]


def test_secrets_are_kept_out_of_error_messages(
    router: respx.Router, client: AdvanceClient
) -> None:
    """A server message quoting the token or callback secret is redacted in the exception text."""
    router.put(f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}/SaveAndClose").mock(
        return_value=reply(
            400, {"title": f"bad token {TOKEN}", "detail": "secret cb-secret rejected"}
        )
    )
    with pytest.raises(BadRequestError) as caught:
        client.save_and_close(
            WORK_ITEM, VERSION, callback_url="https://cb.example/x", callback_secret="cb-secret"
        )
    assert TOKEN not in str(caught.value)
    assert "cb-secret" not in str(caught.value)
    assert TOKEN not in repr(caught.value)
    assert "***" in str(caught.value)


@pytest.mark.parametrize("argument", ["base_url", "auth_url"])
def test_urls_with_user_info_are_refused_without_echoing_it(argument: str) -> None:
    """A URL carrying user:password@ is refused at construction, and the password is not shown."""
    urls = {"base_url": "https://t.hotdocsadvance.com/api/rest", "auth_url": None}
    urls[argument] = "https://someone:s3cret-pw@t.hotdocsadvance.com/api/rest"
    with pytest.raises(InvalidArgumentError) as caught:
        AdvanceClient(
            urls["base_url"],  # type: ignore[arg-type]
            auth=ServicePrincipal("client", "principal", "password"),
            auth_url=urls["auth_url"],
        )
    assert caught.value.argument == argument
    assert "s3cret-pw" not in str(caught.value)
    assert "user info" in str(caught.value)


def _ssl_context_of(client: AdvanceClient | AsyncAdvanceClient) -> object:
    return client._http._transport._pool._ssl_context  # type: ignore[union-attr]


def unverified_client() -> AdvanceClient:
    """A client with verify=False, which warns that the token can be intercepted."""
    with pytest.warns(InsecureTransportWarning, match="without TLS certificate verification"):
        return AdvanceClient(BASE, auth=TOKEN, verify=False)


def test_clients_share_one_tls_context_per_verify_setting() -> None:
    """Every client with the same verify= shares one TLS context (built once per process)."""
    first = AdvanceClient(BASE, auth=TOKEN)
    second = AdvanceClient(BASE, auth=TOKEN)
    third = AsyncAdvanceClient(BASE, auth=TOKEN)
    unverified = unverified_client()
    another = unverified_client()
    assert _ssl_context_of(first) is _ssl_context_of(second) is _ssl_context_of(third)
    assert _ssl_context_of(unverified) is not _ssl_context_of(first)
    assert _ssl_context_of(unverified) is _ssl_context_of(another)
    context = ssl.create_default_context()
    assert _ssl_context_of(AdvanceClient(BASE, auth=TOKEN, verify=context)) is context


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"verify": "/nonexistent/ca.pem"}, "cannot load the CA bundle"),
        ({"verify": 1}, "expected a bool, a CA bundle path or an ssl.SSLContext"),
        ({"verify": False, "http_client": httpx.Client()}, "configure TLS on http_client"),
    ],
)
def test_bad_verify_options_are_refused(options: dict[str, Any], message: str) -> None:
    """verify= takes what httpx takes; a bad value or one beside http_client is refused at once."""
    with pytest.raises(InvalidArgumentError, match=message) as caught:
        AdvanceClient(BASE, auth=TOKEN, **options)
    assert caught.value.argument == "verify"
