"""hotdocs-answers through typer's CliRunner: validate and convert, output, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hotdocs_advance import AnswerSet, RawValue
from hotdocs_advance._answers_cli import app
from typer.testing import CliRunner, Result

GOOD = """<?xml version="1.0" encoding="utf-16" standalone="yes"?>
<AnswerSet title="Renewal" version="1.1" useMangledNames="false">
<Answer name="Client" save="false"><TextValue>Ann \\ Co</TextValue></Answer>
<Answer name="Born"><DateValue>01-02-1990</DateValue></Answer>
<Answer name="Amount"><NumValue>1E+3</NumValue></Answer>
<Answer name="Agree"><TFValue>True</TFValue></Answer>
<Answer name="Colours"><MCValue><SelValue>Red</SelValue><SelValue>Blue</SelValue></MCValue></Answer>
<Answer name="Kids"><RptValue><TextValue>a</TextValue><TextValue unans="true"/><TextValue>c</TextValue></RptValue></Answer>
<Answer name="Spouse"><TextValue unans="true"/></Answer>
<Answer name="Record"><DBValue><DBColumn name="Id"><NumValue>4</NumValue></DBColumn></DBValue></Answer>
</AnswerSet>
"""

# Two uninterpretable values (lines 4 and 5), and a name the schema refuses (line 3: empty).
BAD = """<AnswerSet title="" version="1.1">
<Answer name="Client"><TextValue>Ann</TextValue></Answer>
<Answer name="Agree"><TFValue>Agree</TFValue></Answer>
<Answer name="Born"><DateValue>31/02/1990</DateValue></Answer>
</AnswerSet>
"""


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "good.anx").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.xml").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_validate_says_ok_for_each_good_file_and_exits_0(files: Path) -> None:
    """Each valid file gets 'FILE: ok'; nothing on stderr; status 0."""
    good = str(files / "good.anx")
    result = run("validate", good, good)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [f"{good}: ok", f"{good}: ok"]
    assert result.stderr == ""


def test_validate_lists_every_problem_of_every_file_with_line_and_answer(files: Path) -> None:
    """A bad file's every problem is a line FILE:LINE: answer 'NAME': reason; status 1."""
    other = files / "other.anx"
    other.write_text(BAD.replace("Agree</TFValue>", "yes</TFValue>"), encoding="utf-8")
    good, bad = str(files / "good.anx"), str(files / "bad.xml")
    result = run("validate", bad, good, str(other))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{bad}:3: answer 'Agree': ")
    assert "'Agree'" in lines[0]
    assert lines[1].startswith(f"{bad}:4: answer 'Born': ")
    assert "31/02/1990" in lines[1]
    assert lines[2] == f"{good}: ok"
    assert lines[3].startswith(f"{other}:3: answer 'Agree': ")
    assert "'yes'" in lines[3]
    assert lines[4].startswith(f"{other}:4: answer 'Born': ")
    assert len(lines) == 5
    assert "2 of 3 file(s) failed validation" in result.stderr


def test_validate_gives_the_column_of_a_file_that_is_not_well_formed(files: Path) -> None:
    """Not well-formed XML: one problem with line and column, from the parser."""
    broken = files / "broken.anx"
    broken.write_text('<AnswerSet>\n<Answer name="x"><TextValue>a</TextValue>', encoding="utf-8")
    result = run("validate", str(broken), "--json")
    assert result.exit_code == 1
    (entry,) = json.loads(result.stdout)
    assert entry["ok"] is False
    (problem,) = entry["problems"]
    assert problem["line"] == 2
    assert isinstance(problem["column"], int)
    assert "well-formed" in problem["reason"]


def test_validate_json_reports_files_problems_and_ok(files: Path) -> None:
    """--json: one object per file with ok and every problem (line, column, answer, reason)."""
    result = run("validate", "--json", str(files / "good.anx"), str(files / "bad.xml"))
    assert result.exit_code == 1
    good, bad = json.loads(result.stdout)
    assert good == {"file": str(files / "good.anx"), "ok": True, "problems": []}
    assert bad["ok"] is False
    assert [(p["line"], p["answer"]) for p in bad["problems"]] == [(3, "Agree"), (4, "Born")]
    assert set(bad["problems"][0]) == {"line", "column", "answer", "reason"}


def test_validate_reports_a_missing_file_and_goes_on(files: Path) -> None:
    """An unreadable file is a failure of its own; the other files are still checked."""
    result = run("validate", str(files / "missing.anx"), str(files / "good.anx"))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{files / 'missing.anx'}: cannot be read")
    assert result.stdout.splitlines()[1] == f"{files / 'good.anx'}: ok"


def test_validate_checks_a_json_file_and_stdin(files: Path) -> None:
    """A .json file is read as AnswerSet.from_dict's shape; - reads stdin (XML here)."""
    (files / "good.json").write_text(json.dumps({"answers": {"A": "x"}}), encoding="utf-8")
    (files / "bad.json").write_text(json.dumps({"answers": {"A": {"date": "no"}}}), "utf-8")
    result = run("validate", str(files / "good.json"), str(files / "bad.json"))
    assert result.exit_code == 1
    first, second = result.stdout.splitlines()
    assert first == f"{files / 'good.json'}: ok"
    assert second.startswith(f"{files / 'bad.json'}: answer 'A': date:")
    piped = run("validate", "-", stdin=BAD.encode())
    assert piped.exit_code == 1
    assert piped.stdout.startswith("-:3: answer 'Agree'")


def test_convert_xml_to_json_and_back_keeps_everything_the_answer_set_keeps(
    files: Path,
) -> None:
    """XML -> JSON -> XML: equal answer sets at each step (values, title, every attribute)."""
    original = AnswerSet.from_xml(GOOD.encode())
    assert original.problems == ()
    as_json, back = files / "answers.json", files / "back.anx"
    assert run("convert", str(files / "good.anx"), str(as_json)).exit_code == 0
    assert AnswerSet.from_dict(json.loads(as_json.read_text(encoding="utf-8"))) == original
    result = run("convert", str(as_json), str(back))
    assert result.exit_code == 0, result.output
    again = AnswerSet.from_xml(back.read_bytes())
    assert again == original
    assert again.answer_attributes("Client") == {"save": "false"}
    assert again.attributes == {"useMangledNames": "false"}
    assert again["Record"] == RawValue(
        '<DBValue><DBColumn name="Id"><NumValue>4</NumValue></DBColumn></DBValue>'
    )


def test_convert_reads_stdin_and_writes_stdout_in_the_other_format(files: Path) -> None:
    """- to -: XML in gives JSON out and JSON in gives XML out; --to overrides."""
    to_json = run("convert", "-", "-", stdin=GOOD.encode("utf-16"))
    assert to_json.exit_code == 0, to_json.output
    data = json.loads(to_json.stdout)
    assert AnswerSet.from_dict(data) == AnswerSet.from_xml(GOOD.encode())
    to_xml = run("convert", "-", "-", stdin=to_json.stdout.encode())
    assert to_xml.exit_code == 0
    assert AnswerSet.from_xml(to_xml.stdout_bytes) == AnswerSet.from_xml(GOOD.encode())
    same = run("convert", "-", "-", "--to", "xml", stdin=GOOD.encode())
    assert AnswerSet.from_xml(same.stdout_bytes) == AnswerSet.from_xml(GOOD.encode())
    written = run("convert", "-", str(files / "out.json"), stdin=GOOD.encode())
    assert written.exit_code == 0
    assert json.loads((files / "out.json").read_text(encoding="utf-8")) == data


def test_convert_refuses_uninterpretable_values_for_json_naming_each(files: Path) -> None:
    """Problems -> JSON: refused with every problem named (line, answer), status 1; OUT as it was."""
    target = files / "bad.json"
    target.write_text("before", encoding="utf-8")
    result = run("convert", str(files / "bad.xml"), str(target))
    assert result.exit_code == 1
    assert "2 answer(s) hold values that cannot be interpreted" in result.stderr
    assert "line 3, answer 'Agree'" in result.stderr
    assert "line 4, answer 'Born'" in result.stderr
    assert "--drop-uninterpretable" in result.stderr
    assert target.read_text(encoding="utf-8") == "before"
    assert sorted(path.name for path in files.iterdir()) == ["bad.json", "bad.xml", "good.anx"]


def test_convert_drops_uninterpretable_answers_only_when_asked(files: Path) -> None:
    """--drop-uninterpretable: JSON without those answers, each named on stderr."""
    target = files / "bad.json"
    result = run("convert", str(files / "bad.xml"), str(target), "--drop-uninterpretable")
    assert result.exit_code == 0
    assert "left out: line 3, answer 'Agree'" in result.stderr
    assert "left out: line 4, answer 'Born'" in result.stderr
    assert AnswerSet.from_dict(json.loads(target.read_text(encoding="utf-8"))) == (
        AnswerSet.from_dict({"answers": {"Client": "Ann"}})
    )


def test_convert_xml_to_xml_keeps_uninterpretable_values_unchanged(files: Path) -> None:
    """XML -> XML keeps them raw (a warning for each), so the file says what it said."""
    result = run("convert", str(files / "bad.xml"), str(files / "same.anx"))
    assert result.exit_code == 0
    assert result.stderr.count("warning: kept unchanged, uninterpretable") == 2
    again = AnswerSet.from_xml((files / "same.anx").read_bytes())
    assert [p.name for p in again.problems] == ["Agree", "Born"]
    assert "<TFValue>Agree</TFValue>" in again.to_xml()


def test_convert_refuses_an_unknown_extension_or_format(files: Path) -> None:
    """OUT.txt, --to yaml, and stdin that is neither XML nor JSON are refused before writing."""
    good = str(files / "good.anx")
    txt = run("convert", good, str(files / "out.txt"))
    assert txt.exit_code == 1
    assert "neither XML" in txt.stderr
    assert not (files / "out.txt").exists()
    bad_to = run("convert", good, "-", "--to", "yaml")
    assert bad_to.exit_code == 2
    assert "--to is xml or json" in bad_to.stderr
    garbage = run("convert", "-", "-", stdin=b"hello")
    assert garbage.exit_code == 1
    assert "neither answer XML" in garbage.stderr


def test_convert_of_a_bad_json_file_names_its_line_and_column(files: Path) -> None:
    """JSON that does not parse: line and column; the output file is not created."""
    (files / "broken.json").write_text('{"answers":\n  {"A": }}', encoding="utf-8")
    result = run("convert", str(files / "broken.json"), str(files / "out.anx"))
    assert result.exit_code == 1
    assert "line 2, column 9: not JSON" in result.stderr
    assert not (files / "out.anx").exists()


def test_help_shows_an_example_and_version_the_distribution() -> None:
    """--help of the app and of each command shows an example; --version the version."""
    assert "hotdocs-answers convert answers.anx answers.json" in run("--help").stdout
    assert "hotdocs-answers validate answers.anx" in run("validate", "--help").stdout
    assert "Examples" in run("convert", "--help").stdout
    version = run("--version")
    assert version.exit_code == 0
    assert version.stdout.startswith("hotdocs-answers ")
    assert "hotdocs-inforouter-clients" in version.stdout
