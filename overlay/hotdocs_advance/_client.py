"""``AdvanceClient`` and ``AsyncAdvanceClient``: the HotDocs Advance REST API, typed.

Both clients have the same methods. Paths, JSON member names and body models come from the
generated package ``hotdocs_advance_api`` (its operations' ``_get_kwargs`` and models); this
module adds argument checks, one pooled httpx client, a default timeout, retries, the
service-principal log-in, error translation and typed results. The generated
``sync_detailed``/``asyncio_detailed`` are not used: they parse every documented status as
JSON, so the documented empty ``200`` of a create or a proxy's HTML ``502`` would raise a
``JSONDecodeError`` instead of a typed result or error.
"""

from __future__ import annotations

import copy
import logging
import math
import re
import time
import uuid
from collections.abc import Callable, Mapping
from types import TracebackType
from typing import Any, Final, Generic, Self, TypeVar

import httpx
from hotdocs_advance_api.api.assembly_sessions import (
    begin_assembly_session,
    complete_assembly_session,
    save_assembly_session,
)
from hotdocs_advance_api.api.public_interview_links import (
    create_public_interview_link,
    delete_public_interview_link,
    get_public_interview_link,
)
from hotdocs_advance_api.api.work_item_versions import get_version_status, save_and_close_version
from hotdocs_advance_api.api.work_items import create_work_item, get_work_item
from hotdocs_advance_api.models import AssemblySession as _WireSession
from hotdocs_advance_api.models import (
    BeginAssemblySessionRequest,
    CompleteAssemblySessionRequest,
    CreateWorkItemRequest,
    PublicInterviewLinkRequest,
    SaveAndCloseVersionRequest,
    SaveAssemblySessionRequest,
)
from hotdocs_advance_api.models import PublicInterviewLink as _WireLink
from hotdocs_advance_api.models import VersionStatus as _WireStatus
from hotdocs_advance_api.models import WorkItem as _WireWorkItem
from hotdocs_advance_api.types import Unset

from . import _retries
from ._answers import AnswerSet, validate_answer_xml
from ._auth import AUTHORIZATION, BEARER, ServicePrincipal, ServicePrincipalAuth, check_token
from ._bodies import aread_capped, read_capped
from ._errors import (
    AdvanceError,
    AnswerSetError,
    APIResponseValidationError,
    InvalidArgumentError,
    make_status_error,
    translate,
)
from ._models import (
    AssemblySession,
    PublicInterviewLink,
    SaveAndCloseResult,
    VersionStatus,
    WorkItem,
)

T = TypeVar("T")

#: Used when ``timeout`` is not given: 30 s to read or write, 10 s to connect.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES: Final = _retries.DEFAULT_MAX_RETRIES
MAX_TIMEOUT_S: Final = 86_400.0


logger: Final = logging.getLogger("hotdocs_advance")

_USER_AGENT: Final = "hotdocs-advance-python"
# Where the log-in lives, derived from the API base (reference section 1).
_CLOUD_API: Final = "/api/rest"
_CLOUD_AUTH: Final = "/auth"
_ON_PREMISE_API: Final = "/hdaapi/rest"
_ON_PREMISE_AUTH: Final = "/HdaAuth"
_VERSION_SEGMENT: Final = re.compile(r"/v\d+\.\d+$", re.IGNORECASE)
_DNS_LABEL: Final = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_MAX_HOSTNAME: Final = 253


class _NotGiven:
    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = _NotGiven()


class _Call(Generic[T]):
    """One operation, ready to send: the request, how to read the answer, what to hide."""

    __slots__ = ("headers", "json", "method", "parse", "path", "secrets", "verify")

    def __init__(
        self,
        kwargs: Mapping[str, Any],
        parse: Callable[[httpx.Response], T],
        *,
        secrets: tuple[str, ...] = (),
        verify: _Verify | None = None,
    ) -> None:
        self.method: str = kwargs["method"].upper()
        self.path: str = kwargs["url"]
        self.json: object = kwargs.get("json")
        self.headers: dict[str, str] = kwargs.get("headers", {})
        self.parse = parse
        self.secrets = secrets
        self.verify = verify


class _Verify:
    """For a create: how to check that the resource behind a 409 is the one this call made."""

    __slots__ = ("kwargs", "matches")

    def __init__(
        self,
        kwargs: Callable[[], Mapping[str, Any]],
        matches: Callable[[httpx.Response], bool],
    ) -> None:
        self.kwargs = kwargs
        self.matches = matches


# --- Arguments ---------------------------------------------------------------------------------


def _guid(argument: str, value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        guid = value
    elif isinstance(value, str):
        try:
            # Accepts what .NET's Guid.Parse does: plain, braced, and without hyphens.
            guid = uuid.UUID(value.strip())
        except ValueError:
            raise InvalidArgumentError(argument, f"{value!r} is not a GUID") from None
    else:
        raise InvalidArgumentError(
            argument, f"expected a UUID or a GUID string, not {type(value).__name__}"
        )
    if not guid.int:
        raise InvalidArgumentError(argument, "the nil GUID cannot identify anything")
    return guid


def _new_guid(argument: str, value: object) -> uuid.UUID:
    return uuid.uuid4() if value is None else _guid(argument, value)


def _text(argument: str, value: object) -> str:
    if type(value) is not str:
        raise InvalidArgumentError(argument, f"expected a str, not {type(value).__name__}")
    if not value.strip():
        raise InvalidArgumentError(argument, "must not be empty or blank")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidArgumentError(argument, "holds an unpaired surrogate") from None
    return value


def _flag(argument: str, value: object) -> bool:
    if type(value) is not bool:
        raise InvalidArgumentError(argument, f"expected a bool, not {type(value).__name__}")
    return value


def _url(argument: str, value: object) -> httpx.URL:
    if type(value) is not str:
        raise InvalidArgumentError(argument, f"expected a str, not {type(value).__name__}")
    # User info would be a password in a message, a repr and every log line with the URL:
    # such URLs are refused, and never quoted.
    shown = "the URL" if "@" in value else repr(value)
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, UnicodeError) as exc:  # a lone surrogate cannot be encoded
        raise InvalidArgumentError(argument, f"{shown} is not a URL: {exc}") from None
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidArgumentError(argument, f"{shown} must be an http(s) URL with a host")
    if url.userinfo:
        raise InvalidArgumentError(
            argument,
            "the URL must not carry user info (user:password@); the Advance API authenticates "
            "with auth=",
        )
    return url


def _answer_xml(answers: object) -> str:
    if not isinstance(answers, AnswerSet | str):
        raise InvalidArgumentError(
            "answers", f"expected an AnswerSet or answer XML str, not {type(answers).__name__}"
        )
    try:
        if isinstance(answers, AnswerSet):
            return answers._valid_xml()
        validate_answer_xml(answers)
    except AnswerSetError as exc:
        error = AnswerSetError(f"answers: {exc}")
        error.answer, error.line, error.column = exc.answer, exc.line, exc.column
        raise error from None
    return answers


def _max_retries(value: object) -> int:
    if type(value) is not int or value < 0:
        raise InvalidArgumentError("max_retries", f"expected an int of 0 or more, not {value!r}")
    return value


def _timeout(value: object) -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            seconds = float(value)
        except OverflowError:  # an int beyond float range
            seconds = math.inf
        # CHOICE: at most a day; the socket layer overflows on absurd values.
        if 0 < seconds <= MAX_TIMEOUT_S:
            return httpx.Timeout(seconds)
    raise InvalidArgumentError(
        "timeout", f"expected seconds (> 0, at most a day) or an httpx.Timeout, not {value!r}"
    )


def _base_url(value: object) -> str:
    url = _url("base_url", value)
    if url.query or url.fragment:
        raise InvalidArgumentError("base_url", "must not have a query or fragment")
    base = str(url.copy_with(path=url.path.rstrip("/") or "/")).rstrip("/")
    if _VERSION_SEGMENT.search(base):
        raise InvalidArgumentError(
            "base_url", "give the base without the API version, e.g. .../api/rest"
        )
    return base


def _auth_base(base_url: str, auth_url: object) -> str:
    """Return the log-in base: ``auth_url`` if given, else derived from the API base URL."""
    if auth_url is not None:
        base = str(_url("auth_url", auth_url)).rstrip("/")
    else:
        url = httpx.URL(base_url)
        path = url.path.rstrip("/")
        if path.lower().endswith(_CLOUD_API):
            path = path[: -len(_CLOUD_API)] + _CLOUD_AUTH
        elif path.lower().endswith(_ON_PREMISE_API):
            path = path[: -len(_ON_PREMISE_API)] + _ON_PREMISE_AUTH
        else:
            raise InvalidArgumentError(
                "auth_url",
                "cannot derive the log-in URL from a base URL that ends neither in /api/rest "
                "nor in /HdaApi/rest; pass auth_url",
            )
        base = str(url.copy_with(path=path))
    return base.rstrip("/")


def _hostname(argument: str, value: object) -> str:
    if type(value) is not str:
        raise InvalidArgumentError(argument, f"expected a str, not {type(value).__name__}")
    labels = value.strip().split(".")
    if len(value) > _MAX_HOSTNAME or not all(_DNS_LABEL.fullmatch(label) for label in labels):
        raise InvalidArgumentError(argument, f"{value!r} is not a DNS name")
    return value.strip().lower()


# --- Responses ---------------------------------------------------------------------------------


def _object(response: httpx.Response) -> dict[str, Any]:
    data = response.json()
    if not isinstance(data, dict):
        raise TypeError(f"expected a JSON object, got {type(data).__name__}")
    return data


def _optional(value: Any, kind: type[T]) -> T | None:
    if value is None or isinstance(value, Unset):
        return None
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _work_item(response: httpx.Response) -> WorkItem:
    wire = _WireWorkItem.from_dict(_object(response))
    return WorkItem(
        id=_optional(wire.id, uuid.UUID),
        name=_optional(wire.name, str),
        description=_optional(wire.description, str),
        work_group_id=_optional(wire.work_group_id, uuid.UUID),
        template_package_id=_optional(wire.template_package_id, uuid.UUID),
        is_private_to_owner=_optional(wire.is_private_to_owner, bool),
        status=_optional(wire.status, str),
        extra=dict(wire.additional_properties),
    )


def _public_link(response: httpx.Response) -> PublicInterviewLink:
    wire = _WireLink.from_dict(_object(response))
    return PublicInterviewLink(
        id=_optional(wire.id, uuid.UUID),
        name=_optional(wire.name, str),
        template_package_id=_optional(wire.template_package_id, uuid.UUID),
        work_group_id=_optional(wire.work_group_id, uuid.UUID),
        is_active=_optional(wire.is_active, bool),
        extra=dict(wire.additional_properties),
    )


def _version_status(response: httpx.Response) -> VersionStatus:
    status = _optional(_WireStatus.from_dict(_object(response)).status, str)
    if status is None:
        raise TypeError("the status is missing")
    return VersionStatus(status=status)


def _save_and_close(response: httpx.Response) -> SaveAndCloseResult:
    status = None
    if response.content.strip():
        status = _optional(_object(response).get("status"), str)
    return SaveAndCloseResult(accepted=response.status_code == httpx.codes.ACCEPTED, status=status)


def _nothing(response: httpx.Response) -> None:
    return None


def _session_parser(version_id: uuid.UUID) -> Callable[[httpx.Response], AssemblySession]:
    def parse(response: httpx.Response) -> AssemblySession:
        wire = _WireSession.from_dict(_object(response))
        url = wire.interview_js_url
        if not isinstance(url, str) or not url:
            raise TypeError("interviewJsUrl is not a non-empty string")
        return AssemblySession(
            version_id=version_id,
            hda_session_id=wire.hda_session_id,
            core_session_id=wire.core_session_id,
            interview_js_url=url,
        )

    return parse


def _returns(value: uuid.UUID) -> Callable[[httpx.Response], uuid.UUID]:
    # A create's response body is not documented by the vendor: it is ignored.
    return lambda response: value


def _is_own(name: str, ids: Mapping[str, uuid.UUID]) -> Callable[[httpx.Response], bool]:
    """Build a check that a GET response shows the resource this call tried to create."""

    def matches(response: httpx.Response) -> bool:
        data = _object(response)
        if data.get("name") != name:
            return False
        for key, expected in ids.items():
            found = data.get(key)
            if key == "id" and found is None:  # the id is in the path already
                continue
            if not isinstance(found, str) or uuid.UUID(found) != expected:
                return False
        return True

    return matches


# --- Shared by both clients ---------------------------------------------------------------------


class _BaseClient:
    """Configuration, argument checks, request building and response reading."""

    _http: httpx.Client | httpx.AsyncClient

    def __init__(
        self,
        base_url: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout,
        max_retries: int,
        auth_url: str | None,
    ) -> None:
        self._base_url = _base_url(base_url)
        self._timeout = _timeout(timeout)
        self._max_retries = _max_retries(max_retries)
        self._auth: ServicePrincipalAuth | None = None
        self._token = ""
        self._owns_http = True
        if isinstance(auth, ServicePrincipal):
            self._auth = ServicePrincipalAuth(auth, _auth_base(self._base_url, auth_url))
        else:
            self._token = check_token(auth)
            if auth_url is not None:
                _url("auth_url", auth_url)

    @property
    def base_url(self) -> str:
        """The API base URL, without a trailing slash (paths start ``/v1.1/`` or ``/v2.0/``)."""
        return self._base_url

    @property
    def max_retries(self) -> int:
        """How many times a failed request is retried."""
        return self._max_retries

    @property
    def timeout(self) -> httpx.Timeout:
        """The timeout of each request."""
        return self._timeout

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._base_url!r}, max_retries={self._max_retries})"
        )

    def _copy(
        self, timeout: float | httpx.Timeout | _NotGiven, max_retries: int | _NotGiven
    ) -> Self:
        clone = copy.copy(self)
        if not isinstance(timeout, _NotGiven):
            clone._timeout = _timeout(timeout)
        if not isinstance(max_retries, _NotGiven):
            clone._max_retries = _max_retries(max_retries)
        return clone

    def _headers(self, call: _Call[Any]) -> dict[str, str]:
        if self._token:
            return {**call.headers, AUTHORIZATION: BEARER + self._token}
        return call.headers

    def _secrets(self, call: _Call[Any]) -> tuple[str, ...]:
        own = self._auth.secrets() if self._auth is not None else (self._token,)
        return (*own, *call.secrets)

    def _fail(
        self, call: _Call[Any], exc: Exception, number: int, started: float
    ) -> AdvanceError | None:
        """Log a request that raised, and translate the exception (None if it is not ours)."""
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s failed: %s (attempt %d, %.1f ms)",
                call.method,
                call.path,
                type(exc).__name__,
                number,
                (time.perf_counter() - started) * 1000,
            )
        return translate(exc, self._secrets(call))

    def _read(self, call: _Call[T], response: httpx.Response) -> T:
        try:
            return call.parse(response)
        except (
            AdvanceError,
            ValueError,
            TypeError,
            KeyError,
            AttributeError,
            RecursionError,  # absurdly deep JSON
        ) as exc:
            raise APIResponseValidationError.of(
                response, f"that is not as documented: {type(exc).__name__}"
            ) from exc

    # Requests ----------------------------------------------------------------------------------

    def _create_work_item(
        self,
        *,
        name: str,
        work_group_id: uuid.UUID | str,
        template_package_id: uuid.UUID | str,
        answers: AnswerSet | str | None,
        description: str | None,
        assemble_immediately: bool | None,
        complete_assembly_session: bool | None,
        is_private_to_owner: bool | None,
        work_item_id: uuid.UUID | str | None,
    ) -> _Call[uuid.UUID]:
        item_id = _new_guid("work_item_id", work_item_id)
        body = CreateWorkItemRequest(
            name=_text("name", name),
            work_group_id=_guid("work_group_id", work_group_id),
            template_package_id=_guid("template_package_id", template_package_id),
        )
        if description is not None:
            body.description = _text("description", description)
        if answers is not None:
            body.answer_xml = _answer_xml(answers)
        if assemble_immediately is not None:
            body.assemble_immediately = _flag("assemble_immediately", assemble_immediately)
        if complete_assembly_session is not None:
            body.complete_assembly_session = _flag(
                "complete_assembly_session", complete_assembly_session
            )
        if is_private_to_owner is not None:
            body.is_private_to_owner = _flag("is_private_to_owner", is_private_to_owner)
        ids = {
            "id": item_id,
            "workGroupId": body.work_group_id,
            "templatePackageId": body.template_package_id,
        }
        return _Call(
            create_work_item._get_kwargs(item_id, body=body),
            _returns(item_id),
            verify=_Verify(lambda: get_work_item._get_kwargs(item_id), _is_own(body.name, ids)),
        )

    def _get_work_item(self, work_item_id: uuid.UUID | str) -> _Call[WorkItem]:
        item_id = _guid("work_item_id", work_item_id)
        return _Call(get_work_item._get_kwargs(item_id), _work_item)

    def _begin_assembly_session(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str | None,
        answers: AnswerSet | str | None,
        force_create: bool,
    ) -> _Call[AssemblySession]:
        item_id = _guid("work_item_id", work_item_id)
        new_version = _new_guid("version_id", version_id)
        body = BeginAssemblySessionRequest(force_create=_flag("force_create", force_create))
        if answers is not None:
            body.answer_xml = _answer_xml(answers)
        return _Call(
            begin_assembly_session._get_kwargs(item_id, new_version, body=body),
            _session_parser(new_version),
        )

    def _save_assembly_session(self, work_item_id: uuid.UUID | str) -> _Call[None]:
        item_id = _guid("work_item_id", work_item_id)
        kwargs = save_assembly_session._get_kwargs(item_id, body=SaveAssemblySessionRequest())
        return _Call(kwargs, _nothing)

    def _complete_assembly_session(
        self, work_item_id: uuid.UUID | str, run_assembly: bool
    ) -> _Call[None]:
        item_id = _guid("work_item_id", work_item_id)
        body = CompleteAssemblySessionRequest(run_assembly=_flag("run_assembly", run_assembly))
        return _Call(complete_assembly_session._get_kwargs(item_id, body=body), _nothing)

    def _save_and_close(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str,
        callback_url: str | None,
        callback_secret: str | None,
    ) -> _Call[SaveAndCloseResult]:
        item_id = _guid("work_item_id", work_item_id)
        version = _guid("version_id", version_id)
        body = SaveAndCloseVersionRequest()
        if callback_url is not None:
            _url("callback_url", callback_url)
            body.callback_url = callback_url
        if callback_secret is not None:
            if callback_url is None:
                raise InvalidArgumentError(
                    "callback_secret", "only makes sense with a callback_url"
                )
            body.callback_secret = _text("callback_secret", callback_secret)
        return _Call(
            save_and_close_version._get_kwargs(item_id, version, body=body),
            _save_and_close,
            secrets=(callback_secret or "",),
        )

    def _get_version_status(
        self, work_item_id: uuid.UUID | str, version_id: uuid.UUID | str
    ) -> _Call[VersionStatus]:
        item_id = _guid("work_item_id", work_item_id)
        version = _guid("version_id", version_id)
        return _Call(get_version_status._get_kwargs(item_id, version), _version_status)

    def _create_public_interview_link(
        self,
        name: str,
        template_package_id: uuid.UUID | str,
        work_group_id: uuid.UUID | str,
        is_active: bool,
        link_id: uuid.UUID | str | None,
    ) -> _Call[uuid.UUID]:
        new_id = _new_guid("link_id", link_id)
        body = PublicInterviewLinkRequest(
            name=_text("name", name),
            template_package_id=_guid("template_package_id", template_package_id),
            work_group_id=_guid("work_group_id", work_group_id),
            is_active=_flag("is_active", is_active),
        )
        ids = {
            "id": new_id,
            "workGroupId": body.work_group_id,
            "templatePackageId": body.template_package_id,
        }
        return _Call(
            create_public_interview_link._get_kwargs(new_id, body=body),
            _returns(new_id),
            verify=_Verify(
                lambda: get_public_interview_link._get_kwargs(new_id), _is_own(body.name, ids)
            ),
        )

    def _get_public_interview_link(self, link_id: uuid.UUID | str) -> _Call[PublicInterviewLink]:
        return _Call(get_public_interview_link._get_kwargs(_guid("link_id", link_id)), _public_link)

    def _delete_public_interview_link(self, link_id: uuid.UUID | str) -> _Call[None]:
        return _Call(delete_public_interview_link._get_kwargs(_guid("link_id", link_id)), _nothing)


# --- The clients ----------------------------------------------------------------------------------


class AdvanceClient(_BaseClient):
    """A synchronous client for the HotDocs Advance REST API.

    One pooled ``httpx.Client`` serves every call; use the client as a context manager or call
    ``close()``. Failed calls are retried (connection errors, timeouts, 408, 429, 5xx) with
    exponential backoff and jitter, honouring ``Retry-After`` up to 60 s. Every operation is a
    PUT, GET or DELETE addressed by an id the client chooses, so retrying is safe; a create
    whose first answer was lost and whose retry gets 409 checks that the existing resource is
    its own and then reports success.

    Args:
        base_url: The API base, e.g. ``https://tenancy1.hotdocsadvance.com/api/rest``, without
            the ``/v1.1`` or ``/v2.0`` segment.
        auth: A bearer token, or a ``ServicePrincipal`` to log in with.
        timeout: Seconds, or an ``httpx.Timeout``; by default ``DEFAULT_TIMEOUT`` (30 s to
            read or write, 10 s to connect).
        max_retries: Retries after the first attempt (0 turns retrying off).
        http_client: An ``httpx.Client`` to use instead of the client's own; the caller keeps
            it open and closes it.
        auth_url: The log-in base for a ``ServicePrincipal`` (e.g. ``https://host/auth``);
            derived from ``base_url`` when it ends in ``/api/rest`` (gives ``/auth``) or
            ``/HdaApi/rest`` (gives ``/HdaAuth``).

    Raises:
        InvalidArgumentError: An argument is wrong.
    """

    _http: httpx.Client

    def __init__(
        self,
        base_url: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        auth_url: str | None = None,
    ) -> None:
        super().__init__(
            base_url, auth=auth, timeout=timeout, max_retries=max_retries, auth_url=auth_url
        )
        if http_client is not None and not isinstance(http_client, httpx.Client):
            raise InvalidArgumentError("http_client", "expected an httpx.Client")
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            timeout=self._timeout, headers={"User-Agent": _USER_AGENT}
        )
        self._retrying = _retries.retrying(self._max_retries)

    @classmethod
    def cloud(
        cls,
        tenancy: str,
        *,
        auth: str | ServicePrincipal,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        auth_url: str | None = None,
    ) -> Self:
        """Create a client for a cloud tenancy: ``https://{tenancy}.hotdocsadvance.com/api/rest``.

        Args:
            tenancy: The tenancy moniker.
            auth: A bearer token, or a ``ServicePrincipal``.
            timeout: As for the constructor.
            max_retries: As for the constructor.
            http_client: As for the constructor.
            auth_url: As for the constructor (derived: ``.../auth`` on the same host).

        Returns:
            The client.
        """
        host = _hostname("tenancy", tenancy)
        return cls(
            f"https://{host}.hotdocsadvance.com{_CLOUD_API}",
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_url=auth_url,
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
        http_client: httpx.Client | None = None,
        auth_url: str | None = None,
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

        Returns:
            The client.
        """
        host = f"{_hostname('tenancy', tenancy)}.{_hostname('domain', domain)}"
        return cls(
            f"https://{host}/HdaApi/rest",
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_url=auth_url,
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | _NotGiven = NOT_GIVEN,
        max_retries: int | _NotGiven = NOT_GIVEN,
    ) -> Self:
        """Copy the client with other settings, sharing its connection pool and log-in.

        ``client.with_options(max_retries=0).get_work_item(...)`` changes one call. Closing
        either client closes the shared pool.

        Args:
            timeout: A new timeout.
            max_retries: A new retry count.

        Returns:
            The copy.
        """
        clone = self._copy(timeout, max_retries)
        clone._retrying = _retries.retrying(clone._max_retries)
        return clone

    def close(self) -> None:
        """Close the connection pool (unless it was passed in as ``http_client``)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Sending ---------------------------------------------------------------------------------

    def _attempt(self, call: _Call[T], number: int) -> T:
        started = time.perf_counter()
        try:
            request = self._http.build_request(
                call.method,
                self._base_url + call.path,
                json=call.json,
                headers=self._headers(call),
                timeout=self._timeout,
            )
            response = read_capped(self._http.send(request, auth=self._auth, stream=True))
        except AdvanceError:
            raise
        except Exception as exc:
            translated = self._fail(call, exc, number, started)
            if translated is None:
                raise
            raise translated from exc
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %d (attempt %d, %.1f ms)",
                call.method,
                call.path,
                response.status_code,
                number,
                (time.perf_counter() - started) * 1000,
            )
        if response.status_code < 300:
            return self._read(call, response)
        error = make_status_error(response, self._secrets(call))
        if response.status_code == httpx.codes.CONFLICT and number > 1 and call.verify:
            return self._verify(call, call.verify, error)
        raise error

    def _verify(self, call: _Call[T], verify: _Verify, conflict: AdvanceError) -> T:
        """Settle a 409 on a retried create: success if the resource is the one it sent."""
        kwargs = verify.kwargs()
        try:
            request = self._http.build_request(
                kwargs["method"].upper(),
                self._base_url + kwargs["url"],
                headers=self._headers(call),
                timeout=self._timeout,
            )
            response = read_capped(self._http.send(request, auth=self._auth, stream=True))
            own = response.status_code == httpx.codes.OK and verify.matches(response)
        except Exception:  # any doubt leaves the conflict standing
            own = False
        if not own:
            raise conflict
        logger.debug(
            "%s %s: 409 on a retry, and the resource is this call's", call.method, call.path
        )
        return self._read(call, response)

    def _send(self, call: _Call[T]) -> T:
        try:
            return self._attempt(call, 1)
        except AdvanceError as exc:
            if not self._max_retries or not _retries.should_retry(exc):
                raise
            first = exc
        # The first attempt ran outside tenacity, so calls that succeed pay nothing for it.
        retrying = self._retrying.copy(before_sleep=_retries.log_retry(call.method, call.path))
        for attempt in retrying:
            with attempt:
                number = attempt.retry_state.attempt_number
                if number == 1:
                    raise first
                return self._attempt(call, number)
        raise AssertionError("tenacity returned without an outcome")  # pragma: no cover

    # Operations ------------------------------------------------------------------------------

    def create_work_item(
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
            APIConnectionError: No usable response after the retries.
        """
        return self._send(
            self._create_work_item(
                name=name,
                work_group_id=work_group_id,
                template_package_id=template_package_id,
                answers=answers,
                description=description,
                assemble_immediately=assemble_immediately,
                complete_assembly_session=complete_assembly_session,
                is_private_to_owner=is_private_to_owner,
                work_item_id=work_item_id,
            )
        )

    def get_work_item(self, work_item_id: uuid.UUID | str) -> WorkItem:
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
        return self._send(self._get_work_item(work_item_id))

    def begin_assembly_session(
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
            The session's ids and interview script URL.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            AnswerSetError: ``answers`` is not a valid answer set (nothing was sent).
            ConflictError: Another session is active and ``force_create`` is false.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer lacks the session's ids.
            APIConnectionError: No usable response after the retries.
        """
        return self._send(
            self._begin_assembly_session(work_item_id, version_id, answers, force_create)
        )

    def save_assembly_session(self, work_item_id: uuid.UUID | str) -> None:
        """Save the active session's answers (``PUT .../Versions/Active/SaveSession``).

        Args:
            work_item_id: A work item with an active session.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            ConflictError: No session is active.
            APIStatusError: Another error status.
            APIConnectionError: No usable response after the retries.
        """
        self._send(self._save_assembly_session(work_item_id))

    def complete_assembly_session(
        self, work_item_id: uuid.UUID | str, *, run_assembly: bool = True
    ) -> None:
        """Finish the active session (``PUT .../Versions/Active/CompleteSession``).

        Args:
            work_item_id: A work item with an active session.
            run_assembly: Assemble the documents (true) or only close the session (false).

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            ConflictError: No session is active.
            APIStatusError: Another error status.
            APIConnectionError: No usable response after the retries.
        """
        self._send(self._complete_assembly_session(work_item_id, run_assembly))

    def save_and_close(
        self,
        work_item_id: uuid.UUID | str,
        version_id: uuid.UUID | str,
        *,
        callback_url: str | None = None,
        callback_secret: str | None = None,
    ) -> SaveAndCloseResult:
        """Save an in-progress version and close its session (``PUT /v2.0/.../SaveAndClose``).

        The server answers 200 when it finished in time, or 202 when it goes on in the
        background (always when ``callback_url`` is given) and later calls the callback.

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
            ConflictError: The version has no session in progress.
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object with a text status.
            APIConnectionError: No usable response after the retries.
        """
        return self._send(
            self._save_and_close(work_item_id, version_id, callback_url, callback_secret)
        )

    def get_version_status(
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
        return self._send(self._get_version_status(work_item_id, version_id))

    def create_public_interview_link(
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
        return self._send(
            self._create_public_interview_link(
                name, template_package_id, work_group_id, is_active, link_id
            )
        )

    def get_public_interview_link(self, link_id: uuid.UUID | str) -> PublicInterviewLink:
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
        return self._send(self._get_public_interview_link(link_id))

    def delete_public_interview_link(self, link_id: uuid.UUID | str) -> None:
        """Delete a public interview link; no error if it does not exist (``DELETE ...``).

        Args:
            link_id: The link's GUID.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            APIStatusError: An error status.
            APIConnectionError: No usable response after the retries.
        """
        self._send(self._delete_public_interview_link(link_id))


class AsyncAdvanceClient(_BaseClient):
    """An asynchronous client for the HotDocs Advance REST API (asyncio or trio).

    Same methods as ``AdvanceClient``, awaited. One pooled ``httpx.AsyncClient`` serves every
    call; use the client as an async context manager or call ``aclose()``. Failed calls are
    retried (connection errors, timeouts, 408, 429, 5xx) with exponential backoff and jitter,
    honouring ``Retry-After`` up to 60 s; see ``AdvanceClient`` for the rest.

    Args:
        base_url: The API base, e.g. ``https://tenancy1.hotdocsadvance.com/api/rest``, without
            the ``/v1.1`` or ``/v2.0`` segment.
        auth: A bearer token, or a ``ServicePrincipal`` to log in with.
        timeout: Seconds, or an ``httpx.Timeout``; by default ``DEFAULT_TIMEOUT`` (30 s to
            read or write, 10 s to connect).
        max_retries: Retries after the first attempt (0 turns retrying off).
        http_client: An ``httpx.AsyncClient`` to use instead of the client's own; the caller keeps
            it open and closes it.
        auth_url: The log-in base for a ``ServicePrincipal`` (e.g. ``https://host/auth``);
            derived from ``base_url`` when it ends in ``/api/rest`` (gives ``/auth``) or
            ``/HdaApi/rest`` (gives ``/HdaAuth``).

    Raises:
        InvalidArgumentError: An argument is wrong.
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
    ) -> None:
        super().__init__(
            base_url, auth=auth, timeout=timeout, max_retries=max_retries, auth_url=auth_url
        )
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise InvalidArgumentError("http_client", "expected an httpx.AsyncClient")
        self._owns_http = http_client is None
        self._http = http_client or httpx.AsyncClient(
            timeout=self._timeout, headers={"User-Agent": _USER_AGENT}
        )
        self._retrying = _retries.async_retrying(self._max_retries)

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
    ) -> Self:
        """Create a client for a cloud tenancy: ``https://{tenancy}.hotdocsadvance.com/api/rest``.

        Args:
            tenancy: The tenancy moniker.
            auth: A bearer token, or a ``ServicePrincipal``.
            timeout: As for the constructor.
            max_retries: As for the constructor.
            http_client: As for the constructor.
            auth_url: As for the constructor (derived: ``.../auth`` on the same host).

        Returns:
            The client.
        """
        host = _hostname("tenancy", tenancy)
        return cls(
            f"https://{host}.hotdocsadvance.com{_CLOUD_API}",
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_url=auth_url,
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

        Returns:
            The client.
        """
        host = f"{_hostname('tenancy', tenancy)}.{_hostname('domain', domain)}"
        return cls(
            f"https://{host}/HdaApi/rest",
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            auth_url=auth_url,
        )

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | _NotGiven = NOT_GIVEN,
        max_retries: int | _NotGiven = NOT_GIVEN,
    ) -> Self:
        """Copy the client with other settings, sharing its connection pool and log-in.

        ``await client.with_options(max_retries=0).get_work_item(...)`` changes one call. Closing
        either client closes the shared pool.

        Args:
            timeout: A new timeout.
            max_retries: A new retry count.

        Returns:
            The copy.
        """
        clone = self._copy(timeout, max_retries)
        clone._retrying = _retries.async_retrying(clone._max_retries)
        return clone

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

    async def _attempt(self, call: _Call[T], number: int) -> T:
        started = time.perf_counter()
        try:
            request = self._http.build_request(
                call.method,
                self._base_url + call.path,
                json=call.json,
                headers=self._headers(call),
                timeout=self._timeout,
            )
            response = await aread_capped(
                await self._http.send(request, auth=self._auth, stream=True)
            )
        except AdvanceError:
            raise
        except Exception as exc:
            translated = self._fail(call, exc, number, started)
            if translated is None:
                raise
            raise translated from exc
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s %s -> %d (attempt %d, %.1f ms)",
                call.method,
                call.path,
                response.status_code,
                number,
                (time.perf_counter() - started) * 1000,
            )
        if response.status_code < 300:
            return self._read(call, response)
        error = make_status_error(response, self._secrets(call))
        if response.status_code == httpx.codes.CONFLICT and number > 1 and call.verify:
            return await self._verify(call, call.verify, error)
        raise error

    async def _verify(self, call: _Call[T], verify: _Verify, conflict: AdvanceError) -> T:
        """Settle a 409 on a retried create: success if the resource is the one it sent."""
        kwargs = verify.kwargs()
        try:
            request = self._http.build_request(
                kwargs["method"].upper(),
                self._base_url + kwargs["url"],
                headers=self._headers(call),
                timeout=self._timeout,
            )
            response = await aread_capped(
                await self._http.send(request, auth=self._auth, stream=True)
            )
            own = response.status_code == httpx.codes.OK and verify.matches(response)
        except Exception:  # any doubt leaves the conflict standing
            own = False
        if not own:
            raise conflict
        logger.debug(
            "%s %s: 409 on a retry, and the resource is this call's", call.method, call.path
        )
        return self._read(call, response)

    async def _send(self, call: _Call[T]) -> T:
        try:
            return await self._attempt(call, 1)
        except AdvanceError as exc:
            if not self._max_retries or not _retries.should_retry(exc):
                raise
            first = exc
        # The first attempt ran outside tenacity, so calls that succeed pay nothing for it.
        retrying = self._retrying.copy(before_sleep=_retries.log_retry(call.method, call.path))
        async for attempt in retrying:
            with attempt:
                number = attempt.retry_state.attempt_number
                if number == 1:
                    raise first
                return await self._attempt(call, number)
        raise AssertionError("tenacity returned without an outcome")  # pragma: no cover

    # Operations ------------------------------------------------------------------------------

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
            APIConnectionError: No usable response after the retries.
        """
        return await self._send(
            self._create_work_item(
                name=name,
                work_group_id=work_group_id,
                template_package_id=template_package_id,
                answers=answers,
                description=description,
                assemble_immediately=assemble_immediately,
                complete_assembly_session=complete_assembly_session,
                is_private_to_owner=is_private_to_owner,
                work_item_id=work_item_id,
            )
        )

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
        return await self._send(self._get_work_item(work_item_id))

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
            The session's ids and interview script URL.

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            AnswerSetError: ``answers`` is not a valid answer set (nothing was sent).
            ConflictError: Another session is active and ``force_create`` is false.
            APIStatusError: Another error status.
            APIResponseValidationError: The answer lacks the session's ids.
            APIConnectionError: No usable response after the retries.
        """
        return await self._send(
            self._begin_assembly_session(work_item_id, version_id, answers, force_create)
        )

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
        await self._send(self._save_assembly_session(work_item_id))

    async def complete_assembly_session(
        self, work_item_id: uuid.UUID | str, *, run_assembly: bool = True
    ) -> None:
        """Finish the active session (``PUT .../Versions/Active/CompleteSession``).

        Args:
            work_item_id: A work item with an active session.
            run_assembly: Assemble the documents (true) or only close the session (false).

        Raises:
            InvalidArgumentError: An argument is wrong (nothing was sent).
            ConflictError: No session is active.
            APIStatusError: Another error status.
            APIConnectionError: No usable response after the retries.
        """
        await self._send(self._complete_assembly_session(work_item_id, run_assembly))

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
        background (always when ``callback_url`` is given) and later calls the callback.

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
            ConflictError: The version has no session in progress.
            APIStatusError: Another error status.
            APIResponseValidationError: The body is not a JSON object with a text status.
            APIConnectionError: No usable response after the retries.
        """
        return await self._send(
            self._save_and_close(work_item_id, version_id, callback_url, callback_secret)
        )

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
        return await self._send(self._get_version_status(work_item_id, version_id))

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
        return await self._send(
            self._create_public_interview_link(
                name, template_package_id, work_group_id, is_active, link_id
            )
        )

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
        return await self._send(self._get_public_interview_link(link_id))

    async def delete_public_interview_link(self, link_id: uuid.UUID | str) -> None:
        """Delete a public interview link; no error if it does not exist (``DELETE ...``).

        Args:
            link_id: The link's GUID.

        Raises:
            InvalidArgumentError: The id is not a GUID (nothing was sent).
            APIStatusError: An error status.
            APIConnectionError: No usable response after the retries.
        """
        await self._send(self._delete_public_interview_link(link_id))
