"""Read-only knowledge: armed groups, incident-type lexicons, outlets, places, hedges.

Every table lives in a file under ``unmist/data``.  A user extends it by putting a file of the
same name in a folder named by the ``UNMIST_KNOWLEDGE`` environment variable (several folders
separated by ``os.pathsep``); its rows are added to the built-in ones.  Loaders are cached and
fail loudly, naming the file and line, on a malformed row.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .errors import KnowledgeError


@dataclass(frozen=True)
class Group:
    name: str
    aliases: tuple[str, ...]
    kind: str
    party: str
    parent: str | None


@dataclass(frozen=True)
class IncidentType:
    type: str
    priority: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class Home:
    """Where a local outlet is based."""

    city: str
    admin1: str
    country: str


@dataclass(frozen=True)
class Neighbourhood:
    """A part of a big city that reports name instead of the city ('Englewood' of Chicago)."""

    name: str
    city: str
    admin1: str
    country: str


@dataclass(frozen=True)
class KnownPlace:
    name: str
    aliases: tuple[str, ...]
    country: str
    admin1: str | None
    lat: float
    lon: float
    precision: str


def _knowledge_files(filename: str) -> list[Path]:
    """The built-in file plus any user file of the same name, in that order."""
    files = [Path(str(resources.files("unmist") / "data" / filename))]
    for folder in filter(None, os.environ.get("UNMIST_KNOWLEDGE", "").split(os.pathsep)):
        candidate = Path(folder) / filename
        if candidate.is_file():
            files.append(candidate)
    return files


def digest() -> str:
    """A fingerprint of every knowledge file in use, built-in and the user's.  It is part of the
    extraction versions, so that a run after an edit to an alias table reads the reports again."""
    import hashlib

    fingerprint = hashlib.sha1()
    built_in = Path(str(resources.files("unmist") / "data"))
    for name in sorted(p.name for p in built_in.iterdir() if p.is_file()):
        for path in _knowledge_files(name):
            fingerprint.update(name.encode() + b"\0" + path.read_bytes())
    return fingerprint.hexdigest()[:12]


def _rows(filename: str, columns: int) -> list[tuple[Path, int, list[str]]]:
    """Tab-separated rows of every file named ``filename``; '#' starts a comment line."""
    rows = []
    for path in _knowledge_files(filename):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < columns:
                raise KnowledgeError(f"{path}:{number}: expected {columns} tab-separated columns, got {len(cells)}")
            rows.append((path, number, cells))
    return rows


def _json_rows(filename: str, required: tuple[str, ...]) -> list[dict]:
    rows = []
    for path in _knowledge_files(filename):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise KnowledgeError(f"{path}:{number}: not valid JSON ({err.msg})") from None
            missing = [key for key in required if key not in row]
            if missing:
                raise KnowledgeError(f"{path}:{number}: missing field(s) {', '.join(missing)}")
            rows.append(row)
    return rows


@lru_cache(maxsize=None)
def group_aliases() -> dict[str, str]:
    """Lower-cased alias -> canonical group name, for names read from case-folded text (an alias
    of under four letters, 'IS', is matched only as written: lower-cased it is an English word)."""
    table = {}
    for group in groups():
        for alias in group.aliases:
            table[alias if len(alias) < 4 else alias.lower()] = group.name
    return table


@lru_cache(maxsize=None)
def groups() -> tuple[Group, ...]:
    """Armed groups and parties with their aliases and transliterations."""
    return tuple(
        Group(
            name=row["name"],
            aliases=tuple(dict.fromkeys([row["name"], *row.get("aliases", [])])),
            kind=row.get("kind", "organization"),
            party=row.get("party", "armed_group"),
            parent=row.get("parent"),
        )
        for row in _json_rows("groups.jsonl", ("name",))
    )


@lru_cache(maxsize=None)
def incident_types() -> tuple[IncidentType, ...]:
    """Incident-type trigger lexicon, most specific type first."""
    types = []
    for row in _json_rows("incident_types.jsonl", ("type", "triggers")):
        alternatives = "|".join(f"(?:{trigger})" for trigger in row["triggers"])
        try:
            pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
        except re.error as err:
            raise KnowledgeError(f"incident_types.jsonl: bad trigger for {row['type']}: {err}") from None
        types.append(IncidentType(row["type"], int(row.get("priority", 50)), pattern))
    return tuple(sorted(types, key=lambda t: -t.priority))


# Kinds of incident that can be one event told differently (a 'bombing' and a 'suicide bombing');
# everything else is an armed attack or clash.  A closed list, so it stays in code.
TYPE_FAMILIES = {
    "bombing": "explosive", "suicide_bombing": "explosive", "car_bombing": "explosive", "air_strike": "air",
    "prison_break": "prison", "riot": "prison", "hostage_taking": "hostage", "hijacking": "hostage", "arrest": "arrest",
    "arson": "arson", "robbery": "robbery",
}


def type_family(itype: str) -> str:
    return TYPE_FAMILIES.get(itype, "armed")


# Events that turn into a shooting, or a shooting turns into: one report tells the robbery, another
# the shooting it became ('robbery-turned-shooting'); a gunman takes hostages, or sets the house on
# fire.  A bombing and a shooting stay two events (a city can see both in a day).
TURNS_INTO_SHOOTING = frozenset({"robbery", "hostage", "arson"})


def one_event_families(first: str, second: str) -> bool:
    """Two families of event (:func:`type_family`) one incident may be told as: the same family, or an
    armed attack and what it turned out of or into (TURNS_INTO_SHOOTING)."""
    return first == second or ("armed" in (first, second) and bool({first, second} & TURNS_INTO_SHOOTING))


@lru_cache(maxsize=None)
def type_priority(itype: str) -> int:
    """How specific an incident type is (suicide bombing > bombing > armed assault)."""
    return next((t.priority for t in incident_types() if t.type == itype), 0)


@lru_cache(maxsize=None)
def figure_cues() -> dict[str, dict[str, frozenset[str]]]:
    """For each figure kind, the lemmas and phrases that mark it."""
    cues: dict[str, dict[str, frozenset[str]]] = {}
    for row in _json_rows("figure_cues.jsonl", ("kind", "lemmas")):
        entry = cues.setdefault(row["kind"], {"lemmas": frozenset(), "phrases": frozenset()})
        entry["lemmas"] = entry["lemmas"] | frozenset(row["lemmas"])
        entry["phrases"] = entry["phrases"] | frozenset(row.get("phrases", []))
    return cues


@lru_cache(maxsize=None)
def sides() -> dict[str, str]:
    """Noun lemma -> which side a casualty figure counts (attackers, security, civilians, total)."""
    return {cells[0].strip().lower(): cells[1].strip() for _, _, cells in _rows("sides.tsv", 2)}


@lru_cache(maxsize=None)
def outlets() -> tuple[Outlet, ...]:
    return tuple(
        Outlet(cells[0], tuple(a for a in cells[1].split("|") if a), cells[2].strip() if len(cells) > 2 else "site")
        for _, _, cells in _rows("outlets.tsv", 2)
    )


@lru_cache(maxsize=65536)
def outlet_named(name: str | None) -> Outlet | None:
    """The outlet the alias file knows by this name, case-blind ('Radio Ozodi' -> RFE/RL Tajik Service)."""
    if not name:
        return None
    lowered = name.strip().lower()
    return next((o for o in outlets() if lowered == o.name.lower() or lowered in (a.lower() for a in o.aliases)), None)


@lru_cache(maxsize=None)
def outlet_homes() -> dict[str, Home]:
    """Web domain of a local outlet -> the city it is based in."""
    return {cells[0].strip().lower(): Home(cells[1].strip(), cells[2].strip(), cells[3].strip())
            for _, _, cells in _rows("outlet_homes.tsv", 4)}


def name_key(name: str) -> str:
    """A name as the tables below key it: lower case, single spaces."""
    return " ".join(name.lower().split())


@lru_cache(maxsize=None)
def neighbourhoods() -> dict[str, tuple[Neighbourhood, ...]]:
    """A neighbourhood's names (:func:`name_key`) -> the neighbourhoods of big cities that bear it."""
    found: dict[str, list[Neighbourhood]] = {}
    for _, _, cells in _rows("neighbourhoods.tsv", 5):
        hood = Neighbourhood(cells[0].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip())
        for alias in {cells[0].strip(), *(a.strip() for a in cells[1].split("|") if a.strip())}:
            found.setdefault(name_key(alias), []).append(hood)
    return {alias: tuple(dict.fromkeys(hoods)) for alias, hoods in found.items()}


def outlet_home(url: str | None) -> Home | None:
    """Where the outlet that published ``url`` is based, from its domain or a parent domain
    ('m.wral.com' is WRAL's); None for an outlet the table does not know."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:  # a malformed address ('http://[abc/'): no outlet to tell
        return None
    labels = host.lower().rstrip(".").removeprefix("www.").split(".")
    homes = outlet_homes()
    return next((homes[".".join(labels[i:])] for i in range(len(labels) - 1) if ".".join(labels[i:]) in homes), None)


@lru_cache(maxsize=None)
def known_places() -> tuple[KnownPlace, ...]:
    places = []
    for path, number, cells in _rows("places.tsv", 7):
        try:
            lat, lon = float(cells[4]), float(cells[5])
        except ValueError:
            raise KnowledgeError(f"{path}:{number}: latitude/longitude are not numbers") from None
        aliases = tuple(dict.fromkeys([cells[0], *[a for a in cells[1].split("|") if a]]))
        places.append(KnownPlace(cells[0], aliases, cells[2], cells[3] or None, lat, lon, cells[6].strip()))
    return tuple(places)


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    return {cells[0].strip(): cells[1].strip() for _, _, cells in _rows("demonyms.tsv", 2)}


@lru_cache(maxsize=None)
def admin_abbreviations() -> dict[str, tuple[str, str]]:
    """How reports write a first-level admin area after a place ('Culpeper, Va.') -> (name, country)."""
    return {cells[0].strip(): (cells[1].strip(), cells[2].strip()) for _, _, cells in _rows("admin_abbreviations.tsv", 3)}


@lru_cache(maxsize=None)
def national_styles() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Formulas of one country's news ('the 500 block of Pacific Avenue') -> that country."""
    return tuple((re.compile(cells[0].strip(), re.IGNORECASE), cells[1].strip())
                 for _, _, cells in _rows("national_styles.tsv", 2))


@lru_cache(maxsize=None)
def hedges() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"\b{cells[0].strip()}\b", re.IGNORECASE), cells[1].strip()) for _, _, cells in _rows("hedges.tsv", 2)
    )


def _words(filename: str) -> frozenset[str]:
    """One entry a line, '#' comments skipped, from every file of that name."""
    words = set()
    for path in _knowledge_files(filename):
        words.update(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#"))
    return frozenset(words)


@lru_cache(maxsize=None)
def cue_verbs() -> frozenset[str]:
    return _words("cue_verbs.txt")


@lru_cache(maxsize=None)
def target_nouns() -> dict[str, str]:
    """Head noun of a physical target -> GTD-style target type."""
    return {cells[0].strip().lower(): cells[1].strip() for _, _, cells in _rows("targets.tsv", 2)}


@lru_cache(maxsize=None)
def weapons() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"\b(?:{cells[0].strip()})\b", re.IGNORECASE), cells[1].strip()) for _, _, cells in _rows("weapons.tsv", 2)
    )


@lru_cache(maxsize=None)
def person_titles() -> frozenset[str]:
    """Lower-cased titles and ranks written before a name ('archbishop', 'major'), not part of it."""
    return frozenset(w.lower() for w in _words("person_titles.txt")) | ranks()


@lru_cache(maxsize=None)
def given_names() -> frozenset[str]:
    """Lower-cased given names that are English words too ('victor', 'oscar')."""
    return frozenset(w.lower() for w in _words("given_names.txt"))


@lru_cache(maxsize=None)
def ranks() -> frozenset[str]:
    """Lower-cased military and police ranks ('colonel', 'capt')."""
    return frozenset(w.lower() for w in _words("ranks.txt"))


def actor_key(name: str, kind: str) -> str:
    """An actor's name as one actor: a person whatever title the report put before the name
    ('Colonel Rene Ponce' and 'Rene Ponce' are 'rene ponce'; a name that is all titles stays as it
    is), a group as named ('General Staff' keeps its 'general')."""
    words = name.lower().split()
    start = 0
    while kind == "individual" and start < len(words) - 1 and words[start].rstrip(".") in person_titles():
        start += 1
    return " ".join(words[start:])


@lru_cache(maxsize=None)
def not_places() -> frozenset[str]:
    """Lower-cased phrases never to geocode ('Central Asia' is not the town of Central)."""
    return frozenset(w.lower() for w in _words("not_places.txt"))


@dataclass(frozen=True)
class Holiday:
    name: str
    pattern: str  # regex source, case-insensitive
    rule: str  # MM-DD | easter | nth N WEEKDAY MONTH | last WEEKDAY MONTH


HOLIDAY_RULE = re.compile(r"^(?:\d\d-\d\d|easter|nth [1-5] (?:mon|tue|wed|thu|fri|sat|sun) \d\d"
                          r"|last (?:mon|tue|wed|thu|fri|sat|sun) \d\d)$")


@lru_cache(maxsize=None)
def holidays() -> tuple[Holiday, ...]:
    """Named days a report dates an incident by ('shot on Easter'), with how each year's falls."""
    found = []
    for path, number, cells in _rows("holidays.tsv", 3):
        rule = cells[2].strip().lower()
        try:
            re.compile(cells[1])
        except re.error as err:
            raise KnowledgeError(f"{path}:{number}: {err}") from None
        if not HOLIDAY_RULE.match(rule):
            raise KnowledgeError(f"{path}:{number}: rule {rule!r} is not MM-DD, easter, nth N DAY MM or last DAY MM")
        found.append(Holiday(cells[0].strip(), cells[1].strip(), rule))
    return tuple(found)


@dataclass(frozen=True)
class ReferenceEvent:
    name: str
    pattern: re.Pattern[str]
    start: "date"
    end: "date"


@lru_cache(maxsize=None)
def reference_events() -> tuple[ReferenceEvent, ...]:
    """Dated events reports refer to ('on the eve of the SCO summit in Samarkand')."""
    from datetime import date

    events = []
    for path, number, cells in _rows("reference_events.tsv", 4):
        try:
            start, end = date.fromisoformat(cells[2].strip()), date.fromisoformat(cells[3].strip())
            pattern = re.compile(cells[1], re.IGNORECASE)
        except (ValueError, re.error) as err:
            raise KnowledgeError(f"{path}:{number}: {err}") from None
        events.append(ReferenceEvent(cells[0], pattern, start, end))
    return tuple(events)
