"""The organizer's pages for people (signed-in admins): users, passwords, one-time
sign-in links with their QR code, referee assignments, signing a user out everywhere;
and the audit trail page."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import segno
from pydantic import ValidationError
from sqlmodel import col, select
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n, views
from ..errors import DomainError, Forbidden
from ..models import Event, Tournament
from ..schemas_accounts import UserCreate
from ..schemas_fields import SLUG
from ..services import accounts, audit, audit_query, auth, links
from ..services.actors import Actor
from ..services.tournaments import VIEWER
from . import error_words, session_auth
from .account_pages import redirect, require_session, with_form
from .api_accounts import link_url
from .api_audit import _filter
from .common import ctx, int_param, language, slug_param
from .rendering import page


async def require_admin_session(request: Request) -> Actor | Response:
    identity = await require_session(request)
    if isinstance(identity, Response):
        return identity
    if not identity.actor.is_admin:
        raise Forbidden("forbidden", "This page is for admins.")
    return identity.actor


async def _tournaments(session: Any, slugs: Collection[str] | None = None,
                       events: bool = True) -> list[dict[str, Any]]:
    """The tournaments a form shows (``slugs``: only these; every one when None), each with
    its events when the form shows them (``events``), in two queries."""
    query = select(Tournament).order_by(col(Tournament.id))
    if slugs is not None:
        query = query.where(col(Tournament.slug).in_(set(slugs)))
    found = list((await session.exec(query)).all())
    held: dict[int | None, list[Any]] = {t.id: [] for t in found}
    if events and found:
        for e in (await session.exec(select(Event).where(col(Event.tournament_id).in_(
                list(held))).order_by(col(Event.position), col(Event.id)))).all():
            held[e.tournament_id].append(e)
    return [views.tournament_view(t) | (
        {"events": [views.event_view(e, t.slug) for e in held[t.id]]} if events else {})
        for t in found]


async def users_page(request: Request, status: int = 200, **extra: Any) -> Response:
    actor = await require_admin_session(request)
    if isinstance(actor, Response):
        return actor
    async with ctx(request).db.read() as session:
        users = await accounts.list_users(session)
        listed = await _tournaments(session, events=False)  # the form ticks tournaments
    return with_form(request, "admin_users.html", status=status, users=users,
                     tournaments=listed, **extra)


def _said(request: Request, exc: DomainError) -> str:
    return error_words.say(exc, i18n.gettext(language(request)))


async def _admin_change(request: Request, run: Any) -> tuple[Any, str | None, int]:
    """Check the admin and the form's CSRF token, then run the change in one transaction:
    (result, None, 200) or (None, the error in the reader's language, status)."""
    actor = await require_admin_session(request)
    if isinstance(actor, Response):
        raise Forbidden("forbidden", "This page is for admins.")
    form = await request.form()
    session_auth.check_form(request, form)
    try:
        async with ctx(request).transaction() as session:
            session.info[VIEWER] = actor  # unpublished tournaments too: set up before publishing
            return await run(session, form, actor), None, 200
    except DomainError as exc:
        return None, _said(request, exc), exc.status


async def create_user(request: Request) -> Response:
    async def run(session: Any, form: Any, actor: Actor) -> Any:
        password = str(form.get("password") or "") or None
        picked = [str(x) for x in form.getlist("tournaments")]
        try:
            body = UserCreate.model_validate({
                "name": " ".join(str(form.get("name") or "").split()),
                "role": str(form.get("role") or "referee"), "password": password,
                "tournaments": picked or ([] if form.get("role") == "referee" else None)})
        except ValidationError as exc:
            field = str(exc.errors()[0]["loc"][0]) if exc.errors()[0]["loc"] else ""
            if field == "password":
                raise DomainError("weak_password", "too short", "password",
                                  params={"min": 8}) from exc
            raise DomainError("invalid_input", str(exc.errors()[0]["msg"]), field) from exc
        user = await accounts.create_user(session, body)
        await audit.record_user_created(session, actor,
                                        await accounts.user_view(session, user))
        return user
    user, error, status = await _admin_change(request, run)
    if error:
        return await users_page(request, status=status, error=error)
    return redirect(f"/admin/users/{user.id}?lang={language(request)}")


async def user_page(request: Request, status: int = 200, **extra: Any) -> Response:
    actor = await require_admin_session(request)
    if isinstance(actor, Response):
        return actor
    user_id = int_param(request.path_params["id"], "id")
    async with ctx(request).db.read() as session:
        user = await accounts.user_by_id(session, user_id)
        view = await accounts.user_view(session, user)
        named = await accounts.assignment_names(session, view)
        tokens = await auth.list_tokens(session, user_id)
        listed = await _tournaments(session)
    return with_form(request, "admin_user.html", status=status, user=view, tokens=tokens,
                     named=named,
                     tournaments=listed, done=request.query_params.get("done"), **extra)


async def ticked_events(session: Any, slug: str, boxes: list[Any],
                        lang: str) -> list[str] | None:
    """The events ticked on the assign form, each box ``tournament/event`` (two tournaments
    may both have an event ``efootball``): every one of the chosen tournament, or nothing
    is saved and the boxes of another tournament are named (a bare event slug once went to
    the chosen tournament's event of that slug, whichever tournament's box was ticked)."""
    picked = [str(x).partition("/") for x in boxes]
    if any(not sep or not SLUG.match(t) or not SLUG.match(e) for t, sep, e in picked):
        raise DomainError("unknown_event", "No such event.", "events")
    elsewhere = [(t, e) for t, _, e in picked if t != slug]
    if elsewhere:
        # only the tournaments (and their events) the error names, not every one
        named = {x["slug"]: x for x in await _tournaments(
            session, {slug} | {t for t, _ in elsewhere})}
        chosen = i18n.localized(named.get(slug), lang) or slug
        shown = []
        for t, e in elsewhere:
            events = {x["slug"]: x for x in named.get(t, {}).get("events", [])}
            shown.append(f"{i18n.localized(named.get(t), lang) or t} · "
                         f"{i18n.localized(events.get(e), lang) or e}")
        raise DomainError("unknown_event", f"{elsewhere[0][0]}/{elsewhere[0][1]} is not an "
                          f"event of {slug}.", "events",
                          params={"events": shown, "chosen": chosen})
    return [e for _, _, e in picked] or None


def qr_data_uri(url: str) -> str:
    """The link as a QR code (SVG, as a data: URI the page's CSP allows)."""
    return str(segno.make(url, error="m").svg_data_uri(scale=6, border=4, dark="#000",
                                                        light="#fff"))


async def user_action(request: Request) -> Response:
    """One of: a sign-in link, a new password, sign out everywhere, assign or unassign a
    tournament, revoke a token."""
    user_id = int_param(request.path_params["id"], "id")
    what = request.path_params["action"]
    shown: dict[str, Any] = {}

    async def run(session: Any, form: Any, actor: Actor) -> Any:
        user = await accounts.user_by_id(session, user_id)
        if what == "link":
            secret, expires = await links.create(session, user, actor.user_id)
            shown["link"] = {"url": link_url(request, secret), "expires_at": views.iso(
                expires), "qr": qr_data_uri(link_url(request, secret))}
            await audit.record(session, actor, "user.sign_in_link", ("user", user_id), None,
                               {"expires_at": views.iso(expires)}, None)
        elif what == "password":
            ended = await accounts.set_password(session, user, str(form.get("password")
                                                                   or ""), None, actor)
            await audit.record(session, actor, "user.password", ("user", user_id), None,
                               {"sessions_ended": ended}, None)
        elif what == "sessions":
            ended = await accounts.end_sessions(session, user_id)
            await audit.record(session, actor, "user.sessions_revoked", ("user", user_id),
                               None, {"sessions_ended": ended}, None)
        elif what in ("assign", "unassign"):
            slug = slug_param(str(form.get("tournament") or ""))
            events = await ticked_events(session, slug, form.getlist("events"),
                                         language(request)) if what == "assign" else None
            done = await (accounts.assign(session, slug, user_id, events) if what == "assign"
                          else accounts.unassign(session, slug, user_id))
            await audit.record(session, actor, f"referee.{what}", ("user", user_id), None,
                               done, await audit.tournament_of_event(session, slug))
        elif what == "revoke-token":
            token = await auth.get_token(session, int_param(str(form.get("token") or ""),
                                                            "token"))
            if token.user_id != user_id:
                raise DomainError("not_found", "No such token.")
            gone = await auth.revoke_token(session, token)
            await audit.record(session, actor, "token.revoke", ("user", user_id), gone,
                               None, None)
        else:
            raise DomainError("not_found", "No such action.")
    _, error, status = await _admin_change(request, run)
    if error:
        form = await request.form()  # what was chosen stays chosen on the form that refused it
        return await user_page(request, status=status, error=error, typed={
            "tournament": str(form.get("tournament") or ""),
            "events": [str(x) for x in form.getlist("events")]} if what == "assign" else {})
    if shown:
        return await user_page(request, link=shown["link"])
    return redirect(f"/admin/users/{user_id}?done={what}&lang={language(request)}")


def changed(before: Any, after: Any) -> tuple[Any, Any]:
    """What the page shows of a change: only the keys whose values differ (all of them
    for something created or removed); the API and CSV keep the whole states."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return before, after
    keys = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


async def audit_page(request: Request) -> Response:
    """The audit trail of a tournament (or of the whole site), newest first, filtered by
    target, actor or action, a page at a time, with a CSV export."""
    actor = await require_admin_session(request)
    if isinstance(actor, Response):
        return actor
    slug = request.path_params.get("slug")
    async with ctx(request).db.read() as session:
        t = None
        if slug is not None:
            t = (await session.exec(select(Tournament).where(
                Tournament.slug == slug_param(slug)))).first()
            if t is None:
                raise DomainError("not_found", "No such tournament.")
        f = _filter(request, t.id if t else None)
        cursor = request.query_params.get("cursor")
        found = await audit_query.page(session, f, int_param(cursor, "cursor")
                                       if cursor else None, 50)
    query = {k: v for k, v in request.query_params.items() if k not in ("cursor", "lang")}
    for entry in found["items"]:
        entry["shown"] = changed(entry["before"], entry["after"])
    return with_form(request, "audit.html", scope=views.tournament_view(t) if t else None,
                     tz=t.timezone if t else "Asia/Seoul", entries=found["items"],
                     next=found["next"], query=query)


routes = [
    Route("/admin/users", page(users_page), methods=["GET"]),
    Route("/admin/users", page(create_user), methods=["POST"]),
    Route("/admin/users/{id}", page(user_page), methods=["GET"]),
    Route("/admin/users/{id}/{action}", page(user_action), methods=["POST"]),
    Route("/admin/audit", page(audit_page), methods=["GET"]),
    Route("/tournaments/{slug}/audit", page(audit_page), methods=["GET"]),
]
