"""``since=N``: send what a client missed, in order, page by page; or a snapshot first.

Each page is read in its own short transaction and sent before the next is read, so a slow
client holds neither a database connection nor more than a page of memory.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from .messages import snapshot_text
from .source import PAGE, EventSource

Send = Callable[[str], Awaitable[None]]
Snapshot = Callable[[], Awaitable[tuple[int, dict[str, Any]]]]


async def replay(send: Send, source: EventSource, snapshot: Snapshot, tournament_id: int,
                 since: int) -> int:
    """Send every event after ``since`` (or a snapshot when they are not all kept, or when
    ``since`` is ahead of the tournament); return the last seq sent."""
    newest = await source.last_seq(tournament_id)
    if since > newest:
        return await _snapshot(send, snapshot)
    last = since
    while True:
        page = await source.after(tournament_id, last, PAGE)
        if (page and page[0].seq != last + 1) or (not page and last < newest):
            return await _snapshot(send, snapshot)  # pruned: too old for a replay
        for message in page:
            await send(message.text)
        if page:
            last = page[-1].seq
        if len(page) < PAGE:
            return last


async def _snapshot(send: Send, snapshot: Snapshot) -> int:
    seq, data = await snapshot()
    await send(snapshot_text(seq, data))
    return seq
