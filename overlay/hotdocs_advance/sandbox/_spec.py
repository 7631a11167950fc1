"""The OpenAPI spec as the sandbox uses it: its operations, and request/response validation.

The spec is read from package data (``hotdocs_advance_api/spec``), parsed and compiled
once per process. Its paths and servers define the sandbox's routes: the API lives under
the path of the first server URL (``/api/rest``) and the log-in under the path of its own
first server URL (``/auth``), so nothing here repeats a path the spec already states.

Validation runs through openapi-core. The request seen by openapi-core is the one that
arrived, presented as if sent to the cloud host of the sandbox's tenancy (so the spec's
server templates match) and after the sandbox's documented normalisations (braced GUIDs,
JSON member names in any case, a token without ``Bearer``).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

import yaml
from hotdocs_advance_api import OPENAPI_SPEC
from openapi_core import OpenAPI, V30RequestValidator, V30ResponseValidator
from openapi_core.configurations import Config
from openapi_core.datatypes import RequestParameters
from openapi_core.exceptions import OpenAPIError
from openapi_core.validation.schemas.datatypes import FormatValidatorsDict
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator
from starlette.datastructures import Headers

_METHODS: Final = ("get", "put", "post", "delete", "patch")
_VARIABLE: Final = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True, slots=True)
class SpecOperation:
    """One operation of the spec, with what the sandbox needs to route and normalise it."""

    operation_id: str
    method: str
    path: str
    prefix: str
    server: str
    body_members: tuple[str, ...]
    guid_parameters: frozenset[str]
    # Issue 14: the spec's defaults of query parameters, and a 409's x-sdk-allowed-statuses.
    query_defaults: dict[str, object] = field(default_factory=dict)
    allowed_statuses: frozenset[str] = frozenset()

    @property
    def route(self) -> str:
        """The route on the sandbox (prefix + spec path)."""
        return self.prefix + self.path

    def concrete_path(self, parameters: Mapping[str, str]) -> str:
        """Return the request path with the path parameters filled in.

        Args:
            parameters: The (normalised) path parameters.

        Returns:
            The path, prefix included.
        """
        return self.prefix + _VARIABLE.sub(lambda m: parameters[m.group(1)], self.path)


@dataclass(slots=True)
class WireRequest:
    """A request as openapi-core's ``Request`` protocol wants it."""

    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: RequestParameters


@dataclass(slots=True)
class WireResponse:
    """A response as openapi-core's ``Response`` protocol wants it."""

    status_code: int
    data: bytes
    content_type: str
    headers: Headers


def _json_loads(value: bytes, **parameters: str) -> Any:
    return json.loads(value)


def _xml_text(value: bytes, **parameters: str) -> str:
    # The spec's XML bodies are strings (an answer set document): openapi-core's own XML
    # reader would make an element of them. What the document holds is the answer-set
    # checker's business, not the schema's.
    return value.decode(parameters.get("charset", "utf-8"), errors="replace")


class _SharedFormatChecker(SchemaValidatorsFactory):
    """openapi-core's schema validator factory, minus a deep copy per schema per request.

    The stock factory deep-copies jsonschema's format checker for every schema it checks,
    about a sixth of the sandbox's time per request. Without extra formats the copy is
    never changed, so one copy serves every validation.
    """

    # jsonschema's FormatChecker (jsonschema ships no type stubs).
    _shared: Any = None

    def get_format_checker(
        self,
        format_validators: FormatValidatorsDict | None = None,
        extra_format_validators: FormatValidatorsDict | None = None,
    ) -> Any:
        if format_validators is not None or extra_format_validators is not None:
            return super().get_format_checker(format_validators, extra_format_validators)
        if self._shared is None:
            self._shared = super().get_format_checker()
        return self._shared


class _RequestValidator(V30RequestValidator):
    schema_validators_factory = _SharedFormatChecker(OAS30WriteValidator)


class _ResponseValidator(V30ResponseValidator):
    schema_validators_factory = _SharedFormatChecker(OAS30ReadValidator)


class Spec:
    """The parsed spec, its operations and an openapi-core validator.

    Args:
        document: The parsed OpenAPI document.
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        # problem+json is JSON; openapi-core only knows a few JSON media types by name.
        config = Config(
            extra_media_type_deserializers={
                "application/problem+json": _json_loads,
                "application/xml": _xml_text,
                "text/xml": _xml_text,
            },
            request_validator_cls=_RequestValidator,
            response_validator_cls=_ResponseValidator,
        )
        self.openapi = OpenAPI.from_dict(document, config=config)
        self.operations: dict[str, SpecOperation] = {op.operation_id: op for op in self._read()}

    def _resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self.document
            for part in str(node["$ref"]).lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    def _read(self) -> Iterator[SpecOperation]:
        default_servers = self.document["servers"]
        for path, item in self.document["paths"].items():
            shared = [self._resolve(p) for p in item.get("parameters", [])]
            for method in _METHODS:
                operation = item.get(method)
                if operation is None:
                    continue
                servers = operation.get("servers") or default_servers
                server = servers[0]["url"]
                parameters = shared + [self._resolve(p) for p in operation.get("parameters", [])]
                guids = frozenset(
                    p["name"]
                    for p in parameters
                    if p.get("in") == "path"
                    and self._resolve(p.get("schema", {})).get("format") == "uuid"
                )
                members: tuple[str, ...] = ()
                body = self._resolve(operation.get("requestBody", {}))
                schema = self._resolve(
                    body.get("content", {}).get("application/json", {}).get("schema", {})
                )
                members = tuple(schema.get("properties", {}))
                defaults = {
                    p["name"]: self._resolve(p.get("schema", {}))["default"]
                    for p in parameters
                    if p.get("in") == "query" and "default" in self._resolve(p.get("schema", {}))
                }
                conflict = self._resolve(operation.get("responses", {}).get("409", {}))
                yield SpecOperation(
                    operation_id=operation["operationId"],
                    method=method.upper(),
                    path=path,
                    prefix=urlsplit(server).path.rstrip("/"),
                    server=server,
                    body_members=members,
                    guid_parameters=guids,
                    query_defaults=defaults,
                    allowed_statuses=frozenset(conflict.get("x-sdk-allowed-statuses", ())),
                )

    def host_url(self, operation: SpecOperation, tenancy: str) -> str:
        """Return the origin of the operation's first server, for the given tenancy.

        Args:
            operation: The operation.
            tenancy: The tenancy moniker.

        Returns:
            For example ``https://tenancy1.hotdocsadvance.com``.
        """
        variables = {
            "tenancymoniker": tenancy,
            **{
                name: str(v.get("default", ""))
                for server in self.document["servers"]
                for name, v in server.get("variables", {}).items()
                if name != "tenancymoniker"
            },
        }
        url = _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(1)), operation.server)
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}"

    def request_problem(self, request: WireRequest) -> str | None:
        """Why a request does not conform to the spec, or None.

        Args:
            request: The (normalised) request.

        Returns:
            A message naming each problem, or None.
        """
        try:
            self.openapi.validate_request(request)
        except OpenAPIError as exc:
            return _describe(exc)
        return None

    def response_problem(self, request: WireRequest, response: WireResponse) -> str | None:
        """Why a response does not conform to the spec, or None.

        Args:
            request: The request it answers.
            response: The response.

        Returns:
            A message naming each problem, or None.
        """
        try:
            self.openapi.validate_response(request, response)
        except OpenAPIError as exc:
            return _describe(exc)
        return None


def _describe(exc: BaseException) -> str:
    """Return a message from an openapi-core error, without echoing request bodies.

    openapi-core's own messages repeat the whole value (which for the log-in holds a
    password, and may not even be text), so only the individual schema errors are kept,
    with where they are.
    """
    messages: list[str] = []
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None:
        chain.append(current)
        for error in getattr(current, "schema_errors", None) or ():
            where = ".".join(str(part) for part in getattr(error, "absolute_path", ()))
            message = getattr(error, "message", None) or type(error).__name__
            messages.append(f"{where}: {message}" if where else str(message))
        current = current.__cause__
    if messages:
        name, location = getattr(exc, "name", None), getattr(exc, "location", None)
        label = f"invalid {location} parameter {name!r}" if name and location else "invalid body"
        return f"{label}: " + "; ".join(messages)
    for link in chain:
        mimetype = getattr(link, "mimetype", None)
        if mimetype:
            return f"the body could not be read as {mimetype}"
    return _safe_str(exc)


def _safe_str(exc: BaseException) -> str:
    try:
        return str(exc) or type(exc).__name__
    except Exception:
        return type(exc).__name__


@functools.cache
def load_spec() -> Spec:
    """Return the spec shipped in ``hotdocs_advance_api``, compiled once per process.

    Returns:
        The spec.
    """
    document = yaml.safe_load(OPENAPI_SPEC.read_text(encoding="utf-8"))
    return Spec(document)
