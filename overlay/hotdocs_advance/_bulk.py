"""Bulk creation of work items from rows: deterministic ids, bounded concurrency, a report.

``abulk_create_work_items(async_client, rows, ...)`` is the engine; ``bulk_create_work_items``
runs it from synchronous code (see its docstring for the clients it takes).

How a rerun stays safe. Each row's work item id is ``uuid5(namespace, key)``, so every run
addresses the same ids and nothing can be created twice. Whether a row's work item was there
before this run is another question, which a create alone cannot always answer: the spec's
CHOICE is 409 for an existing id, but a server may also answer an identical repeat with 200 as
it answered the first (the sandbox does). So:

- a create answered 409 reads the work item back and compares every member the create sets
  (answers as parsed answer sets, the same rule as a retried create): the same is
  ``existing``, anything else ``failed`` with what differs;
- before creating, ``check_first`` reads the work item (one GET): ``"always"`` for every row;
  ``"auto"`` (the default) for every row until ``max(32, 4 * concurrency)`` reads in a row
  find nothing, then creates straight away (the rows of an interrupted run come first in the
  file, so a rerun reads them and reports them ``existing``; a fresh run costs those few
  reads); ``"never"`` creates straight away. Only a create answered 200 for a work item that
  was already there (by a server that accepts identical repeats) can be reported ``created``
  wrongly, and only past that switch; nothing is ever duplicated.
- a lost answer whose retry meets the work item is settled by the client's read-back: the row
  is ``created`` (this run's lost attempt made it, as far as anyone can tell).

Shards: ``Shard(k, n)`` takes the rows whose id's integer value is ``k - 1`` modulo ``n``
(UUID5 is a SHA-1 digest, so shards are even); a row without a key belongs to shard 1. Any
job runner can run ``1/n`` to ``n/n`` with no coordination.
"""

from __future__ import annotations

import csv
import enum
import json
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Concatenate, Final, Literal, ParamSpec, TypeVar

import anyio
import anyio.abc
import anyio.lowlevel
import anyio.to_thread
import attrs
from _client_core import async_pause, now
from hotdocs_advance_api.models import CreateWorkItemRequest

from . import _arguments as check
from . import _ops as op
from ._async_client import AsyncAdvanceClient
from ._base import created
from ._bulk_rows import BulkRow
from ._documents import safe_file_name, unique_file_names
from ._errors import (
    AdvanceError,
    AnswerSetError,
    AuthenticationError,
    ConflictError,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
)
from ._results import Document, WorkItem
from ._sync_client import AdvanceClient

__all__ = [
    "BULK_NAMESPACE",
    "DEFAULT_CONCURRENCY",
    "DOCUMENTS_WAIT",
    "REPORT_FIELDS",
    "BulkOutcome",
    "BulkProgress",
    "BulkReport",
    "BulkResult",
    "CheckFirst",
    "Shard",
    "abulk_create_work_items",
    "bulk_create_work_items",
    "bulk_namespace",
    "bulk_work_item_id",
]

#: The root of every bulk run's namespace (a constant: changing it would change every id).
BULK_NAMESPACE: Final = uuid.UUID("542058eb-5272-45a3-9cbd-5569cdbfefed")
DEFAULT_CONCURRENCY: Final = 8
#: The columns of a CSV report, in order (the members of a JSON one).
REPORT_FIELDS: Final = ("line", "key", "work_item_id", "outcome", "error", "documents")
#: How long ``download`` waits, by default, for a new work item's documents to be listed.
DOCUMENTS_WAIT: Final = 60.0
_FIRST_POLL: Final = 0.5  # seconds before listing the documents again; doubled each time
_LONGEST_POLL: Final = 10.0
# "auto" stops reading first after this many reads in a row found nothing (at least).
_MISSES_BEFORE_WRITING: Final = 32
# The producer lets the workers run at least this often when rows need no request.
_YIELD_EVERY: Final = 64

CheckFirst = Literal["auto", "always", "never"]
P = ParamSpec("P")
R = TypeVar("R")


class BulkOutcome(enum.StrEnum):
    """What became of one row."""

    #: This run created the work item (or a retry found what its lost attempt created).
    CREATED = "created"
    #: The work item was there already, holding what the row asks for.
    EXISTING = "existing"
    #: The row cannot be sent (its error says why); nothing was sent for it.
    INVALID = "invalid"
    #: The server refused, could not be reached, or holds other data under the row's id.
    FAILED = "failed"
    #: A dry run: the row's answer set was built and validated; nothing was sent.
    VALID = "valid"


@attrs.frozen
class Shard:
    """One of ``count`` shards of the rows (``index`` from 1): ``Shard.parse("2/3")``.

    Attributes:
        index: The shard, from 1 to ``count``.
        count: How many shards the rows are spread over.
    """

    index: int
    count: int

    def __attrs_post_init__(self) -> None:
        if type(self.count) is not int or type(self.index) is not int or self.count < 1:
            raise InvalidArgumentError("shard", "expected K/N with whole numbers, N at least 1")
        if not 1 <= self.index <= self.count:
            raise InvalidArgumentError("shard", f"K is from 1 to {self.count}, not {self.index}")

    @classmethod
    def parse(cls, text: str) -> Shard:
        """Read ``"K/N"``.

        Args:
            text: For example ``"2/3"``.

        Returns:
            The shard.

        Raises:
            InvalidArgumentError: It is not ``K/N`` with 1 <= K <= N.
        """
        index, slash, count = str(text).partition("/")
        if not slash or not index.strip().isdigit() or not count.strip().isdigit():
            raise InvalidArgumentError("shard", f"expected K/N such as 2/3, not {text!r}")
        return cls(int(index), int(count))

    def holds(self, work_item_id: uuid.UUID | None) -> bool:
        """Tell whether a row with this id (None: the row has no key) belongs to the shard.

        Args:
            work_item_id: The row's work item id.

        Returns:
            True when this shard processes it.
        """
        if work_item_id is None:
            return self.index == 1
        return work_item_id.int % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def bulk_namespace(
    work_group_id: uuid.UUID | str, template_package_id: uuid.UUID | str
) -> uuid.UUID:
    """Return the default namespace of a run: one per work group and template package.

    So the same keys imported into another work group or template package address other work
    items; two imports into the same ones (this year's renewals and next year's) need their
    own ``namespace``.

    Args:
        work_group_id: The run's work group.
        template_package_id: The run's template package.

    Returns:
        ``uuid5(BULK_NAMESPACE, "<work group>/<template package>")``.
    """
    group = check.guid("work_group_id", work_group_id)
    package = check.guid("template_package_id", template_package_id)
    return uuid.uuid5(BULK_NAMESPACE, f"{group}/{package}")


def bulk_work_item_id(key: str, namespace: uuid.UUID) -> uuid.UUID:
    """Return the work item id of a row: ``uuid5(namespace, key)``, key stripped.

    Args:
        key: The row's key.
        namespace: The run's namespace (``bulk_namespace(...)`` by default).

    Returns:
        The id.

    Raises:
        InvalidArgumentError: The key is blank or holds an unpaired surrogate.
    """
    return uuid.uuid5(namespace, check.text("key", key).strip())


@attrs.frozen
class BulkResult:
    """One row's outcome, as the report has it.

    Attributes:
        key: The row's key ("" when it has none).
        work_item_id: The id its key derives (None without a key).
        outcome: What became of it.
        error: Why it is ``invalid`` or ``failed`` (None otherwise).
        line: Its line in the input, when known.
        documents: The files written for it with ``download``, in order.
    """

    key: str
    work_item_id: uuid.UUID | None
    outcome: BulkOutcome
    error: str | None = None
    line: int | None = None
    documents: tuple[Path, ...] = ()

    def as_record(self) -> dict[str, Any]:
        """Return the report's record: ``REPORT_FIELDS``, JSON-ready.

        Returns:
            ``line``, ``key``, ``work_item_id`` (a string or None), ``outcome``, ``error``
            and ``documents`` (how many files were written).
        """
        return {
            "line": self.line,
            "key": self.key,
            "work_item_id": None if self.work_item_id is None else str(self.work_item_id),
            "outcome": self.outcome.value,
            "error": self.error,
            "documents": len(self.documents),
        }


@dataclass(slots=True)
class BulkProgress:
    """The running counts a ``progress`` hook receives (one live object: copy what you keep).

    Attributes:
        read: Rows read from the input so far (every shard's).
        skipped: Rows read that belong to other shards.
        done: Rows of this shard finished.
        created: Rows created.
        existing: Rows found already created.
        invalid: Rows that cannot be sent.
        failed: Rows that failed.
        valid: Rows validated by a dry run.
        documents: Documents written.
        started: When the run started (``time.monotonic()``).
        last: The row finished last, or None when the last event was a skipped row.
    """

    read: int = 0
    skipped: int = 0
    done: int = 0
    created: int = 0
    existing: int = 0
    invalid: int = 0
    failed: int = 0
    valid: int = 0
    documents: int = 0
    started: float = field(default_factory=time.monotonic)
    last: BulkResult | None = None

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Rows of this shard finished per second so far."""
        elapsed = self.elapsed
        return self.done / elapsed if elapsed > 0 else 0.0


@attrs.frozen
class BulkReport:
    """What a bulk run did: the counts, and each row's result unless ``keep_results=False``.

    Attributes:
        created: Rows created by this run.
        existing: Rows whose work item was there already, holding what the row asks for.
        invalid: Rows that could not be sent.
        failed: Rows the server refused or that could not be completed.
        valid: Rows a dry run validated.
        skipped: Rows of other shards.
        documents: Documents written (``download``).
        seconds: How long the run took.
        dry_run: Whether nothing was sent.
        shard: The shard processed, or None for all rows.
        results: Each row's result in the order rows finished (empty with
            ``keep_results=False``).
    """

    created: int
    existing: int
    invalid: int
    failed: int
    valid: int
    skipped: int
    documents: int
    seconds: float
    dry_run: bool
    shard: Shard | None
    results: tuple[BulkResult, ...] = ()

    @property
    def total(self) -> int:
        """Rows of this shard (every outcome)."""
        return self.created + self.existing + self.invalid + self.failed + self.valid

    @property
    def ok(self) -> bool:
        """True when no row failed and none was invalid."""
        return not self.failed and not self.invalid

    def counts(self) -> dict[str, int]:
        """Return the rows per outcome (``BulkOutcome`` values), then ``skipped``, ``total``.

        Returns:
            The counts.
        """
        return {
            **{outcome.value: getattr(self, outcome.value) for outcome in BulkOutcome},
            "skipped": self.skipped,
            "total": self.total,
        }


# --- The report file ---------------------------------------------------------------------------


class _ReportFile:
    """Writes each result as it comes: CSV (``.csv``), JSON Lines (``.jsonl``) or JSON.

    CSV and JSON Lines hold each finished row as soon as it finishes (an interrupted run leaves
    the rows it finished); JSON (``.json``) is one object, ``{"rows": [...], "summary":
    {...}}``, complete only when the run ends.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        suffix = Path(path).suffix.lower()
        if suffix not in (".csv", ".json", ".jsonl", ".ndjson"):
            raise InvalidArgumentError(
                "report", f"the report is .csv, .json or .jsonl, not {os.fspath(path)!r}"
            )
        self.kind = suffix
        self.first = True
        self.stream: IO[str] = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        if suffix == ".csv":
            self.csv = csv.DictWriter(self.stream, REPORT_FIELDS, lineterminator="\n")
            self.csv.writeheader()
        elif suffix == ".json":
            self.stream.write('{"rows": [')

    def write(self, result: BulkResult) -> None:
        record = result.as_record()
        if self.kind == ".csv":
            self.csv.writerow(record)
        elif self.kind == ".json":
            self.stream.write(("\n  " if self.first else ",\n  ") + json.dumps(record))
        else:
            self.stream.write(json.dumps(record) + "\n")
        self.first = False
        if self.kind != ".json":
            self.stream.flush()

    def close(self, report: BulkReport | None) -> None:
        if self.kind == ".json" and report is not None:
            summary = {**report.counts(), "seconds": round(report.seconds, 3)}
            self.stream.write(f'\n],\n"summary": {json.dumps(summary)}}}\n')
        self.stream.close()


# --- The run -----------------------------------------------------------------------------------


class _Run:
    """One bulk run: the producer reads rows, ``concurrency`` workers send them."""

    def __init__(
        self,
        client: AsyncAdvanceClient,
        *,
        work_group_id: uuid.UUID,
        template_package_id: uuid.UUID,
        namespace: uuid.UUID,
        concurrency: int,
        dry_run: bool,
        shard: Shard | None,
        check_first: CheckFirst,
        progress: Callable[[BulkProgress], None] | None,
        report: _ReportFile | None,
        keep_results: bool,
        download: Path | None,
        documents_wait: float,
    ) -> None:
        self.client = client
        self.work_group_id = work_group_id
        self.template_package_id = template_package_id
        self.namespace = namespace
        self.concurrency = concurrency
        self.dry_run = dry_run
        self.shard = shard
        self.check_first = check_first
        self.reading_first = check_first != "never"
        self.misses = 0
        self.misses_before_writing = max(_MISSES_BEFORE_WRITING, 4 * concurrency)
        self.hook = progress
        self.report = report
        self.results: list[BulkResult] | None = [] if keep_results else None
        self.download = download
        self.documents_wait = documents_wait
        self.progress = BulkProgress()
        # What stops the run: a refused log-in or scope, or an error of the input or a hook.
        self.fatal: Exception | None = None
        self.scope: anyio.CancelScope | None = None

    # Producing ---------------------------------------------------------------------------------

    async def run(self, rows: Iterable[BulkRow]) -> BulkReport:
        send, receive = anyio.create_memory_object_stream[tuple[BulkRow, uuid.UUID]](
            self.concurrency
        )
        async with anyio.create_task_group() as workers:
            self.scope = workers.cancel_scope
            for _ in range(self.concurrency):
                workers.start_soon(self._work, receive.clone())
            receive.close()
            async with send:
                try:
                    await self._produce(rows, send)
                except Exception as exc:  # the input or a hook: raised as it is, not grouped
                    self.fatal = exc
                    workers.cancel_scope.cancel()
        if self.fatal is not None:
            raise self.fatal
        progress = self.progress
        return BulkReport(
            created=progress.created,
            existing=progress.existing,
            invalid=progress.invalid,
            failed=progress.failed,
            valid=progress.valid,
            skipped=progress.skipped,
            documents=progress.documents,
            seconds=progress.elapsed,
            dry_run=self.dry_run,
            shard=self.shard,
            results=tuple(self.results or ()),
        )

    async def _produce(
        self,
        rows: Iterable[BulkRow],
        send: anyio.abc.ObjectSendStream[tuple[BulkRow, uuid.UUID]],
    ) -> None:
        quiet = 0
        for row in rows:
            item = self._admit(row)
            if item is not None:
                await send.send((row, item))
                quiet = 0
                continue
            quiet += 1
            if quiet >= _YIELD_EVERY:  # rows that need no request: let the workers run
                await anyio.lowlevel.checkpoint()
                quiet = 0

    def _admit(self, row: BulkRow) -> uuid.UUID | None:
        """Take a row read: its work item id when it is to be sent, else None (done here)."""
        if not isinstance(row, BulkRow):
            raise InvalidArgumentError("rows", f"expected BulkRow items, not {type(row).__name__}")
        self.progress.read += 1
        try:
            item: uuid.UUID | None = bulk_work_item_id(row.key, self.namespace)
        except InvalidArgumentError:
            item = None
        if self.shard is not None and not self.shard.holds(item):
            self.progress.skipped += 1
            self.progress.last = None
            if self.hook is not None:
                self.hook(self.progress)
            return None
        if row.error is not None or item is None:
            error = row.error or "no key: the key column is empty"
            self._finish(BulkResult(row.key, item, BulkOutcome.INVALID, error, row.line))
            return None
        if self.dry_run:
            self._finish(self._validate(row, item))
            return None
        return item

    def _validate(self, row: BulkRow, item: uuid.UUID) -> BulkResult:
        """Check a row as a create would before sending (a dry run)."""
        try:
            check.text("name", row.name)
            if row.answers is not None:
                check.answer_xml(row.answers)
        except (AnswerSetError, InvalidArgumentError) as exc:
            return BulkResult(row.key, item, BulkOutcome.INVALID, str(exc), row.line)
        return BulkResult(row.key, item, BulkOutcome.VALID, None, row.line)

    def _finish(self, result: BulkResult) -> None:
        progress = self.progress
        progress.done += 1
        setattr(progress, result.outcome.value, getattr(progress, result.outcome.value) + 1)
        progress.documents += len(result.documents)
        progress.last = result
        if self.report is not None:
            self.report.write(result)
        if self.results is not None:
            self.results.append(result)
        if self.hook is not None:
            self.hook(progress)

    # Sending -----------------------------------------------------------------------------------

    async def _work(
        self, receive: anyio.abc.ObjectReceiveStream[tuple[BulkRow, uuid.UUID]]
    ) -> None:
        async with receive:
            async for row, item in receive:
                self._finish(await self._one(row, item))

    async def _one(self, row: BulkRow, item: uuid.UUID) -> BulkResult:
        def result(outcome: BulkOutcome, error: str | None = None) -> BulkResult:
            return BulkResult(row.key, item, outcome, error, row.line)

        try:
            done: BulkResult | None = None
            if self.reading_first:
                found = await self._read_first(item)
                if found is not None:
                    done = self._compared(row, item, found, None)
            if done is None:
                done = await self._create(row, item)
            if self.download is None or done.outcome not in (
                BulkOutcome.CREATED,
                BulkOutcome.EXISTING,
            ):
                return done
            return await self._downloaded(row, item, done)
        except (AnswerSetError, InvalidArgumentError) as exc:  # raised before sending
            return result(BulkOutcome.INVALID, str(exc))
        except (AuthenticationError, PermissionDeniedError) as exc:
            # Every other row would meet it too (and log in again): stop the run.
            if self.fatal is None:
                self.fatal = exc
            assert self.scope is not None
            self.scope.cancel()
            return result(BulkOutcome.FAILED, str(exc))
        except AdvanceError as exc:
            return result(BulkOutcome.FAILED, str(exc))

    async def _create(self, row: BulkRow, item: uuid.UUID) -> BulkResult:
        """Create the row's work item; a 409 is settled by reading it back."""
        try:
            await self.client.create_work_item(
                name=row.name,  # type: ignore[arg-type]  # checked by the call
                work_group_id=self.work_group_id,
                template_package_id=self.template_package_id,
                answers=row.answers,
                assemble_immediately=True if self.download is not None else None,
                work_item_id=item,
            )
        except ConflictError as conflict:
            try:
                held = await self.client.get_work_item(item)
            except NotFoundError:  # the name is another work item's
                return BulkResult(row.key, item, BulkOutcome.FAILED, str(conflict), row.line)
            return self._compared(row, item, held, conflict)
        return BulkResult(row.key, item, BulkOutcome.CREATED, None, row.line)

    async def _downloaded(self, row: BulkRow, item: uuid.UUID, done: BulkResult) -> BulkResult:
        """Download the work item's documents into ``download/<key>/``; the row's result."""
        assert self.download is not None
        try:
            listed = await self._documents(item)
            if not listed:
                return attrs.evolve(
                    done,
                    outcome=BulkOutcome.FAILED,
                    error=f"{done.outcome.value}, but no documents were listed within "
                    f"{self.documents_wait:g} s; run again to download them",
                )
            folder = self.download / _key_directory(row.key, item)
            await anyio.to_thread.run_sync(lambda: folder.mkdir(parents=True, exist_ok=True))
            written: list[Path] = []
            for document, file_name in unique_file_names(listed):
                assert document.id is not None
                written.append(
                    await self.client.download_document(item, document.id, folder / file_name)
                )
        except (AdvanceError, OSError) as exc:
            return attrs.evolve(
                done,
                outcome=BulkOutcome.FAILED,
                error=f"{done.outcome.value}, but its documents could not be downloaded: {exc}; "
                "run again to download them",
            )
        return attrs.evolve(done, documents=tuple(written))

    async def _documents(self, item: uuid.UUID) -> list[Document]:
        """List the documents, waiting (polling) up to ``documents_wait`` for the first."""
        deadline = now() + self.documents_wait
        delay = _FIRST_POLL
        while True:
            found = await self.client.list_documents(item)
            listed = [document for document in found if document.id is not None]
            left = deadline - now()
            if listed or left <= 0:
                return listed
            await async_pause(min(delay, left))
            delay = min(delay * 2, _LONGEST_POLL)

    async def _read_first(self, item: uuid.UUID) -> WorkItem | None:
        """Read the row's work item before creating it: None when there is none (or no answer)."""
        try:
            found = await self.client.get_work_item(item)
        except NotFoundError:
            self.misses += 1
            if self.check_first == "auto" and self.misses >= self.misses_before_writing:
                self.reading_first = False
            return None
        except AdvanceError:  # the create will say what is wrong
            return None
        self.misses = 0
        return found

    def _compared(
        self, row: BulkRow, item: uuid.UUID, found: WorkItem, conflict: ConflictError | None
    ) -> BulkResult:
        """``existing`` when the work item holds what the row asks for, else ``failed``."""
        body = CreateWorkItemRequest(
            name=check.text("name", row.name),
            work_group_id=self.work_group_id,
            template_package_id=self.template_package_id,
        )
        if row.answers is not None:
            body.answer_xml = check.answer_xml(row.answers)
        if self.download is not None:
            body.assemble_immediately = True
        difference = created(op.get_work_item, item, body).differs(found)
        if difference is None:
            return BulkResult(row.key, item, BulkOutcome.EXISTING, None, row.line)
        error = f"work item {item} exists and holds other data: {difference}"
        if conflict is not None:
            error = f"{conflict} ({error})"
        return BulkResult(row.key, item, BulkOutcome.FAILED, error, row.line)


def _checked_wait(seconds: object) -> float:
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or not seconds >= 0:
        raise InvalidArgumentError("documents_wait", f"expected seconds >= 0, not {seconds!r}")
    return float(seconds)


def _key_directory(key: str, item: uuid.UUID) -> str:
    """Name a row's download folder: the key, or a safe form of it and the id's first digits.

    A key that is not a safe file name as it is (``a/b``, ``..``, ``CON``) gets the suffix,
    so that it cannot land in the folder of another key that is (``a_b``).
    """
    safe = safe_file_name(key.replace("/", "_").replace("\\", "_"))
    if safe == key:
        return key
    return f"{safe or 'row'}-{item.hex[:8]}"


def _checked_concurrency(concurrency: object) -> int:
    if type(concurrency) is not int or not 1 <= concurrency <= 1000:
        raise InvalidArgumentError("concurrency", f"expected 1 to 1000, not {concurrency!r}")
    return concurrency


async def abulk_create_work_items(
    client: AsyncAdvanceClient,
    rows: Iterable[BulkRow],
    *,
    work_group_id: uuid.UUID | str,
    template_package_id: uuid.UUID | str,
    namespace: uuid.UUID | str | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    dry_run: bool = False,
    shard: Shard | str | None = None,
    check_first: CheckFirst = "auto",
    report: str | os.PathLike[str] | None = None,
    progress: Callable[[BulkProgress], None] | None = None,
    keep_results: bool = True,
    download: str | os.PathLike[str] | None = None,
    documents_wait: float = DOCUMENTS_WAIT,
) -> BulkReport:
    """Create a work item for each row, ``concurrency`` at a time, and report each outcome.

    Rows are read as they are needed (a reader's million rows cost one row's memory with
    ``keep_results=False``). Each row's work item id is ``uuid5(namespace, key)``; see the
    module documentation for how ``existing`` is told and what ``check_first`` does. Every
    request goes through ``client`` and its retry policy. A row that cannot be sent is
    ``invalid`` and one the server refuses is ``failed``: neither stops the others. A refused
    log-in or scope (``AuthenticationError``, ``PermissionDeniedError``) stops the run, since
    every other row would meet it too: the rows finished so far are in the report file.

    Args:
        client: The client to send with (it stays open).
        rows: The rows, e.g. ``read_rows("customers.csv", key_column=..., name=...)``.
        work_group_id: The work group of every work item.
        template_package_id: The template package of every work item.
        namespace: The UUID5 namespace of the ids; by default ``bulk_namespace(work_group_id,
            template_package_id)``.
        concurrency: How many rows are in flight at once (1 to 1000).
        dry_run: Validate every row and build its answer set (as a create would check it)
            and send nothing; valid rows are reported ``valid``.
        shard: Process only this shard's rows (``Shard`` or ``"K/N"``).
        check_first: ``"auto"``, ``"always"`` or ``"never"``: when to read a work item
            before creating it (module documentation).
        report: A file to write each row's result to as it finishes: ``.csv`` (columns
            ``REPORT_FIELDS``), ``.jsonl`` (one object a line) or ``.json``
            (``{"rows": [...], "summary": {...}}``).
        progress: Called with the running counts after each row is finished or skipped, in
            the event loop (keep it quick).
        keep_results: Keep every row's result in ``BulkReport.results`` (turn it off for
            inputs too large to hold the results of).
        download: A folder (created if missing): each work item is created with
            ``assemble_immediately`` and, once its documents are listed, each is downloaded
            into ``<download>/<key>/`` under the server's file name (made safe), through a part
            file renamed when complete, so no partial file is left under a document's name.
            Rows found ``existing`` are downloaded again (complete files replace the old).
            The key is the folder's name when it is a safe file name, else a safe form of it
            followed by ``-`` and the first 8 hex digits of the work item id.
        documents_wait: Seconds to wait for a work item's documents to be listed (the server
            may assemble in the background); a row without any by then is ``failed`` (run
            again to download them).

    Returns:
        The counts, and the results.

    Raises:
        InvalidArgumentError: An argument is wrong (nothing was sent).
        BulkInputError: The input cannot be read at all, e.g. its CSV header (raised when
            its first row is read, before anything is sent).
        AuthenticationError: The log-in or the token was refused (the run stopped).
        PermissionDeniedError: The scope does not allow creating work items (the run
            stopped).
    """
    if not isinstance(client, AsyncAdvanceClient):
        raise InvalidArgumentError("client", "expected an AsyncAdvanceClient")
    group = check.guid("work_group_id", work_group_id)
    package = check.guid("template_package_id", template_package_id)
    space = (
        bulk_namespace(group, package) if namespace is None else check.guid("namespace", namespace)
    )
    if isinstance(shard, str):
        shard = Shard.parse(shard)
    if check_first not in ("auto", "always", "never"):
        raise InvalidArgumentError(
            "check_first", f"'auto', 'always' or 'never', not {check_first!r}"
        )
    run = _Run(
        client,
        work_group_id=group,
        template_package_id=package,
        namespace=space,
        concurrency=_checked_concurrency(concurrency),
        dry_run=check.flag("dry_run", dry_run),
        shard=shard,
        check_first=check_first,
        progress=progress,
        report=None,
        keep_results=check.flag("keep_results", keep_results),
        download=None if download is None else Path(download),
        documents_wait=_checked_wait(documents_wait),
    )
    if run.download is not None and not dry_run:
        run.download.mkdir(parents=True, exist_ok=True)
    if report is None:
        return await run.run(rows)
    run.report = _ReportFile(report)
    finished: BulkReport | None = None
    try:
        finished = await run.run(rows)
        return finished
    finally:
        run.report.close(finished)


def async_twin(client: AdvanceClient) -> AsyncAdvanceClient:
    """Build an ``AsyncAdvanceClient`` with a sync client's settings (URL, auth, TLS, retries).

    Args:
        client: A client that uses its own pool (not an ``http_client`` passed in).

    Returns:
        The new client (the caller closes it).

    Raises:
        InvalidArgumentError: The client was given an ``http_client``, whose settings cannot
            be carried over.
    """
    if client._tls is None:
        raise InvalidArgumentError(
            "client",
            "was built with an http_client, which an asynchronous client cannot share: pass a "
            "function that builds an AsyncAdvanceClient instead",
        )
    login = client._auth
    return AsyncAdvanceClient(
        client.base_url,
        auth=client._token if login is None else login.principal,
        timeout=client.timeout,
        max_retries=client.max_retries,
        auth_url=None if login is None else login.auth_base,
        verify=client._tls,
    )


def _in_its_own_loop(
    engine: Callable[Concatenate[AsyncAdvanceClient, P], Awaitable[R]],
) -> Callable[Concatenate[AdvanceClient | Callable[[], AsyncAdvanceClient], P], R]:
    """Make the synchronous twin of ``engine``: same arguments after the client, typed."""

    def run(
        client: AdvanceClient | Callable[[], AsyncAdvanceClient],
        /,
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        if isinstance(client, AdvanceClient):
            make: Callable[[], AsyncAdvanceClient] = lambda: async_twin(client)  # noqa: E731
        elif callable(client):
            make = client
        else:
            raise InvalidArgumentError(
                "client", "expected an AdvanceClient, or a function returning an AsyncAdvanceClient"
            )

        async def main() -> R:
            made = make()
            if not isinstance(made, AsyncAdvanceClient):
                raise InvalidArgumentError(
                    "client", "the function did not return an AsyncAdvanceClient"
                )
            async with made:
                return await engine(made, *args, **kwargs)

        return anyio.run(main)

    return run


bulk_create_work_items = _in_its_own_loop(abulk_create_work_items)
bulk_create_work_items.__name__ = bulk_create_work_items.__qualname__ = "bulk_create_work_items"
bulk_create_work_items.__doc__ = """Create a work item for each row from synchronous code.

    ``bulk_create_work_items(client, rows, *, work_group_id, template_package_id, ...)`` takes
    the arguments of ``abulk_create_work_items`` after the client, and runs it in a new event
    loop (so it cannot be called from one: there, await ``abulk_create_work_items``), with an
    ``AsyncAdvanceClient`` opened and closed here: built with the settings of the
    ``AdvanceClient`` given (base URL, auth, timeout, retries, TLS; the sync client is left as
    it is), or returned by the function given (for an asynchronous client configured in ways a
    sync one cannot pass on, e.g. with its own ``http_client``).

    Args:
        client: An ``AdvanceClient``, or a function returning a new ``AsyncAdvanceClient``.
        *args: ``rows``, as for ``abulk_create_work_items``.
        **kwargs: The keyword arguments of ``abulk_create_work_items``.

    Returns:
        The report.

    Raises:
        InvalidArgumentError: An argument is wrong, or the client cannot be carried over
            (nothing was sent).
        BulkInputError: The input cannot be read at all (nothing was sent).
        AuthenticationError: The log-in or the token was refused (the run stopped).
        PermissionDeniedError: The scope does not allow creating work items (the run stopped).
    """
