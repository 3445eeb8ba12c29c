"""A team that withdraws from a Swiss stage is out: never paired again, and placed below
every team still in the stage when it withdrew (rule of issue 14; Valve's rulebook has no
withdrawal rule, and a withdrawn team standing 5th of 8 ahead of teams that played on was
the bug)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, soup, stage

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
    # Exact places (seed, rank, wins, losses, status): by record, then Buchholz; the
    # withdrawn seed 1 (1-1) last, below 7 (0-3) that played on to its third loss.
    assert [(t.index(r["team_id"]) + 1, r["rank"], r["wins"], r["losses"], r["status"])
            for r in view["standings"]] == [
        (2, 1, 3, 0, "advanced"), (3, 2, 3, 1, "advanced"), (5, 3, 3, 1, "advanced"),
        (4, 4, 3, 2, "advanced"), (6, 5, 2, 3, "eliminated"), (8, 6, 1, 3, "eliminated"),
        (7, 7, 0, 3, "eliminated"), (1, 8, 1, 1, "eliminated")]
    assert {t.index(r["team_id"]) + 1: r["buchholz"] for r in view["standings"]
            if r["wins"] == 3 and r["losses"] == 1} == {3: 0, 5: -5 + 2}  # 5's bye: its own +2
    # The field is odd from round 3: no pair meets twice, and no team gets a second bye.
    pairs = [frozenset(m["teams"]) for m in view["matches"] if None not in m["teams"]]
    assert len(pairs) == len(set(pairs))
    byes = [m["teams"][0] for m in view["matches"] if m["teams"][1] is None]
    assert [t.index(b) + 1 for b in byes] == [8, 5]


async def test_a_withdrawn_group_team_is_out_last_and_never_qualifies(client):
    """Round robin of 4, top 2 through to a final: the group leader (2–0) withdraws. Its
    remaining match is forfeited, it is placed 4th below every team still in (it stood 1st)
    with the status eliminated, its page says 출전 포기 / 出場辞退, not 생존 (an organizer's
    review), and the final is drawn from the two best teams still in."""
    event = await make_event(client, 4)
    t = event["teams"]
    groups = await make_stage(client, event, name="Group", format="round_robin",
                              settings={"advance": 2})
    final = await make_stage(client, event, name="Final",
                             seeding={"from_stage": groups["id"], "qualifiers": 2})
    await play(client, groups["id"], t[0], t[1])
    await play(client, groups["id"], t[0], t[2])
    await play(client, groups["id"], t[1], t[2])
    r = await client.post(f"/api/teams/{t[0]}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert len(r.json()["forfeited_matches"]) == 1  # its match against t[3]
    rows = (await stage(client, groups["id"]))["standings"]
    assert [(r["team_id"], r["rank"], r["status"]) for r in rows][-1] == (t[0], 4, "eliminated")
    assert {r["team_id"] for r in rows[:3]} == {t[1], t[2], t[3]}
    for lang, word in (("ko", "출전 포기"), ("ja", "出場辞退")):
        page = soup((await client.get(f"/stages/{groups['id']}?lang={lang}")).text)
        cell = page.select_one(f'[data-standings] tr[data-team="{t[0]}"] [data-team-status]')
        assert cell.get_text(strip=True) == word
    await play(client, groups["id"], t[1], t[3])
    await play(client, groups["id"], t[3], t[2])
    view = await stage(client, groups["id"])
    assert view["status"] == "completed"
    placed = [(r["team_id"], r["rank"], r["status"]) for r in view["standings"]]
    # t[1] 2–1 (beat t[2], t[3]; lost to t[0]), t[3] 2–1 (walkover, beat t[2]): level on
    # points, t[1] won their match; t[2] 0–3; t[0] out last whatever its two wins
    assert placed == [(t[1], 1, "advanced"), (t[3], 2, "advanced"), (t[2], 3, "eliminated"),
                      (t[0], 4, "eliminated")], placed
    assert (await stage(client, final["id"]))["seeding"] == [t[1], t[3]]
