"""Analyst review: decisions that every re-run honours.

Decisions are an append-only log (who, when, what, why).  Incident ids can change when new
reports arrive, so each decision also records the mention keys ('<document>:<n>') of the incident
it was taken on; on every rebuild the decision finds its incident again through them.

Order of application, on each rebuild:
1. rejected reports leave the ledger's evidence (their mentions are not linked);
2. merges and splits reshape the clusters the linker produced;
3. corrections, best estimates and confirmations are applied to the reconciled records.  A
   correction outranks the machine; when new evidence disagrees with it, the record says so
   (``review.conflicts``) instead of silently choosing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Decision", "ACTIONS", "decision_keys", "record_keys", "rejected_documents", "reshape_clusters", "apply_to_records"]

ACTIONS = ("confirm", "correct", "set_best", "reject_report", "merge", "split")


@dataclass(frozen=True)
class Decision:
    id: int
    created_at: str
    analyst: str
    action: str  # one of ACTIONS
    incident: str | None  # the incident id when the decision was taken
    mention_keys: tuple[str, ...]  # its mentions then: how the decision finds its incident again
    payload: dict = field(default_factory=dict)
    reason: str | None = None


def record_keys(record: dict) -> list[str]:
    """The mention keys ('<document>:<n>') of an incident record, sorted."""
    return sorted({f"{m['document']}:{m['index']}" for m in record["mentions"]})


def decision_keys(decision: Decision) -> set[str]:
    """Every mention a decision is about: its incident's, a merged incident's, a split mention."""
    payload = decision.payload
    return set(decision.mention_keys) | set(payload.get("other_mention_keys", [])) | (
        {payload["mention"]} if payload.get("mention") else set())


def rejected_documents(decisions: Iterable[Decision]) -> set[str]:
    return {d.payload["document"] for d in decisions if d.action == "reject_report"}


def _find(clusters: list[list], keys: Iterable[str]) -> int | None:
    """The cluster holding most of ``keys``."""
    keys = set(keys)
    best, best_overlap = None, 0
    for index, cluster in enumerate(clusters):
        overlap = len(keys & {m.key for m in cluster})
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def reshape_clusters(clusters: list[list], decisions: Iterable[Decision]) -> list[list]:
    """Apply merges and splits, in the order they were decided."""
    clusters = [list(c) for c in clusters]
    for decision in sorted(decisions, key=lambda d: d.id):
        if decision.action == "merge":
            first = _find(clusters, decision.mention_keys)
            second = _find(clusters, decision.payload.get("other_mention_keys", []))
            if first is not None and second is not None and first != second:
                clusters[first].extend(clusters[second])
                clusters.pop(second)
        elif decision.action == "split":
            key = decision.payload["mention"]
            for cluster in clusters:
                alone = [m for m in cluster if m.key == key]
                if alone and len(cluster) > 1:
                    cluster.remove(alone[0])
                    clusters.append(alone)
                    break
    return [c for c in clusters if c]


def _record_for(records: list[dict], decision: Decision) -> dict | None:
    keys = set(decision.mention_keys)
    best, best_overlap = None, 0
    for record in records:
        overlap = len(keys & set(record_keys(record)))
        if overlap > best_overlap:
            best, best_overlap = record, overlap
    return best


def apply_to_records(records: list[dict], decisions: Iterable[Decision]) -> list[dict]:
    """Corrections, best estimates and confirmations on the reconciled incidents."""
    for decision in sorted(decisions, key=lambda d: d.id):
        if decision.action in ("reject_report",):
            continue
        record = _record_for(records, decision)
        if record is None:
            continue
        review = record.setdefault("review", {"decisions": [], "corrected": {}, "confirmed": [], "conflicts": []})
        review["decisions"].append(decision.id)
        if decision.action == "confirm":
            _confirm(record, review, decision)
        elif decision.action in ("correct", "set_best"):
            _correct(record, review, decision)
    return records


def _confirm(record: dict, review: dict, decision: Decision) -> None:
    field_name, document = decision.payload.get("field"), decision.payload.get("document")
    review["confirmed"].append({"field": field_name, "document": document, "decision": decision.id,
                                "analyst": decision.analyst})
    if field_name and field_name.startswith("figures."):
        figure = record["figures"].get(field_name.split(".")[1], {})
        for value in figure.get("values", []):
            if document is None or value["document"] == document:
                value["confirmed"] = True


def _correct(record: dict, review: dict, decision: Decision) -> None:
    path = decision.payload["field"] if decision.action == "correct" else f"figures.{decision.payload['kind']}.best"
    value = decision.payload["value"]
    machine = _get(record, path)
    _set(record, path, value)
    if path == "place.name" and isinstance(value, str):
        record["place"].update(_gazetteer_place(value, record["place"].get("country")))
    review["corrected"][path] = {"analyst": value, "machine": machine, "decision": decision.id,
                                 "by": decision.analyst, "why": decision.reason}
    if _contradicted(record, path, value, decision):
        review["conflicts"].append({"field": path, "analyst": value, "machine": machine, "decision": decision.id})


def _gazetteer_place(name: str, country: str | None) -> dict:
    """Where an analyst's place is, as the gazetteer knows it, and how precise, so that the map
    and the exports follow the fix (the namesake in the incident's country first, else the biggest).
    A name the gazetteer does not know keeps only its name; the evidence is the analyst's, not a sentence."""
    from ..extract import gazetteer

    fields = {"lat": None, "lon": None, "geonameid": None, "precision": "unknown", "admin1": None, "text": None,
              "document": None, "span": None, "sentence": None, "statement": None}
    candidates = gazetteer.lookup(name)
    if not candidates:
        return fields
    place = max(candidates, key=lambda p: (p.country == country, p.curated, p.population))
    # the name stays as the analyst wrote it ('Khorog'; the gazetteer says 'Khorugh')
    fields.update(country=place.country, admin1=place.admin1, lat=place.lat, lon=place.lon,
                  precision=place.precision, geonameid=place.geonameid)
    return fields


def _contradicted(record: dict, path: str, value, decision: Decision) -> bool:
    """Does the evidence now disagree with the analyst?  A best figure outside every report's range,
    or a field whose machine value changed since the decision was taken."""
    if path.startswith("figures.") and path.endswith(".best") and isinstance(value, (int, float)):
        figure = record["figures"].get(path.split(".")[1], {})
        low, high = figure.get("low"), figure.get("high")
        return (low is not None and value < low) or (high is not None and value > high)
    was = decision.payload.get("machine_then")
    return was is not None and was != _get_machine(record, path, decision)


def _get_machine(record: dict, path: str, decision: Decision):
    corrected = record.get("review", {}).get("corrected", {}).get(path)
    return corrected["machine"] if corrected else _get(record, path)


def _get(record: dict, path: str):
    node = record
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _set(record: dict, path: str, value) -> None:
    parts = path.split(".")
    node = record
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
