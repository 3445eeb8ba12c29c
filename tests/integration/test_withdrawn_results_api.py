"""``withdrawn_results`` through the real app (SQLite and PostgreSQL): what a withdrawal
does to a football league's table, and everything that reads the table with it — the
standings, the event's places and the nation table, the stage seeded from it, the live
feed and the stage page. The rulebooks behind each value are quoted in
tests/unit/test_withdrawn_results.py (FIGC NOIF art. 53.3 and the AFC Champions League
regulations annul; the Belgian darts federation's P1 annuls only in the first half; ESL
and LCK keep the played results and forfeit the rest).

The league (four teams, one of each nation, goals as the game score, two go through):
team 4 beats team 1 3-0 and withdraws (its two other matches are forfeited); then 1 beats
2 2-0, 3 beats 1 1-0, 2 beats 3 1-0. Kept: 3 and 2 have their walkovers (6 points) and
go through ahead of 1; annulled: all three are on 3 points and 1 (+1) and 3 (0) go
through on goal difference."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup, stage
from tournament.web.settings_form import WITHDRAWN_RESULTS_HINT

from .test_feed_standings import events_after, last

pytestmark = pytest.mark.asyncio(loop_scope="session")
NATIONS = ("KR", "JP", "CN", "TW")
FOOTBALL = {"game_score": "goals", "advance": 2}


async def goals(client: httpx.AsyncClient, stage_id: int, a: int, b: int,
                score: tuple[int, int], match: dict[str, Any] | None = None
                ) -> dict[str, Any]:
    """The open match of ``a`` and ``b`` played, ``a`` scoring ``score[0]`` goals; or
    ``match``, a forfeit, given that result in its place (an admin's ruling)."""
    match = match or next(m for m in (await stage(client, stage_id))["matches"]
                          if set(m["teams"]) == {a, b} and m["status"] in ("ready", "live"))
    game = list(score) if match["teams"][0] == a else list(score[::-1])
    r = await client.patch(f"/api/matches/{match['id']}", json={
        "games": [game], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def league(client: httpx.AsyncClient, rule: str, *, final: bool = False,
                 reason: str | None = None
                 ) -> tuple[dict[str, Any], list[int], dict[str, Any], dict[str, Any] | None]:
    """``reason``: why team 4 leaves ("disqualified"; by default the withdrawal's own)."""
    event = await make_event(client, 4, nations=NATIONS)
    t = event["teams"]
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={**FOOTBALL, "withdrawn_results": rule})
    nxt = await make_stage(client, event, name="Final", seeding={
        "from_stage": st["id"], "qualifiers": 2}) if final else None
    await goals(client, st["id"], t[3], t[0], (3, 0))
    r = await client.post(f"/api/teams/{t[3]}/withdraw",
                          json={"reason": reason} if reason else {}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert len(r.json()["forfeited_matches"]) == 2
    await goals(client, st["id"], t[0], t[1], (2, 0))
    await goals(client, st["id"], t[2], t[0], (1, 0))
    await goals(client, st["id"], t[1], t[2], (1, 0))
    return event, t, st, nxt


def table(view: dict[str, Any], t: list[int]) -> list[tuple[int, int, int, int, str, bool]]:
    """(team number, rank, points, goal difference, status, annulled) down the table."""
    return [(t.index(r["team_id"]) + 1, r["rank"], r["points"], r["goal_difference"],
             r["status"], r.get("annulled", False)) for r in view["standings"]]


ANNULLED = [(1, 1, 3, 1, "advanced", False), (3, 2, 3, 0, "advanced", False),
            (2, 3, 3, -1, "eliminated", False), (4, 4, 0, 0, "eliminated", True)]
KEPT = [(3, 1, 6, 0, "advanced", False), (2, 2, 6, -1, "advanced", False),
        (1, 3, 3, -2, "eliminated", False), (4, 4, 3, 3, "eliminated", False)]


async def test_annul_leaves_the_team_out_of_the_table_the_final_and_the_page(client, db_url):
    event, t, st, final = await league(client, "annul", final=True)
    view = await stage(client, st["id"])
    assert view["status"] == "completed"
    assert view["settings"]["withdrawn_results"] == "annul"
    assert table(view, t) == ANNULLED
    assert final is not None
    assert (await stage(client, final["id"]))["seeding"] == [t[0], t[2]]  # 1 v 3, not 3 v 2
    # the live feed's last word on the league is the table GET shows
    sent = [d for kind, d in await events_after(db_url, event["slug"], 0)
            if kind == "stage.updated" and d["id"] == st["id"]]
    assert sent[-1]["standings"] == view["standings"]
    # the page: the same order and points, and the struck-out team says why it is empty
    for lang, word, note in (("ko", "출전 포기", "결과 무효"), ("ja", "出場辞退", "結果は無効"),
                             ("en", "Withdrawn", "results annulled")):
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        rows = page.select("[data-standings] tr[data-team]")
        assert [int(r["data-team"]) for r in rows] == [t[0], t[2], t[1], t[3]]
        assert [r["data-rank"] for r in rows] == ["1", "2", "3", "4"]
        points = [[c.get_text(strip=True) for c in r.select("td.num")] for r in rows]
        # wins, losses, points, goals for, against, difference (no draws in this league)
        assert points == [["1", "1", "3", "2", "1", "+1"], ["1", "1", "3", "1", "1", "0"],
                          ["1", "1", "3", "1", "2", "-1"], ["0", "0", "0", "0", "0", "0"]]
        status = rows[-1].select_one("[data-team-status]")
        assert status.get_text(strip=True) == word + note
        assert status.select_one("[data-annulled]").get_text(strip=True) == note
        assert not rows[0].select("[data-annulled]")


async def test_a_running_league_follows_a_change_of_the_rule_a_correction_and_an_undone_forfeit(
        client, db_url):
    """annul_before_half: team 4 played 1 of 3, so it is struck out; the nation table
    follows (KR's team 1 wins the event). Changed to keep, the table, the places and the
    feed follow at once, no match replanned. Back to annul_before_half, the forfeit of 4 v
    3 replaced by the result it was played with (3 wins 1-0): 4 has played 2 of 3 and its results
    stand; a correction of its played match (1 wins 1-0, not 4 3-0) moves the table."""
    event, t, st, _ = await league(client, "annul_before_half")
    slug = event["slug"]

    async def nations() -> list[str]:
        view = (await client.get(f"/api/tournaments/{slug}")).json()
        return [n["nation"] for n in view["nations"] if n["points"]]

    assert table(await stage(client, st["id"]), t) == ANNULLED
    top = await nations()
    assert top[0] == "KR", top

    seq = await last(client, slug)
    before = {m["id"] for m in (await stage(client, st["id"]))["matches"]}
    r = await client.patch(f"/api/stages/{st['id']}", json={
        "settings": {**FOOTBALL, "withdrawn_results": "keep"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    view = await stage(client, st["id"])
    assert table(view, t) == KEPT
    assert {m["id"] for m in view["matches"]} == before  # nothing planned again
    assert (await nations())[0] == "CN"
    sent = await events_after(db_url, slug, seq)
    assert [d["standings"] for k, d in sent if k == "stage.updated"][-1] == view["standings"]
    assert [d["nations"] for k, d in sent if k == "tournament.updated"][-1][0]["nation"] == "CN"

    r = await client.patch(f"/api/stages/{st['id']}", json={
        "settings": {**FOOTBALL, "withdrawn_results": "annul_before_half"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert table(await stage(client, st["id"]), t) == ANNULLED
    walkover = next(m for m in (await stage(client, st["id"]))["matches"]
                    if set(m["teams"]) == {t[3], t[2]})
    assert walkover["forfeit"]
    # the match was played before the withdrawal was recorded (an organizer's ruling): its
    # result in place of the forfeit, at once (a reopening is refused: a withdrawn team
    # plays no more, test_withdrawn_reopen.py)
    await goals(client, st["id"], t[2], t[3], (1, 0), walkover)
    view = await stage(client, st["id"])
    # kept now: 3 (beat 1 and 4, +1) ahead of 2 (beat 3, walkover from 4, -1), then 1
    assert table(view, t) == [
        (3, 1, 6, 1, "advanced", False), (2, 2, 6, -1, "advanced", False),
        (1, 3, 3, -2, "eliminated", False), (4, 4, 3, 2, "eliminated", False)]

    played = next(m for m in view["matches"] if set(m["teams"]) == {t[3], t[0]})
    r = await client.patch(f"/api/matches/{played['id']}", json={
        "games": [[1, 0] if played["teams"][0] == t[0] else [0, 1]], "status": "completed"},
        headers=AUTH)
    assert r.status_code == 200, r.text
    view = await stage(client, st["id"])
    assert table(view, t) == [
        (1, 1, 6, 2, "advanced", False), (3, 2, 6, 1, "advanced", False),
        (2, 3, 6, -1, "eliminated", False), (4, 4, 0, -2, "eliminated", False)]
    assert (await nations())[0] == "KR"


async def test_bad_values_are_refused_and_change_nothing(client):
    event = await make_event(client, 4)
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "League", "format": "round_robin", "seeding": event["teams"],
        "settings": {"withdrawn_results": "void"}}, headers=AUTH)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == ("invalid_settings", "settings.withdrawn_results")
    assert error["params"]["choices"] == ["keep", "annul", "annul_before_half"]
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "Swiss", "format": "swiss", "seeding": event["teams"],
        "settings": {"withdrawn_results": "annul"}}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["field"] == "settings.withdrawn_results"
    st = await make_stage(client, event, name="League", format="round_robin")
    assert st["settings"]["withdrawn_results"] == "keep"
    r = await client.patch(f"/api/stages/{st['id']}", json={
        "settings": {"withdrawn_results": "sometimes"}}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert (await stage(client, st["id"]))["settings"]["withdrawn_results"] == "keep"


async def test_the_console_stage_form_sets_it(client, app):
    """The stage form has the choice in the reader's language, with the hint that says
    which rulebooks rule which way; picking "annulled" on a league with a
    withdrawn team re-ranks it at once (a ranking setting: no confirmation)."""
    _, t, st, _ = await league(client, "keep")
    assert table(await stage(client, st["id"]), t) == KEPT
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{st['id']}"
        for lang, label, words in (
                ("ko", "출전을 포기한 팀의 경기 결과", ["유지 (남은 경기는 기권패)", "무효",
                                       "절반을 치르기 전이면 무효"]),
                ("ja", "出場辞退したチームの試合結果", ["有効（残りは不戦敗）", "無効",
                                            "半分未満の消化なら無効"])):
            page = soup((await con.get(path, lang)).text)
            box = page.select_one("select[name=s_withdrawn_results]")
            assert box is not None
            assert box.parent.get_text(" ", strip=True).startswith(label)
            assert [o.get_text(strip=True) for o in box.select("option")] == words
            assert box.select_one("option[selected]")["value"] == "keep"
            hint = box.find_next_sibling("small").get_text(strip=True)
            assert "FIGC" in hint and "AFC" in hint and hint != WITHDRAWN_RESULTS_HINT
        page = soup((await con.get(path, "en")).text)
        sent = form_values(page.select_one("form:has([name=s_withdrawn_results])"))
        r = await con.post(path, path, sent | {"s_withdrawn_results": "annul"}, "en")
        assert r.status_code == 303, error_of(r.text)
    finally:
        await ctx.__aexit__(None, None, None)
    view = await stage(client, st["id"])
    assert view["settings"]["withdrawn_results"] == "annul"
    assert table(view, t) == ANNULLED
