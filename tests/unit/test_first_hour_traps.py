"""The first hour's traps on the Advance side, and what both packages share: each test quotes
the message a new user now reads (a wrong base URL, a closed client, a long value, a class's
module, the version)."""

from __future__ import annotations

import importlib
import pickle
import traceback
from collections.abc import Iterator
from decimal import Decimal
from types import ModuleType

import _client_core
import hotdocs_advance
import hotdocs_advance.sandbox
import httpx
import inforouter
import inforouter.sandbox
import pytest
import respx
from hotdocs_advance import (
    AdvanceClient,
    AdvanceError,
    AnswerSet,
    AnswerSetError,
    APIResponseValidationError,
    AsyncAdvanceClient,
    AuthenticationError,
    ClientClosedError,
    InvalidArgumentError,
)

BASE = "https://tenancy1.hotdocsadvance.com"  # a base URL without /api/rest: the trap
GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
PAGE = b"<!DOCTYPE html><html><head><title>Welcome</title></head><body>Hi</body></html>"
NOT_THE_API = (
    "this does not look like the HotDocs Advance API: the base URL should end in /api/rest "
    "or /HdaApi/rest"
)


@pytest.fixture
def router() -> Iterator[respx.Router]:
    with respx.mock(assert_all_called=False) as mocked:
        yield mocked


@pytest.mark.parametrize(
    "headers",
    [{"content-type": "text/html; charset=utf-8"}, {}],
    ids=["text/html", "no-content-type"],
)
def test_an_html_page_answering_a_create_is_refused_not_a_success(
    router: respx.Router, headers: dict[str, str]
) -> None:
    """A 200 HTML page (a web site at a wrong base URL), with or without a Content-Type, makes
    create_work_item raise APIResponseValidationError naming the URL and what was expected,
    instead of returning an id."""
    router.put(f"{BASE}/v1.1/WorkItems/{ITEM}").mock(
        return_value=httpx.Response(200, content=PAGE, headers=headers)
    )
    with (
        AdvanceClient(BASE, auth="tok-1234567890") as client,
        pytest.raises(APIResponseValidationError) as caught,
    ):
        client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, work_item_id=ITEM
        )
    message = str(caught.value)
    assert message.startswith(f"PUT {BASE}/v1.1/WorkItems/{ITEM} answered 200 with a body ")
    assert message.endswith(NOT_THE_API)
    assert caught.value.url == f"{BASE}/v1.1/WorkItems/{ITEM}"


def test_a_json_body_of_the_wrong_shape_says_what_was_expected(router: respx.Router) -> None:
    """A 200 whose JSON is not the documented model names the URL and the base-URL hint."""
    router.get(f"{BASE}/v1.1/WorkItems/{ITEM}").mock(
        return_value=httpx.Response(200, json=["not", "a", "work", "item"])
    )
    with (
        AdvanceClient(BASE, auth="tok-1234567890") as client,
        pytest.raises(APIResponseValidationError, match=NOT_THE_API),
    ):
        client.get_work_item(ITEM)


def test_a_call_on_a_closed_client_raises_client_closed_error() -> None:
    """A call after close() raises ClientClosedError (an AdvanceError and a RuntimeError)
    saying nothing was sent, not httpx's bare RuntimeError."""
    client = AdvanceClient("http://127.0.0.1:9/api/rest", auth="tok-1234567890")
    client.close()
    with pytest.raises(ClientClosedError) as caught:
        client.get_work_item(ITEM)
    assert isinstance(caught.value, AdvanceError)
    assert isinstance(caught.value, RuntimeError)
    assert str(caught.value) == (
        "AdvanceClient for http://127.0.0.1:9/api/rest is closed (its connection pool was "
        "closed, by close() or the end of its with block); nothing was sent: create a new client"
    )


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_a_call_through_a_closed_http_client_raises_client_closed_error() -> None:
    """The async client with a closed http_client says whose pool is closed."""
    http = httpx.AsyncClient()
    await http.aclose()
    client = AsyncAdvanceClient("http://127.0.0.1:9/api/rest", auth="tok", http_client=http)
    with pytest.raises(ClientClosedError, match="the http_client it was given was closed"):
        await client.get_work_item(ITEM)


def test_long_user_values_are_cut_in_messages() -> None:
    """A 5,000-character name or id is quoted by its start and its length, not in full."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError) as caught:
        answers["x" * 5000] = 1
    assert str(caught.value) == (
        "answer '" + "x" * 75 + "...' (5000 characters): the name is longer than 255 characters"
    )
    client = AdvanceClient("http://127.0.0.1:9/api/rest", auth="tok-1234567890")
    with pytest.raises(InvalidArgumentError) as caught_id:
        client.get_work_item("y" * 5000)
    assert len(str(caught_id.value)) < 150
    assert str(caught_id.value).endswith("...' (5000 characters) is not a GUID")


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("short", "'short'"),
        ("z" * 100, "'" + "z" * 75 + "...' (100 characters)"),
        (b"b" * 100, "b'" + "b" * 75 + "... (100 bytes)"),
    ],
)
def test_shorten_keeps_short_values_and_cuts_long_ones(value: object, quoted: str) -> None:
    """The one helper both packages quote user values with."""
    assert _client_core.shorten(value) == quoted


def _public_classes(module: ModuleType) -> list[tuple[str, type]]:
    return [
        (name, value) for name in module.__all__ if isinstance(value := getattr(module, name), type)
    ]


@pytest.mark.parametrize(
    "module",
    [hotdocs_advance, inforouter, hotdocs_advance.sandbox, inforouter.sandbox],
    ids=lambda m: m.__name__,
)
def test_every_public_class_shows_a_public_module(module: ModuleType) -> None:
    """Every class in __all__ names a public module it can be imported from (its own package,
    or for a class both packages share, the other one), as httpx's classes do."""
    classes = _public_classes(module)
    assert classes
    for name, cls in classes:
        assert not any(part.startswith("_") for part in cls.__module__.split(".")), name
        assert cls.__module__ in {
            module.__name__,
            "hotdocs_advance",
            "inforouter",
            "hotdocs_advance.sandbox",
            "inforouter.sandbox",
        }, name
        assert getattr(importlib.import_module(cls.__module__), cls.__name__) is cls, name


def test_tracebacks_and_reprs_name_the_public_module() -> None:
    """A traceback reads hotdocs_advance.AuthenticationError, not the private _errors module;
    the error still pickles by that name."""
    error = AuthenticationError(
        "refused", status_code=401, body=None, method="GET", url="http://127.0.0.1/"
    )
    assert repr(AuthenticationError) == "<class 'hotdocs_advance.AuthenticationError'>"
    text = "".join(traceback.format_exception(error))
    assert "hotdocs_advance.AuthenticationError: refused" in text
    assert "_errors" not in text
    assert type(pickle.loads(pickle.dumps(error))) is AuthenticationError
    assert repr(inforouter.TicketExpiredError) == "<class 'inforouter.TicketExpiredError'>"


def test_annotations_stay_resolvable_after_publishing() -> None:
    """typing.get_type_hints still reads the published classes' annotations."""
    import typing  # noqa: PLC0415

    assert typing.get_type_hints(inforouter.Task)["due_date"] is not None
    assert typing.get_type_hints(hotdocs_advance.WorkItem)["id"] is not None


@pytest.mark.parametrize("module", [hotdocs_advance, inforouter], ids=lambda m: m.__name__)
def test_packages_have_a_version_from_their_metadata(module: ModuleType) -> None:
    """__version__ is the installed distribution's version."""
    import importlib.metadata  # noqa: PLC0415

    assert module.__version__ == importlib.metadata.version("hotdocs-inforouter-clients")


def test_a_vendored_copy_reports_an_unknown_version() -> None:
    """Inside another program (a dotted package name) the version is not the installed one's."""
    assert _client_core.package_version("yourapp._vendor.inforouter") == "0+unknown"
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = hotdocs_advance.nope  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            Decimal("1E+400"),
            "answer 'N': '1E+400' is larger than HotDocs can store: numbers are doubles, at most "
            "1.7976931348623157E+308 in size",
        ),
        (
            10**400,
            "answer 'N': '" + "1" + "0" * 74 + "...' (401 characters) is larger than HotDocs "
            "can store: numbers are doubles, at most 1.7976931348623157E+308 in size",
        ),
        (
            Decimal("-1.8E+308"),
            "answer 'N': '-1.8E+308' is larger than HotDocs can store: numbers are doubles, at "
            "most 1.7976931348623157E+308 in size",
        ),
        (
            Decimal("1E-400"),
            "answer 'N': '1E-400' is closer to 0 than HotDocs can store: numbers are doubles, "
            "the smallest about 4.9E-324",
        ),
    ],
)
def test_numbers_beyond_the_double_range_are_refused(value: object, message: str) -> None:
    """A number HotDocs cannot store (beyond a double) is refused when set, not sent as 400
    digits."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError) as caught:
        answers["N"] = value  # type: ignore[assignment]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "value", [Decimal("1.7976931348623157E+308"), Decimal("-5E-324"), Decimal("0E-2000"), 10**308]
)
def test_numbers_at_the_edges_of_the_double_range_are_kept(value: object) -> None:
    """The largest double, the smallest subnormal, a zero with any exponent are accepted."""
    answers = AnswerSet()
    answers["N"] = value  # type: ignore[assignment]
    assert "<NumValue>" in answers.to_xml()
