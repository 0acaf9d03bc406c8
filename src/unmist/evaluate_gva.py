"""Score unmist on incident-grouped news (the format of ``shared/gva/README.md``: ``reports.jsonl`` and
``gold.jsonl``, one incident a line with its articles, date, place and counts), so ``unmist eval``
prints the figures of the data's own scorer: cross-report linking (pairwise and B-cubed), and per
matched incident killed, injured, date, city and state.

Written from the scorer's published description (nothing of it is needed at run time):

- a ledger document is the report on line N of its source 'PATH#N' when its url (else title)
  agrees, else the report with its url, else the one with its (unique) title;
- a report is in an incident when a mention or figure value of the incident cites its document;
- linking is scored over the gold reports placed in some incident; two reports are linked when
  they share an incident (pairwise P/R/F1 against same-incident pairs; B-cubed per report);
- each gold incident is matched to the predicted incident holding most of its reports (ties: more
  mentions in them, fewer reports from elsewhere, smaller id) and its known fields are compared:
  killed and injured exactly (a missing figure is wrong; the ``*_absent_as_0`` lines count it as
  0), the date within a day, the city and state after normalising spellings.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FIELDS = ("killed", "killed_absent_as_0", "injured", "injured_absent_as_0", "date", "city", "state")
# The scorer's spellings of one city: 'New York City' is New York, 'D.C.' the District of Columbia.
CITY_ALIASES = {"new york city": "new york", "nyc": "new york", "washington dc": "washington",
                "washington d c": "washington", "dc": "district of columbia",
                "washington d c state": "district of columbia"}
US_COUNTRY = {None, "", "US", "USA", "United States", "United States of America"}


@dataclass(frozen=True)
class Predicted:
    record: dict
    reports: frozenset[str]
    mentions: Counter


# --- reading ------------------------------------------------------------------------------------

def numbered_records(path: Path) -> dict[int, dict]:
    """Records of a JSONL file by line number, counted as unmist counts a JSONL file's lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {number: json.loads(line) for number, line in enumerate(lines, 1) if line.strip()}


def report_of_document(documents: list[dict], reports: dict[int, dict]) -> dict[str, str]:
    """Ledger document id -> report id."""
    by_url, by_title = defaultdict(set), defaultdict(set)
    for report in reports.values():
        if report.get("url"):
            by_url[report["url"]].add(report["id"])
        if report.get("title"):
            by_title[report["title"].strip()].add(report["id"])
    found = {}
    for document in documents:
        line = re.search(r"#(\d+)$", document.get("source") or "")
        report = reports.get(int(line.group(1))) if line else None
        if report is not None and _agrees(document, report):
            found[document["id"]] = report["id"]
            continue
        for key, index in ((document.get("url"), by_url), ((document.get("title") or "").strip(), by_title)):
            if key and len(index.get(key, ())) == 1:
                found[document["id"]] = next(iter(index[key]))
                break
    return found


def _agrees(document: dict, report: dict) -> bool:
    if document.get("url") and report.get("url"):
        return document["url"] == report["url"]
    if document.get("title") and report.get("title"):
        return document["title"].strip() == report["title"].strip()
    return True


def predicted_incidents(ledger: dict, report_of: dict[str, str]) -> list[Predicted]:
    predicted = []
    for record in ledger.get("incidents", []):
        mentions: Counter = Counter()
        for mention in record.get("mentions") or []:
            if mention.get("document") in report_of:
                mentions[report_of[mention["document"]]] += 1
        for figure in (record.get("figures") or {}).values():
            for value in (figure or {}).get("values") or []:
                report = report_of.get(value.get("document"))
                if report is not None and report not in mentions:
                    mentions[report] += 0
        if mentions:
            predicted.append(Predicted(record, frozenset(mentions), mentions))
    return predicted


# --- linking ------------------------------------------------------------------------------------

def _prf(right: float, predicted: float, gold: float) -> dict:
    p = right / predicted if predicted else None
    r = right / gold if gold else None
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p and r else 0.0}


def linking(incident_of: dict[str, str], predicted: list[Predicted]) -> dict:
    """Pairwise and B-cubed scores over the gold reports some predicted incident holds."""
    scope = {report for p in predicted for report in p.reports if report in incident_of}
    linked: dict[str, set[str]] = defaultdict(set)
    for p in predicted:
        members = p.reports & scope
        for report in members:
            linked[report] |= members
    members_of: dict[str, set[str]] = defaultdict(set)
    for report, incident in incident_of.items():
        members_of[incident].add(report)
    predicted_pairs = sum(len(linked[r]) - 1 for r in scope) / 2
    right_pairs = sum(len(linked[r] & members_of[incident_of[r]]) - 1 for r in scope) / 2
    gold_pairs = sum(len(members_of[incident_of[r]] & scope) - 1 for r in scope) / 2
    all_pairs = sum(len(m) * (len(m) - 1) / 2 for m in members_of.values())
    pairwise = _prf(right_pairs, predicted_pairs, gold_pairs)
    pairwise.update(pred_pairs=int(predicted_pairs), gold_pairs=int(gold_pairs), correct_pairs=int(right_pairs),
                    recall_all=right_pairs / all_pairs if all_pairs else None, gold_pairs_all=int(all_pairs))
    precision = recall = 0.0
    for report in scope:
        gold = members_of[incident_of[report]] & scope
        hit = len(linked[report] & gold)
        precision += hit / len(linked[report])
        recall += hit / len(gold)
    n = len(scope)
    bcubed = {"p": precision / n if n else None, "r": recall / n if n else None}
    bcubed["f1"] = 2 * bcubed["p"] * bcubed["r"] / (bcubed["p"] + bcubed["r"]) if n and precision + recall else 0.0
    return {"reports_gold": len(incident_of), "reports_in_scope": n,
            "coverage": n / len(incident_of) if incident_of else None, "pairwise": pairwise, "bcubed": bcubed}


# --- fields -------------------------------------------------------------------------------------

def normal(text) -> str:
    """Lower-case ASCII words; 'Saint'/'Ste', 'Mount', 'Fort' folded to the short forms."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower().replace("&", " and ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for long, short in (("saint|ste", "st"), ("mount", "mt"), ("fort", "ft")):
        text = re.sub(rf"\b(?:{long})\b", short, text)
    return CITY_ALIASES.get(text, text)


def city_names(city: str) -> set[str]:
    """The accepted names of a city as the gold writes it: 'Chicago (Englewood)' is either;
    'Brown (county)' is Brown, Brown County or Brown Parish."""
    bracketed = re.match(r"^(.*?)\s*\((.*)\)\s*$", city)
    if bracketed and bracketed.group(2).strip().lower() == "county":
        base = bracketed.group(1)
        names = {normal(base), normal(base + " county"), normal(base + " parish")}
    elif bracketed:
        names = {normal(bracketed.group(1)), normal(bracketed.group(2))}
    else:
        names = {normal(city)}
    return names - {""}


def state_name(value) -> str | None:
    """A state's normal name, from its name or its postal code ('TX', 'US-TX')."""
    from .knowledge import admin_abbreviations

    if not value:
        return None
    text = str(value).strip()
    code = text.upper().replace("US-", "").replace("US.", "")
    codes = {form.upper(): name for form, (name, country) in admin_abbreviations().items()
             if country == "US" and len(form) == 2}
    return normal(codes.get(code, text))


def _best(record: dict, *kinds: str):
    for kind in kinds:
        figure = (record.get("figures") or {}).get(kind)
        if figure and figure.get("best") is not None:
            return figure["best"]
    return None


def field_checks(gold: dict, record: dict) -> dict[str, bool]:
    """Right or wrong for each field the gold incident knows."""
    checks: dict[str, bool] = {}
    place = record.get("place") or {}
    for field, kinds in (("killed", ("killed",)), ("injured", ("wounded", "injured"))):
        if gold.get(field) is not None:
            value = _best(record, *kinds)
            checks[field] = value == gold[field]
            checks[f"{field}_absent_as_0"] = (0 if value is None else value) == gold[field]
    if gold.get("date"):
        start = ((record.get("date") or {}).get("start") or "")[:10]
        try:
            checks["date"] = abs((date.fromisoformat(start) - date.fromisoformat(gold["date"])).days) <= 1
        except ValueError:
            checks["date"] = False
    if gold.get("city"):
        checks["city"] = bool(place.get("name")) and normal(place["name"]) in city_names(gold["city"])
    if gold.get("state"):
        wanted = normal(gold["state"])
        checks["state"] = place.get("country") in US_COUNTRY and (
            state_name(place.get("admin1")) == wanted or (bool(place.get("name")) and normal(place["name"]) == wanted))
    return checks


def match(reports: set[str], candidates: list[Predicted]) -> dict | None:
    """The predicted incident holding most of the gold incident's reports."""
    best, best_key = None, None
    for p in candidates:
        hit = p.reports & reports
        if not hit:
            continue
        key = (len(hit), sum(p.mentions[r] for r in hit), -len(p.reports - reports), str(p.record.get("id")))
        if best_key is None or key > best_key:
            best, best_key = p.record, key
    return best


def fields(gold: list[dict], predicted: list[Predicted]) -> dict:
    """Accuracy per field over matched gold incidents ('acc') and over all that know it ('of_all')."""
    holding: dict[str, list[Predicted]] = defaultdict(list)
    for p in predicted:
        for report in p.reports:
            holding[report].append(p)
    right, matched_known, known = Counter(), Counter(), Counter()
    matched = 0
    for incident in gold:
        reports = set(incident["articles"])
        candidates = list({id(p): p for r in reports for p in holding.get(r, [])}.values())
        record = match(reports, candidates)
        known.update(field_checks(incident, {}).keys())
        if record is None:
            continue
        matched += 1
        for field, ok in field_checks(incident, record).items():
            matched_known[field] += 1
            right[field] += ok
    scores = {"gold_incidents": len(gold), "matched": matched}
    for field in known:
        scores[field] = {"acc": right[field] / matched_known[field] if matched_known[field] else None,
                         "of_all": right[field] / known[field], "correct": right[field],
                         "matched_known": matched_known[field], "known": known[field]}
    return scores


# --- running it ---------------------------------------------------------------------------------

def score(ledger: dict, gold: list[dict], reports: dict[int, dict]) -> dict:
    report_of = report_of_document(ledger.get("documents", []), reports)
    incident_of = {article: g["incident"] for g in gold for article in g["articles"]}
    predicted = predicted_incidents(ledger, report_of)
    return {"documents": len(ledger.get("documents", [])), "documents_mapped": len(report_of),
            "incidents": len(ledger.get("incidents", [])),
            "incidents_with_gold_reports": sum(1 for p in predicted if p.reports & incident_of.keys()),
            "linking": linking(incident_of, predicted), "fields": fields(gold, predicted)}


def is_gva_folder(folder: Path) -> bool:
    return (folder / "gold.jsonl").is_file() and (folder / "reports.jsonl").is_file()


def evaluate_gva(folder: Path, *, db: str | None = None, jobs: int = 1) -> dict:
    """Run unmist on ``folder``'s reports.jsonl and score the ledger against its gold.jsonl."""
    from .pipeline import export_ledger, run
    from .store import open_ledger

    inputs = folder / "reports.jsonl"
    with tempfile.TemporaryDirectory() as scratch:
        target = db or str(Path(scratch) / "gva.db")
        run([str(inputs)], db=target, jobs=jobs)
        ledger = export_ledger(open_ledger(target))
    gold = list(numbered_records(folder / "gold.jsonl").values())
    return score(ledger, gold, numbered_records(inputs))


def summary(scores: dict) -> dict:
    """The headline numbers, flat (as the eval gate and --json read them)."""
    flat = {"coverage": scores["linking"]["coverage"]}
    for name in ("pairwise", "bcubed"):
        flat.update({f"{name}_{k}": scores["linking"][name][k] for k in ("p", "r", "f1")})
    flat.update({field: scores["fields"][field]["acc"] for field in FIELDS if field in scores["fields"]})
    return flat
