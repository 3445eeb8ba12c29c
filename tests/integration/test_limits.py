"""Live sockets per address, and health answered from the background monitor."""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from pathlib import Path

import httpx
import pytest
import websockets

from tests.conftest import free_port
from tests.helpers import make_event

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_sockets_per_address_are_limited_and_reported(sqlite_url, server_factory):
    server = server_factory(sqlite_url, TOURNAMENT_MAX_SOCKETS_PER_ADDRESS="3")
    async with httpx.AsyncClient(base_url=server.url) as client:
        event = await make_event(client, 0)
        url = f"ws://127.0.0.1:{server.port}/ws/tournaments/{event['slug']}"
        opened = [await websockets.connect(url) for _ in range(3)]
        with pytest.raises(websockets.InvalidStatus) as refused:
            await websockets.connect(url)
        assert refused.value.response.status_code == 429
        assert refused.value.response.headers["Retry-After"]
        assert json.loads(refused.value.response.body)["error"]["code"] == \
            "too_many_from_address"
        # uvicorn logs no spurious ERROR for the denial (sockets.DenialIsNoError)
        assert "ERROR" not in Path(server.log.name).read_text()
        ready = (await client.get("/readyz")).json()
        assert ready["sockets"]["open"] == 3 and ready["sockets"]["per_address"] == 3
        assert ready["database"]["ok"] and ready["fds"]["limit"] >= ready["fds"]["open"]
        assert (await client.get("/healthz")).text == "ok"
        await opened[0].close()
        for _ in range(50):  # the server counts the close when its handler ends
            if (await client.get("/readyz")).json()["sockets"]["open"] == 2:
                break
            await asyncio.sleep(0.1)
        again = await websockets.connect(url)
        for ws in (*opened[1:], again):
            await ws.close()


class Outage:
    """A TCP relay to PostgreSQL in its own thread; ``cut()`` drops every connection and
    refuses new ones (the database is gone), ``restore()`` lets them through again."""

    def __init__(self, target_port: int = 5432) -> None:
        self.target = target_port
        self.port = free_port()
        self.loop = asyncio.new_event_loop()
        self.up = True
        self.writers: list[asyncio.StreamWriter] = []
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._serve(), self.loop).result(5)

    async def _serve(self) -> None:
        self.server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.up:
            writer.transport.abort()
            return
        self.writers.append(writer)
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        self.writers.append(up_writer)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def cut(self) -> None:
        def drop() -> None:
            self.up = False
            for w in self.writers:
                w.transport.abort()
            self.writers.clear()
        self.loop.call_soon_threadsafe(drop)

    def restore(self) -> None:
        self.loop.call_soon_threadsafe(lambda: setattr(self, "up", True))

    def close(self) -> None:
        async def shut() -> None:
            self.up = False
            for w in self.writers:
                w.transport.abort()
            self.server.close()
            await self.server.wait_closed()
            await asyncio.sleep(0.1)  # let the aborted transports finish closing

        asyncio.run_coroutine_threadsafe(shut(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


async def _until(client: httpx.AsyncClient, path: str, status: int) -> httpx.Response:
    for _ in range(100):
        r = await client.get(path)
        if r.status_code == status:
            return r
        await asyncio.sleep(0.1)
    raise AssertionError(f"{path} never answered {status}")


async def test_a_lost_database_is_a_503_with_retry_after(postgres_url, server_factory):
    from sqlalchemy.engine import make_url

    outage = Outage(make_url(postgres_url).port or 5432)
    try:
        url = make_url(postgres_url).set(port=outage.port).render_as_string(
            hide_password=False)
        server = server_factory(url)
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
            event = await make_event(client, 2)
            outage.cut()
            r = await _until(client, "/healthz", 503)
            assert "database" in r.text and r.headers["retry-after"]
            r = await client.get(f"/api/tournaments/{event['slug']}")
            assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable"
            assert r.headers["retry-after"]
            r = await client.get(f"/tournaments/{event['slug']}?lang=ko")
            assert r.status_code == 503 and "데이터베이스" in r.text
            assert (await client.get("/readyz")).json()["database"]["ok"] is False
            outage.restore()
            await _until(client, "/healthz", 200)
            await _until(client, f"/api/tournaments/{event['slug']}", 200)
    finally:
        outage.close()
