"""In-process fan-out: each message is encoded once and queued for every subscriber.

A subscriber that falls more than ``max_queue`` messages behind is marked overflowed; its
socket is then closed and the client resumes with ``since``. A slow client never slows
the others because ``publish`` never awaits.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Subscriber:
    __slots__ = ("_wake", "max_queue", "overflowed", "queue")

    def __init__(self, max_queue: int) -> None:
        self.queue: deque[tuple[int, str]] = deque()
        self.max_queue = max_queue
        self.overflowed = False
        self._wake = asyncio.Event()

    def push(self, seq: int, text: str) -> None:
        if len(self.queue) >= self.max_queue:
            self.overflowed = True
            self.queue.clear()
        else:
            self.queue.append((seq, text))
        self._wake.set()

    async def next_batch(self) -> list[tuple[int, str]]:
        """Wait for messages; an empty list means the subscriber overflowed."""
        while not self.queue and not self.overflowed:
            self._wake.clear()
            await self._wake.wait()
        if self.overflowed:
            return []
        batch = list(self.queue)
        self.queue.clear()
        return batch


class Hub:
    def __init__(self, max_queue: int = 1000) -> None:
        self.max_queue = max_queue
        self._subscribers: dict[int, set[Subscriber]] = {}

    def publish(self, tournament_id: int, seq: int, text: str) -> None:
        for subscriber in self._subscribers.get(tournament_id, ()):
            subscriber.push(seq, text)

    def count(self, tournament_id: int | None = None) -> int:
        if tournament_id is None:
            return sum(len(s) for s in self._subscribers.values())
        return len(self._subscribers.get(tournament_id, ()))

    @asynccontextmanager
    async def subscribe(self, tournament_id: int) -> AsyncIterator[Subscriber]:
        subscriber = Subscriber(self.max_queue)
        self._subscribers.setdefault(tournament_id, set()).add(subscriber)
        try:
            yield subscriber
        finally:
            subs = self._subscribers.get(tournament_id)
            if subs is not None:
                subs.discard(subscriber)
                if not subs:
                    del self._subscribers[tournament_id]
