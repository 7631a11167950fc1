"""The exception hierarchy, one-place translation of foreign exceptions, and the public names."""

from __future__ import annotations

import inspect

import hotdocs_advance
import hotdocs_advance_api
import httpx
import pytest
from hotdocs_advance import (
    AdvanceError,
    AnswerSetError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from hotdocs_advance._errors import FOREIGN_ERRORS, make_status_error, redact, translate
from hotdocs_advance_api import errors as generated_errors

REQUEST = httpx.Request("PUT", "https://t.example/api/rest/v1.1/WorkItems/1")


def exception_classes(namespace: dict[str, object]) -> set[type[BaseException]]:
    return {
        value
        for value in namespace.values()
        if inspect.isclass(value) and issubclass(value, BaseException)
    }


def test_every_httpx_exception_is_mapped() -> None:
    """Every exception class httpx exports has its own row in the translation table."""
    mapped = {foreign for foreign, _ in FOREIGN_ERRORS}
    missing = exception_classes(vars(httpx)) - mapped
    assert not missing, f"unmapped httpx exceptions: {sorted(cls.__name__ for cls in missing)}"


def test_every_generated_client_exception_is_mapped() -> None:
    """Every exception class of the generated package has a row in the translation table."""
    mapped = {foreign for foreign, _ in FOREIGN_ERRORS}
    found = exception_classes(vars(generated_errors)) | exception_classes(vars(hotdocs_advance_api))
    found = {cls for cls in found if cls.__module__.startswith("hotdocs_advance_api")}
    assert found
    assert not found - mapped


def test_translation_rows_are_most_specific_first() -> None:
    """No row is shadowed by an earlier row for one of its base classes."""
    for position, (foreign, _) in enumerate(FOREIGN_ERRORS):
        for earlier, _ in FOREIGN_ERRORS[:position]:
            assert not issubclass(foreign, earlier), (
                f"{foreign.__name__} is shadowed by {earlier.__name__}"
            )


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (httpx.ConnectTimeout("t", request=REQUEST), APITimeoutError),
        (httpx.PoolTimeout("t", request=REQUEST), APITimeoutError),
        (httpx.ConnectError("refused", request=REQUEST), APIConnectionError),
        (httpx.RemoteProtocolError("eof", request=REQUEST), APIConnectionError),
        (httpx.UnsupportedProtocol("ftp"), APIConnectionError),
        (httpx.TooManyRedirects("loop", request=REQUEST), APIConnectionError),
        (httpx.DecodingError("gzip"), APIConnectionError),
        (
            httpx.HTTPStatusError(
                "x", request=REQUEST, response=httpx.Response(404, request=REQUEST)
            ),
            NotFoundError,
        ),
        (httpx.InvalidURL("bad"), InvalidArgumentError),
        (httpx.CookieConflict("c"), AdvanceError),
        (httpx.StreamConsumed(), AdvanceError),
        (httpx.ResponseNotRead(), AdvanceError),
        (generated_errors.UnexpectedStatus(418, b"teapot"), APIStatusError),
        (generated_errors.UnexpectedStatus(502, b""), InternalServerError),
    ],
)
def test_foreign_exceptions_become_ours(exc: Exception, expected: type[AdvanceError]) -> None:
    """Each kind of httpx or generated-client exception is translated to its class."""
    translated = translate(exc)
    assert type(translated) is expected


def test_a_connection_error_names_the_request() -> None:
    """A translated transport error keeps the request's method and URL."""
    translated = translate(httpx.ConnectError("refused", request=REQUEST))
    assert isinstance(translated, APIConnectionError)
    assert (translated.method, translated.url) == ("PUT", str(REQUEST.url))
    assert "PUT https://t.example" in str(translated)
    assert translate(httpx.ConnectError("refused")).method is None  # type: ignore[union-attr]


def test_other_exceptions_are_not_translated() -> None:
    """Exceptions that are not httpx's or the generated client's are left alone."""
    assert translate(KeyError("x")) is None


def test_translation_hides_secrets() -> None:
    """A transport message quoting a secret is masked: a short token after "Bearer" (its known
    place), a long one anywhere; a short secret elsewhere is left alone, ungarbled."""
    translated = translate(
        httpx.LocalProtocolError("Illegal header value b'Bearer tok-9'"), ["tok-9"]
    )
    assert "tok-9" not in str(translated)
    assert redact("a long-token b long-token", ["long-token", ""]) == "a *** b ***"
    assert redact("port 8080, id 10", ["0"]) == "port 8080, id 10"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitError),
        (500, InternalServerError),
        (504, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_one_function_builds_the_status_error(status: int, expected: type[APIStatusError]) -> None:
    """make_status_error picks the class by status and keeps status, body, method, URL, and a
    copy of the response without the Authorization header."""
    request = httpx.Request(REQUEST.method, REQUEST.url, headers={"Authorization": "Bearer t"})
    response = httpx.Response(status, json={"title": "T", "detail": "D"}, request=request)
    error = make_status_error(response)
    assert type(error) is expected
    assert (error.status_code, error.body, error.method, error.url) == (
        status,
        {"title": "T", "detail": "D"},
        "PUT",
        str(REQUEST.url),
    )
    assert error.response is not None
    assert error.response is not response
    assert (error.response.status_code, error.response.json()) == (status, error.body)
    assert error.response.request.url == REQUEST.url
    assert "authorization" not in error.response.request.headers
    assert "(T - D)" in str(error)


def test_long_error_bodies_are_shortened_in_the_message() -> None:
    """A huge error body is cut in the message but kept whole in .body."""
    response = httpx.Response(500, text="x" * 5000, request=REQUEST)
    error = make_status_error(response)
    assert len(str(error)) < 500
    assert error.body == "x" * 5000


def test_the_hierarchy_is_as_documented() -> None:
    """Every exception derives from AdvanceError; argument errors are also ValueErrors."""
    cls: type[AdvanceError]
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        RateLimitError,
        InternalServerError,
    ):
        assert issubclass(cls, APIStatusError)
    assert issubclass(APITimeoutError, APIConnectionError)
    for cls in (
        APIStatusError,
        APIConnectionError,
        APIResponseValidationError,
        AnswerSetError,
        InvalidArgumentError,
    ):
        assert issubclass(cls, AdvanceError)
    assert issubclass(AnswerSetError, ValueError)
    assert issubclass(InvalidArgumentError, ValueError)
    assert "AdvanceError" in hotdocs_advance._errors.__doc__


def test_answer_set_error_message_leads_with_where() -> None:
    """AnswerSetError's text starts with line, column and answer when known."""
    error = AnswerSetError("bad", answer="A", line=3, column=7)
    assert str(error) == "line 3, column 7, answer 'A': bad"
    assert str(AnswerSetError("bad")) == "bad"


def test_public_names_are_exactly_the_sorted_all() -> None:
    """hotdocs_advance exports one __all__, sorted isort-style, and nothing else public."""

    def isort_style(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert hotdocs_advance.__all__ == sorted(hotdocs_advance.__all__, key=isort_style)
    public = {name for name in vars(hotdocs_advance) if name.isidentifier() and name[0] != "_"}
    submodules = {"sandbox"}
    assert public - submodules == set(hotdocs_advance.__all__)
    for name in hotdocs_advance.__all__:
        assert getattr(hotdocs_advance, name) is not None
