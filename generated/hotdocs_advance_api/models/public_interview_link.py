# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PublicInterviewLink")


@_attrs_define
class PublicInterviewLink:
    """A public interview link as the server reports it. This shape is not documented by the vendor
    (CHOICE: the creation fields plus `id`); all members are optional and others may appear.

        Attributes:
            id (UUID | Unset):
            name (str | Unset):
            template_package_id (UUID | Unset):
            work_group_id (UUID | Unset):
            is_active (bool | Unset):
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    template_package_id: UUID | Unset = UNSET
    work_group_id: UUID | Unset = UNSET
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        template_package_id: str | Unset = UNSET
        if not isinstance(self.template_package_id, Unset):
            template_package_id = str(self.template_package_id)

        work_group_id: str | Unset = UNSET
        if not isinstance(self.work_group_id, Unset):
            work_group_id = str(self.work_group_id)

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if template_package_id is not UNSET:
            field_dict["templatePackageId"] = template_package_id
        if work_group_id is not UNSET:
            field_dict["workGroupId"] = work_group_id
        if is_active is not UNSET:
            field_dict["isActive"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        name = d.pop("name", UNSET)

        _template_package_id = d.pop("templatePackageId", UNSET)
        template_package_id: UUID | Unset
        if isinstance(_template_package_id, Unset):
            template_package_id = UNSET
        else:
            template_package_id = UUID(_template_package_id)

        _work_group_id = d.pop("workGroupId", UNSET)
        work_group_id: UUID | Unset
        if isinstance(_work_group_id, Unset):
            work_group_id = UNSET
        else:
            work_group_id = UUID(_work_group_id)

        is_active = d.pop("isActive", UNSET)

        public_interview_link = cls(
            id=id,
            name=name,
            template_package_id=template_package_id,
            work_group_id=work_group_id,
            is_active=is_active,
        )

        public_interview_link.additional_properties = d
        return public_interview_link

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
