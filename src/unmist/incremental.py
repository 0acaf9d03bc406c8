"""Keeping the ledger up to date: a full rebuild, or an update that touches only what changed.

Linking and reconciliation are global in principle: a new report can join two incidents, make an
old report a copy, or show that an old report was misdated.  But each of those reaches only so far:

* copies: a new report can only copy, or be copied by, reports that share one of its MinHash LSH
  bands (kept in the ``lsh_bands`` table);
* misdating: a new report can only re-date reports that name one of its places, and only those
  stamped long after it (kept as ``p:`` terms of the ``mentions`` index);
* linking: the linker joins mentions only along linkable pairs, so the ledger falls apart into
  *components* that never exchange mentions.  A new mention can only pair with mentions its
  blocking keys reach (country terms, date window, named place); re-linking their components, and
  the components that analysts' merges and splits tie to them, gives exactly what linking the whole
  ledger would give;
* reconciliation: an incident's values depend on its own mentions, plus the copy components of its
  reports (for counting independent origins).

So an update gathers that *region*, re-links and re-reconciles it with the same functions a full
rebuild uses, and rewrites only its incidents and index rows.  ``tests/test_incremental.py``
checks that an update and a full rebuild of the same ledger agree, report for report.
"""

from __future__ import annotations

import json
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TypeVar

from . import store
from .batches import batches
from .export import incident_record
from .link import as_linked, candidate_pairs, components, countries_of, link, may_meet, mention_order, pair_score, reach
from .link import MIN_LINK_SCORE
from .reconcile import CopyEdge, Ledger, Misdating, document_flags, find_copies, find_misdated, reconcile, redate
from .reconcile.misdating import (OTHER_REPORT_LAG_DAYS, day_keys, misdating_of, misdating_terms, place_index,
                                  place_names, reread_key, rereadable)
from .reconcile.provenance import band_keys, best_copy_edges, fingerprint, minhash_signature
from .review import Decision, apply_to_records, decision_keys, rejected_documents, reshape_clusters
from .types import Document, Extraction, Mention

META_KEY = "ledger_versions"
T = TypeVar("T")


# --- full rebuild --------------------------------------------------------------------------------

def rebuild_all(session, *, versions: str) -> int:
    """Re-link and re-reconcile the whole ledger from its stored extractions and write the link index.

    Returns:
        The number of mentions linked (all of them).
    """
    extractions = store.load_extractions(session)
    decisions = store.load_decisions(session)
    documents = {e.document.id: e.document for e in extractions}
    if not can_update(session, versions=versions):
        store.clear_signatures(session)  # signatures of another version's copy detection
    signatures = store.load_signatures(session)
    known = set(signatures)
    copies = find_copies(list(documents.values()), signatures)
    store.save_signatures(session, signatures={d: s for d, s in signatures.items() if d not in known})
    banded = store.band_documents(session)
    store.save_bands(session, bands={d: band_keys(s) for d, s in signatures.items() if d not in banded and d in documents})
    stated = {e.document.id: list(e.mentions) for e in extractions}
    rejected = rejected_documents(decisions)
    # a rejected report is no evidence: it re-dates no other report, nor (but as a late copy) itself
    misdated = find_misdated(documents, copies, {d: ms for d, ms in stated.items() if d not in rejected})
    mentions = sorted((m for e in extractions if e.document.id not in rejected for m in _effective(e.mentions, misdated)),
                      key=mention_order)
    pairs = candidate_pairs(mentions)
    clusters = reshape_clusters(link(mentions, pairs), decisions)
    ledger = reconcile(clusters, documents, [c for e in extractions for c in e.citations], copies=copies, misdated=misdated)
    outlets = _outlets(documents)
    records = apply_to_records([incident_record(i, outlets) for i in ledger.incidents], decisions)
    store.replace_incidents(session, records=records)
    store.set_document_flags(session, flags=ledger.document_flags, notes=_notes(misdated))
    store.clear_link_index(session)
    store.save_copy_edges(session, edges={e.copy: (e.original, e.similarity) for e in copies})
    _write_index(session, mentions, components(mentions, pairs), ledger, {m.key: m for ms in stated.values() for m in ms})
    store.set_meta(session, key=META_KEY, value=versions)
    return len(mentions)


def _effective(mentions: Iterable[Mention], misdated: dict[str, Misdating]) -> list[Mention]:
    """Mentions as linked: a misdated report's relative dates re-read against its content's date."""
    return [redate(m, misdated[m.document].content_date) if m.document in misdated else m for m in mentions]


def _outlets(documents: dict[str, Document]) -> dict[str, str | None]:
    return {d.id: d.outlet for d in documents.values()}


def _notes(misdated: dict[str, Misdating], documents: Iterable[str] = ()) -> dict[str, dict]:
    notes = {d: {} for d in documents}
    notes.update({d: {"misdated": {"reason": m.reason, "content_date": m.content_date.isoformat()}}
                  for d, m in misdated.items()})
    return notes


def _write_index(session, mentions: list[Mention], component_of: dict[str, str], ledger: Ledger,
                 stated: dict[str, Mention]) -> None:
    incident_of = {m.key: incident.id for incident in ledger.incidents for m in incident.mentions}
    rows, terms = [], []
    for mention in mentions:
        row, mention_terms = _index_entry(mention, stated.get(mention.key, mention))
        row.update(component=component_of[mention.key], incident_id=incident_of.get(mention.key))
        rows.append(row)
        terms += mention_terms
    store.add_mentions(session, rows=rows, terms=terms)


def _index_entry(mention: Mention, stated: Mention) -> tuple[dict, list[tuple[str, str, int]]]:
    """The mentions-table row and terms of a mention as linked (``stated``: before any re-dating)."""
    dated = 0 if mention.date is None else (2 if mention.date.start else 1)
    row = {"document_id": mention.document, "idx": mention.index, "dated": dated,
           "date_start": mention.date.start if dated == 2 else None, "reach": reach(mention),
           "stated_start": stated.date.start if stated.date else None,
           "relative": bool(stated.date and stated.date.resolved_against == "published")}
    terms = [f"c:{c}" for c in sorted(countries_of(mention))] if mention.country else ["c:*"]
    terms += _place_terms(mention) + _name_terms(mention) + [f"p:{name}" for name in place_names(stated)]
    terms += misdating_terms(stated)
    return row, [(term[:240], mention.document, mention.index) for term in terms]


def _place_terms(mention: Mention) -> list[str]:
    """What a pair needs in common to link without dates: the same place name or GeoNames id."""
    linked = as_linked(mention.place)  # a town of a county is compared as the county; an outlet's city not at all
    places = {mention.place, linked} if linked is not None else set()
    return sorted(term for place in places
                  for term in [f"n:{place.name.lower()}"] + ([f"g:{place.geonameid}"] if place.geonameid else []))


def _name_terms(mention: Mention) -> list[str]:
    """What a follow-up needs in common with the earlier incident it tells of: a distinctive name
    (of the incident's sentences or, for a report's main incident, of the whole report)."""
    return [f"m:{name.lower()}" for name in sorted({*mention.names, *mention.report_names})]


# --- pending work --------------------------------------------------------------------------------

PENDING_KEY = "pending"


def mark_pending(session, *, documents: Iterable[str] = (), keys: Iterable[str] = ()) -> None:
    """Note reports and mentions the next update must take in.  Written in the transaction that stores
    the extractions or the decision, so that a run or review that dies before it links them leaves
    them for the next one instead of out of the index."""
    old_documents, old_keys = _pending(session)
    store.set_meta(session, key=PENDING_KEY, value=json.dumps(
        {"documents": sorted(old_documents | set(documents)), "keys": sorted(old_keys | set(keys))}))


def take_pending(session) -> tuple[set[str], set[str]]:
    """The pending reports and mentions, cleared (the caller's transaction commits that with its update)."""
    pending = _pending(session)
    if pending != (set(), set()):
        store.set_meta(session, key=PENDING_KEY, value=json.dumps({"documents": [], "keys": []}))
    return pending


def _pending(session) -> tuple[set[str], set[str]]:
    value = json.loads(store.get_meta(session, key=PENDING_KEY) or "{}")
    return set(value.get("documents", [])), set(value.get("keys", []))


# --- update --------------------------------------------------------------------------------------

def can_update(session, *, versions: str) -> bool:
    """An update needs an index built by the same component versions."""
    return store.get_meta(session, key=META_KEY) == versions


def update(session, *, changed: Iterable[str] = (), keys: Iterable[str] = ()) -> int:
    """Bring the ledger up to date after ``changed`` reports were (re-)extracted or rejected and
    decisions were taken on the mentions ``keys`` ('<document>:<n>').

    Returns:
        The number of mentions linked again (the region).
    """
    changed = set(changed)
    decisions = store.load_decisions(session)
    rejected = rejected_documents(decisions)
    pool = _Pool(session)
    pool.load(changed)
    copy_changed, copy_region = _update_copies(session, pool, changed)
    misdate_changed = _update_misdating(session, pool, changed, copy_changed, rejected)
    moved = changed | misdate_changed
    pool.load(moved)
    moved_mentions = {m.key: m for d in sorted(moved) if d not in rejected for m in pool.effective(d)}
    seeds = {row.component for row in store.mention_rows(session, documents=moved | copy_region, keys=map(_split_key, keys))}
    seeds |= _partner_components(session, pool, moved_mentions, moved)
    components_in, relevant = _close_over_decisions(session, seeds, set(moved_mentions), decisions)
    old_rows = store.mention_rows(session, components=components_in, documents=moved)
    pool.load({row.document_id for row in old_rows})
    region = dict(moved_mentions)
    for row in old_rows:
        if row.document_id not in moved:
            mention = pool.mention(row.document_id, row.idx)
            if mention is not None:
                region[mention.key] = mention
    mentions = sorted(region.values(), key=mention_order)
    pairs = candidate_pairs(mentions)
    clusters = reshape_clusters(link(mentions, pairs), relevant)
    documents = {d: pool.documents[d] for d in sorted({m.document for m in mentions})}
    ledger = reconcile(clusters, documents, [c for d in documents for c in pool.citations[d]],
                       copies=[CopyEdge(c, o, s) for c, (o, s) in sorted(pool.copies.items())],
                       misdated={d: pool.misdated[d] for d in documents if d in pool.misdated})
    outlets = _outlets(documents)
    records = apply_to_records([incident_record(i, outlets) for i in ledger.incidents], relevant)
    store.replace_incidents(session, records=records, scope={r.incident_id for r in old_rows if r.incident_id})
    store.remove_mentions(session, keys=[(r.document_id, r.idx) for r in old_rows], documents=moved)
    _write_index(session, mentions, components(mentions, pairs), ledger, pool.stated_by_key())
    touched = changed | copy_changed | misdate_changed
    pool.load(touched)
    flags = {d: document_flags(pool.copies.get(d, (None,))[0], d in pool.misdated,
                               d not in rejected and bool(pool.stated[d])) for d in touched}
    misdated = {d: pool.misdated[d] for d in touched if d in pool.misdated}
    store.set_document_flags(session, flags=flags, notes=_notes(misdated, touched), only=touched)
    return len(mentions)


class _Pool:
    """Reports, their stated mentions and their misdating, loaded from the store once each, on demand."""

    def __init__(self, session, copies: dict[str, tuple[str, float]] | None = None, lender: _Pool | None = None) -> None:
        self.session, self.lender = session, lender
        self.documents: dict[str, Document] = {}
        self.stated: dict[str, list[Mention]] = {}
        self.citations: dict[str, list] = {}
        self.misdated: dict[str, Misdating] = {}
        self.copies: dict[str, tuple[str, float]] = store.load_copy_edges(session) if copies is None else copies

    def load(self, ids: Iterable[str]) -> None:
        missing = set(ids) - set(self.documents)
        if not missing:
            return
        for extraction in store.load_extractions(self.session, ids=missing):
            self._add(extraction)
        for document in store.load_documents(self.session, ids=missing - set(self.documents)).values():
            self._add(Extraction(document, ()))  # a report stored without an extraction row
        for document, notes in store.document_notes(self.session, ids=missing).items():
            if "misdated" in notes:
                note = notes["misdated"]
                self.misdated[document] = Misdating(document, date.fromisoformat(note["content_date"]), note["reason"])

    def borrow(self, ids: Iterable[str]) -> _Pool:
        """The reports ``ids`` in a pool of their own, for the caller to drop: those loaded here are
        shared, the others are read from the store and not kept here.  An update compares its reports
        with many more than its region holds (blocking's candidates, misdating's reports at the same
        places), and their number grows with the ledger; kept, they made a run's memory grow with it.
        A report read from the store comes with its stored misdating, which is current: the reports
        this update re-dates are kept in its pool, with their new verdicts (see _update_misdating)."""
        ids = set(ids)
        borrowed = _Pool(self.session, copies=self.copies, lender=self)
        lender: _Pool | None = self
        while lender is not None:
            for document in (ids & set(lender.documents)) - set(borrowed.documents):
                borrowed.documents[document] = lender.documents[document]
                borrowed.stated[document], borrowed.citations[document] = lender.stated[document], lender.citations[document]
                if document in lender.misdated:
                    borrowed.misdated[document] = lender.misdated[document]
            lender = lender.lender
        borrowed.load(ids)
        return borrowed

    def _add(self, extraction: Extraction) -> None:
        self.documents[extraction.document.id] = extraction.document
        self.stated[extraction.document.id] = list(extraction.mentions)
        self.citations[extraction.document.id] = list(extraction.citations)

    def effective(self, document: str) -> list[Mention]:
        return _effective(self.stated.get(document, []), self.misdated)

    def mention(self, document: str, index: int) -> Mention | None:
        return next((m for m in self.effective(document) if m.index == index), None)

    def stated_by_key(self) -> dict[str, Mention]:
        return {m.key: m for ms in self.stated.values() for m in ms}


def _split_key(key: str) -> tuple[str, int]:
    document, index = key.rsplit(":", 1)
    return document, int(index)


# Reports read at a time to compare an update's reports (or mentions) with, and dropped after: see
# _Pool.borrow and _in_groups.
CANDIDATE_REPORTS = 300


def _in_groups(items: Iterable[T], compared: Callable[[T], set], *,
               reports: Callable[[set], set[str]] = lambda found: found) -> Iterator[dict[T, set]]:
    """Each of ``items`` with what it is compared with (``compared``), in groups whose reports
    (``reports`` of those) number CANDIDATE_REPORTS or fewer, or of one item that reaches more.

    A group's reports are read at once and dropped after.  How many reports an item reaches grows
    with the ledger's density (more reports in a date window, at a place), so groups of so many
    items would make an update's memory grow with the ledger; groups of so many reports do not.
    """
    group: dict[T, set] = {}
    reached: set[str] = set()
    for item in items:
        found = compared(item)
        found_reports = reports(found)
        if group and len(reached | found_reports) > CANDIDATE_REPORTS:
            yield group
            group, reached = {}, set()
        group[item] = found
        reached |= found_reports
    if group:
        yield group


# Changed reports whose copy candidates are compared at a time.  A report's candidates are every
# stored report that shares one of its LSH bands, so they grow with the ledger (stock phrases put
# many reports in a band); all of an update's pairs at once made a run's peak memory grow with its
# input.
COPY_CHUNK = 25


def _update_copies(session, pool: _Pool, changed: set[str]) -> tuple[set[str], set[str]]:
    """Copy edges of and to the changed reports, found through the stored LSH bands.

    Returns:
        The reports whose copy edge changed, and every report in their copy components (old and
        new), whose incidents count independent origins again.
    """
    signatures = store.load_signatures(session, ids=changed)
    new = {d: minhash_signature(pool.documents[d].text) for d in changed if d not in signatures and d in pool.documents}
    store.save_signatures(session, signatures=new)
    signatures.update(new)
    bands = {d: band_keys(s) for d, s in signatures.items()}
    store.save_bands(session, bands={d: bands[d] for d in new})  # an indexed ledger has the others' bands
    stored = dict(pool.copies)
    copies = {c: edge for c, edge in stored.items() if c not in changed}
    compared: set[str] = set()
    candidates = _Candidates(session, pool)
    for chunk in batches(sorted(bands), COPY_CHUNK):
        copies.update(_chunk_copy_edges(session, candidates, {d: bands[d] for d in chunk}, copies, compared))
        compared.update(chunk)
    copy_changed = {d for d in set(stored) | set(copies) if stored.get(d) != copies.get(d)}
    store.save_copy_edges(session, edges={d: copies.get(d) for d in copy_changed})
    pool.copies = copies
    return copy_changed, _copy_components(list(stored.items()) + list(copies.items()), copy_changed)


class _Candidates:
    """What copy detection needs of the reports an update compares: their fingerprints and dates.

    Kept for the whole update, as the reports in a crowded band are candidates of every chunk; the
    texts themselves are read once and dropped (kept with the pool's mentions, the candidates'
    texts made an update's memory grow with the ledger).
    """

    def __init__(self, session, pool: _Pool) -> None:
        self.session, self.pool = session, pool
        self.published: dict[str, date | None] = {}
        self.fingerprints: dict = {}

    def load(self, ids: set[str]) -> None:
        missing = ids - set(self.fingerprints)
        documents = {d: self.pool.documents[d] for d in missing if d in self.pool.documents}
        documents.update(store.load_documents(self.session, ids=missing - set(documents)))
        for document_id, document in documents.items():
            self.fingerprints[document_id] = fingerprint(document.text)
            self.published[document_id] = document.published


def _chunk_copy_edges(session, candidates: _Candidates, bands: dict[str, list[int]], copies: dict[str, tuple[str, float]],
                      compared: set[str]) -> dict[str, tuple[str, float]]:
    """The best copy edges after comparing some changed reports (their ``bands``) with the reports
    that share a band with them, starting from the edges found so far (``copies``); pairs with a
    changed report of an earlier chunk (``compared``) were judged with it.  The pairs' order does
    not change the answer (see :func:`best_copy_edges`), so chunks add up to one comparison."""
    neighbours = store.band_neighbours(session, keys=[k for ks in bands.values() for k in ks])
    pairs = {tuple(sorted((d, other))) for d, ks in bands.items() for k in ks for other in neighbours.get(k, ())
             if other != d and other not in compared}
    involved = {d for pair in pairs for d in pair}
    candidates.load(involved)
    known = {c: CopyEdge(c, o, s) for c, (o, s) in copies.items() if c in involved}
    edges = best_copy_edges(candidates.published, pairs, known, candidates.fingerprints.__getitem__)
    return {c: (e.original, e.similarity) for c, e in edges.items()}


def _copy_components(edges: list[tuple[str, tuple[str, float]]], reports: set[str]) -> set[str]:
    """Every report joined by copy edges to one of ``reports``."""
    neighbours: dict[str, set[str]] = {}
    for copy, (original, _similarity) in edges:
        neighbours.setdefault(copy, set()).add(original)
        neighbours.setdefault(original, set()).add(copy)
    seen, todo = set(reports), list(reports)
    while todo:
        for other in neighbours.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _update_misdating(session, pool: _Pool, changed: set[str], copy_changed: set[str], rejected: set[str]) -> set[str]:
    """Re-judge the reports whose misdating the changes can affect; returns those whose verdict changed.

    A report's copy edge decides case (a); its own text case (c); case (b) compares it with reports
    at the same places stamped more than OTHER_REPORT_LAG_DAYS before it, so a new report can only
    re-date reports at its places stamped that long after it, whose date could re-read as its day
    (the index's 'r:' terms): those few, not a city's every later report, are judged again.
    """
    suspects = set(changed) | copy_changed
    for document_id in sorted(changed):
        document = pool.documents.get(document_id)
        if document is None or document.published is None:
            continue
        for mention in pool.stated.get(document_id, []):
            if mention.date and mention.date.start:
                keys = ("*", *day_keys(mention.date.start))
                terms = {f"r:{name}|{key}" for name in place_names(mention) for key in keys}
                suspects |= store.misdating_suspects(session, terms=terms, published_after=document.published,
                                                     lag_days=OTHER_REPORT_LAG_DAYS)
    changed_at = place_index({d: pool.stated.get(d, []) for d in sorted(changed - rejected)})
    verdicts: dict[str, Misdating | None] = {}
    for chunk in batches(sorted(suspects), CANDIDATE_REPORTS):
        judged = pool.borrow(set(chunk) | {pool.copies[d][0] for d in chunk if d in pool.copies})
        on_trial = [d for d in chunk if d in judged.documents]
        for compared_with in _in_groups(on_trial, lambda d: _compared_reports(session, judged, judged.documents[d],
                                                                                changed_at, rejected)):
            others = judged.borrow(set().union(*compared_with.values()))
            documents = ChainMap(others.documents, judged.documents)
            for document_id, reports in compared_with.items():
                document = judged.documents[document_id]
                context = _misdating_context(judged, others, document, reports, rejected)
                edge = pool.copies.get(document_id)
                verdict = misdating_of(document, edge and CopyEdge(document_id, *edge), documents, context,
                                       place_index(context))
                if verdict != judged.misdated.get(document_id):
                    verdicts[document_id] = verdict
    pool.load(verdicts)  # the re-dated reports move: the pool keeps them, with their new verdicts
    for document_id, verdict in verdicts.items():
        if verdict is None:
            pool.misdated.pop(document_id, None)
        else:
            pool.misdated[document_id] = verdict
    return set(verdicts)


def _compared_reports(session, pool: _Pool, document: Document, changed_at: dict[str, list[Mention]],
                      rejected: set[str]) -> set[str]:
    """The reports case (b) compares a report with: those at the places of its relative dates,
    stamped long enough before it, on a day those dates could re-read as; the changed reports at
    those places (``changed_at``, a place index) are always included, as their index rows may not
    be written yet.  A rejected report is compared with none."""
    relative = [m for m in pool.stated.get(document.id, []) if rereadable(m)]
    if document.published is None or document.id in rejected:
        return set()
    others: set[str] = set()
    for mention in relative:
        names = place_names(mention)
        key = reread_key(mention.date.evidence.text)
        terms = {f"p:{name}" if key == "*" else f"s:{name}|{key}" for name in names}
        others |= store.documents_at_places(session, terms=terms, published_before=document.published,
                                            lag_days=OTHER_REPORT_LAG_DAYS)
        others |= {m.document for name in names for m in changed_at.get(name, [])}
    return others


def _misdating_context(pool: _Pool, others: _Pool, document: Document, reports: set[str],
                       rejected: set[str]) -> dict[str, list[Mention]]:
    """The stated mentions case (b) compares a report with: its own and those of ``reports`` (read
    into ``others``; none when the report has no relative date, no stamp or is rejected, see
    :func:`_compared_reports`), rejected reports left out."""
    own = [] if document.id in rejected else pool.stated.get(document.id, [])
    context = {d: others.stated.get(d, []) for d in sorted(reports - rejected)}
    context[document.id] = own
    return context


def _partner_components(session, pool: _Pool, mentions: dict[str, Mention], moved: set[str]) -> set[str]:
    """Components of the stored mentions that the moved mentions can be linked with."""
    partners: set[tuple[str, int]] = set()
    for candidates_of in _in_groups(list(mentions), lambda key: _blocked_with(session, mentions[key], moved),
                                    reports=lambda found: {document for document, _ in found}):
        others = pool.borrow({document for found in candidates_of.values() for document, _ in found})
        for key, candidates in candidates_of.items():
            mention = mentions[key]
            for document, index in sorted(candidates):
                other = others.mention(document, index)
                if other is None or not may_meet(mention, other):
                    continue
                first, second = sorted((mention, other), key=mention_order)
                if pair_score(first, second) >= MIN_LINK_SCORE:
                    partners.add((document, index))
    return {row.component for row in store.mention_rows(session, keys=partners)}


def _blocked_with(session, mention: Mention, moved: set[str]) -> set[tuple[str, int]]:
    """The stored mentions (not of ``moved`` reports) that blocking lets ``mention`` meet."""
    dated = 0 if mention.date is None else (2 if mention.date.start else 1)
    candidates = store.block_candidates(
        session, countries=countries_of(mention) if mention.country else None, dated=dated,
        start=mention.date.start if dated == 2 else None, reach=reach(mention), place_terms=_place_terms(mention),
        name_terms=_name_terms(mention))
    return {c for c in candidates if c[0] not in moved}


def _close_over_decisions(session, seeds: set[str], moved_keys: set[str],
                          decisions: list[Decision]) -> tuple[set[str], list[Decision]]:
    """Add the components that analysts' decisions tie to the region, until none is left out.

    Returns:
        The region's components and the decisions that concern it (in the order they were taken).
    """
    region = set(seeds)
    relevant: dict[int, Decision] = {}
    while True:
        keys = {f"{r.document_id}:{r.idx}" for r in store.mention_rows(session, components=region)} | moved_keys
        reached = [d for d in decisions if d.id not in relevant and decision_keys(d) & keys]
        if not reached:
            return region, sorted(relevant.values(), key=lambda d: d.id)
        for decision in reached:
            relevant[decision.id] = decision
            region |= {r.component for r in store.mention_rows(session, keys=map(_split_key, decision_keys(decision)))}
