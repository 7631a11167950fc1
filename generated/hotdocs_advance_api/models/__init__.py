# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
"""Contains all the data models used in inputs/outputs"""

from .assembly_session import AssemblySession
from .begin_assembly_session_request import BeginAssemblySessionRequest
from .callback_event import CallbackEvent
from .complete_assembly_session_request import CompleteAssemblySessionRequest
from .complete_version_request import CompleteVersionRequest
from .create_and_assemble_version_request import CreateAndAssembleVersionRequest
from .create_version_request import CreateVersionRequest
from .create_work_item_request import CreateWorkItemRequest
from .document import Document
from .problem import Problem
from .public_interview_link import PublicInterviewLink
from .public_interview_link_request import PublicInterviewLinkRequest
from .save_and_close_version_request import SaveAndCloseVersionRequest
from .save_assembly_session_request import SaveAssemblySessionRequest
from .service_principal_log_in_request import ServicePrincipalLogInRequest
from .version_status import VersionStatus
from .work_item import WorkItem

__all__ = (
    "AssemblySession",
    "BeginAssemblySessionRequest",
    "CallbackEvent",
    "CompleteAssemblySessionRequest",
    "CompleteVersionRequest",
    "CreateAndAssembleVersionRequest",
    "CreateVersionRequest",
    "CreateWorkItemRequest",
    "Document",
    "Problem",
    "PublicInterviewLink",
    "PublicInterviewLinkRequest",
    "SaveAndCloseVersionRequest",
    "SaveAssemblySessionRequest",
    "ServicePrincipalLogInRequest",
    "VersionStatus",
    "WorkItem",
)
