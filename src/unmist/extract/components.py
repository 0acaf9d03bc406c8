"""unmist's spaCy rule components.  Each one reads the parse and writes one span group or extension.

    unmist_triggers  -> doc.spans["unmist_triggers"]  incident-type triggers (label = type)
    unmist_actors    -> doc.spans["unmist_actors"]    armed groups and outlets (label GROUP / OUTLET)
    unmist_places    -> doc.spans["unmist_places"]    gazetteer places (span._.unmist = candidates)
    unmist_dates     -> doc._.unmist_dates            date expressions (unresolved)
    unmist_figures   -> doc._.unmist_figures          casualty figures with ranges and sides
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import knowledge
from . import gazetteer
from .dates import find_dates, with_stated_years
from .figures import find_figures
from .nlp import climb, english_words, entities_of, entity_around, has_perfect, negated, text_of

# One extension per span kind: spaCy keeps extension values by (name, start, end), so a trigger and a
# place at the same offsets would otherwise share (and overwrite) one value.
Span.set_extension("unmist", default=None, force=True)  # place candidates (gazetteer.Place, best first)
Span.set_extension("unmist_trigger", default=None, force=True)  # {"irrealis", "generic", "anaphoric"}
Span.set_extension("unmist_variant", default=False, force=True)  # a place found only as a spelling variant
Doc.set_extension("unmist_dates", default=None, force=True)
Doc.set_extension("unmist_figures", default=None, force=True)

# Words that, governing a trigger, make it something that did not (yet) happen.
IRREALIS_GOVERNORS = frozenset({
    "threaten", "plan", "vow", "warn", "intend", "prepare", "aim", "seek", "fear", "prevent", "foil", "thwart",
    "repulse", "plot", "avert", "deter", "call", "urge", "want", "hope", "promise", "predict", "expect", "risk",
    "face", "could", "would", "should",
})
MODALS = frozenset({"will", "would", "could", "might", "may", "should", "can", "shall", "must"})
IRREALIS_DETERMINERS = frozenset({"any", "more", "further", "new", "future", "possible", "potential", "no", "fresh"})
# Nouns for what was said happened, and the words that deny it: 'the report that the ambassador's
# daughter was wounded is unfounded' tells of no wounding.
HEARSAY_NOUNS = frozenset({"report", "rumor", "rumour", "claim", "allegation", "version", "story", "news"})
DENIALS = frozenset({"unfounded", "false", "untrue", "baseless", "groundless", "fabricated", "incorrect", "wrong"})
# Adverbs of habit: 'they always attack at night', 'militias often fight in the hills' tell of no one event.
HABITUAL_ADVERBS = frozenset({"always", "usually", "generally", "often", "frequently", "routinely", "regularly",
                              "habitually", "typically", "normally", "sometimes"})


@Language.component("unmist_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence (titles, datelines and list items have no full stop to tell the
    parser; a hard-wrapped line's break is already a space in the parsed copy), and so does a semicolon: reports join two incidents with one ('... killed 46; the attack on ...')."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_ or previous.text == ";":
            token.is_sent_start = True
        elif token.text in ("[", "(") and (previous.is_alpha or previous.like_num):
            token.is_sent_start = False  # 'members of the Liberation Front [FMLN] attacked': a note within the sentence
        elif _mass_ends_the_sentence(previous, token):
            token.is_sent_start = True
    return doc


# Words before 'Mass.' that make it the service, not the tokenizer's Massachusetts.
SERVICE_WORDS = frozenset({"sunday", "saturday", "morning", "evening", "midnight", "catholic", "the", "a", "easter",
                           "christmas", "holy", "funeral", "requiem", "daily", "weekly", "vigil"})


def _mass_ends_the_sentence(mass: Token, following: Token) -> bool:
    """'... attending the morning Mass. President Marcos blamed ...': the tokenizer keeps 'Mass.' (as
    'Massachusetts') whole, so no full stop ends the sentence for the parser."""
    before = mass.doc[mass.i - 1] if mass.i > 0 else None
    return mass.text == "Mass." and before is not None and before.lower_ in SERVICE_WORDS and following.is_title


@Language.component("unmist_triggers", requires=["token.dep", "token.lemma"], assigns=["doc.spans"])
def mark_triggers(doc: Doc) -> Doc:
    spans = []
    taken: set[int] = set()
    for itype in knowledge.incident_types():
        for match in itype.pattern.finditer(text_of(doc)):
            span = doc.char_span(match.start(), match.end(), label=itype.type, alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)) or _inside_name(span):
                continue
            taken.update(range(span.start, span.end))
            span._.unmist_trigger = {"irrealis": is_irrealis(span), "generic": is_generic(span), "anaphoric": is_anaphoric(span)}
            spans.append(span)
    doc.spans["unmist_triggers"] = sorted(spans, key=lambda s: s.start)
    return doc


def _inside_name(span: Span) -> bool:
    """'Airborne Assault Brigade': a trigger word inside an organisation's name is not an event."""
    return span.root.ent_type_ in ("ORG", "FAC") and span.root.pos_ == "PROPN"


def is_irrealis(span: Span) -> bool:
    """'threatened more attacks', 'would attack', 'planned to blow up', 'any attack': not an event."""
    root = span.root
    if any(child.lower_ in IRREALIS_DETERMINERS for child in root.children if child.dep_ in ("det", "amod")) \
            and not _what_a_deed_was_done_in(root):
        return True
    if negated(root):
        return True
    if _told_as_done(root) or (root.dep_ == "compound" and _told_as_done(root.head)):
        return False  # 'the attack, which destroyed the building, had been planned since September'
    for token in [root, *list(root.ancestors)[:3]]:
        if token.lemma_ in IRREALIS_GOVERNORS and token.i != root.i:
            return True
        if has_modal(token) and not has_perfect(token):
            return True
        if token.dep_ in ("ROOT", "ccomp", "advcl") and token.i != root.i:
            break
    return _denied_hearsay(root)


def _what_a_deed_was_done_in(root: Token) -> bool:
    """'Gunmen have killed 15 persons in a fresh attack': what people were killed in happened, new or not."""
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "during"):
        return False
    verb = root.head.head
    return verb.tag_ in ("VBD", "VBN") and not has_modal(verb) and not negated(verb)


def _told_as_done(root: Token) -> bool:
    """An event noun whose own relative clause says, in the past, what it did ('the car bomb attack
    which destroyed the building'): it happened, whatever the sentence then says of its planning."""
    return root.pos_ in ("NOUN", "PROPN") and any(
        child.dep_ == "relcl" and child.tag_ == "VBD" and not has_modal(child)
        and not negated(child) for child in root.children)


def _denied_hearsay(root: Token) -> bool:
    """'The report that X was seriously wounded is absolutely unfounded': the event is told inside a
    report (rumour, claim) that the sentence calls false."""
    for token in list(root.ancestors)[:4]:
        if token.lemma_.lower() in HEARSAY_NOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            return any(c.lower_ in DENIALS for c in token.head.children if c.dep_ in ("acomp", "attr", "oprd"))
    return False


def has_modal(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ in MODALS for child in token.children)


def is_anaphoric(span: Span) -> bool:
    """'the attack', 'this bombing', 'its ambush', 'either attack': a noun that refers back to an
    incident already told."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in root.children):
        return False  # 'the Kunduz bombing' names an incident of its own
    if root.dep_ == "conj" and root.head.pos_ == "NOUN" and not any(c.dep_ == "det" for c in root.children):
        root = root.head  # 'the kidnapping and assassination of ...': the determiner takes in both nouns
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "either", "both", "each"))
               or (c.dep_ == "poss" and c.pos_ == "PRON") for c in root.children)


# Verbs of what attacks did to people or places, in the past tense: those attacks, not a kind of event.
HITTING_LEMMAS = frozenset({"kill", "wound", "injure", "hit", "destroy", "damage", "strike"})
# Verbs of sending weapons at someone, in the past tense: those weapons, not a kind of attack.
DELIVERING_LEMMAS = frozenset({"drop", "plant", "hurl", "throw", "fire", "launch", "lob", "detonate"})
# Verbs that make the gerund after them a campaign of many acts ('began attacking shipping').
CAMPAIGN_VERBS = frozenset({"begin", "start", "continue", "keep", "resume", "stop"})
# Verbs of a war someone wages, which a participle after a noun says of what they are.
WAGING_VERBS = frozenset({"fight", "battle", "combat", "wage"})


def is_generic(span: Span) -> bool:
    """A bare plural ('attacks', 'bombings') speaks of a kind of event, not of one event; so do a
    gerund after a preposition ('the guise of fighting terrorism'), a habit ('they usually attack at
    night') and what a relative clause says people do ('the militias who attack army posts')."""
    root = span.root
    if root.tag_ == "VBG" and climb(root, ("conj",)).head.lower_ in ("of", "for", "against"):
        return True  # 'the act of invading the country and kidnapping its leaders'
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in root.children):
        return True  # 'by always fighting the counterrevolutionaries', 'they usually attack at night'
    if root.tag_ in ("VBP", "VBZ") and root.dep_ == "relcl" and not any(c.dep_ == "aux" for c in root.children):
        return True  # 'the militias who attack military positions': what they do, not what they did
    if root.tag_ == "VBG" and root.dep_ == "acl" and root.lemma_.lower() in WAGING_VERBS:
        return True  # 'the Arakan Army, an ethnic armed group fighting the junta': who they are
    if root.tag_ == "VBG" and root.dep_ in ("xcomp", "ccomp") and root.head.lemma_.lower() in CAMPAIGN_VERBS:
        return True  # 'since the group began attacking shipping in November': a campaign, not one attack
    if root.tag_ not in ("NNS", "NNPS"):
        return False
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.tag_ == "VBD" and root.head.lemma_.lower() in HITTING_LEMMAS:
        return False  # 'Drone attacks killed dozens of Rohingya ... on Monday': these attacks
    if root.dep_ == "dobj" and root.head.tag_ == "VBD" and root.head.lemma_.lower() in DELIVERING_LEMMAS:
        return False  # 'A fighter jet dropped bombs on the crowd': those bombs
    return not any(child.dep_ in ("det", "nummod", "poss") and child.lower_ not in ("these", "such")
                   for child in root.children)


@lru_cache(maxsize=1)
def _actor_patterns() -> list[tuple[str, re.Pattern[str], str, str]]:
    """(alias, pattern, label, canonical name), longest alias first so 'ISIS-K' wins over 'ISIS'."""
    entries = [(form, "GROUP", g.name) for g in knowledge.groups() for alias in g.aliases for form in written_forms(alias)]
    entries += [(alias, "OUTLET", o.name) for o in knowledge.outlets() for alias in o.aliases]
    entries = list(dict.fromkeys(entries))
    entries.sort(key=lambda e: -len(e[0]))
    return [(alias, re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-]|-[A-Z])"), label, name)
            for alias, label, name in entries]


ARABIC_ARTICLE = re.compile(r"^([Aa]l)([- ])(?=[A-Z])")


def written_forms(alias: str) -> list[str]:
    """The ways reports write a group's name: as listed, capitalised at the start of a sentence
    or a headline ('Al-Shabaab fighters'), and with the Arabic article joined either way ('al
    Shabaab', 'al-Shabaab').  Matching stays case-sensitive otherwise: lower-cased, 'SITE' or
    'Amnesty' would be English words."""
    forms = [alias]
    if ARABIC_ARTICLE.match(alias):
        forms.append(ARABIC_ARTICLE.sub(lambda m: m.group(1) + ("-" if m.group(2) == " " else " "), alias))
    forms += [form[0].upper() + form[1:] for form in forms if form[0].islower()]
    return forms


@Language.component("unmist_actors", requires=["token.tag"], assigns=["doc.spans"])
def mark_actors(doc: Doc) -> Doc:
    spans = []
    taken: set[int] = set()
    text = text_of(doc)
    for alias, pattern, label, name in _actor_patterns():
        if alias not in text:  # a substring test first: most of hundreds of aliases are absent
            continue
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end(), label=label, kb_id=name, alignment_mode="strict")
            if span is None or taken & set(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            spans.append(span)
    doc.spans["unmist_actors"] = sorted(spans, key=lambda s: s.start)
    return doc


def actor_tokens(doc: Doc) -> set[int]:
    """Indexes of the tokens inside a known group or outlet name."""
    return {t for span in doc.spans.get("unmist_actors", []) for t in range(span.start, span.end)}


def place_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of the tokens inside a place span, found once per report (extraction asks for every
    victim it weighs) and kept in ``doc.user_data``; the places are final once the pipeline has run."""
    tokens = doc.user_data.get("unmist_place_tokens")
    if tokens is None:
        tokens = doc.user_data["unmist_place_tokens"] = frozenset(
            t for span in doc.spans.get("unmist_places", []) for t in range(span.start, span.end))
    return tokens


PLACE_HEADS = r"(?:province|region|state|district|valley|gorge|river|oblast|border post|frontier post|exclave|enclave|city|town|" \
              r"village)"
# Words for an area after its name, as reports write them in lower case ('Kenya's coastal Lamu county',
# 'Mangu local government area'); 'Ward County' is a name run of its own.
AREA_PHRASES = frozenset({"county", "local government area", "local government"})
NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
MAX_PLACE_TOKENS = 4
# Words after a name that make it a street, not the town of that name ('Shelton Road', 'Plymouth Street').
STREET_WORDS = frozenset({"street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "drive", "dr.",
                          "boulevard", "blvd", "blvd.", "lane", "ln", "ln.", "way", "court", "ct.", "parkway", "pkwy",
                          "highway", "hwy", "circle", "terrace", "trail", "pike", "place", "plaza", "square"})
# Words after a place that make it a police force's jurisdiction ('Austin police', 'the Las Vegas
# Metropolitan Police Department', 'Sacramento sheriff's deputies'): local news places its
# incidents that way.
JURISDICTION_WORDS = frozenset({"police", "sheriff", "pd", "metro", "metropolitan", "deputies", "detectives",
                                "officers", "authorities", "constabulary", "county", "coroner",
                                "prosecutor", "prosecutors", "attorney"})


def names_a_jurisdiction(span: Span) -> bool:
    """The place is the seat of a police force named right after it.  'Lamu county' in lower case
    is the Kenyan county itself, as reports from Kenya or Liberia write it: no American county name."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.lower_ in JURISDICTION_WORDS and following.text != "county"


@Language.component("unmist_places", requires=["token.tag", "token.ent_type"], assigns=["doc.spans"])
def mark_places(doc: Doc) -> Doc:
    """Look up runs of capitalised proper nouns in the gazetteer, longest first."""
    spans = []
    index = 0
    actors = actor_tokens(doc)
    people = _words_of_full_names(doc)
    after_place = -1  # the token just after the last place (or not-place) span found
    while index < len(doc):
        span = None if index != after_place and _inside_a_longer_name(doc, index) else \
            _longest_place_at(doc, index, actors, people)
        if span is None:
            index += 1
            continue
        if span.label_ != "not_place" and not _starts_a_gangs_name(doc, span):
            spans.append(span)
        index = after_place = span.end
    doc.spans["unmist_places"] = _without_stray_variants(_admin_qualified(doc, spans))
    return doc


# Nouns that end an armed group's name ('the Gran Grif gang', 'the Jalisco New Generation Cartel').
GANG_NOUNS = frozenset({"gang", "cartel", "militia", "brigade", "battalion"})
# How many capitalised words may stand between a place's word and the noun that ends a group's name.
GANG_NAME_WORDS = 3


def _starts_a_gangs_name(doc: Doc, span: Span) -> bool:
    """The place's words begin a group's name with more capitalised words after them ('Members of
    the Gran Grif gang' name no Gran, Norway): the group is named, not where it struck."""
    end = span.end
    while end < len(doc) and end - span.end < GANG_NAME_WORDS and doc[end].is_title:
        end += 1
    return end > span.end and end < len(doc) and doc[end].lemma_.lower() in GANG_NOUNS


def _admin_qualified(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Culpeper, Va.', 'Austin, TX', 'Springfield, Illinois': the admin area written after a place
    picks that place's candidates inside it, and is a place span itself (naming its country)."""
    text = text_of(doc)
    kept: list[Span] = []
    by_start = {span.start_char: span for span in spans}
    skip: set[int] = set()
    for span in spans:
        if span.start_char in skip:
            continue
        kept.append(span)
        found = _admin_after(text, span.end_char)
        if found is None:
            continue
        start, end, (admin, country) = found
        inside = [p for p in span._.unmist if p.admin1 == admin and p.country == country]
        if inside:
            span._.unmist = inside
        area = [p for p in gazetteer.lookup(admin) if p.precision == "province" and p.country == country]
        qualifier = doc.char_span(start, end, label="province", alignment_mode="expand")
        if area and qualifier is not None and qualifier.start >= span.end:
            qualifier._.unmist = area
            kept.append(qualifier)
            skip.update(s for s in by_start if start <= s < end)
    return kept


def _admin_after(text: str, position: int) -> tuple[int, int, tuple[str, str]] | None:
    """The admin area written right after ``position`` as ', Va.' or ', Virginia', if any."""
    match = re.match(r",\s*", text[position: position + 4])
    if match is None:
        return None
    start = position + match.end()
    for form, area in _admin_forms():
        end = start + len(form)
        if text.startswith(form, start) and not (end < len(text) and (text[end].isalnum())):
            return start, end, area
    return None


@lru_cache(maxsize=1)
def _admin_forms() -> list[tuple[str, tuple[str, str]]]:
    """Every way of writing a first-level admin area after a place: the table's abbreviations and
    the areas' own names, longest first."""
    table = knowledge.admin_abbreviations()
    forms = dict(table)
    forms.update({name: (name, country) for name, country in table.values()})
    return sorted(forms.items(), key=lambda item: -len(item[0]))


def _without_stray_variants(spans: list[Span]) -> list[Span]:
    """A name found only as a spelling variant ('Khojand' for Khujand) stands when the report names
    its country, or a place in it, exactly; 'Pamirs' read as Pamiers, France, in a story about
    Tajikistan does not."""
    named = {place.country for span in spans if not span._.unmist_variant for place in span._.unmist[:1]}
    areas = {(place.name, place.country) for span in spans if not span._.unmist_variant
             for place in span._.unmist[:1] if place.precision == "province"}
    kept = []
    for span in spans:
        if span._.unmist_variant:
            candidates = [place for place in span._.unmist if place.country in named and _in_named_area(place, areas)]
            if not candidates:
                continue
            span._.unmist = candidates
        kept.append(span)
    return kept


def _an_acronym(span: Span, candidates: tuple) -> bool:
    """An English word in capitals ('SWAT teams', 'the RAID unit', a paragraph's 'SWAT team members
    went door to door') is an acronym, not a town that bears the word; a dateline's 'MOBILE, Ala.'
    or 'MOBILE (AP) —' is its town."""
    token = span[0]
    return len(span) == 1 and token.is_upper and len(token.text) > 2 and not _a_dateline_word(token) \
        and token.lower_ in english_words() and not any(p.curated or p.precision == "country" for p in candidates)


def _a_dateline_word(token: Token) -> bool:
    """A word that starts its sentence and is followed by punctuation, as a dateline's town is."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.is_sent_start and (following is None or not following.is_alpha)


def _in_named_area(place, areas: set[tuple[str, str]]) -> bool:
    """In a state or province the report names, when it names any of that country's: 'Frayser' in a
    'MEMPHIS, Tenn.' story is no variant of Fraser, Michigan."""
    named_here = {name for name, country in areas if country == place.country}
    return not named_here or place.admin1 in named_here


def _longest_place_at(doc: Doc, start: int, actors: set[int], people: frozenset[str]) -> Span | None:
    if not _can_start_place(doc[start], people) or (start in actors and not _before_police(doc[start])):
        return None
    if (county := _possessive_county_at(doc, start)) is not None:
        return county
    if (business := _owned_business_at(doc, start)) is not None:
        return business
    for length in range(MAX_PLACE_TOKENS + 1, 0, -1):
        end = start + length
        if end > len(doc) or not _name_run(doc, start, end):
            continue
        span = doc[start:end]
        if span.text.lower() in knowledge.not_places():
            return Span(doc, start, end, label="not_place")
        if _after_ordinal(doc, start):
            return Span(doc, start, start + 1, label="not_place")
        if _street_after(doc, end) or _airline_after(doc, end):
            return Span(doc, start, end + 1, label="not_place")
        if _after_block_of(doc, start) or _crossing_a_street(doc, start):
            return Span(doc, start, end, label="not_place")
        if length == 2 and doc[start].text in knowledge.demonyms() and doc[start + 1].lower_ in SETTLEMENT_WORDS | AREA_WORDS:
            return Span(doc, start, end, label="not_place")  # 'the northern French city of Arras': no 'French City'
        if length == 1 and _a_headline_subject(doc, start):
            return Span(doc, start, end, label="not_place")  # 'Man arrested after son finds gun'
        if (link_end := _end_of_a_link_between(doc, start, end)) is not None:
            return Span(doc, start, link_end, label="not_place")
        if _part_of_a_longer_person(doc, start, end) or _the_dead_named(doc, start, end):
            return Span(doc, start, end, label="not_place")  # 'the residence of Mecca Canty'
        if _first_name_of(doc, start, end, people):
            return Span(doc, start, end + 1, label="not_place")  # the whole name: its family name is no place either
        if length == 1 and _abbreviated_first_word(doc, start):
            return Span(doc, start, end + 1, label="not_place")  # 'the St. Mary Sheriff's Office' is no Mary
        if length == 1 and span.text.lower() in STREET_WORDS and (start == 0 or doc[start - 1].lower_ != "in"):
            return Span(doc, start, end, label="not_place")  # '42nd Street
        candidates = _unless_only_an_alias(span, gazetteer.lookup(span.text))
        variant = not candidates and length == 1 and len(span.text) >= 6 and doc[start].pos_ == "PROPN" and \
            span.text.lower() not in english_words()  # transliterations, not 'Global' -> Gloubli
        if variant:
            candidates = gazetteer.lookup(span.text, fuzzy=True)
        if candidates and _an_acronym(span, candidates):
            return Span(doc, start, end, label="not_place")  # 'SWAT teams' is no district of Pakistan
        if candidates and (_venue_after(span) or _owns_a_venue(doc, end)):
            return Span(doc, start, end + 1, label="not_place")
        if candidates and _plausible(span):
            return _place_span(doc, start, end, candidates, variant)
    return None


def _place_span(doc: Doc, start: int, end: int, candidates, variant: bool = False) -> Span:
    """A place span labelled with its first reading's precision, its readings attached."""
    span = Span(doc, start, end, label=candidates[0].precision)
    span._.unmist = list(candidates)
    span._.unmist_variant = variant
    return span


# First words of place names that stand for a saint, a fort or a mountain ('St. Mary', 'Fort Bend'):
# the name they begin is one name, and when the gazetteer does not know it, its second word is no
# town either ('the St. Mary Sheriff's Office' is Louisiana's St. Mary Parish, not Mary, Turkmenistan).
NAME_FIRST_WORDS = frozenset({"st.", "st", "saint", "ste.", "sainte", "ft.", "fort", "mt.", "mount"})


def _abbreviated_first_word(doc: Doc, start: int) -> bool:
    return doc[start].lower_ in NAME_FIRST_WORDS and start + 1 < len(doc) and doc[start + 1].is_title


# Admin areas written with a possessive ('Prince George's County', 'Queen Anne's County', 'St. Mary's
# Parish'): the name run stops at the "'s", so they are looked up whole before it.
POSSESSIVE_AREA_HEADS = frozenset({"county", "parish"})


def _possessive_county_at(doc: Doc, start: int) -> Span | None:
    """The possessive county or parish starting at ``start``, when the gazetteer knows it."""
    for owner_end in range(start + 1, min(start + MAX_PLACE_TOKENS, len(doc) - 2) + 1):
        if _possessive_follows(doc[owner_end - 1]) and doc[owner_end + 1].lower_ in POSSESSIVE_AREA_HEADS:
            if not _name_run(doc, start, owner_end):
                return None
            span = doc[start: owner_end + 2]
            candidates = gazetteer.lookup(span.text.replace("’", "'").replace(" 's", "'s"))
            return _place_span(doc, start, owner_end + 2, candidates) if candidates else None
    return None


def _owned_business_at(doc: Doc, start: int) -> Span | None:
    """'Tina's Bar and Grill', 'Joe's Crab Shack': capitalised words after a person's or firm's
    possessive name a business, not the towns of Bar, Montenegro and Grill, Pennsylvania.  After a
    place's possessive they are a place ('Pakistan's Swat Valley', 'Chicago's South Side')."""
    if start < 2 or not _possessive_follows(doc[start - 2]):
        return None
    owner = doc[start - 2]
    a_persons = owner.is_title and owner.ent_type_ not in ("GPE", "LOC") and owner.lower_ not in english_words()
    if not (a_persons or doc[start].lower_ in VENUE_WORDS):  # 'Tina's Bar', whatever the model takes Tina for
        return None
    end = start + 1
    while end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and doc[end + 1].is_title:
        end += 2
    return Span(doc, start, end, label="not_place")


ORDINAL_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


def _after_ordinal(doc: Doc, start: int) -> bool:
    """'the 4th Ward', 'the 7th District': a numbered division of a city, not the town of Ward."""
    return start > 0 and bool(ORDINAL_NUMBER.match(doc[start - 1].text))


def _unless_only_an_alias(span: Span, candidates: tuple) -> tuple:
    """A common English word that no place bears as its own name ('Park', an alternate name of a
    town in Indiana) is the word, not that place."""
    text = span.text.lower()
    if len(span) > 1 or text not in english_words() or any(gazetteer.bears_own_name(p, text) for p in candidates):
        return candidates
    return ()


# Capitalised words after a name that make it a hospital's: 'taken to Mount Sinai Hospital' is
# where a victim was treated, not the town of Mount Sinai, New York.
HOSPITAL_WORDS = frozenset({"hospital", "medical", "clinic", "health"})


# Words after a name that make it an airline's: 'a Delta flight', 'Alaska Airlines' (not the Nigerian
# state or the American one); 'the Pakistan Air Force' stays Pakistan's.
AIRLINE_WORDS = frozenset({"airlines", "airline", "airways", "flight", "flights"})


def _airline_after(doc: Doc, end: int) -> bool:
    if end >= len(doc):
        return False
    following = doc[end + 1].lower_ if end + 1 < len(doc) else ""
    return doc[end].lower_ in AIRLINE_WORDS or (doc[end].lower_ == "air" and following in ("lines", "line"))


# ... and the plural after two street names ('at the intersection of Warren and Copeland streets').
STREETS_WORDS = frozenset({"streets", "roads", "avenues", "drives", "boulevards", "lanes", "sts.", "aves."})
# How many words the second street's name before such a word may take ('Martin Luther King Jr. streets').
CROSS_STREET_WORDS = 5
# Words after a name that make it a housing complex's ('the Ridgecrest Apartments', 'across from the
# Lincoln Houses'): local news names the complex, and the town of that name is elsewhere.
HOUSING_WORDS = frozenset({"apartments", "apartment", "townhomes", "condominiums", "houses", "homes", "projects",
                           "towers"})
# Capitalised words after a name that make it a venue's: 'a Holiday Inn', 'Alpine High School',
# 'Tina's Bar', 'the Pine Ridge Mobile Home Park', 'a Humboldt Park apartment' name a hotel, a school,
# a bar, a park, not the towns of Holiday, Florida or Humboldt, Tennessee.  A venue that bears a
# town's name in full ('Lincoln Park', a town of its own) is found as that longer name first.
VENUE_WORDS = frozenset({"inn", "hotel", "motel", "school", "high", "elementary", "academy", "park", "mall", "bar",
                         "club", "church", "tavern", "lounge", "grill", "restaurant", "casino", "cemetery", "stadium",
                         "arena", "home"})


def _venue_after(span: Span) -> bool:
    """A place's name followed by a capitalised venue word, in a sentence written in sentence case
    (a headline's 'Gun Found in Miami Home' capitalises every word)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in VENUE_WORDS and doc[span.end].is_title \
        and in_running_prose(span)


def _owns_a_venue(doc: Doc, end: int) -> bool:
    """'Tina's Bar', 'Patrick's bar', 'St Mary's Medical Center': a name that owns a bar, a club or a
    hospital is a person's or a saint's, not a town's (nor the Jersey parish of St Mary)."""
    return 0 < end and end + 1 < len(doc) and _possessive_follows(doc[end - 1]) and \
        doc[end + 1].lower_ in VENUE_WORDS | HOSPITAL_WORDS


# A sentence with more than this share of its words capitalised is a headline or a caption.
HEADLINE_CAPITALS = 0.5


def in_running_prose(span: Span) -> bool:
    """The name stands in a sentence written in sentence case, where a capital marks a name."""
    words = [t for t in span.sent if t.is_alpha and t.i != span.sent.start and not span.start <= t.i < span.end]
    return bool(words) and sum(t.text[0].isupper() for t in words) <= HEADLINE_CAPITALS * len(words)


def _street_after(doc: Doc, end: int) -> bool:
    """A capitalised street, hospital or housing word right after the name: 'Plymouth Street' is no
    town; nor is 'Warren' of 'Warren and Copeland streets', or 'Missouri' of 'Missouri and 16th avenues'."""
    if end < len(doc) and doc[end].lower_ == "and" and \
            any(token.lower_ in STREETS_WORDS for token in doc[end + 1:end + 1 + CROSS_STREET_WORDS]):
        return True
    if end < len(doc) and _abbreviated_first_word(doc, end):
        return False  # 'the St. Mary Sheriff's Office': a saint's name begins, no street
    return end < len(doc) and (doc[end].lower_ in STREETS_WORDS or (
        doc[end].lower_ in STREET_WORDS | HOSPITAL_WORDS | HOUSING_WORDS and doc[end].text[:1].isupper()))


def _crossing_a_street(doc: Doc, start: int) -> bool:
    """'near Yosemite Avenue and Cleveland': a name joined to a street names the cross street."""
    return start >= 2 and doc[start - 1].lower_ == "and" and doc[start - 2].lower_ in STREET_WORDS


# Tags of the verb right after a headline's first word when that word is its subject.
HEADLINE_VERB_TAGS = frozenset({"VBD", "VBN", "VBZ", "MD"})


def _a_headline_subject(doc: Doc, start: int) -> bool:
    """An English word opening a sentence as its subject, with a verb or an age after it ('Man
    arrested after ...', 'Man, 24, fatally shot'), is the word, not Man, Côte d'Ivoire: a town opening a
    sentence comes with its police, its county or a comma and its state."""
    token = doc[start]
    if not token.is_sent_start or token.lower_ not in english_words() or start + 2 >= len(doc):
        return False
    following = doc[start + 1]
    return following.tag_ in HEADLINE_VERB_TAGS or (following.text == "," and doc[start + 2].like_num)


# Nouns for what is built between two places and named after both: 'the Jammu-Srinagar highway',
# 'the Kabul–Kandahar road', 'the Cano Limon-Covenas oil pipeline'.
LINK_NOUNS = frozenset({"pipeline", "highway", "road", "motorway", "expressway", "railway", "railroad", "corridor"})
HYPHENS = frozenset({"-", "–", "—"})
# How many lower-case words may stand between such a name and its noun ('oil', 'gas', 'main'), and
# what they are: words that name the link, not a verb ('Al-Shabaab blocked roads').
LINK_NAME_GAP = 2
LINK_GAP_TAGS = frozenset({"NOUN", "ADJ"})


def _end_of_a_link_between(doc: Doc, start: int, end: int) -> int | None:
    """Where the name of a road or a pipeline named for the two places it joins ends, when the
    place's words are part of that name: a link runs for miles between its ends, so an attack 'on
    the Jammu-Srinagar highway near Pulwama' was near Pulwama, and one on 'the Cano Limon-Covenas
    oil pipeline' in Colombia, not in Limón, Costa Rica, nor in Kano."""
    first, last = start, end  # the run of capitalised words and the hyphens that join them
    while first > 0 and (_capitalised(doc[first - 1]) or _joins_names(doc, first - 1)):
        first -= 1
    while last < len(doc) and (_capitalised(doc[last]) or _joins_names(doc, last)):
        last += 1
    hyphens = [i for i in range(first, last) if _joins_names(doc, i)]
    if not hyphens:
        return None
    if _link_noun(doc[last - 1]) and last - 1 > hyphens[-1] + 1:
        return last  # a headline's capitals: 'Rebels Bomb Cano Limon-Covenas Pipeline'
    noun = last
    while noun < len(doc) and noun - last < LINK_NAME_GAP and doc[noun].is_lower and doc[noun].pos_ in LINK_GAP_TAGS \
            and not _link_noun(doc[noun]):
        noun += 1
    return noun + 1 if noun < len(doc) and _link_noun(doc[noun]) else None


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[:1].isupper()


def _joins_names(doc: Doc, index: int) -> bool:
    """A hyphen that joins two capitalised words, touching both ('Limon-Covenas'): a dateline's
    spaced dash ('KARACHI – Highway robbers') joins no names."""
    return doc[index].text in HYPHENS and 0 < index < len(doc) - 1 and _capitalised(doc[index - 1]) \
        and _capitalised(doc[index + 1]) and not doc[index - 1].whitespace_ and not doc[index].whitespace_


def _link_noun(token: Token) -> bool:
    return token.lower_ in LINK_NOUNS or token.lemma_.lower() in LINK_NOUNS


COMPASS_ABBREVIATIONS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw"})


def _after_block_of(doc: Doc, start: int) -> bool:
    """'the 6700 block of South Aberdeen': US police give addresses by block; the name is a street's."""
    before = start - 1
    if before >= 0 and (doc[before].lower_.rstrip(".") in COMPASS_ABBREVIATIONS or doc[before].lower_ in NAME_PREFIXES):
        before -= 1
    return before >= 1 and doc[before].lower_ == "of" and doc[before - 1].lower_ in ("block", "blocks")


LOCATIVES = frozenset({"in", "at", "near", "outside", "from", "to", "into", "of", "around", "across", "towards"})


# Words that may stand before a place's name in one run of capitals ('Southwest Philadelphia',
# 'Greater Houston'), beside the words that start one sentence.
NAME_PREFIXES = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                           "northern", "southern", "eastern", "western", "central", "greater", "downtown", "upper",
                           "lower", "metro", "suburban", "rural"})


def _inside_a_longer_name(doc: Doc, index: int) -> bool:
    """'the Bottles and Barrels Bar', 'the Blue Star Motel': a word after a capitalised proper noun
    that is not a place itself belongs to that name (a bar, a firm, a person), not to the town of
    Bar, Montenegro.  A sentence's first word or a direction ('Southwest Philadelphia') starts none."""
    if index == 0:
        return False
    previous = doc[index - 1]
    if previous.is_sent_start or previous.lower_ in NAME_PREFIXES or previous.pos_ != "PROPN":
        return False
    return previous.is_title


def _can_start_place(token: Token, people: frozenset[str]) -> bool:
    """A capitalised word not taken for a date or number; a 'person' only after 'in', 'at', 'near'...

    The small English model labels many Central Asian towns as people ('at Lakkon'), so a PERSON
    label is overruled by a locative preposition before it.  A word of a person's full name the
    report writes elsewhere is that person when it stands alone ('Jordan Gray' ... 'Jordan had been
    staying with his father'; 'Esteban Santiago' ... 'Santiago will be charged'), also after a
    preposition when the person owns something ('three of Shelton's children').
    """
    if not NAME_TOKEN.match(token.text):
        return False
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return _a_countrys_name(token)  # 'In Niger, an attack ...', which the small model tags as a date
    if token.ent_type_ == "PERSON" or token.text in people:
        previous = token.doc[token.i - 1] if token.i > 0 else None
        if previous is not None and previous.lower_ in NAME_PREFIXES and previous.i > 0:
            previous = token.doc[previous.i - 1]  # 'in northern Burkina Faso'
        placed = previous is not None and previous.lower_ in LOCATIVES and not _possessive_follows(token)
        return placed or _before_police(token) or _a_countrys_named_site(token) or _names_an_area(token) \
            or _names_a_settlement(token)
    return True


def _a_headline_label(token: Token) -> bool:
    """A country or region that labels a headline ('Cameroon: Separatists kill four gendarmes',
    'Manipur: Two killed as ...'), or a town the headline opens with that is no English word
    ('Khorugh under fire: what we know'): the small model tags such a first word a common noun or
    a verb.  A word it gives an entity type ('Putin vows ...': a person) is left to that type."""
    doc = token.doc
    if not token.is_sent_start or token.ent_type_ or token.i + 1 >= len(doc):
        return False
    readings = gazetteer.lookup(token.text)
    if doc[token.i + 1].text == ":":
        return any(p.precision in ("country", "province") for p in readings)
    return token.i == 0 and bool(readings) and token.lower_ not in english_words()


def _a_countrys_name(token: Token) -> bool:
    """The word is a country's name, as the gazetteer knows it ('Niger', 'Mali')."""
    return any(p.precision == "country" for p in gazetteer.lookup(token.text))


# Words for an administrative area that a name before them names ('the Musakhel district').
AREA_WORDS = frozenset({"district", "province", "region", "county", "state", "township", "municipality", "governorate",
                        "oblast", "territory", "regency", "prefecture", "department", "tehsil", "woreda"})


def _names_an_area(token: Token) -> bool:
    """'in the Musakhel district', 'in neighbouring Yala province': one word between a word in lower
    case and a word for an area in lower case names the area, whatever the model takes the word for
    (a person's name is written whole, and no area word follows it)."""
    doc = token.doc
    if not 0 < token.i < len(doc) - 1 or doc[token.i + 1].text not in AREA_WORDS:
        return False
    return doc[token.i - 1].is_lower


# Words for a settlement that a name before them names ('Barangay San Jose, Paranas town').
SETTLEMENT_WORDS = frozenset({"town", "village", "city", "hamlet"})


def _names_a_settlement(token: Token) -> bool:
    """'..., Paranas town, on Sunday', 'in Mandimarka village': one word after a comma or a word in
    lower case and before a settlement word ends the phrase names the settlement, whatever the model
    takes the word for (not 'Jordan town hall')."""
    doc = token.doc
    if not 0 < token.i < len(doc) - 1 or doc[token.i + 1].text not in SETTLEMENT_WORDS:
        return False
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    return (doc[token.i - 1].is_lower or doc[token.i - 1].text == ",") and (after is None or after.pos_ != "NOUN")


def _a_countrys_named_site(token: Token) -> bool:
    """'Saudi Arabia's Abha airport', 'Nigeria's Kuje prison': one word after a place's possessive
    and before a common noun names a site of that place, whatever the model takes the word for; a
    person is written with a family name or a verb after it ('Russia's Vladimir Putin said')."""
    doc = token.doc
    if token.i < 2 or token.i + 1 >= len(doc) or not _possessive_follows(doc[token.i - 2]):
        return False
    following = doc[token.i + 1]
    return doc[token.i - 2].ent_type_ in ("GPE", "LOC") and following.pos_ == "NOUN" and following.is_lower


def _part_of_a_longer_person(doc: Doc, start: int, end: int) -> bool:
    """One word inside a longer name the model reads as a person's ('Mecca' of 'Mecca Canty',
    'Norris' of 'Norris Greenhouse Jr.'; 'Mecklenburg' of 'Charlotte-Mecklenburg police', whose first
    word is the city).  A town the model takes for a person ('at Lakkon') is the whole of its 'name',
    and a county before its sheriff ('Anderson County Sheriff Greg Taylor') is no piece of a person's."""
    if end - start != 1 or doc[start].ent_type_ != "PERSON":
        return False
    before = doc[start - 1] if doc[start].ent_iob_ == "I" else None
    after = doc[end] if end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "I" else None
    return any(word is not None and word.lower_.rstrip(".") not in knowledge.person_titles() | JURISDICTION_WORDS
               for word in (before, after))


def _first_name_of(doc: Doc, start: int, end: int, people: frozenset[str]) -> bool:
    """A one-word 'place' followed by a word of the full names the report gives, that pair standing
    together in one of those names: 'Mecca Canty' is the woman the report named, wherever the
    tagger saw a city in 'Mecca' (a full name's pairs are in ``people`` as 'Mecca Canty')."""
    return end - start == 1 and end < len(doc) and f"{doc[start].text} {doc[end].text}" in people


# Nouns of a killing: what follows 'the shooting death of' is the dead, a person, whatever the tagger
# makes of the name ('in connection with the shooting death of A'Naiya Montgomery').
DEATH_NOUNS = frozenset({"death", "murder", "killing", "slaying", "homicide", "funeral", "manslaughter"})
# How many words of a name may stand between 'of' and the word looked up ('of A'Naiya Montgomery').
NAME_WORDS_BEFORE = 2


def _the_dead_named(doc: Doc, start: int, end: int) -> bool:
    """The name after 'the (shooting) death of' (up to NAME_WORDS_BEFORE words of it before this one):
    the dead, unless the name stands before a noun for them."""
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower:
        return False  # the place of the dead: 'the death of Detroit girl', a headline's 'death of West Seattle teen'
    i = start - 1
    while i >= 0 and start - i <= NAME_WORDS_BEFORE and doc[i].lower_ != "of" and (
            doc[i].is_title or doc[i].text in ("'", "’", "-")):
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in DEATH_NOUNS


def _possessive_follows(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.text in ("'s", "’s")


def _words_of_full_names(doc: Doc) -> frozenset[str]:
    """The words of the people's names of two or more words the model finds in a report, and every
    two words of such a name that stand together ('Mecca Canty')."""
    names = [[t.text for t in ent if t.is_title] for ent in entities_of(doc) if ent.label_ == "PERSON" and len(ent) > 1]
    return frozenset(word for words in names for word in words) | frozenset(
        f"{first} {second}" for words in names for first, second in zip(words, words[1:]))


def _before_police(token: Token) -> bool:
    """'Austin police said': the model often takes a city before 'police' for a person."""
    doc = token.doc
    for i in range(token.i + 1, min(token.i + MAX_PLACE_TOKENS + 1, len(doc))):
        if doc[i].lower_ in JURISDICTION_WORDS - {"county"}:
            return True
        if not NAME_TOKEN.match(doc[i].text):
            return False
    return False


NAME_PARTICLES = frozenset({"-", "of", "e", "al", "el", "ul", "i", "de", "da", "do", "dos", "das", "del", "della", "di",
                            "du", "des", "la", "las", "los", "ez", "es", "ad", "ash", "ar", "az", "an", "as", "at",
                            "and", "au", "aux", "sur", "en", "les", "upon"})
# ('Jammu and Kashmir', 'Bosnia and Herzegovina', 'Port-au-Prince', 'Stratford-upon-Avon': only as the
# gazetteer writes them)


def _name_run(doc: Doc, start: int, end: int) -> bool:
    """Capitalised tokens, joined by hyphens, 'of' or the particles of Romance and Arabic names ('Rio
    de Janeiro', 'Norte de Santander', 'Mocimboa da Praia', 'Deir ez-Zor'), optionally ending in a
    place head word or a lower-case area phrase ('Lamu county', 'Mangu local government area').  Only the gazetteer's names match, so 'Kabul as Taliban' reads as Kabul."""
    for i in range(start, end):
        token = doc[i]
        last = i == end - 1
        if NAME_TOKEN.match(token.text) or (token.text in NAME_PARTICLES and not last and i > start):
            continue
        if last and i > start and re.fullmatch(PLACE_HEADS, token.lower_):
            continue
        return i > start and doc[i:end].text.lower() in AREA_PHRASES  # 'Mangu local government area'
    return True


def _plausible(span: Span) -> bool:
    """One capitalised word must be a proper noun, not a sentence-initial common word ('Police'),
    and a name inside a longer organisation or person name ('Interior Ministry') is not a place."""
    entity = entity_around(span)
    if entity is not None and entity.label_ in ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT") \
            and len(entity) > len(span) and not AREA_NAME.search(entity.text):
        if (entity.start != span.start or entity.end - span.end > 1 or _before_a_name(span)) \
                and not names_a_jurisdiction(span):
            return False
    if _a_source(span):
        return False
    if len(span) > 1:
        return True
    token = span[0]
    if token.pos_ != "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC") and not names_a_jurisdiction(span) \
            and not _a_headline_label(token):
        return False
    return not token.is_stop and token.text not in knowledge.demonyms()


# An area's name that the model reads as an organisation's ('Bassa Local Government Area of Plateau State').
AREA_NAME = re.compile(r"\bLocal Government Area\b")


def _before_a_name(span: Span) -> bool:
    """'Clarence Washington shot his wife': a town's name followed, with no comma, by another
    capitalised proper noun in one person's or firm's name is that name's first word."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.pos_ == "PROPN" and following.is_title and \
        following.lower_ not in JURISDICTION_WORDS and not re.fullmatch(PLACE_HEADS, following.lower_)


def _a_source(span: Span) -> bool:
    """'..., according to Hines.': one name after 'according to' and nothing after it is who said so."""
    doc = span.doc
    if span.start < 2 or [t.lower_ for t in doc[span.start - 2: span.start]] != ["according", "to"]:
        return False
    return span.end >= len(doc) or doc[span.end].is_punct


@Language.component("unmist_dates", assigns=["doc._.unmist_dates"])
def mark_dates(doc: Doc) -> Doc:
    named = [(span.start_char, span.end_char) for span in doc.spans.get("unmist_actors", [])]
    found = [expr for sent in doc.sents for expr in find_dates(sent.text, sent.start_char)
             if not any(start < expr.end and expr.start < end for start, end in named)]
    doc._.unmist_dates = with_stated_years(found)
    return doc  # a date in a group's or an outlet's name ('the 19 April Movement') dates nothing


@Language.component("unmist_figures", requires=["token.dep", "token.lemma", "doc.ents"], assigns=["doc._.unmist_figures"])
def mark_figures(doc: Doc) -> Doc:
    doc._.unmist_figures = [figure for sent in doc.sents for figure in find_figures(sent)]
    return doc
