"""A free-for-all game on a real server (SQLite and PostgreSQL): the lobby arrives as
``match.updated`` with its placings, then ``stage.updated`` with the new standings."""

from __future__ import annotations

import httpx
import pytest
import websockets

from tests.helpers import AUTH, make_event, make_stage
from tests.live_support import LiveServer, Servers, last_seq, recv_json

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_game_reaches_spectators_with_the_new_standings(db_url):
    with Servers() as servers:
        port = 18110 if db_url.startswith("sqlite") else 18111
        server = servers.add(LiveServer(db_url, port=port).start())
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 4)
            t = event["teams"]
            st = await make_stage(client, event, name="Final", format="free_for_all",
                                  settings={"games": 3})
            lobby = st["matches"][0]
            base = await last_seq(client, event["slug"])
            async with websockets.connect(
                    f"{server.ws}/ws/tournaments/{event['slug']}?since={base}") as ws:
                r = await client.patch(f"/api/matches/{lobby['id']}", headers=AUTH, json={
                    "game": {"number": 1, "results": [
                        {"team_id": x, "placement": 4 - i, "kills": i}
                        for i, x in enumerate(t)]}})
                assert r.status_code == 200, r.text
                got = [await recv_json(ws), await recv_json(ws)]
        assert [m["type"] for m in got] == ["match.updated", "stage.updated"]
        assert [m["seq"] for m in got] == [base + 1, base + 2]
        assert got[0]["data"]["placings"][0]["results"][0] == {
            "team_id": t[3], "placement": 1, "kills": 3}
        top = got[1]["data"]["standings"][0]
        # 1st with 3 kills, by the default points (PUBG Mobile's since 2023): 10 + 3
        assert (top["team_id"], top["points"], top["kills"], top["wins"]) == (t[3], 13, 3, 1)
