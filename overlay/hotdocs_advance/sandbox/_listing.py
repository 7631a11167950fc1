"""Discovery, listing and answers out, as the Advance sandbox serves them (issue 14).

Paging (not documented by the vendor; the spec's CHOICE on its ``PageToken`` parameter): every
list is in a stable order (the seed's order, or creation order), and a page's
``nextPageToken`` names the last item it holds. The next page starts after that item's place
in the whole, unfiltered list, so an item added while a listing runs never shifts the others,
and a filter that stops matching an item cannot make the listing skip one.

Answers: a work item's current answers are its latest version's. ``overlay`` is PATCH's rule
(an answer replaces the one of the same name, or is added), and ``read_xml_body`` decodes an
XML request body as RFC 7303 says (the ``charset`` parameter, else a BOM, else UTF-8).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

from _sandbox_kit._xml import hardened_parser, strip_namespaces
from lxml import etree

from ._seed import TemplatePackageSeed, WorkGroupSeed

T = TypeVar("T")

#: An empty answer set: what a work item that holds no answers answers (spec CHOICE).
EMPTY_ANSWER_SET: Final = '<AnswerSet title="" version="1.1"/>'
_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class PageTokenError(ValueError):
    """A ``pageToken`` this sandbox did not issue."""


def page_token(item_id: uuid.UUID) -> str:
    """Return the opaque token of the page that starts after ``item_id``.

    Args:
        item_id: The last item of a page.

    Returns:
        The token (URL-safe base64 of the id's bytes).
    """
    return base64.urlsafe_b64encode(item_id.bytes).decode("ascii").rstrip("=")


def _after(token: str) -> uuid.UUID:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        return uuid.UUID(bytes=raw)
    except (binascii.Error, ValueError):
        raise PageTokenError(f"pageToken {token!r} was not issued by this server") from None


def page(
    ordered: Sequence[tuple[uuid.UUID, T]],
    token: str | None,
    size: int,
    keep: Callable[[T], bool] = lambda item: True,
) -> tuple[list[T], str | None]:
    """Cut one page out of a list.

    Args:
        ordered: The whole list, in its stable order, as (id, item).
        token: The ``pageToken`` given, or None for the first page.
        size: The most items the page holds.
        keep: The filter: items it refuses are not in any page.

    Returns:
        The page's items and the next page's token (None on the last page).

    Raises:
        PageTokenError: The token names no item of the list.
    """
    start = 0
    if token is not None:
        after = _after(token)
        start = next((n for n, (key, _) in enumerate(ordered) if key == after), -1) + 1
        if start == 0:
            raise PageTokenError(f"pageToken {token!r} does not name an item of this list")
    items: list[T] = []
    last: uuid.UUID | None = None
    for key, item in ordered[start:]:
        if not keep(item):
            continue
        if len(items) == size and last is not None:
            # A further item exists: the next page starts after the last one taken.
            return items, page_token(last)
        items.append(item)
        last = key
    return items, None


def describe_work_group(group: WorkGroupSeed) -> dict[str, object]:
    """Return the JSON of a work group (the spec's WorkGroup, CHOICE).

    Args:
        group: The work group.

    Returns:
        Its members.
    """
    return {"id": str(group.id), "name": group.name, "description": None}


def describe_template_package(package: TemplatePackageSeed) -> dict[str, object]:
    """Return the JSON of a template package (the spec's TemplatePackage, CHOICE).

    Args:
        package: The template package.

    Returns:
        Its members.
    """
    return {
        "id": str(package.id),
        "name": package.name,
        "description": None,
        "activated": package.activated,
        "hasLiveVersion": package.has_live_version,
        "workGroupIds": sorted(str(group) for group in package.work_group_ids),
    }


def read_xml_body(raw: bytes, content_type: str) -> str:
    """Decode an XML request body to text, without its XML declaration.

    Args:
        raw: The body.
        content_type: Its Content-Type header.

    Returns:
        The document as text.

    Raises:
        ValueError: The body is not in the encoding it gives (the message says so).
    """
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", content_type, re.IGNORECASE)
    encoding = (
        match.group(1)
        if match
        else next((name for bom, name in _BOMS if raw.startswith(bom)), "utf-8")
    )
    try:
        text = raw.decode(encoding)
    except (LookupError, UnicodeDecodeError) as exc:
        raise ValueError(f"the body is not text in {encoding}: {exc}") from None
    return _DECLARATION.sub("", text.lstrip("\ufeff"), count=1)


def overlay(current: str, changes: str) -> str:
    """Apply PATCH's rule: each answer of ``changes`` replaces ``current``'s of the same name.

    CHOICE (spec ``updateAnswerSet``): names match when the ``name`` attributes are the same;
    an answer not in ``current`` is added at the end, and the root's attributes are kept.

    Args:
        current: The stored answer set (valid).
        changes: The answers to set (valid).

    Returns:
        The merged answer set.
    """
    parser = hardened_parser()
    root = etree.fromstring(current.encode("utf-8"), parser)
    patch = etree.fromstring(changes.encode("utf-8"), parser)
    for tree in (root, patch):  # a namespace on either root is ignored, as the checker does
        strip_namespaces(tree)
    by_name = {answer.get("name"): answer for answer in root.iterchildren("Answer")}
    for answer in patch.iterchildren("Answer"):
        held = by_name.get(answer.get("name"))
        if held is None:
            root.append(answer)
        else:
            root.replace(held, answer)
        by_name[answer.get("name")] = answer
    return etree.tostring(root, encoding="unicode")


def xml_document(text: str) -> bytes:
    """Return an answer set as the bytes of a UTF-8 XML document (with its declaration).

    Args:
        text: The stored answer set.

    Returns:
        The document.
    """
    root = etree.fromstring(text.encode("utf-8"), hardened_parser())
    return etree.tostring(root, encoding="utf-8", xml_declaration=True)
