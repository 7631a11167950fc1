"""Listing, discovery and answers out on the wire (respx), both clients (issue 14, items 2-3).

What the generated modules send for XML bodies and paging, how the pagers follow
``nextPageToken`` (lazily, and never round a loop), what ``get_answers`` makes of the answer,
and the typed 409 of ``replace_answers``/``update_answers``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping

import httpx
import pytest
import respx
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    AnswerSetError,
    APIResponseValidationError,
    AsyncAdvanceClient,
    AsyncPage,
    AsyncPager,
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    SyncPage,
    SyncPager,
    TemplatePackage,
    VersionStateError,
    WorkGroup,
    WorkItem,
    WorkItemVersion,
)
from hotdocs_advance_api.api.answer_sets import (
    get_answer_set,
    replace_answer_set,
    update_answer_set,
)
from hotdocs_advance_api.api.work_items import list_work_items
from hotdocs_advance_api.types import UNSET, UnexpectedResponse

BASE = "https://tenancy1.hotdocsadvance.com/api/rest"
TOKEN = "tok-123"
ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
XML = "application/xml"
ANSWERS_PATH = f"/v2.0/WorkItems/{ITEM}/AnswerSet/Content"
ANSWER_XML = (
    '<AnswerSet title="" version="1.1"><Answer name="Client"><TextValue>Ann</TextValue></Answer>'
    '<Answer name="Count"><NumValue>3</NumValue></Answer></AnswerSet>'
)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def router() -> Iterator[respx.Router]:
    with respx.mock(base_url=BASE, assert_all_called=False) as mock:
        yield mock


@pytest.fixture
def client() -> Iterator[AdvanceClient]:
    with AdvanceClient(BASE, auth=TOKEN, max_retries=0) as advance:
        yield advance


def items(*names: str) -> list[dict[str, str]]:
    return [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, n)), "name": n} for n in names]


def pages(router: respx.Router, path: str, *bodies: Mapping[str, object]) -> respx.Route:
    """Answer ``path`` with ``bodies`` in turn, one per request."""
    return router.get(path).mock(side_effect=[httpx.Response(200, json=b) for b in bodies])


# --- The generated modules: XML bodies, Accept, ALLOWED_STATUSES, paging parameters --------------


def test_an_xml_body_is_sent_as_utf8_and_labelled_so() -> None:
    """PUT and PATCH of answers send the str as UTF-8 bytes with charset=utf-8, not JSON."""
    text = '<AnswerSet title="Ünïcode"/>'
    for module in (replace_answer_set, update_answer_set):
        kwargs = module.build_request(uuid.UUID(ITEM), body=text)
        assert kwargs["content"] == text.encode("utf-8")
        assert kwargs["headers"]["Content-Type"] == "application/xml; charset=utf-8"
        assert "json" not in kwargs


def test_an_xml_answer_is_asked_for_and_read_as_bytes() -> None:
    """GET of answers sends Accept with the spec's XML types and returns the body's bytes."""
    kwargs = get_answer_set.build_request(uuid.UUID(ITEM))
    assert kwargs["headers"]["Accept"] == "application/xml, text/xml"
    body = ANSWER_XML.encode("utf-16")  # its BOM, not a charset, says how to read it
    for media in ("application/xml", "text/xml; charset=utf-8", "application/xml; charset=x"):
        answer = httpx.Response(200, content=body, headers={"Content-Type": media})
        assert get_answer_set.parse_response(answer) == body


def test_an_answer_of_another_media_type_is_unexpected() -> None:
    """JSON or HTML where the spec documents XML is an UnexpectedResponse naming the type."""
    for media in ("application/json", "text/html"):
        answer = httpx.Response(200, content=b"{}", headers={"Content-Type": media})
        parsed = get_answer_set.parse_response(answer)
        assert isinstance(parsed, UnexpectedResponse)
        assert media in parsed.reason


def test_the_statuses_that_allow_changing_answers_come_from_the_spec() -> None:
    """The 409's x-sdk-allowed-statuses become ALLOWED_STATUSES; reads have none."""
    allowed = {"Saved", "Completed", "PostProcessingFailed"}
    assert allowed == replace_answer_set.ALLOWED_STATUSES
    assert allowed == update_answer_set.ALLOWED_STATUSES
    assert not hasattr(get_answer_set, "ALLOWED_STATUSES")


def test_paging_parameters_left_unset_are_not_sent() -> None:
    """The pager passes UNSET for the first page and an unset size: neither reaches the URL."""
    kwargs = list_work_items.build_request(filter_=UNSET, page_token=UNSET, page_size=UNSET)
    assert kwargs["params"] == {}
    kwargs = list_work_items.build_request(filter_="Saved", page_token="t", page_size=7)
    assert kwargs["params"] == {"filter": "Saved", "pageToken": "t", "pageSize": 7}


# --- Pagers ---------------------------------------------------------------------------------------


def test_a_list_sends_nothing_until_it_is_iterated(
    router: respx.Router, client: AdvanceClient
) -> None:
    """list_work_items() returns a SyncPager; only iterating it sends, page after page."""
    route = pages(
        router,
        "/v1.1/WorkItems",
        {"items": items("a", "b"), "nextPageToken": "p2"},
        {"items": items("c"), "nextPageToken": None},
    )
    pager = client.list_work_items(page_size=2)
    assert isinstance(pager, SyncPager)
    assert route.call_count == 0
    iterator = iter(pager)
    first = next(iterator)
    assert isinstance(first, WorkItem)
    assert first.name == "a"
    assert route.call_count == 1  # the second page waits until the first is consumed
    assert [item.name for item in iterator] == ["b", "c"]
    assert route.call_count == 2
    sent = [dict(call.request.url.params) for call in route.calls]
    assert sent == [{"pageSize": "2"}, {"pageSize": "2", "pageToken": "p2"}]


def test_pages_can_be_walked_one_by_one(router: respx.Router, client: AdvanceClient) -> None:
    """iter_pages() yields SyncPages; get_next_page() is None after the last; empty pages pass."""
    pages(
        router,
        "/v1.1/WorkGroups",
        {"items": items("a"), "nextPageToken": "p2"},
        {"items": [], "nextPageToken": "p3"},  # an empty page that is not the last
        {"items": items("b")},
    )
    walked = list(client.list_work_groups().iter_pages())
    assert [type(page) for page in walked] == [SyncPage] * 3
    assert [len(page) for page in walked] == [1, 0, 1]
    assert [page.next_page_token for page in walked] == ["p2", "p3", None]
    assert walked[-1].get_next_page() is None
    assert isinstance(walked[0].items[0], WorkGroup)


def test_an_empty_token_ends_the_list(router: respx.Router, client: AdvanceClient) -> None:
    """A nextPageToken of "" counts as none: the listing ends rather than asking again."""
    route = pages(router, "/v1.1/TemplatePackages", {"items": items("a"), "nextPageToken": ""})
    assert [p.name for p in client.list_template_packages()] == ["a"]
    assert route.call_count == 1


def test_a_token_that_leads_back_is_refused(router: respx.Router, client: AdvanceClient) -> None:
    """A server naming an already fetched page as the next raises instead of looping for ever."""
    pages(
        router,
        "/v1.1/WorkItems",
        {"items": items("a"), "nextPageToken": "p2"},
        {"items": items("b"), "nextPageToken": "p3"},
        {"items": items("c"), "nextPageToken": "p2"},
    )
    seen: list[str | None] = []
    iterator = iter(client.list_work_items())
    seen.extend(next(iterator).name for _ in range(2))
    with pytest.raises(APIResponseValidationError, match="already fetched"):
        next(iterator)
    assert seen == ["a", "b"]  # c's page is the one refused


def test_each_iteration_starts_again_from_the_first_page(
    router: respx.Router, client: AdvanceClient
) -> None:
    """Iterating a pager twice reads the list twice (the same token again is not a loop)."""
    body = {"items": items("a"), "nextPageToken": "p2"}
    pages(router, "/v1.1/WorkGroups", body, {"items": items("b")}, body, {"items": items("b")})
    pager = client.list_work_groups()
    assert [g.name for g in pager] == ["a", "b"]
    assert [g.name for g in pager] == ["a", "b"]


def test_template_packages_of_a_work_group_use_its_path(
    router: respx.Router, client: AdvanceClient
) -> None:
    """list_template_packages(group) reads .../WorkGroups/{id}/TemplatePackages; 404 on iterating."""
    route = router.get(f"/v1.1/WorkGroups/{GROUP}/TemplatePackages").mock(
        return_value=httpx.Response(200, json={"items": [{"id": PACKAGE, "activated": True}]})
    )
    (package,) = client.list_template_packages(GROUP)
    assert isinstance(package, TemplatePackage)
    assert (package.id, package.activated, package.work_group_ids) == (
        uuid.UUID(PACKAGE),
        True,
        None,
    )
    assert route.call_count == 1
    router.get(f"/v1.1/WorkGroups/{ITEM}/TemplatePackages").mock(
        return_value=httpx.Response(404, json={"title": "Not Found"})
    )
    pager = client.list_template_packages(ITEM)
    with pytest.raises(NotFoundError):
        list(pager)


def test_versions_are_listed_with_their_filter(router: respx.Router, client: AdvanceClient) -> None:
    """list_versions(id, "Saved") sends filter=Saved and yields WorkItemVersions."""
    version = str(uuid.uuid4())
    route = router.get(f"/v2.0/WorkItems/{ITEM}/Versions").mock(
        return_value=httpx.Response(200, json={"items": [{"id": version, "status": "Saved"}]})
    )
    (found,) = client.list_versions(ITEM, "Saved")
    assert found == WorkItemVersion(id=uuid.UUID(version), status="Saved")
    assert dict(route.calls.last.request.url.params) == {"filter": "Saved"}


def test_a_page_of_the_wrong_shape_is_a_validation_error(
    router: respx.Router, client: AdvanceClient
) -> None:
    """A bare JSON array (no Page envelope) raises APIResponseValidationError on iterating."""
    router.get("/v1.1/WorkItems").mock(return_value=httpx.Response(200, json=items("a")))
    with pytest.raises(APIResponseValidationError):
        list(client.list_work_items())


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda c: c.list_work_items(page_size=0), "page_size"),
        (lambda c: c.list_work_items(page_size=True), "page_size"),
        (lambda c: c.list_work_items(filter="  "), "filter"),
        (lambda c: c.list_work_items(filter=3), "filter"),
        (lambda c: c.list_versions("not-a-guid"), "work_item_id"),
        (lambda c: c.list_template_packages("nope"), "work_group_id"),
        (lambda c: c.list_work_groups(page_size=-1), "page_size"),
    ],
)
def test_bad_list_arguments_raise_at_the_call(
    router: respx.Router, client: AdvanceClient, call: object, argument: str
) -> None:
    """A bad argument raises InvalidArgumentError when the list is asked for, not when iterated."""
    with pytest.raises(InvalidArgumentError) as raised:
        call(client)  # type: ignore[operator]
    assert raised.value.argument == argument
    assert router.calls.call_count == 0


@pytest.mark.anyio
async def test_the_async_pager_fetches_lazily_too(router: respx.Router) -> None:
    """AsyncAdvanceClient's lists are AsyncPagers: async for, iter_pages and first_page."""
    route = pages(
        router,
        "/v1.1/WorkItems",
        {"items": items("a"), "nextPageToken": "p2"},
        {"items": items("b")},
        {"items": items("a"), "nextPageToken": "p2"},
        {"items": items("a"), "nextPageToken": "p2"},
        {"items": items("b")},
    )
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        pager = client.list_work_items(filter="Completed")
        assert isinstance(pager, AsyncPager)
        assert route.call_count == 0
        assert [item.name async for item in pager] == ["a", "b"]
        first = await pager.first_page()
        assert isinstance(first, AsyncPage)
        assert first.has_next_page()
        walked = [len(page) async for page in pager.iter_pages()]
    assert walked == [1, 1]
    assert route.call_count == 5
    assert all(call.request.url.params["filter"] == "Completed" for call in route.calls)


# --- Answers out ----------------------------------------------------------------------------------


def test_get_answers_reads_the_xml_into_an_answer_set(
    router: respx.Router, client: AdvanceClient
) -> None:
    """get_answers() asks for XML and returns the AnswerSet it holds (UTF-16 with a BOM too)."""
    route = router.get(ANSWERS_PATH).mock(
        return_value=httpx.Response(
            200, content=ANSWER_XML.encode("utf-16"), headers={"Content-Type": XML}
        )
    )
    answers = client.get_answers(ITEM)
    assert isinstance(answers, AnswerSet)
    assert dict(answers) == {"Client": "Ann", "Count": 3}
    assert route.calls.last.request.headers["Accept"] == "application/xml, text/xml"


def test_uninterpretable_answers_are_kept_and_listed(
    router: respx.Router, client: AdvanceClient
) -> None:
    """A value the reader cannot interpret comes back as a problem, not as an error."""
    body = '<AnswerSet><Answer name="Agree"><TFValue>Agree</TFValue></Answer></AnswerSet>'
    router.get(ANSWERS_PATH).mock(
        return_value=httpx.Response(200, content=body.encode(), headers={"Content-Type": XML})
    )
    answers = client.get_answers(ITEM)
    assert [problem.name for problem in answers.problems] == ["Agree"]


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (b"<html><body>Sign in</body></html>", "text/html"),
        (b"<AnswerSet><Answer name='a'>", XML),  # not well-formed
        (b"<Answers/>", XML),  # another root
        (b'{"answers": []}', "application/json"),  # the vendor's other form, not asked for
    ],
)
def test_a_body_that_is_not_answer_xml_is_a_validation_error(
    router: respx.Router, client: AdvanceClient, body: bytes, media: str
) -> None:
    """get_answers() raises APIResponseValidationError (not AnswerSetError) for a bad answer."""
    router.get(ANSWERS_PATH).mock(
        return_value=httpx.Response(200, content=body, headers={"Content-Type": media})
    )
    with pytest.raises(APIResponseValidationError) as raised:
        client.get_answers(ITEM)
    assert not isinstance(raised.value, AnswerSetError)
    assert raised.value.status_code == 200


@pytest.mark.parametrize("method", ["replace_answers", "update_answers"])
def test_answers_are_sent_as_checked_xml(
    router: respx.Router, client: AdvanceClient, method: str
) -> None:
    """replace_answers (PUT) and update_answers (PATCH) send the set's XML as the whole body."""
    verb = {"replace_answers": "PUT", "update_answers": "PATCH"}[method]
    route = router.request(verb, ANSWERS_PATH).mock(return_value=httpx.Response(204))
    answers = AnswerSet()
    answers["Client"] = "Bea"
    assert getattr(client, method)(ITEM, answers) is None
    sent = route.calls.last.request
    assert sent.headers["Content-Type"] == "application/xml; charset=utf-8"
    assert AnswerSet.from_xml(sent.content) == answers
    getattr(client, method)(uuid.UUID(ITEM), ANSWER_XML)  # answer XML as text is taken too
    assert route.calls.last.request.content == ANSWER_XML.encode()


@pytest.mark.parametrize("method", ["replace_answers", "update_answers"])
@pytest.mark.parametrize(
    "answers",
    [
        "<AnswerSet><Answer name='x'><NumValue>twelve</NumValue></Answer></AnswerSet>",
        "<AnswerSet><Answer/></AnswerSet>",
        "not xml",
    ],
)
def test_invalid_answers_are_refused_before_sending(
    router: respx.Router, client: AdvanceClient, method: str, answers: str
) -> None:
    """Answers that fail the answer-set schema raise AnswerSetError and send nothing."""
    with pytest.raises(AnswerSetError):
        getattr(client, method)(ITEM, answers)
    with pytest.raises(InvalidArgumentError):
        getattr(client, method)(ITEM, {"Client": "Ann"})
    assert router.calls.call_count == 0


@pytest.mark.parametrize("method", ["replace_answers", "update_answers"])
def test_a_409_to_changing_answers_says_which_statuses_allow_it(
    router: respx.Router, client: AdvanceClient, method: str
) -> None:
    """The 409 is a VersionStateError (a ConflictError) naming the spec's allowed statuses."""
    verb = {"replace_answers": "PUT", "update_answers": "PATCH"}[method]
    router.request(verb, ANSWERS_PATH).mock(
        return_value=httpx.Response(409, json={"title": "Conflict", "detail": "It is InProgress."})
    )
    with pytest.raises(VersionStateError) as raised:
        getattr(client, method)(ITEM, ANSWER_XML)
    error = raised.value
    assert isinstance(error, ConflictError)
    assert error.allowed_statuses == {"Saved", "Completed", "PostProcessingFailed"}
    assert "only while the work item's current version is" in str(error)
    assert "Completed, PostProcessingFailed or Saved" in str(error)
    assert "It is InProgress." in str(error)


def test_other_409s_stay_plain_conflicts(router: respx.Router, client: AdvanceClient) -> None:
    """A 409 to an operation without allowed statuses (a create) is not a VersionStateError."""
    router.put(f"/v1.1/WorkItems/{ITEM}").mock(return_value=httpx.Response(409, json={}))
    with pytest.raises(ConflictError) as raised:
        client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=ITEM
        )
    assert type(raised.value) is ConflictError


@pytest.mark.anyio
async def test_the_async_client_reads_and_changes_answers(router: respx.Router) -> None:
    """AsyncAdvanceClient's answer methods send and read the same as the sync ones."""
    router.get(ANSWERS_PATH).mock(
        return_value=httpx.Response(200, content=ANSWER_XML.encode(), headers={"Content-Type": XML})
    )
    patch = router.patch(ANSWERS_PATH).mock(return_value=httpx.Response(200))
    router.put(ANSWERS_PATH).mock(return_value=httpx.Response(409, json={}))
    async with AsyncAdvanceClient(BASE, auth=TOKEN) as client:
        answers = await client.get_answers(ITEM)
        assert answers["Count"] == 3
        await client.update_answers(ITEM, answers)
        assert AnswerSet.from_xml(patch.calls.last.request.content) == answers
        with pytest.raises(VersionStateError):
            await client.replace_answers(ITEM, answers)
