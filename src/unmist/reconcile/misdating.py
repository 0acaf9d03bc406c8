"""Misdated reports: a re-post stamped years after the incident that still says 'on Wednesday'.

A report is flagged when (a) it copies a ledger report published long before it, or (b) it speaks
of a dated reference event ('as leaders prepare to travel to Samarkand for the SCO summit', 'two
weeks after al-Baghdadi was killed') that lies long before its stated date.  Its dates that were
resolved against the stated date ('on Wednesday', 'last year') are then resolved against the date
its content points to, and the flag says why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .. import knowledge
from ..extract.dates import find_dates, resolve
from ..types import Document, Mention
from .provenance import CopyEdge

# A copy stamped more than this many days after its original was re-posted, not reported.
COPY_LAG_DAYS = 30
# A reference event this many days before the stated date cannot be 'this week's' news.
REFERENCE_LAG_DAYS = 90
# Words that present a reference event as current news rather than background history.
CURRENCY_CUES = re.compile(
    r"\b(?:comes?\s+(?:as|after|days|weeks|a day|a week|just|almost|nearly|two|three)|on the eve of|ahead of|prepar\w+ to"
    r"|(?:days|weeks|a day|a week) (?:after|before)|will (?:meet|gather|travel)|meet on|this week|next week|later this)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Misdating:
    document: str
    content_date: date  # the date the report's relative dates are resolved against instead
    reason: str


def find_misdated(documents: dict[str, Document], copies: list[CopyEdge],
                  mentions: dict[str, list[Mention]]) -> dict[str, Misdating]:
    """Reports whose stated date contradicts their content, with the better date and the reason."""
    copy_of = {edge.copy: edge for edge in copies}
    by_place = place_index(mentions)
    found = {}
    for document in documents.values():
        misdating = misdating_of(document, copy_of.get(document.id), documents, mentions, by_place)
        if misdating is not None:
            found[document.id] = misdating
    return found


def misdating_of(document: Document, copy_edge: CopyEdge | None, documents: Mapping[str, Document],
                 mentions: dict[str, list[Mention]], by_place: dict[str, list[Mention]]) -> Misdating | None:
    """One report's misdating, if any.  ``documents``, ``mentions`` and ``by_place`` need to hold only
    this report, its original when it is a copy, and the reports dating incidents at its places."""
    if copy_edge is not None:
        original = documents[copy_edge.original]
        if document.published and original.published and (document.published - original.published).days > COPY_LAG_DAYS:
            return Misdating(document.id, original.published,
                             f"copy of {original.id} ({original.outlet or original.source}), published "
                             f"{original.published}, {(document.published - original.published).days} days earlier")
    if document.published is None or not _has_relative_dates(mentions.get(document.id, [])):
        return None
    return _by_reference_event(document) or _by_other_reports(document, documents, mentions, by_place)


# Another report dating the same incident this many days away from a relative date's reading makes
# the reading suspect (a week's slack covers 'on Wednesday' told on either side of a weekend).
OTHER_REPORT_LAG_DAYS = 60


def place_index(mentions: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """Dated mentions by every specific place they name: only those can be the same incident."""
    index: dict[str, list[Mention]] = {}
    for mention in sorted((m for ms in mentions.values() for m in ms), key=lambda m: (m.document, m.index)):
        if mention.date is None or mention.date.start is None:
            continue
        names = set(mention.places_named) | ({mention.place.name} if mention.place and mention.place.precision != "country" else set())
        for name in names:
            index.setdefault(name, []).append(mention)
    return index


def _by_other_reports(document: Document, documents: Mapping[str, Document], mentions: dict[str, list[Mention]],
                      by_place: dict[str, list[Mention]]) -> Misdating | None:
    """The report's 'on Wednesday' reads as a date far from the one an earlier report gives for the
    same incident (same place and kind), while that date is itself a Wednesday: the stated date is
    wrong.  Only the later-stamped of the two is suspected: re-posts come after the original."""
    for mention in mentions.get(document.id, []):
        if not rereadable(mention):
            continue
        value = mention.date
        candidates = {(m.document, m.index): m for name in place_names(mention) for m in by_place.get(name, [])
                      if m.document != document.id}
        for other in (candidates[key] for key in sorted(candidates)):
            if not dates_a_day(other):
                continue
            if abs((other.date.start - value.start).days) <= OTHER_REPORT_LAG_DAYS or not _alike(mention, other):
                continue
            stamped = documents[other.document].published
            if stamped is None or (document.published - stamped).days <= OTHER_REPORT_LAG_DAYS:
                continue
            if _rereads_as(value.evidence.text, other.date.start):
                return Misdating(document.id, other.date.start,
                                 f"its '{value.evidence.text}' reads as {value.start} against its stated date, but "
                                 f"{other.document} dates the same incident {other.date.start}")
    return None


def misdating_terms(mention: Mention) -> list[str]:
    """Index terms that let an update find, without loading them, the few stored reports one report
    can re-date or be re-dated by (:func:`_by_other_reports`), each a place and a day:
    'r:<place>|<key>' for a date read against the report's own date, with the days it could re-read
    as ('w2' any Wednesday, 'd05-05' any 5 May, '*' any day); 's:<place>|w2' and 's:<place>|d05-05'
    for a date another report can be re-dated to."""
    keys = []
    if rereadable(mention):
        keys.append(f"r:{{}}|{reread_key(mention.date.evidence.text)}")
    if dates_a_day(mention):
        keys += [f"s:{{}}|{key}" for key in day_keys(mention.date.start)]
    return [key.format(name) for name in sorted(place_names(mention)) for key in keys]


def rereadable(mention: Mention) -> bool:
    """Its date was read against the report's own date from words that could name another day."""
    value = mention.date
    return value is not None and value.start is not None and value.resolved_against == "published" \
        and value.evidence is not None


def dates_a_day(mention: Mention) -> bool:
    """Its date is one another report's relative date can be re-read as: a day, or stated outright."""
    value = mention.date
    return value is not None and value.start is not None and not (value.resolved_against == "published"
                                                                  and value.precision != "day")


def reread_key(expression: str) -> str:
    """What every day an expression could re-read as (:func:`_rereads_as`) has in common: its weekday
    ('on Wednesday': 'w2'), its day of the year ('May 5': 'd05-05'), or nothing ('*': 'yesterday')."""
    found = find_dates(expression)
    if found and found[0].kind == "weekday":
        return f"w{found[0].weekday}"
    if found and found[0].kind == "day_month":
        return f"d{found[0].month:02d}-{found[0].day:02d}"
    return "*"


def day_keys(day: date) -> list[str]:
    """The keys of :func:`reread_key` that ``day`` satisfies, '*' aside."""
    return [f"w{day.weekday()}", f"d{day:%m-%d}"]


def place_names(mention: Mention) -> set[str]:
    """Every place a mention names, as the gazetteer spells it."""
    return set(mention.places_named) | ({mention.place.name} if mention.place else set())


def _alike(a: Mention, b: Mention) -> bool:
    """Same kind of event, in the same countries, at a place both name, and something distinctive in
    common: the same specific kind of event (a border clash), or a like toll of several people and a
    name (a victim's, a venue's).  (A place alone is not enough: a city sees a shooting on many
    Mondays, and 'on Monday' re-reads as one of them; nor is a like toll: a big city sees four
    people shot many a Monday.)"""
    from ..link import GENERIC_TYPES, alike_large_tolls, types_compatible

    if not types_compatible(a.type, b.type) or not (set(a.countries) & set(b.countries)):
        return False
    same_place = a.place is not None and b.place is not None and a.place.name == b.place.name and a.place.precision != "country"
    if not (same_place or set(a.places_named) & set(b.places_named)):
        return False
    return (a.type == b.type and a.type not in GENERIC_TYPES) or (alike_large_tolls(a, b) and bool(set(a.names) & set(b.names)))


def _rereads_as(expression: str, day: date) -> bool:
    """Could the expression ('on Wednesday', 'yesterday') name ``day`` if the report were dated around it?"""
    expressions = find_dates(expression)
    if not expressions:
        return False
    for offset in range(0, 8):
        resolved = resolve(expressions[0], day + timedelta(days=offset))
        if resolved.start == day:
            return True
    return False


def _has_relative_dates(mentions: list[Mention]) -> bool:
    return any(m.date is not None and m.date.resolved_against == "published" for m in mentions)


def _by_reference_event(document: Document) -> Misdating | None:
    for event in knowledge.reference_events():
        match = event.pattern.search(document.text)
        if match is None or (document.published - event.end).days <= REFERENCE_LAG_DAYS:
            continue
        sentence = _sentence_around(document.text, match.start(), match.end())
        if not CURRENCY_CUES.search(sentence):
            continue  # told as background ('since the Taliban took power'), not as this week's news
        content_date = event.end + timedelta(days=_anchor_offset(sentence))
        reason = (f"refers to {event.name} ({event.start}) as current news but is dated {document.published}, "
                  f"{(document.published - event.end).days} days later")
        return Misdating(document.id, content_date, reason)
    return None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min([p for p in (text.find(". ", end), text.find("\n", end)) if p >= 0] or [len(text)])
    return text[left:right]


def _anchor_offset(sentence: str) -> int:
    """'It comes almost two weeks after X': the report's own present is two weeks after X."""
    for expr in find_dates(sentence):
        if expr.kind == "anchor" and expr.offset_days < 0 and "after" in expr.text.lower():
            return -expr.offset_days
    return 0


def redate(mention: Mention, content_date: date) -> Mention:
    """Resolve a mention's report-relative date again, against the date its content points to."""
    value = mention.date
    if value is None or value.resolved_against != "published" or value.evidence is None:
        return mention
    expressions = find_dates(value.evidence.text)
    if not expressions:
        return mention
    resolved = resolve(expressions[0], content_date)
    if resolved.start is None:
        return mention
    return replace(mention, date=replace(value, start=resolved.start, end=resolved.end, precision=resolved.precision,
                                         resolved_against="content"))
