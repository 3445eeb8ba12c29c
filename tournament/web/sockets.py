"""``/ws/tournaments/{slug}?since=N``: replay what a client missed, then stream live.

The socket joins the hub before it reads its replay (``live/hub.py`` says why that leaves
no gap) and its sink holds live events until the replay is sent, skipping what the replay
already covered: every seq is sent once, in order. The handler itself only reads client
messages (``live/protocol.py``); live events are written by the hub's fan-out.

An idle socket is mostly memory held for as long as it stays open, so it holds little
(bench/README.md, issue 12: the profile). ``LiveSockets``, right after ``Front``, sends a
spectator's socket straight to the feed before the other middleware and the router: a
suspended coroutine frame per layer (and Starlette's exception wrapper's closures and
second ``WebSocket``) would otherwise be kept for the socket's whole life. The feed keeps
only ids (no ORM object), reads the handshake's headers without caching them, and the
read loop is the feed's own frame.
"""

from __future__ import annotations

import contextlib
import logging
from urllib.parse import urlsplit

from starlette.datastructures import Headers, QueryParams
from starlette.responses import JSONResponse
from starlette.routing import Match, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..errors import DomainError
from ..live.hub import HubClosed
from ..live.messages import Message
from ..live.protocol import GOING_AWAY, NORMAL, POLICY, TRY_AGAIN, ClientGuard
from ..live.raw import RawSocket, raw_socket
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
    headers = Headers(scope=websocket.scope)  # not websocket.headers: that one is kept
    origin = headers.get("origin")
    if origin is None:  # not a browser (overlays in OBS, scripts): allowed
        return True
    allowed = ctx(websocket).settings.allowed_origins
    if "*" in allowed or origin in allowed:
        return True
    host = headers.get("host", "")
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


async def feed(websocket: WebSocket, raw: RawSocket | None) -> None:
    """Serve one spectator; ``raw`` is the fast path to its connection, if there is one."""
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
        await _feed(websocket, raw if websocket.app.state.fast_path else None)
    finally:
        sockets.release(address)


async def _feed(websocket: WebSocket, raw: RawSocket | None) -> None:
    context = ctx(websocket)
    try:
        since = parse_since(QueryParams(websocket.scope["query_string"]).get("since"))
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
    if raw is not None:
        raw.trim()  # what uvicorn keeps but no longer needs (live/raw.py)
    hub, source = context.hub, context.hub.source

    async def refill(after: int, upto: int) -> list[Message]:
        return await between(source, tid, after, upto) if source is not None else []

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
        guard = ClientGuard()
        while sink.closed is None:  # answer pings; close on anything else
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            verdict = guard.judge(message)
            if isinstance(verdict, int):
                sink.close(verdict)
                break
            await websocket.send_text(verdict)
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


class LiveFeed:
    """The endpoint as a plain ASGI app (no per-socket session wrapper). ``LiveSockets``
    serves it before routing; through the router (an app without that middleware)
    ``send`` may be wrapped, and the feed then takes the ASGI path."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await feed(WebSocket(scope, receive, send), raw_socket(send))


FEED = WebSocketRoute("/ws/tournaments/{slug}", LiveFeed())
routes = [FEED]


class LiveSockets:
    """Middleware: a websocket for the live feed goes straight to it, matched as the
    router would match it (``path_params`` set the same way); anything else goes on."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            match, child = FEED.matches(scope)
            if match is Match.FULL:
                scope.update(child)
                await feed(WebSocket(scope, receive, send), raw_socket(send))
                return
        await self.app(scope, receive, send)
