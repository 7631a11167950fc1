"""Answer values: wire names, limits, value types, and checking Python values into stored form."""

from __future__ import annotations

import copy
import datetime
import enum
import math
import re
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final, TypeAlias, cast

from _client_core import shorten
from lxml import etree

from . import _xml
from ._answer_lexical import lexical_problem
from ._errors import AnswerSetError

# --- Wire names: each is written here once -------------------------------------------------

ANSWER_SET: Final = "AnswerSet"
ANSWER: Final = "Answer"
NAME: Final = "name"
TITLE: Final = "title"
VERSION: Final = "version"
TEXT: Final = "TextValue"
NUMBER: Final = "NumValue"
DATE: Final = "DateValue"
TRUE_FALSE: Final = "TFValue"
MULTIPLE_CHOICE: Final = "MCValue"
SELECTION: Final = "SelValue"
REPEAT: Final = "RptValue"
UNANS: Final = "unans"
# A2J files spell the flag in capitals; it is read, never written.
UNANS_A2J: Final = "UNANS"
TRUE: Final = "true"
FALSE: Final = "false"
# The attributes AnswerSet manages itself, on the root, an answer and a value element.
_ROOT_RESERVED: Final = frozenset({TITLE, VERSION})
_ANSWER_RESERVED: Final = frozenset({NAME})
_VALUE_RESERVED: Final = frozenset({UNANS, UNANS_A2J})

# --- Limits ---------------------------------------------------------------------------------

# CHOICE: HotDocs authoring allows 50 characters, but real answer files break that rule, so
# names are refused only beyond 255 characters (after trimming and ``\xx`` decoding).
MAX_NAME_LENGTH: Final = 255
# REPEAT instructions nest at most four levels deep.
MAX_REPEAT_DEPTH: Final = 4
# CHOICE: a number's leading digit must lie within 1E-1000 .. 1E+1000 (``Decimal.adjusted()``),
# so ``Decimal("1E+999999999")`` cannot expand into a gigabyte of zeros. HotDocs stores
# numbers as doubles, which need far less.
_MAX_EXPONENT: Final = 1000
# HotDocs stores a number as a double: a value set from Python must fit one, so 1E+400 is
# refused when it is set (instead of being sent as 401 digits the server cannot hold), and
# so is a non-zero value closer to 0 than the smallest double (~4.9E-324).
_MAX_DOUBLE: Final = Decimal(repr(sys.float_info.max))  # 1.7976931348623157E+308
_MAX_DOUBLE_EXPONENT: Final = _MAX_DOUBLE.adjusted()  # 308
_MIN_DOUBLE_EXPONENT: Final = -324

_NUMBER_TEXT: Final = re.compile(
    r"[ \t\r\n]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[ \t\r\n]*"
)
# The Open SDK's reader splits dates on "/", "-", "." and space, day first.
_DATE_TEXT: Final = re.compile(
    r"[ \t\r\n]*([0-9]{1,2})[/. -]([0-9]{1,2})[/. -]([0-9]{4})[ \t\r\n]*"
)
_FLAG_VALUES: Final = {TRUE: True, FALSE: False, "1": True, "0": False}
# Exactly the numbers this package writes (no leading zeros), read without further checks.
_PLAIN_NUMBER: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


class AnswerKind(enum.Enum):
    """The type of a HotDocs answer, as ``Unanswered`` needs it."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    TRUE_FALSE = "true_false"
    MULTIPLE_CHOICE = "multiple_choice"


_KIND_TAG: Final[dict[AnswerKind, str]] = {
    AnswerKind.TEXT: TEXT,
    AnswerKind.NUMBER: NUMBER,
    AnswerKind.DATE: DATE,
    AnswerKind.TRUE_FALSE: TRUE_FALSE,
    AnswerKind.MULTIPLE_CHOICE: MULTIPLE_CHOICE,
}
_TAG_KIND: Final[dict[str, AnswerKind]] = {tag: kind for kind, tag in _KIND_TAG.items()}
# Opaque value elements the schema knows; other unknown elements are kept too.
_OPAQUE_TAGS: Final = frozenset({"ClauseLibValue", "DBValue", "DocTextValue"})
_TYPED_TAGS: Final = frozenset({*_TAG_KIND, REPEAT})


class MultipleChoice:
    """A multiple-choice answer: the selected options, in order (immutable).

    Args:
        *selections: The selected options; several for a multi-select. ``MultipleChoice()``
            is written as an empty ``<MCValue/>``, which HotDocs treats as unanswered.

    Raises:
        TypeError: A selection is not a ``str``.
    """

    __slots__ = ("_selections",)
    _selections: tuple[str, ...]

    def __init__(self, *selections: str) -> None:
        for selection in selections:
            if type(selection) is not str:
                raise TypeError(f"a selection must be a str, not {type(selection).__name__}")
        object.__setattr__(self, "_selections", selections)

    @property
    def selections(self) -> tuple[str, ...]:
        """The selected options, in order."""
        return self._selections

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("MultipleChoice is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MultipleChoice):
            return NotImplemented
        return self._selections == other._selections

    def __hash__(self) -> int:
        return hash((MultipleChoice, self._selections))

    def __repr__(self) -> str:
        return f"MultipleChoice({', '.join(map(repr, self._selections))})"


class Unanswered:
    """An answer of a known type that has no value (written with ``unans="true"``).

    Args:
        kind: The answer's type.

    Raises:
        TypeError: ``kind`` is not an ``AnswerKind``.
    """

    __slots__ = ("_kind",)
    _kind: AnswerKind

    def __init__(self, kind: AnswerKind) -> None:
        if not isinstance(kind, AnswerKind):
            raise TypeError(f"kind must be an AnswerKind, not {type(kind).__name__}")
        object.__setattr__(self, "_kind", kind)

    @property
    def kind(self) -> AnswerKind:
        """The answer's type."""
        return self._kind

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Unanswered is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unanswered):
            return NotImplemented
        return self._kind is other._kind

    def __hash__(self) -> int:
        return hash((Unanswered, self._kind))

    def __repr__(self) -> str:
        return f"Unanswered(AnswerKind.{self._kind.name})"


class RawValue:
    """A value element kept as XML and written back unchanged (immutable).

    ``DBValue``, ``ClauseLibValue``, ``DocTextValue`` and value elements this package does not
    know come back from ``AnswerSet.from_xml`` as ``RawValue``. Two raw values are equal when
    their canonical XML (exclusive C14N, comments included) is equal.

    Args:
        xml: One element, e.g. ``'<DBValue><DBColumn name="Id"><NumValue>4</NumValue>'
            '</DBColumn></DBValue>'``. The three known opaque elements are checked against the
            answer-set schema; unknown elements are taken as they are, though the schema then
            rejects the answer set they are in.

    Raises:
        AnswerSetError: The XML is not one well-formed element, has a DOCTYPE, is a value this
            package models (``TextValue`` ... ``RptValue``: use the Python value), or breaks the
            schema.
    """

    __slots__ = ("_canonical", "_element")
    _element: etree._Element
    _canonical: bytes | None

    def __init__(self, xml: str) -> None:
        element = _xml.parse(xml)
        tag = element.tag
        if tag in _TYPED_TAGS or tag in (ANSWER_SET, ANSWER):
            raise AnswerSetError(f"<{tag}> is not an opaque value; use the Python value instead")
        if tag in _OPAQUE_TAGS:
            wrapper = etree.Element(ANSWER_SET)
            etree.SubElement(wrapper, ANSWER, {NAME: "RawValue"}).append(copy.deepcopy(element))
            errors = _xml.schema_errors(wrapper)
            if errors:
                raise AnswerSetError(f"<{tag}> breaks the answer-set schema: {errors[0].message}")
            problem = lexical_problem(wrapper)
            if problem is not None:
                raise AnswerSetError(f"<{tag}> breaks the answer-set schema: {problem[1]}")
        element.tail = None
        object.__setattr__(self, "_element", element)
        object.__setattr__(self, "_canonical", None)

    @classmethod
    def _adopt(cls, element: etree._Element) -> RawValue:
        """Keep a copy of an element read from a file (no checks: it is kept as found)."""
        raw = cls.__new__(cls)
        element = copy.deepcopy(element)
        element.tail = None
        object.__setattr__(raw, "_element", element)
        object.__setattr__(raw, "_canonical", None)
        return raw

    @property
    def tag(self) -> str:
        """The element's name, e.g. ``DBValue``."""
        return str(self._element.tag)

    @property
    def xml(self) -> str:
        """The element as XML text."""
        return etree.tostring(self._element, encoding="unicode", with_tail=False)

    def _copy(self) -> etree._Element:
        return copy.deepcopy(self._element)

    def _key(self) -> bytes:
        if self._canonical is None:
            canonical = etree.tostring(
                self._element, method="c14n", exclusive=True, with_comments=True
            )
            object.__setattr__(self, "_canonical", canonical)
            return canonical
        return self._canonical

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("RawValue is immutable")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawValue):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((RawValue, self._key()))

    def __repr__(self) -> str:
        return f"RawValue({self.xml!r})"


Scalar: TypeAlias = (
    str | bool | int | float | Decimal | datetime.date | MultipleChoice | Unanswered | RawValue
)
RepeatItem: TypeAlias = Scalar | Sequence["RepeatItem"] | None
AnswerValue: TypeAlias = Scalar | Sequence[RepeatItem]

# What an AnswerSet stores: numbers as Decimal, repeats as nested tuples (no value of any
# other kind is a tuple).
_Leaf: TypeAlias = (
    str | bool | Decimal | datetime.date | MultipleChoice | Unanswered | RawValue | None
)
_Items: TypeAlias = tuple["_Leaf | _Items", ...]
_Stored: TypeAlias = (
    str | bool | Decimal | datetime.date | MultipleChoice | Unanswered | RawValue | _Items
)
_Path: TypeAlias = tuple[int, ...]
# Content a reader ignores but a lossless round trip writes back: the text of an unanswered
# value, or the ``<SelValue>`` elements of a choice holding an unanswered selection.
_Kept: TypeAlias = str | tuple[etree._Element, ...]


def _same(left: object, right: object) -> bool:
    """Equality that tells ``True`` from ``Decimal(1)``, recursively."""
    if type(left) is not type(right):
        return False
    if type(left) is tuple:
        right = cast(tuple[object, ...], right)
        return len(left) == len(right) and all(map(_same, left, right))
    return left == right


def _repeat_tag(items: _Items) -> str | None:
    """Name the element the values of a stored repeat are written as (None if it has none)."""
    for item in items:
        if type(item) is tuple:
            tag = _repeat_tag(item)
            if tag is not None:
                return tag
        elif item is not None:
            return _leaf_tag(item)  # type: ignore[arg-type]
    return None


def _leaf_tag(value: _Leaf) -> str | None:
    """Name the element a stored leaf is written as (None for ``None``)."""
    if value is None:
        return None
    tag = _TYPE_TAG.get(type(value))
    if tag is not None:
        return tag
    if type(value) is Unanswered:
        return _KIND_TAG[value.kind]
    return cast(RawValue, value).tag


_TYPE_TAG: Final[dict[type, str]] = {
    str: TEXT,
    bool: TRUE_FALSE,
    Decimal: NUMBER,
    datetime.date: DATE,
    MultipleChoice: MULTIPLE_CHOICE,
}


# --- Python to stored values (validation happens here, once, on assignment) --------------


def _check_decimal(name: str, value: Decimal) -> Decimal:
    if not value.is_finite():
        raise AnswerSetError(f"{value} cannot be written as a HotDocs number", answer=name)
    # adjusted() is the exponent of the leading digit: one comparison settles almost every
    # number (this is on the path of every AnswerSet assignment).
    exponent = value.adjusted()
    if _MIN_DOUBLE_EXPONENT <= exponent < _MAX_DOUBLE_EXPONENT:
        return value
    if exponent > _MAX_DOUBLE_EXPONENT or (
        exponent == _MAX_DOUBLE_EXPONENT and abs(value) > _MAX_DOUBLE
    ):
        raise AnswerSetError(
            f"{shorten(str(value))} is larger than HotDocs can store: numbers are doubles, at "
            f"most {_MAX_DOUBLE:E} in size",
            answer=name,
        )
    if exponent < _MIN_DOUBLE_EXPONENT and not value.is_zero():
        raise AnswerSetError(
            f"{shorten(str(value))} is closer to 0 than HotDocs can store: numbers are "
            f"doubles, the smallest about 4.9E-324",
            answer=name,
        )
    return value


def _check_choice(name: str, choice: MultipleChoice) -> MultipleChoice:
    for selection in choice.selections:
        if not selection.isprintable():
            _check_text(name, selection, "selection")
    return choice


def _check_text(name: str, value: str, what: str, *, escaped: bool = False) -> str:
    problem = _xml.bad_char(value, escaped=escaped)
    if problem is not None:
        raise AnswerSetError(f"{what}: {problem}", answer=name)
    return value


def _scalar(name: str, value: object) -> _Leaf:  # noqa: PLR0911, PLR0912 - one branch per type
    """Convert one non-list Python value to its stored form, or raise AnswerSetError."""
    cls = type(value)
    if cls is str:
        text = cast(str, value)
        return text if text.isprintable() else _check_text(name, text, "text")
    if cls is bool or cls is datetime.date or cls is Unanswered or cls is RawValue:
        return cast(_Leaf, value)
    if cls is Decimal:
        return _check_decimal(name, cast(Decimal, value))
    if cls is int:
        return _check_decimal(name, Decimal(cast(int, value)))
    if cls is float:
        number = cast(float, value)
        if not math.isfinite(number):
            raise AnswerSetError(f"{number} cannot be written as a HotDocs number", answer=name)
        # repr() is the shortest text that reads back as the same float.
        return _check_decimal(name, Decimal(repr(number)))
    if cls is MultipleChoice:
        return _check_choice(name, cast(MultipleChoice, value))
    # Subclasses (str and int enums, date subclasses), after their exact types above.
    if isinstance(value, datetime.datetime):
        raise AnswerSetError(
            "a datetime is refused (HotDocs dates have no time); pass value.date()",
            answer=name,
        )
    if isinstance(value, str):
        return _scalar(name, str.__str__(value))
    if isinstance(value, bool | int):
        return _scalar(name, int(value))
    if isinstance(value, float):
        return _scalar(name, float(value))
    if isinstance(value, Decimal):
        return _scalar(name, Decimal(value))
    if isinstance(value, datetime.date):
        return datetime.date(value.year, value.month, value.day)
    raise AnswerSetError(f"a {cls.__name__} cannot be an answer value", answer=name)


def _is_list(value: object) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str | bytes | bytearray)


class _RepeatCheck:
    """What a repeat holds, gathered while converting or reading it, and its rules."""

    __slots__ = ("answered", "blanks", "leaf_level", "line", "max_level", "name", "nones", "tag")

    def __init__(self, name: str) -> None:
        self.name = name
        self.tag: str | None = None
        self.answered = False
        self.blanks = False
        self.nones = False
        self.leaf_level = 0
        self.max_level = 0
        self.line: int | None = None

    def fail(self, message: str, line: int | None = None) -> AnswerSetError:
        return AnswerSetError(message, answer=self.name, line=line or self.line)

    def enter(self, level: int, line: int | None = None) -> None:
        if level > MAX_REPEAT_DEPTH:
            raise self.fail(f"repeats nest at most {MAX_REPEAT_DEPTH} levels deep", line)
        self.max_level = max(self.max_level, level)

    def leaf(self, value: _Leaf, level: int, line: int | None = None) -> None:
        if self.leaf_level != level:
            if self.leaf_level:
                raise self.fail("all values of a repeated answer must be equally deep", line)
            self.leaf_level = level
        if value is None:
            self.nones = True
            return
        tag = _leaf_tag(value)
        if tag != self.tag:
            if self.tag is not None:
                raise self.fail(f"a repeated answer mixes value types ({self.tag} and {tag})", line)
            self.tag = tag
        if type(value) is Unanswered:
            self.blanks = True
        else:
            self.answered = True

    def finish(self, items: _Items) -> _Items:
        """Apply the rules that need the whole repeat, and store unanswered values one way.

        Unanswered leaves are stored as ``None`` when an answered leaf gives the type, and as
        ``Unanswered(kind)`` when none does.
        """
        tag = self.tag
        if self.leaf_level and self.max_level > self.leaf_level:
            raise self.fail("all values of a repeated answer must be equally deep")
        if self.nones and tag not in _TAG_KIND:
            if tag is None:
                raise self.fail(
                    "None in a repeat needs a value type: when no value is answered, use "
                    "Unanswered(AnswerKind...) entries"
                )
            raise self.fail(
                f'None cannot stand for an opaque <{tag}>; use a RawValue with unans="true"'
            )
        if self.answered:
            if not self.blanks:
                return items
            blank: _Leaf = None
        elif self.nones:
            blank = Unanswered(_TAG_KIND[cast(str, tag)])
        else:
            return items
        return _replace_unanswered(items, blank)


def _replace_unanswered(items: _Items, blank: _Leaf) -> _Items:
    return tuple(
        _replace_unanswered(item, blank)
        if type(item) is tuple
        else (blank if item is None or type(item) is Unanswered else item)
        for item in cast(tuple[Any, ...], items)
    )


def _convert_items(values: Sequence[object], level: int, check: _RepeatCheck) -> _Items:
    check.enter(level)
    out: list[_Leaf | _Items] = []
    lists = leaves = False
    for value in values:
        if _is_list(value):
            lists = True
            out.append(_convert_items(cast(Sequence[object], value), level + 1, check))
        else:
            leaves = True
            leaf = None if value is None else _scalar(check.name, value)
            check.leaf(leaf, level)
            out.append(leaf)
    if lists and leaves:
        raise check.fail("a repeat holds either values or lists, not both")
    return tuple(out)


def _convert_flat(values: Sequence[object]) -> _Items | None:
    """Store the common repeat quickly: printable text or booleans or dates, no gaps.

    Returns:
        The repeat, or None when it is anything else (``_convert`` then checks it fully).
    """
    if not values:
        return None
    cls = type(values[0])
    if cls is str:
        for value in values:
            if type(value) is not str or not value.isprintable():
                return None
    elif cls is bool or cls is datetime.date:
        for value in values:
            if type(value) is not cls:
                return None
    else:
        return None
    return tuple(values)  # type: ignore[arg-type]


def _convert(name: str, value: object) -> _Stored:
    if _is_list(value):
        check = _RepeatCheck(name)
        return check.finish(_convert_items(cast(Sequence[object], value), 1, check))
    if value is None:
        raise AnswerSetError(
            "None is only allowed inside a list; use Unanswered(kind) or delete the answer",
            answer=name,
        )
    return cast(_Stored, _scalar(name, value))


def _check_name(name: object) -> str:
    if type(name) is not str:
        if not isinstance(name, str):
            raise AnswerSetError(f"an answer name must be a str, not {type(name).__name__}")
        name = str.__str__(name)
    if not name or name.isspace():
        raise AnswerSetError("an answer name must not be empty")
    if name != name.strip():
        raise AnswerSetError(
            "an answer name must not start or end with white space (HotDocs trims it)",
            answer=name,
        )
    if len(name) > MAX_NAME_LENGTH:
        raise AnswerSetError(f"the name is longer than {MAX_NAME_LENGTH} characters", answer=name)
    return _check_text(name, name, "name", escaped=True)


def _to_python(value: _Leaf | _Items) -> RepeatItem:
    if type(value) is tuple:
        return [_to_python(item) for item in value]
    return cast(_Leaf, value)


def _path_exists(value: _Stored, path: _Path) -> bool:
    node: object = value
    for index in path:
        if type(node) is not tuple or not 0 <= index < len(node):
            return False
        node = node[index]
    return type(node) is not RawValue
