# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member, or_unset

T = TypeVar("T", bound="WorkItemVersion")


@_attrs_define(frozen=True)
class WorkItemVersion:
    """One version of a work item as a list reports it. This shape is not documented by the vendor
    (CHOICE: `id` and `status`, whose values are those of `VersionStatus`); all members are
    optional and others may appear.

        Attributes:
    id (UUID | None):status (str | None): The version's status (see `VersionStatus`)."""

    id: UUID | None = None
    status: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(or_unset(self.id), Unset):
            id = str(or_unset(self.id))

        status = or_unset(self.status)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_id = d.pop("id", UNSET)
        check_member("id", _raw_id, "str")
        _id = _raw_id
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _raw_status = d.pop("status", UNSET)
        check_member("status", _raw_status, "str")
        status = _raw_status

        work_item_version = cls(
            id=None if isinstance(id, Unset) else id,
            status=None if isinstance(status, Unset) else status,
            extra=d,
        )

        return work_item_version

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
