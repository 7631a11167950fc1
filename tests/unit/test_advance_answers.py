"""Answer sets: Python values to HotDocs Answer Set XML and back, fixtures, hostile input."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import cast

import pytest
from hotdocs_advance import (
    MAX_NAME_LENGTH,
    AnswerKind,
    AnswerSet,
    AnswerSetError,
    MultipleChoice,
    RawValue,
    Unanswered,
    validate_answer_xml,
)
from lxml import etree

# Primary P1's answerXml, as printed (single-quoted attributes).
P1_ANSWER_XML = (
    "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'>"
    "<TextValue>ExampleCorp</TextValue></Answer></AnswerSet>"
)
# Reference section 7.4, both examples.
REPEAT_EXAMPLES = """<AnswerSet title="" version="1.1">
<Answer name="Child Name"><RptValue>
  <TextValue>Ann</TextValue><TextValue unans="true"/><TextValue>Cy</TextValue><TextValue unans="true"/>
</RptValue></Answer>
<Answer name="Author Full Name"><RptValue>            <!-- two levels -->
  <RptValue><TextValue>A</TextValue><TextValue unans="true"/></RptValue>
  <RptValue/>
</RptValue></Answer>
</AnswerSet>"""
# An A2J-style file: capital UNANS, TRUE, a userModifiable lock.
A2J_XML = """<AnswerSet title="A2J" version="1.1">
<Answer name="Client first name TE"><TextValue>Jo</TextValue></Answer>
<Answer name="Has children TF"><TFValue>TRUE</TFValue></Answer>
<Answer name="Income NU"><NumValue UNANS="true"/></Answer>
<Answer name="Kids MC"><RptValue><MCValue><SelValue>One</SelValue></MCValue><MCValue UNANS="TRUE"/></RptValue></Answer>
<Answer name="Locked"><TextValue userModifiable="false">x</TextValue></Answer>
</AnswerSet>"""
# Opaque values and unknown attributes on every level.
OPAQUE_XML = """<AnswerSet title="t" version="1.1" useMangledNames="false" save="nochange" origin="crm">
<Answer name="Record" save="false" source="db"><DBValue><DBColumn name="Id"><NumValue>4</NumValue></DBColumn><DBColumn name="Name"><TextValue>A &amp; B</TextValue></DBColumn></DBValue></Answer>
<Answer name="Clauses" userExtendible="false"><ClauseLibValue><ClauseSelValue title="T" fileName="c.rtf" description="d"/></ClauseLibValue></Answer>
<Answer name="Formatted"><DocTextValue fmt="rtf">Some <b>bold</b> text<!-- kept --></DocTextValue></Answer>
<Answer name="Future"><TimeValue zone="UTC">12:00</TimeValue></Answer>
<Answer name="Rows"><RptValue rows="2"><TextValue hint="h">a</TextValue><TextValue unans="true"/></RptValue></Answer>
</AnswerSet>"""


def canonical(xml: str | bytes) -> bytes:
    """Compare documents as normalised trees: C14N of the parsed root, blank text dropped."""
    parser = etree.XMLParser(remove_blank_text=True)
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    return etree.tostring(etree.fromstring(data, parser), method="c14n")


def round_trip(answers: AnswerSet) -> AnswerSet:
    return AnswerSet.from_xml(answers.to_xml())


# --- Fixtures from the reference -----------------------------------------------------------


def test_p1_answer_xml_with_single_quotes_parses() -> None:
    """The P1 example (single-quoted attributes) reads as one text answer plus useMangledNames."""
    answers = AnswerSet.from_xml(P1_ANSWER_XML)
    assert dict(answers) == {"CompanyName": "ExampleCorp"}
    assert answers.attributes == {"useMangledNames": "false"}
    assert canonical(answers.to_xml()) == canonical(P1_ANSWER_XML)


def test_section_7_4_repeat_examples_parse_to_lists() -> None:
    """Both 7.4 examples read as lists, the trailing placeholders removed."""
    answers = AnswerSet.from_xml(REPEAT_EXAMPLES)
    assert answers["Child Name"] == ["Ann", None, "Cy"]
    assert answers["Author Full Name"] == [["A"]]


def test_section_7_4_repeats_are_written_as_the_open_sdk_writes_them() -> None:
    """Written repeats match 7.4 exactly: trailing placeholder per list, empty inner list."""
    answers = AnswerSet()
    answers["Child Name"] = ["Ann", None, "Cy"]
    answers["Author Full Name"] = [["A"], []]
    expected = REPEAT_EXAMPLES.replace("<!-- two levels -->", "").replace(
        "<RptValue/>\n", "<RptValue/><RptValue/>\n"
    )
    assert canonical(answers.to_xml()) == canonical(expected)


def test_a2j_file_with_capital_unans_reads() -> None:
    """UNANS in capitals and TRUE are read; the lock is kept as a value attribute."""
    answers = AnswerSet.from_xml(A2J_XML)
    assert answers["Has children TF"] is True
    assert answers["Income NU"] == Unanswered(AnswerKind.NUMBER)
    assert answers["Kids MC"] == [MultipleChoice("One")]
    assert answers.value_attributes("Locked") == {"userModifiable": "false"}
    assert 'unans="true"' in answers.to_xml()
    assert "UNANS" not in answers.to_xml()


def test_bom_declaration_and_crlf_are_accepted() -> None:
    """A file with a BOM, an XML declaration and CRLF line ends reads, as bytes and as text."""
    text = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' + P1_ANSWER_XML.replace(
        "><", ">\r\n<"
    )
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    assert dict(AnswerSet.from_xml(data)) == {"CompanyName": "ExampleCorp"}
    assert dict(AnswerSet.from_xml("\ufeff" + text)) == {"CompanyName": "ExampleCorp"}


def test_utf16_bytes_with_declaration_are_read() -> None:
    """Bytes in UTF-16 with a BOM and a matching declaration are decoded by the declaration."""
    text = '<?xml version="1.0" encoding="UTF-16"?><AnswerSet><Answer name="é"><TextValue>ü</TextValue></Answer></AnswerSet>'
    assert dict(AnswerSet.from_xml(text.encode("utf-16"))) == {"é": "ü"}
    assert dict(AnswerSet.from_xml(text)) == {"é": "ü"}


def test_opaque_values_and_unknown_attributes_round_trip_unchanged() -> None:
    """DBValue, ClauseLibValue, DocTextValue, unknown elements and attributes are written back."""
    answers = AnswerSet.from_xml(OPAQUE_XML)
    assert isinstance(answers["Record"], RawValue)
    assert isinstance(answers["Future"], RawValue)
    assert answers.answer_attributes("Record") == {"save": "false", "source": "db"}
    assert answers.value_attributes("Rows") == {"rows": "2"}
    assert answers.value_attributes("Rows", 0) == {"hint": "h"}
    with_comments = etree.XMLParser(remove_blank_text=True)
    written = etree.fromstring(answers.to_xml().encode(), with_comments)
    original = etree.fromstring(OPAQUE_XML.encode(), with_comments)
    assert etree.tostring(written, method="c14n", with_comments=True) == etree.tostring(
        original, method="c14n", with_comments=True
    )


def test_namespace_on_the_root_is_ignored() -> None:
    """The 2009 schema's namespace on the input is dropped, as the emulator does."""
    xml = (
        '<AnswerSet xmlns="http://www.hotdocs.com/schemas/answer_set/2009" version="1.1">'
        '<Answer name="A"><TextValue>x</TextValue></Answer></AnswerSet>'
    )
    answers = AnswerSet.from_xml(xml)
    assert dict(answers) == {"A": "x"}
    assert "xmlns" not in answers.to_xml()
    validate_answer_xml(xml)


# --- Hostile input ---------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<AnswerSet><Answer name="A"><TextValue>&lol9;</TextValue></Answer></AnswerSet>"""


@pytest.mark.parametrize(
    "xml",
    [
        BILLION_LAUGHS,
        '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<AnswerSet><Answer name="A"><TextValue>&x;</TextValue></Answer></AnswerSet>',
        '<!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>'
        '<AnswerSet><Answer name="A"><TextValue>&x;</TextValue></Answer></AnswerSet>',
    ],
    ids=["billion-laughs", "xxe-file", "xxe-http"],
)
def test_entity_declarations_are_refused_and_nothing_is_expanded(xml: str) -> None:
    """An entity bomb or external entity raises AnswerSetError; nothing is read or fetched.

    (A DOCTYPE without entity declarations is read with its DTD ignored: see
    test_advance_answer_files.py.)
    """
    with pytest.raises(AnswerSetError, match="entity declarations are refused") as caught:
        AnswerSet.from_xml(xml)
    assert "root:" not in str(caught.value)
    with pytest.raises(AnswerSetError, match="entity declarations are refused"):
        validate_answer_xml(xml.encode())


# Broken files: a mapping of names to values cannot hold these, so both modes raise.
FILE_ERRORS = [
    (b"", "not well-formed"),
    (b"<AnswerSet>", "not well-formed"),
    (b"<Answers/>", "root element"),
    (b"<AnswerSet><Answer><TextValue/></Answer></AnswerSet>", "no name"),
    (b'<AnswerSet><Answer name="  "><TextValue/></Answer></AnswerSet>', "empty name"),
    (b'<AnswerSet><Answer name="A"/></AnswerSet>', "exactly one value"),
    (
        b'<AnswerSet><Answer name="A"><TextValue/><TextValue/></Answer></AnswerSet>',
        "exactly one value",
    ),
    (
        b'<AnswerSet><Answer name="A"><TextValue/></Answer><Answer name=" A">'
        b"<TextValue/></Answer></AnswerSet>",
        "twice",
    ),
    (b'<AnswerSet><Note name="A"/></AnswerSet>', "only <Answer>"),
]
# Values that cannot be interpreted: kept as RawValue and listed by default; strict raises.
VALUE_ERRORS = [
    (b'<AnswerSet><Answer name="A"><NumValue>1,5</NumValue></Answer></AnswerSet>', "number"),
    (b'<AnswerSet><Answer name="A"><NumValue>NaN</NumValue></Answer></AnswerSet>', "number"),
    (b'<AnswerSet><Answer name="A"><NumValue>1_0</NumValue></Answer></AnswerSet>', "number"),
    (
        b'<AnswerSet><Answer name="A"><NumValue>1e99999</NumValue></Answer></AnswerSet>',
        "exponent",
    ),
    (
        b'<AnswerSet><Answer name="A"><DateValue>31/2/2024</DateValue></Answer></AnswerSet>',
        "date",
    ),
    (
        b'<AnswerSet><Answer name="A"><DateValue>2024-02-01</DateValue></Answer></AnswerSet>',
        "date",
    ),
    (
        b'<AnswerSet><Answer name="A"><TFValue>yes</TFValue></Answer></AnswerSet>',
        "true nor false",
    ),
    (b'<AnswerSet><Answer name="A"><TextValue unans="maybe"/></Answer></AnswerSet>', "unans"),
    (b'<AnswerSet><Answer name="A"><TextValue>a<b/>c</TextValue></Answer></AnswerSet>', "<b>"),
    (
        b'<AnswerSet><Answer name="A"><MCValue><SelValue hint="h">x</SelValue>'
        b"</MCValue></Answer></AnswerSet>",
        "SelValue",
    ),
    (
        b'<AnswerSet><Answer name="A"><RptValue><TextValue>a</TextValue><NumValue>1</NumValue>'
        b"</RptValue></Answer></AnswerSet>",
        "mixes value types",
    ),
    (
        b'<AnswerSet><Answer name="A"><RptValue><TextValue>a</TextValue><RptValue/>'
        b"</RptValue></Answer></AnswerSet>",
        "mixes value types",
    ),
    (
        b'<AnswerSet><Answer name="A"><RptValue><RptValue><TextValue>a</TextValue></RptValue>'
        b"<TextValue>b</TextValue></RptValue></Answer></AnswerSet>",
        "values or lists",
    ),
    (
        b'<AnswerSet><Answer name="A"><RptValue><RptValue><TextValue>a</TextValue></RptValue>'
        b"<RptValue><RptValue><TextValue>b</TextValue></RptValue></RptValue></RptValue>"
        b"</Answer></AnswerSet>",
        "equally deep",
    ),
    (
        b'<AnswerSet><Answer name="A">'
        + b"<RptValue>" * 5
        + b"<TextValue>a</TextValue>"
        + b"</RptValue>" * 5
        + b"</Answer></AnswerSet>",
        "at most 4",
    ),
]


@pytest.mark.parametrize(("xml", "message"), FILE_ERRORS)
@pytest.mark.parametrize("strict", [False, True])
def test_broken_answer_files_raise_in_both_modes(xml: bytes, message: str, strict: bool) -> None:
    """Each kind of broken answer file raises AnswerSetError saying what is wrong."""
    with pytest.raises(AnswerSetError, match=message):
        AnswerSet.from_xml(xml, strict=strict)


@pytest.mark.parametrize(("xml", "message"), VALUE_ERRORS)
def test_strict_reading_raises_at_an_uninterpretable_value(xml: bytes, message: str) -> None:
    """strict=True raises AnswerSetError naming the answer and saying what is wrong."""
    with pytest.raises(AnswerSetError, match=message) as caught:
        AnswerSet.from_xml(xml, strict=True)
    assert caught.value.answer == "A"


@pytest.mark.parametrize(("xml", "message"), VALUE_ERRORS)
def test_an_uninterpretable_value_is_kept_raw_and_listed(xml: bytes, message: str) -> None:
    """By default the value is kept as a RawValue, written back c14n-equal, and listed."""
    answers = AnswerSet.from_xml(xml)
    value = answers["A"]
    assert isinstance(value, RawValue)
    (problem,) = answers.problems
    assert problem.name == "A"
    assert problem.line == 1
    assert re.search(message, problem.reason)
    original = etree.fromstring(xml)[0][0]
    assert etree.tostring(original, method="c14n") == etree.tostring(
        etree.fromstring(answers.to_xml())[0][0], method="c14n"
    )
    with pytest.raises(AnswerSetError, match="came in uninterpretable"):
        answers._valid_xml()


def test_errors_from_a_file_name_the_answer_and_line() -> None:
    """An AnswerSetError from reading carries the answer's name and the line number."""
    xml = '<AnswerSet>\n<Answer name="Ok"><TextValue/></Answer>\n<Answer name="Bad"><NumValue>x</NumValue></Answer></AnswerSet>'
    with pytest.raises(AnswerSetError) as caught:
        AnswerSet.from_xml(xml, strict=True)
    assert (caught.value.answer, caught.value.line) == ("Bad", 3)
    assert str(caught.value).startswith("line 3, answer 'Bad': ")


def test_a_string_holding_an_unpaired_surrogate_is_refused() -> None:
    """Text input that cannot be encoded raises AnswerSetError, not UnicodeEncodeError."""
    with pytest.raises(AnswerSetError, match="surrogate"):
        AnswerSet.from_xml("<AnswerSet>\ud800</AnswerSet>")


def test_non_xml_input_type_is_refused() -> None:
    """Neither str nor bytes raises AnswerSetError."""
    with pytest.raises(AnswerSetError, match="str or bytes"):
        AnswerSet.from_xml(42)  # type: ignore[arg-type]


def test_comments_and_stray_text_outside_values_are_ignored() -> None:
    """Comments, PIs and text between elements do not change the answers (HotDocs skips them)."""
    xml = (
        "<AnswerSet><!-- c --><?pi x?>junk<Answer name='A'><!-- c --><TextValue>a<!-- c -->b"
        "</TextValue>tail</Answer><Answer name='B'><MCValue><!-- c --><SelValue>x<!-- c --></SelValue>"
        "</MCValue></Answer><Answer name='C'><RptValue><!-- c --><NumValue>1</NumValue></RptValue>"
        "</Answer></AnswerSet>"
    )
    answers = AnswerSet.from_xml(xml)
    assert dict(answers) == {"A": "ab", "B": MultipleChoice("x"), "C": [Decimal(1)]}


# --- Python values to XML -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1E+3"), "1000"),
        (Decimal("1.50"), "1.50"),
        (Decimal("-0.0000001"), "-0.0000001"),
        (Decimal("1.123456789012"), "1.123456789012"),
        (0.1, "0.1"),
        (1e20, "100000000000000000000"),
        (-2.5e-8, "-0.000000025"),
        (7, "7"),
        (10**25, "10000000000000000000000000"),
        (cast("type[IntEnum]", IntEnum("Size", "ONE"))(1), "1"),
    ],
)
def test_numbers_are_written_in_invariant_culture_without_exponent(
    value: object, text: str
) -> None:
    """Numbers use '.', no grouping, no exponent, and are never rounded; they read back exactly."""
    answers = AnswerSet()
    answers["N"] = value  # type: ignore[assignment]
    assert f"<NumValue>{text}</NumValue>" in answers.to_xml()
    assert round_trip(answers)["N"] == Decimal(text)


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), Decimal("-Infinity"), Decimal("sNaN")]
)
def test_nan_and_infinity_are_refused(value: object) -> None:
    """NaN and infinities raise AnswerSetError naming the answer."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match="'Amount'"):
        answers["Amount"] = value  # type: ignore[assignment]
    assert "Amount" not in answers


def test_bool_is_true_false_never_a_number() -> None:
    """True is written as TFValue true and read back as True, not 1."""
    answers = AnswerSet()
    answers["Flag"] = True
    answers["Off"] = False
    assert "<TFValue>true</TFValue>" in answers.to_xml()
    again = round_trip(answers)
    assert again["Flag"] is True
    assert again["Off"] is False
    numbers = AnswerSet()
    numbers["Flag"] = 1
    numbers["Off"] = 0
    assert numbers != answers


def test_true_false_is_read_in_any_case() -> None:
    """TFValue TRUE, True and ' false ' read as booleans."""
    xml = (
        "<AnswerSet><Answer name='A'><TFValue>TRUE</TFValue></Answer><Answer name='B'>"
        "<TFValue>True</TFValue></Answer><Answer name='C'><TFValue> false </TFValue></Answer></AnswerSet>"
    )
    assert dict(AnswerSet.from_xml(xml)) == {"A": True, "B": True, "C": False}


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (datetime.date(2013, 10, 17), "17/10/2013"),
        (datetime.date(2014, 10, 3), "3/10/2014"),
        (datetime.date(999, 1, 2), "2/1/0999"),
    ],
)
def test_dates_are_written_day_first_without_padding(day: datetime.date, text: str) -> None:
    """Dates are d/M/yyyy with a four-digit year, and read back equal."""
    answers = AnswerSet()
    answers["D"] = day
    assert f"<DateValue>{text}</DateValue>" in answers.to_xml()
    assert round_trip(answers)["D"] == day


@pytest.mark.parametrize(
    "text", ["17/10/2013", "17-10-2013", "17.10.2013", "17 10 2013", " 17/10/2013 "]
)
def test_dates_are_read_with_any_sdk_separator(text: str) -> None:
    """The reader splits dates on '/', '-', '.' and space, day first, like the Open SDK."""
    answers = AnswerSet.from_xml(
        f"<AnswerSet><Answer name='D'><DateValue>{text}</DateValue></Answer></AnswerSet>"
    )
    assert answers["D"] == datetime.date(2013, 10, 17)


def test_datetime_is_refused_not_truncated() -> None:
    """A datetime raises AnswerSetError rather than silently losing its time."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match="datetime"):
        answers["When"] = datetime.datetime(2024, 1, 2, 3, 4)


def test_text_is_kept_exactly_including_carriage_returns_and_backslashes() -> None:
    """Text keeps CR, CRLF, markup characters and backslashes (TextValue is not \\xx-escaped)."""
    text = "C:\\ab\\5c <a> & ]]> \"q\" 'q'\r\nline\rend \U0001f600"
    answers = AnswerSet()
    answers["T"] = text
    xml = answers.to_xml()
    assert "&#13;" in xml
    assert "C:\\ab\\5c" in xml
    assert round_trip(answers)["T"] == text


def test_empty_text_is_kept_as_empty_text() -> None:
    """An empty string is written as an empty TextValue and read back as ''."""
    answers = AnswerSet()
    answers["T"] = ""
    assert round_trip(answers)["T"] == ""


@pytest.mark.parametrize("bad", ["a\x00b", "a\x0bb", "a\ud800b", "a\ufffeb"])
def test_text_with_characters_xml_cannot_carry_is_refused(bad: str) -> None:
    """Text with characters outside XML 1.0 raises AnswerSetError naming the answer."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match=r"'Note'.*not allowed in XML 1\.0"):
        answers["Note"] = bad


def test_names_use_the_open_sdk_escaping_and_selections_are_verbatim() -> None:
    """Backslashes and C0 controls in names are written as \\xx; selections are written as is."""
    answers = AnswerSet()
    answers["Path\\Name\x01"] = MultipleChoice("C:\\x", "a\\5c")
    xml = answers.to_xml()
    assert 'name="Path\\5cName\\01"' in xml
    assert "<SelValue>C:\\x</SelValue><SelValue>a\\5c</SelValue>" in xml
    again = round_trip(answers)
    assert again == answers
    assert again["Path\\Name\x01"] == MultipleChoice("C:\\x", "a\\5c")


def test_escaped_names_from_other_writers_are_decoded_and_trimmed() -> None:
    """A name written as '  A\\5cB\\41 ' reads as 'A\\BA'."""
    answers = AnswerSet.from_xml(
        "<AnswerSet><Answer name='  A\\5cB\\41 '><TextValue/></Answer></AnswerSet>"
    )
    assert list(answers) == ["A\\BA"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "empty"),
        ("   ", "empty"),
        (" A", "white space"),
        ("A\t", "white space"),
        ("x" * (MAX_NAME_LENGTH + 1), "longer than 255"),
        ("a\ud800", "not allowed"),
        (5, "must be a str"),
    ],
)
def test_bad_names_are_refused(name: object, message: str) -> None:
    """Empty, untrimmed, over-long and non-str names raise AnswerSetError."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match=message):
        answers[name] = "x"  # type: ignore[index]


def test_a_name_of_255_characters_is_accepted() -> None:
    """The name limit is 255 characters (CHOICE: authoring allows 50, real files exceed it)."""
    answers = AnswerSet()
    answers["x" * MAX_NAME_LENGTH] = "v"
    assert list(round_trip(answers)) == ["x" * MAX_NAME_LENGTH]


def test_too_long_names_in_files_are_refused() -> None:
    """A file whose answer name exceeds 255 characters raises AnswerSetError."""
    xml = f"<AnswerSet><Answer name='{'x' * 256}'><TextValue/></Answer></AnswerSet>"
    with pytest.raises(AnswerSetError, match="longer than 255"):
        AnswerSet.from_xml(xml)


def test_unanswered_values_of_every_kind_round_trip() -> None:
    """Unanswered(kind) is written with unans="true" in the kind's element and read back."""
    answers = AnswerSet()
    for kind in AnswerKind:
        answers[kind.value] = Unanswered(kind)
    xml = answers.to_xml()
    assert '<MCValue unans="true"/>' in xml
    assert round_trip(answers) == answers


def test_empty_values_in_files_read_as_unanswered_or_empty() -> None:
    """Empty NumValue, DateValue and TFValue read as unanswered; an empty MCValue as no choice."""
    xml = (
        "<AnswerSet><Answer name='N'><NumValue/></Answer><Answer name='D'><DateValue> </DateValue>"
        "</Answer><Answer name='T'><TFValue></TFValue></Answer><Answer name='M'><MCValue/></Answer>"
        "</AnswerSet>"
    )
    answers = AnswerSet.from_xml(xml)
    assert answers["N"] == Unanswered(AnswerKind.NUMBER)
    assert answers["D"] == Unanswered(AnswerKind.DATE)
    assert answers["T"] == Unanswered(AnswerKind.TRUE_FALSE)
    assert answers["M"] == MultipleChoice()


@pytest.mark.parametrize("value", [b"bytes", {"a": 1}, object(), None, 1 + 2j])
def test_unsupported_values_are_refused(value: object) -> None:
    """bytes, dicts, None at the top level and other objects raise AnswerSetError."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match="'X'"):
        answers["X"] = value  # type: ignore[assignment]


def test_str_enum_members_are_stored_as_plain_text() -> None:
    """A str subclass (such as a str Enum member) is stored and written as its text."""

    class Colour(StrEnum):
        RED = "Red"

    answers = AnswerSet()
    answers["C"] = Colour.RED
    assert type(answers["C"]) is str
    assert round_trip(answers)["C"] == "Red"


# --- Repeats ---------------------------------------------------------------------------------


def test_lists_ending_in_none_round_trip() -> None:
    """A list ending with an unanswered value keeps it: only the writer's placeholder is removed."""
    answers = AnswerSet()
    answers["R"] = ["a", None]
    answers["N"] = [[Decimal(1), None], [], [None, Decimal(2)]]
    again = round_trip(answers)
    assert again["R"] == ["a", None]
    assert again["N"] == [[Decimal(1), None], [], [None, Decimal(2)]]


def test_lists_without_the_trailing_placeholder_are_read() -> None:
    """A repeat written without the trailing unanswered value (as tenants2 does) reads fully."""
    xml = "<AnswerSet><Answer name='R'><RptValue><TextValue>a</TextValue><TextValue>b</TextValue></RptValue></Answer></AnswerSet>"
    assert AnswerSet.from_xml(xml)["R"] == ["a", "b"]


def test_a_list_of_only_none_needs_a_type() -> None:
    """[None, None] is refused; [Unanswered(kind), ...] says the type and round-trips."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match="needs a value type"):
        answers["R"] = [None, None]
    answers["R"] = [Unanswered(AnswerKind.DATE), None]
    assert answers["R"] == [Unanswered(AnswerKind.DATE), Unanswered(AnswerKind.DATE)]
    assert '<DateValue unans="true"/>' in answers.to_xml()
    assert round_trip(answers) == answers


def test_unanswered_entries_beside_answered_values_become_none() -> None:
    """In a list with answered values, Unanswered(kind) entries are stored as None."""
    answers = AnswerSet()
    answers["R"] = [Unanswered(AnswerKind.TEXT), "b"]
    assert answers["R"] == [None, "b"]


def test_empty_repeats_round_trip() -> None:
    """[] is written as an empty RptValue and [[], []] as empty inner lists; both read back."""
    answers = AnswerSet()
    answers["E"] = []
    answers["F"] = [[], []]
    assert '<Answer name="E"><RptValue/></Answer>' in answers.to_xml()
    assert round_trip(answers) == answers


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["a", 1], "mixes value types"),
        ([True, Decimal(1)], "mixes value types"),
        (["a", Unanswered(AnswerKind.NUMBER)], "mixes value types"),
        (["a", ["b"]], "equally deep"),
        (["a", []], "either values or lists"),
        ([["a"], [["b"]]], "equally deep"),
        ([[[[["a"]]]]], "at most 4"),
        ([[[[[]]]]], "at most 4"),
        (
            [RawValue("<DBValue><DBColumn name='x'><TextValue/></DBColumn></DBValue>"), None],
            "opaque",
        ),
        ([datetime.datetime(2024, 1, 1)], "datetime"),
    ],
)
def test_bad_repeats_are_refused(value: object, message: str) -> None:
    """Mixed types, mixed depths, nesting deeper than 4 and None for opaque values are refused."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match=message):
        answers["R"] = value  # type: ignore[assignment]


def test_four_levels_of_repeats_round_trip() -> None:
    """Repeats nested four deep are accepted and read back equal."""
    answers = AnswerSet()
    answers["Deep"] = [[[["a", None], []]], [[["b"]]]]
    assert round_trip(answers)["Deep"] == [[[["a", None], []]], [[["b"]]]]


def test_repeats_of_opaque_values_round_trip() -> None:
    """A list of RawValues of one element type is written with an unanswered placeholder."""
    raw = RawValue('<DBValue><DBColumn name="x"><TextValue>1</TextValue></DBColumn></DBValue>')
    answers = AnswerSet()
    answers["Rows"] = [raw, raw]
    assert '<DBValue unans="true"/></RptValue>' in answers.to_xml()
    assert round_trip(answers) == answers


def test_reading_a_list_returns_a_copy() -> None:
    """Changing a list read from the set does not change the set: assign it back instead."""
    answers = AnswerSet()
    answers["R"] = ["a"]
    names = answers["R"]
    assert isinstance(names, list)
    names.append(1)
    assert answers["R"] == ["a"]


# --- Mapping behaviour and metadata ---------------------------------------------------------


def test_answer_set_behaves_as_a_mutable_mapping() -> None:
    """Set, get, delete, len, iteration order and update work as for a dict."""
    answers = AnswerSet(title="T", version="1.1")
    answers.update({"B": "b", "A": Decimal(1)})
    answers["C"] = True
    del answers["A"]
    assert len(answers) == 2
    assert list(answers) == ["B", "C"]
    assert "A" not in answers
    with pytest.raises(KeyError):
        answers["A"]
    assert repr(answers) == "AnswerSet(title='T', version='1.1', answers=2)"
    assert [element.get("name") for element in etree.fromstring(answers.to_xml())] == ["B", "C"]


def test_equality_covers_values_types_title_and_attributes() -> None:
    """Answer sets are equal only with equal values of equal types, title, version, attributes."""
    first, second = AnswerSet(), AnswerSet()
    first["A"] = "x"
    second["A"] = "x"
    assert first == second
    second.attributes["useMangledNames"] = "false"
    assert first != second
    second.attributes.clear()
    second.title = "other"
    assert first != second
    second.title = ""
    second.answer_attributes("A")["save"] = "false"
    assert first != second
    assert first != {"A": "x"}


def test_title_and_version_are_written_and_read() -> None:
    """The root's title and version attributes round-trip; a missing one gets its default."""
    answers = AnswerSet(title="Client & Co", version="1.0")
    again = round_trip(answers)
    assert (again.title, again.version) == ("Client & Co", "1.0")
    bare = AnswerSet.from_xml("<AnswerSet/>")
    assert (bare.title, bare.version) == ("", "1.1")
    with pytest.raises(AnswerSetError, match="title"):
        AnswerSet(title="\x00")


def test_replacing_a_value_keeps_answer_attributes_and_surviving_value_attributes() -> None:
    """CHOICE: a new value keeps save/userExtendible and value attributes at indexes still there."""
    answers = AnswerSet()
    answers["R"] = ["a", "b", "c"]
    answers.answer_attributes("R")["userExtendible"] = "false"
    answers.value_attributes("R", 0)["userModifiable"] = "false"
    answers.value_attributes("R", 2)["userModifiable"] = "false"
    answers["R"] = ["x"]
    assert answers.answer_attributes("R") == {"userExtendible": "false"}
    assert answers.value_attributes("R", 0) == {"userModifiable": "false"}
    with pytest.raises(IndexError):
        answers.value_attributes("R", 2)
    again = round_trip(answers)
    assert again == answers
    del answers["R"]
    with pytest.raises(KeyError):
        answers.answer_attributes("R")


def test_value_attributes_of_an_unanswered_repeat_entry_round_trip() -> None:
    """A locked unanswered entry (userModifiable=false with unans) is kept, not taken as placeholder."""
    answers = AnswerSet()
    answers["R"] = ["a", None]
    answers.value_attributes("R", 1)["userModifiable"] = "false"
    xml = answers.to_xml()
    assert '<TextValue userModifiable="false" unans="true"/><TextValue unans="true"/>' in xml
    again = AnswerSet.from_xml(xml)
    assert again["R"] == ["a", None]
    assert again.value_attributes("R", 1) == {"userModifiable": "false"}


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("root", "title"),
        ("answer", "name"),
        ("value", "unans"),
        ("value", "UNANS"),
        ("value", "bad name"),
    ],
)
def test_reserved_or_invalid_attributes_are_refused_when_writing(where: str, key: str) -> None:
    """Attributes AnswerSet manages itself, and invalid names, raise AnswerSetError in to_xml()."""
    answers = AnswerSet()
    answers["A"] = "x"
    target = {
        "root": answers.attributes,
        "answer": answers.answer_attributes("A"),
        "value": answers.value_attributes("A"),
    }[where]
    target[key] = "v"
    with pytest.raises(AnswerSetError):
        answers.to_xml()


def test_attribute_values_with_characters_xml_cannot_carry_are_refused() -> None:
    """An attribute value with a NUL raises AnswerSetError naming the answer."""
    answers = AnswerSet()
    answers["A"] = "x"
    answers.value_attributes("A")["note"] = "\x00"
    with pytest.raises(AnswerSetError, match="'A'"):
        answers.to_xml()


def test_value_attributes_need_an_existing_answer_and_index() -> None:
    """value_attributes raises KeyError for an unknown answer, IndexError for a bad index."""
    answers = AnswerSet()
    answers["R"] = [RawValue('<DBValue><DBColumn name="x"><TextValue/></DBColumn></DBValue>')]
    with pytest.raises(KeyError):
        answers.value_attributes("Missing")
    with pytest.raises(IndexError):
        answers.value_attributes("R", 3)
    with pytest.raises(IndexError):
        answers.value_attributes("R", 0)  # a RawValue keeps its attributes in its XML
    assert answers.value_attributes("R") == {}


# --- Value types -----------------------------------------------------------------------------


def test_value_types_are_immutable_and_hashable() -> None:
    """MultipleChoice, Unanswered and RawValue refuse attribute changes and can be hashed."""
    choice = MultipleChoice("Red", "Blue")
    raw = RawValue("<DocTextValue>x</DocTextValue>")
    for value in (choice, Unanswered(AnswerKind.TEXT), raw):
        with pytest.raises(AttributeError):
            value.anything = 1
        assert hash(value) == hash(value)
    assert repr(choice) == "MultipleChoice('Red', 'Blue')"
    assert repr(Unanswered(AnswerKind.DATE)) == "Unanswered(AnswerKind.DATE)"
    assert choice.selections == ("Red", "Blue")
    assert raw.tag == "DocTextValue"


def test_value_type_constructors_check_their_arguments() -> None:
    """MultipleChoice takes only str; Unanswered only an AnswerKind."""
    with pytest.raises(TypeError):
        MultipleChoice("a", 1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Unanswered("text")  # type: ignore[arg-type]


def test_raw_values_compare_as_canonical_xml() -> None:
    """RawValues equal as normalised trees are equal, whatever the quoting or empty-tag form."""
    first = RawValue("<DocTextValue fmt='a' b=\"c\"></DocTextValue>")
    second = RawValue('<DocTextValue b="c" fmt="a"/>')
    assert first == second
    assert hash(first) == hash(second)
    assert first != RawValue('<DocTextValue fmt="b"/>')


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<TextValue>x</TextValue>", "not an opaque value"),
        ("<RptValue/>", "not an opaque value"),
        ("<DBValue><Row/></DBValue>", "schema"),
        ("<ClauseLibValue><ClauseSelValue/></ClauseLibValue>", "schema"),
        ('<DBValue><DBColumn name="c"><NumValue>1,5</NumValue></DBColumn></DBValue>', "NumLexical"),
        ("<a/><b/>", "well-formed"),
        ("<!DOCTYPE x><DBValue/>", "DOCTYPE"),
    ],
)
def test_raw_value_refuses_what_it_cannot_stand_for(xml: str, message: str) -> None:
    """RawValue refuses modelled elements, schema-invalid opaque values and bad XML."""
    with pytest.raises(AnswerSetError, match=message):
        RawValue(xml)


# --- JSON-shaped data ------------------------------------------------------------------------


def test_dict_shape_is_as_documented() -> None:
    """to_dict writes text and booleans plainly and tags numbers, dates, choices, blanks, XML."""
    answers = AnswerSet()
    answers["CompanyName"] = "ExampleCorp"
    answers["Approved"] = True
    answers["Amount"] = Decimal("1500.25")
    answers["Start"] = datetime.date(2024, 1, 31)
    answers["Colour"] = MultipleChoice("Red", "Blue")
    answers["Spouse"] = Unanswered(AnswerKind.TEXT)
    answers["Children"] = ["Ann", None, "Cy"]
    answers.attributes["useMangledNames"] = "false"
    answers.value_attributes("Children", 1)["userModifiable"] = "false"
    assert answers.to_dict() == {
        "title": "",
        "version": "1.1",
        "answers": {
            "CompanyName": "ExampleCorp",
            "Approved": True,
            "Amount": {"number": "1500.25"},
            "Start": {"date": "2024-01-31"},
            "Colour": {"choices": ["Red", "Blue"]},
            "Spouse": {"unanswered": "text"},
            "Children": ["Ann", None, "Cy"],
        },
        "attributes": {"useMangledNames": "false"},
        "valueAttributes": {
            "Children": [{"index": [1], "attributes": {"userModifiable": "false"}}]
        },
    }


def test_from_dict_accepts_plain_json_numbers() -> None:
    """JSON numbers are numbers: 12 and 1.5 become Decimal answers."""
    answers = AnswerSet.from_dict(json.loads('{"answers": {"A": 12, "B": 1.5, "C": [1, null]}}'))
    assert dict(answers) == {"A": Decimal(12), "B": Decimal("1.5"), "C": [Decimal(1), None]}


@pytest.mark.parametrize(
    "data",
    [
        [],
        {},
        {"answers": []},
        {"answers": {}, "extra": 1},
        {"answers": {"A": {"number": "x"}}},
        {"answers": {"A": {"number": 1}}},
        {"answers": {"A": {"date": "31/1/2024"}}},
        {"answers": {"A": {"unanswered": "colour"}}},
        {"answers": {"A": {"choices": "Red"}}},
        {"answers": {"A": {"xml": "<TextValue/>"}}},
        {"answers": {"A": {"number": "1", "date": "2024-01-01"}}},
        {"answers": {"A": None}},
        {"answers": {}, "attributes": {"a": 1}},
        {"answers": {"A": "x"}, "valueAttributes": {"A": [{"index": [3], "attributes": {}}]}},
        {"answers": {"A": "x"}, "valueAttributes": {"A": {"index": []}}},
        {"answers": {}, "answerAttributes": {"Missing": {"save": "false"}}},
    ],
)
def test_from_dict_refuses_other_shapes(data: object) -> None:
    """Data not in the documented shape raises AnswerSetError (never KeyError or TypeError)."""
    with pytest.raises(AnswerSetError):
        AnswerSet.from_dict(data)  # type: ignore[arg-type]


# --- Forms real writers produce (as the HotDocs Open SDK reads them) ------------------------


def _one(value: str) -> str:
    return f'<AnswerSet title="" version="1.1"><Answer name="A">{value}</Answer></AnswerSet>'


def _written_value(answers: AnswerSet) -> str:
    """The XML of the written answer's value element."""
    answer = etree.fromstring(answers.to_xml())[0]
    return etree.tostring(answer[0], encoding="unicode")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('<MCValue><SelValue unans="true"/></MCValue>', MultipleChoice()),
        ('<MCValue><SelValue UNANS="TRUE"/></MCValue>', MultipleChoice()),
        ('<MCValue><SelValue unans="true">x</SelValue></MCValue>', MultipleChoice()),
        (
            '<MCValue><SelValue>Red</SelValue><SelValue unans="true"/><SelValue>Blue</SelValue>'
            "</MCValue>",
            MultipleChoice("Red", "Blue"),
        ),
        ('<MCValue userModifiable="false"><SelValue unans="true"/></MCValue>', MultipleChoice()),
    ],
)
def test_unanswered_selvalue_reads_as_no_selection_and_round_trips(
    value: str, expected: MultipleChoice
) -> None:
    """An unanswered SelValue (browser interviews write it) adds no selection; it is written back."""
    answers = AnswerSet.from_xml(_one(value))
    assert answers["A"] == expected
    assert _written_value(answers) == value
    validate_answer_xml(_one(value))
    validate_answer_xml(answers.to_xml())


def test_unanswered_selvalue_in_a_repeat_round_trips() -> None:
    """In a repeat, the unanswered SelValue is kept at its entry."""
    value = (
        '<RptValue><MCValue><SelValue>Red</SelValue></MCValue><MCValue><SelValue unans="true"/>'
        '</MCValue><MCValue unans="true"/></RptValue>'
    )
    answers = AnswerSet.from_xml(_one(value))
    assert answers["A"] == [MultipleChoice("Red"), MultipleChoice()]
    assert _written_value(answers) == value
    validate_answer_xml(answers.to_xml())


def test_a_new_value_drops_the_kept_selvalue() -> None:
    """Assigning the answer anew writes the new value the usual way."""
    answers = AnswerSet.from_xml(_one('<MCValue><SelValue unans="true"/></MCValue>'))
    answers["A"] = MultipleChoice("Red")
    assert _written_value(answers) == "<MCValue><SelValue>Red</SelValue></MCValue>"
    answers["A"] = MultipleChoice()
    assert _written_value(answers) == "<MCValue/>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1E+15", Decimal("1E+15")),
        ("1E-05", Decimal("0.00001")),
        ("1e-05", Decimal("0.00001")),
        ("1e+16", Decimal("1E+16")),
        ("-2.5E+3", Decimal("-2500")),
    ],
)
def test_numbers_with_exponents_read(text: str, expected: Decimal) -> None:
    """Exponents as the Open SDK (1E+15) and Python's str() (1e-05) write them read and validate."""
    xml = _one(f"<NumValue>{text}</NumValue>")
    validate_answer_xml(xml)
    answers = AnswerSet.from_xml(xml)
    assert answers["A"] == expected
    assert round_trip(answers) == answers
    validate_answer_xml(answers.to_xml())


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ('<NumValue unans="true">234</NumValue>', AnswerKind.NUMBER),
        ('<TFValue unans="true">Ignored</TFValue>', AnswerKind.TRUE_FALSE),
        ('<TextValue unans="true">old text</TextValue>', AnswerKind.TEXT),
        ('<DateValue unans="true">1/2/2003</DateValue>', AnswerKind.DATE),
        ('<NumValue UNANS="true" userModifiable="false">1,5</NumValue>', AnswerKind.NUMBER),
    ],
)
def test_text_of_unanswered_values_is_ignored_and_kept(value: str, kind: AnswerKind) -> None:
    """An unanswered value's text is not read, and is written back as it was."""
    answers = AnswerSet.from_xml(_one(value))
    assert answers["A"] == Unanswered(kind)
    assert _written_value(answers) == value.replace("UNANS=", "unans=").replace(
        'unans="true" userModifiable="false"', 'userModifiable="false" unans="true"'
    )
    validate_answer_xml(answers.to_xml())


def test_text_of_unanswered_repeat_entries_is_kept() -> None:
    """In a repeat, an unanswered entry's text is kept; the writer's placeholder stays bare."""
    value = (
        '<RptValue><NumValue>1</NumValue><NumValue unans="true">234</NumValue>'
        '<NumValue unans="true"/></RptValue>'
    )
    answers = AnswerSet.from_xml(_one(value))
    assert answers["A"] == [Decimal(1), None]
    assert _written_value(answers) == value
    assert round_trip(answers) == answers


def test_a_new_value_drops_the_kept_text() -> None:
    """Assigning the answer anew forgets the ignored text."""
    answers = AnswerSet.from_xml(_one('<NumValue unans="true">234</NumValue>'))
    answers["A"] = Unanswered(AnswerKind.NUMBER)
    assert _written_value(answers) == '<NumValue unans="true"/>'


@pytest.mark.parametrize("text", ["31-10-2015", "31.10.2015", "31 10 2015", "31/10/2015"])
def test_dates_with_other_separators_read_day_first(text: str) -> None:
    """The Open SDK's reader splits dates on "/", "-", "." and space, day first."""
    xml = _one(f"<DateValue>{text}</DateValue>")
    validate_answer_xml(xml)
    assert AnswerSet.from_xml(xml)["A"] == datetime.date(2015, 10, 31)


@pytest.mark.parametrize(("text", "expected"), [("1", True), ("0", False), (" 1 ", True)])
def test_true_false_as_1_and_0(text: str, expected: bool) -> None:
    """<TFValue>1</TFValue> and <TFValue>0</TFValue> read as true and false, as the Open SDK does."""
    xml = _one(f"<TFValue>{text}</TFValue>")
    validate_answer_xml(xml)
    answers = AnswerSet.from_xml(xml)
    assert answers["A"] is expected
    assert round_trip(answers) == answers


def test_true_false_1_and_0_in_a_repeat() -> None:
    """1 and 0 read as booleans in a repeat too."""
    xml = _one(
        '<RptValue><TFValue>1</TFValue><TFValue>0</TFValue><TFValue unans="true"/></RptValue>'
    )
    validate_answer_xml(xml)
    assert AnswerSet.from_xml(xml)["A"] == [True, False]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("<DateValue>2026-01-31</DateValue>", "DateValue"),
        ("<TextValue>a</TextValue><Note/>", "Note"),
        ("<MCValue><SelValue unans='maybe'/></MCValue>", "unans"),
        ("<MCValue><SelValue hint='h'/></MCValue>", "hint"),
        ("<NumValue>1,5</NumValue>", "number"),
        ("<NumValue>1E+</NumValue>", "number"),
        ("<NumValue>+1</NumValue>", r"'\+1' is not a number \(NumLexical\)"),
        ("<NumValue>.5</NumValue>", "NumLexical"),
        ("<DBValue><DBColumn name='c'><TFValue>yes</TFValue></DBColumn></DBValue>", "TFLexical"),
        ("<TFValue>yes</TFValue>", "true nor false"),
        ("<TFValue>2</TFValue>", "true nor false"),
        ("<RptValue><NumValue>1E+15</NumValue><TextValue>a</TextValue></RptValue>", "mixes"),
        ("<RptValue><TFValue>1</TFValue><NumValue>0</NumValue></RptValue>", "mixes"),
    ],
)
def test_validate_still_refuses_what_hotdocs_cannot_read(value: str, message: str) -> None:
    """The wider forms leave ISO dates, unknown elements and mixed repeats refused."""
    with pytest.raises(AnswerSetError, match=message):
        validate_answer_xml(_one(value))


def test_validate_still_refuses_a_nameless_answer() -> None:
    """An Answer without a name is refused."""
    with pytest.raises(AnswerSetError, match="name"):
        validate_answer_xml("<AnswerSet><Answer><NumValue>1E+15</NumValue></Answer></AnswerSet>")


# --- validate_answer_xml ---------------------------------------------------------------------


def test_validate_accepts_the_p1_example_and_our_output() -> None:
    """The P1 example and every kind of value this package writes validate."""
    validate_answer_xml(P1_ANSWER_XML)
    answers = AnswerSet.from_xml(REPEAT_EXAMPLES)
    answers["Record"] = RawValue(
        '<DBValue><DBColumn name="x"><DateValue>1/2/2003</DateValue></DBColumn></DBValue>'
    )
    validate_answer_xml(answers.to_bytes())


def test_validate_reports_line_column_and_answer() -> None:
    """A schema error carries the line, column and the enclosing answer's name."""
    xml = '<AnswerSet>\n<Answer name="Good"><TextValue/></Answer>\n  <Answer name="Ba\\5cd"><NumValue>1,5</NumValue></Answer>\n</AnswerSet>'
    with pytest.raises(AnswerSetError, match="not a valid answer set") as caught:
        validate_answer_xml(xml)
    error = caught.value
    assert (error.line, error.answer) == (3, "Ba\\d")
    assert error.column is None or error.column > 0
    assert isinstance(error, ValueError)


def test_validate_reports_errors_outside_any_answer_without_a_name() -> None:
    """An error on the root has no answer name."""
    with pytest.raises(AnswerSetError) as caught:
        validate_answer_xml("<AnswerSet save='maybe'/>")
    assert caught.value.answer is None
    assert caught.value.line == 1


def test_validate_applies_the_rules_the_schema_leaves_out() -> None:
    """Mixed types in a repeat pass the XSD but fail validation, naming the answer."""
    xml = "<AnswerSet><Answer name='R'><RptValue><TextValue>a</TextValue><NumValue>1</NumValue></RptValue></Answer></AnswerSet>"
    with pytest.raises(AnswerSetError, match="mixes value types") as caught:
        validate_answer_xml(xml)
    assert caught.value.answer == "R"


def test_validate_refuses_stray_text_and_unknown_elements() -> None:
    """Text outside values and unknown value elements, which from_xml tolerates, fail validation."""
    with pytest.raises(AnswerSetError):
        validate_answer_xml("<AnswerSet>junk</AnswerSet>")
    with pytest.raises(AnswerSetError, match="TimeValue"):
        validate_answer_xml("<AnswerSet><Answer name='A'><TimeValue/></Answer></AnswerSet>")
