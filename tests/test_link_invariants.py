"""What must hold for every incident the linker builds (link/__init__.py says it once): one mention
per report, day-precise dates within INCIDENT_DAYS, every two mentions consistent.  Checked on the
development-set ledger and on a slice of real local news (GVA) with many same-city shootings."""

from __future__ import annotations

import json
from datetime import date
from itertools import combinations

import pytest

from conftest import SHARED
from unmist.evaluate import build_ledger
from unmist.link import INCIDENT_DAYS, consistent
from unmist.pipeline import export_ledger, run
from unmist.store import load_extractions, open_ledger


def violations(ledger: dict, mentions: dict[tuple[str, int], object]) -> list[str]:
    found = []
    misdated = {d["id"] for d in ledger["documents"] if "misdated" in (d.get("flags") or [])}
    for incident in ledger["incidents"]:
        reports = [m["document"] for m in incident["mentions"]]
        if len(reports) != len(set(reports)):
            found.append(f"{incident['id']}: two mentions of one report")
        days = [date.fromisoformat(d["start"]) for d in incident["dates"] if d["precision"] == "day" and d["start"]]
        if days and (max(days) - min(days)).days > INCIDENT_DAYS:
            found.append(f"{incident['id']}: dates {min(days)} to {max(days)}")
        stated = [mentions[(m["document"], m["index"])] for m in incident["mentions"] if m["document"] not in misdated]
        found += [f"{incident['id']}: {a.key} and {b.key} cannot be one incident"
                  for a, b in combinations(stated, 2) if not consistent(a, b)]
    return found


def _mentions(db: str) -> dict:
    with open_ledger(db)() as session:
        return {(m.document, m.index): m for e in load_extractions(session) for m in e.mentions}


def test_every_devset_incident_keeps_the_invariants(devset_dir, tmp_path):
    db = str(tmp_path / "devset.db")
    ledger = build_ledger(devset_dir, db)
    assert ledger["incidents"]
    assert violations(ledger, _mentions(db)) == []


@pytest.fixture(scope="module")
def gva_slice(tmp_path_factory) -> str:
    """Every 25th GVA incident's articles (about 110 articles of 68 shootings)."""
    gold = (SHARED / "gva" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    wanted = {a for line in gold[::25] for a in json.loads(line)["articles"]}
    lines = [line for line in (SHARED / "gva" / "reports.jsonl").read_text(encoding="utf-8").splitlines()
             if json.loads(line)["id"] in wanted]
    path = tmp_path_factory.mktemp("gva") / "slice.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_every_incident_of_real_local_news_keeps_the_invariants(gva_slice, tmp_path):
    db = str(tmp_path / "gva.db")
    run([gva_slice], db=db)
    ledger = export_ledger(open_ledger(db))
    assert len(ledger["incidents"]) > 20
    assert violations(ledger, _mentions(db)) == []
