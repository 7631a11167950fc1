"""Where an answer set is checked against the XSD: before sending and on request, not in to_xml()."""

from __future__ import annotations

import httpx
import pytest
from hotdocs_advance import AdvanceClient, AnswerSet, AnswerSetError, RawValue, validate_answer_xml

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"


def _unknown_value() -> AnswerSet:
    answers = AnswerSet()
    answers["Odd"] = RawValue("<FooValue>1</FooValue>")  # kept raw, unknown to the XSD
    return answers


def test_to_xml_writes_without_checking_the_schema() -> None:
    """to_xml() writes what the set holds; validate_answer_xml() is the check, naming the answer."""
    xml = _unknown_value().to_xml()
    assert "<FooValue>1</FooValue>" in xml
    with pytest.raises(AnswerSetError) as caught:
        validate_answer_xml(xml)
    assert caught.value.answer == "Odd"


def test_answers_are_checked_against_the_schema_before_anything_is_sent() -> None:
    """create_work_item refuses an answer set the XSD refuses, and sends nothing."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    with (
        httpx.Client(transport=httpx.MockTransport(answer)) as http,
        AdvanceClient("https://t.example/api/rest", auth="token", http_client=http) as client,
        pytest.raises(AnswerSetError) as caught,
    ):
        client.create_work_item(
            name="n", work_group_id=GROUP, template_package_id=PACKAGE, answers=_unknown_value()
        )
    assert caught.value.answer == "Odd"
    assert sent == []
