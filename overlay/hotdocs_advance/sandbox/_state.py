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

from ._callback import Callback, CallbackRecord, callback_url_problem
from ._seed import AdvanceSeed, ApiClientSeed, LinkRepeat, Scope, TemplatePackageSeed, WorkGroupSeed

# Version statuses (reference section 5; InProgress is the CHOICE spelling).
IN_PROGRESS: Final = "InProgress"
SAVING: Final = "Saving"
SAVED: Final = "Saved"
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
class SaveAndCloseResult:
    """The answer to SaveAndClose, and the callback to send afterwards, if any."""

    status_code: int
    status: str
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
        self.save_and_close_always_async = seed.save_and_close_always_async
        self.save_and_close_delay = seed.save_and_close_delay_seconds
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
            run_assembly: Whether documents are assembled (recorded only).
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
            item.active_version_id = None
            return version

    # ------------------------------------------------------------------ versions (v2.0)

    def save_and_close(
        self, work_item_id: uuid.UUID, version_id: uuid.UUID, body: dict[str, object]
    ) -> SaveAndCloseResult:
        """Save and close an in-progress version (E6).

        CHOICE (reference section 4.5): with a ``callbackUrl`` (or when the sandbox is
        set to be always asynchronous) the answer is 202 ``Saving`` and the version
        becomes ``Saved`` shortly after, followed by the callback; otherwise 200 ``Saved``.

        Args:
            work_item_id: The work item.
            version_id: The version.
            body: The validated body (``callbackUrl``, ``callbackSecret``).

        Returns:
            The status code, the status, and the callback to send, if any.

        Raises:
            ApiError: 404 for an unknown work item or version; 409 when the version is not
                in progress; 400 for a callback URL the sandbox will not call.
        """
        url = body.get("callbackUrl")
        secret = body.get("callbackSecret")
        with self.lock:
            item = self.work_item(work_item_id)
            version = item.versions.get(version_id)
            if version is None:
                raise _not_found(
                    f"Version {version_id} of work item {work_item_id} does not exist."
                )
            if version.status != IN_PROGRESS:
                raise _conflict(
                    f"Version {version_id} is not in progress (its status is {version.status})."
                )
            if isinstance(url, str):
                problem = callback_url_problem(url)
                if problem:
                    raise _bad_request(problem)
            if item.active_version_id == version_id:
                item.active_version_id = None
            if isinstance(url, str) or self.save_and_close_always_async:
                version.status = SAVING
                callback = (
                    Callback(
                        url,
                        work_item_id,
                        version_id,
                        SAVED,
                        secret if isinstance(secret, str) else None,
                    )
                    if isinstance(url, str)
                    else None
                )
                return SaveAndCloseResult(202, SAVING, callback)
            version.status = SAVED
            return SaveAndCloseResult(200, SAVED, None)

    def finish_saving(self, work_item_id: uuid.UUID, version_id: uuid.UUID) -> None:
        """Move a ``Saving`` version to ``Saved`` (the end of the asynchronous save).

        Args:
            work_item_id: The work item.
            version_id: The version.
        """
        with self.lock:
            item = self.work_items.get(work_item_id)
            version = item.versions.get(version_id) if item else None
            if version is not None and version.status == SAVING:
                version.status = SAVED

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
        item = self.work_item(work_item_id)
        version = item.versions.get(version_id)
        if version is None:
            raise _not_found(f"Version {version_id} of work item {work_item_id} does not exist.")
        return version.status

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
