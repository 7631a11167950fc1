"""The only adapter to zeep: the WSDL document, zeep's transports over httpx, the ports.

zeep's values are untyped (``Any``); they stop here. The WSDL ships in ``inforouter_api``
and is parsed once per process (`_document`); every client then builds a cheap
``zeep.Client`` on that document with its own transport. The transports send through the
package's one httpx client, never log (zeep's own transports log whole envelopes, ticket
included, at DEBUG), never fetch anything (`load` refuses every URL), and refuse hostile or
unreadable answers before zeep parses them. HTTP GET and POST requests are built by the
generated ports and sent here directly, because zeep cannot read those bindings' untyped
answers. Operations are called by their WSDL name on the generated port, so the name in
`_operations` is the one sent.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from typing import Any, Final, Literal, TypeAlias

import httpx
import zeep
import zeep.exceptions
import zeep.proxy
import zeep.transports
import zeep.wsdl
import zeep.wsdl.utils
from inforouter_api import (
    WSDL,
    AsyncSrvSoap,
    AsyncSrvSoap12,
    HttpRequest,
    SrvHttpGet,
    SrvHttpPost,
    SrvSoap,
    SrvSoap12,
)
from lxml import etree

from ._answers import check_answer, check_soap_answer, read_http_answer
from ._errors import ClientClosedError
from ._transport import RawResponse, build_request, send, send_async

Binding: TypeAlias = Literal["soap11", "soap12", "http-post", "http-get"]
AsyncBinding: TypeAlias = Literal["soap11", "soap12"]
BINDINGS: Final[tuple[Binding, ...]] = ("soap11", "soap12", "http-post", "http-get")
ASYNC_BINDINGS: Final[tuple[AsyncBinding, ...]] = ("soap11", "soap12")

SyncPort: TypeAlias = SrvSoap | SrvSoap12 | SrvHttpGet | SrvHttpPost
AsyncPort: TypeAlias = AsyncSrvSoap | AsyncSrvSoap12

# zeep parses answers too: the same refusals as the package's own parser.
_SETTINGS: Final = zeep.Settings(
    strict=True,
    forbid_dtd=True,
    forbid_entities=True,
    forbid_external=True,
    xml_huge_tree=False,
)


def _operation(headers: dict[str, str]) -> str:
    """Read the operation name from zeep's SOAPAction header ``"http://tempuri.org/<M>"``."""
    action = headers.get("SOAPAction", "").strip('"')
    return action.rpartition("/")[2] or "SOAP call"


def _to_bytes(envelope: etree._Element) -> bytes:
    """Serialise an envelope as zeep does."""
    return zeep.wsdl.utils.etree_to_string(envelope)  # type: ignore[no-untyped-call,no-any-return]


class _NoFetchTransport(zeep.Transport):
    """A zeep transport that loads nothing: the WSDL is local and imports are refused."""

    def __init__(self) -> None:
        # zeep.Transport.__init__ would open a requests.Session this package never uses.
        self.cache = None
        self.load_timeout = None
        self.operation_timeout = None
        self._close_session = False

    def load(self, url: str) -> bytes:
        raise zeep.exceptions.ExternalReferenceForbidden(url)  # type: ignore[no-untyped-call]


class _SyncTransport(_NoFetchTransport):
    """zeep's synchronous transport, over the package's httpx client."""

    def __init__(self, http: httpx.Client, timeout: httpx.Timeout, max_bytes: int) -> None:
        super().__init__()
        self._http = http
        self._timeout = timeout
        self._max_bytes = max_bytes

    def post(self, address: str, message: bytes, headers: dict[str, str]) -> RawResponse:
        request = self._http.build_request(
            "POST", address, content=message, headers=headers, timeout=self._timeout
        )
        return send(self._http, request, self._max_bytes)

    def post_xml(
        self, address: str, envelope: etree._Element, headers: dict[str, str]
    ) -> RawResponse:
        raw = self.post(address, _to_bytes(envelope), headers)
        return check_soap_answer(raw, str(envelope.tag), _operation(headers))

    def get(self, address: str, params: dict[str, str], headers: dict[str, str]) -> RawResponse:
        request = self._http.build_request(
            "GET", address, params=params, headers=headers, timeout=self._timeout
        )
        return send(self._http, request, self._max_bytes)


class _AsyncTransport(zeep.transports.AsyncTransport):
    """zeep's asynchronous transport, over the package's httpx client, silent."""

    def __init__(self, http: httpx.AsyncClient, timeout: httpx.Timeout, max_bytes: int) -> None:
        # zeep.AsyncTransport.__init__ would replace the client's headers and open a second,
        # synchronous client for the WSDL.
        self.cache = None
        self._close_session = False
        self.client = http
        self._timeout = timeout
        self._max_bytes = max_bytes

    def load(self, url: str) -> bytes:
        raise zeep.exceptions.ExternalReferenceForbidden(url)  # type: ignore[no-untyped-call]

    async def post(self, address: str, message: bytes, headers: dict[str, str]) -> RawResponse:
        request = self.client.build_request(
            "POST", address, content=message, headers=headers, timeout=self._timeout
        )
        return await send_async(self.client, request, self._max_bytes)

    async def post_xml(
        self, address: str, envelope: etree._Element, headers: dict[str, str]
    ) -> RawResponse:
        raw = await self.post(address, _to_bytes(envelope), headers)
        return check_soap_answer(raw, str(envelope.tag), _operation(headers))

    async def get(
        self, address: str, params: dict[str, str], headers: dict[str, str]
    ) -> RawResponse:
        request = self.client.build_request(
            "GET", address, params=params, headers=headers, timeout=self._timeout
        )
        return await send_async(self.client, request, self._max_bytes)

    async def aclose(self) -> None:
        """Leave the httpx client open: it belongs to the InfoRouterClient."""


@functools.cache
def _document() -> Any:
    """Parse the packaged WSDL, once per process."""
    return zeep.wsdl.Document(
        io.BytesIO(WSDL.read_bytes()),
        _NoFetchTransport(),  # type: ignore[arg-type]  # zeep annotates a class, uses an instance
        settings=_SETTINGS,
    )


def _closed(url: str) -> ClientClosedError:
    return ClientClosedError(
        f"the client for {url} is closed (its HTTP client was closed: by close() or the end of "
        "its with block, or, for an http_client it was given, by its owner); nothing was sent: "
        "create a new client"
    )


class SyncWire:
    """Calls operations over one binding, synchronously.

    Args:
        url: the service URL (``https://<server>/srv.asmx``).
        binding: the binding.
        http: the pooled httpx client.
        timeout: the timeout of every request.
        max_bytes: the largest answer read.
    """

    def __init__(
        self,
        url: str,
        binding: Binding,
        http: httpx.Client,
        timeout: httpx.Timeout,
        max_bytes: int,
    ) -> None:
        self.url = url
        self._http = http
        self._timeout = timeout
        self._max_bytes = max_bytes
        self.port: SyncPort
        if binding == "http-get":
            self.port = SrvHttpGet(url)
        elif binding == "http-post":
            self.port = SrvHttpPost(url)
        else:
            client = zeep.Client(  # type: ignore[no-untyped-call]
                _document(),
                transport=_SyncTransport(http, timeout, max_bytes),
                settings=_SETTINGS,
            )
            self.port = SrvSoap(client, url) if binding == "soap11" else SrvSoap12(client, url)

    def call(self, operation: str, arguments: Mapping[str, object]) -> etree._Element:
        """Send one call and check its answer.

        Args:
            operation: the WSDL operation, which is also the port's method name.
            arguments: the method's keyword arguments.

        Returns:
            The successful answer element.

        Raises:
            ClientClosedError: the HTTP client is closed (nothing was sent).
            InfoRouterError: the answer reports a failure or cannot be read.
            Exception: httpx, zeep and lxml errors, for the caller to translate.
        """
        if self._http.is_closed:
            raise _closed(self.url)
        result = getattr(self.port, operation)(**arguments)
        if isinstance(result, HttpRequest):
            raw = send(
                self._http, build_request(self._http, result, self._timeout), self._max_bytes
            )
            return check_answer(read_http_answer(raw, operation), operation, raw.status_code)
        return check_answer(result, operation)


class AsyncWire:
    """Calls operations over one SOAP binding, asynchronously; the arguments are `SyncWire`'s."""

    def __init__(
        self,
        url: str,
        binding: AsyncBinding,
        http: httpx.AsyncClient,
        timeout: httpx.Timeout,
        max_bytes: int,
    ) -> None:
        self.url = url
        self._http = http
        client = zeep.AsyncClient(  # type: ignore[no-untyped-call]
            _document(), transport=_AsyncTransport(http, timeout, max_bytes), settings=_SETTINGS
        )
        self.port: AsyncPort = (
            AsyncSrvSoap(client, url) if binding == "soap11" else AsyncSrvSoap12(client, url)
        )

    async def call(self, operation: str, arguments: Mapping[str, object]) -> etree._Element:
        """Async twin of `SyncWire.call`; same arguments, returns and errors."""
        if self._http.is_closed:
            raise _closed(self.url)
        return check_answer(await getattr(self.port, operation)(**arguments), operation)
