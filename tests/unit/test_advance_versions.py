"""v2.0 versions to the end on the wire (respx): create, complete, create-and-assemble, waiting.

Every call that moves a version on is read by one rule (200: finished, 202: accepted for
later, a retry's 409 settled by the status read back), and ``wait_for_version`` polls on the
fake clock (``tests/clock.py``): its waits are recorded, never slept, and its deadline passes
after them.
"""

from __future__ import annotations

import dataclasses
import json
import re
import uuid
import warnings
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx
import yaml
from hotdocs_advance import (
    AdvanceClient,
    AdvanceError,
    AnswerSet,
    AnswerSetError,
    AsyncAdvanceClient,
    BadRequestError,
    ConflictError,
    InsecureTransportWarning,
    InvalidArgumentError,
    NotFoundError,
    VersionResult,
    VersionStatus,
    VersionWaitTimeoutError,
)
from hotdocs_advance_api.api.work_item_versions import (
    complete_version,
    create_and_assemble_version,
    create_version,
    save_and_close_version,
)

from tests.clock import record_sleeps
from tests.conftest import ROOT

BASE = "https://tenancy1.hotdocsadvance.com/api/rest"
TOKEN = "tok-versions"
WORK_ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
VERSION = "7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f"
SECRET = "cb-versions-secret"
HOOK = "https://hooks.example.com/done"
ANSWERS = "<AnswerSet title='' version='1.1'><Answer name='A'><TextValue>x</TextValue></Answer></AnswerSet>"
V2 = f"/v2.0/WorkItems/{WORK_ITEM}/Versions/{VERSION}"
STATUS = f"{V2}/Status"
# The three new calls: the method, its path below V2 and its generated module.
CALLS = {
    "create_version": ("", create_version),
    "complete_version": ("/Complete", complete_version),
    "create_and_assemble": ("/CreateAndAssemble", create_and_assemble_version),
}


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
    """The fake clock: waits recorded, the deadline's clock reads their sum."""
    return record_sleeps(monkeypatch)


@pytest.fixture
def client() -> Iterator[AdvanceClient]:
    with AdvanceClient(BASE, auth=TOKEN) as advance:
        yield advance


@dataclasses.dataclass(frozen=True)
class Case:
    """One call: its arguments, the JSON it must send, the answer, and the result."""

    id: str
    method: str
    kwargs: dict[str, Any]
    body: dict[str, Any]
    status: int
    reply: object
    accepted: bool
    reported: str | None
    headers: dict[str, str] = dataclasses.field(default_factory=dict)


CASES = [
    Case(
        "create-in-time",
        "create_version",
        {"answers": ANSWERS},
        {"answerXml": ANSWERS, "forceCreate": False},
        200,
        {"status": "InProgress"},
        False,
        "InProgress",
    ),
    Case(
        "create-with-callback",
        "create_version",
        {"force_create": True, "callback_url": HOOK, "callback_secret": SECRET},
        {"forceCreate": True, "callbackUrl": HOOK, "callbackSecret": SECRET},
        202,
        {"status": "InProgress"},
        True,
        "InProgress",
    ),
    Case(
        "complete-in-time",
        "complete_version",
        {},
        {},
        200,
        {"status": "Completed"},
        False,
        "Completed",
    ),
    Case(
        "complete-accepted",
        "complete_version",
        {"callback_url": HOOK},
        {"callbackUrl": HOOK},
        202,
        {"status": "Completing"},
        True,
        "Completing",
    ),
    Case("complete-accepted-without-body", "complete_version", {}, {}, 202, None, True, None),
    Case("complete-finished-without-body", "complete_version", {}, {}, 200, None, False, None),
    Case(
        "create-and-assemble-in-time",
        "create_and_assemble",
        {"answers": AnswerSet.from_xml(ANSWERS)},
        {"answerXml": AnswerSet.from_xml(ANSWERS).to_xml(), "forceCreate": False},
        200,
        {"status": "Completed"},
        False,
        "Completed",
    ),
    Case(
        "create-and-assemble-past-the-threshold",
        "create_and_assemble",
        {},
        {"forceCreate": False},
        202,
        {"status": "Completing"},
        True,
        "Completing",
        {"Location": f"{BASE}{STATUS}"},
    ),
]


def check_request(request: httpx.Request, case: Case) -> None:
    assert request.method == "PUT"
    assert request.url == httpx.URL(BASE + V2 + CALLS[case.method][0])
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(request.content) == case.body


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_call_sends_its_request_and_reads_200_as_finished_and_202_as_accepted(
    router: respx.Router, client: AdvanceClient, case: Case
) -> None:
    """Each call sends its documented PUT and JSON; 200 is finished (accepted False), 202 is
    accepted for later; the status is the body's (None without one), the version id the one sent."""
    route = router.put(V2 + CALLS[case.method][0]).mock(
        return_value=reply(case.status, case.reply, case.headers)
    )
    result = getattr(client, case.method)(WORK_ITEM, VERSION, **case.kwargs)
    assert route.call_count == 1
    check_request(route.calls.last.request, case)
    assert result == VersionResult(
        version_id=uuid.UUID(VERSION), accepted=case.accepted, status=case.reported
    )


@pytest.mark.anyio
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_each_async_call_sends_the_same_request_and_gives_the_same_result(
    router: respx.Router, case: Case
) -> None:
    """AsyncAdvanceClient sends the same request and reads the answer by the same rule."""
    route = router.put(V2 + CALLS[case.method][0]).mock(
        return_value=reply(case.status, case.reply, case.headers)
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        result = await getattr(client, case.method)(WORK_ITEM, VERSION, **case.kwargs)
    check_request(route.calls.last.request, case)
    assert (result.version_id, result.accepted, result.status) == (
        uuid.UUID(VERSION),
        case.accepted,
        case.reported,
    )


@pytest.mark.parametrize("method", ["create_version", "create_and_assemble"])
def test_a_new_version_id_is_generated_when_none_is_given(
    router: respx.Router, client: AdvanceClient, method: str
) -> None:
    """Without version_id each call makes a fresh GUID, sends it in the path and returns it."""
    suffix = CALLS[method][0]
    route = router.put(path__regex=rf"/v2.0/WorkItems/{WORK_ITEM}/Versions/[^/]+{suffix}$").mock(
        return_value=reply(200, {"status": "InProgress"})
    )
    first = getattr(client, method)(WORK_ITEM)
    second = getattr(client, method)(WORK_ITEM)
    assert first.version_id != second.version_id
    assert [call.request.url.path for call in route.calls] == [
        f"/api/rest/v2.0/WorkItems/{WORK_ITEM}/Versions/{result.version_id}{suffix}"
        for result in (first, second)
    ]


def test_version_result_tells_whether_its_status_is_final() -> None:
    """is_final follows the spec's final statuses; no status, or an unknown one, is not final."""
    version = uuid.UUID(VERSION)
    assert VersionResult(version_id=version, accepted=False, status="Completed").is_final
    assert not VersionResult(version_id=version, accepted=True, status="Completing").is_final
    assert not VersionResult(version_id=version, accepted=False, status="InProgress").is_final
    assert not VersionResult(version_id=version, accepted=True, status=None).is_final


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, {"status": 5}),
        (202, {"state": "Completing"}),
        (200, [1]),
        (201, {"status": "Completed"}),
    ],
)
def test_an_answer_not_of_the_documented_shape_is_refused(
    router: respx.Router, client: AdvanceClient, status: int, body: object
) -> None:
    """A body without a text status, or an undocumented status with a body, raises the
    response validation error of the package's tree."""
    router.put(f"{V2}/Complete").mock(return_value=reply(status, body))
    with pytest.raises(AdvanceError, match="answered"):
        client.complete_version(WORK_ITEM, VERSION)


# --- Arguments are checked before anything is sent ------------------------------------------------


@pytest.mark.parametrize(
    ("method", "kwargs", "argument"),
    [
        ("create_version", {"work_item_id": "x"}, "work_item_id"),
        (
            "create_version",
            {"work_item_id": WORK_ITEM, "version_id": str(uuid.UUID(int=0))},
            "version_id",
        ),
        ("create_version", {"work_item_id": WORK_ITEM, "force_create": "yes"}, "force_create"),
        ("create_version", {"work_item_id": WORK_ITEM, "answers": 5}, "answers"),
        ("create_version", {"work_item_id": WORK_ITEM, "callback_secret": "s"}, "callback_secret"),
        (
            "create_version",
            {"work_item_id": WORK_ITEM, "callback_url": "ftp://h/x"},
            "callback_url",
        ),
        ("complete_version", {"work_item_id": WORK_ITEM, "version_id": None}, "version_id"),
        (
            "complete_version",
            {"work_item_id": WORK_ITEM, "version_id": VERSION, "callback_url": "not a url"},
            "callback_url",
        ),
        (
            "complete_version",
            {"work_item_id": WORK_ITEM, "version_id": VERSION, "callback_secret": SECRET},
            "callback_secret",
        ),
        (
            "complete_version",
            {
                "work_item_id": WORK_ITEM,
                "version_id": VERSION,
                "callback_url": HOOK,
                "callback_secret": " ",
            },
            "callback_secret",
        ),
        ("create_and_assemble", {"work_item_id": WORK_ITEM, "force_create": 1}, "force_create"),
        (
            "create_and_assemble",
            {"work_item_id": WORK_ITEM, "callback_url": "https://u:p@h/x"},
            "callback_url",
        ),
        ("wait_for_version", {"work_item_id": WORK_ITEM, "version_id": "v"}, "version_id"),
        *[
            (
                "wait_for_version",
                {"work_item_id": WORK_ITEM, "version_id": VERSION, name: value},
                name,
            )
            for name in ("timeout", "poll_interval")
            for value in (0, -1, float("nan"), float("inf"), 86_401, True, "5", None)
        ],
    ],
)
def test_bad_arguments_raise_before_anything_is_sent(
    router: respx.Router, client: AdvanceClient, method: str, kwargs: dict[str, Any], argument: str
) -> None:
    """A wrong argument raises InvalidArgumentError naming it, and no request is sent."""
    route = router.route().mock(return_value=reply(200, {"status": "Completed"}))
    with pytest.raises(InvalidArgumentError) as caught:
        getattr(client, method)(**kwargs)
    assert caught.value.argument == argument
    assert not route.called


@pytest.mark.parametrize("method", ["create_version", "create_and_assemble"])
def test_invalid_answers_are_refused_before_sending(
    router: respx.Router, client: AdvanceClient, method: str
) -> None:
    """Answer XML that fails the schema raises AnswerSetError; nothing is sent."""
    route = router.route().mock(return_value=reply(200, {"status": "InProgress"}))
    with pytest.raises(AnswerSetError, match=r"^answers: "):
        getattr(client, method)(
            WORK_ITEM,
            answers="<AnswerSet><Answer name='A'><NumValue>1,5</NumValue></Answer></AnswerSet>",
        )
    assert not route.called


@pytest.mark.parametrize("method", ["create_version", "complete_version", "create_and_assemble"])
def test_a_callback_secret_with_an_http_callback_url_warns_before_sending(
    router: respx.Router, method: str
) -> None:
    """Every new call warns (InsecureTransportWarning, before sending) about a secret whose
    callback would travel in clear, as save_and_close does: the same one place."""
    route = router.route().mock(return_value=reply(202, {"status": "Completing"}))
    client = AdvanceClient(BASE, auth=TOKEN)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(InsecureTransportWarning, match=re.escape("http://hooks.example.com")):
            getattr(client, method)(
                WORK_ITEM, VERSION, callback_url="http://hooks.example.com/x", callback_secret="s"
            )
    assert not route.called


@pytest.mark.parametrize("method", ["create_version", "complete_version", "create_and_assemble"])
def test_the_callback_secret_is_kept_out_of_error_messages(
    router: respx.Router, client: AdvanceClient, method: str
) -> None:
    """A server message quoting the callback secret or the token is redacted."""
    router.put(V2 + CALLS[method][0]).mock(
        return_value=reply(400, {"title": f"bad {TOKEN}", "detail": f"secret {SECRET} refused"})
    )
    with pytest.raises(BadRequestError) as caught:
        getattr(client, method)(WORK_ITEM, VERSION, callback_url=HOOK, callback_secret=SECRET)
    assert SECRET not in str(caught.value)
    assert TOKEN not in str(caught.value)


# --- Retries tell the truth ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "status", "callback", "accepted"),
    [
        ("create_version", "InProgress", False, False),
        ("create_version", "InProgress", True, True),
        ("complete_version", "Completing", False, True),
        ("complete_version", "Completed", False, False),
        ("complete_version", "PostProcessingFailed", False, False),
        ("complete_version", "Completed", True, True),
        ("create_and_assemble", "Completing", False, True),
        ("create_and_assemble", "Completed", False, False),
    ],
)
def test_a_retry_409_after_a_lost_answer_is_settled_by_the_status(
    router: respx.Router,
    client: AdvanceClient,
    sleeps: list[float],
    method: str,
    status: str,
    callback: bool,
    accepted: bool,
) -> None:
    """The first answer is lost and the retry gets 409: a status the call leads to (spec
    x-sdk-reached) is success, accepted unless it shows the work finished (FINISHED_STATUSES)
    and no callback was asked for."""
    put = router.put(V2 + CALLS[method][0]).mock(
        side_effect=[httpx.ReadTimeout("lost"), reply(409)]
    )
    get = router.get(STATUS).mock(return_value=reply(200, {"status": status}))
    options = {"callback_url": HOOK, "callback_secret": SECRET} if callback else {}
    result = getattr(client, method)(WORK_ITEM, VERSION, **options)
    assert result == VersionResult(version_id=uuid.UUID(VERSION), accepted=accepted, status=status)
    assert (put.call_count, get.call_count) == (2, 1)


@pytest.mark.parametrize(
    ("method", "status"),
    [
        ("create_version", "Saved"),
        ("create_version", "Completed"),
        ("complete_version", "InProgress"),
        ("complete_version", "Saved"),
        ("create_and_assemble", "InProgress"),
        ("create_and_assemble", "Whatever"),
    ],
)
def test_a_retry_409_with_a_status_the_call_does_not_lead_to_stands(
    router: respx.Router, client: AdvanceClient, sleeps: list[float], method: str, status: str
) -> None:
    """A status the call does not lead to leaves the ConflictError standing, saying so, with
    the callback secret nowhere in it."""
    router.put(V2 + CALLS[method][0]).mock(side_effect=[reply(503), reply(409)])
    router.get(STATUS).mock(return_value=reply(200, {"status": status}))
    with pytest.raises(ConflictError, match="the status is not one this call leaves") as caught:
        getattr(client, method)(WORK_ITEM, VERSION, callback_url=HOOK, callback_secret=SECRET)
    assert SECRET not in str(caught.value)


def test_a_first_attempt_409_is_the_servers_answer(
    router: respx.Router, client: AdvanceClient
) -> None:
    """Without a retry nothing is read back: a 409 on the first attempt is raised as it is."""
    get = router.get(STATUS).mock(return_value=reply(200, {"status": "Completed"}))
    for method, (suffix, _) in CALLS.items():
        router.put(V2 + suffix).mock(return_value=reply(409, {"title": "in use"}))
        with pytest.raises(ConflictError) as caught:
            getattr(client, method)(WORK_ITEM, VERSION)
        assert "read back" not in str(caught.value), method
    assert not get.called


@pytest.mark.anyio
async def test_the_async_client_settles_a_retry_409_the_same_way(
    router: respx.Router, sleeps: list[float]
) -> None:
    """The async client reads the status back after a retry's 409 too, and keeps a conflict."""
    router.put(f"{V2}/Complete").mock(
        side_effect=[httpx.ReadTimeout("lost"), reply(409), reply(503), reply(409)]
    )
    router.get(STATUS).mock(
        side_effect=[reply(200, {"status": "Completing"}), reply(200, {"status": "InProgress"})]
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        result = await client.complete_version(WORK_ITEM, VERSION)
        assert (result.accepted, result.status) == (True, "Completing")
        with pytest.raises(ConflictError, match="read back after a retry"):
            await client.complete_version(WORK_ITEM, VERSION)


# --- Waiting -------------------------------------------------------------------------------------


def test_wait_for_version_polls_with_growing_waits_until_the_status_is_final(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """The first poll is at once, then the waits grow by half from poll_interval; the final
    status is returned (an unknown status is not final)."""
    route = router.get(STATUS).mock(
        side_effect=[
            reply(200, {"status": "InProgress"}),
            reply(200, {"status": "Completing"}),
            reply(200, {"status": "SomethingNew"}),
            reply(200, {"status": "Completed", "documents": 2}),
        ]
    )
    status = client.wait_for_version(WORK_ITEM, VERSION, poll_interval=2)
    assert status == VersionStatus(status="Completed", extra={"documents": 2})
    assert status.is_final
    assert route.call_count == 4
    assert sleeps == [2.0, 3.0, 4.5]


def test_wait_for_version_returns_at_once_when_the_status_is_already_final(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A final first poll: one request, no wait."""
    route = router.get(STATUS).mock(return_value=reply(200, {"status": "Saved"}))
    assert client.wait_for_version(WORK_ITEM, VERSION).status == "Saved"
    assert (route.call_count, sleeps) == (1, [])


def test_wait_for_version_gives_up_at_the_deadline_with_the_last_status(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """Never final: the waits grow (1, 1.5, 2.25, 3.375), the last one is cut to the deadline,
    one more poll is made there, and VersionWaitTimeoutError carries the last status."""
    route = router.get(STATUS).mock(
        side_effect=[reply(200, {"status": "Completing", "step": n}) for n in range(6)]
    )
    with pytest.raises(VersionWaitTimeoutError) as caught:
        client.wait_for_version(WORK_ITEM, VERSION, timeout=10, poll_interval=1)
    assert sleeps == [1.0, 1.5, 2.25, 3.375, 1.875]
    assert route.call_count == 6
    error = caught.value
    assert isinstance(error, AdvanceError)
    assert error.status == VersionStatus(status="Completing", extra={"step": 5})
    assert (error.work_item_id, error.version_id, error.timeout) == (
        uuid.UUID(WORK_ITEM),
        uuid.UUID(VERSION),
        10.0,
    )
    assert "'Completing' after 10 s" in str(error)


def test_the_waits_are_capped_at_ten_seconds_or_the_poll_interval(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """The growing wait stops at 10 s; a poll_interval above that is kept as it is."""
    router.get(STATUS).mock(return_value=reply(200, {"status": "Completing"}))
    with pytest.raises(VersionWaitTimeoutError):
        client.wait_for_version(WORK_ITEM, VERSION, timeout=40, poll_interval=6)
    assert sleeps == [6.0, 9.0, 10.0, 10.0, 5.0]
    sleeps.clear()
    with pytest.raises(VersionWaitTimeoutError):
        client.wait_for_version(WORK_ITEM, VERSION, timeout=60, poll_interval=25)
    assert sleeps == [25.0, 25.0, 10.0]


def test_an_error_while_waiting_is_raised(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A 404 on a poll is the caller's to see (an unknown version never becomes final)."""
    router.get(STATUS).mock(side_effect=[reply(200, {"status": "Completing"}), reply(404)])
    with pytest.raises(NotFoundError):
        client.wait_for_version(WORK_ITEM, VERSION)
    assert sleeps == [1.0]


def test_polls_are_retried_like_every_call(
    router: respx.Router, client: AdvanceClient, sleeps: list[float]
) -> None:
    """A 503 on a poll is retried by the client's own policy, inside the wait."""
    router.get(STATUS).mock(
        side_effect=[
            reply(200, {"status": "Completing"}),
            reply(503),
            reply(200, {"status": "Completed"}),
        ]
    )
    assert client.wait_for_version(WORK_ITEM, VERSION, poll_interval=0.5).status == "Completed"
    assert sleeps[0] == 0.5  # the poll's wait; then the retry's backoff
    assert len(sleeps) == 2


@pytest.mark.anyio
async def test_the_async_wait_polls_on_the_same_schedule(
    router: respx.Router, sleeps: list[float]
) -> None:
    """AsyncAdvanceClient.wait_for_version waits through the same hook and gives up the same way."""
    router.get(STATUS).mock(
        side_effect=[reply(200, {"status": "Completing"})] * 2
        + [reply(200, {"status": "Completed"})]
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        status = await client.wait_for_version(WORK_ITEM, VERSION, poll_interval=1)
        assert status.status == "Completed"
        assert sleeps == [1.0, 1.5]
        router.get(STATUS).mock(return_value=reply(200, {"status": "Saving"}))
        sleeps.clear()
        with pytest.raises(VersionWaitTimeoutError) as caught:
            await client.wait_for_version(WORK_ITEM, VERSION, timeout=2, poll_interval=1)
    assert caught.value.status.status == "Saving"
    assert sleeps == [1.0, 1.0]


# --- The spec says what the client reads ----------------------------------------------------------


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    text = (ROOT / "spec" / "hotdocs-advance.openapi.yaml").read_text(encoding="utf-8")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


@pytest.mark.parametrize(
    ("path", "module"),
    [
        ("/v2.0/WorkItems/{workItemId}/Versions/{versionId}", create_version),
        ("/v2.0/WorkItems/{workItemId}/Versions/{versionId}/Complete", complete_version),
        (
            "/v2.0/WorkItems/{workItemId}/Versions/{versionId}/CreateAndAssemble",
            create_and_assemble_version,
        ),
        ("/v2.0/WorkItems/{workItemId}/Versions/{versionId}/SaveAndClose", save_and_close_version),
    ],
)
def test_each_v2_call_declares_200_and_202_with_an_optional_status_and_what_it_leads_to(
    spec: dict[str, Any], path: str, module: Any
) -> None:
    """200 and 202 each carry an optional VersionStatus and x-sdk-reached; the generated module
    has the union as REACHED_STATUSES and the 200's as FINISHED_STATUSES, a part of it."""
    responses = spec["paths"][path]["put"]["responses"]
    for code in ("200", "202"):
        answer = responses[code]
        assert answer["x-body-optional"] is True
        assert answer["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/VersionStatus"
        }
    assert {200, 202} == module.SUCCESS_STATUSES
    assert set(responses["200"]["x-sdk-reached"]) == module.FINISHED_STATUSES
    assert (
        set(responses["200"]["x-sdk-reached"]) | set(responses["202"]["x-sdk-reached"])
        == module.REACHED_STATUSES
    )
    assert module.FINISHED_STATUSES < module.REACHED_STATUSES or path.endswith("}")
