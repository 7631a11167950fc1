"""Optional: Prism (Stoplight's OpenAPI mock and validating proxy) agrees with the spec and the client.

Skipped unless Prism is installed (``npm install -g @stoplight/prism-cli`` puts ``prism`` on
PATH; or set ``PRISM`` to its executable). CI does not install it: this is a second opinion on
the spec, by another implementation of OpenAPI, for a developer who has it.

* Proxy mode: Prism validates every request and answer against the spec (``--errors`` turns a
  violation into an error answer) in front of the sandbox; the README's first example and the
  rest of a workflow go through it unchanged.
* Mock mode: Prism answers from the spec alone. Statically (its examples) every call the
  client makes succeeds; dynamically (made-up data, seeded) the log-in's token follows the
  spec's pattern, so the client accepts it (a token with a space, which a mock invented before
  the pattern, is one the client rightly refuses).
"""

from __future__ import annotations

import datetime
import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from hotdocs_advance import AdvanceClient, AnswerSet, MultipleChoice, ServicePrincipal
from hotdocs_advance._auth import TOKEN
from hotdocs_advance.sandbox import AdvanceSandbox
from hotdocs_advance_api import OPENAPI_SPEC

PRISM = os.environ.get("PRISM") or shutil.which("prism")
pytestmark = pytest.mark.skipif(
    PRISM is None,
    reason="Prism is not installed (npm install -g @stoplight/prism-cli, or set PRISM to its "
    "executable); this optional check is not part of CI",
)

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
START_SECONDS = 90.0  # Prism takes a few seconds to start; more on a busy machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for(port: int, process: subprocess.Popen[str], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"Prism exited with {process.returncode}:\n{log.read_text('utf-8')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        except OSError:
            time.sleep(0.2)
        else:
            return
    pytest.fail(f"Prism did not listen within {START_SECONDS} s:\n{log.read_text('utf-8')}")


Prism = Callable[..., tuple[str, Path]]


@pytest.fixture
def prism(tmp_path: Path) -> Iterator[Prism]:
    """Start Prism processes (``prism("mock")``, ``prism("proxy", upstream)``); each gives its
    URL and log file, and is stopped after the test."""
    processes: list[subprocess.Popen[str]] = []

    def start(mode: str, *arguments: str) -> tuple[str, Path]:
        assert PRISM is not None
        port = _free_port()
        log = tmp_path / f"prism-{len(processes)}.log"
        with log.open("w", encoding="utf-8") as output:
            process = subprocess.Popen(
                [PRISM, mode, "-h", "127.0.0.1", "-p", str(port), *arguments],
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                text=True,
            )
        processes.append(process)
        _wait_for(port, process, log)
        return f"http://127.0.0.1:{port}", log

    yield start
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _readme_answers() -> AnswerSet:
    answers = AnswerSet()
    answers["CompanyName"] = "ExampleCorp"
    answers["Contract Value"] = Decimal("125000.50")
    answers["Start Date"] = datetime.date(2026, 5, 15)
    answers["Auto Renew"] = True
    answers["Regions"] = MultipleChoice("North", "West")
    answers["Signatory Name"] = ["Ann Smith", "Cy Jones"]
    return answers


def test_the_readme_workflow_passes_prisms_validating_proxy(prism: Prism) -> None:
    """In front of the sandbox, Prism's proxy finds no request or answer that breaks the spec
    (with ``--errors`` one would come back as an error): the README's first example, a session,
    documents, versions, answers, a public link and the lists all work through it."""
    with AdvanceSandbox() as sandbox:
        spec = str(OPENAPI_SPEC)
        api, api_log = prism("proxy", "--errors", spec, sandbox.base_url)
        auth, auth_log = prism("proxy", "--errors", spec, sandbox.auth_url)
        answers = _readme_answers()
        with AdvanceClient(api, auth=PRINCIPAL, auth_url=auth, max_retries=0) as client:
            work_item_id = client.create_work_item(
                name="ExampleCorp contract renewal",
                answers=answers,
                work_group_id=GROUP,
                template_package_id=PACKAGE,
            )
            item = client.get_work_item(work_item_id)
            assert (item.name, item.status) == ("ExampleCorp contract renewal", "Saved")
            client.begin_assembly_session(work_item_id, answers=answers)
            client.save_assembly_session(work_item_id)
            client.complete_assembly_session(work_item_id)
            [document] = client.list_documents(work_item_id)
            assert document.id is not None
            assert client.get_document(work_item_id, document.id).file_name == document.file_name
            content = b"".join(client.iter_document(work_item_id, document.id))
            assert content.startswith(b"PK")  # a .docx is a zip file
            created = client.create_version(work_item_id)
            closed = client.save_and_close(
                work_item_id, created.version_id, callback_url="https://hooks.example.com/done"
            )
            assert closed.accepted
            assert client.create_and_assemble(work_item_id, answers=answers).status == "Completed"
            assert client.get_answers(work_item_id)["CompanyName"] == "ExampleCorp"
            client.update_answers(work_item_id, answers)
            link = client.create_public_interview_link(
                name="Link", work_group_id=GROUP, template_package_id=PACKAGE
            )
            assert client.get_public_interview_link(link).name == "Link"
            client.delete_public_interview_link(link)
            assert [group.id for group in client.list_work_groups()]
            assert len(list(client.list_work_items(page_size=1))) == 1
            # the create's, the session's, the v2.0 create's and create-and-assemble's
            assert len(list(client.list_versions(work_item_id))) == 4
        [unsent] = sandbox.wait_for_callbacks(1)
        assert not unsent.sent
        assert sandbox.state.spec_violations == []
    for log in (api_log, auth_log):
        text = log.read_text("utf-8")
        assert "Violation" not in text, text
        assert "✖" not in text, text


def test_a_static_mock_answers_what_the_client_accepts(prism: Prism) -> None:
    """Prism's mock, answering the spec's examples, serves every call of a workflow in a way the
    client accepts: a token of the pattern, an answer set, lists that end."""
    mock, _ = prism("mock", str(OPENAPI_SPEC))
    with AdvanceClient(mock, auth=PRINCIPAL, auth_url=mock, max_retries=0) as client:
        work_item_id = client.create_work_item(
            name="Mocked",
            answers=_readme_answers(),
            work_group_id=GROUP,
            template_package_id=PACKAGE,
        )
        assert client.get_work_item(work_item_id).name
        assert client.begin_assembly_session(work_item_id).interview_js_url
        assert client.get_version_status(work_item_id, uuid.uuid4()).status
        assert client.get_answers(work_item_id)["CompanyName"] == "ExampleCorp"
        assert len(list(client.list_work_groups())) == 1
        assert len(list(client.list_work_items())) == 1


def test_a_dynamic_mock_invents_tokens_the_client_accepts(prism: Prism) -> None:
    """Prism's dynamic mock makes up the log-in's token from its schema; with the pattern in
    the spec every token it invents is one the client accepts (visible ASCII, no space)."""
    mock, _ = prism("mock", "--dynamic", "--seed", "16", str(OPENAPI_SPEC))
    login = mock + "/Authorize/ServicePrincipalLogIn"
    body = {"ClientName": "c", "PrincipalName": "p", "PrincipalPassword": "pw"}
    tokens = {httpx.post(login, json=body).text for _ in range(5)}
    assert all(TOKEN.fullmatch(token) for token in tokens), tokens
    with AdvanceClient(mock, auth=PRINCIPAL, auth_url=mock, max_retries=0) as client:
        client.get_work_item(uuid.uuid4())  # logs in with a made-up token, and is answered
