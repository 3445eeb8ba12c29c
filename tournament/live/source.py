"""Where the live feed reads what it did not see happen: the event table (the source of truth).

Every read opens and closes its own short transaction, so a slow socket never holds a
database connection while it is being written to.
"""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import text

from ..db import Database
from . import outbox
from .messages import Message, row_message

PAGE = 500


class EventSource(Protocol):
    async def last_seq(self, tournament_id: int) -> int: ...

    async def after(self, tournament_id: int, seq: int, limit: int = PAGE) -> list[Message]: ...


class DatabaseSource:
    """The event table of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def last_seq(self, tournament_id: int) -> int:
        async with self.db.read() as session:
            result = await (await session.connection()).execute(
                text("SELECT last_seq FROM tournament WHERE id = :id"), {"id": tournament_id})
            value = result.scalar_one_or_none()
        return int(value or 0)

    async def after(self, tournament_id: int, seq: int, limit: int = PAGE) -> list[Message]:
        """Events after ``seq``, in order, at most ``limit`` (they may start past seq + 1 when
        older events were pruned: callers check)."""
        async with self.db.read() as session:
            rows = await outbox.since(session, tournament_id, seq, limit=limit)
            return [row_message(row) for row in rows]


async def between(source: EventSource, tournament_id: int, after: int,
                  upto: int) -> list[Message]:
    """The events after ``after`` up to ``upto`` (a gap to fill), in order; shorter when
    some of them are no longer kept."""
    found: list[Message] = []
    while after < upto:
        page = [m for m in await source.after(tournament_id, after) if m.seq <= upto]
        if not page or page[0].seq != after + 1:
            break
        found.extend(page)
        after = page[-1].seq
    return found
