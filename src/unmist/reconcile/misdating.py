"""Misdated reports: a re-post stamped years after the incident that still says 'on Wednesday'.

A report is flagged when (a) it copies a ledger report published long before it, or (b) it speaks
of a dated reference event ('as leaders prepare to travel to Samarkand for the SCO summit', 'two
weeks after al-Baghdadi was killed') that lies long before its stated date.  Its dates that were
resolved against the stated date ('on Wednesday', 'last year') are then resolved against the date
its content points to, and the flag says why.
"""

from __future__ import annotations

import re
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
    found: dict[str, Misdating] = {}
    for edge in copies:
        copy, original = documents[edge.copy], documents[edge.original]
        if copy.published and original.published and (copy.published - original.published).days > COPY_LAG_DAYS:
            found[copy.id] = Misdating(copy.id, original.published,
                                       f"copy of {original.id} ({original.outlet or original.source}), published "
                                       f"{original.published}, {(copy.published - original.published).days} days earlier")
    for document in documents.values():
        if document.id in found or document.published is None or not _has_relative_dates(mentions.get(document.id, [])):
            continue
        misdating = _by_reference_event(document)
        if misdating is not None:
            found[document.id] = misdating
    return found


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
