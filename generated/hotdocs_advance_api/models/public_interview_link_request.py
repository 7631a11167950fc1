# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member

T = TypeVar("T", bound="PublicInterviewLinkRequest")


@_attrs_define
class PublicInterviewLinkRequest:
    """Body of `createPublicInterviewLink`.

        Attributes:
    name (str): Label that identifies the link; not empty or blank (CHOICE, as for a work item's name).template_package_id (UUID): GUID of an enabled template package that belongs to the work group.work_group_id (UUID): GUID of an existing work group.is_active (bool | Unset): Whether visitors can use the link. Default: True."""

    name: str
    template_package_id: UUID
    work_group_id: UUID
    is_active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        template_package_id = str(self.template_package_id)

        work_group_id = str(self.work_group_id)

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "templatePackageId": template_package_id,
                "workGroupId": work_group_id,
            }
        )
        if is_active is not UNSET:
            field_dict["isActive"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_name = d.pop("name")
        check_member("name", _raw_name, "str")
        name = _raw_name

        _raw_template_package_id = d.pop("templatePackageId")
        check_member("templatePackageId", _raw_template_package_id, "str")
        template_package_id = UUID(_raw_template_package_id)

        _raw_work_group_id = d.pop("workGroupId")
        check_member("workGroupId", _raw_work_group_id, "str")
        work_group_id = UUID(_raw_work_group_id)

        _raw_is_active = d.pop("isActive", UNSET)
        check_member("isActive", _raw_is_active, "bool")
        is_active = _raw_is_active

        public_interview_link_request = cls(
            name=name,
            template_package_id=template_package_id,
            work_group_id=work_group_id,
            is_active=is_active,
        )

        public_interview_link_request.additional_properties = d
        return public_interview_link_request

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
