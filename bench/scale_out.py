"""Extraction throughput as workers are added: local processes (--jobs) and a Dask LocalCluster.

    python bench/scale_out.py [N] [FOLDER ...]

Analyses N reports (the folders' reports, default the demo corpus, repeated until there are N)
with ``analyse_many`` as ``unmist run`` does: one process, two worker processes, then a Dask
LocalCluster of one worker and of two.  Prints reports/s for each and the speed-ups (two workers
over one).  On a machine with fewer than two free cores the speed-ups cannot reach 2.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from importlib import resources

from extract_throughput import reports  # the same corpus as the throughput bench (bench/ is on the path)
from unmist.errors import IngestError
from unmist.pipeline import analyse, analyse_many


def timed(documents, **options) -> float:
    started = time.perf_counter()
    results = list(analyse_many(documents, **options))
    assert not [r for r in results if isinstance(r, IngestError)], "a report failed"
    return time.perf_counter() - started


def on_local_cluster(documents, workers: int) -> float:
    """Seconds on a LocalCluster already started and warm (each worker has loaded the pipeline)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster):
        timed(documents[: 16 * workers * 2], dask=cluster.scheduler_address)  # load the pipeline on every worker
        return timed(documents, dask=cluster.scheduler_address)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    folders = sys.argv[2:] or [str(resources.files("unmist") / "demo")]
    documents = reports(folders, count)
    analyse(documents[0])  # load the pipeline before the first timing (forked workers share it)
    seconds = {"jobs_1": timed(documents, jobs=1), "jobs_2": timed(documents, jobs=2),
               "dask_1_worker": on_local_cluster(documents, 1), "dask_2_workers": on_local_cluster(documents, 2)}
    result = {"reports": count, **{f"{name}_reports_per_s": round(count / s, 1) for name, s in seconds.items()},
              "jobs_2_over_jobs_1": round(seconds["jobs_1"] / seconds["jobs_2"], 2),
              "dask_2_over_dask_1": round(seconds["dask_1_worker"] / seconds["dask_2_workers"], 2)}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
