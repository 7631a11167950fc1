# Generated from spec/hotdocs-advance.openapi.yaml by scripts/generate. Do not edit.
"""Contains some shared types for properties"""

import email.message
import email.utils
import json
from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import httpx
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


@define
class UnexpectedResponse:
    """An answer that is not what the spec documents for its operation.

    Attributes:
        response: The answer, its body read.
        reason: What is wrong, e.g. "status 302 is not a documented success" or
            "the content type is 'text/html', not application/json".
    """

    response: httpx.Response
    reason: str


# Types of JSON values, by the names the generator uses for a property's JSON type.
_JSON_KINDS: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "bool": (bool,),
    "int": (int,),
    "float": (int, float),
    "None": (type(None),),
    "dict": (dict,),
    "list": (list,),
}


def check_member(name: str, value: object, kinds: str) -> None:
    """Refuse a JSON member whose value is not of the documented type (UNSET passes).

    Args:
        name: The member's JSON name, for the message.
        value: Its value as decoded from JSON.
        kinds: The documented JSON type, as the generator writes it (``"str"``,
            ``"None | str"``, ``"list[Any]"``, ``"Any"``).

    Raises:
        TypeError: The value has another type.
    """
    if isinstance(value, Unset):
        return
    allowed: list[type] = []
    for kind in kinds.split("|"):
        found = _JSON_KINDS.get(kind.strip().split("[", 1)[0])
        if found is None:  # Any, or a type this check does not know: not checked
            return
        allowed.extend(found)
    # bool is an int to Python, never to JSON.
    if isinstance(value, tuple(allowed)) and (
        bool in allowed or not isinstance(value, bool)
    ):
        return
    raise TypeError(f"member {name!r} is a JSON {type(value).__name__}, not {kinds}")


def or_unset(value: T | None) -> T | Unset:
    """Map None (an absent member of a result model) back to UNSET, for ``to_dict()``."""
    return UNSET if value is None else value


def media_type_problem(
    response: httpx.Response, expected: tuple[str, ...]
) -> str | None:
    """Say what is wrong with an answer's Content-Type, or None when it is one documented.

    CHOICE (not documented by the vendor): an answer without a Content-Type is read as the
    documented type; ``+json`` types count as ``application/json``.

    Args:
        response: The answer.
        expected: The media types the spec documents for its status.

    Returns:
        None, or a description of the mismatch.
    """
    declared = response.headers.get("content-type")
    if declared is None:
        return None
    media = declared.split(";", 1)[0].strip().lower()
    for wanted in expected:
        if media == wanted or (wanted.endswith("json") and media.endswith("+json")):
            return None
        # A media type range (RFC 9110, section 12.5.1): */* or type/*.
        if wanted == "*/*" or (wanted.endswith("/*") and media.startswith(wanted[:-1])):
            return None
    return f"the content type is {media!r}, not {' or '.join(expected)}"


# What reading a body of the wrong shape raises (from_dict, UUID(), json.loads, deep JSON).
_BAD_BODY = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


def read_body(
    response: httpx.Response,
    media_types: tuple[str, ...],
    read: Callable[[httpx.Response], T],
) -> T | UnexpectedResponse:
    """Read a success body of a documented media type; say what is wrong instead of raising.

    Args:
        response: The answer, its body read.
        media_types: The media types the spec documents for its status.
        read: Turns the answer into its documented result (may raise on a bad body).

    Returns:
        The result, or an ``UnexpectedResponse`` naming the content type or the shape error.
    """
    problem = media_type_problem(response, media_types)
    if problem is not None:
        return UnexpectedResponse(response, problem)
    try:
        return read(response)
    except _BAD_BODY as exc:
        reason = f"the body is not as documented ({type(exc).__name__}: {exc})"
        return UnexpectedResponse(response, reason[:300])


def read_error(
    response: httpx.Response, read: Callable[[dict[str, Any]], T]
) -> T | None:
    """Read an error body leniently: its model, or None when it is not of that shape."""
    try:
        return read(json_object(response))
    except _BAD_BODY:
        return None


@define(frozen=True)
class StreamedBody:
    """The head of a success answer whose body is a file (spec: ``x-sdk-stream``).

    ``parse_response`` of such an operation reads the status and headers only: the caller
    streams the body itself, so that a document is never held whole in memory.

    Attributes:
        content_type: The answer's media type (``Content-Type`` without parameters), or None.
        file_name: The file name ``Content-Disposition`` gives (``filename*`` before
            ``filename``, RFC 6266), exactly as sent: it may hold directories, so a caller
            must sanitize it before using it as a path. None when absent.
        length: The body's size in bytes from ``Content-Length``, or None when it is not given
            or counts encoded bytes (``Content-Encoding``).
    """

    content_type: str | None
    file_name: str | None
    length: int | None


def disposition_file_name(value: str | None) -> str | None:
    """Read the file name of a ``Content-Disposition`` value, RFC 6266 and RFC 5987 rules.

    Args:
        value: The header's value, if any.

    Returns:
        ``filename*`` decoded (before ``filename``), else ``filename``, else None.
    """
    if not value:
        return None
    message = email.message.Message()
    message["content-disposition"] = value
    # get_params() gives an RFC 5987 value (filename*) as a (charset, language, text) tuple.
    params = message.get_params(header="content-disposition") or []
    names = [found for key, found in params[1:] if key == "filename"]
    extended = [found for found in names if isinstance(found, tuple)]
    chosen = extended[0] if extended else names[0] if names else None
    if chosen is None:
        return None
    name = email.utils.collapse_rfc2231_value(chosen).strip()
    return name or None


def read_stream_head(
    response: httpx.Response, media_types: tuple[str, ...]
) -> StreamedBody | UnexpectedResponse:
    """Read the head of a streamed success answer; the body is left unread.

    Args:
        response: The answer; its body may still be unread.
        media_types: The media types (or ranges) the spec documents for its status.

    Returns:
        The head, or an ``UnexpectedResponse`` naming a content type that is not documented.
    """
    problem = media_type_problem(response, media_types)
    if problem is not None:
        return UnexpectedResponse(response, problem)
    declared = response.headers.get("content-type")
    media = declared.split(";", 1)[0].strip().lower() if declared else None
    length = response.headers.get("content-length", "").strip()
    coding = response.headers.get("content-encoding", "").strip().lower()
    encoded = coding not in ("", "identity")
    return StreamedBody(
        content_type=media or None,
        file_name=disposition_file_name(response.headers.get("content-disposition")),
        length=int(length) if length.isdigit() and not encoded else None,
    )


def json_array(response: httpx.Response) -> list[Any]:
    """Decode an answer's body as a JSON array.

    Raises:
        ValueError: The body is not JSON, or it is JSON but not an array.
    """
    data = json.loads(response.content)
    if not isinstance(data, list):
        raise ValueError(f"expected a JSON array, got a JSON {type(data).__name__}")
    return data


def json_object(response: httpx.Response) -> dict[str, Any]:
    """Decode an answer's body as a JSON object.

    Raises:
        ValueError: The body is not JSON, or it is JSON but not an object.
    """
    data = json.loads(response.content)
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got a JSON {type(data).__name__}")
    return data


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "StreamedBody",
    "UnexpectedResponse",
    "Unset",
    "check_member",
    "disposition_file_name",
    "json_array",
    "json_object",
    "media_type_problem",
    "or_unset",
    "read_body",
    "read_error",
    "read_stream_head",
]
