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

T = TypeVar("T", bound="TemplatePackage")


@_attrs_define(frozen=True)
class TemplatePackage:
    """A template package as the server reports it. This shape is not documented by the vendor
    (CHOICE: `id`, `name`, `description`, whether it is activated and has a live version, and
    the work groups it is assigned to); all members are optional and others may appear.

        Attributes:
    id (UUID | None):name (str | None):description (None | str | None):activated (bool | None): Whether the package is activated (only activated packages start work items).has_live_version (bool | None): Whether the package has a live version (needed before assembly).work_group_ids (list[UUID] | None): The work groups the package is assigned to."""

    id: UUID | None = None
    name: str | None = None
    description: None | str = None
    activated: bool | None = None
    has_live_version: bool | None = None
    work_group_ids: list[UUID] | None = None
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

        activated = or_unset(self.activated)

        has_live_version = or_unset(self.has_live_version)

        _work_group_ids = or_unset(self.work_group_ids)
        work_group_ids: list[str] | Unset = UNSET
        if not isinstance(_work_group_ids, Unset):
            work_group_ids = []
            for work_group_ids_item_data in _work_group_ids:
                work_group_ids_item = str(work_group_ids_item_data)
                work_group_ids.append(work_group_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if activated is not UNSET:
            field_dict["activated"] = activated
        if has_live_version is not UNSET:
            field_dict["hasLiveVersion"] = has_live_version
        if work_group_ids is not UNSET:
            field_dict["workGroupIds"] = work_group_ids

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

        _raw_activated = d.pop("activated", UNSET)
        check_member("activated", _raw_activated, "bool")
        activated = _raw_activated

        _raw_has_live_version = d.pop("hasLiveVersion", UNSET)
        check_member("hasLiveVersion", _raw_has_live_version, "bool")
        has_live_version = _raw_has_live_version

        _raw_work_group_ids = d.pop("workGroupIds", UNSET)
        check_member("workGroupIds", _raw_work_group_ids, "list[str]")
        _work_group_ids = _raw_work_group_ids
        work_group_ids: list[UUID] | Unset = UNSET
        if _work_group_ids is not UNSET:
            work_group_ids = []
            for work_group_ids_item_data in _work_group_ids:
                work_group_ids_item = UUID(work_group_ids_item_data)

                work_group_ids.append(work_group_ids_item)

        template_package = cls(
            id=None if isinstance(id, Unset) else id,
            name=None if isinstance(name, Unset) else name,
            description=None if isinstance(description, Unset) else description,
            activated=None if isinstance(activated, Unset) else activated,
            has_live_version=None
            if isinstance(has_live_version, Unset)
            else has_live_version,
            work_group_ids=None
            if isinstance(work_group_ids, Unset)
            else work_group_ids,
            extra=d,
        )

        return template_package

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
