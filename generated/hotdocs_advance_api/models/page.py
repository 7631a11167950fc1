# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member

T = TypeVar("T", bound="Page")


@_attrs_define
class Page:
    """What every page of a list has besides its `items`. Paging is not documented by the vendor
    (CHOICE, with the `PageToken` and `PageSize` parameters): `nextPageToken` is present and
    not null on every page but the last; pass it as `pageToken` for the next page.

        Attributes:
    next_page_token (None | str | Unset): The token of the next page; absent or null on the last page."""

    next_page_token: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        next_page_token: None | str | Unset
        if isinstance(self.next_page_token, Unset):
            next_page_token = UNSET
        else:
            next_page_token = self.next_page_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if next_page_token is not UNSET:
            field_dict["nextPageToken"] = next_page_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_next_page_token = d.pop("nextPageToken", UNSET)
        check_member("nextPageToken", _raw_next_page_token, "None | str")

        def _parse_next_page_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_page_token = _parse_next_page_token(_raw_next_page_token)

        page = cls(
            next_page_token=next_page_token,
        )

        page.additional_properties = d
        return page

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
