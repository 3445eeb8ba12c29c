"""The first organizer: while no admin with a password exists, whoever holds the setup code
(printed by ``python run.py`` to the operator, or ``TOURNAMENT_ADMIN_TOKEN``) creates one
on ``/setup``, once. Two people racing: the admin is created in a transaction serialized
with every other such transaction, which checks again first, so only one wins."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from sqlalchemy import text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import Conflict
from ..models import User, UserRole
from ..schemas_accounts import UserCreate
from . import accounts, audit
from .actors import SETUP, Actor

# the name the throttle counts wrong codes under: no user can be called this (names are
# printable lines; DEL is not), so guessing the code never slows down a real sign-in
THROTTLE_NAME = "\x7fsetup"
# PostgreSQL: the advisory lock that serializes first-admin transactions (SQLite writers
# already are, BEGIN IMMEDIATE)
_LOCK = int.from_bytes(hashlib.sha256(b"tournament:first-admin").digest()[:8], "big") >> 1


async def admin_exists(session: AsyncSession) -> bool:
    """Is there an admin who can sign in with a password? Then setup is over."""
    found = (await session.exec(select(User.id).where(
        User.role == UserRole.ADMIN, col(User.password_hash).is_not(None)).limit(1))).first()
    return found is not None


def code_matches(sent: str, codes: Iterable[str]) -> bool:
    """``sent`` is one of ``codes``, compared in constant time (each one compared)."""
    given = sent.encode()
    results = [hmac.compare_digest(given, code.encode()) for code in codes]
    return any(results)


async def create(session: AsyncSession, body: UserCreate) -> User:
    """In the caller's write transaction: wait for any other setup, check again that no
    admin exists, create the admin as the console and command line do, and record it
    (``via: setup``, done by the new admin)."""
    connection = await session.connection()
    if connection.dialect.name == "postgresql":
        await connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK})
    if await admin_exists(session):
        raise Conflict("setup_done", "An organizer account already exists; sign in.")
    user = await accounts.create_user(session, body)
    actor = Actor(UserRole.ADMIN, user_id=user.id, name=user.name, via=SETUP)
    await audit.record_user_created(session, actor, await accounts.user_view(session, user))
    return user
