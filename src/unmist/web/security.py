"""Who may write: API tokens (Authorization: Bearer, or the login cookie) and CSRF for forms."""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

from .. import store

TOKEN_COOKIE = "unmist_token"
CSRF_COOKIE = "unmist_csrf"


def request_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(TOKEN_COOKIE, "")


def analyst(request: Request) -> str | None:
    """The token's owner, or None when the request carries no valid token."""
    token = request_token(request)
    if not token:
        return None
    with request.app.state.sessions() as session:
        return store.token_owner(session, token=token)


def require_analyst(request: Request) -> str:
    name = analyst(request)
    if name is None:
        raise HTTPException(status_code=401, detail="a valid API token is required (unmist token create)")
    return name


def csrf_token(request: Request) -> str:
    """The browser's CSRF token (double-submit: a cookie and the same value in every form)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(24)


def check_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token: reload the page and try again")


def local_path(target: str | None) -> str:
    """``target`` when it is a path on this site, else '/': never redirect elsewhere
    ('//evil.example/x' and '/\\evil.example' are other sites to a browser)."""
    from urllib.parse import urlsplit

    if not target or not target.startswith("/") or target.startswith(("//", "/\\")) or "\\" in target:
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/"
