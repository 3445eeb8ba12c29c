"""Spectators for ``bench/fanout.py``: many lean websocket clients in one process.

Each ``lean`` client is a bare ``asyncio.Protocol`` (handshake, unmasked text frames in,
pings answered) that records ``(seq, time.monotonic())`` for every event: the load
generator costs little and the same against every server, so the servers' differences
show. ``websockets`` clients are the library's asyncio client with a task reading each
(what an app would write; far heavier). The process is driven over a pipe.
"""

from __future__ import annotations

import asyncio
import base64
import os
import re
import struct
import time
from multiprocessing.connection import Connection
from typing import Any

SEQ = re.compile(rb'"seq":\s*(\d+)')


class Spectator(asyncio.Protocol):
    def __init__(self, host: str, path: str, board: Board) -> None:
        self.host, self.path, self.board = host, path, board
        self.buf = bytearray()
        self.open = False
        self.closed = asyncio.get_running_loop().create_future()
        self.ready = asyncio.get_running_loop().create_future()
        self.got: list[tuple[int, float]] = []
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        key = base64.b64encode(os.urandom(16)).decode()
        transport.write((f"GET {self.path} HTTP/1.1\r\nHost: {self.host}\r\n"
                         "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                         f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                        .encode())

    def data_received(self, data: bytes) -> None:
        now = time.monotonic()
        self.buf += data
        if not self.open:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            if b" 101 " not in self.buf[:end]:
                self.ready.set_exception(ConnectionError(bytes(self.buf[:end]).decode()))
                return
            del self.buf[:end + 4]
            self.open = True
            self.ready.set_result(None)
        buf = self.buf
        while len(buf) >= 2:
            opcode, size, offset = buf[0] & 0x0F, buf[1] & 0x7F, 2
            if size == 126:
                if len(buf) < 4:
                    return
                size, offset = struct.unpack_from("!H", buf, 2)[0], 4
            elif size == 127:
                if len(buf) < 10:
                    return
                size, offset = struct.unpack_from("!Q", buf, 2)[0], 10
            if len(buf) < offset + size:
                return
            if opcode == 1:
                found = SEQ.search(buf, offset, min(offset + size, offset + 40))
                if found:
                    seq = int(found.group(1))
                    self.got.append((seq, now))
                    self.board.seen(seq)
            elif opcode == 9:
                self._send(0xA, bytes(buf[offset:offset + size]))
            elif opcode == 8 and self.transport is not None:
                self.transport.close()
            del buf[:offset + size]

    def _send(self, opcode: int, payload: bytes) -> None:
        mask = os.urandom(4)
        body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        assert self.transport is not None and len(payload) < 126
        self.transport.write(bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + body)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.ready.done():
            self.ready.set_exception(ConnectionError("closed during handshake"))
        if not self.closed.done():
            self.closed.set_result(None)


class Board:
    """How many spectators have seen each seq (to pace the referee)."""

    def __init__(self) -> None:
        self.counts: dict[int, int] = {}

    def seen(self, seq: int) -> None:
        self.counts[seq] = self.counts.get(seq, 0) + 1


async def _connect(port: int, path: str, n: int, board: Board) -> list[Spectator]:
    loop = asyncio.get_running_loop()
    clients: list[Spectator] = []
    for start in range(0, n, 250):
        batch = [Spectator(f"127.0.0.1:{port}", path, board) for _ in range(min(250, n - start))]
        await asyncio.gather(*(loop.create_connection(lambda c=c: c, "127.0.0.1", port)
                               for c in batch))
        await asyncio.wait_for(asyncio.gather(*(c.ready for c in batch)), 60)
        clients.extend(batch)
    return clients


class LibrarySpectator:
    """The same, as a ``websockets`` library client with a task reading it (heavier)."""

    def __init__(self, ws: Any, board: Board) -> None:
        self.ws, self.board = ws, board
        self.got: list[tuple[int, float]] = []
        self.task = asyncio.get_running_loop().create_task(self._read())

    async def _read(self) -> None:
        try:
            async for text in self.ws:
                now = time.monotonic()
                found = SEQ.search(text.encode()[:40])
                if found:
                    seq = int(found.group(1))
                    self.got.append((seq, now))
                    self.board.seen(seq)
        except Exception:  # a benchmark client: closed is closed
            pass

    def abort(self) -> None:
        self.ws.transport.abort()


async def _connect_library(port: int, path: str, n: int, board: Board) -> list[Any]:
    from websockets.asyncio.client import connect

    clients: list[Any] = []
    for start in range(0, n, 250):
        batch = await asyncio.gather(*(
            connect(f"ws://127.0.0.1:{port}{path}", compression=None, open_timeout=60)
            for _ in range(min(250, n - start))))
        clients.extend(LibrarySpectator(ws, board) for ws in batch)
    return clients


async def _serve(pipe: Connection) -> None:
    loop = asyncio.get_running_loop()
    board = Board()
    clients: list[Any] = []
    while True:
        command, args = await loop.run_in_executor(None, pipe.recv)
        if command == "connect":
            port, path, n, kind = args
            connect = _connect_library if kind == "websockets" else _connect
            clients = await connect(port, path, n, board=board)
            pipe.send(len(clients))
        elif command == "wait":  # until every client has seen seq, or the deadline passes
            seq, timeout = args
            deadline = time.monotonic() + timeout
            while board.counts.get(seq, 0) < len(clients) and time.monotonic() < deadline:
                await asyncio.sleep(0.002)
            pipe.send(board.counts.get(seq, 0))
        elif command == "collect":
            pipe.send([c.got for c in clients])
        elif command == "close":
            for c in clients:
                if isinstance(c, LibrarySpectator):
                    c.abort()
                elif c.transport is not None:
                    c.transport.abort()
            clients, board = [], Board()
            pipe.send(True)
        elif command == "exit":
            return


def run(pipe: Connection) -> None:
    try:
        import uvloop

        uvloop.run(_serve(pipe))
    except ImportError:
        asyncio.run(_serve(pipe))
