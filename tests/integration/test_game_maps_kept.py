"""Games sent as plain scores keep the maps already entered: a scoring tool that reports
``[13, 10]`` at the end of a series the referee entered map by map, or a correction of one
map's score, must not erase the map names (they were lost: the calendar feed then read
"Map 1: 13–10" for a match it had shown as "Map 1 (Icebox)"). A game sent with
``"map": null`` still clears its map, and games sent with maps replace them all."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _live_with_maps(client: httpx.AsyncClient) -> str:
    event = await make_event(client, teams=4)
    stage = await make_stage(client, event, settings={"best_of": 3, "game_name": "map"})
    url = f"/api/matches/{by_number(stage)[1]['id']}"
    r = await client.patch(url, json={"games": [{"score": [13, 10], "map": "Icebox"},
                                                {"score": [4, 13], "map": "Haven"}],
                                      "status": "live"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["maps"] == ["Icebox", "Haven"]
    return url


async def _patch(client: httpx.AsyncClient, url: str, body: dict[str, Any]) -> Any:
    r = await client.patch(url, json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()


async def test_a_score_only_report_keeps_the_maps(client):
    url = await _live_with_maps(client)
    done = await _patch(client, url, {"games": [[13, 10], [4, 13], [13, 7]],
                                      "status": "completed"})
    assert done["score"] == [2, 1] and done["games"] == [[13, 10], [4, 13], [13, 7]]
    assert done["maps"] == ["Icebox", "Haven", None]
    assert (await client.get(url)).json()["maps"] == ["Icebox", "Haven", None]


async def test_a_corrected_score_keeps_its_map_and_a_dropped_game_its_own(client):
    url = await _live_with_maps(client)
    done = await _patch(client, url, {"games": [[13, 10], [13, 11]], "status": "completed"})
    assert done["maps"] == ["Icebox", "Haven"] and done["winner"] == 1
    fewer = await _patch(client, url, {"games": [[13, 10]], "status": "live"})
    assert fewer["maps"] == ["Icebox"]


async def test_maps_sent_replace_and_null_clears(client):
    url = await _live_with_maps(client)
    cleared = await _patch(client, url, {"games": [{"score": [13, 10], "map": None},
                                                   [4, 13]], "status": "live"})
    assert cleared["maps"] == []  # no map left: the API lists none
    url = await _live_with_maps(client)
    renamed = await _patch(client, url, {"games": [{"score": [13, 10], "map": "Lotus"},
                                                   [4, 13]], "status": "live"})
    assert renamed["maps"] == ["Lotus", None]
