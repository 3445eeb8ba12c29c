"""A match's venue in the reader's language in a real browser: the match page and the
team page in Japanese say the tournament's Japanese name of the venue, a better name typed
while they are open reaches them as a reload would draw it, and a reload says the same."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")
HALL = "Olympic Hall, Seoul"


async def test_the_venue_is_read_in_the_pages_language(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 2)
        r = await client.patch(f"/api/tournaments/{event['slug']}", json={"venues": [
            {"name": HALL, "names": {"ko": "서울 올림픽홀", "ja": "ソウル・オリンピックホール"}}]})
        assert r.status_code == 200, r.text
        st = await make_stage(client, event)
        match_id = st["matches"][0]["id"]
        r = await client.patch(f"/api/matches/{match_id}", json={
            "scheduled_at": "2026-11-28T19:00:00+09:00", "venue": HALL, "station": "A"})
        assert r.status_code == 200, r.text

        context = await browser.new_context(viewport={"width": 390, "height": 844})
        match = await context.new_page()
        await match.goto(f"{live_server.url}/matches/{match_id}?lang=ja")
        await expect(match.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(match.locator("[data-where]")).to_have_text("ソウル・オリンピックホール · A")
        team = await context.new_page()
        await team.goto(f"{live_server.url}/teams/{event['teams'][0]}")  # the cookie: ja
        await expect(team.locator(".next-match [data-where]")).to_have_text(
            "ソウル・オリンピックホール · A")
        await team.screenshot(path=str(shots / "venue-team-ja-phone.png"), full_page=True)

        r = await client.patch(f"/api/tournaments/{event['slug']}", json={"venues": [
            {"name": HALL, "names": {"ja": "オリンピックホール（ソウル）"}}]})
        assert r.status_code == 200, r.text
        await expect(match.locator("[data-where]")).to_have_text("オリンピックホール（ソウル） · A")
        await match.reload()
        await expect(match.locator("[data-where]")).to_have_text("オリンピックホール（ソウル） · A")
        await match.screenshot(path=str(shots / "venue-match-ja-phone.png"), full_page=True)
        await context.close()
