"""What a correction does to a double elimination's later matches, as the preview and the
audit trail say it (the referee-console review): the bracket reset keeps the first grand
final's sides, upper finalist first (they swapped between the two); a correction that
gives the first grand final to the upper finalist takes the reset out of play, and says so
(``moves``' ``out_of_play``; its ``match.repair`` entry records no state, only
``out_of_play`` and the cause), never as two teams trading places in a match that no
longer exists; a place taken out waits for the match that fills it (``waits_for``), which
the console names instead of "this match"."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def bracket(client):
    """4 teams, best of 3, with a reset: M1 1v4, M2 2v3, M3 upper final, M4 lower round 1,
    M5 lower final, M6 the grand final, M7 its reset."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"best_of": 3, "grand_final": "reset"})
    return st, by_number(st)


async def played_to_the_reset(client):
    st, m = await bracket(client)
    for n in (1, 2, 3, 4, 5):
        assert (await report(client, m[n]["id"], [2, 0])).status_code == 200
    r = await report(client, m[6]["id"], [1, 2])  # the lower finalist wins: a reset
    assert r.status_code == 200, r.text
    return st, by_number(await stage(client, st["id"])), r.json()  # with the reset now


async def test_the_reset_keeps_the_grand_finals_sides(client):
    st, m, gf1 = await played_to_the_reset(client)
    reset = (await client.get(f"/api/matches/{m[7]['id']}")).json()
    assert reset["status"] == "ready"
    assert reset["teams"] == gf1["teams"]  # upper finalist first, as in the grand final
    # the reset's side 2 (the lower finalist) wins it: the champion
    assert (await report(client, reset["id"], [0, 2])).status_code == 200
    view = await stage(client, st["id"])
    first = next(r for r in view["standings"] if r["rank"] == 1)
    assert first["team_id"] == gf1["teams"][1]


async def test_a_reset_no_longer_needed_is_said_removed_not_swapped(client):
    _, m, gf1 = await played_to_the_reset(client)
    assert (await report(client, m[7]["id"], [0, 2])).status_code == 200
    reset = (await client.get(f"/api/matches/{m[7]['id']}")).json()
    body = {"score": [2, 1], "status": "completed"}  # the upper finalist won it after all
    r = await client.post(f"/api/matches/{m[6]['id']}/preview", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["reset_numbers"] == [7]
    assert r.json()["moves"] == [{"match": m[7]["id"], "number": 7,
                                  "teams_before": reset["teams"],
                                  "teams_after": [gf1["teams"][1], gf1["teams"][0]],
                                  "reset": True, "out_of_play": True,
                                  "waits_for": [None, None]}]
    r = await client.patch(f"/api/matches/{m[6]['id']}", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert (await client.get(f"/api/matches/{m[7]['id']}")).status_code == 404
    items = (await client.get(f"/api/matches/{m[7]['id']}/audit", headers=AUTH)).json()["items"]
    entry = items[0]
    assert entry["action"] == "match.repair"
    assert entry["before"]["teams"] == reset["teams"] and entry["before"]["score"] == [0, 2]
    # no state for a match that is no longer there: its removal and the cause
    assert entry["after"] == {"out_of_play": True, "cause": {
        "match": m[6]["id"], "number": 6, "action": "match.correct"}}


async def test_a_place_taken_out_names_the_match_it_waits_for(client):
    _, m = await bracket(client)
    for n in (1, 2, 3, 4):
        assert (await report(client, m[n]["id"], [2, 0])).status_code == 200
    m5 = (await client.get(f"/api/matches/{m[5]['id']}")).json()
    assert None not in m5["teams"]
    # M1 corrected once M3 and M4 were played: M5's places wait for M3's loser again and
    # for M4's winner
    r = await client.post(f"/api/matches/{m[1]['id']}/preview",
                          json={"score": [0, 2], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    moves = {mv["number"]: mv for mv in r.json()["moves"]}
    assert moves[5]["teams_before"] == m5["teams"]
    assert moves[5]["teams_after"] == [None, None]
    assert moves[5]["waits_for"] == [3, 4] and moves[5]["out_of_play"] is False
    # a team replaced, not taken out, waits for nothing
    assert moves[3]["waits_for"] == [None, None] and moves[3]["teams_after"][0] is not None
