"""Hypothesis strategies for the infoRouter client: request models, text, answers."""

from __future__ import annotations

import datetime
import enum
import math
import re
from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st
from inforouter import (
    Priority,
    RelatedTaskRequest,
    RequirementType,
    RightType,
    TaskRequest,
    TaskRequirement,
)

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
