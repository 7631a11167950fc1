# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkItem")


@_attrs_define
class WorkItem:
    """A work item as the server reports it. This shape is not documented by the vendor (CHOICE: the
    creation fields plus `id` and `status`); all members are optional and others may appear.

        Attributes:
            id (UUID | Unset):
            name (str | Unset):
            description (None | str | Unset):
            work_group_id (UUID | Unset):
            template_package_id (UUID | Unset):
            is_private_to_owner (bool | Unset):
            status (str | Unset): Free-form status text; values are not documented by the vendor.
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    work_group_id: UUID | Unset = UNSET
    template_package_id: UUID | Unset = UNSET
    is_private_to_owner: bool | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        work_group_id: str | Unset = UNSET
        if not isinstance(self.work_group_id, Unset):
            work_group_id = str(self.work_group_id)

        template_package_id: str | Unset = UNSET
        if not isinstance(self.template_package_id, Unset):
            template_package_id = str(self.template_package_id)

        is_private_to_owner = self.is_private_to_owner

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if work_group_id is not UNSET:
            field_dict["workGroupId"] = work_group_id
        if template_package_id is not UNSET:
            field_dict["templatePackageId"] = template_package_id
        if is_private_to_owner is not UNSET:
            field_dict["isPrivateToOwner"] = is_private_to_owner
        if status is not UNSET:
            field_dict["status"] = status

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

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _work_group_id = d.pop("workGroupId", UNSET)
        work_group_id: UUID | Unset
        if isinstance(_work_group_id, Unset):
            work_group_id = UNSET
        else:
            work_group_id = UUID(_work_group_id)

        _template_package_id = d.pop("templatePackageId", UNSET)
        template_package_id: UUID | Unset
        if isinstance(_template_package_id, Unset):
            template_package_id = UNSET
        else:
            template_package_id = UUID(_template_package_id)

        is_private_to_owner = d.pop("isPrivateToOwner", UNSET)

        status = d.pop("status", UNSET)

        work_item = cls(
            id=id,
            name=name,
            description=description,
            work_group_id=work_group_id,
            template_package_id=template_package_id,
            is_private_to_owner=is_private_to_owner,
            status=status,
        )

        work_item.additional_properties = d
        return work_item

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
