"""Scale-out (#12): extraction on a real Dask cluster gives the same ledger as a local run; a task
that fails is retried, then its reports are reported and the run goes on."""

from __future__ import annotations

import pytest

from conftest import new_ledger
from unmist import store
from unmist.cli import _bare_dask_option
from unmist.cluster import looks_like_address, resolve_address, run_on_cluster
from unmist.pipeline import export_ledger, run

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    """A real two-worker cluster of processes on this machine, reached by its scheduler address as a
    team's cluster would be."""
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.ERROR) as local:
        yield local.scheduler_address


def test_a_run_on_the_cluster_gives_the_local_runs_ledger(tmp_path, demo_dir, cluster):
    local_db, cluster_db = new_ledger(tmp_path), new_ledger(tmp_path)
    local = run([str(demo_dir)], db=local_db)
    on_cluster = run([str(demo_dir)], db=cluster_db, dask=cluster)
    assert on_cluster.errors == [] and on_cluster.extracted == local.extracted > 5
    assert export_ledger(store.open_ledger(cluster_db)) == export_ledger(store.open_ledger(local_db))
    again = run([str(demo_dir)], db=cluster_db, dask=cluster)
    assert again.extracted == 0 and again.unchanged == local.read


def test_a_failing_task_is_reported_for_its_reports_and_the_others_come_back_in_order(cluster):
    # sorted() fails on a batch mixing numbers and text: a real exception on a real worker
    work = [[3, 1, 2], [1, "a"], [5, 4]]
    results = list(run_on_cluster(sorted, iter(work), address=cluster, workers=2,
                                  failed=lambda batch, reason: [f"failed: {reason}"] * len(batch)))
    assert results[0] == [1, 2, 3] and results[2] == [4, 5]
    assert len(results[1]) == 2 and "TypeError" in results[1][0] and "Dask" in results[1][0]


def test_dask_option_bare_means_a_local_cluster_unless_an_address_follows(monkeypatch):
    assert _bare_dask_option(["run", "r/", "--dask"]) == ["run", "r/", "--dask=local"]
    assert _bare_dask_option(["run", "--dask", "reports/", "--jobs", "2"])[1] == "--dask=local"
    assert _bare_dask_option(["run", "--dask", "tcp://10.0.0.5:8786", "r/"])[1:3] == ["--dask", "tcp://10.0.0.5:8786"]
    assert looks_like_address("scheduler:8786") and not looks_like_address("reports/2019")
    monkeypatch.setenv("UNMIST_DASK", "tcp://scheduler:8786")
    assert resolve_address("local") == "tcp://scheduler:8786" and resolve_address(None) is None
    monkeypatch.delenv("UNMIST_DASK")
    assert resolve_address("local") == "local"
