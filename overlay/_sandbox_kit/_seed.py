"""Reading seed files (JSON or YAML) with error messages that name the bad field."""

from __future__ import annotations

import abc
import json
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar, Final, Generic, Protocol, Self, TypeVar, cast

_T = TypeVar("_T")


class SeedError(ValueError):
    """A seed file or seed mapping is malformed; the message names the field."""


class _Missing:
    def __repr__(self) -> str:
        return "<required>"


MISSING: Final = _Missing()


def load_seed_file(path: str | Path) -> dict[str, object]:
    """Read a seed file: ``.json`` as JSON, anything else as YAML (a superset of JSON).

    Args:
        path: The file.

    Returns:
        The top-level mapping.

    Raises:
        SeedError: If the file cannot be read or parsed, or is not a mapping.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SeedError(f"cannot read seed file {path}: {exc}") from exc
    data: object
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SeedError(f"seed file {path} is not valid JSON: {exc}") from exc
    else:
        import yaml  # noqa: PLC0415 (optional dependency, imported on use)

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise SeedError(f"seed file {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise SeedError(f"seed file {path} must hold a mapping at the top level")
    return data


class _Getter(Protocol[_T]):
    def __call__(self, key: str, default: _T | _Missing = MISSING) -> _T: ...


class _Typed(Generic[_T]):
    """A typed getter of `Fields`: ``fields.text(key, default)`` returns the field ``key``.

    Without a default the field is required; a value of another type is an error.
    """

    def __init__(self, kind: type[_T], label: str) -> None:
        self.kind = kind
        self.label = label

    def __get__(self, fields: Fields, owner: object = None) -> _Getter[_T]:
        def get(key: str, default: _T | _Missing = MISSING) -> _T:
            return fields._get(key, default, self.kind, self.label)

        return get


class Fields:
    """Typed, checked access to one mapping of a seed, with its location for messages.

    Args:
        data: The mapping (anything else is an error).
        where: Its location, e.g. ``seed.apiClients[0]``.

    Raises:
        SeedError: If ``data`` is not a mapping with string keys.
    """

    def __init__(self, data: object, where: str = "seed") -> None:
        if not isinstance(data, Mapping) or not all(isinstance(key, str) for key in data):
            raise SeedError(f"{where} must be a mapping with string keys")
        self._data: Mapping[str, object] = data
        self.where = where
        self._read: set[str] = set()

    def _get(self, key: str, default: object, kind: type[_T], label: str) -> _T:
        self._read.add(key)
        if key not in self._data or self._data[key] is None:
            if default is MISSING:
                raise SeedError(f"{self.where}.{key} is required ({label})")
            return cast("_T", default)
        value = self._data[key]
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return cast("_T", float(value))
        # bool is an int in Python; a seed's true is not a number.
        if not isinstance(value, kind) or (kind in (int, float) and isinstance(value, bool)):
            raise SeedError(
                f"{self.where}.{key} must be {label}, not {type(value).__name__} {value!r}"
            )
        return value

    text = _Typed(str, "a string")
    flag = _Typed(bool, "true or false")
    integer = _Typed(int, "an integer")
    number = _Typed(float, "a number")  # an integer too, as a float

    def guid(self, key: str) -> uuid.UUID:
        """Return a required GUID field, written as a string.

        Args:
            key: The field name.

        Returns:
            The value.
        """
        return parse_guid(self.text(key), f"{self.where}.{key}")

    def choice(self, key: str, options: tuple[str, ...], default: str | _Missing = MISSING) -> str:
        """Return a string field limited to ``options``.

        Args:
            key: The field name.
            options: The allowed values.
            default: The value when absent; without one the field is required.

        Returns:
            The value.
        """
        value = self.text(key, default)
        if value not in options:
            raise SeedError(
                f"{self.where}.{key} must be one of {', '.join(options)}, not {value!r}"
            )
        return value

    def strings(self, key: str) -> list[str]:
        """Return a list of strings (absent means empty).

        Args:
            key: The field name.

        Returns:
            The values.
        """
        values = self._get(key, [], list, "a list of strings")
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise SeedError(f"{self.where}.{key}[{index}] must be a string, not {value!r}")
        return list(values)

    def records(self, key: str) -> Iterator[Fields]:
        """Return a list of mappings (absent means empty), each with its own location.

        Args:
            key: The field name.

        Yields:
            One `Fields` per item.
        """
        values = self._get(key, [], list, "a list of mappings")
        for index, value in enumerate(values):
            yield Fields(value, f"{self.where}.{key}[{index}]")

    def section(self, key: str) -> Fields:
        """Return a nested mapping (absent means empty).

        Args:
            key: The field name.

        Returns:
            Its fields.
        """
        return Fields(self._get(key, {}, dict, "a mapping"), f"{self.where}.{key}")

    def names(self) -> list[str]:
        """Return the keys present, for free-form mappings (each is then read with `text`).

        Returns:
            The keys, in file order.
        """
        return list(self._data)

    def finish(self) -> None:
        """Reject keys that were never read (typos, unsupported settings).

        Raises:
            SeedError: If a key is unknown.
        """
        unknown = sorted(set(self._data) - self._read)
        if unknown:
            raise SeedError(f"{self.where} has unknown keys: {', '.join(unknown)}")


def parse_guid(text: str, where: str) -> uuid.UUID:
    """Read a GUID written as 8-4-4-4-12 hexadecimal digits.

    Args:
        text: The GUID.
        where: Its location, for the error message.

    Returns:
        The GUID.

    Raises:
        SeedError: If ``text`` is not such a GUID.
    """
    value: uuid.UUID | None = None
    if len(text) == 36:
        try:
            value = uuid.UUID(text)
        except ValueError:
            value = None
    if value is None:
        raise SeedError(
            f"{where} must be a GUID like 0ef6a9be-b007-4d7d-83f1-9d56f931cd0f, not {text!r}"
        )
    return value


def unique(values: list[_T], where: str, what: str) -> None:
    """Reject duplicates in a seed list.

    Args:
        values: The values (e.g. ids).
        where: The list's location.
        what: What the values are, for the message.

    Raises:
        SeedError: If a value occurs twice.
    """
    seen: set[_T] = set()
    for value in values:
        if value in seen:
            raise SeedError(f"{where}: duplicate {what} {value!r}")
        seen.add(value)


def _identity(record: object, field: str) -> object:
    if not isinstance(record, Mapping):
        return None
    value = record.get(field)
    return value.casefold() if isinstance(value, str) else value


def extend(
    default: Mapping[str, object], partial: object, record_keys: Mapping[str, str]
) -> object:
    """Lay a partial seed over the default one: what it gives is added or replaced, not all.

    The rule: a key the partial seed leaves out keeps the default's value; a scalar it gives
    replaces the default's; a mapping is laid over the default's mapping the same way; a list
    of records (``record_keys`` names the field that identifies one: ``id``, ``login``, ...)
    is the records given, then the default's records whose identity (in any case) none of
    them has. Another list replaces the default's.

    Args:
        default: The default seed's data.
        partial: The seed given (anything but a mapping is returned, for the reader to refuse).
        record_keys: For each list of records, the field that identifies a record.

    Returns:
        The seed's data to read.
    """
    if not isinstance(partial, Mapping):
        return partial
    merged: dict[str, Any] = dict(default)
    for key, value in partial.items():
        base = default.get(key)
        if isinstance(value, list) and isinstance(base, list) and key in record_keys:
            # The records given first, so that an error's index (users[0]) is the file's.
            field = record_keys[key]
            given = {_identity(record, field) for record in value} - {None}
            merged[key] = [*value, *(r for r in base if _identity(r, field) not in given)]
        elif isinstance(value, Mapping) and isinstance(base, Mapping):
            merged[key] = extend(base, value, {})
        else:
            merged[key] = value
    return merged


class Seed(abc.ABC):
    """What both sandboxes' seeds share: reading a file, and every form the public API takes.

    A seed given as a mapping or a file path to a sandbox (``seed=``, ``--seed``, a marker)
    extends the default seed (see `extend`); one built with `from_mapping` or `load` is
    exactly what it says, so passing it replaces the default (as ``--replace-seed`` does).
    """

    #: The default seed's data, which a partial seed extends (each sandbox sets its own).
    DEFAULT_DATA: ClassVar[Mapping[str, object]] = {}
    #: For each list of records in the format, the field that identifies a record.
    RECORD_KEYS: ClassVar[Mapping[str, str]] = {}

    @classmethod
    @abc.abstractmethod
    def from_fields(cls, top: Fields) -> Self:
        """Build a seed from the fields of its top-level mapping (each sandbox has its format)."""

    @classmethod
    def from_mapping(cls, data: object) -> Self:
        """Read and check a seed mapping (the parsed content of a seed file).

        Args:
            data: The mapping, in the format described in the sandbox package's docstring.

        Returns:
            The seed.

        Raises:
            SeedError: If a field is missing, mistyped, unknown or inconsistent.
        """
        top = Fields(data)
        seed = cls.from_fields(top)
        top.finish()
        return seed

    @classmethod
    def extending(cls, data: object) -> Self:
        """Read a partial seed mapping laid over the default seed (see `extend`).

        Args:
            data: The keys to add or replace, in the format of the sandbox's docstring.

        Returns:
            The seed.

        Raises:
            SeedError: If the result is invalid.
        """
        return cls.from_mapping(extend(cls.DEFAULT_DATA, data, cls.RECORD_KEYS))

    @classmethod
    def load(cls, path: str | Path, *, extend_default: bool = False) -> Self:
        """Read a seed file (``.json``, or YAML for any other suffix).

        Args:
            path: The file.
            extend_default: Lay it over the default seed (what a sandbox does with a path)
                instead of reading it as the whole seed (the default: it replaces).

        Returns:
            The seed.

        Raises:
            SeedError: If the file is unreadable or the seed is invalid; the message
                names the file and the field.
        """
        try:
            data = load_seed_file(path)
            return cls.extending(data) if extend_default else cls.from_mapping(data)
        except SeedError as exc:
            if str(path) in str(exc):
                raise
            raise SeedError(f"{path}: {exc}") from None

    @classmethod
    def resolve(cls, seed: Self | str | Path | dict[str, object] | None, default: Self) -> Self:
        """Accept a seed in any of the forms the public API takes.

        Args:
            seed: None (the default seed); a seed (used as it is: it replaces the default);
                a mapping or a file path (laid over the default seed: see `extend`).
            default: The sandbox's default seed.

        Returns:
            The seed.

        Raises:
            SeedError: If the seed is invalid.
        """
        if seed is None:
            return default
        if isinstance(seed, dict):
            return cls.extending(seed)
        if isinstance(seed, str | Path):
            return cls.load(seed, extend_default=True)
        return seed
