"""Comparing a server's ``?WSDL`` with the WSDL this package was generated from.

The vendor documents some parameter names one way and older WSDLs write them another (the
ticket of ``CreateRelatedTask``: ``authenticationTicket`` or ``AuthenticationTicket``), and
ASMX binds SOAP parameters by exact name, so a user settles it against their own server:
`read_wsdl` reads a WSDL into `ServiceDescription` (for each operation the package uses: the
SOAP request's parameters in order with their XSD types and whether they are required, each
SOAP binding's SOAPAction, each HTTP binding's parameters and location), and `compare` names
every difference.

The WSDL is read with the hardened parser (no DTD, no entity, nothing fetched); only what the
document holds is read (an ``import`` is not followed). `package_description` reads the WSDL
shipped in ``inforouter_api`` and checks it against the generated operation table, so a
package whose WSDL and generated code disagree says so instead of comparing the wrong thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Final, Literal

import _client_core
import attrs
import httpx
from inforouter_api import OPERATIONS, PORTS, WSDL
from lxml import etree

from ._errors import InfoRouterHTTPError, InvalidResponseError
from ._translate import translating
from ._transport import Verify, new_client, send

__all__ = [
    "Difference",
    "OperationDescription",
    "ServiceDescription",
    "compare",
    "fetch_wsdl",
    "package_description",
    "read_wsdl",
]

BindingKind = Literal["soap11", "soap12", "http-get", "http-post"]

_WSDL: Final = "http://schemas.xmlsoap.org/wsdl/"
_XSD: Final = "http://www.w3.org/2001/XMLSchema"
_SOAP11: Final = "http://schemas.xmlsoap.org/wsdl/soap/"
_SOAP12: Final = "http://schemas.xmlsoap.org/wsdl/soap12/"
_HTTP: Final = "http://schemas.xmlsoap.org/wsdl/http/"
LABELS: Final[dict[BindingKind, str]] = {
    "soap11": "SOAP 1.1",
    "soap12": "SOAP 1.2",
    "http-get": "HTTP GET",
    "http-post": "HTTP POST",
}
_SOAP_KINDS: Final[tuple[BindingKind, ...]] = ("soap11", "soap12")
_HTTP_KINDS: Final[tuple[BindingKind, ...]] = ("http-get", "http-post")


@attrs.frozen
class Parameter:
    """One request parameter: its name, XSD type (local name) and whether it is required."""

    name: str
    xsd_type: str
    required: bool

    def __str__(self) -> str:
        return f"{self.name} ({self.xsd_type}, {'required' if self.required else 'optional'})"


@attrs.frozen
class OperationDescription:
    """What a WSDL says of one operation.

    Attributes:
        name: The operation's name.
        parameters: The SOAP request's parameters, in order (empty when no SOAP binding).
        soap_actions: Each SOAP binding's SOAPAction.
        http_parameters: Each HTTP binding's parameter names, in order.
        locations: Each HTTP binding's location.
    """

    name: str
    parameters: tuple[Parameter, ...]
    soap_actions: dict[BindingKind, str]
    http_parameters: dict[BindingKind, tuple[str, ...]]
    locations: dict[BindingKind, str]


@attrs.frozen
class ServiceDescription:
    """What a WSDL says of the service: its bindings and operations.

    Attributes:
        bindings: The kinds of binding it declares.
        operations: Each operation, by name.
    """

    bindings: frozenset[BindingKind]
    operations: dict[str, OperationDescription]


@attrs.frozen
class Difference:
    """One difference between the package's WSDL and the server's.

    Attributes:
        operation: The operation concerned, or None for the service as a whole.
        binding: The binding concerned (``SOAP``, ``SOAP 1.1``, ``HTTP GET``, ...), or None.
        what: What differs (``parameter 1``, ``SOAPAction``, ``parameter order``, ...).
        package: What the package's WSDL says (None: nothing).
        server: What the server's WSDL says (None: nothing).
        message: The whole difference in one sentence.
    """

    operation: str | None
    binding: str | None
    what: str
    package: str | None
    server: str | None
    message: str


def _local(qname: str | None) -> str:
    """Return the local part of a QName attribute value (``s:string`` gives ``string``)."""
    return (qname or "").rpartition(":")[2]


def _binding_kind(binding: etree._Element) -> BindingKind | None:
    if binding.find(f"{{{_SOAP11}}}binding") is not None:
        return "soap11"
    if binding.find(f"{{{_SOAP12}}}binding") is not None:
        return "soap12"
    http = binding.find(f"{{{_HTTP}}}binding")
    if http is not None:
        return "http-get" if (http.get("verb") or "").upper() == "GET" else "http-post"
    return None


class _Reader:
    """One WSDL document's parts by name: schema elements and types, messages, port types."""

    def __init__(self, root: etree._Element) -> None:
        if root.tag != f"{{{_WSDL}}}definitions":
            raise InvalidResponseError(None, f"not a WSDL 1.1 document (the root is {root.tag!r})")
        self.root = root
        schemas = root.iterfind(f"{{{_WSDL}}}types/{{{_XSD}}}schema")
        self.elements: dict[str, etree._Element] = {}
        self.types: dict[str, etree._Element] = {}
        for schema in schemas:
            for element in schema.iterfind(f"{{{_XSD}}}element"):
                self.elements.setdefault(element.get("name") or "", element)
            for kind in schema.iterfind(f"{{{_XSD}}}complexType"):
                self.types.setdefault(kind.get("name") or "", kind)
        self.messages = {
            message.get("name") or "": message for message in root.iterfind(f"{{{_WSDL}}}message")
        }
        self.port_types = {
            port_type.get("name") or "": port_type
            for port_type in root.iterfind(f"{{{_WSDL}}}portType")
        }

    def input_message(self, port_type: str, operation: str) -> etree._Element | None:
        found = self.port_types.get(port_type)
        if found is None:
            return None
        for candidate in found.iterfind(f"{{{_WSDL}}}operation"):
            if candidate.get("name") == operation:
                message = candidate.find(f"{{{_WSDL}}}input")
                name = _local(message.get("message")) if message is not None else ""
                return self.messages.get(name)
        return None

    def soap_parameters(self, message: etree._Element) -> tuple[Parameter, ...]:
        """Read the children of a document/literal message's wrapper element, in order."""
        part = message.find(f"{{{_WSDL}}}part")
        if part is None:
            return ()
        wrapper = self.elements.get(_local(part.get("element")))
        if wrapper is None:
            return ()
        complex_type = wrapper.find(f"{{{_XSD}}}complexType")
        if complex_type is None:
            complex_type = self.types.get(_local(wrapper.get("type")))
        if complex_type is None:
            return ()
        sequence = complex_type.find(f"{{{_XSD}}}sequence")
        if sequence is None:
            return ()
        return tuple(
            Parameter(
                name=child.get("name") or _local(child.get("ref")),
                xsd_type=_local(child.get("type")) or "(inline type)",
                required=(child.get("minOccurs") or "1") != "0",
            )
            for child in sequence.iterfind(f"{{{_XSD}}}element")
        )

    def http_parameters(self, message: etree._Element) -> tuple[str, ...]:
        return tuple(part.get("name") or "" for part in message.iterfind(f"{{{_WSDL}}}part"))


def read_wsdl(content: bytes) -> ServiceDescription:
    """Read what a WSDL 1.1 document says of its bindings and operations.

    Args:
        content: The document.

    Returns:
        The description.

    Raises:
        InvalidResponseError: The document is not well-formed XML, declares a DTD or an
            entity, or is not a WSDL 1.1 document.
    """
    try:
        root = _client_core.parse_untrusted(content)
    except (etree.XMLSyntaxError, _client_core.DoctypeRefusedError) as exc:
        raise InvalidResponseError(None, f"the WSDL is not readable XML ({exc})") from None
    reader = _Reader(root)
    bindings: set[BindingKind] = set()
    parameters: dict[str, tuple[Parameter, ...]] = {}
    actions: dict[str, dict[BindingKind, str]] = {}
    http_parameters: dict[str, dict[BindingKind, tuple[str, ...]]] = {}
    locations: dict[str, dict[BindingKind, str]] = {}
    names: dict[str, None] = {}
    for binding in root.iterfind(f"{{{_WSDL}}}binding"):
        kind = _binding_kind(binding)
        if kind is None:
            continue
        bindings.add(kind)
        port_type = _local(binding.get("type"))
        for operation in binding.iterfind(f"{{{_WSDL}}}operation"):
            name = operation.get("name") or ""
            names[name] = None
            message = reader.input_message(port_type, name)
            if kind in _SOAP_KINDS:
                soap = operation.find(f"{{{_SOAP11 if kind == 'soap11' else _SOAP12}}}operation")
                actions.setdefault(name, {})[kind] = (
                    soap.get("soapAction", "") if soap is not None else ""
                )
                if message is not None and name not in parameters:
                    parameters[name] = reader.soap_parameters(message)
            else:
                http = operation.find(f"{{{_HTTP}}}operation")
                locations.setdefault(name, {})[kind] = (
                    http.get("location", "") if http is not None else ""
                )
                if message is not None:
                    http_parameters.setdefault(name, {})[kind] = reader.http_parameters(message)
    return ServiceDescription(
        bindings=frozenset(bindings),
        operations={
            name: OperationDescription(
                name=name,
                parameters=parameters.get(name, ()),
                soap_actions=actions.get(name, {}),
                http_parameters=http_parameters.get(name, {}),
                locations=locations.get(name, {}),
            )
            for name in names
        },
    )


def package_description() -> tuple[ServiceDescription, list[str]]:
    """Read the package's WSDL, and check it against the operation table generated from it.

    Returns:
        The description, and what the generated table says otherwise (empty when they agree:
        anything else means ``generated/`` is not what the WSDL gives).
    """
    ours = read_wsdl(WSDL.read_bytes())
    disagreements = []
    for name, operation in OPERATIONS.items():
        found = ours.operations.get(name)
        generated = tuple(Parameter(p.name, p.xsd_type, p.required) for p in operation.parameters)
        if found is None:
            disagreements.append(f"{name}: in the generated table, not in the package's WSDL")
            continue
        if found.parameters != generated:
            disagreements.append(f"{name}: the generated parameters are not the WSDL's")
        if any(action != operation.soap_action for action in found.soap_actions.values()):
            disagreements.append(f"{name}: the generated SOAPAction is not the WSDL's")
    for kind, port in PORTS.items():
        for name, location in port.locations:
            if ours.operations.get(name, _NONE).locations.get(kind) != location:
                disagreements.append(f"{name}: the generated {LABELS[kind]} location differs")
    return ours, disagreements


_NONE: Final = OperationDescription("", (), {}, {}, {})


def fetch_wsdl(url: str, *, timeout: httpx.Timeout, verify: Verify, max_bytes: int) -> bytes:
    """Read ``<url>?WSDL`` (one GET; nothing it refers to is fetched).

    Args:
        url: The service URL, e.g. ``https://docs.example.com/srv.asmx``.
        timeout: The timeout.
        verify: TLS verification, as httpx takes it.
        max_bytes: The largest answer read.

    Returns:
        The document.

    Raises:
        InfoRouterError: The server could not be reached, answered another status than 200,
            or an answer larger than ``max_bytes``.
    """
    target = httpx.URL(url).copy_with(query=b"WSDL")
    with new_client(verify) as http, translating("?WSDL"):
        answer = send(http, http.build_request("GET", target, timeout=timeout), max_bytes)
        if answer.status_code != httpx.codes.OK:
            raise InfoRouterHTTPError(
                answer.status_code, f"?WSDL: the server answered HTTP {answer.status_code}"
            )
    return answer.content


def _difference(  # noqa: PLR0917 - the six members, in order
    operation: str | None,
    binding: str | None,
    what: str,
    package: str | None,
    server: str | None,
    message: str,
) -> Difference:
    where = " ".join(part for part in (operation, f"({binding})" if binding else None) if part)
    return Difference(
        operation, binding, what, package, server, f"{where}: {message}" if where else message
    )


def _names_compared(
    operation: str, binding: str, ours: tuple[str, ...], theirs: tuple[str, ...]
) -> Iterator[tuple[str, int | None, str, Difference | None]]:
    """Match each of our parameter names with the server's: exact, or differing in case.

    Yields:
        For each of ours: its name, the server's index (None: missing), the server's name, and
        the difference found (missing, or case), if any.
    """
    exact = {name: index for index, name in enumerate(theirs)}
    folded: dict[str, int] = {}
    for index, name in enumerate(theirs):
        folded.setdefault(name.casefold(), index)
    for position, name in enumerate(ours, 1):
        if name in exact:
            yield name, exact[name], name, None
        elif name.casefold() in folded:
            index = folded[name.casefold()]
            yield (
                name,
                index,
                theirs[index],
                _difference(
                    operation,
                    binding,
                    f"parameter {position}",
                    name,
                    theirs[index],
                    f"parameter {position} is {name!r} in the package and {theirs[index]!r} on "
                    "the server (the case differs; ASMX matches names exactly)",
                ),
            )
        else:
            yield (
                name,
                None,
                "",
                _difference(
                    operation,
                    binding,
                    f"parameter {position}",
                    name,
                    None,
                    f"parameter {position}, {name!r}, is missing on the server",
                ),
            )


def _compare_parameters(
    operation: str,
    binding: str,
    ours: tuple[str, ...],
    theirs: tuple[str, ...],
    types: tuple[tuple[Parameter, ...], tuple[Parameter, ...]] | None = None,
) -> Iterator[Difference]:
    matched = list(_names_compared(operation, binding, ours, theirs))
    for _, _, _, found in matched:
        if found is not None:
            yield found
    used = {index for _, index, _, _ in matched if index is not None}
    for index, name in enumerate(theirs):
        if index not in used:
            yield _difference(
                operation,
                binding,
                f"parameter {index + 1}",
                None,
                name,
                f"the server has a parameter the package does not send: {name!r} "
                f"(parameter {index + 1})",
            )
    order = [index for _, index, _, _ in matched if index is not None]
    if order != sorted(order):
        package_order = ", ".join(name for name, index, _, _ in matched if index is not None)
        server_order = ", ".join(theirs[index] for index in sorted(order))
        yield _difference(
            operation,
            binding,
            "parameter order",
            package_order,
            server_order,
            f"the parameters are in another order: {package_order} in the package, "
            f"{server_order} on the server",
        )
    if types is None:
        return
    package_params, server_params = types
    for (name, at, their_name, _), ours_param in zip(matched, package_params, strict=True):
        if at is None:
            continue
        theirs_param = server_params[at]
        if theirs_param.xsd_type != ours_param.xsd_type:
            yield _difference(
                operation,
                binding,
                f"type of {name}",
                ours_param.xsd_type,
                theirs_param.xsd_type,
                f"{their_name!r} is {theirs_param.xsd_type} on the server, "
                f"{ours_param.xsd_type} in the package",
            )
        if theirs_param.required != ours_param.required:
            yield _difference(
                operation,
                binding,
                f"occurrence of {name}",
                "required" if ours_param.required else "optional",
                "required" if theirs_param.required else "optional",
                f"{their_name!r} is {'required' if theirs_param.required else 'optional'} on "
                f"the server, {'required' if ours_param.required else 'optional'} in the package",
            )


def _compare_operation(
    ours: OperationDescription, theirs: OperationDescription, bindings: Iterable[BindingKind]
) -> Iterator[Difference]:
    name = ours.name
    if ours.name != theirs.name:
        yield _difference(
            name,
            None,
            "operation name",
            ours.name,
            theirs.name,
            f"the server spells it {theirs.name!r} (the case differs)",
        )
    present = set(bindings)
    if present & set(_SOAP_KINDS):
        yield from _compare_parameters(
            name,
            "SOAP",
            tuple(p.name for p in ours.parameters),
            tuple(p.name for p in theirs.parameters),
            (ours.parameters, theirs.parameters),
        )
    for kind in _SOAP_KINDS:
        if kind not in present or kind not in ours.soap_actions:
            continue
        mine, found = ours.soap_actions[kind], theirs.soap_actions.get(kind)
        if found is None:
            yield _difference(
                name, LABELS[kind], "operation", name, None, "the server's binding lacks it"
            )
        elif found != mine:
            yield _difference(
                name,
                LABELS[kind],
                "SOAPAction",
                mine,
                found,
                f"SOAPAction is {mine!r} in the package and {found!r} on the server",
            )
    for kind in _HTTP_KINDS:
        if kind not in present or kind not in ours.locations:
            continue
        if kind not in theirs.locations:
            yield _difference(
                name, LABELS[kind], "operation", name, None, "the server's binding lacks it"
            )
            continue
        if theirs.locations[kind] != ours.locations[kind]:
            yield _difference(
                name,
                LABELS[kind],
                "location",
                ours.locations[kind],
                theirs.locations[kind],
                f"the location is {ours.locations[kind]!r} in the package and "
                f"{theirs.locations[kind]!r} on the server",
            )
        yield from _compare_parameters(
            name,
            LABELS[kind],
            ours.http_parameters.get(kind, ()),
            theirs.http_parameters.get(kind, ()),
        )


def compare(ours: ServiceDescription, theirs: ServiceDescription) -> list[Difference]:
    """Name every difference of the server's WSDL from the package's, for what the package uses.

    Operations only the server has are not differences (a server offers many more).

    Args:
        ours: The package's description (`package_description`).
        theirs: The server's (`read_wsdl` of its ``?WSDL``).

    Returns:
        The differences: per binding the package has and the server lacks; then per
        operation, its name's case, each SOAP parameter (name, case, position, type, whether
        required) and the order, each SOAPAction, each HTTP binding's location and parameters.
    """
    differences = [
        _difference(
            None,
            LABELS[kind],
            "binding",
            LABELS[kind],
            None,
            f"the server's WSDL has no {LABELS[kind]} binding",
        )
        for kind in sorted(ours.bindings - theirs.bindings)
    ]
    folded = {name.casefold(): found for name, found in theirs.operations.items()}
    for name, operation in ours.operations.items():
        found = theirs.operations.get(name) or folded.get(name.casefold())
        if found is None:
            differences.append(
                _difference(name, None, "operation", name, None, "the server has no such operation")
            )
            continue
        differences.extend(_compare_operation(operation, found, ours.bindings & theirs.bindings))
    return differences
