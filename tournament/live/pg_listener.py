"""Several app servers on one PostgreSQL: a commit on one reaches spectators on all.

Each write transaction sends ``NOTIFY tournament_live, '<tournament id>:<last seq>'``
(``outbox.seal``); PostgreSQL delivers it only if, and once, the transaction commits. Every
server keeps one dedicated asyncpg connection that LISTENs and hands each notification to
its hub, which reads the rows it has not published from the event table (the notification
carries no data). After the connection is lost the listener reconnects with backoff, LISTENs
again and then has every topic look at the table, so nothing committed meanwhile is missed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy.engine import make_url

from ..tasks import stop_task
from .hub import Hub
from .outbox import CHANNEL, parse_payload

log = logging.getLogger("tournament.live")

APP_NAME = "tournament-live"  # how the listening connection shows in pg_stat_activity
HEALTH_EVERY = 10.0  # seconds between checks that the connection still answers
HEALTH_TIMEOUT = 5.0
BACKOFF = (0.2, 0.5, 1.0, 2.0, 5.0)


def asyncpg_dsn(url: str) -> str:
    """``postgresql+asyncpg://...`` (SQLAlchemy) → ``postgresql://...`` (asyncpg)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PgListener:
    def __init__(self, url: str, hub: Hub) -> None:
        self.dsn = asyncpg_dsn(url)
        self.hub = hub
        self.connected = asyncio.Event()
        self.connections = 0  # how many times LISTEN was (re)established
        self._conn: Any = None
        self._lost = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self, timeout: float = 10.0) -> None:
        """Start listening; wait (up to ``timeout``) for the first LISTEN to be in place."""
        self._task = asyncio.get_running_loop().create_task(self._run(), name="live-listener")
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self.connected.wait()
        if not self.connected.is_set():
            log.error("live feed: could not LISTEN on %s yet; retrying in the background",
                      CHANNEL)

    async def stop(self) -> None:
        await stop_task(self._task)
        await self._close()

    async def _run(self) -> None:
        failures = 0
        while True:
            try:
                await self._listen()
                failures = 0
                await self._watch()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("live feed: LISTEN connection failed (%s); reconnecting", exc)
            self.connected.clear()
            self.hub.seqs.distrust()  # commits may go unheard until LISTEN is back
            await self._close()
            await asyncio.sleep(BACKOFF[min(failures, len(BACKOFF) - 1)])
            failures += 1

    async def _listen(self) -> None:
        self._lost.clear()
        self._conn = await asyncpg.connect(self.dsn, timeout=HEALTH_TIMEOUT,
                                           server_settings={"application_name": APP_NAME})
        self._conn.add_termination_listener(lambda _conn: self._lost.set())
        await self._conn.add_listener(CHANNEL, self._on_notify)
        self.connections += 1
        self.connected.set()
        self.hub.seqs.trust()
        self.hub.refresh_all()  # whatever was committed while we were not listening

    async def _watch(self) -> None:
        """Return when the connection is lost or stops answering."""
        while True:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(HEALTH_EVERY):
                    await self._lost.wait()
            if self._lost.is_set() or self._conn is None or self._conn.is_closed():
                raise ConnectionError("connection lost")
            async with asyncio.timeout(HEALTH_TIMEOUT):
                await self._conn.fetchval("SELECT 1")

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, text: str) -> None:
        parsed = parse_payload(text)
        if parsed is None:
            log.warning("live feed: ignoring notification %r", text)
            return
        self.hub.notify(*parsed)

    async def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            try:
                async with asyncio.timeout(HEALTH_TIMEOUT):
                    await conn.close()
            except Exception:
                conn.terminate()
