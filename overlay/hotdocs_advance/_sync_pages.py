# Derived from overlay/hotdocs_advance/_async_pages.py by scripts/unasync. Do not edit.
"""``SyncPager`` and ``SyncPage``: ``AdvanceClient``'s lists, fetched as they are consumed.

Derived from ``_async_pages.py`` by ``scripts/unasync``: edit that file, then run the script.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from hotdocs_advance_api.types import UNSET, Unset

from ._base import Call, WirePage, next_token

if TYPE_CHECKING:
    from ._sync_client import AdvanceClient

__all__ = ["PageRequest", "SyncPage", "SyncPager"]

T = TypeVar("T")

#: Builds the call for one page from its token (the unset value for the first page).
PageRequest = Callable[[str | Unset], Call[WirePage[T]]]


class SyncPage(Generic[T]):
    """One page of a list: its items, and the way to the next page.

    ``items`` (and ``len(page)``) are this page's only; iterate the pager for every item of the
    list.

    Attributes:
        items: This page's items, in the server's order.
        next_page_token: The token of the next page, or None on the last page. A listing that
            failed part way can go on from the last page it got (``get_next_page()``).
    """

    def __init__(
        self,
        pager: SyncPager[T],
        items: Sequence[T],
        next_page_token: str | None,
        used: set[str],
    ) -> None:
        self._pager = pager
        self._used = used  # the tokens of this listing's pages so far
        self.items: list[T] = list(items)
        self.next_page_token = next_page_token

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.items)}, last={not self.has_next_page()})"

    def __len__(self) -> int:
        return len(self.items)

    def has_next_page(self) -> bool:
        """Whether another page follows this one.

        Returns:
            True when the server gave a token for the next page.
        """
        return self.next_page_token is not None

    def get_next_page(self) -> SyncPage[T] | None:
        """Fetch the page after this one.

        Returns:
            The next page, or None after the last page.

        Raises:
            APIStatusError: An error status (see the subclasses).
            APIResponseValidationError: The page is not of the documented shape, or the
                server named a page already fetched as the next (the list would never end).
            APIConnectionError: No usable response after the retries.
        """
        if self.next_page_token is None:
            return None
        return self._pager._fetch(self.next_page_token, self._used)


class SyncPager(Generic[T]):
    """The items of a list, fetched a page at a time as they are consumed.

    ``for item in pager`` yields every item of the list, each exactly once when the
    server pages as the spec says (a stable order); ``pager.iter_pages()`` yields the pages.
    Each iteration starts at the first page again. Nothing is sent before iterating.

    Args:
        client: The client that sends the pages' requests (retries and all).
        request: Builds the call for one page from its token.
    """

    def __init__(self, client: AdvanceClient, request: PageRequest[T]) -> None:
        self._client = client
        self._request = request

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def _fetch(self, token: str | Unset, used: set[str]) -> SyncPage[T]:
        wire, response = self._client._send_for_response(self._request(token))
        if isinstance(token, str):
            used.add(token)
        return SyncPage(self, wire.items, next_token(wire, response, used), used)

    def first_page(self) -> SyncPage[T]:
        """Fetch the list's first page.

        Returns:
            The first page (it may be empty).

        Raises:
            APIStatusError: An error status (see the subclasses).
            APIResponseValidationError: The page is not of the documented shape.
            APIConnectionError: No usable response after the retries.
        """
        return self._fetch(UNSET, set())

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """Yield the list's pages, each fetched when the one before has been taken.

        Yields:
            Each page, from the first to the last.

        Raises:
            APIStatusError: An error status (see the subclasses).
            APIResponseValidationError: A page is not of the documented shape, or the server
                named a page already fetched as the next.
            APIConnectionError: No usable response after the retries.
        """
        page: SyncPage[T] | None = self.first_page()
        while page is not None:
            yield page
            page = page.get_next_page()

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            for item in page.items:
                yield item
