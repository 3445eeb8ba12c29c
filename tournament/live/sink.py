"""One spectator's outgoing side: what the hub delivers, sent without making anyone wait.

``deliver`` never awaits. When the socket is open, writable and nothing is queued, the
shared frame is written at once (``live/raw.py``); otherwise the message joins a bounded
backlog that a flusher task sends through ASGI as the client reads. A client whose backlog
passes its limits has fallen behind: it is closed with 1013 (dropped at once when its buffers
are full) and resumes with ``since``. Until ``start`` (the replay is sent) messages are held,
and anything at or below the replay's last seq is skipped, so no seq is sent twice; a gap,
which the hub's ordering should never leave, is filled from the event table.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.websockets import WebSocket, WebSocketDisconnect

from .messages import Message
from .protocol import TRY_AGAIN
from .raw import RawSocket

Refill = Callable[[int, int], Awaitable[list[Message]]]  # (after, upto) -> messages

log = logging.getLogger("tournament.live")

_EMPTY: deque[Message] = deque(maxlen=0)  # shared by idle sinks (an empty deque is 600 B)

INTERNAL = 1011


@dataclass(frozen=True)
class Limits:
    messages: int = 256  # queued for one client, beyond what its socket buffers hold
    bytes: int = 1 << 20
    close_grace: float = 2.0  # for the closing handshake, then the connection is dropped
    send_buffer: int = 64 * 1024  # the kernel's per-socket send buffer (Linux doubles it)


class SocketSink:
    __slots__ = ("_closer", "_flusher", "backlog", "closed", "last", "limits", "live",
                 "queued", "raw", "refill", "websocket")

    def __init__(self, websocket: WebSocket, raw: RawSocket | None, limits: Limits,
                 refill: Refill) -> None:
        self.websocket = websocket
        self.raw = raw
        self.limits = limits
        self.refill = refill
        self.last = 0
        self.live = False
        self.closed: int | None = None  # the close code, once closing
        self.backlog: deque[Message] = _EMPTY  # a real deque once something waits
        self.queued = 0
        self._flusher: asyncio.Task[None] | None = None
        self._closer: asyncio.Task[None] | None = None
        if raw is not None:
            raw.limit_send_buffer(limits.send_buffer)

    # -- called by the hub ------------------------------------------------------------------
    def deliver(self, message: Message) -> None:
        if self.closed is not None or (self.live and message.seq <= self.last):
            return
        if (self.live and self._flusher is None and message.seq == self.last + 1
                and self.raw is not None and self.raw.write(message.frame)):
            self.last = message.seq
            return
        if self.backlog and (len(self.backlog) >= self.limits.messages
                             or self.queued + message.size > self.limits.bytes):
            self.close(TRY_AGAIN)
            return
        if self.backlog is _EMPTY:
            self.backlog = deque()
        self.backlog.append(message)
        self.queued += message.size
        if self.live and self._flusher is None:
            self._flusher = asyncio.get_running_loop().create_task(self._flush())

    def close(self, code: int) -> None:
        """Close the socket with ``code`` (once); the handler's read loop then ends."""
        if self.closed is not None:
            return
        self.closed = code
        self.backlog = _EMPTY
        self.queued = 0
        if self._flusher is not None:
            self._flusher.cancel()
        if self.raw is not None and not self.raw.writable and self.raw.open:
            self.raw.abort()  # its buffers are full: a close frame would wait behind them
            return
        self._closer = asyncio.get_running_loop().create_task(self._close(code))

    # -- called by the socket handler -------------------------------------------------------
    def start(self, last: int) -> None:
        """The replay (or snapshot) sent everything up to ``last``: go live."""
        self.last = last
        self.live = True
        while self.backlog and self.backlog[0].seq <= last:
            self.queued -= self.backlog.popleft().size
        if self.backlog and self.closed is None:
            self._flusher = asyncio.get_running_loop().create_task(self._flush())

    async def finish(self) -> None:
        """The handler is done: stop the flusher; let a close in progress complete."""
        if self._flusher is not None:
            self._flusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flusher
        if self._closer is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._closer

    # -- tasks ------------------------------------------------------------------------------
    async def _send(self, message: Message) -> None:
        if self.raw is not None and not self.raw.broken:
            await self.raw.wait_writable()
            if self.raw.write(message.frame):
                self.last = message.seq
                return
            if not self.raw.broken:
                raise ConnectionError("socket closed")
        await self.websocket.send_text(message.text)  # the ASGI path
        self.last = message.seq

    async def _flush(self) -> None:
        code: int | None = None
        try:
            while self.backlog and self.closed is None:
                message = self.backlog[0]
                if message.seq > self.last + 1:
                    for missed in await self.refill(self.last, message.seq - 1):
                        if missed.seq == self.last + 1:
                            await self._send(missed)
                    if message.seq != self.last + 1:
                        log.warning("live feed: seq %s..%s cannot be filled", self.last + 1,
                                    message.seq - 1)
                        code = INTERNAL  # the client resumes and gets a snapshot
                        break
                if message.seq == self.last + 1:
                    await self._send(message)
                self.backlog.popleft()
                self.queued -= message.size
        except (OSError, RuntimeError, WebSocketDisconnect):
            code = TRY_AGAIN  # the client went away
        except Exception:
            log.exception("live feed: sending to a spectator failed")
            code = INTERNAL
        self._flusher = None
        if not self.backlog:
            self.backlog = _EMPTY
        if code is not None:
            self.close(code)

    async def _close(self, code: int) -> None:
        if self.raw is not None:  # a client that never answers the close is dropped
            asyncio.get_running_loop().call_later(self.limits.close_grace, self.raw.abort)
        with contextlib.suppress(OSError, RuntimeError, WebSocketDisconnect):
            await self.websocket.close(code)
