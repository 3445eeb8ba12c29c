"""Async engines and sessions: SQLite (WAL, synchronous=FULL) or PostgreSQL by URL.

SQLite gets two engines over the same file: readers start plain deferred transactions,
writers start ``BEGIN IMMEDIATE`` so a read never has to upgrade into a write lock
(which WAL mode refuses with SQLITE_BUSY when another writer got there first).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    async_sessionmaker,
    create_async_engine,
)
from sqlmodel.ext.asyncio.session import AsyncSession

from . import direct


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def _sqlite_engine(url: str, begin: str, reset_on_return: bool = True,
                   async_creator: Any = None) -> AsyncEngine:
    extra = {"async_creator": async_creator} if async_creator is not None else {}
    engine = create_async_engine(url, connect_args={"timeout": 15},
                                 pool_reset_on_return="rollback" if reset_on_return else None,
                                 **extra)
    event.listen(engine.sync_engine, "connect", _sqlite_connect)

    def _begin(conn: Any) -> None:
        inline = conn.info.get(direct.INLINE)  # the writer thread's: no execution context
        if inline is not None:
            inline.execute(begin)
        else:
            conn.exec_driver_sql(begin)

    event.listen(engine.sync_engine, "begin", _begin)
    return engine


class Database:
    """The engine(s) and session factories of one database."""

    def __init__(self, url: str, async_creator: Any = None) -> None:
        """``async_creator``: how SQLite connections are made (``writer.py``'s inline ones)."""
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.engine = _sqlite_engine(url, "BEGIN", async_creator=async_creator)
            # Writes always end in an explicit commit or rollback (``write()``), so the
            # pool's extra ROLLBACK on check-in is one round trip for nothing.
            self.write_engine = _sqlite_engine(url, "BEGIN IMMEDIATE", reset_on_return=False,
                                               async_creator=async_creator)
        else:
            self.engine = create_async_engine(
                url, pool_size=10, max_overflow=20, pool_pre_ping=True
            )
            self.write_engine = self.engine
        self.read = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False)
        self._write = async_sessionmaker(
            self.write_engine, class_=AsyncSession, expire_on_commit=False
        )

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A transaction that commits when the block succeeds and rolls back on any error."""
        async with self._write() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self.write_engine is not self.engine:
            await self.write_engine.dispose()


_CONNECTION = "db.connection"


async def connection(session: AsyncSession) -> AsyncConnection:
    """The session's connection for its current transaction, as ``session.connection()``
    gives it, but asked of SQLAlchemy once per transaction: each ask is a trip through its
    async bridge (a greenlet), and a result report would make five."""
    transaction = session.sync_session.get_transaction()
    held = session.info.get(_CONNECTION)
    if held is not None and transaction is not None and held[0] is transaction \
            and transaction.is_active:
        conn: AsyncConnection = held[1]
        return conn
    conn = await session.connection()
    session.info[_CONNECTION] = (session.sync_session.get_transaction(), conn)
    return conn
