"""The generated operation modules the clients send, under one name each.

Adding an operation: one import line here, then one method in ``_async_client.py``.
"""

from hotdocs_advance_api.api.assembly_sessions import (
    begin_assembly_session,
    complete_assembly_session,
    save_assembly_session,
)
from hotdocs_advance_api.api.authorization import service_principal_log_in
from hotdocs_advance_api.api.documents import get_document, get_document_content, list_documents
from hotdocs_advance_api.api.public_interview_links import (
    create_public_interview_link,
    delete_public_interview_link,
    get_public_interview_link,
)
from hotdocs_advance_api.api.work_item_versions import (
    complete_version,
    create_and_assemble_version,
    create_version,
    get_version_status,
    save_and_close_version,
)
from hotdocs_advance_api.api.work_items import create_work_item, get_work_item

__all__ = [
    "begin_assembly_session",
    "complete_assembly_session",
    "complete_version",
    "create_and_assemble_version",
    "create_public_interview_link",
    "create_version",
    "create_work_item",
    "delete_public_interview_link",
    "get_document",
    "get_document_content",
    "get_public_interview_link",
    "get_version_status",
    "get_work_item",
    "list_documents",
    "save_and_close_version",
    "save_assembly_session",
    "service_principal_log_in",
]

#: Operations of the spec that no client method sends, each with the reason.
NOT_EXPOSED: dict[str, str] = {
    service_principal_log_in.OPERATION: "sent by the clients themselves for a ServicePrincipal",
}
