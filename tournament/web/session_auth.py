"""Who is asking: a bearer token (scripts, stream tools, ``TOURNAMENT_ADMIN_TOKEN``) or a
signed-in browser's session cookie; and the CSRF rules that go with cookies.

- A session cookie is ``HttpOnly``, ``SameSite=Lax`` and ``Secure`` when the request came
  over https (``--proxy-headers`` behind a proxy).
- A write through the JSON API with the cookie needs ``X-CSRF-Token`` equal to the
  session's token (pages for signed-in users carry it in ``<meta name="csrf-token">``);
  a bearer token needs none (no browser sends it by itself).
- A form post needs the field ``csrf_token``: the session's token, or before sign-in the
  value of the ``tournament_csrf`` cookie the form's page set (double submit)."""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from starlette.datastructures import FormData
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response

from ..errors import Forbidden, Unauthorized
from ..services import auth, sessions
from ..services.actors import Actor
from ..services.context import Context

SESSION_COOKIE = "tournament_session"
FORM_COOKIE = "tournament_csrf"
SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Identity:
    actor: Actor
    session_id: int | None = None  # signed in with a cookie
    csrf_token: str | None = None

    @property
    def cache_key(self) -> str:
        """Who a private page was built for (pages carry the session's CSRF token)."""
        return f"{self.actor.principal}/{self.session_id or 'token'}"


def _ctx(conn: HTTPConnection) -> Context:
    context: Context = conn.app.state.ctx
    return context


def idle(conn: HTTPConnection) -> timedelta:
    return timedelta(hours=_ctx(conn).settings.session_hours)


def address(conn: HTTPConnection) -> str:
    return conn.client.host if conn.client else "unknown"


def bearer(conn: HTTPConnection) -> str | None:
    scheme, _, token = conn.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def identify(request: Request) -> Identity | None:
    """The bearer token's user, else the session cookie's; None for neither. A bad token
    is a 401; a dead cookie is no one (it is cleared where a page answers). Remembered on
    the request."""
    if hasattr(request.state, "identity"):
        found: Identity | None = request.state.identity
        return found
    context = _ctx(request)
    token = bearer(request)
    identity: Identity | None = None
    if token is not None:
        async with context.db.read() as session:
            by_token = await auth.actor_for(session, token, context.settings.admin_token)
        if by_token is None:
            raise Unauthorized("invalid_token", "The token is not valid.")
        identity = Identity(by_token[0])
        if by_token[1] is not None:
            async with context.db.write() as session:
                await auth.touch(session, by_token[1])
    elif request.cookies.get(SESSION_COOKIE):
        async with context.db.read() as session:
            signed = await sessions.resolve(session, request.cookies[SESSION_COOKIE])
        if signed is not None:
            identity = Identity(signed.actor, signed.session_id, signed.csrf_token)
            if signed.stale:
                async with context.db.write() as session:
                    await sessions.touch(session, signed.session_id, idle(request))
    request.state.identity = identity
    return identity


async def authenticate(request: Request) -> Actor:
    """The actor of a write: a valid bearer token, or a live session whose CSRF token the
    request carries in ``X-CSRF-Token``."""
    identity = await identify(request)
    if identity is None:
        if request.cookies.get(SESSION_COOKIE):
            raise Unauthorized("session_expired", "Your session has ended; sign in again.")
        raise Unauthorized("unauthorized", "This needs an 'Authorization: Bearer <token>' "
                           "header or a signed-in session.")
    if identity.session_id is not None and request.method not in SAFE:
        sent = request.headers.get("x-csrf-token", "")
        if not (identity.csrf_token and hmac.compare_digest(sent.encode(),
                                                            identity.csrf_token.encode())):
            raise Forbidden("csrf_failed", "This request needs the X-CSRF-Token header of "
                            "your session (reload the page).", "X-CSRF-Token")
    return identity.actor


def check_form(request: Request, form: FormData) -> None:
    """A form post carries the right ``csrf_token``, as a field or, from a script, in the
    ``X-CSRF-Token`` header as the JSON API takes it (403 otherwise)."""
    identity: Identity | None = getattr(request.state, "identity", None)
    expected = identity.csrf_token if identity and identity.csrf_token else \
        request.cookies.get(FORM_COOKIE)
    sent = form.get("csrf_token") or request.headers.get("x-csrf-token")
    if not (expected and isinstance(sent, str)
            and hmac.compare_digest(sent.encode(), expected.encode())):
        raise Forbidden("csrf_failed", "This form has expired; reload the page and try "
                        "again.", "csrf_token")


def form_token(request: Request, response_cookies: dict[str, str]) -> str:
    """The CSRF token a form on this page carries: the session's, or before sign-in the
    ``tournament_csrf`` cookie's (set on the answer when new)."""
    identity: Identity | None = getattr(request.state, "identity", None)
    if identity and identity.csrf_token:
        return identity.csrf_token
    token = request.cookies.get(FORM_COOKIE)
    if not token or len(token) > 64:
        token = secrets.token_urlsafe(32)
        response_cookies[FORM_COOKIE] = token
    return token


def secure(request: HTTPConnection) -> bool:
    return request.url.scheme == "https"


def set_form_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(FORM_COOKIE, token, httponly=True, samesite="lax",
                        secure=secure(request), path="/")


def set_session_cookie(request: Request, response: Response, secret: str) -> None:
    response.set_cookie(SESSION_COOKIE, secret, max_age=int(sessions.MAX_AGE.total_seconds()),
                        httponly=True, samesite="lax", secure=secure(request), path="/")


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=secure(request))
