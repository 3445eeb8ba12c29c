"""Open a bracket page, report a score through the API, see it appear without a reload."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, by_number, make_event, make_stage, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_score_appears_live_on_the_bracket(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 8)
        st = await make_stage(client, event, settings={"best_of": 3})
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        url = f"{live_server.url}/tournaments/{event['slug']}/events/lol?lang=ko"
        await page.goto(url)
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await page.evaluate("window.__marker = 'no-reload'")
        first = by_number(st)[1]
        box = page.locator(f'.match[data-match="{first["id"]}"]')
        await expect(box.locator('[data-side="0"] [data-name]')).to_have_text("팀 1")
        semi = page.locator(f'.match[data-match="{by_number(st)[5]["id"]}"]')
        # an empty slot names what fills it (it read "미정", to be decided)
        await expect(semi.locator('[data-side="0"] [data-name]')).to_have_text("M1 승자")
        await expect(semi.locator('[data-side="1"] [data-name]')).to_have_text("M2 승자")
        r = await client.patch(f"/api/matches/{first['id']}",
                               json={"score": [1, 0], "status": "live"}, headers=AUTH)
        assert r.status_code == 200
        await expect(box.locator('[data-side="0"] [data-score]')).to_have_text("1")
        await expect(box.locator("[data-badge]")).to_have_text("라이브")
        r = await client.patch(f"/api/matches/{first['id']}",
                               json={"score": [2, 0], "status": "completed"}, headers=AUTH)
        await expect(box.locator('[data-side="0"]')).to_have_class("side won")
        await expect(semi.locator('[data-side="0"] [data-name]')).to_have_text("팀 1")
        # the result taken back: the slot says again what fills it, live
        r = await client.patch(f"/api/matches/{first['id']}", json={"status": "ready"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(semi.locator('[data-side="0"] [data-name]')).to_have_text("M1 승자")
        assert await page.evaluate("window.__marker") == "no-reload"
        await page.screenshot(path=shots / "bracket-ko-phone.png", full_page=True)
        await page.close()


async def test_pages_render_in_three_languages(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        page = await browser.new_page(viewport={"width": 1280, "height": 800})
        for lang, word in (("ko", "대진표"), ("ja", "トーナメント表"), ("en", "Bracket")):
            await page.goto(f"{live_server.url}/stages/{st['id']}?lang={lang}")
            await expect(page.locator(".section-title").first).to_have_text(word)
            await expect(page.locator("html")).to_have_attribute("lang", lang)
        await page.goto(f"{live_server.url}/matches/{st['matches'][0]['id']}?lang=ja")
        await expect(page.locator(".hero-side .name a").first).to_have_text("チーム1")
        await page.screenshot(path=shots / "match-ja.png", full_page=True)
        await page.close()


async def test_nation_table_updates_when_an_event_finishes(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event)
        page = await browser.new_page()
        await page.goto(f"{live_server.url}/tournaments/{event['slug']}?lang=ja")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        rows = page.locator("[data-nations] tbody tr")
        # Nothing played: both level at 0 (rank 1 each), in code order.
        await expect(rows).to_have_count(2)
        await expect(rows.nth(0)).to_have_attribute("data-nation", "JP")
        await expect(rows.nth(0).locator("td").nth(2)).to_have_text("0")
        await expect(rows.nth(1).locator("td").nth(0)).to_have_text("1")
        # KR (team 1) wins the only match: KR moves above JP, with the winner's points.
        r = await client.patch(f"/api/matches/{st['matches'][0]['id']}",
                               json={"score": [1, 0], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200
        await expect(rows.nth(0)).to_have_attribute("data-nation", "KR")
        await expect(rows.nth(0).locator("td").nth(1)).to_contain_text("韓国")
        await expect(rows.nth(0).locator("td").nth(2)).to_have_text("10")
        await expect(rows.nth(1)).to_have_attribute("data-nation", "JP")
        await expect(rows.nth(1).locator("td").nth(0)).to_have_text("2")
        await page.close()


async def test_head_to_head_and_champions_follow_each_result(browser, live_server):
    """A match between nations moves the head-to-head at once (no stage finished, so no
    tournament.updated: the page follows the match), a correction that reopens it moves it
    back, and the champion appears on the tournament's event cards and the event page when
    the final is decided, all without a reload."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)  # KR, JP, KR, JP
        st = await make_stage(client, event)
        m = by_number(st)
        home = await browser.new_page()
        await home.goto(f"{live_server.url}/tournaments/{event['slug']}?lang=ko")
        await expect(home.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await home.evaluate("window.__marker = 'no-reload'")
        board = await browser.new_page()
        await board.goto(f"{live_server.url}/tournaments/{event['slug']}/events/lol?lang=ja")
        await expect(board.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        pair = home.locator("[data-nation-pairs] tr")
        await expect(pair).to_have_count(1)
        await expect(pair.locator(".pair-score")).to_have_text("0 – 0")

        # M1: team 1 (KR) beats team 4 (JP), who is placed 3rd: JP leads on points (5), so
        # the pair is named JP first
        r = await client.patch(f"/api/matches/{m[1]['id']}",
                               json={"score": [1, 0], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200
        await expect(pair).to_have_attribute("data-pair", "JP-KR")
        await expect(pair.locator(".pair-score")).to_have_text("0 – 1")
        await expect(home.locator('[data-nation="KR"] td').nth(4)).to_have_text("1–0")
        # reopened by a correction: the head-to-head goes back
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={"status": "ready"},
                               headers=AUTH)
        assert r.status_code == 200
        await expect(pair.locator(".pair-score")).to_have_text("0 – 0")
        for number, score in ((1, [1, 0]), (2, [0, 1]), (3, [1, 0])):  # 1 and 3, KR, meet
            played = by_number(await stage(client, st["id"]))[number]
            r = await client.patch(f"/api/matches/{played['id']}",
                                   json={"score": score, "status": "completed"}, headers=AUTH)
            assert r.status_code == 200, r.text
        await expect(pair.locator(".pair-score")).to_have_text("2 – 0")  # two KR-JP semis
        champion = home.locator("[data-follow=events] [data-champion]")
        await expect(champion).to_have_attribute("data-champion", str(event["teams"][0]))
        await expect(champion).to_contain_text("우승: KR 팀 1")
        await expect(board.locator(".champion-banner")).to_contain_text("優勝：KR チーム1")
        assert await home.evaluate("window.__marker") == "no-reload"
        await home.close()
        await board.close()
