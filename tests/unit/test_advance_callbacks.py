"""verify_callback: both schemes, constant-time checks, typed errors, the spec's callback."""

from __future__ import annotations

import hashlib
import hmac
import json
import pickle
import uuid
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import yaml
from hotdocs_advance import (
    AdvanceError,
    CallbackEvent,
    CallbackVerificationError,
    InvalidArgumentError,
    verify_callback,
)
from hotdocs_advance import _callbacks as callbacks
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import Headers

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "hotdocs-advance.openapi.yaml"
SECRET = "k3y-\u00e9-secret"
WORK_ITEM = uuid.UUID("2d9f3d10-6fdb-494f-9929-955515c6f114")
VERSION = uuid.UUID("7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f")
BODY = json.dumps(
    {"workItemId": str(WORK_ITEM), "versionId": str(VERSION), "status": "Saved"},
    separators=(",", ":"),
).encode()


def hmac_header(body: bytes = BODY, secret: str = SECRET) -> str:
    """The signature computed here, independently of the module under test."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def test_hmac_scheme_verifies_and_returns_the_typed_event() -> None:
    """A body signed with the secret gives a CallbackEvent of its work item, version and status."""
    event = verify_callback({"X-HotDocs-Signature": hmac_header()}, BODY, SECRET)
    assert isinstance(event, CallbackEvent)
    assert (event.work_item_id, event.version_id, event.status) == (WORK_ITEM, VERSION, "Saved")
    assert event.is_final
    assert event.extra == {}


def test_token_scheme_verifies_with_and_without_bearer() -> None:
    """scheme="token" accepts Authorization: Bearer <secret>, or the bare secret."""
    token = "t0ken-secret"
    for value in (f"Bearer {token}", f"bearer  {token}", token):
        event = verify_callback({"Authorization": value}, BODY, token, scheme="token")
        assert event.version_id == VERSION


def test_the_event_is_frozen() -> None:
    """A CallbackEvent cannot be changed after verification."""
    event = verify_callback({"X-HotDocs-Signature": hmac_header()}, BODY, SECRET)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.status = "Completed"  # type: ignore[misc]


@pytest.mark.parametrize(
    "headers",
    [
        {"x-hotdocs-signature": hmac_header()},
        {"X-HOTDOCS-SIGNATURE": hmac_header()},
        {b"x-HotDocs-Signature": hmac_header().encode()},
        httpx.Headers({"X-Hotdocs-Signature": hmac_header()}),
        Headers(raw=[(b"x-hotdocs-signature", hmac_header().encode())]),
    ],
    ids=["lower", "upper", "bytes", "httpx", "starlette"],
)
def test_header_names_match_in_any_case_and_any_mapping(headers: Any) -> None:
    """A plain dict in any case, bytes pairs, httpx.Headers and starlette Headers all verify."""
    assert verify_callback(headers, BODY, SECRET).status == "Saved"


def test_upper_case_hex_is_accepted() -> None:
    """The hex digest compares without regard to case."""
    assert verify_callback({"X-HotDocs-Signature": hmac_header().upper()}, BODY, SECRET)


def failure(headers: Any, body: bytes = BODY, secret: str = SECRET, **kwargs: Any) -> str:
    with pytest.raises(CallbackVerificationError) as caught:
        verify_callback(headers, body, secret, **kwargs)
    message = str(caught.value)
    assert secret not in message
    assert secret not in repr(caught.value)
    return message


def test_a_wrong_secret_is_refused() -> None:
    """A signature made with another secret raises CallbackVerificationError, secret-free."""
    message = failure({"X-HotDocs-Signature": hmac_header(secret="other")})
    assert "does not match" in message


def test_a_tampered_body_is_refused() -> None:
    """Changing one byte of the signed body breaks the signature."""
    tampered = BODY.replace(b"Saved", b"Saves")
    assert "does not match" in failure({"X-HotDocs-Signature": hmac_header()}, tampered)


def test_a_re_encoded_body_is_refused() -> None:
    """The signature covers the exact bytes: re-serialised JSON with the same data fails."""
    reencoded = json.dumps(json.loads(BODY)).encode()
    assert json.loads(reencoded) == json.loads(BODY)
    assert "does not match" in failure({"X-HotDocs-Signature": hmac_header()}, reencoded)


def test_a_wrong_token_is_refused() -> None:
    """Under the token scheme, another token (or a prefix of it) raises."""
    for value in ("Bearer nope", "Bearer t0ken", "t0ken-secret-and-more", ""):
        failure({"Authorization": value}, secret="t0ken-secret", scheme="token")


def test_a_missing_header_is_refused() -> None:
    """No signature header: refused, saying it is unsigned."""
    assert "no X-HotDocs-Signature" in failure({"Content-Type": "application/json"})
    assert "no Authorization" in failure({}, scheme="token")


def test_the_other_schemes_header_is_named_in_the_error() -> None:
    """A callback carrying the other scheme's header says which setting to check."""
    message = failure({"Authorization": f"Bearer {SECRET}"})
    assert "scheme 'token'" in message
    message = failure({"X-HotDocs-Signature": hmac_header()}, scheme="token")
    assert "scheme 'hmac'" in message


def test_a_repeated_header_is_refused() -> None:
    """Two signature headers (a dict in two cases, or raw pairs) are refused, never chosen from."""
    assert "2 times" in failure({"X-HotDocs-Signature": hmac_header(), "x-hotdocs-signature": "x"})
    raw = Headers(raw=[(b"x-hotdocs-signature", hmac_header().encode())] * 2)
    assert "2 times" in failure(raw)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"not json", "not JSON"),
        (b"[1, 2]", "JSON list"),
        (b'{"workItemId": "x", "versionId": "y", "status": "Saved"}', "not a CallbackEvent"),
        (b'{"versionId": "7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f", "status": "Saved"}', "workItemId"),
        (
            b'{"workItemId": "2d9f3d10-6fdb-494f-9929-955515c6f114", '
            b'"versionId": "7c5c9d8e-9e7d-4d4d-9d9d-7b7c8e6f5a3f", "status": 1}',
            "status",
        ),
    ],
)
def test_a_signed_body_that_is_not_an_event_is_refused(body: bytes, says: str) -> None:
    """Correctly signed, but not the spec's CallbackEvent: refused, naming what is wrong."""
    assert says in failure({"X-HotDocs-Signature": hmac_header(body)}, body)


def test_unknown_members_are_kept_in_extra() -> None:
    """Members the spec does not name are kept in ``extra``; an unknown status is not final."""
    body = json.dumps(
        {"workItemId": str(WORK_ITEM), "versionId": str(VERSION), "status": "Odd", "n": 1}
    ).encode()
    event = verify_callback({"X-HotDocs-Signature": hmac_header(body)}, body, SECRET)
    assert event.extra == {"n": 1}
    assert not event.is_final


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"scheme": "HMAC"}, "scheme"),
        ({"scheme": "signature"}, "scheme"),
        ({"secret": ""}, "secret"),
        ({"secret": "  "}, "secret"),
        ({"secret": b"k"}, "secret"),
        ({"body": BODY.decode()}, "body"),
        ({"headers": [("X-HotDocs-Signature", "x")]}, "headers"),
    ],
)
def test_bad_arguments_raise_before_anything_is_checked(
    kwargs: dict[str, Any], argument: str
) -> None:
    """A wrong scheme name, blank secret, text body or non-mapping is an InvalidArgumentError."""
    call: dict[str, Any] = {
        "headers": {"X-HotDocs-Signature": hmac_header()},
        "body": BODY,
        "secret": SECRET,
        **kwargs,
    }
    with pytest.raises(InvalidArgumentError) as caught:
        verify_callback(call.pop("headers"), call.pop("body"), call.pop("secret"), **call)
    assert caught.value.argument == argument
    assert SECRET not in str(caught.value)


def test_a_wrong_scheme_name_comes_before_the_headers_are_read() -> None:
    """The scheme is checked first: headers that would fail to read are never touched."""

    class Exploding(dict[str, str]):
        def items(self) -> Any:
            raise AssertionError("headers read before the scheme was checked")

    with pytest.raises(InvalidArgumentError, match="scheme"):
        verify_callback(Exploding(), BODY, SECRET, scheme="bogus")  # type: ignore[arg-type]


def test_the_error_is_in_the_package_tree_and_pickles() -> None:
    """CallbackVerificationError is an AdvanceError and survives pickling with its message."""
    try:
        verify_callback({}, BODY, SECRET)
    except CallbackVerificationError as exc:
        error = exc
    assert isinstance(error, AdvanceError)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CallbackVerificationError
    assert str(copy) == str(error)


def test_the_comparisons_are_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both schemes compare with hmac.compare_digest (on bytes, so any header text works)."""
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def recording(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    verify_callback({"X-HotDocs-Signature": hmac_header()}, BODY, SECRET)
    verify_callback({"Authorization": "Bearer tok"}, BODY, "tok", scheme="token")
    failure({"X-HotDocs-Signature": "sha256=\u00ff\u20ac"})
    assert len(seen) == 3
    assert all(isinstance(a, bytes) and isinstance(b, bytes) for a, b in seen)


@given(body=st.binary(max_size=200), secret=st.text(min_size=1).filter(str.strip))
def test_any_signed_body_verifies_up_to_the_payload(body: bytes, secret: str) -> None:
    """Whatever the bytes and secret, the signature passes: only the payload check can fail."""
    outcome: CallbackEvent | str
    try:
        outcome = verify_callback({"X-HotDocs-Signature": hmac_header(body, secret)}, body, secret)
    except CallbackVerificationError as exc:
        outcome = str(exc)
    assert isinstance(outcome, CallbackEvent) or "is authenticated, but" in outcome


@given(
    body=st.binary(min_size=1, max_size=100),
    index=st.integers(min_value=0),
    flip=st.integers(min_value=1, max_value=255),
)
def test_any_changed_byte_is_refused(body: bytes, index: int, flip: int) -> None:
    """Changing any one byte of any signed body makes the signature fail."""
    position = index % len(body)
    changed = bytearray(body)
    changed[position] ^= flip
    with pytest.raises(CallbackVerificationError, match="does not match"):
        verify_callback({"X-HotDocs-Signature": hmac_header(body)}, bytes(changed), SECRET)


def test_sender_headers_are_exactly_one_scheme() -> None:
    """The sandbox's sender side gives one header per scheme, and never the secret beside a signature."""
    assert callbacks.auth_headers("hmac", SECRET, BODY) == {"X-HotDocs-Signature": hmac_header()}
    assert callbacks.auth_headers("token", "tok", BODY) == {"Authorization": "Bearer tok"}


def test_the_spec_describes_the_callback_this_module_checks() -> None:
    """The spec's one v2.0 callback, shared by the four version calls: a CallbackEvent body and
    the two scheme headers, no others."""
    spec = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    version = "/v2.0/WorkItems/{workItemId}/Versions/{versionId}"
    shared = spec["paths"][f"{version}/SaveAndClose"]["put"]["callbacks"]
    for path in ("", "/Complete", "/CreateAndAssemble"):
        assert spec["paths"][f"{version}{path}"]["put"]["callbacks"] == shared, path
    [(expression, item)] = shared["versionFinished"].items()
    assert expression == "{$request.body#/callbackUrl}"
    post = item["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/CallbackEvent"}
    headers = {p["name"] for p in post["parameters"] if p["in"] == "header"}
    assert headers == {callbacks.SIGNATURE_HEADER, "Authorization"}
    event = spec["components"]["schemas"]["CallbackEvent"]
    assert set(event["required"]) == {"workItemId", "versionId", "status"}
    for text in (post["description"], event["description"]):
        assert "not documented by the vendor" in text
        assert "CHOICE" in text
    assert "timestamp" in post["description"]
