"""Browser sessions, kept on the server: the cookie carries a random secret, the table its
SHA-256 digest, the user and the CSRF token of the session. A session ends when its row
goes (sign-out, password change, an admin's revocation): a copied cookie is then worthless
at once. Unused for ``idle`` it expires; it never lives longer than ``MAX_AGE``."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..models import User, UserSession, utcnow
from .accounts import actor_of, aware
from .actors import SESSION, Actor
from .auth import digest

MAX_AGE = timedelta(days=14)
TOUCH_EVERY = timedelta(minutes=5)  # the idle clock restarts at most this often


@dataclass(frozen=True)
class Signed:
    """A resolved session: who, its CSRF token, and whether its idle clock is due."""

    actor: Actor
    session_id: int
    csrf_token: str
    stale: bool


async def start(session: AsyncSession, user: User, idle: timedelta,
                address: str | None) -> tuple[str, str]:
    """A new session for ``user``: (cookie secret, CSRF token)."""
    secret = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(UserSession(user_id=user.id or 0, token_hash=digest(secret), csrf_token=csrf,
                            created_at=now, last_seen_at=now, expires_at=now + idle,
                            address=(address or "")[:64] or None))
    await session.flush()
    return secret, csrf


async def resolve(session: AsyncSession, secret: str) -> Signed | None:
    """The live session of a cookie, or None (unknown, ended or expired)."""
    row = (await session.exec(select(UserSession, User).join(User).where(
        UserSession.token_hash == digest(secret)))).first()
    if row is None:
        return None
    stored, user = row
    now = utcnow()
    expires = aware(stored.expires_at)
    if expires is None or expires <= now:
        return None
    seen = aware(stored.last_seen_at) or now
    return Signed(await actor_of(session, user, SESSION), stored.id or 0, stored.csrf_token,
                  now - seen > TOUCH_EVERY)


async def touch(session: AsyncSession, session_id: int, idle: timedelta) -> None:
    """Restart the idle clock (never past ``MAX_AGE`` from the sign-in)."""
    row = await session.get(UserSession, session_id)
    if row is None:
        return
    now = utcnow()
    created = aware(row.created_at) or now
    await session.exec(update(UserSession).where(col(UserSession.id) == session_id).values(
        last_seen_at=now, expires_at=min(now + idle, created + MAX_AGE))
        .execution_options(synchronize_session=False))


async def end(session: AsyncSession, secret: str) -> bool:
    """Sign out: the session's row goes."""
    found = (await session.exec(select(UserSession.id).where(
        UserSession.token_hash == digest(secret)))).first()
    if found is None:
        return False
    await session.exec(delete(UserSession).where(col(UserSession.id) == found))
    return True


async def prune(session: AsyncSession) -> None:
    """Forget expired sessions (called now and then from sign-ins)."""
    await session.exec(delete(UserSession).where(col(UserSession.expires_at) < utcnow())
                       .execution_options(synchronize_session=False))
