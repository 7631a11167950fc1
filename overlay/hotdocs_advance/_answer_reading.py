"""Answer XML reading: an lxml tree into an answer set's storage, with the reader's rules."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from _client_core import shorten
from lxml import etree

from . import _xml
from ._answer_lexical import spelled_right
from ._answer_values import (
    _DATE_TEXT,
    _FLAG_VALUES,
    _MAX_EXPONENT,
    _OPAQUE_TAGS,
    _PLAIN_NUMBER,
    _TAG_KIND,
    _VALUE_RESERVED,
    ANSWER,
    ANSWER_SET,
    DATE,
    FALSE,
    MAX_NAME_LENGTH,
    MAX_REPEAT_DEPTH,
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
    UNANS_A2J,
    VERSION,
    MultipleChoice,
    RawValue,
    Unanswered,
    _Items,
    _Kept,
    _Leaf,
    _Path,
    _RepeatCheck,
    _Stored,
)
from ._answer_writing import SPELLINGS
from ._errors import AnswerProblem, AnswerSetError

if TYPE_CHECKING:
    from ._answers import AnswerSet

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
                    f"{key}={shorten(value)} is neither true nor false",
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
        raise AnswerSetError(
            f"{shorten(text)} is not a number", answer=name, line=element.sourceline
        )
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
            f"{shorten(text)} is not a date as d/M/yyyy", answer=name, line=element.sourceline
        )
    day, month, year = match.groups()
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError as exc:
        raise AnswerSetError(
            f"{shorten(text.strip())} is not a date: {exc}", answer=name, line=element.sourceline
        ) from None


def _read_true_false(element: etree._Element, name: str) -> _Leaf:
    text = _element_text(element, name) if len(element) else element.text
    if not text:
        return None
    flag = text.strip().lower()
    # 1 and 0 as the HotDocs Open SDK reads them.
    if flag in (TRUE, "1"):
        return True
    if flag in (FALSE, "0"):
        return False
    if not flag:
        return None
    raise AnswerSetError(
        f"{shorten(text)} is neither true nor false", answer=name, line=element.sourceline
    )


def _read_choice_keeping(
    element: etree._Element, name: str
) -> tuple[MultipleChoice, tuple[etree._Element, ...] | None]:
    """Read a choice, and the ``<SelValue>`` elements to keep when one is flagged unanswered.

    As the HotDocs Open SDK reads it, ``<SelValue unans="true"/>`` (browser interviews write
    it) adds no selection and its text is ignored; the elements are kept so that writing the
    choice back gives the same element.
    """
    selections = []
    keep = False
    for child in element:
        items = child.items()
        if child.tag == SELECTION and items and _selection_flags(child, items, name):
            keep = True
        elif child.tag == SELECTION:
            text = _element_text(child, name) if len(child) else child.text
            selections.append(text or "")
        elif isinstance(child.tag, str):
            raise AnswerSetError(
                f"<MCValue> may hold only plain <SelValue> elements, not {_describe(child)}",
                answer=name,
                line=child.sourceline,
            )
    choice = _choice(tuple(selections))
    if not keep:
        return choice, None
    kept = []
    for child in element.iterchildren(SELECTION):
        copied = copy.deepcopy(child)
        copied.tail = None
        kept.append(copied)
    return choice, tuple(kept)


def _selection_flags(child: etree._Element, items: list[tuple[str, str]], name: str) -> bool:
    """Whether a ``<SelValue>`` with attributes is unanswered; only the flag is allowed."""
    unanswered, extras = _flags(child, items, name)
    if extras:
        raise AnswerSetError(
            f"<MCValue> may hold only plain <SelValue> elements, not {_describe(child)}",
            answer=name,
            line=child.sourceline,
        )
    return unanswered


def _describe(element: etree._Element) -> str:
    attributes = "".join(f" {key}" for key in element.attrib)
    return f"<{element.tag!s}{attributes}>"


_plain_number_text = _PLAIN_NUMBER.fullmatch


def _plain_number(text: str | None) -> _Leaf:
    if not text:
        return None
    # Unsigned numbers, the most common, are checked without the regular expression: ASCII
    # digits with at most one ".", not first or last, and no leading zero ("007", "5." and
    # ".5" are other spellings, kept by the full reader).
    if (
        text.isascii()
        and text.replace(".", "", 1).isdigit()
        and text[-1] != "."
        and text[0] != "."
        and (text[0] != "0" or len(text) == 1 or text[1] == ".")
    ):
        return Decimal(text)
    return Decimal(text) if _plain_number_text(text) else None


def _plain_date(text: str | None) -> _Leaf:
    # d/M/yyyy exactly as the writer spells it (no padding), checked without a regex.
    parts = text.split("/") if text and text.isascii() else ()
    if len(parts) != 3:
        return None
    day, month, year = parts
    if not (day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4) or "0" in (
        day[0],
        month[0],
    ):
        return None
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:  # 31/2: the full reader says why
        return None


def _plain_true_false(text: str | None) -> _Leaf:
    return True if text == TRUE else False if text == FALSE else None


def _plain_text(text: str | None) -> _Leaf:
    return text or ""


def _plain_choice(element: etree._Element, name: str) -> _Leaf:
    """Read a choice of plain selections: no attributes, comments or elements inside.

    Returns:
        The choice, or None for any other form (``_read_choice_keeping`` then reads it).
    """
    selections: list[str] = []
    append = selections.append
    for child in element:
        if child.tag != SELECTION or child.items() or len(child):
            return None
        append(child.text or "")
    return _choice(tuple(selections))


_new_choice = MultipleChoice.__new__
_set_selections = object.__setattr__


def _choice(selections: tuple[str, ...]) -> MultipleChoice:
    """Build a choice of selections already checked (as read from a well-formed file)."""
    choice = _new_choice(MultipleChoice)
    _set_selections(choice, "_selections", selections)
    return choice


# The forms the writer writes, read without further checks (None: ask the full reader). A
# value read this way is written back as it was spelled.
_PLAIN_READERS: Final[dict[str, Callable[[str | None], _Leaf]]] = {
    NUMBER: _plain_number,
    DATE: _plain_date,
    TRUE_FALSE: _plain_true_false,
}


def _spelling(element: etree._Element, tag: str, found: _Leaf) -> str | None:
    """Return the value's text as read, to write back, if the writer would spell it otherwise."""
    text = str(element.xpath("string()")) if len(element) else element.text or ""
    if SPELLINGS[tag](found) == text or not spelled_right(tag, text):
        return None  # the writer's own form, or one the schema would refuse (e.g. "+5")
    return text


def _unknown(tag: object) -> str:
    if not isinstance(tag, str):  # the only child is a comment
        return "<Answer> holds no value"
    if tag == SELECTION:
        return "<SelValue> is not a value: a selection belongs inside <MCValue>"
    return f"<{tag}> is not a value element HotDocs knows"


_LEAF_READERS: Final = {
    TEXT: _read_text,
    NUMBER: _read_number,
    DATE: _read_date,
    TRUE_FALSE: _read_true_false,
    MULTIPLE_CHOICE: _plain_choice,
}


class _Reader:
    """Reads the answers of one document into an AnswerSet's storage."""

    __slots__ = (
        "answer_attrs",
        "kept",
        "problems",
        "strict",
        "value_attrs",
        "values",
        "wire_names",
    )

    def __init__(self, answers: AnswerSet, *, strict: bool) -> None:
        self.strict = strict
        self.problems = answers._problems
        self.kept = answers._kept
        self.values = answers._values
        self.answer_attrs = answers._answer_attrs
        self.value_attrs = answers._value_attrs
        self.wire_names = answers._wire_names

    def read(self, root: etree._Element) -> None:  # noqa: PLR0912 - inlined for speed
        values = self.values
        plain_readers = _PLAIN_READERS
        for answer in root.iterchildren(ANSWER):
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
            try:
                tag: str = element.tag  # type: ignore[assignment]  # a str, or a function for comments
                items = element.items()
                value: _Stored | None
                # The common, plain forms are read inline; anything else goes to the full readers.
                if items or len(element):  # a choice, a repeat, or another form: attributes...
                    if tag == MULTIPLE_CHOICE and not items:
                        value = _plain_choice(element, name)
                    elif tag == REPEAT:
                        value = None if items else _read_flat(element, name)
                    else:
                        value = self.simple(element, tag, items, name)
                elif tag == TEXT:
                    value = element.text or ""
                elif tag == NUMBER:
                    text = element.text
                    if text and text.isdigit() and text.isascii() and text[0] != "0":
                        value = Decimal(text)  # whole numbers, the most common, inline
                    else:
                        value = _plain_number(text)
                else:
                    plain = plain_readers.get(tag)
                    value = None if plain is None else plain(element.text)
                if value is None:  # not in its plain form: let the full reader decide
                    if tag == REPEAT:
                        value = self.repeated(element, name)
                    else:
                        value = self.simple(element, tag, items, name)
            except AnswerSetError as error:
                value = self.uninterpretable(element, name, error)
            values[name] = value
        if len(values) != len(root):  # a duplicate, or something besides answers
            _check_children(root, len(values))

    def simple(
        self, element: etree._Element, tag: str, items: list[tuple[str, str]], name: str
    ) -> _Stored:
        """Read any value but a repeat: flags, other attributes, odd forms, opaque values."""
        reader = _LEAF_READERS.get(tag)
        if reader is None:
            if tag not in _OPAQUE_TAGS:
                raise AnswerSetError(_unknown(tag), answer=name, line=element.sourceline)
            return RawValue._adopt(element)
        unanswered = False
        if items:
            unanswered, extras = _flags(element, items, name)
            if extras:
                self.value_attrs[name] = {(): extras}
        found: _Leaf
        if unanswered:
            found = None
            text = _ignored_text(element)
            if text:
                self.kept[name] = {(): text}
        elif tag == MULTIPLE_CHOICE:
            found, selections = _read_choice_keeping(element, name)
            if selections:
                self.kept[name] = {(): selections}
        else:
            found = reader(element, name)
            if found is not None and tag in SPELLINGS:
                spelling = _spelling(element, tag, found)
                if spelling is not None:
                    self.kept[name] = {(): spelling}
        return Unanswered(_TAG_KIND[tag]) if found is None else found

    def uninterpretable(self, element: etree._Element, name: str, error: AnswerSetError) -> _Stored:
        """Keep a value the readers refused as it is, and note why (unless reading strictly)."""
        if self.strict:
            raise error
        self.value_attrs.pop(name, None)
        self.kept.pop(name, None)
        self.problems[name] = AnswerProblem(
            name, element.sourceline if error.line is None else error.line, error.reason
        )
        return RawValue._adopt(element)

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
        kept: dict[_Path, _Kept] = {}
        check = _RepeatCheck(name)
        check.line = element.sourceline
        repeat = check.finish(_read_repeat(element, 1, (), check, attrs, kept=kept))
        if attrs:
            self.value_attrs[name] = attrs
        if kept:
            self.kept[name] = kept
        return repeat


def _ignored_text(element: etree._Element) -> str:
    """Return the text of an unanswered simple value (ignored by readers, kept to write back)."""
    return str(element.xpath("string()")) if len(element) else element.text or ""


def _check_children(root: etree._Element, read: int) -> None:
    """Raise at a duplicate answer or an element besides answers (comments and PIs are fine)."""
    if read != sum(1 for _ in root.iterchildren(ANSWER)):
        _find_duplicate(root)
    for child in root:
        if isinstance(child.tag, str) and child.tag != ANSWER:
            raise AnswerSetError(
                f"<AnswerSet> may hold only <Answer> elements, not <{child.tag}>",
                line=child.sourceline,
            )


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
    plain: Callable[[str | None], _Leaf] = _plain_text
    for child in element:
        if child.tag != tag:
            if tag is not None or child.tag not in _LEAF_READERS:  # mixed, a comment, a list
                return None
            tag = child.tag
            plain = _PLAIN_READERS.get(tag, _plain_text)
        attributes = child.items()
        if not attributes:
            unanswered = False
            if tag == MULTIPLE_CHOICE:
                leaf = _plain_choice(child, name)
            else:  # a comment or element inside: _read_repeat decides
                leaf = None if len(child) else plain(child.text)
            if leaf is None:  # another spelling, or not a value: _read_repeat decides
                return None
            append(leaf)
        elif attributes == _PLACEHOLDER and not child.text and not len(child):
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


def _read_repeat(  # noqa: PLR0912, PLR0915 - one pass, for speed
    element: etree._Element,
    level: int,
    path: _Path,
    check: _RepeatCheck,
    attrs: dict[_Path, dict[str, str]],
    *,
    kept: dict[_Path, _Kept],
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
        return _read_lists(children, level, path, check, attrs, kept=kept)
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
    text = ""
    for child in children:
        if child.tag != tag:
            raise check.fail(
                f"a repeated answer mixes value types ({tag} and {child.tag!s})", child.sourceline
            )
        items = child.items()
        unanswered, extras = _flags(child, items, name) if items else (False, None)
        if extras:
            attrs[(*path, len(leaves))] = extras
        if unanswered:
            text = _ignored_text(child)
            if text:
                kept[(*path, len(leaves))] = text
            leaves.append(None)
        elif tag == MULTIPLE_CHOICE:
            choice, selections = _read_choice_keeping(child, name)
            if selections:
                kept[(*path, len(leaves))] = selections
            leaves.append(choice)
        else:
            leaf = reader(child, name)
            if leaf is not None and tag in SPELLINGS:
                spelling = _spelling(child, tag, leaf)
                if spelling is not None:
                    kept[(*path, len(leaves))] = spelling
            leaves.append(leaf)
    # The writer's trailing placeholder: one bare unanswered value, no attributes, no text.
    if unanswered and not extras and not text:
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
    *,
    kept: dict[_Path, _Kept],
) -> _Items:
    last = children[-1]
    # The writer's trailing placeholder for a list of lists: a bare <RptValue/>.
    if last.tag == REPEAT and not len(last.attrib) and not len(last):
        children.pop()
    out: list[_Leaf | _Items] = []
    for index, child in enumerate(children):
        if child.tag != REPEAT:
            raise check.fail("a repeat holds either values or lists, not both", child.sourceline)
        out.append(_read_repeat(child, level + 1, (*path, index), check, attrs, kept=kept))
    return tuple(out)


def _read_opaque(children: list[etree._Element], check: _RepeatCheck) -> _Items:
    tag: str = children[0].tag  # type: ignore[assignment]  # elements only
    if tag == REPEAT:
        raise check.fail("a repeat holds either values or lists, not both")
    if tag not in _OPAQUE_TAGS:
        raise check.fail(_unknown(tag), children[0].sourceline)
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


def _read_root(root: etree._Element, answers: AnswerSet, *, strict: bool) -> None:
    """Read an ``<AnswerSet>`` element into an empty answer set."""
    tag = root.tag
    if isinstance(tag, str) and tag.startswith("{"):
        _xml.strip_root_namespace(root)
        tag = root.tag
    if tag != ANSWER_SET:
        raise AnswerSetError(f"the root element must be <AnswerSet>, not <{tag!s}>", line=1)
    for key, value in root.items():
        if key == TITLE:
            answers._title = value
        elif key == VERSION:
            answers._version = value
        else:
            answers.attributes[str(key)] = value
    answers._nsmap = {prefix: uri for prefix, uri in root.nsmap.items() if prefix is not None}
    _Reader(answers, strict=strict).read(root)
