"""Answer XML writing: stored values and whole answer sets into lxml elements."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeAlias, cast

from lxml import etree

from . import _xml
from ._answer_values import (
    _ANSWER_RESERVED,
    _KIND_TAG,
    _ROOT_RESERVED,
    _VALUE_RESERVED,
    ANSWER,
    ANSWER_SET,
    DATE,
    FALSE,
    MULTIPLE_CHOICE,
    NAME,
    NUMBER,
    REPEAT,
    SELECTION,
    TEXT,
    TITLE,
    TRUE,
    TRUE_FALSE,
    UNANS,
    VERSION,
    MultipleChoice,
    RawValue,
    Unanswered,
    _Items,
    _Kept,
    _Path,
    _repeat_tag,
    _Stored,
)
from ._errors import AnswerSetError

if TYPE_CHECKING:
    from ._answers import AnswerSet

_Attrib: TypeAlias = dict[str, str] | None


def _number_text(value: Decimal) -> str:
    text = str(value)
    return format(value, "f") if "E" in text else text


def _unanswered_attrib(attrib: _Attrib) -> dict[str, str]:
    return {**attrib, UNANS: TRUE} if attrib else {UNANS: TRUE}


def _write_text(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, TEXT, attrib).text = value


def _write_number(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    text = str(value)
    etree.SubElement(parent, NUMBER, attrib).text = format(value, "f") if "E" in text else text


def _date_text(value: datetime.date) -> str:
    return f"{value.day}/{value.month}/{value.year:04d}"


def _true_false_text(value: bool) -> str:
    return TRUE if value else FALSE


# How the writer spells each value it formats (the reader keeps other spellings it reads).
SPELLINGS: Final[dict[str, Callable[[Any], str]]] = {
    NUMBER: _number_text,
    DATE: _date_text,
    TRUE_FALSE: _true_false_text,
}


def _write_date(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, DATE, attrib).text = f"{value.day}/{value.month}/{value.year:04d}"


def _write_true_false(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, TRUE_FALSE, attrib).text = TRUE if value else FALSE


def _write_choice(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    element = etree.SubElement(parent, MULTIPLE_CHOICE, attrib)
    for selection in value._selections:
        # Verbatim: the Open SDK escapes only answer names (selections were checked when set).
        etree.SubElement(element, SELECTION).text = selection


def _write_none(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, cast(str, tag), _unanswered_attrib(attrib))


def _write_unanswered(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, _KIND_TAG[value.kind], _unanswered_attrib(attrib))


def _write_raw(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    parent.append(value._copy())


def _write_repeat(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    _write_items(parent, value, _repeat_tag(value), None, ())


_WRITERS: Final = {
    str: _write_text,
    Decimal: _write_number,
    datetime.date: _write_date,
    bool: _write_true_false,
    MultipleChoice: _write_choice,
    type(None): _write_none,
    Unanswered: _write_unanswered,
    RawValue: _write_raw,
    tuple: _write_repeat,
}


def _write_items(
    parent: etree._Element,
    items: _Items,
    tag: str | None,
    attrs: dict[_Path, dict[str, str]] | None,
    path: _Path,
) -> None:
    """Write one ``<RptValue>`` and, as the Open SDK does, one trailing placeholder."""
    sub = etree.SubElement
    element = sub(parent, REPEAT, attrs.get(path) if attrs else None)
    if not items:
        return
    if type(items[0]) is tuple:
        for index, item in enumerate(items):
            _write_items(element, cast(_Items, item), tag, attrs, (*path, index) if attrs else ())
        sub(element, REPEAT)
        return
    writers = _WRITERS
    if attrs:
        for index, item in enumerate(items):
            writers[type(item)](element, item, tag, attrs.get((*path, index)))
    else:
        for item in items:
            writers[type(item)](element, item, tag, None)
    sub(element, cast(str, tag), {UNANS: TRUE})


def _checked_attrib(
    attrib: Mapping[str, str], reserved: frozenset[str], where: str, name: str | None
) -> dict[str, str]:
    for key, value in attrib.items():
        if key in reserved:
            raise AnswerSetError(
                f"{where}: the attribute {key!r} is managed by AnswerSet", answer=name
            )
        if type(key) is not str or type(value) is not str:
            raise AnswerSetError(f"{where}: attribute names and values must be str", answer=name)
        problem = _xml.bad_char(value)
        if problem is not None:
            raise AnswerSetError(f"{where}: attribute {key!r}: {problem}", answer=name)
    return dict(attrib)


# --- Whole answer sets ---------------------------------------------------------------------


def _write_tree(answers: AnswerSet) -> etree._Element:
    """Build the ``<AnswerSet>`` element of an answer set."""
    root_attrib = {TITLE: answers._title, VERSION: answers._version}
    if answers.attributes:
        root_attrib.update(_checked_attrib(answers.attributes, _ROOT_RESERVED, "attributes", None))
    try:
        root = etree.Element(ANSWER_SET, root_attrib, nsmap=answers._nsmap or None)
    except ValueError as exc:
        raise AnswerSetError(f"attributes: {exc}") from None
    sub = etree.SubElement
    writers = _WRITERS
    if not (answers._wire_names or answers._answer_attrs or answers._value_attrs or answers._kept):
        # The common case, kept lean: no escaped names, no extra attributes.
        for name, value in answers._values.items():
            writers[type(value)](sub(root, ANSWER, {NAME: name}), value, None, None)
        return root
    name = ""
    try:
        for name, value in answers._values.items():
            _write_answer(answers, root, name, value)
    except ValueError as exc:  # lxml refuses a bad attribute name
        raise AnswerSetError(str(exc), answer=name) from None
    return root


def _write_answer(answers: AnswerSet, root: etree._Element, name: str, value: _Stored) -> None:
    attrib = {NAME: answers._wire_names.get(name, name)}
    extra = answers._answer_attrs.get(name)
    if extra:
        attrib.update(_checked_attrib(extra, _ANSWER_RESERVED, "answer attributes", name))
    answer = etree.SubElement(root, ANSWER, attrib)
    attrs = {
        path: _checked_attrib(found, _VALUE_RESERVED, "value attributes", name)
        for path, found in answers._value_attrs.get(name, {}).items()
        if found
    }
    if type(value) is tuple:
        _write_items(answer, value, _repeat_tag(value), attrs or None, ())
    else:
        _WRITERS[type(value)](answer, value, None, attrs.get(()))
    kept = answers._kept.get(name)
    if kept:
        _write_kept(answer[0], kept)


def _write_kept(element: etree._Element, kept: dict[_Path, _Kept]) -> None:
    """Write back what the reader kept: ignored content, and spellings the writer changes.

    That is an unanswered value's text, unanswered selections, and the text of an answered
    value the writer would spell differently (``01/02/2000``, ``1E+15``, ``True``).

    The answer has not been assigned since it was read (assigning drops what was kept), so
    each path leads to the value element it was read from.
    """
    for path, content in kept.items():
        target = element
        for index in path:
            target = target[index]
        if isinstance(content, str):
            target.text = content
        else:
            for child in list(target):
                target.remove(child)
            target.extend(copy.deepcopy(selection) for selection in content)
