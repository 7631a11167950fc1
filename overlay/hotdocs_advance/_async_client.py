"""``AsyncAdvanceClient``: the HotDocs Advance REST API (the one hand-written client).

``scripts/unasync`` derives ``_sync_client.py`` (``AdvanceClient``) from this file, so every
method body exists once; ``scripts/test`` checks that the derived file is current. Paths,
methods, member names, statuses and result models come from the generated operation modules
(``_ops``); this module adds argument checks, retries, the service-principal log-in, error
translation and the settling of a 409 on a retry (a create or state change that the lost first
attempt already made).
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from contextlib import aclosing
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self, TypeVar

import httpx
from _client_core import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, UnreadableBodyError, raise_from
from _client_core import aiter_streamed as iter_streamed
from _client_core import asend_capped as send_capped
from _client_core import asend_streamed as send_streamed
from _client_core import async_pause as pause
from hotdocs_advance_api.models import (
    BeginAssemblySessionRequest,
    CompleteAssemblySessionRequest,
    CompleteVersionRequest,
    CreateAndAssembleVersionRequest,
    CreateVersionRequest,
    CreateWorkItemRequest,
    PublicInterviewLinkRequest,
    SaveAndCloseVersionRequest,
    SaveAssemblySessionRequest,
)
from hotdocs_advance_api.types import StreamedBody, UnexpectedResponse, or_unset

from . import _arguments as check
from . import _documents as documents
from . import _ops as op
from ._answers import AnswerSet
from ._async_pages import AsyncPager
from ._auth import ServicePrincipal
from ._base import (
    NOT_GIVEN,
    UNREADABLE,
    USER_AGENT,
    BaseClient,
    Call,
    NotGiven,
    Verify,
    answers_of,
    created,
    exposes,
    reached,
    restate,
)
from ._bodies import DocumentStart, check_bodiless, check_document_head, not_the_api, unreadable
from ._documents import arun as run
from ._errors import (
    AdvanceError,
    APIResponseValidationError,
    APIStatusError,
    InvalidArgumentError,
    VersionWaitTimeoutError,
    make_status_error,
    masker,
    translate,
)
from ._results import (
    AssemblySession,
    Document,
    PublicInterviewLink,
    SaveAndCloseResult,
    TemplatePackage,
    VersionResult,
    VersionStatus,
    WorkGroup,
    WorkItem,
    WorkItemVersion,
)
from ._retries import async_policy as policy
from ._retries import should_retry
from ._versions import (
    DEFAULT_POLL_INTERVAL,
    DEFAULT_WAIT_TIMEOUT,
    CallbackBody,
    Polling,
    VersionOperation,
    version_result,
)

__all__ = ["NOT_GIVEN", "AsyncAdvanceClient", "NotGiven"]

T = TypeVar("T")
B = TypeVar("B", bound=CallbackBody)
R = TypeVar("R")

logger: Final = logging.getLogger("hotdocs_advance")


class AsyncAdvanceClient(BaseClient):
    """An asynchronous client for the HotDocs Advance REST API (asyncio or trio).

    One pooled ``httpx.AsyncClient`` serves every call; use the client as an async context
    manager or call ``aclose()``. Failed calls are retried (connection errors, timeouts, 408,
    429, 5xx) with exponential backoff and jitter, honouring ``Retry-After`` up to 60 s. Every
    operation is a PUT, PATCH, GET or DELETE addressed by an id the client chooses, so retrying
    is safe. A retry that gets 409 after an attempt whose answer was lost reads the resource back:
    a create succeeds only when the server holds every member it sent (answers compared as
    parsed), a state change only when the state it leads to is there; otherwise
    ``ConflictError`` says what differs.

    Args:
        base_url: The API base, e.g. ``https://tenancy1.hotdocsadvance.com/api/rest``, without
            the ``/v1.1`` or ``/v2.0`` segment.
        auth: A bearer token, or a ``ServicePrincipal`` to log in with.
        timeout: Seconds, or an ``httpx.Timeout``; by default ``DEFAULT_TIMEOUT`` (30 s to
            read or write, 10 s to connect).
        max_retries: Retries after the first attempt (0 turns retrying off).
        http_client: An ``httpx.AsyncClient`` to use instead of the client's own; the caller
            keeps it open and closes it.
        auth_url: The log-in base for a ``ServicePrincipal`` (e.g. ``https://host/auth``);
            derived from ``base_url`` when it ends in ``/api/rest`` (gives ``/auth``) or
            ``/HdaApi/rest`` (gives ``/HdaAuth``).
        verify: TLS verification of the client's own pool, as httpx takes it: True (the
            default, certifi's CA bundle), a CA bundle path, an ``ssl.SSLContext``, or False.
            Clients with the same ``verify`` share one TLS context per process.

    Raises:
        InvalidArgumentError: An argument is wrong.

    Warns:
        InsecureTransportWarning: Once per client, when the token or the service principal's
            password would be sent over ``http://`` to a host that is not loopback, or over
            ``https://`` without certificate verification, or through an ``http_client`` that
            follows redirects. Loopback hosts never warn.
    """

    _http: httpx.AsyncClient

    def __init__(
        self,
        base_url: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        auth_url: str | None = None,
        verify: check.TLSVerify = True,
    ) -> None:
        super().__init__(
            base_url, auth=auth, timeout=timeout, max_retries=max_retries, auth_url=auth_url
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise InvalidArgumentError("http_client", "expected an httpx.AsyncClient")
        context = check.tls("verify", verify, http_client)
        self._owns_http = http_client is None
        # The own pool's TLS context, so that bulk creation can build the other kind of client.
        self._tls = context if http_client is None else None
        self._http = http_client or httpx.AsyncClient(
            timeout=self._timeout, headers={"User-Agent": USER_AGENT}, verify=context
        )
        self._warn_insecure(self._http)

    @classmethod
    def cloud(
        cls,
        tenancy: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        auth_url: str | None = None,
        verify: check.TLSVerify = True,
    ) -> Self:
        """Create a client for a cloud tenancy: ``https://{tenancy}.hotdocsadvance.com/api/rest``.

        Args:
            tenancy: The tenancy moniker.
            auth: A bearer token, or a ``ServicePrincipal``.
            timeout: As for the constructor.
            max_retries: As for the constructor.
            http_client: As for the constructor.
            auth_url: As for the constructor (derived: ``.../auth`` on the same host).
            verify: As for the constructor.

        Returns:
            The client.
        """
        return cls(
            check.cloud_base(tenancy),
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_url=auth_url,
            verify=verify,
        )

    @classmethod
    def on_premise(
        cls,
        tenancy: str,
        domain: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        auth_url: str | None = None,
        verify: check.TLSVerify = True,
    ) -> Self:
        """Create a client for an on-premise host: ``https://{tenancy}.{domain}/HdaApi/rest``.

        Args:
            tenancy: The tenancy moniker.
            domain: The organisation's domain, e.g. ``yourorganization.com``.
            auth: A bearer token, or a ``ServicePrincipal``.
            timeout: As for the constructor.
            max_retries: As for the constructor.
            http_client: As for the constructor.
            auth_url: As for the constructor (derived: ``https://{tenancy}.{domain}/HdaAuth``).
            verify: As for the constructor.

        Returns:
            The client.
        """
        return cls(
            check.on_premise_base(tenancy, domain),
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_url=auth_url,
            verify=verify,
        )

    async def aclose(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    # Sending ---------------------------------------------------------------------------------

    async def _exchange(
        self,
        kwargs: Mapping[str, Any],
        token: str,
        secrets: tuple[str, ...],
        number: int,
        *,
        stream: bool = False,
    ) -> httpx.Response:
        """Send one request and read (and decode) its answer within the cap; translate failures.

        With ``stream`` a success answer is returned open instead, its body unread.
        """
        started = time.perf_counter()
        method, path = kwargs["method"], kwargs["url"]
        try:
            request = self._request(self._http, kwargs, token)
            send = send_streamed if stream else send_capped
            response = await send(self._http, request)
        except UnreadableBodyError as exc:
            raise_from(unreadable(exc), None)
        except AdvanceError:
            raise
        except Exception as exc:
            if self._http.is_closed:  # httpx's RuntimeError: nothing was sent
                raise_from(self._closed_error(), None)
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug(
                    "%s %s failed: %s (attempt %d, %.1f ms)",
                    method,
                    path,
                    type(exc).__name__,
                    number,
                    (time.perf_counter() - started) * 1000,
                )
            translated = translate(exc, secrets)
            if translated is None:
                raise
            # From a masked copy: the original's text and request may quote the secrets.
            raise_from(translated, masker(secrets).exception(exc))
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %d (attempt %d, %.1f ms)",
                method,
                path,
                response.status_code,
                number,
                (time.perf_counter() - started) * 1000,
            )
        return response

    async def _log_in(self, stale: str | None, number: int) -> str:
        """Log in unless another call has done so since ``stale`` was the token."""
        login = self._auth
        assert login is not None
        async with login.async_lock:
            if login.token is None or login.token == stale:
                response = await self._exchange(login.request(), "", self._secrets(), number)
                return login.accept(response)
            return login.token

    async def _authorized(
        self, kwargs: Mapping[str, Any], call: Call[Any], number: int
    ) -> httpx.Response:
        """Send with the token, logging in first if needed and once more after a 401."""
        login, stream = self._auth, call.stream
        if login is None:
            return await self._exchange(
                kwargs, self._token, self._secrets(call), number, stream=stream
            )
        token = login.token or await self._log_in(None, number)
        response = await self._exchange(kwargs, token, self._secrets(call), number, stream=stream)
        if response.status_code == httpx.codes.UNAUTHORIZED:  # read whole, even when streaming
            token = await self._log_in(token, number)
            response = await self._exchange(
                kwargs, token, self._secrets(call), number, stream=stream
            )
        return response

    def _result(self, call: Call[T], response: httpx.Response) -> T:
        parsed = call.operation.parse_response(response)
        if isinstance(parsed, UnexpectedResponse):
            raise not_the_api(response, parsed.reason)
        if parsed is None:  # no body documented (or none sent): a web page is no success
            check_bodiless(response)
        return parsed

    async def _attempt(self, call: Call[T], number: int) -> tuple[T, httpx.Response | None]:
        """Send once; None instead of the answer when a retry's 409 was settled by a read."""
        response = await self._authorized(call.request, call, number)
        if response.status_code < 300:
            return self._result(call, response), response
        error = make_status_error(
            response,
            self._secrets(call),
            call.operation.parse_error(response),
            call.allowed_statuses,
        )
        if response.status_code == httpx.codes.CONFLICT and number > 1 and call.verify:
            return await self._settle(call, call.verify, error, number), None
        raise error

    async def _settle(
        self, call: Call[T], verify: Verify[Any, T], conflict: APIStatusError, number: int
    ) -> T:
        """Settle a 409 on a retry: success if the server holds what the call would leave."""
        try:
            response = await self._authorized(verify.request(), call, number)
            found = verify.operation.parse_response(response)
            # parse_response() gives an UnexpectedResponse for anything but the read's success.
            if isinstance(found, UnexpectedResponse):
                difference: str | None = UNREADABLE
            else:
                difference = verify.differs(found)
        except Exception:  # any doubt leaves the conflict standing
            difference = UNREADABLE
        if difference is not None:
            raise restate(conflict, difference)
        logger.debug(
            "%s %s: 409 on a retry, and the server holds what this call leaves",
            call.method,
            call.path,
        )
        return verify.result(found)

    async def _send(self, call: Call[T]) -> T:
        """Send a call, with retries; return its result."""
        result, _ = await self._send_for_response(call)
        return result

    async def _send_for_response(self, call: Call[T]) -> tuple[T, httpx.Response | None]:
        """Send a call, with retries; return its result and the answer it was read from.

        The answer is None when a retry's 409 was settled by reading the resource back.
        """
        return await self._retrying(call, lambda number: self._attempt(call, number))

    async def _retrying(
        self,
        call: Call[Any],
        attempt: Callable[[int], Awaitable[R]],
        retry: Callable[[BaseException], bool] = should_retry,
    ) -> R:
        """Run ``attempt(number)`` until it succeeds, fails for good, or retries run out.

        Args:
            call: The call (its method and path name the retries in the log).
            attempt: One attempt, given its number (1 for the first).
            retry: Which failures are retried (`should_retry`, or a narrower test).

        Returns:
            What the successful attempt returned.
        """
        try:
            return await attempt(1)
        except AdvanceError as exc:
            if not self._max_retries or not retry(exc):
                raise
            first = exc
        # The first attempt ran outside tenacity, so calls that succeed pay nothing for it.
        async for trying in policy(self._max_retries, call.method, call.path, retry):
            with trying:
                number = trying.retry_state.attempt_number
                if number == 1:
                    raise first
                return await attempt(number)
        raise AssertionError("tenacity returned without an outcome")  # pragma: no cover

    async def _send_version_call(
        self,
        operation: VersionOperation[B],
        work_item_id: uuid.UUID,
        version_id: uuid.UUID,
        body: B,
        *,
        callback_url: str | None,
        callback_secret: str | None,
    ) -> VersionResult:
        """Send a v2.0 version call; read its answer by the vendor's rule (see ``_versions``).

        The one place for ``create_version``, ``complete_version``, ``create_and_assemble`` and
        ``save_and_close``: the callback arguments are checked (and warned about) and set on
        the body; a 200 is the finished call, a 202 work accepted for later; a retry's 409 is
        settled by reading the version's status back (success when it is one the call leads
        to, ``x-sdk-reached``).
        """
        if callback_url is not None:
            check.http_url("callback_url", callback_url)
            body.callback_url = callback_url
        if callback_secret is not None:
            if callback_url is None:
                raise InvalidArgumentError(
                    "callback_secret", "only makes sense with a callback_url"
                )
            body.callback_secret = check.text("callback_secret", callback_secret)
            self._warn_callback(self._http, callback_url)
        request = operation.build_request(work_item_id, version_id, body=body)
        led_to: Verify[VersionStatus, VersionStatus | None] = reached(
            op.get_version_status,
            lambda: op.get_version_status.build_request(work_item_id, version_id),
            operation.REACHED_STATUSES,
            lambda found: found,
        )
        call = Call(operation, request, secrets=(callback_secret or "",), verify=led_to)
        status, response = await self._send_for_response(call)
        return version_result(
            operation, version_id, status, response, callback=callback_url is not None
        )

    async def _open(
        self, call: Call[StreamedBody], number: int
    ) -> tuple[StreamedBody, httpx.Response]:
        """Send a streamed call once: the success answer's head, and the answer, still open.

        Error answers are read whole within the cap (see ``send_streamed``) and raised.
        """
        assert call.stream
        response = await self._authorized(call.request, call, number)
        if response.status_code >= 300:
            raise make_status_error(
                response, self._secrets(call), call.operation.parse_error(response)
            )
        head = call.operation.parse_response(response)
        try:
            if isinstance(head, UnexpectedResponse):
                raise not_the_api(response, head.reason)
            check_document_head(response, head)  # a web page, not the document
        except APIResponseValidationError:
            await response.aclose()
            raise
        return head, response

    async def _pieces(
        self, call: Call[Any], response: httpx.Response, head: StreamedBody
    ) -> AsyncGenerator[bytes]:
        """Yield an open answer's body, decoded, in pieces; failures become this package's.

        A body with neither a content type nor a file name is held back until its start
        shows that it is not a web page (``DocumentStart``).
        """
        start = DocumentStart(response, head)
        try:
            async for piece in iter_streamed(response):
                if passed := start.feed(piece):
                    yield passed
            if rest := start.end():
                yield rest
        except AdvanceError:
            raise
        except Exception as exc:
            translated = translate(exc, self._secrets(call))
            if translated is None:
                raise
            raise translated from exc

    async def _fetch(
        self, call: Call[StreamedBody], number: int, target: documents.Target
    ) -> StreamedBody:
        """One attempt at a download: the answer's head; its whole body is in ``target``."""
        head, response = await self._open(call, number)
        try:
            target.begin()  # a retry starts over from the first byte
            async with aclosing(self._pieces(call, response, head)) as pieces:
                async for piece in pieces:
                    target.write(piece)
        finally:
            await response.aclose()
        return head

    async def _stream(self, call: Call[StreamedBody]) -> AsyncGenerator[bytes]:
        """Yield a streamed call's body; retried until the answer starts, never after."""
        head, response = await self._retrying(call, lambda number: self._open(call, number))
        try:
            async with aclosing(self._pieces(call, response, head)) as pieces:
                async for piece in pieces:
                    yield piece
        finally:
            await response.aclose()

    # Operations ------------------------------------------------------------------------------

    @exposes(op.create_work_item)
    async def create_work_item(
        self,
        *,
        name: str,
        work_group_id: uuid.UUID | str,
        template_package_id: uuid.UUID | str,
        answers: AnswerSet | str | None = None,
        description: str | None = None,
        assemble_immediately: bool | None = None,
        complete_assembly_session: bool | None = None,
        is_private_to_owner: bool | None = None,
        work_item_id: uuid.UUID | str | None = None,
    ) -> uuid.UUID:
        """Create a work item, optionally pre-filled with answers (``PUT /v1.1/WorkItems/{id}``).

        Args:
            name: A name no other work item has.
            work_group_id: An existing work group.
            template_package_id: An activated template package assigned to the work group;
                its live version is used.
            answers: Answers to pre-fill: an ``AnswerSet`` or answer XML, checked against the
                answer-set schema before anything is sent.
            description: A description.
            assemble_immediately: Assemble the documents straight away (server default: false).
            complete_assembly_session: Mark the session complete, so the UI does not offer to
                resume an interview (server default: false).
            is_private_to_owner: Keep the work item private to its owner (server default: false).
            work_item_id: The new work item's GUID; a new one is generated when not given.

        Returns:
            The work item's id.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            AnswerSetError: ``answers`` is not a valid answer set (nothing was sent).
            ConflictError: The id or name is taken by another work item.
            APIStatusError: Another error status (see the subclasses).
            APIResponseValidationError: The answer is not the API's (e.g. an HTML page).
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.new_guid("work_item_id", work_item_id)
        body = CreateWorkItemRequest(
            name=check.text("name", name),
            work_group_id=check.guid("work_group_id", work_group_id),
            template_package_id=check.guid("template_package_id", template_package_id),
        )
        if description is not None:
            body.description = check.text("description", description)
        if answers is not None:
            body.answer_xml = check.answer_xml(answers)
        if assemble_immediately is not None:
            body.assemble_immediately = check.flag("assemble_immediately", assemble_immediately)
        if complete_assembly_session is not None:
            body.complete_assembly_session = check.flag(
                "complete_assembly_session", complete_assembly_session
            )
        if is_private_to_owner is not None:
            body.is_private_to_owner = check.flag("is_private_to_owner", is_private_to_owner)
        own = created(op.get_work_item, item_id, body)
        request = op.create_work_item.build_request(item_id, body=body)
        await self._send(Call(op.create_work_item, request, verify=own))
        return item_id

    @exposes(op.get_work_item)
    async def get_work_item(self, work_item_id: uuid.UUID | str) -> WorkItem:
        """Read a work item (``GET /v1.1/WorkItems/{id}``).

        Args:
            work_item_id: The work item's GUID.

        Returns:
            The work item.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            NotFoundError: There is no such work item.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is not a JSON object of the expected types.
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        return await self._send(Call(op.get_work_item, op.get_work_item.build_request(item_id)))

    @exposes(op.begin_assembly_session)
    async def begin_assembly_session(
        self,
        work_item_id: uuid.UUID | str,
        *,
        version_id: uuid.UUID | str | None = None,
        answers: AnswerSet | str | None = None,
        force_create: bool = False,
    ) -> AssemblySession:
        """Start an interview session (``PUT /v1.1/WorkItems/{id}/Versions/{versionId}``).

        To resume a saved session, call again without ``answers`` (a new version id is used).

        Args:
            work_item_id: An existing work item.
            version_id: The session's new version GUID; generated when not given.
            answers: Answers to start from: an ``AnswerSet`` or answer XML, checked first.
            force_create: Create the session even though another one is active.

        Returns:
            The session's ids and interview script URL; ``version_id`` is the one sent.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            AnswerSetError: ``answers`` is not a valid answer set (nothing was sent).
            ConflictError: Another session is active and ``force_create`` is false.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer lacks the session's ids.
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.new_guid("version_id", version_id)
        body = BeginAssemblySessionRequest(force_create=check.flag("force_create", force_create))
        if answers is not None:
            body.answer_xml = check.answer_xml(answers)
        request = op.begin_assembly_session.build_request(item_id, version, body=body)
        session = await self._send(Call(op.begin_assembly_session, request))
        return AssemblySession.of(session, version)

    @exposes(op.save_assembly_session)
    async def save_assembly_session(self, work_item_id: uuid.UUID | str) -> None:
        """Save the active session's answers (``PUT .../Versions/Active/SaveSession``).

        Args:
            work_item_id: A work item with an active session.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            ConflictError: No session is active.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is an HTML page (a wrong base URL).
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        body = SaveAssemblySessionRequest()
        request = op.save_assembly_session.build_request(item_id, body=body)
        await self._send(Call(op.save_assembly_session, request))

    @exposes(op.complete_assembly_session)
    async def complete_assembly_session(
        self, work_item_id: uuid.UUID | str, *, run_assembly: bool = True
    ) -> None:
        """Finish the active session (``PUT .../Versions/Active/CompleteSession``).

        Args:
            work_item_id: A work item with an active session.
            run_assembly: Assemble the documents (true) or only close the session (false).

        A retry that gets 409 after an attempt whose answer was lost reads the work item back
        and succeeds when its status is that of a completed session (the lost attempt did it).

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            ConflictError: No session is active (and, after a retry, the work item's status is
                not that of a completed session).
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is an HTML page (a wrong base URL).
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        body = CompleteAssemblySessionRequest(run_assembly=check.flag("run_assembly", run_assembly))
        request = op.complete_assembly_session.build_request(item_id, body=body)
        done = reached(
            op.get_work_item,
            lambda: op.get_work_item.build_request(item_id),
            op.complete_assembly_session.REACHED_STATUSES,
            lambda found: None,
        )
        await self._send(Call(op.complete_assembly_session, request, verify=done))

    # Documents -------------------------------------------------------------------------------

    @exposes(op.list_documents)
    async def list_documents(self, work_item_id: uuid.UUID | str) -> list[Document]:
        """List a work item's assembled documents (``GET /v1.1/WorkItems/{id}/Documents``).

        Args:
            work_item_id: The work item's GUID.

        Returns:
            The documents of its latest assembly (empty before any): ``id``, ``name``,
            ``file_name``, ``content_type`` and ``size`` where the server gives them.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            NotFoundError: There is no such work item.
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON array of documents.
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        return await self._send(Call(op.list_documents, op.list_documents.build_request(item_id)))

    @exposes(op.get_document)
    async def get_document(
        self, work_item_id: uuid.UUID | str, document_id: uuid.UUID | str
    ) -> Document:
        """Read one document's metadata (``GET /v1.1/WorkItems/{id}/Documents/{documentId}``).

        Args:
            work_item_id: The work item's GUID.
            document_id: One of its documents (see ``list_documents``).

        Returns:
            The document's metadata.

        Raises:
            InvalidArgumentError: An id is not a GUID (nothing was sent).
            NotFoundError: There is no such work item or document (the server serves only
                the latest assembly's documents).
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object of the expected types.
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        document = check.guid("document_id", document_id)
        request = op.get_document.build_request(item_id, document)
        return await self._send(Call(op.get_document, request))

    @exposes(op.get_document_content)
    async def download_document(
        self,
        work_item_id: uuid.UUID | str,
        document_id: uuid.UUID | str,
        destination: documents.Destination,
        *,
        sync: bool = False,
    ) -> Path:
        """Download a document (``GET .../Documents/{documentId}/Content``) into a file.

        The body is streamed to disk in pieces, never held whole (memory stays flat whatever
        the size), and decoded with bounded output when the server compresses it. A path
        gets the bytes through a temporary ``.<name>.<random>.part`` file beside it, renamed
        over the path only once complete: a failed or interrupted download removes it, so no
        truncated file ever stands under the final name (an existing file is replaced only
        by a complete download). A connection lost midway is retried as any failed call is,
        and the retry starts over from the first byte.

        Args:
            work_item_id: The work item's GUID.
            document_id: One of its documents.
            destination: A file path (its directory must exist); an existing directory, for
                the file name the server gives (``Content-Disposition``, else the metadata's
                ``file_name``, else ``<document id><extension>``), reduced to a bare file name
                so that it cannot point outside the directory (``../x`` gives ``x``); or a
                binary file open for writing, written in place (a retry rewinds one that can
                seek; one that cannot is not retried once written to; a failure rewinds it).
            sync: Also sync the file to disk before the rename (fsync), so that a complete
                file survives a power loss or OS crash soon after; costs the disk's write
                time. Without it the rename is still atomic for everything short of that.

        Returns:
            The file's path: ``destination``, the file in the directory, or for an open file
            its ``name`` (else the name the document would get in a directory).

        Raises:
            InvalidArgumentError: An id is not a GUID, or ``destination`` is none of the
                above or lies in a missing directory (nothing was sent).
            NotFoundError: There is no such work item or document.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is encoded in a way the SDK does not decode,
                or it is a web page, not a document (an HTML page naming no file: a wrong base
                URL); nothing is left under the destination's name.
            APIConnectionError: No complete document after the retries (the connection
                failed or broke off midway); nothing is left under the destination's name.
            OSError: The file could not be written (e.g. the disk is full); the part file is
                removed.
        """
        item_id = check.guid("work_item_id", work_item_id)
        document = check.guid("document_id", document_id)
        target = documents.target(destination, document, sync=check.flag("sync", sync))
        call = self._content_call(item_id, document)

        def retry(exc: BaseException) -> bool:
            return target.restartable and should_retry(exc)

        try:
            head = await self._retrying(
                call, lambda number: self._fetch(call, number, target), retry
            )
            name = head.file_name
            if name is None and target.wants_name:
                name = await self._document_file_name(item_id, document)
            return await run(lambda: target.complete(name, head.content_type))
        except BaseException:
            target.abandon()
            raise

    @exposes(op.get_document_content)
    def iter_document(
        self, work_item_id: uuid.UUID | str, document_id: uuid.UUID | str
    ) -> AsyncGenerator[bytes]:
        """Stream a document's content in pieces (``GET .../Documents/{documentId}/Content``).

        For sending the document on elsewhere without a file: each piece is at most a
        network read (64 KiB), decoded with bounded output. The request is retried as any
        call is until the answer starts; once pieces have been yielded, a connection that
        breaks off raises ``APIConnectionError`` (a retry would yield them twice). The
        arguments are checked at once; the request is sent at the first iteration. Close an
        iterator you leave early (``contextlib.aclosing``, or let the loop end) so the
        connection goes back to the pool.

        Args:
            work_item_id: The work item's GUID.
            document_id: One of its documents.

        Returns:
            The pieces of the body, in order (``get_document`` gives the metadata).

        Raises:
            InvalidArgumentError: An id is not a GUID (raised here, nothing is sent).
            NotFoundError: There is no such work item or document (when iterated).
            APIStatusError: Another error status (when iterated).
            APIResponseValidationError: The answer is a web page, not a document (an HTML
                page naming no file: a wrong base URL), or encoded in a way the SDK does not
                decode (when iterated).
            APIConnectionError: The connection failed, or broke off midway (when iterated).
        """
        item_id = check.guid("work_item_id", work_item_id)
        document = check.guid("document_id", document_id)
        return self._stream(self._content_call(item_id, document))

    def _content_call(self, item_id: uuid.UUID, document: uuid.UUID) -> Call[StreamedBody]:
        request = op.get_document_content.build_request(item_id, document)
        return Call(op.get_document_content, request, stream=op.get_document_content.STREAMED)

    async def _document_file_name(self, item_id: uuid.UUID, document: uuid.UUID) -> str | None:
        """Read the metadata's file name, for an answer without ``Content-Disposition``.

        CHOICE: the download is complete by now, so a failed metadata read falls back to a
        name made of the document id rather than failing the download.
        """
        try:
            return (await self.get_document(item_id, document)).file_name
        except AdvanceError as exc:
            logger.debug("no file name from the document metadata: %s", type(exc).__name__)
            return None

    @exposes(op.save_and_close_version)
    async def save_and_close(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str,
        *,
        callback_url: str | None = None,
        callback_secret: str | None = None,
    ) -> SaveAndCloseResult:
        """Save an in-progress version and close its session (``PUT /v2.0/.../SaveAndClose``).

        The server answers 200 when it finished in time, or 202 when it goes on in the
        background (always when ``callback_url`` is given) and later calls the callback. A retry
        that gets 409 after an attempt whose answer was lost reads the version's status back and
        succeeds when it is ``Saving`` or ``Saved`` (the lost attempt did it); the result then
        reports that status, and ``accepted`` is true with a ``callback_url`` or while saving.

        Args:
            work_item_id: An existing work item.
            version_id: Its in-progress version.
            callback_url: An http(s) URL the server notifies when done.
            callback_secret: A secret the server uses to authenticate the callback; needs
                ``callback_url``. It never appears in logs or error messages.

        Returns:
            Whether the work was accepted for the background (202) and the reported status
            (``create_version`` and the calls beside it return the same with the version id,
            as a ``VersionResult``).

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            ConflictError: The version has no session in progress (and, after a retry, its
                status is not one a save-and-close leaves).
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object with a text status.
            APIConnectionError: No usable response after the retries.

        Warns:
            InsecureTransportWarning: Once per client, when a ``callback_secret`` would be sent
                exposed (see the class), or with an ``http://`` ``callback_url`` to a host that
                is not loopback, where the callback that proves the secret travels in clear.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.guid("version_id", version_id)
        result = await self._send_version_call(
            op.save_and_close_version,
            item_id,
            version,
            SaveAndCloseVersionRequest(),
            callback_url=callback_url,
            callback_secret=callback_secret,
        )
        return SaveAndCloseResult(accepted=result.accepted, status=result.status)

    @exposes(op.get_version_status)
    async def get_version_status(
        self, work_item_id: uuid.UUID | str, version_id: uuid.UUID | str
    ) -> VersionStatus:
        """Poll a version's status (``GET /v2.0/WorkItems/{id}/Versions/{versionId}/Status``).

        Args:
            work_item_id: An existing work item.
            version_id: One of its versions.

        Returns:
            The status; ``is_final`` tells whether to stop polling.

        Raises:
            InvalidArgumentError: An id is not a GUID (nothing was sent).
            NotFoundError: There is no such version.
            APIStatusError: Another error status.
            APIResponseValidationError: The body has no text status.
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.guid("version_id", version_id)
        request = op.get_version_status.build_request(item_id, version)
        return await self._send(Call(op.get_version_status, request))

    # v2.0 versions to the end (issue 14) ------------------------------------------------------

    @exposes(op.create_version)
    async def create_version(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str | None = None,
        *,
        answers: AnswerSet | str | None = None,
        force_create: bool = False,
        callback_url: str | None = None,
        callback_secret: str | None = None,
    ) -> VersionResult:
        """Create a new version, ready for its interview (``PUT /v2.0/.../Versions/{versionId}``).

        The version is ``InProgress`` once created; show its interview, then finish it with
        ``save_and_close`` or ``complete_version``. The server answers 200 when it is done in
        time, or 202 when it goes on in the background (always with ``callback_url``) and then
        calls the callback. A retry that gets 409 after an attempt whose answer was lost reads
        the status back and succeeds when it is ``InProgress`` (it cannot compare the answers).

        Args:
            work_item_id: An existing work item.
            version_id: The new version's GUID; generated when not given.
            answers: Answers to start from: an ``AnswerSet`` or answer XML, checked first;
                without them the last saved answers are used.
            force_create: Create the version even though another one is in progress.
            callback_url: An http(s) URL the server notifies when the version is created.
            callback_secret: A secret the server uses to authenticate the callback; needs
                ``callback_url``. It never appears in logs or error messages.

        Returns:
            The version id, whether the server accepted the work for later (202) and the
            status it reported.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            AnswerSetError: ``answers`` is not a valid answer set (nothing was sent).
            NotFoundError: There is no such work item.
            ConflictError: The version id is taken, or another version is in progress and
                ``force_create`` is false.
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object with a text status.
            APIConnectionError: No usable response after the retries.

        Warns:
            InsecureTransportWarning: As for ``save_and_close``.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.new_guid("version_id", version_id)
        body = CreateVersionRequest(force_create=check.flag("force_create", force_create))
        if answers is not None:
            body.answer_xml = check.answer_xml(answers)
        return await self._send_version_call(
            op.create_version,
            item_id,
            version,
            body,
            callback_url=callback_url,
            callback_secret=callback_secret,
        )

    @exposes(op.complete_version)
    async def complete_version(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str,
        *,
        callback_url: str | None = None,
        callback_secret: str | None = None,
    ) -> VersionResult:
        """Complete a version and produce its documents (``PUT /v2.0/.../Complete``).

        The server answers 200 with ``Completed`` when it finished in time, or 202 with
        ``Completing`` when it goes on in the background (always with ``callback_url``) and
        then calls the callback; ``wait_for_version`` waits for the end. A retry that gets 409
        after an attempt whose answer was lost reads the status back and succeeds when it is
        ``Completing``, ``Completed`` or ``PostProcessingFailed`` (the lost attempt did it).

        Args:
            work_item_id: An existing work item.
            version_id: Its in-progress version.
            callback_url: An http(s) URL the server notifies when done.
            callback_secret: A secret the server uses to authenticate the callback; needs
                ``callback_url``. It never appears in logs or error messages.

        Returns:
            The version id, whether the server accepted the work for later (202) and the
            status it reported.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            NotFoundError: There is no such work item or version.
            ConflictError: The version is not in progress (and, after a retry, its status is
                not one a complete leaves).
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object with a text status.
            APIConnectionError: No usable response after the retries.

        Warns:
            InsecureTransportWarning: As for ``save_and_close``.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.guid("version_id", version_id)
        return await self._send_version_call(
            op.complete_version,
            item_id,
            version,
            CompleteVersionRequest(),
            callback_url=callback_url,
            callback_secret=callback_secret,
        )

    @exposes(op.create_and_assemble_version)
    async def create_and_assemble(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str | None = None,
        *,
        answers: AnswerSet | str | None = None,
        force_create: bool = False,
        callback_url: str | None = None,
        callback_secret: str | None = None,
    ) -> VersionResult:
        """Create a version and assemble its documents in one call (``PUT .../CreateAndAssemble``).

        For batch work: no interview. With ``callback_url`` the server answers at once (202,
        ``Completing``) and calls the callback when done; without one it works synchronously
        up to its threshold (200, ``Completed``) and past it answers 202, to be polled with
        ``wait_for_version``. A retry that gets 409 after an attempt whose answer was lost
        reads the status back and succeeds when it is ``Completing``, ``Completed`` or
        ``PostProcessingFailed``.

        Arguments, result, errors and warnings as for ``create_version``: ``answers`` are
        the ones to assemble from, ``callback_url`` is notified when the documents are there,
        and a ``ConflictError`` after a retry means the status read back is not one this call
        leads to.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.new_guid("version_id", version_id)
        body = CreateAndAssembleVersionRequest(
            force_create=check.flag("force_create", force_create)
        )
        if answers is not None:
            body.answer_xml = check.answer_xml(answers)
        return await self._send_version_call(
            op.create_and_assemble_version,
            item_id,
            version,
            body,
            callback_url=callback_url,
            callback_secret=callback_secret,
        )

    async def wait_for_version(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str,
        *,
        timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
    ) -> VersionStatus:
        """Poll a version's status until it is final (``Saved``, ``Completed``, ...).

        The first poll is at once; the waits between polls start at ``poll_interval`` and grow
        by half each time, up to 10 s (or ``poll_interval`` if longer), and never run past the
        deadline, where one last poll is made. Each poll is a ``get_version_status`` (retried
        as every call is). Use it after a call whose result is ``accepted``, or instead of a
        callback.

        Args:
            work_item_id: An existing work item.
            version_id: One of its versions.
            timeout: Seconds to wait at most (default 300).
            poll_interval: Seconds before the second poll (default 1).

        Returns:
            The final status (``is_final`` is true).

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            VersionWaitTimeoutError: The status was not final by the deadline; its ``status`` is
                the last one read. The work goes on on the server.
            NotFoundError: There is no such version.
            APIStatusError: Another error status.
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        version = check.guid("version_id", version_id)
        polling = Polling(
            check.seconds("timeout", timeout), check.seconds("poll_interval", poll_interval)
        )
        while True:
            status = await self.get_version_status(item_id, version)
            if status.is_final:
                return status
            wait = polling.next_wait()
            if wait is None:
                raise VersionWaitTimeoutError(
                    status, work_item_id=item_id, version_id=version, timeout=polling.timeout
                )
            logger.debug("version %s is %r; polling again in %.2f s", version, status.status, wait)
            await pause(wait)

    # End of the v2.0 versions block (issue 14) -------------------------------------------------

    @exposes(op.create_public_interview_link)
    async def create_public_interview_link(
        self,
        *,
        name: str,
        template_package_id: uuid.UUID | str,
        work_group_id: uuid.UUID | str,
        is_active: bool = True,
        link_id: uuid.UUID | str | None = None,
    ) -> uuid.UUID:
        """Create a public interview link (``PUT /v1.1/PublicInterviewLinks/{id}``).

        Args:
            name: A label for the link.
            template_package_id: An enabled template package in the work group.
            work_group_id: An existing work group.
            is_active: Whether visitors can use the link.
            link_id: The link's new GUID; generated when not given.

        Returns:
            The link's id.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            BadRequestError: The work group or template package is missing or unsuitable.
            PermissionDeniedError: Client interviews are not enabled on the tenancy.
            ConflictError: The id is taken by another link.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is an HTML page (a wrong base URL).
            APIConnectionError: No usable response after the retries.
        """
        new_id = check.new_guid("link_id", link_id)
        body = PublicInterviewLinkRequest(
            name=check.text("name", name),
            template_package_id=check.guid("template_package_id", template_package_id),
            work_group_id=check.guid("work_group_id", work_group_id),
            is_active=check.flag("is_active", is_active),
        )
        own = created(op.get_public_interview_link, new_id, body)
        request = op.create_public_interview_link.build_request(new_id, body=body)
        await self._send(Call(op.create_public_interview_link, request, verify=own))
        return new_id

    @exposes(op.get_public_interview_link)
    async def get_public_interview_link(self, link_id: uuid.UUID | str) -> PublicInterviewLink:
        """Read a public interview link (``GET /v1.1/PublicInterviewLinks/{id}``).

        Args:
            link_id: The link's GUID.

        Returns:
            The link.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            NotFoundError: There is no such link.
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object of the expected types.
            APIConnectionError: No usable response after the retries.
        """
        request = op.get_public_interview_link.build_request(check.guid("link_id", link_id))
        return await self._send(Call(op.get_public_interview_link, request))

    @exposes(op.delete_public_interview_link)
    async def delete_public_interview_link(self, link_id: uuid.UUID | str) -> None:
        """Delete a public interview link; no error if it does not exist (``DELETE ...``).

        Args:
            link_id: The link's GUID.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            APIStatusError: An error status.
            APIResponseValidationError: The answer is an HTML page (a wrong base URL).
            APIConnectionError: No usable response after the retries.
        """
        request = op.delete_public_interview_link.build_request(check.guid("link_id", link_id))
        await self._send(Call(op.delete_public_interview_link, request))

    # Discovery and listing (issue 14) --------------------------------------------------------
    #
    # A list method sends nothing: it checks its arguments and returns a pager, which fetches
    # the pages as they are consumed (see _async_pages.py; the spec's PageToken is the paging).

    @exposes(op.list_work_groups)
    def list_work_groups(self, *, page_size: int | None = None) -> AsyncPager[WorkGroup]:
        """List the work groups (``GET /v1.1/WorkGroups``), fetched as they are consumed.

        ``async for group in client.list_work_groups(): print(group.id, group.name)``.

        Args:
            page_size: The most work groups a page holds (the server's choice when not given).

        Returns:
            A pager: iterate it for every work group, or use ``iter_pages()`` for the pages.
            Nothing is sent before it is iterated.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).

        Iterating raises what a read does: ``APIStatusError`` (see the subclasses),
        ``APIResponseValidationError`` for a page not of the documented shape, and
        ``APIConnectionError`` when no usable response came after the retries.
        """
        size = or_unset(check.page_size(page_size))
        return AsyncPager(
            self,
            lambda token: Call(
                op.list_work_groups,
                op.list_work_groups.build_request(page_token=token, page_size=size),
            ),
        )

    @exposes(op.get_work_group)
    async def get_work_group(self, work_group_id: uuid.UUID | str) -> WorkGroup:
        """Read a work group (``GET /v1.1/WorkGroups/{workGroupId}``).

        Args:
            work_group_id: The work group's GUID.

        Returns:
            The work group.

        Raises:
            NotFoundError: There is no such work group; otherwise as ``get_work_item``.
        """
        group = check.guid("work_group_id", work_group_id)
        return await self._send(Call(op.get_work_group, op.get_work_group.build_request(group)))

    @exposes(op.list_template_packages, op.list_work_group_template_packages)
    def list_template_packages(
        self, work_group_id: uuid.UUID | str | None = None, *, page_size: int | None = None
    ) -> AsyncPager[TemplatePackage]:
        """List template packages, fetched as they are consumed.

        Every package of the tenancy (``GET /v1.1/TemplatePackages``), or those assigned to one
        work group (``GET /v1.1/WorkGroups/{workGroupId}/TemplatePackages``), which are the
        ones a work item in that group can be created from once activated.

        Args:
            work_group_id: Only the packages assigned to this work group.
            page_size: The most packages a page holds (the server's choice when not given).

        Returns:
            A pager (see ``list_work_groups``); nothing is sent before it is iterated.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).

        Iterating raises what ``list_work_groups`` does, and ``NotFoundError`` for an unknown
        work group.
        """
        size = or_unset(check.page_size(page_size))
        if work_group_id is None:
            return AsyncPager(
                self,
                lambda token: Call(
                    op.list_template_packages,
                    op.list_template_packages.build_request(page_token=token, page_size=size),
                ),
            )
        group = check.guid("work_group_id", work_group_id)
        return AsyncPager(
            self,
            lambda token: Call(
                op.list_work_group_template_packages,
                op.list_work_group_template_packages.build_request(
                    group, page_token=token, page_size=size
                ),
            ),
        )

    @exposes(op.get_template_package)
    async def get_template_package(self, template_package_id: uuid.UUID | str) -> TemplatePackage:
        """Read a template package (``GET /v1.1/TemplatePackages/{templatePackageId}``).

        Args:
            template_package_id: The package's GUID.

        Returns:
            The template package.

        Raises:
            NotFoundError: There is no such template package; otherwise as ``get_work_item``.
        """
        package = check.guid("template_package_id", template_package_id)
        request = op.get_template_package.build_request(package)
        return await self._send(Call(op.get_template_package, request))

    @exposes(op.list_work_items)
    def list_work_items(
        self,
        filter: str | None = None,
        *,
        page_size: int | None = None,
    ) -> AsyncPager[WorkItem]:
        """List the work items, oldest first, fetched as consumed (``GET /v1.1/WorkItems``).

        Args:
            filter: Only work items whose status is this one, e.g. ``"Completed"`` (any case).
            page_size: The most work items a page holds (the server's choice when not given).

        Returns:
            A pager (see ``list_work_groups``); nothing is sent before it is iterated. A work
            item created while the listing runs may or may not be in it; every other one is
            in it once.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).

        Iterating raises what ``list_work_groups`` does.
        """
        status = or_unset(check.status_filter(filter))
        size = or_unset(check.page_size(page_size))
        return AsyncPager(
            self,
            lambda token: Call(
                op.list_work_items,
                op.list_work_items.build_request(filter_=status, page_token=token, page_size=size),
            ),
        )

    @exposes(op.list_versions)
    def list_versions(
        self,
        work_item_id: uuid.UUID | str,
        filter: str | None = None,
        *,
        page_size: int | None = None,
    ) -> AsyncPager[WorkItemVersion]:
        """List a work item's versions, oldest first (``GET /v2.0/WorkItems/{id}/Versions``).

        Args:
            work_item_id: The work item.
            filter: Only versions whose status is this one, e.g. ``"Saved"`` (any case).
            page_size: The most versions a page holds (the server's choice when not given).

        Returns:
            A pager (see ``list_work_groups``); nothing is sent before it is iterated.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).

        Iterating raises what ``list_work_groups`` does, and ``NotFoundError`` for an unknown
        work item.
        """
        item_id = check.guid("work_item_id", work_item_id)
        status = or_unset(check.status_filter(filter))
        size = or_unset(check.page_size(page_size))
        return AsyncPager(
            self,
            lambda token: Call(
                op.list_versions,
                op.list_versions.build_request(
                    item_id, filter_=status, page_token=token, page_size=size
                ),
            ),
        )

    # Answers out (issue 14) ------------------------------------------------------------------

    @exposes(op.get_answer_set)
    async def get_answers(self, work_item_id: uuid.UUID | str) -> AnswerSet:
        """Read a work item's current answers (``GET /v2.0/WorkItems/{id}/AnswerSet/Content``).

        The answers a person typed into the interview, or those the work item was given. The
        server's answer XML is read as ``AnswerSet.from_xml`` reads a file: a value that cannot
        be interpreted is kept and listed in the result's ``problems``.

        Args:
            work_item_id: The work item.

        Returns:
            The answer set (empty when the work item holds none).

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            NotFoundError: There is no such work item.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is not answer XML (another content type, not
                well-formed, an answer twice, ...).
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        call = Call(op.get_answer_set, op.get_answer_set.build_request(item_id))
        xml, response = await self._send_for_response(call)
        return answers_of(xml, response)

    @exposes(op.replace_answer_set)
    async def replace_answers(
        self, work_item_id: uuid.UUID | str, answers: AnswerSet | str
    ) -> None:
        """Replace a work item's answers with ``answers`` (``PUT .../AnswerSet/Content``).

        Answers not in ``answers`` are gone afterwards; use ``update_answers`` to change some.
        The vendor allows it only while the work item's current version is ``Saved``,
        ``Completed`` or ``PostProcessingFailed``.

        Args:
            work_item_id: The work item.
            answers: The new answer set: an ``AnswerSet`` or answer XML, checked against the
                answer-set schema before anything is sent.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            AnswerSetError: ``answers`` is not a valid answer set (nothing was sent).
            VersionStateError: The current version's status does not allow it (a 409); its
                message and ``allowed_statuses`` name the statuses that do.
            NotFoundError: There is no such work item.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer is an HTML page (a wrong base URL).
            APIConnectionError: No usable response after the retries.
        """
        item_id = check.guid("work_item_id", work_item_id)
        body = check.answer_xml(answers)
        request = op.replace_answer_set.build_request(item_id, body=body)
        await self._send(Call(op.replace_answer_set, request))

    @exposes(op.update_answer_set)
    async def update_answers(self, work_item_id: uuid.UUID | str, answers: AnswerSet | str) -> None:
        """Overlay ``answers`` on a work item's answers (``PATCH .../AnswerSet/Content``).

        Each answer in ``answers`` replaces the work item's answer of the same name or is
        added; every other answer is kept. Allowed in the same statuses as ``replace_answers``.

        Args:
            work_item_id: The work item.
            answers: The answers to set, as for ``replace_answers``.

        Raises:
            VersionStateError: The current version's status does not allow it (a 409); as
                ``replace_answers`` raises, with the same other errors.
        """
        item_id = check.guid("work_item_id", work_item_id)
        body = check.answer_xml(answers)
        request = op.update_answer_set.build_request(item_id, body=body)
        await self._send(Call(op.update_answer_set, request))
