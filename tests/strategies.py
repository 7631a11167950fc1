"""Hypothesis strategies for the HotDocs Advance package: answer values and answer sets."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from hotdocs_advance import AnswerKind, AnswerSet, MultipleChoice, RawValue, Unanswered
from hypothesis import strategies as st

# Characters XML 1.0 can carry in element text.
XML_CHARS = st.one_of(
    st.sampled_from("\t\n\r"),
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
# What names and selections may hold: the C0 controls too, which are written as \xx.
ESCAPABLE_CHARS = st.one_of(XML_CHARS, st.characters(max_codepoint=0x1F), st.just("\\"))
# Text that trips naive writers.
NASTY = st.sampled_from(
    ["<", ">", "&", "&amp;", "]]>", '"', "'", "\r", "\r\n", "\n", "\\", "\\5c", "\U0001f600", " "]
)

texts = st.lists(st.one_of(NASTY, st.text(XML_CHARS, max_size=8)), max_size=5).map("".join)
selections = st.lists(st.one_of(NASTY, st.text(ESCAPABLE_CHARS, max_size=6)), max_size=3).map(
    "".join
)
names = (
    st.lists(st.one_of(NASTY, st.text(ESCAPABLE_CHARS, min_size=1, max_size=10)), max_size=4)
    .map("".join)
    .map(str.strip)
    .filter(lambda name: 0 < len(name) <= 255 and name == name.strip())
)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False).filter(
        lambda number: -1000 <= number.as_tuple().exponent <= 1000  # type: ignore[operator]
    ),
)
dates = st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31))
choices = st.lists(selections, max_size=4).map(lambda items: MultipleChoice(*items))

_RAW_VALUES = [
    '<DBValue><DBColumn name="Id"><NumValue>4</NumValue></DBColumn>'
    '<DBColumn name="Name"><TextValue>A &amp; B</TextValue></DBColumn></DBValue>',
    '<ClauseLibValue><ClauseSelValue title="T" fileName="c.rtf" description=""/></ClauseLibValue>',
    '<DocTextValue fmt="rtf">Some <b>bold</b> text<!-- kept --></DocTextValue>',
    '<DBValue unans="true"><DBColumn name="x"><TFValue>true</TFValue></DBColumn></DBValue>',
]
raw_values = st.sampled_from(_RAW_VALUES).map(RawValue)
kinds = st.sampled_from(list(AnswerKind))

# One strategy per answer type, as (kind, values of that kind).
_TYPED: dict[AnswerKind, st.SearchStrategy[Any]] = {
    AnswerKind.TEXT: texts,
    AnswerKind.NUMBER: numbers,
    AnswerKind.DATE: dates,
    AnswerKind.TRUE_FALSE: st.booleans(),
    AnswerKind.MULTIPLE_CHOICE: choices,
}

scalars = st.one_of(*_TYPED.values(), kinds.map(Unanswered), raw_values)


@st.composite
def repeats(draw: st.DrawFn) -> list[Any]:
    """A repeated answer: one value type, one depth (1 to 4), gaps as None."""
    kind = draw(kinds)
    depth = draw(st.integers(min_value=1, max_value=4))
    leaf = st.one_of(_TYPED[kind], st.none())

    def level(remaining: int) -> st.SearchStrategy[Any]:
        if remaining == 1:
            return st.lists(leaf, max_size=4)
        return st.lists(level(remaining - 1), max_size=3)

    value = draw(level(depth))
    if _has_none_only(value):
        # No answered value gives the type: say it with Unanswered entries.
        value = _replace_none(value, Unanswered(kind))
    return value


def _has_none_only(value: Any) -> bool:
    if isinstance(value, list):
        return all(_has_none_only(item) for item in value)
    return value is None or isinstance(value, Unanswered)


def _replace_none(value: Any, blank: Unanswered) -> Any:
    if isinstance(value, list):
        return [_replace_none(item, blank) for item in value]
    return blank if value is None else value


# A repeat of opaque values: all of one element type.
raw_repeats = st.sampled_from(["<DBValue", "<ClauseLibValue", "<DocTextValue"]).flatmap(
    lambda start: st.lists(
        st.sampled_from([xml for xml in _RAW_VALUES if xml.startswith(start)]).map(RawValue),
        min_size=1,
        max_size=3,
    )
)
answer_values = st.one_of(scalars, repeats(), raw_repeats)
attribute_names = st.from_regex(r"[a-zA-Z][a-zA-Z0-9]{0,8}", fullmatch=True)
attribute_values = st.text(XML_CHARS, max_size=8)


@st.composite
def answer_sets(draw: st.DrawFn) -> AnswerSet:
    """Any answer set this package can build, attributes included."""
    answers = AnswerSet(
        title=draw(st.text(XML_CHARS, max_size=6)),
        version=draw(st.sampled_from(["1.1", "1.0", "2"])),
    )
    for name, value in draw(st.dictionaries(names, answer_values, max_size=6)).items():
        answers[name] = value
    answers.attributes.update(
        draw(
            st.dictionaries(
                attribute_names.filter(lambda key: key not in ("title", "version")),
                attribute_values,
                max_size=2,
            )
        )
    )
    for name in draw(st.lists(st.sampled_from(sorted(answers)), max_size=3)) if answers else []:
        answers.answer_attributes(name).update(
            draw(
                st.dictionaries(
                    attribute_names.filter(lambda key: key != "name"), attribute_values, max_size=2
                )
            )
        )
        index = _some_index(draw, answers[name])
        if index is not None:
            answers.value_attributes(name, *index)["userModifiable"] = "false"
    return answers


def _some_index(draw: st.DrawFn, value: Any) -> tuple[int, ...] | None:
    """An index path to a value element that is not a RawValue, or None."""
    path: list[int] = []
    while isinstance(value, list) and value and draw(st.booleans()):
        position = draw(st.integers(min_value=0, max_value=len(value) - 1))
        path.append(position)
        value = value[position]
    return None if isinstance(value, RawValue) else tuple(path)


# XML that is close to valid answer XML, to mutate.
xml_documents = answer_sets().map(lambda answers: answers.to_xml().encode("utf-8"))


@st.composite
def mutated_xml(draw: st.DrawFn) -> bytes:
    """Valid answer XML with a few bytes changed, inserted or removed."""
    data = bytearray(draw(xml_documents))
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        byte = draw(st.sampled_from(list(b"<>&;/\"'= \x00\xff\\!?[]-abAV019")))
        if action == "insert":
            data.insert(position, byte)
        elif position < len(data):
            if action == "delete":
                del data[position]
            else:
                data[position] = byte
    return bytes(data)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5)),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
decimals_with_big_exponents = st.integers(min_value=1001, max_value=10**9).map(
    lambda exponent: Decimal(f"1E+{exponent}")
)
