"""A web site's page answering any Advance call is refused, never a success (issue 16, item 2).

A base URL that points at a web site (``https://tenancy1.hotdocsadvance.com`` without
``/api/rest``) gets HTML pages with status 200. Whatever the operation promises (a JSON model,
answer XML, a document's bytes, or no body at all), every public method of both clients raises
``APIResponseValidationError`` naming the URL and the base-URL rule, with or without a
Content-Type on the page.
"""

from __future__ import annotations

import inspect
import io
from collections.abc import AsyncIterable, Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    APIResponseValidationError,
    AsyncAdvanceClient,
)
from hotdocs_advance._base import OPERATION_MARK

BASE = "https://tenancy1.hotdocsadvance.com"  # the web site, not the API under /api/rest
ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
OTHER = "7fa79c81-645c-4f84-af1d-4ebd2ab74cfd"
GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>HotDocs Advance</title></head>"
    b"<body><h1>Welcome</h1><p>Sign in to continue.</p></body></html>"
)
NOT_THE_API = (
    "; this does not look like the HotDocs Advance API: the base URL should end in /api/rest "
    "or /HdaApi/rest"
)


def _answers() -> AnswerSet:
    answers = AnswerSet()
    answers["Company Name"] = "ExampleCorp"
    return answers


# Every public method that sends, grouped by what its operation promises.
CALLS: dict[str, Callable[[Any], Any]] = {
    # A JSON model, or pages of them.
    "get_work_item": lambda c: c.get_work_item(ITEM),
    "begin_assembly_session": lambda c: c.begin_assembly_session(ITEM),
    "list_documents": lambda c: c.list_documents(ITEM),
    "get_document": lambda c: c.get_document(ITEM, OTHER),
    "get_public_interview_link": lambda c: c.get_public_interview_link(ITEM),
    "get_version_status": lambda c: c.get_version_status(ITEM, OTHER),
    "wait_for_version": lambda c: c.wait_for_version(ITEM, OTHER, timeout=5),
    "save_and_close": lambda c: c.save_and_close(ITEM, OTHER),
    "create_version": lambda c: c.create_version(ITEM, OTHER, answers=_answers()),
    "complete_version": lambda c: c.complete_version(ITEM, OTHER),
    "create_and_assemble": lambda c: c.create_and_assemble(
        ITEM, answers=_answers(), version_id=OTHER
    ),
    "list_work_groups": lambda c: c.list_work_groups(),
    "get_work_group": lambda c: c.get_work_group(ITEM),
    "list_template_packages": lambda c: c.list_template_packages(),
    "get_template_package": lambda c: c.get_template_package(ITEM),
    "list_work_items": lambda c: c.list_work_items(),
    "list_versions": lambda c: c.list_versions(ITEM),
    # Answer XML.
    "get_answers": lambda c: c.get_answers(ITEM),
    # A body the client does not read (its media type is checked).
    "create_work_item": lambda c: c.create_work_item(
        name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=ITEM
    ),
    # No body (200 or 204 documented).
    "save_assembly_session": lambda c: c.save_assembly_session(ITEM),
    "complete_assembly_session": lambda c: c.complete_assembly_session(ITEM),
    "replace_answers": lambda c: c.replace_answers(ITEM, _answers()),
    "update_answers": lambda c: c.update_answers(ITEM, _answers()),
    "create_public_interview_link": lambda c: c.create_public_interview_link(
        name="n", template_package_id=PACKAGE, work_group_id=GROUP, link_id=ITEM
    ),
    "delete_public_interview_link": lambda c: c.delete_public_interview_link(ITEM),
    # A document's bytes (any media type documented).
    "download_document": lambda c: c.download_document(ITEM, OTHER, io.BytesIO()),
    "iter_document": lambda c: c.iter_document(ITEM, OTHER),
}
HEADERS = {"text/html": {"content-type": "text/html; charset=utf-8"}, "no content type": {}}


def test_the_table_has_every_method_that_sends() -> None:
    """A method added for a new operation must join CALLS (its answer kind is then tested)."""
    sending = {
        name for name, member in vars(AdvanceClient).items() if hasattr(member, OPERATION_MARK)
    }
    assert sending | {"wait_for_version"} == set(CALLS)  # it polls get_version_status


@pytest.fixture
def site() -> Iterator[respx.Router]:
    """A web site answering every path with its welcome page."""
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


def _page(router: respx.Router, headers: dict[str, str]) -> None:
    router.route().mock(return_value=httpx.Response(200, content=PAGE, headers=headers))


def _check(error: APIResponseValidationError, router: respx.Router) -> None:
    sent = router.calls.last.request  # the request the page answered
    message = str(error)
    assert (error.method, error.url, error.status_code) == (sent.method, str(sent.url), 200)
    assert error.url.startswith((f"{BASE}/v1.1/", f"{BASE}/v2.0/"))
    assert message.startswith(f"{sent.method} {sent.url} answered 200 with a body ")
    assert " answered 200 with a body that is not this operation's: " in message
    assert message.endswith(NOT_THE_API)


def _drive(result: object) -> None:
    """Iterate a pager or the document's pieces: they send when iterated."""
    if not isinstance(result, list) and isinstance(result, Iterable):
        list(result)


async def _adrive(result: object) -> None:
    if inspect.isawaitable(result):
        result = await result
    if isinstance(result, AsyncIterable):
        async for _ in result:
            pass


@pytest.mark.parametrize("kind", HEADERS)
@pytest.mark.parametrize("name", CALLS)
def test_a_web_page_is_refused_by_every_sync_method(
    site: respx.Router, name: str, kind: str
) -> None:
    """Each AdvanceClient method answered with a 200 HTML page raises
    APIResponseValidationError: "<METHOD> <url> answered 200 with a body that is not this
    operation's: ...; this does not look like the HotDocs Advance API: the base URL should end
    in /api/rest or /HdaApi/rest"."""
    _page(site, HEADERS[kind])
    call = CALLS[name]
    with (
        AdvanceClient(BASE, auth="tok-1234567890", max_retries=0) as client,
        pytest.raises(APIResponseValidationError) as caught,
    ):
        _drive(call(client))
    _check(caught.value, site)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
@pytest.mark.parametrize("kind", HEADERS)
@pytest.mark.parametrize("name", CALLS)
async def test_a_web_page_is_refused_by_every_async_method(
    site: respx.Router, name: str, kind: str
) -> None:
    """The same for AsyncAdvanceClient (derived in the other direction: one method body)."""
    _page(site, HEADERS[kind])
    call = CALLS[name]
    async with AsyncAdvanceClient(BASE, auth="tok-1234567890", max_retries=0) as client:
        with pytest.raises(APIResponseValidationError) as caught:
            await _adrive(call(client))
    _check(caught.value, site)


@pytest.mark.parametrize("kind", HEADERS)
def test_a_web_page_instead_of_a_document_leaves_no_file(
    site: respx.Router, tmp_path: Path, kind: str
) -> None:
    """download_document to a path refuses the page and leaves nothing under the name."""
    _page(site, HEADERS[kind])
    destination = tmp_path / "contract.docx"
    with (
        AdvanceClient(BASE, auth="tok-1234567890", max_retries=0) as client,
        pytest.raises(APIResponseValidationError, match="that names no file, where a document"),
    ):
        client.download_document(ITEM, OTHER, destination)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        (
            {
                "content-type": "text/html",
                "content-disposition": 'attachment; filename="contract.html"',
            },
            PAGE,
        ),
        ({}, b"PK\x03\x04" + b"\x00" * 200),  # a .docx served without a type or a name
        ({}, b"<?xml version='1.0'?><AnswerSet/>"),  # markup, but not a page
        ({}, b"<ht"),  # shorter than the sniffed start
    ],
    ids=["html-document-with-a-file-name", "docx-unnamed", "xml-unnamed", "short"],
)
def test_documents_that_are_not_web_pages_are_kept(
    site: respx.Router, headers: dict[str, str], body: bytes
) -> None:
    """An HTML document that names its file, and unnamed bodies that do not begin as an HTML
    page, are downloaded whole, byte for byte."""
    site.route().mock(return_value=httpx.Response(200, content=body, headers=headers))
    with AdvanceClient(BASE, auth="tok-1234567890", max_retries=0) as client:
        assert b"".join(client.iter_document(ITEM, OTHER)) == body
        target = io.BytesIO()
        client.download_document(ITEM, OTHER, target)
    assert target.getvalue() == body


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({"content-type": "application/json"}, b'{"ok": true}'),
        ({"content-type": "text/plain"}, b"Saved."),
        ({}, b""),
    ],
    ids=["json", "text", "empty"],
)
def test_a_body_that_is_not_a_page_is_still_ignored_where_none_is_documented(
    site: respx.Router, headers: dict[str, str], body: bytes
) -> None:
    """save_assembly_session documents no body: anything but a web page still counts as done."""
    site.route().mock(return_value=httpx.Response(200, content=body, headers=headers))
    with AdvanceClient(BASE, auth="tok-1234567890", max_retries=0) as client:
        assert client.save_assembly_session(ITEM) is None
