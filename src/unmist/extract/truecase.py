"""Truecasing for reports written in one case: all-capitals wire archives, lower-case bulletins.

spaCy's English model reads capitals as proper nouns; on 'GUERRILLAS ATTACKED THE FARM' every word
is a name and the parse the rules stand on falls apart.  Such a report is parsed in the case
ordinary news would have, guessed word by word; the copy has the report's length, so every span
and evidence offset is the report's own (evidence text is always taken from the report itself).

No library on PyPI does offline English truecasing without a trained model of its own, and the
word lists needed are already here: the English model's lemma index (common words), spaCy's stop
words, the gazetteer (places) and the knowledge files (groups, titles).

A word is cased alone first, then in context: the lemma index holds names too ('oscar', 'maria',
'diaz'), so a word between a title or a name and a name ('ARCHBISHOP OSCAR ARNULFO ROMERO',
'MARIA ELENA DIAZ PEREZ') is part of the name.  (Lists of given names on PyPI are GPL-licensed or
gigabytes large; the context does most of their work here.)
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .. import knowledge

# A report is in one case when this share of its cased letters is upper case (or none of them is).
SHOUTING_SHARE = 0.8
# ... and it has at least this many letters (a headline alone says nothing).
MIN_LETTERS = 40
# An English word that is also a place of at least this many people is taken for the place.
BIG_PLACE = 1_000_000
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SENTENCE_END = re.compile(r"(?:[.!?]['\"”’)]?\s+|\n\s*\n\s*|\[TEXT\]\s+|^\s*)$", re.IGNORECASE)
SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""),
            ("ers", ""), ("er", ""), ("ers", "e"), ("er", "e"), ("ly", ""), ("'s", ""), ("’s", ""), ("n't", ""))


def in_one_case(text: str) -> bool:
    letters = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    if len(letters) < MIN_LETTERS:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper >= SHOUTING_SHARE * len(letters) or upper == 0


def truecase(text: str) -> str:
    """``text`` in ordinary case when it is written in one case, else unchanged (same length)."""
    if not in_one_case(text):
        return text
    matches = list(WORD.finditer(text))
    alone = [_word_case(m.group(0).lower()) for m in matches]
    for _ in range(2):  # 'MARIA ELENA DIAZ PEREZ': 'diaz' between names first, then 'maria' before them
        alone = [_in_context(matches, alone, index, text) for index in range(len(matches))]
    alone = _with_explained_acronyms(matches, alone, text)
    alone = _with_known_names(matches, alone, text)
    pieces, last = [], 0
    for index, match in enumerate(matches):
        pieces.append(text[last:match.start()].lower())
        word = match.group(0)
        cased = alone[index]
        if cased == word.lower() and SENTENCE_END.search(text, max(0, match.start() - 12), match.start()) \
                and not _after_initials(text, match.start()):
            cased = cased[:1].upper() + cased[1:]
        pieces.append(cased if len(cased) == len(word) else word.lower())
        last = match.end()
    pieces.append(text[last:].lower())
    return "".join(pieces)


# 'U.S.', 'U.N.': single letters with full stops.
LETTERS_WITH_STOPS = r"(?:[^\W\d_]\.){2,}"
INITIALS = re.compile(r"(?<![^\W\d_])" + LETTERS_WITH_STOPS)
INITIALS_AT_END = re.compile(r"(?:^|[^\w.])" + LETTERS_WITH_STOPS + "$")


def _after_initials(text: str, position: int) -> bool:
    """'THE U.S. GOVERNMENT': the full stop of an abbreviation ends no sentence."""
    return bool(INITIALS_AT_END.search(text[max(0, position - 12):position].rstrip()))


def _with_explained_acronyms(matches: list, cased: list[str], text: str) -> list[str]:
    """'(URNG)', '[FMLN]': an acronym in brackets is upper case, and the words before it whose
    initials spell it are a name ('FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]'); letters with
    full stops ('U.S.') are upper case too."""
    cased = list(cased)
    for index, match in enumerate(matches):
        word = match.group(0)
        opened, closed = text[match.start() - 1: match.start()], text[match.end(): match.end() + 1]
        if (opened, closed) in (("(", ")"), ("[", "]")) and len(word) <= 6:
            cased[index] = word.upper()
            _title_case_spelled(matches, cased, index, word.lower())
        elif len(word) == 1 and closed == "." and _in_initials(text, match.start()):
            cased[index] = word.upper()
    return cased


def _with_known_names(matches: list, cased: list[str], text: str) -> list[str]:
    """The names of known groups, cased as the knowledge files write them ('THE TALIBAN CLAIMED'
    -> 'the Taliban', 'SHINING PATH' -> 'Shining Path'): their words are English words too."""
    cased = list(cased)
    lowered = text.lower()
    starts = [match.start() for match in matches]
    for alias, pattern in _known_name_patterns():
        if alias.lower() not in lowered:  # a substring test first: most aliases are absent
            continue
        for found in pattern.finditer(lowered):
            start = bisect.bisect_left(starts, found.start())  # the first word ('19 April Movement' opens with a number)
            if start >= len(matches) or matches[start].start() >= found.end():
                continue
            for offset, word in enumerate(WORD.findall(alias)):
                if start + offset < len(matches) and matches[start + offset].group(0).lower() == word.lower():
                    cased[start + offset] = word
    return cased


@lru_cache(maxsize=1)
def _known_name_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Group aliases written with a capital, not an English stop word ('IS'), longest first."""
    aliases = {alias for group in knowledge.groups() for alias in group.aliases
               if alias != alias.lower() and not _is_stop_word(alias.lower()) and len(alias) > 2}
    return tuple((alias, re.compile(rf"(?<![\w-]){re.escape(alias.lower())}(?![\w-])"))
                 for alias in sorted(aliases, key=len, reverse=True))


# Words inside names that acronyms skip ('Army of National Liberation', 'Frente de Liberacion').
NAME_JOINERS = frozenset({"of", "the", "and", "for", "de", "del", "la", "los", "las", "y", "el"})


def _title_case_spelled(matches: list, cased: list[str], index: int, acronym: str) -> None:
    """Title-case the words just before an acronym when their initials (skipping NAME_JOINERS) are
    its letters, in any order: translated names keep their own language's acronym
    ('GUATEMALAN NATIONAL REVOLUTIONARY UNITY (URNG)', 'SANDINIST NATIONAL LIBERATION FRONT (FSLN)')."""
    letters = set(acronym)
    spelled, position = [], index - 1
    while position >= 0 and len(spelled) <= len(acronym):
        word = matches[position].group(0).lower()
        if word[0] in letters and word not in NAME_JOINERS:
            spelled.append(position)
        elif word not in NAME_JOINERS or not spelled:
            break
        position -= 1
    initials = {matches[p].group(0)[0].lower() for p in spelled}
    if initials == letters and len(acronym) - 1 <= len(spelled) <= len(acronym) + 1:
        for position in range(min(spelled), index):
            word = matches[position].group(0).lower()
            cased[position] = word if word in NAME_JOINERS else word[:1].upper() + word[1:]


def _in_initials(text: str, position: int) -> bool:
    start = max(0, position - 6)
    return any(m.start() <= position < m.end() for m in INITIALS.finditer(text, start, position + 8))


def _in_context(matches: list, alone: list[str], index: int, text: str) -> str:
    """A word's case given its neighbours: a lower-cased English word is a name's part when a name
    follows it and a name or a title ('archbishop') comes before it, with only spaces between, or
    when two names follow it after a comma."""
    cased = alone[index]
    word = matches[index].group(0).lower()
    if cased != word or _is_stop_word(word) or word in knowledge.person_titles():
        return cased
    if _after_given_name(matches, index, text) and word in _noun_only_words():
        return word[:1].upper() + word[1:]  # 'CARLOS PIZARRO': a family name the word list calls a noun
    if _name_next_to(matches, alone, index, index + 1, text) and (
            _name_next_to(matches, alone, index, index - 1, text) or _title_before(matches, index, text)
            or (_after_comma(matches, index, text) and _name_next_to(matches, alone, index + 1, index + 2, text))):
        return word[:1].upper() + word[1:]
    return cased


def _after_comma(matches: list, index: int, text: str) -> bool:
    """', MARIA ELENA DIAZ PEREZ,': an apposition naming someone just mentioned."""
    start = matches[index - 1].end() if index else 0
    separator = text[start:matches[index].start()]
    return separator[:1] == "," and _spaces(separator[1:])


def _spaces(separator: str) -> bool:
    """One space or one line break: words of one name (wire text wraps lines anywhere)."""
    return separator.isspace() and separator.count("\n") < 2 and len(separator) <= 4


def _after_given_name(matches: list, index: int, text: str) -> bool:
    return _word_before(matches, index, text) in knowledge.given_names()


@lru_cache(maxsize=1)
def _noun_only_words() -> frozenset[str]:
    """Words the model's lemma index knows as nouns and nothing else ('pizarro', 'galan', but not
    'said', an adjective too): after a given name such a word is more likely a family name than a
    word of the sentence."""
    from .nlp import load_model

    tables = load_model().get_pipe("lemmatizer").lookups
    if "lemma_index" not in tables.tables:
        return frozenset()
    index = tables.get_table("lemma_index")
    nouns = set(index.get("noun", []))
    others = {word for pos in ("verb", "adj", "adv") for word in index.get(pos, [])}
    return frozenset(nouns - others)


def _title_before(matches: list, index: int, text: str) -> bool:
    return _word_before(matches, index, text) in knowledge.person_titles()


def _word_before(matches: list, index: int, text: str) -> str:
    """The word right before, lower-cased, when only a space separates the two ('' otherwise)."""
    if index == 0 or not _spaces(text[matches[index - 1].end():matches[index].start()]):
        return ""
    return matches[index - 1].group(0).lower()


def _name_next_to(matches: list, alone: list[str], index: int, other: int, text: str) -> bool:
    """Whether the word at ``other`` is cased as a name (not an acronym, a month or a demonym) and
    only a space separates it from the word at ``index``."""
    if not 0 <= other < len(matches):
        return False
    first, second = sorted((matches[index], matches[other]), key=lambda m: m.start())
    word = matches[other].group(0).lower()
    return _spaces(text[first.end():second.start()]) and alone[other][:1].isupper() and not alone[other].isupper() \
        and word not in _proper_words()


def _word_case(word: str) -> str:
    if word == "i":
        return "I"
    if _is_stop_word(word):
        return word
    proper = _proper_words()
    if word in proper:
        return proper[word]
    if word in knowledge.given_names():
        return word[:1].upper() + word[1:]
    if _is_english(word):
        return word[:1].upper() + word[1:] if is_place_word(word) or _is_demonym(word) else word
    if len(word) <= 5 and not re.search(r"[aeiouy]", word):
        return word.upper()  # 'fmln', 'urng': an acronym
    return word[:1].upper() + word[1:]


def _is_stop_word(word: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    return word in STOP_WORDS


def _is_demonym(word: str) -> bool:
    """'guatemalan', 'salvadoran', 'colombian': the adjective of a country."""
    return word.endswith("an") and (is_place_word(word[:-1]) or is_place_word(word[:-2]))


@lru_cache(maxsize=50_000)
def _is_english(word: str) -> bool:
    words = _english_forms()
    if word in words:
        return True
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)] + replacement
            if stem in words:
                return True
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in words:
                return True  # 'stopped' -> 'stop'
    return False


@lru_cache(maxsize=1)
def _english_forms() -> frozenset[str]:
    """Common English words and their irregular forms ('met', 'fled'): the model's lemma tables."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from .nlp import english_words, load_model

    tables = load_model().get_pipe("lemmatizer").lookups
    irregular = set()
    if "lemma_exc" in tables.tables:
        for forms in tables.get_table("lemma_exc").values():
            irregular.update(forms)
    return frozenset(english_words() | STOP_WORDS | irregular)


@lru_cache(maxsize=1)
def _proper_words() -> dict[str, str]:
    """Words of known names that would otherwise read as English: 'guatemala' -> 'Guatemala',
    and acronyms as the knowledge files write them ('fmln' -> 'FMLN')."""
    table: dict[str, str] = {}
    for group in knowledge.groups():
        for alias in group.aliases:
            for word in WORD.findall(alias):
                if word.isupper() and len(word) > 1:
                    table[word.lower()] = word
    table.update({name.lower(): name for name in knowledge.demonyms()})
    table.update({name.lower(): name for name in CALENDAR})
    return table


CALENDAR = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=50_000)
def is_place_word(word: str) -> bool:
    from . import gazetteer

    return any(p.precision == "country" or p.population >= BIG_PLACE for p in gazetteer.lookup(word))
