"""Web app and API latency on a ledger of N incidents (default 10,000).

    python bench/web_latency.py [N]

Builds the demo ledger, clones its incidents into N (new ids, dates spread over 15 years, several
countries), then times the list page, the filtered list page, the API list and an incident page
in-process, against a baseline in the same process: the bare SQL query for one page of rows.
Then times the command line on the same ledger in fresh processes (`unmist --help`, `unmist
incidents`, `unmist incidents --json`) against a bare Python start.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import text

from unmist import store
from unmist.pipeline import export_ledger, run
from unmist.settings import Settings
from unmist.web import create_app


def timed(call, repeat: int = 5) -> float:
    call()
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) / repeat


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "web.db")
        run([str(resources.files("unmist") / "demo")], db=db)
        sessions = store.open_ledger(db)
        templates = export_ledger(sessions)["incidents"]
        records = []
        for number in range(size):
            record = copy.deepcopy(rng.choice(templates))
            record["id"] = f"inc-bench{number:07d}"
            day = date(2010, 1, 1) + timedelta(days=rng.randrange(5500))
            record["date"].update(start=day.isoformat(), end=day.isoformat(), precision="day")
            record["place"]["country"] = rng.choice(["TJ", "KG", "KZ", "UZ", "AF"])
            records.append(record)
        with sessions.begin() as session:
            store.replace_incidents(session, records=records)
        client = TestClient(create_app(Settings(db=db)))
        engine = sessions.kw["bind"]

        def baseline():
            with engine.connect() as connection:
                connection.execute(text("SELECT * FROM incidents ORDER BY date_start LIMIT 100")).fetchall()

        base = timed(baseline)
        results = {"incidents": size, "baseline_sql_page_ms": round(base * 1000, 1)}
        for name, path in [("list_page", "/"), ("list_page_filtered", "/?country=TJ&conflicted=1"),
                           ("api_list", "/api/incidents"), ("api_filtered", "/api/incidents?country=KG&since=2015-01-01"),
                           ("incident_page", f"/incidents/{records[0]['id']}"), ("map_geojson", "/api/incidents.geojson?country=TJ")]:
            assert client.get(path).status_code == 200, path
            seconds = timed(lambda: client.get(path))
            results[f"{name}_ms"] = round(seconds * 1000, 1)
            results[f"{name}_over_baseline"] = round(seconds / base, 1)
        results.update(command_line(db))
        print(json.dumps(results, indent=2))


def command_line(db: str) -> dict:
    """Seconds of fresh `unmist` processes (best of three), and over a bare `python -c pass`."""
    def seconds(*arguments: str) -> float:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, *arguments], check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - started)
        return best

    bare = seconds("-c", "pass")
    results = {"python_start_s": round(bare, 2)}
    for name, arguments in [("cli_help", ["--help"]), ("cli_incidents", ["incidents", "--db", db]),
                            ("cli_incidents_json", ["incidents", "--db", db, "--json"])]:
        took = seconds("-m", "unmist", *arguments)
        results[f"{name}_s"] = round(took, 2)
    return results


if __name__ == "__main__":
    main()
