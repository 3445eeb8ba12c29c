"""SQLite writes in one hop: a dedicated thread with its own event loop runs each write
transaction whole — the use case's Python and every statement — on a connection that
executes inline (no aiosqlite thread), then hands the result back.

Through aiosqlite every statement is three or four thread hops (the statement to
aiosqlite's thread, its result back, each waking the event loop): about 24 per result
report. Here a report is one hop there and one back; the statements run where the use
case runs, and sqlite3 releases the GIL while SQLite works (and fsyncs), so the server's
own loop keeps answering meanwhile. PostgreSQL (asyncpg, no threads) does not use it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy import event
from sqlalchemy.engine import make_url

from . import direct
from .db import Database

T = TypeVar("T")


class _Now:
    """Stands in for aiosqlite's queue to its thread: runs each function at once (SQLAlchemy
    puts the isolation-level change there directly)."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except BaseException as exc:  # handed to the awaiting caller
            future.set_exception(exc)


class InlineConnection(aiosqlite.Connection):
    """An aiosqlite connection that runs every call in the calling thread (the writer's)."""

    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _Now()  # type: ignore[assignment]

    def __await__(self) -> Any:
        return self._connect().__await__()

    async def _connect(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    async def _execute(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if not self._running or not self._connection:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    def stop(self) -> None:
        self._running = False

    @property
    def sqlite(self) -> sqlite3.Connection | None:
        return self._connection


def _mark_inline(dbapi_connection: Any, record: Any) -> None:
    """Tell ``direct.py`` this connection's sqlite3 connection runs in this thread."""
    driver = dbapi_connection.driver_connection
    if isinstance(driver, InlineConnection) and driver.sqlite is not None:
        record.info[direct.INLINE] = driver.sqlite


class Writer:
    """The writer thread and its database (``Database`` over inline connections)."""

    def __init__(self, url: str) -> None:
        path = make_url(url).database or ""

        async def connect() -> InlineConnection:
            conn = InlineConnection(lambda: sqlite3.connect(
                path, timeout=15, isolation_level=None, check_same_thread=False))
            return await conn._connect()

        self.db = Database(url, async_creator=connect)
        for engine in {self.db.engine, self.db.write_engine}:
            event.listen(engine.sync_engine, "connect", _mark_inline)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="sqlite-writer",
                                        daemon=True)
        self._thread.start()

    async def run(self, work: Callable[[], Coroutine[Any, Any, T]]) -> T:
        """Run ``work()`` on the writer's loop; its exceptions are raised here."""
        done: Future[T] = asyncio.run_coroutine_threadsafe(work(), self.loop)
        return await asyncio.wrap_future(done)

    async def close(self) -> None:
        await self.run(self.db.dispose)
        self.loop.call_soon_threadsafe(self.loop.stop)
        await asyncio.to_thread(self._thread.join, 5)
        if not self._thread.is_alive():
            self.loop.close()

