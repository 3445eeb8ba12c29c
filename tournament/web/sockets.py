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
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers, QueryParams
from starlette.responses import JSONResponse
from starlette.routing import Match, WebSocketRoute
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..errors import DomainError, NotFound
from ..live.hub import HubClosed
from ..live.messages import Message
from ..live.protocol import GOING_AWAY, NORMAL, POLICY, TRY_AGAIN, ClientGuard
from ..live.raw import RawSocket, raw_socket
from ..live.replay import replay
from ..live.sink import INTERNAL, SocketSink
from ..live.source import between
from ..schemas_fields import SLUG
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


_DENIED: ContextVar[bool] = ContextVar("tournament_socket_denied", default=False)
_NO_HANDSHAKE = "ASGI callable returned without completing handshake."


class DenialIsNoError(logging.Filter):
    """uvicorn's websockets-sansio logs ``_NO_HANDSHAKE`` at ERROR after every denial
    response, though the client got the answer (Kludex/uvicorn#3138, open): drop that line
    for a socket this module denied, and only for it (the app's own task: ``_DENIED``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (_DENIED.get() and record.getMessage() == _NO_HANDSHAKE)


_uvicorn_log = logging.getLogger("uvicorn.error")
if not any(isinstance(f, DenialIsNoError) for f in _uvicorn_log.filters):
    _uvicorn_log.addFilter(DenialIsNoError())


async def _deny(websocket: WebSocket, status: int, error: dict[str, Any],
                headers: dict[str, str] | None = None) -> None:
    """Refuse the handshake with an HTTP answer (``{"error": ...}``, as the API's) where the
    server supports it, else with a plain 403 (uvicorn's answer to a close before accept)."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        _DENIED.set(True)
        await websocket.send_denial_response(JSONResponse(
            {"error": error}, status_code=status, headers=headers))
    else:
        await websocket.close(code=TRY_AGAIN if status in (429, 503) else POLICY)


async def _refuse(websocket: WebSocket, status: int, reason: str) -> None:
    """Too many sockets: 429 or 503 with Retry-After."""
    await _deny(websocket, status, {"code": reason, "message": "Too many live connections; "
                                    "try again shortly."}, {"Retry-After": "10"})


async def feed(websocket: WebSocket, raw: RawSocket | None) -> None:
    """Serve one spectator; ``raw`` is the fast path to its connection, if there is one."""
    if not origin_allowed(websocket):
        await _deny(websocket, 403, {"code": "forbidden_origin", "message": "Live feeds "
                                     "open only from this site's pages."})
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
    except ValueError:
        await _deny(websocket, 400, {"code": "invalid_parameter", "field": "since",
                                     "message": "since is a sequence number (0 or more)."})
        return
    try:
        if not SLUG.match(websocket.path_params["slug"]):
            raise NotFound("Tournament", websocket.path_params["slug"])
        tid, slug = await _tournament(context, websocket.path_params["slug"])
    except DomainError as exc:
        await _deny(websocket, exc.status, exc.body()["error"])
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
