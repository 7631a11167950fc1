# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Self,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member, or_unset

T = TypeVar("T", bound="WorkGroup")


@_attrs_define(frozen=True)
class WorkGroup:
    """A work group as the server reports it. This shape is not documented by the vendor (CHOICE:
    `id`, `name`, `description`); all members are optional and others may appear.

        Attributes:
    id (UUID | None):name (str | None):description (None | str | None):"""

    id: UUID | None = None
    name: str | None = None
    description: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(or_unset(self.id), Unset):
            id = str(or_unset(self.id))

        name = or_unset(self.name)

        description: None | str | Unset
        if isinstance(or_unset(self.description), Unset):
            description = UNSET
        else:
            description = or_unset(self.description)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description

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

        _raw_name = d.pop("name", UNSET)
        check_member("name", _raw_name, "str")
        name = _raw_name

        _raw_description = d.pop("description", UNSET)
        check_member("description", _raw_description, "None | str")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(_raw_description)

        work_group = cls(
            id=None if isinstance(id, Unset) else id,
            name=None if isinstance(name, Unset) else name,
            description=None if isinstance(description, Unset) else description,
            extra=d,
        )

        return work_group

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
