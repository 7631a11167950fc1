# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member

T = TypeVar("T", bound="CompleteAssemblySessionRequest")


@_attrs_define
class CompleteAssemblySessionRequest:
    """Body of `completeAssemblySession`.

        Attributes:
    run_assembly (bool | Unset): True assembles the documents; false only closes the session. Default: True."""

    run_assembly: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        run_assembly = self.run_assembly

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if run_assembly is not UNSET:
            field_dict["runAssembly"] = run_assembly

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_run_assembly = d.pop("runAssembly", UNSET)
        check_member("runAssembly", _raw_run_assembly, "bool")
        run_assembly = _raw_run_assembly

        complete_assembly_session_request = cls(
            run_assembly=run_assembly,
        )

        complete_assembly_session_request.additional_properties = d
        return complete_assembly_session_request

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
