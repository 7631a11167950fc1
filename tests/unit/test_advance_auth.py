"""Service-principal log-in, token refresh on 401, and secrets kept out of logs and reprs."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import AsyncIterator, Iterator

import anyio
import httpx
import pytest
import respx
from hotdocs_advance import (
    MAX_RESPONSE_BYTES,
    AdvanceClient,
    APIResponseValidationError,
    AsyncAdvanceClient,
    AuthenticationError,
    BadRequestError,
    InvalidArgumentError,
    NotFoundError,
    ServicePrincipal,
)

from tests.clock import record_sleeps

WORK_ITEM = "2d9f3d10-6fdb-494f-9929-955515c6f114"
GROUP = "cb97f8d6-04a1-490a-aa09-92af12dfb305"
PACKAGE = "0ef6a9be-b007-4d7d-83f1-9d56f931cd0f"
CLOUD = "https://tenancy1.hotdocsadvance.com/api/rest"
CLOUD_LOGIN = "https://tenancy1.hotdocsadvance.com/auth/Authorize/ServicePrincipalLogIn"
ON_PREMISE = "https://tenancy1.example.org/HdaApi/rest"
ON_PREMISE_LOGIN = "https://tenancy1.example.org/HdaAuth/Authorize/ServicePrincipalLogIn"
PASSWORD = "pw-Sup3r-secret"
PRINCIPAL = ServicePrincipal("ExampleClient", "robot", PASSWORD)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def router() -> Iterator[respx.Router]:
    with respx.mock(assert_all_called=False) as mock:
        yield mock


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    return record_sleeps(monkeypatch)


def tokens(*values: str) -> list[httpx.Response]:
    return [
        httpx.Response(200, text=value, headers={"Content-Type": "text/plain"}) for value in values
    ]


def test_login_posts_the_documented_json_and_sends_the_token(router: respx.Router) -> None:
    """The log-in POSTs ClientName/PrincipalName/PrincipalPassword; calls carry Bearer <token>."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=tokens("tok-1"))
    api = router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(200, json={})
    )
    with AdvanceClient.cloud("tenancy1", auth=PRINCIPAL) as client:
        client.get_work_item(WORK_ITEM)
        client.get_work_item(WORK_ITEM)
    assert login.call_count == 1
    request = login.calls.last.request
    assert json.loads(request.content) == {
        "ClientName": "ExampleClient",
        "PrincipalName": "robot",
        "PrincipalPassword": PASSWORD,
    }
    assert "Authorization" not in request.headers
    assert [call.request.headers["Authorization"] for call in api.calls] == ["Bearer tok-1"] * 2


def test_the_login_uses_the_calls_timeout(router: respx.Router) -> None:
    """The log-in request carries the same timeout as the call that needed it."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=tokens("tok"))
    router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(200, json={})
    )
    with AdvanceClient(CLOUD, auth=PRINCIPAL, timeout=4.0) as client:
        client.get_work_item(WORK_ITEM)
    assert login.calls.last.request.extensions["timeout"]["read"] == 4.0


@pytest.mark.parametrize(
    ("base", "auth_url", "login_url"),
    [
        (CLOUD, None, CLOUD_LOGIN),
        (ON_PREMISE, None, ON_PREMISE_LOGIN),
        (
            "https://host.example/x/hdaapi/rest/",
            None,
            "https://host.example/x/HdaAuth/Authorize/ServicePrincipalLogIn",
        ),
        (
            "http://127.0.0.1:8123/api/rest",
            None,
            "http://127.0.0.1:8123/auth/Authorize/ServicePrincipalLogIn",
        ),
        (
            "https://api.example/rest",
            "https://login.example/auth/",
            "https://login.example/auth/Authorize/ServicePrincipalLogIn",
        ),
    ],
)
def test_the_login_url_is_derived_or_given(
    router: respx.Router, base: str, auth_url: str | None, login_url: str
) -> None:
    """/api/rest logs in at /auth, /HdaApi/rest at /HdaAuth, and auth_url overrides both."""
    login = router.post(login_url).mock(side_effect=tokens("tok"))
    router.delete(url__regex=r".*/PublicInterviewLinks/.*").mock(return_value=httpx.Response(204))
    with AdvanceClient(base, auth=PRINCIPAL, auth_url=auth_url) as client:
        client.delete_public_interview_link(WORK_ITEM)
    assert login.called


def test_a_login_url_that_cannot_be_derived_must_be_given() -> None:
    """A base URL not ending in /api/rest or /HdaApi/rest needs auth_url for a service principal."""
    with pytest.raises(InvalidArgumentError) as caught:
        AdvanceClient("https://api.example/rest", auth=PRINCIPAL)
    assert caught.value.argument == "auth_url"
    AdvanceClient("https://api.example/rest", auth="token").close()


def test_a_401_logs_in_again_once_and_replays(router: respx.Router) -> None:
    """When the cached token is refused, the client logs in again and repeats the request."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=tokens("old", "new"))
    api = router.put(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}/Versions/Active/SaveSession").mock(
        side_effect=[httpx.Response(200), httpx.Response(401), httpx.Response(200)]
    )
    with AdvanceClient(CLOUD, auth=PRINCIPAL) as client:
        client.save_assembly_session(WORK_ITEM)
        client.save_assembly_session(WORK_ITEM)
    assert login.call_count == 2
    assert [call.request.headers["Authorization"] for call in api.calls] == [
        "Bearer old",
        "Bearer old",
        "Bearer new",
    ]
    assert [json.loads(call.request.content) for call in api.calls] == [{}, {}, {}]


def test_a_second_401_raises_authentication_error_without_looping(router: respx.Router) -> None:
    """If the fresh token is refused too, AuthenticationError is raised after one re-login."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=tokens("a", "b", "c"))
    api = router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=httpx.Response(401))
    with AdvanceClient(CLOUD, auth=PRINCIPAL) as client, pytest.raises(AuthenticationError):
        client.get_work_item(WORK_ITEM)
    assert (login.call_count, api.call_count) == (2, 2)


def test_a_refused_login_raises_authentication_error(router: respx.Router) -> None:
    """A log-in answered 401 raises AuthenticationError; the API is never called."""
    router.post(CLOUD_LOGIN).mock(
        return_value=httpx.Response(401, json={"title": "bad credentials"})
    )
    api = router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(200, json={})
    )
    with (
        AdvanceClient(CLOUD, auth=PRINCIPAL) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.get_work_item(WORK_ITEM)
    assert caught.value.status_code == 401
    assert caught.value.url == CLOUD_LOGIN
    assert "check the client name" in str(caught.value)
    assert PASSWORD not in str(caught.value)
    assert not api.called


def test_a_login_that_fails_on_the_server_side_is_retried(
    router: respx.Router, no_sleep: list[float]
) -> None:
    """A log-in answered 503 is retried like any call, then succeeds."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=[httpx.Response(503), *tokens("tok")])
    router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(200, json={})
    )
    with AdvanceClient(CLOUD, auth=PRINCIPAL) as client:
        client.get_work_item(WORK_ITEM)
    assert login.call_count == 2
    assert len(no_sleep) == 1


@pytest.mark.parametrize(
    ("body", "sent"), [('"quoted-token"', "quoted-token"), ("  spaced-token\r\n", "spaced-token")]
)
def test_token_bodies_are_unwrapped(router: respx.Router, body: str, sent: str) -> None:
    """CHOICE: a JSON-encoded token is unquoted; surrounding white space is dropped."""
    router.post(CLOUD_LOGIN).mock(side_effect=tokens(body))
    api = router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(200, json={})
    )
    with AdvanceClient(CLOUD, auth=PRINCIPAL) as client:
        client.get_work_item(WORK_ITEM)
    assert api.calls.last.request.headers["Authorization"] == f"Bearer {sent}"


@pytest.mark.parametrize("body", ["", "   ", "two words", '""', "tok\u00e9n"])
def test_an_unusable_token_raises_authentication_error(router: respx.Router, body: str) -> None:
    """An empty token, or one that cannot go in a header, raises AuthenticationError."""
    router.post(CLOUD_LOGIN).mock(return_value=httpx.Response(200, text=body))
    with (
        AdvanceClient(CLOUD, auth=PRINCIPAL) as client,
        pytest.raises(AuthenticationError, match="usable token"),
    ):
        client.get_work_item(WORK_ITEM)


def test_a_refused_fixed_token_raises_authentication_error(router: respx.Router) -> None:
    """With a fixed token there is nothing to refresh: a 401 raises AuthenticationError."""
    api = router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(return_value=httpx.Response(401))
    with AdvanceClient(CLOUD, auth="  fixed-token  ") as client, pytest.raises(AuthenticationError):
        client.get_work_item(WORK_ITEM)
    assert api.calls.last.request.headers["Authorization"] == "Bearer fixed-token"
    assert api.call_count == 1


def test_concurrent_threads_log_in_once(router: respx.Router) -> None:
    """Eight threads starting at once share one log-in."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=tokens(*[f"tok-{n}" for n in range(8)]))
    router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        return_value=httpx.Response(200, json={})
    )
    client = AdvanceClient(CLOUD, auth=PRINCIPAL)
    start = threading.Barrier(8)
    failures: list[BaseException] = []

    def work() -> None:
        start.wait()
        try:
            client.get_work_item(WORK_ITEM)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    client.close()
    assert failures == []
    assert login.call_count == 1


@pytest.mark.anyio
async def test_async_login_refresh_and_concurrency(router: respx.Router) -> None:
    """The async client logs in once for concurrent tasks, and again once after a 401."""
    login = router.post(CLOUD_LOGIN).mock(side_effect=tokens("first", "second"))
    api = router.get(f"{CLOUD}/v1.1/WorkItems/{WORK_ITEM}").mock(
        side_effect=[httpx.Response(200, json={})] * 5
        + [httpx.Response(401), httpx.Response(200, json={})]
    )
    async with AsyncAdvanceClient(CLOUD, auth=PRINCIPAL) as client:
        async with anyio.create_task_group() as group:
            for _ in range(5):
                group.start_soon(client.get_work_item, WORK_ITEM)
        await client.get_work_item(WORK_ITEM)
    assert login.call_count == 2
    assert api.calls.last.request.headers["Authorization"] == "Bearer second"


@pytest.mark.anyio
async def test_async_refused_login_raises_authentication_error(router: respx.Router) -> None:
    """The async client raises AuthenticationError for a refused log-in."""
    router.post(CLOUD_LOGIN).mock(return_value=httpx.Response(403))
    async with AsyncAdvanceClient(CLOUD, auth=PRINCIPAL) as client:
        with pytest.raises(AuthenticationError):
            await client.get_work_item(WORK_ITEM)


@pytest.mark.parametrize(
    ("fields", "argument"),
    [
        (("", "p", "x"), "auth.client_name"),
        (("c", " ", "x"), "auth.principal_name"),
        (("c", "p", ""), "auth.password"),
        (("c", "p", " \t "), "auth.password"),
        (("c", "p", 5), "auth.password"),
    ],
)
def test_service_principal_fields_must_be_non_empty(
    fields: tuple[object, ...], argument: str
) -> None:
    """Empty or non-str credentials raise InvalidArgumentError naming the field."""
    with pytest.raises(InvalidArgumentError) as caught:
        ServicePrincipal(*fields)  # type: ignore[arg-type]
    assert caught.value.argument == argument


def test_reprs_never_show_the_password_or_token() -> None:
    """repr() of a ServicePrincipal, its log-in and the clients leaves out password and token."""
    assert (
        repr(PRINCIPAL) == "ServicePrincipal(client_name='ExampleClient', principal_name='robot')"
    )
    client = AdvanceClient(CLOUD, auth=PRINCIPAL)
    assert PASSWORD not in repr(client)
    assert PASSWORD not in repr(client._auth)
    client.close()
    token_client = AdvanceClient(CLOUD, auth="tok-secret-value")
    assert "tok-secret-value" not in repr(token_client)
    token_client.close()


def test_secrets_never_reach_any_log_record(
    router: respx.Router, caplog: pytest.LogCaptureFixture
) -> None:
    """At DEBUG, for every logger, a log-in, refresh, retry and error never log a secret."""
    router.post(CLOUD_LOGIN).mock(side_effect=tokens("tok-AAA", "tok-BBB"))
    router.put(url__regex=r".*/SaveAndClose$").mock(
        side_effect=[
            httpx.Response(401),
            httpx.Response(503),
            httpx.Response(400, json={"detail": "no"}),
        ]
    )
    with (
        caplog.at_level(logging.DEBUG),
        AdvanceClient(CLOUD, auth=PRINCIPAL) as client,
        pytest.raises(BadRequestError) as caught,
    ):
        client.save_and_close(
            WORK_ITEM, WORK_ITEM, callback_url="https://cb.example/", callback_secret="cb-SECRET"
        )
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "hotdocs_advance" in {record.name for record in caplog.records}
    for secret in (PASSWORD, "tok-AAA", "tok-BBB", "cb-SECRET"):
        assert secret not in text
        assert secret not in str(caught.value)


class EndlessToken:
    """A log-in answer body with no declared length that goes on far past the cap."""

    def __init__(self) -> None:
        self.sent = 0

    def chunks(self) -> Iterator[bytes]:
        chunk = b"t" * 65536
        while self.sent < 4 * MAX_RESPONSE_BYTES:
            self.sent += len(chunk)
            yield chunk

    async def achunks(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks():
            yield chunk


def test_an_oversized_login_answer_is_refused_unread(router: respx.Router) -> None:
    """A log-in answer past MAX_RESPONSE_BYTES raises APIResponseValidationError, not buffered."""
    body = EndlessToken()
    router.post(CLOUD_LOGIN).mock(return_value=httpx.Response(200, content=body.chunks()))
    with (
        AdvanceClient(CLOUD, auth=PRINCIPAL) as client,
        pytest.raises(APIResponseValidationError, match="larger than"),
    ):
        client.get_work_item(WORK_ITEM)
    assert body.sent <= MAX_RESPONSE_BYTES + 65536


@pytest.mark.anyio
async def test_an_oversized_login_answer_is_refused_unread_async(router: respx.Router) -> None:
    """The async client refuses an oversized log-in answer the same way."""
    body = EndlessToken()
    router.post(CLOUD_LOGIN).mock(return_value=httpx.Response(200, content=body.achunks()))
    async with AsyncAdvanceClient(CLOUD, auth=PRINCIPAL) as client:
        with pytest.raises(APIResponseValidationError, match="larger than"):
            await client.get_work_item(WORK_ITEM)
    assert body.sent <= MAX_RESPONSE_BYTES + 65536


@pytest.mark.parametrize("status", [404, 405])
def test_a_login_answered_404_says_no_login_endpoint_was_found(
    router: respx.Router, status: int
) -> None:
    """A log-in URL that answers 404 (or 405) found no log-in endpoint: the error says so and
    points at the base URL, instead of asking to check the credentials."""
    router.post(CLOUD_LOGIN).mock(return_value=httpx.Response(status, text="Not Found"))
    with AdvanceClient(CLOUD, auth=PRINCIPAL) as client, pytest.raises(NotFoundError) as caught:
        client.get_work_item(WORK_ITEM)
    message = str(caught.value)
    assert message.startswith(
        f"service principal log-in at {CLOUD_LOGIN} answered {status}: no log-in endpoint was "
        "found at that URL (the credentials were not checked); the base URL should end in "
        "/api/rest or /HdaApi/rest, or pass auth_url"
    )
    assert "check the client name" not in message
    assert caught.value.status_code == status
    assert PASSWORD not in message


@pytest.mark.parametrize(
    "headers", [{"content-type": "text/html; charset=utf-8"}, {}], ids=["text/html", "no-type"]
)
def test_an_html_page_at_the_login_is_not_the_login(
    router: respx.Router, headers: dict[str, str]
) -> None:
    """A log-in answered 200 with an HTML page raises APIResponseValidationError naming the URL
    and the log-in's expected place, not a token error."""
    router.post(CLOUD_LOGIN).mock(
        return_value=httpx.Response(
            200, content=b"<!DOCTYPE html><html><body>Welcome</body></html>", headers=headers
        )
    )
    with (
        AdvanceClient(CLOUD, auth=PRINCIPAL) as client,
        pytest.raises(APIResponseValidationError) as caught,
    ):
        client.get_work_item(WORK_ITEM)
    message = str(caught.value)
    assert message.startswith(f"POST {CLOUD_LOGIN} answered 200 with a body ")
    assert (
        "this does not look like the HotDocs Advance log-in: the log-in URL (auth_url) should "
        "end in /auth or /HdaAuth"
    ) in message
