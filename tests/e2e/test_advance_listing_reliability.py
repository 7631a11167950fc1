"""Listing under faults: every item exactly once (issue 14's reliability test), over loopback.

The sandbox's fault injection fails 20% of requests in every way (429, 503, a dropped
connection, a late answer, an answer lost after the page was read); the pagers' requests are
retried like any read. Retry waits are recorded, not slept (``tests/clock.py``).
"""

from __future__ import annotations

import uuid
from collections import Counter

import httpx
import pytest
from hotdocs_advance import (
    AdvanceClient,
    AdvanceError,
    AsyncAdvanceClient,
    ServicePrincipal,
    SyncPage,
    WorkItem,
)
from hotdocs_advance.sandbox import FAULT_KINDS, AdvanceSandbox, Faults

from tests.clock import record_sleeps

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
ITEMS = 150
PAGE_SIZE = 4  # about 38 pages, so about 50 requests meet the faults
# Fixed fault seeds: the same faults hit the same requests on every run (the calls are
# sequential), and these hit every kind.
SYNC_SEED = 20_261_401
ASYNC_SEED = 20_261_402
RESUME_SEED = 20_261_403
# "slow" holds its answer 0.3 s; a read timeout of 0.15 s makes it a timeout to retry.
TIMEOUT = httpx.Timeout(5.0, read=0.15)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record the client's retry waits instead of sleeping."""
    return record_sleeps(monkeypatch)


def create_items(sandbox: AdvanceSandbox) -> list[uuid.UUID]:
    """Create the work items to list, before any fault is switched on."""
    with AdvanceClient(sandbox.base_url, auth=PRINCIPAL) as client:
        return [
            client.create_work_item(
                name=f"Listed {n}", work_group_id=GROUP, template_package_id=PACKAGE
            )
            for n in range(ITEMS)
        ]


def faults(seed: int) -> Faults:
    return Faults(0.2, seed=seed, latency=0.3, retry_after="0")


def assert_exactly_once(listed: list[WorkItem], created: list[uuid.UUID]) -> None:
    ids = [item.id for item in listed]
    assert len(ids) == len(created)
    assert max(Counter(ids).values()) == 1
    assert ids == created  # and in the spec's order, oldest first


def test_listing_under_faults_returns_every_item_exactly_once(
    advance_sandbox: AdvanceSandbox, sleeps: list[float]
) -> None:
    """150 work items listed in pages of 4 with 20% faults of every kind: each exactly once."""
    created = create_items(advance_sandbox)
    injected = faults(SYNC_SEED)
    advance_sandbox.faults = injected
    with AdvanceClient(
        advance_sandbox.base_url, auth=PRINCIPAL, timeout=TIMEOUT, max_retries=6
    ) as client:
        listed = list(client.list_work_items(page_size=PAGE_SIZE))
    advance_sandbox.faults = None
    assert_exactly_once(listed, created)
    assert set(injected.injected) == set(FAULT_KINDS)
    assert len(sleeps) == sum(injected.injected.values())  # one retry for each fault
    assert advance_sandbox.state.spec_violations == []


@pytest.mark.anyio
async def test_async_listing_under_faults_returns_every_item_exactly_once(
    advance_sandbox: AdvanceSandbox, sleeps: list[float]
) -> None:
    """The same with AsyncAdvanceClient, the pages and the items of a filtered listing."""
    created = create_items(advance_sandbox)
    injected = faults(ASYNC_SEED)
    advance_sandbox.faults = injected
    async with AsyncAdvanceClient(
        advance_sandbox.base_url, auth=PRINCIPAL, timeout=TIMEOUT, max_retries=6
    ) as client:
        listed = [item async for item in client.list_work_items("Saved", page_size=PAGE_SIZE)]
        pager = client.list_work_items(page_size=PAGE_SIZE * 10)
        pages = [len(page) async for page in pager.iter_pages()]
    advance_sandbox.faults = None
    assert_exactly_once(listed, created)
    assert sum(pages) == ITEMS
    assert set(injected.injected) == set(FAULT_KINDS)
    assert advance_sandbox.state.spec_violations == []


def test_a_listing_that_fails_goes_on_from_its_last_page(
    advance_sandbox: AdvanceSandbox, sleeps: list[float]
) -> None:
    """Without retries, a failed page is asked for again from the page before: still each once."""
    created = create_items(advance_sandbox)
    injected = faults(RESUME_SEED)
    advance_sandbox.faults = injected
    failures = 0
    listed: list[WorkItem] = []
    with AdvanceClient(
        advance_sandbox.base_url, auth=PRINCIPAL, timeout=TIMEOUT, max_retries=0
    ) as client:
        pager = client.list_work_items(page_size=PAGE_SIZE)
        page: SyncPage[WorkItem] | None = None
        while page is None:
            try:
                page = pager.first_page()
            except AdvanceError:
                failures += 1
        while page is not None:
            listed.extend(page.items)
            done = page
            while True:
                try:
                    page = done.get_next_page()
                    break
                except AdvanceError:  # the same page object asks for the same page again
                    failures += 1
    advance_sandbox.faults = None
    assert_exactly_once(listed, created)
    # Every injected fault failed a call; on a loaded machine a request may also time out
    # (TIMEOUT is short), which fails one more: at least the injected ones, never fewer.
    assert failures >= sum(injected.injected.values()) > 0
    assert sleeps == []
