"""The fan-out's fast path: write a pre-framed message straight to a uvicorn connection.

Sending through ASGI costs a coroutine chain per socket (Starlette → uvicorn → framing);
with thousands of spectators that, not the network, is the cost of an event. Under uvicorn's
``websockets-sansio`` protocol (``run.py`` and the test servers choose it explicitly) an
open connection with no extension negotiated takes the same bytes for a text frame from us
as from itself, so ``RawSocket.write`` hands the shared frame to the transport: only when
the connection is open and writable, otherwise the caller falls back to the ASGI path,
which waits.

The path reads private attributes of uvicorn's protocol, so it is guarded three ways:
``check_contract`` builds a real protocol object at start and checks every attribute it
uses (a uvicorn that breaks the contract turns the path off, logged once); a connection of
any other class, or with compression, takes the ASGI path; and any error while writing
turns the path off for that socket (logged once), never reaching the writer or the other
sockets. ``pyproject.toml`` pins uvicorn to the versions the suite runs on.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

from starlette.types import Receive, Scope, Send

try:
    from uvicorn.protocols.websockets.websockets_sansio_impl import (
        WebSocketsSansIOProtocol as _Protocol,
    )
except ImportError:  # pragma: no cover (uvicorn without websockets)
    _Protocol = None  # type: ignore[assignment, misc]

WS_IMPLEMENTATION = "websockets-sansio"  # what run.py and the test servers ask uvicorn for
log = logging.getLogger("tournament.live")
_warned: set[str] = set()


def warn_once(key: str, message: str, *args: object) -> None:
    if key not in _warned:
        _warned.add(key)
        log.warning(message, *args)


def check_contract() -> str | None:
    """Why the fast path cannot be used with the installed uvicorn, or None when it can:
    a real protocol object must carry every attribute ``RawSocket`` touches."""
    if _Protocol is None:
        return "uvicorn's websockets-sansio protocol is not installed"
    try:
        from uvicorn.config import Config
        from uvicorn.server import ServerState

        async def app(scope: Scope, receive: Receive, send: Send) -> None:
            return None

        # log_config=None: a Config with the default one reconfigures uvicorn's loggers
        # (access log back on at INFO, whatever the server was started with)
        config = Config(app=app, ws=WS_IMPLEMENTATION, ws_per_message_deflate=False,
                        log_config=None)
        config.load()
        proto = _Protocol(config=config, server_state=ServerState(), app_state={})
    except Exception as exc:  # a changed constructor is a broken contract
        return f"cannot build a {_Protocol.__name__}: {exc!r}"
    expected = {"writable": asyncio.Event, "close_sent": bool, "disconnected": bool,
                "queue": asyncio.Queue}
    for name, kind in expected.items():
        if not isinstance(getattr(proto, name, None), kind):
            return f"{_Protocol.__name__}.{name} is not a {kind.__name__}"
    if not hasattr(proto, "transport"):
        return f"{_Protocol.__name__} has no transport"
    conn = getattr(proto, "conn", None)
    if conn is None or not hasattr(conn, "extensions"):
        return f"{_Protocol.__name__}.conn has no extensions"
    return None


class Inbox:
    """What uvicorn's ``receive`` needs of its per-connection ``asyncio.Queue``
    (``put_nowait``, ``get``, ``empty``) for one reader: 56 bytes and a list while a
    message waits, instead of three deques and an ``Event`` (3.4 KB per socket)."""

    __slots__ = ("_items", "_waiter")

    def __init__(self, items: list[Any]) -> None:
        self._items = items
        self._waiter: asyncio.Future[None] | None = None

    def put_nowait(self, item: Any) -> None:
        self._items.append(item)
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    def empty(self) -> bool:
        return not self._items

    async def get(self) -> Any:
        while not self._items:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        return self._items.pop(0)


class Flag:
    """What uvicorn and ``RawSocket`` need of the connection's ``writable`` event
    (``set``, ``clear``, ``is_set``, ``wait``) without the deque an ``asyncio.Event``
    carries (800 bytes per socket)."""

    __slots__ = ("_value", "_waiters")

    def __init__(self, value: bool) -> None:
        self._value = value
        self._waiters: list[asyncio.Future[None]] = []

    def is_set(self) -> bool:
        return self._value

    def set(self) -> None:
        self._value = True
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._value = False

    async def wait(self) -> bool:
        if self._value:
            return True
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
        return True


class RawSocket:
    __slots__ = ("_broken", "_proto")

    def __init__(self, proto: Any) -> None:
        self._proto = proto
        self._broken = False

    def _fail(self, exc: BaseException) -> bool:
        self._broken = True
        warn_once("write", "live feed: the fast path failed (%r); this socket and any "
                  "like it use the ASGI path", exc)
        return False

    @property
    def writable(self) -> bool:
        if self._broken:
            return False
        p = self._proto
        try:
            return bool(p.writable.is_set() and not p.close_sent and not p.disconnected
                        and not p.transport.is_closing())
        except Exception as exc:
            return self._fail(exc)

    def write(self, frame: bytes) -> bool:
        """Write one complete frame now, or return False (closed, buffer full, or the
        path broke: the caller then takes the ASGI path)."""
        if not self.writable:
            return False
        try:
            self._proto.transport.write(frame)
        except Exception as exc:
            return self._fail(exc)
        return True

    async def wait_writable(self) -> None:
        if not self._broken:
            await self._proto.writable.wait()

    def limit_send_buffer(self, size: int) -> None:
        """Cap the kernel's send buffer of this socket (it grows to megabytes by default),
        so a client that stops reading is noticed, and costs little, early."""
        try:
            sock = self._proto.transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, size)
        except Exception as exc:
            self._fail(exc)

    @property
    def open(self) -> bool:
        try:
            return not self._proto.disconnected
        except Exception:
            return False

    def abort(self) -> None:
        """Drop the connection without waiting for its buffer to drain (a stuck client)."""
        try:
            if not self._proto.disconnected:
                self._proto.transport.abort()
        except Exception as exc:
            self._fail(exc)

    @property
    def broken(self) -> bool:
        return self._broken

    def trim(self) -> None:
        """Once the handshake is done, drop what uvicorn keeps per connection but no
        longer reads (the handshake's request and response, the scope's headers) and
        swap its queue and event for ``Inbox`` and ``Flag``. Called by the handler,
        which is then the queue's only reader and waits on nothing; anything unexpected
        leaves the connection as it is."""
        p = self._proto
        try:
            if not (p.handshake_complete and type(p.queue) is asyncio.Queue
                    and type(p.writable) is asyncio.Event and not p.writable._waiters
                    and not getattr(p.queue, "_getters", True)):
                return
            items = []
            while not p.queue.empty():
                items.append(p.queue.get_nowait())
            p.queue = Inbox(items)
            p.writable = Flag(p.writable.is_set())
            p.request = p.response = None
            p.scope["headers"] = []
        except Exception as exc:
            warn_once("trim", "live feed: could not trim a connection (%r)", exc)


def usable(proto: Any) -> bool:
    """A connection the fast path knows: uvicorn websockets-sansio, no compression."""
    if _Protocol is None or not isinstance(proto, _Protocol):
        return False
    conn = getattr(proto, "conn", None)
    return conn is not None and not getattr(conn, "extensions", None)


def raw_socket(send: Send) -> RawSocket | None:
    """The fast path to the connection behind ``send`` (the server's own ``send``,
    unwrapped: the live feed is dispatched before any middleware wraps it), or None."""
    proto = getattr(send, "__self__", None)
    return RawSocket(proto) if usable(proto) else None
