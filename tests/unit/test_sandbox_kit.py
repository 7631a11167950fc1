"""The machinery both sandboxes share: faults, clock, seeds, hosts and the server thread.

Tests that hold a slow answer or start a process are in ``tests/e2e/test_sandbox_kit.py``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from _sandbox_kit import (
    FAULT_KINDS,
    Clock,
    ConnectionDropped,
    FaultInjectionMiddleware,
    Faults,
    Fields,
    SeedError,
    ServerThread,
    check_host,
    is_loopback,
    load_seed_file,
    origin,
)
from _sandbox_kit._server import _LoopbackHostOnly, is_loopback_host_header
from starlette.types import Receive, Scope, Send


async def _ok_app(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


# ---------------------------------------------------------------------- Faults


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rate": -0.1}, "between 0 and 1"),
        ({"rate": 1.5}, "between 0 and 1"),
        ({"latency": -1.0}, "latency must not be negative"),
        ({"kinds": ("explode",)}, "unknown fault kinds"),
        ({"rate": 0.5, "kinds": ()}, "at least one fault kind"),
    ],
)
def test_faults_reject_bad_settings(kwargs: dict[str, Any], message: str) -> None:
    """A rate outside [0, 1], a negative latency, an unknown kind or no kinds is a ValueError."""
    with pytest.raises(ValueError, match=message):
        Faults(**kwargs)


def test_parse_kinds() -> None:
    """Kind lists are comma-separated, accept dashes, 'all' means every kind, unknown is an error."""
    assert Faults.parse_kinds("rate_limit, lost-response") == ("rate_limit", "lost_response")
    assert Faults.parse_kinds("all") == FAULT_KINDS
    with pytest.raises(ValueError, match="unknown fault kind"):
        Faults.parse_kinds("drop,boom")


def test_forced_faults_come_first_and_are_counted() -> None:
    """force() queues faults for the next non-exempt requests; each is counted and recorded."""
    faults = Faults()
    faults.force("drop", 2)
    assert faults.draw(exempt=True) is None
    assert faults.pending == 2
    assert faults.draw(exempt=False, method="PUT", path="/x") == "drop"
    assert faults.draw(exempt=False) == "drop"
    assert faults.draw(exempt=False) is None
    assert faults.injected["drop"] == 2
    assert faults.events[0].path == "/x"


def test_include_auth_makes_exempt_requests_eligible() -> None:
    """With include_auth, log-in and WSDL requests get faults too."""
    faults = Faults(include_auth=True)
    faults.force("slow")
    assert faults.draw(exempt=True) == "slow"


def test_seeded_faults_repeat() -> None:
    """Two fault configurations with the same seed inject the same sequence."""
    first = Faults(rate=0.5, seed=11)
    second = Faults(rate=0.5, seed=11)
    draws = [(first.draw(exempt=False), second.draw(exempt=False)) for _ in range(50)]
    assert all(a == b for a, b in draws)
    assert {a for a, _ in draws} - {None}


def test_clear_stops_faults() -> None:
    """clear() drops forced faults and the random rate."""
    faults = Faults(rate=1.0, seed=1)
    faults.force("drop")
    faults.clear()
    assert [faults.draw(exempt=False) for _ in range(5)] == [None] * 5
    with pytest.raises(ValueError, match="count"):
        faults.force("drop", -1)


def test_drop_raises_inside_the_app() -> None:
    """Under an in-process transport, drop and lost_response surface as ConnectionDropped."""
    faults = Faults()
    app = FaultInjectionMiddleware(_ok_app, faults)

    async def run() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await client.get("/")).text == "ok"
            faults.force("drop")
            with pytest.raises(ConnectionDropped):
                await client.get("/")

    asyncio.run(run())


# ---------------------------------------------------------------------- Clock


def test_clock_moves_forward_only() -> None:
    """advance() moves now() by the given amount; going back is a ValueError."""
    clock = Clock()
    before = clock.now()
    clock.advance(dt.timedelta(days=1))
    assert clock.now() - before >= dt.timedelta(days=1)
    assert clock.now().tzinfo is dt.UTC
    with pytest.raises(ValueError, match="forward"):
        clock.advance(-1)


# ---------------------------------------------------------------------- hosts and the server thread


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.9", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("10.0.0.1", False),
        ("example.com", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    """Only loopback addresses and localhost count as this machine."""
    assert is_loopback(host) is loopback


def test_non_loopback_hosts_need_permission() -> None:
    """Serving on a public interface is refused unless allow_remote is given."""
    with pytest.raises(ValueError, match="allow_remote"):
        check_host("0.0.0.0", allow_remote=False)
    check_host("0.0.0.0", allow_remote=True)
    with pytest.raises(ValueError, match="loopback"):
        ServerThread(_ok_app, "0.0.0.0")


@pytest.mark.parametrize(
    ("value", "answered"),
    [
        ("127.0.0.1", True),
        ("127.0.0.1:8080", True),
        ("127.0.0.1:", True),
        ("localhost", True),
        ("LOCALHOST:1", True),
        ("LocalHost:65535", True),
        ("[::1]", True),
        ("[::1]:8080", True),
        ("[0:0:0:0:0:0:0:1]:80", True),
        ("127.1.2.3:9", True),
        ("evil.example", False),
        ("evil.example:8080", False),
        ("localhost.evil.example", False),
        ("127.0.0.1.evil.example", False),
        ("::1", False),  # an IPv6 address must be bracketed
        ("[127.0.0.1]", False),
        ("[::1]x", False),
        ("127.0.0.1:80x", False),
        ("127.0.0.1:80:80", False),
        ("localhost@evil.example", False),
        ("10.0.0.1", False),
        ("0.0.0.0", False),
        ("", False),
        (" ", False),
        ("2130706433", False),
    ],
)
def test_loopback_host_headers(value: str, answered: bool) -> None:
    """Host names this machine: 127.0.0.1, localhost, [::1] (any case, any port); nothing else."""
    assert is_loopback_host_header(value) is answered


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ([(b"host", b"127.0.0.1:8000")], 200),
        ([(b"host", b"evil.example")], 421),
        ([], 421),
        ([(b"host", b"127.0.0.1"), (b"host", b"evil.example")], 421),
    ],
)
def test_the_host_check_answers_421_in_process(
    headers: list[tuple[bytes, bytes]], status: int
) -> None:
    """The ASGI guard refuses a foreign, missing or repeated Host before the app sees it."""
    seen: list[Scope] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(scope)
        await _ok_app(scope, receive, send)

    sent: list[dict[str, Any]] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> Any:
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": "/", "headers": headers}
    asyncio.run(_LoopbackHostOnly(app, any_host=False)(scope, receive, send))
    assert sent[0]["status"] == status
    assert bool(seen) is (status == 200)
    if status == 421:
        assert b"--allow-remote" in sent[1]["body"]
        sent.clear()
        asyncio.run(_LoopbackHostOnly(app, any_host=True)(scope, receive, send))
        assert sent[0]["status"] == 200


def test_origin_brackets_ipv6() -> None:
    """IPv6 hosts are bracketed in URLs."""
    assert origin("::1", 80) == "http://[::1]:80"
    assert origin("127.0.0.1", 8080) == "http://127.0.0.1:8080"


def test_server_thread_serves_and_stops() -> None:
    """The thread serves on a free port until stopped; stopping twice is fine."""
    server = ServerThread(_ok_app)
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.port
    server.start()
    try:
        assert server.running
        assert httpx.get(server.origin + "/").text == "ok"
    finally:
        server.stop()
    server.stop()
    assert not server.running


# ---------------------------------------------------------------------- seeds


def test_fields_name_the_bad_field() -> None:
    """Seed field errors name the field, the expected type and what was found."""
    fields = Fields({"a": "x", "n": True, "g": "nope", "extra": 1}, "seed.thing")
    with pytest.raises(SeedError, match=r"seed\.thing\.n must be an integer, not bool True"):
        fields.integer("n")
    with pytest.raises(SeedError, match=r"seed\.thing\.missing is required"):
        fields.text("missing")
    with pytest.raises(SeedError, match=r"seed\.thing\.g must be a GUID"):
        fields.guid("g")
    assert fields.text("a") == "x"
    with pytest.raises(SeedError, match="unknown keys: extra"):
        fields.finish()
    with pytest.raises(SeedError, match="must be a mapping"):
        Fields(["not", "a", "mapping"])


def test_seed_files_json_and_yaml(tmp_path: Path) -> None:
    """.json files are read as JSON, other suffixes as YAML."""
    (tmp_path / "s.json").write_text(json.dumps({"a": 1}), encoding="utf-8")
    (tmp_path / "s.yaml").write_text("a: 1\nb: [x, y]\n", encoding="utf-8")
    assert load_seed_file(tmp_path / "s.json") == {"a": 1}
    assert load_seed_file(tmp_path / "s.yaml") == {"a": 1, "b": ["x", "y"]}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("bad.json", "{", "not valid JSON"),
        ("bad.yaml", "a: [", "not valid YAML"),
        ("list.yaml", "- a\n- b\n", "mapping at the top level"),
        ("absent.yaml", None, "cannot read seed file"),
    ],
)
def test_seed_file_errors(tmp_path: Path, name: str, text: str | None, message: str) -> None:
    """Unreadable, unparsable and non-mapping seed files give a SeedError naming the file."""
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(SeedError, match=message) as caught:
        load_seed_file(path)
    assert str(path) in str(caught.value)
