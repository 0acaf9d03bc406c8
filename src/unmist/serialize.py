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
    return _decoder(cls)(data)


@lru_cache(maxsize=None)
def _decoder(cls: Any):
    """A function that decodes JSON into ``cls``, built once per type: loading a large ledger
    decodes millions of values, and re-reading type hints for each one was most of the cost."""
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        inner = _decoder([a for a in typing.get_args(cls) if a is not type(None)][0])
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        inner = _decoder(typing.get_args(cls)[0])
        return lambda data: None if data is None else tuple(inner(v) for v in data)
    if origin is dict:
        inner = _decoder(typing.get_args(cls)[1])
        return lambda data: None if data is None else {k: inner(v) for k, v in data.items()}
    if cls is date:
        return lambda data: None if data is None else date.fromisoformat(data)
    if dataclasses.is_dataclass(cls):
        fields = [(name, _decoder(hint)) for name, hint in _hints(cls).items()]

        def decode(data):
            if data is None:
                return None
            return cls(**{name: decoder(data[name]) for name, decoder in fields if name in data})

        return decode
    return lambda data: data

