"""A real uvicorn server: PATCH over HTTP, receive the event over a websocket."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets

from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def recv_json(ws, timeout: float = 10) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def test_patch_reaches_a_websocket_client(db_url, server_factory):
    server = server_factory(db_url)
    async with httpx.AsyncClient(base_url=server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 3})
        seq = (await client.get(f"/api/tournaments/{event['slug']}")).json()["last_seq"]
        ws_url = f"ws://127.0.0.1:{server.port}/ws/tournaments/{event['slug']}?since={seq}"
        async with websockets.connect(ws_url) as ws:
            m1 = by_number(st)[1]
            r = await client.patch(f"/api/matches/{m1['id']}",
                                   json={"score": [1, 0], "status": "live"}, headers=AUTH)
            assert r.status_code == 200
            message = await recv_json(ws)
            assert message["type"] == "match.updated" and message["seq"] == seq + 1
            assert message["data"]["id"] == m1["id"] and message["data"]["score"] == [1, 0]
            assert message["data"]["status"] == "live"
            r = await client.patch(f"/api/matches/{m1['id']}",
                                   json={"score": [2, 0], "status": "completed"}, headers=AUTH)
            got = [await recv_json(ws) for _ in range(4)]
            assert [g["seq"] for g in got] == [seq + 2, seq + 3, seq + 4, seq + 5]
            assert {g["data"]["number"] for g in got[:2]} == {1, 3}  # the final got its team
            # then the stage, its standings moved (the loser is placed), and the tournament
            # with its nation table (API.md's stage.updated and tournament.updated)
            assert got[2]["type"] == "stage.updated" and got[2]["data"]["id"] == st["id"]
            assert got[3]["type"] == "tournament.updated" and "nations" in got[3]["data"]
            await ws.send('{"type": "ping"}')
            assert (await recv_json(ws))["type"] == "pong"
        # Resume: everything after `seq`, in order, exactly once.
        async with websockets.connect(ws_url) as ws:
            replay = [await recv_json(ws) for _ in range(5)]
            assert [m["seq"] for m in replay] == [seq + 1, seq + 2, seq + 3, seq + 4, seq + 5]


async def test_bad_client_input_closes_the_socket(db_url, server_factory):
    server = server_factory(db_url)
    async with httpx.AsyncClient(base_url=server.url) as client:
        event = await make_event(client, 2)
    base = f"ws://127.0.0.1:{server.port}/ws/tournaments/{event['slug']}"
    async with websockets.connect(base) as ws:
        await ws.send("not json")
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd.code == 1008
    async with websockets.connect(base) as ws:
        await ws.send(b"\x00binary")
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), 5)
        assert closed.value.rcvd.code == 1003
    with pytest.raises(websockets.InvalidStatus) as refused:
        async with websockets.connect(base, origin="https://evil.example"):
            pass
    assert refused.value.response.status_code == 403
    with pytest.raises(websockets.InvalidStatus):
        async with websockets.connect(base + "?since=abc"):
            pass
    async with websockets.connect(base, origin=f"http://127.0.0.1:{server.port}") as ws:
        await ws.send('{"type": "ping"}')
        assert (await recv_json(ws))["type"] == "pong"
