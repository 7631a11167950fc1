"""HotDocs Advance: answer sets and a typed client for the Advance REST API.

Build answers with ``AnswerSet`` (a mapping from answer name to value), then create a work
item with ``AdvanceClient`` or ``AsyncAdvanceClient``; check a save-and-close callback with
``verify_callback``; create many from a CSV or JSON Lines file with
``bulk_create_work_items``. Every exception derives from ``AdvanceError``. Modules behind this
package are private; everything public is here.
"""

import typing as _typing
from types import ModuleType as _ModuleType

import _client_core
import hotdocs_advance_api as _generated
from _client_core import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, InsecureTransportWarning

from ._answers import (
    MAX_NAME_LENGTH,
    MAX_REPEAT_DEPTH,
    AnswerKind,
    AnswerSet,
    AnswerValue,
    MultipleChoice,
    RawValue,
    RepeatItem,
    Unanswered,
    validate_answer_xml,
)
from ._async_client import AsyncAdvanceClient
from ._async_pages import AsyncPage, AsyncPager
from ._auth import ServicePrincipal
from ._bodies import MAX_RESPONSE_BYTES
from ._callbacks import CallbackEvent, CallbackScheme, verify_callback
from ._errors import (
    AdvanceError,
    AnswerProblem,
    AnswerSetError,
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BulkInputError,
    CallbackVerificationError,
    ClientClosedError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    VersionStateError,
    VersionWaitTimeoutError,
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
from ._sync_client import AdvanceClient
from ._sync_pages import SyncPage, SyncPager

__all__ = [
    "BULK_NAMESPACE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "MAX_NAME_LENGTH",
    "MAX_REPEAT_DEPTH",
    "MAX_RESPONSE_BYTES",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AdvanceClient",
    "AdvanceError",
    "AnswerKind",
    "AnswerProblem",
    "AnswerSet",
    "AnswerSetError",
    "AnswerValue",
    "AssemblySession",
    "AsyncAdvanceClient",
    "AsyncPage",
    "AsyncPager",
    "AuthenticationError",
    "BadRequestError",
    "BulkInputError",
    "BulkOutcome",
    "BulkProgress",
    "BulkReport",
    "BulkResult",
    "BulkRow",
    "CallbackEvent",
    "CallbackScheme",
    "CallbackVerificationError",
    "ClientClosedError",
    "ConflictError",
    "Document",
    "InsecureTransportWarning",
    "InternalServerError",
    "InvalidArgumentError",
    "MultipleChoice",
    "NotFoundError",
    "PermissionDeniedError",
    "PublicInterviewLink",
    "RateLimitError",
    "RawValue",
    "RepeatItem",
    "SaveAndCloseResult",
    "ServicePrincipal",
    "Shard",
    "SyncPage",
    "SyncPager",
    "TemplatePackage",
    "Unanswered",
    "VersionResult",
    "VersionStateError",
    "VersionStatus",
    "VersionWaitTimeoutError",
    "WorkGroup",
    "WorkItem",
    "WorkItemVersion",
    "abulk_create_work_items",
    "bulk_create_work_items",
    "bulk_namespace",
    "bulk_work_item_id",
    "read_csv_rows",
    "read_json_lines_rows",
    "read_rows",
    "validate_answer_xml",
    "verify_callback",
]

# Tracebacks and reprs name the public module (hotdocs_advance.AuthenticationError), as httpx's do.
_client_core.publish(
    __name__, globals(), __all__, owns=(_generated.__name__, _client_core.__name__)
)


def _load_bulk() -> _ModuleType:
    from . import _bulk as module  # noqa: PLC0415 - loaded on first use

    return module


def _load_bulk_rows() -> _ModuleType:
    from . import _bulk_rows as module  # noqa: PLC0415 - loaded on first use

    return module


if _typing.TYPE_CHECKING:
    from ._bulk import (
        BULK_NAMESPACE,
        BulkOutcome,
        BulkProgress,
        BulkReport,
        BulkResult,
        Shard,
        abulk_create_work_items,
        bulk_create_work_items,
        bulk_namespace,
        bulk_work_item_id,
    )
    from ._bulk_rows import BulkRow, read_csv_rows, read_json_lines_rows, read_rows

    __version__: str
    """The installed version of hotdocs-inforouter-clients (``0+unknown`` when vendored)."""
else:
    # Read on first use, not at import: the version (from the package metadata) and bulk
    # creation (csv, anyio's task groups and the readers: about a twentieth of the import).
    __getattr__ = _client_core.module_getattr(
        __name__,
        globals(),
        lazy={
            **dict.fromkeys(
                (
                    "BULK_NAMESPACE",
                    "BulkOutcome",
                    "BulkProgress",
                    "BulkReport",
                    "BulkResult",
                    "Shard",
                    "abulk_create_work_items",
                    "bulk_create_work_items",
                    "bulk_namespace",
                    "bulk_work_item_id",
                ),
                _load_bulk,
            ),
            **dict.fromkeys(
                ("BulkRow", "read_csv_rows", "read_json_lines_rows", "read_rows"), _load_bulk_rows
            ),
        },
        owns=(_generated.__name__, _client_core.__name__),
    )


def __dir__() -> list[str]:
    """List the package's names, those loaded on first use included (for completion)."""
    return sorted({*globals(), *__all__})
