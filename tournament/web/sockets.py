"""``/ws/tournaments/{slug}?since=N``: replay what a client missed, then stream live.

The hub subscription starts before the replay is read, so nothing committed in between
is lost; messages carry ``seq`` and the socket never sends a seq twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any
from urllib.parse import urlsplit

from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..errors import DomainError
from ..live import outbox
from ..live.hub import Subscriber
from ..services.reads import tournament_detail
from ..services.tournaments import tournament_by_slug
from .common import ctx

MAX_CLIENT_MESSAGE = 4096
PING_INTERVAL = 20.0


def origin_allowed(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    if origin is None:  # not a browser (overlays in OBS, scripts): allowed
        return True
    allowed = ctx(websocket).settings.allowed_origins
    if "*" in allowed or origin in allowed:
        return True
    host = websocket.headers.get("host", "")
    return urlsplit(origin).netloc == host


async def feed(websocket: WebSocket) -> None:
    if not origin_allowed(websocket):
        await websocket.close(code=1008)
        return
    context = ctx(websocket)
    since_raw = websocket.query_params.get("since")
    try:
        since = int(since_raw) if since_raw is not None else None
        if since is not None and since < 0:
            raise ValueError
        async with context.db.read() as session:
            tournament = await tournament_by_slug(session, websocket.path_params["slug"])
    except (ValueError, DomainError):
        await websocket.close(code=1008)
        return
    assert tournament.id is not None
    await websocket.accept()
    async with context.hub.subscribe(tournament.id) as subscriber:
        try:
            last = await _replay(websocket, tournament.id, tournament.slug, since)
        except (WebSocketDisconnect, RuntimeError):
            return
        reader = asyncio.create_task(_read(websocket))
        writer = asyncio.create_task(_write(websocket, subscriber, last))
        try:
            await asyncio.wait({reader, writer}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (reader, writer):
                task.cancel()
            await asyncio.gather(reader, writer, return_exceptions=True)
    with contextlib.suppress(RuntimeError):
        await websocket.close(code=1000)


async def _replay(websocket: WebSocket, tournament_id: int, slug: str,
                  since: int | None) -> int:
    context = ctx(websocket)
    async with context.db.read() as session:
        if since is None:
            t = await tournament_by_slug(session, slug)
            return t.last_seq
        oldest = await outbox.oldest_seq(session, tournament_id)
        t = await tournament_by_slug(session, slug)
        too_old = since < t.last_seq and (oldest is None or oldest > since + 1)
        if too_old or since > t.last_seq:
            snapshot = await tournament_detail(session, slug)
            await websocket.send_text(json.dumps(
                {"type": "snapshot", "seq": t.last_seq, "data": snapshot}, ensure_ascii=False))
            return t.last_seq
        rows = await outbox.since(session, tournament_id, since)
    last = since
    for row in rows:
        await websocket.send_text(json.dumps(outbox.message(row), ensure_ascii=False))
        last = row.seq
    return last


async def _write(websocket: WebSocket, subscriber: Subscriber, last: int) -> None:
    while True:
        batch = await subscriber.next_batch()
        if not batch:  # fell too far behind: close; the client resumes with since
            await websocket.close(code=1013)
            return
        for seq, text in batch:
            if seq > last:
                await websocket.send_text(text)
                last = seq


async def _read(websocket: WebSocket) -> None:
    """Clients may send ``{"type": "ping"}``; anything else closes the socket."""
    while True:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        text: Any = message.get("text")
        if text is None:
            await websocket.close(code=1003)
            return
        if len(text) > MAX_CLIENT_MESSAGE:
            await websocket.close(code=1009)
            return
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            await websocket.close(code=1008)
            return
        if not isinstance(data, dict) or data.get("type") != "ping":
            await websocket.close(code=1008)
            return
        await websocket.send_text('{"type":"pong"}')


routes = [WebSocketRoute("/ws/tournaments/{slug}", feed)]
