"""Uses the SDK the way an application that vendored it does (run by test_vendoring.py).

This file is copied beside ``vendored_app/`` and run with ``python -S``, so that neither the
project's editable install nor any ``.pth`` file is seen: the SDK can only come from
``vendored_app/_vendor/``, whose imports ``vendoring sync`` rewrote. Every check raises on
failure; the last line printed is ``vendored SDK OK``.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import sys
from decimal import Decimal

from vendored_app._vendor import hotdocs_advance, inforouter  # type: ignore[import-not-found]
from vendored_app._vendor.hotdocs_advance import (  # type: ignore[import-not-found]
    AdvanceClient,
    AnswerSet,
    AsyncAdvanceClient,
    MultipleChoice,
    ServicePrincipal,
    validate_answer_xml,
)
from vendored_app._vendor.hotdocs_advance import sandbox as advance_sandbox
from vendored_app._vendor.inforouter import (  # type: ignore[import-not-found]
    InfoRouterClient,
    RelatedTaskRequest,
    RequirementType,
    TaskRequirement,
)
from vendored_app._vendor.inforouter import sandbox as inforouter_sandbox

# The top-level names of the wheel: none of them may be importable, before or after.
ORIGINAL_NAMES = (
    "hotdocs_advance",
    "hotdocs_advance_api",
    "inforouter",
    "inforouter_api",
    "_sandbox_kit",
    "_client_core",
)
# What the sandbox extra brings; importing the sandbox packages must not load it.
HEAVY = ("starlette", "uvicorn", "openapi_core", "yaml")

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
PARENT_TASK = 456


def assert_original_names_hidden() -> None:
    for name in ORIGINAL_NAMES:
        assert name not in sys.modules, f"{name} was imported under its own name"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        raise AssertionError(f"{name} is importable: the check would not prove anything")


def sample_answers() -> AnswerSet:
    answers = AnswerSet()
    answers["CompanyName"] = "ExampleCorp"
    answers["Amount"] = Decimal("1500.25")
    answers["Signed"] = datetime.date(2024, 1, 31)
    answers["Children"] = ["Ann", None, "Cy"]
    answers["Colour"] = MultipleChoice("Red", "Blue")
    return answers


def check_answer_sets() -> None:
    answers = sample_answers()
    xml = answers.to_xml()
    validate_answer_xml(xml)  # reads the answer-set XSD from the vendored package data
    assert AnswerSet.from_xml(xml) == answers
    try:
        validate_answer_xml("<AnswerSet><Answer/></AnswerSet>")
    except hotdocs_advance.AnswerSetError:
        pass
    else:
        raise AssertionError("an answer without a name passed the schema")


async def create_work_item_async(base_url: str, principal: ServicePrincipal) -> str:
    async with AsyncAdvanceClient(base_url, auth=principal, timeout=10.0) as client:
        work_item_id = await client.create_work_item(
            name="ExampleCorp (async)",
            work_group_id=GROUP,
            template_package_id=PACKAGE,
            answers=sample_answers(),
        )
    return str(work_item_id)


def check_advance() -> None:
    principal = ServicePrincipal("sandbox", "sandbox-principal", "sandbox-password")
    with advance_sandbox.AdvanceSandbox() as sandbox:
        with AdvanceClient(sandbox.base_url, auth=principal, timeout=10.0) as client:
            work_item_id = client.create_work_item(
                name="ExampleCorp",
                work_group_id=GROUP,
                template_package_id=PACKAGE,
                answers=sample_answers(),
            )
            assert client.get_work_item(work_item_id).name == "ExampleCorp"
        async_id = asyncio.run(create_work_item_async(sandbox.base_url, principal))
        assert async_id != str(work_item_id)


def check_inforouter() -> None:
    request = RelatedTaskRequest(
        "asmith",
        "Please review the related section.",
        datetime.date(2026, 5, 15),
        requirements=[TaskRequirement(RequirementType.APPROVAL)],
    )
    with inforouter_sandbox.InfoRouterSandbox() as sandbox:
        created = []
        for binding in ("soap11", "http-post"):
            client = InfoRouterClient(sandbox.base_url, binding=binding, timeout=10.0)
            with client, client.authenticate("jdoe", "jdoe-password") as session:
                created.append(session.create_related_task(PARENT_TASK, request).task_id)
        assert len(set(created)) == 2, created
        assert all(task_id in sandbox.state.tasks for task_id in created), created


def main() -> None:
    assert_original_names_hidden()
    loaded = [name for name in HEAVY if name in sys.modules]
    assert not loaded, f"importing the vendored sandbox packages loaded {loaded}"
    assert inforouter.__name__ == "vendored_app._vendor.inforouter"
    check_answer_sets()
    check_advance()
    check_inforouter()
    assert_original_names_hidden()
    print("vendored SDK OK")


if __name__ == "__main__":
    main()
