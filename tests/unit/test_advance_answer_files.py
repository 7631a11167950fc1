"""Answer files as other writers make them: mismatched encodings, DOCTYPEs, raw selections."""

from __future__ import annotations

import datetime
import http.server
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import ClassVar

import httpx
import pytest
from hotdocs_advance import (
    AdvanceClient,
    AnswerProblem,
    AnswerSet,
    AnswerSetError,
    MultipleChoice,
    RawValue,
    validate_answer_xml,
)
from lxml import etree

BODY = (
    '<AnswerSet version="1.1"><Answer name="Name"><TextValue>Zoë</TextValue></Answer></AnswerSet>'
)

# --- Declared encoding that does not match the bytes ------------------------------------------


def test_utf8_bytes_declared_utf16_are_read_as_utf8() -> None:
    """The Open SDK declares utf-16 but files are saved as UTF-8 without a BOM: read as UTF-8."""
    data = ('<?xml version="1.0" encoding="utf-16" standalone="yes"?>\r\n' + BODY).encode()
    assert dict(AnswerSet.from_xml(data)) == {"Name": "Zoë"}
    validate_answer_xml(data)


def test_utf8_bytes_with_bom_declared_utf16_are_read_as_utf8() -> None:
    """A UTF-8 BOM is trusted over a declaration that says utf-16."""
    data = b"\xef\xbb\xbf" + ('<?xml version="1.0" encoding="utf-16"?>' + BODY).encode()
    assert dict(AnswerSet.from_xml(data)) == {"Name": "Zoë"}
    validate_answer_xml(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_genuine_utf16_with_bom_is_read(codec: str) -> None:
    """UTF-16 bytes with a BOM (LE or BE) read, whatever the declaration says."""
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    for declared in ("utf-16", "utf-8"):
        data = bom + (f'<?xml version="1.0" encoding="{declared}"?>' + BODY).encode(codec)
        assert dict(AnswerSet.from_xml(data)) == {"Name": "Zoë"}
        validate_answer_xml(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_bytes(codec: str) -> None:
    """UTF-16 bytes without a BOM that declare utf-16 are read as UTF-16."""
    data = ('<?xml version="1.0" encoding="utf-16"?>' + BODY).encode(codec)
    assert dict(AnswerSet.from_xml(data)) == {"Name": "Zoë"}


def test_declared_single_byte_encoding_is_used() -> None:
    """windows-1252 bytes that declare windows-1252 keep their meaning."""
    text = '<?xml version="1.0" encoding="windows-1252"?>' + BODY.replace("Zoë", "Zoë €")
    data = text.encode("windows-1252")
    assert dict(AnswerSet.from_xml(data)) == {"Name": "Zoë €"}
    validate_answer_xml(data)


def test_declared_utf16_bytes_that_are_not_utf8_are_refused() -> None:
    """ASCII-looking bytes declared utf-16 that are not UTF-8 either raise AnswerSetError."""
    data = ('<?xml version="1.0" encoding="utf-16"?>' + BODY).encode("latin-1")
    with pytest.raises(AnswerSetError, match="UTF-8"):
        AnswerSet.from_xml(data)


def test_text_declared_utf16_still_reads() -> None:
    """As str, the declaration is ignored (as before)."""
    assert dict(AnswerSet.from_xml('<?xml version="1.0" encoding="utf-16"?>' + BODY)) == {
        "Name": "Zoë"
    }


# --- DOCTYPEs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "doctype",
    [
        "<!DOCTYPE AnswerSet [<!ELEMENT AnswerSet ANY>]>",
        "<!DOCTYPE AnswerSet [\n<!ELEMENT AnswerSet (Answer*)>\n"
        '<!ATTLIST AnswerSet title CDATA "from-the-dtd">\n]>',
        "<!DOCTYPE AnswerSet>",
    ],
    ids=["any", "attlist", "bare"],
)
def test_internal_dtd_subset_is_ignored(doctype: str) -> None:
    """An A2J-style internal subset is ignored: no defaults applied, the answers read."""
    xml = '<?xml version="1.0"?>\n' + doctype + "\n" + BODY
    for given in (xml, xml.encode()):
        answers = AnswerSet.from_xml(given)
        assert dict(answers) == {"Name": "Zoë"}
        assert "from-the-dtd" not in answers.to_xml()
        assert "DOCTYPE" not in answers.to_xml()
        validate_answer_xml(given)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = b'<!ATTLIST AnswerSet title CDATA "fetched">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[str]:
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/answers.dtd"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_external_dtd_is_never_fetched(loopback: str, tmp_path: Path) -> None:
    """SYSTEM and PUBLIC DTDs (loopback URL, file path) are ignored: nothing is read or fetched."""
    dtd = tmp_path / "answers.dtd"
    dtd.write_text('<!ATTLIST AnswerSet title CDATA "from-file">')
    for system in (loopback, str(dtd), dtd.as_uri()):
        for doctype in (
            f'<!DOCTYPE AnswerSet SYSTEM "{system}">',
            f'<!DOCTYPE AnswerSet PUBLIC "-//A2J//Answers//EN" "{system}">',
        ):
            xml = doctype + BODY
            answers = AnswerSet.from_xml(xml.encode())
            assert dict(answers) == {"Name": "Zoë"}
            assert "from-file" not in answers.to_xml()
            assert "fetched" not in answers.to_xml()
            validate_answer_xml(xml)
    assert _Recorder.requests == []


_LEVELS = "".join(
    f' <!ENTITY lol{level} "{("&lol" + ("" if level == 2 else str(level - 1)) + ";") * 10}">\n'
    for level in range(2, 10)
)
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + _LEVELS
    + ']>\n<AnswerSet><Answer name="A"><TextValue>&lol9;</TextValue></Answer></AnswerSet>'
)


@pytest.mark.parametrize(
    "xml",
    [
        BILLION_LAUGHS,
        '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<AnswerSet><Answer name="A"><TextValue>&x;</TextValue></Answer></AnswerSet>',
        '<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><AnswerSet/>',
        '<!DOCTYPE AnswerSet [<!ENTITY x "y">]><AnswerSet/>',
    ],
    ids=["billion-laughs", "xxe-file", "parameter-entity", "harmless-entity"],
)
def test_entity_declarations_are_refused_fast(xml: str) -> None:
    """Any ENTITY declaration raises AnswerSetError at once; nothing is expanded or fetched."""
    for given in (xml, xml.encode(), xml.encode("utf-16")):
        start = time.perf_counter()
        with pytest.raises(AnswerSetError, match="entity declarations are refused") as caught:
            AnswerSet.from_xml(given)
        assert time.perf_counter() - start < 1
        assert "nothing was expanded or fetched" in str(caught.value)
        assert "root:" not in str(caught.value)
        with pytest.raises(AnswerSetError, match="entity declarations are refused"):
            validate_answer_xml(given)


# --- Selections are verbatim -------------------------------------------------------------------


def test_backslashes_in_selections_are_read_verbatim() -> None:
    """A Windows path in a SelValue is not decoded as the Open SDK's \\xx escape."""
    xml = (
        "<AnswerSet><Answer name='P\\5cQ'><MCValue><SelValue>C:\\data\\files</SelValue>"
        "<SelValue>a\\5cb</SelValue></MCValue></Answer></AnswerSet>"
    )
    answers = AnswerSet.from_xml(xml)
    assert answers["P\\Q"] == MultipleChoice("C:\\data\\files", "a\\5cb")
    written = answers.to_xml()
    assert "<SelValue>C:\\data\\files</SelValue><SelValue>a\\5cb</SelValue>" in written
    assert 'name="P\\5cQ"' in written
    assert AnswerSet.from_xml(written) == answers


def test_backslashes_in_selections_are_written_verbatim() -> None:
    """A selection built in Python is written as it is."""
    answers = AnswerSet()
    answers["Folder"] = MultipleChoice("C:\\data\\files", "\\\\server\\share")
    assert "<SelValue>C:\\data\\files</SelValue>" in answers.to_xml()
    assert "<SelValue>\\\\server\\share</SelValue>" in answers.to_xml()
    assert AnswerSet.from_xml(answers.to_xml()) == answers


@pytest.mark.parametrize("bad", ["bell\x07", "a\x00b", "a\x0bb", "a\ud800b", "a\ufffeb"])
def test_selections_xml_cannot_carry_are_refused_naming_the_answer(bad: str) -> None:
    """A C0 control or a lone surrogate in a selection raises AnswerSetError naming the answer."""
    answers = AnswerSet()
    with pytest.raises(AnswerSetError, match=r"'Pick'.*selection.*not allowed in XML 1\.0"):
        answers["Pick"] = MultipleChoice("ok", bad)
    with pytest.raises(AnswerSetError, match=r"'Pick'.*selection"):
        answers["Pick"] = [MultipleChoice(bad)]
    assert "Pick" not in answers


def test_tab_and_line_ends_in_selections_are_kept() -> None:
    """Tab, CR and LF are XML characters and stay in a selection."""
    answers = AnswerSet()
    answers["Pick"] = MultipleChoice("a\tb", "c\r\nd")
    assert AnswerSet.from_xml(answers.to_xml())["Pick"] == MultipleChoice("a\tb", "c\r\nd")


# --- One uninterpretable value does not abort the file --------------------------------------

# In the shapes A2J fixtures have: a TFValue holding a word, SelValue and MCValue swapped.
A2J_LIKE = b"""<?xml version="1.0" encoding="utf-8"?>
<AnswerSet title="" version="1.1">
<Answer name="Client name TE"><TextValue>Ann</TextValue></Answer>
<Answer name="Agree TF"><TFValue>Agree</TFValue></Answer>
<Answer name="Gender MC"><SelValue><MCValue>Female</MCValue></SelValue></Answer>
<Answer name="Children NU"><NumValue>2</NumValue></Answer>
</AnswerSet>"""


def test_uninterpretable_values_are_kept_raw_and_the_rest_is_read() -> None:
    """Every answer is read; the two it cannot interpret are RawValue and listed in problems."""
    answers = AnswerSet.from_xml(A2J_LIKE)
    assert answers["Client name TE"] == "Ann"
    assert answers["Children NU"] == Decimal(2)
    assert answers["Agree TF"] == RawValue._adopt(etree.fromstring("<TFValue>Agree</TFValue>"))
    assert isinstance(answers["Gender MC"], RawValue)
    assert answers.problems == (
        AnswerProblem("Agree TF", 4, "'Agree' is neither true nor false"),
        AnswerProblem(
            "Gender MC", 5, "<SelValue> is not a value: a selection belongs inside <MCValue>"
        ),
    )
    written = etree.fromstring(answers.to_xml())
    original = etree.fromstring(A2J_LIKE)
    for index in (1, 2):  # the raw answers, element for element
        assert etree.tostring(written[index], method="c14n") == etree.tostring(
            _without_tail(original[index]), method="c14n"
        )


def _without_tail(element: etree._Element) -> etree._Element:
    element.tail = None
    return element


def test_strict_reading_raises_at_the_first_problem() -> None:
    """strict=True raises AnswerSetError naming the line, the answer and the reason."""
    with pytest.raises(AnswerSetError) as caught:
        AnswerSet.from_xml(A2J_LIKE, strict=True)
    assert (caught.value.line, caught.value.answer) == (4, "Agree TF")
    assert caught.value.reason == "'Agree' is neither true nor false"
    assert str(caught.value) == "line 4, answer 'Agree TF': 'Agree' is neither true nor false"


def test_an_unknown_value_element_is_a_problem_but_known_opaque_values_are_not() -> None:
    """A FooValue is kept and listed; DBValue and ClauseLibValue are kept as the schema allows."""
    answers = AnswerSet.from_xml(
        "<AnswerSet><Answer name='F'><FooValue>1</FooValue></Answer>"
        "<Answer name='D'><DBValue><DBColumn name='Id'><NumValue>4</NumValue></DBColumn>"
        "</DBValue></Answer></AnswerSet>"
    )
    assert [problem.name for problem in answers.problems] == ["F"]
    assert "not a value element HotDocs knows" in answers.problems[0].reason
    assert isinstance(answers["D"], RawValue)


def test_a_problem_leaves_the_list_when_its_answer_is_assigned_or_deleted() -> None:
    """Assigning a value or deleting the answer removes its problem; then it can be sent."""
    answers = AnswerSet.from_xml(A2J_LIKE)
    answers["Agree TF"] = True
    assert [problem.name for problem in answers.problems] == ["Gender MC"]
    del answers["Gender MC"]
    assert answers.problems == ()
    validate_answer_xml(answers.to_xml())


def test_a_set_with_an_uninterpretable_answer_is_refused_before_sending() -> None:
    """create_work_item raises AnswerSetError naming the answer read uninterpretable; no request."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200)

    answers = AnswerSet.from_xml(A2J_LIKE)
    with (
        httpx.Client(transport=httpx.MockTransport(answer)) as http,
        AdvanceClient("https://t.example/api/rest", auth="token", http_client=http) as client,
        pytest.raises(AnswerSetError, match="came in uninterpretable") as caught,
    ):
        client.create_work_item(
            name="n",
            work_group_id="cb97f8d6-04a1-490a-aa09-92af12dfb305",
            template_package_id="0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
            answers=answers,
        )
    assert caught.value.answer == "Agree TF"
    assert "'Agree' is neither true nor false" in str(caught.value)
    assert sent == []


def test_validate_answer_xml_reports_every_problem() -> None:
    """Each problem, from the schema, the lexical check and the reader, with line and answer."""
    xml = b"""<AnswerSet>
<Answer name="A"><TFValue>Agree</TFValue></Answer>
<Answer name="B"><SelValue><MCValue>Female</MCValue></SelValue></Answer>
<Answer name="C"><TextValue>fine</TextValue></Answer>
<Answer name="D"><RptValue><NumValue>1</NumValue><TextValue>x</TextValue></RptValue></Answer>
<Answer name="E"><DateValue>31/2/2024</DateValue></Answer>
</AnswerSet>"""
    with pytest.raises(AnswerSetError) as caught:
        validate_answer_xml(xml)
    found = [(problem.name, problem.line) for problem in caught.value.problems]
    assert found == [("A", 2), ("B", 3), ("D", 5), ("E", 6)]
    assert (caught.value.answer, caught.value.line) == ("A", 2)
    message = str(caught.value)
    assert "(and 3 more)" in message
    assert all(f"answer {name!r}" in message for name in "ABDE")
    assert "SelValue" in caught.value.problems[1].reason
    assert "mixes value types" in caught.value.problems[2].reason
    assert "day is out of range" in caught.value.problems[3].reason


def test_validate_answer_xml_reports_a_file_level_problem_beside_the_others() -> None:
    """A duplicate answer is reported with the value problems."""
    xml = (
        "<AnswerSet>\n<Answer name='A'><TFValue>maybe</TFValue></Answer>\n"
        "<Answer name='B'><TextValue/></Answer>\n<Answer name='B'><TextValue/></Answer>\n"
        "</AnswerSet>"
    )
    with pytest.raises(AnswerSetError) as caught:
        validate_answer_xml(xml)
    assert [(problem.name, problem.line) for problem in caught.value.problems] == [
        ("A", 2),
        ("B", 4),
    ]


# --- What a round trip keeps, and what it normalises --------------------------------------------

SPELLED = """<AnswerSet title="" version="1.1">\
<Answer name="Padded"><DateValue>01/02/1970</DateValue></Answer>\
<Answer name="Dashes"><DateValue>31-10-2015</DateValue></Answer>\
<Answer name="Upper"><TFValue>True</TFValue></Answer>\
<Answer name="One"><TFValue>1</TFValue></Answer>\
<Answer name="Big"><NumValue>1E+15</NumValue></Answer>\
<Answer name="Small"><NumValue>1e-05</NumValue></Answer>\
<Answer name="Zeros"><NumValue>007</NumValue></Answer>\
<Answer name="Spaced"><NumValue> 12 </NumValue></Answer>\
<Answer name="List"><RptValue><DateValue>01.01.2000</DateValue><DateValue>2/3/2001</DateValue>\
<DateValue unans="true"/></RptValue></Answer>\
</AnswerSet>"""


def test_a_file_read_and_written_untouched_keeps_its_spellings() -> None:
    """Spellings HotDocs accepts are written back as they were: the output is c14n-identical."""
    answers = AnswerSet.from_xml(SPELLED)
    assert answers["Padded"] == datetime.date(1970, 2, 1)
    assert answers["Big"] == Decimal("1E+15")
    assert answers["One"] is True
    assert etree.tostring(etree.fromstring(answers.to_xml()), method="c14n") == etree.tostring(
        etree.fromstring(SPELLED), method="c14n"
    )


def test_an_assigned_value_is_written_in_the_sdks_own_spelling() -> None:
    """Assigning drops the spelling read: the value is written as the writer spells it."""
    answers = AnswerSet.from_xml(SPELLED)
    answers["Padded"] = answers["Padded"]
    answers["Big"] = answers["Big"]
    answers["List"] = answers["List"]
    written = answers.to_xml()
    assert "<DateValue>1/2/1970</DateValue>" in written
    assert "<NumValue>1000000000000000</NumValue>" in written
    assert "<DateValue>1/1/2000</DateValue><DateValue>2/3/2001</DateValue>" in written
    assert "<TFValue>True</TFValue>" in written  # untouched


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("<NumValue>+5</NumValue>", "<NumValue>5</NumValue>"),  # the schema refuses "+5"
        ("<NumValue>5.</NumValue>", "<NumValue>5</NumValue>"),
        ("<NumValue/>", '<NumValue unans="true"/>'),  # empty reads as unanswered
        ('<TextValue UNANS="TRUE"/>', '<TextValue unans="true"/>'),
        ('<TextValue unans="false">a</TextValue>', "<TextValue>a</TextValue>"),
        ("<RptValue><TextValue>a</TextValue></RptValue>", '<TextValue unans="true"/></RptValue>'),
    ],
)
def test_the_documented_normalisations(given: str, written: str) -> None:
    """Each normalisation the AnswerSet docstring lists, and it keeps the value."""
    xml = f"<AnswerSet><Answer name='A'>{given}</Answer></AnswerSet>"
    answers = AnswerSet.from_xml(xml)
    out = answers.to_xml()
    assert written in out
    assert out.startswith('<AnswerSet title="" version="1.1">')  # title and version added
    assert AnswerSet.from_xml(out) == answers
    validate_answer_xml(out)
