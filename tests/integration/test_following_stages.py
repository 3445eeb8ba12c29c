"""A stage seeded from another (`seeding: {"from_stage", "qualifiers"}`) follows a
correction of that stage (live review): it took its teams when the groups finished and
kept them when a group result was corrected, so a team that finished 3rd stayed in the
playoffs and the new 2nd never got there. Now: with no result yet it goes back to waiting
and is seeded again from the corrected standings; with a result the correction is refused
(409 next_stage_started) and nothing changes."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, play_out, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _groups_and_playoffs(client, fmt: str, settings: dict) -> tuple[dict, dict, dict]:
    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format=fmt, settings=settings)
    playoffs = await make_stage(client, event, name="Playoffs",
                                seeding={"from_stage": groups["id"], "qualifiers": 2})
    return event, groups, playoffs


def _pairs(view: dict) -> list[set[int]]:
    return [set(m["teams"]) for m in sorted(view["matches"], key=lambda m: m["number"])
            if m["round"] == 1]


async def test_a_corrected_gsl_group_sends_its_new_top_two_to_the_playoffs(client):
    _, groups, playoffs = await _groups_and_playoffs(
        client, "double_elimination", {"groups": 2, "grand_final": "none"})
    await play_out(client, groups["id"])  # the first listed side wins every match
    before = await stage(client, playoffs["id"])
    assert before["status"] == "running"
    done = await stage(client, groups["id"])
    top = {(r["group"], r["rank"]): r["team_id"] for r in done["standings"]}
    assert _pairs(before) == [{top[(1, 1)], top[(2, 2)]}, {top[(2, 1)], top[(1, 2)]}]
    # group A's first opening (M1) flipped: its loser now plays on in the upper bracket
    m1 = by_number(done)[1]
    r = await report(client, m1["id"], [0, 1])
    assert r.status_code == 200, r.text
    assert set(r.json()["reset_matches"]) >= {by_number(done)[5]["id"]}
    waiting = await stage(client, playoffs["id"])
    assert (waiting["status"], waiting["matches"], waiting["seeding"]) == ("pending", [], [])
    assert waiting["hold"]["code"] == "waiting_for_stage"
    finished = await play_out(client, groups["id"])
    top = {(r["group"], r["rank"]): r["team_id"] for r in finished["standings"]}
    again = await stage(client, playoffs["id"])
    assert again["status"] == "running"
    assert _pairs(again) == [{top[(1, 1)], top[(2, 2)]}, {top[(2, 1)], top[(1, 2)]}]
    assert top[(1, 1)] == m1["teams"][1]  # the corrected winner went on to win group A


async def test_a_corrected_league_result_reseeds_a_playoff_not_yet_played(client):
    event, groups, playoffs = await _groups_and_playoffs(
        client, "round_robin", {"groups": 1})
    await play_out(client, groups["id"], pick=lambda m: 1)
    done = await stage(client, groups["id"])
    order = [r["team_id"] for r in done["standings"]]
    before = await stage(client, playoffs["id"])
    assert sorted(before["seeding"]) == sorted(order[:2])
    ids_before = {m["id"] for m in before["matches"]}
    # a correction that keeps the top two where they were: the playoff is left alone
    third_v_fourth = next(m for m in done["matches"]
                          if set(m["teams"]) == {order[2], order[3]})
    side = 1 if third_v_fourth["teams"][0] == order[2] else 2
    r = await report(client, third_v_fourth["id"], [1, 0] if side == 1 else [0, 1])
    assert r.status_code == 200  # the same result again
    assert {m["id"] for m in (await stage(client, playoffs["id"]))["matches"]} == ids_before
    # the 3rd beats the 2nd after all: the top two change, the stage stays finished
    second_v_third = next(m for m in done["matches"]
                          if set(m["teams"]) == {order[1], order[2]})
    winner_side = 1 if second_v_third["teams"][0] == order[2] else 2
    r = await report(client, second_v_third["id"],
                     [1, 0] if winner_side == 1 else [0, 1])
    assert r.status_code == 200, r.text
    after = await stage(client, groups["id"])
    assert after["status"] == "completed"
    new_top = [row["team_id"] for row in after["standings"][:2]]
    assert new_top != order[:2]
    followed = await stage(client, playoffs["id"])
    assert followed["status"] == "running" and sorted(followed["seeding"]) == sorted(new_top)
    assert {m["id"] for m in followed["matches"]}.isdisjoint(ids_before)
    # once the playoff has a result, a correction that would change its teams is refused
    final = followed["matches"][0]
    assert (await report(client, final["id"], [1, 0])).status_code == 200
    r = await report(client, second_v_third["id"], [0, 1] if winner_side == 1 else [1, 0])
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "next_stage_started"
    assert (await stage(client, groups["id"]))["standings"] == after["standings"]
    kept = await stage(client, playoffs["id"])
    assert kept["matches"][0]["score"] == [1, 0] and kept["seeding"] == followed["seeding"]
    r = await client.get(f"/api/tournaments/{event['slug']}/events/lol", headers=AUTH)
    assert r.status_code == 200


async def test_a_big_finished_stage_is_followed_too(client, monkeypatch):
    """Above STANDINGS_EVENT_TEAMS a result that moves only matches skips the stage's own
    steps (the fast path): a finished stage's correction must still reach the stage seeded
    from it. The limit is lowered here so that eight teams count as big."""
    from tournament.services import steps

    monkeypatch.setattr(steps, "STANDINGS_EVENT_TEAMS", 2)
    _, groups, playoffs = await _groups_and_playoffs(client, "round_robin", {"groups": 1})
    done = await play_out(client, groups["id"], pick=lambda m: 1)
    order = [r["team_id"] for r in done["standings"]]
    second_v_third = next(m for m in done["matches"] if set(m["teams"]) == {order[1], order[2]})
    side = 1 if second_v_third["teams"][0] == order[2] else 2
    r = await report(client, second_v_third["id"], [1, 0] if side == 1 else [0, 1])
    assert r.status_code == 200, r.text
    new_top = [row["team_id"] for row in (await stage(client, groups["id"]))["standings"][:2]]
    assert sorted((await stage(client, playoffs["id"]))["seeding"]) == sorted(new_top)
