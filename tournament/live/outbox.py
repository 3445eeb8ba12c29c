"""The transactional outbox: events are written in the same transaction as the change."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..models import EventLog

PENDING = "outbox_pending"


async def next_seq(session: AsyncSession, tournament_id: int) -> int:
    """Take the tournament's next ``seq``. The row lock orders writers per tournament,
    and a rolled-back transaction gives its number back (no gaps, no duplicates)."""
    result = await (await session.connection()).execute(
        text("UPDATE tournament SET last_seq = last_seq + 1 WHERE id = :id RETURNING last_seq"),
        {"id": tournament_id},
    )
    return int(result.scalar_one())


async def emit(session: AsyncSession, tournament_id: int, type_: str,
               data: dict[str, Any]) -> EventLog:
    seq = await next_seq(session, tournament_id)
    row = EventLog(tournament_id=tournament_id, seq=seq, type=type_, data=data)
    session.add(row)
    session.info.setdefault(PENDING, []).append(row)
    return row


def pending(session: AsyncSession) -> list[EventLog]:
    """The events this session emitted (to publish once it has committed)."""
    rows: list[EventLog] = session.info.pop(PENDING, [])
    return rows


async def since(session: AsyncSession, tournament_id: int, after: int,
                limit: int = 100_000) -> list[EventLog]:
    rows = await session.exec(
        select(EventLog)
        .where(EventLog.tournament_id == tournament_id, col(EventLog.seq) > after)
        .order_by(col(EventLog.seq))
        .limit(limit)
    )
    return list(rows.all())


async def oldest_seq(session: AsyncSession, tournament_id: int) -> int | None:
    rows = await session.exec(
        select(EventLog.seq).where(EventLog.tournament_id == tournament_id)
        .order_by(col(EventLog.seq)).limit(1)
    )
    return rows.first()


def message(row: EventLog) -> dict[str, Any]:
    return {"seq": row.seq, "type": row.type, "data": row.data}
