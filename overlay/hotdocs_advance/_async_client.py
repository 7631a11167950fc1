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
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Final, Self, TypeVar

import httpx
from _client_core import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, UnreadableBodyError, raise_from
from _client_core import asend_capped as send_capped
from hotdocs_advance_api.models import (
    BeginAssemblySessionRequest,
    CompleteAssemblySessionRequest,
    CreateWorkItemRequest,
    PublicInterviewLinkRequest,
    SaveAndCloseVersionRequest,
    SaveAssemblySessionRequest,
)
from hotdocs_advance_api.types import UnexpectedResponse

from . import _arguments as check
from . import _ops as op
from ._answers import AnswerSet
from ._auth import ServicePrincipal
from ._base import (
    NOT_GIVEN,
    UNREADABLE,
    USER_AGENT,
    BaseClient,
    Call,
    NotGiven,
    Verify,
    created,
    exposes,
    reached,
    restate,
)
from ._bodies import unreadable
from ._errors import (
    AdvanceError,
    APIResponseValidationError,
    APIStatusError,
    InvalidArgumentError,
    make_status_error,
    masker,
    translate,
)
from ._results import (
    AssemblySession,
    PublicInterviewLink,
    SaveAndCloseResult,
    VersionStatus,
    WorkItem,
)
from ._retries import async_policy as policy
from ._retries import should_retry

__all__ = ["NOT_GIVEN", "AsyncAdvanceClient", "NotGiven"]

T = TypeVar("T")

logger: Final = logging.getLogger("hotdocs_advance")


class AsyncAdvanceClient(BaseClient):
    """An asynchronous client for the HotDocs Advance REST API (asyncio or trio).

    One pooled ``httpx.AsyncClient`` serves every call; use the client as an async context
    manager or call ``aclose()``. Failed calls are retried (connection errors, timeouts, 408,
    429, 5xx) with exponential backoff and jitter, honouring ``Retry-After`` up to 60 s. Every
    operation is a PUT, GET or DELETE addressed by an id the client chooses, so retrying is
    safe. A retry that gets 409 after an attempt whose answer was lost reads the resource back:
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
        self, kwargs: Mapping[str, Any], token: str, secrets: tuple[str, ...], number: int
    ) -> httpx.Response:
        """Send one request and read (and decode) its answer within the cap; translate failures."""
        started = time.perf_counter()
        method, path = kwargs["method"], kwargs["url"]
        try:
            request = self._request(self._http, kwargs, token)
            response = await send_capped(self._http, request)
        except UnreadableBodyError as exc:
            raise_from(unreadable(exc), None)
        except AdvanceError:
            raise
        except Exception as exc:
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
        login = self._auth
        if login is None:
            return await self._exchange(kwargs, self._token, self._secrets(call), number)
        token = login.token or await self._log_in(None, number)
        response = await self._exchange(kwargs, token, self._secrets(call), number)
        if response.status_code == httpx.codes.UNAUTHORIZED:
            token = await self._log_in(token, number)
            response = await self._exchange(kwargs, token, self._secrets(call), number)
        return response

    def _result(self, call: Call[T], response: httpx.Response) -> T:
        parsed = call.operation.parse_response(response)
        if isinstance(parsed, UnexpectedResponse):
            raise APIResponseValidationError.of(response, parsed.reason)
        return parsed

    async def _attempt(self, call: Call[T], number: int) -> tuple[T, httpx.Response | None]:
        """Send once; None instead of the answer when a retry's 409 was settled by a read."""
        response = await self._authorized(call.request, call, number)
        if response.status_code < 300:
            return self._result(call, response), response
        error = make_status_error(
            response, self._secrets(call), call.operation.parse_error(response)
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
        try:
            return await self._attempt(call, 1)
        except AdvanceError as exc:
            if not self._max_retries or not should_retry(exc):
                raise
            first = exc
        # The first attempt ran outside tenacity, so calls that succeed pay nothing for it.
        async for attempt in policy(self._max_retries, call.method, call.path):
            with attempt:
                number = attempt.retry_state.attempt_number
                if number == 1:
                    raise first
                return await self._attempt(call, number)
        raise AssertionError("tenacity returned without an outcome")  # pragma: no cover

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
            Whether the work was accepted for the background (202) and the reported status.

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
        body = SaveAndCloseVersionRequest()
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
        request = op.save_and_close_version.build_request(item_id, version, body=body)
        saved: Verify[VersionStatus, VersionStatus | None] = reached(
            op.get_version_status,
            lambda: op.get_version_status.build_request(item_id, version),
            op.save_and_close_version.REACHED_STATUSES,
            lambda found: found,
        )
        call = Call(
            op.save_and_close_version, request, secrets=(callback_secret or "",), verify=saved
        )
        status, response = await self._send_for_response(call)
        if response is None:  # settled by reading the status back after a retry's 409
            accepted = callback_url is not None or not (status is not None and status.is_final)
        else:
            accepted = response.status_code == httpx.codes.ACCEPTED
        return SaveAndCloseResult(
            accepted=accepted, status=status.status if status is not None else None
        )

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
            APIConnectionError: No usable response after the retries.
        """
        request = op.delete_public_interview_link.build_request(check.guid("link_id", link_id))
        await self._send(Call(op.delete_public_interview_link, request))
