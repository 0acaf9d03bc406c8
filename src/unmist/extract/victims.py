"""What an incident did to its victims and how many they were, read off the parse around each
victim's words (exact rules: a verb and its object, a number and its noun).

    'guerrillas killed six Jesuit priests'        -> killed, 6
    'two police officers were wounded'            -> wounded, 2
    'the kidnapping of a businessman'             -> kidnapped, 1
    'the murder of Antonio Roldan Betancur'       -> killed, 1
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .figures import after_to_death, to_death
from .numbers import parse_number

EFFECT_LEMMAS = {
    "killed": {"kill", "murder", "assassinate", "slay", "execute", "behead", "lynch", "martyr", "massacre", "die", "shoot_dead",
               "murdered", "killed", "death", "assassination", "killing", "slaying", "execution"},
    "wounded": {"wound", "injure", "hurt", "maim", "injury", "wounded", "injured"},
    "kidnapped": {"kidnap", "abduct", "seize", "kidnapping", "kidnaping", "abduction", "hostage", "capture", "kidnapped",
                  "abducted"},
    "attacked": {"attack", "shoot", "assault", "ambush", "fire", "threaten", "bomb"},
}
# How many heads up from the victim's words a governing verb or noun is looked for.
CLIMB = 5
# Words that make 'take' or 'hold' a kidnapping ('were taken hostage', 'held him captive').
CAPTIVE_WORDS = frozenset({"hostage", "hostages", "captive", "captives"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "whom"})


def effect_of(span: Span) -> str | None:
    """killed | wounded | kidnapped | attacked, from the verb or event noun that governs the words."""
    token = span.root
    if any(t.lower_ in ("dead", "death") and t.head.i == token.head.i for t in token.head.children) \
            or after_to_death(token) or (token.dep_ in ("dobj", "obj", "nsubjpass") and to_death(token.head)):
        return "killed"  # 'shot dead', 'stabbed to death', 'stabbed to death General Nazarov'
    told_by_the_words = _effect_of_modifiers(span)
    if told_by_the_words is not None:
        return told_by_the_words
    for _ in range(CLIMB):
        if token.dep_ not in ("dobj", "nsubjpass", "pobj", "conj", "appos", "nsubj", "prep", "agent", "obj"):
            break
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ == "nsubj" and head.lemma_.lower() not in EFFECT_LEMMAS["killed"]:
            break  # the doer of anything but dying is no victim of it
        effect = _effect_word(head)
        if effect is not None and not (token.dep_ == "agent"):
            return "killed" if effect == "attacked" and _says_dead(head) else effect
        token = head
    return None


def _effect_of_modifiers(span: Span) -> str | None:
    """What the words' own modifiers say happened: 'the assassinated Carlos Pizarro', 'Jaime
    Pardo, who was murdered in 1987'."""
    for child in span.root.children:
        if child.dep_ == "amod" and child.i < span.start:
            effect = _effect_word(child)
        elif child.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "nsubj") and c.lower_ in RELATIVE_PRONOUNS
                                           for c in child.children):
            subject = next(c for c in child.children if c.dep_ in ("nsubjpass", "nsubj"))
            effect = _effect_word(child) if subject.dep_ == "nsubjpass" or child.lemma_.lower() in EFFECT_LEMMAS[
                "killed"] else None
        else:
            continue
        if effect is not None and effect != "attacked":
            return effect
    return None


def _effect_word(token: Token) -> str | None:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in ("take", "hold") and any(c.lower_ in CAPTIVE_WORDS for c in token.children):
        return "kidnapped"
    for effect, words in EFFECT_LEMMAS.items():
        if lemma in words or lower in words:
            return effect
    return None


def _says_dead(verb: Token) -> bool:
    return any(t.lower_ in ("dead", "death") for t in verb.subtree)


def count_of(span: Span) -> int | None:
    """The number the words give, 1 for 'a'/'an' or a single named person, None for a bare plural."""
    numbers = [t for t in span if t.like_num or t.dep_ == "nummod"]
    if numbers:
        words = [numbers[0]] + [t for t in span[numbers[0].i - span.start + 1:] if t.like_num]
        value = parse_number(" ".join(t.text for t in words))
        if value is not None:
            return value
    root = span.root
    if root.tag_ in ("NNS", "NNPS"):
        return None
    if span[0].lower_ in ("a", "an", "one") or root.pos_ == "PROPN" or root.ent_type_ == "PERSON":
        return 1
    return 1 if root.tag_ == "NN" and root.lower_ not in ("family", "people", "group", "population") else None
