"""The English model's attribute ruler, its patterns looked up by tag and word instead of run by
spaCy's ``Matcher``.

The ruler maps each fine-grained tag to its part of speech and morphology, and fixes a few words
('ai n't', 'gon na', 'but' as an adverb): about 180 patterns, nearly all of one token.  spaCy's
``Matcher`` tries every pattern at every token, about 18 microseconds a token here: an eighth of the
whole English model's time, the largest cost outside the neural layers.  An index from a pattern's
first token's tag (or word) to the patterns that can start there finds the same matches in a
quarter of the time (1.7 million tokens of MUC-4 and GVA: 7.8 s against 29.2 s).  spaCy's own
``AttributeRuler`` still sorts the matches and sets the attributes, so the tokens come out exactly
as the model's own ruler leaves them; a ruler with a pattern this index does not read (a
quantifier, another attribute) is left to spaCy's matcher.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

# The token attributes the index reads, as the columns of ``Doc.to_array``.
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Test = Callable[[Sequence[int]], bool]  # one condition on one token's row of attribute values


class IndexedMatcher:
    """Finds what the ruler's ``Matcher`` finds, as ``(key, start, end)`` triples, by index.

    Everything else a matcher does (``get``, ``__len__``, serialising the patterns) goes to the
    ruler's own matcher, which it wraps; patterns added or removed later rebuild the index."""

    def __init__(self, matcher, patterns: list[tuple[int, list[dict]]]) -> None:
        self.matcher = matcher
        self._index(patterns)

    def _index(self, patterns: list[tuple[int, list[dict]]]) -> None:
        """Each pattern under the values its first token must have: its tag and word when it names
        both, else the first attribute it names a value of; with the tests left to run, the ones
        the index does not already answer.  A pattern of regular expressions alone is tried
        everywhere."""
        strings = self.matcher.vocab.strings
        self.by_tag_and_word: dict[tuple[int, int], list] = defaultdict(list)
        self.by_value: list[dict[int, list]] = [defaultdict(list) for _ in COLUMNS]
        self.anywhere: list = []
        for key, pattern in patterns:
            first = dict(pattern[0])
            tags, words = _exact_values(first.get("TAG")), _exact_values(first.get("LOWER"))
            indexed = ["TAG", "LOWER"] if tags is not None and words is not None else \
                [attr for attr in COLUMNS if _exact_values(first.get(attr)) is not None][:1]
            values = {attr: _exact_values(first.pop(attr)) for attr in indexed}
            tests = [(0, test) for test in _token_tests(first, strings)]
            tests += [(offset, test) for offset, spec in enumerate(pattern[1:], 1) for test in _token_tests(spec, strings)]
            entry = (key, len(pattern), tests)
            if len(indexed) == 2:
                for tag in values["TAG"]:
                    for word in values["LOWER"]:
                        self.by_tag_and_word[strings.add(tag), strings.add(word)].append(entry)
            elif indexed:
                for value in values[indexed[0]]:
                    self.by_value[COLUMNS[indexed[0]]][_hashed(value, strings)].append(entry)
            else:
                self.anywhere.append(entry)

    def __call__(self, doc, allow_missing: bool = False, as_spans: bool = False) -> list[tuple[int, int, int]]:
        if as_spans:  # only the ruler calls this, with as_spans=False; anyone else gets spaCy's
            return self.matcher(doc, allow_missing=allow_missing, as_spans=as_spans)
        rows = doc.to_array(ARRAY_ATTRS).tolist() if len(doc) else []
        found = set()
        by_tag_and_word, anywhere = self.by_tag_and_word, self.anywhere
        by_tag, by_word, by_dep, by_space = self.by_value
        for start, (tag, word, dep, space) in enumerate(rows):
            for entries in (by_tag_and_word.get((tag, word)), by_tag.get(tag), by_word.get(word), by_dep.get(dep),
                            by_space.get(space), anywhere):
                for key, length, tests in entries or ():
                    if start + length <= len(rows) and all(test(rows[start + offset]) for offset, test in tests):
                        found.add((key, start, start + length))
        return sorted(found, key=lambda match: (match[1], match[2], match[0]))

    def add(self, key, patterns, **kwargs) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self._index(_patterns_of(self.matcher))

    def remove(self, key) -> None:
        self.matcher.remove(key)
        self._index(_patterns_of(self.matcher))

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key) -> bool:
        return key in self.matcher

    def __getattr__(self, name: str):
        if name == "matcher":  # not set yet (a copy being made): no matcher to ask
            raise AttributeError(name)
        return getattr(self.matcher, name)


def index_rules(ruler) -> bool:
    """Let the ruler find its matches by index; False (the ruler left as it was) when one of its
    patterns reads what the index does not."""
    patterns = _patterns_of(ruler.matcher)
    if not all(_indexable(spec) for _, pattern in patterns for spec in pattern):
        return False
    ruler.matcher = IndexedMatcher(ruler.matcher, patterns)
    return True


def _patterns_of(matcher) -> list[tuple[int, list[dict]]]:
    """Every pattern of the matcher with its key (the ruler's keys are its rules' numbers)."""
    keys = [key for key in matcher._patterns]  # the Matcher keeps no public list of its keys
    return [(key, pattern) for key in keys for pattern in matcher.get(key)[1]]


def _indexable(spec: dict) -> bool:
    return all(attr in COLUMNS and _test_kind(value) is not None for attr, value in spec.items())


def _test_kind(value) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, str):
        return "equal"
    if isinstance(value, dict) and len(value) == 1:
        operator = next(iter(value))
        return {"IN": "in", "NOT_IN": "not_in", "REGEX": "regex"}.get(operator)
    return None


def _exact_values(value) -> list | None:
    """The values a first token must have for the pattern to start there, when it names them."""
    if isinstance(value, (str, bool)):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return None


def _hashed(value, strings) -> int:
    """A value as ``Doc.to_array`` gives it: a string's hash, a flag's 0 or 1."""
    return int(value) if isinstance(value, bool) else strings.add(value)


def _token_tests(spec: dict, strings) -> list[Test]:
    """One test per attribute of a token's pattern, as spaCy's matcher reads it: strings by their
    hash, a regular expression searched in the attribute's text, a flag as 0 or 1.  Regular
    expressions go last: a test of a number is cheaper."""
    tests, searches = [], []
    for attr, value in spec.items():
        column = COLUMNS[attr]
        kind = _test_kind(value)
        if kind == "bool":
            tests.append(lambda row, c=column, v=int(value): row[c] == v)
        elif kind == "equal":
            tests.append(lambda row, c=column, v=strings.add(value): row[c] == v)
        elif kind in ("in", "not_in"):
            values = frozenset(strings.add(v) for v in value[next(iter(value))])
            tests.append((lambda row, c=column, v=values: row[c] in v) if kind == "in"
                         else (lambda row, c=column, v=values: row[c] not in v))
        else:
            searches.append(lambda row, c=column, s=_searcher(value["REGEX"], strings): s(row[c]))
    return tests + searches


def _searcher(expression: str, strings) -> Callable[[int], bool]:
    """A regular expression searched in the text a token's attribute holds.  Its answers are not
    kept: a search takes a fraction of a microsecond against spaCy's 100 or so a token, while a cache
    by word filled with an archive's names and numbers (some 14 MB for two searchers at 50,000
    words)."""
    pattern = re.compile(expression)
    return lambda value: bool(pattern.search(strings[value]))
