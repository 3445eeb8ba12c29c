"""A team that withdraws from a Swiss stage is out: never paired again, and placed below
every team still in the stage when it withdrew (rule of issue 14; Valve's rulebook has no
withdrawal rule, and a withdrawn team standing 5th of 8 ahead of teams that played on was
the bug)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, stage

from .test_api_replays import play

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_withdrawn_swiss_team_is_out_and_placed_below_those_still_in(client):
    event = await make_event(client, 8)
    t = event["teams"]  # seeds 1..8
    st = await make_stage(client, event, name="Swiss", format="swiss",
                          settings={"pairing": "valve"})
    for i in range(4):  # round 1: 1 v 5, 2 v 6, 3 v 7, 4 v 8; the top seeds win
        await play(client, st["id"], t[i], t[i + 4])
    view = await stage(client, st["id"])
    assert {frozenset(m["teams"]) for m in view["matches"] if m["round"] == 2} == {
        frozenset((t[0], t[3])), frozenset((t[1], t[2])), frozenset((t[4], t[7])),
        frozenset((t[5], t[6]))}
    r = await client.post(f"/api/teams/{t[0]}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert len(r.json()["forfeited_matches"]) == 1  # its round-2 match, to seed 4
    for _ in range(40):  # play everything else out, the better seed winning
        view = await stage(client, st["id"])
        if view["status"] == "completed":
            break
        for m in view["matches"]:
            if m["status"] in ("ready", "live"):
                a, b = m["teams"]
                assert t[0] not in m["teams"], "a withdrawn team is paired again"
                winner, loser = (a, b) if t.index(a) < t.index(b) else (b, a)
                await play(client, st["id"], winner, loser)
    view = await stage(client, st["id"])
    assert view["status"] == "completed"
    rows = {r["team_id"]: r for r in view["standings"]}
    gone = rows[t[0]]
    assert (gone["wins"], gone["losses"], gone["status"], gone["rank"]) == (1, 1, "eliminated", 8)
    assert [r["team_id"] for r in view["standings"]][-1] == t[0]
    # everyone else finished 3-x or x-3, ranked by record
    others = [r for r in view["standings"] if r["team_id"] != t[0]]
    assert all(r["wins"] == 3 or r["losses"] == 3 for r in others)
    assert [r["rank"] for r in view["standings"]] == sorted(r["rank"] for r in view["standings"])
