"""Extraction on a Dask cluster (``unmist run --dask``): one laptop's run, spread over machines.

Each batch of reports is one Dask task; a worker loads the spaCy pipeline once (it is cached per
process) and returns the extractions, and this process stores them and links incrementally exactly
as a local run does, so the ledger is the same.  Only a few tasks per worker are in flight, so the
input streams through.  A task that fails is retried once (on another worker when there is one);
if it fails again its reports are reported as failed and the run goes on.

``address`` is ``"local"`` (a :class:`distributed.LocalCluster` of ``workers`` processes on this
machine) or a scheduler address such as ``tcp://scheduler:8786`` (a cluster started with
``dask scheduler`` / ``dask worker`` on several machines, or by dask's Kubernetes or YARN
deployers; the workers need unmist installed).  Note that the per-report time budget cannot be
enforced in Dask's worker threads (it needs a process's main thread); the hangs it guards against
are fixed at their cause, and the budget holds for local runs.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from .batches import in_order

LOCAL = "local"
ENV_ADDRESS = "UNMIST_DASK"  # the scheduler to use when --dask is given without one
TASKS_PER_WORKER = 2  # in flight per worker: one running, one waiting, so no worker idles
RETRIES = 1


def looks_like_address(word: str) -> bool:
    """'tcp://host:8786', 'host:8786', 'local': what may follow ``--dask`` (a report path may too)."""
    return word == LOCAL or "://" in word or bool(re.fullmatch(r"[\w.-]+:\d+", word))


def resolve_address(option: str | None) -> str | None:
    """The cluster ``--dask`` names: its value, else $UNMIST_DASK when it was given bare, else local."""
    if option is None:
        return None
    if option in ("", LOCAL):
        return os.environ.get(ENV_ADDRESS) or LOCAL
    return option


def run_on_cluster(task: Callable[[list], list], work: Iterable[list], *, address: str, workers: int,
                   failed: Callable[[list, str], list]) -> Iterator[list]:
    """``task(batch)`` for every batch, on the cluster, results in input order; a batch whose task
    fails twice gives ``failed(batch, reason)`` instead."""
    with _client(address, workers) as client:
        live = max(1, len(client.scheduler_info().get("workers", {})))

        def submit(batch: list) -> Any:
            return client.submit(task, batch, retries=RETRIES, pure=False)

        for batch, future in in_order(submit, work, ahead=TASKS_PER_WORKER * live):
            try:
                yield future.result()
            except Exception as err:  # the worker's exception, re-raised here: the run goes on
                yield failed(batch, f"on the Dask cluster, {type(err).__name__}: {err}")
            finally:
                future.release()


@contextmanager
def _client(address: str, workers: int) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if address != LOCAL:
        with Client(address) as client:
            yield client
        return
    with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client
