"""The Advance sandbox's seed: what exists before the first request (format in ``__init__``)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Final, Literal, cast

from _sandbox_kit import Fields, SeedError
from _sandbox_kit._seed import Seed, parse_guid, unique

from .._callbacks import CALLBACK_SCHEMES, CallbackScheme

Scope = Literal["Query", "Command", "Root"]
SCOPES: Final[tuple[Scope, ...]] = ("Query", "Command", "Root")
LinkRepeat = Literal["upsert", "reject"]
LINK_REPEATS: Final[tuple[LinkRepeat, ...]] = ("upsert", "reject")

_MONIKER = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")
_MAX_SECONDS: Final = 3600.0
# The defaults of VersionTiming, and the seed's (the sandbox's package docstring shows them).
_WORK_SECONDS: Final = 0.05
_SYNCHRONOUS_TIMEOUT: Final = 1.0

DEFAULT_SEED_DATA: Final[dict[str, object]] = {
    "tenancy": "tenancy1",
    "clientInterviewsEnabled": True,
    "publicLinkRepeat": "upsert",
    # The v2.0 version calls' timing, in one place (see VersionTiming).
    "versions": {
        "workSeconds": _WORK_SECONDS,
        "synchronousTimeoutSeconds": _SYNCHRONOUS_TIMEOUT,
        "callbackScheme": "hmac",
    },
    "documents": {"paddingBytes": 0},
    "workGroups": [
        {"id": "cb97f8d6-04a1-490a-aa09-92af12dfb305", "name": "Contracts"},
        {"id": "09000000-0000-0000-0000-000000000001", "name": "Examples"},
    ],
    "templatePackages": [
        {
            "id": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
            "name": "Contract renewal",
            "activated": True,
            "hasLiveVersion": True,
            "workGroups": ["cb97f8d6-04a1-490a-aa09-92af12dfb305"],
        },
        {
            "id": "03000000-0000-0000-0000-000000000003",
            "name": "Example contract",
            "activated": True,
            "hasLiveVersion": True,
            "workGroups": ["09000000-0000-0000-0000-000000000001"],
        },
    ],
    "apiClients": [
        {
            "name": "sandbox",
            "scope": "Command",
            "principalName": "sandbox-principal",
            "principalPassword": "sandbox-password",
        },
        {
            "name": "sandbox-reader",
            "scope": "Query",
            "principalName": "reader-principal",
            "principalPassword": "reader-password",
        },
    ],
}


@dataclass(frozen=True, slots=True)
class WorkGroupSeed:
    """A work group."""

    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class TemplatePackageSeed:
    """A template package and the work groups it is assigned to."""

    id: uuid.UUID
    name: str
    activated: bool
    has_live_version: bool
    work_group_ids: frozenset[uuid.UUID]


@dataclass(frozen=True, slots=True)
class ApiClientSeed:
    """An API client with its service principal."""

    name: str
    scope: Scope
    principal_name: str
    principal_password: str = field(repr=False)
    principal_active: bool = True
    token_life_span_seconds: int = 3600


@dataclass(frozen=True, slots=True)
class VersionTiming:
    """How long the v2.0 version calls take, and how long the server works synchronously.

    The one knob of the vendor's sync-then-async rule (reference section 4.5) for every
    v2.0 call that moves a version on: create, complete, create-and-assemble and
    save-and-close. Each takes ``work_seconds``. A call without a ``callbackUrl`` whose work
    fits in ``synchronous_timeout_seconds`` is answered 200 with the final status once the work
    is done; otherwise the answer is 202 with the status so far (at once with a
    ``callbackUrl``, else after the timeout) and the work ends in the background, followed by
    the callback. The vendor's servers default to 20 s (``...SynchronousTimeoutMs``); the
    sandbox's defaults keep tests quick and synchronous. A timeout of 0 makes every call with
    work to do asynchronous.
    """

    work_seconds: float = _WORK_SECONDS
    synchronous_timeout_seconds: float = _SYNCHRONOUS_TIMEOUT

    @property
    def synchronous(self) -> bool:
        """Whether a call without a callback URL finishes before the server answers."""
        return self.work_seconds <= self.synchronous_timeout_seconds


@dataclass(frozen=True, slots=True)
class AdvanceSeed(Seed):
    """Everything the Advance sandbox starts with. Build it with `from_mapping` or `load`."""

    tenancy: str
    client_interviews_enabled: bool
    public_link_repeat: LinkRepeat
    version_timing: VersionTiming
    callback_scheme: CallbackScheme
    document_padding_bytes: int
    work_groups: tuple[WorkGroupSeed, ...]
    template_packages: tuple[TemplatePackageSeed, ...]
    api_clients: tuple[ApiClientSeed, ...]

    @classmethod
    def from_fields(cls, top: Fields) -> AdvanceSeed:
        """Read the seed format described in the package docstring."""
        tenancy = top.text("tenancy", "tenancy1")
        if not _MONIKER.fullmatch(tenancy):
            raise SeedError(f"seed.tenancy must be a lower-case DNS label, not {tenancy!r}")
        versions = top.section("versions")
        timing = VersionTiming(
            versions.number("workSeconds", _WORK_SECONDS),
            versions.number("synchronousTimeoutSeconds", _SYNCHRONOUS_TIMEOUT),
        )
        for name, value in (
            ("workSeconds", timing.work_seconds),
            ("synchronousTimeoutSeconds", timing.synchronous_timeout_seconds),
        ):
            if not 0 <= value <= _MAX_SECONDS:
                raise SeedError(f"seed.versions.{name} must be between 0 and {_MAX_SECONDS:g}")
        scheme = cast("CallbackScheme", versions.choice("callbackScheme", CALLBACK_SCHEMES, "hmac"))
        versions.finish()
        documents = top.section("documents")
        padding = documents.integer("paddingBytes", 0)
        if padding < 0:
            raise SeedError("seed.documents.paddingBytes must not be negative")
        documents.finish()
        groups = []
        for item in top.records("workGroups"):
            groups.append(WorkGroupSeed(item.guid("id"), item.text("name", "")))
            item.finish()
        unique([g.id for g in groups], "seed.workGroups", "id")
        packages = []
        known_groups = {g.id for g in groups}
        for item in top.records("templatePackages"):
            assigned = frozenset(
                parse_guid(text, f"{item.where}.workGroups") for text in item.strings("workGroups")
            )
            missing = assigned - known_groups
            if missing:
                raise SeedError(
                    f"{item.where}.workGroups names unknown work groups {sorted(map(str, missing))}"
                )
            packages.append(
                TemplatePackageSeed(
                    id=item.guid("id"),
                    name=item.text("name", ""),
                    activated=item.flag("activated", True),
                    has_live_version=item.flag("hasLiveVersion", True),
                    work_group_ids=assigned,
                )
            )
            item.finish()
        unique([p.id for p in packages], "seed.templatePackages", "id")
        clients = []
        for item in top.records("apiClients"):
            life_span = item.integer("tokenLifeSpanSeconds", 3600)
            if life_span <= 0:
                raise SeedError(f"{item.where}.tokenLifeSpanSeconds must be positive")
            clients.append(
                ApiClientSeed(
                    name=item.text("name"),
                    scope=cast("Scope", item.choice("scope", SCOPES)),
                    principal_name=item.text("principalName"),
                    principal_password=item.text("principalPassword"),
                    principal_active=item.flag("principalActive", True),
                    token_life_span_seconds=life_span,
                )
            )
            item.finish()
        unique([c.name.lower() for c in clients], "seed.apiClients", "client name")
        return cls(
            tenancy=tenancy,
            client_interviews_enabled=top.flag("clientInterviewsEnabled", True),
            public_link_repeat=cast(
                "LinkRepeat", top.choice("publicLinkRepeat", LINK_REPEATS, "upsert")
            ),
            version_timing=timing,
            callback_scheme=scheme,
            document_padding_bytes=padding,
            work_groups=tuple(groups),
            template_packages=tuple(packages),
            api_clients=tuple(clients),
        )


DEFAULT_SEED: Final = AdvanceSeed.from_mapping(DEFAULT_SEED_DATA)
