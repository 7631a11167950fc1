# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, check_member

T = TypeVar("T", bound="CompleteVersionRequest")


@_attrs_define
class CompleteVersionRequest:
    """Body of `completeVersion`; both members are optional.

        Attributes:
    callback_url (str | Unset): URL the server notifies (the `versionFinished` callback) once the version reaches
                the
                status the call ends in. Giving one makes the call asynchronous. The notification
                format is not documented by the vendor.
                Which URLs a server takes is not documented by the vendor (CHOICE: any absolute http
                or https URL, the `pattern`; the host is the receiver's business).
                The sandbox, too, accepts any such URL, but calls back only loopback hosts (127.0.0.1,
                ::1, localhost): a callback to any other host is recorded as not sent, so a sandbox
                never calls out to the network (CHOICE, the sandbox's, for safety).callback_secret (str | Unset): Shared secret the server uses to authenticate its callback request. How it is
                transmitted is
                not documented by the vendor."""

    callback_url: str | Unset = UNSET
    callback_secret: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        callback_url = self.callback_url

        callback_secret = self.callback_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if callback_secret is not UNSET:
            field_dict["callbackSecret"] = callback_secret

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_callback_url = d.pop("callbackUrl", UNSET)
        check_member("callbackUrl", _raw_callback_url, "str")
        callback_url = _raw_callback_url

        _raw_callback_secret = d.pop("callbackSecret", UNSET)
        check_member("callbackSecret", _raw_callback_secret, "str")
        callback_secret = _raw_callback_secret

        complete_version_request = cls(
            callback_url=callback_url,
            callback_secret=callback_secret,
        )

        complete_version_request.additional_properties = d
        return complete_version_request

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
