"""The Advance sandbox in-process: seed format, spec coupling, answer XML, callbacks, drift."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from _sandbox_kit import ConnectionDropped, Faults
from hotdocs_advance.sandbox import DEFAULT_SEED, AdvanceSeed, SeedError, create_app, signature
from hotdocs_advance.sandbox import _app as app_module
from hotdocs_advance.sandbox._answers import AnswerSetChecker, AnswerXmlError
from hotdocs_advance.sandbox._callback import why_not_called
from hotdocs_advance.sandbox._seed import DEFAULT_SEED_DATA
from hotdocs_advance.sandbox._spec import WireRequest, WireResponse, load_spec
from openapi_core.datatypes import RequestParameters
from starlette.datastructures import Headers
from starlette.responses import JSONResponse

LOGIN = {
    "ClientName": "sandbox",
    "PrincipalName": "sandbox-principal",
    "PrincipalPassword": "sandbox-password",
}
BODY = {
    "name": "x",
    "workGroupId": "cb97f8d6-04a1-490a-aa09-92af12dfb305",
    "templatePackageId": "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f",
}
ANY_ID = "5f1c0e0a-4a4e-4d59-9d1e-3c1b2a0f9e77"  # a GUID no seed holds


async def _session(
    app: Any, *calls: tuple[str, str, dict[str, Any] | None]
) -> list[httpx.Response]:
    """Log in, then make the calls in-process through httpx's ASGI transport."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
        token = (await client.post("/auth/Authorize/ServicePrincipalLogIn", json=LOGIN)).text
        headers = {"Authorization": f"Bearer {token}"}
        return [await client.request(m, u, json=b, headers=headers) for m, u, b in calls]


# ---------------------------------------------------------------------- seed


def test_default_seed_is_the_documented_tenancy() -> None:
    """The default seed holds issue 5's tenancy, work groups, packages and two clients."""
    seed = DEFAULT_SEED
    assert seed.tenancy == "tenancy1"
    assert seed.client_interviews_enabled is True
    packages = {str(p.id): {str(g) for g in p.work_group_ids} for p in seed.template_packages}
    assert packages == {
        "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f": {"cb97f8d6-04a1-490a-aa09-92af12dfb305"},
        "03000000-0000-0000-0000-000000000003": {"09000000-0000-0000-0000-000000000001"},
    }
    assert all(p.activated and p.has_live_version for p in seed.template_packages)
    clients = {(c.name, c.scope, c.principal_name, c.principal_password) for c in seed.api_clients}
    assert clients == {
        ("sandbox", "Command", "sandbox-principal", "sandbox-password"),
        ("sandbox-reader", "Query", "reader-principal", "reader-password"),
    }


def test_seed_repr_hides_passwords() -> None:
    """A seed's repr never shows a principal password."""
    assert "sandbox-password" not in repr(DEFAULT_SEED)


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_seed_files_replace_the_default(tmp_path: Path, suffix: str) -> None:
    """A JSON or YAML seed file defines the tenancy the app serves."""
    data = {
        "tenancy": "acme",
        "workGroups": [{"id": "11111111-1111-1111-1111-111111111111"}],
        "templatePackages": [
            {
                "id": "22222222-2222-2222-2222-222222222222",
                "workGroups": ["11111111-1111-1111-1111-111111111111"],
            }
        ],
        "apiClients": [
            {"name": "ci", "scope": "Root", "principalName": "bot", "principalPassword": "pw"}
        ],
    }
    path = tmp_path / f"seed{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(data), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
    app = create_app(str(path))
    assert app.state.tenancy == "acme"

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return await client.post(
                "/auth/Authorize/ServicePrincipalLogIn",
                json={"ClientName": "ci", "PrincipalName": "bot", "PrincipalPassword": "pw"},
            )

    assert asyncio.run(run()).status_code == 200


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "blue"}, "seed has unknown keys: colour"),
        ({"tenancy": "Tenancy One"}, "seed.tenancy must be a lower-case DNS label"),
        ({"workGroups": [{"id": "nope"}]}, r"seed.workGroups\[0\].id must be a GUID"),
        (
            {
                "templatePackages": [
                    {
                        "id": "22222222-2222-2222-2222-222222222222",
                        "workGroups": ["33333333-3333-3333-3333-333333333333"],
                    }
                ]
            },
            r"seed.templatePackages\[0\].workGroups names unknown work groups",
        ),
        (
            {
                "apiClients": [
                    {"name": "x", "scope": "Admin", "principalName": "p", "principalPassword": "q"}
                ]
            },
            r"seed.apiClients\[0\].scope must be one of Query, Command, Root",
        ),
        (
            {"apiClients": [{"name": "x", "scope": "Query"}]},
            r"seed.apiClients\[0\].principalName is required",
        ),
        (
            {"versions": {"workSeconds": "fast"}},
            r"seed.versions.workSeconds must be a number",
        ),
        (
            {"versions": {"synchronousTimeoutSeconds": -1}},
            r"seed.versions.synchronousTimeoutSeconds must be between 0 and 3600",
        ),
        ({"versions": {"alwaysAsync": True}}, r"seed.versions has unknown keys: alwaysAsync"),
        ({"workGroups": [{"id": "11111111-1111-1111-1111-111111111111"}] * 2}, "duplicate id"),
    ],
)
def test_seed_errors_name_the_field(change: dict[str, Any], message: str) -> None:
    """Invalid seeds raise SeedError (a ValueError) naming the field at fault."""
    with pytest.raises(SeedError, match=message):
        AdvanceSeed.from_mapping({**DEFAULT_SEED_DATA, **change})
    assert issubclass(SeedError, ValueError)


def test_seed_file_errors_name_the_file(tmp_path: Path) -> None:
    """A bad seed file's error starts with the file's path."""
    path = tmp_path / "bad.yaml"
    path.write_text("apiClients: [{name: x}]\n", encoding="utf-8")
    with pytest.raises(SeedError, match=rf"^{path}: seed.apiClients\[0\].scope is required"):
        AdvanceSeed.load(path)


def test_bad_override_is_a_value_error() -> None:
    """public_link_repeat accepts only upsert and reject; callback_scheme only hmac and token."""
    with pytest.raises(ValueError, match="upsert"):
        create_app(public_link_repeat="merge")
    with pytest.raises(ValueError, match="'hmac' or 'token'"):
        create_app(callback_scheme="HMAC")


def test_callback_scheme_comes_from_the_seed_and_the_override() -> None:
    """versions.callbackScheme defaults to hmac; the seed or callback_scheme= choose token."""
    assert DEFAULT_SEED.callback_scheme == "hmac"
    assert create_app().state.callback_scheme == "hmac"
    seed: dict[str, object] = {"versions": {"callbackScheme": "token"}}
    assert create_app(seed).state.callback_scheme == "token"
    assert create_app(seed, callback_scheme="hmac").state.callback_scheme == "hmac"
    with pytest.raises(SeedError, match=r"seed.versions.callbackScheme must be one of"):
        AdvanceSeed.from_mapping({"versions": {"callbackScheme": "plain"}})


# ---------------------------------------------------------------------- spec coupling


def test_every_spec_operation_has_a_handler() -> None:
    """The sandbox handles exactly the operations of the packaged spec."""
    assert set(app_module.HANDLERS) == set(load_spec().operations)


def test_command_methods_match_the_spec() -> None:
    """An operation is a command method in the sandbox iff the spec says Command or Root scope."""
    document = load_spec().document
    for item in document["paths"].values():
        for method, operation in item.items():
            if method == "parameters":
                continue
            says_command = "(Command or Root scope)" in operation["description"]
            assert (operation["operationId"] in app_module.COMMAND_OPERATIONS) is says_command


def test_routes_come_from_the_spec_servers() -> None:
    """The API lives under /api/rest and the log-in under /auth, as the spec's server URLs say."""
    operations = load_spec().operations
    assert operations["createWorkItem"].route == "/api/rest/v1.1/WorkItems/{id}"
    assert operations["servicePrincipalLogIn"].route == "/auth/Authorize/ServicePrincipalLogIn"


def _spec_methods(path: str) -> set[str]:
    """The methods the packaged spec declares on one of its paths (upper case)."""
    item = load_spec().document["paths"][path]
    return {method.upper() for method in item if method != "parameters"}


@pytest.mark.parametrize(
    ("url", "spec_path"),
    [
        (f"/api/rest/v1.1/WorkItems/{ANY_ID}", "/v1.1/WorkItems/{id}"),
        (
            f"/api/rest/v1.1/PublicInterviewLinks/{ANY_ID}",
            "/v1.1/PublicInterviewLinks/{publicInterviewLinkId}",
        ),
        (
            f"/api/rest/v2.0/WorkItems/{ANY_ID}/AnswerSet/Content",
            "/v2.0/WorkItems/{workItemId}/AnswerSet/Content",
        ),
        (f"/api/rest/v1.1/WorkItems/{ANY_ID}/Documents", "/v1.1/WorkItems/{id}/Documents"),
        ("/auth/Authorize/ServicePrincipalLogIn", "/Authorize/ServicePrincipalLogIn"),
    ],
)
@pytest.mark.parametrize("method", ["TRACE", "POST", "OPTIONS"])
def test_a_405_names_every_method_of_its_path_in_allow(
    url: str, spec_path: str, method: str
) -> None:
    """A method a path lacks gets 405 with ``Allow`` listing every method the spec gives that
    path (however many operations share it; HEAD beside GET), as RFC 9110 asks."""
    if method in _spec_methods(spec_path):
        method = "TRACE"
    [answer] = asyncio.run(_session(create_app(), (method, url, None)))
    assert answer.status_code == 405
    assert answer.headers["content-type"] == "application/problem+json"
    assert f"{method} is not allowed on" in answer.json()["detail"]
    allowed = {part.strip() for part in answer.headers["allow"].split(",")}
    expected = _spec_methods(spec_path)
    assert allowed - {"HEAD"} == expected
    assert ("HEAD" in allowed) is ("GET" in expected)


def test_allow_lists_the_alias_routes_methods_too() -> None:
    """The PHP SDK's Versions/{versionId}/CompleteSession alias (a sandbox route, not a spec
    path) answers 405 with its own methods: PUT."""
    url = f"/api/rest/v1.1/WorkItems/{ANY_ID}/Versions/{ANY_ID}/CompleteSession"
    [answer] = asyncio.run(_session(create_app(), ("DELETE", url, None)))
    assert answer.status_code == 405
    assert answer.headers["allow"] == "PUT"


@pytest.mark.parametrize("status", [429, 503])
def test_fault_answers_conform_to_the_spec(status: int) -> None:
    """The 429 and 503 problem answers of the fault middleware conform to the spec."""
    content_type, body = app_module._fault_body(status, "x")
    spec = load_spec()
    operation = spec.operations["createWorkItem"]
    wire = WireRequest(
        host_url=spec.host_url(operation, "tenancy1"),
        path=operation.concrete_path({"id": str(uuid.uuid4())}),
        method="put",
        body=json.dumps(BODY).encode(),
        content_type="application/json",
        parameters=RequestParameters(header=Headers({"authorization": "Bearer x"})),
    )
    response = WireResponse(status, body, content_type, Headers({"retry-after": "0"}))
    assert spec.response_problem(wire, response) is None


def test_a_non_conforming_answer_becomes_a_loud_500(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An answer that breaks the spec is replaced by a 500 problem, logged and recorded."""

    def broken(app: Any, call: Any) -> JSONResponse:
        return JSONResponse({"id": "not-a-guid"})

    monkeypatch.setitem(app_module.HANDLERS, "getWorkItem", broken)
    app = create_app()
    with caplog.at_level(logging.ERROR, logger="hotdocs_advance.sandbox"):
        [answer] = asyncio.run(
            _session(app, ("GET", f"/api/rest/v1.1/WorkItems/{uuid.uuid4()}", None))
        )
    assert answer.status_code == 500
    assert answer.headers["content-type"] == "application/problem+json"
    assert "does not conform" in answer.json()["detail"]
    assert "uuid" in app.state.spec_violations[0]
    assert "spec drift" in caplog.text


def test_in_process_drop_raises() -> None:
    """Under httpx's ASGI transport a dropped request surfaces as ConnectionDropped."""
    app = create_app(faults=Faults())
    app.faults.force("drop")
    with pytest.raises(ConnectionDropped):
        asyncio.run(_session(app, ("PUT", f"/api/rest/v1.1/WorkItems/{uuid.uuid4()}", BODY)))
    assert app.state.work_items == {}


# ---------------------------------------------------------------------- answer XML


@pytest.mark.parametrize(
    "xml",
    [
        "<AnswerSet title='' version='1.1' useMangledNames='false'><Answer name='CompanyName'><TextValue>ExampleCorp</TextValue></Answer></AnswerSet>",
        "\ufeff<?xml version='1.0' encoding='UTF-8' standalone='yes'?><AnswerSet><Answer name='N'><NumValue>1907.33</NumValue></Answer></AnswerSet>",
        "<AnswerSet><Answer name='Kids'><RptValue><TextValue>Ann</TextValue><TextValue unans='true'/></RptValue></Answer></AnswerSet>",
        "<AnswerSet><Answer name='A'><RptValue><RptValue><TextValue>A</TextValue></RptValue><RptValue/></RptValue></Answer></AnswerSet>",
    ],
)
def test_valid_answer_sets(xml: str) -> None:
    """P1's answer set, a BOM and declaration, and nested repeats are valid."""
    AnswerSetChecker().check(xml)


def test_invalid_answer_set_message() -> None:
    """An invalid date names the line and the answer."""
    with pytest.raises(AnswerXmlError, match=r"line 1, answer 'When': .*DateValue"):
        AnswerSetChecker().check(
            "<AnswerSet><Answer name='When'><DateValue>2013-10-17</DateValue></Answer></AnswerSet>"
        )


@pytest.mark.parametrize(
    "value",
    [
        "<MCValue><SelValue unans='true'/></MCValue>",
        "<NumValue>1E+15</NumValue>",
        "<NumValue>1e-05</NumValue>",
        "<NumValue unans='true'>234</NumValue>",
        "<TFValue unans='true'>Ignored</TFValue>",
        "<DateValue>31-10-2015</DateValue>",
        "<DateValue>31.10.2015</DateValue>",
        "<DateValue>31 10 2015</DateValue>",
        "<TFValue>1</TFValue>",
        "<TFValue>0</TFValue>",
        "<DocTextValue><NumValue>not checked</NumValue></DocTextValue>",
    ],
)
def test_answer_forms_real_writers_produce_are_valid(value: str) -> None:
    """The emulator takes the forms the HotDocs Open SDK reads and real writers produce."""
    AnswerSetChecker().check(f"<AnswerSet><Answer name='A'>{value}</Answer></AnswerSet>")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("<NumValue>1,5</NumValue>", "is not a number"),
        ("<NumValue UNANS='false'>+1</NumValue>", "is not a number"),
        ("<TFValue>yes</TFValue>", "neither true nor false"),
        ("<DBValue><DBColumn name='c'><NumValue>x</NumValue></DBColumn></DBValue>", "number"),
        ("<DateValue>2026-01-31</DateValue>", "DateValue"),
        ("<MCValue><SelValue hint='h'/></MCValue>", "SelValue"),
    ],
)
def test_answered_values_keep_their_lexical_forms(value: str, message: str) -> None:
    """An answered number or true/false value must still match the XSD's lexical type."""
    with pytest.raises(AnswerXmlError, match=rf"line 1, answer 'A': .*{message}"):
        AnswerSetChecker().check(f"<AnswerSet><Answer name='A'>{value}</Answer></AnswerSet>")


# ---------------------------------------------------------------------- callbacks


@pytest.mark.parametrize(
    ("url", "called"),
    [
        ("http://127.0.0.1:9/cb", True),
        ("https://localhost/cb", True),
        ("HTTP://LOCALHOST/cb", True),
        ("http://[::1]:8080/cb", True),
        ("http://127.8.9.10/cb", True),
        ("http://example.com/cb", False),
        ("http://10.1.2.3/cb", False),
        ("http://localhost.example.com/cb", False),
        ("http://127.0.0.1:99999/cb", False),
        ("http://[::1/cb", False),
    ],
)
def test_only_loopback_callbacks_are_called(url: str, called: bool) -> None:
    """The sandbox calls back http(s) URLs on loopback hosts only (CHOICE, safety); any other
    URL it accepted gets a reason, never a connection."""
    reason = why_not_called(url)
    assert (reason is None) is called
    if not called:
        assert reason is not None
        assert reason.startswith("not sent: ")


def test_signature_is_hmac_sha256_of_the_body() -> None:
    """The signature header is sha256= and the hex HMAC-SHA256 of the body keyed by the secret."""
    body = b'{"status":"Saved"}'
    expected = hmac.new(b"k", body, hashlib.sha256).hexdigest()
    assert signature("k", body) == f"sha256={expected}"
