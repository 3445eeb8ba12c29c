"""A ranking-only settings change (tiebreakers, points) and a recorded tie order of a
finished stage, once the stage seeded from it has started, follow the rule a correction of
a result follows (``waiting.follow``): saved when that stage would get the very same teams in
the very same seeds, its matches and results kept; refused otherwise (409
``next_stage_started``) with the same ``params.reason``, and nothing changed. Both were
refused whenever the next stage had started, even when its field would not change."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup, stage
from tournament import i18n
from tournament.errors import Conflict
from tournament.web import error_words

from .test_api_replays import play

pytestmark = pytest.mark.asyncio(loop_scope="session")

GD = ["points", "game_difference"]


async def _groups_and_played_final(client: httpx.AsyncClient) -> tuple[dict, dict, dict, list]:
    """Team 1 wins every match of a group of four; Team 2, 3 and 4 beat each other in a
    cycle (2 beats 3 2-1, 3 beats 4 2-0, 4 beats 2 2-0), level on points. On game
    difference Team 3 (-1) is second, Team 4 (-2) third, Team 2 (-3) fourth; on games won
    Team 3 (3) is still second and Team 2 and 4 (2 each) share third. The final takes the
    top two, Team 1 and Team 3, and its match is played."""
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"best_of": 3, "tiebreakers": GD})
    final = await make_stage(client, event, name="Final",
                             seeding={"from_stage": groups["id"], "qualifiers": 2})
    for winner, loser, won in ((a, b, (2, 0)), (a, c, (2, 0)), (a, d, (2, 0)),
                               (b, c, (2, 1)), (c, d, (2, 0)), (d, b, (2, 0))):
        await play(client, groups["id"], winner, loser, won)
    done = await stage(client, groups["id"])
    assert done["status"] == "completed"
    assert [r["team_id"] for r in done["standings"]] == [a, c, d, b]
    started = await stage(client, final["id"])
    assert started["status"] == "running" and started["seeding"] == [a, c]
    m1 = by_number(started)[1]
    assert (await report(client, m1["id"], [m1["best_of"] // 2 + 1, 0])).status_code == 200
    return done, await stage(client, final["id"]), event, [a, b, c, d]


def _kept(final: dict[str, Any], before: dict[str, Any]) -> None:
    assert final["seeding"] == before["seeding"] and final["status"] == before["status"]
    assert [(m["id"], m["score"], m["status"]) for m in final["matches"]] \
        == [(m["id"], m["score"], m["status"]) for m in before["matches"]]


async def _settings(client: httpx.AsyncClient, stage_id: int,
                    tiebreakers: list[str]) -> httpx.Response:
    return await client.patch(f"/api/stages/{stage_id}", json={"settings": {
        "best_of": 3, "tiebreakers": tiebreakers}}, headers=AUTH)


async def test_a_ranking_change_and_a_tie_order_that_keep_the_final_are_saved(client):
    groups, final, _, (a, b, c, d) = await _groups_and_played_final(client)
    # on games won Team 3 is still second: the final's field stands, and so do its results
    r = await _settings(client, groups["id"], ["points", "games_won"])
    assert r.status_code == 200, r.text
    assert r.json()["settings"]["tiebreakers"] == ["points", "games_won"]
    ranks = [(row["team_id"], row["rank"]) for row in r.json()["standings"]]
    assert ranks[:2] == [(a, 1), (c, 2)] and sorted(ranks[2:]) == sorted([(b, 3), (d, 3)])
    _kept(await stage(client, final["id"]), final)
    # the tie for third, below the line, ordered by the organizer: the final is not moved
    r = await client.post(f"/api/stages/{groups['id']}/ties", json={
        "teams": [b, d], "reason": "Coin toss"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert [(row["team_id"], row["rank"]) for row in r.json()["standings"]] \
        == [(a, 1), (c, 2), (b, 3), (d, 4)]
    assert r.json()["ties"][0]["teams"] == [b, d]
    _kept(await stage(client, final["id"]), final)


async def test_a_ranking_change_that_moves_the_final_is_refused_and_changes_nothing(client,
                                                                                  app):
    groups, final, event, _ = await _groups_and_played_final(client)
    # on points alone Team 2, 3 and 4 share second: who meets Team 1 is not decided
    r = await _settings(client, groups["id"], ["points"])
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert (error["code"], error["params"]) == ("next_stage_started", {
        "stage": "Final", "stage_id": final["id"], "results": [1], "reason": "tie",
        "tied": ["Team 2", "Team 3", "Team 4"], "tied_ids": event["teams"][1:4]})
    assert "delete Final on its console page" in error["message"]
    after = await stage(client, groups["id"])
    assert after["settings"]["tiebreakers"] == GD and after["standings"] == groups["standings"]
    _kept(await stage(client, final["id"]), final)
    for lang, words in (("ko", "Team 2, Team 3, Team 4이(가) Final 진출을 가르는 순위에서 동률"),
                        ("ja", "Finalにはすでに結果（M1）"),
                        ("en", "Team 2, Team 3, Team 4 would share a place")):
        said = error_words.say(Conflict(error["code"], "", params=error["params"]),
                               i18n.gettext(lang))
        assert words in said, (lang, said)
    # the console's settings form says the same, in the reader's language
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{groups['id']}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-stage-settings]")
        r = await con.post(path, path, {**form_values(form), "s_tiebreakers": "points"}, "ko")
        assert r.status_code == 409 and error_of(r.text).startswith(
            "이 수정으로 Team 2, Team 3, Team 4이(가) Final 진출을 가르는 순위에서 동률이 "
            "되는데, Final에는 이미 경기 결과(M1)가 있습니다."), error_of(r.text)
    finally:
        await ctx.__aexit__(None, None, None)
    assert (await stage(client, groups["id"]))["settings"]["tiebreakers"] == GD
    _kept(await stage(client, final["id"]), final)


async def test_a_tie_order_that_would_move_the_final_is_refused_and_changes_nothing(client):
    """A tie across the line beside a final already played is a state the service no
    longer reaches by itself (such a tie holds the final, and a change that makes one once
    it has results is refused), but an import takes stages as they are: an export from
    before, or one edited by hand. There the order the final was drawn from is saved, and
    any other is refused."""
    _, _, event, _ = await _groups_and_played_final(client)
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export", headers=AUTH)).json()
    doc["tournament"]["slug"] = event["slug"] + "-tie"
    (rr,) = [s for s in doc["events"][0]["stages"] if s["name"] == "Groups"]
    rr["settings"]["tiebreakers"] = ["points"]  # Team 2, 3 and 4 share second
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    copy = (await client.get(f"/api/tournaments/{event['slug']}-tie/events/lol",
                             headers=AUTH)).json()
    a, b, c, d = [t["id"] for t in copy["teams"]]
    ids = {s["name"]: s["id"] for s in copy["stages"]}
    tied = await stage(client, ids["Groups"])
    played = await stage(client, ids["Final"])
    assert played["seeding"] == [a, c] and by_number(played)[1]["status"] == "completed"
    path = f"/api/stages/{ids['Groups']}/ties"
    r = await client.post(path, json={"teams": [d, c, b], "reason": "Lots"}, headers=AUTH)
    assert r.status_code == 409, r.text
    assert r.json()["error"]["params"] == {
        "stage": "Final", "stage_id": ids["Final"], "results": [1], "reason": "teams",
        "joining": ["Team 4"], "leaving": ["Team 3"], "joining_ids": [d], "leaving_ids": [c]}
    assert (await stage(client, ids["Groups"]))["standings"] == tied["standings"]
    assert (await stage(client, ids["Groups"]))["ties"] == tied["ties"]
    _kept(await stage(client, ids["Final"]), played)
    # the order the final was drawn from: Team 3 second, the final as it is
    r = await client.post(path, json={"teams": [c, d, b], "reason": "Lots"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert [row["team_id"] for row in r.json()["standings"]] == [a, c, d, b]
    _kept(await stage(client, ids["Final"]), played)
