# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member, or_unset

if TYPE_CHECKING:
    from ..models.template_package import TemplatePackage


T = TypeVar("T", bound="TemplatePackagePage")


@_attrs_define(frozen=True)
class TemplatePackagePage:
    """One page of template packages (see `Page`).

        Attributes:
    items (list[TemplatePackage]):next_page_token (None | str | None): The token of the next page; absent or null on the last page."""

    items: list[TemplatePackage]
    next_page_token: None | str = None
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_page_token: None | str | Unset
        if isinstance(or_unset(self.next_page_token), Unset):
            next_page_token = UNSET
        else:
            next_page_token = or_unset(self.next_page_token)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if next_page_token is not UNSET:
            field_dict["nextPageToken"] = next_page_token

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.template_package import TemplatePackage

        d = dict(src_dict)
        _raw_items = d.pop("items")
        check_member("items", _raw_items, "list[dict[str, Any]]")
        items = []
        _items = _raw_items
        for items_item_data in _items:
            items_item = TemplatePackage.from_dict(items_item_data)

            items.append(items_item)

        _raw_next_page_token = d.pop("nextPageToken", UNSET)
        check_member("nextPageToken", _raw_next_page_token, "None | str")

        def _parse_next_page_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_page_token = _parse_next_page_token(_raw_next_page_token)

        template_package_page = cls(
            items=items,
            next_page_token=None
            if isinstance(next_page_token, Unset)
            else next_page_token,
            extra=d,
        )

        return template_package_page

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
