"""Answer files as other writers make them: mismatched encodings, DOCTYPEs, raw selections."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from hotdocs_advance import AnswerSet, AnswerSetError, MultipleChoice, validate_answer_xml

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
