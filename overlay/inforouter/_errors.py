"""Every error the infoRouter client raises, as one tree (foreign errors: `_translate`).

The hierarchy::

    InfoRouterError                       root of everything this package raises
    ├── TaskRequestError (ValueError)     an argument is invalid; nothing was sent
    ├── UnsupportedBindingError (ValueError)
    │                                     unknown binding, or an HTTP binding on the async client
    ├── InfoRouterAPIError                the server answered success="false": code, message
    │   ├── AuthenticationFailedError     [900]
    │   ├── TicketExpiredError            [901], errorCode 4010
    │   ├── TicketNotAllowedError         [902]
    │   ├── InsufficientRightsError       [921], [2730], errorCode 4030, "Access denied"
    │   └── NotFoundError                 [2285], errorCode 4041, "... not found"
    ├── SoapFaultError                    the server answered with a SOAP fault
    ├── ClientClosedError (RuntimeError)  the client, its http_client or the session is closed
    ├── InfoRouterHTTPError               HTTP status other than 200 and no infoRouter answer
    ├── InvalidResponseError              an answer came but cannot be read: not XML, an HTML
    │                                     page, truncated, a DTD, too large, fields missing
    ├── InfoRouterConnectionError         no answer: the connection failed or dropped
    │   └── InfoRouterTimeoutError        no answer in time
    └── OutcomeUnknownError               a create or reassign call may have been applied, but
                                          no answer says whether it was; it is never retried

httpx, zeep and lxml exceptions become these in `_translate.translate`, most specific first;
anything else (a bug) propagates unchanged. Messages never carry the ticket or the password,
nor does the exception chain: an error is raised from a masked copy of the foreign exception
(see `_translate.translating`). Every class pickles (``PicklableError``): the copy has the
same class, message and attributes; causes and tracebacks are not pickled.
"""

from __future__ import annotations

from _client_core import PicklableError


class InfoRouterError(PicklableError):
    """Root of every error raised by the infoRouter client; every one pickles.

    An error raised by a call says where it happened, at the end of its message
    (``(GetTask at https://docs.example.com/srv.asmx, task 456)``), and in attributes.

    Attributes:
        operation: The infoRouter operation that failed (None for errors before a call).
        url: The service URL the call was sent to, masked (None likewise).
        task_id: The task the call named (``taskId``; for CreateRelatedTask, the parent
            task), or None.
    """

    operation: str | None = None
    url: str | None = None
    task_id: int | None = None

    def locate(self, operation: str, url: str, task_id: int | None, task: str = "task") -> None:
        """Say in the message, and in the attributes, which call failed and where (once).

        Args:
            operation: The infoRouter operation.
            url: The service URL, masked.
            task_id: The task the call named, if any.
            task: What the task is to the call (``task``, ``parent task``).
        """
        if self.url is not None:
            return
        message = str(self.args[0]) if self.args else type(self).__name__
        own = f" ({operation})"
        if message.endswith(own):  # InfoRouterAPIError and SoapFaultError name it already
            message = message[: -len(own)]
        where = f"at {url}" if message.startswith(f"{operation}") else f"{operation} at {url}"
        if task_id is not None:
            where += f", {task} {task_id}"
        self.args = (f"{message} ({where})", *self.args[1:])
        self.operation = self.operation or operation
        self.url = url
        self.task_id = task_id


class TaskRequestError(InfoRouterError, ValueError):
    """An argument is invalid; it was refused before anything was sent.

    Raised for the arguments of the request models, of every session method and of the
    clients' constructors, wrong types included (never TypeError).
    """


class UnsupportedBindingError(InfoRouterError, ValueError):
    """The binding is unknown, or an HTTP binding was given to the async client."""


class InfoRouterAPIError(InfoRouterError):
    """The server answered ``success="false"``.

    Args:
        code: the number from ``[code] message`` or the ``errorCode`` attribute, if any.
        message: the server's message without the ``[code]`` prefix.
        operation: the infoRouter operation that failed.
    """

    def __init__(self, code: int | None, message: str, *, operation: str | None = None) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        prefix = f"[{code}] " if code is not None else ""
        suffix = f" ({operation})" if operation else ""
        super().__init__(f"{prefix}{message}{suffix}")


class AuthenticationFailedError(InfoRouterAPIError):
    """[900]: wrong user name or password, or a disabled or unknown user."""


class TicketExpiredError(InfoRouterAPIError):
    """[901] (errorCode 4010): the session expired or the ticket is not valid."""


class TicketNotAllowedError(InfoRouterAPIError):
    """[902]: this account may not get a ticket (the system administrator account)."""


class InsufficientRightsError(InfoRouterAPIError):
    """[921], [2730] (errorCode 4030) or "Access denied": the user may not do this."""


class NotFoundError(InfoRouterAPIError):
    """[2285] (errorCode 4041) or a "not found" message: the task, document or user is missing."""


class SoapFaultError(InfoRouterError):
    """The server answered with a SOAP fault (an unhandled server error or a malformed call).

    Args:
        code: the fault code, if any.
        message: the fault string.
        operation: the infoRouter operation that failed.
    """

    def __init__(self, code: str | None, message: str, *, operation: str | None = None) -> None:
        self.code = code
        self.message = message
        self.operation = operation
        shown_code = f" {code}" if code else ""
        suffix = f" ({operation})" if operation else ""
        super().__init__(f"SOAP fault{shown_code}: {message}{suffix}")


class ClientClosedError(InfoRouterError, RuntimeError):
    """A call on a closed client (or ``http_client``), or on a session that has logged out.

    Nothing was sent. Create a new client, or authenticate again for a new session.
    """


class InfoRouterHTTPError(InfoRouterError):
    """The server answered with an HTTP status other than 200 and no infoRouter answer.

    Args:
        status_code: the HTTP status.
        message: what went wrong.
        retry_after: seconds from a ``Retry-After`` header, if any.
    """

    def __init__(self, status_code: int, message: str, *, retry_after: float | None = None) -> None:
        self.status_code = status_code
        self.retry_after = retry_after
        super().__init__(message)


class InvalidResponseError(InfoRouterError):
    """An answer came but cannot be read as an infoRouter answer.

    Args:
        status_code: the HTTP status of the answer, when known.
        message: what was wrong with it.
    """

    def __init__(self, status_code: int | None, message: str) -> None:
        self.status_code = status_code
        super().__init__(message)


class InfoRouterConnectionError(InfoRouterError):
    """No answer came: the connection could not be made, or it failed during the call.

    Args:
        message: what went wrong.
        request_sent: False when the request provably never left this machine.
    """

    def __init__(self, message: str, *, request_sent: bool) -> None:
        self.request_sent = request_sent
        super().__init__(message)


class InfoRouterTimeoutError(InfoRouterConnectionError):
    """No answer came in time."""


class OutcomeUnknownError(InfoRouterError):
    """A call that is not safe to repeat may have been applied, but no answer says so.

    Raised for ``create_task``, ``create_related_task`` and ``reassign_task`` when the request
    may have reached the server and no readable answer came back (a read timeout, a dropped
    connection, an HTTP 5xx without an answer). Such a call is never retried: look at the
    parent task or the document's tasks before sending it again.

    Args:
        operation: the infoRouter operation.
        reason: why the outcome is unknown.
    """

    operation: str

    def __init__(self, operation: str, reason: str) -> None:
        self.operation = operation
        super().__init__(
            f"{operation} may or may not have been applied: {reason}. It was not retried; "
            "check the server's state before sending it again"
        )
