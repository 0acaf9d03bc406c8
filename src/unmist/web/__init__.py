"""Stage 7, serve: the analyst's web app and HTTP API (FastAPI, server-rendered Jinja2 pages).

``create_app(settings)`` builds the app; routes live in ``routes/``.  Everything the pages need
(Leaflet, country outlines, CSS) ships in ``static/``: the app works without a network.  Report
text is untrusted, so templates always escape it; write endpoints need an API token
(``unmist token create``) and browser forms carry a CSRF token.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..settings import Settings

__all__ = ["create_app"]

WEB_ROOT = Path(str(resources.files("unmist") / "web"))


def create_app(settings: Settings | None = None):
    """The FastAPI application for the ledger named in ``settings``."""
    import jinja2
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    from .. import __version__, store
    from .jobs import Jobs
    from .routes import api, pages

    settings = settings or Settings()
    # No /docs page: FastAPI's Swagger UI loads from a CDN, and the app must work offline.
    app = FastAPI(title="unmist", version=__version__, docs_url=None, redoc_url=None,
                  description="A sourced, reconciled incident ledger: read endpoints return the ledger contract's "
                              "records; write endpoints need an API token.")
    app.state.settings = settings
    app.state.sessions = store.open_ledger(settings.db)
    # Report text is untrusted: every template escapes by default, whatever its file name.
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(WEB_ROOT / "templates")), autoescape=True)
    environment.filters["count"] = count_text
    environment.filters["when"] = date_text
    app.state.templates = Jinja2Templates(env=environment)
    app.state.jobs = Jobs()
    _add_security_headers(app)
    _answer_bad_filters(app)
    _errors_as_pages(app)
    app.mount("/static", StaticFiles(directory=str(WEB_ROOT / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


# Every response: scripts, styles and images only from this site (Leaflet and the outlines ship in
# static/), no framing by other sites, no type sniffing, no referrer leaving the site.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                               "form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def _add_security_headers(app) -> None:
    @app.middleware("http")
    async def secure(request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response


def _answer_bad_filters(app) -> None:
    from fastapi.responses import JSONResponse

    from .views import FilterError

    @app.exception_handler(FilterError)
    async def bad_filter(request, err: FilterError):
        return JSONResponse({"detail": str(err)}, status_code=400)


def date_text(date: dict | None) -> str:
    """A date at its precision ('March 2021', '2010'); the templates' ``when`` filter."""
    from ..render import date_text as text

    return text(date or {})


def count_text(figure: dict | None, best: bool = True) -> str:
    """A figure or one report's value as people read it ('≥ 10', '≤ 35', '9–14, best 11'); the
    templates' ``count`` filter."""
    from ..render import span_text

    if not figure:
        return ""
    return span_text(figure.get("low"), figure.get("high"), figure.get("best") if best else None)


# A person who follows a dead link gets a page; a program gets JSON.
ERROR_TITLES = {404: "not found", 400: "bad request", 401: "sign in needed", 403: "forbidden", 405: "method not allowed"}


def _errors_as_pages(app) -> None:
    from fastapi.exception_handlers import http_exception_handler
    from starlette.exceptions import HTTPException

    @app.exception_handler(HTTPException)
    async def error_page(request, err: HTTPException):
        wants_page = not request.url.path.startswith(("/api/", "/openapi", "/static/")) and \
            "text/html" in request.headers.get("accept", "")
        if not wants_page:
            return await http_exception_handler(request, err)
        from .security import analyst

        context = {"request": request, "analyst": analyst(request), "status": err.status_code,
                   "title": ERROR_TITLES.get(err.status_code, "error"), "detail": err.detail}
        return request.app.state.templates.TemplateResponse(request, "error.html", context, status_code=err.status_code,
                                                            headers=getattr(err, "headers", None))
