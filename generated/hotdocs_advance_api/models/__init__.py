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
from .page import Page
from .problem import Problem
from .public_interview_link import PublicInterviewLink
from .public_interview_link_request import PublicInterviewLinkRequest
from .save_and_close_version_request import SaveAndCloseVersionRequest
from .save_assembly_session_request import SaveAssemblySessionRequest
from .service_principal_log_in_request import ServicePrincipalLogInRequest
from .template_package import TemplatePackage
from .template_package_page import TemplatePackagePage
from .version_page import VersionPage
from .version_status import VersionStatus
from .work_group import WorkGroup
from .work_group_page import WorkGroupPage
from .work_item import WorkItem
from .work_item_page import WorkItemPage
from .work_item_version import WorkItemVersion

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
    "Page",
    "Problem",
    "PublicInterviewLink",
    "PublicInterviewLinkRequest",
    "SaveAndCloseVersionRequest",
    "SaveAssemblySessionRequest",
    "ServicePrincipalLogInRequest",
    "TemplatePackage",
    "TemplatePackagePage",
    "VersionPage",
    "VersionStatus",
    "WorkGroup",
    "WorkGroupPage",
    "WorkItem",
    "WorkItemPage",
    "WorkItemVersion",
)
