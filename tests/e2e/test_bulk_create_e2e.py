"""Bulk creation end to end against the Advance sandbox: faults, reruns, shards, a killed run.

Retry waits go through the core's testing hook (recorded, not slept) in this process; the
killed run is a separate Python process, killed with SIGKILL midway.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    BulkOutcome,
    BulkReport,
    ServicePrincipal,
    bulk_create_work_items,
    bulk_namespace,
    bulk_work_item_id,
    read_rows,
)
from hotdocs_advance.sandbox import FAULT_KINDS, AdvanceSandbox, Faults

from tests.clock import record_sleeps

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
NAMESPACE = bulk_namespace(GROUP, PACKAGE)
FAULT_SEED = 20_261_515
# Seconds: bounds that only show the killed run did not hang (timing is for scripts/bench).
NO_HANG = 120.0


def write_rows(path: Path, count: int, bad: dict[int, list[str]] | None = None) -> Path:
    """A CSV of ``count`` rows (row i at line i + 2); ``bad`` replaces rows by index."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["CustomerId", "Customer", "Amount:number", "Start:date", "Kid[1]"])
        for i in range(count):
            row = [f"K{i:04d}", f"Customer {i}", f"{i}.5", "2026-01-31", f"Kid {i}"]
            writer.writerow((bad or {}).get(i, row))
    return path


def run(client: AdvanceClient, data: Path, **options: Any) -> BulkReport:
    rows = read_rows(data, key_column="CustomerId", name="{Customer} renewal")
    return bulk_create_work_items(
        client, rows, work_group_id=GROUP, template_package_id=PACKAGE, **options
    )


def expected_items(count: int, skip: set[int] | None = None) -> dict[uuid.UUID, str]:
    return {
        bulk_work_item_id(f"K{i:04d}", NAMESPACE): f"Customer {i} renewal"
        for i in range(count)
        if i not in (skip or set())
    }


def held(sandbox: AdvanceSandbox) -> dict[uuid.UUID, str]:
    with sandbox.state.lock:
        return {item.id: item.name for item in sandbox.state.work_items.values()}


@pytest.mark.advance_sandbox(
    faults=Faults(rate=0.2, kinds=FAULT_KINDS, latency=0.01, seed=FAULT_SEED)
)
def test_a_thousand_rows_under_faults_are_created_once_and_a_rerun_finds_them_all(
    advance_sandbox: AdvanceSandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under 20% faults of every kind (lost answers among them), 1,000 rows end as 1,000
    work items, each once, each with its row's name and answers, and every row reported
    created; the same run again, still under faults, reports all 1,000 existing and creates
    nothing."""
    waits = record_sleeps(monkeypatch)
    data = write_rows(tmp_path / "rows.csv", 1000)
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, max_retries=12) as client:
        first = run(client, data, report=tmp_path / "first.csv")
        assert first.counts()["created"] == 1000, Counter(r.error for r in first.results)
        assert held(advance_sandbox) == expected_items(1000)
        again = run(client, data, report=tmp_path / "again.csv")
        assert again.counts()["existing"] == 1000, Counter(r.error for r in again.results)
        answers = client.with_options(max_retries=20).get_work_item(
            bulk_work_item_id("K0123", NAMESPACE)
        )
    assert held(advance_sandbox) == expected_items(1000)
    injected = advance_sandbox.faults.injected if advance_sandbox.faults else Counter()
    assert injected["lost_response"] > 0
    assert injected["drop"] > 0
    assert waits  # the faults were retried
    assert answers.answer_xml is not None
    parsed = AnswerSet.from_xml(answers.answer_xml)
    assert (parsed["Customer"], parsed["Kid"]) == ("Customer 123", ["Kid 123"])
    with (tmp_path / "again.csv").open(encoding="utf-8") as stream:
        assert Counter(record["outcome"] for record in csv.DictReader(stream)) == {"existing": 1000}


def test_a_csv_with_bad_rows_yields_exactly_those_rows_invalid(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """Of 300 rows, exactly the bad ones (a bad date, a number with grouping, a character
    XML cannot carry, a ragged row, no key, a bad repeat cell) are invalid, with their line
    numbers; every other row is created."""
    bad = {
        10: ["K0010", "Customer 10", "1", "31/01/2026", "x"],
        50: ["K0050", "Customer 50", "1,000.5", "2026-01-31", "x"],
        51: ["K0051", "Customer \x0b 51", "1", "2026-01-31", "x"],
        120: ["K0120", "Customer 120", "1", "2026-01-31", "x", "extra"],
        200: ["", "Customer 200", "1", "2026-01-31", "x"],
        299: ["K0299", "Customer 299", "1", "2026-01-31", '["a", {"b": 1}]'],
    }
    data = write_rows(tmp_path / "rows.csv", 300, bad)
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        report = run(client, data)
    invalid = sorted(r.line or 0 for r in report.results if r.outcome is BulkOutcome.INVALID)
    assert invalid == [i + 2 for i in sorted(bad)]
    assert (report.created, report.invalid, report.failed) == (294, 6, 0)
    assert held(advance_sandbox) == expected_items(300, skip=set(bad))


def test_three_shards_cover_every_row_once(advance_sandbox: AdvanceSandbox, tmp_path: Path) -> None:
    """Shards 1/3, 2/3 and 3/3, run one after the other as three machines would, each create
    only their own rows; together they create every row once, and their reruns find them."""
    data = write_rows(tmp_path / "rows.csv", 300)
    created: Counter[uuid.UUID] = Counter()
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        for k in (1, 2, 3):
            report = run(client, data, shard=f"{k}/3")
            assert report.created + report.skipped == 300
            created.update(r.work_item_id for r in report.results if r.work_item_id)
        assert set(created.values()) == {1}
        assert set(created) == set(expected_items(300))
        assert held(advance_sandbox) == expected_items(300)
        reruns = [run(client, data, shard=f"{k}/3") for k in (1, 2, 3)]
    assert sum(report.existing for report in reruns) == 300
    assert sum(report.created for report in reruns) == 0


KILLED_RUN = textwrap.dedent(
    """
    import sys
    from hotdocs_advance import AdvanceClient, ServicePrincipal, bulk_create_work_items, read_rows

    base_url, data, report, group, package = sys.argv[1:]
    principal = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
    with AdvanceClient(base_url, auth=principal) as client:
        rows = read_rows(data, key_column="CustomerId", name="{Customer} renewal")
        bulk_create_work_items(
            client, rows, work_group_id=group, template_package_id=package, report=report
        )
    """
)


def wait_until_settled(sandbox: AdvanceSandbox) -> int:
    """Wait until the sandbox's count of work items stops changing; return it."""
    count, deadline = -1, time.monotonic() + NO_HANG
    while time.monotonic() < deadline:
        now = len(held(sandbox))
        if now == count:
            return count
        count = now
        time.sleep(0.5)
    raise AssertionError("the sandbox kept changing")


@pytest.mark.advance_sandbox(faults=Faults(rate=1.0, kinds=("slow",), latency=0.02))
def test_a_run_killed_midway_and_run_again_leaves_one_work_item_per_row(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """A run killed (SIGKILL) after some hundreds of rows, run again to completion, leaves
    exactly one work item per row; the second run reports the first run's rows existing and
    creates the rest."""
    data = write_rows(tmp_path / "rows.csv", 1000)
    script = tmp_path / "bulk.py"
    script.write_text(KILLED_RUN, encoding="utf-8")
    report = tmp_path / "killed.csv"
    args = [sys.executable, str(script), advance_sandbox.base_url, str(data), str(report)]
    args += [GROUP, PACKAGE]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + NO_HANG
        while len(held(advance_sandbox)) < 200:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the run did not get going"
            time.sleep(0.05)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=NO_HANG)
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    before = wait_until_settled(advance_sandbox)
    assert 200 <= before < 1000  # killed midway
    assert advance_sandbox.faults is not None
    advance_sandbox.faults.clear()
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL) as client:
        second = run(client, data)
    assert held(advance_sandbox) == expected_items(1000)
    assert (second.existing, second.created, second.failed) == (before, 1000 - before, 0)
    with report.open(encoding="utf-8") as stream:  # the killed run's report: rows it finished
        finished = [record["key"] for record in csv.DictReader(stream)]
    assert 0 < len(finished) <= before
