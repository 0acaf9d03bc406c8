"""Incremental runs: adding 10 reports to a 10,000-report ledger vs a fresh 10-report run.

    python bench/incremental.py [BASE]

The base ledger is filled with BASE synthetic extractions (demo reports' extractions re-keyed,
their dates and places varied so that they form distinct incidents), then the 10 demo reports are
run into it with `unmist run`'s pipeline (extraction included); the same 10 are run into an empty
ledger.  Prints both times, their ratio (1.0 would mean the big ledger costs nothing extra), and how
many mentions the update linked again.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from importlib import resources
from pathlib import Path

from unmist import store
from unmist.errors import IngestError
from unmist.ingest import ingest
from unmist.pipeline import EXTRACTION_VERSIONS, analyse, rebuild, run

COUNTRIES = ["TJ", "KG", "KZ", "UZ", "AF", "RU", "PK", "TM"]


def synthetic(extraction, number: int, rng: random.Random):
    """A re-keyed copy of a real extraction: another report, on another day, somewhere else."""
    new_id = hashlib.sha256(f"synthetic-{number}".encode()).hexdigest()[:16]
    shift = timedelta(days=rng.randrange(-3000, 0))
    country = rng.choice(COUNTRIES)
    words = extraction.document.text.split()
    rng.shuffle(words)  # another report's text: same vocabulary, no shared passages
    text = " ".join(words) + f" [synthetic report {number}]"
    document = replace(extraction.document, id=new_id, source=f"synthetic/{number}.txt", text=text,
                       published=(extraction.document.published or None) and extraction.document.published + shift)

    def moved(mention):
        date = mention.date
        if date is not None and date.start is not None:
            date = replace(date, start=date.start + shift, end=date.end + shift if date.end else None)
        place = mention.place and replace(mention.place, country=country, name=f"{mention.place.name}-{number}",
                                          geonameid=None)
        evidence = tuple(replace(e, document=new_id) for e in mention.evidence)
        figures = tuple(replace(f, evidence=replace(f.evidence, document=new_id)) for f in mention.figures)
        return replace(mention, document=new_id, date=date, place=place, country=country, countries=(country,),
                       evidence=evidence, figures=figures, perpetrators=(), places_named=())

    return replace(extraction, document=document, mentions=tuple(moved(m) for m in extraction.mentions), citations=())


def main() -> None:
    base = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    demo = str(resources.files("unmist") / "demo")
    real = [analyse(d) for d in ingest([demo]) if not isinstance(d, IngestError)]
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as scratch:
        big, small = str(Path(scratch) / "big.db"), str(Path(scratch) / "small.db")
        sessions = store.open_ledger(big)
        with sessions.begin() as session:
            for number in range(base):
                store.save_extraction(session, extraction=synthetic(rng.choice(real), number, rng),
                                      versions=EXTRACTION_VERSIONS)
        started = time.perf_counter()
        base_mentions = rebuild(sessions)
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        added = run([demo], db=big)
        incremental = time.perf_counter() - started
        started = time.perf_counter()
        run([demo], db=small)
        fresh = time.perf_counter() - started
        decision_big, decision_small = _time_decision(big), _time_decision(small)
    print(json.dumps({"base_reports": base, "first_build_seconds": round(build_seconds, 1),
                      "add_10_to_base_seconds": round(incremental, 2), "fresh_10_seconds": round(fresh, 2),
                      "mentions_linked_again": added.relinked, "mentions_in_ledger": base_mentions,
                      "ratio": round(incremental / fresh, 2),
                      "decision_on_base_seconds": round(decision_big, 2), "decision_on_fresh_seconds": round(decision_small, 2)},
                     indent=2))


def _time_decision(db: str) -> float:
    """An analyst's correction on the busiest demo incident, as the web app's review form takes it."""
    from unmist.review.actions import decide

    sessions = store.open_ledger(db)
    with sessions() as session:
        target = max(store.list_incidents(session), key=lambda row: (row.reports, row.id))
    started = time.perf_counter()
    decide(sessions, action="set_best", incident_id=target.id, analyst="bench", kind="killed", value=5)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
