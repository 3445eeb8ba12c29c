"""The live feed's protocol on one real server (SQLite and PostgreSQL): resume with
``since``, snapshots, dedupe, bad input, heartbeats and shutdown."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
import websockets

from tests.helpers import AUTH, by_number, make_event, make_stage
from tests.live_support import (
    Servers,
    drain,
    frames,
    idle_socket,
    last_seq,
    recv_json,
    stored_seqs,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")


def apply(view: dict[int, dict], messages: list[dict]) -> dict[int, dict]:
    """A spectator's view of the matches: the newest data of each, by seq order."""
    for m in messages:
        if m["type"] == "match.updated":
            view[m["data"]["id"]] = m["data"]
        elif m["type"] in ("stage.updated", "snapshot"):
            stages = m["data"]["stages"] if m["type"] == "snapshot" else [m["data"]]
            for st in stages:
                view.update({x["id"]: x for x in st["matches"]})
    return view


async def read_until(ws, seq: int, timeout: float = 10) -> list[dict]:
    got: list[dict] = []
    while not got or got[-1].get("seq", 0) < seq:
        got.append(await recv_json(ws, timeout))
    return got


async def test_resume_gets_exactly_the_missed_events_and_the_view_matches(db_url):
    with Servers() as servers:
        server = servers.start(db_url)
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 8)
            st = await make_stage(client, event, settings={"best_of": 3})
            base = await last_seq(client, event["slug"])
            view = {m["id"]: m for m in st["matches"]}
            feed = f"{server.ws}/ws/tournaments/{event['slug']}"
            matches = by_number(st)
            async with websockets.connect(f"{feed}?since={base}") as ws:
                await client.patch(f"/api/matches/{matches[1]['id']}", headers=AUTH,
                                   json={"score": [1, 0], "status": "live"})
                first = await read_until(ws, base + 1)
            assert [m["seq"] for m in first] == [base + 1]
            # Offline: results, progression into the next round, a new team.
            for number in (1, 2, 3, 4):
                r = await client.patch(f"/api/matches/{matches[number]['id']}", headers=AUTH,
                                       json={"score": [2, 1], "status": "completed"})
                assert r.status_code == 200, r.text
            r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams",
                                  json={"name": "Late"}, headers=AUTH)
            assert r.status_code == 201
            final = await last_seq(client, event["slug"])
            assert final > base + 5
            async with websockets.connect(f"{feed}?since={base + 1}") as ws:
                missed = await read_until(ws, final)
                await ws.send('{"type": "ping"}')  # nothing else is pending: next is the pong
                assert await recv_json(ws) == {"type": "pong"}
            assert [m["seq"] for m in missed] == list(range(base + 2, final + 1))
            view = apply(apply(view, first), missed)
            now = (await client.get(f"/api/stages/{st['id']}")).json()
            assert view == {m["id"]: m for m in now["matches"]}
            assert await stored_seqs(db_url, event["slug"]) == list(range(1, final + 1))


async def test_too_old_gets_a_snapshot_that_rebuilds_the_view(db_url):
    with Servers() as servers:
        server = servers.start(db_url, TOURNAMENT_EVENT_RETENTION="4")
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 4)
            st = await make_stage(client, event, settings={"best_of": 5})
            m1 = by_number(st)[1]
            for score in ([1, 0], [2, 0], [2, 1], [2, 2], [3, 2]):
                status = "completed" if score[0] == 3 else "live"
                r = await client.patch(f"/api/matches/{m1['id']}", headers=AUTH,
                                       json={"score": score, "status": status})
                assert r.status_code == 200
            final = await last_seq(client, event["slug"])
            kept = await stored_seqs(db_url, event["slug"])
            assert kept[-1] == final and kept[0] > 2  # pruned to the retention
            feed = f"{server.ws}/ws/tournaments/{event['slug']}"
            for since in (1, final + 50):  # too old, and ahead of the server (a reset database)
                async with websockets.connect(f"{feed}?since={since}") as ws:
                    snap = await recv_json(ws)
                    assert snap["type"] == "snapshot" and snap["seq"] == final
                    tournament = (await client.get(f"/api/tournaments/{event['slug']}")).json()
                    assert snap["data"]["nations"] == tournament["nations"]
                    assert [e["slug"] for e in snap["data"]["events"]] == ["lol"]
                    assert len(snap["data"]["events"][0]["teams"]) == 4
                    now = (await client.get(f"/api/stages/{st['id']}")).json()
                    assert snap["data"]["stages"] == [now]
                    r = await client.patch(f"/api/matches/{by_number(st)[2]['id']}",
                                           headers=AUTH, json={"score": [1, 0],
                                                               "status": "live"})
                    assert (await recv_json(ws))["seq"] == final + 1
                    final += 1


async def test_without_since_a_client_gets_only_new_events(db_url):
    with Servers() as servers:
        server = servers.start(db_url)
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 2)
            st = await make_stage(client, event)
            base = await last_seq(client, event["slug"])
            async with websockets.connect(
                    f"{server.ws}/ws/tournaments/{event['slug']}") as ws:
                await ws.send('{"type":"ping"}')
                assert await recv_json(ws) == {"type": "pong"}  # subscribed
                await client.patch(f"/api/matches/{st['matches'][0]['id']}", headers=AUTH,
                                   json={"score": [1, 0], "status": "completed"})
                got = await read_until(ws, base + 1)
                assert [m["seq"] for m in got] == list(range(base + 1, base + len(got) + 1))


async def closed_with(ws, timeout: float = 5) -> int | None:
    with pytest.raises(websockets.ConnectionClosed) as closed:
        while True:
            await asyncio.wait_for(ws.recv(), timeout)
    return closed.value.rcvd.code if closed.value.rcvd else None


async def test_bad_client_input_closes_with_1003_or_1008(sqlite_url):
    with Servers() as servers:
        server = servers.start(sqlite_url)
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 2)
        feed = f"{server.ws}/ws/tournaments/{event['slug']}"
        cases = [json.dumps({"type": "ping", "pad": "x" * 5000}), '{"type": "subscribe"}',
                 "[1, 2]", '{"type": "ping"', "\u00ff" * 10]
        for bad in cases:
            async with websockets.connect(feed) as ws:
                await ws.send(bad)
                assert await closed_with(ws) == 1008, bad
        async with websockets.connect(feed) as ws:
            await ws.send(b"\x01\x02")
            assert await closed_with(ws) == 1003
        async with websockets.connect(feed) as ws:  # a flood of pings
            for _ in range(25):
                await ws.send('{"type":"ping"}')
            pongs = 0
            with pytest.raises(websockets.ConnectionClosed) as closed:
                while True:
                    assert json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "pong"
                    pongs += 1
            assert closed.value.rcvd.code == 1008 and pongs == 20
        def code_of(refused: pytest.ExceptionInfo[websockets.InvalidStatus]) -> str:
            return str(json.loads(refused.value.response.body)["error"]["code"])

        for query in ("?since=-1", "?since=1e3", "?since=" + "9" * 40):
            with pytest.raises(websockets.InvalidStatus) as refused:
                async with websockets.connect(feed + query):
                    pass
            assert refused.value.response.status_code == 400
            assert code_of(refused) == "invalid_parameter"
        for slug in ("nope", "Not_A_Slug!"):  # no such tournament: 404, as the API says
            with pytest.raises(websockets.InvalidStatus) as refused:
                async with websockets.connect(f"{server.ws}/ws/tournaments/{slug}"):
                    pass
            assert refused.value.response.status_code == 404
            assert code_of(refused) == "not_found"
        for origin in ("https://evil.example", f"http://127.0.0.1:{server.port}.evil.example"):
            with pytest.raises(websockets.InvalidStatus) as refused:
                async with websockets.connect(feed, origin=origin):
                    pass
            assert refused.value.response.status_code == 403
            assert code_of(refused) == "forbidden_origin"
        assert not server.errors()


async def test_heartbeat_drops_a_client_that_does_not_answer_pings(sqlite_url):
    with Servers() as servers:
        server = servers.start(sqlite_url, "--ws-ping-interval", "0.3", "--ws-ping-timeout",
                               "0.3")
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 2)
        sock = idle_socket(server.port, f"/ws/tournaments/{event['slug']}")
        data, how = drain(sock, 30)  # never answers the server's pings: read until closed
        sock.close()
        assert how in ("eof", "reset")
        closes = [payload[:2] for opcode, payload in frames(data) if opcode == 8]
        assert closes == [(1011).to_bytes(2, "big")]  # closed for the keepalive timeout
        async with websockets.connect(f"{server.ws}/ws/tournaments/{event['slug']}") as ws:
            await asyncio.sleep(1.0)  # a client that answers pings stays connected
            await ws.send('{"type":"ping"}')
            assert await recv_json(ws) == {"type": "pong"}


async def test_shutdown_closes_every_socket_with_1001(db_url):
    with Servers() as servers:
        server = servers.start(db_url)
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 2)
        feed = f"{server.ws}/ws/tournaments/{event['slug']}"
        sockets = [await websockets.connect(feed) for _ in range(5)]
        for ws in sockets:
            await ws.send('{"type":"ping"}')
            assert await recv_json(ws) == {"type": "pong"}
        assert server.proc is not None
        started = asyncio.get_running_loop().time()
        server.proc.terminate()  # SIGTERM, as a process manager or a deploy does
        codes = [await closed_with(ws) for ws in sockets]
        assert codes == [1001] * 5
        assert asyncio.get_running_loop().time() - started < 5
        server.proc.wait(10)
