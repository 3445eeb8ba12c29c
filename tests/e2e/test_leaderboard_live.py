"""A free-for-all game reported through the API moves the open event page's leaderboard
(a phone, in Korean) and the OBS overlay (in Japanese) without a reload."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.conftest import Server
from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

# the page, and every table's own scroll box, as wide as the screen: [] when nothing scrolls
NO_SIDEWAYS = """() => [document.documentElement, ...document.querySelectorAll('.table-scroll')]
  .filter(e => e.scrollWidth > e.clientWidth).map(e => [e.className, e.scrollWidth])"""


def game(number: int, order: list[int], kills: list[int]) -> dict[str, object]:
    return {"game": {"number": number, "results": [
        {"team_id": t, "placement": i + 1, "kills": k}
        for i, (t, k) in enumerate(zip(order, kills, strict=True))]}}


async def test_leaderboard_and_overlay_follow_a_reported_game(browser, sqlite_url, shots):
    server = Server(sqlite_url, port=18120).start()
    try:
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 6)
            t = event["teams"]
            st = await make_stage(client, event, name="Grand final", format="free_for_all",
                                  settings={"games": 4, "match_point": 25})
            lobby = st["matches"][0]["id"]
            r = await client.patch(f"/api/matches/{lobby}", headers=AUTH,
                                   json=game(1, t, [5, 0, 1, 0, 2, 0]))
            assert r.status_code == 200, r.text
            phone = await browser.new_page(viewport={"width": 390, "height": 844})
            await phone.goto(f"{server.url}/tournaments/{event['slug']}/events/lol?lang=ko")
            overlay = await browser.new_page(viewport={"width": 640, "height": 480})
            await overlay.goto(f"{server.url}/overlay/stages/{st['id']}?top=3&lang=ja")
            await expect(phone.locator("[data-conn]")).to_have_attribute("data-conn", "live")
            # the overlay shows no connection badge; it resumes from the seq it was drawn at
            for page in (phone, overlay):
                await page.evaluate("window.__marker = 'same page'")
            board = phone.locator("table.leaderboard tbody tr")
            await expect(board.first).to_have_attribute("data-team", str(t[0]))
            # the default points (PUBG Mobile's since 2023, 10, 6, 5, 4, 3, 2): t0 10 + 5
            await expect(board.first.locator("[data-total]")).to_have_text("15")
            ov = overlay.locator("table.leaderboard tbody tr")
            await expect(ov).to_have_count(3)
            # game 2: the last seed (2 points in game 1) wins with 13 kills: 2 + 10 + 13 = 25,
            # at match point; t0 (15 + 2) is not
            r = await client.patch(f"/api/matches/{lobby}", headers=AUTH,
                                   json=game(2, list(reversed(t)), [13, 0, 0, 0, 0, 0]))
            assert r.status_code == 200, r.text
            await expect(board.first).to_have_attribute("data-team", str(t[5]))
            await expect(board.first.locator("[data-total]")).to_have_text("25")
            # the place said in Korean (it read #1)
            await expect(board.first.locator('[data-game="2"]')).to_have_text("1위 13킬")
            await expect(board.first.locator("[data-mp]")).to_have_text("매치 포인트")
            # on the phone each game's points are a line under the name (the games' columns
            # scrolled sideways), drawn anew as a game is reported: 6th (2) then 1st, 13 kills
            await expect(board.first.locator("[data-per-game]")).to_be_visible()
            await expect(board.first.locator("[data-per-game]")).to_have_text("G1 2 · G2 23")
            await expect(board.first.locator('[data-game="2"]')).to_be_hidden()
            assert await phone.evaluate(NO_SIDEWAYS) == []
            await expect(ov.first).to_have_attribute("data-team", str(t[5]))
            await expect(ov.first.locator("[data-mp]")).to_have_text("マッチポイント")
            await expect(ov).to_have_count(3)
            await expect(overlay.locator("[data-ffa-state]")).to_contain_text("2 / 4")
            for page in (phone, overlay):
                assert await page.evaluate("window.__marker") == "same page"
            # the lobby's page on the phone: its games under each name too, no sideways scroll
            await phone.goto(f"{server.url}/matches/{lobby}?lang=ko")
            row = phone.locator(f'[data-lobby-games] tr[data-team="{t[5]}"] [data-per-game]')
            await expect(row).to_have_text("G1 6위 0킬 · G2 1위 13킬")
            assert await phone.evaluate(NO_SIDEWAYS) == []
            await phone.screenshot(path=shots / "ffa-leaderboard-ko-phone.png", full_page=True)
            await overlay.screenshot(path=shots / "ffa-overlay-ja.png")
            await phone.close()
            await overlay.close()
    finally:
        server.stop()
