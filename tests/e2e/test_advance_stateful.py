"""A stateful property test: random sequences of public calls against the Advance sandbox.

Hypothesis drives ``AdvanceClient`` through creates, sessions, v2.0 versions (create, complete,
create-and-assemble, save-and-close) and public links, on a few names and ids so that calls
collide, each call with or without one fault forced on its first request (429, 503, a dropped
connection, or an answer lost after the sandbox applied the request). After every call the
machine compares what the client reported with what the sandbox holds:

- a call that returned normally left the state it promises (a create: every member it set is
  held; a complete (v1.1 or v2.0): no session is active and the version is completed; a
  save-and-close: the version is saved and the result says so);
- a ``ConflictError`` changed nothing, and was not the answer to an identical repeat or to a
  state change the server could make;
- no other exception escapes, and every forced fault was spent on the call it was forced for.

Bounded (a few dozen sequences of a few steps) so that it stays a few seconds long.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from _client_core import _retry as core_retry
from hotdocs_advance import AdvanceClient, AnswerSet, ConflictError, ServicePrincipal
from hotdocs_advance.sandbox import AdvanceSandbox
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)

GROUP = uuid.UUID("cb97f8d6-04a1-490a-aa09-92af12dfb305")
PACKAGE = uuid.UUID("0ef6a9be-b007-4d7d-83f1-9d56f931cd0f")
PRINCIPAL = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
COMPLETED = frozenset({"Completing", "Completed", "PostProcessingFailed"})
SAVED = frozenset({"Saving", "Saved"})
IN_PROGRESS = "InProgress"
FAULTS = st.sampled_from([None, None, "unavailable", "rate_limit", "drop", "lost_response"])
NAMES = st.sampled_from(["Alpha", "Beta", "Gamma"])
DESCRIPTIONS = st.sampled_from([None, "first", "second"])
FLAGS = st.sampled_from([None, True, False])

R = TypeVar("R")


def answer_set(company: str, amount: str) -> AnswerSet:
    answers = AnswerSet()
    answers["CompanyName"] = company
    answers["Amount"] = Decimal(amount)
    answers["Regions"] = ["North", None, "West"]
    return answers


ANSWERS = st.sampled_from(
    [None, answer_set("ExampleCorp", "1500.50"), answer_set("OtherCorp", "1500.50")]
)

Snapshot = dict[str, dict[uuid.UUID, Any]]


def snapshot(sandbox: AdvanceSandbox) -> Snapshot:
    """What the sandbox holds, as plain values (copied under its lock)."""
    state = sandbox.state
    with state.lock:
        return {
            "items": {
                item_id: (
                    dict(item.request),
                    item.active_version_id,
                    item.latest_version_id,
                    {version_id: v.status for version_id, v in item.versions.items()},
                )
                for item_id, item in state.work_items.items()
            },
            "links": {link_id: dict(link.request) for link_id, link in state.public_links.items()},
        }


class AdvanceMachine(RuleBasedStateMachine):
    """Random public calls on one client; the sandbox is the oracle (see the module docstring)."""

    sandbox: AdvanceSandbox
    items = Bundle("items")
    versions = Bundle("versions")
    links = Bundle("links")

    def __init__(self) -> None:
        super().__init__()
        self.client = AdvanceClient(self.sandbox.base_url, auth=PRINCIPAL, timeout=5.0)

    def teardown(self) -> None:
        self.client.close()

    @initialize(repeat=st.sampled_from(["upsert", "reject"]))
    def start(self, repeat: str) -> None:
        self.sandbox.reset(public_link_repeat=repeat)
        self.repeat = repeat

    # -- sending ----------------------------------------------------------------------------

    def send(self, fault: str | None, call: Callable[[], R]) -> tuple[R | None, Snapshot]:
        """Force the fault on the call's first request, send it; return (result, before).

        The result is None when the call raised ConflictError; any other error fails the test.
        """
        before = snapshot(self.sandbox)
        if fault is not None:
            self.sandbox.faults.force(fault)  # type: ignore[arg-type]
        result: R | None = None
        try:
            result = call()
        except ConflictError:
            refused = True
        else:
            refused = False
        if refused:
            assert snapshot(self.sandbox) == before, "a ConflictError changed the state"
        assert self.sandbox.faults.pending == 0, "the forced fault was not spent on this call"
        return result, before

    # -- work items -------------------------------------------------------------------------

    @rule(
        target=items,
        reuse=st.none() | items,
        name=NAMES,
        description=DESCRIPTIONS,
        answers=ANSWERS,
        private=FLAGS,
        complete=FLAGS,
        fault=FAULTS,
    )
    def create_work_item(
        self,
        reuse: uuid.UUID | None,
        name: str,
        description: str | None,
        answers: AnswerSet | None,
        private: bool | None,
        complete: bool | None,
        fault: str | None,
    ) -> Any:
        item_id = reuse or uuid.uuid4()
        arguments: dict[str, Any] = {
            "name": name,
            "work_group_id": GROUP,
            "template_package_id": PACKAGE,
            "description": description,
            "answers": answers,
            "is_private_to_owner": private,
            "complete_assembly_session": complete,
        }
        created, before = self.send(
            fault, lambda: self.client.create_work_item(**arguments, work_item_id=item_id)
        )
        full = {
            "name": name,
            "description": description,
            "workGroupId": GROUP,
            "templatePackageId": PACKAGE,
            "answerXml": answers.to_xml() if answers is not None else None,
            "assembleImmediately": False,
            "completeAssemblySession": bool(complete),
            "isPrivateToOwner": bool(private),
        }
        if created is None:
            held = before["items"].get(item_id)
            if held is None:
                names = [request["name"] for request, *_ in before["items"].values()]
                assert name in names, "a create refused with neither its id nor its name taken"
            else:
                assert held[0] != full, "an identical repeat was refused"
            return multiple()
        assert created == item_id
        # Every member the call set is held (the members it left out are not promised).
        promised = {member: full[member] for member in ("name", "workGroupId", "templatePackageId")}
        for member, given in (
            ("description", description),
            ("isPrivateToOwner", private),
            ("completeAssemblySession", complete),
        ):
            if given is not None:
                promised[member] = full[member]
        held_request = self.sandbox.state.work_items[item_id].request
        for member, value in promised.items():
            assert held_request[member] == value, f"{member} reported done but not held"
        if answers is not None:
            assert AnswerSet.from_xml(str(held_request["answerXml"])) == answers, "answers"
        return multiple() if reuse is not None else item_id

    @rule(item_id=items, fault=FAULTS)
    def get_work_item(self, item_id: uuid.UUID, fault: str | None) -> None:
        found, _ = self.send(fault, lambda: self.client.get_work_item(item_id))
        held = self.sandbox.state.work_items[item_id]
        assert found is not None
        assert (found.id, found.name, found.description, found.status) == (
            item_id,
            held.name,
            held.description,
            held.status,
        )

    # -- sessions ---------------------------------------------------------------------------

    @rule(target=versions, item_id=items, force=st.booleans(), answers=ANSWERS, fault=FAULTS)
    def begin_assembly_session(
        self, item_id: uuid.UUID, force: bool, answers: AnswerSet | None, fault: str | None
    ) -> Any:
        session, before = self.send(
            fault,
            lambda: self.client.begin_assembly_session(
                item_id, answers=answers, force_create=force
            ),
        )
        if session is None:
            assert not force, "a forced begin was refused"
            assert before["items"][item_id][1] is not None, "a begin was refused with no session"
            return multiple()
        item = self.sandbox.state.work_items[item_id]
        assert item.active_version_id == session.version_id
        assert item.versions[session.version_id].status == IN_PROGRESS
        return (item_id, session.version_id)

    @rule(item_id=items, fault=FAULTS)
    def save_assembly_session(self, item_id: uuid.UUID, fault: str | None) -> None:
        def save() -> bool:
            self.client.save_assembly_session(item_id)
            return True

        saved, before = self.send(fault, save)
        had_session = before["items"][item_id][1] is not None
        assert (saved is not None) == had_session, "save reported against the session state"

    @rule(item_id=items, run_assembly=st.booleans(), fault=FAULTS)
    def complete_assembly_session(
        self, item_id: uuid.UUID, run_assembly: bool, fault: str | None
    ) -> None:
        def complete() -> bool:
            self.client.complete_assembly_session(item_id, run_assembly=run_assembly)
            return True

        done, before = self.send(fault, complete)
        active_before = before["items"][item_id][1]
        item = self.sandbox.state.work_items[item_id]
        if done is None:
            assert active_before is None, "a complete the server could make was refused"
            return
        assert item.active_version_id is None
        assert item.status in COMPLETED, "complete reported done but no session is completed"
        if active_before is not None:
            assert item.versions[active_before].status in COMPLETED
        else:  # only a retry may meet a completed session it did not complete itself
            assert fault is not None

    @rule(version=versions, fault=FAULTS)
    def save_and_close(self, version: tuple[uuid.UUID, uuid.UUID], fault: str | None) -> None:
        item_id, version_id = version
        result, before = self.send(fault, lambda: self.client.save_and_close(item_id, version_id))
        status_before = before["items"][item_id][3][version_id]
        status = self.sandbox.state.work_items[item_id].versions[version_id].status
        if result is None:
            assert status_before != IN_PROGRESS, "a save-and-close the server could make refused"
            return
        assert status in SAVED, "save-and-close reported done but the version is not saved"
        assert result.status == status
        # Only a retry may meet a version saved before it (and take it as its own doing).
        assert status_before == IN_PROGRESS or fault is not None

    # -- v2.0 versions (issue 14) -------------------------------------------------------------

    @rule(target=versions, item_id=items, force=st.booleans(), answers=ANSWERS, fault=FAULTS)
    def create_version(
        self, item_id: uuid.UUID, force: bool, answers: AnswerSet | None, fault: str | None
    ) -> Any:
        result, before = self.send(
            fault,
            lambda: self.client.create_version(item_id, answers=answers, force_create=force),
        )
        if result is None:
            assert not force, "a forced create was refused"
            assert before["items"][item_id][1] is not None, "a create refused with none active"
            return multiple()
        item = self.sandbox.state.work_items[item_id]
        assert item.active_version_id == result.version_id
        assert item.versions[result.version_id].status == IN_PROGRESS == result.status
        assert not result.accepted, "a create that finished in time reported as accepted"
        return (item_id, result.version_id)

    @rule(version=versions, fault=FAULTS)
    def complete_version(self, version: tuple[uuid.UUID, uuid.UUID], fault: str | None) -> None:
        item_id, version_id = version
        result, before = self.send(fault, lambda: self.client.complete_version(item_id, version_id))
        status_before = before["items"][item_id][3][version_id]
        status = self.sandbox.state.work_items[item_id].versions[version_id].status
        if result is None:
            assert status_before != IN_PROGRESS, "a complete the server could make was refused"
            return
        assert status in COMPLETED, "complete reported done but the version is not completed"
        assert (result.version_id, result.status) == (version_id, status)
        # Only a retry may meet a version completed before it (and take it as its own doing).
        assert status_before == IN_PROGRESS or fault is not None

    @rule(item_id=items, force=st.booleans(), answers=ANSWERS, fault=FAULTS)
    def create_and_assemble(
        self, item_id: uuid.UUID, force: bool, answers: AnswerSet | None, fault: str | None
    ) -> None:
        result, before = self.send(
            fault,
            lambda: self.client.create_and_assemble(item_id, answers=answers, force_create=force),
        )
        item = self.sandbox.state.work_items[item_id]
        if result is None:
            assert not force, "a forced create-and-assemble was refused"
            assert before["items"][item_id][1] is not None, "refused with no version active"
            return
        assert result.version_id not in before["items"][item_id][3], "an old version reported"
        assert item.versions[result.version_id].status == result.status
        assert result.status in COMPLETED
        if answers is not None:
            held = item.versions[result.version_id].answer_xml
            assert AnswerSet.from_xml(held or "") == answers, "assembled from other answers"

    # -- public links -----------------------------------------------------------------------

    @rule(
        target=links,
        reuse=st.none() | links,
        name=NAMES,
        active=st.booleans(),
        fault=FAULTS,
    )
    def create_public_interview_link(
        self, reuse: uuid.UUID | None, name: str, active: bool, fault: str | None
    ) -> Any:
        link_id = reuse or uuid.uuid4()
        created, before = self.send(
            fault,
            lambda: self.client.create_public_interview_link(
                name=name,
                template_package_id=PACKAGE,
                work_group_id=GROUP,
                is_active=active,
                link_id=link_id,
            ),
        )
        sent = {
            "name": name,
            "templatePackageId": PACKAGE,
            "workGroupId": GROUP,
            "isActive": active,
        }
        if created is None:
            assert self.repeat == "reject", "a link was refused under upsert"
            assert before["links"].get(link_id) not in (None, sent), "an identical link refused"
            return multiple()
        assert self.sandbox.state.public_links[link_id].request == sent, "link not as reported"
        return multiple() if reuse is not None else link_id

    @rule(link_id=links, fault=FAULTS)
    def delete_public_interview_link(self, link_id: uuid.UUID, fault: str | None) -> None:
        self.send(fault, lambda: self.client.delete_public_interview_link(link_id))
        assert link_id not in self.sandbox.state.public_links

    # -- always -----------------------------------------------------------------------------

    @invariant()
    def names_are_unique(self) -> None:
        names = [item.name for item in self.sandbox.state.work_items.values()]
        assert len(names) == len(set(names)), "a work item was created twice"


@pytest.fixture
def machine_on_sandbox(
    advance_sandbox: AdvanceSandbox, monkeypatch: pytest.MonkeyPatch
) -> type[AdvanceMachine]:
    """The machine, bound to the session's sandbox, with retry waits switched off."""
    monkeypatch.setattr(core_retry, "sleep", lambda seconds: None)
    monkeypatch.setattr(AdvanceMachine, "sandbox", advance_sandbox, raising=False)
    return AdvanceMachine


def test_random_call_sequences_report_what_the_server_holds(
    machine_on_sandbox: type[AdvanceMachine],
) -> None:
    """Random sequences of public calls, with and without a fault forced on the first request
    of each, never report a result the sandbox's state contradicts (see the module docstring)."""
    run_state_machine_as_test(
        machine_on_sandbox,
        settings=settings(
            max_examples=40,
            stateful_step_count=12,
            deadline=None,
            derandomize=True,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
