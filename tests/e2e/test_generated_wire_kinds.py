"""Query parameters, headers and bodies a spec defines reach the wire through the overlay.

The spec of today has no query or header parameter, so these tests generate a small spec
with one of each (and a JSON body) with the project's templates, and send what its
``build_request`` returns through the Advance client's one request path.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from hotdocs_advance import AdvanceClient

from tests.conftest import ROOT

SPEC = """
openapi: 3.0.3
info: {title: Wire kinds, version: "1"}
paths:
  /v1.1/Things/{id}:
    put:
      operationId: putThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: page, in: query, required: false, schema: {type: integer}}
        - {name: filter, in: query, required: true, schema: {type: string}}
        - {name: X-Request-Id, in: header, required: true, schema: {type: string}}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties: {name: {type: string}}
      responses:
        "204": {description: Done.}
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    work = tmp_path_factory.mktemp("wire-kinds")
    (work / "spec.yaml").write_text(SPEC)
    bin_dir = Path(sys.executable).parent
    subprocess.run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(work / "spec.yaml"),
            "--meta",
            "none",
            "--output-path",
            str(work / "wire_kinds_api"),
            "--custom-template-path",
            str(ROOT / "scripts" / "openapi-templates"),
        ],
        check=True,
        capture_output=True,
        cwd=work,
    )
    sys.path.insert(0, str(work))
    try:
        yield importlib.import_module("wire_kinds_api.api.default.put_thing")
    finally:
        sys.path.remove(str(work))


def test_query_header_and_body_reach_the_request(generated: ModuleType) -> None:
    """What build_request returns for each kind is in the request the Advance client sends."""
    body = importlib.import_module("wire_kinds_api.models").PutThingBody(name="n")
    kwargs = generated.build_request("a b", body=body, filter_="x&y", page=2, x_request_id="r-1")
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with (
        httpx.Client(transport=httpx.MockTransport(answer)) as http,
        AdvanceClient("https://t.example/api/rest", auth="token", http_client=http) as client,
    ):
        request = client._request(http, kwargs, "token")
        http.send(request)
    (sent,) = seen
    assert sent.method == "PUT"
    assert sent.url.raw_path.split(b"?")[0] == b"/api/rest/v1.1/Things/a%20b"
    assert dict(sent.url.params) == {"filter": "x&y", "page": "2"}
    assert sent.headers["X-Request-Id"] == "r-1"
    assert sent.headers["Authorization"] == "Bearer token"
    assert sent.headers["Content-Type"] == "application/json"
    assert json.loads(sent.content) == {"name": "n"}


def test_an_optional_query_parameter_left_out_is_not_sent(generated: ModuleType) -> None:
    """A query parameter not given is absent from the URL (not sent empty)."""
    body = importlib.import_module("wire_kinds_api.models").PutThingBody()
    kwargs = generated.build_request("1", body=body, filter_="x", x_request_id="r")
    with AdvanceClient("https://t.example/api/rest", auth="token") as client:
        request = client._request(client._http, kwargs, "token")
    assert dict(request.url.params) == {"filter": "x"}
