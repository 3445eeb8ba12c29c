"""API tokens: random secrets, stored as SHA-256 digests, each belonging to a user, named,
revocable, with the time they were last used (written at most every few minutes)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import NotFound
from ..models import ApiToken, User, utcnow
from .accounts import actor_of, aware
from .actors import BOOTSTRAP, TOKEN, Actor

TOUCH_EVERY = timedelta(minutes=5)  # last_used_at is exact to this


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


async def actor_for(session: AsyncSession, token: str,
                    admin_token: str | None) -> tuple[Actor, int | None] | None:
    """The actor of a bearer token and, when its last use is older than ``TOUCH_EVERY``,
    the token's id to write the new time to (``touch``); None when the token is unknown."""
    if admin_token and hmac.compare_digest(token.encode(), admin_token.encode()):
        return BOOTSTRAP, None
    row = (await session.exec(select(ApiToken, User).join(User).where(
        ApiToken.token_hash == digest(token)))).first()
    if row is None:
        return None
    stored, user = row
    last = aware(stored.last_used_at)
    stale = last is None or utcnow() - last > TOUCH_EVERY
    return await actor_of(session, user, TOKEN), stored.id if stale else None


async def touch(session: AsyncSession, token_id: int) -> None:
    await session.exec(update(ApiToken).where(col(ApiToken.id) == token_id)
                       .values(last_used_at=utcnow()))


def token_view(t: ApiToken) -> dict[str, Any]:
    return {"id": t.id, "user_id": t.user_id, "name": t.label,
            "created_at": views.iso(t.created_at), "last_used_at": views.iso(t.last_used_at)}


async def create_token(session: AsyncSession, user_id: int, name: str | None) -> dict[str, Any]:
    """A new token for the user; its secret is in this answer only (stored hashed)."""
    if await session.get(User, user_id) is None:
        raise NotFound("User", user_id)
    secret = new_secret()
    row = ApiToken(user_id=user_id, token_hash=digest(secret), label=name)
    session.add(row)
    await session.flush()
    return token_view(row) | {"token": secret}


async def list_tokens(session: AsyncSession, user_id: int) -> list[dict[str, Any]]:
    rows = await session.exec(select(ApiToken).where(ApiToken.user_id == user_id)
                              .order_by(col(ApiToken.id)))
    return [token_view(t) for t in rows.all()]


async def get_token(session: AsyncSession, token_id: int) -> ApiToken:
    found = await session.get(ApiToken, token_id)
    if found is None:
        raise NotFound("Token", token_id)
    return found


async def revoke_token(session: AsyncSession, token: ApiToken) -> dict[str, Any]:
    """Delete the token: it stops working at once (the answer describes what was revoked)."""
    view = token_view(token)
    await session.exec(delete(ApiToken).where(col(ApiToken.id) == token.id))
    return view
