"""What the pages show, computed from ledger records (no SQL, no HTTP here)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from ..render import span_text
from ..types import Document

FILTERS = ("since", "until", "country", "type", "perpetrator", "min_independent", "conflicted", "q", "located")


# The most independent sources a filter may ask for (larger values are a typo, not a question).
MAX_INDEPENDENT = 1_000_000


class FilterError(ValueError):
    """A query parameter the list cannot be filtered by; the app answers 400 with this message."""


def list_filters(params) -> dict:
    """Query parameters -> keyword arguments of store.list_incidents; a bad value raises FilterError."""
    values = {name: (params.get(name) or None) for name in FILTERS}
    return {
        "since": _iso_date("since", values["since"]), "until": _iso_date("until", values["until"]),
        "country": values["country"], "type": values["type"], "perpetrator": values["perpetrator"],
        "search": values["q"], "min_independent": _count("min_independent", values["min_independent"]),
        "conflicted": True if values["conflicted"] in ("1", "true", "on") else None,
        "located": {"1": True, "true": True, "0": False, "false": False}.get(values["located"] or ""),
    }


# The list's sortable columns, as store.SORT_COLUMNS names them ('-killed': most first).
SORTS = ("date", "place", "type", "perpetrator", "killed", "reports")


def view_query(params, *, without: tuple[str, ...]) -> str:
    """The query string of the view's filters (links that keep them: sort, download, facets, map)."""
    from urllib.parse import urlencode

    return urlencode([(name, value) for name, value in params.multi_items() if name not in without and value])


def list_sort(value: str | None) -> str:
    """The ``sort`` parameter checked ('date' when absent); another value raises FilterError."""
    if not value:
        return "date"
    if value.lstrip("-") not in SORTS:
        raise FilterError(f"sort: '{value[:40]}' is not one of {', '.join(SORTS)} (a leading '-' sorts down)")
    return value


def sort_links(current: str) -> dict[str, str]:
    """For each column, the sort its heading link asks for: down if it is the current one going up."""
    return {name: f"-{name}" if current == name else name for name in SORTS}


def year_counts(months: dict[str, int]) -> list[tuple[str, int]]:
    """Incidents per year, from the timeline's months, latest first."""
    years: dict[str, int] = {}
    for month, count in months.items():
        years[month[:4]] = years.get(month[:4], 0) + count
    return sorted(years.items(), reverse=True)


def _iso_date(name: str, value: str | None) -> str | None:
    from datetime import date

    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise FilterError(f"{name}: '{value[:40]}' is not a date (YYYY-MM-DD)") from None
    return value


def _count(name: str, value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit() or len(value) > 7 or int(value) > MAX_INDEPENDENT:
        raise FilterError(f"{name}: '{value[:40]}' is not a whole number from 0 to {MAX_INDEPENDENT}")
    return int(value)


# Room left of the bars for the count axis.
AXIS = 28


def timeline(months: dict[str, int], width: int = 900, height: int = 120) -> dict:
    """Incidents per month as SVG bar geometry (drawn server-side: no chart library to ship)."""
    if not months:
        return {"bars": [], "width": width, "height": height}
    ordered = sorted(months)
    first, last = ordered[0], ordered[-1]
    span = _month_index(last) - _month_index(first) + 1
    bar = max(2.0, width / span)
    top = max(months.values())
    bars = [{"x": AXIS + round((_month_index(m) - _month_index(first)) * bar, 1), "w": round(max(1.0, bar - 1), 1),
             "h": round(months[m] / top * (height - 20), 1), "label": f"{m}: {months[m]}",
             "since": f"{m}-01", "until": f"{m}-{calendar.monthrange(int(m[:4]), int(m[5:]))[1]:02d}"} for m in ordered]
    return {"bars": bars, "width": width + AXIS, "height": height, "first": first, "last": last, "top": top, "axis": AXIS}


def _month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number)


@dataclass(frozen=True)
class Piece:
    text: str
    mark: str | None  # None, or what the highlighted span produced ('killed', 'date', ...)


def highlighted(document: Document, records: list[dict]) -> list[Piece]:
    """The report's text cut into plain and highlighted pieces, one mark per span that produced a value."""
    spans = sorted(_spans(document.id, records))
    pieces, position = [], 0
    for start, end, label in spans:
        if start < position:
            continue
        pieces.append(Piece(document.text[position:start], None))
        pieces.append(Piece(document.text[start:end], label))
        position = end
    pieces.append(Piece(document.text[position:], None))
    return [p for p in pieces if p.text]


def _spans(document_id: str, records: list[dict]):
    for record in records:
        for kind, figure in record["figures"].items():
            for value in figure["values"]:
                if value["document"] == document_id and value.get("span"):
                    yield value["span"][0], value["span"][1], f"{kind} {span_text(value['low'], value['high'])}"
        for actor in record["perpetrators"]:
            if actor.get("document") == document_id and actor.get("span"):
                yield actor["span"][0], actor["span"][1], f"perpetrator ({actor['status']})"
        for key in ("dates", "places"):
            for value in record.get(key, []):
                if value.get("document") == document_id and value.get("span"):
                    yield value["span"][0], value["span"][1], key[:-1]


def sources_side_by_side(record: dict, documents: dict[str, Document]) -> list[dict]:
    """One row per report: outlet, date it states, and each figure's value, conflicts marked."""
    rows = []
    for mention in record["mentions"]:
        document = documents.get(mention["document"])
        values = {kind: next((v for v in f["values"] if v["document"] == mention["document"]), None)
                  for kind, f in record["figures"].items()}
        stated = next((d for d in record.get("dates", []) if d.get("document") == mention["document"]), None)
        rows.append({"mention": mention, "document": document, "values": values, "date": stated})
    return rows


def api_endpoints(openapi: dict) -> list[dict]:
    """The OpenAPI document's operations as rows for the API page: method, path, summary,
    parameters (name, where, type, description) and what a success returns."""
    endpoints = []
    for path, operations in openapi.get("paths", {}).items():
        for method, operation in operations.items():
            parameters = [{"name": p["name"], "where": p.get("in", ""), "description": p.get("description", ""),
                           "type": _schema_type(p.get("schema", {}))} for p in operation.get("parameters", [])]
            body = operation.get("requestBody", {}).get("content", {})
            if body:
                parameters.append({"name": "body", "where": "body", "type": ", ".join(body), "description": ""})
            success = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            reference = success.get("schema", {}).get("$ref", "")
            returns = openapi.get("components", {}).get("schemas", {}).get(reference.rsplit("/", 1)[-1], {}) if reference else {}
            endpoints.append({"method": method.upper(), "path": path,
                              "summary": operation.get("description") or operation.get("summary", ""),
                              "parameters": parameters,
                              "returns": ", ".join(f"{name} ({field.get('description', '')})"
                                                   for name, field in returns.get("properties", {}).items())})
    return endpoints


def _schema_type(schema: dict) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_type(option) for option in schema["anyOf"] if option.get("type") != "null")
    return schema.get("type", "")
