"""Argument checks shared by the request models and the session methods (TaskRequestError).

Every ``check_*`` takes the value and the argument's name (for the message), as `check_text`
does, and returns the value.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable
from typing import Final, TypeVar

import attrs
from _client_core import NOT_XML_CHAR, shorten

from ._errors import TaskRequestError

INT_MAX: Final = 2**31 - 1  # xs:int
# Characters XML 1.0 does not allow at all (lone surrogates included).

_E = TypeVar("_E", bound=enum.Enum)


def check_text(value: object, name: str) -> str:
    """Check that a value is a string XML 1.0 can carry.

    Args:
        value: the value.
        name: the argument's name, for the message.

    Returns:
        The value.

    Raises:
        TaskRequestError: it is not a string, or it holds a character XML 1.0 forbids.
    """
    if not isinstance(value, str):
        raise TaskRequestError(f"{name} must be a str, not {type(value).__name__}")
    bad = NOT_XML_CHAR.search(value)
    if bad is not None:
        raise TaskRequestError(
            f"{name} contains U+{ord(bad.group()):04X} at position {bad.start()}, "
            "a character XML 1.0 cannot carry; remove it"
        )
    return value


def check_name(value: object, name: str) -> str:
    """Check a login name or path: XML-safe text that is not blank.

    Raises:
        TaskRequestError: it is blank or not XML-safe text.
    """
    text = check_text(value, name)
    if not text.strip():
        raise TaskRequestError(f"{name} must not be empty")
    return text


def check_int(value: object, name: str, *, minimum: int) -> int:
    """Check an integer against ``minimum`` (the smallest value allowed) and the xs:int maximum.

    Raises:
        TaskRequestError: it is not an int (bool is refused) or out of range.
    """
    if not isinstance(value, int) or isinstance(value, bool):
        raise TaskRequestError(f"{name} must be an int, not {type(value).__name__}")
    if not minimum <= value <= INT_MAX:
        raise TaskRequestError(f"{name} must be between {minimum} and {INT_MAX}, not {value}")
    return value


def wire_datetime(value: datetime.date, name: str = "due_date") -> datetime.datetime:
    """Normalise a date or naive datetime to what the wire can carry (whole seconds).

    The wire form ``yyyy-MM-ddTHH:mm:ss`` has no offset and means the server's local time, so
    an aware datetime is refused: converting it would silently move the date.

    Args:
        value: a `datetime.date` (midnight) or a naive `datetime.datetime`.
        name: the argument's name, for the message.

    Returns:
        A naive datetime without microseconds.

    Raises:
        TaskRequestError: the value is aware, or not a date.
    """
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            raise TaskRequestError(
                f"{name} must be a naive datetime in the server's local time: infoRouter "
                "dates carry no offset, and converting an aware datetime would move the "
                "date; pass value.replace(tzinfo=None) once it is in the server's time zone"
            )
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    raise TaskRequestError(f"{name} must be a date or datetime, not {type(value).__name__}")


def check_bool(value: object, name: str) -> bool:
    """Check that a value is a bool (not merely truthy).

    Raises:
        TaskRequestError: it is not a bool.
    """
    if not isinstance(value, bool):
        raise TaskRequestError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def check_enum(value: object, enum_type: type[_E], name: str) -> _E:
    if not isinstance(value, enum_type):
        raise TaskRequestError(f"{name} must be a {enum_type.__name__}, not {shorten(value)}")
    return value


def text_validator(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_text(value, attribute.name)


def name_validator(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    check_name(value, attribute.name)


def non_negative_validator(
    instance: object, attribute: attrs.Attribute[int], value: object
) -> None:
    check_int(value, attribute.name, minimum=0)


def bool_validator(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    check_bool(value, attribute.name)


def enum_validator(
    enum_type: type[_E],
) -> Callable[[object, attrs.Attribute[_E], object], None]:
    def validate(instance: object, attribute: attrs.Attribute[_E], value: object) -> None:
        check_enum(value, enum_type, attribute.name)

    return validate
