"""Stage 2, extract: one parsed report -> the incidents it tells of, as :class:`~unmist.types.Mention`.

Reading order: ``nlp`` (the spaCy pipeline) runs ``components`` (triggers, actors, places,
dates, figures); ``segment`` groups sentences into incidents; this module reads each incident's
values off its sentences (type, date, place, perpetrators, victims, targets, weapons, figures),
every one with its :class:`~unmist.types.Evidence`.  Extraction is a pure function of one document
plus read-only knowledge files, so documents can be processed in any order and in parallel.
"""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .. import knowledge
from ..ingest.text import dateline_apart
from ..types import ActorValue, DateValue, Document, Evidence, FigureValue, Mention, PlaceValue, TextValue
from . import gazetteer, learned
from .actors import (ATTACK_NOUNS, CLAIM, VIOLENT_VERBS, ActorFinding, claim_status, described, find_perpetrators,
                     is_the_attacker, kinds_of_doers, with_of_phrase)
from .components import LOCATIVES, in_running_prose, names_a_jurisdiction, place_tokens
from .figures import CARRYING_VERBS, Figure, after_to_death, sum_figures
from .nlp import climb, entities_in, entities_of, load_pipeline, negated, noun_chunks_in, of_a_speaker, text_of
from .truecase import truecase
from .unwrap import unwrap
from .names import OFFICIAL_TITLES, ages_in, distinctive_names, without_titles
from .victims import count_of, effect_of
from .dates import DateExpr, Resolved, resolve
from .segment import EVENT_NOUNS, Draft, SentenceFacts, is_event_date, segment

__all__ = ["extract", "parse", "parse_many", "evidence_at", "EXTRACT_VERSION"]

EXTRACT_VERSION = "extract.rules.v212"
# A news report's main incident, when the report states no date for it, happened at most this many
# days before the report was published: local news reports the same day or the next (GVA: 67 % of
# articles; 77 % within two days, but a two-day window dated 81 more incidents a day early), and a
# later feature names the day it looks back on.
REPORTED_WINDOW_DAYS = 1
# The most people a single report's figure may count before it is taken for a statistic, not a toll.
MAX_PLAUSIBLE_FIGURE = 100_000
# Places in a country the report never names must be cities of a million ('Metro', Indonesia, is not
# the St Petersburg metro); such cities also count as naming their country.
BIG_PLACE_POPULATION = 1_000_000
# A place named in a report that names no country is taken when it has this many people and this
# many times the people of any namesake in another country (Austin, Texas, not Austin, Manitoba).
DOMINANT_PLACE_POPULATION = 50_000
DOMINANT_PLACE_RATIO = 10
# A town without namesakes that a report puts something 'in' is taken when it has this many people;
# one of SMALL_TOWN_POPULATION when the name stands in running prose of a report that names no
# country, state or city of a known country ('in Berlin Heights', 690 people).  A headline's capitals
# make common words look like names ('Gang-Related Shooting' is no shooting in Gang, Philippines), and
# once a report's country is known a hamlet abroad is a namesake ('Henley' of a Missouri story).
UNIQUE_PLACE_POPULATION = 10_000
SMALL_TOWN_POPULATION = 500
# A place name with namesakes, one of them this big, is a city's: too common in the news to tie two reports.
CITY_POPULATION = 300_000
# Words of an admin area's name ('Cook County', 'Orleans Parish'): an area holds many towns' incidents.
ADMIN_WORDS = frozenset({"county", "parish", "borough", "township", "district", "province", "state"})
# Nouns after which a demonym names whose property it is, not where it happened ('Chinese embassy').
FOREIGN_PROPERTY = frozenset({"embassy", "consulate", "citizen", "national", "diplomat", "ambassador", "mission",
                              "staff", "employee", "company", "worker", "tourist", "engineer", "cyclist"})


def parse_text(text: str) -> str:
    """The copy of a report the parser reads: one written all in capitals (or none) in ordinary
    case, hard-wrapped lines joined; the same length, so offsets are the report's own."""
    return dateline_apart(unwrap(truecase(text)))


def parse(document: Document) -> Doc:
    """The report parsed (from :func:`parse_text`)."""
    return parse_many([document])[0]


def parse_many(documents: list[Document]) -> list[Doc]:
    """Reports parsed together (``nlp.pipe``: the neural layers run on the batch at once), and the
    headlines printed apart from their texts beside them (``doc._.unmist_headline``): one short
    parse per report would cost a fifth of a feed's extraction time."""
    nlp = load_pipeline()
    docs = list(nlp.pipe((parse_text(d.text) for d in documents), batch_size=len(documents) or 1))
    apart = [n for n, document in enumerate(documents) if _headline_apart(document)]
    headlines = nlp.pipe((truecase(documents[n].title[:300]) for n in apart), batch_size=len(apart) or 1,
                         disable=["unmist_roles"])  # the places are all a headline is read for
    for n, headline in zip(apart, headlines):
        docs[n]._.unmist_headline = headline
    return docs


Doc.set_extension("unmist_headline", default=None, force=True)


def _headline_apart(document: Document) -> bool:
    """The report has a headline that its text does not start with (JSONL, feeds)."""
    return bool(document.title) and document.title.strip()[:40] not in document.text[:400]


def extract(doc: Doc, document: Document) -> tuple[Mention, ...]:
    """Every incident a report tells of, main incident first.

    Args:
        doc: the report's text parsed by :func:`parse`.
        document: the ingested report (its date resolves relative dates).

    Returns:
        Mentions in text order; each value carries its evidence.
    """
    countries = report_countries(doc, document)
    role_starts = {span.start for span in doc.spans["unmist_roles"]}
    drafts = [d for d in segment(doc, document.published) if _has_substance(d) or _has_roles(d, role_starts)]
    roles = learned.spans_by_owner([[s.sent for s in d.sentences] for d in drafts], list(doc.spans["unmist_roles"]))
    mentions = []
    for draft, draft_roles in zip(drafts, roles):
        mention = _mention(draft, doc, document, len(mentions), countries, draft_roles)
        if mention is not None:
            mentions.append(mention)
    if not mentions:
        mention = _learned_mention(doc, document, countries)
        mentions.extend([mention] if mention is not None else [])
    return tuple(mentions)


# Incident types that say only that there was an attack; the learned model may tell which kind.
UNSPECIFIC_TYPES = frozenset({None, "armed_assault"})


def _has_substance(draft: Draft) -> bool:
    """A vague allusion with no date, place or figure is not an incident; nor, beside the report's
    main story, is one that only a month or a season dates ('there was another shooting about a
    month ago'): no coder could place or count it."""
    has_figure = any(f.kind != "arrested" and f.high != 0 for s in draft.sentences for f in s.figures)
    has_place = any(p._.unmist and p._.unmist[0].precision != "country" for s in draft.sentences for p in s.places)
    has_date = draft.date is not None and (draft.core or draft.date.precision == "day")
    return has_figure or has_date or (has_place and draft.family is not None)


def _has_roles(draft: Draft, role_starts: set[int]) -> bool:
    """An event told in its own words whose sentences name who did it or whom it hit, as the learned
    model reads them: an incident even without a date, place or figure ('the assassination of X')."""
    if draft.family is None or not any(s.new_event for s in draft.sentences):
        return False
    return any(s.sent.start <= start < s.sent.end for s in draft.sentences for start in role_starts)


def evidence_at(document: Document, sent: Span, start: int, end: int) -> Evidence:
    """Text and sentence as the report writes them (the parse may have read a truecased copy)."""
    return Evidence(document.id, start, end, document.text[start:end], document.text[sent.start_char:sent.end_char].strip())


def _mention(draft: Draft, doc: Doc, document: Document, index: int, countries: Counter,
             roles: list[Span]) -> Mention | None:
    itype, type_evidence = _incident_type(draft, document)
    if itype in UNSPECIFIC_TYPES and (learned_type := learned.specific_type(doc._.unmist_cats or {})):
        # the model read the report as a whole (also where another incident of it is the bombing:
        # keeping to each incident's own words there lost MUC-4 dev 0.4, templates it aligned by type)
        itype, type_evidence = learned_type, None
    place, only_by_the_way = _place(draft, document, countries)
    if draft.core:
        headline = _title_place(doc, document, countries)
        if place is None or only_by_the_way:
            dateline = _dateline_place(document, doc, countries)
            if dateline is not None and _away_from_the_dateline(draft):
                dateline = _the_datelines_country(dateline, draft)
            place = headline or dateline or place or _first_place_told(doc, document, countries)
        elif headline is not None and (_elsewhere(place, headline) or _a_town_the_body_names(headline, place, doc, document)
                                       or (_within(headline, place) and not _the_states_name(headline, place))):
            place = headline  # 'Fort Lauderdale shooting victims ...' and a victim's home town in the body
        elif place.precision in ("province", "district") and not _an_unnamed_settlement_of(place, document) \
                and not _away_from_the_dateline(draft) and not _a_wire_bureau(document, place):
            # ('the town of Kuriga in ... Kaduna state' is no Kaduna city)
            dateline = _dateline_place(document, doc, countries)  # the dateline's town in that state or county
            place = dateline if dateline is not None and _within(dateline, place) else place
        if place is not None and place.precision == "district":
            place = _a_town_the_report_names_in(place, doc, document) or place
    if place is None and draft.core:
        place = _outlet_city(countries)
    elif place is None and getattr(countries, "local", None):
        # a local round-up ('CHICAGO — ... In a separate shooting, a man was shot in the 1200 block of
        # ...') tells its city's incidents; a wire's capital dateline says nothing of a province's
        place = _dateline_place(document, doc, countries)
    figures = _figures(draft, document)
    if itype is None and not any(f.high != 0 for f in figures):  # 'no one was hurt' alone tells no incident
        return None
    sentences = [s.sent for s in draft.sentences]
    claim = claim_status(sentences)
    perpetrators = _perpetrators(draft, doc, document)
    perpetrators += _learned_perpetrators(roles, document, perpetrators, claim == "claimed")
    perpetrators = _with_their_forces(_ranked(_without_defined_acronyms(perpetrators, document.text), document) or
                                      _actor_values(kinds_of_doers(sentences), document))
    return Mention(
        document=document.id,
        index=index,
        type=itype or "armed_assault",
        core=draft.core,
        evidence=tuple(evidence_at(document, s, s.start_char, s.end_char) for s in sentences),
        type_evidence=type_evidence,
        date=_date(draft, doc, document) or (_lone_stated_day(doc, document) or _reported_window(document)
                                              if draft.core else None),
        place=place,
        country=place.country if place and place.country else _country_from_words(draft, countries),
        countries=_named_countries(draft, place),
        places_named=_named_places(draft, countries,
                                   _headline_places(doc, document, countries) + _force_seat(doc, countries)
                                   if draft.core else ()),
        names=distinctive_names([s.sent for s in draft.sentences]),
        report_names=distinctive_names(list(doc.sents)) if draft.core else (),
        ages=ages_in(" ".join(s.sent.text for s in draft.sentences)),
        report_ages=ages_in(text_of(doc)),
        perpetrators=perpetrators,
        victims=_not_the_doers(_without_short_names(_merged(_victim_values(learned.role_texts(roles, "VICTIM"), document),
                                                            _victims(draft, document))), perpetrators),
        targets=_merged(_learned_targets(roles, document), _targets(draft, document)),
        weapons=_weapons_used(_merged(_weapons(draft, document), _learned_values(roles, "WEAPON", document)), doc),
        figures=figures,
        claim=claim or ("claimed" if any(p.status == "claimed" for p in perpetrators) else None),
    )


def _learned_mention(doc: Doc, document: Document, countries: Counter) -> Mention | None:
    """The incident of a report in which the rules found none but the learned model, confident that
    the report tells of one, found who did it or whom it hit: its type is the model's, its
    sentences those that hold the roles."""
    cats = doc._.unmist_cats or {}
    roles = list(doc.spans["unmist_roles"])
    if cats.get("INCIDENT", 0.0) < learned.INCIDENT_THRESHOLD or not roles:
        return None
    sentences = sorted({s.sent.start: s.sent for s in roles}.values(), key=lambda s: s.start)
    claim = claim_status(sentences)
    perpetrators = tuple(_learned_perpetrators(roles, document, (), claim == "claimed"))
    place = _title_place(doc, document, countries) or _dateline_place(document, doc, countries)
    return Mention(
        document=document.id, index=0, type=learned.incident_type(cats), core=True,
        evidence=tuple(evidence_at(document, s, s.start_char, s.end_char) for s in sentences),
        type_evidence=None, date=None, place=place,
        country=place.country if place and place.country else (countries.most_common(1)[0][0] if countries else None),
        countries=(place.country,) if place and place.country else (),
        places_named=(), perpetrators=perpetrators,
        victims=_victim_values(learned.role_texts(roles, "VICTIM"), document),
        targets=_learned_targets(roles, document),
        weapons=_learned_values(roles, "WEAPON", document), figures=(), claim=claim,
    )


def _victim_values(spans: list[Span], document: Document) -> tuple[TextValue, ...]:
    """Victims with what the incident did to them and how many they were; a person by name alone."""
    values = []
    for span in spans:
        effect = effect_of(span)
        if (effect is None and (_speaks(span) or _whose_government(span))) or _names_a_place(span) \
                or _names_a_body(span) or is_the_attacker(span.root) or _says_so(span) or _remembered(span):
            continue
        words = _name_alone(_full_name(span)) if span[0].ent_type_ == "PERSON" else span
        values.append(TextValue(_words(document, words), evidence_at(document, words.sent, words.start_char,
                                                                      words.end_char), effect, count_of(span)))
    return tuple(values)


# Nouns of the rule a leader's name labels ('the government of President Gustavo Petro').
GOVERNMENT_NOUNS = frozenset({"government", "administration", "regime", "cabinet", "presidency", "rule"})


def _whose_government(span: Span) -> bool:
    """The person names whose government it was, in a sentence about something else ('days after
    the ELN ended a ceasefire with the government of President Gustavo Petro')."""
    preposition = span.root.head
    return span.root.dep_ == "pobj" and preposition.lower_ == "of" \
        and preposition.head.lemma_.lower() in GOVERNMENT_NOUNS


# Nouns of bodies of people, which a person's name may open ('the Oscar Arnulfo Romero Federation').
BODY_NOUNS = frozenset({"federation", "foundation", "front", "movement", "party", "association", "union", "command",
                        "group", "brigade", "battalion", "committee", "council", "organization", "organisation",
                        "cartel", "commando", "institute", "university", "school", "church", "company"})


def _names_a_body(span: Span) -> bool:
    """A name that ends in 'Federation' or 'commando group' is an organisation's, not its namesake's:
    a victim is a person ('a group of peasants', with no name, still is people)."""
    return span.root.lemma_.lower() in BODY_NOUNS and any(t.pos_ == "PROPN" for t in span if t.i != span.root.i)


# Nouns of places that are no one: 'the border region', 'the hamlet', 'Juan Jose corregimiento'.
PLACE_UNITS = frozenset({"region", "hamlet", "village", "canton", "corregimiento", "municipality", "department",
                         "jurisdiction", "district", "province", "area", "border", "town", "city", "neighborhood",
                         "neighbourhood"})


BORDER_WORDS = frozenset({"border", "frontier", "boundary"})


def _names_a_place(span: Span) -> bool:
    """'killed in Mutata, Tres Playitas hamlet, Juan Jose corregimiento', 'kidnapped at the
    Cifuentes border region': words that the gazetteer or a locative preposition make a place."""
    if set(range(span.start, span.end)) <= place_tokens(span.doc):
        return True
    if span.text in {place.text for place in span.doc.spans["unmist_places"]}:
        return True  # 'Russian missile strike on Kryvyi Rih kills 18': the headline's name is the body's city
    root = climb(span.root, ("appos", "conj"))
    if root.dep_ == "pobj" and root.head.lower_ in ("with", "of") and root.head.head.lemma_.lower() in BORDER_WORDS:
        return True  # 'near the border with Mali', which the tagger reads as a person
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_UNITS:
        return True  # 'in the town of Kolofata', a town the gazetteer does not know
    return (root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "around")) or root.lemma_.lower() in PLACE_UNITS


def _speaks(span: Span) -> bool:
    """'Father Estrada has described the report as ...': who speaks of the incident, unless the
    sentence says what befell them, is not its victim."""
    root = climb(span.root, ("appos", "compound", "conj"))
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in knowledge.cue_verbs()


# 'a village in Nigeria's northeastern Borno state', 'a town near': the incident's place is some
# settlement of the area, not the city a wire files from.
UNNAMED_SETTLEMENT = re.compile(r"(?:\b(?:a|an|one|another|two|three|four|five|several|\d+)\s+(?:[\w-]+\s+)?"
                                r"|(?-i:\b[A-Z][\w'’-]+\s+(?:[A-Z][\w'’-]+\s+)?))"  # or named, unknown: 'in Tudun Biri village in'
                                r"(?:village|hamlet|town|settlement|community|camp)s?"
                                r"\s+(?:in|of|near)\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def _an_unnamed_settlement_of(place: PlaceValue, document: Document) -> bool:
    """The report tells of an unnamed village or town in the area it names ('an overnight raid on a
    village in Borno state'): the dateline's city in that area ('MAIDUGURI, Nigeria') is no
    more its place than any other town of it."""
    found = place.evidence
    if found is None or found.document != document.id or document.text[found.start:found.end] != found.text:
        return False  # a place read off the headline: no words before it in the text
    before = document.text[max(0, found.start - 80):found.start]
    return bool(UNNAMED_SETTLEMENT.search(before))


def _learned_values(roles: list[Span], label: str, document: Document) -> tuple[TextValue, ...]:
    return tuple(_text_value(document, span.sent, span) for span in learned.role_texts(roles, label))


def _merged(first: tuple[TextValue, ...], second: tuple[TextValue, ...]) -> tuple[TextValue, ...]:
    """Both lists, a wording kept once (the first list's evidence wins), and words the first list
    already read kept as the first list read them ('rocket launchers', not also 'rocket')."""
    seen = {" ".join(v.text.lower().split()) for v in first}
    spans = [(v.evidence.start, v.evidence.end) for v in first]
    return first + tuple(v for v in second if " ".join(v.text.lower().split()) not in seen
                         and not any(start < v.evidence.end and v.evidence.start < end for start, end in spans))


def _learned_perpetrators(roles: list[Span], document: Document, found: tuple[ActorValue, ...],
                          claimed: bool) -> tuple[ActorValue, ...]:
    """Perpetrators the model found that the rules did not: a known group under its canonical name."""
    known = {n.lower() for a in found for n in (a.name, a.surface) if n}
    aliases = knowledge.group_aliases()
    values = []
    for label, kind in learned.ROLE_KINDS.items():
        for span in learned.role_texts(roles, label):
            if not learned.in_a_doers_place(span):
                continue
            words = _words(document, span)
            name = aliases.get(words, aliases.get(words.lower(), words))
            if kind == "individual" and name == words:
                name = described(words)  # 'Several armed men' is the rules' 'armed men'
            bare = re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)  # 'the Arakan Army' the rules found
            if name.lower() in known or words.lower() in known or aliases.get(bare, bare).lower() in known:
                continue
            known.add(name.lower())
            # a report's claim is the claimant's: a doer the model finds elsewhere ('gunmen forced their
            # way inside') is claimed only where its own sentence tells the claim
            status = learned.perpetrator_status(span, claimed and claim_status([span.sent]) == "claimed")
            values.append(ActorValue(name, kind, status, name if status == "claimed" else None,
                                     evidence_at(document, span.sent, span.start_char, span.end_char),
                                     surface=words if name != words else None))
    return tuple(values)


def _without_defined_acronyms(perpetrators: tuple[ActorValue, ...], text: str) -> tuple[ActorValue, ...]:
    """One group, one perpetrator: an acronym the report defines for another perpetrator's name
    ('Farabundo Marti National Liberation Front [FMLN]') is that name, not a second group."""
    names = [p.name for p in perpetrators]
    groups = [p.name for p in perpetrators if p.kind != "individual"]  # 'members of the National Liberation Army (ELN)' are its men
    defined = {short.lower() for short in names if " " not in short and len(short) <= 10 for long in groups
               if len(long) > len(short) and re.search(re.escape(long) + r"\s*[\[(]\s*" + re.escape(short) + r"\s*[\])]",
                                                       text, re.IGNORECASE)}
    return tuple(p for p in perpetrators if p.name.lower() not in defined)


def _ranked(perpetrators: tuple[ActorValue, ...], document: Document) -> tuple[ActorValue, ...]:
    """A named perpetrator with the rank the report gives them ('Colonel Rene Emilio Ponce',
    'Capt. Alvaro Saravia'): the rank says who they are in a chain of command, and MUC and GTD
    code officers so.  One person is then one perpetrator, with or without the rank."""
    values: dict[str, ActorValue] = {}
    for actor in perpetrators:
        if actor.kind == "individual" and _a_name(actor.name) and (rank := _rank_before(document.text, actor.evidence.start)):
            start = actor.evidence.start - len(rank)
            evidence = replace(actor.evidence, start=start, text=document.text[start:actor.evidence.end])
            actor = replace(actor, name=f"{' '.join(rank.split()).title()} {actor.name}", evidence=evidence)
        values.setdefault(knowledge.actor_key(actor.name, actor.kind), actor)
    return tuple(values.values())


# The people of a force ('army troops', 'officers of the armed forces', 'elements'), and the last
# words of a force's name ('the Guatemalan army', 'the 6th infantry brigade', 'the Atonal battalion').
MEMBER_WORDS = frozenset({"troops", "soldiers", "elements", "members", "officers", "units", "men", "personnel",
                          "agents", "guards", "policemen", "servicemen"})
FORCE_NAME_ENDS = frozenset({"army", "forces", "military", "police", "guard", "brigade", "battalion", "force", "navy",
                             "detachment", "regiment", "command"})
OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _with_their_forces(perpetrators: tuple[ActorValue, ...]) -> tuple[ActorValue, ...]:
    """The force whose people did it, beside them: 'Guatemalan army troops' killed, so did the
    Guatemalan army ('officers of the armed forces', 'battalion troops of the 6th infantry
    brigade'); MUC and GTD code the unit as the perpetrator organisation and its men as the people."""
    forces: dict[str, ActorValue] = {}
    aliases = knowledge.group_aliases()
    for actor in perpetrators:
        if actor.kind == "organization":
            continue
        for start, end in _forces_of(actor.name):
            name = re.sub(r"^the\s+", "", actor.name[start:end], flags=re.IGNORECASE)
            start = end - len(name)
            evidence = replace(actor.evidence, start=actor.evidence.start + start, end=actor.evidence.start + end,
                               text=actor.evidence.text[start:end]) if actor.evidence.text == actor.name else actor.evidence
            group = aliases.get(name, aliases.get(name.lower()))  # 'the National Liberation Army' is a rebel group's name
            force = replace(actor, name=group, kind="organization", evidence=evidence, surface=name) if group else \
                replace(actor, name=name, kind="state", evidence=evidence, surface=None)
            forces.setdefault(force.name.lower(), force)
    existing = {p.name.lower() for p in perpetrators}
    named = set(forces) | {p.name.lower() for p in perpetrators
                           if p.name.split()[-1].lower() in FORCE_NAME_ENDS and not _forces_of(p.name)}
    # one force once: 'army' of 'army troops' is the 'Guatemalan army' of 'Guatemalan army troops'
    return perpetrators + tuple(force for key, force in forces.items() if key not in existing
                                and not any(other != key and other.endswith(" " + key) for other in named))


def _forces_of(words: str) -> list[tuple[int, int]]:
    """Where in a description of people the forces they belong to are named ('Oromontique battalion
    troops of the 6th infantry brigade': both)."""
    parts = [(0, len(words))]
    joint = OF_THE.search(words)
    if joint is not None:
        parts = [(0, joint.start()), (joint.end(), len(words))]
    forces = []
    for index, (start, end) in enumerate(parts):
        tokens = words[start:end].split()
        if index == 0 and len(tokens) >= 2 and tokens[-1].lower() in MEMBER_WORDS \
                and tokens[-2].lower() in FORCE_NAME_ENDS:
            forces.append((start, start + len(words[start:end].rstrip()) - len(tokens[-1]) - 1))
        elif index == 1 and tokens and tokens[-1].lower() in FORCE_NAME_ENDS \
                and words[:parts[0][1]].split()[-1].lower() in MEMBER_WORDS:
            forces.append((start, end))
    return forces


def _rank_before(text: str, start: int) -> str:
    """The ranks written just before ``start`` ('COL ', 'Lt. Col. '), or '' (also after another
    title: an 'attorney general' or 'secretary general' holds no rank)."""
    ranks = ""
    for word in reversed(re.findall(r"\b[A-Za-z]+\.?\s+", text[max(0, start - 40):start])):
        if text[start - len(ranks) - len(word):start - len(ranks)] != word:
            break  # not adjoining: punctuation between
        lowered = word.rstrip(". \t\n").lower()
        if lowered not in knowledge.ranks():
            return "" if ranks and (lowered in knowledge.person_titles() or lowered == "secretary") else ranks
        ranks = word + ranks
    return ranks


def _incident_type(draft: Draft, document: Document) -> tuple[str | None, Evidence | None]:
    triggers = [(t, s) for s in draft.sentences for t in s.strong_triggers]
    if not triggers:
        return None, None
    # what the incident's own words call it, before what a reference calls it ('gunmen shot dead a
    # tribal elder' ... 'No group claimed responsibility for either attack')
    triggers = [(t, s) for t, s in triggers if not t._.unmist_trigger["anaphoric"]] or triggers
    rescues = {id(t): rescue for t, _ in triggers if t.label_ == "hostage_taking" and (rescue := _the_rescue_of(t))}
    if rescues:
        told = [(t, s) for t, s in triggers if id(t) not in rescues]
        if not told:  # 'Police rescued 12 kidnapped children': the rescue is what happened
            trigger, facts = triggers[0]
            rescue = rescues[id(trigger)]
            return "security_operation", evidence_at(document, facts.sent, rescue.idx, rescue.idx + len(rescue.text))
        triggers = told
    trigger, facts = max(triggers, key=lambda pair: (knowledge.type_priority(pair[0].label_), -pair[0].start))
    if trigger.label_ == "armed_assault" and _with_explosives(trigger):
        return "bombing", evidence_at(document, facts.sent, trigger.start_char, trigger.end_char)
    return trigger.label_, evidence_at(document, facts.sent, trigger.start_char, trigger.end_char)


def _the_rescue_of(trigger: Span) -> Token | None:
    """'Troops rescued 20 villagers who had been kidnapped by bandits, killing four of the kidnappers':
    the kidnapping is told of those the rescue freed, and happened before; the rescue is what the
    sentence tells.  Only 'rescue' and 'liberate': kidnappers also 'free' and 'release' their hostages.
    Returns the verb of the rescue, or None."""
    return next((token for token in list(trigger.root.ancestors)[:4] if token.pos_ == "VERB" and token.i < trigger.root.i
                 and token.lemma_.lower() in ("rescue", "liberate")), None)


# What an attack is made 'with' that makes it a bombing, as GTD types an attack by its weapon
# ('attacked Merino's home with explosives', 'attacked the post with grenades').
EXPLOSIVE_MEANS = re.compile(r"\b(?:explosives?|dynamite|bombs?|grenades?|explosive devices?|car bombs?)\b", re.I)


def _with_explosives(trigger: Span) -> bool:
    return any(child.lower_ == "with" and any(EXPLOSIVE_MEANS.search(t.text) for t in child.subtree)
               for child in trigger.root.children if child.dep_ == "prep")


def _date(draft: Draft, doc: Doc, document: Document) -> DateValue | None:
    if draft.date is None or draft.date_expr is None:
        return None
    return _date_value(draft.date_expr, draft.date, doc, document)


def _date_value(expr: DateExpr, resolved: Resolved, doc: Doc, document: Document) -> DateValue:
    """A date expression of the report, resolved, as the incident's date with the expression as evidence."""
    sent = doc.char_span(expr.start, expr.end, alignment_mode="expand").sent
    return DateValue(
        start=resolved.start, end=resolved.end, precision=resolved.precision,
        evidence=evidence_at(document, sent, expr.start, expr.end),
        resolved_against=resolved.basis, month=resolved.month, day=resolved.day, weekday=resolved.weekday,
    )


# Date expressions that name a day of a month ('Sept. 25', 'September 25, 2014').
DAY_KINDS = frozenset({"absolute", "day_month", "iso"})
# How long before its report an incident the report dates only elsewhere may have happened (features
# and follow-ups come weeks later).
LONE_DAY_REACH_DAYS = 60


def _lone_stated_day(doc: Doc, document: Document) -> DateValue | None:
    """A report whose main incident's sentences state no date, but which names one day, and only
    one, in the weeks before the report as the day of something that happened ('as they sat on the
    couch on the evening of Sept. 25'): that day is the incident's.  Two different days, or none,
    leave the report's own date to stand for it; days long before (another event) or after the
    report ('call this number after March 3') are no candidates."""
    if document.published is None:
        return None
    found: dict = {}
    for expr in doc._.unmist_dates or ():
        if expr.kind not in DAY_KINDS or not is_event_date(doc, expr):
            continue
        day = resolve(expr, document.published)
        if day.start is None or day.start != day.end \
                or not 0 <= (document.published - day.start).days <= LONE_DAY_REACH_DAYS:
            continue  # a day long before is another event's; one after the report is still to come
        found.setdefault(day.start, (expr, day))
    if len(found) != 1:
        return None
    (expr, day), = found.values()
    return _date_value(expr, day, doc, document)  # a day of a month resolves to one day: precision 'day'


def _reported_window(document: Document) -> DateValue | None:
    """A report's main incident that states no date happened shortly before the report: a window
    ending on its publication date.  Linking can then compare it with dated reports, and the
    incident's date stays a window until a report states the day."""
    if document.published is None:
        return None
    return DateValue(start=document.published - timedelta(days=REPORTED_WINDOW_DAYS), end=document.published,
                     precision="week", evidence=None, resolved_against="published")


# --- places ------------------------------------------------------------------------------------

class ReportScope(Counter):
    """How often each country is named in a report, and in ``areas`` the states and provinces it
    names ('Colorado', a dateline's 'N.C.'): of namesakes in one country ('Jefferson County' is in 25
    states), the one in a named area is meant."""

    areas: frozenset[tuple[str, str]] = frozenset()
    city_areas: frozenset[tuple[str, str]] = frozenset()  # the states of the cities it names ('Chicago')
    big_cities: tuple[gazetteer.Place, ...] = ()  # the cities big enough to hold neighbourhoods it names
    local: frozenset[str] = frozenset()  # the countries whose local news it is: formulas ('the 500 block of'), outlet
    forces: frozenset[str] = frozenset()  # the places whose own police it names ('Mount Vernon police')
    outlet: knowledge.Home | None = None  # where its local outlet is based (data/outlet_homes.tsv)
    outlet_areas: frozenset[tuple[str, str]] = frozenset()  # the state its local outlet is based in, if it names none
    # name -> (city, neighbourhood) of the parts of its city it names ('Austin' of Chicago); set per report
    neighbourhoods: dict[str, tuple[gazetteer.Place, str]] = {}


def report_countries(doc: Doc, document: Document) -> ReportScope:
    """How often each country is named in the report (place names, 'Tajik', the dateline), and the
    admin areas it names."""
    counts = ReportScope()
    areas, cities, city_areas, big_cities, forces, districts, named = set(), Counter(), set(), {}, set(), [], set()
    styled = {country for pattern, country in knowledge.national_styles() if pattern.search(document.text)}
    headline = doc._.unmist_headline
    outlet = knowledge.outlet_home(document.url)
    neighbourhoods = _neighbourhoods_named([*doc.spans["unmist_places"], *(headline.spans["unmist_places"] if headline else ())],
                                           outlet)
    dateline_area = _dateline_area(document)
    # an area's name that several countries give an area ('North-West region': Cameroon, South Africa,
    # Botswana) is the one of a country the report names outright ('Cameroon: Separatists kill ...')
    named_outright = {p.country for span in doc.spans["unmist_places"] for p in span._.unmist[:1]
                      if p.precision == "country"} | ({dateline_area[1]} if dateline_area else set())
    for span in doc.spans["unmist_places"]:
        if names_a_jurisdiction(span):
            forces.add(span.text.lower())
        if _called_a_neighbourhood(span) or _name_of(span) in neighbourhoods or _ties_to_a_country(span):
            continue  # 'the city's Knoxville section' names no city of its own: the report's city says where it is
        readings = _in_countries(_in_countries(span._.unmist, styled), named_outright)
        for place in readings[:1]:
            if place.precision in ("country", "province") or place.curated \
                    or (place.population >= BIG_PLACE_POPULATION and gazetteer.bears_own_name(place, _name_of(span))):
                # (a big city by another of its names counts no country: 'Cano' is one of Kano's)
                counts[place.country] += 1
                if place.precision == "country":
                    named.add(place.country)
                if place.precision == "exact":
                    city_areas.add((place.admin1, place.country))
            elif (dominant := _dominant(span._.unmist)) and (not styled or dominant.country in styled
                                                              or dominant.precision == "country"):
                # (not 'Samar' of a story of a barangay: Samar, Ukraine is the biggest namesake; a country
                # named is that country, whatever formulas the report writes: 'Santa Ana, El Salvador')
                if dominant.precision == "country" and not styled:  # 'In Mali, ...' (a town in China, too)
                    counts[dominant.country] += 1
                    named.add(dominant.country)
                else:
                    cities[dominant.country] += 1
                city_areas.add((dominant.admin1, dominant.country))
                place = dominant
            if place.precision == "exact" and place.population >= gazetteer.ENCLOSING_CITY_POPULATION:
                big_cities[place.geonameid or place.name] = place
            if place.precision == "province":  # as its towns' records name it ('Chhattīsgarh' for 'Chhattisgarh')
                areas.add((place.admin1 or place.name, place.country))
            elif (area := _area_of_unique_district(span._.unmist)) is not None:
                districts.append(area)  # 'Missoula County' names Montana: it has no namesake elsewhere
    # ... unless the report is plainly of another country, which it names again and again ('the Musakhel
    # district' of a report from Pakistan is no district of Afghanistan that GeoNames spells so)
    for area in districts:
        if not any(counts[country] >= REPEATED_COUNTRY for country in named - {area[1]}):
            areas.add(area)
            counts[area[1]] += 1
    if dateline_area:
        areas.add(dateline_area)
        counts[dateline_area[1]] += 1
    demonyms = Counter(_demonym_countries(doc))
    if not counts and sum(cities.values()) > sum(demonyms.values()):
        # local news names its city ('Louisville'), never its country, and seldom its state; a stray
        # demonym ('a Chinese restaurant') does not outweigh the cities it names
        counts.update(cities)
        areas |= city_areas
    counts.update(demonyms)
    if not counts:  # ... or only its town, in its country's own formulas ('the 500 block of')
        counts.update(styled)
    outlet_area = _outlet_area(outlet, counts, areas | city_areas)
    if outlet_area is not None and not counts:
        counts[outlet_area[1]] = 1  # a local outlet's report is of its country
    counts.areas = frozenset(areas)
    counts.outlet = outlet
    counts.outlet_areas = frozenset({outlet_area} - {None})
    counts.neighbourhoods = neighbourhoods
    counts.city_areas = frozenset(city_areas)
    counts.big_cities = tuple(big_cities.values())
    counts.local = frozenset(styled | ({outlet.country} if outlet else set()))  # a local outlet's report is local news
    counts.forces = frozenset(forces)
    return counts


def _outlet_area(home: knowledge.Home | None, counts: Counter, named: set) -> tuple[str, str] | None:
    """The state a local outlet is based in, for a report that names no state and no other country
    than the outlet's ('Teen charged in Durham convenience store shooting' on a Raleigh station's
    site: Durham, North Carolina, not Durham, England).  It only tells namesakes apart: a town of
    another state is no less the scene for it."""
    if home is None or named or _another_country_than(home, counts):
        return None
    return home.admin1, home.country


def _another_country_than(home: knowledge.Home, countries: Counter) -> bool:
    """The report names a country other than its local outlet's: it is no news of the outlet's area."""
    return any(country != home.country for country in countries)


def _outlet_city(countries: Counter) -> PlaceValue | None:
    """A local outlet's home city for its report's main incident when nothing in the report places
    it and the report names no other country ('Five people were shot in an apartment complex
    Wednesday night. The shooting happened in the 1400 block of Briarcrest Lane', on a Memphis
    station's site): local news tells its own city's incidents, as GVA codes them.  The place has
    no evidence and says how it was placed, and linking never compares it."""
    home = getattr(countries, "outlet", None)
    if home is None or _another_country_than(home, countries):
        return None
    city = _big_city_of(home)
    if city is None:
        return None
    return PlaceValue(city.name, city.country, city.admin1, city.lat, city.lon, city.precision, None, city.geonameid,
                      placed_by="outlet")


def _neighbourhoods_named(spans, outlet: knowledge.Home | None) -> dict[str, tuple[gazetteer.Place, str]]:
    """The names of parts of a big city that the report names, when it names the city or comes from
    an outlet based there ('Austin' of a Chicago story, not Austin, Texas; 'Algiers' of a New
    Orleans station's, not Algeria's capital): name -> (the city, the neighbourhood)."""
    named = {_city_key(p) for span in spans for p in span._.unmist[:3] if p.precision == "exact"}
    home = _big_city_of(outlet) if outlet is not None else None
    found = {}
    for span in spans:
        for hood in knowledge.neighbourhoods().get(_name_of(span), ()):
            city = _big_city_of(hood)
            if city is not None and (_city_key(city) in named or city == home):
                found[_name_of(span)] = (city, hood.name)
                break
    return found


def _city_key(place: gazetteer.Place) -> tuple:
    return place.name, place.admin1, place.country


def _big_city_of(entry: knowledge.Home | knowledge.Neighbourhood) -> gazetteer.Place | None:
    """The city a data table's row names (an outlet's home, a neighbourhood's city)."""
    return _big_city_called(entry.city, entry.admin1, entry.country)


@lru_cache(maxsize=1000)
def _big_city_called(name: str, admin1: str, country: str) -> gazetteer.Place | None:
    cities = [p for p in gazetteer.lookup(name) if p.precision == "exact" and (p.admin1, p.country) == (admin1, country)]
    return max(cities, key=lambda p: p.population, default=None)


def _name_of(span: Span) -> str:
    return knowledge.name_key(span.text)


def _in_countries(readings: tuple, countries: set[str]) -> tuple:
    """A name's readings in the countries whose news formulas the report uses, when it has any there:
    'Savannah' of a story about 'the sheriff's office' is Savannah, Georgia, not Ghana's Savannah Region."""
    return tuple(p for p in readings if p.country in countries) or readings


# How often a report names a country to be plainly of it.
REPEATED_COUNTRY = 2


def _area_of_unique_district(candidates: tuple) -> tuple[str, str] | None:
    """The (state, country) of a county or district that is the name's only reading ('Missoula
    County'); None for namesakes ('Jefferson County' is in 25 states) or a name that is also a town."""
    areas = {(p.admin1, p.country) for p in candidates}
    if not candidates or len(areas) != 1 or any(p.precision != "district" for p in candidates):
        return None
    area = next(iter(areas))
    return area if area[0] else None


def _demonym_countries(tokens) -> list[str]:
    """'Tajik troops' -> TJ; 'the Chinese embassy' names no place."""
    demonyms = knowledge.demonyms()
    return [demonyms[t.text] for t in tokens
            if t.text in demonyms and not (t.head.lemma_.lower() in FOREIGN_PROPERTY and t.head.i != t.i)]


# Words that put an incident in a part of a country ('in northern Burkina Faso').
COUNTRY_PARTS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                           "southeastern", "southwestern", "north", "south", "east", "west", "northeast", "northwest",
                           "southeast", "southwest", "remote", "rural"})


# Nouns for a settlement named with 'of' ('the central Haitian town of Pont-Sonde').
SETTLEMENT_NOUNS = frozenset({"town", "village", "city", "hamlet", "locality", "commune", "settlement"})


def _away_from_the_dateline(draft: Draft) -> bool:
    """The incident's sentences put it in a part of a country ('overran an army outpost in Mansila,
    in northern Burkina Faso'), or in a town the gazetteer does not know ('the central Haitian town
    of Pont-Sonde'): a wire's dateline ('OUAGADOUGOU (AFP) -') is where it was filed from, not
    where that is."""
    return any(span._.unmist and span._.unmist[0].precision == "country" and span.start > 0
               and span.doc[span.start - 1].lower_ in COUNTRY_PARTS
               for facts in draft.sentences for span in facts.places) \
        or any(_an_unknown_town(facts) for facts in draft.sentences)


def _the_datelines_country(dateline: PlaceValue, draft: Draft) -> PlaceValue | None:
    """The country of a dateline that does not place the incident ('PORT-AU-PRINCE (AP) - ... the
    central Haitian town of Pont-Sonde' is in Haiti), when it is a country the incident's sentences
    name or that none of them contradicts (a wire files from Dubai of an attack in the Gulf of Aden)."""
    named = set(_named_countries(draft, None))
    country = gazetteer.country_of(dateline.country) if dateline.country else None
    if country is None or (named and dateline.country not in named):
        return None
    return PlaceValue(country.name, country.country, None, None, None, "country", dateline.evidence, country.geonameid)


def _an_unknown_town(facts: SentenceFacts) -> bool:
    """'the town of Pont-Sonde', the name no place the gazetteer knows."""
    doc = facts.sent.doc
    known = {i for span in facts.places for i in range(span.start, span.end)}
    return any(token.lemma_.lower() in SETTLEMENT_NOUNS and token.i + 2 < facts.sent.end
               and doc[token.i + 1].lower_ == "of" and doc[token.i + 2].is_title and token.i + 2 not in known
               for token in facts.sent)


def _named_as_its_state(city) -> bool:
    """'Guanajuato', 'Chihuahua', 'Kaduna': a city with the name of its first-level area."""
    return bool(city.admin1) and knowledge.name_key(city.name) == knowledge.name_key(city.admin1)


def _the_states_name(headline: PlaceValue, place: PlaceValue) -> bool:
    """'Kidnappers free 20 students in Kaduna' over '... a school in Kaduna state': the headline
    writes the state's name, which its capital bears too."""
    return place.precision == "province" and _named_as_its_state(headline) and headline.admin1 == place.admin1


def _elsewhere(place: PlaceValue, headline: PlaceValue) -> bool:
    """A town or district the headline names lies in another admin area than the body's place: the
    body's is someone's home town or a place in passing, the headline's is the story's.  Not a
    capital the headline does not name ('in Burundi's capital' over '... in the main city Bujumbura')."""
    return headline.precision in ("exact", "district") and (headline.country, headline.admin1) != (place.country, place.admin1) \
        and not _a_capital_unnamed(headline)


def _a_capital_unnamed(place: PlaceValue) -> bool:
    """The place is the capital its evidence reads into a country's name ('Somalia's capital')."""
    return place.evidence is not None and any(p.precision == "country" for p in gazetteer.lookup(place.evidence.text))


def _a_town_the_body_names(headline: PlaceValue, place: PlaceValue, doc: Doc, document: Document) -> bool:
    """The headline proper (not the outlet's name and town a scraped title ends with: '... - Live5News.com
    | Charleston, SC') names another town of the body's state, one the body names too ('Two teens hurt
    in Kent shooting' over a body placed in Federal Way, where a victim was found; '... in northeast
    Columbus' over a body placed in the county of 'the Franklin County jail'): the story's town.
    Not a city that has its state's name, which a headline writes for the state (see
    :func:`_town_of_the_state`)."""
    if headline.precision != "exact" or place.precision not in ("exact", "district") or headline.name == place.name \
            or (headline.country, headline.admin1) != (place.country, place.admin1) or _named_as_its_state(headline):
        return False
    name = headline.name.lower()
    proper = re.split(r"\s[|–—-]\s", document.title or "")[0].lower()
    return re.search(r"\b" + re.escape(name) + r"\b", proper) is not None and \
        any(" ".join(span.text.lower().split()) == name for span in doc.spans["unmist_places"])


def _within(town: PlaceValue, place: PlaceValue) -> bool:
    """The headline or dateline names a town in the state or country that is all the body names
    ('4 shot in Dayton' over 'Ohio'), or in the state of the county it names: the town is the more
    precise place of the same incident (GVA and GTD code the town)."""
    if town.precision not in ("exact", "district") or town.country != place.country:
        return False
    if place.precision == "district":  # 'KERRVILLE, Texas - A shooting Friday in Kerr County'
        # (not 'IMPHAL, Jan 18: ... in Manipur's Bishnupur district': the state capital is in another district)
        return town.precision == "exact" and town.admin1 == place.admin1 and not _a_city(town) \
            and not gazetteer.outside_county(town, place)
    return place.precision == "country" or (place.precision == "province" and town.admin1 == place.admin1)


def _a_town_the_report_names_in(county: PlaceValue, doc: Doc, document: Document) -> PlaceValue | None:
    """The first town of the county that the report names as a place where something was, not as
    where a victim was treated, a speaker's or a police force's seat, or a reference point: 'a
    shooting in Randolph County' and 'deputies were called to a home in Wedowee'.  GVA, GTD and
    ACLED code the most precise place a report gives; the county stays the place when it names
    none of its towns."""
    for span in doc.spans["unmist_places"]:
        if _not_the_scene(span) or names_a_jurisdiction(span) or _is_reference_point(span):
            continue
        town = next((p for p in gazetteer.lookup(span.text) if p.precision == "exact" and gazetteer.in_county(p, county)),
                    None)
        if town is not None:
            found = _place_value(town, evidence_at(document, span.sent, span.start_char, span.end_char))
            return replace(found, county=county.name)
    return None


def _a_city(place: PlaceValue) -> bool:
    """A city a wire files from ('PESHAWAR - ... in Khyber district'): only a town too small to be a
    filing point stands for a county of its state.  The state stands for the county here; the
    stricter gazetteer.in_county has not been measured in its place."""
    return any(p.geonameid == place.geonameid and p.population >= CITY_POPULATION for p in gazetteer.lookup(place.name))


def _named_countries(draft: Draft, place: PlaceValue | None) -> tuple[str, ...]:
    countries = {place.country} if place and place.country else set()
    for facts in draft.sentences:
        countries.update(_demonym_countries(facts.sent))
        countries.update(p._.unmist[0].country for p in facts.places if p._.unmist)
    return tuple(sorted(c for c in countries if c))


def _named_places(draft: Draft, countries: Counter, report_names: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every specific place the incident's sentences name, canonical: linking compares them.  A name
    with namesakes the report does not tell apart ('Richmond', 'Fairfield' in local news that names no
    state) is kept as written: two reports of one day that both name it are likely in the same one;
    not a city's name (San Salvador sees several incidents a day).  A main incident also has the
    places its report names for it outside its sentences (``report_names``: its headline's, its
    police force's seat)."""
    names = set(report_names)
    for span in (p for s in draft.sentences for p in s.places):
        name = _linking_name(span, countries)
        if name is not None:
            names.add(name)
    return tuple(sorted(names))


def _linking_name(span: Span, countries: Counter, after_locative: bool = False,
                  ignore_entity: bool = False) -> str | None:
    """The name linking compares for a place span: the place's own when it resolves to one (not a
    country), the words as written for a town with namesakes (see :func:`_namesakes_town`), else None."""
    place = choose_place(span._.unmist, countries, after_locative, span.text)
    if place is not None:
        return place.name if place.precision != "country" else None
    return " ".join(span.text.split()) if _namesakes_town(span, ignore_entity) else None


def _headline_places(doc: Doc, document: Document, countries: Counter) -> tuple[str, ...]:
    """The specific places the headline puts its story in ('Teen involved in Hamilton shooting
    arraigned'), canonical, and towns with namesakes the report does not tell apart as written:
    local news may name its town in the headline only, where it cannot be the incident's place
    (evidence quotes the report's text, which a feed's headline is not part of) but still ties the
    report to another report of that day and town."""
    if not document.title:
        return ()
    if _headline_apart(document):
        headline = _headline_doc(doc, document)  # held: a doc's spans die with it
        spans = list(headline.spans["unmist_places"])
    else:
        first = next(doc.sents)
        spans = [p for p in doc.spans["unmist_places"] if p.end <= first.end]
    # a headline's capitals mislead the entity recogniser ('in Hamilton shooting' read as an
    # organisation's name): the gazetteer and the 'in' stand for its word that this is a place
    names = (_linking_name(span, countries, after_locative=True, ignore_entity=True)
             for span in spans if _placed_in(span))
    return tuple(name for name in names if name is not None)


def _namesakes_town(span: Span, ignore_entity: bool = False) -> bool:
    """A town's name with namesakes that the report puts something in ('shot in Fernwood'), which
    the parser too reads as a place (not 'Police' or 'Metro', which name towns somewhere; unless
    ``ignore_entity``); not a county's (Cook County is Chicago's), not a city's."""
    candidates = span._.unmist
    return bool(candidates) and _placed_in(span) and (ignore_entity or all(t.ent_type_ in ("GPE", "LOC") for t in span)) \
        and max(p.population for p in candidates) < CITY_POPULATION and not ADMIN_WORDS & {t.lower_ for t in span}


def _title_place(doc: Doc, document: Document, countries: Counter) -> PlaceValue | None:
    """The headline's place ('Khorugh under fire: ...') for a main incident whose sentences name none."""
    if not document.title:
        return None
    first = next(doc.sents)
    if _headline_apart(document):
        return _headline_place(doc, document, countries)
    story_end = _first_story_end(first)
    spans = [p for p in doc.spans["unmist_places"] if p.end <= story_end and not _is_destination(p)]
    for span in sorted(spans, key=_is_residence):  # 'Virginia Beach man killed in Fort Lauderdale shooting'
        place = _scene_candidate(span, countries)
        if place is not None and place.precision != "country":
            return _place_value(place, evidence_at(document, first, span.start_char, span.end_char))
    return None


def _headline_place(doc: Doc, document: Document, countries: Counter) -> PlaceValue | None:
    """The place a separate headline names ('Toddler killed in Longview shooting'), its evidence the
    first sentence of the report that names it too (evidence quotes the stored text)."""
    headline = _headline_doc(doc, document)
    story_end = _first_story_end(headline)
    spans = [p for p in headline.spans["unmist_places"] if not _is_destination(p) and p.end <= story_end]
    for span in sorted(spans, key=_is_residence):  # a home town last: 'Virginia Beach man killed in ...'
        place = _scene_candidate(span, countries, _after_locative(span))
        if place is None or place.precision == "country":
            continue
        found = _written_in_the_text(span.text, document.text)
        named = doc.char_span(*found.span(), alignment_mode="expand") if found else None
        if named is not None:
            return _place_value(place, evidence_at(document, named.sent, *found.span()))
    return None


def _first_story_end(headline: Doc | Span) -> int:
    """Where a headline's first story ends: 'Two militants killed in Shopian gunfight; grenade attack in
    Srinagar wounds 7' tells two, and the main incident is the first."""
    return next((t.i for t in headline if t.text == ";"), headline[-1].i + 1 if len(headline) else 0)


def _written_in_the_text(name: str, text: str) -> re.Match | None:
    """Where the text writes a headline's place: as the headline does, or in capitals, as a wire's
    dateline does ('Blast at Quetta railway station kills 26' over 'QUETTA, Pakistan (AP) —')."""
    return re.search(r"\b" + re.escape(name) + r"\b", text) or re.search(r"\b" + re.escape(name.upper()) + r"\b", text)


# Words after a place that make it the seat of the force policing the incident ('DeKalb County police').
FORCE_WORDS = frozenset({"police", "sheriff", "pd", "deputies", "detectives", "officers"})


def _force_seat(doc: Doc, countries: Counter) -> tuple[str, ...]:
    """The seat of the first police force the report names, as written, when namesakes in several
    states leave it unplaced ('DeKalb County police are investigating', in a report that names no
    state): local police handle local incidents (see :func:`_first_place_told`), so the name still ties
    the report to another of that day that names the force's county or town."""
    for span, named, candidates in _jurisdictions(doc):
        force = doc[named.end] if named.end < len(doc) else None
        if force is None or force.lower_ not in FORCE_WORDS or not candidates \
                or max(p.population for p in candidates) >= CITY_POPULATION:
            return ()
        return () if choose_place(candidates, countries, _after_locative(span)) else (" ".join(named.text.split()),)
    return ()


def _headline_doc(doc: Doc, document: Document) -> Doc:
    """The separate headline, parsed (by :func:`parse_many`, else here, once: kept on the doc)."""
    title = doc._.unmist_headline
    if title is None:  # a doc not from parse_many
        title = doc._.unmist_headline = load_pipeline()(truecase(document.title[:300]), disable=["unmist_roles"])
    return title


def _place_value(place: gazetteer.Place, evidence: Evidence) -> PlaceValue:
    return PlaceValue(place.name, place.country, place.admin1, place.lat, place.lon, place.precision, evidence,
                      place.geonameid, part=_part_named(place, evidence.text))


def _part_named(city: gazetteer.Place, name: str) -> str | None:
    """The part of a city the report named for it ('Englewood' of Chicago): two parts of one city are
    two places to the linker."""
    for hood in knowledge.neighbourhoods().get(knowledge.name_key(name), ()):
        hood_city = _big_city_of(hood)
        if hood_city is not None and _city_key(hood_city) == _city_key(city):
            return hood.name
    for place in gazetteer.lookup(name):
        if place.precision == "exact" and gazetteer.lies_in(place, city):
            return place.name
    return None


# Kinds of outlet that file from bureaus in capitals (data/outlets.tsv).
WIRE_KINDS = frozenset({"wire", "agency"})


def _a_wire_bureau(document: Document, place: PlaceValue) -> bool:
    """A wire filed the report from the dateline's city, outside the United States ('QUETTA, Pakistan
    (Reuters) - ... in the Bolan area of Balochistan province'): a bureau in the area's capital, not
    the scene of an incident the body places only in the area.  An American dateline is the town,
    as AP files local news ('KERRVILLE, Texas (AP) - ... in Kerr County')."""
    outlet = knowledge.outlet_named(document.outlet)
    return place.country not in (None, "US") and outlet is not None and outlet.kind in WIRE_KINDS


def _dateline_place(document: Document, doc: Doc, countries: Counter) -> PlaceValue | None:
    """A wire story's dateline ('BISHKEK -') places its main incident when the text names no other place."""
    if not document.dateline:
        return None
    name = _dateline_name(document)
    start = document.text.find(document.dateline)
    candidates = gazetteer.lookup(name.title()) or gazetteer.lookup(name)
    area = _dateline_area(document)
    place = _in_admin_area(candidates, area) or _unlisted_in(name, area) or choose_place(candidates, countries) or \
        _outgrows_namesakes(candidates)
    if place is None or start < 0:
        return None
    place = _city_around((place,), countries) or place  # 'ROGERS PARK —' of a Chicago story: coded as Chicago
    sent = doc.char_span(start, start + len(name), alignment_mode="expand").sent
    return _place_value(place, evidence_at(document, sent, start, start + len(name)))


def _first_place_told(doc: Doc, document: Document, countries: Counter) -> PlaceValue | None:
    """For a main incident whose own sentences, headline and dateline name no place: the seat of the
    first police force the report names (local police handle local incidents; a local story may name
    them only in its eighth paragraph: GVA pairwise F1 .767 -> .780, city .712 -> .717), else the
    first place the report puts something in ('It happened in an apartment in southwest Detroit')
    that is no speaker's seat, source, destination or reference point.  A family's story may tell
    the shooting in its lead and where they had gathered in its sixth paragraph ('They gathered at
    her daughter's house in Wilkinsburg'): looking past the first five sentences lifted GVA
    pairwise F1 .8454 -> .8500.  (Any first place would do for local news, but in wire reports it
    links stories that a capital's officials speak of: MUC-4 dev 36.38 -> 36.01.)"""
    for span, named, candidates in _jurisdictions(doc):
        place = choose_place(candidates, countries, _after_locative(span))
        if place is not None and place.precision != "country":
            return _place_value(place, evidence_at(document, span.sent, named.start_char, named.end_char))
    dateline_end = _dateline_end(document)
    for span in doc.spans["unmist_places"]:
        if span.start_char < dateline_end or not _placed_in(span) or _not_the_scene(span) \
                or _is_reference_point(span) or _is_residence(span):
            continue
        place = _scene_candidate(span, countries, after_locative=True)
        if place is not None and place.precision != "country":
            return _place_value(place, evidence_at(document, span.sent, span.start_char, span.end_char))
    return None


# Words after a name that make the name and the word a county's ('Harris County Sheriff's Office').
COUNTY_WORDS = frozenset({"county", "parish"})


def _jurisdictions(doc: Doc) -> Iterator[tuple[Span, Span, tuple]]:
    """The report's places that name a police force's seat, in text order: each place, the words
    that name the seat, and the places they may be (see :func:`_jurisdiction`)."""
    for span in doc.spans["unmist_places"]:
        if names_a_jurisdiction(span):
            yield (span, *_jurisdiction(span))


def _jurisdiction(span: Span) -> tuple[Span, tuple]:
    """The words that name a police force's seat and the places they may be: 'Harris County' for
    the Harris County Institute of Forensic Sciences (not a town named Harris), else the name itself."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.lower_ in COUNTY_WORDS:
        county = span.doc[span.start:span.end + 1]
        return county, _counties_named(county.text)
    return span, span._.unmist


def _dateline_name(document: Document) -> str:
    """The place a dateline names first ('BISHKEK' of 'BISHKEK, Kyrgyzstan')."""
    return (document.dateline or "").partition(",")[0].strip()


def _dateline_area(document: Document) -> tuple[str, str] | None:
    """The admin area a dateline writes after the place, as (name, country): 'GRAHAM, N.C.',
    'Springfield, Illinois'."""
    area = document.dateline.split(",")[1].strip() if document.dateline and "," in document.dateline else ""
    if not area:
        return None
    forms = knowledge.admin_abbreviations()
    return forms.get(area) or next(((name, country) for name, country in forms.values() if name.lower() == area.lower()), None)


def _unlisted_in(name: str, admin: tuple[str, str] | None) -> gazetteer.Place | None:
    """'LETCHER, S.D.': a town the gazetteer does not list (its Letcher is a county in Kentucky),
    placed in the state the dateline names, without coordinates."""
    if admin is None or not name or not any(ch.isalpha() for ch in name):
        return None
    return gazetteer.Place(name.title() if name.isupper() else name, admin[1], admin[0], None, None, "exact")


def _in_admin_area(candidates: tuple, admin: tuple[str, str] | None) -> gazetteer.Place | None:
    """The biggest candidate in the dateline's admin area ('GRAHAM, N.C.' is Graham, North
    Carolina, not Graham, Washington)."""
    if admin is None:
        return None
    inside = [p for p in candidates if (p.admin1, p.country) == admin and p.precision != "country"]
    return max(inside, key=lambda p: p.population, default=None)


# A dateline names a place by construction (the word is no stray capitalised noun), so its namesake
# question is only which one: the one with this many times the people of any other.
DATELINE_NAMESAKE_RATIO = 5


def _outgrows_namesakes(candidates: tuple) -> gazetteer.Place | None:
    """'SANDUSKY --': Sandusky, Ohio (25,000 people), not Sandusky, Michigan (2,600)."""
    ranked = sorted((p for p in candidates if p.precision == "exact"), key=lambda p: -p.population)
    if not ranked or ranked[0].population == 0:
        return None
    if len(ranked) == 1 or ranked[0].population >= DATELINE_NAMESAKE_RATIO * ranked[1].population:
        return ranked[0]
    return None


def choose_place(candidates: tuple, countries: Counter, after_locative: bool = False,
                 name: str | None = None) -> gazetteer.Place | None:
    """The candidate in a country the report is about; a big place anywhere; a town without
    namesakes that the report puts something 'in', in another country than the report's only when
    ``name`` (the words as written) is its own name; else nothing."""
    for place in candidates:
        if place.curated or place.precision == "country":
            return place
    in_scope = [p for p in candidates if countries.get(p.country)]
    if in_scope:
        areas = getattr(countries, "areas", frozenset()) | getattr(countries, "outlet_areas", frozenset())
        ranked = sorted(in_scope, key=lambda p: ((p.admin1, p.country) in areas, p.precision == "exact", p.population),
                        reverse=True)
        return None if _tied_namesakes(ranked, areas) else ranked[0]
    # abroad, by its own name only: 'Cano' of Colombia's 'Cano Limon-Covenas pipeline' is one of
    # Kano's alternate names in GeoNames, and no Nigerian city
    big = [p for p in candidates if p.population >= BIG_PLACE_POPULATION
           and (not countries or name is None or gazetteer.bears_own_name(p, " ".join(name.split())))]
    if big:
        return big[0]
    if after_locative and len(candidates) == 1 and candidates[0].population >= UNIQUE_PLACE_POPULATION \
            and (not countries or name is None or gazetteer.bears_own_name(candidates[0], " ".join(name.split()))):
        # 'shot in Fort Pierce': a town with no namesake in the gazetteer; but the 'Puerto' of 'a base
        # in Puerto Jordan, in Colombia's Arauca province' is no El Puerto de Santa María in Spain
        return candidates[0]
    return _dominant(candidates) if not countries else None


def _tied_namesakes(ranked: list, areas: frozenset) -> bool:
    """Two best namesakes in different admin areas that nothing tells apart: no named area, the
    same size ('Jefferson County' in 25 states, none of them named)."""
    if len(ranked) < 2:
        return False
    first, second = ranked[0], ranked[1]
    return (first.admin1 != second.admin1 and first.population == second.population
            and ((first.admin1, first.country) in areas) == ((second.admin1, second.country) in areas))


def _dominant(candidates: tuple) -> gazetteer.Place | None:
    """In a report that names no country, a city far bigger than any namesake abroad ('Austin',
    'Chattanooga', 'Sacramento'): local news names its city and nothing more."""
    ranked = sorted(candidates, key=lambda p: -p.population)
    if not ranked or ranked[0].population < DOMINANT_PLACE_POPULATION:
        return None
    rivals = [p.population for p in ranked[1:] if p.country != ranked[0].country]
    return ranked[0] if not rivals or ranked[0].population >= DOMINANT_PLACE_RATIO * rivals[0] else None


def _place(draft: Draft, document: Document, countries: Counter) -> tuple[PlaceValue | None, bool]:
    """The most specific place in the incident's sentences, skipping the dateline, and whether it
    is named only by the way (a reference point, a police force's seat, a home town): the
    headline's or the dateline's place then comes first."""
    dateline_end = _dateline_end(document)
    found = []
    for order, facts in enumerate(draft.sentences):
        for span in facts.places:
            if span.start_char < dateline_end or _not_the_scene(span):
                continue
            place = _scene_candidate(span, countries, _after_locative(span))
            if place is None:
                continue
            if _called_a_neighbourhood(span):
                place = gazetteer.enclosing_city(place) or place  # the city, as GTD and GVA code it
            # a reference point ('east of Dushanbe'), a police force's seat ('Austin police said') or
            # someone's home town ('Burney Everett, 28, of Detroit') places the incident only when
            # nothing else does; a country comes after any place in it ('Rebels kill 18 villagers in
            # eastern Congo' over '... in North Kivu province'), and a capital the text does not name
            # after a town it names ('in Burundi's capital' over '... in Burundi's main city Bujumbura'); so
            # does a place in a speaker's title ('Abbot Sawadogo, vicar general of the diocese of Dori, said')
            rank = (_is_reference_point(span) or names_a_jurisdiction(span) or _is_residence(span)
                    or _in_a_speakers_title(span) or _names_a_war(span),
                    place.precision not in ("exact", "district"), place.precision == "country", _its_capital(span), order,
                    gazetteer.PRECISION_RANK[place.precision], span.start_char)
            found.append((rank, place, span, facts))
    if not found:
        return None, False
    rank, place, span, facts = _town_of_the_state(_town_of_the_county(min(found, key=lambda f: f[0]), found), found)
    return _place_value(place, evidence_at(document, facts.sent, span.start_char, span.end_char)), rank[0]


def _town_of_the_state(best: tuple, found: list[tuple]) -> tuple:
    """A city that has its state's name, in a headline, stands for the state when the incident's
    sentences name another town of it ('Gunmen kill 11 at Guanajuato bar' over '... a bar in the
    central Mexican city of Celaya'): the town is where it happened.  (In the body, 'San Salvador'
    is the capital, not its department.)"""
    city, facts = best[1], best[3]
    if city.precision != "exact" or not _named_as_its_state(city) or facts.paragraph != 0:
        return best
    return _a_town_of_its_area(best, found, besides=city.name)


def _town_of_the_county(best: tuple, found: list[tuple]) -> tuple:
    """The incident's town when the first place it names is a county of the town's state ('killed
    Sunday in Kerr County. He was shot outside a home in Kerrville'): GTD and GVA place an incident
    in its town (a county that only names the deputies' force ranks behind it anyway).  Within the
    incident's own sentences the state stands for the county; the rest of the report must name a
    town of the county itself (:func:`_a_town_the_report_names_in`)."""
    if best[1].precision != "district":
        return best
    return _a_town_of_its_area(best, found)


def _a_town_of_its_area(best: tuple, found: list[tuple], besides: str | None = None) -> tuple:
    """The first town (other than one named ``besides``) of the first-level area of the best place
    found, among places named as much by the way as it; else the best place."""
    area = best[1]
    towns = [f for f in found if f[0][0] == best[0][0] and f[1].precision == "exact" and f[1].name != besides
             and (f[1].country, f[1].admin1) == (area.country, area.admin1)]
    return min(towns, key=lambda f: f[0], default=best)


def _not_the_scene(span: Span) -> bool:
    """A place named for something else than where the incident was: where attackers came from,
    where a victim was treated, where the hit were going, where a suspect was arrested, another
    incident's label, a speaker's or a source's seat, a surname."""
    return _is_origin(span) or _is_destination(span) or _is_journey_end(span) or _where_a_suspect_was_held(span) \
        or _names_another_incident(span) or _stands_for_a_speaker(span) \
        or _locates_a_source(span) or _acts_like_a_person(span) or _names_a_branch(span) or _ties_to_a_country(span)


# Nouns for a part of an armed group that a place's name labels ('the Islamic State's Sahel affiliate').
BRANCH_NOUNS = frozenset({"affiliate", "branch", "offshoot", "wing", "chapter", "franchise", "faction", "cell"})


# Participles that a place's name joins with a hyphen to say whose something is, not where it was
# ('Iran-backed militants', 'a Liberia-flagged tanker', 'the UK-based firm', 'the US-led coalition').
TIE_PARTICIPLES = frozenset({"backed", "flagged", "registered", "based", "owned", "funded", "sponsored", "supported",
                             "linked", "allied", "aligned", "born", "made", "trained", "led", "bound", "operated"})


def _ties_to_a_country(span: Span) -> bool:
    """'Iran-backed militants fired rockets at a US base in Syria': the name says who backs them."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end].whitespace_ == "" \
        and doc[span.end + 1].lower_ in TIE_PARTICIPLES


def _in_a_speakers_title(span: Span) -> bool:
    """'Abbot Jean-Pierre Sawadogo, vicar general of the diocese of Dori, said': the place names the
    seat of whoever speaks (not 'Goshen County officials say', a force's seat, ranked as one)."""
    named = climb(span.root, ("appos",))  # 'the sheriff of Broward County, Florida, said'
    return named.dep_ == "pobj" and named.head.lower_ == "of" and of_a_speaker(named)


def _names_a_branch(span: Span) -> bool:
    """The place names where a group's branch operates, not where anything happened."""
    return span.root.dep_ in ("compound", "amod", "nmod") and span.root.head.lemma_.lower() in BRANCH_NOUNS


# GeoNames lists every American hamlet, and many bear a surname or a street's name ('Wilson',
# 'Collins', 'Martin'): a town this small in another state than those an American story names
# (its dateline's, its cities') is such a namesake, not the scene.
FAR_TOWN_POPULATION = 20_000


def _scene_candidate(span: Span, countries: Counter, after_locative: bool = False) -> gazetteer.Place | None:
    """The place a name stands for, when it may be the scene: in the report's areas if called a
    neighbourhood, and no far-off namesake hamlet."""
    if (city := _the_city_of_the_neighbourhood(span, countries)) is not None:
        return city
    candidates = _candidates(span, countries)
    if not _called_a_settlement(span) and (city := _city_around(candidates, countries)) is not None:
        return city
    if _called_a_neighbourhood(span) and (city := _the_big_city_of(candidates, countries)) is not None:
        return city
    place = choose_place(candidates, countries, after_locative, span.text)
    if place is None and not countries and after_locative and len(candidates) == 1 and in_running_prose(span):
        place = candidates[0] if candidates[0].population >= SMALL_TOWN_POPULATION else None
    return None if place is None or _far_from_home(place, countries) else place


def _the_city_of_the_neighbourhood(span: Span, countries: Counter) -> gazetteer.Place | None:
    """The big city of a neighbourhood the report names (see :func:`_neighbourhoods_named`), unless it
    names a state where a town of the name lies ('Austin, Texas' in a Chicago story)."""
    found = getattr(countries, "neighbourhoods", {}).get(_name_of(span))
    if found is None:
        return None
    city, _ = found
    areas = getattr(countries, "areas", frozenset())
    elsewhere = any((p.admin1, p.country) in areas and p.admin1 != city.admin1 for p in span._.unmist)
    return None if elsewhere else city


def _city_around(candidates: tuple, countries: Counter) -> gazetteer.Place | None:
    """The big city the report names that holds one of the name's places: 'Englewood' of a Chicago
    story is Chicago's neighbourhood, not Englewood, Colorado, and coded as Chicago, as GTD and GVA
    code a city's parts."""
    forces = getattr(countries, "forces", frozenset())
    for city in getattr(countries, "big_cities", ()):
        for place in candidates:
            if place.precision == "exact" and place.population < gazetteer.ENCLOSING_CITY_POPULATION \
                    and gazetteer.lies_in(place, city) and place.name.lower() not in forces:
                return city  # (a town with police of its own, 'Mount Vernon police', is no part of the Bronx)
    return None


def _the_big_city_of(candidates: tuple, countries: Counter) -> gazetteer.Place | None:
    """The one big city the report names in the state of a name it calls a neighbourhood: 'the
    Washington Park neighborhood' of a Chicago story is Chicago's, not the village of Washington
    Park near St. Louis, though both are in Illinois."""
    areas = {(p.admin1, p.country) for p in candidates}
    cities = [c for c in getattr(countries, "big_cities", ()) if (c.admin1, c.country) in areas]
    return cities[0] if len(cities) == 1 else None


def _far_from_home(place: gazetteer.Place, countries: Counter) -> bool:
    if place.country != "US" or place.precision != "exact" or place.population >= FAR_TOWN_POPULATION:
        return False
    home = {name for name, country in _home_areas(countries) if country == "US"}
    return bool(home) and place.admin1 not in home


# Words after a name that make it a part of a city ('the city's Englewood neighborhood').
NEIGHBOURHOOD_WORDS = frozenset({"neighborhood", "neighbourhood", "neighborhoods", "section", "community"})


def _called_a_settlement(span: Span) -> bool:
    """'the town of Jamundi': a place of its own, not a neighbourhood of the big city beside it
    (Cali, the dateline's, 19 km away)."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lemma_.lower() in SETTLEMENT_NOUNS


def _called_a_neighbourhood(span: Span) -> bool:
    return span.end < len(span.doc) and span.doc[span.end].lower_ in NEIGHBOURHOOD_WORDS


def _candidates(span: Span, countries: Counter) -> tuple:
    """The places a name may be; a sheriff's seat only a county; 'the region of Kherson' only the
    region; 'Somalia's capital' the capital city; a neighbourhood only in a state the report names
    or names a city of ('the Englewood neighborhood' of a Chicago story is not Englewood, Colorado)."""
    if counties := _sheriffs_counties(span):
        return counties
    if (owner := _owning_country(span)) is not None:
        return tuple(p for p in span._.unmist if p.country == owner)
    if _called_a_region(span) and (regions := tuple(p for p in span._.unmist if p.precision == "province")):
        return regions
    if _its_capital(span) and (capitals := _capitals(span)):
        return capitals
    if not _called_a_neighbourhood(span):
        return span._.unmist
    home = _home_areas(countries)
    return tuple(p for p in span._.unmist if (p.admin1, p.country) in home)


def _owning_country(span: Span) -> str | None:
    """The country a possessive before the name writes it in ('Iraq's Kurdistan region' is no
    Kordestan of Iran; 'Colombia's Arauca province'), as an ISO code, or None."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in ("'s", "’s"):
        return None
    owner = next((p for p in doc.spans["unmist_places"] if p.end == span.start - 1), None)
    if owner is None or not owner._.unmist:
        return None
    countries = [p.country for p in owner._.unmist if p.precision == "country"]
    return countries[0] if countries else None


# Words for a first-level area that name it with 'of': 'the southern region of Kherson'.
REGION_WORDS = frozenset({"region", "province", "oblast", "state", "governorate", "prefecture"})


def _called_a_region(span: Span) -> bool:
    """'the southern Ukrainian region of Kherson', 'the province of Helmand': the area, not its
    capital city of the same name."""
    of = span.doc[span.start - 1] if span.start > 0 else None
    return of is not None and of.lower_ == "of" and of.i > 0 and of.doc[of.i - 1].lower_ in REGION_WORDS


def _capitals(span: Span) -> tuple:
    """The capital cities of the countries a name may be."""
    capitals = (gazetteer.capital_of(p.country) for p in span._.unmist if p.precision == "country")
    return tuple(c for c in capitals if c is not None)


def _its_capital(span: Span) -> bool:
    """'in Somalia's capital', 'the capital of Somalia': the capital city, not the whole country."""
    after = span.doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].tag_ == "POS" and after[1].lower_ == "capital":
        return True
    before = span.doc[max(0, span.start - 2):span.start]
    return len(before) == 2 and before[0].lower_ == "capital" and before[1].lower_ == "of"


def _sheriffs_counties(span: Span) -> tuple:
    """'Putnam sheriff's deputies': a sheriff is a county's officer, so the name is the county's
    (Putnam County, in nine states), not a town of that name (Putnam, Connecticut); a big city keeps
    its own sheriff ('Denver sheriff's deputies')."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is None or following.lower_ != "sheriff" or ADMIN_WORDS & {t.lower_ for t in span} \
            or any(p.population >= CITY_POPULATION for p in span._.unmist):
        return ()
    return tuple(p for word in COUNTY_WORDS for p in _counties_named(f"{span.text} {word.title()}"))


def _counties_named(name: str) -> tuple:
    """The counties (second-level areas) called ``name``: 'Harris County' is no town named Harris."""
    return tuple(p for p in gazetteer.lookup(name) if p.precision == "district")


def _home_areas(countries: Counter) -> frozenset[tuple[str, str]]:
    """The (admin area, country) pairs a report names, itself or through its cities."""
    return getattr(countries, "areas", frozenset()) | getattr(countries, "city_areas", frozenset())


def _acts_like_a_person(span: Span) -> bool:
    """'Deputies said Adams is a gang member': a name the model does not take for a place, that no
    preposition places, doing or undergoing something, is a person (or a firm), not a town."""
    if len(span) > 1 or span.root.ent_type_ in ("GPE", "LOC", "FAC") or span.label_ in ("province", "country") \
            or any(place.curated for place in span._.unmist):
        return False  # surnames are one word; 'the Rasht valley was the scene of' is a place
    previous = span.doc[span.start - 1] if span.start > 0 else None
    if previous is not None and (previous.lower_ in LOCATIVES or previous.lemma_.lower() in SETTLEMENT_NOUNS):
        return False  # 'in Burundi's main city Bujumbura': the city's name, however parsed
    return span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "attr", "ROOT", "conj")


def _after_locative(span: Span) -> bool:
    return span.start > 0 and span.doc[span.start - 1].lower_ in ("in", "near", "outside")


def _placed_in(span: Span) -> bool:
    """'in Detroit', 'in southwest Detroit', 'near the town of Spring'."""
    root = span.root
    return _after_locative(span) or (root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside"))


def _dateline_end(document: Document) -> int:
    if not document.dateline:
        return 0
    position = document.text.find(document.dateline)
    return position + len(document.dateline) if 0 <= position < 400 else 0


def _is_origin(span: Span) -> bool:
    """'crossed into Tajikistan from Kunduz Province': where attackers came from is not where it happened."""
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and previous.lower_ == "from"


# Words of being on the way somewhere ('a bus on its way from the temple to Katra', 'a convoy
# heading to Kandahar', 'en route to'): the attack was on the way, not where the way led; nor is
# where people fled ('a resident who fled to the nearby town of Dori').
JOURNEY_TO = re.compile(r"\b(?:on\s+(?:its|their|his|her|the|a)\s+way|en\s+route|heading|headed|bound|"
                        r"travell?ing|returning|driving|fled|fleeing|escaped)\b[^.;:!?]{0,60}?\bto\s+(?:the\s+)?"
                        r"(?:(?:nearby|neighbouring|neighboring)\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
JOURNEY_REACH = 90


def _is_journey_end(span: Span) -> bool:
    """Where those hit were going.  Read from the words, as the parser hangs 'to Katra' on 'was' as
    often as on 'way'."""
    text = text_of(span.doc)
    return bool(JOURNEY_TO.search(text, max(span.sent.start_char, span.start_char - JOURNEY_REACH), span.start_char))


# Verbs of the law's answer to an incident: where a suspect was caught or tried is no scene.
HOLDING_VERBS = frozenset({"arrest", "detain", "apprehend", "charge", "arraign", "jail", "book", "extradite",
                           "sentence", "convict"})


def _where_a_suspect_was_held(span: Span) -> bool:
    """'The suspect was arrested in Mombasa', 'was booked into the jail in Fresno': where the law
    caught up with someone, often far from where the attack was."""
    token = span.root
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at", "near"):
            return False
        holder = token.head.head
        if holder.pos_ == "VERB":
            return holder.lemma_.lower() in HOLDING_VERBS
        token = holder  # 'arrested at a home in Mombasa'
    return False


# Nouns for where the hurt are treated: 'Sanford Medical Center in Fargo' places the hospital.
HOSPITAL_NOUNS = frozenset({"hospital", "clinic", "infirmary"})
CARE_WORDS = frozenset({"medical", "trauma", "health", "burn", "regional"})


def _is_destination(span: Span) -> bool:
    """Where a victim was carried or treated ('flown to Fargo', 'a hospital in Fargo', 'a Fargo
    hospital', 'a Fargo-area hospital')."""
    head = span.root.head
    if span.root.dep_ in ("compound", "nmod", "amod"):
        holder = head.head if head.lower_ == "area" and head.dep_ in ("compound", "nmod", "amod") else head
        return _a_place_of_care(holder)
    if head.dep_ != "prep":
        return False
    if head.lower_ == "to":
        return head.head.lemma_.lower() in CARRYING_VERBS  # 'flown to Fargo' is where a victim was treated
    if head.lower_ not in ("in", "at"):
        return False
    # the hospital the place follows, whether the parse hangs 'in Orange' on it or on the verb
    # ('taken to UCI Medical Center in Orange')
    return any(_a_place_of_care(holder) and not _attacked(holder) for holder in (head.head, head.doc[head.i - 1])
               if holder.i < head.i)


def _attacked(noun: Token) -> bool:
    """The hospital was what the incident hit ('an attack on the military hospital in Kabul',
    'gunmen stormed a hospital in Kunduz'), so its town is the scene, not where victims were treated."""
    if noun.dep_ in ("dobj", "obj"):
        return noun.head.lemma_.lower() in VIOLENT_VERBS
    preposition = noun.head
    return noun.dep_ == "pobj" and preposition.lower_ == "on" and preposition.head.lemma_.lower() in ATTACK_NOUNS


def _a_place_of_care(noun: Token) -> bool:
    """'hospital', 'clinic', 'Medical Center', 'trauma center'."""
    lemma = noun.lemma_.lower()
    if lemma in HOSPITAL_NOUNS:
        return True
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return lemma in ("center", "centre") and (any(c.lower_ in CARE_WORDS for c in noun.lefts)
                                               or (before is not None and before.lower_ in CARE_WORDS))


DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "outside", "near", "from"})


DISTANCE_UNITS = frozenset({"km", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "mi"})
# How far before a direction word its distance may be written ('about 180 km (130 miles) east of').
DISTANCE_WINDOW = 6


def _is_reference_point(span: Span) -> bool:
    """'180 km east of the capital Dushanbe': a place named, with a distance, to locate another one.
    Without a distance ('west of Lolo', 'just outside Hamilton') the place is where it happened,
    give or take its outskirts, as GTD and ACLED code it."""
    head = span.root.head
    if head.lower_ != "of" or head.head.lower_ not in DIRECTIONS:
        return False
    direction = head.head
    before = span.doc[max(direction.sent.start, direction.i - DISTANCE_WINDOW): direction.i]
    return any(t.lower_ in DISTANCE_UNITS for t in before)  # the parse hangs 'east' on 'km' as often as not


# Nouns for a war as a whole, which the report names as the background of the incident (not 'the
# hostage crisis in Beslan' or 'the occupation of the embassy': the incident itself).
WAR_NOUNS = frozenset({"war", "conflict", "insurgency"})


def _names_a_war(span: Span) -> bool:
    """'... continued their campaign against shipping over the war in Gaza', 'the latest casualties
    of the conflict in Sudan': where the war is, named by the way; the incident's own place comes first."""
    token = climb(span.root, ("compound", "appos", "conj"))
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "of") and token.head.head.lemma_.lower() in WAR_NOUNS


# Words for people that a home town qualifies ('a Weston man', 'a resident of Quincy').
RESIDENT_NOUNS = frozenset({"man", "men", "woman", "women", "boy", "girl", "teen", "teenager", "resident", "native",
                            "youth", "couple", "mother", "father", "son", "daughter", "family"})


def _is_residence(span: Span) -> bool:
    """'Burney Everett, 28, of Detroit', 'of Wellington Street in Parma', 'a 45-year-old Weston man':
    where someone lives, which local news names beside where the shooting was."""
    token = span.root
    if token.dep_ in ("compound", "amod", "nmod") and token.head.lemma_.lower() in RESIDENT_NOUNS:
        return True
    for _ in range(4):
        head = token.head
        if head.i == token.i or token.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        if head.lower_ == "of" and token.dep_ == "pobj":
            person = head.head
            return person.ent_type_ == "PERSON" or person.lemma_.lower() in RESIDENT_NOUNS or person.like_num \
                or _set_off_after_a_name(head)
        token = head
    return False


def _set_off_after_a_name(of: Token) -> bool:
    """', of Magnolia,' after a name ('Hank Bollen, age 9, of Magnolia', 'Stafford Shaw Sr., of New
    Kent'), however the model labels the name: the comma sets the home town off as news writes it."""
    before = of.doc[of.i - 1] if of.i > 0 else None
    return before is not None and before.text == "," and of.head.pos_ in ("PROPN", "NOUN")


def _stands_for_a_speaker(span: Span) -> bool:
    """'..., Dushanbe said', 'officials in Bishkek accuse ...': a capital standing for its government,
    or the seat of whoever speaks, is where the statement came from, not where the incident was."""
    root = span.root
    speaking = knowledge.cue_verbs()
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in speaking:
        return True
    holder = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("in", "from") else None
    return holder is not None and holder.dep_ == "nsubj" and holder.head.lemma_.lower() in speaking


# Nouns whose location is where news came from, not where the incident was ('phoned a radio
# station in Dushanbe', 'told a press conference in Bishkek').
# (An embassy, an office or a headquarters in a city is as often what was attacked: not listed.)
SOURCE_NOUNS = frozenset({"studio", "newspaper", "agency", "conference", "briefing", "bureau", "correspondent",
                          "newsroom"})
BROADCASTERS = frozenset({"radio", "television", "tv"})


def _locates_a_source(span: Span) -> bool:
    """'a radio station in Dushanbe', 'a news conference in Bishkek', 'Omaha TV station WOWT', 'the
    Omaha newspaper': where the news came from."""
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod"):
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "from"):
        noun = root.head.head
    else:
        return False
    if noun.lemma_.lower() == "station":
        return any(child.lower_ in BROADCASTERS for child in noun.children)
    return noun.lemma_.lower() in SOURCE_NOUNS


def _names_another_incident(span: Span) -> bool:
    """'within a week of the Khujand attack': the place labels an earlier incident."""
    head = span.root.head
    if not (span.root.dep_ in ("compound", "amod", "nmod", "poss") and head.pos_ == "NOUN"):
        return False
    triggers = {t.root.i for t in span.doc.spans["unmist_triggers"]}
    return head.i in triggers and head.head.lower_ in ("of", "after", "since", "before", "following")


def _country_from_words(draft: Draft, countries: Counter) -> str | None:
    local = Counter(c for s in draft.sentences for c in _demonym_countries(s.sent))
    for span in (p for s in draft.sentences for p in s.places):
        if span._.unmist and span._.unmist[0].precision == "country":
            local[span._.unmist[0].country] += 2
    if local:
        return local.most_common(1)[0][0]
    return countries.most_common(1)[0][0] if countries else None


# --- figures, actors, victims ------------------------------------------------------------------

def _figures(draft: Draft, document: Document) -> tuple[FigureValue, ...]:
    """One figure per kind: the report's largest stated total, or else its sides added up.

    'At least 17 people were killed' outranks 'fifteen assailants were killed'; with no total
    stated, 'killing five of the intruders' and 'two border guards were killed' make seven.
    """
    by_kind: dict[str, list[tuple[Figure, SentenceFacts]]] = {}
    killed = max((f.low for s in draft.sentences for f in s.figures if f.kind == "killed" and f.low == f.high
                  and f.low is not None), default=0)
    told_apart = any(_tells_a_toll(f) for s in draft.sentences if not _counts_incidents(s) for f in s.figures)
    for facts in draft.sentences:
        if _counts_incidents(facts) and told_apart:
            continue  # 'Two attacks kill 11 in Pakistan's northwest', then each attack's own dead
        for figure in _sentence_accounts([_survivors(f, killed, facts.sent.text) for f in facts.figures]):
            if (figure.low or 0) <= MAX_PLAUSIBLE_FIGURE:
                by_kind.setdefault(figure.kind, []).append((figure, facts))
    values = []
    for kind, accounts in by_kind.items():
        totals = [pair for pair in accounts if pair[0].side == "total"]
        sides = {pair[0].side for pair in accounts}
        if totals and max(_magnitude(p[0]) for p in accounts) > max(_magnitude(p[0]) for p in totals):
            totals = []  # 'put the number of dead at nine' beside 'eleven officers were killed': not a total
            sides = {"one"}
        if totals or len(sides) == 1:
            figure, facts = max(totals or accounts, key=lambda pair: (
                not _the_claimants_count(*pair), _magnitude(pair[0]), -pair[0].start))
            # No one of those shot lived (_survivors): a zero the report implies, which a report that
            # tells of others wounded outweighs.
            implied = figure.shot and figure.low == 0
            values.append(FigureValue(kind, figure.low, figure.high,
                                      evidence_at(document, facts.sent, figure.start, figure.end), figure.side,
                                      implied=implied))
        else:
            values.append(_summed_sides(kind, accounts, document))
    values.extend(_implied_survival(values, document))
    return tuple(sorted(values, key=lambda v: v.kind))


def _tells_a_toll(figure: Figure) -> bool:
    return figure.kind in ("killed", "wounded") and bool(figure.high or figure.low)


# Words that count incidents ('twin blasts', 'multiple shootings'), beside numbers ('two attacks').
INCIDENT_COUNTS = frozenset({"twin", "double", "triple", "multiple", "separate", "several", "two", "three", "four",
                             "five", "2", "3", "4", "5"})


def _counts_incidents(facts: SentenceFacts) -> bool:
    """The sentence tells of several incidents as one subject ('Two attacks kill 11', 'Twin blasts
    kill 20'): its figures are their sum, no one incident's."""
    return any(t.root.tag_ == "NNS" and t.root.dep_ in ("nsubj", "nsubjpass")
               and t.root.lemma_.lower() in EVENT_NOUNS | {"strike", "airstrike"} and any(
        c.dep_ in ("nummod", "amod") and c.lower_ in INCIDENT_COUNTS for c in t.root.children) for t in facts.triggers)


# Words with which a report tells of a death; a report without any of them tells of none.
DEATH_WORDS = re.compile(r"\b(?:die[sd]?|dying|dead(?!\s+or\s+alive)|deaths?|deadly|fatal(?:ly|ity|ities)?|kill(?:s|ed|ing|er)?|"
                         r"homicides?|murder(?:s|ed)?|slain|lifeless|succumbed|passed away|perished|bod(?:y|ies))\b",
                         re.IGNORECASE)
# Words before a death word that make it tell of no death: a charge ('attempted murder', 'assault
# with a deadly weapon'), a shooting that did not kill ('non-fatal'), what might have happened
# ('could easily have killed her', 'at substantial risk of death'), what someone tried or meant to do.
NO_DEATH_BEFORE = re.compile(r"(?:\battempted|\bnon-?|\b(?:could|would|might|may)\s+(?:\w+\s+)?have\s+(?:\w+\s+){0,3}|"
                             r"\brisk\s+of\s+(?:\w+\s+){0,3}|\b(?:effort|tried|trying|threatened|threatening|wanted|attempt)"
                             r"\s+to\s+|\bif\s+anyone\s+(?:had\s+been|was)\s+(?:\w+\s+){0,3})\s*$", re.IGNORECASE)


# ... and before 'body': where a bullet hit ('shot in the upper body', 'the left side of his body').
BODY_PART_BEFORE = re.compile(r"\b(?:in|of|to)\s+(?:the|his|her|their)\s+(?:(?:left|right|upper|lower)\s+)?(?:side\s+of\s+"
                              r"(?:the|his|her|their)\s+)?$", re.IGNORECASE)


def tells_of_a_death(text: str) -> bool:
    """The report tells of someone dead: a death word that is not part of a charge, a counterfactual
    or an intent ('assault with a deadly weapon', 'could have killed her', 'tried to kill himself')."""
    for match in DEATH_WORDS.finditer(text):
        if match.group(0).lower() == "deadly" and text[match.end(): match.end() + 8].lower().startswith(" weapon"):
            continue
        if NO_DEATH_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            continue
        if match.group(0).lower() == "body" and BODY_PART_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        return True
    return False


# Words that leave open whether the hurt lived ('his condition was not known').
UNKNOWN_FATE = re.compile(r"\bconditions?\s+(?:was|were|is|are)\s+(?:not\s+(?:known|released|available|disclosed)|unknown|"
                          r"undisclosed|unavailable)", re.IGNORECASE)

# Words with which a report tells of someone hurt who lived; a report without any of them tells of none.
HURT_WORDS = re.compile(r"\b(?:wound(?:s|ed|ing)?|injur(?:y|ies|ed|ing)|hurt|hospitali[sz]ed|hospital|treated|"
                        r"surviv(?:e|ed|es|ing|or|ors)|critical|stable|condition|recover(?:s|ed|ing)?|grazed)\b",
                        re.IGNORECASE)


# A sentence as plain text: up to a full stop, question or exclamation mark, or a line break.
PLAIN_SENTENCE = re.compile(r"[^.!?\n]+")


def tells_of_a_survivor(text: str) -> bool:
    """The report tells of someone hurt who lived: a hurt word in a sentence that tells of no death
    ('He was taken to a hospital, where he was pronounced dead' tells of the dead man only)."""
    return any(HURT_WORDS.search(sentence.group(0)) and not tells_of_a_death(sentence.group(0))
               for sentence in PLAIN_SENTENCE.finditer(text))


def _implied_survival(values: list[FigureValue], document: Document) -> list[FigureValue]:
    """The zero a report implies: killed 0 when it tells of people wounded and of no death anywhere
    ('a man was shot in the leg Sunday'), wounded 0 when it tells of the dead and of no one hurt who
    lived ('a man was shot and killed').  GTD and GVA code them so.  The value is marked implied, its
    evidence the other figure's, and any report that states a figure of its kind outweighs it."""
    text = f"{document.title or ''}\n{document.text}"
    implied = []
    for kind, told, tells in (("killed", "wounded", tells_of_a_death), ("wounded", "killed", tells_of_a_survivor)):
        stated = next((v for v in values if v.kind == told and (v.low or 0) > 0), None)
        if kind == "killed" and UNKNOWN_FATE.search(text):
            continue  # 'his condition was not known': whether he lived, the report does not say
        if stated is not None and not any(v.kind == kind for v in values) and not tells(text):
            implied.append(FigureValue(kind, 0, 0, stated.evidence, "total", implied=True))
    return implied


def _summed_sides(kind: str, accounts: list[tuple[Figure, SentenceFacts]], document: Document) -> FigureValue:
    """The largest figure for each side, added up; the evidence is the first of them."""
    per_side: dict[str, tuple[Figure, SentenceFacts]] = {}
    for figure, facts in accounts:
        if figure.side not in per_side or _magnitude(figure) > _magnitude(per_side[figure.side][0]):
            per_side[figure.side] = (figure, facts)
    parts = sorted(per_side.values(), key=lambda pair: pair[0].start)
    total = sum_figures(kind, [p[0] for p in parts])
    first, facts = parts[0]
    return FigureValue(kind, total.low, total.high, evidence_at(document, facts.sent, first.start, first.end), "total")


# 'shot in the left leg': a wound people live through; those the sentence counts are not the dead.
LIMB_WOUND = re.compile(r"\bshot\s+(?:\w+\s+){0,3}?in\s+(?:the|his|her|their|both)\s+(?:left\s+|right\s+|lower\s+|upper\s+)?"
                        r"(?:legs?|arms?|hands?|feet|foot|ankles?|knees?|thighs?|shoulders?|buttocks|hips?|fingers?|wrists?)\b",
                        re.IGNORECASE)


def _survivors(figure: Figure, killed: int, sentence: str = "") -> Figure:
    """'A boy was shot ... he died': those shot are wounded only if they did not die (GTD and GVA
    count the wounded apart from the dead), so the report's dead come off a count of people shot
    (not off 'his friend was shot in the left leg': the sentence tells of one who lived)."""
    if not figure.shot or not killed or figure.low is None or figure.low != figure.high:
        return figure
    if figure.low == 1 and LIMB_WOUND.search(sentence):
        return figure
    left = max(figure.low - killed, 0)
    return replace(figure, low=left, high=left)


def _sentence_accounts(figures: list[Figure]) -> list[Figure]:
    """Within one sentence: a total if one is stated, else separate sides summed."""
    accounts = []
    for kind in dict.fromkeys(f.kind for f in figures):
        same = [f for f in figures if f.kind == kind]
        totals = [f for f in same if f.side == "total"]
        if totals or len(same) == 1:
            accounts.append(max(totals or same, key=_magnitude))
            continue
        accounts.append(sum_figures(kind, same))
    return accounts


# 'The al-Qaeda-linked JNIM claimed the attack, saying it had killed 30 soldiers': the group's own count.
CLAIMED_TOLL = re.compile(r"\bclaim(?:ed|s|ing)?\s+to\s+have\b", re.IGNORECASE)
CLAIMANTS_WORDS = re.compile(r"\b(?:saying|said|claiming|claimed)\s+(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\b",
                             re.IGNORECASE)


def _the_claimants_count(figure: Figure, facts: SentenceFacts) -> bool:
    """A toll the group that claims the attack gives, which reports set beside the officials' own
    ('Jihadists killed 28 soldiers ... JNIM claimed the attack, saying it had killed 30'): a
    claimant inflates; the report's own count comes first."""
    text = text_of(facts.sent.doc)
    if CLAIMED_TOLL.search(text, facts.sent.start_char, figure.start):
        return True  # 'Al-Shabaab claimed to have killed 27 soldiers'
    return bool(CLAIM.search(facts.sent.text)) and CLAIMANTS_WORDS.search(text, facts.sent.start_char, figure.start) is not None


def _magnitude(figure: Figure) -> int:
    return max(figure.low or 0, figure.high or 0)


def _perpetrators(draft: Draft, doc: Doc, document: Document) -> tuple[ActorValue, ...]:
    sentences = [s.sent for s in draft.sentences]
    groups = [a for s in draft.sentences for a in s.actors]
    return _actor_values(find_perpetrators(sentences, groups), document)


def _actor_values(findings: list[ActorFinding], document: Document) -> tuple[ActorValue, ...]:
    """The findings as the ledger keeps them: who says so (for a claim or a denial, the group itself)
    and the evidence in the report."""
    return tuple(ActorValue(f.name, f.kind, f.status, f.name if f.status in ("claimed", "denied") else None,
                            evidence_at(document, f.sentence, f.start, f.end), f.how, f.surface) for f in findings)


def _victims(draft: Draft, document: Document) -> tuple[TextValue, ...]:
    """People attacked, as the report names them: objects of the attack verb ('attacked the
    soldiers'), and named people whom a verb or event noun of violence governs ('Antonio Roldan
    Betancur was killed', 'the kidnapping of Juan Perez', 'shot Juan Perez')."""
    victims: dict[str, tuple[Span, Span]] = {}  # words -> (the words, where the violence governs them)
    for facts in draft.sentences:
        for trigger in facts.strong_triggers:
            for child in trigger.root.children:
                if child.dep_ in ("dobj", "obj") and child.lemma_.lower() in knowledge.sides():
                    phrase = _phrase(child)
                    victims.setdefault(phrase.text.lower(), (phrase, phrase))
        for person in entities_in(facts.sent):
            if facts.owns(person.start_char) and (person.label_ == "PERSON" or after_to_death(person.root)) \
                    and (effect_of(person) is not None or _identified_victim(person)) \
                    and not _names_a_place(person) and not is_the_attacker(person.root) \
                    and not _an_officials_name(person) and not _says_so(person) and not _remembered(person) \
                    and not _the_datelines_place(person, document):  # 'killed three peasants in Morazan': a place
                named = _name_alone(_full_name(person))
                victims.setdefault(named.text.lower(), (named, person))
    return tuple(TextValue(_words(document, words), evidence_at(document, words.sent, words.start_char, words.end_char),
                           effect_of(governed), count_of(governed))
                 for words, governed in sorted(victims.values(), key=lambda pair: pair[0].start))


def _the_datelines_place(person: Span, document: Document) -> bool:
    """'BOGOTA (Reuters) - Gunmen shot dead ...': the tagger may read an all-capitals dateline as a
    person's name."""
    return bool(document.dateline) and person.text.lower() == _dateline_name(document).lower()


def _says_so(person: Span) -> bool:
    """'Three soldiers were among the dead, police officer Abdullahi Hassan said': a name that its
    verb of saying follows is who speaks, though the parser may hang it on 'the dead'; so is one set
    off by a comma before the sentence's main verb of saying when that verb has no subject ('also
    abducted 15 women, a resident, Sani Musa, told our correspondent'; not 'killed Ahmed Ali, said a
    police officer', nor 'Candace Cormier, believed to be in her 50s')."""
    doc = person.doc
    after = doc[person.end] if person.end < len(doc) else None
    if after is not None and after.text == "," and person.end + 1 < len(doc):
        after = doc[person.end + 1]
        # (the parser makes such a verb the root, or joins it to the first clause's verb)
        if after.dep_ not in ("ROOT", "conj") or any(child.dep_ in ("nsubj", "nsubjpass") for child in after.children):
            return False
    return after is not None and after.tag_ in ("VBD", "VBZ") and after.lemma_.lower() in knowledge.cue_verbs()


# Words of remembering a past death ('the anniversary of the death of General Soleimani').
REMEMBRANCE_WORDS = frozenset({"anniversary", "commemoration", "commemorate", "memory", "memorial", "remembrance"})


def _remembered(person: Span) -> bool:
    """'a ceremony marking the anniversary of the death of Qasem Soleimani': whose death is remembered
    died long before; the incident at the memorial did not kill them."""
    return any(t.lemma_.lower() in REMEMBRANCE_WORDS for t in list(person.root.ancestors)[:4])


def _an_officials_name(person: Span) -> bool:
    """'the state governor, Rotimi Akeredolu, said': the name of an office that the sentence does
    not say was hit (the parser may hang 'governor' on the attack)."""
    head = person.root.head
    return person.root.dep_ == "appos" and head.lemma_.lower().rstrip(".") in OFFICIAL_TITLES \
        and head.dep_ not in ("nsubjpass", "dobj", "obj", "pobj")


# Words for the people an incident hit, as a sentence that names them calls them.
VICTIM_NOUNS = frozenset({"victim", "dead", "deceased", "body", "hostage"})


def _identified_victim(person: Span) -> bool:
    """'The victims were identified as David Lecky ... and James Donnelly', 'the dead man was named
    as John Smith', 'The victims, identified as ...', 'The victim, Rahul Sharma,': a name the report
    gives to its victims."""
    if person.root.dep_ == "appos" and person.root.head.lemma_.lower() in VICTIM_NOUNS:
        return True  # 'The victim, Rahul Sharma, was travelling with a friend'
    token = climb(person.root, ("conj", "appos"))
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "as" or preposition.head.lemma_.lower() not in ("identify", "name"):
        return False
    naming = preposition.head
    subjects = [c for c in naming.children if c.dep_ in ("nsubjpass", "nsubj")]
    if naming.dep_ == "acl":
        subjects.append(naming.head)  # 'The victims, identified as Ram Sagar and Monu Kumar, were ...'
    return any(c.lemma_.lower() in VICTIM_NOUNS for c in subjects)


def _without_short_names(victims: tuple[TextValue, ...]) -> tuple[TextValue, ...]:
    """One person, one victim: 'Letelier' is dropped when 'Orlando Letelier' is a victim too."""
    names = [v.text.lower().split() for v in victims]
    return tuple(v for v, words in zip(victims, names) if not any(_part_of(words, other) for other in names))


def _not_the_doers(victims: tuple[TextValue, ...], perpetrators: tuple[ActorValue, ...]) -> tuple[TextValue, ...]:
    """A perpetrator hurt in the incident ('commander Chalita, who led the group, was slightly
    injured') counts in its toll, not among its victims: GTD and MUC list as victims those the
    incident was aimed at."""
    doers = [p.name.lower().split() for p in perpetrators if p.kind == "individual" and _a_name(p.name)]
    groups = {n.lower() for p in perpetrators if p.kind != "individual" for n in (p.name, p.surface) if n}
    return tuple(v for v in victims if not any(_same_person(v.text.lower().split(), doer) for doer in doers)
                 and v.text.lower() not in groups)  # 'Boko Haram kills 37': the group is no victim


def _a_name(words: str) -> bool:
    """'Marco Chalita', not a description ('two men', 'troops'), which victims may share."""
    return all(word[:1].isupper() for word in words.split())


def _same_person(words: list[str], name: list[str]) -> bool:
    return words == name or _part_of(words, name) or _part_of(name, words)


def _part_of(words: list[str], name: list[str]) -> bool:
    """'Mendoza' of 'Carlos Mendoza Ruiz' (a family name need not come last)."""
    return len(name) > len(words) and any(name[i:i + len(words)] == words for i in range(len(name) - len(words) + 1))


def _name_alone(person: Span) -> Span:
    """The name without the titles before it ('Col. Waldemar Franklin Quintero') or the home town
    the tagger may take in after it ('Roberto Roascio of Milan'): a victim is recorded by name,
    the way other reports of the same killing name them."""
    start, end = without_titles(person).start, person.end
    end = next((t.i for t in person.doc[start + 1:end] if t.lower_ == "of"), end)
    while end - 1 > start and person.doc[end - 1].tag_ == "POS":  # 'Jaramillo's': the name, not its possessive
        end -= 1
    return person.doc[start:end]


def _whole_person(person: Span) -> Span:
    """A name the tagger cut in two where a wire report's line broke ('FEDERICO ESTRADA / VELEZ'
    read as two people): the adjoining proper nouns it also took for a person are one name."""
    doc, start, end = person.doc, person.start, person.end
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].pos_ == "PROPN":
        end += 1
    return doc[start:end]


def _full_name(person: Span) -> Span:
    """The person as the report first names them in full: 'Letelier' is 'Orlando Letelier' when the
    report named him so (its effect and count are read where the name stands)."""
    person = _whole_person(person)
    words = [t.lower_ for t in person]
    for entity in entities_of(person.doc):
        if entity.label_ == "PERSON" and _part_of(words, [t.lower_ for t in entity]):
            return person.doc[entity.start:entity.end]
    return person


# A target noun after one of these prepositions is what was hit ('the attack on the embassy', 'the
# bombing of the bank'); after another it is where things happened ('a bomb went off in the market',
# 'at the airport') or where people came from.
TARGET_PREPOSITIONS = frozenset({"of", "on", "upon", "against"})
# A target named with its owner ('the offices of the Salvadoran Workers National Union Federation') up to
# this many words; longer, the 'of' phrase is a description and the noun alone is kept.
MAX_TARGET_WORDS = 10
# Where a bomb went off: what it was set to hit.
BLAST_PREPOSITIONS = frozenset({"outside", "near", "at", "in", "inside", "beside", "behind", "by"})


def _targets(draft: Draft, document: Document) -> tuple[TextValue, ...]:
    """Things hit: target nouns that an event sentence makes the object of its verb or of a
    preposition of attack."""
    targets = {}
    nouns = knowledge.target_nouns()
    for facts in draft.sentences:
        if not facts.strong_triggers:
            continue
        blasts = {t.root.i for t in facts.strong_triggers if knowledge.type_family(t.label_) == "explosive"}
        for chunk in noun_chunks_in(facts.sent):
            lemma = chunk.root.lemma_.lower()
            compound = f"{chunk.root.nbor(-1).lemma_.lower()} {lemma}" if chunk.root.i > chunk.start else lemma
            if (compound in nouns or lemma in nouns) and _hit(chunk.root, blasts) and facts.owns(chunk.start_char):
                whole = with_of_phrase(chunk.root, chunk.start)  # 'the offices of the workers' federation'
                whole = whole if len(whole) <= MAX_TARGET_WORDS else chunk
                whole = _uncounted(whole)
                targets.setdefault(whole.text.lower(), _text_value(document, facts.sent, whole))
    return tuple(targets.values())


# Words that say how many things were hit, not what they were ('at least 10 buses', 'several homes').
QUANTITY_WORDS = frozenset({"at", "least", "most", "about", "around", "nearly", "almost", "some", "several", "many",
                            "dozens", "hundreds", "more", "than", "over", "up", "to"})


def _uncounted(span: Span) -> Span:
    """The things without their count ('buses' of 'at least 10 buses'): MUC and GTD name a target
    by what it is; the count stays in the evidence sentence."""
    start = span.start
    while start < span.end - 1 and start != span.root.i and (span.doc[start].like_num or span.doc[start].dep_ == "nummod"
                                                             or span.doc[start].lower_ in QUANTITY_WORDS):
        start += 1
    return span if start == span.start else span.doc[start:span.end]


def _learned_targets(roles: list[Span], document: Document) -> tuple[TextValue, ...]:
    return tuple(_text_value(document, span.sent, _uncounted(span)) for span in learned.role_texts(roles, "TARGET")
                 if learned.in_a_targets_place(span))


def _hit(token, blasts: set[int]) -> bool:
    token = climb(token, ("conj", "appos"))  # 'blew up a substation and a pylon', 'burned three vehicles -- an ambulance'
    if token.dep_ == "pobj":
        return (token.head.lower_ in TARGET_PREPOSITIONS and not of_a_speaker(token)) or \
            _blast_site(token.head, blasts) or _set_fire_to(token.head) or _driven_into(token.head)
    # (what a negated verb acts on was not hit: 'the group does not target mosques')
    return token.dep_ in ("dobj", "nsubjpass", "obj") and not _driven_into_something(token) and not negated(token.head)


def _driven_into_something(token) -> bool:
    """'rammed an explosives-laden car into a police station': what was driven (or thrown, or
    fired) into what was hit is the weapon ..."""
    return token.dep_ in ("dobj", "obj") and _driving_into(token.head)


def _driven_into(preposition) -> bool:
    """... and what it was driven into was hit ('fired several shots into the victims' vehicle'; not
    'booked into the county jail', 'carried the baby into the police substation')."""
    return preposition.lower_ == "into" and preposition.dep_ == "prep" and _driving_into(preposition.head)


# Verbs that send something into what they hit: a vehicle, a bomb, shots.
INTO_VERBS = frozenset({"ram", "drive", "crash", "plough", "plow", "smash", "slam", "throw", "hurl", "toss", "lob",
                        "fire", "shoot", "discharge", "spray", "pump"})


def _driving_into(verb) -> bool:
    """The verb sends its object into something: 'rammed a car into', 'fired shots into', 'opened fire into'."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    sends = verb.lemma_.lower() in INTO_VERBS or (verb.lemma_.lower() == "open" and any(o.lower_ == "fire" for o in objects))
    return sends and bool(objects) and any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)


def _set_fire_to(preposition) -> bool:
    """'set fire to the offices': what the fire was set to."""
    head = preposition.head
    return preposition.lower_ == "to" and (head.lower_ == "fire" or (
        head.lemma_.lower() == "set" and any(c.lower_ == "fire" for c in head.children if c.dep_ == "dobj")))


def _blast_site(preposition, blasts: set[int]) -> bool:
    """'A bomb exploded outside the police building', 'a car bomb went off near the embassy': what a
    blast went off at is what it was set to hit (a shot fired 'in the market' hit no market)."""
    if preposition.lower_ not in BLAST_PREPOSITIONS:
        return False
    verb = climb(preposition, ("prep", "pobj", "pcomp"))  # 'in the vicinity of the DAS', 'in front of the bank'
    return verb.i in blasts or any(c.i in blasts for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))


def _weapons(draft: Draft, document: Document) -> tuple[TextValue, ...]:
    """The weapons the weapons table names, each wording once; where two entries match overlapping
    words the longer one is the weapon ('rocket launchers', not 'rocket')."""
    weapons = {}
    for facts in draft.sentences:
        sentence = text_of(facts.sent.doc)[facts.sent.start_char: facts.sent.end_char]
        matches = sorted((m for pattern, _ in knowledge.weapons() for m in pattern.finditer(sentence)),
                         key=lambda m: (m.start(), -m.end()))
        taken_until = 0
        for match in matches:
            if match.start() < taken_until or not facts.owns(facts.sent.start_char + match.start()):
                continue
            taken_until = match.end()
            start = facts.sent.start_char + match.start()
            key = match.group(0).lower().rstrip("s")
            if not any(key in existing for existing in weapons):
                weapons[key] = TextValue(match.group(0), evidence_at(document, facts.sent, start, start + len(match.group(0))))
    return tuple(weapons.values())


# What is done to weapons that were not used: taken from the enemy or by the police ('we seized six
# rifles', 'the seizure of 40 rifles').
SEIZING_WORDS = frozenset({"seize", "capture", "confiscate", "recover", "seizure", "confiscation", "haul"})


def _seized(doc: Doc, start: int) -> bool:
    """'we seized six rifles, an M-79 grenade launcher': the verb or noun above the weapon (through a
    list and its numbers) takes it, it did not fire."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = climb(span.root, ("compound", "nummod", "amod", "conj", "appos", "nmod"))
    head = token.head.head if token.dep_ == "pobj" else token.head
    return head.lemma_.lower() in SEIZING_WORDS


# Words after a weapon's name that make it something else: 'the bomb squad', 'a bomb threat'.
NOT_THE_WEAPON = re.compile(r"[- ](?:squads?|disposal|threats?|scares?|experts?)\b", re.IGNORECASE)


def _weapons_used(weapons: tuple[TextValue, ...], doc: Doc) -> tuple[TextValue, ...]:
    """The weapons the incident was done with, each once: not those seized, not a bomb squad, and
    'bomb' is the 'car bomb' another sentence names (one weapon, by its fuller name)."""
    text = text_of(doc)
    used = [w for w in weapons if not _seized(doc, w.evidence.start)
            and not NOT_THE_WEAPON.match(text, w.evidence.end, w.evidence.end + 20)]
    wordings = [" ".join(w.text.lower().split()).rstrip("s") for w in used]
    return tuple(w for w, words in zip(used, wordings)
                 if not any(other != words and other.endswith(" " + words) for other in wordings))


def _phrase(token) -> Span:
    """A noun with its modifiers and 'of' phrase, without trailing relative clauses ('shot dead eight
    people': the parse may hang 'dead' on the noun; it is what befell them, not their words)."""
    start = min(t.i for t in token.subtree if t.i <= token.i and t.dep_ not in ("punct",))
    while start < token.i and token.doc[start].lower_ == "dead":
        start += 1
    return with_of_phrase(token, start)


def _text_value(document: Document, sent: Span, span: Span) -> TextValue:
    return TextValue(_words(document, span), evidence_at(document, sent, span.start_char, span.end_char))


def _words(document: Document, span: Span) -> str:
    """A span's words as the report writes them, on one line."""
    return " ".join(document.text[span.start_char:span.end_char].split())

