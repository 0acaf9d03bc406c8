"""Faults injected into real runs: a `unmist run` killed with SIGKILL mid-extraction (on SQLite and,
in CI, PostgreSQL), with one process and with worker processes.  Nothing committed is lost, the
ledger is not left locked, no worker outlives its run, and finishing the work gives the very
ledger a clean run gives."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy

from conftest import new_ledger

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and /proc")


def _unmist(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unmist", *args], cwd=cwd, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=900, env=env)


def _stored(db: str) -> int:
    """Extractions committed so far (0 while the ledger is still being created)."""
    url = db if "://" not in db else db.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = sqlalchemy.create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as connection:
            return connection.execute(sqlalchemy.text("SELECT count(*) FROM extractions")).scalar() or 0
    except sqlalchemy.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def _children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in state


def _ledger(db: str, cwd: Path) -> dict:
    exported = json.loads(_unmist("export", "--db", db, cwd=cwd).stdout)
    return {"documents": sorted(d["id"] for d in exported["documents"]),
            "incidents": sorted(exported["incidents"], key=lambda i: i["id"])}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_run_keeps_its_commits_and_the_next_run_gives_a_clean_runs_ledger(tmp_path, devset_dir, jobs):
    killed_db, clean_db = new_ledger(tmp_path), new_ledger(tmp_path)
    env = {**os.environ, "UNMIST_COMMIT_REPORTS": "2"}
    run = subprocess.Popen([sys.executable, "-m", "unmist", "run", str(devset_dir), "--db", killed_db, "--jobs", jobs],
                           cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    workers: set[int] = set()
    while _stored(killed_db) < 2 and time.monotonic() < deadline and run.poll() is None:
        workers |= _children(run.pid)
        time.sleep(0.2)
    workers |= _children(run.pid)
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    kept = _stored(killed_db)
    assert kept >= 2  # what was committed before the kill is there
    for _ in range(50):  # workers die with their run (PR_SET_PDEATHSIG), not whenever they notice
        if not any(_alive(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)

    again = _unmist("run", str(devset_dir), "--db", killed_db, "--json", cwd=tmp_path, env=env)
    assert "busy" not in again.stderr  # the dead run's lock is taken over at once
    summary = json.loads(again.stdout)
    assert summary["unchanged"] >= kept  # committed reports are not extracted again
    _unmist("run", str(devset_dir), "--db", clean_db, cwd=tmp_path)
    assert _ledger(killed_db, tmp_path) == _ledger(clean_db, tmp_path)
