"""``hotdocs-answers``: validate answer files, and convert them between answer XML and JSON.

The format of a file is its extension: ``.anx`` and ``.xml`` are HotDocs answer XML, ``.json``
is ``AnswerSet.to_dict()``'s JSON. ``-`` is stdin or stdout: stdin's format is read from its
first character (``<`` or ``{``), and stdout gets the other format unless ``--to`` says.

A file read from XML may hold values the SDK cannot interpret (``AnswerSet.problems``: they are
kept as raw XML). CHOICE: such a file is not converted to JSON, and the problems are listed
(exit 1), because ``AnswerSet.from_dict`` refuses a raw ``<TFValue>`` or ``<DateValue>``:
the JSON would not convert back. ``--drop-uninterpretable`` converts without those answers,
naming each on stderr. XML to XML keeps them, unchanged, with a warning for each.

``read_answer_file`` is also how ``hotdocs-advance`` reads ``--answers FILE``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Annotated, Final, Literal

import typer
from _client_core._cli import ErrorTable, ExitCode, Output, fail, new_app, version_option, warn

from ._answers import AnswerSet, validate_answer_xml
from ._errors import AnswerProblem, AnswerSetError

__all__ = [
    "STDIO",
    "Format",
    "app",
    "format_of",
    "main",
    "prepare_to_write",
    "read_answer_file",
    "write_answer_file",
]

Format = Literal["xml", "json"]
STDIO: Final = "-"
_EXTENSIONS: Final[dict[str, Format]] = {".anx": "xml", ".xml": "xml", ".json": "json"}
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_UTF16_STARTS: Final = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")


def format_of(path: str, content: bytes | None = None) -> Format:
    """Tell a file's format by its extension, or stdin's by its first character.

    Args:
        path: The file name, or ``-``.
        content: What stdin held (for ``-``).

    Returns:
        ``xml`` or ``json``.

    Raises:
        AnswerSetError: The extension is not ``.anx``, ``.xml`` or ``.json``, or stdin starts
            with neither ``<`` nor ``{``.
    """
    if path != STDIO:
        found = _EXTENSIONS.get(Path(path).suffix.lower())
        if found is None:
            raise AnswerSetError(
                f"{path}: the extension says neither XML (.anx, .xml) nor JSON (.json)"
            )
        return found
    data = (content or b"").removeprefix(_UTF8_BOM)
    if data.startswith(_UTF16_STARTS):
        return "xml"
    start = data.lstrip()[:1]
    if start == b"<":
        return "xml"
    if start == b"{":
        return "json"
    raise AnswerSetError("stdin holds neither answer XML (starting with <) nor JSON ({)")


def _read_bytes(path: str) -> bytes:
    if path == STDIO:
        return typer.get_binary_stream("stdin").read()
    return Path(path).read_bytes()


def _from_json(content: bytes) -> AnswerSet:
    try:
        data = json.loads(content)
    except UnicodeDecodeError as exc:
        raise AnswerSetError(f"not UTF-8 JSON: {exc.reason}") from None
    except json.JSONDecodeError as exc:
        raise AnswerSetError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    return AnswerSet.from_dict(data)


def read_answer_file(path: str, *, strict: bool = False) -> AnswerSet:
    """Read an answer file (``.anx``, ``.xml`` or ``.json``, or ``-`` for stdin).

    Args:
        path: The file.
        strict: Refuse XML holding values the SDK cannot interpret (listing them all) instead
            of keeping them raw in ``problems``.

    Returns:
        The answer set.

    Raises:
        AnswerSetError: The file is not an answer file; with ``strict``, also one that holds
            uninterpretable values (``problems`` lists them).
        OSError: The file cannot be read.
    """
    content = _read_bytes(path)
    if format_of(path, content) == "json":
        return _from_json(content)
    answers = AnswerSet.from_xml(content)
    if strict and answers.problems:
        raise _uninterpretable(answers.problems, "")
    return answers


def _uninterpretable(problems: tuple[AnswerProblem, ...], advice: str) -> AnswerSetError:
    lines = "\n".join(f"  {problem}" for problem in problems)
    return AnswerSetError(
        f"{len(problems)} answer(s) hold values that cannot be interpreted{advice}:\n{lines}",
        problems=problems,
    )


def prepare_to_write(
    answers: AnswerSet, kind: Format, *, drop_uninterpretable: bool = False, advice: str
) -> None:
    """Deal with the values the SDK cannot interpret before ``answers`` is written as ``kind``.

    XML keeps them unchanged, with a warning for each. JSON could not carry them back
    (``AnswerSet.from_dict`` refuses a raw ``<TFValue>``): they are refused, all listed, or
    with ``drop_uninterpretable`` left out of ``answers``, each named in a warning.

    Args:
        answers: The answer set (changed only with ``drop_uninterpretable``).
        kind: The format it is about to be written in.
        drop_uninterpretable: Leave such answers out of JSON instead of refusing.
        advice: What the refusal tells the user to do.

    Raises:
        AnswerSetError: JSON, such values, and not ``drop_uninterpretable``.
    """
    problems = answers.problems
    if problems and kind == "json":
        if not drop_uninterpretable:
            raise _uninterpretable(problems, f" (JSON could not carry them back; {advice})")
        for problem in problems:
            warn(f"left out: {problem}")
            if problem.name is not None:
                del answers[problem.name]
    else:
        for problem in problems:
            warn(f"kept unchanged, uninterpretable: {problem}")


def write_answer_file(path: str, answers: AnswerSet, kind: Format) -> None:
    """Write an answer set; a file is replaced whole or not at all (no partial file).

    Args:
        path: The file, or ``-`` for stdout.
        answers: The answer set.
        kind: The format.

    Raises:
        OSError: The file cannot be written.
    """
    if kind == "json":
        data = (json.dumps(answers.to_dict(), indent=2, ensure_ascii=False) + "\n").encode()
    else:
        data = answers.to_bytes() + b"\n"
    if path == STDIO:
        stream = typer.get_binary_stream("stdout")
        stream.write(data)
        stream.flush()
        return
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent or ".", prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- The program -------------------------------------------------------------------------------

ERRORS: Final[ErrorTable] = (
    (AnswerSetError, ExitCode.FAILED),
    (OSError, ExitCode.FAILED),
)

app = new_app(
    help="Validate HotDocs answer files, and convert them between answer XML and JSON.",
    epilog=(
        "Examples:\n\n"
        "hotdocs-answers validate answers.anx other.xml\n\n"
        "hotdocs-answers convert answers.anx answers.json\n\n"
        "cat answers.json | hotdocs-answers convert - - > answers.anx"
    ),
    errors=ERRORS,
)


@app.callback()
def _root(
    version: Annotated[bool, version_option("hotdocs-answers")] = False,
) -> None:
    """Validate HotDocs answer files, and convert them between answer XML and JSON."""


def _file_problems(path: str) -> list[dict[str, object]]:
    """Every problem of one file (empty when it is valid)."""
    try:
        content = _read_bytes(path)
    except OSError as exc:
        return [_problem(None, None, None, f"cannot be read: {exc.strerror or exc}")]
    try:
        if path != STDIO and Path(path).suffix.lower() == ".json":
            # Values are checked as they are read; what the schema adds has no line of the file.
            validate_answer_xml(_from_json(content).to_xml())
        else:
            validate_answer_xml(content)
    except AnswerSetError as error:
        if error.problems:
            json_file = path != STDIO and Path(path).suffix.lower() == ".json"
            return [
                _problem(
                    None if json_file else problem.line,
                    None if json_file else problem.column,
                    problem.name,
                    problem.reason,
                )
                for problem in error.problems
            ]
        return [_problem(error.line, error.column, error.answer, error.reason)]
    return []


def _problem(
    line: int | None, column: int | None, answer: str | None, reason: str
) -> dict[str, object]:
    return {"line": line, "column": column, "answer": answer, "reason": reason}


def _where(path: str, problem: dict[str, object]) -> str:
    place = path
    if problem["line"] is not None:
        place += f":{problem['line']}"
        if problem["column"] is not None:
            place += f":{problem['column']}"
    answer = f" answer {problem['answer']!r}:" if problem["answer"] is not None else ""
    return f"{place}:{answer} {problem['reason']}"


@app.command(
    epilog="Example:\n\nhotdocs-answers validate answers.anx other.xml data.json",
)
def validate(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="Answer files (.anx, .xml, .json), or -.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the results as JSON instead of lines.")
    ] = False,
) -> None:
    """Check answer files against the answer-set schema and its rules.

    Every problem of every file is listed, as FILE:LINE:COLUMN: answer 'NAME': reason; a good
    file prints FILE: ok. The exit status is 1 if any file fails. A JSON file's values are
    checked as they are read (no line numbers: the first problem of a value stops its file).
    """
    output = Output(as_json)
    results = [(path, _file_problems(path)) for path in files]
    if as_json:
        output.json(
            [{"file": path, "ok": not problems, "problems": problems} for path, problems in results]
        )
    else:
        for path, problems in results:
            if not problems:
                typer.echo(f"{path}: ok")
            for problem in problems:
                typer.echo(_where(path, problem))
    failed = sum(1 for _, problems in results if problems)
    if failed:
        fail(f"{failed} of {len(results)} file(s) failed validation", ExitCode.FAILED)


@app.command(
    epilog=(
        "Examples:\n\n"
        "hotdocs-answers convert answers.anx answers.json\n\n"
        "hotdocs-answers convert answers.json - > answers.xml"
    ),
)
def convert(
    source: Annotated[str, typer.Argument(metavar="IN", help="The answer file, or - for stdin.")],
    target: Annotated[
        str, typer.Argument(metavar="OUT", help="The file to write, or - for stdout.")
    ],
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="The output format (xml or json); by default OUT's extension, or for - the "
            "other format than IN's.",
        ),
    ] = None,
    drop_uninterpretable: Annotated[
        bool,
        typer.Option(
            "--drop-uninterpretable",
            help="Convert XML to JSON without the answers whose values cannot be interpreted "
            "(each is named on stderr) instead of refusing.",
        ),
    ] = False,
) -> None:
    """Convert an answer file between answer XML and JSON (AnswerSet.to_dict's shape).

    Every value, title, version and attribute the SDK keeps comes through: converting back
    gives an equal answer set. Values keep their meaning, not their spelling: a date read as
    01-02-1990 is written 1/2/1990. A file whose values cannot all be interpreted is refused
    for JSON (the JSON could not be read back), and XML to XML keeps them unchanged.
    """
    content = _read_bytes(source)
    source_kind = format_of(source, content)
    if to is not None:
        if to not in ("xml", "json"):
            fail(f"--to is xml or json, not {to!r}", ExitCode.USAGE)
        target_kind: Format = "xml" if to == "xml" else "json"
    elif target == STDIO:
        target_kind = "json" if source_kind == "xml" else "xml"
    else:
        target_kind = format_of(target)
    answers = _from_json(content) if source_kind == "json" else AnswerSet.from_xml(content)
    prepare_to_write(
        answers,
        target_kind,
        drop_uninterpretable=drop_uninterpretable,
        advice="fix them, or convert with --drop-uninterpretable to leave them out",
    )
    write_answer_file(target, answers, target_kind)


def main() -> None:
    """Run ``hotdocs-answers`` (the console script)."""
    app()
