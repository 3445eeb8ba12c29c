"""A live goal (the score of a game in play) reaches the open stage and match pages, drawn
as a reload draws it; a longer series' game in play is named on the match page."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def drawn(page: Page, selector: str) -> str:
    return str(await page.locator(selector).first.evaluate(
        "el => el.innerText.replace(/\\s+/g, ' ').trim()"))


async def test_a_live_goal_reaches_the_open_pages_as_a_reload_draws_it(
        browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        league = await make_stage(client, event, name="League", format="round_robin",
                                  settings={"allow_draws": True, "game_score": "goals"})
        (match,) = league["matches"]
        pages = {}
        card_of = f".match[data-match=\"{match['id']}\"]"
        for key, path, card in (
                ("stage", f"/stages/{league['id']}?lang=ko", card_of),
                ("match", f"/matches/{match['id']}?lang=ko", "[data-hero-score]")):
            page = await browser.new_page(viewport={"width": 1280, "height": 900})
            await page.goto(live_server.url + path)
            await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
            await page.evaluate("window.__marker = 'same page'")
            pages[key] = (page, path, card)
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "games": [{"score": [1, 0], "live": True}], "status": "live"}, headers=AUTH)
        assert (r.status_code, r.json()["score"], r.json()["game_in_play"]) == (200, [0, 0], True)
        stage_page, _, card = pages["stage"]
        await expect(stage_page.locator(f"{card} [data-score]")).to_have_text(["1", "0"])
        await expect(stage_page.locator(f"{card} [data-badge]")).to_have_text("라이브")
        match_page, _, _ = pages["match"]
        await expect(match_page.locator("[data-score-0]")).to_have_text("1")
        await expect(match_page.locator("[data-score-1]")).to_have_text("0")
        await expect(match_page.locator(".match-hero [data-badge]")).to_have_text("라이브")
        # the next goal replaces the score in play
        await client.patch(f"/api/matches/{match['id']}", json={
            "games": [{"score": [1, 1], "live": True}]}, headers=AUTH)
        await expect(stage_page.locator(f"{card} [data-score]")).to_have_text(["1", "1"])
        await expect(match_page.locator("[data-score-1]")).to_have_text("1")
        await stage_page.wait_for_timeout(2000)  # any refetch of the page's parts lands
        for page, path, selector in pages.values():
            live = await drawn(page, selector)
            hero = await drawn(page, ".match-hero") if "matches" in path else ""
            assert await page.evaluate("window.__marker") == "same page"
            await page.goto(live_server.url + path)
            assert await drawn(page, selector) == live, path
            if hero:
                assert await drawn(page, ".match-hero") == hero
        await match_page.screenshot(path=shots / "game-in-play-bo1-ko.png")
        for page, _, _ in pages.values():
            await page.close()

        # a best-of-3: the series score, and the game in play named in the games list
        series = await make_stage(client, event, name="Final", format="single_elimination",
                                  settings={"best_of": 3})
        final = series["matches"][0]
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        path = f"{live_server.url}/matches/{final['id']}?lang=ja"
        await page.goto(path)
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await client.patch(f"/api/matches/{final['id']}", json={
            "games": [[3, 1], {"score": [1, 0], "live": True}], "status": "live"},
            headers=AUTH)
        await expect(page.locator("[data-in-play] th")).to_have_text("第2ゲーム 進行中")
        await expect(page.locator("[data-in-play] td")).to_have_text(["1", "0"])
        await expect(page.locator("[data-score-0]")).to_have_text("1")
        await expect(page.locator("[data-score-1]")).to_have_text("0")
        live = await drawn(page, ".match-hero")
        await page.screenshot(path=shots / "game-in-play-bo3-ja.png")
        await page.goto(path)
        assert await drawn(page, ".match-hero") == live
        await page.close()
