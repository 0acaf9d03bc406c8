"""JSON API: read endpoints return the ledger contract's records; write endpoints need a token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, Response, UploadFile
from pathlib import Path

from pydantic import BaseModel, Field

from ... import store
from ...errors import UnmistError
from ...pipeline import export_ledger
from ..security import require_analyst
from ..jobs import read_uploads
from ..views import list_filters

router = APIRouter(prefix="/api", tags=["api"])


class IncidentPage(BaseModel):
    """One page of the incident list."""

    items: list[dict] = Field(description="Incidents as ledger records (the export contract, docs/ledger.md), by date.")
    total: int = Field(description="Incidents that match the filters, on all pages.")
    next: str | None = Field(description="The next page's path with the same filters; null on the last page.")


def incident_filters(
    since: Annotated[str | None, Query(description="Incidents on or after this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Incidents on or before this day (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, Query(description="ISO 3166 alpha-2 code of the place, e.g. TJ.")] = None,
    type: Annotated[str | None, Query(description="Incident type, e.g. ambush, car_bombing.")] = None,
    perpetrator: Annotated[str | None, Query(description="A perpetrator's name, or part of it.")] = None,
    min_independent: Annotated[str | None, Query(description="At least this many independent sources.")] = None,
    conflicted: Annotated[str | None, Query(description="1: only incidents whose reports disagree.")] = None,
    q: Annotated[str | None, Query(description="Words in the place, type or perpetrators.")] = None,
    located: Annotated[str | None, Query(description="1: only incidents with coordinates; 0: only those without.")] = None,
) -> dict:
    """The list's filters, declared here so that the OpenAPI document lists them; a bad value
    answers 400 with a message (views.list_filters)."""
    return list_filters({"since": since, "until": until, "country": country, "type": type, "perpetrator": perpetrator,
                         "min_independent": min_independent, "conflicted": conflicted, "q": q, "located": located})


Filters = Annotated[dict, Depends(incident_filters)]


@router.get("/incidents", response_model=IncidentPage)
def incidents(request: Request, filters: Filters,
              limit: Annotated[int, Query(ge=1, le=1000, description="Incidents per page (1 to 1,000).")] = 100,
              offset: Annotated[int, Query(ge=0, le=10**9, description="Incidents to skip (the next page: offset + limit).")] = 0,
              ) -> IncidentPage:
    """Incidents as ledger records, a page at a time, with the total and the next page's path."""
    with request.app.state.sessions() as session:
        rows = store.list_incidents(session, limit=limit, offset=offset, **filters)
        total = store.count_incidents(session, **filters)
    following = None
    if offset + len(rows) < total:
        following = str(request.url.include_query_params(offset=offset + limit, limit=limit))
        following = following[following.index("/api/"):]  # a path: the client knows the host
    return IncidentPage(items=[row.record for row in rows], total=total, next=following)


@router.get("/incidents.geojson")
def incidents_geojson(request: Request, filters: Filters) -> dict:
    """Geocoded incidents as GeoJSON points (the map's data), with the list's filters."""
    with request.app.state.sessions() as session:
        rows = store.incident_points(session, **filters)
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [row.lon, row.lat]},
                 "properties": {"id": row.id, "type": row.type, "date": str(row.date_start or ""), "place": row.place_name,
                                "killed": row.killed_best, "reports": row.reports, "conflicted": bool(row.conflicted)}}
                for row in rows]
    return {"type": "FeatureCollection", "features": features}


@router.get("/incidents/{incident_id}")
def incident(request: Request, incident_id: str) -> dict:
    with request.app.state.sessions() as session:
        row = store.get_incident(session, incident_id=incident_id)
    if row is None:
        raise HTTPException(404, f"no incident '{incident_id}'")
    return row.record


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str) -> dict:
    from ...export import document_record

    with request.app.state.sessions() as session:
        found = store.get_document(session, document_id=document_id)
    if found is None:
        raise HTTPException(404, f"no report '{document_id}'")
    record = document_record(found, found.flags)
    # where the server read the file is the server's business: the file's own name is enough
    record["source"] = Path(record["source"]).name if record.get("source") else None
    return {**record, "text": found.text}


@router.get("/ledger")
def ledger(request: Request) -> dict:
    """The whole ledger in the contract's shape (as `unmist export --format json`)."""
    return export_ledger(request.app.state.sessions)


# The formats a filtered view downloads in: (media type, file suffix).
DOWNLOADS = {"csv": ("text/csv", "csv"), "json": ("application/json", "json"), "geojson": ("application/geo+json", "geojson"),
             "gtd": ("text/csv", "gtd.csv"), "ucdp": ("text/csv", "ucdp.csv"), "acled": ("text/csv", "acled.csv")}


@router.get("/export", response_class=Response, responses={200: {"content": {media: {} for media, _ in DOWNLOADS.values()},
                                                                  "description": "The file, as an attachment."}})
def export(request: Request, filters: Filters,
           format: Annotated[str, Query(description="csv, json (the ledger contract), geojson, or the coding "
                                                    "formats gtd, ucdp, acled.", pattern="^(" + "|".join(DOWNLOADS) + ")$")] = "csv",
           ) -> Response:
    """The incidents that match the list's filters (all of them, not a page), as a file to download
    (as `unmist export`, restricted to the view)."""
    from ...export import EXPORTERS

    content = EXPORTERS[format](export_ledger(request.app.state.sessions, **filters))
    media, suffix = DOWNLOADS[format]
    return Response(content, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="unmist-incidents.{suffix}"'})


class ReviewRequest(BaseModel):
    action: str
    field: str | None = None
    value: int | float | str | None = None
    kind: str | None = None
    document: str | None = None
    other: str | None = None
    mention: str | None = None
    reason: str | None = None


@router.post("/incidents/{incident_id}/review")
def review(request: Request, incident_id: str, body: ReviewRequest, analyst: str = Depends(require_analyst)) -> dict:
    """Log an analyst decision (confirm, correct, set_best, merge, split, reject_report) and rebuild."""
    from ...review.actions import decide

    payload = body.model_dump(exclude={"action", "reason"}, exclude_none=True)
    try:
        decision = decide(request.app.state.sessions, action=body.action,
                          incident_id=None if body.action == "reject_report" else incident_id,
                          analyst=analyst, reason=body.reason, **payload)
    except UnmistError as err:
        raise HTTPException(400, str(err)) from None
    return {"decision": decision.id, "action": decision.action, "analyst": decision.analyst}


@router.post("/upload")
async def upload(request: Request, files: list[UploadFile] = File(...), analyst: str = Depends(require_analyst)) -> dict:
    """Add reports (files or JSONL); returns a job to poll at /api/jobs/{id}."""
    settings = request.app.state.settings
    contents = await read_uploads(files, settings.upload_max_bytes)
    job = request.app.state.jobs.start(contents, db=settings.db, max_bytes=settings.upload_max_bytes)
    return {"job": job.id}


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: str, analyst: str = Depends(require_analyst)) -> dict:
    found = request.app.state.jobs.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job '{job_id}'")
    return {"id": found.id, "stage": found.stage, "done": found.done, "total": found.total,
            "finished": found.finished, "summary": found.summary, "errors": found.errors}
