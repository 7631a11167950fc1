"""Property tests of answer files as real writers produce them: nothing answered is lost.

The oracle, ``answered_leaves``, is written here from the reference (section 7) and the
HotDocs Open SDK's reading rules, independently of the package's reader: it interprets each
answered value of a file, and keeps any value it cannot interpret as canonical XML.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

import pytest
from hotdocs_advance import AnswerSet, AnswerSetError, RawValue
from hypothesis import HealthCheck, given, settings
from lxml import etree

from tests.strategies import answer_sets, wild_answer_files

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TYPED = {"TextValue", "NumValue", "DateValue", "TFValue", "MCValue"}
_Leaves = dict[tuple[str, tuple[int, ...]], Any]


def _unanswered(element: etree._Element) -> bool:
    flag = element.get("unans") or element.get("UNANS") or ""
    return flag.strip().lower() == "true"


def _interpret(element: etree._Element) -> Any:
    """The value an answered element holds, by the Open SDK's rules; ValueError if none."""
    tag = element.tag
    text = "".join(element.itertext())
    if tag == "TextValue":
        return text
    if tag == "MCValue":
        return tuple(
            "".join(selection.itertext())
            for selection in element
            if selection.tag == "SelValue" and not _unanswered(selection)
        )
    if not text.strip():
        return None  # an empty number, date or true/false is unanswered
    if tag == "NumValue":
        try:
            return Decimal(text.strip())
        except InvalidOperation:
            raise ValueError(text) from None
    if tag == "DateValue":
        day, month, year = (int(part) for part in re.split(r"[/.\- ]", text.strip()))
        return datetime.date(year, month, day)
    flag = text.strip().lower()
    if flag not in {"true", "false", "1", "0"}:
        raise ValueError(text)
    return flag in {"true", "1"}


def _walk(element: etree._Element, name: str, path: tuple[int, ...], out: _Leaves) -> None:
    if element.tag == "RptValue":
        for index, child in enumerate(element.iterchildren(etree.Element)):
            _walk(child, name, (*path, index), out)
        return
    if element.tag not in _TYPED or _unanswered(element):
        if element.tag not in _TYPED:
            out[name, path] = etree.tostring(element, method="c14n", exclusive=True)
        return
    try:
        value = _interpret(element)
    except ValueError:
        value = etree.tostring(element, method="c14n", exclusive=True)
    if value is not None:
        out[name, path] = value


def answered_leaves(xml: bytes | str) -> _Leaves:
    """Each answered value of a file by answer name and repeat path (unanswered ones left out).

    Opaque and uninterpretable values count as their canonical XML.
    """
    data = xml.encode() if isinstance(xml, str) else xml
    data = re.sub(rb'encoding="utf-16"', b'encoding="utf-8"', data)
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    root = etree.fromstring(data, parser)
    out: _Leaves = {}
    for answer in root.iterchildren("Answer"):
        (value,) = answer.iterchildren(etree.Element)
        _walk(value, answer.get("name", "").strip(), (), out)
    return out


@PROPERTY
@given(wild_answer_files())
def test_every_answered_value_of_a_file_is_written_back(data: bytes) -> None:
    """Whatever a file holds, from_xml reads it, and to_xml writes every answered value back."""
    answers = AnswerSet.from_xml(data)
    assert answered_leaves(answers.to_xml()) == answered_leaves(data)


@PROPERTY
@given(wild_answer_files())
def test_problems_name_exactly_the_answers_kept_uninterpreted(data: bytes) -> None:
    """problems lists each answer held raw because it could not be read, and strict raises."""
    answers = AnswerSet.from_xml(data)
    raw_typed = {
        name
        for name, value in answers.items()
        if isinstance(value, RawValue) and value.tag not in {"DBValue", "ClauseLibValue"}
    }
    assert {problem.name for problem in answers.problems} == raw_typed
    if answers.problems:
        with pytest.raises(AnswerSetError) as caught:
            AnswerSet.from_xml(data, strict=True)
        first = answers.problems[0]
        assert (caught.value.answer, caught.value.line) == (first.name, first.line)
    else:
        assert AnswerSet.from_xml(data, strict=True) == answers


@PROPERTY
@given(wild_answer_files())
def test_a_file_read_and_written_reads_back_equal(data: bytes) -> None:
    """Writing what was read and reading it again gives an equal set, with the same problems."""
    answers = AnswerSet.from_xml(data)
    again = AnswerSet.from_xml(answers.to_xml())
    assert again == answers
    assert [(p.name, p.reason) for p in again.problems] == [
        (p.name, p.reason) for p in answers.problems
    ]


@PROPERTY
@given(answer_sets())
def test_every_answered_value_the_sdk_writes_is_read_back(answers: AnswerSet) -> None:
    """The oracle agrees with the package on what it writes: to_xml loses no answered value."""
    xml = answers.to_xml()
    assert answered_leaves(AnswerSet.from_xml(xml).to_xml()) == answered_leaves(xml)
