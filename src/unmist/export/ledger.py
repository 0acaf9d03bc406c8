"""Records in the ledger contract's shape (``LEDGER.md``): the keys there are fixed, extras are added."""

from __future__ import annotations

from .. import __version__
from ..types import ActorValue, DateValue, Document, Evidence, FigureValue, Incident, PlaceValue, Statement


def _statement(statement: Statement | None) -> dict | None:
    if statement is None:
        return None
    return {"speaker": statement.speaker, "role": statement.role, "organization": statement.organization,
            "relayed_by": statement.relayed_by, "cue": statement.cue, "hedges": list(statement.hedges),
            "certainty": statement.certainty, "party": statement.party}


def _evidence(evidence: Evidence | None) -> dict:
    if evidence is None:
        return {"document": None, "span": None, "sentence": None, "statement": None}
    return {"document": evidence.document, "span": [evidence.start, evidence.end], "sentence": evidence.sentence,
            "statement": _statement(evidence.statement)}


def _date(value: DateValue | None) -> dict:
    if value is None:
        return {"start": None, "end": None, "precision": "unknown"}
    record = {"start": value.start.isoformat() if value.start else None,
              "end": value.end.isoformat() if value.end else None, "precision": value.precision,
              "text": value.evidence.text if value.evidence else None, "resolved_against": value.resolved_against}
    if value.start is None and (value.month or value.weekday is not None):
        record["stated"] = {"month": value.month, "day": value.day, "weekday": value.weekday}
    record.update(_evidence(value.evidence))
    return record


def _place(value: PlaceValue | None) -> dict:
    if value is None:
        return {"name": None, "country": None, "admin1": None, "lat": None, "lon": None, "precision": "unknown"}
    record = {"name": value.name, "country": value.country, "admin1": value.admin1, "lat": value.lat,
              "lon": value.lon, "precision": value.precision, "geonameid": value.geonameid, "part": value.part,
              "county": value.county, "placed_by": value.placed_by,
              "text": value.evidence.text if value.evidence else None}
    record.update(_evidence(value.evidence))
    return record


# Head words of a state force told as people ('troops', 'police officers'): unnamed individuals,
# as GTD and MUC code them; other state forces ('the army', 'police') are organisations.
FORCE_MEMBERS = frozenset({"troops", "soldiers", "guards", "officers", "policemen", "servicemen", "deputies",
                           "agents", "men", "members", "gunmen", "militiamen", "commandos", "patrol"})


def contract_kind(actor: ActorValue) -> str:
    """The ledger's two kinds (LEDGER.md): a state force is an organisation or its people; a
    description a blame points at ('drug traffickers') is people, unnamed."""
    if actor.kind == "state":
        return "individual" if actor.name.lower().split()[-1] in FORCE_MEMBERS else "organization"
    return "organization" if actor.kind == "organization" else "individual"


def _actor(actor: ActorValue) -> dict:
    record = {"name": actor.name, "kind": contract_kind(actor), "state": actor.kind == "state",
              "status": actor.status, "by": actor.by, "how": actor.how, "text": actor.evidence.text}
    record.update(_evidence(actor.evidence))
    return record


def _figure_value(value: FigureValue, outlets: dict[str, str | None]) -> dict:
    record = {"low": value.low, "high": value.high, "text": value.evidence.text, "side": value.side,
              "outlet": outlets.get(value.evidence.document)}
    if value.implied:
        record["implied"] = True  # no figure stated: the report implies it (see FigureValue.implied)
    record.update(_evidence(value.evidence))
    return record


def _victim(value) -> dict:
    """A victim as one report names it, with the effect and count read off its sentence."""
    record = {"text": value.text, "effect": value.effect, "count": value.count}
    record.update(_evidence(value.evidence))
    return record


def incident_record(incident: Incident, outlets: dict[str, str | None]) -> dict:
    """One incident in the contract's shape, every value with its evidence."""
    return {
        "id": incident.id,
        "type": incident.type,
        "date": _date(incident.date),
        "place": _place(incident.place),
        "perpetrators": [_actor(a) for a in incident.perpetrators],
        "victims": list(incident.victims),
        "victim_details": [_victim(v) for m in incident.mentions for v in m.victims],
        "targets": list(incident.targets),
        "weapons": list(incident.weapons),
        "figures": {
            kind: {"low": f.low, "best": f.best, "high": f.high, "conflict": f.conflict, "independent": f.independent,
                   "values": [_figure_value(v, outlets) for v in f.values]}
            for kind, f in incident.figures.items()
        },
        "mentions": [
            {"document": m.document, "index": m.index, "span": [m.evidence[0].start, m.evidence[0].end],
             "sentence": m.evidence[0].sentence, "core": m.core, "type": m.type, "claim": m.claim,
             "outlet": outlets.get(m.document)}
            for m in incident.mentions
        ],
        "sources": {"reports": incident.reports, "independent": incident.independent},
        "conflicts": list(incident.conflicts),
        "claim": next((m.claim for m in incident.mentions if m.claim == "claimed"), None)
        or next((m.claim for m in incident.mentions if m.claim), None),
        "dates": [dict(_date(d), outlet=outlets.get(d.evidence.document) if d.evidence else None) for d in incident.dates],
        "places": [_place(p) for p in incident.places],
        "provenance": [
            {"document": e.document, "kind": e.kind, "target_document": e.target_document, "target_name": e.target_name,
             "similarity": e.similarity, **({"span": [e.evidence.start, e.evidence.end], "sentence": e.evidence.sentence}
                                            if e.evidence else {})}
            for e in incident.provenance
        ],
    }


def document_record(document: Document, flags: list[str] | tuple[str, ...], notes: dict | None = None) -> dict:
    return {**(notes or {}),
        "id": document.id, "source": document.source, "url": document.url, "title": document.title,
        "outlet": document.outlet, "byline": document.byline, "dateline": document.dateline,
        "published": document.published.isoformat() if document.published else None,
        "published_from": document.published_from, "flags": list(flags),
        "format": document.format,
    }


def ledger_dict(documents: list[dict], incidents: list[dict]) -> dict:
    return {"unmist_version": __version__, "documents": documents, "incidents": incidents}
