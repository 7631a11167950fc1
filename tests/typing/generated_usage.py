"""Type-checked, never run: the generated packages' typed surface catches misuse."""

from __future__ import annotations

from uuid import uuid4

import inforouter_api
import zeep
from hotdocs_advance_api import AuthenticatedClient
from hotdocs_advance_api.api.work_items import create_work_item
from hotdocs_advance_api.models import CreateWorkItemRequest
from lxml import etree


def create(client: AuthenticatedClient) -> int:
    body = CreateWorkItemRequest(name="n", work_group_id=uuid4(), template_package_id=uuid4())
    return create_work_item.sync_detailed(uuid4(), client=client, body=body).status_code


def related(client: zeep.Client) -> etree._Element | None:
    port = inforouter_api.SrvSoap(client, "https://server/srv.asmx")
    return port.CreateRelatedTask(authenticationTicket="t", taskId=456, xmlParameters="<x/>")


def form(address: str) -> dict[str, str]:
    return inforouter_api.SrvHttpPost(address).GetTask(authenticationTicket="t", taskId=1).params


def wrong(client: zeep.Client) -> None:
    port = inforouter_api.SrvSoap(client, "https://server/srv.asmx")
    port.GetTask(authenticationTicket="t", taskId="456")  # type: ignore[arg-type]
    port.GetTask(authenticationticket="t", taskId=1)  # type: ignore[call-arg]
