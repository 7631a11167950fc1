"""Hypothesis strategies for the infoRouter client: request models, text, answers."""

from __future__ import annotations

import datetime
import re

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
