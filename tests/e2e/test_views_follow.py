"""Every view that shows a match follows the feed, in Korean and Japanese: a team's page
(its next match and results), the home page's live and next matches, a match page's games;
times switch to the reader's zone."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_team_page_follows_its_matches(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 3})
        semi, final = by_number(st)[1], by_number(st)[3]
        team = event["teams"][0]
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"{live_server.url}/teams/{team}?lang=ko")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await page.evaluate("window.__marker = 'no-reload'")
        nxt = page.locator("[data-next-match]")
        await expect(nxt).to_have_attribute("data-next-match", str(semi["id"]))
        await expect(nxt.locator("h2")).to_have_text("다음 경기")
        r = await client.patch(f"/api/matches/{semi['id']}", json={
            "score": [1, 1], "status": "live"}, headers=AUTH)
        assert r.status_code == 200
        await expect(nxt.locator("h2")).to_have_text("지금 진행 중")
        row = page.locator(f'tr[data-match="{semi["id"]}"] [data-result]')
        await expect(row).to_have_text("라이브 1–1")
        r = await client.patch(f"/api/matches/{semi['id']}", json={
            "score": [2, 1], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200
        await expect(row).to_have_text("2–1 승")
        # the final is its next match now, its opponent the other semifinal's winner
        await expect(nxt).to_have_attribute("data-next-match", str(final["id"]))
        other = next(m for m in st["matches"] if m["round"] == 1 and m["id"] != semi["id"])
        await expect(page.locator(f'tr[data-match="{final["id"]}"] [data-opponent]')) \
            .to_have_text(f"M{other['number']} 승자")
        assert await page.evaluate("window.__marker") == "no-reload"
        await page.screenshot(path=shots / "team-ko-phone.png", full_page=True)
        await page.close()


async def test_home_page_live_now_follows_the_feed(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        m1, m2 = by_number(st)[1], by_number(st)[2]
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        await page.goto(f"{live_server.url}/tournaments/{event['slug']}?lang=ja")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        spot = page.locator('[data-follow="spotlight"]')
        await expect(spot.locator(".match")).to_have_count(0)
        r = await client.patch(f"/api/matches/{m1['id']}", json={
            "score": [0, 0], "status": "live"}, headers=AUTH)
        assert r.status_code == 200
        live = spot.locator(f'.match[data-match="{m1["id"]}"]')
        await expect(live).to_have_count(1)
        await expect(spot.locator("h2").first).to_have_text("進行中の試合")
        r = await client.patch(f"/api/matches/{m2['id']}", json={
            "score": [0, 0], "status": "live"}, headers=AUTH)
        await expect(spot.locator(f'.match[data-match="{m2["id"]}"]')).to_have_count(1)
        r = await client.patch(f"/api/matches/{m1['id']}", json={
            "score": [1, 0], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200
        await expect(live).to_have_count(0)  # finished: no longer "live now"
        # the final, its teams not both known, is put on the schedule: it is up next,
        # its empty side named by the semifinal that fills it
        final = by_number(st)[3]
        r = await client.patch(f"/api/matches/{final['id']}", json={
            "scheduled_at": "2026-11-28T21:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(spot.locator(f'.match[data-match="{final["id"]}"] [data-side="1"] '
                                  "[data-name]")).to_have_text("M2の勝者")
        await page.screenshot(path=shots / "home-ja.png", full_page=True)
        await page.close()


async def test_match_page_games_follow_and_times_switch_zone(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event, settings={"best_of": 3, "game_score": "rounds"})
        m = st["matches"][0]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": "2026-11-28T20:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200
        context = await browser.new_context(timezone_id="Asia/Shanghai", locale="ja-JP",
                                            viewport={"width": 390, "height": 844})
        page = await context.new_page()
        await page.goto(f"{live_server.url}/matches/{m['id']}?lang=ja")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        time = page.locator("time[data-time]").first
        await expect(time).to_have_text("11月28日(土) 20:00 KST")
        # the nation badge is a badge, not one of the console's full-width .big buttons
        flag = await page.locator("[data-side='0'] [data-flag]").bounding_box()
        side = await page.locator("[data-side='0']").bounding_box()
        assert flag is not None and side is not None and flag["width"] < side["width"] / 3
        await page.locator("[data-zone-toggle]").click()
        # Beijing is an hour behind Seoul; drawn as the server draws times
        await expect(time).to_have_text("11月28日(土) 19:00 GMT+8")
        await expect(page.locator("[data-zone-toggle]")).to_have_text("時刻：自分のタイムゾーン")
        await expect(page.locator("[data-hero-score]")).to_have_text("vs")  # not played yet
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [{"score": [13, 9], "map": "Ascent"}], "status": "live"}, headers=AUTH)
        assert r.status_code == 200
        games = page.locator("[data-games] tbody tr")
        await expect(games).to_have_count(1)
        await expect(games.first).to_have_text("第1ゲーム Ascent139")  # the map under its game
        await expect(page.locator("[data-score-0]")).to_have_text("1")
        await expect(page.locator("[data-hero-score] [aria-hidden]")).to_have_text(["1", "–", "0"])
        await expect(page.locator("[data-score-said]")).to_have_text("スコア 1 対 0")
        # the redrawn part keeps the reader's zone
        await expect(page.locator("time[data-time]").first).to_have_text(
            "11月28日(土) 19:00 GMT+8")
        await page.screenshot(path=shots / "match-games-ja-phone.png", full_page=True)
        # a forfeit: the big score shows 棄権 (FF) for the side that gave it, live and after
        # a reload
        r = await client.patch(f"/api/matches/{m['id']}", json={"forfeit": 2}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(page.locator("[data-score-1]")).to_have_text("棄権")
        await expect(page.locator("[data-score-0]")).to_have_text("勝")  # W, not a 0
        await page.reload()
        await expect(page.locator("[data-score-1]")).to_have_text("棄権")
        await context.close()


async def test_my_time_zone_in_the_tournaments_zone_keeps_its_abbreviation(browser,
                                                                          live_server):
    """A reader in Seoul who picks "my time zone" at a Seoul tournament sees 20:00 KST, not
    the browser's "GMT+9"."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event)
        m = st["matches"][0]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": "2026-11-28T20:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200
        # elsewhere, in English: the server's shape (no comma after the day), the time in Los
        # Angeles with the browser's name for its zone
        for zone, locale, lang, drawn, mine in (
                ("Asia/Seoul", "ko-KR", "ko", "11월 28일 (토) 20:00 KST",
                 "11월 28일 (토) 20:00 KST"),
                ("America/Los_Angeles", "en-US", "en", "Sat, Nov 28 20:00 KST",
                 "Sat, Nov 28 03:00 PST")):
            context = await browser.new_context(timezone_id=zone, locale=locale)
            page = await context.new_page()
            await page.goto(f"{live_server.url}/matches/{m['id']}?lang={lang}")
            time = page.locator("time[data-time]").first
            await expect(time).to_have_text(drawn)
            await page.locator("[data-zone-toggle]").click()
            await expect(page.locator("[data-zone-toggle]")).to_have_attribute(
                "aria-pressed", "true")
            await expect(time).to_have_text(mine)
            await context.close()


async def test_stage_standings_follow_an_undo_and_a_withdrawn_forfeit(browser, live_server):
    """A result taken back (undone, or a forfeit withdrawn) leaves the standings and the
    cross table without a reload, also for a match decided before the page was opened."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="round_robin")
        first, second = st["matches"][0], st["matches"][1]
        r = await client.patch(f"/api/matches/{first['id']}", json={
            "score": [1, 0], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        winner = first["teams"][0]
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang=ja")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        wins = page.locator(f'[data-standings] tr[data-team="{winner}"] td.num').first
        played = page.locator(f'table.cross a[href^="/matches/{first["id"]}?"]')
        await expect(wins).to_have_text("1")
        await expect(played.first).to_have_text("1–0")
        r = await client.patch(f"/api/matches/{first['id']}", json={"status": "ready"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(wins).to_have_text("0")
        await expect(played.first).to_have_text("·")
        # a match in progress is marked as live, never read as a finished 0–0 draw
        r = await client.patch(f"/api/matches/{first['id']}", json={
            "score": [0, 0], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(played.first).to_have_attribute("title", "ライブ")
        await expect(played.first.locator(".res-dot")).to_be_visible()
        await expect(played.first).to_contain_text("0–0")
        # a forfeit seen live, then withdrawn
        loser = second["teams"][1]
        r = await client.patch(f"/api/matches/{second['id']}", json={"forfeit": 2},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        losses = page.locator(f'[data-standings] tr[data-team="{loser}"] td.num').nth(1)
        await expect(losses).to_have_text("1")
        r = await client.patch(f"/api/matches/{second['id']}", json={"status": "ready"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(losses).to_have_text("0")
        await page.close()


async def test_a_withdrawal_reaches_the_team_heading_and_the_event_team_list(browser,
                                                                            live_server):
    """A review found the 출전 포기 badge beside the team's name (its page's heading, the event's
    team list) only after a reload; the standings and schedule followed already."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        await make_stage(client, event, name="League", format="round_robin")
        team = event["teams"][2]
        context = await browser.new_context(viewport={"width": 390, "height": 844})
        team_page = await context.new_page()
        await team_page.goto(f"{live_server.url}/teams/{team}?lang=ko")
        event_page = await context.new_page()
        await event_page.goto(f"{live_server.url}/tournaments/{event['slug']}/events/lol?lang=ja")
        for page in (team_page, event_page):
            await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        heading = team_page.locator("h1")
        await expect(heading).to_have_text("KR 팀 3")
        r = await client.post(f"/api/teams/{team}/withdraw", json={"reason": "withdrawn"},
                              headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(heading).to_have_text("KR 팀 3 출전 포기")
        # a rename reaches the heading and the window's title too
        r = await client.patch(f"/api/teams/{team}", json={
            "names": {"ko": "광주 불꽃", "ja": "チーム3"}}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(heading).to_have_text("KR 광주 불꽃 출전 포기")
        await expect(team_page).to_have_title("광주 불꽃")
        # a team added to the event joins its list
        r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams", json={
            "name": "Late Entry", "names": {"ja": "追加チーム"}, "nation": "JP"}, headers=AUTH)
        assert r.status_code == 201, r.text
        await expect(event_page.locator(".team-list li")).to_have_count(5)
        await expect(event_page.locator(".team-list li").last).to_have_text("JP 追加チーム")
        row = event_page.locator(f".team-list li:has(a[href^='/teams/{team}?'])")
        await expect(row).to_have_text("KR チーム3 #3 出場辞退")  # a team, not a match (J25)
        for page in (team_page, event_page):  # as a reload draws them
            live = await page.locator("main").inner_text()
            await page.reload()
            assert await page.locator("main").inner_text() == live
        await context.close()
