"""Records <-> JSON: the store keeps each report's extraction as JSON and reads it back as records."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from functools import lru_cache
from typing import Any

from . import types as records


def to_jsonable(value: Any) -> Any:
    """Dataclasses to dicts, tuples to lists, dates to ISO strings."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_jsonable(cls: Any, data: Any) -> Any:
    """Rebuild a record of type ``cls`` from :func:`to_jsonable` output."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        return from_jsonable(options[0], data)
    if origin is tuple:
        inner = typing.get_args(cls)[0]
        return tuple(from_jsonable(inner, v) for v in data)
    if origin is dict:
        _, inner = typing.get_args(cls)
        return {k: from_jsonable(inner, v) for k, v in data.items()}
    if cls is date:
        return date.fromisoformat(data)
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{k: from_jsonable(hints[k], v) for k, v in data.items() if k in hints})
    return data
