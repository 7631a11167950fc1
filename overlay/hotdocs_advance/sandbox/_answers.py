"""Checking ``answerXml`` against the HotDocs answer-set XSD, as the server would."""

from __future__ import annotations

import re
from typing import Final

from _sandbox_kit._xml import (
    hardened_parser,
    has_entity_references,
    load_schema,
    strip_namespaces,
)
from hotdocs_advance_api import ANSWER_SET_XSD
from lxml import etree

from .._answer_lexical import lexical_problem

# Rules the XSD cannot express (stated in its RptValue annotation).
MAX_REPEAT_DEPTH: Final = 4
_ANSWER_PATH: Final = re.compile(r"^/AnswerSet/Answer(\[\d+\])?")


class AnswerXmlError(ValueError):
    """``answerXml`` is not a valid answer set; the message gives the line and answer."""


class AnswerSetChecker:
    """Validates answer-set XML strings (one per app: lxml schemas are not thread-safe)."""

    def __init__(self) -> None:
        self._schema = load_schema(ANSWER_SET_XSD)
        self._parser = hardened_parser()

    def check(self, text: str) -> None:
        """Raise unless ``text`` is a valid answer set.

        CHOICE (reference section 7.1): a namespace on the input is ignored, and a DTD is
        ignored rather than loaded.

        Args:
            text: The XML, as it came in the JSON body.

        Raises:
            AnswerXmlError: With the line number and, when known, the answer's name.
        """
        try:
            root = etree.fromstring(text.encode("utf-8"), self._parser)
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if exc.lineno else "?"
            raise AnswerXmlError(
                f"answerXml is not well-formed XML: line {line}: {exc.msg}"
            ) from None
        if has_entity_references(root):
            raise AnswerXmlError("answerXml must not use entity references declared in a DTD")
        strip_namespaces(root)
        if not self._schema.validate(root):
            error = self._schema.error_log[0]
            raise AnswerXmlError(
                f"answerXml is not a valid answer set: line {error.line}"
                f"{_answer_label(root, error.path)}: {error.message}"
            )
        problem = lexical_problem(root)
        if problem is not None:
            element, message = problem
            answer = next(element.iterancestors("Answer"), None)
            label = "" if answer is None else f", answer {answer.get('name')!r}"
            raise AnswerXmlError(
                f"answerXml is not a valid answer set: line {element.sourceline}{label}: {message}"
            )
        for answer in root.iterfind("Answer"):
            _check_repeats(answer)


def _answer_label(root: etree._Element, path: str | None) -> str:
    match = _ANSWER_PATH.match(path or "")
    if not match:
        return ""
    found = root.xpath(match.group(0))
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return f", answer {found[0].get('name')!r}"
    return ""


def _check_repeats(answer: etree._Element) -> None:
    name = answer.get("name")
    leaf_types: set[str] = set()

    def walk(element: etree._Element, depth: int) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "RptValue":
                if depth + 1 > MAX_REPEAT_DEPTH:
                    raise AnswerXmlError(
                        f"answerXml is not a valid answer set: line {child.sourceline}, "
                        f"answer {name!r}: repeats nest at most {MAX_REPEAT_DEPTH} levels"
                    )
                walk(child, depth + 1)
            elif depth > 0:
                leaf_types.add(child.tag)
                if len(leaf_types) > 1:
                    raise AnswerXmlError(
                        f"answerXml is not a valid answer set: line {child.sourceline}, "
                        f"answer {name!r}: a repeated answer mixes value types "
                        f"{sorted(leaf_types)}"
                    )

    walk(answer, 0)
