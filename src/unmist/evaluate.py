"""Score a ledger against a gold set (the format of ``shared/devset/README.md``).

Gold incidents are matched to predicted ones through the reports they share and their dates (each
report's mention to the gold incident of that report nearest its date); then each field is scored
the way a coder would check it:

- incidents: recall (gold incidents found), precision (predicted incidents that are gold ones), F1;
- linking: pairwise F1 over pairs of reports that tell the same incident;
- figures: share of gold (report, figure) ranges reproduced exactly;
- date: share of matched incidents whose date lies in the gold window;
- place, perpetrator: share of matched incidents whose value is among the accepted names;
- document flags (no_incident, copy_of, misdated): precision and recall.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

from . import knowledge

# A predicted date counts as right when it lies in the gold window widened by this many days.
DATE_SLACK_DAYS = 0


@dataclass
class Score:
    hit: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 1.0

    def add(self, ok: bool, note: str) -> None:
        self.total += 1
        self.hit += int(ok)
        if not ok:
            self.misses.append(note)


def report_key(source: str) -> str:
    """'reports/023_newsfeed_digest.jsonl#2' -> '023_newsfeed_digest#2'."""
    path, _, line = source.partition("#")
    stem = Path(path).stem
    return f"{stem}#{line}" if line else stem


def load_gold(gold_dir: Path) -> dict:
    import yaml

    gold = yaml.safe_load((gold_dir / "gold.yaml").read_text(encoding="utf-8"))
    for incident in gold["incidents"]:
        incident["window"] = [_as_date(d) for d in incident["date"]]
        countries = incident.get("country")
        incident["countries"] = set(countries if isinstance(countries, list) else [countries])
    return gold


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def build_ledger(gold_dir: Path, db: str | None = None) -> dict:
    """Run the pipeline on the gold set's reports into a scratch ledger and export it."""
    from .pipeline import export_ledger, run
    from .store import open_ledger

    with tempfile.TemporaryDirectory() as scratch:
        target = db or str(Path(scratch) / "eval.db")
        summary = run([str(gold_dir / "reports")], db=target)
        if any("extraction failed" in line for line in summary.errors):
            raise RuntimeError("; ".join(line for line in summary.errors if "extraction failed" in line))
        return export_ledger(open_ledger(target))


def evaluate(gold_dir: Path, ledger: dict | None = None) -> dict:
    """Score the ledger built from ``gold_dir/reports`` against ``gold_dir/gold.yaml``."""
    gold = load_gold(gold_dir)
    ledger = ledger or build_ledger(gold_dir)
    keys = {d["id"]: report_key(d["source"]) for d in ledger["documents"]}
    mentions = _predicted_mentions(ledger, keys)
    assignment = _assign_mentions(mentions, gold["incidents"])
    scores = {
        "incidents": _incident_scores(ledger, gold["incidents"], assignment),
        "linking": _linking_scores(mentions, gold["incidents"], assignment),
        "figures": _figure_score(mentions, gold["incidents"], assignment),
    }
    scores.update(_field_scores(ledger, gold["incidents"], assignment))
    scores["flags"] = _flag_scores(ledger, keys, gold.get("documents") or {})
    return scores


@dataclass(frozen=True)
class PredictedMention:
    incident: str
    report: str
    date: tuple[date | None, date | None]
    country: str | None
    figures: dict[str, tuple[int | None, int | None]]


def _predicted_mentions(ledger: dict, keys: dict[str, str]) -> list[PredictedMention]:
    mentions = []
    for incident in ledger["incidents"]:
        by_document: dict[str, dict] = {}
        for kind, figure in incident["figures"].items():
            for value in figure["values"]:
                by_document.setdefault(value["document"], {})[kind] = (value["low"], value["high"])
        dates = {d.get("document"): d for d in incident.get("dates", [])}
        for mention in incident["mentions"]:
            stated = dates.get(mention["document"]) or incident["date"]
            window = (_maybe_date(stated.get("start")) or _maybe_date(incident["date"].get("start")),
                      _maybe_date(stated.get("end")) or _maybe_date(incident["date"].get("end")))
            mentions.append(PredictedMention(incident["id"], keys[mention["document"]], window,
                                             incident["place"].get("country"), by_document.get(mention["document"], {})))
    return mentions


def _maybe_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# A predicted mention may tell a gold incident whose window lies this many days from its own date.
ASSIGN_SLACK_DAYS = 3


def _days_apart(window: tuple[date | None, date | None], gold_window: list[date]) -> int | None:
    """Days between a mention's date window and a gold window (0 when they overlap); None if undated."""
    start, end = window
    if start is None:
        return None
    end = end or start
    return max(0, (start - gold_window[1]).days, (gold_window[0] - end).days)


def _assign_mentions(mentions: list[PredictedMention], gold_incidents: list[dict]) -> dict[int, str]:
    """Predicted mention index -> gold incident id: a gold incident the report tells, dates permitting."""
    assignment: dict[int, str] = {}
    taken: set[tuple[str, str]] = set()
    candidates = []
    for index, mention in enumerate(mentions):
        for incident in gold_incidents:
            if mention.report not in (incident.get("reports") or {}):
                continue
            apart = _days_apart(mention.date, incident["window"])
            if apart is not None and apart > ASSIGN_SLACK_DAYS:
                continue
            # the nearest in time first (a report's killing on Saturday and its clashes on Tuesday are
            # two incidents three days apart); an undated mention after every dated fit
            closeness = ASSIGN_SLACK_DAYS + 1 if apart is None else apart
            country = 0 if mention.country in incident["countries"] else 1
            candidates.append((closeness, country, index, incident["id"]))
    for _, _, index, gold_id in sorted(candidates):
        if index in assignment or (mentions[index].report, gold_id) in taken:
            continue
        assignment[index] = gold_id
        taken.add((mentions[index].report, gold_id))
    return {i: g for i, g in assignment.items()}


def _incident_matches(assignment: dict[int, str], mentions_by_incident: dict[str, list[int]]) -> dict[str, str]:
    """Predicted incident -> the gold incident most of its mentions are assigned to."""
    matches = {}
    for incident_id, indexes in mentions_by_incident.items():
        votes: dict[str, int] = {}
        for index in indexes:
            if index in assignment:
                votes[assignment[index]] = votes.get(assignment[index], 0) + 1
        if votes:
            matches[incident_id] = max(votes, key=votes.get)
    return matches


def _incident_scores(ledger: dict, gold_incidents: list[dict], assignment: dict[int, str]) -> dict:
    predicted = [i["id"] for i in ledger["incidents"]]
    index_of = _mention_index(ledger)
    matches = _incident_matches(assignment, index_of)
    found = set(matches.values())
    recall = Score(sum(1 for g in gold_incidents if g["id"] in found), len(gold_incidents),
                   [g["id"] for g in gold_incidents if g["id"] not in found])
    precision = Score(sum(1 for p in predicted if p in matches), len(predicted),
                      [p for p in predicted if p not in matches])
    core = [g for g in gold_incidents if g.get("core")]
    core_recall = Score(sum(1 for g in core if g["id"] in found), len(core), [g["id"] for g in core if g["id"] not in found])
    return {"recall": recall, "precision": precision, "core_recall": core_recall,
            "f1": _f1(precision.rate, recall.rate)}


def _mention_index(ledger: dict) -> dict[str, list[int]]:
    index_of: dict[str, list[int]] = {}
    position = 0
    for incident in ledger["incidents"]:
        for _ in incident["mentions"]:
            index_of.setdefault(incident["id"], []).append(position)
            position += 1
    return index_of


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _linking_scores(mentions: list[PredictedMention], gold_incidents: list[dict], assignment: dict[int, str]) -> dict:
    gold_pairs = {(g["id"], *sorted(pair)) for g in gold_incidents for pair in combinations(g.get("reports") or {}, 2)}
    by_incident: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_incident.setdefault(mention.incident, []).append(index)
    predicted_pairs = set()
    for indexes in by_incident.values():
        for a, b in combinations(indexes, 2):
            if mentions[a].report == mentions[b].report:
                continue
            gold_a, gold_b = assignment.get(a), assignment.get(b)
            label = gold_a if gold_a == gold_b and gold_a else f"?{a}-{b}"
            predicted_pairs.add((label, *sorted((mentions[a].report, mentions[b].report))))
    correct = predicted_pairs & gold_pairs
    precision = Score(len(correct), len(predicted_pairs), sorted(str(p) for p in predicted_pairs - gold_pairs))
    recall = Score(len(correct), len(gold_pairs), sorted(str(p) for p in gold_pairs - predicted_pairs))
    return {"precision": precision, "recall": recall, "f1": _f1(precision.rate, recall.rate)}


def _figure_score(mentions: list[PredictedMention], gold_incidents: list[dict], assignment: dict[int, str]) -> Score:
    predicted = {(assignment[i], m.report): m.figures for i, m in enumerate(mentions) if i in assignment}
    score = Score()
    for incident in gold_incidents:
        for report, figures in (incident.get("reports") or {}).items():
            for kind, expected in (figures or {}).items():
                got = predicted.get((incident["id"], report), {}).get(kind)
                ok = got is not None and list(got) == list(expected)
                score.add(ok, f"{incident['id']} {report} {kind}: gold {expected}, got {list(got) if got else None}")
    return score


def _field_scores(ledger: dict, gold_incidents: list[dict], assignment: dict[int, str]) -> dict[str, Score]:
    gold_by_id = {g["id"]: g for g in gold_incidents}
    matches = _incident_matches(assignment, _mention_index(ledger))
    scores = {"date": Score(), "place": Score(), "perpetrator": Score(), "type": Score()}
    for incident in ledger["incidents"]:
        gold = gold_by_id.get(matches.get(incident["id"], ""))
        if gold is None:
            continue
        scores["date"].add(_date_ok(incident["date"], gold["window"]), f"{gold['id']}: date {incident['date'].get('start')}..{incident['date'].get('end')}")
        scores["place"].add(_place_ok(incident["place"], gold), f"{gold['id']}: place {incident['place'].get('name')}")
        scores["type"].add(incident["type"] in gold.get("types", []), f"{gold['id']}: type {incident['type']}")
        if gold.get("perpetrators"):
            names = [p["name"] for p in incident["perpetrators"]]
            scores["perpetrator"].add(_perpetrator_ok(names, gold["perpetrators"]), f"{gold['id']}: perpetrators {names}")
    return scores


def _date_ok(value: dict, window: list[date]) -> bool:
    start = _maybe_date(value.get("start"))
    if start is None:
        return False
    end = _maybe_date(value.get("end")) or start
    slack = timedelta(days=DATE_SLACK_DAYS)
    return window[0] - slack <= start and end <= window[1] + slack


def _place_ok(place: dict, gold: dict) -> bool:
    accepted = {p.lower() for p in gold.get("places", [])}
    names = {(place.get("name") or "").lower(), (place.get("text") or "").lower(), (place.get("admin1") or "").lower()}
    return bool(accepted & names)


def _canonical(name: str) -> str:
    """Group aliases resolved; case, quotes and commas ignored ('"radical, non-traditional ..."')."""
    lowered = re.sub(r"[^\w\s-]", "", name.lower()).strip()
    for group in knowledge.groups():
        if lowered in (a.lower() for a in group.aliases):
            return group.name.lower()
    return lowered


def _perpetrator_ok(predicted: list[str], accepted: list[str]) -> bool:
    accepted_names = {_canonical(a) for a in accepted}
    for name in predicted:
        canonical = _canonical(name)
        if canonical in accepted_names or any(canonical in a or a in canonical for a in accepted_names if len(a) > 4):
            return True
    return False


def _flag_scores(ledger: dict, keys: dict[str, str], gold_documents: dict) -> dict[str, dict[str, Score]]:
    predicted: dict[str, set[str]] = {}
    for document in ledger["documents"]:
        key = keys[document["id"]]
        for flag in document["flags"]:
            name = flag.split(":", 1)[0]
            value = keys.get(flag.split(":", 1)[1], flag) if ":" in flag else True
            predicted.setdefault(name, set()).add((key, value) if name == "copy_of" else key)
    expected: dict[str, set] = {"no_incident": set(), "copy_of": set(), "misdated": set()}
    for key, flags in gold_documents.items():
        for name, value in (flags or {}).items():
            expected.setdefault(name, set()).add((key, value) if name == "copy_of" else key)
    result = {}
    for name, gold_set in expected.items():
        got = predicted.get(name, set())
        result[name] = {"precision": Score(len(got & gold_set), len(got), sorted(map(str, got - gold_set))),
                        "recall": Score(len(got & gold_set), len(gold_set), sorted(map(str, gold_set - got)))}
    return result


def summary(scores: dict) -> dict:
    """Plain numbers for --json and for the floors kept in the repository."""
    flat = {
        "incident_f1": scores["incidents"]["f1"], "incident_recall": scores["incidents"]["recall"].rate,
        "incident_precision": scores["incidents"]["precision"].rate, "core_recall": scores["incidents"]["core_recall"].rate,
        "linking_f1": scores["linking"]["f1"], "linking_precision": scores["linking"]["precision"].rate,
        "linking_recall": scores["linking"]["recall"].rate, "figures_exact": scores["figures"].rate,
        "date": scores["date"].rate, "place": scores["place"].rate, "perpetrator": scores["perpetrator"].rate,
        "type": scores["type"].rate,
    }
    for name, pair in scores["flags"].items():
        flat[f"{name}_precision"] = pair["precision"].rate
        flat[f"{name}_recall"] = pair["recall"].rate
    return {k: round(v, 3) for k, v in flat.items()}
