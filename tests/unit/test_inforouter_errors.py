"""The error hierarchy and the one translation of httpx, zeep and lxml exceptions."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import cast

import httpx
import pytest
import zeep.exceptions
from inforouter import (
    AuthenticationFailedError,
    InfoRouterAPIError,
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InfoRouterTimeoutError,
    InsufficientRightsError,
    InvalidResponseError,
    NotFoundError,
    OutcomeUnknownError,
    SoapFaultError,
    TaskRequestError,
    TicketExpiredError,
    TicketNotAllowedError,
    UnsupportedBindingError,
)
from inforouter._translate import redact, translate, translating
from lxml import etree

REQUEST = httpx.Request("POST", "https://ir.example.com/srv.asmx")


def exception_classes(module: ModuleType, base: type[BaseException]) -> list[type[BaseException]]:
    return sorted(
        (
            c
            for c in vars(module).values()
            if inspect.isclass(c) and issubclass(c, base) and not c.__name__.startswith("_")
        ),
        key=lambda c: c.__name__,
    )


def instance(cls: type[BaseException]) -> BaseException:
    """An instance of a foreign exception class, built the way its library builds it."""
    if cls is httpx.HTTPStatusError:
        return cls("x", request=REQUEST, response=httpx.Response(503, request=REQUEST))
    if cls is zeep.exceptions.DTDForbidden:
        return cls("r", None, None)  # type: ignore[no-untyped-call]
    if cls is zeep.exceptions.EntitiesForbidden:
        return cls("e", "content")  # type: ignore[no-untyped-call]
    if cls is zeep.exceptions.ExternalReferenceForbidden:
        return cls("http://x")  # type: ignore[no-untyped-call]
    if cls is zeep.exceptions.Fault:
        return cls("message", code="soap:Server")  # type: ignore[no-untyped-call]
    if cls is zeep.exceptions.TransportError:
        return cls("x", status_code=500, content=b"secret content")  # type: ignore[no-untyped-call]
    if issubclass(cls, httpx.StreamError) and cls is not httpx.StreamError:
        return cast("Callable[[], httpx.StreamError]", cls)()  # its subclasses take no message
    if issubclass(cls, etree.Error):
        try:
            return cls("message")
        except TypeError:
            return cls("message", 1, 1, 1)
    return cls("message")


FOREIGN = [
    *exception_classes(httpx, Exception),
    *exception_classes(zeep.exceptions, Exception),
    *exception_classes(etree, etree.Error),
]


@pytest.mark.parametrize("cls", FOREIGN, ids=lambda c: f"{c.__module__}.{c.__name__}")
def test_every_foreign_exception_is_translated(cls: type[BaseException]) -> None:
    """Each exception class of httpx, zeep.exceptions and lxml.etree maps to an
    InfoRouterError (a new library class without a mapping fails here)."""
    error = translate(instance(cls), operation="GetTask", status_code=200)
    assert isinstance(error, InfoRouterError)
    assert "GetTask" in str(error)


@pytest.mark.parametrize(
    ("exc", "expected", "request_sent"),
    [
        (httpx.ConnectError("refused"), InfoRouterConnectionError, False),
        (httpx.ConnectTimeout("slow"), InfoRouterTimeoutError, False),
        (httpx.PoolTimeout("busy"), InfoRouterTimeoutError, False),
        (httpx.ReadTimeout("slow"), InfoRouterTimeoutError, True),
        (httpx.WriteTimeout("slow"), InfoRouterTimeoutError, True),
        (httpx.ReadError("reset"), InfoRouterConnectionError, True),
        (httpx.RemoteProtocolError("closed"), InfoRouterConnectionError, True),
        (httpx.LocalProtocolError("bad"), InfoRouterConnectionError, True),
    ],
)
def test_httpx_failures_say_whether_the_request_left(
    exc: Exception, expected: type[InfoRouterConnectionError], request_sent: bool
) -> None:
    """Connect failures prove nothing was sent; read/write failures may have sent it."""
    error = translate(exc, operation="CreateTask")
    assert type(error) is expected
    assert isinstance(error, InfoRouterConnectionError)
    assert error.request_sent is request_sent


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (zeep.exceptions.Fault("Server was unable", code="soap:Server"), SoapFaultError),  # type: ignore[no-untyped-call]
        (zeep.exceptions.TransportError("x", status_code=502), InfoRouterHTTPError),  # type: ignore[no-untyped-call]
        (zeep.exceptions.TransportError("x", status_code=200), InvalidResponseError),  # type: ignore[no-untyped-call]
        (zeep.exceptions.DTDForbidden("r", None, None), InvalidResponseError),  # type: ignore[no-untyped-call]
        (zeep.exceptions.XMLParseError("bad"), InvalidResponseError),  # type: ignore[no-untyped-call]
        (zeep.exceptions.ValidationError("Missing element"), TaskRequestError),  # type: ignore[no-untyped-call]
        (etree.XMLSyntaxError("bad", 1, 1, 1), InvalidResponseError),
        (etree.SerialisationError("bad"), TaskRequestError),
        (
            httpx.HTTPStatusError("x", request=REQUEST, response=httpx.Response(504)),
            InfoRouterHTTPError,
        ),
        (httpx.DecodingError("gzip"), InvalidResponseError),
    ],
)
def test_most_specific_mapping_wins(exc: Exception, expected: type[InfoRouterError]) -> None:
    """Faults, HTTP statuses, DTDs, parse and validation errors map to their own classes."""
    assert type(translate(exc, operation="X")) is expected


def test_soap_fault_keeps_code_and_string() -> None:
    """A zeep Fault becomes SoapFaultError with the fault code and string."""
    error = translate(zeep.exceptions.Fault("Server was unable", code="soap:Server"), operation="X")  # type: ignore[no-untyped-call]
    assert isinstance(error, SoapFaultError)
    assert (error.code, error.message, error.operation) == ("soap:Server", "Server was unable", "X")


def test_zeep_transport_error_content_is_not_quoted() -> None:
    """zeep's TransportError carries the whole answer; the translated message does not."""
    error = translate(
        zeep.exceptions.TransportError("with <ticket>", status_code=500, content=b"<ticket>"),  # type: ignore[no-untyped-call]
        operation="X",
    )
    assert "ticket" not in str(error)
    assert "HTTP 500" in str(error)


def test_unknown_exceptions_are_not_translated() -> None:
    """A bug (KeyError) is not disguised: translate gives None and translating re-raises it."""
    assert translate(KeyError("k"), operation="X") is None
    with pytest.raises(KeyError), translating("X"):
        raise KeyError("k")


def test_translating_chains_the_cause_and_redacts() -> None:
    """translating raises from a masked copy of the foreign exception (same class), with
    secrets hidden in the message and in the cause; the original is not kept as context."""
    ticket = "ticket-0123456789"
    with pytest.raises(InfoRouterConnectionError) as caught, translating("GetTask", (ticket,)):
        raise httpx.ConnectError(f"cannot reach host for {ticket}")
    cause = caught.value.__cause__
    assert isinstance(cause, httpx.ConnectError)
    assert str(cause) == "cannot reach host for ***"
    assert caught.value.__context__ is None
    assert ticket not in str(caught.value)
    assert "***" in str(caught.value)


def test_translating_redacts_the_package_errors_too() -> None:
    """An InfoRouterAPIError quoting a secret is redacted in args and message."""
    with pytest.raises(InfoRouterAPIError) as caught, translating("X", ("pass word",)):
        raise InfoRouterAPIError(903, "Required parameter pass word", operation="X")
    assert "pass word" not in str(caught.value)
    assert "pass word" not in caught.value.message


def test_redact_hides_url_encoded_forms_and_ignores_empty_secrets() -> None:
    """Secrets are hidden raw and URL-encoded; an empty secret hides nothing; a short one is
    hidden at its known place (the PWD parameter) only."""
    assert redact("a=bb cc dd&d=bb+cc+dd&e=bb%20cc%20dd", ["bb cc dd", ""]) == "a=***&d=***&e=***"
    assert redact("UID=jdoe&PWD=0 [900]", ["0"]) == "UID=jdoe&PWD=*** [900]"


def test_the_hierarchy_is_as_documented() -> None:
    """Every error derives from InfoRouterError; argument errors are also ValueErrors."""
    for api in (
        AuthenticationFailedError,
        TicketExpiredError,
        TicketNotAllowedError,
        InsufficientRightsError,
        NotFoundError,
    ):
        assert issubclass(api, InfoRouterAPIError)
    for error in (
        InfoRouterAPIError,
        SoapFaultError,
        InfoRouterHTTPError,
        InvalidResponseError,
        InfoRouterConnectionError,
        OutcomeUnknownError,
        TaskRequestError,
        UnsupportedBindingError,
    ):
        assert issubclass(error, InfoRouterError)
    assert issubclass(InfoRouterTimeoutError, InfoRouterConnectionError)
    assert issubclass(TaskRequestError, ValueError)
    assert issubclass(UnsupportedBindingError, ValueError)
    # An unknown outcome must not be caught as a plain connection error and retried.
    assert not issubclass(OutcomeUnknownError, InfoRouterConnectionError)


def test_api_error_message_format() -> None:
    """str() shows [code] message (operation); no code shows no brackets."""
    assert str(TicketExpiredError(901, "Session expired", operation="GetTask")) == (
        "[901] Session expired (GetTask)"
    )
    assert str(InfoRouterAPIError(None, "Access Denied")) == "Access Denied"
