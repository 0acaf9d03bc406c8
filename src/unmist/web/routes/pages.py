"""Server-rendered pages: incident list with timeline, map, incident, report, upload, login."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ... import store
from ...errors import UnmistError
from ...reconcile.provenance import provenance_tree
from ...review import record_keys
from ..security import CSRF_COOKIE, TOKEN_COOKIE, analyst, check_csrf, csrf_token, local_path
from ..jobs import read_uploads
from ..views import (api_endpoints, highlighted, list_filters, list_sort, sort_links, sources_side_by_side, timeline,
                     view_query, year_counts)

router = APIRouter(include_in_schema=False)
# The last page the list may be asked for (beyond it the offset overflows the database's integers).
MAX_PAGE = 1_000_000


def render(request: Request, template: str, **context) -> HTMLResponse:
    token = csrf_token(request)
    context.update(request=request, csrf=token, analyst=analyst(request))
    response = request.app.state.templates.TemplateResponse(request, template, context)
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


@router.get("/", response_class=HTMLResponse)
def incident_list(request: Request, page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1):
    settings = request.app.state.settings
    filters = list_filters(request.query_params)
    sort = list_sort(request.query_params.get("sort"))
    with request.app.state.sessions() as session:
        rows = store.list_incidents(session, limit=settings.page_size, offset=(max(page, 1) - 1) * settings.page_size,
                                    sort=sort, **filters)
        total = store.count_incidents(session, **filters)
        killed = store.killed_total(session, **filters)
        months = store.monthly_counts(session, **filters)
        facets = {name: store.facet_counts(session, name, **filters) for name in store.FACET_COLUMNS}
        counts = store.count_rows(session)
    return render(request, "incidents.html", rows=rows, params=request.query_params, page=page, sort=sort,
                  sorts=sort_links(sort), view_query=view_query(request.query_params, without=("page", "sort")),
                  timeline=timeline(months), total=total,
                  killed=killed, counts=counts, facets=facets, years=year_counts(months))


@router.get("/docs", response_class=HTMLResponse)
def api_reference(request: Request):
    """The API described for people, from the app's own OpenAPI document (FastAPI's Swagger UI
    loads its scripts from a CDN, and this app works offline)."""
    return render(request, "api.html", endpoints=api_endpoints(request.app.openapi()))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request):
    filters = list_filters(request.query_params)
    with request.app.state.sessions() as session:
        unplaced = store.count_incidents(session, **{**filters, "located": False})
    return render(request, "map.html", params=request.query_params, unplaced=unplaced,
                  view_query=view_query(request.query_params, without=("located",)))


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str):
    with request.app.state.sessions() as session:
        row = store.get_incident(session, incident_id=incident_id)
        if row is None:
            raise HTTPException(404, f"no incident '{incident_id}'")
        documents = store.documents_of_record(session, record=row.record)
        keys = record_keys(row.record)
        decisions = store.decisions_for(session, incident_id=row.id, mention_keys=keys)
    return render(request, "incident.html", record=row.record, documents=documents,
                  sources=sources_side_by_side(row.record, documents), tree=provenance_tree(row.record, documents),
                  decisions=decisions)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str):
    with request.app.state.sessions() as session:
        document = store.get_document(session, document_id=document_id)
        if document is None:
            raise HTTPException(404, f"no report '{document_id}'")
        records = [r.record for r in store.incidents_with_document(session, document_id=document_id)]
    return render(request, "document.html", document=document, pieces=highlighted(document, records),
                  incidents=records, flags=list(document.flags))


@router.post("/incidents/{incident_id}/review")
def review_form(request: Request, incident_id: str, action: str = Form(...), csrf: str = Form(""),
                field: str = Form(""), value: str = Form(""), kind: str = Form(""), document: str = Form(""),
                mention: str = Form(""), reason: str = Form("")):
    from ...review.actions import decide, parse_value

    check_csrf(request, csrf)
    name = analyst(request)
    if name is None:
        return RedirectResponse(f"/login?next=/incidents/{incident_id}", status_code=303)
    payload = {"field": field or None, "value": parse_value(value) if value else None, "kind": kind or None,
               "document": document or None, "mention": mention or None}
    if action == "set_best" and payload["value"] is not None:
        payload.pop("field")
    with request.app.state.sessions() as session:
        before = store.get_incident(session, incident_id=incident_id)
    try:
        decision = decide(request.app.state.sessions, action=action, incident_id=incident_id, analyst=name,
                          reason=reason or None, **payload)
    except UnmistError as err:
        raise HTTPException(400, str(err)) from None
    # an incident's id follows its mentions: after a split, follow one of those that stayed
    stayed = [k for k in record_keys(before.record) if k != decision.payload.get("mention")] if before else []
    target = _holding(request, stayed[0]) if stayed else incident_id
    return RedirectResponse(f"/incidents/{target}#history", status_code=303)


@router.post("/merge")
def merge_form(request: Request, incident: Annotated[list[str], Form()] = [], csrf: str = Form(""),  # noqa: B006
               reason: str = Form("")):
    """Merge the incidents ticked in the list into one (the same decision as `unmist review merge`,
    logged once per pair, so that it survives re-runs)."""
    from ...review.actions import decide

    check_csrf(request, csrf)
    name = analyst(request)
    if name is None:
        return RedirectResponse("/login?next=/", status_code=303)
    chosen = list(dict.fromkeys(incident))
    if len(chosen) < 2:
        raise HTTPException(400, "tick at least two incidents to merge")
    with request.app.state.sessions() as session:
        rows = [store.get_incident(session, incident_id=i) for i in chosen]
    if any(row is None for row in rows):
        raise HTTPException(400, "an incident to merge is no longer in the ledger: reload the list")
    anchor = record_keys(rows[0].record)[0]  # a mention of the first: it names the growing incident
    try:
        for row in rows[1:]:
            decide(request.app.state.sessions, action="merge", incident_id=_holding(request, anchor), analyst=name,
                   reason=reason or None, other=row.id)
    except UnmistError as err:
        raise HTTPException(400, str(err)) from None
    return RedirectResponse(f"/incidents/{_holding(request, anchor)}#history", status_code=303)


def _holding(request: Request, mention_key: str) -> str:
    """The incident that now holds a mention ('<document>:<n>')."""
    document = mention_key.rsplit(":", 1)[0]
    with request.app.state.sessions() as session:
        rows = store.incidents_with_document(session, document_id=document)
    return next(row.id for row in rows if mention_key in record_keys(row.record))


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):
    return render(request, "login.html", next=local_path(next), error=None)


@router.post("/login")
def login(request: Request, token: str = Form(...), csrf: str = Form(""), next: str = Form("/")):
    check_csrf(request, csrf)
    with request.app.state.sessions() as session:
        owner = store.token_owner(session, token=token.strip())
    if owner is None:
        return render(request, "login.html", next=local_path(next), error="That token is not valid.")
    response = RedirectResponse(local_path(next), status_code=303)
    response.set_cookie(TOKEN_COOKIE, token.strip(), httponly=True, samesite="strict")
    return response


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, job: str | None = None):
    return render(request, "upload.html", job=job, limit=request.app.state.settings.upload_max_bytes)


@router.post("/upload")
async def upload_form(request: Request, files: list[UploadFile], csrf: str = Form("")):
    check_csrf(request, csrf)
    if analyst(request) is None:
        return RedirectResponse("/login?next=/upload", status_code=303)
    settings = request.app.state.settings
    contents = await read_uploads(files, settings.upload_max_bytes)
    job = request.app.state.jobs.start(contents, db=settings.db, max_bytes=settings.upload_max_bytes)
    return RedirectResponse(f"/upload?job={job.id}", status_code=303)
