"""The JSON API of people: users, passwords, sessions, sign-in links, API tokens and
referee assignments. Every change is in the audit trail (never a secret)."""

from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import views
from ..errors import Forbidden
from ..schemas_accounts import RefereeAssign, TokenCreate, UserCreate, UserUpdate
from ..services import accounts, audit, auth, links, sessions
from ..services.actors import Actor
from . import session_auth
from .common import answer, ctx, int_param, parse, slug_param
from .session_auth import authenticate
from .writes import write


async def _user_audit(session: AsyncSession, actor: Actor, action: str, user_id: int,
                      before: dict[str, Any] | None, after: dict[str, Any] | None,
                      tournament_id: int | None = None) -> None:
    await audit.record(session, actor, action, ("user", user_id), before, after,
                       tournament_id)


async def list_users(request: Request) -> Response:
    actor = await authenticate(request)
    if not actor.is_admin:
        raise Forbidden("forbidden", "This needs an admin.")
    async with ctx(request).db.read() as session:
        return answer({"items": await accounts.list_users(session)})


async def me(request: Request) -> Response:
    actor = await authenticate(request)
    if actor.user_id is None:
        return answer({"id": None, "name": actor.name, "role": actor.role, "via": actor.via,
                       "has_password": False, "tournaments": [], "assignments": [],
                       "restricted": False, "sessions": 0, "tokens": 0, "created_at": None})
    async with ctx(request).db.read() as session:
        user = await accounts.user_by_id(session, actor.user_id)
        return answer(await accounts.user_view(session, user) | {"via": actor.via})


async def create_user(request: Request) -> Response:
    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        body = parse(UserCreate, raw)
        user = await accounts.create_user(session, body)
        assert user.id is not None
        view = await accounts.user_view(session, user)
        await audit.record_user_created(session, actor, view)
        if body.password is None:  # no way to sign in yet: a token, shown once
            view["token"] = (await auth.create_token(session, user.id, None))["token"]
        return view
    return await write(request, action, status=201)


async def update_user(request: Request) -> Response:
    """A new password (yours needs ``current_password``; admins set anyone's): every
    session of the user ends; if it was your own, this browser gets a fresh one."""
    user_id = int_param(request.path_params["id"], "id")
    fresh: dict[str, str] = {}

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        body = parse(UserUpdate, raw)
        user = await accounts.user_by_id(session, user_id)
        ended = await accounts.set_password(session, user, body.password,
                                            body.current_password, actor)
        if actor.user_id == user_id and actor.via == "session":
            fresh["secret"], _ = await sessions.start(
                session, user, session_auth.idle(request), session_auth.address(request))
        view = await accounts.user_view(session, user)
        await _user_audit(session, actor, "user.password", user_id, None,
                          {"sessions_ended": ended})
        return view
    response = await write(request, action, admin=False)
    if fresh:
        session_auth.set_session_cookie(request, response, fresh["secret"])
    return response


async def end_sessions(request: Request) -> Response:
    """Sign a user out everywhere (admins: anyone; a user: themselves)."""
    user_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        if not actor.is_admin and actor.user_id != user_id:
            raise Forbidden("forbidden", "Only an admin signs out another user.")
        await accounts.user_by_id(session, user_id)
        ended = await accounts.end_sessions(session, user_id)
        await _user_audit(session, actor, "user.sessions_revoked", user_id, None,
                          {"sessions_ended": ended})
        return {"user_id": user_id, "revoked": ended}
    return await write(request, action, admin=False)


def link_url(request: Request, secret: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/login/link/{secret}"


async def create_link(request: Request) -> Response:
    user_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        user = await accounts.user_by_id(session, user_id)
        secret, expires = await links.create(session, user, actor.user_id)
        await _user_audit(session, actor, "user.sign_in_link", user_id, None,
                          {"expires_at": views.iso(expires)})
        return {"user_id": user_id, "name": user.name, "url": link_url(request, secret),
                "expires_at": views.iso(expires)}
    return await write(request, action, status=201)


async def assign_referee(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        body = parse(RefereeAssign, raw)
        done = await accounts.assign(session, slug, body.user_id, body.events)
        await _user_audit(session, actor, "referee.assign", body.user_id, None, done,
                          await audit.tournament_of_event(session, slug))
        return done
    return await write(request, action, status=201)


async def unassign_referee(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])
    user_id = int_param(request.path_params["user_id"], "user_id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        done = await accounts.unassign(session, slug, user_id)
        await _user_audit(session, actor, "referee.unassign", user_id, None, done,
                          await audit.tournament_of_event(session, slug))
        return done
    return await write(request, action)


def _owner(actor: Actor, user_id: int | None) -> int:
    """Whose tokens: your own; an admin may name another user."""
    if user_id is not None and user_id != actor.user_id:
        if not actor.is_admin:
            raise Forbidden("forbidden", "Only an admin manages another user's tokens.")
        return user_id
    if actor.user_id is None:
        raise Forbidden("forbidden", "The bootstrap token has no tokens of its own; name "
                        "a user_id.", "user_id")
    return actor.user_id


async def list_tokens(request: Request) -> Response:
    actor = await authenticate(request)
    raw = request.query_params.get("user_id")
    owner = _owner(actor, int_param(raw, "user_id") if raw is not None else None)
    async with ctx(request).db.read() as session:
        return answer({"items": await auth.list_tokens(session, owner)})


async def create_token(request: Request) -> Response:
    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        body = parse(TokenCreate, raw)
        owner = _owner(actor, body.user_id)
        made = await auth.create_token(session, owner, body.name)
        await _user_audit(session, actor, "token.create", owner, None,
                          {k: v for k, v in made.items() if k != "token"})
        return made
    return await write(request, action, status=201, admin=False)


async def revoke_token(request: Request) -> Response:
    token_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> dict[str, Any]:
        token = await auth.get_token(session, token_id)
        _owner(actor, token.user_id)
        gone = await auth.revoke_token(session, token)
        await _user_audit(session, actor, "token.revoke", token.user_id, gone, None)
        return gone
    return await write(request, action, admin=False)


routes = [
    Route("/api/users", list_users, methods=["GET"]),
    Route("/api/users", create_user, methods=["POST"]),
    Route("/api/users/me", me, methods=["GET"]),
    Route("/api/users/{id}", update_user, methods=["PATCH"]),
    Route("/api/users/{id}/sessions", end_sessions, methods=["DELETE"]),
    Route("/api/users/{id}/sign-in-links", create_link, methods=["POST"]),
    Route("/api/tournaments/{slug}/referees", assign_referee, methods=["POST"]),
    Route("/api/tournaments/{slug}/referees/{user_id}", unassign_referee,
          methods=["DELETE"]),
    Route("/api/tokens", list_tokens, methods=["GET"]),
    Route("/api/tokens", create_token, methods=["POST"]),
    Route("/api/tokens/{id}", revoke_token, methods=["DELETE"]),
]
