"""The sync Advance client is derived from the async one, and the check sees any drift."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import load_script


@pytest.fixture(scope="module")
def unasync() -> ModuleType:
    return load_script("_unasync")


def test_the_committed_sync_client_is_derived_from_the_async_one(unasync: ModuleType) -> None:
    """_sync_client.py is exactly what scripts/unasync makes of _async_client.py today."""
    source = unasync.SOURCE.read_text(encoding="utf-8")
    assert unasync.derive(source) == unasync.TARGET.read_text(encoding="utf-8")


def test_a_change_to_the_async_client_changes_the_derived_one(unasync: ModuleType) -> None:
    """An edit of the async client shows up in the derived text, so --check would fail."""
    source = unasync.SOURCE.read_text(encoding="utf-8")
    edited = source.replace("One pooled", "A single pooled", 1)
    assert edited != source
    derived = unasync.derive(edited)
    assert derived != unasync.TARGET.read_text(encoding="utf-8")
    assert "A single pooled ``httpx.Client``" in derived


def test_the_derived_client_has_no_async_left(unasync: ModuleType) -> None:
    """No async keyword, await or Async name survives the derivation."""
    derived = unasync.TARGET.read_text(encoding="utf-8")
    for word in ("async ", "await ", "AsyncClient", "aclose", "__aenter__", "async_lock"):
        assert word not in derived


def test_an_async_construct_the_rules_miss_stops_the_derivation(unasync: ModuleType) -> None:
    """An async construct no rule covers is reported, not written into the sync client."""
    source = (
        unasync.SOURCE.read_text(encoding="utf-8") + "\n\nasync def helper() -> None:\n    async\n"
    )
    source = source.replace("async def helper", "def helper")
    with pytest.raises(SystemExit, match="async construct is left"):
        unasync.derive(source)
