# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import check_member

T = TypeVar("T", bound="ServicePrincipalLogInRequest")


@_attrs_define
class ServicePrincipalLogInRequest:
    """Body of `servicePrincipalLogIn`. Member names are PascalCase as the vendor shows them.

        Attributes:
    client_name (str): Unique name of the API client; not empty or blank (CHOICE, as every name here).principal_name (str): Name of the API client's service principal; not empty or blank (CHOICE).principal_password (str): Password of the service principal; not empty or blank (CHOICE)."""

    client_name: str
    principal_name: str
    principal_password: str
    additional_properties: dict[str, Any] = _attrs_field(
        factory=dict, kw_only=True, alias="extra"
    )

    def to_dict(self) -> dict[str, Any]:
        client_name = self.client_name

        principal_name = self.principal_name

        principal_password = self.principal_password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ClientName": client_name,
                "PrincipalName": principal_name,
                "PrincipalPassword": principal_password,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _raw_client_name = d.pop("ClientName")
        check_member("ClientName", _raw_client_name, "str")
        client_name = _raw_client_name

        _raw_principal_name = d.pop("PrincipalName")
        check_member("PrincipalName", _raw_principal_name, "str")
        principal_name = _raw_principal_name

        _raw_principal_password = d.pop("PrincipalPassword")
        check_member("PrincipalPassword", _raw_principal_password, "str")
        principal_password = _raw_principal_password

        service_principal_log_in_request = cls(
            client_name=client_name,
            principal_name=principal_name,
            principal_password=principal_password,
        )

        service_principal_log_in_request.additional_properties = d
        return service_principal_log_in_request

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
