"""The live feed of one server process, started and stopped by the app's lifespan.

SQLite: one server, the in-process hub is everything. PostgreSQL: the hub also listens for
other servers' commits (``pg_listener``). Either way, when uvicorn is told to stop, every
spectator socket is closed with 1001 so clients reconnect to another server at once.
"""

from __future__ import annotations

from collections.abc import Callable

from ..db import Database
from .hub import Hub
from .pg_listener import PgListener
from .protocol import GOING_AWAY
from .seqs import SeqBoard
from .shutdown import on_server_exit
from .sink import Limits
from .source import DatabaseSource


class LiveRuntime:
    def __init__(self, db: Database, limits: Limits | None = None) -> None:
        # on PostgreSQL the board vouches for seqs only while LISTEN is in place
        self.hub = Hub(source=DatabaseSource(db), seqs=SeqBoard(trusted=db.is_sqlite))
        if limits is not None:
            self.hub.limits = limits
        self.listener = None if db.is_sqlite else PgListener(db.url, self.hub)
        self._undo: Callable[[], None] = lambda: None

    async def start(self) -> None:
        self._undo = on_server_exit(self.going_away)
        if self.listener is not None:
            await self.listener.start()

    def going_away(self) -> None:
        if self.hub.closing is None:
            self.hub.close_all(GOING_AWAY)

    async def stop(self) -> None:
        self.going_away()
        self._undo()
        if self.listener is not None:
            await self.listener.stop()
        self.hub.stop()
