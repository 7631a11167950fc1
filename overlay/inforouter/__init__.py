"""infoRouter client: task request models, sessions, typed answers and errors.

Example::

    import datetime
    import inforouter

    client = inforouter.InfoRouterClient("https://docs.example.com/srv.asmx")
    with client.authenticate("jsmith", "secret") as session:
        request = inforouter.RelatedTaskRequest(
            "jdoe", "Please review", datetime.date(2026, 5, 15)
        )
        created = session.create_related_task(456, request)
        print(created.task_id)
"""

import typing as _typing

import _client_core
import inforouter_api as _generated
from _client_core import InsecureTransportWarning

from ._client import (
    DEFAULT_TIMEOUT,
    AsyncInfoRouterClient,
    InfoRouterClient,
    TicketInQueryStringWarning,
)
from ._enums import (
    ApprovalStatus,
    AssigneeType,
    Priority,
    RequirementType,
    RightType,
    TaskStatus,
)
from ._errors import (
    AuthenticationFailedError,
    ClientClosedError,
    InfoRouterAPIError,
    InfoRouterConnectionError,
    InfoRouterError,
    InfoRouterHTTPError,
    InfoRouterTimeoutError,
    InsufficientRightsError,
    InvalidResponseError,
    NotFoundError,
    OutcomeUnknownError,
    SoapFaultError,
    TaskRequestError,
    TicketExpiredError,
    TicketNotAllowedError,
    UnsupportedBindingError,
)
from ._models import RelatedTaskRequest, TaskRequest, TaskRequirement
from ._results import CreatedTask, ReassignedTask, Task, TaskAttachment, TaskPermissions
from ._retry import DEFAULT_MAX_RETRIES
from ._session import AsyncSession, Session
from ._transport import DEFAULT_MAX_RESPONSE_BYTES
from ._wire import AsyncBinding, Binding

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "ApprovalStatus",
    "AssigneeType",
    "AsyncBinding",
    "AsyncInfoRouterClient",
    "AsyncSession",
    "AuthenticationFailedError",
    "Binding",
    "ClientClosedError",
    "CreatedTask",
    "InfoRouterAPIError",
    "InfoRouterClient",
    "InfoRouterConnectionError",
    "InfoRouterError",
    "InfoRouterHTTPError",
    "InfoRouterTimeoutError",
    "InsecureTransportWarning",
    "InsufficientRightsError",
    "InvalidResponseError",
    "NotFoundError",
    "OutcomeUnknownError",
    "Priority",
    "ReassignedTask",
    "RelatedTaskRequest",
    "RequirementType",
    "RightType",
    "Session",
    "SoapFaultError",
    "Task",
    "TaskAttachment",
    "TaskPermissions",
    "TaskRequest",
    "TaskRequestError",
    "TaskRequirement",
    "TaskStatus",
    "TicketExpiredError",
    "TicketInQueryStringWarning",
    "TicketNotAllowedError",
    "UnsupportedBindingError",
]

# Tracebacks and reprs name the public module (inforouter.TicketExpiredError), as httpx's do.
_client_core.publish(
    __name__, globals(), __all__, owns=(_generated.__name__, _client_core.__name__)
)

if _typing.TYPE_CHECKING:
    __version__: str
    """The installed version of hotdocs-inforouter-clients (``0+unknown`` when vendored)."""
else:  # read from the package metadata on first use, not at import
    __getattr__ = _client_core.module_getattr(__name__, globals())
