"""Casualty figures from a parsed sentence: killed / wounded / captured / escaped / arrested.

A figure is a quantity ('28', 'at least 17', 'dozens', 'a border guard') tied through the
dependency parse to a casualty cue: the subject of a passive cue ('12 servicemen had been
killed'), the object of an active one ('killing 28 soldiers'), a predicate adjective ('left 42
people dead', '12 dead') or a toll ('the death toll stands at 25').  Quantities joined by 'and'
are summed ('three guards and six soldiers' = 9); parts after 'including' or in an apposition to a
total are dropped so that totals and parts are not double counted.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .. import knowledge
from .numbers import parse_number, qualify, vague_range
from .nlp import english_words, has_past_perfect, has_perfect, negated, text_of

EXCLUDED_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
TOLL_VERBS = frozenset({"stand", "rise", "reach", "climb", "increase", "jump", "put", "bring", "be", "hit", "top"})
INTRANSITIVE_CUES = frozenset({"die", "perish", "dead", "escape", "flee", "surrender"})
SINGULAR_DETERMINERS = frozenset({"a", "an", "one", "the", "another", "only"})
# ... and someone's ('his 6-year-old daughter was shot', 'their son was killed'): one person too.
POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
ONE_PERSON_WORDS = SINGULAR_DETERMINERS | POSSESSIVES
REFLEXIVES = frozenset({"himself", "herself", "themselves"})
# A person shot or stabbed told as a pronoun: one person ('her father accidentally shot her'), and
# one who died ('he died a few hours later').
PERSONAL_OBJECTS = frozenset({"him", "her"})
PERSONAL_SUBJECTS = frozenset({"he", "she"})
# Attackers 'detained' during the incident are captured; others detained afterwards are arrested.
CAPTURE_SIDES = frozenset({"attackers"})


@dataclass(frozen=True)
class Figure:
    kind: str
    low: int | None
    high: int | None
    start: int  # character offsets into the document
    end: int
    side: str
    text: str
    qualifier: str | None = None
    shot: bool = False  # 'three people were shot': hit, which the dead among them may be


@dataclass(frozen=True)
class _Quantity:
    low: int | None
    high: int | None
    first: Token
    last: Token
    qualifier: str | None


def _cue_kinds() -> dict[str, str]:
    return {lemma: kind for kind, entry in knowledge.figure_cues().items() for lemma in entry["lemmas"]}


def find_figures(sent: Span) -> list[Figure]:
    """Every casualty figure stated in one sentence, totals and parts already reconciled."""
    if _many_incidents(sent):
        return []  # '3 killed, 12 wounded in Monday shootings across Chicago': a tally of several incidents
    cue_kinds = _cue_kinds()
    raw: list[tuple[Figure, Token, bool]] = []  # (figure, chain root, is a part of a stated total)
    for quantity in _quantities(sent):
        noun = _counted_noun(quantity.last)
        found = _adjacent_cue(quantity.last, noun) or _kind_of(noun, cue_kinds) or \
            _verb_just_before(quantity, noun, cue_kinds)
        if found is None:
            continue
        kind, root, is_part = found
        side = _side(noun, quantity.last)
        if kind == "escaped" and (side == "civilians" or noun.lemma_.lower() in DISPLACED_NOUNS | FLEEING_DOERS):
            continue  # 'Thousands of residents fled': displaced; 'The attacker fled the scene': no one escaped custody
        if kind == "arrested" and _lemma_of_cue(root.head) in ("detain", "hold"):
            if side in CAPTURE_SIDES or (noun.i == quantity.last.i and _attackers_counted(sent)):
                kind = "captured"  # 13 attackers had been killed and four had been detained
        start, end = _figure_extent(quantity, noun, root)
        shot = kind == "wounded" and (_hit(root) or _some_of_them_died(noun)) and not _hit_and_hurt(root.head) and \
            not any(t.lower_ in MORE_OF_THEM for t in sent.doc[quantity.first.i: noun.i + 1])
        figure = Figure(kind, quantity.low, quantity.high, start, end, side, text_of(sent.doc)[start:end],
                        quantity.qualifier, shot)
        raw.append((figure, root, is_part))
        if kind == "killed" and _shot_and_killed(root.head):  # all those shot died: none of them is wounded
            raw.append((replace(figure, kind="wounded", shot=True), root, is_part))
    raw = [(figure, root, is_part) for figure, root, is_part in raw if not _only_meant(root.head)
           and not _counterfactual(root.head) and not _denied(root.head, cue_kinds)
           and not _period_tally(root.head, (figure.low or 0) >= YEAR_TALLY)
           and not _generic(root.head) and not _a_campaigns_toll(root.head)]
    figures = _merge_chains(raw) + _multiple_casualties(sent) + _none_hurt(sent) + _all_survive(sent, raw)
    return sorted((f for f in _fatally_of_shot(sent, figures) if not _war_toll(f)), key=lambda f: f.start)


# Doers of an attack, who flee its scene rather than escape custody ('The attacker fled').
FLEEING_DOERS = frozenset({"attacker", "assailant", "gunman", "gunmen", "shooter", "bomber", "killer", "perpetrator",
                           "robber", "suspect"})
# People in general, who flee a place rather than escape custody.
DISPLACED_NOUNS = frozenset({"people", "person", "family", "household"})
# Verbs of hitting someone, whom a count of people hit takes in dead or alive ('three people were shot').
HIT_LEMMAS = ("shoot", "stab")
# ... and of being hurt, which says those hit lived ('shot and wounded').
HURT_LEMMAS = frozenset({"wound", "injure"})


def _hit(counted: Token) -> bool:
    """'three people were shot' (or stabbed), 'four victims were found shot', 'a man with a gunshot
    wound', 'sent four people to the hospital': hit, which the dead among them may be."""
    cue = counted.head
    return (_lemma_of_cue(cue) == "wound" and (cue.lemma_.lower() in HIT_LEMMAS or gunfire_hit(cue))) or \
        _said_shot(cue) or _with_wounds(counted) or _carried_to_hospital(counted)


def _said_shot(verb: Token) -> bool:
    """'four male victims were found shot', 'four people were confirmed to have been shot', 'two men
    were reported shot': hit, as found, confirmed or reported, the dead among them."""
    return any(c.dep_ in ("oprd", "acomp", "xcomp") and c.lemma_.lower() in HIT_LEMMAS for c in verb.children)


def _some_of_them_died(counted: Token) -> bool:
    """'One of four women wounded in the shooting has died': the dead are some of those counted."""
    of = counted.head
    if counted.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return False
    part = of.head
    return part.dep_ in ("nsubj", "nsubjpass") and part.like_num and part.head.lemma_.lower() in DYING_LEMMAS


def _treated_for_hurt(treated: Token) -> bool:
    """'treated for gunshot wounds', 'treated at a hospital and released': hurt and alive; not
    'treated for smoke inhalation', nor treated where they died."""
    words = list(treated.subtree)
    return any(t.lemma_.lower() in ("wound", "injury", "burn") or t.lower_ in HOSPITAL_NOUNS for t in words) \
        and not any(_they_died(t) for t in words)


# Verbs that carry the hurt somewhere: 'a shooting that sent four people to the hospital', 'five
# people were taken to hospitals' (and, for places, 'flown to Fargo' is where a victim was treated).
CARRYING_VERBS = frozenset({"take", "fly", "airlift", "transport", "rush", "bring", "drive", "carry", "transfer",
                            "send", "evacuate", "move"})
HOSPITAL_NOUNS = frozenset({"hospital", "hospitals"})


def _carried_to_hospital(counted: Token) -> bool:
    verb = counted.head
    if verb.lemma_.lower() not in CARRYING_VERBS or counted.dep_ not in ("dobj", "nsubjpass"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ in HOSPITAL_NOUNS for g in c.children)
               for c in verb.children) and not any(_they_died(t) for t in verb.subtree)


# 'taken to a hospital and later died', '... where they died': the dead, not the wounded ('..., where
# one died' leaves the others hurt).
DYING_LEMMAS = frozenset({"die", "succumb"})
CARRIED_PRONOUNS = frozenset({"he", "she", "they"})


def _they_died(token: Token) -> bool:
    if token.lemma_.lower() not in DYING_LEMMAS:
        return False
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return all(c.lower_ in CARRIED_PRONOUNS for c in subjects) if subjects else token.dep_ == "conj"


# Verbs and nouns whose infinitive tells what someone meant, tried or threatened to do, not what
# befell anyone ('threatened to kill 20 hostages', 'he didn't want to kill her', 'in an effort to
# kill himself').
INTENT_WORDS = frozenset({"threaten", "plan", "vow", "intend", "aim", "seek", "plot", "want", "hope", "promise", "try",
                          "attempt", "mean", "prepare", "effort", "bid", "threat", "intent", "intention"})


def _only_meant(cue: Token) -> bool:
    return cue.dep_ in ("xcomp", "acl") and cue.head.lemma_.lower() in INTENT_WORDS and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children)


# Adverbs after 'not' that deny only how badly or how soon ('he was not seriously injured': injured
# all the same; 'did not die immediately').
DEGREE_ADVERBS = frozenset({"seriously", "badly", "critically", "severely", "gravely", "fatally", "mortally",
                            "life", "too", "very", "immediately", "instantly"})


def _denied(cue: Token, cue_kinds: dict[str, str]) -> bool:
    """'A 17-year-old girl and a 20-year-old man were not injured', 'the driver was not killed':
    the people counted are those it did not befall ('the two shooting deaths were not connected'
    denies something else)."""
    if _lemma_of_cue(cue) not in cue_kinds:
        return False
    negation = next((c for c in cue.children if c.dep_ == "neg"), None)
    if negation is None and cue.head.lemma_.lower() == "let":  # 'Please don't let my baby die'
        negation = next((c for c in cue.head.children if c.dep_ == "neg"), None)
    if negation is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "at" and any(g.lemma_.lower() == "scene" for g in c.children)
           for c in cue.children):
        return False  # 'Lewis did not die at the scene': he died later
    following = cue.doc[negation.i + 1] if negation.i + 1 < len(cue.doc) else None
    return following is None or following.lower_ not in DEGREE_ADVERBS


# Modals that with 'have' tell what did not happen ('it could easily have killed her', 'she
# could've been dead'); 'may have killed 20' is a hedged toll and stays.
COUNTERFACTUAL_MODALS = frozenset({"could", "would", "might", "should"})


def _counterfactual(cue: Token) -> bool:
    auxiliaries = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    return bool(auxiliaries & COUNTERFACTUAL_MODALS) and bool(auxiliaries & {"have", "'ve"})


# Words that make a clause tell of what happens whenever, or would happen if, not of what befell
# anyone: 'if one child is killed', 'whenever a child is shot', 'any time one of our students is hurt'.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whenever", "anytime", "everytime"})
RECURRING_DETERMINERS = frozenset({"any", "every", "each"})


def _generic(cue: Token) -> bool:
    clause = cue.head if cue.dep_ == "conj" else cue  # 'is hurt or passes away'
    if any(c.lower_ in CONDITIONAL_MARKS and c.dep_ in ("mark", "advmod") for c in clause.children):
        return True
    return clause.dep_ == "relcl" and clause.head.lower_ in ("time", "times") and \
        any(c.dep_ == "det" and c.lower_ in RECURRING_DETERMINERS for c in clause.head.children)


# A span of time that holds many incidents: a year, a month named alone, 'this year'.
MONTHS = tuple(name.lower() for name in calendar.month_name if name)  # as dates.MONTHS reads them, without abbreviations
PERIOD = re.compile(r"(?:(?:this|last|the past) (?:year|month)|(?:19|20)\d\d|" + "|".join(MONTHS) + "|"
                    r"(?:recent|the (?:past|last)(?: (?:few|two|three|four|five|ten|several))?) (?:years|months|decades?))")


def _period_tally(verb: Token, large: bool = False) -> bool:
    """'More than 700 people have been shot in the city this year', 'there were 30 accidental
    shooting deaths in 2014', 'bandits have killed thousands in recent years', 'over the past
    decade': a tally over a period (perfect or existential, with a year or a
    month for its span), not one incident's toll.  'In 2010, nine people were shot' tells of one, and
    so does a month in a story told in the past perfect ('had killed 40 civilians in April').  A
    ``large`` toll over a year is a tally in any tense ('More than 8,000 people were killed in 2023')."""
    tallied = has_perfect(verb) or any(c.dep_ == "expl" for c in verb.children)
    if not tallied:
        return large and _over_a_year(verb)
    told_before = has_past_perfect(verb)
    for when in (_time_of(child) for child in verb.children):
        if when is None or when.ent_type_ != "DATE":
            continue
        span = when.doc[when.left_edge.i: when.i + 1].text.lower()
        if told_before and span in MONTHS:
            continue  # 'Two months earlier, in April 2022, militants had killed 40 civilians in Djibo': one incident
        if PERIOD.fullmatch(span):
            return True
    return False


# Nouns for violence as a pattern, not one incident ('a surge in violence blamed on drug gangs').
PATTERN_NOUNS = frozenset({"violence", "insecurity", "unrest", "crime", "bloodshed", "conflict", "war", "insurgency",
                           "surge", "wave", "spate", "rise", "upsurge"})
# ... and of the ones among them that last for years: whatever they kill is their whole toll.
WAR_NOUNS = frozenset({"conflict", "war", "insurgency"})


def _a_campaigns_toll(verb: Token) -> bool:
    """'The conflict has killed more than 6,000 people', 'the insurgency killed 40,000', 'More than
    300 people have been killed in the violence': the toll of a war or of violence as a pattern,
    which a report gives as background, not one incident's.  'The violence killed three people on
    Sunday' is an incident's: a word for violence kills an incident's toll unless the verb is perfect."""
    for child in verb.children:
        causes = [child] if child.dep_ == "nsubj" else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "in" else []
        for cause in causes:
            lemma = cause.lemma_.lower()
            if lemma in WAR_NOUNS and child.dep_ == "nsubj" or lemma in PATTERN_NOUNS and has_perfect(verb):
                return True
    return False


# A toll this large (or larger) that a year spans is a year's tally, not one incident's: a massacre
# of thousands is dated by its days.
YEAR_TALLY = 1_000
YEAR = re.compile(r"(?:this|last|the past) year|(?:19|20)\d\d")


def _over_a_year(verb: Token) -> bool:
    """The verb's time is a year ('killed in 2023', 'killed last year')."""
    for when in (_time_of(child) for child in verb.children):
        if when is not None and when.ent_type_ == "DATE" and \
                YEAR.fullmatch(when.doc[when.left_edge.i: when.i + 1].text.lower()):
            return True
    return False


# Incidents in the plural: a toll 'in Monday shootings across Chicago' or 'in separate attacks' is
# theirs together, no one incident's.
INCIDENT_PLURALS = frozenset({"shootings", "attacks", "bombings", "stabbings", "incidents"})


def _many_incidents(sent: Span) -> bool:
    """The sentence tallies several incidents: 'in' with incidents in the plural, not 'the shootings',
    or incidents in the plural, bare, that do the killing ('Attacks kill 11 across Afghanistan', not
    'Twin bombings kill 32')."""
    return any(t.lower_ in INCIDENT_PLURALS and (
        (t.dep_ == "pobj" and t.head.lower_ == "in" and not any(c.dep_ in ("det", "poss") for c in t.children)
         and not _one_raid_on(t))
        or (t.dep_ in ("nsubj", "ROOT") and _bare(t))) or (t.dep_ in ("nsubj", "ROOT") and _across_a_land(t))
        for t in sent)  # (the parser may root the sentence on its subject and hang 'killed' on it)


# Words that spread incidents in the plural over a land or apart ('in attacks across the north',
# 'in separate attacks on police posts').
SPREAD_WORDS = frozenset({"across", "throughout", "separate", "different", "several", "various", "nationwide"})


def _one_raid_on(plural: Token) -> bool:
    """'killed at least 40 people in attacks on the villages of Masala and Mapasana': the attacks hit
    what they name (a target or people), and nothing spreads them apart: one raid's toll."""
    if any(t.lower_ in SPREAD_WORDS for t in plural.subtree):
        return False
    hit = [g for c in plural.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
           for g in c.children if g.dep_ == "pobj"]
    return any(g.lemma_.lower() in knowledge.target_nouns() or g.lemma_.lower() in knowledge.sides() for g in hit)


def _across_a_land(subject: Token) -> bool:
    """'Violence across Iraq kills 14': violence or incidents all over a country, together."""
    return (subject.lemma_.lower() in PATTERN_NOUNS or subject.lower_ in INCIDENT_PLURALS) and any(
        c.dep_ == "prep" and c.lower_ == "across" for c in subject.children)


def _bare(plural: Token) -> bool:
    """A plural with nothing that counts or singles out its incidents ('Attacks kill 11', 'Bombings
    and shootings across Iraq killed 14'; not 'Twin bombings', 'the attacks', 'Two attacks')."""
    return not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in plural.children)


def _time_of(child: Token) -> Token | None:
    """The time word a verb's modifier gives: 'this year' (as a noun phrase), 'in 2014', 'since January'."""
    if child.dep_ == "npadvmod":
        return child
    if child.dep_ == "prep" and child.lower_ in ("in", "since", "over", "during"):
        return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


# No single attack, bombing or massacre kills or wounds this many (the deadliest, 11 September 2001,
# killed about 3,000): a toll this large is a war's or a country's ('the death of 70,000 people'),
# told in passing, never one incident's.
WAR_TOLL = 10_000


def _war_toll(figure: Figure) -> bool:
    return figure.kind in ("killed", "wounded") and (figure.low or 0) >= WAR_TOLL


ADJACENT_CUES = {"dead": "killed", "killed": "killed", "deaths": "killed", "fatalities": "killed", "injured": "wounded",
                 "wounded": "wounded", "injuries": "wounded", "hurt": "wounded"}
DEATH_NOUNS = frozenset({"death", "fatality", "dead", "body", "life"})
INJURY_NOUNS = frozenset({"injury", "wounded", "injured"})


def _adjacent_cue(number: Token, noun: Token) -> tuple[str, Token, bool] | None:
    """'47 dead', '35 deaths', '12 killed and 30 injured', 'dozens of the wounded': the cue right after
    the count (or its noun); 'ten people were being treated for gunshot wounds'."""
    of_cue = next((g.lower_ for c in number.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj" and g.lower_ in ADJACENT_CUES), None)
    if noun.i == number.i and of_cue:
        if number.dep_ == "nsubj" and number.head.lemma_.lower() in DYING_LEMMAS:
            return "killed", number, False  # 'one of the wounded died': one more dead, no wounded count
        return ADJACENT_CUES[of_cue], number, False
    own_cue = next((c.lower_ for c in noun.children if c.dep_ == "amod" and c.i < number.i and c.lower_ in ADJACENT_CUES), None)
    if own_cue:  # 'killed a dozen worshippers and injured scores more': the participle is scores' own cue
        return ADJACENT_CUES[own_cue], noun, False
    if noun.dep_ in ("nsubjpass", "nsubj") and noun.head.lemma_ in ("treat", "hospitalise", "hospitalize", "admit"):
        if noun.head.lemma_ != "treat" or _treated_for_hurt(noun.head):
            return "wounded", noun, False
    if _carried_to_hospital(noun):
        return "wounded", noun, False
    lemma = noun.lemma_.lower()
    if noun.i != number.i and lemma in DEATH_NOUNS | INJURY_NOUNS:
        return ("killed" if lemma in DEATH_NOUNS else "wounded"), noun, False
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if following is not None and following.lower_ in ADJACENT_CUES and following.dep_ not in ("ROOT",):
        is_verb_with_subject = following.pos_ == "VERB" and any(c.dep_ == "dobj" for c in following.children)
        if not is_verb_with_subject:
            return ADJACENT_CUES[following.lower_], number, False
    return None


# 'a double homicide', 'the quadruple murder': the word counts the dead; 'a triple shooting' those
# shot, the dead among them (who come off: see extract._survivors).
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
KILLING_NOUNS = frozenset({"murder", "homicide", "killing", "slaying", "execution", "assassination"})
SHOOTING_NOUNS = frozenset({"shooting"})


def _multiple_casualties(sent: Span) -> list[Figure]:
    found = []
    for token in sent:
        if token.lower_ not in MULTIPLES or token.head.i <= token.i:
            continue
        noun = token.head.lemma_.lower()
        if noun in KILLING_NOUNS | SHOOTING_NOUNS:
            start, end = token.idx, token.head.idx + len(token.head.text)
            kind = "killed" if noun in KILLING_NOUNS else "wounded"
            found.append(Figure(kind, MULTIPLES[token.lower_], MULTIPLES[token.lower_], start, end, "total",
                                text_of(sent.doc)[start:end], shot=kind == "wounded"))
    return found


# 'No one was hurt', 'nobody was killed', 'there were no injuries': a stated zero ('no one else
# was hurt' leaves the others counted elsewhere, so it is no figure).
NOBODY = re.compile(r"\b(?:no\s+one|nobody|no\s+other\s+(?:people|person)s?|none)\b(?!\s+(?:else|other|of\s+the))", re.IGNORECASE)
ZERO_NOUNS = {"injury": "wounded", "death": "killed", "fatality": "killed", "casualty": None}


def _none_hurt(sent: Span) -> list[Figure]:
    found = []
    text = text_of(sent.doc)
    cue_kinds = _cue_kinds()
    for match in NOBODY.finditer(sent.text):
        start = sent.start_char + match.start()
        span = sent.doc.char_span(start, sent.start_char + match.end(), alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        kind = cue_kinds.get(_lemma_of_cue(span.root.head))
        if kind in ("killed", "wounded") and not negated(span.root.head):
            end = span.root.head.idx + len(span.root.head.text)
            found.append(Figure(kind, 0, 0, start, end, "total", text[start:end]))
    for token in sent:
        kinds = _zero_kinds(token)
        if kinds and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            det = next(c for c in token.children if c.dep_ == "det")
            end = token.idx + len(token.text)
            found.extend(Figure(kind, 0, 0, det.idx, end, "total", text[det.idx:end]) for kind in kinds)
    return found


# Words saying the people hurt will live: with no death told, the report's toll of dead is zero
# (as GTD and GVA code a shooting whose victims survive).
SURVIVAL = re.compile(r"\b(?:non-?\s?life[- ]threatening|not life[- ]threatening|(?:is|are|was|were) expected to "
                      r"(?:survive|recover|be ok(?:ay)?)|treated and released|minor injur(?:y|ies)|"
                      r"(?:listed )?in [\"“']?(?:(?:critical|serious) but )?(?:stable|good|fair|satisfactory)[\"”']? condition|"
                      r"(?:is|are|was|were) recovering|conditions? (?:was|were|has been|have been) stabili[sz]ed|"
                      r"released from (?:the )?hospital)\b",
                      re.IGNORECASE)


def _all_survive(sent: Span, raw: list) -> list[Figure]:
    """'was taken to hospital with non-life-threatening injuries': nobody died (a zero, with the
    words that say so as its evidence); a sentence that counts dead says otherwise."""
    match = SURVIVAL.search(sent.text)
    if match is None or any(figure.kind == "killed" for figure, _, _ in raw) or re.search(
            r"\b(?:kill|dead|died|fatal|death)", sent.text, re.IGNORECASE):
        return []
    start, end = sent.start_char + match.start(), sent.start_char + match.end()
    return [Figure("killed", 0, 0, start, end, "total", text_of(sent.doc)[start:end])]


def _zero_kinds(token: Token) -> tuple[str, ...]:
    """'no injuries' is no one wounded; 'no casualties' no one killed or wounded."""
    lemma = token.lemma_.lower()
    if lemma not in ZERO_NOUNS or token.pos_ != "NOUN" or any(c.lower_ in ("other", "further", "more", "serious")
                                                                for c in token.children):
        return ()
    return (ZERO_NOUNS[lemma],) if ZERO_NOUNS[lemma] else ("killed", "wounded")


def _fatally_of_shot(sent: Span, figures: list[Figure]) -> list[Figure]:
    """'Four people were shot, one fatally', 'two people have been shot, one of them fatally': one
    killed and three (one) wounded, not four (two) wounded."""
    found = next(((t, number) for t in sent if t.lower_ == "fatally" and (number := _count_of_the_dead(t)) is not None),
                 None)
    if found is None:
        return figures
    fatal, number = found
    killed = parse_number(number.text)
    shot = [f for f in figures if f.kind == "wounded" and f.low is not None and f.low == f.high and f.start < fatal.idx]
    if killed is None or len(shot) != 1 or shot[0].low < killed or any(f.kind == "killed" for f in figures):
        return figures
    text = text_of(sent.doc)
    start, end = number.idx, fatal.idx + len(fatal.text)
    wounded = shot[0]
    return [f for f in figures if f is not wounded] + [
        Figure("killed", killed, killed, start, end, wounded.side, text[start:end]),
        Figure("wounded", wounded.low - killed, wounded.low - killed, wounded.start, wounded.end, wounded.side,
               wounded.text)]


def _count_of_the_dead(fatally: Token) -> Token | None:
    """The number just before 'fatally', or before 'of them fatally' ('one of them fatally')."""
    doc = fatally.doc
    before = [doc[i] for i in range(max(fatally.sent.start, fatally.i - 3), fatally.i)]
    if before and before[-1].like_num:
        return before[-1]
    if len(before) == 3 and before[0].like_num and before[1].lower_ == "of" and before[2].lower_ in ("them", "those", "whom"):
        return before[0]
    return None


def _attackers_counted(sent: Span) -> bool:
    """Does the sentence count attackers elsewhere ('18 of the men who attacked ... killed')?"""
    lookup = knowledge.sides()
    for token in sent:
        if lookup.get(token.lemma_.lower()) == "attackers" and any(c.like_num for c in token.children):
            return True
        if token.dep_ == "relcl" and token.lemma_.lower() in ("attack", "storm", "raid", "ambush"):
            return True
    return False


# Words that scale the number before them ('two hundred'): the scale word carries the count.
SCALE_WORDS = ("hundred", "thousand", "million")


def _quantities(sent: Span) -> list[_Quantity]:
    quantities = []
    tokens = list(sent)
    ranges = _between_ranges(tokens)
    range_ends = {q.last.i + 2 for q in ranges}
    quantities.extend(ranges)
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.like_num and nxt is not None and (nxt.like_num and nxt.lower_ in SCALE_WORDS or nxt.lower_ == "dozen"):
            continue  # 'two hundred', 'two dozen': the scale word carries the number
        if token.i in range_ends or any(q.last.i == token.i for q in ranges):
            continue
        quantity = _quantity_at(token, tokens[max(0, i - 1)] if i else None, sent)
        if quantity is not None:
            quantities.append(quantity)
    counted = {q.last.i for q in quantities} | {_counted_noun(q.last).i for q in quantities}
    quantities.extend(_singular_casualties(sent, counted))
    return quantities


def _quantity_at(token: Token, previous: Token | None, sent: Span) -> _Quantity | None:
    if not (token.like_num or token.lower_ in SCALE_WORDS or vague_range(token.text)):
        return None  # most tokens: no number and no vague count ('dozens'), so nothing to test further
    if token.ent_type_ in EXCLUDED_ENTITIES or _is_year(token) or _is_measure(token) or _is_channel(previous):
        return None
    if token.lower_ == "dozen" and previous is not None and previous.like_num and (count := parse_number(previous.text)):
        counted = previous if token.head.i == previous.i else token  # the word the parser hangs the noun on
        return _qualified(count * 12, previous, counted, sent)  # 'nearly two dozen people': fewer than 24
    first = token
    if token.lower_ in SCALE_WORDS and previous is not None and previous.like_num:
        first = previous
    text = sent.doc[first.i: token.i + 1].text
    vague = vague_range(text) or vague_range(token.lower_)
    if vague is not None:
        low, high = vague
        return _Quantity(low, high, first, token, "vague")
    if not token.like_num or (token.lower_ == "one" and previous is not None and previous.lower_ == "no"):
        return None
    value = parse_number(text)
    if value is None or value == 0:
        return None
    return _qualified(value, first, token, sent)


def _qualified(value: int, first: Token, last: Token, sent: Span) -> _Quantity:
    """The count with the words before it that bound it ('at least 30', 'nearly two dozen')."""
    preceding = text_of(sent.doc)[max(sent.start_char, first.idx - 30): first.idx]
    (low, high), qualifier = qualify(value, preceding)
    return _Quantity(low, high, _qualifier_start(first, qualifier), last, qualifier)


# A broadcaster's name before its channel number ('WSLS 10', 'KHOU 11', 'FOX 4'): US stations' call
# signs begin with K or W, and are no English words ('WERE 16 PEOPLE' in an all-capitals report).
CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}")
NETWORKS = frozenset({"NBC", "CBS", "ABC", "FOX", "Fox", "CW", "PBS"})


def _is_channel(previous: Token | None) -> bool:
    if previous is None:
        return False
    if previous.text in NETWORKS:
        return True
    return bool(CALL_SIGN.fullmatch(previous.text)) and not previous.is_stop and previous.lower_ not in english_words()


def _between_ranges(tokens: list[Token]) -> list[_Quantity]:
    """'between 20 and 30 people' is one count from 20 to 30 (the small model often tags it DATE).
    The quantity's last token is the first number, which the parse ties to the counted noun."""
    found = []
    for i, token in enumerate(tokens[:-3]):
        low_token, conjunction, high_token = tokens[i + 1: i + 4]
        if token.lower_ != "between" or conjunction.lower_ != "and" or not (low_token.like_num and high_token.like_num):
            continue
        if _is_year(low_token) or _is_year(high_token) or _is_measure(high_token):
            continue
        low, high = parse_number(low_token.text), parse_number(high_token.text)
        if low and high and low < high:
            found.append(_Quantity(low, high, token, low_token, "between"))
    return found


def _qualifier_start(first: Token, qualifier: str | None) -> Token:
    if qualifier is None:
        return first
    doc = first.doc
    i = first.i
    while i > 0 and doc[i - 1].dep_ in ("advmod", "quantmod", "amod", "prep", "det") and first.i - i < 3:
        i -= 1
    return doc[i]


def _is_year(token: Token) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token.text))


def _is_measure(token: Token) -> bool:
    """'22-year-old', '1,340-km', '50 miles', '30 per cent' are not head counts."""
    doc = token.doc
    if token.i + 1 >= len(doc):
        return False
    last = doc[min(token.i + 3, len(doc) - 1)]  # the next three tokens' text, read from the report once
    following = text_of(doc)[doc[token.i + 1].idx: last.idx + len(last.text)].lower()
    return bool(re.match(r"^(?:-\s*)?(?:year|month|week|day|hour|minute|km|kilomet|mile|metre|meter|per ?cent|%|percent|dollars?|som|rubles?|tons?|kg)", following))


def _singular_casualties(sent: Span, taken: set[int]) -> list[_Quantity]:
    """'a Tajik border guard was killed', 'the driver died', 'killing himself' count one."""
    found = []
    for token in sent:
        if token.i in taken:
            continue
        if token.lower_ in REFLEXIVES and token.dep_ in ("dobj", "obj"):
            found.append(_Quantity(1, 1, token, token, None))
        elif token.lower_ in PERSONAL_OBJECTS and _harmed_pronoun(token):
            found.append(_Quantity(1, 1, token, token, None))  # 'someone approached him and shot him'
        elif _is_named_victim(token) or _hit_person(token) or _one_more(token):
            found.append(_Quantity(1, 1, token, token, None))
        elif (token.tag_ == "NN" or token.lower_ == "old") and token.lemma_.lower() not in COUNT_NOUNS | TOLL_NOUNS \
                and (_person_noun(token) or _hit_by_violence(token)) and \
                (token.dep_ in ("nsubjpass", "nsubj", "dobj", "conj") or _killing_of(token) or _with_wounds(token)
                 or after_to_death(token)):  # 'a 16-year-old was shot': 'old' is its head
            determiner = next((c for c in token.children if c.dep_ in ("det", "nummod", "advmod", "poss")), None)
            if determiner is not None and determiner.lower_ in ONE_PERSON_WORDS:
                found.append(_Quantity(1, 1, determiner, token, None))
            elif determiner is None and _second_of_a_pair(token):
                found.append(_Quantity(1, 1, token, token, None))  # 'a man and woman were found dead'
    return found


# Ordinals that count one more person after others: 'two were shot dead and a third was wounded'.
NEXT_ONE_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})


def _one_more(token: Token) -> bool:
    """'a third was wounded', 'a second man died', 'an officer was shot dead and another injured':
    one more person (not 'a third of the victims')."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if token.lower_ == "another":
        return not any(token.children)
    if token.lower_ not in NEXT_ONE_ORDINALS:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children) and \
        not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)


def _hit_person(token: Token) -> bool:
    """'he was shot in the chest', 'Smith was stabbed', 'Smith was hit by a stray bullet', 'the gun
    went off, hitting Raul in the leg': one person hit by violence (who died, the report's dead come
    off: see extract._survivors)."""
    verb = token.head
    if token.dep_ == "nsubjpass":
        harmed = verb.lemma_.lower() in WEAPON_HARMING_LEMMAS or gunfire_hit(verb)
    else:
        harmed = token.dep_ in ("dobj", "obj") and gunfire_hit(verb)
    return harmed and not _shot_at(verb) and _one_person(token)


# What a bullet is called when it hits someone ('hit by a stray bullet', 'a round struck him').
GUNFIRE_NOUNS = frozenset({"bullet", "gunfire", "round", "shot", "gunshot", "pellet", "buckshot", "birdshot"})
# Verbs of firing a hit hangs on ('fired a shot, hitting a man', 'the gun went off, striking her').
FIRING_LEMMAS = frozenset({"fire", "shoot", "discharge", "go", "ricochet"})
STRIKING_LEMMAS = frozenset({"hit", "strike", "graze"})


def gunfire_hit(verb: Token) -> bool:
    """'was hit by a stray bullet', 'a bullet grazed her', 'fired a round, striking the boy': a verb
    of striking whose striker is gunfire (its agent, its subject, or the firing it hangs on)."""
    if verb.lemma_.lower() not in STRIKING_LEMMAS:
        return False
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj") and child.lemma_.lower() in GUNFIRE_NOUNS:
            return True
        if child.dep_ == "agent" and any(g.dep_ == "pobj" and g.lemma_.lower() in GUNFIRE_NOUNS for g in child.children):
            return True
    if verb.dep_ in ("advcl", "acl", "xcomp", "conj", "relcl") and verb.head.i != verb.i:
        head = verb.head.lemma_.lower()
        return head in FIRING_LEMMAS or head in GUNFIRE_NOUNS
    return False


def _one_person(token: Token) -> bool:
    """A person's name (its head word: 'Smith' of 'John Smith') or 'he' / 'she' as a subject."""
    if token.lower_ in PERSONAL_SUBJECTS:
        return token.dep_ in ("nsubj", "nsubjpass")
    return token.ent_type_ == "PERSON" and token.pos_ == "PROPN" and not any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.head.children if c.i == token.i)


def _harmed_pronoun(token: Token) -> bool:
    """'shot him', 'stabbed her': the object of a harming verb (the parser often takes 'shot her
    Monday morning' for 'her morning', so right after the verb is enough)."""
    if token.dep_ in ("dobj", "obj"):
        return token.head.lemma_.lower() in WEAPON_HARMING_LEMMAS
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return previous is not None and previous.pos_ == "VERB" and previous.lemma_.lower() in WEAPON_HARMING_LEMMAS \
        and token.head.ent_type_ in ("DATE", "TIME")  # not 'shot her husband'


# Verbs whose passive subject is a person whatever the noun ('a deputy was shot', 'a special agent
# was wounded'): no list of person nouns is complete.
HARMING_LEMMAS = frozenset({"kill", "shoot", "wound", "injure", "stab", "murder", "hurt"})
# ... of which those that harm a pronoun's person only by violence ('it hurts him' is no wound).
WEAPON_HARMING_LEMMAS = HARMING_LEMMAS - {"hurt"}


def _hit_by_violence(token: Token) -> bool:
    """The passive subject of a harming verb, unless a thing ('a car was shot at', 'the post was hit')."""
    verb = token.head
    if token.dep_ != "nsubjpass" or (verb.lemma_.lower() not in HARMING_LEMMAS and not gunfire_hit(verb)):
        return False
    return not _shot_at(verb) and token.lemma_.lower() not in knowledge.target_nouns()


def _shot_at(verb: Token) -> bool:
    """'was shot at': fired on, not hit."""
    return any(c.lower_ == "at" and c.dep_ in ("prep", "prt") for c in verb.children)


def _second_of_a_pair(token: Token) -> bool:
    """'woman' in 'a man and woman', 'mother' in 'her sister and mother': a singular person joined to
    one counted with 'a' or someone's."""
    head = token.head
    if token.dep_ != "conj" or head.i >= token.i or head.tag_ != "NN" or not _person_noun(head):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in ONE_PERSON_WORDS for c in head.children)


# Verbs that kill whom they govern; 'stab' and 'shoot' kill only with 'dead' or 'to death'.
OUTRIGHT_KILLING_LEMMAS = frozenset({"kill", "murder", "assassinate", "slay", "execute", "behead", "lynch"})
KILLING_LEMMAS = OUTRIGHT_KILLING_LEMMAS | {"stab", "shoot"}
# Nouns whose 'of' names the dead: 'the shooting death of', 'the killing of', 'the fatal shooting of'.
DEATH_OF_NOUNS = frozenset({"death", "killing", "murder", "slaying", "homicide", "assassination"})


def _killing_of(token: Token) -> bool:
    """'the killing of Tyrone', 'the fatal shooting of a toddler': the person is the one killed."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "of":
        return False
    noun = preposition.head
    lemma = noun.lemma_.lower()
    if lemma == "life":  # 'claimed the lives of a father and his two daughters'
        return noun.head.lemma_.lower() in ("claim", "take") and noun.dep_ in ("dobj", "obj")
    return lemma in DEATH_OF_NOUNS or (lemma == "shooting" and any(c.lower_ in ("fatal", "deadly") for c in noun.children))


def _is_named_victim(token: Token) -> bool:
    """'General Nazarov ... was stabbed to death', 'Imomnazarov was shot dead', 'she died at the
    scene': one person killed, named or told as 'he' or 'she'."""
    if after_to_death(token) and token.pos_ == "PROPN":
        return True  # a name right after 'to death' is the victim's, whatever the entity tagger took it for
    if _a_name_killed_in_passing(token):
        return True
    if not _one_person(token):
        return False
    if _killing_of(token):
        return True
    if token.dep_ == "conj" and token.head.i < token.i:
        return _is_named_victim(token.head)  # 'Deputy Danny Oliver and Detective Michael Davis were killed'
    if token.dep_ not in ("nsubjpass", "nsubj", "dobj"):
        return False
    verb = token.head
    if token.dep_ == "nsubj" and verb.lemma_.lower() == "die":
        return True  # 'Paez, 22, died Monday'
    if _dies_after(verb) or _found_dead(verb):
        return True
    lemma = _lemma_of_cue(verb)  # 'fatally wounded' kills
    if lemma not in KILLING_LEMMAS:
        return False
    passive = verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") for c in verb.children)
    if token.dep_ != "dobj" and not passive:
        return False
    if lemma in OUTRIGHT_KILLING_LEMMAS:
        return True
    return any(t.lower_ in ("dead", "death") for t in verb.subtree)  # 'shot dead', 'stabbed to death'


def _a_name_killed_in_passing(token: Token) -> bool:
    """'opened fire on the group, killing Kendarius': a one-word name after a participle of killing
    is the person killed, though the entity tagger took an unfamiliar given name for a company (a
    group of the knowledge files stays a group)."""
    verb = token.head
    return token.dep_ == "dobj" and token.pos_ == "PROPN" and token.ent_type_ in ("", "ORG", "PERSON") \
        and not any(c.dep_ in ("compound", "poss", "det", "amod") for c in token.children) \
        and verb.tag_ == "VBG" and verb.lemma_.lower() in OUTRIGHT_KILLING_LEMMAS \
        and not any(a.start <= token.i < a.end for a in token.doc.spans.get("unmist_actors", ()))


PERSON_NOUNS = frozenset({"driver", "bomber", "gunman", "attacker", "man", "boy", "girl", "teen", "teenager", "toddler",
                          "male", "female", "father", "mother", "son", "daughter", "husband", "wife", "brother",
                          "sister", "baby", "infant", "student", "resident", "bystander", "passenger", "shooter",
                          "suspect", "kid", "friend", "neighbor", "neighbour", "cousin", "uncle", "aunt", "nephew",
                          "niece", "grandson", "granddaughter", "grandfather", "grandmother", "grandparent",
                          "stepfather", "stepmother", "stepson", "stepdaughter", "relative", "girlfriend", "boyfriend",
                          "fiance", "fiancee", "roommate", "customer", "clerk", "cashier", "hunter", "pedestrian",
                          "motorist", "homeowner", "tenant"})


def _dies_after(verb: Token) -> bool:
    """'was shot ... and died Sunday': the second verb, without a subject of its own, kills."""
    return _and_then(verb, {"die"})


def _and_then(verb: Token, lemmas: set[str] | frozenset[str]) -> bool:
    """The verb has a second verb of these, joined by 'and' and sharing its subject ('were shot
    and killed', 'was stabbed and injured'), not one with a subject of its own ('five were shot
    and one was killed')."""
    return any(c.dep_ == "conj" and c.lemma_.lower() in lemmas and not any(g.dep_.startswith("nsubj") for g in c.children)
               for c in verb.children)


def _found_dead(verb: Token) -> bool:
    """'was pronounced dead', 'were found dead'."""
    return any(c.dep_ in ("oprd", "acomp", "xcomp", "advmod") and c.lower_ == "dead" for c in verb.children)


def _person_noun(token: Token) -> bool:
    """A noun for a person: the sides table's, a few everyday ones, an age ('a 16-year-old')."""
    if token.lemma_.lower() in knowledge.sides() or token.lower_ in PERSON_NOUNS:
        return True
    return token.lower_ == "old" and token.i >= 2 and any(t.lower_ in AGE_UNITS for t in token.doc[token.i - 2: token.i])


# 'a 16-year-old', 'an 18-month old', 'a 2 week old': an age that stands for the person.
AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})


# Words that stand for more people of the kind just counted ('killing 12 people and wounding 12 more').
MORE_OF_THEM = frozenset({"more", "others", "other"})


def _counted_noun(number: Token) -> Token:
    """The noun a number counts: '28 soldiers' -> soldiers; 'wounding 12 more' -> more (the tagger's
    adjective stands for the people, as 'others' does); a bare '30' counts itself."""
    if number.dep_ in ("nummod", "quantmod", "amod", "det") and \
            (number.head.pos_ in ("NOUN", "PROPN", "PRON") or number.head.lower_ in MORE_OF_THEM):
        return number.head
    return number


def _kind_of(noun: Token, cue_kinds: dict[str, str]) -> tuple[str, Token, bool] | None:
    """Climb from the counted noun to the casualty cue that governs it."""
    node, is_part = noun, False
    for _ in range(4):
        if node.dep_ in ("conj", "appos") and node.head.i != node.i:
            is_part = is_part or node.dep_ == "appos"
            node = node.head
            continue
        if node.dep_ == "pobj" and _is_part_or_total(node.head) and node.head.head.i != node.i:
            is_part = is_part or node.head.lower_ in ("including", "among")
            node = node.head.head
            continue
        break
    kind = _kind_from_modifier(noun, cue_kinds) or _kind_from_modifier(node, cue_kinds)
    if kind:
        return kind, node, is_part
    kind = _kind_from_governor(node, cue_kinds) or _surface_passive(noun, cue_kinds) or \
        ("wounded" if _with_wounds(node) else None)
    return (kind, node, is_part) if kind else None


# Verbs of a casualty count that the count of people right after them is the object of.
OBJECT_CUES = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "behead"})


def _verb_just_before(quantity: _Quantity, noun: Token, cue_kinds: dict[str, str]) -> tuple[str, Token, bool] | None:
    """'... killed at least 30 people, including 10 children, a resistance group and local media
    said': a count of people right after a verb of violence is its object, though the parser, misled
    by the speakers after it, makes the people the subject of 'said'."""
    doc = noun.doc
    before = doc[quantity.first.i - 1] if quantity.first.i > noun.sent.start else None
    if before is None or before.pos_ != "VERB" or before.tag_ not in ("VBD", "VBN", "VBG") or \
            before.lemma_.lower() not in OBJECT_CUES or not _people(noun):
        return None
    if any(c.dep_ in ("dobj", "obj") for c in before.children):
        return None  # the verb has its object: the count is someone else's
    kind = cue_kinds.get(before.lemma_.lower())
    return (kind, before, False) if kind else None


def _people(noun: Token) -> bool:
    """Words for people: those the sides table knows, and a people by name ('nine Palestinians')."""
    return noun.lemma_.lower() in knowledge.sides() or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"))


WOUND_NOUNS = frozenset({"wound", "injury"})
# Verbs whose subject has the wound they take ('suffered a gunshot wound', 'sustained injuries').
SUFFERING_LEMMAS = frozenset({"suffer", "sustain", "receive"})
# Clauses of their own, whose 'with' tells of someone else: 'a man who was with a friend with injuries'.
OWN_CLAUSES = frozenset({"relcl", "ccomp", "conj", "advcl", "acl", "parataxis"})


def _with_wounds(noun: Token) -> bool:
    """'a 16-year-old male with an accidental gunshot wound', 'four people were taken to area
    hospitals with non-life-threatening injuries', 'were found lying in the roadway with gunshot
    wounds': people found or taken somewhere with wounds were hit (the dead among them, if the
    report tells of any, come off as for those shot)."""
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in SUFFERING_LEMMAS and any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in WOUND_NOUNS for c in noun.head.children):
        return True  # 'a 13-year-old suffered a gunshot wound to the hand'
    scope = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") else noun
    for token in scope.subtree:
        if token.i < noun.i or not (token.lower_ == "with" or (token.lower_ == "from" and token.head.lemma_.lower() == "bleed")):
            continue
        if not any(c.dep_ == "pobj" and c.lemma_.lower() in WOUND_NOUNS for c in token.children):
            continue
        path = [t for t in token.ancestors if t.i != scope.i and scope.is_ancestor(t)]
        return not any(t.dep_ in OWN_CLAUSES for t in path)
    return False


def _surface_passive(noun: Token, cue_kinds: dict[str, str]) -> str | None:
    """When the parse goes astray ('four people who helped him have been detained, Reuters reported'),
    a passive cue later in the same clause still tells what happened to the counted people, an
    adverb between ('officers were critically wounded', whose subject the parser hangs on 'were')."""
    if noun.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return None
    after_auxiliary = False
    for token in noun.doc[noun.i + 1: noun.sent.end]:
        if token.text in (",", ";", ".", ":") or _another_subject(token):
            return None  # 'Several homes were set on fire and an unknown number of people were abducted'
        if after_auxiliary and token.tag_ == "VBN" and token.lemma_.lower() in cue_kinds:
            return cue_kinds[token.lemma_.lower()]
        if not (after_auxiliary and token.tag_ == "RB"):
            after_auxiliary = token.lower_ in ("been", "were", "was")
    return None


def _another_subject(token: Token) -> bool:
    """A subject of its own, whose clause tells what happened to it; not a relative pronoun ('four
    people who helped him have been detained')."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.tag_ not in ("WP", "WDT")


COUNT_NOUNS = frozenset({"total", "number", "toll", "group", "tally", "count"})


def _is_part_or_total(preposition: Token) -> bool:
    """'including 15 assailants', 'among the dead', 'a total of 25': the number belongs to its head."""
    if preposition.lower_ in ("including", "among"):
        return True
    return preposition.lower_ == "of" and preposition.head.lemma_.lower() in COUNT_NOUNS


def _kind_from_modifier(node: Token, cue_kinds: dict[str, str]) -> str | None:
    """'12 dead', '30 injured', '42 people dead' (as 'left ... dead')."""
    for child in node.children:
        if child.dep_ in ("amod", "acl", "acomp", "oprd") and child.i > node.i and child.lemma_.lower() in cue_kinds:
            return cue_kinds[child.lemma_.lower()]
    following = node.doc[node.i + 1] if node.i + 1 < len(node.doc) else None
    if following is not None and following.lower_ in ("dead", "killed", "injured", "wounded") and following.dep_ != "ROOT":
        return cue_kinds.get(following.lemma_.lower()) or cue_kinds.get(following.lower_)
    return None


def _kind_from_governor(node: Token, cue_kinds: dict[str, str]) -> str | None:
    if (participle := _participle_after_with(node)) is not None:
        return cue_kinds.get(_lemma_of_cue(participle))
    head = node.head
    lemma = _lemma_of_cue(head)
    if node.dep_ in ("nsubj", "nsubjpass") and _dies_after(head):  # 'the child was taken to hospital and later died'
        return cue_kinds.get("die")
    if node.dep_ == "nsubjpass":  # 'was pronounced dead', 'were found shot to death'
        return cue_kinds.get(lemma) or _predicate_adjective(head, cue_kinds) or _completing_participle(head, cue_kinds)
    if node.dep_ == "nsubj" and _lost_lives(head):
        return cue_kinds.get("die")
    if node.dep_ == "nsubj":
        if lemma in INTRANSITIVE_CUES or (head.tag_ == "VBN" and not any(c.dep_ in ("dobj", "aux") for c in head.children)):
            return cue_kinds.get(lemma)
        return _predicate_adjective(head, cue_kinds) or _passive_clause_cue(head, cue_kinds)
    if node.dep_ in ("dobj", "obj"):
        if lemma in cue_kinds and lemma not in INTRANSITIVE_CUES:
            return cue_kinds[lemma]
        return _predicate_adjective(head, cue_kinds)
    if node.dep_ == "pobj":
        return cue_kinds.get("kill") if after_to_death(node) else _toll(node, cue_kinds)
    if node.lower_ in PERSONAL_OBJECTS and _harmed_pronoun(node):  # 'shot her Monday', parsed 'her Monday'
        return cue_kinds.get(_lemma_of_cue(node.doc[node.i - 1]))
    return None


def _participle_after_with(node: Token) -> Token | None:
    """'five were killed, with dozens more wounded', '47 dead, with dozens more, soldiers and
    civilians alike, wounded': the participle after 'with' and its quantity tells what happened to
    them (the parser hangs the quantity on 'with' or makes it the participle's subject)."""
    if node.dep_ == "pobj" and node.head.lower_ == "with":
        after = node.right_edge.i + 1  # past what the quantity's own words add ('more, soldiers and civilians alike')
        while after < len(node.doc) and node.doc[after].is_punct:
            after += 1
        if after == len(node.doc):
            return None
        participle = node.doc[after]
    elif node.dep_ == "nsubj" and (node.head.dep_ == "pcomp" and node.head.head.lower_ == "with"
                                   or any(c.dep_ == "mark" and c.lower_ == "with" for c in node.head.children)):
        participle = node.head
    else:
        return None
    return participle if participle.i > node.i and participle.tag_ in ("VBN", "VBD", "JJ") else None


def _lost_lives(verb: Token) -> bool:
    """'three civilians lost their lives': they died."""
    return verb.lemma_.lower() == "lose" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ("life", "lives")
                                                 for c in verb.children)


def _completing_participle(verb: Token, cue_kinds: dict[str, str]) -> str | None:
    """'A man and a boy were found shot to death', 'a woman was found shot in the leg': the
    participle that completes a verb of finding tells what happened to its subject."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "oprd") and child.tag_ == "VBN":
            return cue_kinds.get(_lemma_of_cue(child))
    return None


def _passive_clause_cue(verb: Token, cue_kinds: dict[str, str]) -> str | None:
    """'A boy is recovering after being shot': a passive clause without a subject of its own tells
    what happened to the subject of the clause it hangs on."""
    clauses = [c for c in verb.children if c.dep_ == "advcl"] + [
        c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"]  # 'after being shot'
    for clause in clauses:
        if any(c.dep_.startswith("nsubj") for c in clause.children):
            continue
        if any(c.dep_ == "auxpass" and c.lower_ == "being" for c in clause.children):
            return cue_kinds.get(_lemma_of_cue(clause))
    return None


def _lemma_of_cue(token: Token) -> str:
    """The cue a verb stands for: 'shot' wounds, 'fatally shot' / 'shot dead' kills, and so does
    'fatally wounded' / 'mortally injured'."""
    lemma = token.lemma_.lower()
    if lemma in ("wound", "injure", "stab") and any(c.lower_ in ("fatally", "mortally") for c in token.children):
        return "kill"
    if to_death(token):
        return "kill"  # 'stabbed to death', 'beaten to death', 'burned to death'
    if lemma == "stab" and token.pos_ == "VERB":
        return "wound"  # 'a man was stabbed': as 'shot', hurt unless the report says he died
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return "shoot_down"  # 'shot down 14 drones', 'a helicopter was shot down': aircraft downed, no one hit
    if (lemma == "shoot" and token.pos_ == "VERB") or gunfire_hit(token):
        fatal = any(c.lower_ in ("fatally", "dead") for c in token.children) or _dies_after(token) or \
            any(t.lower_ == "death" for t in token.subtree) or _shot_and_killed(token)
        return "kill" if fatal else "wound"
    return lemma


# Verbs whose 'to death' is a sentence or a figure of speech, not a killing: 'sentenced to death',
# 'scared to death'.
NOT_KILLING_TO_DEATH = frozenset({"sentence", "condemn", "scare", "frighten", "bore", "worry", "love", "tickle"})


def to_death(verb: Token) -> bool:
    """'stabbed to death', 'beaten to death', 'hacked to death': whatever the verb, 'to death' kills
    (a sentence or a fright aside)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in NOT_KILLING_TO_DEATH:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "death"
               for c in verb.children)


def after_to_death(token: Token) -> bool:
    """'stabbed to death Major-General Abdullo Nazarov': the parser takes the victim for the object
    of 'to' ('death' a modifier of the name); the verb's 'to death' kills them all the same."""
    to = token.head
    return token.dep_ == "pobj" and to.lower_ == "to" and token.i > to.i + 1 and to_death(to.head)


def _shot_and_killed(verb: Token) -> bool:
    """'were shot and killed': the people shot died ('five were shot and one was killed': one of them)."""
    return verb.lemma_.lower() == "shoot" and _and_then(verb, {"kill"})


def _hit_and_hurt(verb: Token) -> bool:
    """'A teacher was shot and wounded', 'two men were stabbed and injured': hurt and alive, which a
    death told elsewhere in the report does not take from them ('three were shot and two were
    wounded' counts two groups)."""
    return verb.lemma_.lower() in HIT_LEMMAS and _and_then(verb, HURT_LEMMAS)


def _predicate_adjective(verb: Token, cue_kinds: dict[str, str]) -> str | None:
    """'left 42 people dead', 'were dead', 'leaving one Tajik serviceman dead'."""
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp") and child.lemma_.lower() in cue_kinds:
            return cue_kinds[child.lemma_.lower()]
    if verb.lemma_.lower() == "leave":  # the parser often hangs 'dead' on the noun instead of the verb
        for token in verb.doc[verb.i + 1: verb.i + 8]:
            if token.lower_ in ADJACENT_CUES and token.pos_ == "ADJ" or token.lower_ in ("dead", "injured", "wounded"):
                return ADJACENT_CUES[token.lower_]
    return None


TOLL_NOUNS = frozenset({"toll", "number", "total", "count", "tally", "figure"})
TOLL_GOVERNORS = TOLL_VERBS | frozenset({"bring", "raise", "push", "take", "put", "lift", "revise"})


def _toll(node: Token, cue_kinds: dict[str, str]) -> str | None:
    """'the death toll stands at 25', 'the number of dead had risen to 14', 'bringing the total to 94',
    'a toll of 25', 'the lives of 15 people'."""
    preposition = node.head
    governor = preposition.head
    if _killing_of(node) or (preposition.lower_ == "of" and governor.lemma_.lower() in ("toll", "life")):
        return "killed"
    if governor.lower_ in ("down", "up") and governor.dep_ in ("advmod", "prt"):
        governor = governor.head  # 'revised the death toll ... down to 84'
    if preposition.lower_ not in ("at", "to") or governor.lemma_.lower() not in TOLL_GOVERNORS:
        return None
    toll = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in TOLL_NOUNS), None)
    if toll is None:
        return None
    words = " ".join(t.lemma_.lower() for t in toll.subtree)
    if re.search(r"injur|wound|hurt", words):
        return "wounded"
    if re.search(r"arrest|detain|detention", words):
        return "arrested"
    if re.search(r"dead|death|kill|fatal|toll", words):
        return "killed"
    other = {cue_kinds.get(t.lemma_.lower()) for t in governor.sent if t.lemma_.lower() in cue_kinds}
    return "killed" if other == {"killed"} or not other - {None} else None


def _side(noun: Token, number: Token) -> str:
    """Whose dead these are: attackers, security, civilians, or a total."""
    lookup = knowledge.sides()
    target = noun
    if noun is number:  # 'seven of the attackers', '30 more'
        of_phrase = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        objects = [c for c in of_phrase.children if c.dep_ == "pobj"] if of_phrase is not None else []
        if not objects:
            return "total"
        target = objects[0]
    compound = " ".join(t.lemma_.lower() for t in target.lefts if t.dep_ == "compound") + " " + target.lemma_.lower()
    return lookup.get(compound.strip()) or lookup.get(target.lemma_.lower()) or lookup.get(target.lower_) or "total"


def _figure_extent(quantity: _Quantity, noun: Token, root: Token) -> tuple[int, int]:
    tokens = [quantity.first, quantity.last, noun]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    head = root.head if root.dep_ in ("nsubjpass", "nsubj", "dobj", "obj") else None
    if head is not None and abs(head.i - noun.i) <= 6:
        start = min(start, head.idx)
        end = max(end, head.idx + len(head.text))
    return start, end


def _merge_chains(raw: list[tuple[Figure, Token, bool]]) -> list[Figure]:
    """Sum figures joined by 'and' under one cue; drop parts of a stated total."""
    by_chain: dict[tuple[int, str], list[tuple[Figure, bool]]] = {}
    for figure, root, is_part in raw:
        by_chain.setdefault((_chain_root(root).i, figure.kind), []).append((figure, is_part))
    merged = []
    for (_, kind), members in by_chain.items():
        totals = [f for f, part in members if not part]
        parts = [f for f, part in members if part]
        if len(totals) > 1:
            merged.append(_chain_sum(kind, totals))
        elif totals:
            merged.append(totals[0])
        else:
            merged.append(_chain_sum(kind, parts))
    return sorted(merged, key=lambda f: f.start)


def _chain_root(root: Token) -> Token:
    """The first of two subjects of one verb joined by 'and', which the parser hung on the verb side by
    side ('Eight personnel of the District Reserve Guard and their driver were killed'): one chain."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return root
    subjects = [c for c in root.head.children if c.dep_ == root.dep_]
    first = subjects[0]
    doc = root.doc
    # not a part told apart by commas ('Six people were killed, two of them embassy employees, and
    # at least 10 were wounded': the parser may hang 'employees' on 'wounded' too)
    joined = first.i != root.i and any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children) \
        and not any(t.text == "," for t in doc[first.left_edge.i:root.left_edge.i])
    return first if joined else root


def _chain_sum(kind: str, figures: list[Figure]) -> Figure:
    """The sum of counts under one cue: 'Gunfire struck Milner and three others' hit four, Milner
    among them, though 'three others' alone would count only those besides the dead."""
    total = sum_figures(kind, figures)
    return replace(total, shot=any(f.shot for f in figures)) if len(figures) > 1 else total


def sum_figures(kind: str, figures: list[Figure]) -> Figure:
    """Separate counts with no stated total add up: 'nine police officers and 13 attackers' = 22."""
    if len(figures) == 1:
        return figures[0]
    lows = [f.low for f in figures]
    highs = [f.high for f in figures]
    low = sum(v for v in lows if v is not None) if any(v is not None for v in lows) else None
    high = None if any(v is None for v in highs) else sum(highs)
    sides = {f.side for f in figures}
    start, end = min(f.start for f in figures), max(f.end for f in figures)
    text = figures[0].text if start == figures[0].start and end == figures[0].end else None
    return Figure(kind, low, high, start, end, sides.pop() if len(sides) == 1 else "total", text or "", None,
                  all(f.shot for f in figures))
