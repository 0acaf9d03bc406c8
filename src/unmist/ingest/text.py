"""Plain-text reports: header (title, outlet, date, byline), dateline, and boilerplate removal.

Scraped text has no markup to tell the article from the site around it, so this module works on
line shapes: a header block before the first paragraph, menu lines made of short segments split by
``|`` or ``>``, and tail blocks (reader comments, "Related posts", tag lists) that end the article.
trafilatura does this for HTML; nothing does it for text, hence the hand-written rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

# A header block is at most this many lines before the body starts.
MAX_HEADER_LINES = 6
# A line longer than this (characters) is body text, not a header line.
HEADER_LINE_MAX_CHARS = 160


@dataclass(frozen=True)
class Report:
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: date | None = None
    published_from: str | None = None  # page, for a date read from HTML metadata; else stated

    def with_metadata(self, **values) -> Report:
        """Fill fields from explicit metadata (a JSONL record, a feed entry); explicit values win."""
        return replace(self, **{k: v for k, v in values.items() if v})


# --- dates -------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """A publication date in any common outlet format, or None ('Published: 13 March 2025, 09:12')."""
    import dateparser

    cleaned = re.sub(r"^(?:published|updated|posted|date)\s*:?\s*(?:on\s+)?", "", text.strip(), flags=re.I)
    cleaned = re.sub(r"\s+by\s+\S.*$", "", cleaned)
    cleaned = re.sub(r"\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?.*$", "", cleaned, flags=re.I)
    cleaned = cleaned.strip(" ,|")
    if not cleaned or not re.search(r"\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2}", cleaned):
        return None  # a publication date always carries a year
    settings = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    if re.match(r"^\d{4}-\d{2}-\d{2}", cleaned):
        settings["DATE_ORDER"] = "YMD"
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-]?(?P<month>0[1-9]|1[0-2]|[1-9])[/-]?(?P<day>[0-3]\d|[1-9])(?=[/_.-]|$)")
# 'DUSHANBE, August 23, 2010 -', 'KABUL, 23 August 2010 (Reuters) -': a date right after the dateline place
DATELINE_DATE = re.compile(
    r"^[A-Z][\w .,'’-]{1,50}?,\s+(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]|(?<=\))\s)")  # 'New Delhi, Jan 6, 2025 (PTI) Eight ...' too


# '/2024/06/' in an address: the year and month the report was filed, when its day is not there.
URL_MONTH = re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>0[1-9]|1[0-2])(?=/)")
# 'KHARTOUM, June 12 (Reuters) -': a wire dateline's day without its year.
DATELINE_DAY = re.compile(
    r"^[A-Z][\w .,'’-]{1,50}?,\s+(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—]|(?<=\))\s)")


def date_from_url(url: str | None) -> date | None:
    """'/2010/09/20/', '/2010-09-20-', '/20100920/' in a report's address."""
    for match in URL_DATE.finditer(url or ""):
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"]))
        except ValueError:
            continue
    return None


# A dateline opens the first paragraph of the body: after the title and a byline, when they are
# stored with the text, so it is looked for at the start of each of the first few lines.
DATELINE_LINES = 4


def date_from_dateline(text: str) -> date | None:
    """The date a wire dateline carries ('DUSHANBE, August 23, 2010 -'), in the first lines of a report."""
    match = _first_line_match(DATELINE_DATE, text)
    return parse_date(match["date"]) if match else None


def _first_line_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first of a report's first lines that opens with ``pattern`` (a dateline of some form)."""
    lines = [line.strip() for line in text.lstrip()[:DATELINE_LINES * HEADER_LINE_MAX_CHARS].splitlines() if line.strip()]
    return next((match for line in lines[:DATELINE_LINES] if (match := pattern.match(line[:160]))), None)


def date_from_dateline_and_url(text: str, url: str | None) -> date | None:
    """'KHARTOUM, June 12 (Reuters) -' in a report whose address holds '/2024/06/': the dateline's day
    in the address's year (the one before, for a December dateline filed under January)."""
    month_of_url = next(URL_MONTH.finditer(url or ""), None)
    match = _first_line_match(DATELINE_DAY, text) if month_of_url is not None else None
    if match is None:
        return None
    year, month = int(month_of_url["year"]), int(month_of_url["month"])
    day = parse_date(f"{match['date'].rstrip('.')} {year}")
    if day is None:
        return None
    if day.month - month > 6:  # filed in January, dated in December
        return day.replace(year=year - 1)
    if month - day.month > 6:
        return day.replace(year=year + 1)
    return day


# --- boilerplate -------------------------------------------------------------------------------

COMMENT_START = re.compile(
    r"^\s*(?:[•*\-]\s*)?[\w.' @-]{1,40} (?:says|said|writes|wrote|replied)\s*:\s*$"
    r"|^\s*\d+\s+(?:responses?|comments?|replies)\s*$"
    r"|^\s*(?:leave a (?:reply|comment)|comments?|reader comments|join the discussion|discussion)\s*:?\s*$",
    re.IGNORECASE,
)
TAIL_START = re.compile(
    r"^\s*(?:related (?:posts|news|articles|stories|content|reading)|more from|you may also like|most (?:read|popular)"
    r"|read (?:also|next)|recommended(?: for you)?|more (?:[\w']+ ){0,3}(?:voices|stories|news))\s*:?\s*$",
    re.IGNORECASE,
)
BOILERPLATE_LINE = re.compile(
    r"^\s*(?:tags?|filed under|categories|category|topics?|share(?: this)?(?: article)?|read more|source"
    r"|photo|image|subscribe|follow us|send us your news|see also)\b\s*[:|>]?.*$"
    r"|^\s*(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies).*$"
    r"|^\s*(?:\(c\)|©|copyright)\s.*$|^.*all rights reserved\.?\s*$"
    r"|^\s*\w+ will update this (?:report|story)\.?\s*$"
    r"|^\s*(?:source: )?read full article\s*$"
    # a wire's note on what a new version changed: '(Updates toll in paragraph 1, adds claim)'
    r"|^\s*\((?:updates|adds|recasts|corrects|changes|rewrites|refiles|fixes|removes|inserts|writes through)\b[^)]*\)\s*$",
    re.IGNORECASE,
)
# The version tag a wire puts before a headline ('UPDATE 2-Suicide bomber kills 9', 'REFILE-...').
WIRE_TAG = re.compile(r"^\s*(?:UPDATE|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|WRAPUP|INSIGHT|ANALYSIS|FACTBOX)"
                      r"(?:\s+\d+)?\s*-\s*(?=\S)")


def without_wire_tags(title: str | None) -> str | None:
    """The headline without a wire's version tag: 'UPDATE 2-Suicide bomber kills 9' is 'Suicide
    bomber kills 9' (the tag read as words made '2-Suicide bomber' a perpetrator)."""
    return WIRE_TAG.sub("", title) if title else title
MENU_SEPARATORS = re.compile(r"\s(?:\||>|»|·|/)\s")


def is_menu_line(line: str) -> bool:
    """'Home | Kazakhstan | Regions | Economy': three or more short segments split by | > » or ·."""
    parts = [p.strip() for p in MENU_SEPARATORS.split(line)]
    if len(parts) < 3 or not all(0 < len(p) <= 30 and not p.endswith(".") for p in parts):
        return False
    return not any(parse_date(p) for p in parts)  # 'Outlet | Policy brief | 14 February 2022' is a header


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop menu and share lines; cut the article at the first comment thread or related-posts block."""
    kept: list[str] = []
    for line in lines:
        if COMMENT_START.match(line) or TAIL_START.match(line):
            break
        if BOILERPLATE_LINE.match(line) or is_menu_line(line):
            continue
        kept.append(line)
    while kept and _is_link_list_tail(kept):
        kept.pop()
    return kept


def _is_link_list_tail(lines: list[str]) -> bool:
    """A trailing run of very short lines (tag clouds, 'Islamic state', 'Boko Haram') is not prose."""
    last = lines[-1].strip()
    if not last:
        return True
    if TRAILING_DATE.match(last) and parse_date(last):
        return False  # 'Posted 2 October 2021': the page's date, read later
    return len(last.split()) <= 4 and not re.search(r"[.!?\"”)]$", last) and _previous_is_short(lines)


def _previous_is_short(lines: list[str]) -> bool:
    prose = [ln for ln in lines[-6:-1] if ln.strip()]
    return not prose or len(prose[-1].split()) <= 8


# --- header ------------------------------------------------------------------------------------

BYLINE = re.compile(r"^\s*(?:by|written by|words by)\s+([A-Z][\w.'’ -]{2,80})$", re.IGNORECASE)
TRAILING_BYLINE = re.compile(r"^\s*(?:writing|reporting) by ([^;]+)", re.IGNORECASE)
BANNER_SEPARATOR = re.compile(r"\s+[|–—]\s+")
# South Asian papers write the dateline with a colon ('RAIPUR: Two jawans were killed ...'); the
# same form opens a page's labels ('UPDATE: ...', 'RELATED: ...'), which are no places.
COLON_LABELS = ("UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "PHOTOS", "PHOTO", "EXCLUSIVE", "CORRECTION",
                "RELATED", "READ", "AUDIO", "LIVE", "NOTE", "EDITOR", "WARNING", "GRAPHIC", "OPINION", "ANALYSIS",
                "WHAT", "WHEN", "WHERE", "WHO", "WHY", "HOW", "SOURCE", "SOURCES", "POLICE", "UPDATES", "ALSO")
# The place: a town in capitals and up to two areas after it, each of up to four words ('BENI,
# Democratic Republic of Congo', 'PORT MORESBY, Papua New Guinea').
DATELINE = re.compile(
    r"^(?!(?:" + "|".join(COLON_LABELS) + r")(?:['’]S)?(?:\s+[A-Z]+)?\s*:)"
    r"(?P<place>[A-Z][A-Z'’.\- ]{2,40}?(?:,\s+[A-Z][\w.]+(?:\s(?:(?:of|and|the)\s)?[A-Z][\w.]+){0,3}){0,2})"
    r"(?:(?:,\s+\d{1,2}\s+[A-Z][a-z]+|,\s+[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?)?"
    r"(?:\s*(?:\((?P<outlet>[^)]{2,40})\))?\s*[-–—]+|:)\s+"
)


def _header_lines(lines: list[str]) -> list[int]:
    """Indexes of the header lines: the short lines before the first paragraph of prose."""
    header = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if len(header) >= MAX_HEADER_LINES or len(line) > HEADER_LINE_MAX_CHARS or dateline_of(line) \
                or _reads_as_prose(line) or _opens_a_wrapped_paragraph(lines, index):
            break
        header.append(index)
    return header


# A hard-wrapped paragraph has at least this many lines; a title and a byline are fewer.
WRAPPED_PARAGRAPH_LINES = 3


def _opens_a_wrapped_paragraph(lines: list[str], index: int) -> bool:
    """A wire archive breaks its first paragraph into short lines ('QUITO, 30 APR 90 (RADIO QUITO)
    -- ... | SECRETARY PEDRO SAAD] THIS AFTERNOON, ...'): each is short, the block reads as prose."""
    block = []
    for line in lines[index:]:
        if not line.strip():
            break
        block.append(line.strip())
    return len(block) >= WRAPPED_PARAGRAPH_LINES and _reads_as_prose(" ".join(block))


# A place in ordinary case and the area after it, as the two datelines below open ('Raipur', 'Imphal, Manipur').
TITLE_CASE_PLACE = r"^(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})(?:,\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?"
# Indian news agencies (PTI, IANS, ANI) write the place in ordinary case and no dash after the
# agency: 'Raipur, Jan 6 (PTI) Eight personnel of ...'.
AGENCY_DATELINE = re.compile(
    TITLE_CASE_PLACE + r",\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
    r"\s*\((?P<outlet>[A-Z]{2,6})\)\s*(?:[-–—:]+\s*)?(?=[A-Z\d\"“])"
)
MONTH_NAME = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|" \
             r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# Others write the place in ordinary case with the date and a dash ('Makhachkala, 23 June 2024 - '):
# the month's name tells a dateline from a sentence that opens with a name and a number.
TOWN_DATELINE = re.compile(
    TITLE_CASE_PLACE + rf",\s+(?:{MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_NAME})(?:,?\s+\d{{4}})?"
    r"\s*(?:\((?P<outlet>[^)]{2,40})\)\s*)?[-–—]+\s+"
)


def dateline_apart(text: str) -> str:
    """The text with a line break, for the space, after an agency's dateline that no dash ends
    ('Raipur, Jan 6 (PTI) Eight personnel ...'): the parser otherwise reads the place as the
    sentence's subject.  The same length, so offsets hold."""
    start = 0
    for _ in range(DATELINE_LINES):
        match = AGENCY_DATELINE.match(text[start:start + HEADER_LINE_MAX_CHARS])
        if match is not None and match.group(0)[-1] == " ":
            end = start + match.end()
            return text[:end - 1] + "\n" + text[end:]
        start = text.find("\n", start) + 1
        if start == 0:
            break
    return text


def dateline_of(line: str) -> re.Match[str] | None:
    """The dateline that opens a line; one written with a colon only before prose ('RAIPUR: Two
    jawans were killed ... police said.'), as a headline writes a source that way too ('FMPD:
    16-year-old accidentally shoots himself')."""
    match = DATELINE.match(line) or AGENCY_DATELINE.match(line) or TOWN_DATELINE.match(line)
    if match is not None and match.group(0).rstrip().endswith(":") and not _reads_as_prose(line):
        return None
    return match


# How far into a line a dateline runs ('WASHINGTON, Dec 11 (Reuters) - ').
DATELINE_REACH = 120


# A wire's dateline for a story filed from no one place: the date and the agency ('Aug 11 (Reuters) - ').
DATE_DATELINE = re.compile(rf"^(?:{MONTH_NAME}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_NAME})(?:,?\s+\d{{4}})?"
                           r"\s*\((?P<outlet>[^)]{2,40})\)\s*[-–—]+\s+")


def dateline_end(text: str, position: int) -> int | None:
    """Where the dateline ends that opens the line holding ``position`` (one with a place, or only a
    date and an agency), or None when none does."""
    line_start = text.rfind("\n", 0, position) + 1
    line = text[line_start:line_start + DATELINE_REACH]
    match = dateline_of(line) or DATE_DATELINE.match(line)
    return line_start + match.end() if match is not None else None


def _reads_as_prose(line: str) -> bool:
    """A sentence, not a title or a metadata line: a dozen words or more ending in a full stop (a
    one-paragraph news brief is short enough to pass for a header line otherwise)."""
    return len(line.split()) >= 12 and bool(re.search(r"[.!?][\"”’)]?\s*$", line.strip()))


def _read_header_line(line: str, fields: dict) -> bool:
    """Fill outlet/date/byline from one header line; True when the line was metadata, not a title."""
    stripped = line.strip()
    byline = BYLINE.match(stripped)
    if byline:
        fields.setdefault("byline", byline.group(1).strip())
        return True
    whole_date = parse_date(stripped)
    if whole_date and len(stripped) < 40:
        fields.setdefault("published", whole_date)
        return True
    parts = BANNER_SEPARATOR.split(stripped)
    if len(parts) >= 2:
        posted_by = re.search(r"\bby\s+(\S.*)$", parts[-1])
        if posted_by and parse_date(parts[-1]):
            fields.setdefault("byline", posted_by.group(1).strip())
        dated = [p for p in parts[1:] if parse_date(p)]
        if dated:
            fields.setdefault("published", parse_date(dated[0]))
        fields.setdefault("outlet", parts[0].strip())
        return True
    return False


def parse_plain_text(raw: str, *, has_header: bool = True) -> Report:
    """Split a plain-text report into header metadata and clean body text."""
    lines = strip_boilerplate(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    fields: dict = {}
    title = None
    body_start = 0
    if has_header:
        header = _header_lines(lines)
        titles = []
        for index in header:
            if not _read_header_line(lines[index], fields):
                titles.append(lines[index].strip())
        title = next((t for t in titles if len(t.split()) >= 4), titles[0] if titles else None)
        body_start = header[-1] + 1 if header else 0
        if title and not header:
            title = None
    body = [ln.rstrip() for ln in lines[body_start:]]
    _read_trailing_byline(body, fields)
    body = _read_trailing_date(body, fields)
    text = _join_paragraphs(body)
    title = without_wire_tags(title)
    if title:
        text = f"{title}\n\n{text}"  # the title is part of the stored text: it often carries the incident
    dateline = dateline_in(body)
    if dateline:
        fields["dateline"] = dateline.group("place").strip().rstrip(",")
        if dateline.group("outlet") and not fields.get("outlet"):
            fields["outlet"] = dateline.group("outlet").strip()
    return Report(text=text, title=title, **fields)


def _read_trailing_byline(body: list[str], fields: dict) -> None:
    for line in body[-4:]:
        match = TRAILING_BYLINE.match(line)
        if match:
            fields.setdefault("byline", match.group(1).strip())


TRAILING_DATE = re.compile(r"^\s*(?:first\s+)?(?:published|posted|updated|date)\b", re.IGNORECASE)


def _read_trailing_date(body: list[str], fields: dict) -> list[str]:
    """'Posted 2 October 2021' at the foot of a scraped page dates it when the header did not; the
    line is metadata, so it leaves the text."""
    if fields.get("published"):
        return body
    filled = [i for i, line in enumerate(body) if line.strip()][-3:]
    for index in reversed(filled):
        line = body[index].strip()
        if len(line) <= 60 and TRAILING_DATE.match(line) and parse_date(line):
            fields["published"] = parse_date(line)
            return body[:index] + body[index + 1:]
    return body


# A scraped page may put a few short lines before the story's dateline ('Please enable Javascript
# to watch this video', a photo credit) or a photo's caption, which ends with its credit ('...
# late Monday night. (WDTN Photo/Bear Everett)'); the dateline opens the first paragraph of prose.
DATELINE_PARAGRAPHS = 3
SHORT_LINE_CHARS = 80
CAPTION_CREDIT = re.compile(r"\([^()]*\b(?:photo|image|file|credit|courtesy)\b[^()]*\)\s*$"
                            r"|\bview\s+full\s+caption\b", re.IGNORECASE)  # a gallery's caption, then its credit


def dateline_in(body: list[str]) -> re.Match[str] | None:
    """The dateline ('GRAHAM, N.C. --') at the start of the first paragraph of prose."""
    lines = [ln.strip() for ln in body if ln.strip()][:DATELINE_PARAGRAPHS]
    for line in lines:
        match = dateline_of(line)
        if match or (len(line) > SHORT_LINE_CHARS and not CAPTION_CREDIT.search(line)):
            return match
    return None


def _join_paragraphs(lines: list[str]) -> str:
    """Collapse runs of blank lines to one, strip bullets' indentation."""
    text = "\n".join(line.strip() for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
