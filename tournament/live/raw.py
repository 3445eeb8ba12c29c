"""The fan-out's fast path: write a pre-framed message straight to a uvicorn connection.

Sending through ASGI costs a coroutine chain per socket (Starlette → uvicorn → framing);
with thousands of spectators that, not the network, is the cost of an event. Under uvicorn's
``websockets-sansio`` protocol (its default with ``websockets`` installed) an open connection
with no extension negotiated takes the same bytes for a text frame from us as from itself,
so ``RawSocket.write`` hands the shared frame to the transport: only when the connection is
open and writable, otherwise the caller falls back to the ASGI path, which waits.

``RawSocketMiddleware`` (plain ASGI, outermost) records the connection in the scope, since
only the server's own ``send`` knows it. Any other server, or ``TOURNAMENT_LIVE_FAST_PATH=0``,
uses the ASGI path throughout.
"""

from __future__ import annotations

import socket
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

try:
    from uvicorn.protocols.websockets.websockets_sansio_impl import (
        WebSocketsSansIOProtocol as _Protocol,
    )
except ImportError:  # pragma: no cover (uvicorn without websockets)
    _Protocol = None  # type: ignore[assignment, misc]

SCOPE_KEY = "tournament.raw_socket"


class RawSocket:
    __slots__ = ("_proto",)

    def __init__(self, proto: Any) -> None:
        self._proto = proto

    @property
    def writable(self) -> bool:
        p = self._proto
        return bool(p.writable.is_set() and not p.close_sent and not p.disconnected
                    and not p.transport.is_closing())

    def write(self, frame: bytes) -> bool:
        """Write one complete frame now, or return False (closed or buffer full)."""
        if not self.writable:
            return False
        self._proto.transport.write(frame)
        return True

    async def wait_writable(self) -> None:
        await self._proto.writable.wait()

    def limit_send_buffer(self, size: int) -> None:
        """Cap the kernel's send buffer of this socket (it grows to megabytes by default),
        so a client that stops reading is noticed, and costs little, early."""
        sock = self._proto.transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, size)

    @property
    def open(self) -> bool:
        return not self._proto.disconnected

    def abort(self) -> None:
        """Drop the connection without waiting for its buffer to drain (a stuck client)."""
        if not self._proto.disconnected:
            self._proto.transport.abort()


def raw_socket(scope: Scope) -> RawSocket | None:
    proto = scope.get("extensions", {}).get(SCOPE_KEY)
    return RawSocket(proto) if proto is not None else None


def _usable(proto: Any) -> bool:
    if _Protocol is None or not isinstance(proto, _Protocol):
        return False
    conn = getattr(proto, "conn", None)
    return conn is not None and not getattr(conn, "extensions", None)


class RawSocketMiddleware:
    """Put the server's websocket connection into ``scope["extensions"]`` when it is one
    the fast path knows (uvicorn websockets-sansio, no compression)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            proto = getattr(send, "__self__", None)
            if _usable(proto):  # the server made this dict for this connection alone
                scope.setdefault("extensions", {})[SCOPE_KEY] = proto
        await self.app(scope, receive, send)
