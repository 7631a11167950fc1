# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import check_member

T = TypeVar("T", bound="VersionStatus")


@_attrs_define(frozen=True)
class VersionStatus:
    """Status of a work item version. `status` is a free string: known values are Saving, Saved,
    Completing, Completed, PostProcessingFailed and InProgress (CHOICE spelling); any other value
    must be treated as not final. The full set is not documented by the vendor.

        Attributes:
    status (str):  Example: Saved."""

    status: str
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )
    #: Values of ``status`` after which nothing changes on its own (spec: x-sdk-final).
    FINAL_VALUES: ClassVar[frozenset[str]] = frozenset(
        {"Saved", "Completed", "PostProcessingFailed"}
    )

    @property
    def is_final(self) -> bool:
        """Whether ``status`` is one of ``FINAL_VALUES``; unknown values are not final."""
        return self.status in self.FINAL_VALUES

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_status = d.pop("status")
        check_member("status", _raw_status, "str")
        status = _raw_status

        version_status = cls(
            status=status,
            extra=d,
        )

        return version_status

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
