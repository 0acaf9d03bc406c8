"""Perpetrators and claims of responsibility, read off one incident's sentences.

Claims (an actor says it did it) are kept apart from attributions (someone else says so) and
suspicions (hedged attributions); "has not taken responsibility" is recorded as no claim, and a
denial as such.  Armed groups come from the ``groups.jsonl`` gazetteer (so aliases resolve to one
name), individuals from spaCy PERSON entities in perpetrator roles, state forces from the subject
of a fighting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .. import knowledge
from ..types import PERPETRATOR_STATUS_RANK
from . import gazetteer, learned
from .components import actor_tokens, has_modal
from .figures import PATTERN_NOUNS
from .nlp import climb, entities_in, in_a_dateline, in_the_headline, noun_chunks_in, text_of

# Attacks a group claimed before this one ('RED-Tabara, which has claimed previous attacks, said it
# had nothing to do with the blasts'): no claim of this incident.
OTHER_ATTACKS = r"(?!(?:previous|past|earlier|prior|other|several|many|numerous|similar|some|most|dozens)\b)"
CLAIM = re.compile(
    r"\b(?:claim(?:ed|s|ing)?|took|take|takes|taking|accepted)\s+(?:\w+\s+){0,2}(?:responsibility|credit)\b"
    r"|\bclaim(?:ed|s)?\s+" + OTHER_ATTACKS + r"(?:the|this|that|Sunday's|\w+'s)?\s*(?:" + OTHER_ATTACKS +
    r"\w+\s+){0,3}(?:attack|bombing|ambush|assault|killing|blast|operation)s?\b"
    r"|\b(?:was|were|been|being)\s+claimed\s+by\b|\bclaim\s+(?:of|by)\b|\bclaimed\s+(?:it|them)\b"
    r"|\b(?:attack|bombing|ambush|assault|killing|blast|explosion|raid|kidnapping|abduction)s?\s+(?:\w+\s+)?claimed\s+by\b"
    # 'the group said in a claim published on its Amaq channel' (not a claim filed with a court)
    r"|\b(?:said|says|announced|stated|wrote)\s+in\s+(?:a|an|its|their)\s+(?:\w+\s+){0,2}claim\b(?!\s+(?:filed|for|against)\b)",
    re.IGNORECASE,
)
NO_CLAIM = re.compile(
    r"\b(?:has|have|had|did|does|do)\s*n?[o']t\s+(?:yet\s+|immediately\s+)?(?:claimed|taken\s+(?:responsibility|credit)|claim)"
    r"|\bno\s+(?:other\s+)?(?:group|one|organi[sz]ation|party)\s+(?:else\s+)?(?:has\s+|had\s+)?"
    r"(?:yet\s+|immediately\s+|so\s+far\s+|as\s+yet\s+)?(?:claimed|taken)"
    r"|\bnot\s+(?:yet\s+)?been\s+claimed|\bunclaimed\b|\bwithout\s+(?:a|any)\s+claim"
    r"|\bno\s+(?:immediate\s+|official\s+|known\s+|public\s+)?claim\b|\b(?:has|have|had)\s+yet\s+to\s+(?:claim|take)"
    r"|\bnobody\s+(?:has\s+|had\s+)?(?:yet\s+)?(?:claimed|taken)",
    re.IGNORECASE,
)
# A denial: 'denied' anything ('denied involvement', 'denied carrying out the attack'); 'rejected' only an
# accusation ('rejected the allegations'), not whatever else a group rejects ('dissidents who
# rejected a 2016 peace deal' had made the accused FARC dissidents deny the bombing).
DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|(?:rejected|rejects|rejecting)\s+(?:[\w'’-]+\s+){0,3}?"
                    r"(?:accusations?|allegations?|claims?|charges?|responsibility|involvement|blame|reports?|suggestions?"
                    r"|assertions?)\b)", re.IGNORECASE)
BLAME = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|attribut(?:e|ed|es|ing)|behind|carried\s+out\s+by|responsible"
    r"|the\s+work\s+of|perpetrated\s+by|organi[sz]ed\s+by|members?\s+of|loyal\s+to|supporters?\s+of|followers?\s+of"
    r"|led\s+by|assisted\s+by|linked\s+to|affiliated|fighters|militants|gunmen|insurgents|said\s+to\s+be|role)\b",
    re.IGNORECASE,
)
SUSPICION = re.compile(
    r"\b(?:suspect(?:ed|s)?|believe[sd]?|thought\s+to|said\s+to\s+be|alleged(?:ly)?|may\s+have|might\s+have|possibl[ey]"
    r"|probabl[ey]|likely|presumably|reportedly|purported(?:ly)?"
    r"|investigat\w*\s+whether|(?:looking|look|looked)\s+into\s+whether)\b",  # 'investigating whether it was linked to'
    re.IGNORECASE,
)


def _hedged(text: str) -> str:
    """How words tie someone to an incident: 'suspected' when they hedge it ('believed to have',
    'allegedly'), else 'attributed'."""
    return "suspected" if SUSPICION.search(text) else "attributed"


CLAIM_MODES = [
    ("video", re.compile(r"\bvideo\b", re.I)),
    ("radio", re.compile(r"\bradio\b|\bphoned\b|\bcall(?:ed)? to\b", re.I)),
    ("website", re.compile(r"\bwebsite\b|\bonline\b|\bposted\b", re.I)),
    ("telegram", re.compile(r"\bTelegram\b", re.I)),
    ("news agency", re.compile(r"\bAmaq\b|\bnews agency\b", re.I)),
    ("email", re.compile(r"\be-?mail(?:ed)?\b", re.I)),
    ("statement", re.compile(r"\bstatement\b|\bcommuniqu[eé]\b", re.I)),
    ("interview", re.compile(r"\binterview\b", re.I)),
]
# the deeds that name a person behind an incident ('ordered the assassination of', 'planned the attack')
BEHIND_DEEDS = r"(?:attacks?|assassinations?|killings?|murders?|bombings?|kidnappings?|massacres?|executions?|crimes?)"
PERSON_ROLES = [
    re.compile(r"(?:carried\s+out|led|commanded|organi[sz]ed|masterminded|orchestrated|perpetrated|committed|claimed)"
               r"\s+by\s+$", re.I),
    # 'the killing, ordered by X'; not 'the search operations ordered by President Garcia'
    re.compile(r"\b" + BEHIND_DEEDS + r"\b[^.;]{0,40}?\b(?:ordered|planned)\s+by\s+$", re.I),
    re.compile(r"(?:loyal\s+to|supporters?\s+of|followers?\s+of|men\s+of|fighters\s+of|group\s+led\s+by|militia\s+of"
               r"|men\s+(?:around|close\s+to|working\s+for)|people\s+close\s+to|associates\s+of|guards\s+of)\s+$", re.I),
    re.compile(r"(?:the\s+(?:suicide\s+)?(?:bomber|attacker|gunman|assailant|suspect|driver)),?\s+$", re.I),
    re.compile(r"\b(?:bomber|attacker|gunman|assailant|perpetrator|organi[sz]er|ringleader)\s+(?:was|is|as)\s+$", re.I),
]
PERSON_AFTER = re.compile(
    # a second name joined by 'and' is capitalised whatever the flags ('X and Y planned ...', not 'X and two women')
    # ('X and Y, the world's biggest drug traffickers, "are behind this attack"': a description after
    # the second name, and the quotation the words of blame open, too)
    r"^(?:,[^.;]{0,90}?,)?(?:\s+and\s+(?-i:[A-Z])[\w'.-]*(?:\s+(?-i:[A-Z])[\w'.-]*){0,3}(?:,[^.;]{0,90}?)?,?)?,?\s*[\"“]?(?:"
    r"(?:(?:is|was|are|were)\s+(?:\w+\s+)?(?:behind|responsible\s+for)|ordered|planned|masterminded|organi[sz]ed"
    r"|carried\s+out|committed)\s+(?:the|this|that|these|those|his|her|their)\s+(?:[\w'()\u2019-]+\s+){0,2}"
    + BEHIND_DEEDS + r"\b|(?:is|was|were|are|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:believed|thought|suspected|said|alleged|accused)"
    r"\s+(?:to\s+have\s+(?:been\s+behind|carried\s+out|organi[sz]ed|led|planned|masterminded|ordered|been\s+involved)"
    r"|of\s+(?:organi|carry|plann|lead|mastermind|order|involvement|being\s+behind))"
    r"|(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:named|identified)\s+as\s+the\s+(?:bomber|attacker|gunman|assailant|perpetrator|suspect)"
    r"|blew\s+(?:himself|herself)\s+up|detonated|opened\s+fire|(?:was|had\s+been)\s+behind|carried\s+out(?!\s+by)|led\s+the"
    r"|claimed\s+responsibility"
    r"|(?:and\s+his|whose)\s+(?:men|supporters|followers|fighters)"
    r"|,\s+[^,;.]{0,80}?\b(?:whom|who)\s+(?:\w+\s+){0,3}(?:blamed|accused|suspected|held\s+responsible)"
    r"|[^.;]{0,80}\b(?:named|identified)\s+as\s+the\s+(?:bomber|attacker|gunman))",
    re.I,
)
STATE_FORCES = re.compile(
    r"\b(?:(?P<adj>[A-Z][a-z]+)\s+)?(?P<force>(?:government|army|security|border|federal|special|interior\s+ministry)\s+"
    r"(?:troops|forces|guards|units?|service)|troops|border\s+guards|police|soldiers|servicemen|military"
    r"|army|(?i:armed\s+forces|air\s+force|national\s+(?:guard|police)|treasury\s+police)"
    r"|(?<=[a-z]\s)(?:forces|units|guards))\b"
)
# 'blamed X for', 'traced the bombing to X', 'the attackers were followers of X': who is held responsible,
# as the report words it (gold coders keep such descriptions: 'Uighur militants', 'two Uighur men').
DESCRIPTION_CUES = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|suspect(?:ed|s)?)\s+$"
    # (not 'ELN rebels blamed for bomb attack on military base': what the attack hit)
    r"|\bblam(?:ed|es|ing)\s+(?:the|this|that|Sunday's|\w+'s)?\s*(?:(?!for\b)\w+\s+){0,3}on\s+$"
    r"|\b(?:traced|attribut(?:e|ed|es)|linked)\s+(?:\w+\s+){0,5}to\s+$"
    r"|\b(?:carried\s+out|organi[sz]ed|committed|perpetrated|ordered|planned|masterminded|directed)\s+by\s+$"
    r"|\b(?:attackers|gunmen|assailants|bombers?|militants|men|suspects?)\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:followers|members|supporters|adherents)\s+of\s+[\"\u201c]?$",
    re.IGNORECASE,
)
FIGHT_LEMMAS = frozenset({"fight", "clash", "kill", "attack", "storm", "raid", "launch", "battle", "open", "shoot", "exchange",
                          "trade", "shell", "bomb", "strike", "ambush", "seize", "murder", "assassinate", "kidnap",
                          "abduct", "massacre", "execute", "torture", "fire",  # 'a missile fired by the Houthis'
                          "blow", "detonate", "dynamite", "torch", "burn", "behead", "stab", "lynch", "hijack",
                          "overrun"})  # 'when the Naxals blew up their vehicle'


@dataclass(frozen=True)
class ActorFinding:
    name: str
    kind: str  # organization | individual | state
    status: str  # claimed | attributed | suspected | denied
    start: int
    end: int
    sentence: Span
    how: str | None = None
    surface: str | None = None


def claim_status(sentences: list[Span]) -> str | None:
    """claimed | no_claim | None, from what the incident's sentences say about responsibility."""
    status = None
    for sent in sentences:
        if NO_CLAIM.search(sent.text):
            status = status or "no_claim"
        elif CLAIM.search(sent.text) and not _in_question(sent.text):
            status = "claimed"
    return status


def _in_question(text: str) -> bool:
    return text.rstrip().endswith("?")


GROUP_ANAPHORA = re.compile(r"\b(?:by|for)\s+the\s+(?:group|organi[sz]ation|movement|militants)\b"
                            r"|\bthe\s+(?:[\w'’-]+\s+){0,2}?(?:group|organi[sz]ation|movement)\s+(?:has\s+|had\s+)?"
                            r"(?:claimed|took|takes|said)",  # 'the al-Qaeda-linked group claimed responsibility'
                            re.IGNORECASE)
# How many sentences back 'the group' may look for the group it means.
ANAPHORA_SENTENCES = 3


def find_perpetrators(sentences: list[Span], groups: list[Span]) -> list[ActorFinding]:
    """Groups, individuals and state forces that the sentences tie to the incident."""
    found: list[ActorFinding] = []
    described: list[ActorFinding] = []  # unnamed doers ('gunmen') come after every named perpetrator
    for sent in sentences:
        sent_groups = [g for g in groups if sent.start <= g.start < sent.end and g.label_ == "GROUP"]
        found.extend(_claim_by_reference(sent, sent_groups))
        found.extend(_group_roles(sent, sent_groups))
        found.extend(_person_roles(sent))
        found.extend(_followers_by_reference(sent))
        found.extend(_state_forces(sent))
        found.extend(_forces_by_their_arms(sent))
        found.extend(_descriptions(sent, sent_groups))
        described.extend(_agents(sent, sent_groups))
        described.extend(_arrested_suspects(sent, sent_groups))
        found.extend(_unknown_claimant(sent))
    unnamed = {d.name.lower() for d in described} - {f.name.lower() for f in found}
    ordered = _dedupe(found + described)
    return [f for f in ordered if f.name.lower() not in unnamed] + [f for f in ordered if f.name.lower() in unnamed]


CONVICTED = re.compile(r"^\s*(?:were|was|have\s+been|had\s+been)\s+(?:later\s+|subsequently\s+)?"
                       r"(?:convicted|sentenced|jailed|found\s+guilty)", re.IGNORECASE)
# '... that armed forces elements are responsible for the killing of six priests': who is held to
# account, as the report describes them (the named group or person is found by its own rule).
HELD_RESPONSIBLE = re.compile(r"^\s*(?:is|are|was|were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:responsible\s+for|behind)"
                              r"\s+(?:the|this|that|these|those|his|her|their|its)?\s*(?:[\w'-]+\s+){0,2}"
                              r"(?:" + BEHIND_DEEDS[3:-1] + r"|deaths?|acts?|actions?)\b", re.IGNORECASE)


# '... three persons suspected of participating in the attack were released': people held to have
# taken part, as the report describes them.
SUSPECTED_OF = re.compile(r"^\s*,?\s*(?:who\s+(?:are|were|is|was)\s+)?(?:suspected|accused)\s+of\s+(?:participating|"
                          r"taking\s+part|involvement|being\s+involved|carrying\s+out|having\s+(?:participated|taken\s+part|"
                          r"carried\s+out))\b", re.IGNORECASE)


def _claim_by_reference(sent: Span, sent_groups: list[Span]) -> list[ActorFinding]:
    """'Both were claimed by the group': the group named in the sentences just before (unless the
    sentence names its antecedent itself, before the reference)."""
    match = GROUP_ANAPHORA.search(sent.text)
    if match is None or NO_CLAIM.search(sent.text):
        return []
    if not CLAIM.search(sent.text) and not _the_group_speaks_of_its_attack(sent, match):
        return []
    if any(g.start_char < sent.start_char + match.start() for g in sent_groups):
        return []
    earlier = [a for a in sent.doc.spans["unmist_actors"] if a.label_ == "GROUP" and a.end <= sent.start]
    sentence_starts = [s.start for s in sent.doc.sents if s.start < sent.start][-ANAPHORA_SENTENCES:]
    recent = [a for a in earlier if sentence_starts and a.start >= sentence_starts[0] and not _is_description(a)
              and not _is_speaker(a)]
    if not recent:
        return []
    group = recent[-1]
    start = sent.start_char + match.start()
    return [ActorFinding(group.kb_id_, _group_kind(group.kb_id_), "claimed", start, sent.start_char + match.end(), sent,
                         claim_mode(sent.text), match.group(0))]


# Words for a group that 'the ...' refers back to.
GROUP_WORDS = frozenset({"group", "organisation", "organization", "movement"})


def _the_group_speaks_of_its_attack(sent: Span, match: re.Match) -> bool:
    """'The group said it had targeted the ship': a claim in other words, as a named group's is."""
    words = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
    noun = next((t for t in words if t.lemma_.lower() in GROUP_WORDS), None) if words is not None else None
    return noun is not None and _speaks_of_own_attack(sent, sent.doc[noun.i: noun.i + 1])


# Words without which no sentence holds a description cue (a cheap test before the per-phrase one).
DESCRIPTION_WORDS = re.compile(r"\b(?:blam|accus|suspect|traced|attribut|linked|by|followers|members|supporters|"
                               r"adherents|convicted|sentenced|jailed|guilty|responsible|behind)", re.IGNORECASE)


def _descriptions(sent: Span, groups: list[Span]) -> list[ActorFinding]:
    """Noun phrases a blame or trace points at, when no known group or person stands there."""
    if not DESCRIPTION_WORDS.search(text_of(sent.doc), sent.start_char, sent.end_char):
        return []
    findings = []
    taken = _group_tokens(groups)
    events = _event_roots(sent)
    for chunk in noun_chunks_in(sent):
        if chunk.root.ent_type_ == "PERSON" and chunk.root.pos_ == "PROPN":
            continue  # a named person: found by _person_roles
        before = text_of(sent.doc)[max(sent.start_char, chunk.start_char - 70): chunk.start_char]
        after = text_of(sent.doc)[chunk.end_char: chunk.end_char + 40]
        cued = DESCRIPTION_CUES.search(before) or CONVICTED.match(after) or HELD_RESPONSIBLE.match(after) \
            or SUSPECTED_OF.match(after)
        if not cued or any(t.i in taken for t in chunk.root.subtree):
            continue  # 'fighters loyal to the Islamic State': the known group is the finding
        if (named := _named_beside(chunk.root)) is not None:  # 'blamed a little-known group, National Thowheeth Jama'ath,'
            findings.append(ActorFinding(described(named.text), "organization", _hedged(sent.text), named.start_char,
                                         named.end_char, sent))
            continue
        if chunk.root.pos_ == "PRON" or chunk.root.tag_ in ("WP", "PRP") or \
                chunk.root.lemma_.lower() in ("it", "they", "them", "he", "him", "who", "side", "group", "government"):
            continue  # 'it was discovered who was responsible': a pronoun names no one
        if chunk.root.i in events or chunk.root.lemma_.lower() in learned.NO_DOERS:
            continue  # 'blamed the attack on ...': the blamed event; 'linked to a local feud': no one
        if _blamed_for_a_pattern(chunk.root):
            continue
        span = with_of_phrase(chunk.root, chunk.start)  # keep 'followers of radical ... movements' whole
        span = span if span.end >= chunk.end else chunk
        text = re.sub(r"^(?:the|a|an)\s+", "", span.text.strip("\"“”'‘’ "), flags=re.I).strip("\"“”'‘’ ")
        status = _hedged(sent.text)
        findings.append(ActorFinding(text, _described_kind(chunk.root), status, span.start_char, span.end_char, sent))
    return findings


PLURAL_EVENTS = frozenset({"attack", "killing", "bombing", "kidnapping", "abduction", "shooting", "murder"})


def _blamed_for_a_pattern(blamed: Token) -> bool:
    """'Ecuador has seen a surge in violence blamed on drug gangs', 'a wave of kidnappings blamed
    on bandits', 'Washington has blamed Iran-backed militias for previous attacks': a pattern's
    doers, which the report gives as background, not the incident's."""
    if blamed.dep_ == "dobj" and blamed.head.lemma_.lower() == "blame":
        causes = [g for c in blamed.head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                  if g.dep_ == "pobj"]
        return any(_a_pattern(cause) for cause in causes)
    token = blamed.head
    if token.lower_ == "on" and token.head.i != token.i:
        token = token.head
    if token.lemma_.lower() not in ("blame", "attribute") or token.dep_ != "acl":
        return False
    return _a_pattern(token.head)


def _a_pattern(word: Token) -> bool:
    """Violence as a pattern: 'violence', 'a wave', attacks in the plural ('previous attacks', not
    'the killings', which are this incident's)."""
    lemma = word.lemma_.lower()
    return lemma in PATTERN_NOUNS or (lemma in PLURAL_EVENTS and word.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss") for c in word.children))


# Words for an armed group, which a name set beside them names ('a little-known group, National
# Thowheeth Jama'ath', 'the Los Tequileros gang', 'a group called ...').
GROUP_NOUNS = frozenset({"group", "gang", "cartel", "militia", "faction", "organization", "organisation", "movement",
                         "network", "brigade", "battalion"})


def _named_beside(noun: Token) -> Span | None:
    """The name in apposition to a word for a group: the group blamed is the one named."""
    if noun.lemma_.lower() not in GROUP_NOUNS:
        return None
    named = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return None if named is None else noun.doc[named.left_edge.i: named.right_edge.i + 1]


# Nouns for a force as a body ('the police'), not its people ('policemen').
FORCES = frozenset({"police", "personnel", "staff"})


def _described_kind(root: Token) -> str:
    """People described ('drug traffickers', 'uniformed men': a noun of the sides table or a doer)
    are individuals, unnamed, as GTD and MUC code them; anything else blamed ('the FMLN', 'the
    Colombian army', a name the gazetteer lacks) is an organisation."""
    lemma = root.lemma_.lower()
    people = (lemma in knowledge.sides() or lemma in DOER_NOUNS or root.lower_ in DOER_NOUNS) and lemma not in FORCES
    return "individual" if people and root.pos_ != "PROPN" else "organization"


# Verbs of violence whose doer the report names as a description ('gunmen shot', 'was kidnapped by
# heavily armed men'): GTD and MUC code such doers as the perpetrators (individuals, unnamed).
VIOLENT_VERBS = frozenset({"attack", "kill", "murder", "assassinate", "kidnap", "abduct", "bomb", "burn", "shoot",
                           "ambush", "storm", "raid", "detonate", "blow", "hurl", "throw", "torch", "stab", "seize",
                           "massacre", "execute", "behead", "dynamite", "machinegun", "hijack", "open", "fire", "lynch",
                           "beat", "overrun", "overran"})  # an outpost overrun by its attackers
# Nouns for people who may do violence, beyond the sides table's ('men', 'individuals', 'youths').
DOER_NOUNS = frozenset({"man", "men", "individual", "element", "band", "gang", "youth", "assassin", "killer", "hitman",
                        "squad", "unit", "paramilitary", "agent", "criminal", "trafficker", "commando", "column",
                        "patrol", "mob"})
NOT_DOERS = frozenset({"victim", "people", "person", "persons", "life", "civilian", "resident", "child", "children",
                       "woman", "women", "boy", "girl", "student", "passenger", "villager", "official", "leader"})


# Who carried out an attack, as reports call them.
ATTACKER_NOUNS = frozenset({"attacker", "bomber", "gunman", "assailant", "shooter", "hijacker", "perpetrator"})


def is_the_attacker(token: Token) -> bool:
    """The word names who carried out the attack: 'the gunman', or a name set beside such a word ('The
    attacker, Omar Mateen, 29, was killed by police', 'the shooter, identified as ...')."""
    if token.lemma_.lower() in ATTACKER_NOUNS:
        return True
    if token.dep_ == "appos" and token.head.lemma_.lower() in ATTACKER_NOUNS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.lemma_.lower() in ("identify", "name") \
            and token.head.head.head.lemma_.lower() in ATTACKER_NOUNS:
        return True  # 'The shooter, identified as Salvador Ramos, ...'
    return any(c.dep_ == "appos" and c.lemma_.lower() in ATTACKER_NOUNS for c in token.children)


def _attackers_the_forces_hit(subject: Token, verb: Token) -> bool:
    """'All six terrorists were killed by troops': the forces answered the attack; those hit are
    the attackers, whom the sides table calls so."""
    sides = knowledge.sides()
    return sides.get(_common_lemma(subject)) == "attackers" and any(
        sides.get(_common_lemma(agent)) == "security" for agent in _agents_of(verb))


def _agents_of(verb: Token) -> list[Token]:
    """Who a passive verb says did it: the objects of its 'by' ('killed by troops')."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _the_attacker_again(token: Token) -> bool:
    """'A gunman opened fire ..., killing four, before he was shot dead by police': a pronoun for the
    attacker the sentence names as the doer before it."""
    return token.lower_ in ("he", "she", "they") and any(
        t.dep_ == "nsubj" and t.i < token.i and is_the_attacker(t) for t in token.sent)


def _the_attackers_own_end(verb: Token) -> bool:
    """'A Palestinian gunman shot dead two Israelis ..., before being shot and killed by an off-duty
    soldier': a passive without a subject of its own befalls the subject of the verb it hangs on."""
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    first = climb(verb, ("conj",))
    if first.dep_ == "pcomp" and first.head.pos_ == "ADP":
        governor = first.head.head
    elif first.dep_ in ("advcl", "xcomp"):
        governor = first.head
    else:
        return False
    return any(c.dep_ == "nsubj" and is_the_attacker(c) for c in governor.children)


def _agents(sent: Span, groups: list[Span]) -> list[ActorFinding]:
    """Who did it, as a description: the subject of an active verb of violence or the agent of a
    passive one, when it is people ('guerrillas', 'three heavily armed men'), not a named group."""
    taken = _group_tokens(groups)
    sides = knowledge.sides()
    findings = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in VIOLENT_VERBS:
            continue
        # 'murdered by uniformed individuals': a reduced relative clause has an agent but no auxiliary
        passive = any(c.dep_ in ("auxpass", "agent") for c in verb.children)
        if not passive and _reduced_passive(verb):
            continue  # 'nine officers killed': the subject is who was hit
        if passive and (any(c.dep_ == "nsubjpass" and (is_the_attacker(c) or _the_attacker_again(c)
                                                        or _attackers_the_forces_hit(c, verb))
                            for c in verb.children) or _the_attackers_own_end(verb)):
            continue  # 'the gunman was killed by police': the police answered the attack
        doers = _agents_of(verb) if passive else [c for c in verb.children if c.dep_ == "nsubj"]
        for doer in doers:
            people = _the_people_counted(doer) or doer  # 'hundreds of militants': militants, so many of them
            lemma = _common_lemma(people)
            if not (people.pos_ == "NOUN" or _a_capitalised_common_noun(people)) or lemma in NOT_DOERS:
                continue
            if any(t.i in taken for t in doer.subtree) and not _of_a_group(doer, taken):
                continue  # 'FMLN guerrillas': the known group is the finding
            if sides.get(lemma) not in ("attackers", "security") and lemma not in DOER_NOUNS and \
                    people.lower_ not in DOER_NOUNS:
                continue
            span = _description_span(people)
            status = _hedged(sent.text)
            findings.append(ActorFinding(described(span.text), "individual", status, span.start_char, span.end_char, sent))
    return findings


# Words that count the people of an 'of' phrase after them ('hundreds of militants').  'A group of
# terrorists' is left to the learned model, which marks the whole phrase as MUC-4 codes it (MUC-4 dev
# 45.66 with group, number, handful, couple and team here, against 45.75 without).
COUNTING_WORDS = frozenset({"hundred", "hundreds", "dozen", "dozens", "score", "scores", "thousand", "thousands"})


def _the_people_counted(word: Token) -> Token | None:
    """The people a counting word counts: 'militants' of 'hundreds of militants'."""
    if word.lemma_.lower() not in COUNTING_WORDS and word.lower_ not in COUNTING_WORDS:
        return None
    return next((g for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _a_capitalised_common_noun(token: Token) -> bool:
    """'OUAGADOUGOU, Feb 26 (Reuters) - Gunmen killed ...': after a dateline the tagger reads the
    capital of the first word as a name's; a word for attackers is still a common noun, also one
    the tagger takes for a people or a creed ('when Maoists blew up their vehicle')."""
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "NORP") and token.text[:1].isupper() and (
        knowledge.sides().get(_common_lemma(token)) == "attackers" or token.lower_ in DOER_NOUNS)


def _common_lemma(token: Token) -> str:
    """The lemma, and for a plural the tagger took for a name ('Militants'), its singular as the
    sides table writes it."""
    lemma = token.lemma_.lower()
    if token.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in knowledge.sides():
        return lemma[:-1]
    return lemma


# Nouns for an act of violence that a word for its doers may qualify: 'terrorist acts', 'a guerrilla action'.
ACT_NOUNS = frozenset({"act", "action", "incident", "escalation", "operation", "offensive"})


def kinds_of_doers(sentences: list[Span]) -> list[ActorFinding]:
    """'The terrorist attack', 'last night's terrorist acts', 'a rebel ambush': the word for the
    attackers that qualifies the event tells what kind of people did it.  Only for an incident
    whose report says no more of who did it (MUC coders then record 'terrorist')."""
    sides = knowledge.sides()
    findings = []
    for sent in sentences:
        events = _event_roots(sent)
        for token in sent:
            if token.dep_ not in ("amod", "compound", "nmod") or sides.get(token.lemma_.lower()) != "attackers" \
                    or token.tag_ in ("VBN", "VBD"):  # 'suspected kidnappers': a participle, no 'suspect'
                continue
            if token.head.i in events or (token.head.pos_ == "NOUN" and token.head.lemma_.lower() in ACT_NOUNS):
                status = _hedged(sent.text)
                end = token.idx + len(token.text)
                findings.append(ActorFinding(token.lower_, "individual", status, token.idx, end, sent))
    return _dedupe(findings)


# Verbs with which the authorities hold someone for an incident ('arrested two suspects in this attack').
ARREST_VERBS = frozenset({"arrest", "detain", "charge", "apprehend", "indict"})
# What the arrest is for, when it names the incident: 'for killing six priests', 'in the attack'.
ARREST_GROUNDS = frozenset({"kill", "killing", "murder", "attack", "shooting", "bombing", "assassination", "kidnapping",
                            "death", "massacre", "ambush", "crime"})
SUSPECT_NOUNS = frozenset({"suspect", "soldier", "officer", "policeman", "guard", "member", "man", "men", "person",
                           "individual", "youth", "teen", "teenager"})


def _arrested_suspects(sent: Span, groups: list[Span]) -> list[ActorFinding]:
    """Who was arrested or charged for the incident the sentence names ('the arrest of 45 soldiers
    and 2 officers for killing six priests', 'arrested two suspects in this attack'): suspected of it."""
    taken = _group_tokens(groups)
    findings = []
    for verb in sent:
        if verb.lemma_.lower() not in ARREST_VERBS or not _held_for_the_incident(verb):
            continue
        held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")] + \
            [c for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        held += [c for h in list(held) for c in h.children if c.dep_ == "conj"]
        for person in held:
            if person.lemma_.lower() not in SUSPECT_NOUNS or any(t.i in taken for t in person.subtree):
                continue
            span = _description_span(person)
            findings.append(ActorFinding(described(span.text), "individual", "suspected", span.start_char, span.end_char, sent))
    return findings


def _held_for_the_incident(verb: Token) -> bool:
    """'arrested ... for killing', 'charged in the shooting', 'the arrest ... in connection with the
    attack', 'arrested ... on suspicion of attempted murder'."""
    for prep in (c for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("for", "in", "with", "of")):
        if prep.lower_ == "of" and prep.head.lemma_.lower() != "suspicion":
            continue
        if any(t.lemma_.lower() in ARREST_GROUNDS for t in prep.children if t.dep_ in ("pobj", "pcomp")):
            return True
    return False


def _of_a_group(doer: Token, taken: set[int]) -> bool:
    """'members of the FMLN attacked': the people who did it, of the group named after them (the
    group is a finding of its own)."""
    return doer.i not in taken and any(c.dep_ == "prep" and c.lower_ == "of" and any(t.i in taken for t in c.subtree)
                                       for c in doer.rights)


# Verbs of violence whose active use always has an object: with none, with no auxiliary, and with a
# counted subject, the clause is a headline's reduced passive ('two guards killed' = two guards were
# killed); 'his supporters stabbed to death the general' stays active, whatever the parse of its object.
OBJECT_VERBS = frozenset({"kill", "murder", "assassinate", "kidnap", "abduct", "execute", "behead", "massacre",
                          "stab", "hijack", "torch", "seize"})


# Participles after a noun that say its people were hit ('Two soldiers killed in ...').
HIT_PARTICIPLES = OBJECT_VERBS | {"wound", "injure", "shoot"}


def _reduced_passive(verb: Token) -> bool:
    """'Two guards killed', 'Police officer shot dead in Karachi': a headline's passive without its
    auxiliary ('shot dead' with no one shot is never active)."""
    if any(c.dep_ in ("dobj", "obj", "dative", "aux", "attr") for c in verb.children):
        return False
    if verb.lemma_.lower() == "shoot" and any(c.lower_ == "dead" for c in verb.children):
        return any(c.dep_ == "nsubj" for c in verb.children)
    if verb.lemma_.lower() not in OBJECT_VERBS:
        return False
    return any(c.dep_ == "nsubj" and (c.like_num or any(n.dep_ == "nummod" for n in c.children)) for c in verb.children)


def _event_roots(sent: Span) -> set[int]:
    """The head words of the sentence's incident triggers ('the attack', 'bombed')."""
    return {t.root.i for t in sent.doc.spans.get("unmist_triggers", []) if sent.start <= t.start < sent.end}


def _group_tokens(groups: list[Span]) -> set[int]:
    """The tokens of the known groups a sentence names (their people are found as the group)."""
    return {t for g in groups for t in range(g.start, g.end)}


def described(text: str) -> str:
    """A description without its article or quantifier ('several armed men' -> 'armed men'); a
    word-boundary match, so not the 'A' of 'Afghan'.  'Unidentified' stays: it is what the report
    knows of them (MUC-4 train keys write 'unidentified assailants' 41 times, 11 with the bare noun)."""
    return re.sub(r"^(?:(?:the|a|an|some|several)\s+)*", "", text, flags=re.I) or text


def _description_span(noun: Token) -> Span:
    """The noun with its modifiers before it and an 'of' phrase after ('members of the 8th front')."""
    start = min([noun.i] + [t.i for c in noun.lefts if c.dep_ in ("amod", "compound", "nummod", "nmod")
                            for t in c.subtree])
    return with_of_phrase(noun, _after_a_dateline(noun, start))


DASHES = frozenset({"-", "--", "—", "–"})


def _after_a_dateline(noun: Token, start: int) -> int:
    """Where a description starts after a dateline the parser took into it ('MAPUTO (Reuters) -
    Islamist insurgents'): past the last dash set off by spaces ('pro-government' has none)."""
    doc = noun.doc
    dashes = [t.i for t in doc[start:noun.i] if t.text in DASHES and t.whitespace_ and t.i > 0 and doc[t.i - 1].whitespace_]
    return dashes[-1] + 1 if dashes else start


# Words that describe a noun rather than name it: '(the FARC), which operates in that region',
# 'the front, a splinter group'.
DESCRIBING_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "punct", "parataxis"})


def with_of_phrase(noun: Token, start: int) -> Span:
    """The noun's words from ``start`` with the 'of' phrase after it ('members of the 8th front of
    the FARC'), without the clauses that describe what it names ('..., which operates in that
    region about 250 km from Bogota')."""
    end = noun.i + 1
    for token in noun.rights:
        if token.dep_ == "prep" and token.lower_ == "of":
            end = max(end, _naming_end(token))
    return noun.doc[start:end]


def _naming_end(token: Token) -> int:
    end = token.i + 1
    for child in token.rights:
        if child.dep_ not in DESCRIBING_DEPS:
            end = max(end, _naming_end(child))
    return end


CLAIM_VERBS = frozenset({"claim", "take", "accept"})


def _unknown_claimant(sent: Span) -> list[ActorFinding]:
    """'The Zarafshan Legion claimed responsibility': a named claimant the group table does not know
    yet is still the claimant, under the name the report gives (add it to groups.jsonl to merge its
    spellings)."""
    if not CLAIM.search(sent.text) or NO_CLAIM.search(sent.text) or _in_question(sent.text):
        return []
    known = actor_tokens(sent.doc)
    for verb in (t for t in sent if t.lemma_.lower() in CLAIM_VERBS and t.pos_ == "VERB"):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        span = _the_groups_name(subject) if subject is not None and subject.pos_ == "NOUN" else None
        if span is None:
            if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ in ("GPE", "LOC", "NORP"):
                continue
            name_tokens = [t for t in subject.subtree if t.dep_ not in ("det", "punct", "relcl", "appos", "acl")
                           and t.i <= subject.i]
            if not name_tokens or not name_tokens[0].text[:1].isupper():
                continue
            span = _for_whom_they_speak(sent.doc[name_tokens[0].i: subject.i + 1])
        if span is None or any(t.i in known for t in span):
            continue
        return [ActorFinding(span.text, "organization", "claimed", span.start_char, span.end_char, sent,
                             claim_mode(sent.text))]
    return []


def _for_whom_they_speak(name: Span) -> Span | None:
    """A claimant's name as the report gives it, or, for a spokesperson ('Zarafshan Legion spokesman
    Yahya Saree'), the name of whom they speak for before the title; None when it names nobody."""
    title = next((t for t in name if t.lemma_.lower() in SPOKESPEOPLE), None)
    if title is None:
        return name
    words = [t for t in name if t.i < title.i and t.text[:1].isupper()]
    return name.doc[words[0].i: words[-1].i + 1] if words else None


def _the_groups_name(noun: Token) -> Span | None:
    """The name a word for a group carries: 'a little-known group called the Popular Resistance
    Front', 'the Los Tequileros gang' (the name with the word); None for a group without a name ('the
    group claimed ...') or another word."""
    if noun.lemma_.lower() not in GROUP_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("call", "name"):
            name = next((c for c in child.children if c.dep_ in ("oprd", "attr", "dobj") and c.pos_ == "PROPN"), None)
            if name is None:
                return None
            words = [t for t in name.subtree if t.dep_ not in ("det", "punct") and t.i <= name.i]
            return noun.doc[words[0].i: name.i + 1]
    named = next((c for c in noun.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and len(list(c.subtree)) > 1), None)
    if named is not None:  # 'A little-known group, Tehreek-e-Jihad Pakistan, claimed responsibility'
        first = next(t for t in named.subtree if t.dep_ not in ("det", "punct"))
        return noun.doc[first.i: named.i + 1]
    names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()]
    return noun.doc[min(t.i for c in names for t in c.subtree): noun.i + 1] if names else None


def _group_roles(sent: Span, groups: list[Span]) -> list[ActorFinding]:
    text = sent.text
    findings = []
    for group in groups:
        status = _group_status(sent, group, text)
        if status is None:
            continue
        how = claim_mode(text) if status == "claimed" else None
        findings.append(ActorFinding(group.kb_id_, _group_kind(group.kb_id_), status, group.start_char, group.end_char,
                                     sent, how, group.text if group.text != group.kb_id_ else None))
    return findings


def _group_status(sent: Span, group: Span, text: str) -> str | None:
    if NO_CLAIM.search(text) and not BLAME.search(text):
        return None
    if (said := _said_by_its_spokesperson(group, text)) is not None:
        return said
    if _is_description(group) or _is_speaker(group):
        return None
    if CLAIM.search(text) and not _in_question(text) and _is_subject_side(sent, group):
        return "claimed"
    if DENIAL.search(text) and _is_subject_side(sent, group):
        return "denied"
    if _speaks_of_own_attack(sent, group):
        return "claimed"
    if _is_victim(group):
        return None  # 'Israeli strike kills three Hezbollah fighters': the group's men were hit
    if BLAME.search(text) or _is_agent_of_event(group):
        return _hedged(text)
    return None


# Who speaks for a group: what they claim or deny, the group does.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokespeople", "spokespersons"})
# Who else claims or denies in a group's name: its leaders ('Gran Grif leader Luckson Elan claimed
# responsibility in a video').
LEADERS = frozenset({"leader", "chief", "commander", "head", "emir", "founder", "boss"})


def _said_by_its_spokesperson(group: Span, text: str) -> str | None:
    """'Taliban spokesman Zabihullah Mujahid claimed responsibility', 'a Houthi military spokesman
    claimed the attack', 'Boko Haram leader Abubakar Shekau claimed ...': claimed (or denied) by the
    group itself; None when its spokesperson or leader only speaks ('a Taliban spokesman said five
    soldiers died': a source)."""
    speaker = _spokesperson_of(group)
    if speaker is None or speaker.dep_ != "nsubj" or _in_question(text):
        return None
    verb = speaker.head.lemma_.lower()
    if verb in CLAIM_VERBS and CLAIM.search(text):
        return "claimed"
    return "denied" if verb in ("deny", "reject") and DENIAL.search(text) else None


def _spokesperson_of(group: Span) -> Token | None:
    """The head of the phrase naming the group's spokesperson or leader ('Mujahid' of 'Taliban
    spokesman Zabihullah Mujahid', 'spokesman' of 'a Taliban spokesman'), or None."""
    token = group.root
    if token.dep_ not in ("compound", "amod", "nmod", "poss") or token.head.lemma_.lower() not in SPOKESPEOPLE | LEADERS:
        return None
    return climb(token.head, ("compound", "appos"))


def _is_a_spokesperson(name: Span) -> bool:
    """The person is named as someone's spokesperson ('Taliban spokesman Zabihullah Mujahid', 'a
    spokesman, Zabihullah Mujahid,'): who speaks for the doers, not a doer."""
    root = name.root
    titles = [t for t in root.children if (t.dep_ == "compound" and t.i < name.start) or t.dep_ == "appos"]
    return any(t.lemma_.lower() in SPOKESPEOPLE for t in titles + ([root.head] if root.dep_ == "appos" else []))


DESCRIPTIVE_HEADS = frozenset({"link", "ally", "affiliate", "tie", "connect", "associate", "allied", "linked", "close",
                               "fight", "alongside", "with", "allegiance"})


DESCRIBED_BY_MODIFIER = frozenset({"ally", "affiliate", "partner", "offshoot", "branch", "sympathiser", "sympathizer",
                                   "supporter", "camp", "ideology", "propaganda", "literature", "leader", "founder",
                                   "member", "spokesman", "commander"})


def _is_description(group: Span) -> bool:
    """'a militant group linked to al Qaeda', 'fought with the Taliban': the group describes another."""
    following = text_of(group.doc)[group.end_char: group.end_char + 12].lower()
    if re.match(r"-(?:linked|affiliated|aligned|allied|inspired|backed|style|type)", following):
        return True  # 'Al Qaeda-linked IMU'
    modifier = climb(group.root, ("conj",))  # 'Islamic State and al-Qaeda affiliates': both describe
    if modifier.dep_ in ("compound", "amod", "nmod", "poss") and modifier.head.lemma_.lower() in DESCRIBED_BY_MODIFIER:
        return True  # 'Al Qaeda ally', 'Taliban sympathisers'
    token = group.root
    token = climb(token, ("compound", "conj", "appos"))
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    return preposition.lower_ in ("to", "with", "alongside") and preposition.head.lemma_.lower() in DESCRIPTIVE_HEADS


def _is_speaker(group: Span) -> bool:
    """'according to the Taliban interior ministry', 'a Taliban spokesman said': a source, not a suspect."""
    before = text_of(group.doc)[max(0, group.start_char - 20): group.start_char].lower()
    if re.search(r"according to (?:the\s+)?$", before):
        return True
    token = group.root
    for _ in range(3):
        if token.dep_ in ("nsubj",) and token.head.lemma_ in ("say", "tell", "announce", "report", "state", "confirm"):
            return not _speaks_of_own_attack(group.sent, group)
        if token.dep_ in ("compound", "amod", "poss", "nmod") and token.head.lemma_ in ("spokesman", "ministry", "official",
                                                                                       "government", "spokesperson", "authority",
                                                                                       "count", "tally", "figure", "account",
                                                                                       "estimate", "statement"):
            # 'an ISKP statement said the group's fighters had planted the bomb' is a claim, not a source
            return token.head.lemma_ != "statement" or not _speaks_of_own_attack(group.sent, group)
        token = token.head
    return False


def _is_subject_side(sent: Span, group: Span) -> bool:
    """The group stands before the claim/denial verb, or after 'claimed by'."""
    claim = CLAIM.search(sent.text) or DENIAL.search(sent.text)
    if claim is None:
        return False
    offset = sent.start_char + claim.start()
    if "by" in claim.group(0).lower():
        return 0 <= group.start_char - (sent.start_char + claim.end()) <= 6  # 'claimed by the IMU', not '... by the group, and the Taliban'
    if group.start_char < offset:
        return True
    between = text_of(sent.doc)[sent.start_char + claim.end(): group.start_char]
    return bool(re.search(r"\b(?:for|on behalf of|in the name of)\s+(?:the\s+)?$", between))  # 'claims X for Y'


def _speaks_of_own_attack(sent: Span, group: Span) -> bool:
    """'The IMU ... said via a radio station that they attacked a column': a claim in other words."""
    root = climb(group.root, ("appos", "conj", "compound", "pobj", "prep"))
    if root.dep_ != "nsubj" or root.head.lemma_ not in ("say", "announce", "state"):
        return False
    return any(_is_self_reference(t) and _a_doer(t) and _doer_of(t) in FIGHT_LEMMAS | PERPETRATION_LEMMAS
               and not has_modal(_deed_of(t)) for t in root.head.subtree)  # 'said it would attack' threatens


def _a_doer(token: Token) -> bool:
    """The self-reference does what follows ('they attacked', 'its fighters planted'), not suffers it
    ('Hezbollah announced the deaths of three of its members without saying where they were killed')."""
    return (token.head if token.dep_ == "poss" else token).dep_ == "nsubj"


# What a group says its own fighters did, besides fighting: 'had planted the bomb', 'carried out the attack'.
PERPETRATION_LEMMAS = frozenset({"plant", "detonate", "carry", "target", "execute", "behead", "blow"})


def _is_self_reference(token: Token) -> bool:
    """'we', 'it', 'they', 'its', or 'the group' in 'the group's fighters', inside the group's own statement."""
    if token.lower_ in ("we", "it", "they", "our", "its", "their"):
        return True
    return token.lemma_.lower() in GROUP_WORDS and token.dep_ == "poss"


def _doer_of(token: Token) -> str:
    """The word the token hangs on, through what it owns ('the group's fighters planted' -> plant)."""
    return _deed_of(token).lemma_.lower()


def _deed_of(token: Token) -> Token:
    """The verb the token (or what it owns) is the subject of."""
    return (token.head if token.dep_ == "poss" else token).head


# Nouns for an attack: its 'by' names who made it ('a 30-hour siege by al-Shabaab extremists'), its
# 'on' what it hit ('an attack on a hospital in Kabul').
ATTACK_NOUNS = frozenset({"attack", "assault", "siege", "raid", "ambush", "bombing", "offensive", "massacre", "killing",
                          "kidnapping", "abduction", "shelling", "incursion", "strike", "airstrike"})


def _is_agent_of_event(group: Span) -> bool:
    token = group.root
    for _ in range(3):
        if _does(token, FIGHT_LEMMAS) or _by_of_an_attack(token):
            return True
        if token.dep_ in ("compound", "amod", "pobj", "prep", "nmod", "poss") or _after_by(token) \
                or _named_after_its_kind(token):
            token = token.head
            continue
        break
    return _does(token, FIGHT_LEMMAS)


def _in_the_datelines_place(token: Token) -> Token:
    """'MANILA, Philippines (AP) — Communist New People's Army guerrillas ambushed ...': the parser
    may make the dateline's place the sentence's subject and the doers its apposition or conjunct;
    they stand where it stands."""
    head = token.head
    if token.dep_ in ("appos", "conj") and head.i < token.i and head.dep_ == "nsubj" and in_a_dateline(head.doc, head.idx):
        return head
    return token


def _named_after_its_kind(token: Token) -> bool:
    """'when the paramilitary Rapid Support Forces shelled a market': the parser makes the kind the
    subject and the name its apposition."""
    return token.dep_ == "appos" and token.head.i < token.i and token.head.dep_ in ("nsubj", "agent", "pobj") \
        and not token.head.ent_type_


def _after_by(token: Token) -> bool:
    """'Shelling by the paramilitary Rapid Support Forces': the parser hangs the name on the word
    after 'by', in apposition."""
    return token.dep_ == "appos" and token.head.dep_ == "pobj" and token.head.head.lower_ == "by"


def _by_of_an_attack(token: Token) -> bool:
    """'an attack by the FMLN', also where the tagger reads the attack as a verb ('Shelling by ...')."""
    attack = token.head.head
    return token.dep_ == "pobj" and token.head.lower_ == "by" and (
        attack.lemma_.lower() in ATTACK_NOUNS or attack.lower_ in ATTACK_NOUNS)


def _does(token: Token, verbs: frozenset[str]) -> bool:
    """The token is who does one of ``verbs``: its subject (not in a headline's reduced passive,
    'four soldiers killed') or the agent of its passive ('by gunmen')."""
    token = _in_the_datelines_place(token)
    if token.head.lemma_ not in verbs or _said_to_be_hit(token):
        return False
    return token.dep_ == "agent" or (token.dep_ == "nsubj" and not _reduced_passive(token.head))


def _said_to_be_hit(token: Token) -> bool:
    """'Iraq: Two soldiers killed in IS ambush': the headline's participle after the noun says they
    were hit, though the parser makes them the subject of 'ambush'."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HIT_PARTICIPLES for c in token.children)


def _group_kind(name: str) -> str:
    return next((g.kind for g in knowledge.groups() if g.name == name), "organization")


def claim_mode(text: str) -> str | None:
    return next((mode for mode, pattern in CLAIM_MODES if pattern.search(text)), None)


def _person_roles(sent: Span) -> list[ActorFinding]:
    """Named people in a perpetrator role: 'carried out by X', 'the bomber was X', 'X is believed to
    have been behind'.  The small English model often labels Central Asian names as organisations,
    so a run of proper nouns after a role phrase counts as a name too."""
    findings = []
    known = actor_tokens(sent.doc)
    for span in sorted(_names(sent), key=lambda name: name.start):
        if _is_victim(span) or any(t.i in known for t in span) or _is_a_spokesperson(span):
            continue  # a known group or outlet is found as one; a spokesperson speaks for the doers
        before = text_of(sent.doc)[max(sent.start_char, span.start_char - 60): span.start_char]
        after = text_of(sent.doc)[span.end_char: min(sent.end_char, span.end_char + 140)]
        by_role = any(p.search(before) for p in PERSON_ROLES) or _commander(before) or _joined_to_found(span, findings)
        if not (by_role or ((span.label_ == "PERSON" or _joined_to_a_person(span)) and PERSON_AFTER.match(after))):
            continue
        if span.label_ != "PERSON" and len(span) < 2:
            continue
        status = _hedged(sent.text)
        name = re.sub(r"^(?:Mr|Mrs|Ms)\.?\s+", "", span.text)  # a rank stays (see extract._ranked)
        findings.append(ActorFinding(name, "individual", status, span.start_char, span.end_char, sent))
    return findings


def _joined_to_found(span: Span, findings: list[ActorFinding]) -> bool:
    """'ordered by Fidel Castano and Henry Perez': the second of two names joined by 'and' holds the
    role the first was found in."""
    text = text_of(span.doc)
    return any(re.fullmatch(r",?\s+and\s+", text[f.end:span.start_char]) for f in findings)


def _joined_to_a_person(span: Span) -> bool:
    """'Pablo Escobar Gaviria and Gonzalo Rodriguez Gacha': a name the tagger missed, joined by 'and'
    to one it took for a person, is a person's too."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "and" and doc[span.end + 1].ent_type_ == "PERSON"


# 'troops commanded by Lieutenant Pachecho' (the rank outside the name, as an all-capitals report's
# truecased copy has it): the officer in command did it too.
COMMANDED_BY = re.compile(r"\b(?:commanded|led)\s+by\s+(?P<rank>[A-Za-z]+)\.?\s+$", re.I)


def _commander(before: str) -> bool:
    match = COMMANDED_BY.search(before)
    return match is not None and match.group("rank").lower() in knowledge.ranks()


FOLLOWERS = re.compile(r"\b(?:his|her)\s+(?:supporters|men|followers|fighters|loyalists|bodyguards|guards)\b", re.I)


def _followers_by_reference(sent: Span) -> list[ActorFinding]:
    """'his supporters stabbed to death the general': the man named in the sentences just before."""
    match = FOLLOWERS.search(sent.text)
    if match is None:
        return []
    span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
    if span is None or not (span.root.dep_ == "nsubj" and _does(span.root, FIGHT_LEMMAS | KILL_VERBS)):
        return []
    previous = [s for s in sent.doc.sents if s.start < sent.start][-2:]
    people = [name for s in previous for name in _names(s)]
    if not people:
        return []
    person = people[-1]
    status = _hedged(sent.text)
    return [ActorFinding(person.text, "individual", status, span.start_char, span.end_char, sent, None, match.group(0))]


KILL_VERBS = frozenset({"stab", "murder", "kill", "assassinate", "abduct", "kidnap", "beat"})


def _with_given_names(entity: Span) -> Span:
    """'Akbarzhon Jalilov' when the model only marked 'Jalilov' (not the full stop of 'Capt.', which
    the tagger may call a proper noun too)."""
    start = entity.start
    while start > entity.sent.start and entity.doc[start - 1].pos_ == "PROPN" and entity.doc[start - 1].dep_ == "compound" \
            and not entity.doc[start - 1].is_punct:
        start -= 1
    return Span(entity.doc, start, entity.end, label="PERSON")


def _names(sent: Span) -> list[Span]:
    """PERSON entities, and runs of two or more proper nouns the model did not call people."""
    names = [_with_given_names(e) for e in entities_in(sent) if e.label_ == "PERSON" and len(e.text) >= 4]
    covered = {t.i for e in names for t in e}
    run: list = []
    for token in [*sent, None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in covered and token.ent_type_ in ("ORG", "PERSON", ""):
            run.append(token)
            continue
        if len(run) >= 2:
            names.append(Span(sent.doc, run[0].i, run[-1].i + 1, label="NAME"))
        run = []
    return names


def _is_victim(entity: Span) -> bool:
    """'killed five supporters of Mirzokhuja Ahmadov': the named man's side was attacked."""
    token = entity.root
    for _ in range(4):
        if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in FIGHT_LEMMAS:
            return True
        if token.head.i == token.i:
            break
        token = token.head
    return False


def _state_forces(sent: Span) -> list[ActorFinding]:
    findings = []
    for match in STATE_FORCES.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start("force"), sent.start_char + match.end("force"),
                                  alignment_mode="expand")
        if span is None or not _is_force_agent(span) or _of_the_other_side(span):
            continue
        adjective = match.group("adj")
        country_word = adjective if adjective and adjective in knowledge.demonyms() else None
        name = f"{country_word} {match.group('force').lower()}" if country_word else match.group("force").lower()
        start = sent.start_char + (match.start("adj") if country_word else match.start("force"))
        findings.append(ActorFinding(name, "state", "attributed", start, sent.start_char + match.end(), sent))
    return findings


# Arms only a state's forces strike with: a country's adjective before one of them says whose forces
# fired ('a Russian missile strike on Odesa killed eight', 'Israeli air strikes killed 20').
STATE_ARMS = frozenset({"missile", "airstrike", "air", "shelling", "artillery", "warplane", "jet", "bombardment",
                        "drone", "helicopter", "gunship", "navy"})
# What such arms make ('a missile strike', 'air raids', 'drone attacks', 'artillery fire').
STRIKE_NOUNS = frozenset({"strike", "raid", "attack", "fire", "bombing"})


def _forces_by_their_arms(sent: Span) -> list[ActorFinding]:
    """The forces of the country whose adjective stands before a state's arms that do the killing
    or hit what was attacked: 'A Russian missile strike on Odesa killed eight' -> Russian forces,
    attributed.  'Iranian-made drones' are only made there."""
    findings = []
    for token in sent:
        if not _a_countrys_word(token) or token.dep_ not in ("amod", "compound", "npadvmod", "nmod") or \
                (token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in ("-", "–")):
            continue
        arms = token.head
        if not _state_arms(arms) or not _strikes(arms):
            continue
        name = f"{token.text} forces"
        findings.append(ActorFinding(name, "state", "attributed", token.idx, token.idx + len(token.text), sent))
    return findings


def _a_countrys_word(token: Token) -> bool:
    """A nationality ('Russian') or a country's name as one ('a Myanmar military air strike')."""
    return token.text in knowledge.demonyms() or (
        token.ent_type_ == "GPE" and any(p.precision == "country" for p in gazetteer.lookup(token.text)))


def _state_arms(word: Token) -> bool:
    """'missiles', 'shelling', or a strike made with them ('missile strike', 'air strikes'); a
    country's strike is made with them ('An Israeli strike on a school')."""
    lemma = word.lemma_.lower()
    return lemma in STATE_ARMS or lemma == "strike" or (lemma in STRIKE_NOUNS and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in STATE_ARMS for c in word.children))


def _strikes(arms: Token) -> bool:
    """The arms (or the strike they make: 'missile strike', 'air raid') are the subject of what was
    done, or hit with 'on' what was attacked ('a missile strike on Odesa')."""
    head = arms
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "nsubj" and head.head.pos_ == "VERB":
        return True
    clauses = [c for c in head.children if c.dep_ == "acl"]
    if head.dep_ == "ROOT" and any(g.dep_ == "dobj" for c in clauses for g in c.children):
        return True  # 'Israeli air strikes killed 20 people', which the parser reads as the strikes that killed them
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in head.children)


def _of_the_other_side(span: Span) -> bool:
    """'rebel forces', 'guerrilla units', 'FMLN units': a force of those who attack the state."""
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    return before is not None and (knowledge.sides().get(before.lemma_.lower()) == "attackers"
                                   or before.i in actor_tokens(span.doc))


def _is_force_agent(span: Span) -> bool:
    token = span.root
    if token.dep_ == "nsubj" and _does(token, FIGHT_LEMMAS):
        return True
    return token.dep_ == "conj" and token.head.dep_ == "nsubj" and _does(token.head, FIGHT_LEMMAS)


def _dedupe(found: list[ActorFinding]) -> list[ActorFinding]:
    """One finding per actor; a claim outranks an attribution, which outranks a suspicion.  What the
    report's headline says of an actor counts only when its body says nothing of them, or when it is
    a claim: a headline drops the body's hedges ('Al-Shabaab militants kill 3 police officers' over a
    bomb 'planted by suspected al-Shabaab militants')."""
    best: dict[str, ActorFinding] = {}
    for finding in found:
        key = HEDGED.sub("", finding.name.lower())  # 'Jihadists' in a headline, 'suspected jihadists' in the body
        if key not in best or _weight(finding) < _weight(best[key]):
            best[key] = finding
    return sorted(best.values(), key=lambda f: f.start)


# The hedge a description of the doers may start with: the same doers as without it.
HEDGED = re.compile(r"^(?:suspected|alleged|presumed)\s+")


def _weight(finding: ActorFinding) -> tuple[bool, int]:
    return finding.status != "claimed" and in_the_headline(finding.sentence), PERPETRATOR_STATUS_RANK[finding.status]
