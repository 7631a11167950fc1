"""The Advance sandbox's in-memory tenancy and the documented rules, without HTTP.

Every rule raises `ApiError` with the status the OpenAPI spec names (CHOICEs from
reference section 6: 400 for bad input or references, 404 for unknown path resources,
409 for id/name collisions and session-state conflicts, 401/403 for tokens and scopes).
Methods are called from the server's event loop; tests read the public dicts from other
threads, so every change happens under `lock`.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, Protocol, TypeVar

from _sandbox_kit import Clock

from .._callbacks import CallbackScheme, token_problem
from ._callback import Callback, CallbackRecord
from ._docx import DOCX_EXTENSION, DOCX_MEDIA_TYPE, Assembly, answer_lines, build_docx
from ._seed import (
    AdvanceSeed,
    ApiClientSeed,
    LinkRepeat,
    Scope,
    TemplatePackageSeed,
    VersionTiming,
    WorkGroupSeed,
)

# Version statuses (reference section 5; InProgress is the CHOICE spelling).
IN_PROGRESS: Final = "InProgress"
SAVING: Final = "Saving"
SAVED: Final = "Saved"
COMPLETING: Final = "Completing"
COMPLETED: Final = "Completed"
# CHOICE: a session replaced by forceCreate keeps its last saved answers.
SUPERSEDED: Final = SAVED

_BEARER: Final = "bearer "
V = TypeVar("V")


class AnswerCheck(Protocol):
    """Validates answer set XML (see `AnswerSetChecker`)."""

    def check(self, text: str) -> None:
        """Raise `ValueError` with a detail if ``text`` is not a valid answer set.

        Args:
            text: The answer set XML.
        """


class ApiError(Exception):
    """A rule refused the request: the status, a short title and the detail."""

    def __init__(self, status: int, title: str, detail: str) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.title = title
        self.detail = detail


def _bad_request(detail: str) -> ApiError:
    return ApiError(400, "Bad Request", detail)


def _not_found(detail: str) -> ApiError:
    return ApiError(404, "Not Found", detail)


def _conflict(detail: str) -> ApiError:
    return ApiError(409, "Conflict", detail)


@dataclass(slots=True)
class Token:
    """An access token issued by ServicePrincipalLogIn."""

    value: str = field(repr=False)
    client_name: str
    scope: Scope
    expires_at: dt.datetime


@dataclass(slots=True)
class Version:
    """A work item version: one assembly session and its outcome."""

    id: uuid.UUID
    status: str
    answer_xml: str | None
    hda_session_id: uuid.UUID
    core_session_id: uuid.UUID
    begin_request: dict[str, object] | None = None
    run_assembly: bool | None = None


@dataclass(slots=True)
class Document:
    """An assembled document: its metadata and its content (a ``.docx``)."""

    id: uuid.UUID
    version_id: uuid.UUID
    name: str
    file_name: str
    content_type: str
    content: bytes = field(repr=False)

    def describe(self) -> dict[str, object]:
        """Return the JSON the API shows for this document (CHOICE: the Document schema).

        Returns:
            The members of the Document schema.
        """
        return {
            "id": str(self.id),
            "name": self.name,
            "fileName": self.file_name,
            "contentType": self.content_type,
            "size": len(self.content),
            "versionId": str(self.version_id),
        }


@dataclass(slots=True)
class WorkItem:
    """A work item, with the request that created it and the answer that was given."""

    id: uuid.UUID
    name: str
    description: str | None
    work_group_id: uuid.UUID
    template_package_id: uuid.UUID
    is_private_to_owner: bool
    assemble_immediately: bool
    answer_xml: str | None
    request: dict[str, object]
    versions: dict[uuid.UUID, Version] = field(default_factory=dict)
    active_version_id: uuid.UUID | None = None
    latest_version_id: uuid.UUID | None = None
    first_answer: dict[str, object] = field(default_factory=dict)
    # Every document ever assembled, oldest first; the API serves the latest assembly's.
    documents: dict[uuid.UUID, Document] = field(default_factory=dict)
    assembled_version_id: uuid.UUID | None = None

    def latest_documents(self) -> list[Document]:
        """Return the documents of the latest assembly (the ones the API serves).

        Returns:
            The documents, in the order they were assembled; empty before any assembly.
        """
        latest = self.assembled_version_id
        return [d for d in self.documents.values() if latest and d.version_id == latest]

    @property
    def status(self) -> str:
        """The status of the latest version."""
        if self.latest_version_id is None:
            return SAVED
        return self.versions[self.latest_version_id].status

    def describe(self) -> dict[str, object]:
        """Return the JSON the API shows for this work item (CHOICE: the creation fields + status).

        Returns:
            The members of the WorkItem schema.
        """
        return {
            "id": str(self.id),
            "name": self.name,
            "description": self.description,
            "workGroupId": str(self.work_group_id),
            "templatePackageId": str(self.template_package_id),
            "answerXml": self.answer_xml,
            "assembleImmediately": self.assemble_immediately,
            "completeAssemblySession": bool(self.request["completeAssemblySession"]),
            "isPrivateToOwner": self.is_private_to_owner,
            "status": self.status,
        }


@dataclass(slots=True)
class PublicInterviewLink:
    """A public interview link."""

    id: uuid.UUID
    name: str
    template_package_id: uuid.UUID
    work_group_id: uuid.UUID
    is_active: bool
    request: dict[str, object]

    def describe(self) -> dict[str, object]:
        """Return the JSON the API shows for this link (CHOICE: the request fields plus ``id``).

        Returns:
            The members of the PublicInterviewLink schema.
        """
        return {
            "id": str(self.id),
            "name": self.name,
            "templatePackageId": str(self.template_package_id),
            "workGroupId": str(self.work_group_id),
            "isActive": self.is_active,
        }


@dataclass(frozen=True, slots=True)
class VersionWork:
    """A v2.0 call's work on a version: its status while it goes on, then, and the callback."""

    work_item_id: uuid.UUID
    version_id: uuid.UUID
    working: str
    done: str
    callback: Callback | None


def _uuid(value: object) -> uuid.UUID:
    return uuid.UUID(str(value))


class AdvanceState:
    """One tenancy's data and the documented rules.

    Args:
        seed: What exists at the start.
        clock: The clock for token expiry (a test can advance it).
    """

    def __init__(self, seed: AdvanceSeed, clock: Clock | None = None) -> None:
        self.seed = seed
        self.clock = clock if clock is not None else Clock()
        self.lock = threading.RLock()
        self.tenancy = seed.tenancy
        self.client_interviews_enabled = seed.client_interviews_enabled
        self.public_link_repeat: LinkRepeat = seed.public_link_repeat
        # The v2.0 calls' timing (the seed's ``versions``); tests may replace it.
        self.version_timing: VersionTiming = seed.version_timing
        # How a callbackSecret authenticates a callback (the seed's versions.callbackScheme).
        self.callback_scheme: CallbackScheme = seed.callback_scheme
        self.document_padding_bytes = seed.document_padding_bytes
        self.work_groups: dict[uuid.UUID, WorkGroupSeed] = {g.id: g for g in seed.work_groups}
        self.template_packages: dict[uuid.UUID, TemplatePackageSeed] = {
            p.id: p for p in seed.template_packages
        }
        self.api_clients: dict[str, ApiClientSeed] = {c.name.lower(): c for c in seed.api_clients}
        self.tokens: dict[str, Token] = {}
        self.work_items: dict[uuid.UUID, WorkItem] = {}
        self._work_item_by_name: dict[str, uuid.UUID] = {}  # for the 409 on a taken name
        self.public_links: dict[uuid.UUID, PublicInterviewLink] = {}
        self.callbacks_sent: list[CallbackRecord] = []
        self.spec_violations: list[str] = []

    # ------------------------------------------------------------------ auth

    def log_in(self, client_name: str, principal_name: str, password: str) -> str:
        """Issue a token for an API client's service principal.

        Args:
            client_name: ``ClientName`` (case-insensitive).
            principal_name: ``PrincipalName`` (case-insensitive).
            password: ``PrincipalPassword``.

        Returns:
            The new token.

        Raises:
            ApiError: 401 for an unknown client or principal, a wrong password or an
                inactive principal (CHOICE: one message, so nothing is revealed).
        """
        client = self.api_clients.get(client_name.lower())
        if (
            client is None
            or client.principal_name.lower() != principal_name.lower()
            or not secrets.compare_digest(client.principal_password, password)
            or not client.principal_active
        ):
            raise ApiError(401, "Unauthorized", "Invalid client name, principal or password.")
        value = secrets.token_urlsafe(32)
        expires = self.clock.now() + dt.timedelta(seconds=client.token_life_span_seconds)
        with self.lock:
            self.tokens[value] = Token(value, client.name, client.scope, expires)
        return value

    def authorize(self, header: str | None, *, command: bool) -> Token:
        """Check the ``Authorization`` header of a request.

        CHOICE (reference section 2.1): the token is accepted with or without ``Bearer ``.

        Args:
            header: The header value, if any.
            command: Whether the operation is a command method (needs Command or Root).

        Returns:
            The token.

        Raises:
            ApiError: 401 for a missing, unknown or expired token; 403 for a query-scoped
                token on a command method.
        """
        value = (header or "").strip()
        if value.lower().startswith(_BEARER):
            value = value[len(_BEARER) :].strip()
        token = self.tokens.get(value) if value else None
        if token is None:
            raise ApiError(401, "Unauthorized", "A valid bearer token is required.")
        if token.expires_at <= self.clock.now():
            with self.lock:
                self.tokens.pop(value, None)
            raise ApiError(401, "Unauthorized", "The access token has expired.")
        if command and token.scope == "Query":
            raise ApiError(
                403,
                "Forbidden",
                f"API client {token.client_name!r} has Query scope; this command method "
                "needs Command or Root scope.",
            )
        return token

    # ------------------------------------------------------------------ references

    def _check_references(self, work_group_id: uuid.UUID, package_id: uuid.UUID) -> None:
        if work_group_id not in self.work_groups:
            raise _bad_request(f"Work group {work_group_id} does not exist.")
        package = self.template_packages.get(package_id)
        if package is None:
            raise _bad_request(f"Template package {package_id} does not exist.")
        if not package.activated:
            raise _bad_request(f"Template package {package_id} is not activated.")
        if work_group_id not in package.work_group_ids:
            raise _bad_request(
                f"Template package {package_id} is not assigned to work group {work_group_id}."
            )
        if not package.has_live_version:
            raise _bad_request(f"Template package {package_id} has no live version.")

    def work_item(self, work_item_id: uuid.UUID) -> WorkItem:
        """Find a work item.

        Args:
            work_item_id: Its id.

        Returns:
            The work item.

        Raises:
            ApiError: 404 if there is none.
        """
        item = self.work_items.get(work_item_id)
        if item is None:
            raise _not_found(f"Work item {work_item_id} does not exist.")
        return item

    # ------------------------------------------------------------------ work items

    def create_work_item(
        self, work_item_id: uuid.UUID, body: dict[str, object], check_answers: AnswerCheck
    ) -> WorkItem:
        """Create a work item (E1), or recognise a repeat of the request that created it.

        Args:
            work_item_id: The new id chosen by the client.
            body: The validated request body.
            check_answers: Validates ``answerXml`` (raises `ValueError` with the detail).

        Returns:
            The work item; for an identical repeat, the existing one.

        Raises:
            ApiError: 409 for a taken id (with a different body) or name; 400 for bad
                references or answer XML.
        """
        request = {
            "name": body["name"],
            "description": body.get("description"),
            "workGroupId": _uuid(body["workGroupId"]),
            "templatePackageId": _uuid(body["templatePackageId"]),
            "answerXml": body.get("answerXml"),
            # CHOICE (reference section 4.2): the three flags default to false.
            "assembleImmediately": bool(body.get("assembleImmediately", False)),
            "completeAssemblySession": bool(body.get("completeAssemblySession", False)),
            "isPrivateToOwner": bool(body.get("isPrivateToOwner", False)),
        }
        with self.lock:
            existing = self.work_items.get(work_item_id)
            if existing is not None:
                if existing.request == request:
                    return existing
                raise _conflict(f"A work item with id {work_item_id} already exists.")
            name = str(request["name"])
            holder_id = self._work_item_by_name.get(name)
            holder = None if holder_id is None else self.work_items.get(holder_id)
            if holder is not None and holder.name == name:
                raise _conflict(f"A work item named {name!r} already exists.")
            self._check_references(
                _uuid(request["workGroupId"]), _uuid(request["templatePackageId"])
            )
            answer_xml = request["answerXml"]
            if isinstance(answer_xml, str):
                _check(check_answers, answer_xml)
            item = WorkItem(
                id=work_item_id,
                name=name,
                description=None if request["description"] is None else str(request["description"]),
                work_group_id=_uuid(request["workGroupId"]),
                template_package_id=_uuid(request["templatePackageId"]),
                is_private_to_owner=bool(request["isPrivateToOwner"]),
                assemble_immediately=bool(request["assembleImmediately"]),
                answer_xml=answer_xml if isinstance(answer_xml, str) else None,
                request=request,
            )
            # CHOICE: creation leaves no active session (so a client can begin one
            # without forceCreate); its first version is Saved (an unfinished interview
            # to resume) or Completed when completeAssemblySession is true.
            first = Version(
                id=uuid.uuid4(),
                status=COMPLETED if request["completeAssemblySession"] else SAVED,
                answer_xml=item.answer_xml,
                hda_session_id=uuid.uuid4(),
                core_session_id=uuid.uuid4(),
            )
            item.versions[first.id] = first
            item.latest_version_id = first.id
            if item.assemble_immediately:
                self.assemble(item, first)
            # A repeat of the creating request is answered exactly as the first was.
            item.first_answer = item.describe()
            self.work_items[work_item_id] = item
            self._work_item_by_name[name] = work_item_id
            return item

    # ------------------------------------------------------------------ sessions (v1.1)

    def begin_session(
        self,
        work_item_id: uuid.UUID,
        version_id: uuid.UUID,
        body: dict[str, object],
        check_answers: AnswerCheck,
    ) -> Version:
        """Begin an assembly session (E2) under a new version id.

        Args:
            work_item_id: The work item.
            version_id: The new version id chosen by the client.
            body: The validated body (``answerXml``, ``forceCreate``).
            check_answers: Validates ``answerXml``.

        Returns:
            The new version; for an identical repeat of a begin that is still active, the
            same version (so the same session ids).

        Raises:
            ApiError: 404 for an unknown work item; 409 for a version id in use or an
                active session without ``forceCreate``; 400 for bad answer XML.
        """
        request = {
            "answerXml": body.get("answerXml"),
            "forceCreate": bool(body.get("forceCreate", False)),
        }
        with self.lock:
            item = self.work_item(work_item_id)
            existing = item.versions.get(version_id)
            if existing is not None:
                if existing.begin_request == request and item.active_version_id == version_id:
                    return existing
                raise _conflict(f"Version {version_id} already exists on work item {work_item_id}.")
            if item.active_version_id is not None and not request["forceCreate"]:
                raise _conflict(
                    f"Work item {work_item_id} already has an active assembly session; "
                    "complete it or pass forceCreate."
                )
            answer_xml = request["answerXml"]
            if isinstance(answer_xml, str):
                _check(check_answers, answer_xml)
            else:
                # Resuming: the last saved answers carry over (unsaved changes are lost).
                latest = (
                    item.versions.get(item.latest_version_id) if item.latest_version_id else None
                )
                answer_xml = latest.answer_xml if latest else item.answer_xml
            if item.active_version_id is not None:
                item.versions[item.active_version_id].status = SUPERSEDED
            version = Version(
                id=version_id,
                status=IN_PROGRESS,
                answer_xml=answer_xml if isinstance(answer_xml, str) else None,
                hda_session_id=uuid.uuid4(),
                core_session_id=uuid.uuid4(),
                begin_request=request,
            )
            item.versions[version_id] = version
            item.active_version_id = item.latest_version_id = version_id
            return version

    def _active(self, item: WorkItem, version_id: uuid.UUID | None = None) -> Version:
        if item.active_version_id is None:
            raise _conflict(f"Work item {item.id} has no active assembly session.")
        if version_id is not None and version_id != item.active_version_id:
            raise _conflict(
                f"Version {version_id} is not the active assembly session of work item {item.id}."
            )
        return item.versions[item.active_version_id]

    def save_session(self, work_item_id: uuid.UUID) -> Version:
        """Save the active session (E3); it stays active.

        Args:
            work_item_id: The work item.

        Returns:
            The active version.

        Raises:
            ApiError: 404 for an unknown work item; 409 without an active session.
        """
        with self.lock:
            return self._active(self.work_item(work_item_id))

    def complete_session(
        self, work_item_id: uuid.UUID, run_assembly: bool, version_id: uuid.UUID | None = None
    ) -> Version:
        """Complete the active session (E4); a new one may begin afterwards.

        Args:
            work_item_id: The work item.
            run_assembly: Whether documents are assembled (one document, see `assemble`).
            version_id: The version named in the path (the PHP SDK's form), or None for
                the documented ``Versions/Active``.

        Returns:
            The completed version.

        Raises:
            ApiError: 404 for an unknown work item; 409 without an active session, or
                when ``version_id`` is not the active one.
        """
        with self.lock:
            item = self.work_item(work_item_id)
            version = self._active(item, version_id)
            version.status = COMPLETED
            version.run_assembly = run_assembly
            if run_assembly:
                self.assemble(item, version)
            item.active_version_id = None
            return version

    # ------------------------------------------------------------------ versions (v2.0)
    # Every call that moves a version on returns a `VersionWork`: the status it shows while
    # the work goes on and the one it ends in. The app answers it by the vendor's
    # sync-then-async rule (`VersionTiming`) and calls `finish_work` when the work is done.

    def _callback(
        self, body: dict[str, object], work_item_id: uuid.UUID, version_id: uuid.UUID, status: str
    ) -> Callback | None:
        """Return the callback a v2.0 call asked for, if any (the one place callbacks are made).

        Any URL the spec accepts is accepted (whether it is called is decided when it is sent).

        Raises:
            ApiError: 400 for a secret the ``token`` scheme cannot carry in a header.
        """
        url = body.get("callbackUrl")
        if not isinstance(url, str):
            return None
        secret = body.get("callbackSecret")
        if isinstance(secret, str) and self.callback_scheme == "token":
            problem = token_problem(secret)
            if problem:
                raise _bad_request(problem)
        return Callback(
            url,
            work_item_id,
            version_id,
            status,
            secret if isinstance(secret, str) else None,
            self.callback_scheme,
        )

    def _version(self, item: WorkItem, version_id: uuid.UUID) -> Version:
        version = item.versions.get(version_id)
        if version is None:
            raise _not_found(f"Version {version_id} of work item {item.id} does not exist.")
        return version

    def _in_progress(
        self, work_item_id: uuid.UUID, version_id: uuid.UUID
    ) -> tuple[WorkItem, Version]:
        item = self.work_item(work_item_id)
        version = self._version(item, version_id)
        if version.status != IN_PROGRESS:
            raise _conflict(
                f"Version {version_id} is not in progress (its status is {version.status})."
            )
        return item, version

    def save_and_close(
        self, work_item_id: uuid.UUID, version_id: uuid.UUID, body: dict[str, object]
    ) -> VersionWork:
        """Save and close an in-progress version (E6): ``Saving``, then ``Saved``.

        Args:
            work_item_id: The work item.
            version_id: The version.
            body: The validated body (``callbackUrl``, ``callbackSecret``).

        Returns:
            The work, with the callback to send, if any.

        Raises:
            ApiError: 404 for an unknown work item or version; 409 when the version is not
                in progress; 400 for a callback URL the sandbox will not call, or a secret
                the ``token`` scheme cannot carry in a header.
        """
        with self.lock:
            item, version = self._in_progress(work_item_id, version_id)
            callback = self._callback(body, work_item_id, version_id, SAVED)
            if item.active_version_id == version_id:
                item.active_version_id = None
            version.status = SAVING
            return VersionWork(work_item_id, version_id, SAVING, SAVED, callback)

    def create_version(
        self,
        work_item_id: uuid.UUID,
        version_id: uuid.UUID,
        body: dict[str, object],
        check_answers: AnswerCheck,
    ) -> VersionWork:
        """Create a new version (E5), ready for its interview: ``InProgress`` throughout.

        CHOICE (reference section 4.5): the body is that of E2 (``answerXml``,
        ``forceCreate``) plus the callback's, and the rules are E2's (`begin_session`): an
        identical repeat while the version is in progress is answered as the first was.

        Args:
            work_item_id: The work item.
            version_id: The new version id chosen by the client.
            body: The validated body.
            check_answers: Validates ``answerXml``.

        Returns:
            The work; its callback reports ``InProgress``.

        Raises:
            ApiError: 400 for a callback URL the sandbox will not call or bad answer XML; 404
                for an unknown work item; 409 for a version id in use or another version in
                progress without ``forceCreate``.
        """
        callback = self._callback(body, work_item_id, version_id, IN_PROGRESS)
        self.begin_session(work_item_id, version_id, body, check_answers)
        return VersionWork(work_item_id, version_id, IN_PROGRESS, IN_PROGRESS, callback)

    def complete_version(
        self, work_item_id: uuid.UUID, version_id: uuid.UUID, body: dict[str, object]
    ) -> VersionWork:
        """Complete an in-progress version (E7): ``Completing``, then ``Completed``.

        Arguments, result and errors as for `save_and_close`.
        """
        with self.lock:
            item, version = self._in_progress(work_item_id, version_id)
            callback = self._callback(body, work_item_id, version_id, COMPLETED)
            return self._start_completing(item, version, callback)

    def create_and_assemble(
        self,
        work_item_id: uuid.UUID,
        version_id: uuid.UUID,
        body: dict[str, object],
        check_answers: AnswerCheck,
    ) -> VersionWork:
        """Create a version and assemble it (CreateAndAssemble): ``Completing``, ``Completed``.

        CHOICE: the rules of `create_version` (arguments, result and errors as there),
        except that a version id already in use is always refused (409): the version is no
        longer in progress once the call is made.
        """
        callback = self._callback(body, work_item_id, version_id, COMPLETED)
        with self.lock:
            item = self.work_item(work_item_id)
            if version_id in item.versions:
                raise _conflict(f"Version {version_id} already exists on work item {work_item_id}.")
            version = self.begin_session(work_item_id, version_id, body, check_answers)
            return self._start_completing(item, version, callback)

    def _start_completing(
        self, item: WorkItem, version: Version, callback: Callback | None
    ) -> VersionWork:
        version.status = COMPLETING
        version.run_assembly = True
        if item.active_version_id == version.id:
            item.active_version_id = None
        return VersionWork(item.id, version.id, COMPLETING, COMPLETED, callback)

    def finish_work(self, work: VersionWork) -> None:
        """End a v2.0 call's work: the version moves from ``working`` to ``done``.

        A version completed with its assembly run gets its document then.

        A version that has moved on meanwhile (a newer call, a forceCreate) is left alone.

        Args:
            work: What `save_and_close`, `create_version`, `complete_version` or
                `create_and_assemble` returned.
        """
        with self.lock:
            item = self.work_items.get(work.work_item_id)
            version = item.versions.get(work.version_id) if item else None
            if version is not None and version.status == work.working:
                version.status = work.done
                if work.done == COMPLETED and version.run_assembly and item is not None:
                    self.assemble(item, version)  # Complete and CreateAndAssemble assemble

    def version_status(self, work_item_id: uuid.UUID, version_id: uuid.UUID) -> str:
        """Return the status of a version (E8).

        Args:
            work_item_id: The work item.
            version_id: The version.

        Returns:
            The status.

        Raises:
            ApiError: 404 for an unknown work item or version.
        """
        return self._version(self.work_item(work_item_id), version_id).status

    # ------------------------------------------------------------------ documents

    def assemble(self, item: WorkItem, version: Version) -> Document:
        """Assemble a version's answers into one document (a ``.docx``), the latest assembly.

        CHOICE: each assembly (a create with ``assembleImmediately``, a completion with
        ``runAssembly``) produces one document that lists the template package and every
        answer; earlier assemblies' documents stay in the state but are no longer served.
        The seed's ``documents.paddingBytes`` makes each one that much larger.

        Args:
            item: The work item.
            version: The version whose answers are assembled.

        Returns:
            The new document.
        """
        with self.lock:
            package = self.template_packages[item.template_package_id]
            assembly = Assembly(
                work_item_id=item.id,
                work_item_name=item.name,
                version_id=version.id,
                template_package_id=package.id,
                template_package_name=package.name,
                answers=answer_lines(version.answer_xml),
                assembled_at=self.clock.now(),
            )
            name = package.name or "Document"
            document = Document(
                id=uuid.uuid4(),
                version_id=version.id,
                name=name,
                file_name=name + DOCX_EXTENSION,
                content_type=DOCX_MEDIA_TYPE,
                content=build_docx(assembly, self.document_padding_bytes),
            )
            item.documents[document.id] = document
            item.assembled_version_id = version.id
            return document

    def documents(self, work_item_id: uuid.UUID) -> list[Document]:
        """List the documents the API serves for a work item (its latest assembly's).

        Args:
            work_item_id: The work item.

        Returns:
            The documents; empty before any assembly.

        Raises:
            ApiError: 404 for an unknown work item.
        """
        with self.lock:
            return self.work_item(work_item_id).latest_documents()

    def document(self, work_item_id: uuid.UUID, document_id: uuid.UUID) -> Document:
        """Find a document of the latest assembly (the vendor serves no other).

        Args:
            work_item_id: The work item.
            document_id: The document.

        Returns:
            The document.

        Raises:
            ApiError: 404 for an unknown work item, or a document that is not of the
                latest assembly.
        """
        with self.lock:
            for document in self.work_item(work_item_id).latest_documents():
                if document.id == document_id:
                    return document
        raise _not_found(
            f"Document {document_id} is not among the documents of the latest assembly of "
            f"work item {work_item_id}."
        )

    # ------------------------------------------------------------------ public links

    def put_public_link(self, link_id: uuid.UUID, body: dict[str, object]) -> PublicInterviewLink:
        """Create or update a public interview link (E10).

        CHOICE (reference section 4.6): an identical repeat is answered as the first
        request was; a different body for an existing id updates the link (the
        default, ``upsert``) or is refused with 409 (``reject``).

        Args:
            link_id: The link id chosen by the client.
            body: The validated body.

        Returns:
            The link.

        Raises:
            ApiError: 403 when client interviews are disabled; 400 for bad references;
                409 for a changed repeat in ``reject`` mode.
        """
        request = {
            "name": body["name"],
            "templatePackageId": _uuid(body["templatePackageId"]),
            "workGroupId": _uuid(body["workGroupId"]),
            "isActive": bool(body.get("isActive", True)),
        }
        with self.lock:
            if not self.client_interviews_enabled:
                raise ApiError(
                    403, "Forbidden", "Client interviews are not enabled on the tenancy."
                )
            existing = self.public_links.get(link_id)
            if existing is not None:
                if existing.request == request:
                    return existing
                if self.public_link_repeat == "reject":
                    raise _conflict(f"A public interview link with id {link_id} already exists.")
            self._check_references(
                _uuid(request["workGroupId"]), _uuid(request["templatePackageId"])
            )
            link = PublicInterviewLink(
                id=link_id,
                name=str(request["name"]),
                template_package_id=_uuid(request["templatePackageId"]),
                work_group_id=_uuid(request["workGroupId"]),
                is_active=bool(request["isActive"]),
                request=request,
            )
            self.public_links[link_id] = link
            return link

    def public_link(self, link_id: uuid.UUID) -> PublicInterviewLink:
        """Find a public interview link (E11).

        Args:
            link_id: Its id.

        Returns:
            The link.

        Raises:
            ApiError: 404 if there is none.
        """
        link = self.public_links.get(link_id)
        if link is None:
            raise _not_found(f"Public interview link {link_id} does not exist.")
        return link

    def delete_public_link(self, link_id: uuid.UUID) -> None:
        """Delete a public interview link (E12); absent links are fine.

        Args:
            link_id: Its id.
        """
        with self.lock:
            self.public_links.pop(link_id, None)

    # ------------------------------------------------------------------ discovery, answers (14)

    def work_group(self, work_group_id: uuid.UUID) -> WorkGroupSeed:
        """Find a work group (an `ApiError` 404 if there is none)."""
        return _found(self.work_groups, work_group_id, "Work group")

    def template_package(self, package_id: uuid.UUID) -> TemplatePackageSeed:
        """Find a template package (an `ApiError` 404 if there is none)."""
        return _found(self.template_packages, package_id, "Template package")

    def versions(self, work_item_id: uuid.UUID) -> list[Version]:
        """Return a work item's versions, oldest first.

        Args:
            work_item_id: The work item.

        Returns:
            Its versions.

        Raises:
            ApiError: 404 for an unknown work item.
        """
        with self.lock:
            return list(self.work_item(work_item_id).versions.values())

    def answers(self, work_item_id: uuid.UUID) -> str | None:
        """Return a work item's current answers: its latest version's (None when it has none).

        Args:
            work_item_id: The work item.

        Returns:
            The answer set XML, or None.

        Raises:
            ApiError: 404 for an unknown work item.
        """
        with self.lock:
            item = self.work_item(work_item_id)
            latest = item.versions.get(item.latest_version_id) if item.latest_version_id else None
            return latest.answer_xml if latest is not None else item.answer_xml

    def set_answers(
        self,
        work_item_id: uuid.UUID,
        answer_xml: str,
        check_answers: AnswerCheck,
        allowed: frozenset[str],
        merge: Callable[[str | None, str], str] | None = None,
    ) -> Version:
        """Replace (PUT) or overlay (PATCH) a work item's current answers.

        The vendor allows it only while the current version's status is one of ``allowed``
        (the spec's x-sdk-allowed-statuses); "any other state will result in an error".

        Args:
            work_item_id: The work item.
            answer_xml: The answer set sent.
            check_answers: Validates answer set XML.
            allowed: The statuses that allow the change.
            merge: For PATCH: the current answers (None for none) and the (checked) answers
                sent, merged.

        Returns:
            The version whose answers changed (the latest).

        Raises:
            ApiError: 404 for an unknown work item; 409 when the current version's status is
                not one of ``allowed``; 400 for answers that are not a valid answer set.
        """
        with self.lock:
            item = self.work_item(work_item_id)
            if item.status not in allowed:
                raise _conflict(
                    f"The answers of work item {work_item_id} can be changed only while its "
                    f"current version is one of {', '.join(sorted(allowed))}; it is {item.status}."
                )
            _check(check_answers, answer_xml)
            assert item.latest_version_id is not None  # every work item has a first version
            version = item.versions[item.latest_version_id]
            if merge is not None:
                answer_xml = merge(version.answer_xml, answer_xml)
                _check(check_answers, answer_xml)
            version.answer_xml = answer_xml
            return version


def _found(table: Mapping[uuid.UUID, V], key: uuid.UUID, what: str) -> V:
    found = table.get(key)
    if found is None:
        raise _not_found(f"{what} {key} does not exist.")
    return found


def _check(checker: AnswerCheck, text: str) -> None:
    try:
        checker.check(text)
    except ValueError as exc:
        raise _bad_request(str(exc)) from None
