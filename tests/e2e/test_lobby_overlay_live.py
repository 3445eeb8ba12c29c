"""A lobby's scoreboard overlay follows the games reported through the API without a
reload: game N of M, the leader and its total, then finished; the leaderboard overlay's
first-places column fills; a team's name there is the panel's text colour, not a link's."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.conftest import Server
from tests.e2e.test_leaderboard_live import game
from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_lobby_overlay_follows_the_games(browser, sqlite_url, shots):
    server = Server(sqlite_url, port=18131).start()
    try:
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 4)
            t = event["teams"]
            st = await make_stage(client, event, name="Grand final", format="free_for_all",
                                  settings={"games": 2})
            lobby = st["matches"][0]["id"]
            r = await client.patch(f"/api/matches/{lobby}", headers=AUTH,
                                   json=game(1, t, [5, 0, 1, 0]))
            assert r.status_code == 200, r.text
            ov = await browser.new_page(viewport={"width": 1920, "height": 1080})
            await ov.goto(f"{server.url}/overlay/matches/{lobby}?lang=ko")
            board = await browser.new_page(viewport={"width": 1920, "height": 1080})
            await board.goto(f"{server.url}/overlay/stages/{st['id']}?lang=ko")
            await expect(ov.locator("[data-lobby-games]")).to_have_text("게임 2/2")
            await expect(ov.locator("[data-lobby-leader]")).to_have_attribute(
                "data-lobby-leader", str(t[0]))
            first = board.locator("table.leaderboard tbody tr").first
            await expect(first.locator("[data-wins]")).to_have_text("1")
            colour = await first.locator(".tname").evaluate("e => getComputedStyle(e).color")
            assert colour == "rgb(232, 236, 245)", colour  # --text, not the link blue
            # the last game: the last seed wins with 13 kills and leads
            r = await client.patch(f"/api/matches/{lobby}", headers=AUTH,
                                   json=game(2, list(reversed(t)), [13, 0, 0, 0]))
            assert r.status_code == 200, r.text
            await expect(ov.locator("[data-lobby-games]")).to_have_text("2/2 · 종료")
            await expect(ov.locator("[data-lobby-leader]")).to_have_attribute(
                "data-lobby-leader", str(t[3]))
            await expect(ov.locator("[data-leader-points]")).to_have_text("27점")
            top = board.locator("table.leaderboard tbody tr").first
            await expect(top).to_have_attribute("data-team", str(t[3]))
            await expect(top.locator("[data-wins]")).to_have_text("1")
            await ov.screenshot(path=shots / "lobby-overlay-done-ko.png")
            await board.screenshot(path=shots / "br-leaderboard-overlay-ko.png")
    finally:
        server.stop()
