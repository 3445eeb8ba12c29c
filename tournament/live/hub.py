"""In-process fan-out: each event is encoded once and handed to every subscriber of its
tournament, in ``seq`` order, without awaiting any of them.

The hub only keeps tournaments that have subscribers here. Events come from this
process's commits (``publish``) and, with several servers, from PostgreSQL notifications
(``notify``: tournament and seq only; the rows are read from the event table). A subscriber
that falls behind is dropped by its sink (``live/sink.py``) and resumes with ``since``;
it never slows the others.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from .messages import Message
from .seqs import SeqBoard
from .sink import Limits
from .source import EventSource
from .topic import Sink, Topic

READY_TIMEOUT = 10.0


class HubClosed(Exception):
    """The server is shutting down: no new subscriptions."""


class Hub:
    def __init__(self, max_queue: int | None = None, source: EventSource | None = None,
                 seqs: SeqBoard | None = None) -> None:
        self.limits = Limits() if max_queue is None else Limits(messages=max_queue)
        self.source = source
        self.topics: dict[int, Topic] = {}
        self.local_writes = 0  # write transactions of this process not yet published
        self.closing: int | None = None
        self.seqs = seqs or SeqBoard()  # every tournament's newest seq (pages' cache keys)

    def _local_writes(self) -> int:
        return self.local_writes

    # -- arrivals ---------------------------------------------------------------------------
    def publish(self, tournament_id: int, seq: int, text: str) -> None:
        """This process committed event ``seq`` (encoded as ``text``)."""
        self.seqs.saw(tournament_id, seq)
        topic = self.topics.get(tournament_id)
        if topic is not None:
            topic.offer(Message(seq, text))

    def notify(self, tournament_id: int, seq: int) -> None:
        """Events up to ``seq`` were committed, perhaps by another server."""
        self.seqs.saw(tournament_id, seq)
        topic = self.topics.get(tournament_id)
        if topic is not None:
            topic.hint(seq)

    def refresh_all(self) -> None:
        """Notifications may have been missed: every topic checks the event table."""
        for topic in self.topics.values():
            topic.refresh()

    # -- subscribers ------------------------------------------------------------------------
    def count(self, tournament_id: int | None = None) -> int:
        if tournament_id is None:
            return sum(len(t.sinks) for t in self.topics.values())
        topic = self.topics.get(tournament_id)
        return len(topic.sinks) if topic is not None else 0

    async def join(self, tournament_id: int, sink: Sink) -> Topic:
        """Register ``sink``; once this returns, every event after the topic's
        ``published`` reaches it, so a replay read from now on leaves no gap. The caller
        must ``leave`` (also when this raises)."""
        if self.closing is not None:
            raise HubClosed
        topic = self.topics.get(tournament_id)
        if topic is None:
            topic = self.topics[tournament_id] = Topic(tournament_id, self.source,
                                                       self._local_writes)
        topic.sinks.add(sink)
        if not topic.ready.is_set():
            async with asyncio.timeout(READY_TIMEOUT):
                await topic.ready.wait()
        return topic

    def leave(self, tournament_id: int, sink: Sink) -> None:
        topic = self.topics.get(tournament_id)
        if topic is None:
            return
        topic.sinks.discard(sink)
        if not topic.sinks:
            topic.stop()
            del self.topics[tournament_id]

    @asynccontextmanager
    async def subscribe(self, tournament_id: int, sink: Sink) -> AsyncIterator[Topic]:
        """``join`` and ``leave`` as a context manager."""
        try:
            yield await self.join(tournament_id, sink)
        finally:
            self.leave(tournament_id, sink)

    def close_all(self, code: int) -> None:
        """Close every subscriber's socket with ``code`` (1001 on shutdown)."""
        self.closing = code
        for topic in list(self.topics.values()):
            for sink in tuple(topic.sinks):
                sink.close(code)

    def stop(self) -> None:
        for topic in self.topics.values():
            topic.stop()
