"""The infoRouter wire: SOAP 1.1/1.2 envelopes, the bare XML answers and the served WSDL.

Operation names, parameter names, SOAP actions and result element names come from
``inforouter_api.OPERATIONS`` / ``PORTS``, and the ``<Method>Response`` wrapper names and
port addresses from the packaged WSDL itself: the WSDL is their single source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from _sandbox_kit._xml import hardened_parser
from inforouter_api import NAMESPACE, OPERATIONS, PORTS, Operation
from lxml import etree

SOAP11: Final = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12: Final = "http://www.w3.org/2003/05/soap-envelope"
SoapVersion = Literal["1.1", "1.2"]
ENVELOPES: Final[dict[str, SoapVersion]] = {SOAP11: "1.1", SOAP12: "1.2"}
CONTENT_TYPES: Final[dict[SoapVersion, str]] = {
    "1.1": "text/xml; charset=utf-8",
    "1.2": "application/soap+xml; charset=utf-8",
}
XML_CONTENT_TYPE: Final = "text/xml; charset=utf-8"
_XML_DECLARATION: Final = b'<?xml version="1.0" encoding="utf-8"?>'
_WSDL: Final = "http://schemas.xmlsoap.org/wsdl/"
# The address elements of the SOAP 1.1, SOAP 1.2 and HTTP port bindings.
_ADDRESSES: Final = (
    "{http://schemas.xmlsoap.org/wsdl/soap/}address",
    "{http://schemas.xmlsoap.org/wsdl/soap12/}address",
    "{http://schemas.xmlsoap.org/wsdl/http/}address",
)
_WSDL_CACHE: Final = 8
_ACTION: Final = re.compile(r""";\s*action\s*=\s*(?:"([^"]*)"|([^;\s]+))""", re.IGNORECASE)


class SoapFault(Exception):  # noqa: N818 (the SOAP term)
    """A request the SOAP stack cannot dispatch: answered with ``soap:Fault``, HTTP 500.

    CHOICE (reference section 3): a malformed envelope or an unknown action gives a
    fault, as classic ASMX does; business errors never do.
    """

    def __init__(self, message: str, version: SoapVersion, *, sender: bool = True) -> None:
        super().__init__(message)
        self.message = message
        self.version = version
        self.sender = sender


@dataclass(frozen=True, slots=True)
class SoapCall:
    """A parsed SOAP request: the operation, the envelope version and the parameter texts.

    ``values`` is keyed by the parameters' element names exactly as sent (case-sensitive).
    """

    operation: Operation
    version: SoapVersion
    values: dict[str, str | None]


def _find_operation(name: str) -> Operation | None:
    operation = OPERATIONS.get(name)
    if operation is not None:
        return operation
    lowered = name.lower()
    return next((op for op in OPERATIONS.values() if op.name.lower() == lowered), None)


def http_operation(kind: Literal["http-get", "http-post"], location: str) -> Operation | None:
    """Return the operation an HTTP GET/POST port serves at a location (case-insensitive, CHOICE).

    Args:
        kind: The port.
        location: The path after ``/srv.asmx``, e.g. ``/CreateRelatedTask``.

    Returns:
        The operation, or None.
    """
    wanted = location.lower()
    for name, path in PORTS[kind].locations:
        if path.lower() == wanted:
            return OPERATIONS[name]
    return None


class Wire:
    """Reads requests and writes answers for one app (lxml parsers are per thread).

    Args:
        wsdl: The packaged WSDL.
    """

    def __init__(self, wsdl: bytes) -> None:
        self._parser = hardened_parser()
        self._wsdl_bytes = wsdl
        self._wsdl = etree.fromstring(wsdl, hardened_parser()).getroottree()
        self._served: dict[str, bytes] = {}
        self.response_elements = self._response_elements()
        address = next(self._wsdl.getroot().iter(_ADDRESSES[0]), None)
        if address is None:
            raise RuntimeError("the WSDL has no SOAP address")
        # The path of the service (/srv.asmx) comes from the WSDL's own address.
        self.service_path = urlsplit(address.get("location", "")).path

    def _response_elements(self) -> dict[str, str]:
        """Map each operation to its ``<Method>Response`` (the SOAP port's output messages)."""
        root = self._wsdl.getroot()
        ns = {"w": _WSDL}

        def named(kind: str, qname: str | None) -> etree._Element:
            name = (qname or "").rsplit(":", 1)[-1]
            found = root.find(f"w:{kind}[@name='{name}']", ns)
            if found is None:
                raise RuntimeError(f"the WSDL has no {kind} named {name!r}")
            return found

        port = root.find(f"w:service/w:port[@name='{PORTS['soap11'].name}']", ns)
        if port is None:
            raise RuntimeError("the WSDL has no SOAP 1.1 port")
        port_type = named("portType", named("binding", port.get("binding")).get("type"))
        elements: dict[str, str] = {}
        for operation in port_type.iterfind("w:operation", ns):
            output = operation.find("w:output", ns)
            message = named("message", output.get("message") if output is not None else None)
            part = message.find("w:part", ns)
            if part is not None:
                elements[operation.get("name", "")] = part.get("element", "").rsplit(":", 1)[-1]
        missing = set(OPERATIONS) - set(elements)
        if missing:
            raise RuntimeError(f"the WSDL lacks SOAP output elements for {sorted(missing)}")
        return elements

    def wsdl_at(self, location: str) -> bytes:
        """Return the WSDL with every port address set to ``location``.

        Args:
            location: The sandbox's own ``.../srv.asmx`` URL.

        Returns:
            The document.
        """
        served = self._served.get(location)
        if served is None:
            tree = etree.fromstring(self._wsdl_bytes, hardened_parser()).getroottree()
            for tag in _ADDRESSES:
                for address in tree.getroot().iter(tag):
                    address.set("location", location)
            served = etree.tostring(tree, encoding="utf-8", xml_declaration=True)
            if len(self._served) >= _WSDL_CACHE:
                self._served.clear()  # the Host header is the client's to choose
            self._served[location] = served
        return served

    def parse_soap(self, body: bytes, content_type: str, soap_action: str | None) -> SoapCall:
        """Read a SOAP 1.1 or 1.2 request and find its operation.

        SOAP 1.1 is dispatched by the ``SOAPAction`` header (quoted or not), SOAP 1.2 by
        the ``action`` parameter of the content type; either falls back to the name of
        the body's first element when the action is absent.

        Args:
            body: The request body.
            content_type: The ``Content-Type`` header.
            soap_action: The ``SOAPAction`` header, if any.

        Returns:
            The call.

        Raises:
            SoapFault: For a malformed envelope, an unknown action or a body that does not
                match the action.
        """
        guessed: SoapVersion = "1.2" if "application/soap+xml" in content_type.lower() else "1.1"
        try:
            root = etree.fromstring(body, self._parser)
        except etree.XMLSyntaxError as exc:
            raise SoapFault(f"The request is not well-formed XML: {exc.msg}", guessed) from None
        qname = etree.QName(root)
        version = ENVELOPES.get(qname.namespace or "")
        if qname.localname != "Envelope" or version is None:
            raise SoapFault("The request is not a SOAP 1.1 or SOAP 1.2 envelope.", guessed)
        envelope_ns = qname.namespace
        soap_body = root.find(f"{{{envelope_ns}}}Body")
        element = (
            next((c for c in soap_body if isinstance(c.tag, str)), None)
            if soap_body is not None
            else None
        )
        if element is None:
            raise SoapFault("The SOAP envelope has no body element.", version)
        if version == "1.1":
            action = (soap_action or "").strip().strip('"').strip()
        else:
            match = _ACTION.search(content_type)
            action = (match.group(1) or match.group(2) or "").strip() if match else ""
        element_name = etree.QName(element)
        if action:
            operation = next(
                (op for op in OPERATIONS.values() if op.soap_action.lower() == action.lower()), None
            )
            if operation is None:
                raise SoapFault(
                    f"Server did not recognize the value of HTTP Header SOAPAction: {action}.",
                    version,
                )
        else:
            operation = _find_operation(element_name.localname)
            if operation is None:
                raise SoapFault(
                    f"Server did not recognize the request element {element_name.localname}.",
                    version,
                )
        # CHOICE (as ASMX): SOAP element names are matched case-sensitively, the operation's
        # and its parameters' (form and query fields of the HTTP ports are not: ASP.NET reads
        # those case-insensitively).
        if element_name.localname != operation.name or element_name.namespace != NAMESPACE:
            raise SoapFault(
                f"The body element {element_name.text} does not match the action of "
                f"{operation.name} "
                f"(expected {{{NAMESPACE}}}{operation.name}).",
                version,
            )
        values: dict[str, str | None] = {}
        for child in element:
            if isinstance(child.tag, str):
                values[etree.QName(child).localname] = child.text or ""
        return SoapCall(operation, version, values)

    def soap_answer(
        self, operation: Operation, version: SoapVersion, inner: etree._Element
    ) -> bytes:
        """Return the SOAP answer: ``<MethodResponse><MethodResult>`` around the answer element.

        CHOICE (reference section 1): the embedded element carries ``xmlns=""``.

        Args:
            operation: The operation.
            version: The envelope version of the request.
            inner: The ``<root>`` or ``<response>`` element.

        Returns:
            The envelope bytes.
        """
        envelope = SOAP11 if version == "1.1" else SOAP12
        wrapper = self.response_elements[operation.name]
        result = operation.result_element
        payload = etree.tostring(inner, encoding="unicode")
        # lxml leaves out xmlns="" on a no-namespace child of a default-namespace parent,
        # which would move the answer into http://tempuri.org/; so it is written here.
        tag = str(inner.tag)
        payload = f'<{tag} xmlns=""' + payload[len(tag) + 1 :]
        text = (
            f'<soap:Envelope xmlns:soap="{envelope}" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:xsd="http://www.w3.org/2001/XMLSchema">'
            f'<soap:Body><{wrapper} xmlns="{NAMESPACE}"><{result}>{payload}</{result}></{wrapper}>'
            "</soap:Body></soap:Envelope>"
        )
        return _XML_DECLARATION + text.encode("utf-8")


def soap_fault(fault: SoapFault) -> bytes:
    """Return a ``soap:Fault`` envelope in the request's SOAP version.

    Args:
        fault: The fault.

    Returns:
        The envelope bytes.
    """
    message = escape(fault.message)
    if fault.version == "1.1":
        code = "soap:Client" if fault.sender else "soap:Server"
        body = (
            f"<soap:Fault><faultcode>{code}</faultcode><faultstring>{message}</faultstring>"
            "<detail /></soap:Fault>"
        )
        envelope = SOAP11
    else:
        code = "soap:Sender" if fault.sender else "soap:Receiver"
        body = (
            f"<soap:Fault><soap:Code><soap:Value>{code}</soap:Value></soap:Code>"
            f'<soap:Reason><soap:Text xml:lang="en">{message}</soap:Text></soap:Reason>'
            "<soap:Detail /></soap:Fault>"
        )
        envelope = SOAP12
    text = f'<soap:Envelope xmlns:soap="{envelope}"><soap:Body>{body}</soap:Body></soap:Envelope>'
    return _XML_DECLARATION + text.encode("utf-8")


def bare_answer(inner: etree._Element) -> bytes:
    """Return the HTTP GET/POST answer: the answer element as a document of its own.

    Args:
        inner: The ``<root>`` or ``<response>`` element.

    Returns:
        The document bytes.
    """
    return _XML_DECLARATION + b"\n" + etree.tostring(inner, encoding="utf-8")
