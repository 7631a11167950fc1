r"""HotDocs answer sets: build, read, write and validate HotDocs Answer Set XML.

Python values and their XML (reference section 7):

==========================  ================================================================
Python                      XML
==========================  ================================================================
``str``                     ``<TextValue>`` (exactly as given; ``\r`` is written ``&#13;``)
``bool``                    ``<TFValue>true</TFValue>`` (never a number)
``int``, ``float``,         ``<NumValue>``: invariant culture, no exponent, no grouping
``Decimal``                 (read back as ``Decimal``)
``datetime.date``           ``<DateValue>d/M/yyyy</DateValue>`` (a ``datetime`` is refused)
``MultipleChoice(...)``     ``<MCValue>`` with one ``<SelValue>`` per selection
``Unanswered(kind)``        the kind's element with ``unans="true"``
``RawValue(xml)``           the element exactly as given (``DBValue``, ``ClauseLibValue``,
                            ``DocTextValue`` and unknown value elements)
``list`` (nested up to 4)   ``<RptValue>``; ``None`` inside is an unanswered value
==========================  ================================================================
"""

from __future__ import annotations

import copy
import datetime
import enum
import math
import re
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from decimal import Decimal
from typing import Any, ClassVar, Final, TypeAlias, cast

from lxml import etree

from . import _xml
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

_NUMBER_TEXT: Final = re.compile(
    r"[ \t\r\n]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[ \t\r\n]*"
)
# The Open SDK's reader splits dates on "/", "-", "." and space, day first.
_DATE_TEXT: Final = re.compile(
    r"[ \t\r\n]*([0-9]{1,2})[/. -]([0-9]{1,2})[/. -]([0-9]{4})[ \t\r\n]*"
)
_FLAG_VALUES: Final = {TRUE: True, FALSE: False, "1": True, "0": False}
# The forms this package writes, read without further checks.
_PLAIN_NUMBER: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_PLAIN_DATE: Final = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


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
    # adjusted() is the exponent of the leading digit: bounding it bounds the zeros that
    # plain notation adds to the digits given.
    if not -_MAX_EXPONENT <= value.adjusted() <= _MAX_EXPONENT:
        raise AnswerSetError(
            f"the number's exponent {value.adjusted()} is outside +-{_MAX_EXPONENT}",
            answer=name,
        )
    return value


def _check_choice(name: str, choice: MultipleChoice) -> MultipleChoice:
    for selection in choice.selections:
        if not selection.isprintable():
            _check_text(name, selection, "selection", escaped=True)
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


# --- Writing ---------------------------------------------------------------------------------

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


def _write_date(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, DATE, attrib).text = f"{value.day}/{value.month}/{value.year:04d}"


def _write_true_false(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    etree.SubElement(parent, TRUE_FALSE, attrib).text = TRUE if value else FALSE


def _write_choice(parent: etree._Element, value: Any, tag: str | None, attrib: _Attrib) -> None:
    element = etree.SubElement(parent, MULTIPLE_CHOICE, attrib)
    for selection in value._selections:
        text = _xml.escape(selection) if _xml.needs_escape(selection) else selection
        etree.SubElement(element, SELECTION).text = text


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


_ROOT_RESERVED: Final = frozenset({TITLE, VERSION})
_ANSWER_RESERVED: Final = frozenset({NAME})
_VALUE_RESERVED: Final = frozenset({UNANS, UNANS_A2J})


# --- Reading ---------------------------------------------------------------------------------
#
# Speed matters here (answer sets of 100,000 answers), so the loops touch each lxml node as
# few times as they can. Text between elements, which the schema forbids and HotDocs ignores,
# is ignored here too; ``validate_answer_xml`` reports it.


_PLACEHOLDER: Final = [(UNANS, TRUE)]


def _flags(
    element: etree._Element, items: list[tuple[str, str]], name: str
) -> tuple[bool, dict[str, str] | None]:
    """Split a value element's attributes into its unanswered flag and the others."""
    if items == _PLACEHOLDER:  # the common case, decided quickly
        return True, None
    unanswered = False
    extras: dict[str, str] | None = None
    for key, value in items:
        if key in (UNANS, UNANS_A2J):
            flag = _FLAG_VALUES.get(value.strip().lower())
            if flag is None:
                raise AnswerSetError(
                    f"{key}={value!r} is neither true nor false",
                    answer=name,
                    line=element.sourceline,
                )
            unanswered = unanswered or flag
        else:
            if extras is None:
                extras = {}
            extras[str(key)] = value
    return unanswered, extras


def _element_text(element: etree._Element, name: str) -> str:
    """Read the text of a simple value with child nodes, skipping comments and PIs."""
    for child in element:
        if isinstance(child.tag, str):
            raise AnswerSetError(
                f"<{element.tag!s}> must not contain <{child.tag!s}>",
                answer=name,
                line=child.sourceline,
            )
    return str(element.xpath("string()"))


def _read_text(element: etree._Element, name: str) -> _Leaf:
    if len(element):
        return _element_text(element, name)
    return element.text or ""


def _read_number(element: etree._Element, name: str) -> _Leaf:
    text = _element_text(element, name) if len(element) else element.text
    if not text:
        return None
    try:
        number = Decimal(text)
    except ArithmeticError:
        number = None
    # Decimal() alone would also take "1_000", "NaN" and non-ASCII digits.
    if number is None or not number.is_finite() or "_" in text or not text.isascii():
        if text.isspace():
            return None
        raise AnswerSetError(f"{text!r} is not a number", answer=name, line=element.sourceline)
    if ("e" in text or "E" in text) and not -_MAX_EXPONENT <= number.adjusted() <= _MAX_EXPONENT:
        raise AnswerSetError(
            f"the number's exponent is outside +-{_MAX_EXPONENT}",
            answer=name,
            line=element.sourceline,
        )
    return number


def _read_date(element: etree._Element, name: str) -> _Leaf:
    text = _element_text(element, name) if len(element) else element.text
    if not text:
        return None
    match = _DATE_TEXT.fullmatch(text)
    if match is None:
        if text.isspace():
            return None
        raise AnswerSetError(
            f"{text!r} is not a date as d/M/yyyy", answer=name, line=element.sourceline
        )
    day, month, year = match.groups()
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise AnswerSetError(
            f"{text.strip()!r} is not a date: {exc}", answer=name, line=element.sourceline
        ) from None


def _read_true_false(element: etree._Element, name: str) -> _Leaf:
    text = _element_text(element, name) if len(element) else element.text
    if not text:
        return None
    flag = text.strip().lower()
    if flag == TRUE:
        return True
    if flag == FALSE:
        return False
    if not flag:
        return None
    raise AnswerSetError(
        f"{text!r} is neither true nor false", answer=name, line=element.sourceline
    )


def _read_choice(element: etree._Element, name: str) -> _Leaf:
    selections = []
    for child in element:
        if child.tag == SELECTION and not child.items():
            text = _element_text(child, name) if len(child) else child.text
            if not text:
                text = ""
            elif "\\" in text:
                text = _xml.unescape(text)
            selections.append(text)
        elif isinstance(child.tag, str):
            raise AnswerSetError(
                f"<MCValue> may hold only plain <SelValue> elements, not {_describe(child)}",
                answer=name,
                line=child.sourceline,
            )
    choice = MultipleChoice.__new__(MultipleChoice)
    object.__setattr__(choice, "_selections", tuple(selections))
    return choice


def _describe(element: etree._Element) -> str:
    attributes = "".join(f" {key}" for key in element.attrib)
    return f"<{element.tag!s}{attributes}>"


_LEAF_READERS: Final = {
    TEXT: _read_text,
    NUMBER: _read_number,
    DATE: _read_date,
    TRUE_FALSE: _read_true_false,
    MULTIPLE_CHOICE: _read_choice,
}


class _Reader:
    """Reads the answers of one document into an AnswerSet's storage."""

    __slots__ = ("answer_attrs", "value_attrs", "values", "wire_names")

    def __init__(self, answers: AnswerSet) -> None:
        self.values = answers._values
        self.answer_attrs = answers._answer_attrs
        self.value_attrs = answers._value_attrs
        self.wire_names = answers._wire_names

    def read(self, root: etree._Element) -> None:  # noqa: PLR0912, PLR0915 - inlined for speed
        values = self.values
        count = 0
        plain_number = _PLAIN_NUMBER.fullmatch
        plain_date = _PLAIN_DATE.fullmatch
        for answer in root.iterchildren(ANSWER):
            count += 1
            attributes = answer.items()  # one call: the name, and whether there is more
            if len(attributes) != 1 or attributes[0][0] != NAME:
                name = self.answer_name(answer)
            elif "\\" in (raw_name := attributes[0][1]):
                name = self.unescaped_name(raw_name, answer)
            else:
                name = raw_name.strip()
                if not name or len(name) > MAX_NAME_LENGTH:
                    _check_read_name(name, answer)
            element = answer[0] if len(answer) == 1 else _only_child(answer, name)
            tag: str = element.tag  # type: ignore[assignment]  # a str, or a function for comments
            items = element.items()
            value: _Stored | None
            # The common, plain forms are read inline; anything else goes to the full readers.
            if tag == REPEAT:
                value = None if items else _read_flat(element, name)
                if value is None:
                    value = self.repeated(element, name)
            elif items or (len(element) and tag != MULTIPLE_CHOICE):
                value = self.simple(element, tag, items, name)
            elif tag == TEXT:
                value = element.text or ""
            elif tag == NUMBER:
                text = element.text
                value = Decimal(text) if text and plain_number(text) else None
            elif tag == DATE:
                match = plain_date(element.text or "")
                value = None
                if match is not None:
                    day, month, year = match.groups()
                    try:
                        value = datetime.date(int(year), int(month), int(day))
                    except ValueError:  # 31/2: the full reader says why
                        value = None
            elif tag == TRUE_FALSE:
                text = element.text
                value = True if text == TRUE else False if text == FALSE else None
            elif tag == MULTIPLE_CHOICE:
                value = _read_choice(element, name)
            else:
                value = self.simple(element, tag, items, name)
            if value is None:  # not in its plain form: let the full reader decide
                value = self.simple(element, tag, items, name)
            values[name] = value
        if count != len(values):
            _find_duplicate(root)
        if count != len(root):  # something besides answers: fine if comments or PIs
            for child in root:
                if isinstance(child.tag, str) and child.tag != ANSWER:
                    raise AnswerSetError(
                        f"<AnswerSet> may hold only <Answer> elements, not <{child.tag}>",
                        line=child.sourceline,
                    )

    def simple(
        self, element: etree._Element, tag: str, items: list[tuple[str, str]], name: str
    ) -> _Stored:
        """Read any value but a repeat: flags, other attributes, odd forms, opaque values."""
        reader = _LEAF_READERS.get(tag)
        if reader is None:
            if not isinstance(tag, str):  # the only child is a comment
                raise AnswerSetError(
                    "<Answer> holds no value", answer=name, line=element.sourceline
                )
            return RawValue._adopt(element)
        unanswered = False
        if items:
            unanswered, extras = _flags(element, items, name)
            if extras:
                self.value_attrs[name] = {(): extras}
        found = None if unanswered else reader(element, name)
        return Unanswered(_TAG_KIND[tag]) if found is None else found

    def answer_name(self, answer: etree._Element) -> str:
        raw_name = answer.get(NAME)
        if raw_name is None:
            raise AnswerSetError("<Answer> has no name", line=answer.sourceline)
        name = self.unescaped_name(raw_name, answer)
        extras = {str(key): value for key, value in answer.items() if key != NAME}
        if extras:
            self.answer_attrs[name] = extras
        return name

    def unescaped_name(self, raw_name: str, answer: etree._Element) -> str:
        name = _xml.unescape(raw_name).strip()
        _check_read_name(name, answer)
        if _xml.needs_escape(name):
            self.wire_names[name] = _xml.escape(name)
        return name

    def repeated(self, element: etree._Element, name: str) -> _Items:
        attrs: dict[_Path, dict[str, str]] = {}
        check = _RepeatCheck(name)
        check.line = element.sourceline
        repeat = check.finish(_read_repeat(element, 1, (), check, attrs))
        if attrs:
            self.value_attrs[name] = attrs
        return repeat


def _find_duplicate(root: etree._Element) -> None:
    seen: set[str] = set()
    for answer in root.iterchildren(ANSWER):
        name = _xml.unescape(answer.get(NAME, "")).strip()
        if name in seen:
            raise AnswerSetError(
                "the answer appears twice in the file", answer=name, line=answer.sourceline
            )
        seen.add(name)


def _check_read_name(name: str, answer: etree._Element) -> None:
    if not name:
        raise AnswerSetError("<Answer> has an empty name", line=answer.sourceline)
    if len(name) > MAX_NAME_LENGTH:
        raise AnswerSetError(
            f"the name is longer than {MAX_NAME_LENGTH} characters",
            answer=name,
            line=answer.sourceline,
        )


def _only_child(answer: etree._Element, name: str) -> etree._Element:
    elements = list(answer.iterchildren(etree.Element))
    if len(elements) != 1:
        raise AnswerSetError(
            f"<Answer> must hold exactly one value, not {len(elements)}",
            answer=name,
            line=answer.sourceline,
        )
    return elements[0]


def _read_flat(element: etree._Element, name: str) -> _Items | None:
    """Read the common repeat quickly: one level of simple values, no attributes but unans.

    The caller has checked that the ``<RptValue>`` itself has no attributes.

    Returns:
        The repeat, or None when it is not that simple (``_read_repeat`` then reads it).
    """
    leaves: list[_Leaf | _Items] = []
    append = leaves.append
    unanswered = False
    tag: str | None = None
    reader = _read_text
    for child in element:
        if child.tag != tag:
            if tag is not None or child.tag not in _LEAF_READERS:  # mixed, a comment, a list
                return None
            tag = child.tag
            reader = _LEAF_READERS[tag]
        attributes = child.items()
        if not attributes:
            unanswered = False
            if tag == TEXT and not len(child):
                append(child.text or "")
            else:
                append(reader(child, name))
        elif attributes == _PLACEHOLDER:
            unanswered = True
            append(None)
        else:
            return None
    if tag is None:
        return ()
    # The writer's trailing placeholder: one unanswered value with no other attributes.
    if unanswered:
        leaves.pop()
    blanks = leaves.count(None)
    if blanks == len(leaves):
        return (Unanswered(_TAG_KIND[tag]),) * blanks
    return tuple(leaves)


def _read_repeat(  # noqa: PLR0912 - one pass, for speed
    element: etree._Element,
    level: int,
    path: _Path,
    check: _RepeatCheck,
    attrs: dict[_Path, dict[str, str]],
) -> _Items:
    """Read one ``<RptValue>``; unanswered values become None (``finish`` settles them)."""
    if level > MAX_REPEAT_DEPTH:
        raise check.fail(f"repeats nest at most {MAX_REPEAT_DEPTH} levels deep", element.sourceline)
    check.max_level = max(check.max_level, level)
    if len(element.attrib):
        attrs[path] = {str(key): value for key, value in element.items()}
    children = list(element.iterchildren(etree.Element))
    if not children:
        return ()
    tag: str = children[0].tag  # type: ignore[assignment]  # elements only
    if tag == REPEAT:
        return _read_lists(children, level, path, check, attrs)
    if check.leaf_level != level:
        if check.leaf_level:
            raise check.fail(
                "all values of a repeated answer must be equally deep", element.sourceline
            )
        check.leaf_level = level
    if tag != check.tag:
        if check.tag is not None:
            raise check.fail(
                f"a repeated answer mixes value types ({check.tag} and {tag})",
                children[0].sourceline,
            )
        check.tag = tag
    reader = _LEAF_READERS.get(tag)
    if reader is None:
        return _read_opaque(children, check)
    name = check.name
    leaves: list[_Leaf | _Items] = []
    unanswered = False
    extras = None
    for child in children:
        if child.tag != tag:
            raise check.fail(
                f"a repeated answer mixes value types ({tag} and {child.tag!s})", child.sourceline
            )
        items = child.items()
        unanswered, extras = _flags(child, items, name) if items else (False, None)
        if extras:
            attrs[(*path, len(leaves))] = extras
        leaves.append(None if unanswered else reader(child, name))
    # The writer's trailing placeholder: one unanswered value with no other attributes.
    if unanswered and not extras:
        leaves.pop()
    blanks = leaves.count(None)
    if blanks:
        check.nones = True
    if blanks < len(leaves):
        check.answered = True
    return tuple(leaves)


def _read_lists(
    children: list[etree._Element],
    level: int,
    path: _Path,
    check: _RepeatCheck,
    attrs: dict[_Path, dict[str, str]],
) -> _Items:
    last = children[-1]
    # The writer's trailing placeholder for a list of lists: a bare <RptValue/>.
    if last.tag == REPEAT and not len(last.attrib) and not len(last):
        children.pop()
    out: list[_Leaf | _Items] = []
    for index, child in enumerate(children):
        if child.tag != REPEAT:
            raise check.fail("a repeat holds either values or lists, not both", child.sourceline)
        out.append(_read_repeat(child, level + 1, (*path, index), check, attrs))
    return tuple(out)


def _read_opaque(children: list[etree._Element], check: _RepeatCheck) -> _Items:
    tag: str = children[0].tag  # type: ignore[assignment]  # elements only
    if tag == REPEAT:
        raise check.fail("a repeat holds either values or lists, not both")
    leaves: list[_Leaf | _Items] = []
    placeholder = False
    for child in children:
        if child.tag != tag:
            raise check.fail(
                f"a repeated answer mixes value types ({tag} and {child.tag!s})", child.sourceline
            )
        leaves.append(RawValue._adopt(child))
        keys = set(child.keys())
        flag = child.get(UNANS) or child.get(UNANS_A2J) or ""
        placeholder = bool(keys) and keys <= _VALUE_RESERVED
        placeholder = placeholder and _FLAG_VALUES.get(flag.strip().lower(), False)
    # Opaque values keep their attributes, so only the bare trailing placeholder goes.
    if placeholder:
        leaves.pop()
    if leaves:
        check.answered = True
    return tuple(leaves)


# --- The answer set --------------------------------------------------------------------------


class AnswerSet(MutableMapping[str, AnswerValue]):
    r"""A HotDocs answer set: a mutable mapping from answer name to value.

    ``answers["CompanyName"] = "ExampleCorp"`` stores a text answer; see the module table for
    every type. Values are checked and converted when set, so ``to_xml()`` cannot fail on them:
    numbers are stored as ``Decimal`` (a float through its shortest ``repr``), and reading a
    repeated answer returns a new list (change it, then assign it back). Numbers are never
    rounded, although HotDocs keeps at most 7 decimal places.

    Repeated answers follow the HotDocs Open SDK: every ``<RptValue>`` list ends with one
    trailing unanswered value of its type (an empty ``<RptValue/>`` for a list of lists), and
    ``from_xml`` removes exactly one such trailing value when present, so a list may end with
    ``None``. Inner empty lists are written as ``<RptValue/>``. All values of one repeated
    answer share one type and one depth (at most 4). An unanswered value inside a list is
    ``None`` when an answered value gives the list's type, else ``Unanswered(kind)`` (a list of
    only ``None`` is refused: nothing says its type); values are stored in that form. An empty
    repeat is written ``<RptValue/>`` and keeps no type.

    Names and selections use the Open SDK's escaping: a backslash and C0 controls are written
    as ``\xx`` (``\`` becomes ``\5c``) and decoded on reading. Text answers are written as
    they are (the SDK does not escape ``TextValue``, so a Windows path stays readable), and
    text with characters XML 1.0 cannot carry is refused.

    Nothing in a file is dropped silently. The root's other attributes are in ``attributes``,
    an answer's attributes (``save``, ``userExtendible``, unknown ones) in
    ``answer_attributes(name)``, and a value element's attributes (``userModifiable``, unknown
    ones) in ``value_attributes(name, *index)``. The only normalisations: ``UNANS`` is written
    ``unans``, ``unans="false"`` is dropped, the content of an unanswered value is ignored (as
    HotDocs does), empty ``NumValue``/``DateValue``/``TFValue`` read as unanswered, a missing
    title or version is written with its default, and comments and processing instructions
    outside opaque values are not kept. CHOICE: replacing a value keeps the answer's
    attributes and keeps value attributes only at repeat indexes that still exist.

    Args:
        title: The ``title`` attribute (the Open SDK writes ``""``).
        version: The ``version`` attribute.
    """

    __slots__ = (
        "_answer_attrs",
        "_nsmap",
        "_title",
        "_value_attrs",
        "_values",
        "_version",
        "_wire_names",
        "attributes",
    )
    __hash__: ClassVar[None]  # type: ignore[assignment]

    def __init__(self, title: str = "", version: str = "1.1") -> None:
        self._values: dict[str, _Stored] = {}
        self._answer_attrs: dict[str, dict[str, str]] = {}
        self._value_attrs: dict[str, dict[_Path, dict[str, str]]] = {}
        self._wire_names: dict[str, str] = {}
        self._nsmap: dict[str | None, str] = {}
        self.title = title
        self.version = version
        #: The root element's attributes other than title and version (``useMangledNames``,
        #: ``save``, unknown ones), in document order.
        self.attributes: dict[str, str] = {}

    @property
    def title(self) -> str:
        """The answer set's ``title`` attribute."""
        return self._title

    @title.setter
    def title(self, value: str) -> None:
        self._title = _attribute_text("title", value)

    @property
    def version(self) -> str:
        """The answer set's ``version`` attribute (``1.1``)."""
        return self._version

    @version.setter
    def version(self, value: str) -> None:
        self._version = _attribute_text("version", value)

    # Mapping protocol -------------------------------------------------------------------

    def __getitem__(self, name: str) -> AnswerValue:
        value = self._values[name]
        if type(value) is tuple:
            return [_to_python(item) for item in value]
        return cast(AnswerValue, value)

    def __setitem__(self, name: str, value: AnswerValue) -> None:
        # Fast paths first (answer sets of 100,000 answers). A printable name without a
        # backslash needs no escaping and holds no character XML refuses; the only white
        # space a printable string can hold is " ", so that is all trimming could remove.
        if (
            type(name) is not str
            or not name.isprintable()
            or not name
            or name[0] == " "
            or name[-1] == " "
            or "\\" in name
            or len(name) > MAX_NAME_LENGTH
        ):
            name = _check_name(name)
            if _xml.needs_escape(name):
                self._wire_names[name] = _xml.escape(name)
        stored: _Stored
        if type(value) is str:
            stored = value if value.isprintable() else _check_text(name, value, "text")
        elif type(value) is bool or type(value) is datetime.date:
            stored = value
        elif type(value) is Decimal:
            stored = _check_decimal(name, value)
        elif type(value) is MultipleChoice:
            stored = _check_choice(name, value)
        elif type(value) is list or type(value) is tuple:
            stored = _convert_flat(value) or _convert(name, value)
        else:
            stored = _convert(name, value)
        self._values[name] = stored
        if self._value_attrs:
            attrs = self._value_attrs.get(name)
            if attrs:
                for path in [path for path in attrs if not _path_exists(stored, path)]:
                    del attrs[path]

    def __delitem__(self, name: str) -> None:
        del self._values[name]
        self._answer_attrs.pop(name, None)
        self._value_attrs.pop(name, None)
        self._wire_names.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, AnswerSet):
            return NotImplemented
        if (
            self.title != other.title
            or self.version != other.version
            or self.attributes != other.attributes
            or self._values.keys() != other._values.keys()
        ):
            return False
        if not all(_same(value, other._values[name]) for name, value in self._values.items()):
            return False
        return _non_empty(self._answer_attrs) == _non_empty(other._answer_attrs) and {
            name: _non_empty(attrs)
            for name, attrs in self._value_attrs.items()
            if any(attrs.values())
        } == {
            name: _non_empty(attrs)
            for name, attrs in other._value_attrs.items()
            if any(attrs.values())
        }

    def __repr__(self) -> str:
        return f"AnswerSet(title={self.title!r}, version={self.version!r}, answers={len(self)})"

    # Metadata -----------------------------------------------------------------------------

    def answer_attributes(self, name: str) -> dict[str, str]:
        """Return the ``<Answer>`` element's attributes other than ``name``, to read or change.

        Args:
            name: An answer in this set.

        Returns:
            The live dictionary (``save``, ``userExtendible`` and unknown attributes).

        Raises:
            KeyError: There is no answer of that name.
        """
        if name not in self._values:
            raise KeyError(name)
        return self._answer_attrs.setdefault(name, {})

    def value_attributes(self, name: str, *index: int) -> dict[str, str]:
        """Return a value element's attributes other than ``unans``, to read or change.

        Args:
            name: An answer in this set.
            *index: The repeat indexes of the value; none for the answer's own value element
                (the outer ``<RptValue>`` of a repeated answer).

        Returns:
            The live dictionary (``userModifiable`` and unknown attributes).

        Raises:
            KeyError: There is no answer of that name.
            IndexError: The indexes do not lead to a value, or lead to a ``RawValue`` (whose
                attributes are part of its XML).
        """
        value = self._values[name]
        if not _path_exists(value, index):
            raise IndexError(f"answer {name!r} has no value element at {list(index)}")
        return self._value_attrs.setdefault(name, {}).setdefault(tuple(index), {})

    # XML -----------------------------------------------------------------------------------

    @classmethod
    def from_xml(cls, xml: str | bytes) -> AnswerSet:
        """Read HotDocs answer XML.

        Args:
            xml: The document. A BOM, an XML declaration, CRLF line ends, single-quoted
                attributes and ``UNANS`` are fine; a namespace on the root is ignored.

        Returns:
            The answer set.

        Raises:
            AnswerSetError: The input is not well-formed, has a DOCTYPE, or breaks a rule
                HotDocs relies on (named in the message, with the answer and line).
        """
        return cls._from_root(_xml.parse(xml))

    @classmethod
    def _from_root(cls, root: etree._Element) -> AnswerSet:
        tag = root.tag
        if isinstance(tag, str) and tag.startswith("{"):
            _xml.strip_root_namespace(root)
            tag = root.tag
        if tag != ANSWER_SET:
            raise AnswerSetError(f"the root element must be <AnswerSet>, not <{tag!s}>", line=1)
        answers = cls()
        for key, value in root.items():
            if key == TITLE:
                answers._title = value
            elif key == VERSION:
                answers._version = value
            else:
                answers.attributes[str(key)] = value
        answers._nsmap = {prefix: uri for prefix, uri in root.nsmap.items() if prefix is not None}
        _Reader(answers).read(root)
        return answers

    def _tree(self) -> etree._Element:
        root_attrib = {TITLE: self._title, VERSION: self._version}
        if self.attributes:
            root_attrib.update(_checked_attrib(self.attributes, _ROOT_RESERVED, "attributes", None))
        try:
            root = etree.Element(ANSWER_SET, root_attrib, nsmap=self._nsmap or None)
        except ValueError as exc:
            raise AnswerSetError(f"attributes: {exc}") from None
        sub = etree.SubElement
        writers = _WRITERS
        if not (self._wire_names or self._answer_attrs or self._value_attrs):
            # The common case, kept lean: no escaped names, no extra attributes.
            for name, value in self._values.items():
                writers[type(value)](sub(root, ANSWER, {NAME: name}), value, None, None)
            return root
        name = ""
        try:
            for name, value in self._values.items():
                self._write_answer(root, name, value)
        except ValueError as exc:  # lxml refuses a bad attribute name
            raise AnswerSetError(str(exc), answer=name) from None
        return root

    def _write_answer(self, root: etree._Element, name: str, value: _Stored) -> None:
        attrib = {NAME: self._wire_names.get(name, name)}
        extra = self._answer_attrs.get(name)
        if extra:
            attrib.update(_checked_attrib(extra, _ANSWER_RESERVED, "answer attributes", name))
        answer = etree.SubElement(root, ANSWER, attrib)
        attrs = {
            path: _checked_attrib(found, _VALUE_RESERVED, "value attributes", name)
            for path, found in self._value_attrs.get(name, {}).items()
            if found
        }
        if type(value) is tuple:
            _write_items(answer, value, _repeat_tag(value), attrs or None, ())
        else:
            _WRITERS[type(value)](answer, value, None, attrs.get(()))

    def _valid_xml(self) -> str:
        """Write ``to_xml()``, checked against the schema first.

        Opaque values are not checked when a file is read, so a set read from one may not be
        valid.
        """
        root = self._tree()
        errors = _xml.schema_errors(root)
        if errors:
            error = errors[0]
            raise AnswerSetError(
                f"not a valid answer set: {error.message}", answer=_answer_at(root, error.path)
            )
        return etree.tostring(root, encoding="unicode")

    def to_xml(self) -> str:
        """Write the answer set as HotDocs answer XML.

        Returns:
            The XML, without an XML declaration, with double-quoted attributes.

        Raises:
            AnswerSetError: An attribute set through ``attributes``, ``answer_attributes`` or
                ``value_attributes`` cannot be written.
        """
        return etree.tostring(self._tree(), encoding="unicode")

    def to_bytes(self) -> bytes:
        """Write the answer set as a UTF-8 file, with an XML declaration.

        Returns:
            The XML as bytes.

        Raises:
            AnswerSetError: As for ``to_xml``.
        """
        return etree.tostring(self._tree(), encoding="utf-8", xml_declaration=True)

    # JSON-shaped data --------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Return the answer set as JSON-ready data (``json.dumps`` takes it; see ``from_dict``).

        Returns:
            ``{"title", "version", "answers"}``, plus ``"attributes"``, ``"answerAttributes"``
            and ``"valueAttributes"`` when any are set.
        """
        data: dict[str, Any] = {
            "title": self._title,
            "version": self._version,
            "answers": {name: _to_json(value) for name, value in self._values.items()},
        }
        if self.attributes:
            data["attributes"] = dict(self.attributes)
        answer_attrs = _non_empty(self._answer_attrs)
        if answer_attrs:
            data["answerAttributes"] = answer_attrs
        value_attrs = {
            name: [
                {"index": list(path), "attributes": dict(found)}
                for path, found in attrs.items()
                if found
            ]
            for name, attrs in self._value_attrs.items()
            if any(attrs.values())
        }
        if value_attrs:
            data["valueAttributes"] = value_attrs
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnswerSet:
        """Build an answer set from JSON-shaped data.

        The shape, as ``to_dict`` writes it::

            {"title": "", "version": "1.1",
             "answers": {
                 "CompanyName": "ExampleCorp",                 # text
                 "Approved": true,                             # true/false
                 "Amount": {"number": "1500.25"},              # a JSON number is fine too
                 "Start": {"date": "2024-01-31"},              # ISO 8601 in JSON
                 "Colour": {"choices": ["Red", "Blue"]},
                 "Spouse": {"unanswered": "text"},             # an AnswerKind value
                 "Record": {"xml": "<DBValue>...</DBValue>"},  # a RawValue
                 "Children": ["Ann", null, "Cy"]},             # null only inside lists
             "attributes": {"useMangledNames": "false"},
             "answerAttributes": {"CompanyName": {"save": "false"}},
             "valueAttributes": {"Children": [{"index": [1],
                                               "attributes": {"userModifiable": "false"}}]}}

        Only ``answers`` is required.

        Args:
            data: The mapping, e.g. from ``json.loads``.

        Returns:
            The answer set.

        Raises:
            AnswerSetError: The data does not have this shape, or a value is not allowed.
        """
        if not isinstance(data, Mapping):
            raise AnswerSetError(f"expected a mapping, not {type(data).__name__}")
        unknown = set(data) - {
            "title",
            "version",
            "answers",
            "attributes",
            "answerAttributes",
            "valueAttributes",
        }
        if unknown:
            raise AnswerSetError(f"unknown keys {sorted(unknown)}")
        answers = cls(title=data.get("title", ""), version=data.get("version", "1.1"))
        values = data.get("answers")
        if not isinstance(values, Mapping):
            raise AnswerSetError('"answers" must be an object of answer names to values')
        for name, value in values.items():
            answers[name] = cast(AnswerValue, _from_json(str(name), value))
        answers.attributes.update(_string_map(data.get("attributes", {}), "attributes"))
        for name, attrs in _mapping(data.get("answerAttributes", {}), "answerAttributes").items():
            if name not in answers:
                raise AnswerSetError("answerAttributes: there is no such answer", answer=name)
            answers.answer_attributes(name).update(_string_map(attrs, "answerAttributes"))
        for name, entries in _mapping(data.get("valueAttributes", {}), "valueAttributes").items():
            if not isinstance(entries, list):
                raise AnswerSetError('"valueAttributes" entries must be lists', answer=name)
            for entry in entries:
                if not isinstance(entry, Mapping) or set(entry) != {"index", "attributes"}:
                    raise AnswerSetError(
                        'a "valueAttributes" entry is {"index": [...], "attributes": {...}}',
                        answer=name,
                    )
                index = entry["index"]
                if not isinstance(index, list) or not all(type(i) is int for i in index):
                    raise AnswerSetError('"index" must be a list of integers', answer=name)
                try:
                    target = answers.value_attributes(name, *index)
                except (KeyError, IndexError) as exc:
                    raise AnswerSetError(f"valueAttributes: {exc}", answer=name) from None
                target.update(_string_map(entry["attributes"], "valueAttributes"))
        return answers


def _attribute_text(what: str, value: object) -> str:
    if type(value) is not str:
        raise AnswerSetError(f"{what} must be a str, not {type(value).__name__}")
    problem = _xml.bad_char(value)
    if problem is not None:
        raise AnswerSetError(f"{what}: {problem}")
    return value


def _non_empty(attrs: Mapping[Any, dict[str, str]]) -> dict[Any, dict[str, str]]:
    return {key: dict(found) for key, found in attrs.items() if found}


def _mapping(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise AnswerSetError(f'"{what}" must be an object')
    return value


def _string_map(value: object, what: str) -> dict[str, str]:
    found = _mapping(value, what)
    if not all(type(key) is str and type(item) is str for key, item in found.items()):
        raise AnswerSetError(f'"{what}" must map strings to strings')
    return dict(found)


def _to_json(value: _Stored | _Leaf | _Items) -> Any:  # noqa: PLR0911 - one return per type
    cls = type(value)
    if cls is str or cls is bool or value is None:
        return value
    if cls is Decimal:
        return {"number": _number_text(cast(Decimal, value))}
    if cls is datetime.date:
        return {"date": cast(datetime.date, value).isoformat()}
    if cls is MultipleChoice:
        return {"choices": list(cast(MultipleChoice, value).selections)}
    if cls is Unanswered:
        return {"unanswered": cast(Unanswered, value).kind.value}
    if cls is RawValue:
        return {"xml": cast(RawValue, value).xml}
    return [_to_json(item) for item in cast(_Items, value)]


def _json_number(item: object) -> Decimal:
    if type(item) is not str or not _NUMBER_TEXT.fullmatch(item):
        raise ValueError(f"{item!r} is not a number in a string")
    return Decimal(item.strip())


def _json_date(item: object) -> datetime.date:
    if type(item) is not str:
        raise TypeError(f"{item!r} is not an ISO date string")
    return datetime.date.fromisoformat(item)


def _json_choices(item: object) -> MultipleChoice:
    if type(item) is not list:
        raise TypeError(f"{item!r} is not a list of strings")
    return MultipleChoice(*item)


def _json_unanswered(item: object) -> Unanswered:
    return Unanswered(AnswerKind(item))


def _json_raw(item: object) -> RawValue:
    if type(item) is not str:
        raise TypeError(f"{item!r} is not an XML string")
    return RawValue(item)


_JSON_TAGS: Final[dict[str, Callable[[object], Scalar]]] = {
    "number": _json_number,
    "date": _json_date,
    "choices": _json_choices,
    "unanswered": _json_unanswered,
    "xml": _json_raw,
}


def _from_json(name: str, value: object) -> RepeatItem:
    if isinstance(value, list):
        return [_from_json(name, item) for item in value]
    if not isinstance(value, Mapping):
        if value is None or isinstance(value, str | bool | int | float):
            return value
        raise AnswerSetError(f"a JSON {type(value).__name__} is not an answer value", answer=name)
    convert = _JSON_TAGS.get(next(iter(value), "")) if len(value) == 1 else None
    if convert is None:
        raise AnswerSetError(
            f"a tagged value is one of {sorted(_JSON_TAGS)}, not {sorted(value)}", answer=name
        )
    ((key, item),) = value.items()
    try:
        return convert(item)
    except AnswerSetError as exc:
        raise AnswerSetError(f"{key}: {exc}", answer=name) from None
    except (TypeError, ValueError) as exc:
        raise AnswerSetError(f"{key}: {exc}", answer=name) from None


# --- Validation -----------------------------------------------------------------------------


def validate_answer_xml(xml: str | bytes) -> None:
    """Check answer XML against the answer-set schema and the rules the schema leaves out.

    The schema (``spec/hotdocs-answer-set.xsd``) checks structure and lexical forms; then the
    reader's rules apply: repeats at most 4 deep with one value type, real calendar dates,
    names not empty and at most 255 characters, no answer twice. A namespace on the root is
    ignored, as the emulator does.

    Args:
        xml: The document, as text or bytes.

    Raises:
        AnswerSetError: With ``line``, ``column`` (when the parser knows it) and ``answer``
            (the enclosing answer's name, when there is one).
    """
    root = _xml.parse(xml)
    if isinstance(root.tag, str) and root.tag.startswith("{"):
        _xml.strip_root_namespace(root)
    errors = _xml.schema_errors(root)
    if errors:
        error = errors[0]
        raise AnswerSetError(
            f"not a valid answer set: {error.message}",
            answer=_answer_at(root, error.path),
            line=error.line or None,
            column=error.column or None,
        )
    AnswerSet._from_root(root)


def _answer_at(root: etree._Element, path: str | None) -> str | None:
    """Find the name of the ``<Answer>`` holding the node at ``path`` (libxml2's XPath)."""
    if not path:
        return None
    try:
        found = root.getroottree().xpath(path)
    except etree.XPathError:
        return None
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):
        return None
    for element in (found[0], *found[0].iterancestors()):
        if element.tag == ANSWER:
            name = element.get(NAME)
            return None if name is None else _xml.unescape(name).strip()
    return None
