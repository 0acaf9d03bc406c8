"""What must hold for every incident the linker builds (link/__init__.py says it once): one mention
per report, day-precise dates within INCIDENT_DAYS, every two mentions consistent.  Checked on the
development-set ledger and on a slice of real local news (GVA, see conftest.gva_slice)."""

from __future__ import annotations

import json
from datetime import date
from itertools import combinations

import pytest

from unmist.evaluate import build_ledger
from unmist.link import INCIDENT_DAYS, consistent
from unmist.store import load_extractions, open_ledger

pytestmark = pytest.mark.ledger_free  # skipped in CI's PostgreSQL pass (conftest)


def violations(ledger: dict, mentions: dict[tuple[str, int], object]) -> list[str]:
    found = []
    misdated = {d["id"] for d in ledger["documents"] if "misdated" in (d.get("flags") or [])}
    for incident in ledger["incidents"]:
        reports = [m["document"] for m in incident["mentions"]]
        if len(reports) != len(set(reports)):
            found.append(f"{incident['id']}: two mentions of one report")
        days = [date.fromisoformat(d["start"]) for d in incident["dates"] if d["precision"] == "day" and d["start"]]
        if days and (max(days) - min(days)).days > INCIDENT_DAYS:
            found.append(f"{incident['id']}: dates {min(days)} to {max(days)}")
        stated = [mentions[(m["document"], m["index"])] for m in incident["mentions"] if m["document"] not in misdated]
        found += [f"{incident['id']}: {a.key} and {b.key} cannot be one incident"
                  for a, b in combinations(stated, 2) if not consistent(a, b)]
    return found


def _mentions(db: str) -> dict:
    with open_ledger(db)() as session:
        return {(m.document, m.index): m for e in load_extractions(session) for m in e.mentions}


def test_every_devset_incident_keeps_the_invariants(devset_dir, tmp_path):
    db = str(tmp_path / "devset.db")
    ledger = build_ledger(devset_dir, db)
    assert ledger["incidents"]
    assert violations(ledger, _mentions(db)) == []


def test_every_incident_of_real_local_news_keeps_the_invariants(gva_slice):
    ledger = json.loads(open(gva_slice["export"], encoding="utf-8").read())
    assert len(ledger["incidents"]) > 20
    assert violations(ledger, _mentions(gva_slice["db"])) == []


def _incident_sizes(tmp_path, items: list[dict]) -> list[int]:
    """How many reports each incident of a ledger built from these news items has, smallest first."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "feed.jsonl").write_text("\n".join(json.dumps(item) for item in items) + "\n", encoding="utf-8")
    ledger = build_ledger(tmp_path, str(tmp_path / "ledger.db"))
    return sorted(len(incident["mentions"]) for incident in ledger["incidents"])


def test_two_reports_of_one_shooting_in_a_big_city_are_one_incident(tmp_path):
    """A big city is weak evidence (it sees many shootings a day), but never a conflict with itself."""
    assert _incident_sizes(tmp_path, [
        {"title": "One dead, four hurt in Memphis shooting", "published": "2015-08-31", "outlet": "Daily A",
         "text": "MEMPHIS, Tenn. — After a violent weekend, police are investigating two shootings.\n\n"
                 "One man was killed and four other people were wounded in a shooting at a birthday party on "
                 "Sunday night, police said. No arrests have been made."},
        {"title": "Party shooting leaves one dead", "published": "2015-08-31", "outlet": "Channel B",
         "text": "Police in Memphis are looking for the gunman who opened fire at a party on Sunday, killing a "
                 "man and wounding four people. Officers said the victims were taken to a hospital."},
    ]) == [2]


def test_a_report_is_not_news_of_what_happened_after_it_came_out(tmp_path):
    """A report from Friday that gives no date cannot tell of Sunday night's shooting, however alike
    (its incident is in the week before it came out, give or take a day)."""
    assert _incident_sizes(tmp_path, [
        {"title": "Party shooting leaves one dead", "published": "2015-08-28", "outlet": "Channel B",
         "text": "Police in Memphis are looking for the gunman who opened fire at a party, killing a man and "
                 "wounding four people. Officers said the victims were taken to a hospital."},
        {"title": "One dead, four hurt in Memphis shooting", "published": "2015-08-31", "outlet": "Daily A",
         "text": "MEMPHIS, Tenn. — One man was killed and four other people were wounded in a shooting at a "
                 "birthday party on Sunday night, police said. No arrests have been made."},
    ]) == [1, 1]



SHOOTING = {"title": "Man shot dead outside his Kenosha home", "published": "2015-03-08", "outlet": "Daily A",
            "text": "Michael Anderson, 34, was shot and killed outside his home in Kenosha on Saturday night, police "
                    "said. No arrests have been made."}


@pytest.mark.parametrize("victim, sizes", [
    # two months on, a report of the charge names the victim and the town but not the day: one incident
    ("Michael Anderson", [2]),
    # the same town and a shooting, but no name in common: a town sees more than one shooting a year
    ("a man", [1, 1]),
])
def test_a_later_report_without_a_date_joins_the_incident_it_names(tmp_path, victim, sizes):
    """A follow-up (a charge, a funeral, a trial) published weeks later often gives no date for the
    shooting; the week before it came out is then no date of it, and the victim's name at the same
    place ties it to the earlier reports.  Without the name it stays apart."""
    later = {"title": "Man charged in Kenosha killing", "published": "2015-05-05", "outlet": "Channel B",
             "text": f"A 19-year-old man has been charged with first-degree murder in the fatal shooting of {victim}, "
                     "who was shot and killed outside his home in Kenosha, prosecutors said."}
    assert _incident_sizes(tmp_path, [SHOOTING, later]) == sizes


@pytest.mark.parametrize("victim, sizes", [
    # neither report gives the day: the later one's fortnight is no date of the shooting, and the
    # victim's name in the same town ties them
    ("Michael Anderson", [2]),
    ("a man", [1, 1]),
])
def test_two_undated_reports_weeks_apart_are_one_incident_by_name(tmp_path, victim, sizes):
    first = {"title": "Man shot dead outside his Kenosha home", "published": "2015-03-08", "outlet": "Daily A",
             "text": "Michael Anderson, 34, was shot and killed outside his home in Kenosha, police said. No "
                     "arrests have been made."}
    later = {"title": "Man charged in Kenosha killing", "published": "2015-03-25", "outlet": "Channel B",
             "text": f"A 19-year-old man has been charged with first-degree murder in the fatal shooting of {victim}, "
                     "who was shot and killed outside his home in Kenosha, prosecutors said."}
    assert _incident_sizes(tmp_path, [first, later]) == sizes


def test_a_later_report_that_names_the_victim_away_from_the_shooting_joins_it(tmp_path):
    """A report of the trial tells the shooting in a line without the victim's name and names him
    paragraphs later, in what a witness said: the name anywhere in it ties it to the earlier report."""
    later = {"title": "Trial opens in Kenosha killing", "published": "2015-09-15", "outlet": "Channel B",
             "text": "A 19-year-old man went on trial in the death of a man who was shot and killed outside his "
                     "home in Kenosha.\n\n"
                     "Jurors heard from six witnesses on the first day.\n\nThe jury also listened to a recording of "
                     "a phone call.\n\nA neighbor, Sarah Lindqvist, testified that she heard Michael Anderson "
                     "arguing with two men minutes before."}
    assert _incident_sizes(tmp_path, [SHOOTING, later]) == [2]


KENOSHA_BAR = {"title": "Man shot dead outside Kenosha bar", "published": "2015-03-08", "outlet": "Daily A",
               "text": "A man was shot and killed outside a bar in Kenosha on Saturday night, police said.\n\n"
                       "No arrests have been made.\n\nFriends gathered on Sunday to remember Michael Anderson, a "
                       "father of two who coached youth soccer.\n\nHis cousin Dwayne Kessler organised a vigil at "
                       "the bar."}


@pytest.mark.parametrize("where, cousin, sizes", [
    # neither report names anyone in its lines on the shooting; both name the victim and his cousin
    # further on: two names in common, the same town, the later report undated: one incident
    (" in Kenosha", "Dwayne Kessler", [2]),
    # one name in common is not enough (a town's news names its lawyers and pastors often)
    (" in Kenosha", "a cousin", [1, 1]),
    # a later report that never names the town: the two names stand in for the place
    ("", "Dwayne Kessler", [2]),
    ("", "a cousin", [1, 1]),
])
def test_a_later_report_that_shares_two_names_with_the_first_joins_it(tmp_path, where, cousin, sizes):
    later = {"title": "Man pleads guilty in bar killing", "published": "2015-09-15", "outlet": "Channel B",
             "text": "A 19-year-old man pleaded guilty to second-degree murder in the fatal shooting of a man "
                     f"outside a bar{where}, prosecutors said.\n\nHe will be sentenced in November.\n\nThe "
                     f"family of Michael Anderson asked the judge for the longest term.\n\nHis {cousin} wept in "
                     "the courtroom."}
    assert _incident_sizes(tmp_path, [KENOSHA_BAR, later]) == sizes


@pytest.mark.parametrize("second_town, sizes", [
    # a town with namesakes in several states and abroad, and no state named: the same name, the
    # same night, a shooting: one incident
    ("Richmond", [2]),
    ("Fairfield", [1, 1]),
])
def test_two_reports_of_a_night_in_a_town_they_cannot_place_are_one_incident(tmp_path, second_town, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Man killed in Richmond shooting", "published": "2016-05-09", "outlet": "Daily A",
         "text": "A 24-year-old man was shot and killed in Richmond on Sunday night, police said."},
        {"title": "Police seek gunman after fatal shooting", "published": "2016-05-09", "outlet": "Channel B",
         "text": f"Officers are looking for the gunman who shot a man dead outside a bar in {second_town} late Sunday."},
    ]) == sizes


@pytest.mark.parametrize("headline_town, sizes", [
    # the second report names its town only in its headline (a feed's headline is no part of the text
    # evidence can quote, so it cannot place the incident): the town and the night tie it to the first
    ("Springfield", [2]),
    ("Greenville", [1, 1]),
])
def test_a_town_only_the_headline_names_ties_two_reports_of_a_night(tmp_path, headline_town, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Boy wounded by stray bullet", "published": "2016-05-09", "outlet": "Daily A",
         "text": "A 12-year-old boy was shot and wounded in Springfield on Sunday night, the sheriff said."},
        {"title": f"Deputies Visit Boy Injured In {headline_town} Shooting", "published": "2016-05-10",
         "outlet": "Channel B",
         "text": "Sheriff's deputies on Monday visited a 12-year-old boy who was shot and wounded on Sunday "
                 "night. He is expected to recover, the sheriff said."},
    ]) == sizes


@pytest.mark.parametrize("relative, sizes", [
    # a report without a date of its own, from the next town: the victim's name ties it to the shooting
    ("Tamika Lawson", [2]),
    # ... and without that name, a neighbouring town is no evidence of the same shooting
    ("Keisha Moore", [1, 1]),
])
def test_an_undated_report_from_the_next_town_joins_the_shooting_it_names(tmp_path, relative, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Woman shot dead", "published": "2016-05-09", "outlet": "Daily A",
         "text": "Tamika Lawson, 34, was shot and killed in Dearborn on Sunday night, police said. No arrests "
                 "have been made."},
        {"title": "Family remembers mother", "published": None, "outlet": "Channel B",
         "text": f"Relatives of {relative} gathered in Detroit to remember the mother of three, who was shot and "
                 "killed last week. Police have made no arrests."},
    ]) == sizes


@pytest.mark.parametrize("force, sizes", [
    # the police force names a county that six states have, and the report no state: the county,
    # the night and a death tie it to the report that places the shooting
    ("DeKalb County police", [2]),
    ("Cobb County police", [1, 1]),
])
def test_the_county_of_the_police_force_ties_a_report_that_names_no_state(tmp_path, force, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Man shot dead outside his home", "published": "2015-12-07", "outlet": "Daily A",
         "text": "A 41-year-old man was shot and killed outside his home in DeKalb County, Georgia, on Sunday night, "
                 "officials said."},
        {"title": "Police investigate fatal shooting", "published": "2015-12-07", "outlet": "Channel B",
         "text": f"{force} are investigating the death of a man who was shot and killed on Sunday night. "
                 "No arrests have been made."},
    ]) == sizes


@pytest.mark.parametrize("doers, sizes", [
    # 'a gunman' is how every shooting is told: two placeless reports of a day are not one incident by it
    ("A gunman", [1, 1]),
    # a group both name singles the incident out
    ("Taliban fighters", [2]),
])
def test_a_shared_description_of_the_attackers_is_no_evidence(tmp_path, doers, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Attack on a bus", "published": "2015-08-31", "outlet": "Daily A",
         "text": f"{doers} opened fire on a bus on Sunday, killing a man and wounding two people, police said."},
        {"title": "Attack outside a bar", "published": "2015-08-31", "outlet": "Channel B",
         "text": f"{doers} opened fire outside a bar on Sunday, killing a woman, officials said."},
    ]) == sizes


@pytest.mark.parametrize("told_as, sizes", [
    # the robbery one outlet reports is the shooting another does: one incident
    ("Two men robbed a convenience store on Elm Street", [2]),
    # a bombing and a shooting are two events, however alike their day and toll
    ("A bomb exploded at a convenience store on Elm Street", [1, 1]),
])
def test_a_robbery_that_turned_into_a_shooting_is_one_incident(tmp_path, told_as, sizes):
    """A report tells the robbery, another the shooting it became ('robbery-turned-shooting')."""
    assert _incident_sizes(tmp_path, [
        {"title": "Clerk killed in Tulsa store", "published": "2016-08-12", "outlet": "Daily A",
         "text": f"{told_as} in Tulsa on Thursday night, killing the clerk and wounding three customers, "
                 "police said."},
        {"title": "Gunfire at Tulsa store leaves one dead, three hurt", "published": "2016-08-12", "outlet": "Channel B",
         "text": "A gunman opened fire inside a convenience store in Tulsa on Thursday night, killing a clerk and "
                 "wounding three people, police said."},
    ]) == sizes


@pytest.mark.parametrize("first_part, second_part, sizes", [
    # two neighbourhoods of one city, the same night: two shootings, though both are coded as Chicago
    ("Woodlawn", "Bridgeport", [1, 1]),
    # the same neighbourhood the same night: one shooting
    ("Woodlawn", "Woodlawn", [2]),
    # Chicago's Austin and its North Lawndale, read off the data file's neighbourhoods: two places
    ("Lawndale", "Austin", [1, 1]),
    ("Lawndale", "North Lawndale", [2]),
])
def test_two_parts_of_one_city_are_two_places(tmp_path, first_part, second_part, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": f"Boy, 16, wounded in {first_part} shooting", "published": "2017-01-15", "outlet": "Daily A",
         "text": f"A 16-year-old boy was shot in the leg Saturday night in {first_part}, Chicago police said. He was "
                 "taken to a hospital in good condition."},
        {"title": "Teen hurt in shooting", "published": "2017-01-15", "outlet": "Channel B",
         "text": f"A teenager was wounded late Saturday when someone opened fire on a street in {second_part}, "
                 "according to Chicago police. No one is in custody."},
    ]) == sizes


@pytest.mark.parametrize("victim, sizes", [
    # one report names the victim as it tells the shooting, the other names no town and gives her name
    # only paragraphs later: the same day, the same toll and her name tie them
    ("Tamara Greene", [2]),
    # without the name, a day and one dead fit a dozen shootings of a country's day
    ("the woman", [1, 1]),
])
def test_a_report_that_names_the_victim_only_further_on_joins_the_one_that_leads_with_her(tmp_path, victim, sizes):
    first = {"title": "Woman killed in Dayton shooting", "published": "2016-05-09", "outlet": "Daily A",
             "text": "Tamara Greene, 31, was shot and killed outside her home in Dayton on Sunday night, police said."}
    second = {"title": "Police seek shooter", "published": "2016-05-09", "outlet": "Channel B",
              "text": "A woman was shot and killed outside her home late Sunday, police said.\n\n"
                      "Officers found her on the porch.\n\nNo arrests have been made.\n\n"
                      f"Neighbors said {victim} had lived on the street for ten years."}
    assert _incident_sizes(tmp_path, [first, second]) == sizes


@pytest.mark.parametrize("block, sizes", [
    # a big city sees a shooting a day: a later, undated report in it joins the first by two names in
    # common, the victim's and the block's ...
    ("the 16800 block of Riverview", [2]),
    # ... not by the city and one name (a hospital, a pastor, a lawyer recur in a city's news)
    ("his street", [1, 1]),
])
def test_a_later_report_in_a_big_city_joins_the_first_by_two_names(tmp_path, block, sizes):
    first = {"title": "Man killed in Detroit shooting", "published": "2016-03-28", "outlet": "Daily A",
             "text": "Paul Kendall, 27, was shot and killed in the 16800 block of Riverview in Detroit on Sunday "
                     "night, police said."}
    later = {"title": "Man charged in Detroit killing", "published": "2016-08-30", "outlet": "Channel B",
             "text": "A 22-year-old man was charged with first-degree murder in a fatal shooting in Detroit, "
                     "prosecutors said.\n\nThe man was arrested last week.\n\nHe is due in court in September.\n\n"
                     f"Paul Kendall was shot outside a house on {block}, according to the charges."}
    assert _incident_sizes(tmp_path, [first, later]) == sizes


@pytest.mark.parametrize("toll, sizes", [
    # a death toll of dozens, given alike, singles out the war both reports look back on
    ("killed 46 people", [1, 1, 2]),
    # two dead is any month's news of a border: without a place in common, no incident
    ("killed two people", [1, 1, 1, 1]),
])
def test_a_notable_death_toll_links_two_passing_mentions(tmp_path, toll, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Border guards exchange fire", "published": "2019-09-12", "outlet": "Daily A",
         "text": "Border guards of the two countries exchanged fire on Wednesday near the village of Vorukh, "
                 "and one soldier was wounded, officials said.\n\n"
                 f"The previous flare-up on this border, in the spring of 2018, {toll}."},
        {"title": "Talks on the frontier stall", "published": "2019-09-13", "outlet": "Channel B",
         "text": "A gunman shot dead a customs officer in Isfara on Thursday, police said.\n\n"
                 f"Fighting near the Isfara river in the spring of 2018 {toll} and forced thousands to flee."},
    ]) == sizes


@pytest.mark.parametrize("second, sizes", [
    # two main stories of a night in neighbouring towns, differing tolls: two incidents of a region's night
    ("Two people were killed in a shooting at a party on Saturday night, police said.", [1, 1]),
    # the same toll backs the neighbour town: one incident, told from either side of the line
    ("A man was shot and wounded outside a bar on Saturday night, police said.", [2]),
])
def test_a_neighbouring_town_and_a_day_need_a_fact_in_common(tmp_path, second, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Man wounded in shooting", "published": "2016-05-09", "outlet": "Daily A",
         "text": "SOMERVILLE, Mass. — A man was shot and wounded outside a bar on Saturday night, police said."},
        {"title": "Shooting", "published": "2016-05-09", "outlet": "Channel B",
         "text": f"CAMBRIDGE, Mass. — {second}"},
    ]) == sizes


@pytest.mark.parametrize("second_street, sizes", [
    # one big city, one day, two main stories of one wounded man, but two streets: two shootings
    ("in the 5300 block of Mitscher Avenue", [1, 1]),
    # the same block written another way: one shooting
    ("in the 1000 block of S. Magazine St.", [2]),
])
def test_two_streets_of_one_big_city_are_two_shootings(tmp_path, second_street, sizes):
    first = {"title": "Man wounded in Louisville shooting", "published": "2017-03-01", "outlet": "Daily A",
             "text": "LOUISVILLE, Ky. — A man was shot and wounded in the 1000 block of South Magazine Street "
                     "on Wednesday afternoon, police said."}
    second = {"title": "Shooting in Louisville", "published": "2017-03-01", "outlet": "Channel B",
              "text": f"LOUISVILLE, Ky. — A man was shot and wounded {second_street} on Wednesday, police said."}
    assert _incident_sizes(tmp_path, [first, second]) == sizes


@pytest.mark.parametrize("second_victim, sizes", [
    # a boy in one report and a grown man in the other: two shootings of the town's night
    ("A 38-year-old man", [1, 1]),
    # the boy's age a birthday apart, as a second report gives it once the family spoke: one shooting
    ("Jaylen Brooks, 16,", [2]),
    # no age in the second report: nothing parts them
    ("A young man", [2]),
])
def test_the_ages_of_the_people_hit_tell_two_shootings_apart(tmp_path, second_victim, sizes):
    first = {"title": "Teen wounded in Dayton shooting", "published": "2016-05-09", "outlet": "Daily A",
             "text": "DAYTON, Ohio — A 17-year-old boy was shot and wounded on Sunday night, police said."}
    second = {"title": "Shooting in Dayton", "published": "2016-05-09", "outlet": "Channel B",
              "text": f"DAYTON, Ohio — {second_victim} was shot and wounded on Sunday night, police said."}
    assert _incident_sizes(tmp_path, [first, second]) == sizes


def test_a_round_ups_shooting_placed_only_by_the_dateline_links_by_no_place(tmp_path):
    """A local round-up's other shooting is in the dateline's city for the ledger, but a city's day
    holds many shootings: the city it never names itself is no evidence that it is another report's."""
    roundup = {"title": "Weekend violence", "published": "2013-08-18", "outlet": "Daily A",
               "text": "CHICAGO — A man was shot and killed in the 1200 block of West Madison Street on Saturday, "
                       "police said.\n\nIn a separate shooting on Saturday, two men were wounded, police said."}
    other = {"title": "Two men wounded", "published": "2013-08-18", "outlet": "Channel B",
             "text": "CHICAGO — Two men were wounded in the 4500 block of South Halsted Street on Saturday, "
                     "police said."}
    assert _incident_sizes(tmp_path, [roundup, other]) == [1, 1, 1]


@pytest.mark.parametrize("second_town, sizes", [
    # two towns of one state, far apart: the state both reports name is no place in common
    ("PENSACOLA", [1, 1]),
    # the same town: one shooting
    ("GAINESVILLE", [2]),
])
def test_the_state_two_reports_name_is_no_place_in_common(tmp_path, second_town, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Man wounded outside bar", "published": "2017-03-10", "outlet": "Daily A",
         "text": "GAINESVILLE, Fla. — A man was shot and wounded outside a bar in Florida on Thursday night, "
                 "police said."},
        {"title": "Shooting outside bar", "published": "2017-03-10", "outlet": "Channel B",
         "text": f"{second_town}, Fla. — Deputies said a man was wounded by gunfire on Thursday night in "
                 "Florida. He was shot outside a bar."},
    ]) == sizes


@pytest.mark.parametrize("second_town, sizes", [
    # a town the report cannot place (Dickinson is in North Dakota and in Texas), but in neither of them
    # the other report's city: three dead alike are two shootings
    ("Dickinson", [1, 1]),
    # a town with a namesake in the other report's state: the toll may tie them
    ("Independence", [2]),
])
def test_a_toll_alike_does_not_tie_a_report_that_names_towns_of_other_states(tmp_path, second_town, sizes):
    assert _incident_sizes(tmp_path, [
        {"title": "Three killed at house party", "published": "2016-03-08", "outlet": "Daily A",
         "text": "KANSAS CITY, Mo. — Three men were killed in a shooting at a house party on Monday night, "
                 "police said."},
        {"title": "Three dead in party shooting", "published": "2016-03-08", "outlet": "Channel B",
         "text": f"Three men were killed when gunfire broke out at a birthday party in {second_town} late on "
                 "Monday, police said."},
    ]) == sizes


def test_towns_of_the_county_a_report_places_the_incident_in_are_compared_as_the_county(tmp_path):
    """One report codes the shooting in a town of the county it names, the other names another town
    of the county, 17 km away, where the victim lived: still the county's shooting of that night,
    told by both (two towns that far apart are two places)."""
    assert _incident_sizes(tmp_path, [
        {"title": "Man killed in shooting", "published": "2016-06-12", "outlet": "Daily A",
         "text": "Deputies are investigating a shooting Saturday night in Randolph County, Alabama, that left "
                 "Travis Hollins, 42, dead.\n\nNeighbors said they heard several shots.\n\n"
                 "Hollins was found in the yard of a home in Wedowee, the sheriff said."},
        {"title": "Sheriff: man shot dead", "published": "2016-06-12", "outlet": "Channel B",
         "text": "Travis Hollins, 42, was shot and killed near his home in Roanoke, Alabama, "
                 "on Saturday night, the sheriff said. No arrests have been made."},
    ]) == [2]


def test_the_city_of_the_outlet_is_no_place_two_reports_share(tmp_path):
    """Two reports of a Memphis station that name no place: each is placed in Memphis by its outlet,
    but that says nothing of whether they tell one shooting (a city sees several a night)."""
    url = "https://www.wmcactionnews5.com/story/{}/"
    assert _incident_sizes(tmp_path, [
        {"title": "Two shot at apartment complex", "published": "2014-08-21", "url": url.format(1),
         "text": "Two men were shot at an apartment complex on Wednesday night, police said. Both are expected "
                 "to survive."},
        {"title": "Two hurt in shooting", "published": "2014-08-21", "url": url.format(2),
         "text": "Two people were wounded when someone fired into a car on Wednesday night, police said."},
    ]) == [1, 1]
