"""The organizer's console, a stage's page: a tie broken by the organizer, tiebreakers
changed while results stand, and what a fresh or waiting stage offers."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import by_number, make_event, report, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_tie_is_broken_from_the_stage_page(client, app):
    """A three-way tie (each beat one, lost to one, 1-0 every time): the page shows it once
    every match is played (not mid-stage, when the rounds left may split it); a tiebreaker
    match is added from it, then an order recorded with its reason."""
    from tests.helpers import make_stage, report

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 3)
        a, b, c = event["teams"]
        st = await make_stage(client, event, name="League", format="round_robin")
        winners = {frozenset((a, b)): a, frozenset((b, c)): b, frozenset((a, c)): c}
        path = f"/admin/stages/{st['id']}"
        for m in by_number(st).values():
            won = winners[frozenset(m["teams"])]
            r = await report(client, m["id"], [1, 0] if m["teams"][0] == won else [0, 1])
            assert r.status_code == 200, r.text
        page = await con.get(path, "ko")
        assert len(soup(page.text).select("[data-tiebreaker-form]")) == 1
        assert "동률" in visible_text(page.text)
        r = await con.post(path, f"{path}/ties", {"teams": [str(a), str(b)],
                                                  "best_of": "3"})
        assert r.status_code == 303, error_of(r.text)
        stage = (await client.get(f"/api/stages/{st['id']}")).json()
        tiebreak = [m for m in stage["matches"] if m["bracket"] == "tiebreaker"]
        assert len(tiebreak) == 1 and set(tiebreak[0]["teams"]) == {a, b}
        assert tiebreak[0]["best_of"] == 3
        r = await con.post(path, f"{path}/ties", {"how": "order", "order": f"{c},{a},{b}",
                                                  "reason": ""}, lang="ja")
        assert r.status_code == 422 and "理由" in error_of(r.text)  # a reason is needed
        # while the tiebreaker is to be played, no order: its result is the stronger word
        r = await con.post(path, f"{path}/ties", {"how": "order", "order": f"{c},{a},{b}",
                                                  "reason": "Coin toss by the referee"},
                           lang="ko")
        assert r.status_code == 409, r.text
        assert f"순위 결정전(M{tiebreak[0]['number']})" in error_of(r.text)
        side_a = 0 if tiebreak[0]["teams"][0] == a else 1
        r = await report(client, tiebreak[0]["id"], [2, 0] if side_a == 0 else [0, 2])
        assert r.status_code == 200, r.text
        stage = (await client.get(f"/api/stages/{st['id']}")).json()
        assert [row["team_id"] for row in stage["standings"]] == [a, c, b]  # the match's word
        # the same tie in another league, broken by a recorded order instead
        st = await make_stage(client, event, name="League 2", format="round_robin")
        path = f"/admin/stages/{st['id']}"
        for m in by_number(st).values():
            won = winners[frozenset(m["teams"])]
            r = await report(client, m["id"], [1, 0] if m["teams"][0] == won else [0, 1])
            assert r.status_code == 200, r.text
        # an order typed with only two of the three tied teams: said in words, not a code
        r = await con.post(path, f"{path}/ties", {"how": "order", "order": f"{c},{a}",
                                                  "reason": "Coin toss by the referee"},
                           lang="ja")
        assert r.status_code == 422 and "同順位のチームだけ" in error_of(r.text), r.text
        r = await con.post(path, f"{path}/ties", {"how": "order", "order": f"{c},{a},{b}",
                                                  "reason": "Coin toss by the referee"})
        assert r.status_code == 303, error_of(r.text)
        stage = (await client.get(f"/api/stages/{st['id']}")).json()
        assert [row["team_id"] for row in stage["standings"]] == [c, a, b]
        assert stage["ties"][0]["reason"] == "Coin toss by the referee"
    finally:
        await ctx.__aexit__(None, None, None)


async def test_new_tiebreakers_are_saved_from_the_stage_page_keeping_the_results(client, app):
    """The settings form as the page fills it (every field sent, the seeding method too):
    a change of tiebreakers alone saves at once on a running stage and keeps its results;
    a change of best of still asks first, in the page's language."""
    from tests.helpers import make_stage, report

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 3)
        st = await make_stage(client, event, name="League", format="round_robin")
        first = by_number(st)[1]
        assert (await report(client, first["id"], [1, 0])).status_code == 200
        path = f"/admin/stages/{st['id']}"
        form = soup((await con.get(path, "ko")).text).select_one(
            "form:has([name=s_tiebreakers])")
        sent = form_values(form)
        # picked in order from the words, one box per place, two left free
        boxes = form.select("[data-order=s_tiebreakers] label:not([data-spare]) select")
        assert [(b.select_one("option[selected]") or b.select_one("option")).get_text(
            strip=True) for b in boxes] == ["승점", "승자승", "세트 득실", "세트 승수", "—", "—"]
        # (the spare boxes, hidden until the page's script shows them, are sent empty)
        assert sent["s_tiebreakers"] == [
            "points", "head_to_head", "game_difference", "games_won"] + [""] * 10
        # a key that does not exist, or one given twice, is named in the refusal
        r = await con.post(path, path, sent | {"s_tiebreakers": "points, goals"}, "ko")
        assert r.status_code == 422 and error_of(r.text).endswith(
            "선택지에 없는 값: goals."), error_of(r.text)
        r = await con.post(path, path, sent | {"s_tiebreakers": "points, games_won, points"},
                           "ja")
        assert r.status_code == 422 and error_of(r.text).endswith(
            "2回入力された値：points。"), error_of(r.text)
        # as the boxes send it: in order, the empty ones skipped
        r = await con.post(path, path, sent | {
            "s_tiebreakers": ["points", "", "games_won", "head_to_head", "", ""]}, "ko")
        assert r.status_code == 303, error_of(r.text)
        stage = (await client.get(f"/api/stages/{st['id']}")).json()
        assert stage["settings"]["tiebreakers"] == ["points", "games_won", "head_to_head"]
        boxes = soup((await con.get(path, "ja")).text).select(
            "[data-order=s_tiebreakers] label:not([data-spare]) select")
        assert [(b.select_one("option[selected]") or b.select_one("option")).get_text(
            strip=True) for b in boxes] == ["勝ち点", "ゲーム勝利数", "直接対決", "—", "—"]
        # the points: a box each for a win, a draw and a loss, not "win=3, draw=1, loss=0"
        page = soup((await con.get(path, "ko")).text)
        assert [(lab.get_text(strip=True), lab.input["value"]) for lab in page.select(
            "[data-outcomes=s_points] label")] == [("승리", "3"), ("무승부", "1"), ("패배", "0")]
        sent = form_values(page.select_one("form:has([name=s_tiebreakers])"))
        assert sent["s_points.win"] == "3" and "s_points" not in sent
        r = await con.post(path, path, sent | {"s_points.win": "three"}, "ko")
        assert r.status_code == 422 and error_of(r.text).startswith(
            "이 설정은 불가능합니다: 승리·무승부·패배의 승점"), error_of(r.text)
        r = await con.post(path, path, sent | {"s_points.win": "2", "s_points.loss": "-1"}, "ko")
        assert r.status_code == 303, error_of(r.text)
        stage = (await client.get(f"/api/stages/{st['id']}")).json()
        assert stage["settings"]["points"] == {"win": 2, "draw": 1, "loss": -1}
        # a Japanese keyboard in full-width mode types "３" and "－１"; a script types text
        r = await con.post(path, path, sent | {"s_points.win": "３", "s_points.loss": "－１"},
                           "ja")
        assert r.status_code == 303, error_of(r.text)
        sent.pop("s_points.win"), sent.pop("s_points.draw"), sent.pop("s_points.loss")
        r = await con.post(path, path, sent | {"s_points": "win=3, draw=0, loss=-1"}, "ja")
        assert r.status_code == 303, error_of(r.text)
        stage = (await client.get(f"/api/stages/{st['id']}")).json()
        assert stage["settings"]["points"] == {"win": 3, "draw": 0, "loss": -1}
        assert stage["settings"]["tiebreakers"] == ["points", "games_won", "head_to_head"]
        assert by_number(stage)[1]["status"] == "completed"
        r = await con.post(path, path, sent | {"s_best_of": "3"}, "ko")
        assert r.status_code == 409 and "M1" in error_of(r.text)
        assert by_number((await client.get(f"/api/stages/{st['id']}")).json())[1][
            "status"] == "completed"
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_fresh_stage_offers_no_tie_and_a_waiting_one_no_schedule(client, app):
    """Before any result everyone is level at nothing: no tie to break is offered. A stage
    waiting for its source has no matches: it says so instead of a schedule form with no
    round. The tiebreaker hint lists only the keys this format takes."""
    from tests.helpers import make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 4)
        league = await make_stage(client, event, name="League", format="round_robin")
        final = await make_stage(client, event, name="Final",
                                 seeding={"from_stage": league["id"], "qualifiers": 2})
        page = soup((await con.get(f"/admin/stages/{league['id']}", "ja")).text)
        # a stage being played shows its matches first, the seeding it started from below
        order = [el.get("id") or "matches" for el in page.select(
            "#stage-seeding, [data-stage-matches], #stage-schedule, #stage-settings")]
        assert order == ["matches", "stage-schedule", "stage-seeding", "stage-settings"], order
        assert page.select("[data-tiebreaker-form]") == []
        assert page.select_one("[data-schedule-form]") is not None
        # round 1 played: two teams level at 1–0, two at 0–1, with two rounds to play: no
        # tie to break yet (the panel was offered here, pushing the matches down)
        for m in league["matches"]:
            if m["round"] == 1:
                assert (await report(client, m["id"], [1, 0])).status_code == 200
        rows = (await client.get(f"/api/stages/{league['id']}")).json()["standings"]
        assert sum(1 for r in rows if r["tied"]) >= 2  # level indeed
        page = soup((await con.get(f"/admin/stages/{league['id']}", "ko")).text)
        assert page.select("[data-tiebreaker-form]") == [] and page.select("#stage-ties") == []
        # the tiebreaker boxes offer a league's tiebreakers, not a battle royale's
        offered = {o["value"] for o in page.select("[data-order=s_tiebreakers] option")}
        assert "game_difference" in offered and "head_to_head" in offered
        assert "kills" not in offered and "placement_points" not in offered
        page = soup((await con.get(f"/admin/stages/{final['id']}", "ja")).text)
        # one link is the stage's public page, the menu's the tournament's: not two 公開ページ
        links = [a.get_text(strip=True) for a in page.select("main a")]
        assert links.count("公開ページ") == 1 and "大会の公開ページ" in links, links
        assert page.select_one("[data-schedule-form]") is None
        assert "まだ日程を組む試合がありません" in page.select_one("[data-no-rounds]").get_text()
        assert page.select_one("[data-stage-matches]") is None  # no empty table under it
        # it names what it waits for: its source stage and how many teams come from it
        assert page.select_one("[data-hold]").get_text(strip=True) == \
            "Leagueの終了待ち：上位2チームがこのステージにシードされます。"
    finally:
        await ctx.__aexit__(None, None, None)
