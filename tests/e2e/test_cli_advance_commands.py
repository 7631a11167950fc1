"""The issue-14 commands of hotdocs-advance through typer's CliRunner against the Advance sandbox.

work-item list, version create|complete|wait, documents list|download, answers
get|replace|update, work-groups list and template-packages list: each one's table and --json,
and an error path with its exit status.
"""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hotdocs_advance import AnswerSet
from hotdocs_advance._sync_pages import SyncPager
from hotdocs_advance.sandbox import AdvanceSandbox

from tests.e2e.test_cli_advance import (
    GROUP,
    PACKAGE,
    _no_backoff,  # noqa: F401 - the autouse fixture: retries do not sleep
    environment,
    out,
    run,
)

OTHER_GROUP = "09000000-0000-0000-0000-000000000001"
OTHER_PACKAGE = "03000000-0000-0000-0000-000000000003"


def create(env: dict[str, str | None], name: str, *more: str) -> str:
    """Create a work item in the seed's Contracts group; its id."""
    created = out(run(env, "work-item", "create", "--name", name, "--work-group", GROUP,
                      "--template-package", PACKAGE, *more, "--json"))  # fmt: skip
    assert isinstance(created, dict)
    return str(created["id"])


def answer_file(path: Path, **values: Any) -> Path:
    answers = AnswerSet()
    for name, value in values.items():
        answers[name] = value
    if path.suffix == ".json":
        path.write_text(json.dumps(answers.to_dict()), encoding="utf-8")
    else:
        path.write_bytes(answers.to_bytes())
    return path


def held_answers(sandbox: AdvanceSandbox, item_id: str) -> AnswerSet:
    xml = sandbox.state.answers(uuid.UUID(item_id))
    return AnswerSet() if xml is None else AnswerSet.from_xml(xml)


# --- work-item list ---------------------------------------------------------------------------


def test_work_item_list_shows_a_table_and_a_json_array(advance_sandbox: AdvanceSandbox) -> None:
    """work-item list: the table has each work item's id, name and status; --json is the
    array of every member of each, oldest first; --filter keeps one status."""
    env = environment(advance_sandbox)
    ids = [create(env, f"Renewal {i}") for i in range(3)]
    table = run(env, "work-item", "list")
    assert table.exit_code == 0, table.output
    for i in range(3):
        assert f"Renewal {i}" in table.stdout
    assert "Saved" in table.stdout
    listed = out(run(env, "work-item", "list", "--json"))
    assert isinstance(listed, list)
    assert [item["id"] for item in listed] == ids
    assert {item["workGroupId"] for item in listed} == {GROUP}
    assert out(run(env, "work-item", "list", "--filter", "saved", "--json")) == listed
    assert out(run(env, "work-item", "list", "--filter", "Completed", "--json")) == []


def test_work_item_list_streams_pages_and_stops_at_the_limit(
    advance_sandbox: AdvanceSandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--page-size 1 --limit 2 prints the first two work items and fetches only two pages."""
    env = environment(advance_sandbox)
    ids = [create(env, f"Item {i}") for i in range(5)]
    fetched: list[object] = []
    real = SyncPager._fetch

    def counting(self: SyncPager[Any], token: Any, used: set[str]) -> Any:
        fetched.append(token)
        return real(self, token, used)

    monkeypatch.setattr(SyncPager, "_fetch", counting)
    listed = out(run(env, "work-item", "list", "--page-size", "1", "--limit", "2", "--json"))
    assert isinstance(listed, list)
    assert [item["id"] for item in listed] == ids[:2]
    assert len(fetched) == 2
    fetched.clear()
    everything = out(run(env, "work-item", "list", "--page-size", "2", "--json"))
    assert isinstance(everything, list)
    assert [item["id"] for item in everything] == ids
    assert len(fetched) == 3  # pages of 2, 2 and 1


def test_work_item_list_refuses_a_bad_page_size_before_sending(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """--page-size 0 is refused by the SDK's check (status 2); --limit 0 by the flag's range."""
    env = environment(advance_sandbox)
    result = run(env, "work-item", "list", "--page-size", "0")
    assert result.exit_code == 2
    assert "page_size: expected an int of 1 or more, not 0" in result.stderr
    assert run(env, "work-item", "list", "--limit", "0").exit_code == 2


# --- version create|complete|wait -------------------------------------------------------------


def test_a_version_is_created_completed_and_waited_for(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """version create --answers FILE gives an InProgress version with those answers;
    complete assembles it; wait returns its final status, as a table and as JSON."""
    env = environment(advance_sandbox)
    item_id = create(env, "Versioned")
    path = answer_file(tmp_path / "answers.anx", CompanyName="ExampleCorp")
    version_id = str(uuid.uuid4())
    created = out(run(env, "version", "create", item_id, "--version-id", version_id,
                      "--answers", str(path), "--json"))  # fmt: skip
    assert created == {"versionId": version_id, "accepted": False, "status": "InProgress"}
    assert held_answers(advance_sandbox, item_id)["CompanyName"] == "ExampleCorp"
    done = run(env, "version", "complete", item_id, version_id)
    assert done.exit_code == 0, done.output
    assert "Completed" in done.stdout
    assert version_id in done.stdout
    waited = out(run(env, "version", "wait", item_id, version_id, "--json"))
    assert waited == {"status": "Completed"}
    table = run(env, "version", "wait", item_id, version_id)
    assert "Completed" in table.stdout


def test_a_second_version_needs_force_create(advance_sandbox: AdvanceSandbox) -> None:
    """While a version is in progress, version create exits 5 (409); --force-create creates
    another, with a version id chosen for it."""
    env = environment(advance_sandbox)
    item_id = create(env, "Twice")
    assert run(env, "version", "create", item_id).exit_code == 0
    refused = run(env, "--max-retries", "0", "version", "create", item_id)
    assert refused.exit_code == 5
    assert "409" in refused.stderr
    forced = out(run(env, "version", "create", item_id, "--force-create", "--json"))
    assert isinstance(forced, dict)
    assert uuid.UUID(forced["versionId"])
    assert forced["status"] == "InProgress"


def test_complete_of_no_such_version_exits_4_and_a_callback_secret_flag_warns(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """version complete for a work item that does not exist: 404, status 4; the callback
    secret given as a flag draws the warning and is never printed (create warns too)."""
    env = environment(advance_sandbox)
    result = run(env, "version", "complete", str(uuid.uuid4()), str(uuid.uuid4()),
                 "--callback-url", "http://127.0.0.1:9/cb",
                 "--callback-secret", "cb-secret-value-2")  # fmt: skip
    assert result.exit_code == 4
    assert "warning: --callback-secret given on the command line" in result.stderr
    assert "cb-secret-value-2" not in result.output
    created = run(env, "version", "create", str(uuid.uuid4()), "--callback-url",
                  "http://127.0.0.1:9/cb", "--callback-secret", "cb-secret-value-3")  # fmt: skip
    assert "warning: --callback-secret given on the command line" in created.stderr
    assert "cb-secret-value-3" not in created.output


@pytest.mark.advance_sandbox(seed={"versions": {"workSeconds": 60, "synchronousTimeoutSeconds": 0}})
def test_a_wait_past_its_deadline_exits_6(advance_sandbox: AdvanceSandbox) -> None:
    """A complete the server takes on for the background (accepted, Completing), waited for
    with a short --timeout: status 6 and the last status named (the work goes on)."""
    env = environment(advance_sandbox)
    item_id = create(env, "Slow")
    begun = out(run(env, "version", "create", item_id, "--json"))
    assert isinstance(begun, dict)
    version_id = begun["versionId"]
    accepted = out(run(env, "version", "complete", item_id, version_id, "--json"))
    assert accepted == {"versionId": version_id, "accepted": True, "status": "Completing"}
    result = run(env, "version", "wait", item_id, version_id, "--timeout", "0.2",
                 "--poll-interval", "0.05")  # fmt: skip
    assert result.exit_code == 6
    assert f"error: version {version_id} of work item {item_id} is still 'Completing'" in (
        result.stderr
    )


# --- documents list|download ------------------------------------------------------------------


def test_documents_are_listed_and_downloaded_whole(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """documents list shows the assembled .docx (table and JSON); download writes it into
    --output DIR under its file name, prints the path and size, and leaves no part file."""
    env = environment(advance_sandbox)
    item_id = create(env, "With documents", "--assemble")
    listed = out(run(env, "documents", "list", item_id, "--json"))
    assert isinstance(listed, list)
    (document,) = listed
    assert document["fileName"] == "Contract renewal.docx"
    table = run(env, "documents", "list", item_id)
    assert "Contract renewal.docx" in table.stdout
    assert document["id"] in table.stdout
    same = out(run(env, "documents", "list", item_id, document["versionId"], "--json"))
    assert same == listed
    folder = tmp_path / "out" / "documents"  # created
    written = out(run(env, "documents", "download", item_id, "--output", str(folder), "--json"))
    path = folder / "Contract renewal.docx"
    assert written == [{"id": document["id"], "file": str(path), "bytes": document["size"]}]
    assert zipfile.is_zipfile(path)
    assert "word/document.xml" in zipfile.ZipFile(path).namelist()
    assert [child.name for child in folder.iterdir()] == [path.name]
    shown = run(env, "documents", "download", item_id, "-o", str(folder),
                "--document", document["id"])  # fmt: skip
    assert shown.exit_code == 0, shown.output
    assert "Contract renewal.docx" in shown.stdout
    assert "Documents written" in shown.stdout


def test_nothing_to_list_or_download_exits_4(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """No assembly yet: list is empty (status 0) and download exits 4; a version or document
    the server does not serve, and a missing work item, exit 4; a bad id exits 2."""
    env = environment(advance_sandbox)
    item_id = create(env, "Bare")
    assert out(run(env, "documents", "list", item_id, "--json")) == []
    nothing = run(env, "documents", "download", item_id, "-o", str(tmp_path))
    assert nothing.exit_code == 4
    assert f"work item {item_id} has no assembled documents yet" in nothing.stderr
    assembled = create(env, "Assembled", "--assemble")
    other_version = str(uuid.uuid4())
    wrong = run(env, "documents", "list", assembled, other_version)
    assert wrong.exit_code == 4
    assert f"has no documents of version {other_version}" in wrong.stderr
    assert "only the latest assembly's documents (version " in wrong.stderr
    missing_document = run(env, "documents", "download", assembled, "-o", str(tmp_path),
                           "--document", str(uuid.uuid4()))  # fmt: skip
    assert missing_document.exit_code == 4
    assert list(tmp_path.iterdir()) == []
    assert run(env, "documents", "list", str(uuid.uuid4())).exit_code == 4
    bad = run(env, "documents", "download", assembled, "--document", "nope")
    assert bad.exit_code == 2
    assert "document_id: 'nope' is not a GUID" in bad.stderr


# --- answers get|replace|update ---------------------------------------------------------------


def test_answers_get_writes_xml_json_or_a_file(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """answers get: answer XML on stdout by default, JSON with --json or --format json, a
    file by its extension with --output (and a table, or JSON, of what was written)."""
    env = environment(advance_sandbox)
    given = answer_file(tmp_path / "in.json", CompanyName="ExampleCorp", Amount=1250)
    item_id = create(env, "Answers", "--answers", str(given))
    expected = held_answers(advance_sandbox, item_id)
    assert expected["CompanyName"] == "ExampleCorp"
    xml = run(env, "answers", "get", item_id)
    assert xml.exit_code == 0, xml.output
    assert AnswerSet.from_xml(xml.stdout_bytes) == expected
    as_json = out(run(env, "answers", "get", item_id, "--json"))
    assert isinstance(as_json, dict)
    assert AnswerSet.from_dict(as_json) == expected
    assert out(run(env, "answers", "get", item_id, "--format", "json")) == as_json
    target = tmp_path / "answers.anx"
    record = out(run(env, "answers", "get", item_id, "--output", str(target), "--json"))
    assert record == {"workItemId": item_id, "file": str(target), "format": "xml", "answers": 2}
    assert AnswerSet.from_xml(target.read_bytes()) == expected
    shown = run(env, "answers", "get", item_id, "-o", str(tmp_path / "a.json"))
    assert "Answers written" in shown.stdout
    assert AnswerSet.from_dict(json.loads((tmp_path / "a.json").read_text("utf-8"))) == expected


def test_answers_get_refuses_a_bad_format_before_sending(advance_sandbox: AdvanceSandbox) -> None:
    """--format yaml, a file extension that is no answer format, and --json with --format xml
    on stdout: status 2, nothing sent (the work item does not even exist)."""
    env = environment(advance_sandbox)
    missing = str(uuid.uuid4())
    result = run(env, "answers", "get", missing, "--format", "yaml")
    assert result.exit_code == 2
    assert "--format is xml or json, not 'yaml'" in result.stderr
    assert run(env, "answers", "get", missing, "-o", "answers.txt").exit_code == 2
    both = run(env, "answers", "get", missing, "--json", "--format", "xml")
    assert both.exit_code == 2
    assert run(env, "answers", "get", missing).exit_code == 4  # sent: no such work item


def test_answers_the_sdk_cannot_interpret_are_kept_in_xml_and_refused_in_json(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """A server answer holding an uninterpretable value: XML keeps it (with a warning),
    JSON is refused with status 1, naming the answer and the way out (--format xml)."""
    env = environment(advance_sandbox)
    item_id = create(env, "Odd answers")
    raw = '<AnswerSet title="" version="1.1"><Answer name="Ok"><TFValue>maybe</TFValue></Answer></AnswerSet>'
    with advance_sandbox.state.lock:  # the sandbox refuses such answers: set them behind it
        item = advance_sandbox.state.work_items[uuid.UUID(item_id)]
        latest = item.versions.get(item.latest_version_id) if item.latest_version_id else None
        (latest or item).answer_xml = raw
    assert held_answers(advance_sandbox, item_id).problems
    refused = run(env, "answers", "get", item_id, "--json")
    assert refused.exit_code == 1
    assert "answer 'Ok'" in refused.stderr
    assert "--format xml" in refused.stderr
    kept = run(env, "answers", "get", item_id, "-o", str(tmp_path / "odd.anx"))
    assert kept.exit_code == 0, kept.output
    assert "warning: kept unchanged, uninterpretable" in kept.stderr
    assert b"<TFValue>maybe</TFValue>" in (tmp_path / "odd.anx").read_bytes()


def test_answers_are_replaced_and_updated(advance_sandbox: AdvanceSandbox, tmp_path: Path) -> None:
    """answers replace leaves only FILE's answers; answers update overlays FILE's on them."""
    env = environment(advance_sandbox)
    first = answer_file(tmp_path / "first.anx", CompanyName="ExampleCorp", Region="North")
    item_id = create(env, "Changing", "--answers", str(first))
    replacement = answer_file(tmp_path / "replace.json", CompanyName="Initech")
    replaced = out(run(env, "answers", "replace", item_id, str(replacement), "--json"))
    assert replaced == {"workItemId": item_id, "replaced": True, "answers": 1}
    held = held_answers(advance_sandbox, item_id)
    assert (list(held), held["CompanyName"]) == (["CompanyName"], "Initech")
    change = answer_file(tmp_path / "change.anx", Reference="CRM-1042")
    updated = run(env, "answers", "update", item_id, str(change))
    assert updated.exit_code == 0, updated.output
    assert "updated" in updated.stdout
    held = held_answers(advance_sandbox, item_id)
    assert (held["CompanyName"], held["Reference"]) == ("Initech", "CRM-1042")


def test_changing_answers_during_an_interview_exits_5(
    advance_sandbox: AdvanceSandbox, tmp_path: Path
) -> None:
    """While a version is in progress the server refuses (409): status 5, the message naming
    the statuses that allow it; an invalid answer file is refused first (status 2)."""
    env = environment(advance_sandbox)
    item_id = create(env, "Interview")
    assert run(env, "version", "create", item_id).exit_code == 0
    change = answer_file(tmp_path / "change.anx", Reference="CRM-1042")
    for command in ("replace", "update"):
        result = run(env, "--max-retries", "0", "answers", command, item_id, str(change))
        assert result.exit_code == 5
        assert "Completed, PostProcessingFailed or Saved" in result.stderr
    bad = tmp_path / "bad.anx"
    bad.write_text('<AnswerSet><Answer name="A"><TFValue>maybe</TFValue></Answer></AnswerSet>')
    refused = run(env, "answers", "update", item_id, str(bad))
    assert refused.exit_code == 2
    assert "answer 'A': 'maybe' is neither true nor false" in refused.stderr


# --- work-groups list, template-packages list -------------------------------------------------


def test_work_groups_are_listed(advance_sandbox: AdvanceSandbox) -> None:
    """work-groups list: the seed's two groups, as a table and as JSON."""
    env = environment(advance_sandbox)
    table = run(env, "work-groups", "list")
    assert table.exit_code == 0, table.output
    assert "Contracts" in table.stdout
    assert GROUP in table.stdout
    listed = [{"id": GROUP, "name": "Contracts"}, {"id": OTHER_GROUP, "name": "Examples"}]
    assert out(run(env, "work-groups", "list", "--json")) == listed
    assert out(run(env, "work-groups", "list", "--limit", "1", "--json")) == listed[:1]


def test_template_packages_are_listed_for_the_tenancy_or_a_work_group(
    advance_sandbox: AdvanceSandbox,
) -> None:
    """template-packages list: every package, or a work group's with --work-group; an unknown
    work group exits 4, a malformed id 2."""
    env = environment(advance_sandbox)
    every = out(run(env, "template-packages", "list", "--json"))
    assert isinstance(every, list)
    assert [package["id"] for package in every] == [PACKAGE, OTHER_PACKAGE]
    assert every[0]["workGroupIds"] == [GROUP]
    mine = out(run(env, "template-packages", "list", "--work-group", OTHER_GROUP, "--json"))
    assert mine == every[1:]
    table = run(env, "template-packages", "list", "--work-group", GROUP)
    assert "Contract renewal" in table.stdout
    assert "Example contract" not in table.stdout
    unknown = run(env, "template-packages", "list", "--work-group", str(uuid.uuid4()))
    assert unknown.exit_code == 4
    bad = run(env, "template-packages", "list", "--work-group", "x")
    assert bad.exit_code == 2
    assert "work_group_id: 'x' is not a GUID" in bad.stderr


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "says"),
    [
        (("work-item", "list"), "List the work items"),
        (("version", "create"), "Create a new version"),
        (("version", "complete"), "Complete an in-progress version"),
        (("version", "wait"), "Poll a version's status until it is final"),
        (("documents", "list"), "List a work item's assembled documents"),
        (("documents", "download"), "Download a work item's assembled documents"),
        (("answers", "get"), "Read a work item's current answers"),
        (("answers", "replace"), "Replace a work item's answers"),
        (("answers", "update"), "keeping its other answers"),
        (("work-groups", "list"), "List the work groups"),
        (("template-packages", "list"), "List the template packages"),
    ],
)
def test_every_new_command_has_help(command: tuple[str, ...], says: str) -> None:
    """Each command's --help shows its docstring and offers --json."""
    result = run(environment(None, COLUMNS="200"), *command, "--help")
    assert result.exit_code == 0
    assert says in result.stdout
    assert "--json" in result.stdout


@pytest.mark.parametrize("group", ["documents", "answers", "work-groups", "template-packages"])
def test_every_new_group_has_an_example(group: str) -> None:
    """Each new group's --help ends with an example that uses it."""
    result = run(environment(None, COLUMNS="200"), group, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert f"hotdocs-advance {group}" in result.stdout
