"""Property tests: every public error of both packages pickles, and keeps no secret (issue 13).

The error tree is enumerated (every subclass of `AdvanceError` and `InfoRouterError`), so a
class added later is tested without a line here; each is built through its constructor with
fields drawn by their annotations (`tests.strategies.errors_of`). The errors the SDK builds
from answers and foreign exceptions that echo drawn secrets keep none of them, pickle
included. The masking rule's two halves are properties too: a long secret never survives in
any text, and a short one never changes a text in which it has no known place.
"""

from __future__ import annotations

import pickle
from typing import Any

import hotdocs_advance
import httpx
import inforouter
import pytest
import zeep.exceptions
from _client_core import MIN_SECRET_IN_TEXT, Masker
from hotdocs_advance import AdvanceError, APIStatusError
from hotdocs_advance._errors import make_status_error
from hotdocs_advance._errors import translate as advance_translate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from inforouter import InfoRouterAPIError, InfoRouterError
from inforouter._translate import translating
from lxml import etree

from tests.leaks import leaked
from tests.strategies import (
    PLACED_SECRETS,
    echoing_responses,
    errors_of,
    secrets_,
    short_secrets,
    xml_text,
)


def subclasses(root: type[BaseException]) -> list[type[BaseException]]:
    """The root and every class below it, in a stable order."""
    found: dict[str, type[BaseException]] = {}
    pending = [root]
    while pending:
        cls = pending.pop()
        found[f"{cls.__module__}.{cls.__qualname__}"] = cls
        pending += cls.__subclasses__()
    return [found[name] for name in sorted(found)]


ERROR_CLASSES = [*subclasses(AdvanceError), *subclasses(InfoRouterError)]


def test_the_error_tree_is_public() -> None:
    """Every error class found below the roots is exported by its package (and there are as
    many as the hierarchies document), so the properties below cover the public tree."""
    for cls in ERROR_CLASSES:
        package = hotdocs_advance if issubclass(cls, AdvanceError) else inforouter
        assert getattr(package, cls.__name__, None) is cls, cls
    assert len(ERROR_CLASSES) >= 29  # 14 + 15 when written; more may come


def response_facts(response: httpx.Response) -> tuple[Any, ...]:
    """What a kept response says: status, headers, body, request, history."""
    request = response.request
    return (
        response.status_code,
        response.headers.raw,
        response.content,
        request.method,
        str(request.url),
        request.headers.raw,
        request.content,
        [response_facts(earlier) for earlier in response.history],
    )


def fields(error: BaseException) -> dict[str, Any]:
    """An error's attributes, a response by what it says."""
    return {
        name: response_facts(value) if isinstance(value, httpx.Response) else value
        for name, value in vars(error).items()
    }


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__qualname__)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_error_pickles_to_the_same_error(
    cls: type[BaseException], data: st.DataObject
) -> None:
    """pickle.loads(pickle.dumps(error)) is an error of the same class with the same message,
    arguments and fields; a response it carries holds no secret of its known places."""
    error = data.draw(errors_of(cls))
    pickled = pickle.dumps(error)
    copy = pickle.loads(pickled)
    assert type(copy) is cls
    assert (str(copy), copy.args) == (str(error), error.args)
    assert fields(copy) == fields(error)
    for secret in PLACED_SECRETS:
        assert secret.encode() not in pickled


@settings(max_examples=60, deadline=None)
@given(data=st.data(), password=secrets_, token=secrets_, callback=secrets_)
def test_status_errors_keep_no_echoed_secret(
    data: st.DataObject, password: str, token: str, callback: str
) -> None:
    """An Advance status error built from an answer that echoes the password, the token and
    the callback secret (body, headers, the request's Authorization, a redirected log-in in
    the history) keeps none of them: message, body, response, pickle."""
    response = data.draw(echoing_responses(password, token, callback))
    secrets = (password, token, callback)
    error = make_status_error(response, secrets)
    assert isinstance(error, APIStatusError)
    assert leaked(error, secrets) == []
    assert error.response is not None
    assert "authorization" not in error.response.request.headers
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), str(copy), copy.body) == (type(error), str(error), error.body)


def _foreign(kind: str, text: str, secrets: tuple[str, str]) -> Exception:
    """A foreign exception quoting the secrets as a library would carry them."""
    password, ticket = secrets
    url = f"https://ir.example/srv.asmx/GetTask?authenticationTicket={ticket}&PWD={password}"
    request = httpx.Request("GET", url, headers={"Authorization": f"Bearer {ticket}"})
    match kind:
        case "fault":
            detail = etree.Element("detail")
            etree.SubElement(detail, "PWD").text = password
            etree.SubElement(detail, "note").text = text
            return zeep.exceptions.Fault(text, code="soap:Server", detail=detail)  # type: ignore[no-untyped-call]
        case "transport":
            return zeep.exceptions.TransportError(text, status_code=500, content=text.encode())  # type: ignore[no-untyped-call]
        case "connect":
            return httpx.ConnectError(text, request=request)
        case "status":
            response = httpx.Response(502, text=text, request=request)
            return httpx.HTTPStatusError(text, request=request, response=response)
    return InfoRouterAPIError(903, text, operation="GetTask")


@settings(max_examples=60, deadline=None)
@given(
    password=secrets_,
    ticket=secrets_,
    kind=st.sampled_from(["fault", "transport", "connect", "status", "api"]),
    noise=xml_text,
)
def test_translated_errors_keep_no_echoed_secret(
    password: str, ticket: str, kind: str, noise: str
) -> None:
    """An httpx, zeep or package error quoting the password and the ticket (text, detail XML,
    request URL and headers, content) is raised by both packages' translation keeping
    neither, in the whole chain and the pickle."""
    secrets = (password, ticket)
    text = f"{noise} <PWD>{password}</PWD> ticket {ticket} PWD={password}"
    with pytest.raises(InfoRouterError) as caught, translating("GetTask", secrets):
        raise _foreign(kind, text, secrets)
    assert leaked(caught.value, secrets) == []
    advance = _foreign(kind, text, secrets)
    if isinstance(advance, httpx.HTTPError):
        translated = advance_translate(advance, secrets)
        assert translated is not None
        assert leaked(translated, secrets) == []


_NO_PLACE_TEXT = st.text(st.sampled_from("0123456789 .:/[]()-_#,;"), max_size=60)


@given(text=_NO_PLACE_TEXT, secret=short_secrets | st.text("0123456789", min_size=1, max_size=7))
def test_a_short_secret_never_changes_text_where_it_has_no_place(text: str, secret: str) -> None:
    """A secret shorter than MIN_SECRET_IN_TEXT leaves free text without a known place as it
    is: no substring (a digit of a port, an id, a status) is ever starred."""
    assert len(secret) < MIN_SECRET_IN_TEXT
    assert Masker([secret], fields=["PWD"]).text(text) == text


@given(
    before=st.text(max_size=30), after=st.text(max_size=30), secret=secrets_, upper=st.booleans()
)
def test_a_long_secret_never_survives_in_any_text(
    before: str, after: str, secret: str, upper: bool
) -> None:
    """A secret of MIN_SECRET_IN_TEXT characters or more is masked wherever it shows in a
    text, in any letter case."""
    shown = secret.upper() if upper else secret
    masked = Masker([secret]).text(before + shown + after)
    assert secret.lower() not in masked.lower()
