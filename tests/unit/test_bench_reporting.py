"""scripts/bench's reporting: a failing benchmark is that benchmark's result, the others go on."""

from __future__ import annotations

from types import ModuleType

import httpx
import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_script("_bench")


def test_a_failing_benchmark_is_reported_as_its_result(bench: ModuleType) -> None:
    """bulk_throughput dying in httpx.ReadError becomes its result, with the reason, and its
    target reads FAILED with that reason; a group that works is reported as usual."""

    def dies(quick: bool) -> dict[str, object]:
        raise httpx.ReadError("[Errno 104] Connection reset by peer")

    results = bench._run_group("bulk_throughput", dies, True)
    results.update(bench._run_group("soap_client_start", lambda quick: {"sdk_ms": 0.1}, True))
    assert results["bulk_throughput"]["failed"] == "ReadError: [Errno 104] Connection reset by peer"
    assert results["soap_client_start"] == {"sdk_ms": 0.1}
    verdicts = bench.verdicts(results, ran_all=False)
    assert verdicts["bulk_throughput"] == "FAILED: ReadError: [Errno 104] Connection reset by peer"
    assert verdicts["soap_client_start"] == "met: sdk_ms 0.100 < 1.0"


def test_targets_not_measured_in_a_full_run_say_why(bench: ModuleType) -> None:
    """In a full run, a target whose group failed reads FAILED, naming the failed group."""
    results = {"answers": {"failed": "MemoryError: out of memory"}}
    verdicts = bench.verdicts(results, ran_all=True)
    assert verdicts["answers_build"] == (
        "FAILED: not measured (answers: MemoryError: out of memory)"
    )


def test_a_missed_target_is_missed(bench: ModuleType) -> None:
    """A ratio past its target reads MISSED (what --check exits 1 on)."""
    verdicts = bench.verdicts({"rest_call_overhead": {"ratio": 1.5}}, ran_all=False)
    assert verdicts == {"rest_call_overhead": "MISSED: ratio 1.500 <= 1.15"}
