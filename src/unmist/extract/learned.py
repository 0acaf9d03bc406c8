"""The learned role and incident model (``roles.muc4.v1``): a small spaCy pipeline trained on MUC-4.

It reads a case-folded copy of the report (see :func:`model_text`), so all-capitals wire archives,
lower-case bulletins and ordinary news look alike to it, and writes on the report's parsed doc:

    doc.spans["unmist_roles"]   role fillers, label PERP_IND / PERP_ORG / TARGET / VICTIM / WEAPON
    doc._.unmist_cats           {"INCIDENT": p, "ATTACK": p, "BOMBING": p, ...}: the report as a whole

The copy has the same length as the report, so every span's offsets are the report's own and the
evidence stays exact.  Training: ``scripts/train.sh`` (config ``configs/roles.cfg``); the model card
is ``src/unmist/models/roles_muc4_v1/MODEL_CARD.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .nlp import climb, entity_around, multiply_with_numpy, of_a_speaker, text_of

MODEL_NAME = "roles.muc4.v1"
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "roles_muc4_v1"
ROLE_LABELS = ("PERP_IND", "PERP_ORG", "TARGET", "VICTIM", "WEAPON")

Doc.set_extension("unmist_cats", default=None, force=True)


WHITE_SPACE = re.compile(r"\s")  # str.isspace()'s characters, as _fold reads them


def model_text(text: str) -> str:
    """The report as the model reads it: lower case, every white-space character a plain space.

    Case-folding character by character keeps the length (the rare character whose lower case is
    longer, such as 'İ', keeps its case), so offsets in the copy are offsets in the report.  ASCII
    text, most reports, folds the same way in one pass."""
    if text.isascii():
        return WHITE_SPACE.sub(" ", text.lower())
    return "".join(_fold(ch) for ch in text)


def _fold(ch: str) -> str:
    if ch.isspace():
        return " "
    low = ch.lower()
    return low if len(low) == 1 else ch


def available() -> bool:
    return (MODEL_DIR / "meta.json").exists()


def version() -> str:
    """The model's versioned name, or 'roles.none' for a package built without it."""
    return MODEL_NAME if available() else "roles.none"


@lru_cache(maxsize=1)
def load_roles_model() -> Language | None:
    """The packaged model, or None when the package was built without one."""
    if not available():
        return None
    import spacy

    model = spacy.load(MODEL_DIR)
    multiply_with_numpy(model)
    return model


@Language.factory("unmist_roles", assigns=["doc.spans", "doc._.unmist_cats"])
def make_roles(nlp: Language, name: str) -> RolesComponent:
    return RolesComponent()


class RolesComponent:
    """Runs the learned model on case-folded copies of the reports (in batches under ``nlp.pipe``)
    and copies its spans and scores onto the reports' own docs."""

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    @contextmanager
    def memory_zone(self, mem=None) -> Iterator[None]:
        """The learned model's own vocabulary forgets the words of the reports read inside the zone
        too (``Language.memory_zone`` enters each pipe's): it is a second pipeline."""
        model = load_roles_model()
        if model is None:
            yield
            return
        with model.memory_zone():
            yield

    def pipe(self, docs, batch_size: int = 16):
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from _annotate(batch)
                batch = []
        yield from _annotate(batch)


def _annotate(docs: list[Doc]) -> list[Doc]:
    model = load_roles_model()
    if model is None:
        folded_docs = [None] * len(docs)
    else:
        folded_docs = list(model.pipe((model_text(text_of(doc)) for doc in docs), batch_size=max(1, len(docs))))
    for doc, folded in zip(docs, folded_docs):
        roles = []
        for ent in folded.ents if folded is not None else ():
            start = ent.start_char + _after_spaced_dash(ent.text)
            span = doc.char_span(start, ent.end_char, label=ent.label_, alignment_mode="expand")
            if span is not None:
                roles.append(span)
        doc.spans["unmist_roles"] = roles
        doc._.unmist_cats = dict(folded.cats) if folded is not None else {}
    return docs


SPACED_DASH = re.compile(r"\s[-–—]+\s")


def _after_spaced_dash(text: str) -> int:
    """Where a filler starts after a dash between words: 'khujand - gunmen' is a dateline and the
    doers; a filler never spans one ('pro-government' has no spaces)."""
    found = list(SPACED_DASH.finditer(text))
    return found[-1].end() if found else 0


# --- reading the learned spans into an incident's values --------------------------------------

ROLE_KINDS = {"PERP_IND": "individual", "PERP_ORG": "organization"}
# Words near a named perpetrator that make the tie a suspicion, not a statement of fact.
SUSPICION = re.compile(r"\b(?:suspect(?:s|ed)?|alleged(?:ly)?|believed|presum(?:ed|ably)|reportedly|probabl[ey]|"
                       r"possibl[ey]|likely|accus(?:ed|es)|blam(?:ed|es))\b", re.IGNORECASE)
# The model's share for 'this report tells of an incident' above which a report the rules found no
# incident in still gets one from the learned roles (0.25 let in as many wrong reports as right
# ones: MUC-4 dev F1 31.9 against 32.1 at 0.5).
INCIDENT_THRESHOLD = 0.5
# Document labels -> unmist incident types, for an incident only the model found.
CAT_TYPES = {"BOMBING": "bombing", "KIDNAPPING": "hostage_taking", "ARSON": "arson", "ROBBERY": "robbery",
             "ATTACK": "armed_assault"}


def spans_by_owner(owners: list[list[Span]], spans: list[Span]) -> list[list[Span]]:
    """Each role span goes to the incident whose clause or sentence holds it, else to the incident
    told nearest to it (see NEARBY_SENTENCES), else to none.

    Args:
        owners: each incident's sentences, or clauses of a sentence (an earlier incident told inside
            a sentence about another), in text order.
        spans: role spans of the report.

    Returns:
        The spans of each incident, in the owners' order.
    """
    result: list[list[Span]] = [[] for _ in owners]
    if not owners:
        return result
    clause_owner = [(part.start, part.end, n) for n, parts in enumerate(owners) for part in parts
                    if (part.start, part.end) != (part.sent.start, part.sent.end)]
    sentence_owner = {part.start: n for n, parts in enumerate(owners) for part in parts
                      if (part.start, part.end) == (part.sent.start, part.sent.end)}
    sentence_starts = [sent.start for sent in spans[0].doc.sents] if spans else []
    for span in spans:
        owner = next((n for start, end, n in clause_owner if start <= span.start < end), None)
        owner = sentence_owner.get(span.sent.start) if owner is None else owner
        if owner is None:
            owner = _nearby_owner(sentence_starts.index(span.sent.start), sentence_starts, sentence_owner)
        if owner is not None:
            result[owner].append(span)
    return result


# A role span outside every incident's sentences belongs to the incident told nearest to it within
# this many sentences ('The victims were named as ...' after the attack); farther away, the report
# has moved on to politics or history, and its 'FMLN' is no perpetrator (MUC-4 dev template F1:
# 35.1 attaching every such span, 35.7 within 2 sentences, 36.1 within 5, 36.0 within 8).
NEARBY_SENTENCES = 5


def _nearby_owner(index: int, sentence_starts: list[int], sentence_owner: dict[int, int]) -> int | None:
    """The incident of the sentence nearest to sentence ``index`` within NEARBY_SENTENCES (the
    earlier one on a tie: a report names the victims after the event), or None."""
    for distance in range(1, NEARBY_SENTENCES + 1):
        for other in (index - distance, index + distance):
            if 0 <= other < len(sentence_starts) and sentence_starts[other] in sentence_owner:
                return sentence_owner[sentence_starts[other]]
    return None


def role_texts(spans: list[Span], label: str) -> list[Span]:
    """The spans of one role, one per distinct wording, first occurrence first, each without the
    loose words at its edges the tagger took in."""
    seen, out = set(), []
    for span in sorted(spans, key=lambda s: s.start):
        if span.label_ != label or (span := _trimmed(span)) is None:
            continue
        key = " ".join(span.text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(span)
    return out


# Words that cannot end a filler: the tagger's window sometimes takes in the verb, preposition or
# modal after it ('gas station owned', 'company worker may').
LOOSE_END_POS = frozenset({"AUX", "ADP", "CCONJ", "SCONJ", "DET", "PART", "PRON", "PUNCT", "SPACE"})
LOOSE_END_TAGS = frozenset({"VBN", "VBG", "VBD", "VBZ", "VBP", "MD"})
# ... nor start one ('least 10 buses' of 'at least 10 buses': the count is the words after; 'dead
# eight people' of 'shot dead eight people').
LOOSE_START_WORDS = frozenset({"least", "most", "and", "or", "of", "by", "to", "in", "at", "on", "dead"})


def _trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in LOOSE_START_WORDS or doc[start].pos_ in ("PUNCT", "SPACE")):
        start += 1
    while end > start and (doc[end - 1].pos_ in LOOSE_END_POS or doc[end - 1].tag_ in LOOSE_END_TAGS):
        end -= 1
    if start == end:
        return None
    start, end = _whole_hyphenated_words(doc, start, end)
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


HYPHENS = frozenset({"-", "–"})


def _whole_hyphenated_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The tokens of words the span cuts at a hyphen, taken in: 'Jaish-e' of 'Jaish-e-Fursan-e-Muhammad'."""
    while start > 0 and not doc[start - 1].whitespace_ and (doc[start - 1].text in HYPHENS or doc[start].text in HYPHENS):
        start -= 1
    while end < len(doc) and not doc[end - 1].whitespace_ and (doc[end].text in HYPHENS or doc[end - 1].text in HYPHENS):
        end += 1
    return start, end


# Prepositions whose object is the side acted on, not the doer ('opened fire on FMLN columns',
# 'the war against the FMLN'); 'terrorists from the FAL' is who they are.
ACTED_ON_PREPOSITIONS = frozenset({"on", "against", "at", "to", "between", "with"})
# Verbs whose object is who is held to account ('accused the FMLN of the crime').
BLAMING_VERBS = frozenset({"blame", "accuse", "suspect", "hold", "charge", "implicate", "identify", "name"})
# Verbs of opinion, whose subject holds a view and did nothing ('the FMLN believes'), and of
# mourning or marching, whose subject came after the violence ('the demonstrators attended the funeral').
THINKING_VERBS = frozenset({"believe", "think", "consider", "hope", "want", "expect", "feel",
                            "attend", "mourn", "bury", "march", "demonstrate", "protest", "rally"})
# Verbs of violence, whose passive subject was hit ('Two men were beaten to death by a mob').
HITTING_VERBS = frozenset({"kill", "shoot", "wound", "injure", "stab", "murder", "beat", "lynch", "behead", "kidnap",
                           "abduct", "execute", "torture", "hack", "burn", "attack", "ambush", "massacre"})
# Verbs of guarding, whose agent protected what was attacked ('a convoy escorted by soldiers').
GUARDING_VERBS = frozenset({"escort", "guard", "protect", "accompany", "defend", "secure", "patrol", "man"})


# Nouns for a quarrel or a war, which the tagger may mark where a doer would stand: no one did anything.
NO_DOERS = frozenset({"feud", "dispute", "quarrel", "rivalry", "conflict", "war", "insurgency", "violence", "vendetta"})


# Relations by which a name hangs on the word that holds its place in the sentence.
PHRASE_LINKS = ("compound", "amod", "nmod", "appos", "conj", "poss")


def in_a_doers_place(span: Span) -> bool:
    """The tagger marks a group's name wherever it stands (its training data marks every occurrence
    of a perpetrator's words); a perpetrator is not what a verb acts on ('condemned the FMLN',
    'opened fire on FMLN columns'), who was hit ('Two men were beaten to death by a mob'), who guarded
    what was hit ('a convoy escorted by soldiers'), nor who only holds a view ('the FMLN believes') or
    came to mourn ('the demonstrators attended the funeral')."""
    if span.root.lemma_.lower() in NO_DOERS:
        return False  # 'linked to a local feud or to the Dawlah Islamiyah militant group'
    if _part_of_a_things_name(span):
        return False  # 'cite' of 'the Port-au-Prince suburb of Cite Soleil'
    token = climb(span.root, PHRASE_LINKS)
    if token.dep_ == "pobj" and token.head.lower_ in ("including", "among"):
        whole = token.head.head  # 'wounding six, including four police officers': of those hit
        if whole.pos_ == "VERB":
            return whole.lemma_.lower() not in HITTING_VERBS
        token = climb(whole, PHRASE_LINKS)
    if token.dep_ in ("dobj", "obj", "dative"):
        return token.head.lemma_.lower() in BLAMING_VERBS
    if token.dep_ == "pobj" and token.head.lower_ in ACTED_ON_PREPOSITIONS:
        return False
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.lemma_.lower() in GUARDING_VERBS:
        return False
    if token.dep_ == "nsubjpass" and token.head.lemma_.lower() in HITTING_VERBS:
        return False
    return not (token.dep_ == "nsubj" and token.head.lemma_.lower() in THINKING_VERBS)


# Named entities that name no one who could do anything: places, buildings, events, works, laws, dates.
THING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "DATE", "TIME"})


def _part_of_a_things_name(span: Span) -> bool:
    """The span is a part of a longer name of a place or a thing: the tagger read a word of it alone."""
    entity = entity_around(span)
    return entity is not None and entity.label_ in THING_ENTITIES and len(entity) > len(span)


# Prepositions whose object acts or is a source, not what was hit ('a report drafted by the DAS',
# 'two bodyguards from the DAS').
SOURCE_PREPOSITIONS = frozenset({"by", "from"})
# Verbs whose subject is what was destroyed ('the plane blew up', 'the building collapsed').
UNDERGOING_VERBS = frozenset({"blow", "explode", "burn", "collapse", "crash", "sink", "catch", "burst"})
# Verbs of coming and going that the doers do in or on their vehicles ('the attackers arrived in two
# pickup trucks', 'fled on motorcycles'); not 'travel' or 'ride', which their victims do too.
ARRIVING_VERBS = frozenset({"arrive", "come", "flee", "escape", "speed", "leave"})
CONVEYANCE_PREPOSITIONS = frozenset({"in", "on", "aboard"})


def in_a_targets_place(span: Span) -> bool:
    """Likewise a target: the tagger marks a building's or a body's name wherever it stands (the DAS
    was hit in many training reports), but what does something ('the DAS intelligence service
    intercepted a conversation', 'the car belongs to the police') or is where something came from
    was not hit."""
    token = climb(span.root, ("compound", "amod", "nmod", "appos", "poss"))  # a 'conj' may be the parser's slip
    if token.dep_ == "nsubj":
        return token.head.lemma_.lower() in UNDERGOING_VERBS  # 'an Avianca plane blew up'
    return not (token.dep_ == "pobj" and token.head.lower_ in SOURCE_PREPOSITIONS) and not of_a_speaker(token) \
        and not _came_or_went_in(token)


def _came_or_went_in(token: Token) -> bool:
    """What the doers arrived or fled in: their vehicle, not a target."""
    preposition = token.head
    return token.dep_ == "pobj" and preposition.lower_ in CONVEYANCE_PREPOSITIONS \
        and preposition.head.lemma_.lower() in ARRIVING_VERBS


def perpetrator_status(span: Span, claimed: bool) -> str:
    """claimed when the caller found a claim of responsibility in the span's sentence, suspected when
    the sentence is hedged."""
    if claimed:
        return "claimed"
    return "suspected" if SUSPICION.search(span.sent.text) else "attributed"


# The model's share for a specific type above which it types an incident whose own words only say
# 'attack' (MUC-4 dev: 7 of the 8 incidents it retyped at 0.5 were then right, none went wrong).
SPECIFIC_TYPE_THRESHOLD = 0.5
SPECIFIC_LABELS = ("BOMBING", "KIDNAPPING", "ARSON", "ROBBERY")


def specific_type(cats: dict[str, float]) -> str | None:
    """The specific incident type the report as a whole tells of ('bombing' for a report that
    says 'attacked' in one place and 'the bomb' in another), when the model is confident of one."""
    label = max(SPECIFIC_LABELS, key=lambda name: cats.get(name, 0.0))
    return CAT_TYPES[label] if cats.get(label, 0.0) > SPECIFIC_TYPE_THRESHOLD else None


def incident_type(cats: dict[str, float]) -> str:
    """The most likely incident type of a report the rules found no trigger in."""
    label = max(CAT_TYPES, key=lambda name: cats.get(name, 0.0))
    return CAT_TYPES[label]
