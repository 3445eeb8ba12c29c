"""The live fast path against the real uvicorn protocol class: the contract holds for the
installed uvicorn (and a broken one is reported), frames go out through the real protocol
object in a real server, a failing socket falls back without touching the writer or the
other sockets, and the ASGI path alone (TOURNAMENT_LIVE_FAST_PATH=0) delivers as well."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import uvicorn
import websockets
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from tests.conftest import free_port
from tests.helpers import ADMIN, AUTH, make_event, make_stage, until
from tournament.app import create_app
from tournament.config import Settings
from tournament.live import raw
from tournament.live.hub import Hub
from tournament.live.messages import event_message

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_contract_holds_for_the_installed_uvicorn():
    assert raw.check_contract() is None


async def test_a_broken_contract_is_reported(monkeypatch):
    original = WebSocketsSansIOProtocol.__init__

    def without_writable(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        del self.writable

    monkeypatch.setattr(WebSocketsSansIOProtocol, "__init__", without_writable)
    assert "writable" in (raw.check_contract() or "")


class Served:
    """The app in a real uvicorn server, in this event loop (to watch it from inside)."""

    def __init__(self, url: str, **settings: Any) -> None:
        self.port = free_port()
        self.app = create_app(Settings(database_url=url, admin_token=ADMIN, **settings))
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="error",
                                ws=raw.WS_IMPLEMENTATION, ws_per_message_deflate=False,
                                lifespan="on")
        self.server = uvicorn.Server(config)
        self.task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Served:
        self.task = asyncio.get_running_loop().create_task(self.server.serve())
        for _ in range(3600):  # bounds a hang only (3 minutes): a loaded machine is slow
            if self.server.started:
                return self
            await asyncio.sleep(0.05)
        raise RuntimeError("server did not start")

    async def __aexit__(self, *exc: object) -> None:
        self.server.should_exit = True
        assert self.task is not None
        await self.task


async def receive(ws: Any, count: int) -> list[dict[str, Any]]:
    out = []
    while len(out) < count:
        out.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
    return out


@pytest.mark.parametrize("fast", [True, False], ids=["fast-path", "asgi-path"])
async def test_frames_reach_spectators_through_the_real_protocol(sqlite_url, monkeypatch,
                                                                 fast):
    writes: list[bool] = []
    original = raw.RawSocket.write

    def counted(self: raw.RawSocket, frame: bytes) -> bool:
        assert isinstance(self._proto, WebSocketsSansIOProtocol)  # the real class
        result = original(self, frame)
        writes.append(result)
        return result

    monkeypatch.setattr(raw.RawSocket, "write", counted)
    async with Served(sqlite_url, live_fast_path=fast) as served:
        base = f"http://127.0.0.1:{served.port}"
        async with httpx.AsyncClient(base_url=base) as client:
            ready = (await client.get("/readyz")).json()
            assert ready["live"]["fast_path"] is fast
            event = await make_event(client, 2)
            st = await make_stage(client, event, settings={"best_of": 3})
            url = f"ws://127.0.0.1:{served.port}/ws/tournaments/{event['slug']}"
            async with websockets.connect(url) as one, websockets.connect(url) as two:
                for ws in (one, two):  # a pong comes once the socket is subscribed and live
                    await ws.send('{"type":"ping"}')
                    assert (await receive(ws, 1)) == [{"type": "pong"}]
                conns = [c for c in served.server.server_state.connections
                         if isinstance(c, WebSocketsSansIOProtocol)]
                assert len(conns) == 2
                for conn in conns:  # trimmed on the fast path only (memory per socket)
                    assert isinstance(conn.queue, raw.Inbox) is fast
                    assert isinstance(conn.writable, raw.Flag) is fast
                    assert (conn.request is None) is fast
                r = await client.patch(f"/api/matches/{st['matches'][0]['id']}",
                                       json={"score": [1, 0], "status": "live"},
                                       headers=AUTH)
                assert r.status_code == 200
                for ws in (one, two):
                    (message,) = await receive(ws, 1)
                    assert message["type"] == "match.updated"
                    assert message["data"]["score"] == [1, 0]
    if fast:
        assert writes and all(writes)  # through the protocol object, not ASGI
    else:
        assert writes == []


async def test_the_inbox_hands_out_messages_in_order_and_wakes_its_reader():
    inbox = raw.Inbox([1])
    assert not inbox.empty() and await inbox.get() == 1 and inbox.empty()
    reader = asyncio.get_running_loop().create_task(inbox.get())
    await asyncio.sleep(0)
    inbox.put_nowait(2)
    inbox.put_nowait(3)
    assert await reader == 2 and await inbox.get() == 3
    cancelled = asyncio.get_running_loop().create_task(inbox.get())
    await asyncio.sleep(0)
    cancelled.cancel()
    with pytest.raises(asyncio.CancelledError):
        await cancelled
    inbox.put_nowait(4)  # no reader waits: kept for the next get
    assert await inbox.get() == 4


async def test_the_flag_wakes_every_waiter_when_set_and_not_before():
    flag = raw.Flag(True)
    assert flag.is_set() and await flag.wait()
    flag.clear()
    waiters = [asyncio.get_running_loop().create_task(flag.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    assert not any(w.done() for w in waiters)
    flag.set()
    assert await asyncio.gather(*waiters) == [True, True]


async def test_a_failing_socket_never_reaches_the_writer_or_the_others():
    class Good:
        def __init__(self) -> None:
            self.seqs: list[int] = []
            self.closed: int | None = None

        def deliver(self, message: Any) -> None:
            self.seqs.append(message.seq)

        def close(self, code: int) -> None:
            self.closed = code

    class Bad(Good):
        def deliver(self, message: Any) -> None:
            raise RuntimeError("a protocol attribute went away")

    hub = Hub()
    good, bad, late = Good(), Bad(), Good()
    async with hub.subscribe(1, good), hub.subscribe(1, bad), hub.subscribe(1, late):
        for seq in (1, 2):
            hub.publish(1, seq, event_message(seq, "t", {}).text)  # never raises
        await until(lambda: len(good.seqs) >= 2 and len(late.seqs) >= 2)
    assert good.seqs == late.seqs == [1, 2]
    assert bad.closed is not None


async def test_a_raw_socket_whose_transport_fails_falls_back(monkeypatch):
    config = uvicorn.Config(app=lambda *a: None, ws=raw.WS_IMPLEMENTATION,
                            ws_per_message_deflate=False)
    config.load()
    from uvicorn.server import ServerState

    proto = WebSocketsSansIOProtocol(config=config, server_state=ServerState(), app_state={})

    class Failing(asyncio.Transport):
        def is_closing(self) -> bool:
            return False

        def write(self, data: Any) -> None:
            raise OSError("gone")

    proto.transport = Failing()
    sock = raw.RawSocket(proto)
    assert sock.write(b"frame") is False
    assert sock.broken and not sock.writable
