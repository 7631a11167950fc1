"""Sessions: the ticket's lifecycle, and how a call is sent, retried and re-authenticated.

The task methods come from `_tasks`; what each operation may do on failure (retry,
re-authenticate) is in `_operations`. Sync and async sessions share everything but the lines
that send and await.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final, Self, TypeVar

from lxml import etree

from . import _calls
from . import _operations as ops
from ._errors import ClientClosedError, InfoRouterError, OutcomeUnknownError, TicketExpiredError
from ._operations import sends
from ._retry import async_retrying, may_have_been_applied, retrying
from ._tasks import AsyncTasks, SyncTasks
from ._translate import masker, translating
from ._wire import AsyncWire, SyncWire

_log = logging.getLogger("inforouter")

_T = TypeVar("_T")

# The parameter that names the task a call is about, and what that task is to the call.
_TASK_ID: Final = "taskId"
_TASK_ROLES: Final = {ops.CREATE_RELATED_TASK.name: "parent task"}


class _Replay:
    """The first attempt's error, raised once more as tenacity's first attempt.

    The first attempt runs outside tenacity, whose per-call cost shows against a bare zeep
    call; replaying its error lets tenacity alone decide whether and when to retry.
    """

    def __init__(self, error: InfoRouterError) -> None:
        self._error: InfoRouterError | None = error

    def raise_once(self) -> None:
        error, self._error = self._error, None
        if error is not None:
            raise error


class _SessionBase:
    """What sync and async sessions share: identity, secrets, state and failure rules."""

    def __init__(
        self, url: str, user: str, password: str, *, binding: str, max_retries: int
    ) -> None:
        self._url = url
        self._user, self._password = _calls.check_credentials(user, password)
        self._binding = binding
        self._max_retries = max_retries
        self._ticket = ""
        self._closed = False

    @property
    def user(self) -> str:
        """The login name this session authenticated."""
        return self._user

    @property
    def binding(self) -> str:
        """The binding the session's calls use."""
        return self._binding

    @property
    def closed(self) -> bool:
        """True once the session has logged out."""
        return self._closed

    def __repr__(self) -> str:
        # Never the ticket or the password.
        return f"{type(self).__name__}(user={self._user!r}, binding={self._binding!r})"

    def _secrets(self) -> tuple[str, str]:
        return (self._ticket, self._password)

    def _check_open(self) -> None:
        if self._closed:
            raise ClientClosedError(
                "this session has logged out (close() or the end of its with block); nothing was "
                "sent: authenticate again for a new session"
            )

    def _arguments(self, call: _calls.Call[_T]) -> dict[str, object]:
        return call.with_ticket(self._ticket)

    @contextmanager
    def _located(self, call: _calls.Call[_T]) -> Iterator[None]:
        """Say in an error of the call which operation failed, at which URL, on which task."""
        try:
            yield
        except InfoRouterError as error:
            name = call.operation.name
            task = call.arguments.get(_TASK_ID)
            error.locate(
                name,
                masker(self._secrets()).url(self._url),
                task if isinstance(task, int) else None,
                _TASK_ROLES.get(name, "task"),
            )
            raise

    @staticmethod
    def _not_applied(error: TicketExpiredError, operation: ops.Operation) -> None:
        """Complete the message of an expired ticket on a call that is not repeated for it."""
        if not operation.repeatable:
            error.args = (
                f"{error}; nothing was created: the server refused the ticket before applying "
                f"{operation.name}, which is not sent again under a new log-in. Authenticate "
                "again (client.authenticate) for a new session, then send it again",
            )

    @contextmanager
    def _final_errors(self, operation: ops.Operation) -> Iterator[None]:
        """Turn the final error of an unsafe call that may have been applied into OutcomeUnknown."""
        try:
            yield
        except InfoRouterError as error:
            if operation.repeatable or not may_have_been_applied(error):
                raise
            raise OutcomeUnknownError(operation.name, str(error)) from error

    @staticmethod
    def _may_reauthenticate(operation: ops.Operation) -> bool:
        if operation.reauthenticate:
            _log.info("%s: the ticket expired; authenticating again once", operation.name)
        return operation.reauthenticate

    def _start_closing(self) -> bool:
        """Mark the session closed; True when it was open (and LogOut is to be sent)."""
        was_open, self._closed = not self._closed, True
        return was_open

    @contextmanager
    def _already_logged_out_is_fine(self) -> Iterator[None]:
        try:
            yield
        except TicketExpiredError:
            _log.debug("LogOut: the ticket had already expired")


@contextmanager
def _not_hiding(exc_type: object) -> Iterator[None]:
    """Raise a failure to close, unless an error already ends the block: log that one instead."""
    try:
        yield
    except InfoRouterError as error:
        if exc_type is None:
            raise
        _log.warning("LogOut failed while leaving a session after an error: %s", error)


class Closing(abc.ABC):
    """A context manager whose block ends with `close` (the clients' and `Session`'s)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Close; the subclass says what that means."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        with _not_hiding(exc_info[0]):
            self.close()


class AsyncClosing(abc.ABC):
    """An async context manager whose block ends with `aclose`."""

    @abc.abstractmethod
    async def aclose(self) -> None:
        """Close; the subclass says what that means."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        with _not_hiding(exc_info[0]):
            await self.aclose()


class Session(SyncTasks, _SessionBase, Closing):
    """An authenticated infoRouter session. Created by `InfoRouterClient.authenticate`.

    Use it as a context manager: leaving the block logs out (an already expired ticket
    counts as logged out). The ticket is never shown in its repr, in logs or in errors.
    """

    def __init__(
        self, wire: SyncWire, user: str, password: str, *, binding: str, max_retries: int
    ) -> None:
        super().__init__(wire.url, user, password, binding=binding, max_retries=max_retries)
        self._wire = wire

    def _attempt(self, call: _calls.Call[_T]) -> etree._Element:
        with translating(call.operation.name, self._secrets()):
            return self._wire.call(call.operation.name, self._arguments(call))

    def _exchange(self, call: _calls.Call[_T]) -> etree._Element:
        with self._located(call):
            try:
                return self._attempt(call)
            except InfoRouterError as error:
                replay = _Replay(error)
            with self._final_errors(call.operation):
                for attempt in retrying(self._max_retries, repeatable=call.operation.repeatable):
                    with attempt:
                        replay.raise_once()
                        return self._attempt(call)
        raise AssertionError("unreachable: tenacity returns or re-raises")

    def _run(self, call: _calls.Call[_T]) -> _T:
        self._check_open()
        with self._located(call):
            try:
                answer = self._exchange(call)
            except TicketExpiredError as error:
                if not self._may_reauthenticate(call.operation):
                    self._not_applied(error, call.operation)
                    raise
                self._login()
                answer = self._exchange(call)
            return call.read(answer)

    def _login(self) -> None:
        call = _calls.authenticate(self._user, self._password)
        self._ticket = call.read(self._exchange(call))

    @sends(ops.LOG_OUT)
    def close(self) -> None:
        """Log out. Calling it again does nothing.

        Raises:
            InfoRouterError: LogOut failed for another reason than an expired ticket.
        """
        if self._start_closing():
            with self._already_logged_out_is_fine():
                self._exchange(_calls.log_out())

    @sends(ops.IS_VALID)
    def is_valid(self) -> bool:
        """Check the ticket without extending its expiry (isValidTicket).

        Returns:
            False when the ticket expired or the session logged out, else True.

        Raises:
            InfoRouterError: the check itself failed.
        """
        if self._closed:
            return False
        try:
            self._exchange(_calls.is_valid())
        except TicketExpiredError:
            return False
        return True


class AsyncSession(AsyncTasks, _SessionBase, AsyncClosing):
    """An authenticated infoRouter session for asyncio.

    Created by `AsyncInfoRouterClient.authenticate`; the methods are those of `Session`.

    Use it as an async context manager: leaving the block logs out.
    """

    def __init__(
        self, wire: AsyncWire, user: str, password: str, *, binding: str, max_retries: int
    ) -> None:
        super().__init__(wire.url, user, password, binding=binding, max_retries=max_retries)
        self._wire = wire

    async def _attempt(self, call: _calls.Call[_T]) -> etree._Element:
        with translating(call.operation.name, self._secrets()):
            return await self._wire.call(call.operation.name, self._arguments(call))

    async def _exchange(self, call: _calls.Call[_T]) -> etree._Element:
        with self._located(call):
            try:
                return await self._attempt(call)
            except InfoRouterError as error:
                replay = _Replay(error)
            with self._final_errors(call.operation):
                async for attempt in async_retrying(
                    self._max_retries, repeatable=call.operation.repeatable
                ):
                    with attempt:
                        replay.raise_once()
                        return await self._attempt(call)
        raise AssertionError("unreachable: tenacity returns or re-raises")

    async def _run(self, call: _calls.Call[_T]) -> _T:
        self._check_open()
        with self._located(call):
            try:
                answer = await self._exchange(call)
            except TicketExpiredError as error:
                if not self._may_reauthenticate(call.operation):
                    self._not_applied(error, call.operation)
                    raise
                await self._login()
                answer = await self._exchange(call)
            return call.read(answer)

    async def _login(self) -> None:
        call = _calls.authenticate(self._user, self._password)
        self._ticket = call.read(await self._exchange(call))

    @sends(ops.LOG_OUT)
    async def aclose(self) -> None:
        """Async twin of `Session.close`; same errors."""
        if self._start_closing():
            with self._already_logged_out_is_fine():
                await self._exchange(_calls.log_out())

    @sends(ops.IS_VALID)
    async def is_valid(self) -> bool:
        """Async twin of `Session.is_valid`; same returns and errors."""
        if self._closed:
            return False
        try:
            await self._exchange(_calls.is_valid())
        except TicketExpiredError:
            return False
        return True
