"""Issue 11, the organizer's console at /admin: every form through a signed-in admin's
browser session (cookies, CSRF), the same audited use cases as the API; refusals are said
on the form in the page's language and change nothing."""

from __future__ import annotations

import re

import pytest

from tests.accounts_support import PASSWORD, browser_for, form_token, form_values, make_user
from tests.helpers import AUTH, by_number, make_event, report, soup, unique, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")


class Console:
    """A signed-in admin filling in the console's forms."""

    def __init__(self, browser) -> None:
        self.b = browser

    async def get(self, path: str, lang: str = "en"):
        r = await self.b.client.get(path, params={"lang": lang})
        assert r.status_code == 200, (path, r.status_code, r.text[:500])
        return r

    async def post(self, page: str, action: str, data: dict, lang: str = "en",
                   files: dict | None = None):
        token = form_token((await self.get(page, lang)).text)
        return await self.b.client.post(action, params={"lang": lang},
                                        data={"csrf_token": token, **data}, files=files)


def error_of(html: str) -> str:
    found = re.search(r'data-error>([^<]*)<', html)
    assert found, "no error shown on the form"
    return found.group(1).strip()


async def admin_console(client, app):
    admin = await make_user(client, role="admin")
    ctx = browser_for(app)
    browser = await ctx.__aenter__()
    r = await browser.sign_in(admin["name"])
    assert r.status_code == 303 and r.headers["location"] == "/admin"
    return Console(browser), ctx


async def test_a_tournament_is_set_up_in_the_console(client, app):
    con, ctx = await admin_console(client, app)
    try:
        slug = unique()
        r = await con.post("/admin", "/admin/tournaments", {
            "slug": slug, "name": "KJ Cup", "name_ko": "한일 컵", "name_ja": "日韓カップ",
            "timezone": "Asia/Seoul", "starts_on": "2026-12-01", "ends_on": "2026-12-03",
            "nation_points": "10, 6, 5", "nation_scoring": "best"})
        assert r.status_code == 303 and r.headers["location"].startswith(f"/admin/t/{slug}")
        t = (await client.get(f"/api/tournaments/{slug}", headers=AUTH)).json()
        assert (t["name"], t["names"], t["published"]) == ("KJ Cup", {"ko": "한일 컵",
                                                                      "ja": "日韓カップ"}, False)
        assert (await client.get(f"/api/tournaments/{slug}")).status_code == 404  # unpublished
        page = await con.get(f"/admin/t/{slug}", "ko")
        assert "한일 컵" in visible_text(page.text) and soup(page.text).select("[data-publish]")
        r = await con.post(f"/admin/t/{slug}", f"/admin/t/{slug}/events", {
            "slug": "lol", "name": "League of Legends", "name_ko": "리그 오브 레전드",
            "game": "League of Legends"})
        assert r.status_code == 303 and r.headers["location"].startswith(
            f"/admin/t/{slug}/e/lol")
        event_page = f"/admin/t/{slug}/e/lol"
        good = ("name,name_ko,name_ja,nation,seed,players\n"
                "T1,티원,,KR,1,Faker;Oner\nGen.G,젠지,,KR,2,Chovy\n"
                "DetonatioN,,デトネーション,JP,3,Yutapon\nFukuoka,,福岡,JP,4,\n")
        bad = good.replace("JP,3", "JPN,3").replace("Fukuoka,,福岡,JP,4,",
                                                    "ｔ1,,,KR,5,")
        r = await con.post(event_page, f"{event_page}/import", {"csv": bad}, lang="ko")
        assert r.status_code == 422
        lines = dict(re.findall(r'data-csv-line="(\d+)"><td class="num">\d+</td><td>([^<]*)<',
                                r.text))
        assert set(lines) == {"4", "5"}  # the bad nation, the repeated name
        assert "국가" in visible_text(r.text)  # the column, said in Korean
        # "ｔ1" is "T1" by the event's rule (NFKC, case folding): a repeat, said in Korean
        assert "ｔ1: 2번째 줄에도 있습니다" in visible_text(r.text)
        # ... with what it takes (it said only 형식이 올바르지 않습니다)
        assert "국가: KR, JP, CN 같은 두 글자 국가 코드여야 합니다." in visible_text(r.text)
        # the team form picks a nation from a list, named in the page's language (a typed
        # "Japan" was cut to "JA" by the box's two letters and saved)
        form = soup((await con.get(event_page, "ko")).text)
        options = [o.get_text(strip=True) for o in form.select('select[name="nation"] option')]
        assert options[:4] == ["—", "KR · 대한민국", "JP · 일본", "CN · 중국"], options[:5]
        assert len(options) > 200
        assert (await client.get(f"/api/tournaments/{slug}/events/lol",
                                 headers=AUTH)).json()["teams"] == []  # nothing imported
        r = await con.post(event_page, f"{event_page}/import", {},
                           files={"file": ("teams.csv", good.encode(), "text/csv")}, lang="ja")
        assert r.status_code == 303, error_of(r.text)
        after = soup((await con.b.client.get(r.headers["location"])).text)
        assert after.select_one("[data-ok]").get_text(strip=True) == \
            "インポート完了：4チームを追加しました。"  # it said only "saved"
        teams = (await client.get(f"/api/tournaments/{slug}/events/lol",
                                  headers=AUTH)).json()["teams"]
        assert [x["name"] for x in teams] == ["T1", "Gen.G", "DetonatioN", "Fukuoka"]
        r = await con.post(event_page, f"{event_page}/teams", {"name": "t1"}, lang="ko")
        assert r.status_code == 409  # said on the form, in Korean, naming the team it meets
        assert error_of(r.text) == "이 종목에 이미 T1 팀이 있습니다."
        assert teams[0]["players"][0]["handle"] == "Faker"
        t1, geng, dfm, fuk = (x["id"] for x in teams)
        r = await con.post(event_page, f"{event_page}/stages", {
            "name": "Playoffs", "name_ko": "플레이오프", "format": "single_elimination",
            "s_single_elimination_best_of": "3",
            "s_single_elimination_third_place_match": "on",
            "teams": [str(t1), str(geng), str(dfm), str(fuk)], "start": "draft"})
        assert r.status_code == 303, error_of(r.text)
        stage_id = int(r.headers["location"].split("/")[3].split("?")[0])
        stage = (await client.get(f"/api/stages/{stage_id}", headers=AUTH)).json()
        assert stage["status"] == "draft" and stage["settings"]["best_of"] == 3
        assert stage["settings"]["third_place_match"] is True
        assert (await client.get(f"/api/stages/{stage_id}")).status_code == 404
        stage_page = f"/admin/stages/{stage_id}"
        r = await con.post(stage_page, stage_page, {
            "part": "seeding", "seeding": f"{t1},{dfm},{geng},{fuk}"})
        assert r.status_code == 303, error_of(r.text)
        stage = (await client.get(f"/api/stages/{stage_id}", headers=AUTH)).json()
        assert stage["seeding"] == [t1, dfm, geng, fuk]
        assert "left=" not in r.headers["location"]
        # a team left out of the typed order leaves the stage, and the page says which
        r = await con.post(stage_page, stage_page, {
            "part": "seeding", "seeding": f"{t1},{dfm},{geng}"}, lang="ko")
        assert r.status_code == 303, error_of(r.text)
        after = soup((await con.b.client.get(r.headers["location"])).text)
        assert after.select_one("[data-left-out]").get_text(strip=True) == \
            "이 스테이지에서 빠졌습니다: Fukuoka. 되돌리려면 ‘팀 추가’에서 선택하세요."
        r = await con.post(stage_page, stage_page, {
            "part": "seeding", "seeding": f"{t1},{dfm},{geng}", "add": str(fuk)})
        assert r.status_code == 303, error_of(r.text)
        after = soup((await con.b.client.get(r.headers["location"])).text)
        assert after.select_one("[data-left-out]") is None
        stage = (await client.get(f"/api/stages/{stage_id}", headers=AUTH)).json()
        assert stage["seeding"] == [t1, dfm, geng, fuk]
        r = await con.post(stage_page, f"{stage_page}/start", {})
        assert r.status_code == 303
        r = await con.post(f"/admin/t/{slug}", f"/admin/t/{slug}/publish", {"published": "1"})
        assert r.status_code == 303
        public = await client.get(f"/api/stages/{stage_id}")
        assert public.status_code == 200 and public.json()["status"] == "running"
        r = await con.post(stage_page, f"{stage_page}/schedule", {
            "round": "winners:1", "starts_at": "2026-12-01T18:00", "interval_minutes": "0",
            "venue": "Hall A", "stations": "1, 2"})
        assert r.status_code == 303, error_of(r.text)
        first = sorted(public.json()["matches"], key=lambda m: m["number"])[0]
        m = (await client.get(f"/api/matches/{first['id']}")).json()
        assert m["scheduled_at"] == "2026-12-01T18:00:00+09:00" and m["station"] == "1"
        actions = [e["action"] for e in (await client.get(
            f"/api/tournaments/{slug}/audit?limit=50", headers=AUTH)).json()["items"]]
        assert {"tournament.create", "event.create", "team.import", "stage.create",
                "stage.update", "stage.start", "tournament.update",
                "match.schedule"} <= set(actions)
    finally:
        await ctx.__aexit__(None, None, None)


async def test_refusals_are_said_on_the_form_in_the_language_and_change_nothing(client, app):
    con, ctx = await admin_console(client, app)
    try:
        slug = unique()
        r = await con.post("/admin", "/admin/tournaments", {"slug": "Bad Slug!", "name": "X"},
                           lang="ja")
        assert r.status_code == 422
        assert "アドレス" in error_of(r.text)  # the field, named in Japanese
        assert 'value="Bad Slug!"' in r.text  # what was typed is kept
        assert (await client.get(f"/api/tournaments/{slug}", headers=AUTH)).status_code == 404
        r = await con.post("/admin", "/admin/tournaments", {"slug": slug, "name": "X",
                                                            "published": "on"})
        assert r.status_code == 303
        again = await con.post("/admin", "/admin/tournaments", {"slug": slug, "name": "Y"},
                               lang="ko")
        assert again.status_code == 409 and "주소" in error_of(again.text)
        r = await con.post(f"/admin/t/{slug}", f"/admin/t/{slug}", {
            "name": "X", "timezone": "Mars/Olympus", "nation_points": "10, 6, 5"}, lang="ko")
        assert r.status_code == 422  # it says what a time zone looks like (it said 올바르지 않음)
        assert error_of(r.text) == \
            "시간대: Asia/Seoul, Asia/Tokyo, Asia/Shanghai 같은 시간대여야 합니다."
        r = await con.post(f"/admin/t/{slug}", f"/admin/t/{slug}", {
            "name": "X", "timezone": "Asia/Seoul", "starts_on": "2026/11/28"}, lang="ja")
        assert r.status_code == 422
        assert error_of(r.text) == "初日：2026-12-01のような日付で入力してください。"
        assert (await client.get(f"/api/tournaments/{slug}")).json()["timezone"] == \
            "Asia/Seoul"
        await con.post(f"/admin/t/{slug}", f"/admin/t/{slug}/events", {
            "slug": "ef", "name": "eFootball"})
        await client.post(f"/api/tournaments/{slug}/events/ef/teams",
                          json={"name": "Korea"}, headers=AUTH)
        r = await con.post(f"/admin/t/{slug}/e/ef", f"/admin/t/{slug}/e/ef/stages", {
            "name": "Groups", "format": "round_robin", "s_round_robin_groups": "9",
            "start": "draft"}, lang="ko")
        assert r.status_code == 422 and error_of(r.text)
        assert (await client.get(f"/api/tournaments/{slug}/events/ef",
                                 headers=AUTH)).json()["stages"] == []
        r = await con.post(f"/admin/t/{slug}", f"/admin/t/{slug}/delete", {}, lang="ja")
        assert r.status_code == 409 and "種目" in error_of(r.text)
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_console_is_for_signed_in_admins_only(client, app):
    r = await client.get("/admin")
    assert r.status_code == 303 and r.headers["location"].startswith("/login")
    referee = await make_user(client)
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        assert (await b.client.get("/admin/t/anything")).status_code == 403
        r = await b.client.post("/admin/tournaments", data={"csrf_token": b.csrf,
                                                             "slug": unique(), "name": "X"})
        assert r.status_code == 403
    async with browser_for(app) as b:  # an admin, but a forged form (no CSRF token)
        admin = await make_user(client, role="admin")
        await b.sign_in(admin["name"])
        slug = unique()
        r = await b.client.post("/admin/tournaments", data={"slug": slug, "name": "X"})
        assert r.status_code == 403
        assert (await client.get(f"/api/tournaments/{slug}", headers=AUTH)).status_code == 404


async def test_a_tie_is_broken_from_the_stage_page(client, app):
    """A three-way tie (each beat one, lost to one, 1-0 every time): the page shows it once
    every match is played (not mid-stage, when the rounds left may split it); a tiebreaker
    match is added from it, then an order recorded with its reason."""
    from tests.helpers import make_event, make_stage, report

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
    from tests.helpers import make_event, make_stage, report

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
        boxes = form.select("[data-order=s_tiebreakers] select")
        assert [(b.select_one("option[selected]") or b.select_one("option")).get_text(
            strip=True) for b in boxes] == ["승점", "승자승", "세트 득실", "세트 승수", "—", "—"]
        assert sent["s_tiebreakers"] == [
            "points", "head_to_head", "game_difference", "games_won", "", ""]
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
            "[data-order=s_tiebreakers] select")
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
    from tests.helpers import make_event, make_stage

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


async def test_referees_are_set_up_before_the_tournament_is_published(client, app):
    """An organizer assigns referees while the tournament is still unpublished (it said
    見つかりません); their pages name it, not by its address (organizer review)."""
    event = await make_event(client, 2)
    slug = event["slug"]
    r = await client.patch(f"/api/tournaments/{slug}", json={"published": False}, headers=AUTH)
    assert r.status_code == 200 and r.json()["published"] is False
    con, ctx = await admin_console(client, app)
    try:
        name = unique("ref")
        r = await con.post("/admin/users", "/admin/users", {
            "name": name, "role": "referee", "password": PASSWORD,
            "tournaments": slug}, lang="ja")
        assert r.status_code == 303, error_of(r.text)
        user_page = r.headers["location"].split("?")[0]
        users = (await client.get("/api/users", headers=AUTH)).json()
        (made,) = [u for u in users["items"] if u["name"] == name]
        assert made["tournaments"] == [slug]
        r = await con.post(user_page, f"{user_page}/unassign", {"tournament": slug})
        assert r.status_code == 303, error_of(r.text)
        r = await con.post(user_page, f"{user_page}/assign", {"tournament": slug,
                                                              "events": "lol"}, lang="ja")
        assert r.status_code == 303, error_of(r.text)
        page = soup((await con.get(user_page, "ko")).text)
        assert page.select_one("ul.plain li").get_text(" ", strip=True).startswith(
            "컵 (League of Legends)")
    finally:
        await ctx.__aexit__(None, None, None)
    async with browser_for(app) as referee:
        await referee.sign_in(name)
        account = soup((await referee.client.get("/account", params={"lang": "ja"})).text)
        assert [p.get_text(strip=True) for p in account.select(".pill")] == [
            "審判", "カップ (League of Legends)"]  # the role, then where it referees
