"""Property tests of answer sets: round trips, schema validity, and hostile input."""

from __future__ import annotations

import contextlib
import json

import pytest
from hotdocs_advance import AnswerSet, AnswerSetError, validate_answer_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import (
    answer_sets,
    decimals_with_big_exponents,
    json_values,
    mutated_xml,
    names,
    texts,
)

PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(answer_sets())
def test_every_buildable_answer_set_validates_and_round_trips(answers: AnswerSet) -> None:
    """For every answer set that can be built, to_xml() is schema-valid and reads back equal."""
    xml = answers.to_xml()
    validate_answer_xml(xml)
    assert AnswerSet.from_xml(xml) == answers


@PROPERTY
@given(answer_sets())
def test_to_bytes_round_trips(answers: AnswerSet) -> None:
    """to_bytes() (UTF-8 with a declaration) reads back equal, as bytes and as text."""
    data = answers.to_bytes()
    assert AnswerSet.from_xml(data) == answers
    assert AnswerSet.from_xml(data.decode("utf-8")) == answers


@PROPERTY
@given(answer_sets())
def test_dict_form_round_trips_through_json(answers: AnswerSet) -> None:
    """from_dict(json.loads(json.dumps(to_dict()))) gives the same answer set back."""
    assert AnswerSet.from_dict(json.loads(json.dumps(answers.to_dict()))) == answers


@PROPERTY
@given(names, texts)
def test_any_text_survives_exactly(name: str, text: str) -> None:
    """Text with <, &, ]]>, quotes, CR and non-BMP characters reads back character for character."""
    answers = AnswerSet()
    answers[name] = text
    again = AnswerSet.from_xml(answers.to_xml())
    assert list(again) == [name]
    assert again[name] == text


@PROPERTY
@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_result_or_answer_set_error(data: bytes) -> None:
    """from_xml on arbitrary bytes returns an AnswerSet or raises AnswerSetError, nothing else."""
    try:
        result = AnswerSet.from_xml(data)
    except AnswerSetError:
        return
    assert isinstance(result, AnswerSet)


@PROPERTY
@given(st.text(max_size=300))
def test_arbitrary_text_gives_a_result_or_answer_set_error(text: str) -> None:
    """from_xml on arbitrary text returns an AnswerSet or raises AnswerSetError, nothing else."""
    try:
        result = AnswerSet.from_xml(text)
    except AnswerSetError:
        return
    assert isinstance(result, AnswerSet)


@PROPERTY
@given(mutated_xml())
def test_damaged_answer_xml_gives_a_result_or_answer_set_error(data: bytes) -> None:
    """Valid answer XML with bytes changed still reads or raises AnswerSetError, nothing else."""
    try:
        result = AnswerSet.from_xml(data)
    except AnswerSetError:
        return
    assert AnswerSet.from_xml(result.to_xml()) == result


@PROPERTY
@given(mutated_xml())
def test_validation_of_damaged_xml_raises_only_answer_set_error(data: bytes) -> None:
    """validate_answer_xml on damaged XML passes or raises AnswerSetError, nothing else."""
    with contextlib.suppress(AnswerSetError):
        validate_answer_xml(data)


@PROPERTY
@given(json_values)
def test_arbitrary_json_gives_a_result_or_answer_set_error(data: object) -> None:
    """from_dict on any JSON value returns an AnswerSet or raises AnswerSetError, nothing else."""
    try:
        AnswerSet.from_dict({"answers": {"A": data}})
        AnswerSet.from_dict(data)  # type: ignore[arg-type]
    except AnswerSetError:
        pass


@PROPERTY
@given(decimals_with_big_exponents)
def test_numbers_with_huge_exponents_are_refused(number: object) -> None:
    """A number whose plain notation would be over 1000 digits long is refused, not expanded:
    it is beyond what HotDocs stores (a double)."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match="is larger than HotDocs can store"):
        answers["N"] = number  # type: ignore[assignment]
