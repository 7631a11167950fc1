"""hotdocs-advance through typer's CliRunner against the Advance sandbox.

Every command, its table and its --json, the exit statuses, the configuration by environment
and by flags, the password warning, and no secret ever printed.
"""

from __future__ import annotations

import json
import socket
import uuid
from collections.abc import Mapping
from pathlib import Path

import pytest
from _client_core import _retry as _core_retry
from hotdocs_advance import AnswerSet
from hotdocs_advance._cli import app
from hotdocs_advance.sandbox import AdvanceSandbox
from typer.testing import CliRunner, Result

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PASSWORD = "sandbox-password"
VARIABLES = (
    "ADVANCE_BASE_URL",
    "ADVANCE_TENANCY",
    "ADVANCE_DOMAIN",
    "ADVANCE_AUTH_URL",
    "ADVANCE_TOKEN",
    "ADVANCE_CLIENT_NAME",
    "ADVANCE_PRINCIPAL_NAME",
    "ADVANCE_PRINCIPAL_PASSWORD",
    "ADVANCE_CALLBACK_SECRET",
)


@pytest.fixture(autouse=True)
def _no_backoff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_core_retry, "sleep", lambda seconds: None)


def environment(sandbox: AdvanceSandbox | None, **extra: str) -> dict[str, str | None]:
    """The sandbox's service principal in the environment; every other ADVANCE_ unset."""
    env: dict[str, str | None] = dict.fromkeys(VARIABLES)
    if sandbox is not None:
        env |= {
            "ADVANCE_BASE_URL": sandbox.base_url,
            "ADVANCE_CLIENT_NAME": "sandbox",
            "ADVANCE_PRINCIPAL_NAME": "sandbox-principal",
            "ADVANCE_PRINCIPAL_PASSWORD": PASSWORD,
        }
    return env | extra


def run(env: Mapping[str, str | None], *args: str, stdin: bytes | None = None) -> Result:
    result = CliRunner().invoke(app, list(args), env=dict(env), input=stdin)
    assert PASSWORD not in result.output, "a password was printed"
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def out(result: Result) -> object:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_check_names_url_log_in_and_command_scope(advance_sandbox: AdvanceSandbox) -> None:
    """check: the table names the base URL, the log-in, the principal and Command scope."""
    result = run(environment(advance_sandbox), "check")
    assert result.exit_code == 0, result.output
    assert advance_sandbox.base_url in result.stdout
    assert "Command or Root" in result.stdout
    assert "sandbox-principal" in result.stdout
    data = out(run(environment(advance_sandbox), "check", "--json"))
    assert data == {
        "baseUrl": advance_sandbox.base_url,
        "tenancy": "(not named by the URL)",
        "auth": "service principal",
        "authUrl": advance_sandbox.base_url.removesuffix("/api/rest") + "/auth",
        "clientName": "sandbox",
        "principalName": "sandbox-principal",
        "scope": "Command or Root",
        "commandMethods": True,
    }
    assert advance_sandbox.state.work_items == {}  # the probes changed nothing


def test_check_tells_a_query_scoped_client(advance_sandbox: AdvanceSandbox) -> None:
    """A Query-scope API client logs in, reads, and is told its command methods are refused."""
    env = environment(
        advance_sandbox,
        ADVANCE_CLIENT_NAME="sandbox-reader",
        ADVANCE_PRINCIPAL_NAME="reader-principal",
        ADVANCE_PRINCIPAL_PASSWORD="reader-password",
    )
    data = out(run(env, "check", "--json"))
    assert isinstance(data, dict)
    assert (data["scope"], data["commandMethods"]) == ("Query", False)


def test_check_says_the_log_in_failed_and_exits_3(advance_sandbox: AdvanceSandbox) -> None:
    """A wrong password: 'the log-in at <auth URL> failed', status 3, password not shown."""
    env = environment(advance_sandbox, ADVANCE_PRINCIPAL_PASSWORD="wrong-password-123")
    result = run(env, "check")
    assert result.exit_code == 3
    auth = advance_sandbox.base_url.removesuffix("/api/rest") + "/auth"
    assert f"error: the log-in at {auth} failed" in result.stderr
    assert "wrong-password-123" not in result.output


def test_check_with_a_refused_token_says_the_read_failed(advance_sandbox: AdvanceSandbox) -> None:
    """A token the server does not know: the read is refused (401), status 3."""
    env = environment(None, ADVANCE_BASE_URL=advance_sandbox.base_url, ADVANCE_TOKEN="nope")
    result = run(env, "check")
    assert result.exit_code == 3
    assert "error: a read (GET " in result.stderr
    assert "401" in result.stderr


def test_check_of_a_server_that_is_not_there_exits_6() -> None:
    """Nothing listening: a connection error, status 6, naming the log-in URL."""
    base = f"http://127.0.0.1:{free_port()}/api/rest"
    env = environment(
        None,
        ADVANCE_BASE_URL=base,
        ADVANCE_CLIENT_NAME="a",
        ADVANCE_PRINCIPAL_NAME="b",
        ADVANCE_PRINCIPAL_PASSWORD="c-password",
    )
    result = run(env, "--max-retries", "0", "check")
    assert result.exit_code == 6
    assert "error: the log-in at" in result.stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({}, "no server: set ADVANCE_BASE_URL"),
        ({"ADVANCE_BASE_URL": "http://127.0.0.1:1/api/rest"}, "no credentials: set ADVANCE_TOKEN"),
        (
            {"ADVANCE_BASE_URL": "http://127.0.0.1:1/api/rest", "ADVANCE_CLIENT_NAME": "a"},
            "needs ADVANCE_PRINCIPAL_NAME (--principal-name) and ADVANCE_PRINCIPAL_PASSWORD",
        ),
        (
            {
                "ADVANCE_BASE_URL": "http://127.0.0.1:1/api/rest",
                "ADVANCE_TOKEN": "t",
                "ADVANCE_CLIENT_NAME": "a",
            },
            "give ADVANCE_TOKEN (--token) or a service principal, not both",
        ),
        (
            {"ADVANCE_BASE_URL": "http://127.0.0.1:1/api/rest", "ADVANCE_TENANCY": "t"},
            "not both",
        ),
        ({"ADVANCE_DOMAIN": "example.com"}, "ADVANCE_DOMAIN (--domain) needs ADVANCE_TENANCY"),
    ],
)
def test_missing_or_contradictory_configuration_exits_2(
    extra: dict[str, str], message: str
) -> None:
    """Configuration problems are named, with their variables and flags, before any request."""
    result = run(environment(None, **extra), "work-item", "get", str(uuid.uuid4()))
    assert result.exit_code == 2
    assert message in result.stderr


def test_tenancy_and_domain_configure_and_ids_are_checked_first() -> None:
    """--tenancy with --domain is a whole configuration; a bad id is refused before sending."""
    env = environment(None, ADVANCE_TOKEN="token")
    result = run(
        env, "--tenancy", "t1", "--domain", "invalid", "--max-retries", "0", "link", "get", "x"
    )
    assert result.exit_code == 2  # the id is checked before anything is sent
    assert "link_id: 'x' is not a GUID" in result.stderr


def test_flags_configure_like_the_environment_and_a_password_flag_warns(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """Flags work without any variable; --password draws the warning and is never echoed."""
    result = run(
        environment(None),
        "--base-url",
        advance_sandbox.base_url,
        "--client-name",
        "sandbox",
        "--principal-name",
        "sandbox-principal",
        "--password",
        PASSWORD,
        "check",
    )
    assert result.exit_code == 0, result.output
    assert "warning: --password given on the command line is visible to other users" in (
        result.stderr
    )
    assert "ADVANCE_PRINCIPAL_PASSWORD instead" in result.stderr
    quiet = run(environment(advance_sandbox), "check")
    assert "warning" not in quiet.stderr


def test_a_token_flag_warns_too(advance_sandbox: AdvanceSandbox) -> None:
    """--token on the command line warns like --password; from the environment it does not."""
    result = run(
        environment(None, ADVANCE_BASE_URL=advance_sandbox.base_url),
        "--token",
        "t0k3n-value",
        "check",
    )
    assert "warning: --token given on the command line" in result.stderr
    assert "t0k3n-value" not in result.output


def test_help_never_shows_a_secret_from_the_environment(advance_sandbox: AdvanceSandbox) -> None:
    """--help names the variables but not their values."""
    result = run(environment(advance_sandbox, ADVANCE_TOKEN="secret-token-value"), "--help")
    assert result.exit_code == 0
    assert "ADVANCE_PRINCIPAL_PASSWORD" in result.stdout
    assert "secret-token-value" not in result.stdout
    assert "hotdocs-advance check" in result.stdout  # the example


def test_work_item_create_with_answers_and_get(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """create --answers FILE sends the answers; get shows the item, as a table and JSON."""
    answers = AnswerSet()
    answers["Client"] = "ExampleCorp"
    answers["Kids"] = ["Ann", "Cy"]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers.to_dict()), encoding="utf-8")
    env = environment(advance_sandbox)
    created = out(
        run(
            env, "work-item", "create", "--name", "ExampleCorp renewal", "--work-group", GROUP,
            "--template-package", PACKAGE, "--answers", str(path), "--description", "d",
            "--json",
        )
    )  # fmt: skip
    assert isinstance(created, dict)
    item_id = uuid.UUID(created["id"])
    stored = advance_sandbox.state.work_items[item_id]
    assert stored.name == "ExampleCorp renewal"
    got = out(run(env, "work-item", "get", str(item_id), "--json"))
    assert isinstance(got, dict)
    assert (got["id"], got["name"], got["workGroupId"]) == (str(item_id), stored.name, GROUP)
    assert AnswerSet.from_xml(got["answerXml"]) == answers
    table = run(env, "work-item", "get", str(item_id))
    assert table.exit_code == 0
    assert "ExampleCorp renewal" in table.stdout
    assert "workGroupId" in table.stdout


def test_work_item_create_from_stdin_and_a_chosen_id(advance_sandbox: AdvanceSandbox) -> None:
    """--answers - reads answer XML from stdin; --id chooses the work item's id."""
    item_id = uuid.uuid4()
    xml = b'<AnswerSet title="" version="1.1"><Answer name="A"><TextValue>x</TextValue></Answer></AnswerSet>'
    result = run(
        environment(advance_sandbox), "work-item", "create", "--name", "n", "--work-group",
        GROUP, "--template-package", PACKAGE, "--answers", "-", "--id", str(item_id),
        stdin=xml,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert str(item_id) in result.stdout
    assert item_id in advance_sandbox.state.work_items


def test_an_uninterpretable_answer_file_is_refused_before_sending(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """An answer file with an uninterpretable value: status 2, every such value named."""
    path = tmp_path / "bad.anx"
    path.write_text(
        '<AnswerSet><Answer name="A"><TFValue>maybe</TFValue></Answer></AnswerSet>', "utf-8"
    )
    result = run(
        environment(advance_sandbox), "work-item", "create", "--name", "n", "--work-group",
        GROUP, "--template-package", PACKAGE, "--answers", str(path),
    )  # fmt: skip
    assert result.exit_code == 2
    assert "answer 'A': 'maybe' is neither true nor false" in result.stderr
    assert advance_sandbox.state.work_items == {}


def test_not_found_conflict_and_bad_ids_have_their_exit_statuses(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """404 gives 4, 409 gives 5, a malformed id gives 2 (and nothing is sent)."""
    env = environment(advance_sandbox)
    missing = run(env, "work-item", "get", str(uuid.uuid4()))
    assert missing.exit_code == 4
    assert "404" in missing.stderr
    item_id = str(uuid.uuid4())
    create = ("work-item", "create", "--work-group", GROUP, "--template-package", PACKAGE)
    assert run(env, *create, "--name", "one", "--id", item_id).exit_code == 0
    conflict = run(env, "--max-retries", "0", *create, "--name", "two", "--id", item_id)
    assert conflict.exit_code == 5
    assert "409" in conflict.stderr
    bad = run(env, "work-item", "get", "not-a-guid")
    assert bad.exit_code == 2
    assert "work_item_id: 'not-a-guid' is not a GUID" in bad.stderr


def test_a_session_begins_saves_and_completes(advance_sandbox: AdvanceSandbox) -> None:
    """session begin (with the version id it chose), save and complete, then 409 without one."""
    env = environment(advance_sandbox)
    item = out(run(env, "work-item", "create", "--name", "s", "--work-group", GROUP,
                   "--template-package", PACKAGE, "--json"))  # fmt: skip
    assert isinstance(item, dict)
    item_id = item["id"]
    version_id = str(uuid.uuid4())
    begun = out(run(env, "session", "begin", item_id, "--version-id", version_id, "--json"))
    assert isinstance(begun, dict)
    assert begun["versionId"] == version_id
    assert begun["hdaSessionId"]
    assert out(run(env, "session", "save", item_id, "--json")) == {
        "workItemId": item_id,
        "saved": True,
    }
    done = run(env, "session", "complete", item_id, "--no-assemble")
    assert done.exit_code == 0
    assert "completed" in done.stdout
    again = run(env, "--max-retries", "0", "session", "complete", item_id)
    assert again.exit_code == 5


def test_version_save_and_close_and_status(advance_sandbox: AdvanceSandbox) -> None:
    """version save-and-close reports the status; version status reads it back."""
    env = environment(advance_sandbox)
    item = out(run(env, "work-item", "create", "--name", "v", "--work-group", GROUP,
                   "--template-package", PACKAGE, "--json"))  # fmt: skip
    assert isinstance(item, dict)
    begun = out(run(env, "session", "begin", item["id"], "--json"))
    assert isinstance(begun, dict)
    closed = out(run(env, "version", "save-and-close", item["id"], begun["versionId"], "--json"))
    assert isinstance(closed, dict)
    assert closed["status"] in {"Saving", "Saved"}
    assert closed["versionId"] == begun["versionId"]
    status = out(run(env, "version", "status", item["id"], begun["versionId"], "--json"))
    assert isinstance(status, dict)
    assert status["status"] in {"Saving", "Saved"}
    table = run(env, "version", "status", item["id"], begun["versionId"])
    assert "status" in table.stdout


def test_a_callback_secret_flag_warns(advance_sandbox: AdvanceSandbox) -> None:
    """--callback-secret on the command line draws the warning; its value is not printed."""
    result = run(
        environment(advance_sandbox), "version", "save-and-close", str(uuid.uuid4()),
        str(uuid.uuid4()), "--callback-url", "http://127.0.0.1:9/cb",
        "--callback-secret", "cb-secret-value-1",
    )  # fmt: skip
    assert "warning: --callback-secret given on the command line" in result.stderr
    assert "ADVANCE_CALLBACK_SECRET instead" in result.stderr
    assert "cb-secret-value-1" not in result.output
    assert result.exit_code == 4  # no such work item


def test_a_link_is_created_read_and_deleted(advance_sandbox: AdvanceSandbox) -> None:
    """link create, get (table and JSON), delete; then get answers 404 (status 4)."""
    env = environment(advance_sandbox)
    created = out(run(env, "link", "create", "--name", "Onboarding", "--template-package",
                      PACKAGE, "--work-group", GROUP, "--inactive", "--json"))  # fmt: skip
    assert isinstance(created, dict)
    link_id = created["id"]
    got = out(run(env, "link", "get", link_id, "--json"))
    assert isinstance(got, dict)
    assert (got["name"], got["isActive"]) == ("Onboarding", False)
    assert "Onboarding" in run(env, "link", "get", link_id).stdout
    assert out(run(env, "link", "delete", link_id, "--json")) == {"id": link_id, "deleted": True}
    assert run(env, "link", "get", link_id).exit_code == 4


@pytest.mark.advance_sandbox(client_interviews=False)
def test_a_refused_feature_exits_3(advance_sandbox: AdvanceSandbox) -> None:
    """Client interviews disabled: link create gets 403, status 3, the server's reason shown."""
    result = run(environment(advance_sandbox), "link", "create", "--name", "x",
                 "--template-package", PACKAGE, "--work-group", GROUP)  # fmt: skip
    assert result.exit_code == 3
    assert "403" in result.stderr


def test_every_group_has_help_with_an_example_and_the_app_a_version() -> None:
    """--help of each group shows an example; --version names the distribution."""
    env = environment(None)
    for group in ("work-item", "session", "version", "link"):
        result = run(env, group, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout
        assert f"hotdocs-advance {group}" in result.stdout
    version = run(env, "--version")
    assert version.exit_code == 0
    assert version.stdout.startswith("hotdocs-advance ")
    usage = run(env, "work-item", "frobnicate")
    assert usage.exit_code == 2
