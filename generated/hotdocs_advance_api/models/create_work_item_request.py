# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member

T = TypeVar("T", bound="CreateWorkItemRequest")


@_attrs_define
class CreateWorkItemRequest:
    """Body of `createWorkItem`.

        Attributes:
    name (str): Name of the work item; no other work item may already use it. An empty or blank name:
                not documented by the vendor (CHOICE: refused, as the clients refuse it; a name holds
                a character that is not white space, the `minLength` and `pattern` of every name here).work_group_id (UUID): GUID of an existing work group.template_package_id (UUID): GUID of an activated template package assigned to the work group. Its live version
                is used.description (str | Unset): Optional free-text description.answer_xml (str | Unset): Optional HotDocs answer set XML (an `AnswerSet` document, valid against the answer set
                schema)
                used to pre-fill the interview. Leave it out to start without answers.assemble_immediately (bool | Unset): When true, documents are assembled as soon as the work item exists. The
                default is
                not documented by the vendor (CHOICE: false when omitted).complete_assembly_session (bool | Unset): When true, the work item's session is recorded as complete, so the web
                UI does not offer to
                resume an unfinished interview. The default is not documented by the vendor (CHOICE: false).is_private_to_owner (bool | Unset): True keeps the work item private to its owner; false shares it with the work
                group's users.
                The default is not documented by the vendor (CHOICE: false)."""

    name: str
    work_group_id: UUID
    template_package_id: UUID
    description: str | Unset = UNSET
    answer_xml: str | Unset = UNSET
    assemble_immediately: bool | Unset = UNSET
    complete_assembly_session: bool | Unset = UNSET
    is_private_to_owner: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        work_group_id = str(self.work_group_id)

        template_package_id = str(self.template_package_id)

        description = self.description

        answer_xml = self.answer_xml

        assemble_immediately = self.assemble_immediately

        complete_assembly_session = self.complete_assembly_session

        is_private_to_owner = self.is_private_to_owner

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "workGroupId": work_group_id,
                "templatePackageId": template_package_id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if answer_xml is not UNSET:
            field_dict["answerXml"] = answer_xml
        if assemble_immediately is not UNSET:
            field_dict["assembleImmediately"] = assemble_immediately
        if complete_assembly_session is not UNSET:
            field_dict["completeAssemblySession"] = complete_assembly_session
        if is_private_to_owner is not UNSET:
            field_dict["isPrivateToOwner"] = is_private_to_owner

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_name = d.pop("name")
        check_member("name", _raw_name, "str")
        name = _raw_name

        _raw_work_group_id = d.pop("workGroupId")
        check_member("workGroupId", _raw_work_group_id, "str")
        work_group_id = UUID(_raw_work_group_id)

        _raw_template_package_id = d.pop("templatePackageId")
        check_member("templatePackageId", _raw_template_package_id, "str")
        template_package_id = UUID(_raw_template_package_id)

        _raw_description = d.pop("description", UNSET)
        check_member("description", _raw_description, "str")
        description = _raw_description

        _raw_answer_xml = d.pop("answerXml", UNSET)
        check_member("answerXml", _raw_answer_xml, "str")
        answer_xml = _raw_answer_xml

        _raw_assemble_immediately = d.pop("assembleImmediately", UNSET)
        check_member("assembleImmediately", _raw_assemble_immediately, "bool")
        assemble_immediately = _raw_assemble_immediately

        _raw_complete_assembly_session = d.pop("completeAssemblySession", UNSET)
        check_member("completeAssemblySession", _raw_complete_assembly_session, "bool")
        complete_assembly_session = _raw_complete_assembly_session

        _raw_is_private_to_owner = d.pop("isPrivateToOwner", UNSET)
        check_member("isPrivateToOwner", _raw_is_private_to_owner, "bool")
        is_private_to_owner = _raw_is_private_to_owner

        create_work_item_request = cls(
            name=name,
            work_group_id=work_group_id,
            template_package_id=template_package_id,
            description=description,
            answer_xml=answer_xml,
            assemble_immediately=assemble_immediately,
            complete_assembly_session=complete_assembly_session,
            is_private_to_owner=is_private_to_owner,
        )

        create_work_item_request.additional_properties = d
        return create_work_item_request

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
