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

T = TypeVar("T", bound="WorkItem")


@_attrs_define(frozen=True)
class WorkItem:
    """A work item as the server reports it. This shape is not documented by the vendor (CHOICE: the
    creation fields plus `id` and `status`); all members are optional and others may appear.
    A client that retried a create compares every member its request set with these, so a
    server that leaves one out cannot confirm that create.

        Attributes:
    id (UUID | None):name (str | None):description (None | str | None):work_group_id (UUID | None):template_package_id (UUID | None):answer_xml (None | str | None): The answer set XML the work item was created with, null when it was created
                without one.
                Not documented by the vendor (CHOICE); the work item's current answers are read with
                `getAnswerSet`.assemble_immediately (bool | None): Whether the create asked for documents at once (CHOICE, as sent; default
                false).complete_assembly_session (bool | None): Whether the create marked the session complete (CHOICE, as sent;
                default false).is_private_to_owner (bool | None):status (str | None): Free-form status text; values are not documented by the vendor."""

    id: UUID | None = None
    name: str | None = None
    description: None | str = None
    work_group_id: UUID | None = None
    template_package_id: UUID | None = None
    answer_xml: None | str = None
    assemble_immediately: bool | None = None
    complete_assembly_session: bool | None = None
    is_private_to_owner: bool | None = None
    status: str | None = None
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

        work_group_id: str | Unset = UNSET
        if not isinstance(or_unset(self.work_group_id), Unset):
            work_group_id = str(or_unset(self.work_group_id))

        template_package_id: str | Unset = UNSET
        if not isinstance(or_unset(self.template_package_id), Unset):
            template_package_id = str(or_unset(self.template_package_id))

        answer_xml: None | str | Unset
        if isinstance(or_unset(self.answer_xml), Unset):
            answer_xml = UNSET
        else:
            answer_xml = or_unset(self.answer_xml)

        assemble_immediately = or_unset(self.assemble_immediately)

        complete_assembly_session = or_unset(self.complete_assembly_session)

        is_private_to_owner = or_unset(self.is_private_to_owner)

        status = or_unset(self.status)

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
        if answer_xml is not UNSET:
            field_dict["answerXml"] = answer_xml
        if assemble_immediately is not UNSET:
            field_dict["assembleImmediately"] = assemble_immediately
        if complete_assembly_session is not UNSET:
            field_dict["completeAssemblySession"] = complete_assembly_session
        if is_private_to_owner is not UNSET:
            field_dict["isPrivateToOwner"] = is_private_to_owner
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

        _raw_work_group_id = d.pop("workGroupId", UNSET)
        check_member("workGroupId", _raw_work_group_id, "str")
        _work_group_id = _raw_work_group_id
        work_group_id: UUID | Unset
        if isinstance(_work_group_id, Unset):
            work_group_id = UNSET
        else:
            work_group_id = UUID(_work_group_id)

        _raw_template_package_id = d.pop("templatePackageId", UNSET)
        check_member("templatePackageId", _raw_template_package_id, "str")
        _template_package_id = _raw_template_package_id
        template_package_id: UUID | Unset
        if isinstance(_template_package_id, Unset):
            template_package_id = UNSET
        else:
            template_package_id = UUID(_template_package_id)

        _raw_answer_xml = d.pop("answerXml", UNSET)
        check_member("answerXml", _raw_answer_xml, "None | str")

        def _parse_answer_xml(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        answer_xml = _parse_answer_xml(_raw_answer_xml)

        _raw_assemble_immediately = d.pop("assembleImmediately", UNSET)
        check_member("assembleImmediately", _raw_assemble_immediately, "bool")
        assemble_immediately = _raw_assemble_immediately

        _raw_complete_assembly_session = d.pop("completeAssemblySession", UNSET)
        check_member("completeAssemblySession", _raw_complete_assembly_session, "bool")
        complete_assembly_session = _raw_complete_assembly_session

        _raw_is_private_to_owner = d.pop("isPrivateToOwner", UNSET)
        check_member("isPrivateToOwner", _raw_is_private_to_owner, "bool")
        is_private_to_owner = _raw_is_private_to_owner

        _raw_status = d.pop("status", UNSET)
        check_member("status", _raw_status, "str")
        status = _raw_status

        work_item = cls(
            id=None if isinstance(id, Unset) else id,
            name=None if isinstance(name, Unset) else name,
            description=None if isinstance(description, Unset) else description,
            work_group_id=None if isinstance(work_group_id, Unset) else work_group_id,
            template_package_id=None
            if isinstance(template_package_id, Unset)
            else template_package_id,
            answer_xml=None if isinstance(answer_xml, Unset) else answer_xml,
            assemble_immediately=None
            if isinstance(assemble_immediately, Unset)
            else assemble_immediately,
            complete_assembly_session=None
            if isinstance(complete_assembly_session, Unset)
            else complete_assembly_session,
            is_private_to_owner=None
            if isinstance(is_private_to_owner, Unset)
            else is_private_to_owner,
            status=None if isinstance(status, Unset) else status,
            extra=d,
        )

        return work_item

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
