"""Ties that cross a qualification line: nobody is marked through, the next stage waits with
the reason, the organizer resolves it (recorded order or tiebreaker match); a stage that
cannot be filled is refused or held, never a result that cannot be saved."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage

from .test_api_replays import play

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_an_unbroken_tie_across_the_line_holds_the_next_stage(client):
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    groups = await make_stage(client, event, name="Group", format="round_robin",
                              settings={"advance": 2, "tiebreakers": ["points", "head_to_head"]})
    playoff = await make_stage(client, event, name="Final", seeding={
        "from_stage": groups["id"], "qualifiers": 2})
    # a wins all; b, c, d beat each other in a cycle: three teams level on 3 points, 1-1
    # head to head, tied for 2nd, and only one of them goes through
    for winner, loser in ((a, b), (a, c), (a, d), (b, c), (c, d), (d, b)):
        await play(client, groups["id"], winner, loser)
    view = await stage(client, groups["id"])
    rows = {r["team_id"]: r for r in view["standings"]}
    assert (rows[a]["rank"], rows[a]["status"], rows[a]["tied"]) == (1, "advanced", False)
    for t in (b, c, d):  # none of the tied teams is through, none is out
        assert (rows[t]["rank"], rows[t]["status"], rows[t]["tied"]) == (2, "active", True)
    held = await stage(client, playoff["id"])
    assert held["status"] == "pending" and held["matches"] == []
    hold = held["hold"]
    assert (hold["code"], hold["stage"], hold["places"]) == ("unresolved_tie", groups["id"],
                                                             [2, 4])
    assert sorted(hold["teams"]) == sorted([b, c, d])
    page = (await client.get(f"/stages/{playoff['id']}?lang=ko")).text
    assert 'data-hold="unresolved_tie"' in page and "운영진 조치 대기" in page
    # while the final waits nobody has a final place: no champion, no nation points
    detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert detail["placements"] == []
    nations = (await client.get(f"/api/tournaments/{event['slug']}")).json()["nations"]
    assert all(n["points"] == 0 for n in nations)

    # wrong orders are refused and change nothing
    for body, code in (({"teams": [b, c], "reason": "x"}, "not_a_tie"),
                       ({"teams": [b, c, c], "reason": "x"}, "duplicate_team"),
                       ({"teams": [a, b, c, d], "reason": "x"}, "not_a_tie"),
                       ({"teams": [b, c, d], "reason": ""}, "invalid_input")):
        r = await client.post(f"/api/stages/{groups['id']}/ties", json=body, headers=AUTH)
        assert r.status_code == 422 and r.json()["error"]["code"] == code, r.text
    r = await client.post(f"/api/stages/{groups['id']}/ties", json={
        "teams": [c, d, b], "reason": "Drawing of lots"})  # no token
    assert r.status_code == 401
    assert (await stage(client, playoff["id"]))["status"] == "pending"

    r = await client.post(f"/api/stages/{groups['id']}/ties", json={
        "teams": [c, d, b], "reason": "Drawing of lots on stage, 20:40 KST"}, headers=AUTH)
    assert r.status_code == 200, r.text
    resolved = r.json()
    assert [(x["team_id"], x["rank"], x["status"], x["tied"]) for x in resolved["standings"]] \
        == [(a, 1, "advanced", False), (c, 2, "advanced", False), (d, 3, "eliminated", False),
            (b, 4, "eliminated", False)]
    assert resolved["ties"][0]["teams"] == [c, d, b]
    assert resolved["ties"][0]["reason"] == "Drawing of lots on stage, 20:40 KST"
    started = await stage(client, playoff["id"])
    assert started["status"] == "running" and started["hold"] is None
    assert started["seeding"] == [a, c]
    page = (await client.get(f"/stages/{groups['id']}?lang=en")).text
    assert "Order decided by the organizer:" in page and "Drawing of lots on stage" in page
    # once the next stage has started, its seeding can no longer change underneath it
    r = await client.post(f"/api/stages/{groups['id']}/tiebreakers", json={
        "teams": [d, b]}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "next_stage_started"


async def test_tiebreaker_matches_are_only_between_tied_teams(client):
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    groups = await make_stage(client, event, name="Group", format="round_robin",
                              settings={"advance": 1, "tiebreakers": ["points"]})
    for winner, loser in ((a, b), (c, d), (a, c), (b, d), (d, a), (b, c)):
        await play(client, groups["id"], winner, loser)
    rows = {r["team_id"]: r for r in (await stage(client, groups["id"]))["standings"]}
    assert rows[a]["rank"] == rows[b]["rank"] == 1 and rows[a]["status"] == "active"
    for body, code in (({"teams": [a, c]}, "not_tied"), ({"teams": [a, a]}, "duplicate_team"),
                       ({"teams": [a]}, "invalid_input"), ({"teams": [a, b], "best_of": 0},
                                                            "invalid_input")):
        r = await client.post(f"/api/stages/{groups['id']}/tiebreakers", json=body,
                              headers=AUTH)
        assert r.status_code == 422 and r.json()["error"]["code"] == code, (body, r.text)
    r = await client.post(f"/api/stages/{groups['id']}/tiebreakers", json={
        "teams": [b, a], "best_of": 3}, headers=AUTH)
    assert r.status_code == 201, r.text
    tb = r.json()
    assert (tb["teams"], tb["best_of"], tb["bracket"], tb["group"]) == ([b, a], 3, "tiebreaker",
                                                                        1)
    r = await report(client, tb["id"], [2, 1])
    assert r.status_code == 200, r.text
    view = await stage(client, groups["id"])
    rows = {r["team_id"]: r for r in view["standings"]}
    # the tiebreaker orders the tied pair and counts nowhere else
    assert (rows[b]["rank"], rows[b]["status"], rows[a]["rank"], rows[a]["status"]) == (
        1, "advanced", 2, "eliminated")
    assert (rows[b]["wins"], rows[a]["wins"]) == (2, 2) and rows[b]["games_won"] == 2
    page = (await client.get(f"/stages/{groups['id']}?lang=ja")).text
    assert "順位決定戦" in page


async def test_a_stage_that_could_never_be_filled_is_refused_or_held(client):
    event = await make_event(client, 4)
    league = await make_stage(client, event, name="League", format="round_robin")
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "Final", "format": "single_elimination",
        "seeding": {"from_stage": league["id"], "qualifiers": 1}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "too_few_qualifiers"
    assert r.json()["error"]["field"] == "seeding.qualifiers"
    # two qualifiers cannot play a double elimination without a grand final (it needs three):
    # the league's last result is still saved; the waiting stage says why it cannot start
    waiting = await make_stage(client, event, name="Final", format="double_elimination",
                               settings={"grand_final": "none"},
                               seeding={"from_stage": league["id"], "qualifiers": 2})
    matches = sorted(league["matches"], key=lambda m: m["number"])
    for m in matches:
        r = await report(client, m["id"], [1, 0])
        assert r.status_code == 200, r.text
    held = await stage(client, waiting["id"])
    assert held["status"] == "pending"
    assert held["hold"]["code"] == "too_few_teams"
    assert (await stage(client, league["id"]))["status"] == "completed"


async def test_a_correction_reopens_the_source_and_the_hold_goes_back_to_waiting(client):
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    groups = await make_stage(client, event, name="Group", format="round_robin",
                              settings={"advance": 2, "tiebreakers": ["points", "head_to_head"]})
    final = await make_stage(client, event, name="Final", seeding={
        "from_stage": groups["id"], "qualifiers": 2})
    for winner, loser in ((a, b), (a, c), (a, d), (b, c), (c, d), (d, b)):
        await play(client, groups["id"], winner, loser)
    assert (await stage(client, final["id"]))["hold"]["code"] == "unresolved_tie"
    view = await stage(client, groups["id"])
    m = next(x for x in view["matches"] if set(x["teams"]) == {a, b})
    r = await client.patch(f"/api/matches/{m['id']}", json={"status": "ready"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert (await stage(client, groups["id"]))["status"] == "running"
    assert (await stage(client, final["id"]))["hold"]["code"] == "waiting_for_stage"
    # b now beats a: b 6 pts, a 6 pts with b ahead on head to head, c and d 3: clean
    r = await report(client, m["id"], [0, 1] if m["teams"][0] == a else [1, 0])
    assert r.status_code == 200, r.text
    started = await stage(client, final["id"])
    assert started["status"] == "running" and started["seeding"] == [b, a]


async def test_stage_names_in_every_language_and_formats_as_words(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, name="Playoffs", names={
        "ko": "플레이오프", "ja": "プレーオフ"}, settings={"third_place_match": True})
    assert st["names"] == {"ko": "플레이오프", "ja": "プレーオフ"}
    m = by_number(st)
    for lang, stage_name, fmt in (("ko", "플레이오프", "싱글 엘리미네이션"),
                                  ("ja", "プレーオフ", "シングルエリミネーション"),
                                  ("en", "Playoffs", "Single elimination")):
        for path in (f"/stages/{st['id']}", f"/tournaments/{event['slug']}/events/lol",
                     f"/matches/{m[1]['id']}"):
            text = (await client.get(f"{path}?lang={lang}")).text
            assert stage_name in text, (lang, path)
        text = (await client.get(f"/stages/{st['id']}?lang={lang}")).text
        assert fmt in text
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "X", "names": {"fr": "X"}, "format": "swiss"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == "names"
