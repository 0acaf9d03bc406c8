"""Date expressions in report text, resolved against the report's date or another incident.

``dateparser.search_dates`` finds dates, but in news prose it also fires on 'may' and 'march' as
verbs, loses the precision of 'in May this year', and cannot resolve 'one month later' against an
earlier event in the same report.  So expressions are found here with a small grammar of the forms
wire copy uses, and resolved by :func:`resolve` with an explicit precision; what cannot be resolved
stays unresolved (precision 'unknown', with the month, day or weekday it does state), never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "a few": 3}

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_LAST_DAY = r"(?P<last>[0-3]?\d)(?:st|nd|rd|th)?"
# What joins the first and last day of a run: 'between 24 and 26', '24-26', '3 to 5', 'from 3 through 5'
# ('and' only after 'between': 'on May 5 and 6 people were hurt' is one day).
_BETWEEN, _TO = r"\b(?i:between) ", r"\s*(?:[-–]|to|through)\s*"
_FROM = r"\b(?:(?i:from) )?"
# '... the area of 1915 Floral Avenue': a house number, not a year.
_NOT_AN_ADDRESS = (r"(?!\s+(?:[A-Z][\w.'-]*\s+){1,3}(?i:avenue|ave|street|st|road|rd|boulevard|blvd|drive|dr|lane|ln|"
                   r"way|court|ct|place|pl|highway|hwy|parkway|pkwy|circle|terrace|trail|pike)\b)")
_PART = r"(?:(?P<part>(?i:early|mid|late|end of|beginning of|the end of))[- ]+)?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)"
_UNIT = r"(?P<unit>day|week|month|year)s?"


@dataclass(frozen=True)
class DateExpr:
    """A date expression as written, with what it states; offsets are into the text searched."""

    text: str
    start: int
    end: int
    kind: str  # absolute | month_year | year | day_month | month | weekday | relative | anchor | season | weekend
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset_days: int = 0  # for relative/anchor: signed days from the base
    unit: str | None = None
    year_shift: int | None = None  # 'this year' = 0, 'last year' = -1
    season: str | None = None
    within: bool = False  # 'within a week of' = a window, not a point
    last_day: int | None = None  # a run of days in one month ('between April 24 and 26, 2023'): its last
    holiday: str | None = None  # for holiday: the rule of its day (knowledge.holidays)


@dataclass(frozen=True)
class Resolved:
    start: date | None
    end: date | None
    precision: str
    basis: str  # absolute | published | anchor | none
    month: int | None = None
    day: int | None = None
    weekday: int | None = None


# Order matters: longer, more specific forms first; a later pattern never overlaps an earlier match.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # a run of days, as reports of violence over several days date it ('between April 24 and 26, 2023',
    # '24-26 April 2023', 'from 3 to 5 June'): the days of one month, its year stated or not
    ("days", re.compile(rf"{_BETWEEN}{_MONTH}\s+{_DAY}\s+and\s+{_LAST_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("days", re.compile(rf"{_FROM}{_MONTH}\s+{_DAY}{_TO}{_LAST_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("days", re.compile(rf"{_BETWEEN}{_DAY}\s+and\s+{_LAST_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    ("days", re.compile(rf"{_FROM}{_DAY}{_TO}{_LAST_DAY}\s+{_MONTH}\b(?:,?\s+{_YEAR}\b)?")),
    ("absolute", re.compile(rf"\b{_DAY}\s+{_MONTH}\s*,?\s+{_YEAR}\b")),
    ("absolute", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("season", re.compile(rf"\b(?:in |during |over )?(?:the )?(?:(?P<part>early|late|mid)[- ])?(?P<season>spring|summer|autumn|fall|winter)(?: of)?\s+(?:(?P<rel>this|last|that|next) year|{_YEAR})\b", re.I)),
    ("month_year", re.compile(rf"\b{_PART}{_MONTH},?\s+{_YEAR}\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)")),
    ("day_month", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\d|,?\s*(?:19|20)\d\d|\s*(?:attacks|anniversary))")),
    # 'since 1980', 'since March': from then until now, a period and never one incident's date
    ("span", re.compile(rf"\b(?i:since) {_PART}(?:{_YEAR}|{_MONTH})\b(?![-–]\d)")),
    ("month", re.compile(rf"\b(?i:in|during|by|of|until|from) {_PART}{_MONTH}(?:\s+(?P<rel>this|last) year)?\b(?![\w-])")),
    ("year", re.compile(rf"\b(?i:in|during|by|of|until|from) {_PART}{_YEAR}\b(?![-–]\d){_NOT_AN_ADDRESS}")),
    ("span", re.compile(r"\b(?:in|during|since|of|through(?:out)?) the (?:early |late |mid-)?(?P<decade>(?:19|20)\d0)s\b"
                        r"|\b(?:between|from) (?P<from>(?:19|20)\d\d) (?:and|to) (?:early |late )?(?P<to>(?:19|20)\d\d)\b"
                        r"|\b(?P<fromto>(?:19|20)\d\d)[-–](?P<toyear>(?:19|20)?\d\d)\b"
                        r"|\b(?:in|over|during) the (?:last|past|previous) (?P<count>\w+) (?P<unit>years|decades)\b"
                        r"|\b(?P<every>every|each|a) year\b|\bannual(?:ly)?\b|\bsince (?:independence|then)\b", re.I)),
    ("anchor", re.compile(rf"(?P<comes>\b(?:comes?|came|follows?|followed)\s+(?:\w+\s+)?)?\b{_COUNT}\s+{_UNIT}\s+(?P<dir>later|after(?:wards)?|earlier|before)\b", re.I)),
    ("anchor_within", re.compile(rf"\bwithin\s+{_COUNT}\s+{_UNIT}\s+(?:of|after)\b", re.I)),
    ("anchor_next", re.compile(r"\bthe (?P<which>next|following|previous) (?P<unit>day|morning|evening|night|week)\b|\bthe day (?P<before>before|after)\b", re.I)),
    ("relative", re.compile(r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon|this evening|last night|earlier today|overnight)\b", re.I)),
    # 'two weeks ago', and 'in the six weeks since the shooting': the event that long before the report
    ("relative_ago", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:ago\b|since(?=\s+(?:the|a|an|that|his|her|their)\s))", re.I)),
    # 'over the weekend', 'last weekend': the Saturday and Sunday before the report (not 'the Easter weekend')
    # ('one year ago this weekend' is an anniversary)
    ("weekend", re.compile(r"(?<!ago )\b(?:(?:over|at|during|on) (?:the|this) |(?P<rel>last|this|past) )weekend\b", re.I)),
    ("relative_period", re.compile(r"\b(?P<rel>last|this|past|earlier this) (?P<unit>week|month|year)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?:on|last|this|early|late|since|by|until) )?{_WEEKDAY}(?:'s|’s)?(?: (?:morning|afternoon|evening|night))?\b")),
]


@lru_cache(maxsize=1)
def _holiday_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(rule, pattern) of each named day (data/holidays.tsv), said as the day of something: 'on
    Easter', 'on the Fourth of July', 'Christmas night' (not 'Christmas shopping', 'the Easter weekend')."""
    from .. import knowledge

    return [(h.rule, re.compile(rf"\bon (?:the )?(?:{h.pattern})(?! weekend)(?: (?:morning|afternoon|evening|night))?\b"
                                rf"|\b(?:{h.pattern}) (?:morning|afternoon|evening|night)\b"
                                rf"|\b(?:{h.pattern})(?<=day|eve){DAY_NAME_AS_A_DAY}", re.I))
            for h in knowledge.holidays()]


@lru_cache(maxsize=1)
def _any_holiday_name() -> re.Pattern[str]:
    """Any named day's name, however it stands in the sentence: most sentences name no holiday, and
    one search that says so costs a sixteenth of trying each day's patterns in turn."""
    from .. import knowledge

    return re.compile("|".join(rf"\b(?:{h.pattern})\b" for h in knowledge.holidays()), re.I)


# A named day whose name says it is a day ('Thanksgiving Day', 'Christmas Eve', 'Easter Sunday') dates
# what happened without 'on', as a weekday does ('was shot in Elliston Thanksgiving Day'), when what
# follows is the end of the clause or a preposition, not a noun it qualifies ('a Labor Day parade').
DAY_NAME_AS_A_DAY = r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|at|near|outside|inside|after|before|when|while|as)\b)"


def find_dates(text: str, offset: int = 0) -> list[DateExpr]:
    """Every date expression in ``text``, in text order, offsets shifted by ``offset``."""
    found: list[DateExpr] = []
    taken: list[tuple[int, int]] = []
    names = [match.span() for match in _any_holiday_name().finditer(text)]
    for rule, pattern in _holiday_patterns() if names else ():
        for match in pattern.finditer(text):
            if not any(match.start() < end and start < match.end() for start, end in taken):
                taken.append((match.start(), match.end()))
                found.append(DateExpr(text=match.group(0), start=match.start() + offset, end=match.end() + offset,
                                      kind="holiday", holiday=rule))
    # a named day that qualifies a noun dates nothing, and its 'Sunday' is no weekday: 'the Easter
    # Sunday bombings' of 2019, in a report of their fifth anniversary
    taken.extend(names)
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            expr = _build(kind, match, offset)
            if expr is not None:
                taken.append((match.start(), match.end()))
                found.append(expr)
    return _with_their_weekdays(sorted(found, key=lambda e: e.start), text, offset)


# What may stand between a weekday and the day it names: 'Thursday, January 8', 'Friday (Jan. 9)'.
WEEKDAY_GAP = re.compile(r"\s*,?\s*\(?\s*")


def _with_their_weekdays(found: list[DateExpr], text: str, offset: int) -> list[DateExpr]:
    """'Thursday, January 8' is one date, the 8th, and a Thursday: the weekday joins the day it
    names (and tells its year, see :func:`_resolve_against`) rather than standing as a second date
    resolved against the report's own week."""
    joined: list[DateExpr] = []
    for expr in found:
        previous = joined[-1] if joined else None
        if previous is not None and previous.kind == "weekday" and expr.kind in ("day_month", "absolute") \
                and WEEKDAY_GAP.fullmatch(text[previous.end - offset: expr.start - offset]):
            joined[-1] = replace(expr, text=text[previous.start - offset: expr.end - offset], start=previous.start,
                                 weekday=previous.weekday)
            continue
        joined.append(expr)
    return joined


def with_stated_years(found: list[DateExpr]) -> list[DateExpr]:
    """A day written without its year ('on Mar. 13') in a report that writes the same day with its
    year elsewhere ('gunned down on March 13, 2013'), and with no other year, is that day: a
    follow-up a year on states the year once, and the bare day, resolved against the report's own
    date, would put the incident a year late."""
    years: dict[tuple[int, int], set[int]] = {}
    for expr in found:
        if expr.kind == "absolute":
            years.setdefault((expr.month, expr.day), set()).add(expr.year)
    return [replace(expr, year=next(iter(stated)))
            if expr.kind == "day_month" and len(stated := years.get((expr.month, expr.day), ())) == 1 else expr
            for expr in found]


def holiday_in(rule: str, year: int) -> date:
    """The day a holiday rule gives in ``year`` ('easter' in 2016: 27 March)."""
    if rule == "easter":
        return _easter(year)
    words = rule.split()
    if words[0] == "nth":
        weekday, month = WEEKDAY_ABBREVIATIONS[words[2]], int(words[3])
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (int(words[1]) - 1))
    if words[0] == "last":
        weekday, month = WEEKDAY_ABBREVIATIONS[words[1]], int(words[2])
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    month, day = (int(part) for part in rule.split("-"))
    return date(year, month, day)


WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus: no library in the stack computes it)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _month(value: str | None) -> int | None:
    return MONTHS.get(value.lower().rstrip(".")) if value else None


def _count(value: str) -> int:
    return int(value) if value.isdigit() else SMALL_NUMBERS.get(value.lower(), 1)


def _build(kind: str, match: re.Match[str], offset: int) -> DateExpr | None:
    groups = match.groupdict()
    common = {"text": match.group(0), "start": match.start() + offset, "end": match.end() + offset}
    if kind in ("absolute", "iso"):
        month = int(groups["month"]) if kind == "iso" else _month(groups["month"])
        if not month or not 1 <= int(groups["day"]) <= 31:
            return None
        return DateExpr(kind="absolute", year=int(groups["year"]), month=month, day=int(groups["day"]), **common)
    if kind == "days":
        return _days(groups, common)
    if kind == "month_year":
        return DateExpr(kind="month_year", year=int(groups["year"]), month=_month(groups["month"]), **common)
    if kind == "day_month":
        day = int(groups["day"])
        return DateExpr(kind="day_month", month=_month(groups["month"]), day=day, **common) if 1 <= day <= 31 else None
    if kind == "month":
        shift = {"this": 0, "last": -1}.get(groups.get("rel") or "", None)
        return DateExpr(kind="month", month=_month(groups["month"]), year_shift=shift, **common)
    if kind == "year":
        return DateExpr(kind="year", year=int(groups["year"]), **common)
    if kind == "season":
        shift = {"this": 0, "last": -1, "next": 1, "that": 0}.get((groups.get("rel") or "").lower(), None)
        year = int(groups["year"]) if groups.get("year") else None
        return DateExpr(kind="season", season=groups["season"].lower(), year=year, year_shift=shift, **common)
    if kind == "weekday":
        return DateExpr(kind="weekday", weekday=WEEKDAYS[groups["weekday"].lower()], **common)
    if kind == "span":
        return DateExpr(kind="span", **common)
    if kind == "weekend":
        return DateExpr(kind="weekend", year_shift=-1 if (groups.get("rel") or "").lower() in ("last", "past") else 0,
                        **common)
    return _build_relative(kind, groups, common)


# Days a run of days may span and still date one incident ('a three-day assault'); a longer run
# is a period of a conflict, not one incident's date.
RUN_DAYS = 14


def _days(groups: dict, common: dict) -> DateExpr | None:
    """A run of days in one month, as the day it began with the day it ended."""
    first, last = int(groups["day"]), int(groups["last"])
    if not 1 <= first < last <= 31 or last - first > RUN_DAYS:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    return DateExpr(kind="absolute" if year else "day_month", year=year, month=_month(groups["month"]), day=first,
                    last_day=last, **common)


def _build_relative(kind: str, groups: dict, common: dict) -> DateExpr | None:
    if kind == "anchor":
        sign = 1 if groups["dir"].lower().startswith(("later", "after")) else -1
        if groups.get("comes"):
            sign = -sign  # 'it comes two weeks after X': X was two weeks before the current incident
        days = sign * _count(groups["count"]) * UNIT_DAYS[groups["unit"].lower()]
        return DateExpr(kind="anchor", offset_days=days, unit=groups["unit"].lower(), **common)
    if kind == "anchor_within":
        days = _count(groups["count"]) * UNIT_DAYS[groups["unit"].lower()]
        return DateExpr(kind="anchor", offset_days=days, unit=groups["unit"].lower(), within=True, **common)
    if kind == "anchor_next":
        before = (groups.get("which") or "").lower() == "previous" or (groups.get("before") or "").lower() == "before"
        unit = (groups.get("unit") or "day").lower()
        days = (7 if unit == "week" else 1) * (-1 if before else 1)
        return DateExpr(kind="anchor", offset_days=days, unit="week" if unit == "week" else "day", **common)
    if kind == "relative":
        word = groups["word"].lower()
        days = -1 if word in ("yesterday", "last night") else 0
        return DateExpr(kind="relative", offset_days=days, unit="day", **common)
    if kind == "relative_ago":
        days = -_count(groups["count"]) * UNIT_DAYS[groups["unit"].lower()]
        return DateExpr(kind="relative", offset_days=days, unit=groups["unit"].lower(), **common)
    if kind == "relative_period":
        rel, unit = groups["rel"].lower(), groups["unit"].lower()
        shift = -1 if rel in ("last", "past") else 0
        return DateExpr(kind="period", unit=unit, year_shift=shift, **common)
    return None


def resolve(expr: DateExpr, published: date | None, anchor: Resolved | None = None) -> Resolved:
    """Turn an expression into a date window with a precision; unresolvable parts stay unknown."""
    if expr.kind == "absolute" or (expr.kind == "day_month" and expr.year):  # the year stated elsewhere
        try:
            day, last = date(expr.year, expr.month, expr.day), date(expr.year, expr.month, expr.last_day or expr.day)
        except ValueError:
            return _unknown(expr)
        return Resolved(day, last, "day", "absolute")
    if expr.kind == "month_year":
        return _month_window(expr.year, expr.month, "absolute")
    if expr.kind == "year":
        return Resolved(date(expr.year, 1, 1), date(expr.year, 12, 31), "year", "absolute")
    if expr.kind == "anchor":
        return _resolve_anchor(expr, anchor)
    if expr.kind == "span":
        return Resolved(None, None, "span", "none")
    if published is None:
        return _unknown(expr)
    return _resolve_against(expr, published)


def _resolve_against(expr: DateExpr, published: date) -> Resolved:
    """Expressions that need the report's own date: 'on Sunday', 'Sept. 19', 'in May this year'."""
    if expr.kind == "holiday":
        day = holiday_in(expr.holiday, published.year)
        if day > published + timedelta(days=1):  # a report speaks of the past: Christmas in a January report
            day = holiday_in(expr.holiday, published.year - 1)
        return Resolved(day, day, "day", "published")
    if expr.kind == "weekday":
        day = published - timedelta(days=(published.weekday() - expr.weekday) % 7)
        if expr.text.lower().startswith("last ") and day >= published - timedelta(days=published.weekday()):
            day -= timedelta(days=7)  # 'last Tuesday' in a Wednesday report: the previous week's Tuesday
        return Resolved(day, day, "day", "published")
    if expr.kind == "weekend":
        return _weekend_before(published, expr.year_shift or 0)
    if expr.kind == "relative":
        day = published + timedelta(days=expr.offset_days)
        precision = "day" if expr.unit == "day" else expr.unit if expr.unit in ("week", "month", "year") else "day"
        return Resolved(day, day, precision, "published") if precision == "day" else _around(day, precision)
    if expr.kind == "day_month":
        year = published.year
        try:
            day = date(year, expr.month, expr.day)
            if day > published + timedelta(days=1):  # a report speaks of the past: Dec. 30 in a Jan. 2 report
                day = date(year - 1, expr.month, expr.day)
            day = _on_its_weekday(day, expr.weekday)
            last = day.replace(day=expr.last_day or expr.day)
        except ValueError:
            return _unknown(expr)
        return Resolved(day, last, "day", "published")
    if expr.kind == "month":
        year = published.year + (expr.year_shift or 0)
        if expr.year_shift is None and expr.month > published.month:
            year -= 1
        return _month_window(year, expr.month, "published")
    if expr.kind == "season":
        return _season_window(expr, published)
    if expr.kind == "period":
        return _period_window(expr, published)
    return _unknown(expr)


# How many years back a day written with its weekday ('Thursday, January 8') is looked for.
WEEKDAY_YEARS_BACK = 6


def _on_its_weekday(day: date, weekday: int | None) -> date:
    """The latest year, from the one the report's date gives back, in which the day falls on the
    weekday written with it: a follow-up of March 2016 that recalls 'Thursday, January 8' speaks of
    2015.  A day that never falls on it in those years (a misprint) keeps the report's year."""
    if weekday is None:
        return day
    for back in range(WEEKDAY_YEARS_BACK + 1):
        try:
            earlier = day.replace(year=day.year - back)
        except ValueError:  # 29 February
            continue
        if earlier.weekday() == weekday:
            return earlier
    return day


def _resolve_anchor(expr: DateExpr, anchor: Resolved | None) -> Resolved:
    if anchor is None or anchor.start is None:
        return _unknown(expr)
    if expr.within:
        end = (anchor.end or anchor.start) + timedelta(days=expr.offset_days)
        return Resolved(anchor.start, end, "week" if expr.offset_days <= 7 else "month", "anchor")
    start = anchor.start + timedelta(days=expr.offset_days)
    end = (anchor.end or anchor.start) + timedelta(days=expr.offset_days)
    if expr.unit == "day" and anchor.precision == "day":
        return Resolved(start, end, "day", "anchor")
    # 'one month later' than a known day is approximate: keep a window as wide as the unit's slack
    slack = {"week": 3, "month": 10, "year": 60}.get(expr.unit or "day", 1)
    precision = {"week": "week", "month": "month", "year": "year"}.get(expr.unit or "day", anchor.precision)
    return Resolved(start - timedelta(days=slack), end + timedelta(days=slack), precision, "anchor")


def _month_window(year: int, month: int, basis: str) -> Resolved:
    last = calendar.monthrange(year, month)[1]
    return Resolved(date(year, month, 1), date(year, month, last), "month", basis)


def _season_window(expr: DateExpr, published: date) -> Resolved:
    year = expr.year if expr.year else published.year + (expr.year_shift or 0)
    first, last = SEASONS[expr.season]
    start = date(year, first, 1)
    end_year = year + 1 if last < first else year
    end = date(end_year, last, calendar.monthrange(end_year, last)[1])
    return Resolved(start, end, "month", "published" if not expr.year else "absolute")


def _period_window(expr: DateExpr, published: date) -> Resolved:
    shift = expr.year_shift or 0
    if expr.unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return Resolved(monday, monday + timedelta(days=6), "week", "published")
    if expr.unit == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        return _month_window(month_index // 12, month_index % 12 + 1, "published")
    year = published.year + shift
    return Resolved(date(year, 1, 1), date(year, 12, 31), "year", "published")


def _weekend_before(published: date, shift: int) -> Resolved:
    """The Saturday and Sunday of 'over the weekend': the last ones up to the report's day; 'last
    weekend' written on a weekend is the one before."""
    saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    if shift < 0 and published.weekday() >= 5:
        saturday -= timedelta(days=7)
    return Resolved(saturday, min(saturday + timedelta(days=1), max(published, saturday)), "day", "published")


def _around(day: date, precision: str) -> Resolved:
    half = {"week": 3, "month": 15, "year": 182}[precision]
    return Resolved(day - timedelta(days=half), day + timedelta(days=half), precision, "published")


def _unknown(expr: DateExpr) -> Resolved:
    return Resolved(None, None, "unknown", "none", month=expr.month, day=expr.day, weekday=expr.weekday)


def compatible(a: Resolved, b: Resolved, *, slack_days: int = 2, partial: bool = True) -> bool | None:
    """True when two dates can be the same incident's, False when they cannot, None when unknown.

    With ``partial=False`` a year-less date ('Sept. 19') is never said to fit a dated window: within
    one report it may as well be another year's event.  Two windows of whole months touch only if
    they share a day: the slack is for days told a day or two off.
    """
    if a.start and b.start:
        if _whole_months(a) and _whole_months(b):
            slack_days = 0  # 'in March 2022' and 'in April 2022' are two months, not two days apart
        return a.start - timedelta(days=slack_days) <= (b.end or b.start) and b.start - timedelta(days=slack_days) <= (a.end or a.start)
    known, other = (a, b) if a.start else (b, a)
    if not known.start:
        if a.month and b.month:
            return a.month == b.month and (not (a.day and b.day) or abs(a.day - b.day) <= slack_days)
        if a.weekday is not None and b.weekday is not None:
            return a.weekday == b.weekday
        return None
    fits = _partial_fits(known, other, slack_days)
    return fits if partial or fits is False else None


def _whole_months(window: Resolved) -> bool:
    """A window of a month or more ('in March 2022', '2021'), whose edges are the calendar's, not a
    reporter's estimate a day or two off."""
    return window.end is not None and (window.end - window.start).days >= 27


def _partial_fits(known: Resolved, partial: Resolved, slack_days: int) -> bool | None:
    """Does 'Sept. 19' (no year) or 'Sunday' (no week) fit inside a known window?"""
    if known.end is None or (known.end - known.start).days > 120:
        return None
    days = [known.start + timedelta(days=i) for i in range(-slack_days, (known.end - known.start).days + slack_days + 1)]
    if partial.month and partial.day:
        return any(d.month == partial.month and d.day == partial.day for d in days)
    if partial.month:
        return any(d.month == partial.month for d in days)
    if partial.weekday is not None:
        if (known.end - known.start).days > 6:
            return None  # every fortnight has a Sunday: a weekday says nothing against a wide window
        return any(d.weekday() == partial.weekday for d in days[slack_days:len(days) - slack_days] or days)
    return None
