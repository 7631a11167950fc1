# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import check_member

T = TypeVar("T", bound="CallbackEvent")


@_attrs_define(frozen=True)
class CallbackEvent:
    """What the server POSTs to a `callbackUrl` when a version reaches its final status. The payload is
    not documented by the vendor (CHOICE, reference section 4.5): the work item, the version and the
    status, as `getVersionStatus` would report it. Other members may appear and are kept.

        Attributes:
    work_item_id (UUID): GUID of the work item.version_id (UUID): GUID of the work item version.status (str): The version's status (see `VersionStatus`). Example: Saved."""

    work_item_id: UUID
    version_id: UUID
    status: str
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )
    #: Values of ``status`` after which nothing changes on its own (spec: x-sdk-final).
    FINAL_VALUES: ClassVar[frozenset[str]] = frozenset(
        {"Saved", "Completed", "PostProcessingFailed"}
    )

    @property
    def is_final(self) -> bool:
        """Whether ``status`` is one of ``FINAL_VALUES``; unknown values are not final."""
        return self.status in self.FINAL_VALUES

    def to_dict(self) -> dict[str, Any]:
        work_item_id = str(self.work_item_id)

        version_id = str(self.version_id)

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "workItemId": work_item_id,
                "versionId": version_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_work_item_id = d.pop("workItemId")
        check_member("workItemId", _raw_work_item_id, "str")
        work_item_id = UUID(_raw_work_item_id)

        _raw_version_id = d.pop("versionId")
        check_member("versionId", _raw_version_id, "str")
        version_id = UUID(_raw_version_id)

        _raw_status = d.pop("status")
        check_member("status", _raw_status, "str")
        status = _raw_status

        callback_event = cls(
            work_item_id=work_item_id,
            version_id=version_id,
            status=status,
            extra=d,
        )

        return callback_event

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
