"""Password guessing, slowed down: every sign-in and failure is a ``login_attempt`` row
(never the password), and the rules count them.

- One account from one address: after ``PER_ACCOUNT`` failures within ``WINDOW`` (since
  the last success from there), 429 until the oldest of them leaves the window. The real
  user signing in from another address is not affected.
- One address over all accounts (spraying one password over many names): after
  ``PER_ADDRESS`` failures within ``WINDOW``, 429 likewise.
- One account over all addresses (guesses spread over many machines): after
  ``PER_ACCOUNT_ANYWHERE`` failures within ``WINDOW``, 429 likewise, except from an
  address that has signed in to that account within ``KEEP``: the referee's own phone and
  laptop still get in, and an admin's sign-in link always works.

Rows live in the database, so every server process counts the same attempts."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import delete, func, text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import TooManyRequests
from ..models import LoginAttempt, utcnow
from .accounts import aware
from .auth import digest

log = logging.getLogger("tournament.auth")
WINDOW = timedelta(minutes=15)
PER_ACCOUNT = 5
PER_ADDRESS = 30
PER_ACCOUNT_ANYWHERE = 50
KEEP = timedelta(days=30)  # attempts are kept this long (the sign-in log)


def _key(name: str) -> str:
    return name.strip().lower()[:100]


async def begin(session: AsyncSession, name: str, address: str) -> LoginAttempt:
    """Check the rules, then count this attempt as a failure until ``succeeded`` says
    otherwise, so that guesses sent at once cannot all pass the check before any is
    counted (writers of one name and address are serialized)."""
    await _serialize(session, _key(name))  # every address: the per-account rules
    await check(session, name, address)
    attempt = LoginAttempt(name=_key(name), address=address[:64], ok=False)
    session.add(attempt)
    await session.flush()
    return attempt


async def _serialize(session: AsyncSession, key: str) -> None:
    """PostgreSQL: one transaction at a time per key (SQLite writers already are)."""
    connection = await session.connection()
    if connection.dialect.name == "postgresql":
        await connection.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": int.from_bytes(digest(key).encode()[:8], "big") >> 1})


async def check(session: AsyncSession, name: str, address: str) -> None:
    """Raise 429 (with the seconds to wait) when this account/address must wait."""
    now = utcnow()
    since = now - WINDOW
    last_ok = (await session.exec(select(func.max(LoginAttempt.at)).where(
        LoginAttempt.name == _key(name), LoginAttempt.address == address,
        col(LoginAttempt.ok)))).one()
    start = max(since, aware(last_ok) or since)
    seen = aware(last_ok)
    known = seen is not None and seen > now - KEEP
    account = (await session.exec(select(LoginAttempt.at).where(
        LoginAttempt.name == _key(name), LoginAttempt.address == address,
        col(LoginAttempt.at) > start, col(LoginAttempt.ok).is_(False))
        .order_by(col(LoginAttempt.at)))).all()
    wait = _wait(account, PER_ACCOUNT)
    if wait is None and not known:
        anywhere = (await session.exec(select(LoginAttempt.at).where(
            LoginAttempt.name == _key(name), col(LoginAttempt.at) > since,
            col(LoginAttempt.ok).is_(False)).order_by(col(LoginAttempt.at)))).all()
        wait = _wait(anywhere, PER_ACCOUNT_ANYWHERE)
    if wait is None:
        spread = (await session.exec(select(LoginAttempt.at).where(
            LoginAttempt.address == address, col(LoginAttempt.at) > since,
            col(LoginAttempt.ok).is_(False)).order_by(col(LoginAttempt.at)))).all()
        wait = _wait(spread, PER_ADDRESS)
    if wait is not None:
        log.warning("sign-in throttled: name=%r address=%s retry_after=%ds", _key(name),
                    address, wait)
        raise TooManyRequests("too_many_attempts", "Too many wrong passwords; try again "
                              f"in {wait} seconds.", wait)


def _wait(failures: Sequence[datetime], limit: int) -> int | None:
    """Seconds until enough of ``failures`` (times, oldest first) leave the window."""
    if len(failures) < limit:
        return None
    oldest = aware(failures[len(failures) - limit])
    assert oldest is not None
    return max(1, int((oldest + WINDOW - utcnow()).total_seconds()) + 1)


async def finish(session: AsyncSession, attempt_id: int, ok: bool,
                 user_id: int | None) -> None:
    """The outcome of an attempt ``begin`` counted (and the log line, no password)."""
    attempt = await session.get(LoginAttempt, attempt_id)
    if attempt is None:
        return
    attempt.ok, attempt.user_id = ok, user_id
    session.add(attempt)
    _log(attempt.name, attempt.address, ok, user_id, attempt.method)
    if ok:
        await session.exec(delete(LoginAttempt).where(
            col(LoginAttempt.at) < utcnow() - KEEP).execution_options(
            synchronize_session=False))


async def record(session: AsyncSession, name: str, address: str, ok: bool,
                 user_id: int | None, method: str = "password") -> None:
    """Keep an attempt decided at once (a sign-in link; and log it)."""
    session.add(LoginAttempt(name=_key(name), address=address[:64], ok=ok, user_id=user_id,
                             method=method))
    _log(_key(name), address, ok, user_id, method)


def _log(name: str, address: str, ok: bool, user_id: int | None, method: str) -> None:
    if ok:
        log.info("sign-in: user=%r id=%s address=%s method=%s", name, user_id, address,
                 method)
    else:
        log.warning("sign-in failed: name=%r address=%s method=%s", name, address, method)
