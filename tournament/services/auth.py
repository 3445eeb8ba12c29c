"""API tokens: random secrets, stored as SHA-256 digests, each belonging to a user."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import Conflict, InvalidInput, NotFound
from ..models import ApiToken, RefereeAssignment, User, UserRole
from ..schemas import UserCreate
from .matches import Actor
from .tournaments import tournament_by_slug


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def actor_for(session: AsyncSession, token: str,
                    admin_token: str | None) -> tuple[str, Actor] | None:
    """(principal, actor) for a bearer token, or None when it is unknown."""
    if admin_token and hmac.compare_digest(token.encode(), admin_token.encode()):
        return "bootstrap-admin", Actor(UserRole.ADMIN)
    row = (await session.exec(select(ApiToken, User).join(User).where(
        ApiToken.token_hash == digest(token)))).first()
    if row is None:
        return None
    _, user = row
    assigned = frozenset((await session.exec(select(RefereeAssignment.tournament_id).where(
        RefereeAssignment.user_id == user.id))).all())
    scope = assigned if assigned or user.restricted else None
    return f"user:{user.id}", Actor(user.role, scope)


async def create_user(session: AsyncSession, body: UserCreate,
                      label: str | None = None) -> dict[str, Any]:
    """A user with a fresh token; the token is shown only in this answer."""
    if (await session.exec(select(User.id).where(User.name == body.name))).first():
        raise Conflict("name_taken", f"A user named {body.name!r} exists.", "name")
    user = User(name=body.name, role=body.role,
                restricted=UserRole(body.role) == UserRole.REFEREE and body.tournaments is not None)
    session.add(user)
    await session.flush()
    assert user.id is not None
    token = secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, token_hash=digest(token), label=label))
    for slug in body.tournaments or []:
        await assign(session, slug, user.id)
    await session.flush()
    return {"id": user.id, "name": user.name, "role": user.role, "token": token,
            "tournaments": body.tournaments or []}


async def assign(session: AsyncSession, slug: str, user_id: int) -> dict[str, Any]:
    """Assign a referee to a tournament (idempotent)."""
    tournament = await tournament_by_slug(session, slug)
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("User", user_id)
    if user.role != UserRole.REFEREE:
        raise InvalidInput("not_a_referee", "Only referees are assigned to tournaments.",
                           "user_id")
    exists = (await session.exec(select(RefereeAssignment.id).where(
        RefereeAssignment.user_id == user_id,
        RefereeAssignment.tournament_id == tournament.id))).first()
    if exists is None:
        session.add(RefereeAssignment(user_id=user_id, tournament_id=tournament.id or 0))
        await session.flush()
    return {"user_id": user_id, "name": user.name, "tournament": tournament.slug}
