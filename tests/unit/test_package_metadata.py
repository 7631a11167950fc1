"""What PyPI shows: the description starts with pip install, and the project has URLs."""

from __future__ import annotations

import logging
import tomllib

import httpx
import pytest
import respx
from hotdocs_advance import AdvanceClient

from tests.conftest import ROOT


def test_the_description_starts_with_pip_install() -> None:
    """The README, PyPI's long description, opens (after its title) with the pip commands."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["readme"] == "README.md"
    lines = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line]
    assert lines[0].startswith("# ")
    assert lines[1] == "```sh"
    assert lines[2].startswith("pip install hotdocs-inforouter-clients ")
    assert lines[3].startswith("pip install 'hotdocs-inforouter-clients[sandbox]' ")


def test_the_project_has_urls() -> None:
    """[project.urls] names where the APIs are documented."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    urls = project["urls"]
    assert urls
    assert all(url.startswith("https://") for url in urls.values())


def test_debug_logging_shows_requests_and_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    """What the README's Logging section says DEBUG shows: method, path, status and attempt on
    the hotdocs_advance logger, and never the token."""
    token = "tok-SECRET-1234567890"
    item = "2d9f3d10-6fdb-494f-9929-955515c6f114"
    with respx.mock() as router:
        router.get(f"https://t.example/api/rest/v1.1/WorkItems/{item}").mock(
            return_value=httpx.Response(200, json={"id": item})
        )
        caplog.set_level(logging.DEBUG, logger="hotdocs_advance")
        with AdvanceClient("https://t.example/api/rest", auth=token) as client:
            client.get_work_item(item)
    lines = [r.getMessage() for r in caplog.records if r.name == "hotdocs_advance"]
    assert any(
        line.startswith(f"GET /v1.1/WorkItems/{item} -> 200 (attempt 1, ") for line in lines
    ), lines
    assert all(token not in r.getMessage() for r in caplog.records)
