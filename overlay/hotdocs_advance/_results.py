"""The results the clients return: the generated models under their public names, and a few more.

``WorkItem``, ``VersionStatus``, ``PublicInterviewLink`` and ``Document`` are the models
``scripts/generate`` compiles from the spec's schemas, and ``AssemblySession`` is its model plus
the version id the client chose: a member added to a schema appears on them, typed, after
regenerating. Absent members are None; members the spec does not name are kept in ``extra``.
``SaveAndCloseResult`` and ``VersionResult`` say how the server answered a v2.0 version call.
"""

from __future__ import annotations

from uuid import UUID

import attrs
from hotdocs_advance_api import models
from hotdocs_advance_api.models import Document, PublicInterviewLink, VersionStatus, WorkItem

__all__ = [
    "AssemblySession",
    "Document",
    "PublicInterviewLink",
    "SaveAndCloseResult",
    "VersionResult",
    "VersionStatus",
    "WorkItem",
]


@attrs.frozen
class SaveAndCloseResult:
    """How the server answered a save-and-close.

    Attributes:
        accepted: True for ``202 Accepted``: the work goes on in the background and the server
            will call the callback URL (or poll ``get_version_status``). False for ``200``: it
            finished synchronously.
        status: The status the server reported (e.g. ``Saving``, ``Saved``), if any.
    """

    accepted: bool
    status: str | None


@attrs.frozen
class VersionResult:
    """How the server answered ``create_version``, ``complete_version`` or ``create_and_assemble``.

    The vendor's rule for v2.0 version calls: the server works synchronously first and answers
    200 with the status when it finishes in time; when it does not, or whenever a callback URL
    is given, it answers 202 with the status so far and goes on in the background (then poll
    with ``wait_for_version``, or wait for the callback).

    Attributes:
        version_id: The version's GUID: the one passed, or the one generated for the call.
        accepted: True when the server took the work on for later (``202 Accepted``): it is not
            finished yet. False when it finished synchronously (200).
        status: The status the server reported (e.g. ``InProgress``, ``Completing``,
            ``Completed``), if its answer had one.
    """

    version_id: UUID
    accepted: bool
    status: str | None

    @property
    def is_final(self) -> bool:
        """Whether ``status`` is final (``Saved``, ``Completed``, ``PostProcessingFailed``)."""
        return self.status is not None and self.status in VersionStatus.FINAL_VALUES


@attrs.frozen
class AssemblySession(models.AssemblySession):
    """What a browser page needs to show the interview of a new assembly session.

    The server's members (``hda_session_id``, ``core_session_id``, ``interview_js_url`` and any
    the spec adds) come from the generated model; ``version_id`` is the session's version GUID,
    which the client chose (the server's answer does not repeat it).
    """

    version_id: UUID = attrs.field(kw_only=True)

    @classmethod
    def of(cls, wire: models.AssemblySession, version_id: UUID) -> AssemblySession:
        """Add the version id to the server's answer.

        Args:
            wire: The answer, as the generated model read it.
            version_id: The version GUID the call sent.

        Returns:
            The session.
        """
        members = {field.alias: getattr(wire, field.name) for field in attrs.fields(type(wire))}
        return cls(**members, version_id=version_id)
