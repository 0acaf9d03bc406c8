"""Stage 3, attribute: who said each thing, through which outlet, how hedged; which outlet cites which.

For every sentence the reporting structure is read off the parse: the cue ('said', 'told',
'according to', 'quoted ... as saying'), the speaker (its subject, or the object of 'according
to'), the speaker's role (an apposition: 'Umarjon Emomali, a spokesman for the Interior Ministry'),
the outlet that relayed it ('told Reuters', 'in an interview with Radio Liberty's Tajik Service'),
and hedges ('allegedly', 'without providing evidence').  Extracted values then carry the statement
of the sentence they came from; outlets named as sources become citation edges.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .. import knowledge
from ..types import ActorValue, Citation, Document, Evidence, Mention, Statement
from ..extract import evidence_at
from ..extract.nlp import text_of
from ..ingest.text import dateline_end

__all__ = ["attribute", "ATTRIBUTE_VERSION"]

ATTRIBUTE_VERSION = "attribute.rules.v2"
GOVERNMENT_WORDS = re.compile(
    r"\b(?:government|ministry|minister|officials?|authorities|police|president|prosecutor|army|military|troops"
    r"|border (?:service|guards)|security (?:service|council|committee)|state committee|interior|defen[cs]e"
    r"|governor|spokes(?:man|woman|person) for the (?:\w+ )?(?:ministry|government|police)|GKNB|SCNS|FSB|KNB"
    r"|akim|mayor|investigators|state television|Kremlin|Dushanbe|Bishkek|Kabul|Tashkent|Astana|Moscow)\b",
    re.IGNORECASE,
)
ACCORDING_TO = re.compile(r"\baccording to\s+(?:a\s+report\s+(?:at|by|in|from)\s+|reports?\s+(?:at|by|in|from)\s+)?", re.I)
RELAY_PATTERNS = [
    re.compile(r"\b(?:told|telling)\s+$", re.I),
    re.compile(r"\b(?:interview|statement|message|call|video message)\s+(?:\w+\s+){0,3}(?:with|to)\s+(?:the\s+)?$", re.I),
    re.compile(r"\bsent\s+to\s+(?:the\s+)?$", re.I),
    re.compile(r"\b(?:quoted|cited|reported)\s+(?:\w+\s+){0,4}by\s+$", re.I),
    re.compile(r"\bby\s+$", re.I),
    re.compile(r"\b(?:via|on|in)\s+(?:the\s+)?$", re.I),
]
OUTLET_AS_SUBJECT = re.compile(r"^\s*(?:reported|quoted|cited|said|wrote|carried|broadcast|added)\b", re.I)
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them"})


def attribute(doc: Doc, document: Document, mentions: tuple[Mention, ...]) -> tuple[tuple[Mention, ...], tuple[Citation, ...]]:
    """Attach to every value the statement of its sentence; list the outlets the report cites.

    Args:
        doc: the parsed report (with unmist's span groups).
        document: the report.
        mentions: what extract found in it.

    Returns:
        The mentions with statements on their evidence, and the report's citation edges.
    """
    statements = sentence_statements(doc)
    citations = find_citations(doc, document)
    return tuple(_with_statements(m, statements) for m in mentions), citations


def sentence_statements(doc: Doc) -> dict[int, Statement | None]:
    """Statement (or None) per sentence start offset; a pronoun speaker takes the last named speaker."""
    statements: dict[int, Statement | None] = {}
    last_speaker: Statement | None = None
    for sent in doc.sents:
        statement = read_statement(sent)
        statements[sent.start_char] = statement
        if statement is None:
            continue
        if statement.speaker and statement.speaker.lower() in PRONOUNS and last_speaker is not None:
            statement = replace(statement, speaker=last_speaker.speaker, role=statement.role or last_speaker.role,
                                organization=statement.organization or last_speaker.organization,
                                party=statement.party or last_speaker.party)
        elif statement.speaker:
            last_speaker = statement
        statements[sent.start_char] = statement
    return statements


def read_statement(sent: Span) -> Statement | None:
    cue = _cue_token(sent)
    text = text_of(sent.doc)[sent.start_char:sent.end_char]  # Span.text re-joins its tokens on every call
    according = ACCORDING_TO.search(text)
    if cue is None and according is None:
        return None
    speaker, role = (None, None)
    if cue is not None:
        speaker, role = _speaker(cue)
    if speaker is None and according is not None:
        speaker = _phrase_after(sent, according.end())
    relayed_by = _relaying_outlet(sent)
    if speaker and relayed_by and speaker.lower() == relayed_by.lower():
        relayed_by = None
    found = [(m.group(0).lower(), level) for pattern, level in knowledge.hedges() for m in pattern.finditer(text)]
    hedges = tuple(dict.fromkeys(hedge for hedge, _ in found))
    levels = {level for _, level in found}
    certainty = "disputed" if "disputed" in levels else "hedged" if levels else "asserted"
    who = " ".join(filter(None, [speaker, role]))
    return Statement(
        speaker=speaker, role=role, organization=_organization(role or speaker), relayed_by=relayed_by,
        cue=(cue.text if cue is not None else "according to"), hedges=hedges, certainty=certainty, party=_party(who, sent),
    )


def _cue_token(sent: Span) -> Token | None:
    verbs = knowledge.cue_verbs()
    cues = [t for t in sent if t.lemma_.lower() in verbs and t.pos_ in ("VERB", "AUX")]
    if not cues:
        return None
    with_subject = [t for t in cues if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
    return (with_subject or cues)[0]


RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def _speaker(cue: Token) -> tuple[str | None, str | None]:
    story_start = dateline_end(text_of(cue.doc), cue.sent.start_char) or cue.sent.start_char
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    # 'QUETTA, Pakistan (Reuters) - The Balochistan Liberation Army ... denied': the parser may take the
    # dateline for a subject, beside the speaker or with the speaker in apposition
    subject = next((c for c in subjects if c.idx >= story_start), subjects[0] if subjects else None)
    cited = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if cue.lemma_.lower() in ("cite", "quote") and cited is not None and cited.pos_ in ("NOUN", "PROPN"):
        subject = cited  # 'Radio Ozodi, which cited a local official': the official speaks, the radio relays
    elif subject is None and cue.lower_ in ("quoted",):  # 'Radio Ozodi quoted him' / 'was quoted as saying'
        subject = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
    elif subject is not None and subject.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
        subject = cue.head  # 'the ministry, which said ...': the antecedent speaks
    if subject is None:
        return None, None
    appos = next((c for c in subject.children if c.dep_ == "appos"), None)
    if subject.idx < story_start and appos is not None:
        subject, appos = appos, None
    role = _clean(" ".join(t.text for t in appos.subtree)) if appos is not None else None
    dropped = [c for c in subject.children if c.dep_ == "relcl" or (appos is not None and c.i == appos.i)]
    left_out = {t.i for c in dropped for t in c.subtree}  # the role, and 'which gave no details'

    speaker = _clean(" ".join(t.text for t in subject.subtree if t.i not in left_out and t.idx >= story_start))
    if len(speaker.split()) > 12:
        speaker = subject.text
    return speaker or None, role


def _clean(text: str) -> str:
    text = re.sub(r"\s+([,.’'])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def _phrase_after(sent: Span, offset: int) -> str | None:
    start = sent.start_char + offset
    span = sent.doc.char_span(start, min(sent.end_char, start + 80), alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span[0]
    while token.head.i >= span.start and token.head.i < span.end and token.head.i != token.i:
        token = token.head
    words = [t for t in token.subtree if t.i >= span.start and t.dep_ not in ("relcl", "punct")]
    return _clean(" ".join(t.text for t in words[:8])) or None


def _is_source_position(outlet: Span) -> bool:
    """Is the outlet named as a source ('told Reuters', 'according to', 'Radio Ozodi quoted him')?"""
    sent = outlet.sent
    before = text_of(outlet.doc)[max(sent.start_char, outlet.start_char - 40): outlet.start_char]
    after = text_of(outlet.doc)[outlet.end_char: outlet.end_char + 20]
    return any(p.search(before) for p in RELAY_PATTERNS) or bool(ACCORDING_TO.search(before[-30:])) or bool(
        OUTLET_AS_SUBJECT.match(after))


def _relaying_outlet(sent: Span) -> str | None:
    """An outlet named as carrying the statement: 'told Reuters', 'quoted by Radio Ozodi'."""
    for outlet in (a for a in sent.doc.spans["unmist_actors"] if a.label_ == "OUTLET"):
        if sent.start <= outlet.start < sent.end and _is_source_position(outlet):
            return outlet.kb_id_
    return None


def _organization(text: str | None) -> str | None:
    if not text:
        return None
    match = re.search(r"\b(?:for|of|at)\s+(?:the\s+)?(.+)$", text)
    return match.group(1).strip() if match else None


def _party(who: str, sent: Span) -> str | None:
    """Is the speaker a party to the conflict: the government, or an armed group?"""
    if not who:
        return None
    groups = [a for a in sent.doc.spans["unmist_actors"] if a.label_ == "GROUP" and a.text in who]
    if groups:
        return "armed_group"
    return "government" if GOVERNMENT_WORDS.search(who) else None


def _with_statements(mention: Mention, statements: dict[int, Statement | None]) -> Mention:
    starts = sorted(statements)

    def attach(evidence: Evidence | None) -> Evidence | None:
        if evidence is None:
            return None
        index = bisect_right(starts, evidence.start) - 1
        statement = statements[starts[index]] if index >= 0 else None
        return replace(evidence, statement=statement) if statement else evidence

    def attach_actor(actor: ActorValue) -> ActorValue:
        evidence = attach(actor.evidence)
        by = actor.by or (evidence.statement.speaker if evidence and evidence.statement else None)
        return replace(actor, evidence=evidence, by=by)

    return replace(
        mention,
        figures=tuple(replace(f, evidence=attach(f.evidence)) for f in mention.figures),
        perpetrators=tuple(attach_actor(p) for p in mention.perpetrators),
        date=replace(mention.date, evidence=attach(mention.date.evidence)) if mention.date else None,
        type_evidence=attach(mention.type_evidence),
    )


NAMED_SOURCE = re.compile(
    r"\b(?i:according to|told|quoted by|reported by|cited by|carried by|in an interview with)\s+(?:the\s+)?"
    r"(?P<name>(?:[A-Z][\w.&'’-]*|of|the)(?:\s+(?:[A-Z][\w.&'’-]*|of|the)){0,4})"
)


def _named_sources(doc: Doc, document: Document) -> list[Citation]:
    """Sources not in the outlet file ('according to Pamir Wire'): matched to ledger outlets later."""
    citations = []
    for match in NAMED_SOURCE.finditer(document.text):
        name = re.sub(r"(?:\s+(?:of|the))+$", "", match.group("name")).strip()
        if len(name) < 3 or name.lower() in ("the", "police", "officials") or name.split()[0] in ("The", "He", "She"):
            continue
        span = doc.char_span(match.start("name"), match.start("name") + len(name), alignment_mode="expand")
        if span is None or any(t.ent_type_ in ("GPE", "DATE") for t in span):
            continue
        evidence = evidence_at(document, span.sent, span.start_char, span.end_char)
        kind = "person" if span.root.ent_type_ == "PERSON" else "source"  # the small model calls outlets people too
        citations.append(Citation(document.id, name, kind, evidence))
    return citations


def find_citations(doc: Doc, document: Document) -> tuple[Citation, ...]:
    """Outlets the report names as its sources ('according to Reuters', 'told Radio Ozodi')."""
    citations: dict[str, Citation] = {}
    own = (document.outlet or "").lower()
    for citation in _named_sources(doc, document):
        if citation.cited.lower() != own:
            citations.setdefault(citation.cited, citation)
    for outlet in (a for a in doc.spans["unmist_actors"] if a.label_ == "OUTLET"):
        if outlet.kb_id_.lower() == own or outlet.text.lower() == own:
            continue
        if _is_source_position(outlet):
            evidence = evidence_at(document, outlet.sent, outlet.start_char, outlet.end_char)
            if outlet.text != outlet.kb_id_:
                citations.pop(outlet.text, None)  # the same source, found by name before the alias file resolved it
            citations[outlet.kb_id_] = Citation(document.id, outlet.kb_id_, "outlet", evidence)
    return tuple(citations.values())
