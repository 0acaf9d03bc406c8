"""Bounded batching for the extraction stage: reports go out in batches with only a few in flight,
so a run over millions of reports holds a handful of batches in memory, whatever runs them (this
process, a local process pool, a Dask cluster)."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last may be shorter), taken from ``items`` as they come."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def in_order(submit: Callable[[list[T]], Any], work: Iterable[list[T]], *, ahead: int) -> Iterator[tuple[list[T], Any]]:
    """Submit batches while at most ``ahead`` are in flight; yield (batch, future) in submission
    order, the caller waiting on each while the others run.  ``Executor.map`` would submit the whole
    input at once and hold all of it in memory."""
    pending: deque[tuple[list[T], Any]] = deque()
    for batch in work:
        pending.append((batch, submit(batch)))
        if len(pending) >= ahead:
            yield pending.popleft()
    while pending:
        yield pending.popleft()
