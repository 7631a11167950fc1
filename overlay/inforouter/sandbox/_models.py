"""Reading ``xmlParameters`` against ``inforouter-task-models.xsd`` (the single source).

The XSD's sequences describe what the client writes; the server's tolerance is not
documented. CHOICE (reference section 6, and the XSD's own header): the sandbox accepts
the elements in any order and only requires ``RequestedAssigneeName`` and ``DueDate``.
It does so by putting the elements into the XSD's order and filling in the documented
defaults, then validating with the XSD itself, so enum spellings (case-sensitive) and
lexical forms are exactly the XSD's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from _sandbox_kit._xml import hardened_parser, has_entity_references
from lxml import etree

XS: Final = "{http://www.w3.org/2001/XMLSchema}"
RELATED_MODEL: Final = "RelatedTaskRequestModel"
CREATION_MODEL: Final = "TaskCreationRequestModel"
REQUIREMENTS: Final = "TaskRequirements"
# CHOICE (reference section 6): defaults by XSD type for elements left out. Types not
# listed here (the assignee name and the due date) are required.
DEFAULTS_BY_TYPE: Final = {
    "xs:string": "",
    "Hours": "0",
    "LowerCaseBoolean": "false",
    "PriorityName": "Normal",
    "RightTypeName": "READ",
    "TaskRequirementList": "",
}
REQUIRED_TYPES: Final = frozenset({"AssigneeName", "NaiveDateTime"})


class ModelError(ValueError):
    """``xmlParameters`` is not a valid model document; the message says why."""


@dataclass(frozen=True, slots=True)
class Requirement:
    """One ``TaskRequirement``."""

    type: str
    object_id: int
    definition: str


@dataclass(frozen=True, slots=True)
class ModelValues:
    """The values of a model document, by element name (requirements apart)."""

    values: dict[str, str]
    requirements: tuple[Requirement, ...]

    def text(self, name: str) -> str:
        """Return an element's text.

        Args:
            name: The element name.

        Returns:
            The text (defaults applied).
        """
        return self.values[name]

    def number(self, name: str) -> int:
        """Return an integer element.

        Args:
            name: The element name.

        Returns:
            The value.
        """
        return int(self.values[name])

    def flag(self, name: str) -> bool:
        """Return a boolean element (``true``/``false``).

        Args:
            name: The element name.

        Returns:
            The value.
        """
        return self.values[name] == "true"


class TaskModels:
    """The task-model XSD, compiled, with the sequences and enums it declares.

    One per app: lxml schemas and parsers are not thread-safe.

    Args:
        xsd: The XSD bytes (``inforouter_api.TASK_MODELS_XSD``).
    """

    def __init__(self, xsd: bytes) -> None:
        parser = hardened_parser()
        document = etree.fromstring(xsd, parser)
        self._schema = etree.XMLSchema(document)
        self._parser = hardened_parser()
        self.sequences: dict[str, list[tuple[str, str]]] = {}
        for element in document.iterfind(f"{XS}element"):
            sequence = element.find(f"{XS}complexType/{XS}sequence")
            if sequence is None:
                continue
            self.sequences[element.get("name", "")] = [
                (child.get("name", ""), child.get("type", ""))
                for child in sequence.iterfind(f"{XS}element")
            ]
        self.enums: dict[str, tuple[str, ...]] = {
            simple.get("name", ""): tuple(
                e.get("value", "") for e in simple.iterfind(f"{XS}restriction/{XS}enumeration")
            )
            for simple in document.iterfind(f"{XS}simpleType")
        }
        for model, children in self.sequences.items():
            for name, kind in children:
                if kind not in DEFAULTS_BY_TYPE and kind not in REQUIRED_TYPES:
                    raise RuntimeError(f"{model}/{name} has type {kind}, unknown to the sandbox")

    def read(self, text: str, model: str) -> ModelValues:
        """Parse, normalise and validate one ``xmlParameters`` document.

        Args:
            text: The document.
            model: The expected root (`RELATED_MODEL` or `CREATION_MODEL`).

        Returns:
            The values, defaults applied.

        Raises:
            ModelError: For a malformed document, another root, a missing required
                element or anything the XSD rejects.
        """
        try:
            root = etree.fromstring(text.encode("utf-8"), self._parser)
        except etree.XMLSyntaxError as exc:
            raise ModelError(f"xmlParameters is not well-formed XML: {exc.msg}") from None
        if has_entity_references(root):
            raise ModelError("xmlParameters must not use entity references declared in a DTD")
        if root.tag != model:
            raise ModelError(
                f"xmlParameters must be a {model} document, not <{etree.QName(root).text}>"
            )
        order = self.sequences[model]
        children = [child for child in root if isinstance(child.tag, str)]
        by_name: dict[str, list[etree._Element]] = {}
        for child in children:
            by_name.setdefault(str(child.tag), []).append(child)
            root.remove(child)
        for name, kind in order:
            found = by_name.pop(name, None)
            if found is None:
                if kind in REQUIRED_TYPES:
                    raise ModelError(f"xmlParameters lacks the required element {name}")
                etree.SubElement(root, name).text = DEFAULTS_BY_TYPE[kind] or None
                continue
            root.extend(found)
        for extra in by_name.values():
            root.extend(extra)  # left for the XSD to reject by name
        if not self._schema.validate(root):
            error = self._schema.error_log[0]
            raise ModelError(f"xmlParameters is not a valid {model}: {error.message}")
        values = {str(child.tag): child.text or "" for child in root if child.tag != REQUIREMENTS}
        requirements = tuple(
            Requirement(
                type=req.findtext("RequirementType") or "",
                object_id=int(req.findtext("ObjectId") or "0"),
                definition=req.findtext("Definition") or "",
            )
            for req in root.iterfind(f"{REQUIREMENTS}/TaskRequirement")
        )
        return ModelValues(values, requirements)
