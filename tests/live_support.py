"""Live-feed test tools: real uvicorn servers with chosen options, feed clients that
resume with ``since`` like the page script does, and a raw socket that never reads."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import time
from pathlib import Path
from typing import Any

import httpx
import websockets
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from websockets.protocol import State

from .conftest import Server


class LiveServer(Server):
    """``Server`` with extra uvicorn arguments; restartable on the same port."""

    def __init__(self, db_url: str, *args: str, port: int | None = None, **env: str) -> None:
        super().__init__(db_url, port=port, **env)
        self.args = args

    @property
    def ws(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        super().start()
        return self

    def restart(self) -> LiveServer:
        return LiveServer(self.db_url, *self.args, port=self.port, **{
            k: v for k, v in self.env.items() if k.startswith("TOURNAMENT_")}).start()

    def errors(self) -> str:
        """What the server logged at ERROR (or a traceback)."""
        text_ = Path(self.log.name).read_text()
        return "\n".join(ln for ln in text_.splitlines() if "ERROR" in ln or "Traceback" in ln)


class Servers:
    """Every server a test starts, stopped when it ends (``with Servers() as servers``)."""

    def __init__(self) -> None:
        self.started: list[LiveServer] = []

    def start(self, db_url: str, *args: str, **env: str) -> LiveServer:
        return self.add(LiveServer(db_url, *args, **env).start())

    def add(self, server: LiveServer) -> LiveServer:
        self.started.append(server)
        return server

    def __enter__(self) -> Servers:
        return self

    def __exit__(self, *exc: object) -> None:
        for s in self.started:
            s.stop(kill=True)


class Spectator:
    """Reads a tournament's feed into ``messages``; on any disconnect it reconnects with
    ``since`` = the last seq it saw (as static/js/live.js does) until ``stop()``."""

    def __init__(self, ws_base: str, slug: str, since: int, origin: str | None = None) -> None:
        self.url = f"{ws_base}/ws/tournaments/{slug}"
        self.origin = origin
        self.last = since
        self.messages: list[dict[str, Any]] = []
        self.connections = 0
        self.cuts = 0  # connections cut by ``cut()``: each is followed by a new one
        self.closes: list[int | None] = []
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._ws: Any = None

    @property
    def seqs(self) -> list[int]:
        return [m["seq"] for m in self.messages if m.get("type") != "snapshot"]

    def start(self) -> Spectator:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                async with websockets.connect(f"{self.url}?since={self.last}", open_timeout=5,
                                              origin=self.origin) as ws:
                    self._ws = ws
                    self.connections += 1
                    while not self._stop.is_set():
                        try:
                            raw = await asyncio.wait_for(ws.recv(), 0.2)
                        except TimeoutError:
                            continue
                        message = json.loads(raw)
                        self.messages.append(message)
                        self.last = message["seq"]
            except (OSError, websockets.ConnectionClosed, websockets.InvalidHandshake,
                    TimeoutError) as exc:
                if isinstance(exc, websockets.ConnectionClosed):
                    self.closes.append(exc.rcvd.code if exc.rcvd else None)
                await asyncio.sleep(0.1)

    def cut(self) -> bool:
        """Drop an open connection abruptly (no closing handshake); the spectator resumes.
        False when it had none open (it is between connections)."""
        ws = self._ws
        if ws is None or ws.state is not State.OPEN:
            return False
        ws.transport.abort()
        self.cuts += 1
        return True

    async def wait_for(self, seq: int, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while self.last < seq:
            assert time.monotonic() < deadline, f"{self.url}: at seq {self.last}, not {seq}"
            await asyncio.sleep(0.02)

    async def stop(self) -> None:
        self._stop.set()
        if self._task is not None:
            await asyncio.wait_for(self._task, 10)


async def recv_json(ws: Any, timeout: float = 10) -> dict[str, Any]:
    return dict(json.loads(await asyncio.wait_for(ws.recv(), timeout)))


async def last_seq(client: httpx.AsyncClient, slug: str) -> int:
    return int((await client.get(f"/api/tournaments/{slug}")).json()["last_seq"])


async def stored_seqs(db_url: str, slug: str) -> list[int]:
    """The event table's seqs of a tournament, read directly from the database."""
    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(text(
                "SELECT e.seq FROM event_log e JOIN tournament t ON t.id = e.tournament_id "
                "WHERE t.slug = :slug ORDER BY e.seq"), {"slug": slug})
            return [int(r[0]) for r in rows]
    finally:
        await engine.dispose()


def idle_socket(port: int, path: str, rcvbuf: int = 4096) -> socket.socket:
    """A websocket handshake on a plain socket that then never reads (a stuck phone)."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(1)
        assert chunk, "closed during the handshake"
        head += chunk
    assert b" 101 " in head.split(b"\r\n")[0], head
    return sock


def drain(sock: socket.socket, timeout: float) -> tuple[bytes, str]:
    """Read until the server ends the connection; (bytes read, how it ended)."""
    sock.settimeout(timeout)
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return data, "eof"
            data += chunk
    except ConnectionResetError:
        return data, "reset"
    except TimeoutError:
        return data, "open"


def frames(data: bytes) -> list[tuple[int, bytes]]:
    """Split unmasked server frames: (opcode, payload) for each whole frame."""
    found: list[tuple[int, bytes]] = []
    while len(data) >= 2:
        opcode, size, offset = data[0] & 0x0F, data[1] & 0x7F, 2
        if size == 126:
            size, offset = int.from_bytes(data[2:4], "big"), 4
        elif size == 127:
            size, offset = int.from_bytes(data[2:10], "big"), 10
        if len(data) < offset + size:
            break
        found.append((opcode, data[offset:offset + size]))
        data = data[offset + size:]
    return found
