"""Lists that fetch their pages lazily: ``AsyncPager`` and ``AsyncPage`` (the hand-written copy).

``scripts/unasync`` derives ``_sync_pages.py`` (``SyncPager`` and ``SyncPage``, for
``AdvanceClient``) from this file, as it derives the sync client. A list method sends nothing:
it checks its arguments and returns a pager; iterating the pager fetches the first page, and
each further page only when the items before it have been consumed, as openai-python's and
stripe-python's auto-pagination do. How a page names the next one is the spec's (its
``PageToken`` parameter and ``Page`` schema); here it is only followed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from hotdocs_advance_api.types import UNSET, Unset

from ._base import Call, WirePage, next_token

if TYPE_CHECKING:
    from ._async_client import AsyncAdvanceClient

__all__ = ["AsyncPage", "AsyncPager", "PageRequest"]

T = TypeVar("T")

#: Builds the call for one page from its token (the unset value for the first page).
PageRequest = Callable[[str | Unset], Call[WirePage[T]]]


class AsyncPage(Generic[T]):
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
        pager: AsyncPager[T],
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

    async def get_next_page(self) -> AsyncPage[T] | None:
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
        return await self._pager._fetch(self.next_page_token, self._used)


class AsyncPager(Generic[T]):
    """The items of a list, fetched a page at a time as they are consumed.

    ``async for item in pager`` yields every item of the list, each exactly once when the
    server pages as the spec says (a stable order); ``pager.iter_pages()`` yields the pages.
    Each iteration starts at the first page again. Nothing is sent before iterating.

    Args:
        client: The client that sends the pages' requests (retries and all).
        request: Builds the call for one page from its token.
    """

    def __init__(self, client: AsyncAdvanceClient, request: PageRequest[T]) -> None:
        self._client = client
        self._request = request

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    async def _fetch(self, token: str | Unset, used: set[str]) -> AsyncPage[T]:
        wire, response = await self._client._send_for_response(self._request(token))
        if isinstance(token, str):
            used.add(token)
        return AsyncPage(self, wire.items, next_token(wire, response, used), used)

    async def first_page(self) -> AsyncPage[T]:
        """Fetch the list's first page.

        Returns:
            The first page (it may be empty).

        Raises:
            APIStatusError: An error status (see the subclasses).
            APIResponseValidationError: The page is not of the documented shape.
            APIConnectionError: No usable response after the retries.
        """
        return await self._fetch(UNSET, set())

    async def iter_pages(self) -> AsyncIterator[AsyncPage[T]]:
        """Yield the list's pages, each fetched when the one before has been taken.

        Yields:
            Each page, from the first to the last.

        Raises:
            APIStatusError: An error status (see the subclasses).
            APIResponseValidationError: A page is not of the documented shape, or the server
                named a page already fetched as the next.
            APIConnectionError: No usable response after the retries.
        """
        page: AsyncPage[T] | None = await self.first_page()
        while page is not None:
            yield page
            page = await page.get_next_page()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item
