"""An event's own read carries its ``champion``, as each event of the tournament's read does
(README: "each event its champion"): null while undecided, then the team placed 1st alone,
in the same shape (no roster)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, play_out

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_event_read_names_its_champion_as_the_tournament_read_does(client):
    event = await make_event(client, teams=4)
    url = f"/api/tournaments/{event['slug']}/events/{event['event']}"
    placed = await make_stage(client, event)
    r = await client.get(url)
    assert r.status_code == 200
    assert "champion" in r.json() and r.json()["champion"] is None

    await play_out(client, placed["id"])  # side 1 wins: seed 1 takes the title
    detail = (await client.get(url)).json()
    listed = (await client.get(f"/api/tournaments/{event['slug']}")).json()["events"]
    assert detail["champion"] is not None
    assert detail["champion"]["id"] == event["teams"][0]
    assert detail["champion"] == listed[0]["champion"]
    assert "players" not in detail["champion"]


async def test_a_created_event_answers_its_champion_none_as_its_read_does(client):
    """The fuzz run checks every answer against the schema: POST of an event answered an
    EventDetail without ``champion``, which the schema requires (its GET has it)."""
    event = await make_event(client, teams=0)
    r = await client.post(f"/api/tournaments/{event['slug']}/events", json={
        "slug": "tekken", "name": "Tekken 8", "game": "Tekken 8"}, headers=AUTH)
    assert r.status_code == 201, r.text
    read = await client.get(f"/api/tournaments/{event['slug']}/events/tekken")
    assert r.json()["champion"] is None
    assert set(r.json()) == set(read.json())
