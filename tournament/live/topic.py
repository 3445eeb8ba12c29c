"""One tournament's subscribers, and the order its events reach them in.

Events arrive from two directions: this process's own commits (``offer``, with the message
already encoded) and hints that something up to a ``seq`` was committed elsewhere (``hint``,
from PostgreSQL ``NOTIFY``, or ``refresh`` after the listener reconnected). A topic hands
each ``seq`` to its sinks exactly once and strictly in order: what arrives early waits in
``pending``; a gap that does not close by itself, and every hint, is filled from the event
table by one worker task per topic, which coalesces bursts into one query per page.

``published`` starts at the tournament's ``last_seq`` read *after* the first subscriber
registered, and every subscriber waits for it (``ready``) before reading its own replay:
whatever it replays is then at least ``published``, and everything later reaches it live.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Protocol

from .messages import Message
from .protocol import TRY_AGAIN
from .source import PAGE, EventSource

log = logging.getLogger("tournament.live")

PENDING_LIMIT = 10_000  # early arrivals kept; beyond that the table is read instead
LOCAL_GRACE = 0.02  # how long a gap may wait for a local commit that is still publishing
LOCAL_WAITS = 3
RETRY = (0.05, 0.2, 1.0, 2.0, 5.0)
RESYNC = TRY_AGAIN  # a subscriber that cannot be caught up is closed and resumes (snapshot)


class Sink(Protocol):
    def deliver(self, message: Message) -> None: ...

    def close(self, code: int) -> None: ...


class Topic:
    def __init__(self, tournament_id: int, source: EventSource | None,
                 local_writes: Callable[[], int]) -> None:
        self.tournament_id = tournament_id
        self.source = source
        self.local_writes = local_writes
        self.sinks: set[Sink] = set()
        self.published: int | None = None  # the last seq handed to the sinks
        self.known = 0  # the highest seq known to be committed
        self.pending: dict[int, Message] = {}
        self.stale = False  # the table may hold events no hint told of
        self.ready = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        if source is None:
            self.ready.set()
        else:
            self._kick()

    # -- arrivals ---------------------------------------------------------------------------
    def offer(self, message: Message) -> None:
        """A committed event, encoded (this process's own write, or read from the table)."""
        if self.published is None:
            if self.source is None:
                self.published = message.seq - 1
            else:
                self._keep(message)
                return
        if message.seq <= self.published:
            return
        if message.seq == self.published + 1 and not self.pending:
            self._send(message)
            return
        self._keep(message)
        self._drain()
        if self.known > self.published:
            self._kick()

    def hint(self, seq: int) -> None:
        """Something up to ``seq`` was committed (maybe by another server)."""
        if seq > self.known:
            self.known = seq
            if self.published is not None and seq > self.published:
                self._kick()

    def refresh(self) -> None:
        """Hints may have been lost (the listener reconnected): look at the table."""
        self.stale = True
        self._kick()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None

    # -- in-order hand-over -----------------------------------------------------------------
    def _keep(self, message: Message) -> None:
        self.known = max(self.known, message.seq)
        if len(self.pending) >= PENDING_LIMIT:
            self.pending.clear()  # the worker reads them back from the table
        self.pending[message.seq] = message

    def _send(self, message: Message) -> None:
        self.published = message.seq
        self.known = max(self.known, message.seq)
        for sink in tuple(self.sinks):
            try:
                sink.deliver(message)
            except Exception:  # one socket's failure never reaches the writer or others
                log.exception("live feed: a spectator's socket failed; it is dropped")
                self.sinks.discard(sink)
                with contextlib.suppress(Exception):
                    sink.close(RESYNC)

    def _drain(self) -> None:
        assert self.published is not None
        while self.pending:
            message = self.pending.pop(self.published + 1, None)
            if message is None:
                break
            self._send(message)
        if self.pending and min(self.pending) <= self.published:
            self.pending = {s: m for s, m in self.pending.items() if s > self.published}

    # -- the worker -------------------------------------------------------------------------
    def _kick(self) -> None:
        if self.source is not None and (self._worker is None or self._worker.done()):
            self._worker = asyncio.get_running_loop().create_task(
                self._run(), name=f"live-topic-{self.tournament_id}")

    def _behind(self) -> bool:
        return self.published is None or self.stale or self.known > self.published

    async def _run(self) -> None:
        failures = 0
        waits = 0
        while self._behind():
            try:
                if self.published is None:
                    await self._baseline()
                    continue
                if not self.stale and self.local_writes() and waits < LOCAL_WAITS:
                    waits += 1  # the missing seq is probably a local commit still publishing
                    await asyncio.sleep(LOCAL_GRACE)
                    self._drain()
                    continue
                if not await self._read():
                    return
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("live feed of tournament %s: reading events failed",
                              self.tournament_id)
                await asyncio.sleep(RETRY[min(failures, len(RETRY) - 1)])
                failures += 1

    async def _baseline(self) -> None:
        assert self.source is not None
        self.published = await self.source.last_seq(self.tournament_id)
        self._drain()
        self.ready.set()

    async def _read(self) -> bool:
        """Read the table after ``published``; False when there is nothing more to do."""
        assert self.source is not None and self.published is not None
        self.stale = False
        start = self.published
        known_before = self.known
        rows = await self.source.after(self.tournament_id, start, PAGE)
        if rows and rows[0].seq != start + 1:
            await self._resync(f"events {start + 1}..{rows[0].seq - 1} are no longer kept")
            return False
        for message in rows:
            if message.seq == self.published + 1:
                self._send(message)
        self._drain()
        if len(rows) == PAGE:
            self.stale = True  # there may be more
            return True
        if self.known > self.published:
            if self.known > known_before:
                # A hint came while the query ran: its snapshot may predate that commit.
                return True
            # Told of events that the table does not show: nothing to wait for.
            log.warning("live feed of tournament %s: seq %s announced, table ends at %s",
                        self.tournament_id, self.known, self.published)
            self.known = self.published
        return False

    async def _resync(self, why: str) -> None:
        assert self.source is not None
        log.warning("live feed of tournament %s: %s; subscribers resume", self.tournament_id, why)
        for sink in tuple(self.sinks):
            sink.close(RESYNC)
        self.pending.clear()
        self.published = await self.source.last_seq(self.tournament_id)
        self.known = max(self.known, self.published)
