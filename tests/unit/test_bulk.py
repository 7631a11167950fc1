"""Bulk creation against the Advance sandbox (loopback) and a server that answers 409."""

from __future__ import annotations

import contextlib
import csv
import json
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, TypedDict

import httpx
import pytest
from _client_core import _retry as core_retry
from hotdocs_advance import (
    AdvanceClient,
    AnswerSet,
    AsyncAdvanceClient,
    AuthenticationError,
    BulkInputError,
    BulkOutcome,
    BulkProgress,
    BulkRow,
    InvalidArgumentError,
    ServicePrincipal,
    Shard,
    abulk_create_work_items,
    bulk_create_work_items,
    bulk_namespace,
    bulk_work_item_id,
    read_rows,
)
from hotdocs_advance._bulk import CheckFirst
from hotdocs_advance.sandbox import AdvanceSandbox

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
NAMESPACE = bulk_namespace(GROUP, PACKAGE)


class Target(TypedDict):
    work_group_id: str
    template_package_id: str


TARGET: Target = {"work_group_id": GROUP, "template_package_id": PACKAGE}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(autouse=True)
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    async def skip(seconds: float) -> None:
        return None

    monkeypatch.setattr(core_retry, "async_sleep", skip)


@pytest.fixture
def client(advance_sandbox: AdvanceSandbox) -> Iterator[AdvanceClient]:
    with AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, timeout=10.0) as advance:
        yield advance


def write_csv(
    path: Path, count: int, *, extra: list[list[str]] | None = None, prefix: str = ""
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["CustomerId", "Customer", "Amount:number", "Start:date"])
        for i in range(count):
            writer.writerow([f"{prefix}C{i}", f"{prefix}Customer {i}", f"{i}.25", "2026-01-31"])
        writer.writerows(extra or [])
    return path


@contextlib.asynccontextmanager
async def recording(sandbox: AdvanceSandbox) -> AsyncIterator[tuple[AsyncAdvanceClient, list[str]]]:
    """An AsyncAdvanceClient on the sandbox, and the list of the requests it sends."""
    seen: list[str] = []

    async def record(request: httpx.Request) -> None:
        seen.append(f"{request.method} {request.url.path}")

    async with (
        httpx.AsyncClient(event_hooks={"request": [record]}) as http,
        AsyncAdvanceClient(sandbox.base_url, auth=PRINCIPAL, http_client=http) as client,
    ):
        yield client, seen


def rows_of(path: Path) -> Iterator[BulkRow]:
    return read_rows(path, key_column="CustomerId", name="{Customer} renewal")


def held(sandbox: AdvanceSandbox) -> dict[uuid.UUID, str]:
    with sandbox.state.lock:
        return {item.id: item.name for item in sandbox.state.work_items.values()}


def test_a_run_creates_each_row_and_a_rerun_reports_them_existing(
    client: AdvanceClient, advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """Each row becomes the work item uuid5(namespace, key) with its name and answers; the
    same run again creates nothing and reports every row existing."""
    data = write_csv(tmp_path / "rows.csv", 40)
    first = bulk_create_work_items(client, rows_of(data), **TARGET)
    assert first.counts() == {
        "created": 40, "existing": 0, "invalid": 0, "failed": 0, "valid": 0,
        "skipped": 0, "total": 40,
    }  # fmt: skip
    assert first.ok
    expected = {bulk_work_item_id(f"C{i}", NAMESPACE): f"Customer {i} renewal" for i in range(40)}
    assert held(advance_sandbox) == expected
    item = client.get_work_item(bulk_work_item_id("C7", NAMESPACE))
    assert item.answer_xml is not None
    assert AnswerSet.from_xml(item.answer_xml)["Amount"] == 7.25
    again = bulk_create_work_items(client, rows_of(data), **TARGET)
    assert (again.created, again.existing) == (0, 40)
    assert {result.outcome for result in again.results} == {BulkOutcome.EXISTING}
    assert held(advance_sandbox) == expected


def test_other_data_under_a_rows_id_or_a_taken_name_fails_that_row(
    client: AdvanceClient, advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """A work item under the row's id with other answers, or another one holding the row's
    name, makes the row failed (saying what differs), and the others go on."""
    bulk_create_work_items(client, rows_of(write_csv(tmp_path / "a.csv", 3)), **TARGET)
    client.create_work_item(name="Customer 3 renewal", **TARGET)  # takes row C3's name
    changed = tmp_path / "b.csv"
    data = write_csv(changed, 5)
    text = data.read_text(encoding="utf-8").replace("C1,Customer 1,1.25", "C1,Customer 1,9")
    data.write_text(text, encoding="utf-8")
    for check_first in ("auto", "never"):
        report = bulk_create_work_items(client, rows_of(changed), **TARGET, check_first=check_first)
        outcomes = {result.key: result for result in report.results}
        assert outcomes["C1"].outcome is BulkOutcome.FAILED
        assert "answers['Amount'] is not what this call sent" in (outcomes["C1"].error or "")
        assert outcomes["C3"].outcome is BulkOutcome.FAILED
        assert "already exists" in (outcomes["C3"].error or "")
        # Created straight away, the sandbox answers an identical repeat 200: "never" cannot
        # tell it from a create (the documented limit); "auto" read it first.
        expected = BulkOutcome.EXISTING if check_first == "auto" else BulkOutcome.CREATED
        assert outcomes["C0"].outcome is expected
    assert outcomes["C4"].outcome is BulkOutcome.CREATED  # the first pass made it
    assert len(held(advance_sandbox)) == 5  # C0..C2, C4 and the one holding C3's name


@pytest.mark.anyio
async def test_bad_rows_are_invalid_and_a_dry_run_sends_nothing(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """A dry run validates every row (invalid ones with line and reason) and sends nothing;
    the real run creates exactly the valid rows."""
    extra = [["X1", "Bad date", "1", "31/01/2026"], ["", "No key", "1", "2026-01-01"]]
    extra += [["X2", "Bad \x02 char", "1", "2026-01-01"]]
    data = write_csv(tmp_path / "rows.csv", 5, extra=extra)
    async with recording(advance_sandbox) as (client, seen):
        dry = await abulk_create_work_items(client, rows_of(data), **TARGET, dry_run=True)
        assert (dry.valid, dry.invalid, dry.created) == (5, 3, 0)
        assert seen == []
        assert held(advance_sandbox) == {}
        invalid = sorted((r.line or 0, r.key) for r in dry.results if r.outcome == "invalid")
        assert invalid == [(7, "X1"), (8, ""), (9, "X2")]
        real = await abulk_create_work_items(client, rows_of(data), **TARGET)
    assert (real.created, real.invalid) == (5, 3)
    assert sorted(r.line or 0 for r in real.results if r.outcome == "invalid") == [7, 8, 9]
    assert not real.ok


@pytest.mark.anyio
async def test_a_bad_header_raises_before_anything_is_sent(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """An unknown type suffix raises BulkInputError (not grouped), and no request (not even
    the log-in) was made."""
    data = tmp_path / "rows.csv"
    data.write_text("CustomerId,Customer,Amount:numbr\nC1,Ann,1\n", encoding="utf-8")
    async with recording(advance_sandbox) as (client, seen):
        with pytest.raises(BulkInputError, match="unknown type 'numbr'"):
            await abulk_create_work_items(client, rows_of(data), **TARGET)
    assert seen == []


def test_shards_cover_every_row_once(client: AdvanceClient, tmp_path: Path) -> None:
    """Shards 1/3, 2/3 and 3/3 process disjoint rows that together are all of them, keyless
    rows in shard 1; each shard's skipped count is the others' rows."""
    data = write_csv(tmp_path / "rows.csv", 90, extra=[["", "No key", "1", "2026-01-01"]])
    reports = [
        bulk_create_work_items(client, rows_of(data), **TARGET, dry_run=True, shard=f"{k}/3")
        for k in (1, 2, 3)
    ]
    lines = Counter(result.line or 0 for report in reports for result in report.results)
    assert sorted(lines) == list(range(2, 93))
    assert set(lines.values()) == {1}
    assert all(report.total + report.skipped == 91 for report in reports)
    assert all(20 <= report.total <= 40 for report in reports)  # even enough for 91 rows
    assert 92 in {result.line for result in reports[0].results}
    for k, report in enumerate(reports, 1):
        for result in report.results:
            assert Shard(k, 3).holds(result.work_item_id)


def test_shard_parsing() -> None:
    """K/N parses with 1 <= K <= N; anything else is an InvalidArgumentError."""
    assert Shard.parse(" 2 / 3 ") == Shard(2, 3)
    assert str(Shard(1, 1)) == "1/1"
    for text in ("0/3", "4/3", "1/0", "1", "a/b", "-1/3"):
        with pytest.raises(InvalidArgumentError, match="shard"):
            Shard.parse(text)


@pytest.mark.anyio
async def test_check_first_auto_reads_until_reads_find_nothing(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """ "auto" reads before creating until 32 reads in a row found nothing, then creates
    straight away; "always" reads every row; "never" reads none."""
    counts: dict[str, Counter[str]] = {}
    modes: list[CheckFirst] = ["auto", "always", "never"]
    for check_first in modes:
        data = write_csv(tmp_path / f"{check_first}.csv", 100, prefix=check_first)
        async with recording(advance_sandbox) as (client, seen):
            report = await abulk_create_work_items(
                client, rows_of(data), **TARGET, check_first=check_first, concurrency=1
            )
        assert report.created == 100
        counts[check_first] = Counter(entry.split()[0] for entry in seen)
    assert counts["auto"]["GET"] == 32
    assert counts["always"]["GET"] == 100
    assert counts["never"]["GET"] == 0
    assert {counts[mode]["PUT"] for mode in counts} == {100}


def test_a_refused_log_in_stops_the_run(advance_sandbox: AdvanceSandbox, tmp_path: Path) -> None:
    """A wrong password raises AuthenticationError instead of failing every row in turn."""
    wrong = ServicePrincipal("sandbox", "sandbox-principal", "wrong-password")
    data = write_csv(tmp_path / "rows.csv", 200)
    report_file = tmp_path / "report.csv"
    with (
        AdvanceClient(advance_sandbox.base_url, auth=wrong) as bad,
        pytest.raises(AuthenticationError),
    ):
        bulk_create_work_items(bad, rows_of(data), **TARGET, report=report_file)
    lines = report_file.read_text(encoding="utf-8").splitlines()
    assert 2 <= len(lines) <= 1 + 8 + 1  # the header, and at most the rows in flight
    assert held(advance_sandbox) == {}


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl"])
def test_the_report_has_one_record_per_row(
    client: AdvanceClient, tmp_path: Path, suffix: str
) -> None:
    """The report file (by extension) holds line, key, id, outcome, error and documents for
    every row; JSON adds the summary."""
    data = write_csv(tmp_path / "rows.csv", 4, extra=[["X", "Bad", "x", "2026-01-01"]])
    path = tmp_path / f"report{suffix}"
    report = bulk_create_work_items(client, rows_of(data), **TARGET, report=path)
    text = path.read_text(encoding="utf-8")
    if suffix == ".csv":
        records = list(csv.DictReader(text.splitlines()))
    elif suffix == ".jsonl":
        records = [json.loads(line) for line in text.splitlines()]
    else:
        document = json.loads(text)
        records = document["rows"]
        assert document["summary"]["created"] == 4
        assert document["summary"]["invalid"] == 1
    assert len(records) == 5
    assert {str(record["key"]) for record in records} == {"C0", "C1", "C2", "C3", "X"}
    bad = next(record for record in records if record["key"] == "X")
    assert bad["outcome"] == "invalid"
    assert "'x' is not a number" in str(bad["error"])
    assert str(bad["line"]) == "6"
    assert str(bad["work_item_id"]) == str(bulk_work_item_id("X", NAMESPACE))
    assert [set(record) for record in records] == [
        {"line", "key", "work_item_id", "outcome", "error", "documents"}
    ] * 5
    assert report.total == 5


def test_progress_is_reported_for_each_row(client: AdvanceClient, tmp_path: Path) -> None:
    """The hook is called once per row read, with the running counts."""
    data = write_csv(tmp_path / "rows.csv", 10)
    calls: list[tuple[int, int, int]] = []

    def hook(progress: BulkProgress) -> None:
        calls.append((progress.read, progress.done, progress.skipped))

    bulk_create_work_items(client, rows_of(data), **TARGET, progress=hook, shard="1/2")
    assert len(calls) == 10
    assert calls[-1][1] + calls[-1][2] == 10
    assert [done + skipped for _, done, skipped in calls] == list(range(1, 11))


def test_the_sync_client_is_twinned_and_other_arguments_are_checked(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """An AdvanceClient built with its own http_client cannot be twinned; bad arguments raise
    InvalidArgumentError before anything is sent."""
    data = write_csv(tmp_path / "rows.csv", 1)
    with (
        httpx.Client() as http,
        AdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL, http_client=http) as own,
    ):
        with pytest.raises(InvalidArgumentError, match="http_client"):
            bulk_create_work_items(own, rows_of(data), **TARGET)
        bad: list[dict[str, Any]] = [
            {"concurrency": 0},
            {"check_first": "sometimes"},
            {"report": tmp_path / "report.txt"},
            {"namespace": "not-a-uuid"},
            {"work_group_id": "x"},
        ]
        for options in bad:
            arguments: dict[str, Any] = {**TARGET, **options}
            with pytest.raises(InvalidArgumentError):
                bulk_create_work_items(
                    lambda: AsyncAdvanceClient(advance_sandbox.base_url, auth=PRINCIPAL),
                    rows_of(data),
                    **arguments,
                )
    assert held(advance_sandbox) == {}


@pytest.mark.anyio
async def test_rows_built_in_python_and_a_server_that_answers_409_for_a_repeat() -> None:
    """Rows built in code work as read ones; against a server that answers 409 to any create
    of an existing id (the spec's CHOICE), a rerun with check_first="never" is told existing
    by reading each work item back; a row with a blank name is invalid."""
    store: dict[str, dict[str, object]] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        item = request.url.path.rsplit("/", 1)[-1]
        if request.method == "PUT":
            if item in store:
                return httpx.Response(409, json={"title": "Conflict"})
            store[item] = {"id": item, **json.loads(request.content)}
            return httpx.Response(200)
        if item in store:
            return httpx.Response(200, json=store[item])
        return httpx.Response(404, json={"title": "Not Found"})

    answers = AnswerSet()
    answers["Customer"] = "Ann"
    rows = [BulkRow("A", "Ann's work item", answers), BulkRow("B", "Bo"), BulkRow("C", " ")]
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    client = AsyncAdvanceClient("https://advance.example/api/rest", auth="t", http_client=http)
    first = await abulk_create_work_items(client, rows, **TARGET, check_first="never")
    second = await abulk_create_work_items(client, rows, **TARGET, check_first="never")
    assert [r.outcome for r in first.results if r.key != "C"] == ["created", "created"]
    assert sorted(r.outcome for r in second.results) == ["existing", "existing", "invalid"]
    assert "name" in (next(r for r in second.results if r.key == "C").error or "")
    assert set(store) == {str(bulk_work_item_id(key, NAMESPACE)) for key in "AB"}
    await http.aclose()
