"""Hard-wrapped text: wire archives, e-mails and plain-text dumps break every line at a fixed width.

A line break inside such a paragraph is layout, not structure; read as one, it ends a sentence
in the middle ('GUERRILLAS ATTACKED THE "SANTO TOMAS" PRESIDENTIAL | FARM') and the parse, the
sentence-level rules and the evidence sentences all fall apart.  The parser is therefore given a
copy in which a wrapped line's break is a space: same length, so every offset is the report's own
(evidence text is always taken from the report itself).  Blank lines, short lines (titles, list
items, the last line of a paragraph) and lines that end a sentence keep their break.

No library unwraps text while keeping offsets (textwrap only wraps; ftfy fixes characters), and
the rule is a few lines.
"""

from __future__ import annotations

import re

from .. import knowledge

# A text is hard-wrapped when it has at least this many lines ...
MIN_LINES = 5
# ... its long lines are no longer than this (a wrapped archive uses 60-80 columns; ordinary
# news has one paragraph per line, hundreds of characters long) ...
MAX_WIDTH = 100
# ... and at least this share of its lines reach WRAPPED_SHARE of its width.
LONG_LINE_SHARE = 0.5
WRAPPED_SHARE = 0.7
# A line ending like this ends its sentence whatever its length.
SENTENCE_END = re.compile(r"[.!?:;]['\"”’)\]]*\s*$")


def wrap_width(text: str) -> int | None:
    """The column a hard-wrapped text breaks its lines at, or None when it is not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
    if len(lengths) < MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    if width > MAX_WIDTH:
        return None
    long_lines = sum(1 for n in lengths if n >= WRAPPED_SHARE * width)
    return width if long_lines >= LONG_LINE_SHARE * len(lengths) else None


def _ends_with_a_title(line: str) -> bool:
    """'... AND MR.' ends a line, not a sentence: the name follows on the next line."""
    words = line.rstrip().rstrip(".").split()
    return bool(words) and line.rstrip().endswith(".") and words[-1].lower() in knowledge.person_titles()


def unwrap(text: str) -> str:
    """The text with each wrapped line's break made a space (same length, same offsets)."""
    width = wrap_width(text)
    if width is None:
        return text
    chars = list(text)
    position = 0
    lines = text.split("\n")
    for number, line in enumerate(lines[:-1]):
        position += len(line)
        following = lines[number + 1]
        if (line.strip() and following.strip() and len(line.rstrip()) >= WRAPPED_SHARE * width
                and (not SENTENCE_END.search(line) or _ends_with_a_title(line))):
            chars[position] = " "
        position += 1
    return "".join(chars)
