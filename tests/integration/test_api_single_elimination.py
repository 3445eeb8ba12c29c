"""Single elimination through the API, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_eight_team_bracket_plays_out_to_placements(client):
    event = await make_event(client, 8)
    st = await make_stage(client, event, settings={"best_of": 3, "best_of_by_round": {"3": 5},
                                                   "third_place_match": True})
    matches = by_number(st)
    assert len(matches) == 8  # 7 + third place
    t = event["teams"]
    # standard seeding: 1v8, 4v5, 2v7, 3v6
    assert [matches[n]["teams"] for n in (1, 2, 3, 4)] == [
        [t[0], t[7]], [t[3], t[4]], [t[1], t[6]], [t[2], t[5]]]
    assert matches[7]["best_of"] == 5 and matches[1]["best_of"] == 3
    assert all(matches[n]["status"] == "ready" for n in (1, 2, 3, 4))
    assert matches[5]["status"] == "pending" and matches[5]["teams"] == [None, None]
    for n, score in ((1, [2, 0]), (2, [1, 2]), (3, [2, 1]), (4, [0, 2])):
        r = await report(client, matches[n]["id"], score)
        assert r.status_code == 200, r.text
    st = await stage(client, st["id"])
    m = by_number(st)
    assert m[5]["teams"] == [t[0], t[4]] and m[5]["status"] == "ready"
    assert m[6]["teams"] == [t[1], t[5]]
    await report(client, m[5]["id"], [2, 1])
    await report(client, m[6]["id"], [0, 2])
    m = by_number(await stage(client, st["id"]))
    assert m[7]["teams"] == [t[0], t[5]]
    assert m[8]["teams"] == [t[4], t[1]]
    assert (await report(client, m[8]["id"], [3, 0])).status_code == 200
    r = await report(client, m[7]["id"], [3, 2])
    assert r.status_code == 200
    st = await stage(client, st["id"])
    assert st["status"] == "completed"
    ranks = {row["team_id"]: row["rank"] for row in st["standings"]}
    assert ranks[t[0]] == 1 and ranks[t[5]] == 2 and ranks[t[4]] == 3 and ranks[t[1]] == 4
    assert sorted(ranks[x] for x in (t[7], t[3], t[6], t[2])) == [5, 5, 5, 5]
    ev = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert {p["team_id"]: p["rank"] for p in ev["placements"]} == ranks
    nations = (await client.get(f"/api/tournaments/{event['slug']}")).json()["nations"]
    # t[0] (KR) won, t[5] (JP) 2nd: KR 10 + nothing more, JP 6 (best placed only)
    assert [(n["nation"], n["points"], n["event_wins"]) for n in nations] == [
        ("KR", 10, 1), ("JP", 6, 0)]
    assert sum(n["match_wins"] for n in nations) == sum(n["match_losses"] for n in nations)


async def test_byes_for_top_seeds_and_natural_seeding(client):
    event = await make_event(client, 6)
    t = event["teams"]
    st = await make_stage(client, event)
    m = by_number(st)
    assert [m[n]["teams"] for n in (1, 2, 3, 4)] == [
        [t[0], None], [t[3], t[4]], [t[1], None], [t[2], t[5]]]
    assert m[1]["status"] == "completed" and m[1]["winner"] == 1
    assert m[5]["teams"] == [t[0], None] and m[5]["status"] == "pending"
    assert m[6]["teams"] == [t[1], None]
    r = await report(client, m[1]["id"], [1, 0])
    assert r.status_code == 422 and r.json()["error"]["code"] == "match_is_bye"
    event2 = await make_event(client, 5)
    st2 = await make_stage(client, event2, seeding_method="natural")
    t2 = event2["teams"]
    m2 = by_number(st2)
    assert [m2[n]["teams"] for n in (1, 2, 3, 4)] == [
        [t2[0], None], [t2[1], None], [t2[2], None], [t2[3], t2[4]]]
    assert m2[5]["teams"] == [t2[0], t2[1]] and m2[5]["status"] == "ready"


async def test_two_teams_and_three_with_third_place(client):
    event = await make_event(client, 3)
    st = await make_stage(client, event, settings={"third_place_match": True})
    m = by_number(st)
    t = event["teams"]
    # 3 teams: seed 1 bye; 2 v 3 in the other semi; third place waits on a bye loser
    assert m[1]["teams"] == [t[0], None] and m[2]["teams"] == [t[1], t[2]]
    await report(client, m[2]["id"], [1, 0])
    m = by_number(await stage(client, st["id"]))
    third = m[4]
    assert third["bracket"] == "third_place"
    assert third["teams"] == [None, t[2]] and third["status"] == "completed"
    assert third["winner"] == 2
    await report(client, m[3]["id"], [0, 1])
    st = await stage(client, st["id"])
    assert st["status"] == "completed"
    ranks = {row["team_id"]: row["rank"] for row in st["standings"]}
    assert ranks == {t[1]: 1, t[0]: 2, t[2]: 3}


async def test_live_score_then_final_and_games(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = by_number(st)
    r = await report(client, m[1]["id"], [1, 0], status="live")
    assert r.status_code == 200 and r.json()["status"] == "live"
    r = await client.patch(f"/api/matches/{m[1]['id']}", json={
        "games": [[13, 10], [8, 13], [13, 5]], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["score"] == [2, 1] and body["winner"] == 1 and body["games"][2] == [13, 5]
    assert body["version"] > m[1]["version"]


async def test_forfeit_advances_the_opponent(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = by_number(st)
    r = await client.patch(f"/api/matches/{m[1]['id']}", json={"forfeit": 1}, headers=AUTH)
    assert r.status_code == 200
    assert r.json()["winner"] == 2 and r.json()["forfeit"] is True
    m = by_number(await stage(client, st["id"]))
    assert m[3]["teams"][0] == event["teams"][3]


async def test_correction_resets_exactly_the_dependent_matches(client):
    event = await make_event(client, 8)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = by_number(st)
    for n in (1, 2, 3, 4):
        await report(client, m[n]["id"], [2, 0])
    m = by_number(await stage(client, st["id"]))
    await report(client, m[5]["id"], [2, 0])
    await report(client, m[6]["id"], [2, 0])
    m = by_number(await stage(client, st["id"]))
    assert (await report(client, m[7]["id"], [0, 1], status="live")).status_code == 200
    # Flip match 1: its winner played match 5 (completed) and the final (live).
    r = await report(client, m[1]["id"], [1, 2])
    assert r.status_code == 200, r.text
    assert sorted(r.json()["reset_matches"]) == sorted([m[5]["id"], m[7]["id"]])
    after = by_number(await stage(client, st["id"]))
    t = event["teams"]
    assert after[5]["teams"] == [t[7], t[3]] and after[5]["status"] == "ready"
    assert after[5]["score"] == [0, 0]
    assert after[7]["teams"] == [None, t[1]] and after[7]["status"] == "pending"
    for n in (2, 3, 4, 6):  # untouched
        assert after[n]["version"] == m[n]["version"] and after[n]["score"] == m[n]["score"]


async def test_referee_token_can_report_but_not_reset_played_matches(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    r = await client.post("/api/users", json={"name": f"ref-{event['slug']}",
                                              "role": "referee"}, headers=AUTH)
    assert r.status_code == 201
    ref = {"Authorization": f"Bearer {r.json()['token']}"}
    m = by_number(st)
    r = await client.patch(f"/api/matches/{m[1]['id']}", json={"score": [1, 0],
                                                               "status": "completed"},
                           headers=ref)
    assert r.status_code == 200
    r = await client.patch(f"/api/matches/{m[1]['id']}", json={
        "stream_url": "https://twitch.tv/x"}, headers=ref)
    assert r.status_code == 403
    r = await client.post("/api/tournaments", json={"slug": "nope", "name": "x"}, headers=ref)
    assert r.status_code == 403
    await client.patch(f"/api/matches/{m[2]['id']}", json={"score": [1, 0],
                                                           "status": "completed"}, headers=ref)
    m = by_number(await stage(client, st["id"]))
    await client.patch(f"/api/matches/{m[3]['id']}", json={"score": [1, 0],
                                                           "status": "completed"}, headers=ref)
    r = await client.patch(f"/api/matches/{m[1]['id']}", json={"score": [0, 1],
                                                               "status": "completed"},
                           headers=ref)
    assert r.status_code == 403 and r.json()["error"]["code"] == "correction_needs_admin"
    assert by_number(await stage(client, st["id"]))[3]["status"] == "completed"
