"""Flat exports: a CSV with one row per incident, and GeoJSON points for maps."""

from __future__ import annotations

import csv
import io
import json

CSV_COLUMNS = ["id", "type", "date_start", "date_end", "date_precision", "place", "country", "admin1", "lat", "lon",
               "place_precision", "perpetrators", "claim", "killed_low", "killed_best", "killed_high", "wounded_low",
               "wounded_best", "wounded_high", "captured_best", "arrested_best", "reports", "independent",
               "conflicts", "sources"]


def _flat(record: dict, outlets: dict[str, str]) -> dict:
    date, place, figures = record["date"], record["place"], record["figures"]

    def figure(kind: str, key: str):
        return (figures.get(kind) or {}).get(key)

    return {
        "id": record["id"], "type": record["type"], "date_start": date.get("start"), "date_end": date.get("end"),
        "date_precision": date.get("precision"), "place": place.get("name"), "country": place.get("country"),
        "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
        "place_precision": place.get("precision"),
        "perpetrators": "; ".join(f"{p['name']} ({p['status']})" for p in record["perpetrators"]),
        "claim": record.get("claim"),
        "killed_low": figure("killed", "low"), "killed_best": figure("killed", "best"), "killed_high": figure("killed", "high"),
        "wounded_low": figure("wounded", "low"), "wounded_best": figure("wounded", "best"),
        "wounded_high": figure("wounded", "high"), "captured_best": figure("captured", "best"),
        "arrested_best": figure("arrested", "best"), "reports": record["sources"]["reports"],
        "independent": record["sources"]["independent"], "conflicts": ";".join(record["conflicts"]),
        "sources": "; ".join(dict.fromkeys(outlets.get(m["document"]) or m["document"] for m in record["mentions"])),
    }


def csv_table(ledger: dict) -> str:
    outlets = {d["id"]: d.get("outlet") for d in ledger["documents"]}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for record in ledger["incidents"]:
        writer.writerow(_flat(record, outlets))
    return buffer.getvalue()


def geojson(ledger: dict) -> str:
    outlets = {d["id"]: d.get("outlet") for d in ledger["documents"]}
    features = []
    for record in ledger["incidents"]:
        place = record["place"]
        if place.get("lat") is None:
            continue
        properties = {k: v for k, v in _flat(record, outlets).items() if k not in ("lat", "lon")}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                         "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=2) + "\n"
