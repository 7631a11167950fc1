"""The infoRouter sandbox's ASGI app: ``/srv.asmx`` over SOAP 1.1, SOAP 1.2, GET and POST.

* ``GET /srv.asmx?WSDL`` (the query name in any case) serves the packaged WSDL with every
  port address rewritten to the URL the request came to.
* ``POST /srv.asmx``: SOAP 1.1 (dispatched by ``SOAPAction``) or SOAP 1.2 (by the
  ``action`` of ``application/soap+xml``), answered in the same envelope version.
* ``GET /srv.asmx/<Method>?...`` and ``POST /srv.asmx/<Method>`` (form): the bare answer
  document, ``text/xml``. An empty required string parameter, or a missing or malformed
  number, date or boolean, is refused with HTTP 400 and no XML (the revised pages).

Parameter names match in any case on every binding (CHOICE, reference section 10).
Business errors are ``success="false"`` answers with HTTP 200; only a request the SOAP
stack cannot read or dispatch gets a ``soap:Fault`` with HTTP 500 (CHOICE).
"""

from __future__ import annotations

import datetime as dt
import inspect
import logging
import re
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import parse_qsl

from _sandbox_kit import Faults
from _sandbox_kit._app import SandboxApp
from inforouter_api import OPERATIONS, TASK_MODELS_XSD, WSDL, Operation, Parameter
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Scope

from ._models import TaskModels
from ._operations import HANDLERS, ROOTS, Answer, Context, error_answer
from ._seed import DEFAULT_SEED, InfoRouterSeed
from ._state import STATUSES, InfoRouterError, InfoRouterState
from ._wire import (
    CONTENT_TYPES,
    XML_CONTENT_TYPE,
    SoapFault,
    Wire,
    bare_answer,
    http_operation,
    soap_fault,
)

logger = logging.getLogger("inforouter.sandbox")

_FORM: Final = "application/x-www-form-urlencoded"
_INT: Final = re.compile(r"\s*[+-]?[0-9]+\s*")
_BOOLEANS: Final = {"true": True, "1": True, "false": False, "0": False}
# What a SOAP request that leaves out a required value type gets: the .NET default, as
# XmlSerializer leaves it (so taskId 0 is "Task not found", not a fault).
_SOAP_DEFAULTS: Final[dict[str, object]] = {
    "int": 0,
    "long": 0,
    "boolean": False,
    "dateTime": dt.datetime.min,
}
_ANNOTATIONS: Final = {
    "string": "str",
    "int": "int",
    "long": "int",
    "boolean": "bool",
    "dateTime": "dt.datetime",
}


class _BadParameterError(Exception):
    """A GET/POST parameter is missing or malformed: HTTP 400, no XML."""


@dataclass(frozen=True, slots=True)
class _Slot:
    """One parameter of an operation, and whether its handler lets it be absent."""

    parameter: Parameter
    optional: bool


def _slots() -> dict[str, tuple[_Slot, ...]]:
    """Match every WSDL operation to its handler's signature (fails loudly on drift)."""
    if set(HANDLERS) != set(OPERATIONS) or set(ROOTS) != set(OPERATIONS):
        raise RuntimeError(
            f"WSDL operations {sorted(OPERATIONS)} do not match "
            f"the sandbox's handlers {sorted(HANDLERS)}"
        )
    slots: dict[str, tuple[_Slot, ...]] = {}
    for name, operation in OPERATIONS.items():
        handler_parameters = list(inspect.signature(HANDLERS[name]).parameters.values())[1:]
        if len(handler_parameters) != len(operation.parameters):
            raise RuntimeError(
                f"{name}: the WSDL has {len(operation.parameters)} parameters, "
                f"the handler {len(handler_parameters)}"
            )
        entries = []
        for parameter, python in zip(operation.parameters, handler_parameters, strict=True):
            annotation = str(python.annotation)
            if annotation.split(" | ", maxsplit=1)[0] != _ANNOTATIONS[parameter.xsd_type]:
                raise RuntimeError(
                    f"{name}.{parameter.name} is xsd:{parameter.xsd_type}, "
                    f"the handler takes {annotation}"
                )
            entries.append(_Slot(parameter, annotation.endswith("| None")))
        slots[name] = tuple(entries)
    return slots


def _convert(parameter: Parameter, text: str) -> object:
    """Return a parameter's text as its XSD type; ValueError when it is not in that form."""
    kind = parameter.xsd_type
    if kind in ("int", "long"):
        if not _INT.fullmatch(text):
            raise ValueError(f"{parameter.name} must be an integer, not {text!r}")
        return int(text)
    if kind == "boolean":
        value = _BOOLEANS.get(text.strip().lower())
        if value is None:
            raise ValueError(f"{parameter.name} must be true or false, not {text!r}")
        return value
    if kind == "dateTime":
        try:
            moment = dt.datetime.fromisoformat(text.strip())
        except ValueError:
            raise ValueError(
                f"{parameter.name} must be a date and time like 2026-05-15T00:00:00, not {text!r}"
            ) from None
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
        return moment
    return text


class InfoRouterApp(SandboxApp[InfoRouterState]):
    """The infoRouter sandbox as an ASGI app (see `create_app`)."""

    def __init__(self, state: InfoRouterState, faults: Faults | None) -> None:
        self.wire = Wire(WSDL.read_bytes())
        self.path = self.wire.service_path
        super().__init__(state, faults, is_exempt=self._is_exempt)
        self.models = TaskModels(TASK_MODELS_XSD.read_bytes())
        if set(self.models.enums["TaskStatusName"]) != STATUSES:
            raise RuntimeError("the task statuses of the XSD and the sandbox differ")
        self._slots = _slots()
        self._login = OPERATIONS["AuthenticateUser"]
        self.starlette = Starlette(
            routes=[
                Route(self.path, self._service, methods=["GET", "POST"]),
                Route(self.path + "/{method}", self._http, methods=["GET", "POST"]),
            ]
        )
        self.mount(self.starlette)

    def _is_exempt(self, scope: Scope) -> bool:
        """``?WSDL`` and AuthenticateUser get no fault unless asked (CHOICE)."""
        path = str(scope.get("path", ""))
        if path == self.path and scope.get("method") == "GET":
            return True
        if path.lower() == f"{self.path}/{self._login.name}".lower():
            return True
        headers = dict(scope.get("headers", []))
        action = headers.get(b"soapaction", b"") + headers.get(b"content-type", b"")
        return self._login.soap_action.lower().encode() in action.lower()

    def _context(self, request: Request) -> Context:
        return Context(self.state, self.models, dict(request.cookies))

    def _run(self, operation: Operation, context: Context, values: list[object]) -> Answer:
        try:
            return HANDLERS[operation.name](context, *values)
        except InfoRouterError as exc:
            return error_answer(exc, context.state.error_codes)
        except Exception as exc:
            logger.exception("the infoRouter sandbox failed on %s", operation.name)
            return Answer(False, {"error": f"SystemError: {type(exc).__name__}"})

    # ------------------------------------------------------------------ /srv.asmx

    async def _service(self, request: Request) -> Response:
        if request.method == "GET":
            if any(key.lower() == "wsdl" for key in request.query_params):
                location = f"{request.url.scheme}://{request.url.netloc}{self.path}"
                return Response(self.wire.wsdl_at(location), media_type=XML_CONTENT_TYPE)
            names = "".join(f"<li>{name}</li>" for name in sorted(OPERATIONS))
            page = (
                "<html><body><h1>srv</h1><p><a href='?WSDL'>Service description</a></p>"
                f"<ul>{names}</ul></body></html>"
            )
            return Response(page, media_type="text/html; charset=utf-8")
        body = await request.body()
        try:
            call = self.wire.parse_soap(
                body, request.headers.get("content-type", ""), request.headers.get("soapaction")
            )
            values: list[object] = []
            for slot in self._slots[call.operation.name]:
                text = call.values.get(slot.parameter.name)  # case-sensitive, as ASMX
                if text is None:
                    values.append(self._soap_default(slot))
                    continue
                try:
                    values.append(_convert(slot.parameter, text))
                except ValueError as exc:
                    raise SoapFault(f"The request could not be read: {exc}", call.version) from None
        except SoapFault as fault:
            content_type = CONTENT_TYPES[fault.version]
            return Response(soap_fault(fault), status_code=500, media_type=content_type)
        answer = self._run(call.operation, self._context(request), values)
        element = answer.element(ROOTS[call.operation.name])
        return Response(
            self.wire.soap_answer(call.operation, call.version, element),
            media_type=CONTENT_TYPES[call.version],
        )

    @staticmethod
    def _soap_default(slot: _Slot) -> object:
        if slot.parameter.xsd_type == "string":
            return None if slot.optional else ""
        return _SOAP_DEFAULTS[slot.parameter.xsd_type]

    # ------------------------------------------------------------------ /srv.asmx/<Method>

    async def _http(self, request: Request) -> Response:
        kind: Literal["http-get", "http-post"] = (
            "http-get" if request.method == "GET" else "http-post"
        )
        operation = http_operation(kind, "/" + request.path_params["method"])
        if operation is None:
            return Response(
                f"Unknown method {request.path_params['method']!r}.",
                status_code=404,
                media_type="text/plain",
            )
        if kind == "http-get":
            pairs = list(request.query_params.multi_items())
        else:
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type != _FORM:
                return Response(
                    f"HTTP POST needs Content-Type: {_FORM}.",
                    status_code=415,
                    media_type="text/plain",
                )
            try:
                text = (await request.body()).decode("utf-8")
            except UnicodeDecodeError:
                return Response("The form is not UTF-8.", status_code=400, media_type="text/plain")
            pairs = parse_qsl(text, keep_blank_values=True)
        given: dict[str, str] = {}
        for key, value in pairs:
            given.setdefault(key.lower(), value)
        try:
            values = [
                self._http_value(slot, given.get(slot.parameter.name.lower()))
                for slot in self._slots[operation.name]
            ]
        except _BadParameterError as exc:
            return Response(str(exc), status_code=400, media_type="text/plain")
        answer = self._run(operation, self._context(request), values)
        return Response(
            bare_answer(answer.element(ROOTS[operation.name])), media_type=XML_CONTENT_TYPE
        )

    @staticmethod
    def _http_value(slot: _Slot, text: str | None) -> object:
        if not text:
            if slot.optional:
                return None
            raise _BadParameterError(
                f"The parameter {slot.parameter.name} is required and must not be empty."
            )
        try:
            return _convert(slot.parameter, text)
        except ValueError as exc:
            raise _BadParameterError(str(exc)) from None


def create_app(
    seed: InfoRouterSeed | str | dict[str, object] | None = None,
    *,
    faults: Faults | None = None,
    error_codes: bool | None = None,
) -> InfoRouterApp:
    """Build the infoRouter sandbox as an ASGI app, to serve with any ASGI server.

    Args:
        seed: The starting data: None for the default seed, an `InfoRouterSeed`, a seed
            file path or a seed mapping.
        faults: Faults to inject (None: none).
        error_codes: Overrides the seed's ``errorCodes`` (add ``errorCode`` to errors).

    Returns:
        The app; ``app.state`` is the server data, ``app.faults`` the fault configuration.

    Raises:
        SeedError: If the seed is invalid.
    """
    return InfoRouterApp(new_state(InfoRouterSeed.resolve(seed, DEFAULT_SEED), error_codes), faults)


def new_state(seed: InfoRouterSeed, error_codes: bool | None = None) -> InfoRouterState:
    """Return a fresh server from a seed, with the override the public API offers.

    Args:
        seed: The seed.
        error_codes: Overrides ``errorCodes``.

    Returns:
        The state.
    """
    state = InfoRouterState(seed)
    if error_codes is not None:
        state.error_codes = error_codes
    return state
