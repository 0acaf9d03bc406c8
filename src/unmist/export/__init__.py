"""Exports: the ledger in the shapes its readers expect, one registered writer per format.

``json`` is unmist's contract (``LEDGER.md``); the others are flat tables for spreadsheets and
the field's coding formats.  A writer takes the ledger dict and returns text.
"""

from __future__ import annotations

from collections.abc import Callable

from .coding import acled_csv, gtd_csv, parquet_bytes, ucdp_csv
from .ledger import document_record, incident_record, ledger_dict
from .tables import csv_table, geojson

Exporter = Callable[[dict], str | bytes]
EXPORTERS: dict[str, Exporter] = {}


def exporter(name: str) -> Callable[[Exporter], Exporter]:
    def register(function: Exporter) -> Exporter:
        EXPORTERS[name] = function
        return function

    return register


@exporter("json")
def _json(ledger: dict) -> str:
    import json

    return json.dumps(ledger, ensure_ascii=False, indent=2) + "\n"


exporter("csv")(csv_table)
exporter("geojson")(geojson)
exporter("gtd")(gtd_csv)
exporter("ucdp")(ucdp_csv)
exporter("acled")(acled_csv)
exporter("parquet")(parquet_bytes)

__all__ = ["EXPORTERS", "exporter", "document_record", "incident_record", "ledger_dict"]
