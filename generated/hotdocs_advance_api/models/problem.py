# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member, or_unset

T = TypeVar("T", bound="Problem")


@_attrs_define(frozen=True)
class Problem:
    """RFC 7807 problem details, as ASP.NET Core emits them by default. Error bodies are
    not documented by the vendor (CHOICE); every member is optional and extra members (e.g. `traceId`) may appear.

        Attributes:
    type_ (str | None): URI reference naming the problem type.title (str | None): Short human-readable summary.status (int | None): The HTTP status code, repeated.detail (str | None): Human-readable explanation of this occurrence."""

    type_: str | None = None
    title: str | None = None
    status: int | None = None
    detail: str | None = None
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        type_ = or_unset(self.type_)

        title = or_unset(self.title)

        status = or_unset(self.status)

        detail = or_unset(self.detail)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if title is not UNSET:
            field_dict["title"] = title
        if status is not UNSET:
            field_dict["status"] = status
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_type_ = d.pop("type", UNSET)
        check_member("type", _raw_type_, "str")
        type_ = _raw_type_

        _raw_title = d.pop("title", UNSET)
        check_member("title", _raw_title, "str")
        title = _raw_title

        _raw_status = d.pop("status", UNSET)
        check_member("status", _raw_status, "int")
        status = _raw_status

        _raw_detail = d.pop("detail", UNSET)
        check_member("detail", _raw_detail, "str")
        detail = _raw_detail

        problem = cls(
            type_=None if isinstance(type_, Unset) else type_,
            title=None if isinstance(title, Unset) else title,
            status=None if isinstance(status, Unset) else status,
            detail=None if isinstance(detail, Unset) else detail,
            extra=d,
        )

        return problem

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
