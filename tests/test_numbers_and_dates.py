"""Parsers of messy text: numbers with qualifiers, and dates resolved against a report's date."""

from __future__ import annotations

from datetime import date

import pytest

from unmist.extract.dates import compatible, find_dates, resolve, with_stated_years
from unmist.extract.numbers import parse_number, qualify, vague_range

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)


@pytest.mark.parametrize("text, value", [("28", 28), ("1,340", 1340), ("twenty-five", 25), ("Fifteen", 15),
                                         ("two hundred", 200), ("a dozen", None), ("several", None)])
def test_numbers_written_as_digits_or_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("before, expected", [("killing at least ", (20, None)), ("as many as ", (None, 20)),
                                              ("up to ", (None, 20)), ("more than ", (21, None)),
                                              ("nearly ", (None, 20)), ("about ", (20, 20)), ("killing ", (20, 20))])
def test_qualifiers_turn_a_number_into_a_range(before, expected):
    assert qualify(20, before)[0] == expected


def test_vague_quantities_follow_the_coding_conventions():
    assert vague_range("dozens") == (24, None)
    assert vague_range("hundreds") == (200, None)


def _resolved(text, published):
    expressions = find_dates(text)
    assert expressions, text
    return resolve(expressions[0], published)


def test_weekday_resolves_to_the_last_such_day_on_or_before_the_report():
    thursday = date(2010, 9, 23)
    assert _resolved("attacked a column of soldiers on Sunday", thursday).start == date(2010, 9, 19)
    assert _resolved("the clash on Thursday", thursday).start == thursday


def test_day_and_month_without_year_take_the_report_year_or_the_one_before():
    assert _resolved("the Sept. 19 ambush", date(2010, 9, 23)).start == date(2010, 9, 19)
    assert _resolved("on Dec. 30 gunmen", date(2011, 1, 2)).start == date(2010, 12, 30)
    assert _resolved("since the March 2 attack on the post", date(2023, 3, 10)).start == date(2023, 3, 2)
    assert not find_dates("the anniversary of the September 11 attacks")  # a name, not this incident's date
    assert not find_dates("the fifth anniversary of the Easter Sunday bombings")  # nor is its 'Sunday' a weekday
    assert [d.kind for d in find_dates("He was shot on Easter Sunday.")] == ["holiday"]


def test_a_bare_day_takes_the_year_the_text_states_for_that_day_when_it_states_one():
    published = date(2014, 6, 12)
    one = with_stated_years(find_dates("They were shot on March 14, 2013. Police said the shooting on Mar. 14 ..."))
    assert resolve(one[-1], published).start == date(2013, 3, 14)
    two = with_stated_years(find_dates("On March 14, 2013 and March 14, 2012 ... the shooting on Mar. 14 ..."))
    other_day = with_stated_years(find_dates("They were shot on March 14, 2013. A vigil on March 15 ..."))
    assert resolve(two[-1], published).start == date(2014, 3, 14)
    assert resolve(other_day[-1], published).start == date(2014, 3, 15)


@pytest.mark.parametrize("text, published, day", [
    # the weekday written with a day is one date with it, not the report's own Thursday ...
    ("A shooting on the night of Thursday, January 8, killed a man.", date(2015, 1, 15), date(2015, 1, 8)),
    # ... and tells its year: a follow-up of March 2016 recalls a Thursday of 2015
    ("The shooting happened Thursday, Jan. 8, outside a bar.", date(2016, 3, 10), date(2015, 1, 8)),
    # a weekday in another sentence stays a weekday of its own
    ("He was shot Thursday. On Jan. 8 he died.", date(2015, 1, 16), date(2015, 1, 15)),
])
def test_a_weekday_written_with_its_day_is_that_day(text, published, day):
    assert resolve(find_dates(text)[0], published).start == day


def test_month_expressions_have_month_precision():
    resolved = _resolved("An armed raid in May this year", date(2006, 10, 1))
    assert (resolved.start, resolved.end, resolved.precision) == (date(2006, 5, 1), date(2006, 5, 31), "month")


def test_absolute_dates_need_no_report_date():
    resolved = _resolved("on 11 September 2010 as saying", None)
    assert (resolved.start, resolved.precision, resolved.basis) == (date(2010, 9, 11), "day", "absolute")


def test_unresolvable_dates_stay_unknown_but_keep_what_they_state():
    resolved = _resolved("took credit for the Sept. 19 ambush", None)
    assert resolved.start is None and resolved.precision == "unknown"
    assert (resolved.month, resolved.day) == (9, 19)


def test_relative_to_another_incident():
    anchor = _resolved("on 20 August 2010", None)
    later = resolve(find_dates("ambushed a convoy one month later")[0], None, anchor)
    assert later.precision == "month" and later.start <= date(2010, 9, 20) <= later.end


def test_a_partial_date_fits_a_window_that_contains_it():
    window = _resolved("on 20 August 2010", None)
    window = resolve(find_dates("one month later")[0], None, window)
    assert compatible(_resolved("the Sept. 19 ambush", None), window) is True
    assert compatible(_resolved("the Sept. 19 ambush", None), window, partial=False) is None
    assert compatible(_resolved("on 3 May 2012", None), window) is False


def test_two_months_are_apart_and_a_day_near_a_month_is_not():
    """The slack is for days told a day or two off, not for whole months: 'in March 2022' and 'in
    April 2022' are other months, and so are 'last year' and 'this year'."""
    march, april = _resolved("in March 2022", None), _resolved("in April 2022", None)
    assert compatible(march, april) is False
    assert compatible(_resolved("on 1 April 2022", None), march) is True  # a day off the month's end
    assert compatible(_resolved("in 2016", None), _resolved("in 2017", None)) is False


def test_periods_over_years_are_not_incident_dates():
    assert find_dates("Tens of thousands died in the 1990s")[0].kind == "span"
    assert find_dates("arrested in the last three years")[0].kind == "span"
    # 'since' a year or month reaches up to now: a period, not the date of one incident
    assert find_dates("More than 13,000 people have died since 1980")[0].kind == "span"
    assert find_dates("Fighting since March has displaced thousands")[0].kind == "span"
    assert find_dates("killed in 1980")[0].kind == "year"
    assert find_dates("the deadliest attack since March 2010, when two women")[0].kind == "month_year"


def test_a_house_number_is_not_a_year():
    assert find_dates("Police were called to the area of 1915 Floral Avenue around 7:40pm") == []
    assert [d.kind for d in find_dates("He was first elected in 1995 and served two terms")] == ["year"]


@pytest.mark.parametrize("text, published, day", [
    ("A girl, 3, was shot on Easter in Detroit.", date(2016, 5, 25), date(2016, 3, 27)),  # Western Easter 2016
    ("A man was shot on Easter Sunday.", date(2014, 4, 22), date(2014, 4, 20)),
    ("Four were wounded in a Christmas night shooting.", date(2016, 1, 3), date(2015, 12, 25)),  # last year's
    ("He was killed on the Fourth of July.", date(2015, 7, 6), date(2015, 7, 4)),
    ("Two were shot on Thanksgiving.", date(2016, 11, 28), date(2016, 11, 24)),  # fourth Thursday
    ("A man was shot on Memorial Day.", date(2016, 6, 1), date(2016, 5, 30)),  # last Monday of May
    # a day's name that says it is a day dates without 'on', as a weekday does
    ("A boy is in stable condition after being shot in Elliston Thanksgiving Day.", date(2015, 11, 27),
     date(2015, 11, 26)),
    ("She was shot Christmas Eve outside her home.", date(2016, 12, 27), date(2016, 12, 24)),
])
def test_a_named_day_dates_an_incident(text, published, day):
    expressions = find_dates(text)
    assert [e.kind for e in expressions] == ["holiday"]
    resolved = resolve(expressions[0], published)
    assert (resolved.start, resolved.end, resolved.precision) == (day, day, "day")


@pytest.mark.parametrize("text", ["Christmas shopping began early.", "Police patrols rose over the Easter weekend.",
                                  "Two men were shot at a Memorial Day party.", "The Labor Day parade was cancelled.",
                                  # the name itself must say it is a day, not a word after it
                                  "Halloween in the park was cancelled on Sunday.",
                                  "Christmas at the shelter was quiet, its director said Sunday."])
def test_a_holiday_named_as_a_season_dates_nothing(text):
    assert [e.kind for e in find_dates(text) if e.kind == "holiday"] == []


@pytest.mark.parametrize("text, published, inside", [
    ("Two of four people questioned in the six weeks since the Wilkinsburg mass shooting are out of jail",
     date(2016, 4, 20), date(2016, 3, 9)),
    ("three days ago", date(2016, 4, 20), date(2016, 4, 17)),
])
def test_a_span_back_from_the_report_dates_what_it_counts_from(text, published, inside):
    resolved = _resolved(text, published)
    assert resolved.start <= inside <= resolved.end and resolved.precision in ("day", "week")


def test_since_a_month_or_a_year_is_still_a_period():
    assert find_dates("the worst shooting since March")[0].kind == "span"


@pytest.mark.parametrize("text, published, first, last", [
    ("killed at least 40 civilians between April 24 and 26, 2023, the group said", None, date(2023, 4, 24),
     date(2023, 4, 26)),
    ("the raids of 24-26 April 2023", None, date(2023, 4, 24), date(2023, 4, 26)),
    ("fighting from 3 to 5 June left dozens dead", date(2024, 6, 10), date(2024, 6, 3), date(2024, 6, 5)),
    ("the attacks on Sept. 11-12, 2012", None, date(2012, 9, 11), date(2012, 9, 12)),
])
def test_a_run_of_days_dates_an_incident_from_its_first_to_its_last_day(text, published, first, last):
    resolved = _resolved(text, published)
    assert (resolved.start, resolved.end, resolved.precision) == (first, last, "day")


def test_and_between_two_numbers_is_no_run_of_days_without_between():
    assert [e.text for e in find_dates("On May 5 and 6 people were hurt")] == ["May 5"]
    assert find_dates("from March 2 to 30")[0].text == "March 2"  # four weeks are a period, not one incident's days
