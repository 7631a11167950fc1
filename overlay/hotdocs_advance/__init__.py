"""HotDocs Advance: answer sets and a typed client for the Advance REST API.

Build answers with ``AnswerSet`` (a mapping from answer name to value), then create a work
item with ``AdvanceClient`` or ``AsyncAdvanceClient``; check a save-and-close callback with
``verify_callback``. Every exception derives from ``AdvanceError``. Modules behind this
package are private; everything public is here.
"""

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
    CallbackVerificationError,
    ConflictError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    VersionWaitTimeoutError,
)
from ._results import (
    AssemblySession,
    Document,
    PublicInterviewLink,
    SaveAndCloseResult,
    VersionResult,
    VersionStatus,
    WorkItem,
)
from ._sync_client import AdvanceClient

__all__ = [
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
    "AuthenticationError",
    "BadRequestError",
    "CallbackEvent",
    "CallbackScheme",
    "CallbackVerificationError",
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
    "Unanswered",
    "VersionResult",
    "VersionStatus",
    "VersionWaitTimeoutError",
    "WorkItem",
    "validate_answer_xml",
    "verify_callback",
]
