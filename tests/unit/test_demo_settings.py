"""The demo's configuration (scripts/_demo.py): sandboxes by default, real servers when asked."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.scripts import load_script

GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
ADVANCE = {
    "ADVANCE_BASE_URL": " https://tenancy1.hotdocsadvance.com/api/rest ",
    "ADVANCE_CLIENT_NAME": "my-client",
    "ADVANCE_PRINCIPAL_NAME": "my-principal",
    "ADVANCE_PRINCIPAL_PASSWORD": " pass word ",
    "ADVANCE_WORK_GROUP_ID": GROUP,
    "ADVANCE_TEMPLATE_PACKAGE_ID": PACKAGE,
}
INFOROUTER = {
    "INFOROUTER_URL": "https://server/srv.asmx",
    "INFOROUTER_USER": "jdoe",
    "INFOROUTER_PASSWORD": "jdoe-password",
    "INFOROUTER_PARENT_TASK_ID": "456",
}


@pytest.fixture(scope="module")
def demo() -> ModuleType:
    return load_script("_demo")


def test_nothing_set_runs_both_sandboxes(demo: ModuleType) -> None:
    """Without variables neither service has a real server, and callbacks are signed (hmac)."""
    settings = demo.read_settings({"PATH": "/usr/bin"})
    assert (settings.advance, settings.inforouter, settings.callback_scheme) == (None, None, "hmac")


def test_a_full_configuration_is_read(demo: ModuleType) -> None:
    """Every variable of both services set: both real, the assignee defaults to the user, a
    password is kept as given (blanks too) while other values lose surrounding blanks."""
    settings = demo.read_settings({**ADVANCE, **INFOROUTER, "DEMO_CALLBACK_SCHEME": "token"})
    assert settings.advance.base_url == "https://tenancy1.hotdocsadvance.com/api/rest"
    assert settings.advance.auth.password == " pass word "
    assert (settings.advance.work_group_id, settings.advance.template_package_id) == (
        GROUP,
        PACKAGE,
    )
    assert settings.inforouter == demo.InfoRouterSettings(
        "https://server/srv.asmx", "jdoe", "jdoe-password", 456, "jdoe"
    )
    assert settings.callback_scheme == "token"


def test_one_service_real_the_other_on_its_sandbox(demo: ModuleType) -> None:
    """Advance's variables alone leave infoRouter on its sandbox."""
    settings = demo.read_settings(ADVANCE)
    assert settings.advance is not None
    assert settings.inforouter is None


def test_a_wrong_callback_scheme_is_named(demo: ModuleType) -> None:
    """DEMO_CALLBACK_SCHEME other than hmac or token is refused, in sandbox mode too."""
    with pytest.raises(demo.ConfigurationError) as caught:
        demo.read_settings({"DEMO_CALLBACK_SCHEME": "md5"})
    assert str(caught.value) == (
        "these variables are not valid:\n"
        "  DEMO_CALLBACK_SCHEME='md5' is neither hmac nor token\n"
        "Set all of a service's variables, or none of them to run it on its local sandbox "
        "(scripts/demo --help lists every variable)."
    )


def test_a_blank_variable_counts_as_missing(demo: ModuleType) -> None:
    """A required variable set to blanks is named as not set."""
    with pytest.raises(
        demo.ConfigurationError,
        match="\n  ADVANCE_PRINCIPAL_PASSWORD  the service principal's password\n",
    ):
        demo.read_settings({**ADVANCE, "ADVANCE_PRINCIPAL_PASSWORD": "   "})
