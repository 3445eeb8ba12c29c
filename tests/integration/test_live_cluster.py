"""Several app servers on one PostgreSQL: writes on any server reach spectators on every
server, in seq order, exactly once (LISTEN/NOTIFY carries only tournament and seq)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import websockets
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.helpers import AUTH, by_number, make_event, make_stage, until
from tests.live_support import Servers, Spectator, last_seq, recv_json, stored_seqs
from tournament.live.pg_listener import APP_NAME

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_patch_on_one_server_reaches_a_client_on_another(postgres_url):
    with Servers() as servers:
        a, b = servers.start(postgres_url), servers.start(postgres_url)
        async with httpx.AsyncClient(base_url=a.url) as client:
            event = await make_event(client, 4)
            st = await make_stage(client, event, settings={"best_of": 3})
            seq = await last_seq(client, event["slug"])
            async with websockets.connect(
                    f"{b.ws}/ws/tournaments/{event['slug']}?since={seq}") as ws:
                m1 = by_number(st)[1]
                r = await client.patch(f"/api/matches/{m1['id']}", headers=AUTH,
                                       json={"score": [1, 0], "status": "live"})
                assert r.status_code == 200
                message = await recv_json(ws, 5)
                assert message["seq"] == seq + 1 and message["type"] == "match.updated"
                assert message["data"] == {k: v for k, v in r.json().items()
                                           if k != "reset_matches"}


async def test_concurrent_writers_on_two_servers_give_one_gap_free_order(postgres_url):
    with Servers() as servers:
        a, b = servers.start(postgres_url), servers.start(postgres_url)
        async with httpx.AsyncClient(base_url=a.url) as ca, \
                httpx.AsyncClient(base_url=b.url) as cb:
            event = await make_event(ca, 8)
            st = await make_stage(ca, event, settings={"best_of": 7})
            base = await last_seq(ca, event["slug"])
            watchers = [Spectator(s.ws, event["slug"], base).start()
                        for s in (a, b, a, b)]
            ready = by_number(st)
            patches = [(c, ready[n]["id"]) for c, n in ((ca, 1), (cb, 2), (ca, 3), (cb, 4))]

            async def writer(client: httpx.AsyncClient, match_id: int, k: int) -> None:
                for i in range(12):
                    r = await client.patch(f"/api/matches/{match_id}", headers=AUTH,
                                           json={"score": [i % 4, 0], "status": "live"})
                    assert r.status_code == 200, r.text
                    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams",
                                          json={"name": f"w{k}-{i}"}, headers=AUTH)
                    assert r.status_code == 201, r.text

            await asyncio.gather(*(writer(c, m, k) for k, (c, m) in enumerate(patches)))
            final = await last_seq(ca, event["slug"])
            assert final == base + 4 * 12 * 2
            for w in watchers:
                await w.wait_for(final)
                await w.stop()
                assert w.seqs == list(range(base + 1, final + 1))
                assert w.connections == 1
            # Every server sent the same bytes' worth: the same events in the same order.
            assert all(w.messages == watchers[0].messages for w in watchers)
        assert await stored_seqs(postgres_url, event["slug"]) == list(range(1, final + 1))


async def test_a_lost_listen_connection_catches_up_from_the_table(postgres_url):
    with Servers() as servers:
        a, b = servers.start(postgres_url), servers.start(postgres_url)
        async with httpx.AsyncClient(base_url=a.url) as client:
            event = await make_event(client, 4)
            st = await make_stage(client, event, settings={"best_of": 5})
            base = await last_seq(client, event["slug"])
            watcher = Spectator(b.ws, event["slug"], base).start()
            await until(lambda: watcher.connections == 1, what="the spectator connected")
            engine = create_async_engine(postgres_url)
            async with engine.begin() as conn:  # cut the LISTEN connections on this database
                killed = (await conn.execute(text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE application_name = :name AND datname = current_database()"),
                    {"name": APP_NAME})).scalar_one()
            await engine.dispose()
            assert killed >= 2  # a and b (and the in-process test app's)
            m1 = by_number(st)[1]
            for score in ([1, 0], [2, 0], [2, 1]):  # written while nobody listens
                r = await client.patch(f"/api/matches/{m1['id']}", headers=AUTH,
                                       json={"score": score, "status": "live"})
                assert r.status_code == 200
            await watcher.wait_for(base + 3, timeout=15)
            await watcher.stop()
            assert watcher.seqs == [base + 1, base + 2, base + 3]
            assert watcher.connections == 1
