"""Stage 5, reconcile: every report's value side by side, unmist's low / best / high, conflicts.

Each figure keeps all reports' ranges; ``low`` is the least any report allows, ``high`` the most,
``best`` the median of the reports' point values (or of their closed ends), a figure a copy or a
citing report repeats from its origin counted once, and a toll a report says has risen ('has risen
to 14') leading it when higher; a report's zero that is
only implied, and a report's wounded who may be the dead others tell of, count only when no report
states otherwise.  A field is in conflict when two reports' ranges cannot both be true.  Copies and
citation chains are collapsed (see :mod:`.provenance`) so that ``independent`` counts origins, not
repetitions.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .. import knowledge
from ..link import incident_id
from ..types import (PERPETRATOR_STATUS_RANK, ActorValue, Citation, DateValue, Document, FigureValue, Incident,
                     Mention, PlaceValue, ProvenanceEdge, ReconciledFigure)
from .misdating import Misdating, find_misdated, redate
from .provenance import CopyEdge, Origins, find_copies, outlet_key

__all__ = ["reconcile", "RECONCILE_VERSION", "Ledger", "find_copies", "find_misdated", "redate", "Misdating",
           "document_flags", "CopyEdge"]

RECONCILE_VERSION = "reconcile.conservative.v13"
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
PLACE_RANK = {"exact": 0, "district": 1, "province": 2, "country": 3, "unknown": 4}


@dataclass(frozen=True)
class Ledger:
    incidents: tuple[Incident, ...]
    copies: tuple[CopyEdge, ...]
    citations: tuple[Citation, ...]
    document_flags: dict[str, tuple[str, ...]]
    misdated: dict[str, Misdating]


def reconcile(clusters: list[list[Mention]], documents: dict[str, Document], citations: Iterable[Citation], *,
              copies: list[CopyEdge] | None = None, misdated: dict[str, Misdating] | None = None) -> Ledger:
    """Turn linked mention clusters into reconciled incidents.

    Args:
        clusters: output of :func:`unmist.link.link`.
        documents: every report in the ledger, by id.
        citations: every report's citation edges.
        copies: copy edges, when already computed.
        misdated: reports whose stated date contradicts their content.

    Returns:
        The incidents, the copy and citation edges, and per-report flags.
    """
    copies = copies if copies is not None else find_copies(sorted(documents.values(), key=lambda d: d.id))
    misdated = misdated or {}
    incident_documents: dict[str, set[str]] = {}
    for cluster in clusters:
        key = incident_id(cluster)
        for mention in cluster:
            incident_documents.setdefault(mention.document, set()).add(key)
    citations = list(citations)
    origins = Origins(copies)
    outlets = {d.id: d.outlet for d in documents.values()}
    # by report, so each incident reads only its own reports' edges (not the whole ledger's)
    copies_by_report, citations_by_report = _by_report(copies, "copy"), _by_report(citations, "document")
    incidents = []
    for cluster in clusters:
        members = {m.document for m in cluster}
        own_copies = _of_reports(copies_by_report, members)
        own_citations = _of_reports(citations_by_report, members)
        incident = _incident(cluster, origins, outlets, _citations_about(cluster, own_citations))
        incidents.append(_with_provenance(incident, own_copies, own_citations, documents))
    incidents = tuple(incidents)
    flags = _document_flags(documents, incident_documents, copies, misdated)
    return Ledger(incidents, tuple(copies), tuple(citations), flags, misdated)


def _by_report(edges: Iterable, field: str) -> dict[str, list[tuple[int, object]]]:
    """Edges with their places in ``edges``, by the report they start from (``field``)."""
    grouped: dict[str, list[tuple[int, object]]] = {}
    for position, edge in enumerate(edges):
        grouped.setdefault(getattr(edge, field), []).append((position, edge))
    return grouped


def _of_reports(grouped: dict[str, list[tuple[int, object]]], reports: set[str]) -> list:
    """The edges starting from these reports, in their first order."""
    return [edge for _, edge in sorted(pair for report in reports for pair in grouped.get(report, []))]


def _document_flags(documents: dict[str, Document], incident_documents: dict[str, set[str]],
                    copies: list[CopyEdge], misdated: dict[str, Misdating]) -> dict[str, tuple[str, ...]]:
    originals = {edge.copy: edge.original for edge in copies}
    return {d: document_flags(originals.get(d), d in misdated, d in incident_documents) for d in documents}


def document_flags(copy_of: str | None, misdated: bool, in_an_incident: bool) -> tuple[str, ...]:
    """A report's flags: 'copy_of:<id>', 'misdated', 'no_incident' (in that order)."""
    return tuple(([f"copy_of:{copy_of}"] if copy_of else []) + (["misdated"] if misdated else [])
                 + ([] if in_an_incident else ["no_incident"]))


# A citation in the first characters of a report (title and the first two or three paragraphs of wire
# copy) sources the report's main incident.
LEAD_CHARACTERS = 1000


def _with_provenance(incident: Incident, copies: list[CopyEdge], citations: list[Citation],
                     documents: dict[str, Document]) -> Incident:
    """Edges among the incident's reports and to the sources they cite, for the provenance tree."""
    members = {m.document for m in incident.mentions}
    edges = [ProvenanceEdge(e.copy, "copy", e.original, documents[e.original].outlet, None, e.similarity)
             for e in copies if e.copy in members and e.original in members]
    scoped = _citations_about(list(incident.mentions), citations)
    by_outlet: dict[str, list[str]] = {}
    for document in sorted(members):
        key = outlet_key(documents[document].outlet)
        if key:
            by_outlet.setdefault(key, []).append(document)
    for citation in citations:
        if citation.document not in members or outlet_key(citation.cited) not in scoped.get(citation.document, set()):
            continue
        targets = [d for d in by_outlet.get(outlet_key(citation.cited), []) if d != citation.document]
        edges.append(ProvenanceEdge(citation.document, "citation", targets[0] if targets else None, citation.cited,
                                    citation.evidence))
    return replace(incident, provenance=tuple(edges))


def _citations_about(cluster: list[Mention], citations: list[Citation]) -> dict[str, set[str]]:
    """The outlets each report cites for this incident: in its sentences, or in the lead for its main one."""
    cites: dict[str, set[str]] = {}
    for mention in cluster:
        sentences = {e.sentence for e in mention.evidence}
        for citation in citations:
            if citation.document != mention.document:
                continue
            if citation.evidence.sentence in sentences or (mention.core and citation.evidence.start < LEAD_CHARACTERS):
                cites.setdefault(mention.document, set()).add(outlet_key(citation.cited))
    return cites


def _incident(cluster: list[Mention], origins: Origins, outlets: dict[str, str | None],
              cites: dict[str, set[str]]) -> Incident:
    mentions = tuple(sorted(cluster, key=lambda m: (not m.core, m.document, m.index)))
    documents = sorted({m.document for m in mentions})
    figures = _figures(mentions, origins, outlets, cites)
    dates = tuple(m.date for m in mentions if m.date is not None)
    date, date_conflict = _date(dates)
    conflicts = tuple(k for k, f in figures.items() if f.conflict) + (("date",) if date_conflict else ())
    return Incident(
        id=incident_id(mentions),
        type=_type(mentions),
        mentions=mentions,
        date=date,
        place=_place(mentions),
        perpetrators=_perpetrators(mentions),
        victims=_texts(v.text for m in mentions for v in m.victims),
        targets=_texts(t.text for m in mentions for t in m.targets),
        weapons=_texts(w.text for m in mentions for w in m.weapons),
        figures=figures,
        reports=len(documents),
        independent=origins.independent(documents, outlets, cites),
        conflicts=conflicts,
        dates=dates,
        places=tuple(m.place for m in mentions if m.place is not None),
    )


def _type(mentions: tuple[Mention, ...]) -> str:
    """The type most reports give as their main story (a passing mention in another report's
    background tells less of what happened), then most reports; ties go to the more specific type
    (suicide bombing over bombing)."""
    counts = Counter(m.type for m in mentions)
    main = Counter(m.type for m in mentions if m.core)
    return max(counts, key=lambda t: (main[t], counts[t], knowledge.type_priority(t)))


def _date(dates: tuple[DateValue, ...]) -> tuple[DateValue | None, bool]:
    """The finest stated date; a window over all day-precision starts when reports disagree."""
    known = [d for d in dates if d.start is not None]
    if not known:
        partial = next((d for d in dates if d.month or d.weekday is not None), None)
        return (partial or (dates[0] if dates else None)), False
    finest = min(known, key=lambda d: (PRECISION_RANK.get(d.precision, 5), d.start))
    days = sorted({d.start for d in known if d.precision == "day"})
    if len(days) > 1:
        return replace(finest, start=days[0], end=days[-1]), True
    if not days:
        narrowed = _narrow(finest, [d for d in dates if d.start is None and d.month and d.day])
        if narrowed is not None:
            return narrowed, False
    return finest, False


def _narrow(window: DateValue, partials: list[DateValue]) -> DateValue | None:
    """'one month later' (a window) and 'Sept. 19' (no year) from two reports make 2010-09-19."""
    from datetime import date as make_date

    for partial in partials:
        for year in {window.start.year, window.end.year}:
            try:
                day = make_date(year, partial.month, partial.day)
            except ValueError:
                continue
            if window.start <= day <= window.end:
                return replace(partial, start=day, end=day, precision="day", resolved_against="linked")
    return None


def _place(mentions: tuple[Mention, ...]) -> PlaceValue | None:
    """The most precise place a report states; among equally precise ones, the place most reports
    name (as their incident's place or anywhere in its sentences).  A local outlet's home city,
    which places a report that names no place, comes after every stated one."""
    known = [m.place for m in mentions if m.place is not None]
    if not known:
        return None
    support = Counter(name for m in mentions for name in {*m.places_named, *([m.place.name] if m.place else [])})
    return min(known, key=lambda p: (p.placed_by is not None, PLACE_RANK.get(p.precision, 5), -support[p.name]))


def _perpetrators(mentions: tuple[Mention, ...]) -> tuple[ActorValue, ...]:
    best: dict[str, ActorValue] = {}
    for actor in (p for m in mentions for p in m.perpetrators):
        key = knowledge.actor_key(actor.name, actor.kind)
        if key not in best or PERPETRATOR_STATUS_RANK[actor.status] < PERPETRATOR_STATUS_RANK[best[key].status]:
            best[key] = actor
    return tuple(sorted(best.values(), key=lambda a: (a.kind == "state", PERPETRATOR_STATUS_RANK[a.status], a.name)))


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _figures(mentions: tuple[Mention, ...], origins: Origins, outlets: dict[str, str | None],
             cites: dict[str, set[str]]) -> dict[str, ReconciledFigure]:
    """Each kind of figure the reports give, reconciled; the dead first, as the wounded who may be
    among them come off the wounded (see :func:`_the_dead_among`)."""
    kinds = sorted({f.kind for m in mentions for f in m.figures}, key=lambda kind: kind != "killed")
    figures: dict[str, ReconciledFigure] = {}
    for kind in kinds:
        values = [f for m in mentions for f in m.figures if f.kind == kind]
        dead = figures["killed"].best if kind == "wounded" and "killed" in figures else None
        figures[kind] = _figure(kind, values, origins, outlets, cites,
                                _the_dead_among(values, mentions, dead) if dead else frozenset())
    return dict(sorted(figures.items()))


# Words that say the wounded will live: they are no dead told early.
WILL_LIVE = re.compile(r"\b(?:expected to (?:survive|recover|be ok(?:ay)?)|non-?life[- ]threatening|stable|released|"
                       r"minor|recovering|good condition|fair condition|will survive)\b", re.IGNORECASE)


def _the_dead_among(wounded: list[FigureValue], mentions: tuple[Mention, ...], killed: int) -> frozenset[FigureValue]:
    """The wounded counts that may be the incident's dead told before they died: a report that states
    no toll ('a 2-year-old boy is fighting for his life after being shot') counts as wounded no more
    people than the other reports count dead ('the boy died Thursday'), and does not say they will
    live ('expected to survive').  Such a count weighs no more than a zero a report implies: GVA and
    GTD count a victim who died of the wounds among the dead only."""
    tolls = {m.document for m in mentions for f in m.figures if f.kind == "killed" and not f.implied}
    return frozenset(v for v in wounded if not v.implied and v.evidence.document not in tolls
                     and v.low is not None and v.low == v.high and 0 < v.low <= killed
                     and not WILL_LIVE.search(v.evidence.sentence))


def _figure(kind: str, values: list[FigureValue], origins: Origins, outlets: dict[str, str | None],
            cites: dict[str, set[str]], outweighed: frozenset[FigureValue] = frozenset()) -> ReconciledFigure:
    # what a report states outweighs what one implies, and the wounded who may have died since
    counted = [v for v in values if not v.implied and v not in outweighed] or values
    lows = [_closed_end(v) for v in counted]
    # a copy or a citing report that repeats its origin's figure is no second vote for it
    roots = origins.origins({v.evidence.document for v in counted}, outlets, cites)
    votes = list({(roots[v.evidence.document], v.low, v.high): v for v in counted}.values())
    exact = [v for v in votes if v.low is not None and v.low == v.high]
    closed = [v.low for v in exact] or [_closed_end(v) for v in votes]
    best = int(statistics.median_low(closed)) if closed else None
    risen = [v.low for v in exact if _a_risen_toll(v)]
    if risen and best is not None:
        best = max(best, *risen)
    return ReconciledFigure(
        kind=kind,
        low=min((v for v in lows if v is not None), default=None),
        best=best,
        high=_high(counted),
        values=tuple(values),  # every report's value stays on record, the implied ones marked
        conflict=ranges_conflict(counted),
        independent=origins.independent({v.evidence.document for v in counted}, outlets, cites),
    )


def _closed_end(value: FigureValue) -> int | None:
    """The count a range stands on: its low end, or its high end when it has only that ('up to 30')."""
    return value.low if value.low is not None else value.high


# Words with which a later report says the toll went up ('has risen to 14', 'climbed to 32').
RISEN = r"(?:ris(?:en|es)|rose|climb(?:ed|s)|increas(?:ed|es)|jump(?:ed|s)|mount(?:ed|s)|went up)\s+to\s+(?:at\s+least\s+)?"


def _a_risen_toll(value: FigureValue) -> bool:
    """'The number of people killed ... has risen to 14': a later count that replaces the first
    reports' (coders take the latest toll), so it leads the best over an earlier report's 9."""
    words = value.evidence.text.split()
    number = r"(?:" + re.escape(words[-1]) + r"|" + str(value.low) + r")" if words else None
    return number is not None and re.search(RISEN + number + r"\b", value.evidence.sentence, re.IGNORECASE) is not None


def _high(counted: list[FigureValue]) -> int | None:
    """The highest count the reports state, as a coder's high estimate (UCDP's 'high'): '28', 'at
    least 25' and 'as many as 35' give 35.  It stays open (None) while some report's open count ('at
    least 40') reaches above every bound stated, as it does when no report states a bound."""
    bounds = [v.high for v in counted if v.high is not None]
    open_counts = [v.low for v in counted if v.high is None and v.low is not None]
    if not bounds or any(low > max(bounds) for low in open_counts):
        return None
    return max(bounds)


def ranges_conflict(values: list[FigureValue]) -> bool:
    """True when two reports' ranges cannot both hold (open ends reach to infinity)."""
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            a_low, a_high = a.low if a.low is not None else 0, a.high if a.high is not None else float("inf")
            b_low, b_high = b.low if b.low is not None else 0, b.high if b.high is not None else float("inf")
            if a_high < b_low or b_high < a_low:
                return True
    return False
