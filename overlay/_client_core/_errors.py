"""The base of both packages' error roots: errors that survive pickling and copying."""

from __future__ import annotations

import copyreg
from typing import Any


class PicklableError(Exception):
    """An exception that pickles (and copies) whatever its ``__init__`` takes.

    Python pickles an exception as ``cls(*args)`` plus its ``__dict__``, which fails for a
    constructor with keyword-only or extra arguments (``APIStatusError(message, *,
    status_code, ...)``). This one is rebuilt with ``cls.__new__(cls, *args)`` and its
    ``__dict__``, without calling ``__init__`` again, so the copy has the same class,
    message and attributes. ``__cause__``, ``__context__`` and the traceback are not pickled.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # __newobj__(cls, *args) is cls.__new__(cls, *args); pickle writes it as NEWOBJ.
        rebuild = copyreg.__newobj__  # type: ignore[attr-defined]
        return (rebuild, (type(self), *self.args), dict(self.__dict__))
