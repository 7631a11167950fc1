"""The Advance sandbox's ASGI app: routes from the spec, rules from `AdvanceState`.

Each request goes through the same steps:

1. normalise (CHOICEs, reference sections 2.1 and 4.5): braced GUIDs in the path,
   JSON member names in any case, a token with or without ``Bearer``;
2. check the token and its scope (401, 403), except for the log-in;
3. validate the request against the OpenAPI spec (400 problem+json on failure);
4. apply the rule in `AdvanceState` and build the answer;
5. validate the answer against the spec. An answer that does not conform is replaced
   by a 500 problem+json, logged as an error and recorded in ``state.spec_violations``,
   so the sandbox cannot drift from the spec unnoticed.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final, TypeVar
from urllib.parse import quote

import httpx
from _sandbox_kit import Faults
from _sandbox_kit._app import SandboxApp
from openapi_core.datatypes import RequestParameters
from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Match, Route

from .._callbacks import CALLBACK_SCHEMES
from ._answers import AnswerSetChecker
from ._callback import CALLBACK_TIMEOUT, Callback, CallbackRecord, why_not_called
from ._listing import (
    EMPTY_ANSWER_SET,
    PageTokenError,
    describe_template_package,
    describe_work_group,
    overlay,
    page,
    read_xml_body,
    xml_document,
)
from ._seed import DEFAULT_SEED, AdvanceSeed
from ._spec import Spec, SpecOperation, WireRequest, WireResponse, load_spec
from ._state import AdvanceState, ApiError, Document, VersionWork, WorkItem

if TYPE_CHECKING:
    from starlette.types import Receive, Scope, Send

logger = logging.getLogger("hotdocs_advance.sandbox")

T = TypeVar("T")

PROBLEM_JSON: Final = "application/problem+json"
LOGIN: Final = "servicePrincipalLogIn"
# Command methods need Command or Root scope; the others are query methods. The vendor
# calls the public-link GET a command method, so it is one here (reference section 2.3).
COMMAND_OPERATIONS: Final = frozenset(
    {
        "createWorkItem",
        "beginAssemblySession",
        "saveAssemblySession",
        "completeAssemblySession",
        "saveAndCloseVersion",
        "createVersion",
        "completeVersion",
        "createAndAssembleVersion",
        "createPublicInterviewLink",
        "getPublicInterviewLink",
        "deletePublicInterviewLink",
        "replaceAnswerSet",
        "updateAnswerSet",
    }
)
# CHOICE (reference section 4.3): the PHP SDK's Versions/{versionId}/CompleteSession is
# accepted beside the documented Versions/Active/CompleteSession.
_ACTIVE_SEGMENT: Final = "/Versions/Active/"
_VERSION_SEGMENT: Final = "/Versions/{versionId}/"


def problem(status: int, title: str, detail: str) -> Response:
    """Return an ``application/problem+json`` answer (CHOICE: the ASP.NET Core default shape).

    Args:
        status: The HTTP status.
        title: A short summary.
        detail: What was wrong and what to do.

    Returns:
        The response.
    """
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _fault_body(status: int, title: str) -> tuple[str, bytes]:
    body = {"type": "about:blank", "title": title, "status": status}
    return PROBLEM_JSON, json.dumps(body).encode("utf-8")


def _guid(value: str) -> str:
    # CHOICE (reference section 4.5): .NET accepts {braced} GUIDs, so the sandbox does.
    if len(value) == 38 and value.startswith("{") and value.endswith("}"):
        value = value[1:-1]
    if len(value) == 36:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            pass
    return value


@dataclass(slots=True)
class Call:
    """One request on its way through the steps, with what the handlers need."""

    operation: SpecOperation
    path: dict[str, str]
    body: dict[str, object] | None
    wire: WireRequest
    origin: str
    # Awaited before the answer goes out (a synchronous server's work), then started after it.
    before: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    after: list[Callable[[], Awaitable[None]]] = field(default_factory=list)

    def guid(self, name: str) -> uuid.UUID:
        """Return a validated GUID path parameter.

        Args:
            name: The parameter name in the spec.

        Returns:
            The GUID.
        """
        return uuid.UUID(self.path[name])

    @property
    def json(self) -> dict[str, object]:
        """The validated JSON body (empty when there is none)."""
        return self.body if self.body is not None else {}

    def query(self, name: str) -> str | None:
        """Return a (validated) query parameter, or the spec's default for it, or None.

        Args:
            name: The parameter's name in the spec.

        Returns:
            Its value as text.
        """
        value = self.wire.parameters.query.get(name)
        if value is None and name in self.operation.query_defaults:
            return str(self.operation.query_defaults[name])
        return None if value is None else str(value)


Handler = Callable[["AdvanceApp", Call], Response]


class AdvanceApp(SandboxApp[AdvanceState]):
    """The Advance sandbox as an ASGI app (see `create_app`)."""

    def __init__(self, state: AdvanceState, faults: Faults | None, spec: Spec) -> None:
        login_route = spec.operations[LOGIN].route
        super().__init__(
            state,
            faults,
            is_exempt=lambda scope: scope.get("path") == login_route,
            error_body=_fault_body,
        )
        self.spec = spec
        self.answers = AnswerSetChecker()
        self._tasks: set[asyncio.Task[None]] = set()
        missing = set(spec.operations) ^ set(HANDLERS)
        if missing:
            # The spec and the sandbox must describe the same operations.
            raise RuntimeError(
                f"spec operations without a sandbox handler (or vice versa): {sorted(missing)}"
            )
        routes = [
            Route(op.route, self._endpoint(op), methods=[op.method], name=op.operation_id)
            for op in spec.operations.values()
        ]
        complete = spec.operations["completeAssemblySession"]
        routes.append(
            Route(
                complete.route.replace(_ACTIVE_SEGMENT, _VERSION_SEGMENT),
                self._endpoint(complete),
                methods=[complete.method],
                name="completeAssemblySessionByVersion",
            )
        )
        self.starlette = Starlette(
            routes=routes,
            exception_handlers={404: self._http_error, 405: self._http_error},
        )
        self.mount(self.starlette)

    async def _http_error(self, request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if status == 405:
            answer = problem(
                405, "Method Not Allowed", f"{request.method} is not allowed on {request.url.path}."
            )
            # RFC 9110: a 405 lists the methods the path supports. Starlette's own header names
            # only the first route that matched, and each operation is a route of its own.
            answer.headers["Allow"] = ", ".join(self._allowed_methods(request.scope))
            return answer
        return problem(
            404, "Not Found", f"No operation of the Advance API has the path {request.url.path}."
        )

    def _allowed_methods(self, scope: Scope) -> list[str]:
        """Return the methods of every route whose path matches the request's, sorted.

        The routes are the spec's operations (and the alias route), so this is the spec's list
        for the path, with HEAD beside GET as Starlette serves it.
        """
        methods: set[str] = set()
        for route in self.starlette.routes:
            if isinstance(route, Route) and route.matches(scope)[0] is not Match.NONE:
                methods |= route.methods or set()
        return sorted(methods)

    def _endpoint(self, operation: SpecOperation) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            return await self._dispatch(operation, request)

        return endpoint

    async def _dispatch(self, operation: SpecOperation, request: Request) -> Response:
        state = self.state
        raw = await request.body()
        call = self._prepare(operation, request, raw, state.tenancy)
        try:
            self._admit(operation, request, call)
            response = HANDLERS[operation.operation_id](self, call)
        except ApiError as exc:
            response = problem(exc.status, exc.title, exc.detail)
        except Exception:
            logger.exception(
                "the Advance sandbox failed on %s %s", request.method, request.url.path
            )
            response = problem(500, "Internal Server Error", "The sandbox failed; see its log.")
        drift = self.spec.response_problem(call.wire, _wire_response(response))
        if drift is not None:
            message = (
                f"{operation.operation_id} answered {response.status_code}, which does not "
                f"conform to the OpenAPI spec: {drift}"
            )
            logger.error("spec drift: %s", message)
            with state.lock:
                state.spec_violations.append(message)
            return problem(500, "Sandbox answer does not conform to the spec", message)
        for wait in call.before:
            await wait()
        for task in call.after:
            self._spawn(task())
        return response

    def _admit(self, operation: SpecOperation, request: Request, call: Call) -> None:
        """Check the token, its scope and the request's conformance (401, 403, 400)."""
        if operation.operation_id != LOGIN:
            self.state.authorize(
                request.headers.get("authorization"),
                command=operation.operation_id in COMMAND_OPERATIONS,
            )
        invalid = self.spec.request_problem(call.wire)
        if invalid is not None:
            raise ApiError(400, "Bad Request", invalid)

    def _prepare(
        self, operation: SpecOperation, request: Request, raw: bytes, tenancy: str
    ) -> Call:
        params: dict[str, str] = {}
        extra: dict[str, str] = {}
        for name, value in request.path_params.items():
            # Parameters of an alias route that the spec path lacks (the PHP SDK's
            # versionId) are kept for the handler but not shown to the validator.
            target = params if "{" + name + "}" in operation.path else extra
            target[name] = (
                _guid(value) if name in operation.guid_parameters or target is extra else value
            )
        body: dict[str, object] | None = None
        if operation.body_members and raw:
            try:
                data = json.loads(raw)
            except ValueError:
                data = None
            if isinstance(data, dict):
                # CHOICE (reference section 2.1): member names match in any case, as
                # ASP.NET Core binds them.
                names = {member.lower(): member for member in operation.body_members}
                body = {names.get(str(key).lower(), str(key)): value for key, value in data.items()}
                raw = json.dumps(body).encode("utf-8")
        headers = MutableHeaders(raw=list(request.headers.raw))
        token = (headers.get("authorization") or "").strip()
        if token and not token.lower().startswith("bearer "):
            headers["authorization"] = f"Bearer {token}"
        wire = WireRequest(
            host_url=self.spec.host_url(operation, tenancy),
            path=operation.concrete_path(params),
            method=operation.method.lower(),
            body=raw if raw else None,
            content_type=headers.get("content-type", "application/octet-stream"),
            parameters=RequestParameters(
                query=request.query_params, header=Headers(raw=headers.raw), cookie=request.cookies
            ),
        )
        params.update(extra)
        origin = f"{request.url.scheme}://{request.url.netloc}"
        return Call(operation, params, body, wire, origin)

    def _spawn(self, coroutine: Awaitable[None]) -> None:
        async def run() -> None:
            await coroutine

        task = asyncio.get_running_loop().create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def _wire_response(response: Response) -> WireResponse:
    if isinstance(response, DocumentContent):
        body = response.sample  # a file's bytes: their first piece stands for the rest
    else:
        body = response.body if isinstance(response.body, bytes) else bytes(response.body)
    return WireResponse(
        status_code=response.status_code,
        data=body,
        content_type=response.headers.get("content-type", ""),
        headers=Headers(raw=response.headers.raw),
    )


def _json(data: dict[str, object], status: int = 200) -> Response:
    return JSONResponse(data, status_code=status)


def _empty(status: int) -> Response:
    return Response(status_code=status)


# ---------------------------------------------------------------------- handlers


def _log_in(app: AdvanceApp, call: Call) -> Response:
    body = call.json
    token = app.state.log_in(
        str(body["ClientName"]), str(body["PrincipalName"]), str(body["PrincipalPassword"])
    )
    return PlainTextResponse(token)


def _create_work_item(app: AdvanceApp, call: Call) -> Response:
    item = app.state.create_work_item(call.guid("id"), call.json, app.answers)
    return _json(item.first_answer)


def _get_work_item(app: AdvanceApp, call: Call) -> Response:
    return _json(app.state.work_item(call.guid("id")).describe())


def _begin_session(app: AdvanceApp, call: Call) -> Response:
    version = app.state.begin_session(
        call.guid("id"), call.guid("versionId"), call.json, app.answers
    )
    return _json(
        {
            "hdaSessionId": str(version.hda_session_id),
            "coreSessionId": str(version.core_session_id),
            # CHOICE: the sandbox runs no interviews; the URL only has the right shape.
            "interviewJsUrl": f"{call.origin}/sandbox/interview/{version.core_session_id}.js",
        }
    )


def _save_session(app: AdvanceApp, call: Call) -> Response:
    app.state.save_session(call.guid("id"))
    return _empty(200)


def _complete_session(app: AdvanceApp, call: Call) -> Response:
    version_id: uuid.UUID | None = None
    if "versionId" in call.path:
        try:
            version_id = uuid.UUID(call.path["versionId"])
        except ValueError:
            raise ApiError(400, "Bad Request", "versionId must be a GUID.") from None
    run_assembly = call.json.get("runAssembly", True)
    app.state.complete_session(
        call.guid("id"), run_assembly=bool(run_assembly), version_id=version_id
    )
    return _empty(200)


# v2.0 versions: every call that moves a version on is answered by `_answer_work`.


def _answer_work(
    app: AdvanceApp, call: Call, work: VersionWork, headers: dict[str, str] | None = None
) -> Response:
    """Answer a v2.0 version call by the vendor's sync-then-async rule (reference section 4.5).

    The one place for SaveAndClose, create, Complete and CreateAndAssemble, timed by
    ``state.version_timing``: without a callback URL, work that fits in the synchronous
    timeout ends before the answer, 200 with the final status; otherwise the answer is 202
    with the status so far (at once with a callback URL, else once the timeout has passed),
    the work ends in the background and the callback, if any, follows.

    Args:
        app: The app.
        call: The request.
        work: What the state's rule started.
        headers: Headers of a 202 answer.

    Returns:
        The answer.
    """
    state = app.state
    timing = state.version_timing
    if work.callback is None and timing.synchronous:

        async def finish_in_time() -> None:
            await asyncio.sleep(timing.work_seconds)
            state.finish_work(work)

        call.before.append(finish_in_time)
        return _json({"status": work.done})
    held = 0.0 if work.callback is not None else timing.synchronous_timeout_seconds

    async def hold() -> None:
        await asyncio.sleep(held)

    async def finish_later() -> None:
        await asyncio.sleep(timing.work_seconds - held)
        state.finish_work(work)
        if work.callback is not None:
            await _send_callback(state, work.callback)

    call.before.append(hold)
    call.after.append(finish_later)
    return JSONResponse({"status": work.working}, status_code=202, headers=headers)


def _save_and_close(app: AdvanceApp, call: Call) -> Response:
    work = app.state.save_and_close(call.guid("workItemId"), call.guid("versionId"), call.json)
    return _answer_work(app, call, work)


def _create_version(app: AdvanceApp, call: Call) -> Response:
    work = app.state.create_version(
        call.guid("workItemId"), call.guid("versionId"), call.json, app.answers
    )
    return _answer_work(app, call, work)


def _complete_version(app: AdvanceApp, call: Call) -> Response:
    work = app.state.complete_version(call.guid("workItemId"), call.guid("versionId"), call.json)
    return _answer_work(app, call, work)


def _create_and_assemble(app: AdvanceApp, call: Call) -> Response:
    work = app.state.create_and_assemble(
        call.guid("workItemId"), call.guid("versionId"), call.json, app.answers
    )
    # CHOICE (spec): past the synchronous threshold, the status URL comes in Location.
    status = app.spec.operations["getVersionStatus"].concrete_path(call.path)
    return _answer_work(app, call, work, headers={"Location": call.origin + status})


async def _send_callback(state: AdvanceState, callback: Callback) -> None:
    body = callback.body()
    headers = callback.headers(body)
    unsent = why_not_called(callback.url)
    if unsent is not None:
        # CHOICE (safety): accepted as a real server accepts any URL, never called.
        logger.info("the callback to %s was %s", callback.url, unsent)
        with state.lock:
            state.callbacks_sent.append(
                CallbackRecord(callback.url, body, headers, None, unsent, sent=False)
            )
        return
    status: int | None = None
    error: str | None = None
    try:
        async with (
            httpx.AsyncClient(timeout=CALLBACK_TIMEOUT, trust_env=False) as client,
            # Only the status matters: the receiver's body is never read (nor decoded, so a
            # compression bomb in it costs nothing).
            client.stream("POST", callback.url, content=body, headers=headers) as answer,
        ):
            status = answer.status_code
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"
        logger.warning("the callback to %s failed: %s", callback.url, error)
    with state.lock:
        state.callbacks_sent.append(CallbackRecord(callback.url, body, headers, status, error))


def _version_status(app: AdvanceApp, call: Call) -> Response:
    status = app.state.version_status(call.guid("workItemId"), call.guid("versionId"))
    return _json({"status": status})


# Documents (issue 14) ---------------------------------------------------------------------

#: The size of each piece of a document the sandbox sends.
CONTENT_PIECE: Final = 64 * 1024


def content_disposition(file_name: str) -> str:
    """Write ``Content-Disposition`` for a file name (RFC 6266), in ASCII whatever the name.

    Args:
        file_name: The document's file name.

    Returns:
        ``attachment; filename="..."`` (non-ASCII and control characters as ``_``), with
        ``filename*=UTF-8''...`` after it when the name is not plain ASCII.
    """
    plain = "".join(c if " " <= c < "\x7f" else "_" for c in file_name)
    value = 'attachment; filename="{}"'.format(plain.replace("\\", "\\\\").replace('"', '\\"'))
    if plain != file_name:
        value += "; filename*=UTF-8''" + quote(file_name, safe="")
    return value


class DocumentContent(Response):
    """A document's bytes, sent in pieces of `CONTENT_PIECE` with their full length first.

    Sent as a real server streams a file, so that a fault can cut it midway and a client is
    seen to stream it rather than wait for the whole body.
    """

    def __init__(self, document: Document) -> None:
        headers = {
            "content-disposition": content_disposition(document.file_name),
            "content-length": str(len(document.content)),
        }
        super().__init__(media_type=document.content_type, headers=headers)
        self._content = memoryview(document.content)
        self.sample = bytes(self._content[:CONTENT_PIECE])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Send the answer, piece by piece."""
        await send(
            {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        )
        content = self._content
        for start in range(0, len(content), CONTENT_PIECE):
            piece = bytes(content[start : start + CONTENT_PIECE])
            await send({"type": "http.response.body", "body": piece, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def _list_documents(app: AdvanceApp, call: Call) -> Response:
    documents = app.state.documents(call.guid("id"))
    return JSONResponse([document.describe() for document in documents])


def _get_document(app: AdvanceApp, call: Call) -> Response:
    return _json(app.state.document(call.guid("id"), call.guid("documentId")).describe())


def _document_content(app: AdvanceApp, call: Call) -> Response:
    return DocumentContent(app.state.document(call.guid("id"), call.guid("documentId")))


# Public interview links --------------------------------------------------------------------


def _put_public_link(app: AdvanceApp, call: Call) -> Response:
    app.state.put_public_link(call.guid("publicInterviewLinkId"), call.json)
    return _empty(204)


def _get_public_link(app: AdvanceApp, call: Call) -> Response:
    return _json(app.state.public_link(call.guid("publicInterviewLinkId")).describe())


def _delete_public_link(app: AdvanceApp, call: Call) -> Response:
    app.state.delete_public_link(call.guid("publicInterviewLinkId"))
    return _empty(204)


# ---------------------------------------------------------------------- discovery, answers (14)


def _page(
    call: Call,
    ordered: Sequence[tuple[uuid.UUID, T]],
    describe: Callable[[T], dict[str, object]],
    keep: Callable[[T], bool] = lambda item: True,
) -> Response:
    """Answer one page of a list (the spec's Page; paging as ``_listing`` describes it)."""
    try:
        items, token = page(
            ordered, call.query("pageToken"), int(call.query("pageSize") or 0), keep
        )
    except PageTokenError as exc:
        raise ApiError(400, "Bad Request", str(exc)) from None
    body: dict[str, object] = {"items": [describe(item) for item in items]}
    if token is not None:
        body["nextPageToken"] = token
    return _json(body)


def _status_is(call: Call) -> Callable[[str], bool]:
    # CHOICE (spec StatusFilter): one status name, matched in any case.
    wanted = call.query("filter")
    return lambda status: wanted is None or status.lower() == wanted.lower()


def _list_work_groups(app: AdvanceApp, call: Call) -> Response:
    groups = [(group.id, group) for group in app.state.work_groups.values()]
    return _page(call, groups, describe_work_group)


def _get_work_group(app: AdvanceApp, call: Call) -> Response:
    return _json(describe_work_group(app.state.work_group(call.guid("workGroupId"))))


def _list_template_packages(app: AdvanceApp, call: Call) -> Response:
    packages = [(package.id, package) for package in app.state.template_packages.values()]
    return _page(call, packages, describe_template_package)


def _list_work_group_template_packages(app: AdvanceApp, call: Call) -> Response:
    group = app.state.work_group(call.guid("workGroupId")).id
    packages = [(package.id, package) for package in app.state.template_packages.values()]
    return _page(
        call, packages, describe_template_package, lambda package: group in package.work_group_ids
    )


def _get_template_package(app: AdvanceApp, call: Call) -> Response:
    package = app.state.template_package(call.guid("templatePackageId"))
    return _json(describe_template_package(package))


def _list_work_items(app: AdvanceApp, call: Call) -> Response:
    status_is = _status_is(call)
    with app.state.lock:
        items = list(app.state.work_items.items())
        return _page(call, items, WorkItem.describe, lambda item: status_is(item.status))


def _list_versions(app: AdvanceApp, call: Call) -> Response:
    status_is = _status_is(call)
    with app.state.lock:
        versions = [(v.id, v) for v in app.state.versions(call.guid("workItemId"))]
        return _page(
            call,
            versions,
            lambda version: {"id": str(version.id), "status": version.status},
            lambda version: status_is(version.status),
        )


def _get_answer_set(app: AdvanceApp, call: Call) -> Response:
    held = app.state.answers(call.guid("workItemId"))
    return Response(xml_document(held or EMPTY_ANSWER_SET), media_type="application/xml")


def _set_answers(
    app: AdvanceApp, call: Call, merge: Callable[[str | None, str], str] | None = None
) -> Response:
    try:
        text = read_xml_body(call.wire.body or b"", call.wire.content_type)
    except ValueError as exc:
        raise ApiError(400, "Bad Request", str(exc)) from None
    app.state.set_answers(
        call.guid("workItemId"), text, app.answers, call.operation.allowed_statuses, merge
    )
    return _empty(204)


def _replace_answer_set(app: AdvanceApp, call: Call) -> Response:
    return _set_answers(app, call)


def _update_answer_set(app: AdvanceApp, call: Call) -> Response:
    return _set_answers(
        app, call, lambda current, changes: overlay(current or EMPTY_ANSWER_SET, changes)
    )


HANDLERS: Final[dict[str, Handler]] = {
    LOGIN: _log_in,
    "createWorkItem": _create_work_item,
    "getWorkItem": _get_work_item,
    "beginAssemblySession": _begin_session,
    "saveAssemblySession": _save_session,
    "completeAssemblySession": _complete_session,
    "listDocuments": _list_documents,
    "getDocument": _get_document,
    "getDocumentContent": _document_content,
    "saveAndCloseVersion": _save_and_close,
    "getVersionStatus": _version_status,
    "createVersion": _create_version,
    "completeVersion": _complete_version,
    "createAndAssembleVersion": _create_and_assemble,
    "createPublicInterviewLink": _put_public_link,
    "getPublicInterviewLink": _get_public_link,
    "deletePublicInterviewLink": _delete_public_link,
    # Issue 14: discovery, listing and answers out.
    "listWorkGroups": _list_work_groups,
    "getWorkGroup": _get_work_group,
    "listTemplatePackages": _list_template_packages,
    "listWorkGroupTemplatePackages": _list_work_group_template_packages,
    "getTemplatePackage": _get_template_package,
    "listWorkItems": _list_work_items,
    "listVersions": _list_versions,
    "getAnswerSet": _get_answer_set,
    "replaceAnswerSet": _replace_answer_set,
    "updateAnswerSet": _update_answer_set,
}


def create_app(
    seed: AdvanceSeed | str | dict[str, object] | None = None,
    *,
    faults: Faults | None = None,
    client_interviews: bool | None = None,
    public_link_repeat: str | None = None,
    callback_scheme: str | None = None,
) -> AdvanceApp:
    """Build the Advance sandbox as an ASGI app, to serve with any ASGI server.

    The loopback ``Host`` check belongs to the sandbox's servers (``AdvanceSandbox``, the
    command line), not to this app: serve it elsewhere and the check is yours.

    Args:
        seed: The starting data: None for the default seed, an `AdvanceSeed`, a seed
            file path or a seed mapping.
        faults: Faults to inject (None: none).
        client_interviews: Overrides the seed's ``clientInterviewsEnabled``.
        public_link_repeat: Overrides the seed's ``publicLinkRepeat``
            (``"upsert"`` or ``"reject"``).
        callback_scheme: Overrides the seed's ``versions.callbackScheme``: how a
            ``callbackSecret`` authenticates the callback, ``"hmac"`` or ``"token"``.

    Returns:
        The app; ``app.state`` is the tenancy, ``app.faults`` the fault configuration.

    Raises:
        SeedError: If the seed is invalid.
        ValueError: If ``public_link_repeat`` or ``callback_scheme`` is not one of its values.
    """
    state = new_state(
        AdvanceSeed.resolve(seed, DEFAULT_SEED),
        client_interviews,
        public_link_repeat,
        callback_scheme,
    )
    return AdvanceApp(state, faults, load_spec())


def new_state(
    seed: AdvanceSeed,
    client_interviews: bool | None = None,
    public_link_repeat: str | None = None,
    callback_scheme: str | None = None,
) -> AdvanceState:
    """Return a fresh tenancy from a seed, with the overrides the public API offers.

    Args:
        seed: The seed.
        client_interviews: Overrides ``clientInterviewsEnabled``.
        public_link_repeat: Overrides ``publicLinkRepeat``.
        callback_scheme: Overrides ``versions.callbackScheme``.

    Returns:
        The state.

    Raises:
        ValueError: If ``public_link_repeat`` or ``callback_scheme`` is not one of its values.
    """
    state = AdvanceState(seed)
    if callback_scheme is not None:
        if callback_scheme not in CALLBACK_SCHEMES:
            raise ValueError(f"callback_scheme must be 'hmac' or 'token', not {callback_scheme!r}")
        state.callback_scheme = callback_scheme
    if client_interviews is not None:
        state.client_interviews_enabled = client_interviews
    if public_link_repeat is not None:
        if public_link_repeat == "upsert":
            state.public_link_repeat = "upsert"
        elif public_link_repeat == "reject":
            state.public_link_repeat = "reject"
        else:
            raise ValueError(
                f"public_link_repeat must be 'upsert' or 'reject', not {public_link_repeat!r}"
            )
    return state
