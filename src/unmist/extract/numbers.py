"""Numbers as news reports write them: '28', '1,340', 'twenty-five', 'dozens', 'at least 20'.

Parsers return a value or None (with no exception): messy text is the normal case here.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

# Vague quantities, as (low, high) ranges.  'dozens' = at least 24 follows the gold conventions of
# the development set (two dozen is the least that 'dozens' can mean); the others follow the same logic.
VAGUE = {
    "dozens": (24, None), "scores": (40, None), "hundreds": (200, None), "thousands": (2000, None),
    "tens of thousands": (20000, None), "a dozen": (12, 12), "a couple": (2, 2), "a couple of": (2, 2),
    "several": (3, None), "a handful": (2, None), "a number": (2, None), "dozen": (12, 12),
    "two dozen": (24, 24), "three dozen": (36, 36), "both": (2, 2),
}

# Qualifier before a number -> how it turns N into a range.
QUALIFIERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:at least|no fewer than|no less than|a minimum of|not less than)\s*$", re.I), "at_least"),
    (re.compile(r"\b(?:more than|over|upwards of|in excess of|above)\s*$", re.I), "more_than"),
    (re.compile(r"\b(?:as many as|up to|at most|no more than|not more than|a maximum of)\s*$", re.I), "up_to"),
    (re.compile(r"\b(?:nearly|almost|fewer than|less than|under|just under|close to)\s*$", re.I), "below"),
    (re.compile(r"\b(?:about|around|some|roughly|approximately|an estimated|estimated|approx\.)\s*$", re.I), "about"),
]


def parse_number(text: str) -> int | None:
    """'28' -> 28, '1,340' -> 1340, 'twenty-five' -> 25, 'two hundred' -> 200; otherwise None."""
    cleaned = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    if re.fullmatch(r"\d+(?:\.\d+)?\s*(?:million|thousand)", cleaned):
        number, scale = cleaned.split()
        return int(float(number) * SCALES[scale])
    return _parse_number_words(cleaned)


def _parse_number_words(cleaned: str) -> int | None:
    total, current = 0, 0
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w != "and"]
    if not words:
        return None
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def vague_range(text: str) -> tuple[int | None, int | None] | None:
    return VAGUE.get(text.strip().lower())


def qualify(value: int, preceding_text: str) -> tuple[tuple[int | None, int | None], str | None]:
    """Apply the qualifier that ends ``preceding_text`` to ``value``.

    Returns:
        ((low, high), qualifier name or None).  'at least 20' = (20, None); 'more than 20' = (21, None);
        'as many as 35' = (None, 35); 'nearly 50' = (None, 50); 'about 40' = (40, 40).
    """
    for pattern, name in QUALIFIERS:
        if pattern.search(preceding_text):
            if name == "at_least":
                return (value, None), name
            if name == "more_than":
                return (value + 1, None), name
            if name in ("up_to", "below"):
                return (None, value), name
            return (value, value), name
    return (value, value), None
