"""What every use case needs: the database, the hub, the settings; and the write transaction
that publishes its events once (and only if) it has committed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import text
from sqlmodel.ext.asyncio.session import AsyncSession

from ..config import Settings
from ..db import Database
from ..live import outbox
from ..live.hub import Hub
from ..models import EventLog
from ..writer import Writer

T = TypeVar("T")


@dataclass
class Context:
    db: Database
    hub: Hub
    settings: Settings
    writer: Writer | None = None  # SQLite: write transactions in one hop (writer.py)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One write transaction. Its events commit with it (the outbox); other servers are
        told by a NOTIFY sent in the same transaction; this server's subscribers get them
        right after the commit, in ``seq`` order (the hub reorders concurrent writers)."""
        self.hub.local_writes += 1
        try:
            async with self.db.write() as session:
                yield session
                rows = outbox.pending(session)
                if rows:
                    await outbox.seal(session, rows, self.settings.event_retention)
            for row in rows:
                self.publish(row.tournament_id, row.seq, outbox.message_text(row))
        finally:
            self.hub.local_writes -= 1

    async def write(self, action: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """``action`` in one write transaction, as ``transaction()`` runs a block; with a
        writer (SQLite) the whole transaction runs on the writer's thread, one hop there
        and one back, and its events are published here once it has committed."""
        if self.writer is None:
            async with self.transaction() as session:
                return await action(session)
        writer = self.writer

        async def whole() -> tuple[T, list[EventLog | outbox.Sent]]:
            async with writer.db.write() as session:
                result = await action(session)
                rows = outbox.pending(session)
                if rows:
                    await outbox.seal(session, rows, self.settings.event_retention)
            return result, rows

        self.hub.local_writes += 1
        try:
            result, rows = await writer.run(whole)
            for row in rows:
                self.publish(row.tournament_id, row.seq, outbox.message_text(row))
            return result
        finally:
            self.hub.local_writes -= 1

    def publish(self, tournament_id: int, seq: int, text_: str) -> None:
        self.hub.publish(tournament_id, seq, text_)


async def lock_tournament(session: AsyncSession, tournament_id: int) -> None:
    """Serialize writers of one tournament for the rest of the transaction.

    SQLite writers already hold the database lock (BEGIN IMMEDIATE)."""
    if (await session.connection()).dialect.name == "postgresql":
        await (await session.connection()).execute(
            text("SELECT id FROM tournament WHERE id = :id FOR UPDATE"), {"id": tournament_id}
        )
