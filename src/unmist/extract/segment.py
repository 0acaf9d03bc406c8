"""Incident segmentation: which sentences of one report tell of which incident.

A report tells of its main incident first, then recalls earlier ones in background paragraphs
("On Aug. 25, five prison guards were killed ..."), and talks of threats and policy that are not
incidents at all.  Sentences that state an event (a realis trigger or a casualty figure) are
walked in order: an event date that fits no incident told so far, or a date relative to the
current incident ("one month later"), opens a new incident; a sentence with no date of its own
continues the current one, which is how anaphora ("the attack", "the ambush") is resolved.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from .. import knowledge
from .dates import DateExpr, Resolved, compatible, resolve
from .actors import ATTACKER_NOUNS, CLAIM, NO_CLAIM, VIOLENT_VERBS
from .components import MODALS
from .figures import Figure
from .names import OFFICIAL_TITLES, official
from .nlp import entities_in, has_past_perfect, in_a_dateline, text_of, written_as_a_headline
from .victims import effect_of

# Date expressions, most specific first: when a sentence has several, this one dates the event.
DATE_SPECIFICITY = {"absolute": 0, "day_month": 1, "weekday": 2, "relative": 3, "weekend": 4, "anchor": 4,
                    "month_year": 5, "month": 6, "season": 7, "period": 8, "year": 9}
# Triggers of these types never open an incident by themselves: arrests follow incidents.
ATTACH_ONLY_TYPES = frozenset({"arrest"})
CASUALTY_KINDS = frozenset({"killed", "wounded", "captured", "escaped"})
CASUALTY_LEMMAS = frozenset({"kill", "die", "wound", "injure", "shoot", "stab"})
# Verbs whose date is when a victim died, which may be days after the attack ('died Wednesday
# after being shot Monday'): the attack's own date, when the sentence gives one, dates the incident.
AFTERMATH_LEMMAS = frozenset({"die", "succumb"})
# Verbs whose date is the date of saying or of making known, not of the event ('on Thursday
# claimed responsibility', 'identified the victim Monday', 'posted about the shooting Friday').
SAYING_VERBS = frozenset({"claim", "accuse", "blame", "vow", "threaten", "quote", "cite", "say", "tell", "post",
                          "publish", "tweet", "identify", "name", "release", "issue"})
SAYING_NOUNS = frozenset({"briefing", "statement", "interview", "conference", "announcement", "press", "speech",
                          "report", "video", "message", "post", "claim"})
# Verbs of the legal aftermath, whose date is when a suspect was charged or tried, days or months
# after the incident ('was arraigned Tuesday in the shooting of ...', 'was arrested Saturday', 'filed
# charges Friday', 'a grand jury ruled on Tuesday').  Arrests never open an incident (ATTACH_ONLY_TYPES),
# so the day of one dates no attack.
LEGAL_VERBS = frozenset({"charge", "arraign", "sentence", "plead", "indict", "convict", "book", "acquit", "testify",
                         "arrest", "file", "rule", "extradite"})
# ... and of the other aftermath: the search for the attackers, the funeral, the court date ('police
# were searching late Tuesday for two suspects in a shooting', 'funeral services will be held Friday').
AFTERMATH_VERBS = frozenset({"search", "hunt", "mourn", "bury", "attend", "appear", "face", "surrender", "schedule",
                             "mark", "celebrate"})  # an anniversary, a birthday: 'Sunday marks two years since'
AFTERMATH_NOUNS = frozenset({"funeral", "vigil", "service", "memorial", "hearing", "manhunt", "arraignment", "trial",
                             "court", "courtroom", "indictment", "bond", "bail", "warrant", "arrest", "appearance",
                             "plea", "judge", "jury", "custody", "conference", "briefing", "autopsy", "search",
                             "toll"})  # 'The death toll rose to 101 on Tuesday': the day of a count, not of the blast
COARSE_DATES = frozenset({"month", "month_year", "year", "season", "span", "period"})
# Words that tie people to an incident even when no known group or trigger is in the sentence.
RESPONSIBILITY_WORDS = ("convicted", "sentenced", "found guilty", "the bomber was", "the attacker was", "loyal to",
                        "supporters of", "followers of", "ordered by", "carried out by", "masterminded",
                        "responsible for the", "is behind", "are behind", "was behind", "were behind")
# A sentence that only adds to an incident (a claim, an arrest) is read with it when it comes at
# most this many paragraphs after the incident's last sentence; farther on, reports move on.
SUPPORT_PARAGRAPHS = 1
# ... or this many, while the report has told only one incident (a single-incident story keeps
# adding to it: the suspects, the claim, who the attackers were).
SINGLE_INCIDENT_SUPPORT_PARAGRAPHS = 3
# The first incident told within this many paragraphs is the report's main incident (title = 0).
CORE_PARAGRAPHS = 4
# The lead: the title and the first body paragraph(s) tell the report's main incident.
LEAD_PARAGRAPHS = 2
CLAIM_WORDS = ("responsib", "claim", "credit", "blame", "accus", "behind", "denied", "carried out by", "suspect",
               "believ", "belong", "member", "affiliat", "loyal", "link", "follower", "ordered by",
               "the bomber", "the attacker", "the gunman", "convicted", "sentenced", "statement", "ordered the",
               "planned the", "committed the", "carried out the", "planted the", "detonated the")


@dataclass
class SentenceFacts:
    sent: Span
    index: int
    paragraph: int
    triggers: list[Span]
    figures: list[Figure]
    dates: list[DateExpr]
    places: list[Span]
    actors: list[Span]
    trigger_dates: frozenset[int] = frozenset()  # starts of dates that modify a trigger ('Sunday's attack')
    dated_triggers: frozenset[int] = frozenset()  # token index of triggers such a date modifies
    date_governors: dict[int, int] = field(default_factory=dict)  # date start -> the trigger it dates
    personal_dates: frozenset[int] = frozenset()  # starts of dates of what a person did ('who was questioned then')
    earlier: bool = False  # a clause that tells of an earlier incident inside a sentence about another
    set_apart: tuple[tuple[int, int], ...] = ()  # character ranges of the sentence's earlier clauses

    def owns(self, start_char: int) -> bool:
        """The character is in what these facts tell: in their words, not in an earlier clause."""
        return self.sent.start_char <= start_char < self.sent.end_char and not any(
            start <= start_char < end for start, end in self.set_apart)

    @property
    def new_event(self) -> bool:
        """States an event in its own words, not only by reference ('the attack') to one told before."""
        return any(not t._.unmist_trigger["anaphoric"] for t in self.strong_triggers) or any(
            _tells_casualties(f) for f in self.figures)

    @property
    def strong_triggers(self) -> list[Span]:
        """Triggers that state one event: not arrests, and plurals only when the sentence dates them
        ('Skirmishes that began on Wednesday')."""
        return [t for t in self.triggers if t.label_ not in ATTACH_ONLY_TYPES and not _befalls_the_attacker(t)
                and (t.root.i in self.dated_triggers or not t._.unmist_trigger["generic"])]

    @property
    def is_period_statement(self) -> bool:
        """'tens of thousands died in the 1990s', 'in the last three years': not one incident."""
        return any(d.kind == "span" for d in self.dates) and all(d.kind == "span" for d in self.dates)

    @property
    def is_event(self) -> bool:
        if self.is_period_statement:
            return False
        return bool(self.strong_triggers) or any(_tells_casualties(f) for f in self.figures) or \
            _the_incident_happened(self.sent)

    @property
    def supports(self) -> bool:
        """Not an event itself, but says something about one: a claim, a blame, an arrest figure."""
        if self.is_period_statement:
            return False
        lowered = self.sent.text.lower()
        if NO_CLAIM.search(self.sent.text) or CLAIM.search(self.sent.text) or NAMES_THE_VICTIMS.search(self.sent.text):
            return True
        if any(w in lowered for w in RESPONSIBILITY_WORDS):
            return True
        return bool(self.figures) or (bool(self.actors) and any(w in lowered for w in CLAIM_WORDS)) or bool(
            self.triggers and any(w in lowered for w in CLAIM_WORDS))


def _the_incident_happened(sent: Span) -> bool:
    """'The killings happened in the village of ... on Sept. 15', 'The massacre took place at dawn':
    where and when of an incident the report named before, by a noun that is no trigger."""
    return bool(_happenings(sent))


def _happenings(sent: Span) -> list[Token]:
    """The verbs of the sentence that say an incident named again happened ('The attack took place')."""
    return [t.head for t in sent if t.dep_ == "nsubj" and t.lemma_.lower() in EVENT_NOUNS and _happened(t.head)
            and any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in t.children)]


def _happened(verb: Token) -> bool:
    return verb.lemma_.lower() in OCCURRENCE_VERBS or (
        verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children))


# 'The victim was identified as ...', 'the dead have been named as ...': who the incident hit.
# ... and 'The victim, Rahul Sharma, was travelling with a friend'.
NAMES_THE_VICTIMS = re.compile(r"\b(?:victims?|dead|deceased)\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
                               r"(?:identified|named)\s+as\b"
                               r"|^\s*the\s+(?:victims?|deceased|dead\s+(?:man|woman|boy|girl)),\s+(?-i:[A-Z])", re.IGNORECASE)


def _befalls_the_attacker(trigger: Span) -> bool:
    """'The bomber was reportedly shot by guards', 'the gunman was killed by police': guards or police
    answered the attack told already; that is no new incident."""
    return any(child.dep_ == "nsubjpass" and child.lemma_.lower() in ATTACKER_NOUNS for child in trigger.root.children)


def _says_none_died(facts: SentenceFacts) -> bool:
    """'He was treated and released', 'three others are in stable condition': said of the victims
    of the one incident a report tells, however far down the story it comes."""
    return bool(facts.figures) and all(f.kind == "killed" and f.high == 0 for f in facts.figures)


def _tells_casualties(figure: Figure) -> bool:
    """'Three were killed' tells of an event; 'no one was hurt' only adds to one told already."""
    return figure.kind in CASUALTY_KINDS and figure.high != 0


@dataclass
class Draft:
    """An incident as this report tells it, before its values are read off."""

    sentences: list[SentenceFacts] = field(default_factory=list)
    date_expr: DateExpr | None = None
    date: Resolved | None = None
    core: bool = False
    date_on_trigger: bool = False  # the date modifies the event word itself ('the fighting broke out on ...')

    @property
    def family(self) -> str | None:
        return _strongest_family([t for s in self.sentences for t in s.strong_triggers])


def _strongest_family(triggers: list[Span]) -> str | None:
    """The family of the most specific trigger (suicide bombing over attack), or None."""
    types = [t.label_ for t in triggers]
    return knowledge.type_family(max(types, key=knowledge.type_priority)) if types else None


def sentence_facts(doc: Doc, published: date | None = None) -> list[SentenceFacts]:
    """What each sentence holds, from the span groups the rule components wrote; a clause that
    tells of an earlier incident (see _earlier_clauses) follows its sentence as facts of its own."""
    sentences = list(doc.sents)
    token_starts = [sent.start for sent in sentences]
    char_starts = [sent.start_char for sent in sentences]
    triggers = _by_sentence(doc.spans["unmist_triggers"], token_starts, lambda t: t.start)
    places = _by_sentence(doc.spans["unmist_places"], token_starts, lambda p: p.start)
    actors = _by_sentence(doc.spans["unmist_actors"], token_starts, lambda a: a.start)
    figures = _by_sentence(doc._.unmist_figures, char_starts, lambda f: f.start)
    dates = _by_sentence(doc._.unmist_dates, char_starts, lambda d: d.start)
    facts = []
    paragraph = 0
    previous_end = 0
    for index, sent in enumerate(sentences):
        paragraph += text_of(doc).count("\n\n", previous_end, sent.start_char)
        previous_end = sent.start_char
        governors, personal = _trigger_dates(doc, sent, triggers[index], dates[index])
        whole = SentenceFacts(
            sent=sent, index=index, paragraph=paragraph,
            triggers=[t for t in triggers[index] if not t._.unmist_trigger["irrealis"]],
            figures=[f for f in figures[index] if f.start < sent.end_char],
            dates=[d for d in dates[index] if d.start < sent.end_char and is_event_date(doc, d)],
            places=places[index],
            actors=actors[index],
            trigger_dates=frozenset(governors),
            dated_triggers=frozenset(governors.values()),
            date_governors=governors,
            personal_dates=personal,
        )
        clauses = _earlier_clauses(whole, published)
        facts.append(_without(whole, clauses))
        facts.extend(_clause_facts(whole, clause) for clause in clauses)
    return facts


# Units of a stated time between two incidents ('weeks after a car bomb killed 12'); hours and
# minutes measure how one incident unfolds.
EARLIER_UNITS = frozenset({"day", "week", "month", "year", "decade"})
EARLIER_MARKS = frozenset({"after", "since"})


def _earlier_clauses(facts: SentenceFacts, published: date | None) -> list[Span]:
    """Clauses that tell of an earlier incident inside a sentence about another one: a relative
    clause with a date of its own weeks before ('the road to Biu, where a suicide bomber killed 20
    people in June 2023'; 'Khan, who had survived a bombing in Bannu two years ago, was shot'), or
    an incident a stated time before ('weeks after a car bomb at a nearby hotel killed 12 people'),
    or the deed an incident avenges ('in retaliation for the killing of nine soldiers'), which is
    never the sentence's own incident, whatever else the sentence tells.
    Read with the sentence, its toll, date and type were taken for the sentence's own incident.
    The clause tells its incident in its own words, and the rest of the sentence an event of its
    own."""
    clauses = []
    for token in facts.sent:
        avenged = _a_deed_avenged(token)
        clause = _relative_clause_of_the_past(token, facts, published) or _a_time_before(token) or avenged
        if clause is None or any(c.start <= clause.start < c.end for c in clauses):
            continue
        if _tells_an_event(facts, clause, inside=True) and \
                (avenged is not None or _tells_an_event(facts, clause, inside=False)):
            clauses.append(clause)  # an avenged deed is never the sentence's own incident
    return clauses


def _relative_clause_of_the_past(token: Token, facts: SentenceFacts, published: date | None) -> Span | None:
    """A relative clause on a noun that is no event ('the attack, which killed 12' tells the same
    one), with a date in it more than AFTERMATH_DAYS before the report's."""
    if token.dep_ != "relcl" or _names_an_event(token.head) or published is None:
        return None
    clause = _subtree_span(token)
    for expr in facts.dates:
        if clause.start_char <= expr.start < clause.end_char and expr.kind != "span":
            window = resolve(expr, published, None)
            last_day = window.end or window.start
            if last_day is not None and (published - last_day).days > AFTERMATH_DAYS:
                return clause
    return None


def _a_time_before(token: Token) -> Span | None:
    """The clause or phrase after 'weeks after', 'a day after', 'two years since', where what the
    sentence tells before it is an incident ('The shooting came a day after a 2-year-old boy died
    after being shot', 'A girl was shot Friday, two days after a 3-year-old was killed').  Not
    'the day after' (the same incident's sequel), nor after an arrest, a charge or a death ('A day
    after police said a boy shot himself, investigators charged the boy'; 'He died two days after
    he was shot')."""
    if token.lower_ not in EARLIER_MARKS or token.dep_ not in ("mark", "prep"):
        return None
    clause_head = token.head if token.dep_ == "mark" else token
    measured = [c for c in [*token.children, *clause_head.children] if c.dep_ == "npadvmod"
                and c.lemma_.lower() in EARLIER_UNITS and not any(d.lower_ == "the" for d in c.children)]
    if not measured or not _an_incident_told(clause_head.head if token.dep_ == "mark" else token.head, clause_head):
        return None
    if token.dep_ == "mark":
        return _subtree_span(clause_head, skip={measured[0].i, token.i})
    objects = [c for c in token.children if c.dep_ in ("pobj", "pcomp")]
    return _subtree_span(objects[0]) if objects else None


# Nouns of a deed done back for another ('in retaliation for the killing of nine soldiers').
AVENGING_NOUNS = frozenset({"retaliation", "revenge", "reprisal", "vengeance", "retribution"})


def _a_deed_avenged(token: Token) -> Span | None:
    """The deed an incident avenges ('in retaliation for the killing of nine Turkish soldiers', 'in
    revenge for an ambush that killed 20 soldiers', 'to avenge the deaths of 12 herders'): an
    earlier incident, whose toll is not the avenging one's."""
    if token.lower_ == "for" and token.dep_ == "prep" and token.i > 0 \
            and token.doc[token.i - 1].lemma_.lower() in AVENGING_NOUNS:
        objects = [c for c in token.children if c.dep_ in ("pobj", "pcomp")]
    elif token.lemma_.lower() == "avenge" and token.pos_ == "VERB":
        objects = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    else:
        return None
    return _subtree_span(objects[0]) if objects else None


def _subtree_span(token: Token, skip: frozenset[int] | set[int] = frozenset()) -> Span:
    """The words under ``token``, from the first to the last, less the words under those in ``skip``
    ('weeks after' of the clause they measure)."""
    skipped = {t.i for k in skip for t in token.doc[k].subtree}
    words = [t.i for t in token.subtree if t.i not in skipped]
    return token.doc[min(words):max(words) + 1]


def _tells_an_event(facts: SentenceFacts, clause: Span, inside: bool) -> bool:
    """A trigger or a casualty figure of the sentence in the clause (``inside``), or outside it."""
    def within(start_char: int) -> bool:
        return (clause.start_char <= start_char < clause.end_char) == inside
    triggers = [t for t in facts.triggers if t.label_ not in ATTACH_ONLY_TYPES and within(t.start_char)]
    if inside:  # the earlier incident is told in its own words, not by reference
        triggers = [t for t in triggers if not t._.unmist_trigger["anaphoric"] and not t._.unmist_trigger["generic"]]
    return bool(triggers) or any(_tells_casualties(f) and within(f.start) for f in facts.figures)


def _an_incident_told(host: Token, clause_head: Token) -> bool:
    """The word a time clause hangs on tells an incident: a verb of violence, or of happening with an
    event for its subject ('The shooting came ...'), not a death or the legal aftermath."""
    if host.lemma_.lower() in SAYING_VERBS:  # 'A bomb killed three, police said, weeks after ...': what was said
        host = next((c for c in host.children if c.dep_ in ("ccomp", "parataxis") and c.i < host.i
                     and c.i != clause_head.i), host)
    lemma = host.lemma_.lower()
    if lemma in AFTERMATH_LEMMAS or _tells_the_aftermath(host):
        return False
    if lemma in OCCURRENCE_VERBS | {"come"}:
        return any(c.dep_ in ("nsubj", "nsubjpass") and _names_an_event(c) for c in host.children)
    return _of_violence(host)


def _without(facts: SentenceFacts, clauses: list[Span]) -> SentenceFacts:
    """The sentence's facts less those in its earlier clauses."""
    if not clauses:
        return facts
    rest = _facts_within(facts, facts.sent, lambda start: not any(c.start_char <= start < c.end_char for c in clauses))
    rest.set_apart = tuple((c.start_char, c.end_char) for c in clauses)
    return rest


def _clause_facts(facts: SentenceFacts, clause: Span) -> SentenceFacts:
    """The facts of one earlier clause, read as a sentence of its own."""
    earlier = _facts_within(facts, clause, lambda start: clause.start_char <= start < clause.end_char)
    earlier.earlier = True
    return earlier


def _facts_within(facts: SentenceFacts, sent: Span, keep) -> SentenceFacts:
    """The sentence's facts that start at a character ``keep`` accepts, read over ``sent``."""
    doc = facts.sent.doc
    governors = {start: trigger for start, trigger in facts.date_governors.items() if keep(start)}
    return SentenceFacts(
        sent=sent, index=facts.index, paragraph=facts.paragraph,
        triggers=[t for t in facts.triggers if keep(t.start_char)],
        figures=[f for f in facts.figures if keep(f.start)],
        dates=[d for d in facts.dates if keep(d.start)],
        places=[p for p in facts.places if keep(p.start_char)],
        actors=[a for a in facts.actors if keep(a.start_char)],
        trigger_dates=frozenset(governors),
        dated_triggers=frozenset(t for t in facts.dated_triggers if keep(doc[t].idx)),
        date_governors=governors,
        personal_dates=frozenset(start for start in facts.personal_dates if keep(start)),
    )


def _by_sentence(items, sentence_starts: list[int], start_of) -> list[list]:
    """Each sentence's items (spans by token, figures and dates by character), in their own order.
    One pass instead of one scan of every item per sentence: a long report has hundreds of both."""
    grouped: list[list] = [[] for _ in sentence_starts]
    for item in items:
        index = bisect_right(sentence_starts, start_of(item)) - 1
        if index >= 0:
            grouped[index].append(item)
    return grouped


# A web page's own time stamp ('Posted: Monday, November 3, 2014 4:20 PM EST Updated: ...', 'Last
# updated at 10:39 a.m. on Sunday, Nov. 27'): when the page went up or changed, not when anything it
# tells of happened.
PAGE_STAMP = re.compile(r"\b(?:posted|updated|published|last\s+modified)"
                        r"(?:\s+at\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,4})?)?(?:\s+on)?\s*:?\s*"
                        r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?$", re.IGNORECASE)
STAMP_REACH = 50


def is_event_date(doc: Doc, expr: DateExpr) -> bool:
    """False for the date of a statement ('said on Wednesday', 'on Thursday claimed'), a page's stamp
    or a wire's dateline ('NIAMEY, Dec 11 (Reuters) -': the day it was filed)."""
    if PAGE_STAMP.search(text_of(doc), max(0, expr.start - STAMP_REACH), expr.start) or _in_the_dateline(doc, expr):
        return False
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return True
    if expr.kind in COARSE_DATES:  # 'In May, the group claimed ...': a month dates the claim and the event alike,
        return not _dates_the_legal_aftermath(span)  # not the plea and the shooting ('pleaded guilty in May')
    nearby = list(itertools.takewhile(lambda t: not t.is_punct, doc[span.end: span.end + 2]))  # not ', said' after a clause
    if any(t.lemma_.lower() in SAYING_VERBS | knowledge.cue_verbs() and t.pos_ in ("VERB", "AUX") for t in nearby):
        return False  # 'on Thursday claimed responsibility'
    return not _after_a_court_day(span) and _governor_is_event(span)


def _in_the_dateline(doc: Doc, expr: DateExpr) -> bool:
    """The date stands in the dateline that opens its line, as ingest reads datelines."""
    return in_a_dateline(doc, expr.start)


# Words right before a date that make it the day of a court's business, wherever the parse hangs the date
# ('in court on Wednesday, the prosecutor said', 'at his arraignment Tuesday'); 'court' alone is also where
# people play ('on the basketball court Sunday'), so it counts only in 'in court'.
COURT_DAY_WORDS = frozenset({"hearing", "arraignment", "trial", "sentencing"})


def _after_a_court_day(span: Span) -> bool:
    doc = span.doc
    before = [doc[i].lower_ for i in range(max(0, span.start - 2), span.start)]
    return before[-2:] == ["in", "court"] or (bool(before) and before[-1] in COURT_DAY_WORDS)


def _governor_is_event(span: Span) -> bool:
    """Climb from the date to the word it modifies: a noun ('the Sept. 19 ambush') or a verb."""
    token = span.root
    if _the_service_they_were_attending(token):
        return True
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return not _verbless_clause_of_an_aftermath(token)
        if span.start <= head.i < span.end or head.pos_ == "ADP":
            token = head
            continue
        if head.pos_ in ("NOUN", "PROPN"):
            # 'at a briefing on Tuesday' dates the briefing, 'the funeral on Friday' the funeral,
            # 'the Sept. 19 ambush' the ambush; a noun that is no event ('97 years in prison Tuesday',
            # 'after noon today') is where the parser hung the date: the verb above says what it dates
            lemma = head.lemma_.lower()
            if (lemma in SAYING_NOUNS and not _a_guard_post(head)) or lemma in AFTERMATH_NOUNS:
                return False
            if _names_an_event(head):
                return True
        if head.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll") for c in head.children):
                return False  # 'the school will reopen Monday': what is to come is no incident told
            if _a_gathering_hit(head):
                return True
            if _tells_the_aftermath(head):
                return False  # 'was charged Tuesday in the shooting': the day of the charge
            if head.dep_ == "acl" and head.head.lemma_.lower() in SAYING_NOUNS:
                return False  # 'in a statement read on state television on Thursday': the statement's day
            if _aside(head):
                return False  # 'Pizarro, former leader of the group that laid down its weapons on 9 March, was killed'
            return head.lemma_.lower() not in SAYING_VERBS | knowledge.cue_verbs() or head.lemma_.lower() == "report" \
                or _told_before_its_source(head, span)
        token = head
    return True


# Services of worship a weekday names ('Sunday Mass', 'Friday prayers').
WORSHIP_NOUNS = frozenset({"mass", "prayer", "service", "worship"})


def _the_service_they_were_attending(day: Token) -> bool:
    """'killed at least seven people attending Sunday Mass': the day of the service those hit were
    attending is the attack's (attending a service is otherwise an aftermath, as at a funeral)."""
    service = day.head
    return day.dep_ == "compound" and service.lemma_.lower() in WORSHIP_NOUNS \
        and service.head.tag_ == "VBG" and service.head.dep_ == "acl"


# Verbs of striking, whose object was hit ('two explosions struck a ceremony').
STRIKING_VERBS = frozenset({"strike", "hit", "target", "rip", "rock"})


def _a_gathering_hit(verb: Token) -> bool:
    """'two explosions struck a ceremony marking the anniversary of ... on Wednesday', 'gunmen attacked
    mourners attending a funeral on Friday': the day of the gathering the attack hit is the attack's
    (marking or attending something is otherwise an aftermath)."""
    gathering = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and gathering.dep_ in ("dobj", "obj", "nsubjpass") \
        and (gathering.head.lemma_.lower() in STRIKING_VERBS or _of_violence(gathering.head))


# Who holds a post that is a place, not a message ('an army post', 'a border post').
POST_HOLDERS = frozenset({"army", "police", "military", "border", "security", "guard", "observation", "command",
                          "checkpoint", "forward", "frontier", "gendarmerie"})


def _a_guard_post(noun: Token) -> bool:
    """'a raid on an army post ... last Tuesday': the post is where soldiers stand, not what someone
    posted."""
    return noun.lemma_.lower() == "post" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in POST_HOLDERS
                                                 for c in noun.children)


def _told_before_its_source(saying: Token, span: Span) -> bool:
    """'Militants abducted 100 girls from a school in Chibok, late on Monday, officials said': the
    parser hangs the day on 'said', but the report puts its source after what it tells, and the
    day inside what it tells ('officials said on Monday' dates the saying)."""
    told = [c for c in saying.children if c.dep_ in ("ccomp", "parataxis") and c.i < span.start]
    source = [c for c in saying.children if c.dep_ == "nsubj" and c.i > span.end]
    return bool(told and source) and span.end <= saying.i


def _verbless_clause_of_an_aftermath(root: Token) -> bool:
    """A sentence the parser rooted on a noun with a subject ('On Sept. 27, Reed, a gang associate, pleaded
    guilty' rooted on 'associate', its verb hung on as a conjunct): the verb it left aside says what the
    date is the day of."""
    if root.pos_ not in ("NOUN", "PROPN") or not any(c.dep_ == "nsubj" for c in root.children):
        return False
    verbs = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return bool(verbs) and _tells_the_aftermath(verbs[0])


def _dates_the_legal_aftermath(span: Span) -> bool:
    """The verb the date hangs on (through its preposition, or a word such as 'guilty') is an arrest, a
    charge, a plea, a trial."""
    head = span.root.head
    while head.pos_ in ("ADP", "ADJ") and head.head.i != head.i:
        head = head.head
    return head.pos_ == "VERB" and head.i not in range(span.start, span.end) and _tells_the_aftermath(head)


def _tells_the_aftermath(verb: Token) -> bool:
    """An arrest, a charge, a trial, a search or a funeral, by its verb or by what the verb tells of."""
    return verb.lemma_.lower() in LEGAL_VERBS | AFTERMATH_VERBS or _turned_in(verb) or _turns_an_age(verb) \
        or _said_of_an_aftermath(verb)


def _turns_an_age(verb: Token) -> bool:
    """'who turned two years old on Sunday', 'would have turned 22 on Thursday': a birthday."""
    return verb.lemma_.lower() == "turn" and any(
        c.dep_ in ("attr", "oprd", "acomp", "dobj", "npadvmod", "advmod", "ccomp", "xcomp")
        and any(t.like_num or t.lower_ in ("old", "year-old") or t.lower_.endswith("-old") for t in c.subtree)
        for c in verb.children)


def _turned_in(verb: Token) -> bool:
    """'turned himself in to police on Friday': a surrender."""
    return verb.lemma_.lower() == "turn" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)


def _aside(verb: Token) -> bool:
    """A relative clause on an apposition, which tells something else about a noun the sentence names
    in passing ('Pizarro, former leader of the M-19, the group that laid down its weapons on 9 March,
    was killed'): not of violence, not of an event noun ('the attack, which happened on Monday'), not
    of a trigger.  (On any noun it took the day from 'a handgun he took from a car early Thursday'.)"""
    return verb.dep_ == "relcl" and verb.head.dep_ == "appos" and not _names_an_event(verb.head) \
        and not _of_violence(verb)


def _of_a_persons_past(facts: SentenceFacts, expr: DateExpr) -> bool:
    """The date is of what someone did, told in a relative clause (:func:`_a_persons_past`)."""
    if expr.start not in facts.personal_dates:
        return False
    verb = next((t for t in _date_governors(facts.sent.doc, expr) if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and _a_persons_past(verb)  # the nearest verb: not 'who called 911 after being struck Monday'


def _a_persons_past(verb: Token) -> bool:
    """'Alejandro Arcos, who took office on Sept. 30, was found dead': what someone did or underwent,
    told in a relative clause, dates no incident unless it is violence or an event ('Smith, who was
    shot Sunday, died Tuesday'; 'who had survived a bombing two years ago': see _earlier_clauses)."""
    return verb.dep_ == "relcl" and not _of_violence(verb) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "whom") for c in verb.children) \
        and not any(_names_an_event(t) for t in _participants(verb))  # 'who had survived a bombing ... two years ago'


# Nouns that name an incident without being an incident type's trigger.
EVENT_NOUNS = frozenset({"incident", "crime", "homicide", "murder", "killing", "death", "slaying", "violence",
                         "gunfire", "fire", "attack", "clash", "fighting", "battle", "raid", "operation", "shooting",
                         "shootout", "stabbing", "bombing", "explosion", "blast", "ambush", "assault", "kidnapping",
                         "abduction", "robbery", "massacre", "assassination", "riot", "party"})


def _names_an_event(noun: Token) -> bool:
    """The incident, or where it happened ('a party on Saturday'): a trigger, or a noun for an event."""
    return noun.lemma_.lower() in EVENT_NOUNS or _in_a_trigger(noun)


def _in_a_trigger(token: Token) -> bool:
    return any(t.start <= token.i < t.end for t in token.doc.spans["unmist_triggers"])


def _said_of_an_aftermath(verb: Token) -> bool:
    """A verb that tells of the funeral, the vigil, the trial rather than the attack: its subject, its
    object or the place it names is one ('Funeral services will be held Friday', 'a judge set bond
    today', 'was in court Friday').  Not a verb of violence ('gunmen attacked the funeral on Friday')."""
    if _of_violence(verb):
        return False
    return any(t.lemma_.lower() in AFTERMATH_NOUNS or t.lower_ in VERDICT_WORDS for t in _participants(verb))


def _of_violence(verb: Token) -> bool:
    """A verb of killing, attacking or happening, or one inside an incident's trigger."""
    return verb.lemma_.lower() in CASUALTY_LEMMAS | VIOLENT_VERBS | OCCURRENCE_VERBS or _in_a_trigger(verb)


# 'was found guilty Wednesday': the day of a verdict.
VERDICT_WORDS = frozenset({"guilty", "innocent"})


def _participants(verb: Token) -> Iterator[Token]:
    """The verb's subject, object, complement and the nouns of its prepositions ('in court') and of
    its complement's ('are due in court'); the noun a participle tells of ('an indictment unsealed
    today')."""
    if verb.dep_ == "acl":
        yield verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "acomp", "oprd"):
            yield child
        if child.dep_ == "acomp":
            yield from _prepositional_objects(child)
    yield from _prepositional_objects(verb)


def _prepositional_objects(word: Token) -> Iterator[Token]:
    return (c for p in word.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj")


# Subjects that make a clause about a person: its date is of what they did, not of the incident above it.
PERSONAL_SUBJECTS = frozenset({"who", "he", "she", "they", "i", "we"})


def _trigger_dates(doc: Doc, sent: Span, triggers: list[Span],
                   dates: list[DateExpr]) -> tuple[dict[int, int], frozenset[int]]:
    """Dates whose governing word is an incident trigger (date start -> trigger token): those date
    the incident itself; and the starts of dates of what a person did, which date none.
    ``triggers`` and ``dates`` are those starting in the sentence."""
    # a verb told as a habit or a campaign ('began attacking shipping in November') dates no attack; a
    # bare plural may be dated ('Skirmishes that began on Wednesday')
    trigger_tokens = {t.root.i for t in triggers if t.label_ not in ATTACH_ONLY_TYPES
                      and not (t._.unmist_trigger["generic"] and t.root.pos_ == "VERB")}
    trigger_tokens |= {t.i for t in sent if t.lemma_.lower() in CASUALTY_LEMMAS and t.pos_ == "VERB"}
    starts: dict[int, int] = {}
    personal: set[int] = set()
    for expr in dates:
        if expr.start >= sent.end_char or expr.kind in COARSE_DATES - {"month", "month_year"}:
            continue
        for token in _date_governors(doc, expr):
            if token.i in trigger_tokens:
                starts[expr.start] = token.i
                break
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if token.pos_ == "VERB" and subject is not None and subject.i in trigger_tokens:
                starts[expr.start] = subject.i  # 'the fighting broke out on September 16'
                break
            if token.pos_ == "VERB" and subject is not None and (
                    subject.lower_ in PERSONAL_SUBJECTS or subject.ent_type_ == "PERSON"):
                personal.add(expr.start)
                break  # what someone did or underwent: 'Shelton, who was questioned a week ago' dates no shooting
    return starts, frozenset(personal)


def _date_governors(doc: Doc, expr: DateExpr, steps: int = 4) -> Iterator[Token]:
    """The words above a date in the parse, nearest first (at most ``steps`` of them)."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    token = span.root if span is not None else None
    for _ in range(steps):
        if token is None or token.head.i == token.i:
            return
        token = token.head
        yield token


def best_date(facts: SentenceFacts) -> DateExpr | None:
    # a weekend of what a person did dates nothing ('one of the banished leaders, who arrived in Costa Rica
    # last weekend, said'); (leaving out every date of what a person did lost GVA pairwise .8636 -> .8512
    # and MUC-4 dev 46.72 -> 46.15: the day someone was shot is often written so)
    dates = [d for d in facts.dates
             if d.kind != "span" and not (d.kind == "weekend" and d.start in facts.personal_dates)]
    return min(dates, key=lambda d: (d.kind == "anchor", d.start not in facts.trigger_dates, _dates_a_death(facts, d),
                                     DATE_SPECIFICITY.get(d.kind, 10), d.start), default=None)


def _dates_a_death(facts: SentenceFacts, expr: DateExpr) -> bool:
    governor = facts.date_governors.get(expr.start)
    return governor is not None and facts.sent.doc[governor].lemma_.lower() in AFTERMATH_LEMMAS


def segment(doc: Doc, published: date | None) -> list[Draft]:
    """Group a report's sentences into incidents; the first one in the lead is the core incident."""
    drafts: list[Draft] = []
    current: Draft | None = None
    scene_date: tuple[DateExpr, Resolved, int] | None = None
    every_sentence = sentence_facts(doc, published)
    for facts in every_sentence:
        if facts.earlier:
            expr = best_date(facts)
            _open(drafts, facts, expr, _resolved(expr, published))
            continue  # the story goes on with the incident its sentence told
        if not drafts and not facts.is_event and facts.paragraph <= LEAD_PARAGRAPHS:
            scene_date = _scene_date(facts, published) or scene_date
        if not facts.is_event or (not facts.new_event and best_date(facts) is None):
            gap = facts.paragraph - current.sentences[-1].paragraph if current is not None else 0
            near = gap <= SUPPORT_PARAGRAPHS or (len(drafts) == 1 and (gap <= SINGLE_INCIDENT_SUPPORT_PARAGRAPHS
                                                                        or _says_none_died(facts)))
            told_when = _occurrence_date(facts) if current is not None and current.date is None and near else None
            if told_when is not None:  # 'It happened around 9 p.m. Sunday': the when of the incident just told
                current.date_expr, current.date = told_when, resolve(told_when, published, None)
                current.sentences.append(facts)
            elif current is not None and (facts.supports or _places_an_unplaced(facts, current)
                                          or _tells_more_of(facts, current)) and near \
                    and not _dated_elsewhere(facts, current, published):
                current.sentences.append(facts)
            continue
        current = _place_sentence(facts, drafts, current, published)
        if len(drafts) == 1 and drafts[0].date is None and scene_date and facts.paragraph - scene_date[2] <= 1:
            drafts[0].date_expr, drafts[0].date = scene_date[0], scene_date[1]
    if drafts and not any(d.core for d in drafts):
        # a page whose menus and captions push the story down still has a main incident
        next((d for d in drafts if not _background(d.sentences[0])), drafts[0]).core = True
    _date_earlier_clauses(drafts)
    return _fold_retellings(drafts, every_sentence, published)


# How far before an earlier clause its sentence may state the time between ('came a day after a grenade attack').
TIME_BEFORE_REACH = 12


def _date_earlier_clauses(drafts: list[Draft]) -> None:
    """An earlier incident told after a stated time ('The attack came a day after a grenade attack on a
    police post wounded four') is that time before the incident its sentence tells, when that one is
    dated."""
    for draft in drafts:
        clause = draft.sentences[0]
        if not clause.earlier or draft.date is not None:
            continue
        host = next(((d, f) for d in drafts for f in d.sentences if not f.earlier and f.index == clause.index
                     and d.date is not None and d.date.start is not None), None)
        if host is None:
            continue
        told, facts = host  # (the clause's facts read over the clause, its host's over the sentence)
        gap = next((e for e in facts.dates if e.kind == "anchor" and not e.within
                    and 0 <= clause.sent.start_char - e.end <= TIME_BEFORE_REACH), None)
        if gap is not None:
            draft.date_expr = gap
            draft.date = resolve(replace(gap, offset_days=-abs(gap.offset_days)), None, told.date)


# Days between the main incident's date and another date of a retelling of it: its aftermath ('She
# died a week later', 'one of the victims spoke to reporters Wednesday') or, where the main incident
# is dated by a death, the shooting days before.
AFTERMATH_DAYS = 14


def _fold_retellings(drafts: list[Draft], every_sentence: list[SentenceFacts], published: date | None) -> list[Draft]:
    """One report, one story: a later incident of the report that names someone the main story names
    (in its sentences, or in all the report says before another incident comes up), or that only
    refers back to an incident told ('Police were still searching for the gun that killed him'), at
    no other place, of a kind the main one may be, dated within AFTERMATH_DAYS of it, tells the main
    incident again ('Bryant was among a group standing in front of ...', 'Bell died of his wounds on
    Wednesday', 'Green was arrested Thursday, a day after ...'): its sentences join it."""
    core = next((d for d in drafts if d.core), None)
    if core is None or len(drafts) < 2:
        return drafts
    first_other = min((d.sentences[0].sent.start for d in drafts if d is not core), default=0)
    story = Draft([facts for facts in every_sentence if facts.sent.start < first_other])
    core_names = _family_names(core) | _family_names(story)
    core_places = _specific_places(core)  # a retelling names no other place, so folding one adds none
    kept = []
    for draft in drafts:
        if draft is not core and _retells(draft, core, core_names, core_places, published):
            core.sentences.extend(draft.sentences)
            if draft.date is not None and draft.date.precision == "day" and not _long_before(draft.date, published) \
                    and (core.date is None or _attack_before_the_death(draft, core)):
                core.date_expr, core.date = draft.date_expr, draft.date
        else:
            kept.append(draft)
    core.sentences.sort(key=lambda facts: facts.sent.start)
    return kept


def _attack_before_the_death(draft: Draft, core: Draft) -> bool:
    """The main story is dated by a victim's death ('Julian Bryant, 22, died Wednesday night') and the
    retelling by the attack itself, days before ('someone opened fire Sunday night'): an incident's
    date is the attack's, as every coding scheme dates it, not the day one of its victims died."""
    if not (_dated_by_a_death(core) and draft.date_on_trigger and not _dated_by_a_death(draft)):
        return False
    death, attack = core.date.start, draft.date.start
    return death is not None and attack is not None and 0 < (death - attack).days <= AFTERMATH_DAYS


def _dated_by_a_death(draft: Draft) -> bool:
    """The draft's date is the day someone died ('He died Thursday night')."""
    expr = draft.date_expr
    return expr is not None and any(
        facts.sent.start_char <= expr.start < facts.sent.end_char and _dates_a_death(facts, expr)
        for facts in draft.sentences)


def _retells(draft: Draft, core: Draft, core_names: set[str], core_places: set[str], published: date | None) -> bool:
    if draft.sentences[0].earlier:
        return False  # an earlier incident told inside a sentence of the story shares its names, not its deeds
    if draft.family and core.family and not knowledge.one_event_families(draft.family, core.family):
        return False  # a robbery in a shooting story may be its incident; a bombing is another
    if _specific_places(draft) - core_places:
        return False
    if draft.date is not None and core.date is not None and not compatible(draft.date, core.date):
        start, core_end = draft.date.start, core.date.end or core.date.start
        if start is None or core_end is None or abs((start - core_end).days) > AFTERMATH_DAYS:
            return False
    elif draft.date is not None and _long_before(draft.date, published):
        return False
    refers_back = not any(facts.new_event for facts in draft.sentences)
    return refers_back or bool(_family_names(draft) & core_names)


def _specific_places(draft: Draft) -> set[str]:
    return _place_names([p for s in draft.sentences for p in s.places])[0]


# Words after a family name that many people share.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _family_names(draft: Draft) -> set[str]:
    """The names of the people a draft's sentences name, not speaking officials: the words of a
    PERSON entity (a later sentence gives the family name alone), or a proper noun the small model
    tags as no entity ('Three year old RJ Gaines found a gun': it misses many names of local news)."""
    names = set()
    for facts in draft.sentences:
        for ent in entities_in(facts.sent):
            if ent.label_ == "PERSON" and not official(ent):
                names.update(t.lower_ for t in ent if t.is_alpha)
        names.update(t.lower_ for t in facts.sent if t.pos_ == "PROPN" and not t.ent_type_ and t.is_title
                     and len(t) > 2 and t.lower_ not in OFFICIAL_TITLES)
        names.update(_name_of_the_hit(facts.sent))
    return names - NAME_SUFFIXES


def _name_of_the_hit(sent: Span) -> set[str]:
    """The words of a proper name the sentence says was shot, killed or died, whatever entity the
    tagger made of it ('El-Amin was shot Sunday night', read as an organisation)."""
    names = set()
    for token in sent:
        hit = (token.dep_ == "nsubjpass" and token.head.lemma_.lower() in CASUALTY_LEMMAS) or (
            token.dep_ == "nsubj" and token.head.lemma_.lower() in AFTERMATH_LEMMAS)
        if hit and token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
            words = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
            names.update(t.lower_ for t in words if t.is_alpha and len(t) > 2)
    return names


# Verbs that, with a pronoun or a word for 'the incident' as subject, say when the incident just
# told took place ('It happened around 9 p.m. Sunday', 'The situation unfolded Friday'); news leads
# tell what happened, then when.
OCCURRENCE_VERBS = frozenset({"happen", "occur", "unfold", "erupt", "start", "begin", "break"})
INCIDENT_SUBJECTS = frozenset({"it", "this", "that", "incident", "situation", "confrontation", "altercation",
                               "standoff", "violence", "gunfire", "crime", "homicide", "fighting", "clash", "unrest"})
# Verbs of the first response: police were called or sent to the scene when it happened ('Officers
# were dispatched to the 4500 block at about 10:20 p.m. Sunday').
RESPONSE_VERBS = frozenset({"respond", "dispatch", "call", "summon"})
# ... or the call for help came in ('The 911 call came in at around 11:20 Tuesday morning').
RESPONSE_NOUNS = frozenset({"call"})


def _occurrence_date(facts: SentenceFacts) -> DateExpr | None:
    """The date a sentence gives to 'it' happening, or to the police's coming: the when of the
    incident told just before."""
    doc = facts.sent.doc
    for expr in facts.dates:
        if expr.kind in COARSE_DATES or expr.kind == "anchor":
            continue
        verb = next((t for t in _date_governors(doc, expr) if t.pos_ == "VERB"), None)
        if verb is None or any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
            continue  # 'Tips may be called in after March 3': what may or will happen is no occurrence
        subjects = [c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj"]
        if verb.lemma_.lower() in RESPONSE_VERBS or (subjects and subjects[0] in RESPONSE_NOUNS) or (
                verb.lemma_.lower() in OCCURRENCE_VERBS and subjects and subjects[0] in INCIDENT_SUBJECTS):
            return expr
    return None


def _scene_date(facts: SentenceFacts, published: date | None) -> tuple[DateExpr, Resolved, int] | None:
    """A lead sentence that sets the scene ('On Friday, October 8, men walked to the mosque ...')
    dates the incident the next sentences tell, when they give no date of their own."""
    expr = best_date(facts)
    if expr is None or expr.kind not in ("absolute", "day_month", "weekday", "weekend", "relative"):
        return None
    resolved = resolve(expr, published, None)
    return (expr, resolved, facts.paragraph) if resolved.precision == "day" else None


def _dated_elsewhere(facts: SentenceFacts, current: Draft, published: date | None) -> bool:
    expr = best_date(facts)
    if expr is None or current.date is None:
        return False
    return compatible(resolve(expr, published, current.date), current.date) is False


def _place_sentence(facts: SentenceFacts, drafts: list[Draft], current: Draft | None, published: date | None) -> Draft:
    """Attach an event sentence to the incident it tells of, opening a new one where needed."""
    expr = best_date(facts)
    if expr is not None and _of_a_persons_past(facts, expr):
        expr = None  # 'Alejandro Arcos, who took office on Sept. 30, was found dead': undated, not another incident
    resolved = resolve(expr, published, current.date if current else None) if expr else None
    if current is None:
        return _open(drafts, facts, expr, resolved)
    if facts.new_event and SEPARATE_EVENT.search(facts.sent.text) and resolved is not None and resolved.precision == "day":
        return _open(drafts, facts, expr, resolved)  # 'In a separate attack on Saturday, ...': the same day, another incident
    if resolved is not None:
        if expr.kind == "anchor":
            if not facts.new_event:  # 'the car was bought a month earlier' adds to the current incident
                current.sentences.append(facts)
                return current
            return _open(drafts, facts, expr, resolved)
        if _redates(facts, expr, current):
            current.date_expr, current.date, current.date_on_trigger = expr, resolved, True
            current.sentences.append(facts)
            return current
        verdicts = {id(d): compatible(resolved, d.date, slack_days=SAME_REPORT_SLACK_DAYS, partial=False) if d.date else None
                    for d in drafts}
        for draft in [current, *[d for d in drafts if d is not current]]:
            if verdicts[id(draft)]:
                if (_finer(resolved, draft.date) and expr.start not in facts.personal_dates) \
                        or _began_earlier(facts, expr, resolved, draft):
                    # 'In October 2021 ...' then 'on 8 October': the day dates it; not the week someone was questioned
                    draft.date_expr, draft.date = expr, resolved
                    draft.date_on_trigger = draft.date_on_trigger or _dates_the_event(facts, expr)
                draft.sentences.append(facts)
                return draft
        gap = facts.paragraph - current.sentences[-1].paragraph
        if _may_adopt(current, resolved) and not _long_before(resolved, published) and (gap <= SUPPORT_PARAGRAPHS or (
                len(drafts) == 1 and current.core and gap <= SINGLE_INCIDENT_SUPPORT_PARAGRAPHS)):
            current.date_expr, current.date = expr, resolved  # the lead rarely dates the event: adopt
            current.date_on_trigger = _dates_the_event(facts, expr)  # a later 'the attack on Tuesday' cannot redate it
            current.sentences.append(facts)
            return current
        same = next((d for d in [current, *drafts] if d.date is None and _same_people_hit(facts, d)), None)
        if same is not None:  # 'the death of Hector Oqueli Colindres' ... 'Oqueli ... were killed in January'
            same.date_expr, same.date = expr, resolved
            same.sentences.append(facts)
            return same
        return _open(drafts, facts, expr, resolved)
    if _changes_subject(facts, current, drafts):
        return _open(drafts, facts, None, None)
    target = max(drafts, key=lambda d: _affinity(facts, d, current))
    target.sentences.append(facts)
    return target


# Two days one report states for events are one incident's when at most this far apart: a night
# told as 'late Tuesday' and 'early Wednesday'.  Across reports a day or two off is a reporter's
# slip (dates.compatible's slack); within one, 'on Tuesday' and 'on Thursday' are two days.
SAME_REPORT_SLACK_DAYS = 1


def _may_adopt(draft: Draft, resolved: Resolved) -> bool:
    """The incident may take the sentence's date as its own: it has none, or only one that tells
    nothing without the report's own date ('overnight' in a text that carries no publication date)
    while the sentence's is no better ('late Thursday'); a stated month or year ('In October 1988')
    after it tells of the past, not of the night before."""
    known = draft.date
    if known is None:
        return True
    tells_nothing = known.precision == "unknown" and known.weekday is None and known.month is None and known.day is None
    return tells_nothing and resolved.precision == "unknown"


def _same_people_hit(facts: SentenceFacts, draft: Draft) -> bool:
    """The sentence tells of the killing, wounding or kidnapping of someone the incident's sentences
    already named as hit, by a family name both give: one incident, told again with its date."""
    named = set().union(*(_people_hit(s.sent) for s in draft.sentences))
    if not named:
        return False
    doc = facts.sent.doc
    hit_people = _persons_hit(facts.sent)
    # the name itself is hit, or hangs on a person who is: the tagger reads a family name alone as a
    # place or an adjective as often as a person ('Oqueli and Hilda Flores ... were abducted'); a
    # killer who shares his victims' name is not hit ('In 1991, Green served time for killing his wife')
    return any(token.text[:1].isupper() and token.lower_ in named and (
        effect_of(doc[token.i:token.i + 1]) is not None
        or any(person.start <= token.i < person.end or person.start <= token.head.i < person.end for person in hit_people))
        for token in facts.sent)


def _people_hit(sent: Span) -> set[str]:
    """The family names (every word of a name but the first) of the people a sentence says were hit."""
    names = set()
    for person in _persons_hit(sent):
        words = [t.lower_ for t in person if t.is_alpha]
        names.update(words[1:] if len(words) > 1 else words)
    return names


def _persons_hit(sent: Span) -> list[Span]:
    """The people, by name, a sentence says were killed, wounded or kidnapped."""
    return [person for person in entities_in(sent) if person.label_ == "PERSON" and effect_of(person) is not None]


# A report's own undated incident is news: a date this long before publication ('had killed his
# friend in 2013') is another, earlier event, not the one the report leads with.
NEWS_DAYS = 90


def _long_before(resolved: Resolved, published: date | None) -> bool:
    end = resolved.end or resolved.start
    return bool(published and end and (published - end).days > NEWS_DAYS)


def _tells_more_of(facts: SentenceFacts, current: Draft) -> bool:
    """The sentence names the incident's doers again, as its subject ('the kidnappers ... blocked the
    road near Ugbokpo and forced the passengers into the bush', after 'Gunmen abducted 30
    passengers'; 'The attackers fired rocket-propelled grenades at the checkpoint before fleeing'),
    and tells no event of another kind: the same incident told further.  (Not the incident named
    again, 'The blast happened ...': that brought in where others spoke of it, as in
    :func:`_places_an_unplaced`.)"""
    named_again = any(_doers_named_again(t, ("nsubj", "nsubjpass"), ("the", "these", "those")) and _a_main_clause(t.head)
                      and _told_as_past(t.head) and t.head.lemma_ not in ("be", "have")  # 'the shooter was a gang member'
                      for t in facts.sent)
    return named_again and (not facts.strong_triggers
                            or _strongest_family(facts.strong_triggers) == current.family)


def _told_as_past(verb: Token) -> bool:
    """'fired', 'were killed', 'had fled': what happened, not what such people do ('the terrorists know
    that they will go unpunished')."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children))


def _places_an_unplaced(facts: SentenceFacts, current: Draft) -> bool:
    """The sentence tells, of the incident it names by reference, where it happened, when the incident
    is placed no nearer than a country ('A bomb exploded ... in the southern Philippines', then 'The
    blast struck Mindanao State University in Marawi city').  (Taking the places of every such
    sentence brought in where others spoke of it: devset linking F1 .941 -> .905.)  One that says
    where the incident took place ('The attack took place in the Mir Ali area of North Waziristan
    district') places it nearer than a province or district too."""
    if not facts.is_event or not _refers_back(facts) or not facts.places:
        return False
    told = [p for s in current.sentences for p in s.places]
    specific, _ = _place_names(told)
    return not specific or (_where_it_happened(facts) and all(
        p._.unmist[0].precision in ("country", "province", "district") for p in told
        if p._.unmist and not _a_dateline_place(p)))


def _where_it_happened(facts: SentenceFacts) -> bool:
    """'The attack took place in the Mir Ali area of ...': the incident named again, and the place
    in the clause that says it happened (not 'TASS, quoting the ministry in Moscow, said the
    explosion happened near the entrance')."""
    return any(verb.left_edge.i <= p.root.i <= verb.right_edge.i for verb in _happenings(facts.sent) for p in facts.places)


def _a_dateline_place(place: Span) -> bool:
    """The place is the dateline's that opens its line ('ISLAMABAD, March 18 (Xinhua) --'): where the
    report was filed."""
    return in_a_dateline(place.doc, place.start_char)


def _the_lead_after_its_headline(facts: SentenceFacts, current: Draft) -> bool:
    """The incident is the report's headline alone and the sentence is in the paragraph after it:
    the lead tells the story the headline names, in other words ('Islamic State claims deadly attack
    on Kabul school', then 'a suicide bombing at an education center ... that killed at least 19
    people'), unless each names a place of its own."""
    headline = current.sentences[0]
    return len(current.sentences) == 1 and headline.paragraph == 0 and facts.paragraph == 1 \
        and written_as_a_headline(headline.sent)


def _holds(place: Span, places: list[Span]) -> bool:
    """The place is a country that holds one of the places ('... in Kabul' then '... in
    Afghanistan'): a wider name for where the incident was, not another place."""
    if not place._.unmist or place._.unmist[0].precision != "country":
        return False
    country = place._.unmist[0].country
    return any(p._.unmist and p._.unmist[0].precision != "country" and p._.unmist[0].country == country for p in places)


def _place_names(spans: list[Span]) -> tuple[set[str], set[str]]:
    """Lower-cased names of the specific places, and the countries, among place spans."""
    specific = {p.text.lower() for p in spans if p._.unmist and p._.unmist[0].precision != "country"}
    countries = {p._.unmist[0].country for p in spans if p._.unmist}
    return specific, countries


def _affinity(facts: SentenceFacts, draft: Draft, current: Draft) -> int:
    """How well an undated sentence fits an incident: shared places and kind, the current one, the core."""
    score = 2 if draft is current else 0
    score += 1 if draft.core else 0
    new_places, new_countries = _place_names(facts.places)
    old_places, old_countries = _place_names([p for s in draft.sentences for p in s.places])
    if new_places & old_places:
        score += 3
    elif new_places and old_places:
        score -= 1
    if new_countries & old_countries:
        score += 1
    if facts.strong_triggers and draft.family == _strongest_family(facts.strong_triggers):
        score += 1
    return score


PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


# Verbs with which a report says when an incident began.
BEGINNING_LEMMAS = frozenset({"begin", "start", "erupt", "break"})


def _began_earlier(facts: SentenceFacts, expr: DateExpr, resolved: Resolved, draft: Draft) -> bool:
    """'Sunday's violence began when attackers robbed two gun stores' in a story its lead dated by
    Monday's kills ('security forces killed more gunmen on Monday'): an incident is dated by the day
    it began, as GTD, UCDP and ACLED code it."""
    told = draft.date
    if told is None or told.precision != "day" or resolved.precision != "day" or resolved.start is None \
            or told.start is None or not resolved.start < told.start:
        return False
    return any(word.lemma_.lower() in BEGINNING_LEMMAS and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in EVENT_NOUNS for c in word.children)
        for word in _date_governors(facts.sent.doc, expr))


def _finer(new: Resolved, old: Resolved | None) -> bool:
    return old is not None and new.start is not None and PRECISION_ORDER.get(new.precision, 4) < PRECISION_ORDER.get(
        old.precision, 4) and old.precision in ("month", "year", "week")


def _dates_the_event(facts: SentenceFacts, expr: DateExpr) -> bool:
    """The date is the incident's own: it modifies the event word, or stands in the sentence that
    tells the event and its toll ('A suicide bomber detonated a device at the end of a concert on
    Monday night, killing 22', where the parser hangs the day on the concert)."""
    return expr.start in facts.trigger_dates or (
        bool(facts.strong_triggers) and any(f.kind in CASUALTY_KINDS and (f.low or f.high) for f in facts.figures))


def _redates(facts: SentenceFacts, expr: DateExpr, current: Draft) -> bool:
    """'Families buried their dead on Monday ...  the fighting broke out on September 16': a date
    given to the incident's own word, by reference ('the fighting'), replaces a circumstantial one."""
    if current.date_on_trigger or expr.start not in facts.trigger_dates or expr.kind == "anchor":
        return False
    governor = facts.date_governors.get(expr.start)
    dated = [t for t in facts.strong_triggers if t.root.i == governor]
    return bool(dated) and dated[0]._.unmist_trigger["anaphoric"] and not any(
        f.kind in CASUALTY_KINDS for f in facts.figures if f.start < expr.start)


# Words with which a report says that what follows is another incident.  A round-up opens each
# further incident with 'Also' and its day or place ('Also on Monday, a roadside bomb ...', 'Also
# in Kano state, ...'; not 'Also wounded was ...', the same incident's toll).
SEPARATE_EVENT = re.compile(r"\b(?:in\s+(?:a|another)\s+separate\b|separately\b|elsewhere\b|in\s+another\s+"
                            r"(?:attack|incident|shooting|bombing|ambush)\b)"
                            r"|^\s*also,?\s+(?:(?:on|late|early)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
                            r"|^\s*also,?\s+in\s+(?-i:[A-Z])", re.IGNORECASE)


def _changes_subject(facts: SentenceFacts, current: Draft, drafts: list[Draft]) -> bool:
    """An undated event sentence that says it tells another incident ('In a separate incident, ...'),
    or one of another kind, in a later paragraph, naming another place or none, and not told by the
    doers named again (:func:`_the_same_doers`): told in its own words ('Rebels also set fire to a
    bus'), it is another incident; a
    reference to one told ('the attackers fled') stays with it, and one naming no place that is of
    the kind of an incident told before ('They were killed with two bursts of machinegun fire',
    after a background bombing) is left to the incident it fits best.  A country that holds the
    incident's places is no other place, and the lead after a headline tells the headline's story
    unless both name places of their own (:func:`_the_lead_after_its_headline`)."""
    if not facts.strong_triggers or current.family is None:
        return False
    if SEPARATE_EVENT.search(facts.sent.text):
        return True  # 'In a separate incident, militants ambushed a convoy', whatever its kind
    new_family = _strongest_family(facts.strong_triggers)
    if new_family == current.family:
        return False
    last = current.sentences[-1]
    if facts.paragraph == last.paragraph or _the_same_doers(facts, current) or _refers_back(facts) \
            or _the_same_target(facts, current):
        return False
    old_spans = [p for s in current.sentences for p in s.places]
    old_places = {p.text.lower() for p in old_spans}
    new_places = {p.text.lower() for p in facts.places if not _holds(p, old_spans)}
    if {p.text.lower() for p in facts.places} & old_places:
        return False
    if _the_lead_after_its_headline(facts, current):
        return bool(new_places and old_places)
    if new_places:
        return True
    told_before = any(draft.family == new_family for draft in drafts if draft is not current)
    return not told_before and any(not t._.unmist_trigger["anaphoric"] for t in facts.strong_triggers)


# Words for those who carry out an attack, as a report names them again ('the militants', 'the attackers').
ATTACKER_WORDS = ATTACKER_NOUNS | {"militant", "insurgent", "rebel", "terrorist", "guerrilla", "fighter", "raider",
                                   "gang", "mob", "jihadist", "bandit", "kidnapper", "pirate"}
# Words that tell of a further event by the same doers ('the rebels also burned a bus').
# (Words that say outright it is another incident, 'in a separate incident', are SEPARATE_EVENT's.)
FURTHER_EVENT_WORDS = frozenset({"also", "later", "another", "again", "earlier"})


def _the_same_doers(facts: SentenceFacts, current: Draft) -> bool:
    """The sentence's doers are those the incident told of, named again with 'the' ('Militants
    stormed a base ... The militants first detonated a car bomb at its gate', 'gunmen killed 30
    ... The attackers arrived on motorcycles'): the same attack told step by step, unless the
    sentence says it is a further one ('the rebels also burned a bus') or tells a toll of its own
    ('the militants ambushed a convoy in Zabul, killing five soldiers')."""
    if _tells_more(facts):
        return False
    if not any(t.lemma_.lower() in ATTACKER_WORDS for s in current.sentences for t in s.sent):
        return False
    return any(_doers_named_again(t, ("nsubj",), ("the",)) for t in facts.sent)


def _doers_named_again(token: Token, relations: tuple[str, ...], determiners: tuple[str, ...]) -> bool:
    """The word names an incident's doers again, as the subject (``relations``) with a determiner that
    points back ('The militants first detonated ...', 'the kidnappers ... blocked the road')."""
    return token.dep_ in relations and token.lemma_.lower() in ATTACKER_WORDS and any(
        c.dep_ == "det" and c.lower_ in determiners for c in token.children)


def _tells_more(facts: SentenceFacts) -> bool:
    """The sentence says it tells a further event ('the rebels also burned a bus') or a toll of its own,
    not the rest of one told ('At least 16 others were seriously wounded, and the gang set fire to 45 homes')."""
    text = text_of(facts.sent.doc)
    return any(t.lower_ in FURTHER_EVENT_WORDS for t in facts.sent) or any(
        _tells_casualties(f) and not OTHERS.search(text, f.start, f.end + OTHERS_REACH) for f in facts.figures)


# 'sixteen others', 'two other people': those hit besides the ones told, in the same incident.
OTHERS = re.compile(r"\bothers?\b")
OTHERS_REACH = 12


def _refers_back(facts: SentenceFacts) -> bool:
    """The sentence is about an incident told, named by reference as its subject ('The attack in
    the Daraban area was followed by a gun battle in which six militants were killed'): what else
    it tells belongs to that incident, or to the one told before that it fits best."""
    return any(t._.unmist_trigger["anaphoric"] and t.root.dep_ in ("nsubj", "nsubjpass")
               and (_a_main_clause(t.root.head) or _what_they_were_doing_when(t.root.head))
               for t in facts.strong_triggers)


def _what_they_were_doing_when(verb: Token) -> bool:
    """'The engineers were travelling to the dam when the attack happened near Besham': the incident
    happened during what the sentence's own clause tells (not 'the department talked about it when
    the police shooting happened in Dallas', a time of another one)."""
    if not _happened(verb) or not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return False
    # the nearest verb above: the parser hangs the clause on the verb or on a noun of its clause ('a wedding')
    doing = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return doing is not None and doing.tag_ == "VBG" and _a_main_clause(doing) \
        and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in doing.children)


def _a_main_clause(verb: Token) -> bool:
    """The sentence's own clause, or what a speaker says in it ('..., the army said')."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT")


def _the_same_target(facts: SentenceFacts, current: Draft) -> bool:
    """The sentence names again, with 'the', what the incident hit ('Militants stormed a beachfront
    hotel, killing 32 ... A suicide bomber blew himself up at the entrance of the hotel before gunmen
    opened fire'): the same attack told step by step, unless it says it is a further one or tells a
    toll of its own (as :func:`_the_same_doers`)."""
    if _tells_more(facts):
        return False
    targets = knowledge.target_nouns()
    hit = {t.lemma_.lower() for s in current.sentences for t in s.sent if t.pos_ == "NOUN" and t.lemma_.lower() in targets}
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in hit and _named_again(t) for t in facts.sent)


def _named_again(noun: Token) -> bool:
    """'the hotel', 'the Beach View hotel': what was named before; not 'the offices of all the
    parties', which says which ones, and may be others."""
    children = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and \
        not any(c.dep_ == "prep" and c.lower_ == "of" for c in children)


def _resolved(expr: DateExpr | None, published: date | None) -> Resolved | None:
    return resolve(expr, published, None) if expr is not None else None


def _open(drafts: list[Draft], facts: SentenceFacts, expr: DateExpr | None, resolved: Resolved | None) -> Draft:
    core = facts.paragraph <= CORE_PARAGRAPHS and not _background(facts) and all(_background(d.sentences[0]) for d in drafts)
    draft = Draft([facts], expr, resolved, core=core,
                  date_on_trigger=expr is not None and _dates_the_event(facts, expr))
    drafts.append(draft)
    return draft


def _background(facts: SentenceFacts) -> bool:
    """The sentence tells in the past perfect of something else than violence, and of an incident only
    in a clause ('Troops had been flown in over the weekend, after General Nazarov was killed on July
    21'): what came before the story, whose incident is not the report's main one while another
    incident follows in the lead.  ('He had been shot in the head' tells the incident itself.)"""
    root = facts.sent.root
    return root.pos_ in ("VERB", "AUX") and has_past_perfect(root) and not _of_violence(root)
