"""Property tests: request models round-trip and validate; any answer is a result or an error."""

from __future__ import annotations

import contextlib
import datetime

import httpx
import inforouter_api
import pytest
from hypothesis import HealthCheck, given, settings
from inforouter import (
    InfoRouterClient,
    InfoRouterError,
    RelatedTaskRequest,
    RequirementType,
    Task,
    TaskRequest,
    TaskRequestError,
    TaskRequirement,
)
from inforouter._answers import check_answer, read_http_answer
from inforouter._responses import (
    read_created_task,
    read_reassigned_task,
    read_task,
    read_ticket,
)
from inforouter._transport import RawResponse
from lxml import etree

from tests.strategies import (
    NOT_XML,
    answer_bytes,
    any_text,
    http_statuses,
    related_task_requests,
    task_requests,
    xml_text,
)

EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCHEMA = etree.XMLSchema(etree.fromstring(inforouter_api.TASK_MODELS_XSD.read_bytes()))
DUE = datetime.date(2026, 5, 15)
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
LOGIN = b'<root success="true" ticket="T-1" />'


def validate(xml: str) -> None:
    ok = SCHEMA.validate(etree.fromstring(xml.encode()))
    assert ok, [e.message for e in SCHEMA.error_log]


@EXAMPLES
@given(related_task_requests)
def test_related_requests_round_trip_and_validate(request: RelatedTaskRequest) -> None:
    """Every buildable RelatedTaskRequest validates against the XSD and reads back equal."""
    xml = request.to_xml()
    validate(xml)
    assert RelatedTaskRequest.from_xml(xml) == request


@EXAMPLES
@given(task_requests)
def test_task_requests_round_trip_and_validate(request: TaskRequest) -> None:
    """Every buildable TaskRequest validates against the XSD and reads back equal."""
    xml = request.to_xml()
    validate(xml)
    assert TaskRequest.from_xml(xml) == request


@EXAMPLES
@given(any_text, any_text)
def test_arbitrary_text_survives_or_is_refused(instructions: str, definition: str) -> None:
    """Any instructions and definition text either comes back unchanged from the XML, or is
    refused with TaskRequestError exactly when it holds a character XML 1.0 forbids."""
    forbidden = NOT_XML.search(instructions + definition) is not None
    try:
        request = RelatedTaskRequest(
            "jdoe",
            instructions,
            DUE,
            requirements=[TaskRequirement(RequirementType.COMMENTS, 0, definition)],
        )
    except TaskRequestError:
        assert forbidden
        return
    assert not forbidden
    again = RelatedTaskRequest.from_xml(request.to_xml())
    assert again.instructions == instructions
    assert again.requirements[0].definition == definition


@EXAMPLES
@given(xml_text)
def test_text_is_escaped_so_the_document_stays_one_element(text: str) -> None:
    """Markup-like text never adds elements: the model always has its eight children."""
    xml = RelatedTaskRequest("jdoe", text, DUE).to_xml()
    assert len(etree.fromstring(xml.encode())) == 8


READERS = (
    lambda answer: read_created_task(answer, "CreateTask"),
    lambda answer: read_reassigned_task(answer, "ReassignTask"),
    lambda answer: read_task(answer, "GetTask"),
    read_ticket,
)


@EXAMPLES
@given(answer_bytes, http_statuses)
def test_any_bytes_through_the_parser_give_a_result_or_an_error(body: bytes, status: int) -> None:
    """Arbitrary bytes as an HTTP answer give a typed result or an InfoRouterError, for
    every result reader."""
    for reader in READERS:
        with contextlib.suppress(InfoRouterError):
            root = read_http_answer(RawResponse(status, httpx.Headers(), body), "X")
            reader(check_answer(root, "X", status))


class Canned:
    """A server that logs in and then answers every call with the current body."""

    def __init__(self) -> None:
        self.body = b""

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if b"AuthenticateUser" in request.content or request.url.path.endswith("AuthenticateUser"):
            if request.headers.get("content-type", "").startswith("text/xml"):
                return httpx.Response(
                    200,
                    content=(
                        f'<s:Envelope xmlns:s="{SOAP11}"><s:Body><AuthenticateUserResponse '
                        'xmlns="http://tempuri.org/"><AuthenticateUserResult>'
                        f"{LOGIN.decode()}</AuthenticateUserResult></AuthenticateUserResponse>"
                        "</s:Body></s:Envelope>"
                    ).encode(),
                )
            return httpx.Response(200, content=LOGIN)
        return httpx.Response(200, content=self.body)


@pytest.mark.parametrize("binding", ["soap11", "http-post"])
def test_any_bytes_through_a_full_call_give_a_result_or_an_error(binding: str) -> None:
    """Arbitrary bytes (or SOAP envelopes around arbitrary answers) answering get_task give a
    Task or an InfoRouterError, never anything else."""
    canned = Canned()
    http = httpx.Client(transport=httpx.MockTransport(canned))
    session = InfoRouterClient(
        "https://ir.example.com/srv.asmx",
        binding=binding,  # type: ignore[arg-type]
        http_client=http,
        max_retries=0,
    ).authenticate("u", "p")

    @EXAMPLES
    @given(answer_bytes)
    def run(body: bytes) -> None:
        bodies = [body]
        if binding == "soap11":
            bodies.append(
                f'<s:Envelope xmlns:s="{SOAP11}"><s:Body><GetTaskResponse '
                'xmlns="http://tempuri.org/"><GetTaskResult>'.encode()
                + body
                + b"</GetTaskResult></GetTaskResponse></s:Body></s:Envelope>"
            )
        for answer in bodies:
            canned.body = answer
            with contextlib.suppress(InfoRouterError):
                assert isinstance(session.get_task(1), Task)

    run()
