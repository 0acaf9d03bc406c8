"""Score unmist on MUC-4 (the format of ``shared/muc4/README.md``) with the template-filling metric
of GTT and IterX, so ``unmist eval`` prints the same per-role table as the benchmark's scorer.

The ledger is turned into templates as the benchmark's converter documents it: one template per
incident and report it is told in; its type mapped onto MUC's six; perpetrators of kind
'individual' are PerpInd, the others PerpOrg; victims, targets and weapons as they are; a filler
whose words are not in the report is dropped.  The metric is written here from its published
description (no benchmark code is needed at run time): per report, predicted and gold templates
are aligned one to one (the types must agree) to maximise the report's F1, ties going to the first
alignment in depth-first order; a predicted filler is right when its normalised string is a mention
of a gold entity of its role; totals are micro-averaged over reports.
"""

from __future__ import annotations

import json
import re
import string
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
SLOTS = ("incident_type", *ROLES)
# Above this many one-to-one alignments of one report, a greedy alignment replaces the exhaustive one.
EXACT_ALIGNMENTS = 50_000
_PUNCT = str.maketrans("", "", string.punctuation)
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def norm(text: str) -> str:
    """Lower case, ASCII punctuation deleted, articles removed, white space collapsed."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split())


def loose(text: str) -> str:
    """Like :func:`norm`, with punctuation as a space ('PENA--ALLEGED' still contains 'pena')."""
    return norm(re.sub(r"[^\w\s]", " ", text))


def muc_type(itype: str | None) -> str:
    """unmist's incident types on MUC-4's: attack, bombing, kidnapping, arson, robbery, forced work stoppage."""
    value = (itype or "").lower().replace("-", "_").replace(" ", "_")
    if value.endswith("bombing"):
        return "bombing"
    if value.startswith(("kidnap", "hostage", "abduct")):
        return "kidnapping"
    if value in ("arson", "robbery"):
        return value
    if value in ("strike", "forced_work_stoppage"):
        return "forced work stoppage"
    return "attack"


# --- ledger -> templates ----------------------------------------------------------------------

def templates_from_ledger(ledger: dict, ids: list[str], texts: dict[str, str]) -> dict[str, list[dict]]:
    """One template per (incident, report), keyed by MUC document id (line N of the input = ids[N-1])."""
    doc_ids = {}
    for document in ledger.get("documents", []):
        line = re.search(r"#(\d+)$", document.get("source") or "")
        if line and 1 <= int(line.group(1)) <= len(ids):
            doc_ids[document["id"]] = ids[int(line.group(1)) - 1]
    predictions: dict[str, list[dict]] = {doc: [] for doc in ids}
    for incident in ledger.get("incidents", []):
        reports = dict.fromkeys(m["document"] for m in incident.get("mentions") or [])
        for report in reports:
            doc = doc_ids.get(report)
            if doc is not None:
                predictions[doc].append(_template(incident, texts.get(doc, "")))
    return predictions


def _template(incident: dict, text: str) -> dict:
    perpetrators = [p for p in incident.get("perpetrators") or [] if isinstance(p, dict)]
    fillers = {
        "PerpInd": [p.get("name") for p in perpetrators if p.get("kind") == "individual"],
        "PerpOrg": [p.get("name") for p in perpetrators if p.get("kind") != "individual"],
        "Target": incident.get("targets") or [], "Victim": incident.get("victims") or [],
        "Weapon": incident.get("weapons") or [],
    }
    in_text = (f" {norm(text)} ", f" {loose(text)} ")
    template: dict = {"incident_type": muc_type(incident.get("type"))}
    for role in ROLES:
        seen, kept = set(), []
        for value in fillers[role]:
            key = norm(value or "")
            if key and key not in seen and (f" {key} " in in_text[0] or f" {loose(value)} " in in_text[1]):
                seen.add(key)
                kept.append([value])
        template[role] = kept
    return template


# --- the metric -------------------------------------------------------------------------------

@dataclass
class Tally:
    """Right predicted fillers / predicted, recalled gold fillers / gold, per slot."""

    p_num: int = 0
    p_den: int = 0
    r_num: int = 0
    r_den: int = 0

    def add(self, other: Tally) -> None:
        self.p_num += other.p_num
        self.p_den += other.p_den
        self.r_num += other.r_num
        self.r_den += other.r_den

    def f1(self) -> float:
        p = self.p_num / self.p_den if self.p_den else 0.0
        r = self.r_num / self.r_den if self.r_den else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _gold_templates(record: dict) -> list[dict]:
    unique, seen = [], set()
    for template in record.get("templates") or []:
        entry = {"types": [t.strip() for t in template["incident_type"].split("/")]}
        for role in ROLES:
            entry[role] = [{norm(m[0] if isinstance(m, list) else m) for m in entity} for entity in template.get(role) or []]
            entry[role] = [e for e in entry[role] if e - {""}]
        key = json.dumps({k: sorted(map(sorted, v)) if k != "types" else v for k, v in entry.items()}, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    return unique


def _predicted_templates(templates: list[dict]) -> list[dict]:
    out = []
    for template in templates:
        itype = template.get("incident_type")
        entry = {"type": itype if isinstance(itype, str) else "attack"}
        for role in ROLES:
            entities = template.get(role) or []
            entry[role] = [{norm(m[0] if isinstance(m, (list, tuple)) else m) for m in
                            ([e] if isinstance(e, str) else e)} for e in entities]
        out.append(entry)
    return out


def _pair_tallies(pred: dict, gold: dict) -> dict[str, Tally] | None:
    """Numerators of one aligned pair, or None when the types disagree."""
    if pred["type"] not in gold["types"]:
        return None
    tallies = {"incident_type": Tally(1, 0, 1, 0)}
    for role in ROLES:
        right = sum(1 for entity in pred[role] if any(entity <= mentions for mentions in gold[role]))
        recalled = sum(1 for mentions in gold[role] if any(entity <= mentions for entity in pred[role]))
        tallies[role] = Tally(right, 0, recalled, 0)
    return tallies


def _denominators(preds: list[dict], golds: list[dict]) -> dict[str, Tally]:
    tallies = {slot: Tally() for slot in SLOTS}
    tallies["incident_type"].p_den, tallies["incident_type"].r_den = len(preds), len(golds)
    for role in ROLES:
        tallies[role].p_den = sum(len(p[role]) for p in preds)
        tallies[role].r_den = sum(len(g[role]) for g in golds)
    return tallies


def _micro_f1(pairs: list[dict[str, Tally]], den: dict[str, Tally]) -> float:
    total = Tally(sum(t.p_num for p in pairs for t in p.values()), sum(t.p_den for t in den.values()),
                  sum(t.r_num for p in pairs for t in p.values()), sum(t.r_den for t in den.values()))
    return total.f1()


def _align(preds: list[dict], golds: list[dict], den: dict[str, Tally]) -> list[dict[str, Tally]]:
    """The pairs of the alignment with the best F1 (depth-first: each predicted template against
    gold 0, 1, ..., then unaligned; the first best is kept)."""
    scores = [[_pair_tallies(p, g) for g in golds] for p in preds]
    if _alignment_count(len(preds), len(golds)) > EXACT_ALIGNMENTS:
        return _greedy(scores, den)
    best: tuple[float, list] = (-1.0, [])

    def visit(i: int, used: frozenset[int], chosen: list) -> None:
        nonlocal best
        if i == len(preds):
            value = _micro_f1(chosen, den)
            if value > best[0]:
                best = (value, list(chosen))
            return
        for j, pair in enumerate(scores[i]):
            if j not in used and pair is not None:
                visit(i + 1, used | {j}, chosen + [pair])
        visit(i + 1, used, chosen)

    visit(0, frozenset(), [])
    return best[1]


def _alignment_count(n: int, m: int) -> int:
    from math import comb, perm

    return sum(comb(n, k) * perm(m, k) for k in range(min(n, m) + 1))


def _greedy(scores: list[list[dict | None]], den: dict[str, Tally]) -> list[dict[str, Tally]]:
    candidates = [(sum(t.p_num + t.r_num for t in pair.values()), -i, -j, i, j)
                  for i, row in enumerate(scores) for j, pair in enumerate(row) if pair is not None]
    used_p, used_g, chosen = set(), set(), []
    for *_, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            chosen.append(scores[i][j])
    return chosen


def score(predictions: dict[str, list[dict]], gold_records: list[dict]) -> dict[str, Tally]:
    """Micro-averaged tallies per slot and over all of them ('all')."""
    totals = {slot: Tally() for slot in (*SLOTS, "all")}
    for record in gold_records:
        golds = _gold_templates(record)
        preds = _predicted_templates(predictions.get(record["docid"], []))
        den = _denominators(preds, golds)
        for pair in [den, *_align(preds, golds, den)]:
            for slot, tally in pair.items():
                totals[slot].add(tally)
                totals["all"].add(tally)
    return totals


# --- running it ---------------------------------------------------------------------------------

def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate_muc4(folder: Path, split: str = "dev", limit: int | None = None, db: str | None = None) -> dict:
    """Run unmist on a MUC-4 split (its first ``limit`` reports) and score it.

    Returns:
        {"slots": {slot: Tally}, "reports": n, "templates": n predicted}
    """
    from .pipeline import export_ledger, run
    from .store import open_ledger

    reports = read_jsonl(folder / "data" / f"{split}.jsonl")[:limit]
    gold = {r["docid"]: r for r in read_jsonl(folder / "gold" / f"{split}.gtt.jsonl")}
    with tempfile.TemporaryDirectory() as scratch:
        inputs = Path(scratch) / f"{split}.jsonl"
        inputs.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
        target = db or str(Path(scratch) / "muc4.db")
        run([str(inputs)], db=target)
        ledger = export_ledger(open_ledger(target))
    ids = [r["id"] for r in reports]
    predictions = templates_from_ledger(ledger, ids, {r["id"]: r["text"] for r in reports})
    slots = score(predictions, [gold[i] for i in ids if i in gold])
    return {"slots": slots, "reports": len(ids), "templates": sum(map(len, predictions.values())),
            "predictions": predictions}


def summary(result: dict) -> dict:
    """F1 per slot and overall, in percent as the benchmark prints them."""
    return {slot: round(100 * tally.f1(), 2) for slot, tally in result["slots"].items()}
