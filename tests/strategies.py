"""Hypothesis strategies for the whole test suite, in three sections.

- Answer sets: HotDocs Advance answer values, answer sets and answer XML, valid and mutated.
- Advance client arguments: valid and hostile arguments for the ``hotdocs_advance`` clients,
  their constructors and the answer types (the fuzz tests' oracle stays with the tests).
- infoRouter: request models, text, server answers, and hostile arguments for the public API.
- Errors and secrets: secrets, responses echoing them, and the fields of every error class.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import json
import math
import re
import typing
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

import httpx
from hotdocs_advance import (
    AnswerKind,
    AnswerProblem,
    AnswerSet,
    MultipleChoice,
    RawValue,
    ServicePrincipal,
    Unanswered,
    VersionStatus,
)
from hypothesis import strategies as st
from inforouter import (
    Priority,
    RelatedTaskRequest,
    RequirementType,
    RightType,
    TaskRequest,
    TaskRequirement,
)

# =================================================================================================
# Answer sets (HotDocs Advance): answer values, answer sets, answer XML
# =================================================================================================

# Characters XML 1.0 can carry in element text.
XML_CHARS = st.one_of(
    st.sampled_from("\t\n\r"),
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
# What names may hold: the C0 controls too, which are written as \xx (selections are verbatim).
ESCAPABLE_CHARS = st.one_of(XML_CHARS, st.characters(max_codepoint=0x1F), st.just("\\"))
# Text that trips naive writers.
NASTY = st.sampled_from(
    ["<", ">", "&", "&amp;", "]]>", '"', "'", "\r", "\r\n", "\n", "\\", "\\5c", "\U0001f600", " "]
)

texts = st.lists(st.one_of(NASTY, st.text(XML_CHARS, max_size=8)), max_size=5).map("".join)
selections = st.lists(st.one_of(NASTY, st.text(XML_CHARS, max_size=6)), max_size=3).map("".join)
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
        # Finite decimals only, so the exponent is an int (never 'n', 'N' or 'F').
        lambda number: -1000 <= cast("int", number.as_tuple().exponent) <= 1000
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

    value: list[Any] = draw(level(depth))
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


# Answer files as other programs write them (HotDocs, the Open SDK, A2J, LawHelp Interactive,
# home-grown builders): every spelling the reader accepts, unanswered values with content,
# attributes, comments, and values it cannot interpret. Each leaf is XML text for one element.
def _element(tag: str, text: str, attrs: str = "") -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return f"<{tag}{attrs}>{escaped}</{tag}>"


_WILD_TEXT = st.text(st.sampled_from("ab C:\\d&<\"'\t"), max_size=6)
_WILD_SPELLINGS: dict[str, st.SearchStrategy[str]] = {
    "TextValue": _WILD_TEXT,
    "NumValue": st.sampled_from(
        ["5", "-0.25", "007", "1E+15", "1E-05", "1e-05", "1e+16", " 12 ", "+5", "5.", "0.0000001"]
    ),
    "DateValue": st.sampled_from(
        ["1/1/1970", "01/01/1970", "31-10-2015", "31.10.2015", "31 10 2015", " 3/4/2024 "]
    ),
    "TFValue": st.sampled_from(["true", "false", "True", "FALSE", "1", "0", " true "]),
}
_VALUE_ATTRS = st.sampled_from(["", ' userModifiable="false"', ' custom="x"'])
_UNANSWERED_FLAGS = st.sampled_from([' unans="true"', ' UNANS="TRUE"', ' unans="True"'])


@st.composite
def _wild_leaf(draw: st.DrawFn, tag: str) -> str:
    attrs = draw(_VALUE_ATTRS)
    if draw(st.integers(min_value=0, max_value=5)) == 0:  # unanswered, perhaps with content
        content = draw(st.sampled_from(["", "234", "Ignored"]))
        return _element(tag, content, draw(_UNANSWERED_FLAGS) + attrs)
    if tag == "MCValue":
        selections = draw(st.lists(_WILD_TEXT, max_size=3))
        inner = "".join(_element("SelValue", text) for text in selections)
        if draw(st.booleans()):
            inner += '<SelValue unans="true"/>'
        return f"<MCValue{attrs}>{inner}</MCValue>"
    return _element(tag, draw(_WILD_SPELLINGS[tag]), attrs)


_UNINTERPRETABLE = st.sampled_from(
    [
        "<TFValue>Agree</TFValue>",
        "<SelValue><MCValue>Female</MCValue></SelValue>",
        "<NumValue>1,5</NumValue>",
        "<DateValue>2026-01-31</DateValue>",
        "<DateValue>31/2/2024</DateValue>",
        '<TextValue unans="maybe">x</TextValue>',
        "<RptValue><NumValue>1</NumValue><TextValue>x</TextValue></RptValue>",
        "<FooValue>kept</FooValue>",
    ]
)
_OPAQUE_VALUES = st.sampled_from(
    [
        '<DBValue><DBColumn name="Id"><NumValue>4</NumValue></DBColumn></DBValue>',
        "<ClauseLibValue><Clause>c</Clause></ClauseLibValue>",
    ]
)
_LEAF_TAGS = st.sampled_from(["TextValue", "NumValue", "DateValue", "TFValue", "MCValue"])


@st.composite
def _wild_value(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["leaf", "leaf", "repeat", "nested", "bad", "opaque"]))
    if kind == "bad":
        return draw(_UNINTERPRETABLE)
    if kind == "opaque":
        return draw(_OPAQUE_VALUES)
    tag = draw(_LEAF_TAGS)
    if kind == "leaf":
        return draw(_wild_leaf(tag))
    leaves = draw(st.lists(_wild_leaf(tag), min_size=1, max_size=4))
    placeholder = f'<{tag} unans="true"/>' if draw(st.booleans()) else ""
    if kind == "repeat":
        return f"<RptValue>{''.join(leaves)}{placeholder}</RptValue>"
    inner = "".join(f"<RptValue>{leaf}{placeholder}</RptValue>" for leaf in leaves)
    return f"<RptValue>{inner}<RptValue/></RptValue>"


@st.composite
def wild_answer_files(draw: st.DrawFn) -> bytes:
    """An answer file in the forms real writers produce, including values nobody can read."""
    count = draw(st.integers(min_value=1, max_value=8))
    answers = []
    for index in range(count):
        attrs = draw(st.sampled_from(["", ' save="false"', ' userExtendible="false"']))
        comment = "<!-- kept out -->" if draw(st.integers(min_value=0, max_value=4)) == 0 else ""
        answers.append(f'{comment}<Answer name="A{index}"{attrs}>{draw(_wild_value())}</Answer>')
    head = draw(
        st.sampled_from(
            [
                "",
                '<?xml version="1.0" encoding="utf-16" standalone="yes"?>',
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE AnswerSet [<!ELEMENT x ANY>]>',
            ]
        )
    )
    root = draw(st.sampled_from(['<AnswerSet title="" version="1.1">', "<AnswerSet>"]))
    return f"{head}{root}{''.join(answers)}</AnswerSet>".encode()


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


# =================================================================================================
# Advance client arguments: valid and hostile values for hotdocs_advance's API
# =================================================================================================

# Hostile values: wrong types, None, huge ints, NaN, control characters, lone surrogates,
# invalid GUIDs, non-http URLs, over-deep and mixed lists.

ODD_CHARACTERS = ["\x00", "\x07", "\x1b", "\x7f", "\u2028", "\ufeff", "\ud800", "\udfff", "\uffff"]
hostile_text = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(ODD_CHARACTERS)), max_size=40
)
bad_guids = st.sampled_from(
    [
        "",
        " ",
        "not-a-guid",
        "00000000-0000-0000-0000-000000000000",
        "{00000000-0000-0000-0000-000000000000}",
        "cb97f8d6-04a1-490a-aa09-92af12dfb30",
        "cb97f8d6-04a1-490a-aa09-92af12dfb305x",
        "cb97f8d6\x00-04a1-490a-aa09-92af12dfb305",
        "\ud800" * 36,
    ]
)
bad_urls = st.sampled_from(
    [
        "",
        "ftp://example.com/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        "//example.com/x",
        "example.com",
        "http://exa mple.com/",
        "http://[::1/",
        "gopher://127.0.0.1:70/",
        "http://example.com/\ud800",
    ]
)
deep_list: st.SearchStrategy[object] = st.recursive(
    st.just("x"), lambda inner: st.lists(inner, min_size=1, max_size=1), max_leaves=8
).filter(lambda value: isinstance(value, list))
fuzz_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**30, max_value=10**400),
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("1E+999999")]),
    hostile_text,
    st.binary(max_size=10),
    st.datetimes(),
    st.dates(),
    st.uuids(),
    st.just(uuid.UUID(int=0)),
    bad_guids,
    bad_urls,
    st.sampled_from([object(), 1j, AnswerKind.TEXT, MultipleChoice("a"), b"\xff", bytearray(b"x")]),
)
anything = st.one_of(
    fuzz_scalars,
    st.lists(fuzz_scalars, max_size=4),  # mixed-type lists
    st.lists(st.lists(fuzz_scalars, max_size=2), max_size=2),
    deep_list,  # up to 8 levels, deeper than the 4 HotDocs allows
    st.dictionaries(hostile_text, fuzz_scalars, max_size=3),
    st.tuples(fuzz_scalars, fuzz_scalars),
)


def sometimes(valid: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    """A valid value about half the time, else anything at all."""
    return st.one_of(valid, anything)


# Valid values for the client methods' arguments.


def _valid_answers() -> AnswerSet:
    """A small valid answer set: one text answer, one date answer."""
    answers = AnswerSet()
    answers["Name"] = "ExampleCorp"
    answers["When"] = datetime.date(2024, 1, 31)
    return answers


guids = st.one_of(st.uuids().filter(lambda value: value.int != 0), st.uuids().map(str))
fuzz_texts = st.text(min_size=1, max_size=20).filter(str.strip)
flags = st.booleans()
urls = st.sampled_from(["http://127.0.0.1:9/cb", "https://example.com/done?x=1"])
answers_values = st.one_of(st.just(_valid_answers()), st.just(_valid_answers().to_xml()))


@st.composite
def method_calls(
    draw: st.DrawFn, methods: Mapping[str, Mapping[str, st.SearchStrategy[object]]]
) -> tuple[str, dict[str, object]]:
    """Draw a client method and its keyword arguments, each one drawn with `sometimes`.

    Args:
        draw: Hypothesis' draw.
        methods: per method name, a strategy of valid values for every argument.

    Returns:
        The method name and its arguments; whether they are valid is for the caller's oracle.
    """
    method = draw(st.sampled_from(sorted(methods)))
    kwargs = {name: draw(sometimes(strategy)) for name, strategy in methods[method].items()}
    return method, kwargs


# Constructor arguments: a valid value or anything at all.
base_urls = st.one_of(
    st.sampled_from(["https://t.hotdocsadvance.com/api/rest", "http://127.0.0.1:8/HdaApi/rest"]),
    anything,
)
auths = st.one_of(
    st.just("token"),
    st.just(ServicePrincipal("c", "p", "pw")),
    anything,
)
timeouts = st.one_of(st.floats(min_value=0.01, max_value=60), st.just(httpx.Timeout(1.0)), anything)
retries = st.one_of(st.integers(min_value=0, max_value=5), anything)
auth_urls = st.one_of(st.none(), st.just("https://t.hotdocsadvance.com/auth"), anything)


# =================================================================================================
# infoRouter: request models, text, answers, hostile arguments
# =================================================================================================

INT_MAX = 2**31 - 1
# Characters XML 1.0 forbids (lone surrogates included).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# Any text XML 1.0 can carry, with the pieces that need escaping made likely.
xml_text = st.lists(
    st.one_of(
        st.sampled_from(["<", ">", "&", "]]>", "\r", "\r\n", "\t", "\n", '"', "'", "\U0001f600"]),
        st.characters(codec="utf-8", exclude_categories=["Cs"]).filter(
            lambda c: NOT_XML.search(c) is None
        ),
    ),
    max_size=30,
).map("".join)

# Any text at all, forbidden characters included.
any_text = st.lists(
    st.one_of(
        st.characters(),
        st.sampled_from(["\x00", "\x0b", "\ufffe", "\uffff", "\ud800", "<", "&", "]]>", "\r"]),
    ),
    max_size=30,
).map("".join)

login_names = xml_text.filter(lambda s: bool(s.strip()))
hours = st.integers(min_value=0, max_value=INT_MAX)

naive_datetimes = st.datetimes(
    min_value=datetime.datetime(1, 1, 1), max_value=datetime.datetime(9999, 12, 31, 23, 59, 59)
)
# What a model accepts as a due date: a date or a naive datetime (microseconds are dropped).
due_dates = st.one_of(st.dates(), naive_datetimes)


@st.composite
def task_requirements(draw: st.DrawFn) -> TaskRequirement:
    """Draw any valid requirement (FormTemplate with a positive object id)."""
    kind = draw(st.sampled_from(RequirementType))
    minimum = 1 if kind is RequirementType.FORM_TEMPLATE else 0
    return TaskRequirement(
        kind, draw(st.integers(min_value=minimum, max_value=INT_MAX)), draw(xml_text)
    )


requirement_lists = st.lists(task_requirements(), max_size=4).map(tuple)

related_task_requests = st.builds(
    RelatedTaskRequest,
    assignee=login_names,
    instructions=xml_text,
    due_date=due_dates,
    priority=st.sampled_from(Priority),
    requirements=requirement_lists,
    reminder_hours=hours,
    allowed_start_hours=hours,
    send_notice=st.booleans(),
)

task_requests = st.builds(
    TaskRequest,
    assignee=login_names,
    instructions=xml_text,
    due_date=due_dates,
    priority=st.sampled_from(Priority),
    right_type=st.sampled_from(RightType),
    can_change_due_date=st.booleans(),
    can_edit=st.booleans(),
    can_change_priority=st.booleans(),
    can_change_finish_date=st.booleans(),
    requirements=requirement_lists,
    allowed_start_hours=hours,
    reminder_hours=hours,
    send_task_notice=st.booleans(),
    on_complete_notification=st.booleans(),
)

# ----------------------------------------------------------------------------- answers

_attribute_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30
).map(lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;"))


@st.composite
def answer_documents(draw: st.DrawFn) -> bytes:
    """Draw a well-formed, plausible or odd infoRouter answer document."""
    root = draw(st.sampled_from(["response", "root", "Response", "other"]))
    namespace = draw(st.sampled_from(["", ' xmlns=""', ' xmlns="http://tempuri.org/"']))
    attributes = []
    success = draw(st.one_of(st.none(), st.sampled_from(["true", "false", "True", "FALSE", "x"])))
    if success is not None:
        attributes.append(f'success="{success}"')
    if draw(st.booleans()):
        code = draw(st.one_of(st.just(""), st.integers(0, 99999).map(lambda n: f"[{n}]")))
        spacing = draw(st.sampled_from(["", " ", "  "]))
        attributes.append(f'error="{code}{spacing}{draw(_attribute_text)}"')
    if draw(st.booleans()):
        name = draw(st.sampled_from(["errorCode", "errorcode"]))
        attributes.append(f'{name}="{draw(st.one_of(st.integers(0, 9999), _attribute_text))}"')
    if draw(st.booleans()):
        attributes.append(f'ticket="{draw(_attribute_text)}"')
    task_id = draw(st.one_of(st.integers(-5, INT_MAX), _attribute_text))
    body = draw(
        st.sampled_from(
            [
                "",
                f"<Value><TaskId>{task_id}</TaskId><RedirectedUserName>x</RedirectedUserName>"
                "</Value>",
                f"<Task><TaskID>{task_id}</TaskID><Priority>Low</Priority>"
                "<DueDate>1900-01-01 00:00:00</DueDate><AdHoc>True</AdHoc></Task>",
                "<Value/>",
                "<Task/>",
            ]
        )
    )
    joined = " ".join(attributes)
    return f"<{root}{namespace} {joined}>{body}</{root}>".encode()


http_statuses = st.sampled_from([200, 400, 404, 500, 503])

# Answers as bytes: arbitrary, or arbitrary mutations of plausible documents.
answer_bytes = st.one_of(
    st.binary(max_size=300),
    answer_documents(),
    st.tuples(answer_documents(), st.integers(0, 200)).map(lambda pair: pair[0][: pair[1]]),
)


# ----------------------------------------------------------------------------- fuzzing
# Values of the wrong type, out of range or hostile, for every argument of the public API.

# Text with control characters and lone surrogates, always at least one of them.
control_text = st.text(st.characters(categories=["Cc", "Cs"]), min_size=1, max_size=5)

# Aware datetimes (fixed offsets, UTC included): infoRouter dates carry no offset.
fixed_offsets = st.timedeltas(
    min_value=-datetime.timedelta(hours=23, minutes=59),
    max_value=datetime.timedelta(hours=23, minutes=59),
).map(datetime.timezone)
aware_datetimes = st.datetimes(
    min_value=datetime.datetime(2, 1, 1),
    max_value=datetime.datetime(9998, 12, 31),
    timezones=st.one_of(st.just(datetime.UTC), fixed_offsets),
)

# Numbers that are not a usable count: NaN, infinities, floats, decimals, complex.
odd_numbers = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.5]),
    st.floats(),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.fractions(max_denominator=1000),
    st.complex_numbers(max_magnitude=10.0),
)
# Integers outside xs:int or below 1: zero, negative, huge.
out_of_range_ints = st.one_of(
    st.sampled_from([0, -1, INT_MAX + 1, 2**63, -(2**63), 10**100]),
    st.integers(max_value=0),
    st.integers(min_value=INT_MAX + 1),
)

hostile_values: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    odd_numbers,
    out_of_range_ints,
    any_text,
    control_text,
    st.binary(max_size=8),
    st.binary(max_size=4).map(bytearray),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    aware_datetimes,
    naive_datetimes,
    st.dates(),
    st.times(),
    st.timedeltas(),
    st.sampled_from([*Priority, *RequirementType, *RightType]),
    st.builds(object),
)


def near_misses(hint: object) -> st.SearchStrategy[Any]:
    """Likely mistakes for an argument annotated ``hint``: wrong values that look right.

    Args:
        hint: the annotation (``int``, ``str``, ``bool``, a date type or an enum).

    Returns:
        A strategy of such mistakes (nothing for other annotations).
    """
    if hint is bool:
        return st.sampled_from([0, 1, "true", "false", None])
    if hint is int:
        return st.one_of(st.booleans(), out_of_range_ints, odd_numbers, st.integers().map(str))
    if hint is str:
        return st.one_of(control_text, st.sampled_from(["", " ", "\t\n"]), st.binary(max_size=5))
    if hint in (datetime.date, datetime.datetime):
        return st.one_of(
            aware_datetimes, st.times(), naive_datetimes.map(datetime.datetime.isoformat)
        )
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        # The wire spelling or the member name instead of the member.
        return st.sampled_from([*(m.value for m in hint), *(m.name for m in hint)])
    return st.nothing()


@st.composite
def arguments(
    draw: st.DrawFn,
    valid: Mapping[str, st.SearchStrategy[Any]],
    wrong: Mapping[str, st.SearchStrategy[Any]] | None = None,
) -> dict[str, Any]:
    """Draw keyword arguments: valid ones, with up to two replaced by hostile values.

    Args:
        draw: Hypothesis' draw.
        valid: a strategy of valid values for every argument.
        wrong: per argument, a strategy of likely wrong values (default: `hostile_values`).

    Returns:
        The arguments; whether they are valid is for the caller's oracle to say.
    """
    drawn = {name: draw(strategy) for name, strategy in valid.items()}
    broken = draw(st.sets(st.sampled_from(sorted(valid)), max_size=2))
    for name in sorted(broken):
        bad = (wrong or {}).get(name)
        # The argument's own likely mistakes three times as often as hostile values at large.
        likely = hostile_values if bad is None else st.one_of(bad, bad, bad, hostile_values)
        drawn[name] = draw(likely)
    return drawn


# =================================================================================================
# Errors and secrets: secrets, answers that echo them, every error class's fields
# =================================================================================================

# A secret long enough to be masked in free text too. "zQ" makes a chance match with the
# rest of a pickle (module and attribute names) negligible; the alphabet is visible ASCII
# without blanks, quotes and backslashes, which a header could not carry.
secrets_ = st.from_regex(r"zQ[A-Za-z0-9!#$%&()*+,./:;<=>?@\[\]^_`{|}~-]{6,20}", fullmatch=True)
# A short one (masked at known places only); "§"-free ASCII again, and never a digit run.
short_secrets = st.from_regex(
    r"[A-Za-z!#$%&()*+,./:;<=>?@^_`{|}~-][A-Za-z0-9!#$%&()*+,./:;<=>?@^_`{|}~-]{0,6}",
    fullmatch=True,
)

# JSON without NaN, which no copy equals.
error_bodies: st.SearchStrategy[object] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_HEADER_TEXT = st.from_regex(r"[A-Za-z0-9 !#$%&()*+,./:;<=>?@^_`{|}~-]{0,20}", fullmatch=True)


@st.composite
def echoing_responses(
    draw: st.DrawFn, password: str, token: str, callback: str, *, free_text: bool = True
) -> httpx.Response:
    """Draw an error answer to a request carrying the secrets, which it echoes.

    The request is a PUT with ``Authorization: Bearer <token>`` and a JSON body with the
    callback secret at its known member; it may come after a redirected log-in (in
    ``history``) whose body holds the password. The answer echoes the secrets in a header and
    in a JSON problem or a text body, among drawn text: at their known places (a
    ``Bearer`` value, a ``PrincipalPassword`` or ``callbackSecret`` member or parameter)
    and, with ``free_text``, in prose too.

    Args:
        draw: Hypothesis' draw.
        password: the service principal's password.
        token: the bearer token.
        callback: the callback secret.
        free_text: whether the secrets are echoed outside their known places too.

    Returns:
        The answer, read.
    """
    url = "https://t.example/api/rest/v2.0/WorkItems/2d9f3d1f/Versions/7e5a8a7e/SaveAndClose"
    body = json.dumps({"callbackUrl": "https://cb.example/x", "callbackSecret": callback})
    request = httpx.Request(
        "PUT", url, headers={"Authorization": f"Bearer {token}"}, content=body.encode()
    )
    noise = draw(st.text(max_size=20))
    places = [f"Bearer {token}", f"PrincipalPassword={password}", f"callbackSecret={callback}"]
    prose = [password, token, callback] if free_text else []
    words = draw(st.lists(st.sampled_from([*places, *prose, "x", "the", "-"]), max_size=6))
    text = " ".join([noise, *words, *places, *prose])
    headers = {"X-Echo": f"{draw(_HEADER_TEXT)} Bearer {token}", "Authorization": f"Bearer {token}"}
    if draw(st.booleans()):
        problem = {
            "title": draw(st.text(max_size=10)),
            "detail": text,
            "PrincipalPassword": password,
            "echo": [{"callbackSecret": callback}],
        }
        content = json.dumps(problem)
        headers["Content-Type"] = "application/problem+json"
    else:
        content = text
        headers["Content-Type"] = "text/plain; charset=utf-8"
    history = []
    if draw(st.booleans()):
        login = httpx.Request(
            "POST",
            "https://t.example/auth/Authorize/ServicePrincipalLogIn",
            json={"ClientName": "c", "PrincipalName": "p", "PrincipalPassword": password},
        )
        history.append(httpx.Response(307, headers={"Location": "/again"}, request=login))
    return httpx.Response(
        draw(st.integers(300, 599)),
        headers=headers,
        content=content.encode("utf-8", "surrogatepass"),
        request=request,
        history=history,
    )


# What `errors_of` puts at the known places of the answers it draws.
PLACED_SECRETS = ("zQpassword-at-its-place", "zQtoken-at-its-place", "zQcallback-at-its-place")


def _strategy_for(hint: object) -> st.SearchStrategy[Any]:
    """A strategy for one constructor parameter of an error class, by its annotation."""
    simple: dict[object, st.SearchStrategy[Any]] = {
        str: st.text(max_size=40),
        int: st.integers(-(2**31), 2**31),
        float: st.floats(allow_nan=False),
        bool: st.booleans(),
        object: error_bodies,
        type(None): st.none(),
        httpx.Response: echoing_responses(*PLACED_SECRETS, free_text=False),
    }
    if hint in simple:
        return simple[hint]
    if hint is uuid.UUID:
        return st.uuids()
    if hint is VersionStatus:
        return st.builds(VersionStatus, status=st.text(max_size=12))
    if hint is AnswerProblem:
        return st.builds(
            AnswerProblem,
            st.none() | st.text(max_size=20),
            st.none() | st.integers(1, 10**6),
            st.text(max_size=40),
            st.none() | st.integers(1, 10**4),
        )
    arguments_ = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and arguments_[1:] == (Ellipsis,):
        return st.lists(_strategy_for(arguments_[0]), max_size=3).map(tuple)
    if arguments_:  # a union
        return st.one_of([_strategy_for(argument) for argument in arguments_])
    raise AssertionError(f"no strategy for an error field annotated {hint!r}: add one")


@st.composite
def errors_of(draw: st.DrawFn, cls: type[BaseException]) -> BaseException:
    """Draw an instance of an error class, each constructor argument drawn by its annotation.

    A class whose constructor is a built-in one (``Exception``'s, ``ValueError``'s) gets one
    to three text arguments. An
    ``httpx.Response`` argument is an answer holding `PLACED_SECRETS` at their known places.

    Args:
        draw: Hypothesis' draw.
        cls: the error class.

    Returns:
        The error, built through its public constructor.
    """
    init = cls.__init__
    if not inspect.isfunction(init):  # a built-in exception's constructor
        return cls(*draw(st.lists(st.text(max_size=30), min_size=1, max_size=3)))
    hints = typing.get_type_hints(init)
    positional: list[Any] = []
    keywords: dict[str, Any] = {}
    for name, parameter in inspect.signature(init).parameters.items():
        if name == "self":
            continue
        value = draw(_strategy_for(hints[name]))
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY:
            keywords[name] = value
        else:
            positional.append(value)
    return cls(*positional, **keywords)


# =================================================================================================
# Bulk creation: CSV tables as other systems export them
# =================================================================================================

# Header cells: every type suffix, repeats in both orders, and headers a reader must refuse.
csv_headers = st.sampled_from(
    [
        "Name", "Note:text", "Amount:number", "Start:date", "Active:tf", "Colors:mc",
        "Kid[1]", "Kid[2]", "Born[1]:date", "Born:date[2]", "Amount:numbr", "[x]", "Kid[0]",
        "Name:", "Two:date[1][2]", "",
    ]
)  # fmt: skip
# Any cell text: what a broken export holds (controls, quotes, JSON-looking text, surrogates).
csv_cells = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["[", "[1, 2]", '["a", null]', "[[1]]", "2026-01-31", "1E+3", "yes", "1,5"]),
)


@st.composite
def csv_tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """Draw a header (the key column ``Id`` first) and rows of arbitrary cells (some ragged)."""
    header = ["Id", *draw(st.lists(csv_headers, max_size=5))]
    rows = draw(
        st.lists(
            st.lists(csv_cells, min_size=len(header) - 1, max_size=len(header) + 1), max_size=6
        )
    )
    return header, rows


# Values as a CSV cell writes them, with the value the reader must give back.
csv_typed_values = st.one_of(
    texts.filter(lambda text: bool(text.strip()) and not text.strip().startswith("[")).map(
        lambda text: ("text", text, text)
    ),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(
        lambda number: ("number", str(number), number)
    ),
    dates.map(lambda day: ("date", day.isoformat(), day)),
    st.booleans().map(lambda flag: ("tf", "true" if flag else "false", flag)),
)
