r"""HotDocs answer sets: the ``AnswerSet`` mapping, its JSON-shaped data, and XML validation.

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

import datetime
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from decimal import Decimal
from typing import Any, ClassVar, Final, cast

from lxml import etree

from . import _xml
from ._answer_lexical import lexical_problems
from ._answer_reading import _read_root
from ._answer_values import (
    _NUMBER_TEXT,
    ANSWER,
    MAX_NAME_LENGTH,
    MAX_REPEAT_DEPTH,
    NAME,
    AnswerKind,
    AnswerValue,
    MultipleChoice,
    RawValue,
    RepeatItem,
    Scalar,
    Unanswered,
    _check_choice,
    _check_decimal,
    _check_name,
    _check_text,
    _convert,
    _convert_flat,
    _Items,
    _Kept,
    _Leaf,
    _Path,
    _path_exists,
    _same,
    _Stored,
    _to_python,
)
from ._answer_writing import _number_text, _write_tree
from ._errors import AnswerProblem, AnswerSetError

__all__ = [
    "MAX_NAME_LENGTH",
    "MAX_REPEAT_DEPTH",
    "AnswerKind",
    "AnswerSet",
    "AnswerValue",
    "MultipleChoice",
    "RawValue",
    "RepeatItem",
    "Scalar",
    "Unanswered",
    "differing_answer",
    "validate_answer_xml",
]


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

    Answer names use the Open SDK's escaping: a backslash and C0 controls are written as
    ``\xx`` (``\`` becomes ``\5c``) and decoded on reading. Selections and text answers are
    read and written verbatim (the SDK escapes neither, nor do A2J and other writers, so a
    Windows path such as ``C:\data`` stays as it is), and a selection or text with characters
    XML 1.0 cannot carry (a C0 control other than tab, CR and LF, a lone surrogate) is refused.

    Bytes are decoded by a BOM first (UTF-8, UTF-16 LE or BE); then UTF-16 without a BOM is
    recognised by its first bytes; ASCII-compatible bytes whose declaration names UTF-16 (the
    Open SDK's ``GetXMLString()`` always declares utf-16, and files are saved as UTF-8) are
    read as UTF-8, and refused when they are not UTF-8; otherwise the declared encoding (e.g.
    windows-1252) applies, UTF-8 when none is declared. A DOCTYPE is accepted and its DTD
    ignored (an external DTD is never loaded or fetched, an internal subset's declarations are
    not applied, and it is not written back); a document that declares an entity is refused
    before it is parsed, so nothing is expanded or fetched.

    Nothing in a file is dropped silently. The root's other attributes are in ``attributes``,
    an answer's attributes (``save``, ``userExtendible``, unknown ones) in
    ``answer_attributes(name)``, and a value element's attributes (``userModifiable``, unknown
    ones) in ``value_attributes(name, *index)``. A value ``from_xml`` cannot interpret is kept
    as a ``RawValue`` and listed in ``problems`` (see ``from_xml``). The content of an
    unanswered value, and an unanswered ``<SelValue unans="true"/>`` in a choice, are ignored
    as the HotDocs Open SDK ignores them, but kept and written back; so is the spelling of each
    answered value read (``01/02/1970``, ``31-10-2015``, ``1E+15``, ``True``, ``1``) when the
    schema accepts it. What was kept goes when the answer is assigned anew, and takes no part
    in ``==`` nor in ``to_dict``. CHOICE: replacing a value keeps the answer's attributes and
    keeps value attributes only at repeat indexes that still exist.

    What a round trip may change, and nothing else (a file read and written untouched is
    otherwise c14n-identical to the original):

    - a missing ``title`` or ``version`` is written with its default;
    - ``UNANS`` is written ``unans``, and ``unans="false"`` is dropped;
    - an empty ``NumValue``, ``DateValue`` or ``TFValue`` reads as unanswered and is written
      ``unans="true"``;
    - each ``<RptValue>`` list gets its trailing unanswered placeholder when it had none;
    - a number spelled in a form the schema refuses (``+5``, ``5.``) is written in digits;
    - comments, processing instructions and whitespace between elements outside opaque
      values, the XML declaration and the DOCTYPE are not kept;
    - an assigned value is written in this package's spelling (``d/M/yyyy``, plain digits,
      ``true``/``false``).

    Args:
        title: The ``title`` attribute (the Open SDK writes ``""``).
        version: The ``version`` attribute.
    """

    __slots__ = (
        "_answer_attrs",
        "_kept",
        "_nsmap",
        "_problems",
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
        self._kept: dict[str, dict[_Path, _Kept]] = {}
        self._nsmap: dict[str | None, str] = {}
        self._problems: dict[str, AnswerProblem] = {}
        self.title = title
        self.version = version
        #: The root element's attributes other than title and version (``useMangledNames``,
        #: ``save``, unknown ones), in document order.
        self.attributes: dict[str, str] = {}

    @property
    def problems(self) -> tuple[AnswerProblem, ...]:
        """What ``from_xml`` could not interpret, one entry per answer, in document order.

        Each such answer holds its value element as a ``RawValue``, written back unchanged.
        An answer leaves this list when it is assigned anew or deleted. Empty for a set that
        was built, not read.
        """
        return tuple(self._problems.values())

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

    def __setitem__(self, name: str, value: AnswerValue) -> None:  # noqa: PLR0912 - fast paths
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
        elif type(value) is int:
            stored = _check_decimal(name, Decimal(value))
        elif type(value) is MultipleChoice:
            stored = _check_choice(name, value)
        elif type(value) is list or type(value) is tuple:
            stored = _convert_flat(value) or _convert(name, value)
        else:
            stored = _convert(name, value)
        self._values[name] = stored
        if self._kept or self._problems:  # what was read with the old value goes with it
            self._kept.pop(name, None)
            self._problems.pop(name, None)
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
        self._kept.pop(name, None)
        self._problems.pop(name, None)

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
    def from_xml(cls, xml: str | bytes, *, strict: bool = False) -> AnswerSet:
        """Read HotDocs answer XML.

        By default every answer is read: a value that cannot be interpreted (``<TFValue>Agree
        </TFValue>``, a ``<SelValue>`` where a value belongs, a repeat that mixes types, an
        unknown value element) is kept as a ``RawValue``, written back unchanged, and listed in
        ``problems``. Sending such a set fails the schema check before anything is sent, with
        an error that names the answer and says it came in uninterpretable.

        Args:
            xml: The document. A BOM, an XML declaration (even one declaring utf-16 over
                UTF-8 bytes, as the Open SDK writes), CRLF line ends, single-quoted
                attributes, ``UNANS`` and a DOCTYPE (its DTD ignored, never fetched) are
                fine; a namespace on the root is ignored. Bytes are decoded as the class
                docstring says.
            strict: Raise at the first value that cannot be interpreted instead of keeping it.

        Returns:
            The answer set.

        Raises:
            AnswerSetError: The input is not well-formed, declares an entity (refused
                unexpanded and unfetched), is not in the encoding its BOM or bytes say, has a
                root other than ``<AnswerSet>`` or an element there other than ``<Answer>``,
                or an answer without a usable name (none, empty, over ``MAX_NAME_LENGTH``,
                or the same as another's) or with other than one value element: a mapping of
                names to values cannot hold those. With ``strict=True``, also any value
                that cannot be interpreted. The message names the line, answer and reason.
        """
        return cls._from_root(_xml.parse(xml, ignore_dtd=True), strict=strict)

    @classmethod
    def _from_root(cls, root: etree._Element, *, strict: bool = False) -> AnswerSet:
        answers = cls()
        _read_root(root, answers, strict=strict)
        return answers

    def _valid_xml(self) -> str:
        """Write ``to_xml()``, checked before against the schema and its lexical forms.

        An answer still held as it was read, uninterpretable, is refused first.
        Opaque values are not checked when a file is read, so a set read from one may not be
        valid.
        """
        for read in self._problems.values():  # each answer still holds the raw value read
            raise AnswerSetError(
                f"the answer came in uninterpretable (line {read.line} of the file "
                f"read: {read.reason}); assign it a value or delete it before sending",
                answer=read.name,
            )
        root = _write_tree(self)
        errors = _xml.schema_errors(root)
        answer: str | None
        if errors:
            answer, message = _answer_at(root, errors[0].path), errors[0].message
        else:
            found = next(lexical_problems(root), None)
            if found is None:
                return etree.tostring(root, encoding="unicode")
            answer, message = _answer_of(found[0]), found[1]
        raise AnswerSetError(f"not a valid answer set: {message}", answer=answer)

    def to_xml(self) -> str:
        """Write the answer set as HotDocs answer XML.

        Returns:
            The XML, without an XML declaration, with double-quoted attributes.

        Raises:
            AnswerSetError: An attribute set through ``attributes``, ``answer_attributes`` or
                ``value_attributes`` cannot be written.
        """
        return etree.tostring(_write_tree(self), encoding="unicode")

    def to_bytes(self) -> bytes:
        """Write the answer set as a UTF-8 file, with an XML declaration.

        Returns:
            The XML as bytes.

        Raises:
            AnswerSetError: As for ``to_xml``.
        """
        return etree.tostring(_write_tree(self), encoding="utf-8", xml_declaration=True)

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


def differing_answer(left: AnswerSet, right: AnswerSet) -> str | None:
    """Name the first answer whose value is not the same in both sets (values as parsed).

    Values compare as ``==`` on the sets does (``1.50`` equals ``1.5``, ``True`` is not ``1``);
    the root's, answers' and values' attributes are not compared, since they say nothing of the
    answers a server holds.

    Args:
        left: One set (its order decides which difference is named first).
        right: The other.

    Returns:
        The name of the first answer that differs or is in one set only, or None.
    """
    theirs = right._values
    for name, value in left._values.items():
        if name not in theirs or not _same(value, theirs[name]):
            return name
    return next((name for name in theirs if name not in left._values), None)


# --- Validation -----------------------------------------------------------------------------


def validate_answer_xml(xml: str | bytes) -> None:
    """Check answer XML against the answer-set schema and the rules the schema leaves out.

    The schema (``spec/hotdocs-answer-set.xsd``) checks structure and lexical forms; the text of
    each answered ``NumValue`` and ``TFValue`` is then checked against the schema's
    ``NumLexical`` and ``TFLexical`` (the schema lets unanswered values hold any text, as the
    HotDocs Open SDK reads them); then the reader's rules apply: repeats at most 4 deep with
    one value type, real calendar dates, names not empty and at most 255 characters, no answer
    twice. A namespace on the root is ignored, as the emulator does. Bytes are decoded and a
    DOCTYPE is handled as ``AnswerSet.from_xml`` does: the DTD is ignored (never loaded or
    fetched) and a document that declares an entity is refused.

    Every problem is reported, not only the first: the error's ``problems`` lists each one
    (``AnswerProblem`` with answer name, line, column and reason) in document order, and its
    message shows them all.

    Args:
        xml: The document, as text or bytes.

    Raises:
        AnswerSetError: With ``problems``, and ``line``, ``column`` (when the parser knows it)
            and ``answer`` (the enclosing answer's name, when there is one) of the first.
            A document that is not well-formed XML, or declares an entity, raises at once.
    """
    root = _xml.parse(xml, ignore_dtd=True)
    if isinstance(root.tag, str) and root.tag.startswith("{"):
        _xml.strip_root_namespace(root)
    problems = [
        AnswerProblem(
            _answer_at(root, error.path), error.line or None, error.message, error.column or None
        )
        for error in _xml.schema_errors(root)
    ]
    problems.extend(
        AnswerProblem(_answer_of(element), element.sourceline, message)
        for element, message in lexical_problems(root)
    )
    try:
        read = AnswerSet._from_root(root).problems
    except AnswerSetError as error:  # a rule of the file as a whole: no name, a duplicate
        read = (AnswerProblem(error.answer, error.line, error.reason, error.column),)
    # The reader meets again what the schema refused: report each place once.
    seen = {(problem.name, problem.line) for problem in problems}
    problems.extend(problem for problem in read if (problem.name, problem.line) not in seen)
    if not problems:
        return
    problems.sort(key=lambda problem: (problem.line or 0, problem.column or 0))
    first = problems[0]
    message = f"not a valid answer set: {first.reason}"
    if len(problems) > 1:
        message += f" (and {len(problems) - 1} more)\n" + "\n".join(map(str, problems))
    raise AnswerSetError(
        message,
        answer=first.name,
        line=first.line,
        column=first.column,
        problems=tuple(problems),
    )


def _answer_of(element: etree._Element) -> str | None:
    """Return the decoded name of the ``<Answer>`` holding an element, if any."""
    found = element if element.tag == ANSWER else next(element.iterancestors(ANSWER), None)
    name = found.get(NAME) if found is not None else None
    return None if name is None else _xml.unescape(name).strip()


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
    return _answer_of(found[0])
