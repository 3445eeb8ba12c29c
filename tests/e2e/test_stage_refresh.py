"""A Swiss round paired by the server appears on the open page, with the standings."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_new_swiss_round_and_standings_appear_without_reload(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="swiss", settings={
            "pairing": "standard", "rounds": 2, "wins_to_advance": None,
            "losses_to_eliminate": None})
        page = await browser.new_page(viewport={"width": 1280, "height": 900})
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang=ja")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await page.evaluate("window.__marker = 'same page'")
        await expect(page.locator(".match")).to_have_count(2)
        for m in st["matches"]:
            r = await client.patch(f"/api/matches/{m['id']}",
                                   json={"score": [1, 0], "status": "completed"}, headers=AUTH)
            assert r.status_code == 200
        await expect(page.locator(".match")).to_have_count(4)
        await expect(page.locator(".swiss .record").filter(has_text="1–0")).to_have_count(1)
        await expect(page.locator("table.standings tbody tr").first).to_contain_text("1")
        winners = page.locator("table.standings tbody tr td:nth-child(3)")
        await expect(winners.nth(0)).to_have_text("1")
        assert await page.evaluate("window.__marker") == "same page"
        await page.screenshot(path=shots / "swiss-ja.png", full_page=True)
        await page.close()


async def test_a_buchholz_arrives_signed_as_a_difference_is(browser, live_server):
    """A Buchholz is the opponents' wins minus losses: a round-1 loser's is +1, a winner's
    -1. It read "1" beside a goal difference's "+4"; the table the page patches in after a
    result says "+1", on a phone as on a laptop."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="swiss", settings={
            "pairing": "valve", "rounds": 2, "wins_to_advance": None,
            "losses_to_eliminate": None})
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang=ko")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        for m in st["matches"]:
            r = await client.patch(f"/api/matches/{m['id']}",
                                   json={"score": [1, 0], "status": "completed"}, headers=AUTH)
            assert r.status_code == 200
        await expect(page.locator(".match")).to_have_count(4)
        rows = page.locator("table.standings tbody tr")
        for m in st["matches"]:
            winner, loser = m["teams"]
            await expect(rows.locator(f"xpath=self::tr[@data-team='{winner}']")
                         .locator("td.num").last).to_have_text("-1")
            await expect(rows.locator(f"xpath=self::tr[@data-team='{loser}']")
                         .locator("td.num").last).to_have_text("+1")
        await page.close()
