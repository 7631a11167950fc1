# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member, or_unset

T = TypeVar("T", bound="Document")


@_attrs_define(frozen=True)
class Document:
    """Metadata of an assembled document. The members are not documented by the vendor (CHOICE);
    every one is optional and others may appear.

        Attributes:
    id (UUID | None): The document's id, as `documentId` takes it.name (str | None): A display name, e.g. the template's title.file_name (str | None): The file name to save it under, e.g. `Contract renewal.docx`. It comes from the server:
                clients must not use it as a path without removing directories from it.content_type (str | None): The media type of the content, e.g. `application/pdf`.size (int | None): The size of the content in bytes, when known.version_id (UUID | None): The work item version whose assembly produced it."""

    id: UUID | None = None
    name: str | None = None
    file_name: str | None = None
    content_type: str | None = None
    size: int | None = None
    version_id: UUID | None = None
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        id: str | Unset = UNSET
        if not isinstance(or_unset(self.id), Unset):
            id = str(or_unset(self.id))

        name = or_unset(self.name)

        file_name = or_unset(self.file_name)

        content_type = or_unset(self.content_type)

        size = or_unset(self.size)

        version_id: str | Unset = UNSET
        if not isinstance(or_unset(self.version_id), Unset):
            version_id = str(or_unset(self.version_id))

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if content_type is not UNSET:
            field_dict["contentType"] = content_type
        if size is not UNSET:
            field_dict["size"] = size
        if version_id is not UNSET:
            field_dict["versionId"] = version_id

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

        _raw_file_name = d.pop("fileName", UNSET)
        check_member("fileName", _raw_file_name, "str")
        file_name = _raw_file_name

        _raw_content_type = d.pop("contentType", UNSET)
        check_member("contentType", _raw_content_type, "str")
        content_type = _raw_content_type

        _raw_size = d.pop("size", UNSET)
        check_member("size", _raw_size, "int")
        size = _raw_size

        _raw_version_id = d.pop("versionId", UNSET)
        check_member("versionId", _raw_version_id, "str")
        _version_id = _raw_version_id
        version_id: UUID | Unset
        if isinstance(_version_id, Unset):
            version_id = UNSET
        else:
            version_id = UUID(_version_id)

        document = cls(
            id=None if isinstance(id, Unset) else id,
            name=None if isinstance(name, Unset) else name,
            file_name=None if isinstance(file_name, Unset) else file_name,
            content_type=None if isinstance(content_type, Unset) else content_type,
            size=None if isinstance(size, Unset) else size,
            version_id=None if isinstance(version_id, Unset) else version_id,
            extra=d,
        )

        return document

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
