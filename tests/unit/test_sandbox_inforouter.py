"""The infoRouter sandbox in-process: seed format, WSDL coupling, task models, SOAP answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from inforouter.sandbox import DEFAULT_SEED, InfoRouterSeed, SeedError, create_app
from inforouter.sandbox._app import _slots
from inforouter.sandbox._models import RELATED_MODEL, ModelError, TaskModels
from inforouter.sandbox._operations import ROOTS, Answer
from inforouter.sandbox._seed import DEFAULT_SEED_DATA
from inforouter.sandbox._state import STATUSES, InfoRouterState
from inforouter.sandbox._wire import Wire, bare_answer
from inforouter_api import OPERATIONS, TASK_MODELS_XSD, WSDL
from lxml import etree

MINIMAL = {
    "users": [{"login": "ann", "password": "pw", "id": 7}],
    "documents": [{"id": 1, "path": "/L/doc.txt", "readers": ["ann"], "taskAssigners": ["ann"]}],
    "tasks": [{"id": 10, "document": "/L/doc.txt", "assignee": "ann", "assignedBy": "ann"}],
    "nextTaskId": 100,
}


# ---------------------------------------------------------------------- seed


def test_default_seed_serves_the_primary_examples() -> None:
    """The default seed has jdoe, asmith, task 456 (InProgress, jdoe's, from asmith) and ticket abc123."""
    seed = DEFAULT_SEED
    logins = {u.login: u.password for u in seed.users}
    assert logins["jdoe"] == "jdoe-password"
    assert logins["asmith"] == "asmith-password"
    assert seed.sysadmin_account_name in logins
    [task] = seed.tasks
    assert (task.id, task.status, task.assignee, task.assigned_by) == (
        456,
        "InProgress",
        "jdoe",
        "asmith",
    )
    assert seed.tickets == (("abc123", "jdoe"),)
    assert seed.next_task_id == 789
    assert seed.ticket_lifetime_hours == 720


def test_seed_repr_hides_passwords_and_tickets() -> None:
    """A seed's repr shows neither passwords nor pre-issued tickets."""
    text = repr(DEFAULT_SEED)
    assert "jdoe-password" not in text
    assert "abc123" not in text


@pytest.mark.parametrize("suffix", [".json", ".yml"])
def test_seed_files_replace_the_default_when_loaded(tmp_path: Path, suffix: str) -> None:
    """A JSON or YAML seed file read with InfoRouterSeed.load is the whole seed: it defines the
    users, documents and tasks (replacing the default, explicitly)."""
    path = tmp_path / f"seed{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(MINIMAL), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(MINIMAL), encoding="utf-8")
    state = create_app(InfoRouterSeed.load(path)).state
    assert list(state.users) == ["ann"]
    assert state.tasks[10].status == "InProgress"
    assert state.next_task_id == 100


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"documents": [{"id": 1, "path": "/L/doc.txt", "readers": ["bob"]}]},
            r"readers names unknown user 'bob'",
        ),
        ({"documents": [{"id": 1, "path": "doc.txt"}]}, "must be a full path"),
        (
            {"tasks": [{"id": 10, "document": "/Other", "assignee": "ann", "assignedBy": "ann"}]},
            "unknown document",
        ),
        (
            {
                "tasks": [
                    {
                        "id": 10,
                        "document": "/L/doc.txt",
                        "assignee": "ann",
                        "assignedBy": "ann",
                        "dueDate": "May 5",
                    }
                ]
            },
            r"dueDate must look like",
        ),
        ({"nextTaskId": 10}, "greater than every seeded task id"),
        (
            {
                "users": [
                    {"login": "ann", "password": "a", "id": 1},
                    {"login": "ANN", "password": "b", "id": 2},
                ]
            },
            "duplicate login",
        ),
        ({"redirections": {"ann": "zed"}}, "unknown user 'zed'"),
        ({"tickets": [{"ticket": "t", "user": "ann", "expires": 1}]}, "unknown keys: expires"),
    ],
)
def test_seed_errors_name_the_field(change: dict[str, Any], message: str) -> None:
    """Invalid seeds raise SeedError naming the field at fault."""
    with pytest.raises(SeedError, match=message):
        InfoRouterSeed.from_mapping({**MINIMAL, **change})


def test_unknown_task_status_is_a_seed_error() -> None:
    """A seeded task status outside the XSD's TaskStatusName is refused."""
    seed = InfoRouterSeed.from_mapping(
        {
            **MINIMAL,
            "tasks": [
                {
                    "id": 10,
                    "document": "/L/doc.txt",
                    "assignee": "ann",
                    "assignedBy": "ann",
                    "status": "Open",
                }
            ],
        }
    )
    with pytest.raises(SeedError, match="unknown status 'Open'"):
        InfoRouterState(seed)


def test_seed_file_errors_name_the_file(tmp_path: Path) -> None:
    """A bad seed file's error starts with the file's path."""
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"users": [{"login": "x"}]}), encoding="utf-8")
    with pytest.raises(SeedError, match=r"bad.json: seed.users\[0\].password is required"):
        InfoRouterSeed.load(path)
    assert DEFAULT_SEED_DATA["nextTaskId"] == 789


# ---------------------------------------------------------------------- WSDL coupling


def test_every_wsdl_operation_has_a_handler_and_root() -> None:
    """Each WSDL operation has a handler whose parameter types match, and an answer root."""
    slots = _slots()
    assert set(slots) == set(OPERATIONS) == set(ROOTS)
    for name, operation in OPERATIONS.items():
        assert [slot.parameter for slot in slots[name]] == list(operation.parameters)


def test_task_statuses_match_the_xsd() -> None:
    """The sandbox's task statuses are exactly the XSD's TaskStatusName."""
    assert set(TaskModels(TASK_MODELS_XSD.read_bytes()).enums["TaskStatusName"]) == STATUSES


def test_response_wrappers_come_from_the_wsdl() -> None:
    """The <Method>Response names and the service path are read from the WSDL."""
    wire = Wire(WSDL.read_bytes())
    assert wire.response_elements == {name: f"{name}Response" for name in OPERATIONS}
    assert wire.service_path == "/srv.asmx"


def test_soap_answer_keeps_the_answer_out_of_tempuri() -> None:
    """The answer element inside <MethodResult> carries xmlns="" (CHOICE) and keeps its children."""
    wire = Wire(WSDL.read_bytes())
    answer = Answer(True, {"ticket": "t"}, [etree.Element("Value")]).element("root")
    envelope = etree.fromstring(wire.soap_answer(OPERATIONS["AuthenticateUser"], "1.1", answer))
    [inner] = envelope.iter("root")
    assert inner.get("ticket") == "t"
    assert inner.find("Value") is not None
    assert bare_answer(answer).startswith(
        b'<?xml version="1.0" encoding="utf-8"?>\n<root success="true"'
    )


# ---------------------------------------------------------------------- task models


def test_model_is_reordered_and_completed_before_validation() -> None:
    """Elements in any order and omitted optional ones are accepted with the documented defaults."""
    models = TaskModels(TASK_MODELS_XSD.read_bytes())
    values = models.read(
        "<RelatedTaskRequestModel><SendToNotice>true</SendToNotice><DueDate>2026-05-15T00:00:00</DueDate>"
        "<RequestedAssigneeName>jdoe</RequestedAssigneeName></RelatedTaskRequestModel>",
        RELATED_MODEL,
    )
    assert values.text("Priority") == "Normal"
    assert values.number("ReminderTimeSpan") == 0
    assert values.flag("SendToNotice") is True
    assert values.requirements == ()


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("<TaskCreationRequestModel/>", "must be a RelatedTaskRequestModel"),
        ("<x:RelatedTaskRequestModel xmlns:x='urn:x'/>", "must be a RelatedTaskRequestModel"),
        (
            "<RelatedTaskRequestModel><DueDate>2026-05-15T00:00:00</DueDate></RelatedTaskRequestModel>",
            "RequestedAssigneeName",
        ),
        (
            "<RelatedTaskRequestModel><RequestedAssigneeName>j</RequestedAssigneeName><DueDate>2026-05-15</DueDate></RelatedTaskRequestModel>",
            "DueDate",
        ),
        (
            "<RelatedTaskRequestModel><RequestedAssigneeName>j</RequestedAssigneeName><DueDate>2026-05-15T00:00:00</DueDate><Colour>red</Colour></RelatedTaskRequestModel>",
            "Colour",
        ),
        (
            "<!DOCTYPE RelatedTaskRequestModel [<!ENTITY e 'jdoe'>]><RelatedTaskRequestModel><RequestedAssigneeName>&e;</RequestedAssigneeName></RelatedTaskRequestModel>",
            "entity",
        ),
    ],
)
def test_model_errors(xml: str, message: str) -> None:
    """Another root, a namespace, a missing required element, bad forms, unknown elements, entities."""
    with pytest.raises(ModelError, match=message):
        TaskModels(TASK_MODELS_XSD.read_bytes()).read(xml, RELATED_MODEL)
