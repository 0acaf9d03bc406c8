"""Stage 4, link: mentions of the same incident across reports become one cluster.

Two mentions from different reports are the same incident when nothing rules it out (dates
that cannot coincide, different countries, incompatible kinds of event, places far apart) and
enough points to it (the same place or admin area, shared perpetrators, overlapping figures, both
being the main incident of their report).  Names are compared through the gazetteer's canonical
forms, so Khujand/Khojand or Taliban/Taleban already agree.  Pairs are only scored within a
country and a date window (blocking).

Clusters grow from the strongest pairs down, and two clusters merge only when the result agrees as
a whole, so a chain of pairwise links (A like B, B like C) never joins A and C when they disagree.
What must hold for every incident the linker builds (tests assert it on every ledger they build):

- no two mentions of one report;
- the mentions dated to the day lie within INCIDENT_DAYS of each other;
- every two of its mentions are consistent (:func:`consistent`): event types, countries, dates,
  places, streets and ages;
- on average its mentions link to each other: the mean pair score between two merging clusters
  is at least MIN_MEAN_SCORE (a report that adds little may join what others tie together).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from datetime import timedelta

from .. import knowledge
from ..extract.dates import Resolved, compatible
from ..extract.names import street_of
from ..types import DateValue, Mention

__all__ = ["link", "LINK_VERSION", "incident_id", "candidate_pairs", "components", "countries_of", "may_meet",
           "pair_score", "as_linked"]

LINK_VERSION = "link.coherent.v38"
# Evidence needed to link: compatible dates count 1 (0.5 when one is only the week before a report), the same
# named place 2 (a city of BIG_CITY people 1, same admin area 1.5), a shared perpetrator 1, agreeing
# tolls 1 (disagreeing ones count nothing: reports of one incident often disagree), both being their
# report's main incident 1, the same specific kind of event (two ambushes, not two 'attacks') 1, a
# distinctive name in common (the victim's, the venue's, the street block's; one report's lines on the incident
# give it, the other report anywhere: GVA pairwise F1 .781 -> .802) 1.
# 2.5 = dates + a town or a place both name, a town and the week before a local report that states no date
# (local news reports the day's shooting the same day or the next), or dates + core + one shared fact.
# Measured on the full GVA set at link.coherent.v27: pairwise F1 .790 at 3.5, .808 at 3, .810 at 2.5
# (B-cubed .930 at both, city .722 -> .725); the development set links alike at 3 and 2.5.
MIN_LINK_SCORE = 2.5
# Kinds of event too common to tell two incidents apart: sharing one is no evidence.
GENERIC_TYPES = frozenset({"armed_assault", "shooting", "armed_clash", "bombing", "security_operation", "riot", "arrest"})
# Two dated mentions are one incident's only when their dates overlap give or take this many days
# (a night-time attack, a time zone, a late wire); blocking compares no others, so a country's
# stream is cut into days, not one block per country.
DATE_SLACK_DAYS = 2
# The most days between two day-precise dates of one incident: reports of one event differ by a day
# (a night-time attack, a time zone, a late wire), seldom more; a week apart is another event.
INCIDENT_DAYS = 3
# Two clusters merge only when their mentions score at least this much on average across the two:
# a link strong enough on its own (MIN_LINK_SCORE) between one pair, and the rest not far below.
MIN_MEAN_SCORE = 1.5
# The week before a report's publication (its incident's date when it states none) fitting the other
# date is weak evidence: half a date's worth.
WINDOW_DATES = 0.5
# Two towns this close may be one incident's place told two ways: a suburb and its city ('Bethesda'
# for a Washington shooting).  Farther apart in one country they are two places: a metro area's
# towns each see their own shootings (GVA: of linked pairs of towns 15-30 km apart, 29 were two
# incidents and 13 one; pairwise F1 .654 -> .658).
NEIGHBOUR_KM = 15
# Two villages on either side of a border, each side's reports naming its own, lie farther apart.
BORDER_NEIGHBOUR_KM = 30
# A city this big sees many incidents a week: sharing it counts less than a town.
BIG_CITY = 500_000
BIG_CITY_PLACE = 1


def family(itype: str) -> str:
    return knowledge.type_family(itype)


def incident_id(mentions: Iterable[Mention]) -> str:
    """Stable id: a hash of the incident's first mention (by report id, then order in the report)."""
    anchor = min(f"{m.document}:{m.index}" for m in mentions)
    return "inc-" + hashlib.sha1(anchor.encode()).hexdigest()[:12]


def link(mentions: list[Mention], pairs: list[tuple[float, int, int]] | None = None) -> list[list[Mention]]:
    """Group mentions into incidents.

    Args:
        mentions: every mention in the ledger, or every mention of a closed part of it (see
            :func:`components`): the answer for a part is the answer for the whole, restricted.
        pairs: :func:`candidate_pairs` of ``mentions``, when already computed.

    Returns:
        Clusters of mentions, each one incident, in a stable order.
    """
    mentions = sorted(mentions, key=mention_order)
    pairs = candidate_pairs(mentions) if pairs is None else pairs
    parent = list(range(len(mentions)))
    members = {i: [i] for i in range(len(mentions))}
    # strongest pairs first; ties in the order of the mentions (sorted by report id and position),
    # so the same mentions give the same clusters however they were gathered
    for _score, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        root_i, root_j = _root(parent, i), _root(parent, j)
        if root_i == root_j or not coherent([mentions[k] for k in members[root_i]],
                                            [mentions[k] for k in members[root_j]]):
            continue
        parent[root_j] = root_i
        members[root_i] += members.pop(root_j)
    clusters = [[mentions[k] for k in sorted(group)] for group in members.values()]
    return sorted(clusters, key=lambda c: incident_id(c))


def coherent(first: list[Mention], second: list[Mention]) -> bool:
    """Whether two clusters may become one incident (the invariants in the module docstring)."""
    if {m.document for m in first} & {m.document for m in second}:
        return False  # one report never tells the same incident twice as separate mentions
    days = [m.date.start for m in first + second if _day_precise(m)]
    if days and (max(days) - min(days)).days > INCIDENT_DAYS:
        return False
    scores = []
    for a in first:
        for b in second:
            if not consistent(a, b):
                return False
            scores.append(_evidence_score(a, b))
    return sum(scores) / len(scores) >= MIN_MEAN_SCORE


def _only_reported(mention: Mention) -> bool:
    """The report states no date for it: its date is the week before publication (no evidence)."""
    return bool(mention.date and mention.date.evidence is None and mention.date.resolved_against == "published")


def _day_precise(mention: Mention) -> bool:
    return bool(mention.date and mention.date.start and mention.date.precision == "day")


def _place_of(mention: Mention):
    """The place a mention tells for linking: a passing mention placed only by its report's dateline
    (a local round-up's other shooting, 'CHICAGO - ... In a separate shooting, two men were
    wounded') keeps that place in the ledger but has none of its own to link or conflict by."""
    place = as_linked(mention.place)
    if place is None or mention.core or place.evidence is None:
        return place
    return place if any(e.start <= place.evidence.start < e.end for e in mention.evidence) else None


def as_linked(place):
    """A town the report names inside the county it placed the incident in is coded as the town
    ('a shooting in Randolph County', then 'a home in Wedowee'), but compared as the county: other
    reports of the incident may name only the county, or another of its towns (where a victim lived).
    A place the report does not state (its outlet's home city) is none to link by."""
    if place is None or place.placed_by is not None:
        return None  # no words of the report place it: nothing to link or conflict by
    if place.county is None:
        return place
    county = _county_named(place.county, place.country, place.admin1)
    return place if county is None else replace(place, name=county.name, lat=county.lat, lon=county.lon,
                                                precision=county.precision, geonameid=county.geonameid, part=None)


@lru_cache(maxsize=10_000)
def _county_named(name: str, country: str | None, admin1: str | None):
    from ..extract import gazetteer

    counties = (p for p in gazetteer.lookup(name) if p.precision == "district" and (p.country, p.admin1) == (country, admin1))
    return next(counties, None)


def consistent(a: Mention, b: Mention) -> bool:
    """Nothing rules out that two mentions tell of one incident: kinds of event, countries, dates,
    places, in a big city the streets, and the ages of the people involved."""
    if not types_compatible(a.type, b.type):
        return False
    if a.country and b.country and a.country != b.country and not _share_countries(a, b):
        return False
    return _date_verdict(a, b) is not False and not places_conflict(a, b) and not _streets_differ(a, b) \
        and not _ages_differ(a, b)


def _streets_differ(a: Mention, b: Mention) -> bool:
    """Both tell their incident on a street, neither report names the other's street, and nothing
    else ties them: two shootings of one big city's day ('the 1000 block of Magazine Street' and
    '5301 Mitscher Avenue', both Louisville).  A town named by both ties them more than its streets
    part them (reports of one shooting name the block, the cross street or the highway), so this
    holds only where the place says little (a big city, or no place in common).  GVA, candidate
    pairs at link.coherent.v29: 46 of two incidents and 2 of one had such streets."""
    streets_a, streets_b = _streets(a.names), _streets(b.names)
    if not (streets_a and streets_b) or streets_a & _streets(_all_names(b)) or streets_b & _streets(_all_names(a)):
        return False
    return not set(a.names) & _all_names(b) and not set(b.names) & _all_names(a) and _place_score(a, b) <= BIG_CITY_PLACE


# Two reports of one victim give ages a birthday apart at most ('15' in the first report, '16' once
# the family spoke).
AGE_SLACK = 1
# Ages part two reports only of an incident that hit this few people: a mass shooting's reports each
# name other victims, and the shooter's age besides.
FEW_PEOPLE = 3


def _ages_differ(a: Mention, b: Mention) -> bool:
    """Both tell of an incident that hit few people and give their ages, no age of either is one the
    other report gives, and they share no name: a 17-year-old shot in one report and a 38-year-old in
    the other are two shootings, whatever the day and the town.  GVA, candidate pairs at
    link.coherent.v30: 46 of two incidents and 3 of one had such ages (without the bound on people
    99 and 17, and a mass shooting's reports fell apart)."""
    if not (_few_people(a) and _few_people(b)) or set(a.names) & _all_names(b) or set(b.names) & _all_names(a):
        return False
    return not (_ages_meet(a.ages, b.report_ages or b.ages) or _ages_meet(b.ages, a.report_ages or a.ages))


def _few_people(mention: Mention) -> bool:
    hit = sum(f.low or 0 for f in mention.figures if f.kind in ("killed", "wounded"))
    return 0 < len(mention.ages) <= FEW_PEOPLE and hit <= FEW_PEOPLE


def _ages_meet(ages, others) -> bool:
    return any(abs(age - other) <= AGE_SLACK for age in ages for other in others)


def _streets(names) -> set[str]:
    return {street for name in names if (street := street_of(name))}


def places_conflict(a: Mention, b: Mention) -> bool:
    """Both name a specific place, and the two are neither the same, in one admin area, nor near."""
    pa, pb = _place_of(a), _place_of(b)
    if pa is None or pb is None or "country" in (pa.precision, pb.precision) \
            or (_same_place(pa, pb) and not _different_parts(pa, pb)):
        return False  # a big city scores low as evidence (it sees many incidents a day), yet it is no conflict
    return _place_score(a, b) < 1.5 and not _shared_places(a, b) \
        and not _within(pa, pb) and not _within(pb, pa)


def _same_place(pa, pb) -> bool:
    return pa.name.lower() == pb.name.lower() or bool(pa.geonameid and pa.geonameid == pb.geonameid)


def _different_parts(pa, pb) -> bool:
    """One city named through two of its parts ('Englewood' and 'Austin' of Chicago): two places."""
    return bool(pa.part and pb.part) and pa.part.lower() != pb.part.lower()


def _shared_places(a: Mention, b: Mention) -> set[str]:
    """The places both name; not the city around two different parts of it."""
    shared = set(a.places_named) & set(b.places_named)
    pa, pb = _place_of(a), _place_of(b)
    if pa is not None and pb is not None and _different_parts(pa, pb):
        shared.discard(pa.name)
    return shared - _states_around(pa, pb)


def _states_around(pa, pb) -> set[str]:
    """The admin areas around the towns the two are placed in ('Florida' of an Orlando story and of
    one in Oldsmar): every incident of the state shares that name.  Not a town's own name: Kunduz is
    a city and the province around it."""
    places = [p for p in (pa, pb) if p is not None]
    own_names = {p.name for p in places}
    return {p.admin1 for p in places if p.precision in ("exact", "district") and p.admin1} - own_names


def _within(small, large) -> bool:
    """A place inside an admin area the other names ('Englewood' in 'Cook County', a town in 'Illinois')."""
    return large.precision in ("province", "district") and large.country == small.country and \
        large.name in (small.admin1, small.name)


def mention_order(mention: Mention) -> tuple[str, int]:
    return mention.document, mention.index


def components(mentions: list[Mention], pairs: list[tuple[float, int, int]]) -> dict[str, str]:
    """Each mention's component: the mentions joined to it by chains of linkable pairs, named by
    the smallest mention key among them.  Linking never crosses a component, so a new report only
    re-links the components its mentions reach."""
    mentions = sorted(mentions, key=mention_order)
    parent = list(range(len(mentions)))
    for _score, i, j in pairs:
        root_i, root_j = _root(parent, i), _root(parent, j)
        parent[max(root_i, root_j)] = min(root_i, root_j)
    return {m.key: mentions[_root(parent, i)].key for i, m in enumerate(mentions)}


def _root(parent: list[int], i: int) -> int:
    """Union-find root, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def countries_of(mention: Mention) -> set[str]:
    """Every country a mention is in or names: its blocks."""
    return {mention.country, *mention.countries} - {None}


def candidate_pairs(mentions: list[Mention]) -> list[tuple[float, int, int]]:
    """(score, i, j) for every pair of mentions that may be linked; i and j index ``mentions`` sorted
    by :func:`mention_order` (as :func:`link` and :func:`components` take them)."""
    mentions = sorted(mentions, key=mention_order)
    pairs = {}
    for block in _blocks(mentions).values():
        for i, j in _pairs_in_block(mentions, block):
            if mentions[i].document == mentions[j].document or (i, j) in pairs:
                continue
            score = pair_score(mentions[i], mentions[j])
            if score >= MIN_LINK_SCORE:
                pairs[(i, j)] = (score, i, j)
    return list(pairs.values())


def may_meet(a: Mention, b: Mention) -> bool:
    """Whether blocking lets two mentions be compared at all: a country in common (or one without
    a country) and, when both are dated, starts within DATE_SLACK_DAYS of the earlier one's end.
    The same rule as :func:`_blocks` and :func:`_pairs_in_block`, for one pair."""
    if a.country and b.country and not countries_of(a) & countries_of(b):
        return False
    if not (a.date and a.date.start and b.date and b.date.start):
        return True
    first, then = sorted((a, b), key=lambda m: m.date.start)
    return then.date.start <= reach(first) or _follow_up_by_name(a, b)


def reach(mention: Mention):
    """The last start date a mention meets in blocking (None when undated)."""
    if not (mention.date and mention.date.start):
        return None
    return (mention.date.end or mention.date.start) + timedelta(days=DATE_SLACK_DAYS)


def _pairs_in_block(mentions: list[Mention], block: list[int]):
    """Dated mentions meet only those dated within DATE_SLACK_DAYS (a sliding window over the block
    sorted by date); undated ones meet everybody in the block.  Keeps linking near-linear."""
    dated = sorted((i for i in block if mentions[i].date and mentions[i].date.start), key=lambda i: mentions[i].date.start)
    undated = [i for i in block if not (mentions[i].date and mentions[i].date.start)]
    for position, i in enumerate(dated):
        last = reach(mentions[i])
        for j in dated[position + 1:]:
            if mentions[j].date.start > last:
                break
            yield (min(i, j), max(i, j))
    for position, i in enumerate(undated):
        for j in undated[position + 1:] + dated:
            yield (min(i, j), max(i, j))
    yield from _follow_up_pairs(mentions, dated)


def _follow_up_pairs(mentions: list[Mention], dated: list[int]):
    """A report that states no date meets the earlier mentions it shares a distinctive name with
    (see :func:`follow_up`): through the names, so a year of a city's news is not compared whole."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i in dated:
        for name in _all_names(mentions[i]):
            by_name[name].append(i)
    for i in dated:
        if not _only_reported(mentions[i]):
            continue
        for j in {j for name in _all_names(mentions[i]) for j in by_name[name]}:
            if j != i and _follow_up_by_name(mentions[i], mentions[j]):
                yield (min(i, j), max(i, j))


def _follow_up_by_name(a: Mention, b: Mention) -> bool:
    """One is a follow-up of the other's incident (:func:`follow_up`) and names someone it names."""
    return follow_up(a, b) and follow_up_names(a, b)


def _all_names(mention: Mention) -> set[str]:
    return {*mention.names, *mention.report_names}


# Names two reports both give somewhere, neither in its lines on the incident, that tie a follow-up to
# it: the victim and the suspect of a plea story and of the first report (one shared name may be a
# lawyer, a pastor or a photographer whom a town's news names often).
FOLLOW_UP_SHARED_NAMES = 2


def follow_up_names(a: Mention, b: Mention) -> bool:
    """A distinctive name one tells the incident with and the other's report gives anywhere (a
    follow-up names the victim in its account of the trial, far from its one line on the shooting),
    or FOLLOW_UP_SHARED_NAMES names both reports give."""
    return bool(set(a.names) & _all_names(b) or set(b.names) & _all_names(a)) or \
        len(set(a.report_names) & set(b.report_names)) >= FOLLOW_UP_SHARED_NAMES


def _blocks(mentions: list[Mention]) -> dict[str, list[int]]:
    """Mentions that may be compared: one block per country (unknown country joins every block)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    unknown = [i for i, m in enumerate(mentions) if not m.country]
    for i, mention in enumerate(mentions):
        for country in countries_of(mention):
            blocks[country].append(i)
    for key in list(blocks):
        blocks[key] = sorted(set(blocks[key]) | set(unknown))
    if not blocks:
        blocks["?"] = unknown
    return blocks


def as_resolved(value: DateValue | None) -> Resolved | None:
    if value is None:
        return None
    return Resolved(value.start, value.end, value.precision, value.resolved_against or "none",
                    month=value.month, day=value.day, weekday=value.weekday)


def pair_score(a: Mention, b: Mention) -> float:
    """How strongly two mentions (from two reports) tell of one incident; 0 when they cannot."""
    return _evidence_score(a, b) if consistent(a, b) else 0


def _evidence_score(a: Mention, b: Mention) -> float:
    """What points to two consistent mentions being one incident (see MIN_LINK_SCORE)."""
    dates = _date_verdict(a, b)
    place = _place_score(a, b)
    perpetrators, figures = _shared_perpetrators(a, b), _figures_agree(a, b)  # each read up to three times below
    score = place + (1 if perpetrators else 0) + (1 if figures else 0)
    score += 1 if _alike_notable_tolls(a, b) else 0
    score += 1 if a.core and b.core else 0
    score += 1 if _same_specific_type(a, b) else 0
    shared_name = bool(set(a.names) & set(b.names)) or _named_in_the_other_report(a, b)
    score += 1 if shared_name else 0
    if _follow_up_apart(a, b):
        return _follow_up_score(a, b, place, score, shared_name)
    if not (place or shared_name or perpetrators or _alike_specific_types(a, b) or _tolls_alike_here(a, b)):
        return 0  # a day, one dead and two main stories fit a dozen incidents of a country's day
    if dates and _only_nearby(a, b, place) and not (shared_name or figures or perpetrators):
        return 0  # a neighbouring town, or the county around a town, and a day: a region's day has several
    if dates:  # compatible dates: place alone, or core + one shared fact, suffice
        return score + (WINDOW_DATES if _only_reported(a) or _only_reported(b) else 1)
    if place < 2 and not (place >= NEARBY_PLACE and shared_name):
        return 0  # undated on one side: only a shared named place, or a nearby one and a name, can link ...
    if not (a.core and b.core) and not (shared_name or _same_specific_type(a, b)):
        return 0  # ... and a passing mention ('the FMLN has kidnapped youths in Usulutan') needs more
    return score


# What :func:`_place_score` gives two neighbouring towns, a town and the county or state around it, or
# a place name both reports give.
NEARBY_PLACE = 1.5


def _only_nearby(a: Mention, b: Mention, place: float) -> bool:
    """The two places are neighbouring towns, or a county and a town of its state, and no place is
    named by both: Dearborn and Detroit, or Cook County and Chicago, see a shooting most days between
    them (GVA: 41 right links and 46 wrong ones rested on such places, a day and two main stories).
    A state holds the other's town for certain: a report that names only the state lacks detail."""
    pa, pb = _place_of(a), _place_of(b)
    if place != NEARBY_PLACE or _shared_places(a, b) or pa is None or pb is None:
        return False
    return "province" not in (pa.precision, pb.precision)


def _tolls_alike_here(a: Mention, b: Mention) -> bool:
    """Tolls alike (:func:`alike_large_tolls`), and the places a mention without one of its own
    names none of them in another state than the other's place: three dead of a Pittsburgh
    suburb's cookout are not Kansas City's three dead of that week."""
    return alike_large_tolls(a, b) and not _named_elsewhere(a, b) and not _named_elsewhere(b, a)


def _named_elsewhere(unplaced: Mention, placed: Mention) -> bool:
    """``unplaced`` has no place of its own but names towns, none in the admin area of ``placed``'s."""
    place = _place_of(placed)
    if _place_of(unplaced) is not None or place is None or not place.admin1 or not unplaced.places_named:
        return False
    return not any((place.country, place.admin1) in _areas_of(name) for name in unplaced.places_named)


def _named_in_the_other_report(a: Mention, b: Mention) -> bool:
    """A name one report tells its incident with that the other report gives anywhere: the victim a
    report names in its lead and the other only in its last paragraph."""
    return bool(set(a.names) & set(b.report_names) or set(b.names) & set(a.report_names))


def _follow_up_score(a: Mention, b: Mention, place: float, score: float, shared_name: bool) -> float:
    """A later report of no date (:func:`follow_up`): a name it shares with the earlier one at the same
    place; where one of the two names no place (a trial story that never says the town), or both name
    one big city (which sees a shooting a day), FOLLOW_UP_SHARED_NAMES names in common stand in for it."""
    if not follow_up_names(a, b):
        return 0
    if place >= FOLLOW_UP_PLACE:
        return score if shared_name else score + 1  # the name counts once, in whichever sentences it is
    unplaced_or_one_big_city = _place_of(a) is None or _place_of(b) is None or place == BIG_CITY_PLACE
    if unplaced_or_one_big_city and len(_all_names(a) & _all_names(b)) >= FOLLOW_UP_SHARED_NAMES:
        return score - place + FOLLOW_UP_PLACE + (0 if shared_name else 1)
    return 0


def _same_specific_type(a: Mention, b: Mention) -> bool:
    return a.type == b.type and a.type not in GENERIC_TYPES


def _alike_specific_types(a: Mention, b: Mention) -> bool:
    """Two specific kinds of one family ('car_bombing' and 'suicide_bombing'): rarer than a shooting."""
    return a.type not in GENERIC_TYPES and b.type not in GENERIC_TYPES and family(a.type) == family(b.type)


def types_compatible(a: str, b: str) -> bool:
    """Families one event may be told as (a robbery that turned into a shooting is one); 'armed_assault'
    is the catch-all a vague report falls back on."""
    return knowledge.one_event_families(family(a), family(b)) or "armed_assault" in (a, b) or \
        "arrest" in (family(a), family(b))


def _share_countries(a: Mention, b: Mention) -> bool:
    """A border incident told from both sides: one report names the other's country too (the other
    may name only its own villages)."""
    return a.country in b.countries or b.country in a.countries


def _date_verdict(a: Mention, b: Mention) -> bool | None:
    da, db = as_resolved(a.date), as_resolved(b.date)
    if da is None or db is None:
        return None
    if _reported_before(a, b) or _reported_before(b, a):
        return False
    verdict = compatible(da, db, slack_days=DATE_SLACK_DAYS)
    return None if verdict is False and follow_up(a, b) else verdict


def _follow_up_apart(a: Mention, b: Mention) -> bool:
    """A follow-up whose week before publication misses the other's date (see :func:`follow_up`)."""
    return follow_up(a, b) and compatible(as_resolved(a.date), as_resolved(b.date), slack_days=DATE_SLACK_DAYS) is False


# A follow-up links to the earlier incident only at the same place: the same town (a big city
# counts as its admin area), its neighbour, or a place name both report.
FOLLOW_UP_PLACE = 1.5


def follow_up(a: Mention, b: Mention) -> bool:
    """One of the two reports states no date and came out after the other's incident: an arrest, a
    funeral or a trial weeks later tells of it without its date, so the week before that report
    is no date of the incident.  Such a pair links only through a distinctive name and the same
    place (:func:`_evidence_score`)."""
    for late, early in ((a, b), (b, a)):
        if _only_reported(late) and early.date and early.date.start and late.date.start \
                and early.date.start < late.date.start:
            return True
    return False


# A report tells of what happened before it came out, give or take a time zone.
PUBLICATION_SLACK_DAYS = 1


def _reported_before(a: Mention, b: Mention) -> bool:
    """``a`` gives no date of its own and its report came out before ``b``'s incident happened
    (DATE_SLACK_DAYS is for reports reading one date two ways, not for news of the future).  When
    ``b`` gives no date either, its week before publication is no date of its incident: a report of
    the charges two weeks after the first tells of the same shooting (see :func:`follow_up`)."""
    return _only_reported(a) and not _only_reported(b) and a.date.end is not None and b.date.start is not None \
        and b.date.start > a.date.end + timedelta(days=PUBLICATION_SLACK_DAYS)


def _place_score(a: Mention, b: Mention) -> float:
    pa, pb = _place_of(a), _place_of(b)
    shared_names = 1.5 if _shared_places(a, b) else 0
    if pa is None or pb is None:
        return shared_names
    if _different_parts(pa, pb):
        return shared_names
    if _same_place(pa, pb):
        if pa.precision == "country":
            return 0.5
        if pa.part and pb.part:
            return 2  # one neighbourhood of a big city, named by both: as telling as a town
        return BIG_CITY_PLACE if _population(pa) >= BIG_CITY else 2
    if pa.precision == pb.precision and pa.precision in ("exact", "district"):
        # two towns (or two counties): the same incident only when they are neighbours ('Bethesda'
        # for a Washington shooting); sharing a province or state is what a country's incidents all do
        reach = NEIGHBOUR_KM if pa.country == pb.country else BORDER_NEIGHBOUR_KM
        near = pa.lat is not None and pb.lat is not None and _near(pa.lat, pa.lon, pb.lat, pb.lon, km=reach)
        return max(shared_names, 1.5 if near else 0)
    if pa.admin1 and pa.admin1 == pb.admin1 and pa.country == pb.country:
        return 1.5
    if pa.lat is not None and pb.lat is not None and _near(pa.lat, pa.lon, pb.lat, pb.lon):
        return 1.5
    return shared_names


@lru_cache(maxsize=100_000)
def _population_of(name: str, geonameid: int) -> int:
    from ..extract import gazetteer

    return max((p.population for p in gazetteer.lookup(name) if p.geonameid == geonameid), default=0)


@lru_cache(maxsize=100_000)
def _areas_of(name: str) -> frozenset[tuple[str, str | None]]:
    """The (country, admin area) of every place called ``name``: looked up once per name, as
    :func:`_population_of` is, not once for every pair of mentions that compares it."""
    from ..extract import gazetteer

    return frozenset((p.country, p.admin1) for p in gazetteer.lookup(name))


def _population(place) -> int:
    """The GeoNames population of a city (0 for an admin area, a curated place, or a namesake)."""
    if place.precision != "exact" or not place.geonameid:
        return 0
    return _population_of(place.name, place.geonameid)


def _near(lat1: float, lon1: float, lat2: float, lon2: float, km: float = 60.0) -> bool:
    return abs(lat1 - lat2) * 111 < km and abs(lon1 - lon2) * 85 < km


def _shared_perpetrators(a: Mention, b: Mention) -> bool:
    """Both name the same group or person; a description both use ('gunman', 'two men', 'drug
    traffickers') is how every such incident is told and singles none out."""
    names_a = {knowledge.actor_key(p.name, p.kind) for p in a.perpetrators if _named(p)}
    names_b = {knowledge.actor_key(p.name, p.kind) for p in b.perpetrators if _named(p)}
    return bool(names_a & names_b)


def _named(perpetrator) -> bool:
    """A group, or a person's name as written in ordinary case (a description is in lower case; in a
    report written all in capitals a person cannot be told from a description)."""
    if perpetrator.kind == "state":
        return False
    name = perpetrator.name
    return perpetrator.kind == "organization" or not (name.islower() or name.isupper())


# A toll this large, given alike by two reports, singles an incident out even where they name no place in
# common; one or two dead (most days' shootings in a big country) do not.
RARE_TOLL = 3


# A death toll this large, given alike by two reports, counts as much as a name in common: a country
# sees few such days (the 55 dead of a border war); ten wounded is a nightclub brawl in a big city.
NOTABLE_TOLL = 10


def _alike_notable_tolls(a: Mention, b: Mention) -> bool:
    """Death tolls of NOTABLE_TOLL or more, alike, for incidents dated finer than a year ('In 2012, 13
    died' is a year's tally, not one event)."""
    finer = all(m.date and m.date.precision not in ("year", "unknown") for m in (a, b))
    return finer and alike_large_tolls(a, b, at_least=NOTABLE_TOLL, kinds=("killed",))


def alike_large_tolls(a: Mention, b: Mention, at_least: int = RARE_TOLL, kinds=("killed", "wounded")) -> bool:
    """Both reports give a toll of ``at_least`` or more, dead or wounded, within a third of each other
    ('28 soldiers' and 'as many as 35'; not 'seven injured' and 'four wounded'): one man shot dead
    is every other week's news in a city, 28 soldiers are not."""
    for kind in kinds:
        values = [f.low or f.high or 0 for m in (a, b) for f in m.figures if f.kind == kind]
        if len(values) == 2 and min(values) >= at_least and max(values) - min(values) <= max(values) / 3:
            return True
    return False


def _figures_agree(a: Mention, b: Mention) -> bool:
    """Death tolls within a third of each other (reports of one toll rarely differ more); when
    neither report gives one (or both say no one died), the wounded compared the same way."""
    for kind in ("killed", "wounded"):
        fa = next((f for f in a.figures if f.kind == kind and (f.low or f.high)), None)
        fb = next((f for f in b.figures if f.kind == kind and (f.low or f.high)), None)
        if fa is None and fb is None:
            continue  # neither gives a toll of this kind (or both say none): compare the next
        if fa is None or fb is None:
            return False
        va, vb = fa.low or fa.high or 0, fb.low or fb.high or 0
        return abs(va - vb) <= max(2, max(va, vb) / 3)
    return False
