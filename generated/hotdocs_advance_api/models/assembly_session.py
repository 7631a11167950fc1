# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import check_member

T = TypeVar("T", bound="AssemblySession")


@_attrs_define(frozen=True)
class AssemblySession:
    """Result of `beginAssemblySession`: what a browser page needs to load the interview. Other
    members may appear; they are not documented by the vendor.

        Attributes:
    hda_session_id (UUID): Advance's identifier for the session.core_session_id (UUID): The Core Assembly service's identifier for the session.interview_js_url (str): URL of the JavaScript that renders the interview."""

    hda_session_id: UUID
    core_session_id: UUID
    interview_js_url: str
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        hda_session_id = str(self.hda_session_id)

        core_session_id = str(self.core_session_id)

        interview_js_url = self.interview_js_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hdaSessionId": hda_session_id,
                "coreSessionId": core_session_id,
                "interviewJsUrl": interview_js_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_hda_session_id = d.pop("hdaSessionId")
        check_member("hdaSessionId", _raw_hda_session_id, "str")
        hda_session_id = UUID(_raw_hda_session_id)

        _raw_core_session_id = d.pop("coreSessionId")
        check_member("coreSessionId", _raw_core_session_id, "str")
        core_session_id = UUID(_raw_core_session_id)

        _raw_interview_js_url = d.pop("interviewJsUrl")
        check_member("interviewJsUrl", _raw_interview_js_url, "str")
        interview_js_url = _raw_interview_js_url

        assembly_session = cls(
            hda_session_id=hda_session_id,
            core_session_id=core_session_id,
            interview_js_url=interview_js_url,
            extra=d,
        )

        return assembly_session

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
