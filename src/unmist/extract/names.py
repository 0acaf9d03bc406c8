"""Names that single an incident out: the people it hit, the venue, the street address.

Two reports of one shooting seldom share a city and a day by chance *and* the name of the
victim or the block it happened on, so such names are evidence for linking.  Names that recur
across incidents are left out: whoever speaks for the police ('Sgt. Jane Roe said'), officials
by their title, and organisations (a city's police department is in all its incidents).
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from .. import knowledge
from .components import actor_tokens
from .figures import HARMING_LEMMAS, after_to_death
from .nlp import entities_in
from .numbers import parse_number

# Titles of people who speak about incidents rather than take part in them.
OFFICIAL_TITLES = frozenset({"sgt", "sergeant", "lt", "lieutenant", "capt", "captain", "officer", "chief", "sheriff",
                             "det", "detective", "spokesman", "spokeswoman", "spokesperson", "mayor", "gov", "governor",
                             "president", "minister", "attorney", "judge", "cpl", "corporal", "deputy", "trooper",
                             "coroner", "prosecutor", "commissioner", "senator", "sen", "rep", "general", "gen", "col",
                             "colonel", "maj", "major", "agent", "superintendent", "dr", "pastor", "rev"})
ADDRESS = re.compile(r"\b(\d{1,5})\s+block\s+of\s+((?:[NSEW]\.?\s+)?(?:[A-Z0-9][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)")


def distinctive_names(sentences: list[Span]) -> tuple[str, ...]:
    """Full names of people who are not speaking officials, venues (FAC), and street blocks; never a
    known group's or outlet's name, which the tagger may take for a person's ('Al-Shabab')."""
    names: set[str] = set()
    actors = actor_tokens(sentences[0].doc) if sentences else set()
    for sent in sentences:
        for ent in entities_in(sent):
            if any(t.i in actors for t in ent):
                continue
            if ent.label_ == "PERSON" and len(ent) >= 2 and (_harmed(ent) or not official(ent)):
                names.add(_normal(ent.text))
            elif after_to_death(ent.root) and len(name := without_titles(ent)) >= 2:
                names.add(_normal(name.text))  # a name the tagger took for a group's: see _harmed
            elif ent.label_ == "FAC" and len(ent) >= 2:
                names.add(_normal(ent.text))
        for match in ADDRESS.finditer(sent.text):
            names.add(f"{match.group(1)} block of {_street(match.group(2))}")
    return tuple(sorted(n for n in names if n))


# What was done to a person an incident hit.
HARMED_LEMMAS = HARMING_LEMMAS | {"assassinate", "kidnap", "abduct", "behead", "execute"}


def _harmed(ent: Span) -> bool:
    """The person is whom the incident hit, whatever office he held: 'General Abdullo Nazarov ...
    was killed', 'stabbed to death Major-General Abdullo Nazarov', 'Officer Jane Roe, who was shot':
    the victim singles the incident out (an official who speaks of incidents does not)."""
    root = ent.root
    if root.dep_ in ("nsubjpass", "dobj") and root.head.lemma_.lower() in HARMED_LEMMAS:
        return True
    return any(clause.dep_ == "relcl" and clause.lemma_.lower() in HARMED_LEMMAS
               and any(word.dep_ == "nsubjpass" for word in clause.children) for clause in root.children)


def official(ent: Span) -> bool:
    """A speaker or someone named by an office: 'Police Chief Ann Smith', 'said Lt. Bob Jones'."""
    before = {t.lower_.rstrip(".") for t in ent.doc[max(ent.sent.start, ent.start - 3): ent.start]}
    if before & OFFICIAL_TITLES:
        return True
    root = ent.root
    speaking = knowledge.cue_verbs()
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in speaking:
        return True
    if root.dep_ == "appos" and root.head.lemma_.lower().rstrip(".") in OFFICIAL_TITLES:
        return True  # 'the spokesman for the state police command, SP Mohammed Shehu, confirmed'
    return any(c.dep_ == "appos" and c.lemma_.lower().rstrip(".") in OFFICIAL_TITLES for c in root.children)


# One street written two ways by two reports ('6700 block of S. Aberdeen St.' and '6700 block of South
# Aberdeen', 'Sixth Street' and '6th St.'): its key keeps the street's own words, without the direction
# before them and the type after them, written as postal abbreviations or not.  A closed list, so it
# stays in code.
DIRECTIONS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "northeast",
                        "northwest", "southeast", "southwest"})
STREET_TYPES = frozenset({"st", "street", "ave", "av", "avenue", "rd", "road", "dr", "drive", "blvd", "boulevard",
                          "ln", "lane", "ct", "court", "pl", "place", "pkwy", "parkway", "hwy", "highway", "cir",
                          "circle", "ter", "terrace", "trl", "trail", "way"})
ORDINALS = {"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
            "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th"}
# A day the report writes right after the street ('in the 3400 block of Kedzie Sunday') is no part of it.
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
BLOCK = re.compile(r"^\d+ block of ")


def _street(text: str) -> str:
    """A street as every report of one block writes it: its own words ('aberdeen', 'irving park',
    '6th'), no direction, type, full stop or day after it."""
    words = [ORDINALS.get(word, word) for word in _normal(text).replace(".", " ").split()]
    while len(words) > 1 and words[-1] in WEEKDAYS:
        words.pop()
    while len(words) > 1 and (words[0] in DIRECTIONS or words[0] == "the"):
        words.pop(0)
    while len(words) > 1 and words[-1] in STREET_TYPES:
        words.pop()
    return " ".join(words)


def street_of(name: str) -> str | None:
    """The street a distinctive name is on (a block, or a venue that is a street: 'magazine street'),
    as :func:`_street` keys it; None for a person or a building."""
    if BLOCK.match(name):
        return _street(BLOCK.sub("", name))
    words = name.replace(".", " ").split()
    return _street(name) if len(words) > 1 and words[-1] in STREET_TYPES else None


# How reports give a person's age: 'a 17-year-old boy', 'a four-year-old', 'Paul Kendall, 27,', 'aged 17'.
AGE = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\b|[A-Z][\w'’-]+,\s(\d{1,3}),|\baged\s(\d{1,3})\b", re.IGNORECASE)
OLDEST = 120


def ages_in(text: str) -> tuple[int, ...]:
    """The ages of the people a text describes: two reports of one shooting give its victim's age
    alike (give or take a birthday), two shootings of one city's day seldom do."""
    found = set()
    for match in AGE.finditer(text):
        age = parse_number(next(group for group in match.groups() if group))
        if age is not None and 0 < age <= OLDEST:
            found.add(age)
    return tuple(sorted(found))


def without_titles(name: Span) -> Span:
    """The name without the titles before it ('Col. Waldemar Franklin Quintero', 'Major-General
    Abdullo Nazarov'): the way other reports of the same person name them."""
    start, end, titles = name.start, name.end, knowledge.person_titles()
    while start < end - 1 and (name.doc[start].lower_.rstrip(".") in titles or
                               name.doc[start].text == "-" and name.doc[start + 1].lower_ in titles):
        start += 1
    return name.doc[start:end]


def _normal(text: str) -> str:
    text = re.sub(r"['’]s$", "", text.strip())
    return " ".join(text.lower().split())
