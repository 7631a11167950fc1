# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member

T = TypeVar("T", bound="BeginAssemblySessionRequest")


@_attrs_define
class BeginAssemblySessionRequest:
    """Body of `beginAssemblySession`.

        Attributes:
    answer_xml (str | Unset): Optional HotDocs answer set XML to start from. Omit it to resume the last saved
                answers.force_create (bool | Unset): When true, a session is created even though another one is active for the work
                item."""

    answer_xml: str | Unset = UNSET
    force_create: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        answer_xml = self.answer_xml

        force_create = self.force_create

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if answer_xml is not UNSET:
            field_dict["answerXml"] = answer_xml
        if force_create is not UNSET:
            field_dict["forceCreate"] = force_create

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_answer_xml = d.pop("answerXml", UNSET)
        check_member("answerXml", _raw_answer_xml, "str")
        answer_xml = _raw_answer_xml

        _raw_force_create = d.pop("forceCreate", UNSET)
        check_member("forceCreate", _raw_force_create, "bool")
        force_create = _raw_force_create

        begin_assembly_session_request = cls(
            answer_xml=answer_xml,
            force_create=force_create,
        )

        begin_assembly_session_request.additional_properties = d
        return begin_assembly_session_request

    @property
    def extra(self) -> dict[str, Any]:
        """Members the spec does not name, as the server sent them (``additional_properties``)."""
        return self.additional_properties

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
