"""Issue 11, the organizer's console at /admin: every form through a signed-in admin's
browser session (cookies, CSRF), the same audited use cases as the API; refusals are said
on the form in the page's language and change nothing."""

from __future__ import annotations

import re

import pytest

from tests.accounts_support import PASSWORD, browser_for, make_user
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, soup, unique, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")


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
            "game": "League of Legends", "game_ja": "リーグ・オブ・レジェンド"})
        assert r.status_code == 303 and r.headers["location"].startswith(
            f"/admin/t/{slug}/e/lol")
        event_page = f"/admin/t/{slug}/e/lol"
        # the game's title in each language, from the event's settings form too
        r = await con.post(event_page, event_page, {
            "name": "League of Legends", "name_ko": "리그 오브 레전드",
            "game": "League of Legends", "game_ko": "리그 오브 레전드",
            "game_ja": "リーグ・オブ・レジェンド"})
        assert r.status_code == 303, error_of(r.text)
        assert (await client.get(f"/api/tournaments/{slug}/events/lol", headers=AUTH)).json()[
            "game_names"] == {"ko": "리그 오브 레전드", "ja": "リーグ・オブ・レジェンド"}
        form = soup((await con.get(event_page, "ja")).text).select_one("[data-event-settings]")
        assert form.select_one('[name="game_ja"]')["value"] == "リーグ・オブ・レジェンド"
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
                                                              "events": f"{slug}/lol"},
                           lang="ja")
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
