# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member, or_unset

T = TypeVar("T", bound="PublicInterviewLink")


@_attrs_define(frozen=True)
class PublicInterviewLink:
    """A public interview link as the server reports it. This shape is not documented by the vendor
    (CHOICE: the creation fields plus `id`); all members are optional and others may appear.

        Attributes:
    id (UUID | None):name (str | None):template_package_id (UUID | None):work_group_id (UUID | None):is_active (bool | None):"""

    id: UUID | None = None
    name: str | None = None
    template_package_id: UUID | None = None
    work_group_id: UUID | None = None
    is_active: bool | None = None
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(or_unset(self.id), Unset):
            id = str(or_unset(self.id))

        name = or_unset(self.name)

        template_package_id: str | Unset = UNSET
        if not isinstance(or_unset(self.template_package_id), Unset):
            template_package_id = str(or_unset(self.template_package_id))

        work_group_id: str | Unset = UNSET
        if not isinstance(or_unset(self.work_group_id), Unset):
            work_group_id = str(or_unset(self.work_group_id))

        is_active = or_unset(self.is_active)

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

        _raw_template_package_id = d.pop("templatePackageId", UNSET)
        check_member("templatePackageId", _raw_template_package_id, "str")
        _template_package_id = _raw_template_package_id
        template_package_id: UUID | Unset
        if isinstance(_template_package_id, Unset):
            template_package_id = UNSET
        else:
            template_package_id = UUID(_template_package_id)

        _raw_work_group_id = d.pop("workGroupId", UNSET)
        check_member("workGroupId", _raw_work_group_id, "str")
        _work_group_id = _raw_work_group_id
        work_group_id: UUID | Unset
        if isinstance(_work_group_id, Unset):
            work_group_id = UNSET
        else:
            work_group_id = UUID(_work_group_id)

        _raw_is_active = d.pop("isActive", UNSET)
        check_member("isActive", _raw_is_active, "bool")
        is_active = _raw_is_active

        public_interview_link = cls(
            id=None if isinstance(id, Unset) else id,
            name=None if isinstance(name, Unset) else name,
            template_package_id=None
            if isinstance(template_package_id, Unset)
            else template_package_id,
            work_group_id=None if isinstance(work_group_id, Unset) else work_group_id,
            is_active=None if isinstance(is_active, Unset) else is_active,
            extra=d,
        )

        return public_interview_link

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
