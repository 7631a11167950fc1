"""scripts/bench's reporting: a failing benchmark is that benchmark's result, the others go on."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

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


def _main(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, *arguments: str
) -> tuple[int, dict[str, Any]]:
    """Run scripts/bench's main() with these arguments; its exit status and what it wrote."""
    output = arguments[arguments.index("--output") + 1]
    monkeypatch.setattr(sys, "argv", ["scripts/bench", *arguments])
    try:
        bench.main()
        status = 0
    except SystemExit as exc:
        status = int(exc.code or 0)
    return status, json.loads(Path(output).read_text(encoding="utf-8"))


def test_check_exits_1_on_a_missed_target_and_only_then(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    """A missed target exits 0 without --check (CI's quick run) and 1 with it; stderr says
    how long the run took and how many targets were met."""
    monkeypatch.setattr(bench, "bench_soap_client_start", lambda quick: {"sdk_ms": 5.0})
    out = str(tmp_path / "results.json")
    common = ("--quick", "--only", "soap_client_start", "--output", out)
    status, written = _main(bench, monkeypatch, *common)
    assert status == 0
    assert written["targets"] == {"soap_client_start": "MISSED: sdk_ms 5.000 < 1.0"}
    assert isinstance(written["elapsed_s"], float)
    err = capsys.readouterr().err
    assert "scripts/bench: soap_client_start took " in err
    assert re.search(r"scripts/bench: the quick run took \d+ s; 0 of 1 targets met\n", err)
    status, _ = _main(bench, monkeypatch, *common, "--check")
    assert status == 1


def test_one_failing_group_exits_1_and_the_others_are_written(
    bench: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    """A group dying in httpx.ReadError is written as failed, the next group still runs and
    is written, and the run exits 1 (without --check)."""

    def dies(quick: bool) -> dict[str, object]:
        raise httpx.ReadError("[Errno 104] Connection reset by peer")

    monkeypatch.setattr(bench, "bench_bulk_throughput", dies)
    monkeypatch.setattr(bench, "bench_soap_client_start", lambda quick: {"sdk_ms": 0.1})
    out = str(tmp_path / "results.json")
    status, written = _main(
        bench, monkeypatch, "--only", "bulk_throughput", "soap_client_start", "--output", out
    )
    assert status == 1
    assert written["results"]["bulk_throughput"]["failed"] == (
        "ReadError: [Errno 104] Connection reset by peer"
    )
    assert written["results"]["soap_client_start"] == {"sdk_ms": 0.1}
    err = capsys.readouterr().err
    assert "scripts/bench: bulk_throughput failed: ReadError: [Errno 104] Connection reset" in err
    assert "; failed: bulk_throughput\n" in err


def test_a_full_run_says_first_how_long_it_takes(bench: ModuleType, tmp_path: Path) -> None:
    """Before a full run starts, it says how long one takes: the last full run's time here,
    else the documented estimate; a quick or partial run says what it is."""
    output = tmp_path / "results.json"
    assert bench.announce(output, quick=False, only=None) == (
        "scripts/bench: a full run of every group takes tens of minutes on 2 CPUs (--quick for "
        "a smoke run)"
    )
    output.write_text(json.dumps({"quick": False, "only": [], "elapsed_s": 1510.4}))
    assert bench.announce(output, quick=False, only=None) == (
        "scripts/bench: a full run of every group takes 25 min here last time (--quick for a "
        "smoke run)"
    )
    output.write_text(json.dumps({"quick": True, "only": [], "elapsed_s": 20.0}))
    assert "tens of minutes" in bench.announce(output, quick=False, only=None)
    assert bench.announce(output, quick=True, only=None) == (
        "scripts/bench: a quick run (each benchmark once, small sizes)"
    )
    assert bench.announce(output, quick=False, only=["answers"]) == (
        "scripts/bench: answers only (a full run of every group is longer)"
    )
