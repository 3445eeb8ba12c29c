"""One-time sign-in links: an admin makes one for a user (shown with its QR code); it
signs that user in once, within ``LIFETIME``. Only the SHA-256 digest is stored."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..models import SignInLink, User, utcnow
from .accounts import aware
from .auth import digest

LIFETIME = timedelta(minutes=15)


async def create(session: AsyncSession, user: User,
                 created_by: int | None) -> tuple[str, datetime]:
    """(the link's secret, when it expires)."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    link = SignInLink(user_id=user.id or 0, token_hash=digest(secret), created_by=created_by,
                      created_at=now, expires_at=now + LIFETIME)
    session.add(link)
    await session.flush()
    return secret, link.expires_at


async def peek(session: AsyncSession, secret: str) -> User | None:
    """The user a still-good link would sign in (without using it up)."""
    row = (await session.exec(select(SignInLink, User).join(User).where(
        SignInLink.token_hash == digest(secret)))).first()
    if row is None:
        return None
    link, user = row
    expires = aware(link.expires_at)
    if link.used_at is not None or expires is None or expires <= utcnow():
        return None
    return user


async def consume(session: AsyncSession, secret: str) -> User | None:
    """Use the link up (once, also against a concurrent use): its user, or None."""
    now = utcnow()
    result = await session.exec(update(SignInLink).where(
        col(SignInLink.token_hash) == digest(secret), col(SignInLink.used_at).is_(None),
        col(SignInLink.expires_at) > now).values(used_at=now)
        .execution_options(synchronize_session=False))
    if result.rowcount != 1:
        return None
    link = (await session.exec(select(SignInLink).where(
        SignInLink.token_hash == digest(secret)))).one()
    return await session.get(User, link.user_id)
