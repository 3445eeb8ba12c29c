"""``/ws/tournaments/{slug}?since=N``: replay what a client missed, then stream live.

The socket joins the hub before it reads its replay (``live/hub.py`` says why that leaves
no gap) and its sink holds live events until the replay is sent, skipping what the replay
already covered: every seq is sent once, in order. The handler itself only reads client
messages (``live/protocol.py``); live events are written by the hub's fan-out.

The endpoint is a plain ASGI app, and an idle socket keeps only ids: a spectator costs
one coroutine chain, not Starlette's session wrappers or an ORM object (memory per socket).
"""

from __future__ import annotations

import contextlib
import logging
from urllib.parse import urlsplit

from starlette.responses import JSONResponse
from starlette.routing import WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..errors import DomainError
from ..live.hub import HubClosed
from ..live.messages import Message
from ..live.protocol import GOING_AWAY, NORMAL, POLICY, TRY_AGAIN, ClientGuard
from ..live.raw import raw_socket
from ..live.replay import replay
from ..live.sink import INTERNAL, SocketSink
from ..live.source import between
from ..schemas import SLUG
from ..services.context import Context
from ..services.snapshot import snapshot
from ..services.tournaments import tournament_by_slug
from .common import ctx
from .errors import UNAVAILABLE

log = logging.getLogger("tournament.live")


def origin_allowed(websocket: WebSocket) -> bool:
    origin = websocket.headers.get("origin")
    if origin is None:  # not a browser (overlays in OBS, scripts): allowed
        return True
    allowed = ctx(websocket).settings.allowed_origins
    if "*" in allowed or origin in allowed:
        return True
    host = websocket.headers.get("host", "")
    return urlsplit(origin).netloc == host


def parse_since(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise ValueError(raw)
    return int(raw)


async def _tournament(context: Context, slug: str) -> tuple[int, str]:
    async with context.db.read() as session:
        t = await tournament_by_slug(session, slug)
        assert t.id is not None
        return t.id, t.slug


async def _refuse(websocket: WebSocket, status: int, reason: str) -> None:
    """Refuse the handshake with an HTTP answer (429 or 503 with Retry-After) where the
    server supports it, else with a plain 403."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(JSONResponse(
            {"error": {"code": reason, "message": "Too many live connections; try again "
                       "shortly."}}, status_code=status, headers={"Retry-After": "10"}))
    else:
        await websocket.close(code=TRY_AGAIN)


async def feed(websocket: WebSocket) -> None:
    if not origin_allowed(websocket):
        await websocket.close(code=POLICY)  # before the handshake: refused with 403
        return
    sockets = websocket.app.state.monitor.sockets
    address = websocket.client.host if websocket.client else "?"
    refused = sockets.admit(address)
    if refused is not None:
        await _refuse(websocket, 503 if refused == "saturated" else 429, refused)
        return
    try:
        await _feed(websocket)
    finally:
        sockets.release(address)


async def _feed(websocket: WebSocket) -> None:
    context = ctx(websocket)
    try:
        since = parse_since(websocket.query_params.get("since"))
        if not SLUG.match(websocket.path_params["slug"]):
            raise ValueError("not a slug")
        tid, slug = await _tournament(context, websocket.path_params["slug"])
    except (ValueError, DomainError):
        await websocket.close(code=POLICY)
        return
    except UNAVAILABLE:  # the database is down: the page retries
        await websocket.close(code=TRY_AGAIN)
        return
    await websocket.accept()
    hub, source = context.hub, context.hub.source

    async def refill(after: int, upto: int) -> list[Message]:
        return await between(source, tid, after, upto) if source is not None else []

    raw = raw_socket(websocket.scope) if websocket.app.state.fast_path else None
    sink = SocketSink(websocket, raw, hub.limits, refill)
    try:
        topic = await hub.join(tid, sink)
        if since is None or source is None:
            last = topic.published or 0
        else:
            last = await replay(websocket.send_text, source,
                                lambda: snapshot(context.db, slug), tid, since)
        del topic
        sink.start(last)
        await _serve(websocket, sink)
    except HubClosed:
        sink.close(GOING_AWAY)
    except TimeoutError:
        sink.close(INTERNAL)  # the event table did not answer in time
    except (WebSocketDisconnect, OSError, RuntimeError):
        pass  # the client went away
    except Exception:  # the database failed mid-replay: the client resumes later
        log.exception("live feed of %s: replay failed", slug)
        sink.close(INTERNAL)
    finally:
        hub.leave(tid, sink)
        await sink.finish()
    if sink.closed is None:
        with contextlib.suppress(OSError, RuntimeError, WebSocketDisconnect):
            await websocket.close(code=NORMAL)


async def _serve(websocket: WebSocket, sink: SocketSink) -> None:
    """Answer pings; close on anything else. Ends when either side closes."""
    guard = ClientGuard()
    while sink.closed is None:
        message = await websocket.receive()
        if message["type"] == "websocket.disconnect":
            return
        verdict = guard.judge(message)
        if isinstance(verdict, int):
            sink.close(verdict)
            return
        await websocket.send_text(verdict)


class LiveFeed:
    """The endpoint as a plain ASGI app (no per-socket session wrapper)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await feed(WebSocket(scope, receive, send))


routes = [WebSocketRoute("/ws/tournaments/{slug}", LiveFeed())]
