"""The "now on" overlay in a real Chromium at an OBS browser source's size (1920×1080): set
once on a station, it moves on to the next match by itself when one finishes and the next
goes live; ``?swap=1`` draws team 2 first and the live scores still land on each team."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")
FRAME = {"width": 1920, "height": 1080}

# every name live.js or follow.js writes into a side, as it is written
WATCH_NAMES = """() => {
  window.namesSeen = [];
  new MutationObserver(() => {
    for (const el of document.querySelectorAll("[data-name]")) {
      window.namesSeen.push(el.textContent);
    }
  }).observe(document.querySelector("main"), {subtree: true, childList: true,
                                               characterData: true});
}"""


async def test_the_now_on_overlay_moves_on_to_the_next_match_live(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, name="League", format="round_robin",
                              settings={"best_of": 3})
        m = by_number(st)
        first, second = m[1], m[2]
        assert not set(first["teams"]) & set(second["teams"])  # the page knows none of M2's
        for match, hour in ((first, 13), (second, 16)):
            r = await client.patch(f"/api/matches/{match['id']}", json={
                "station": "Main stage", "scheduled_at": f"2030-05-01T{hour}:00:00+09:00"},
                headers=AUTH)
            assert r.status_code == 200, r.text
        assert (await report(client, first["id"], [1, 0], status="live")).status_code == 200
        page = await browser.new_page(viewport=FRAME)
        await page.goto(f"{live_server.url}/overlay/tournaments/{event['slug']}/now"
                        "?station=Main%20stage&lang=ko")
        board = page.locator(".ov-match")
        await expect(board).to_have_attribute("data-match", str(first["id"]))
        await expect(board.locator("[data-badge]")).to_have_text("라이브")
        await page.evaluate(WATCH_NAMES)
        names = [f"팀 {event['teams'].index(t) + 1}" for t in second["teams"]]
        # a live score patches in place, as on the match overlay
        assert (await report(client, first["id"], [1, 1], status="live")).status_code == 200
        await expect(board.locator("[data-score]")).to_have_text(["1", "1"])
        # M1 ends: the next match on the station (M2, not started: no score) replaces it
        assert (await report(client, first["id"], [2, 1])).status_code == 200
        await expect(board).to_have_attribute("data-match", str(second["id"]))
        await expect(board.locator("[data-name]")).to_have_text(names)
        await expect(board.locator("[data-score]")).to_have_text(["", ""])
        await expect(page).to_have_title(f"{names[0]} vs {names[1]}")
        # M2 goes live and scores: drawn at once, with its teams' names (never "#id")
        assert (await report(client, second["id"], [0, 1], status="live")).status_code == 200
        await expect(board.locator("[data-badge]")).to_have_text("라이브")
        await expect(board.locator("[data-score]")).to_have_text(["0", "1"])
        await expect(board.locator("[data-name]")).to_have_text(names)
        seen = await page.evaluate("window.namesSeen")
        assert [n for n in seen if n.startswith("#")] == [], seen
        await page.screenshot(path=shots / "overlay-now-ko-1920x1080.png")
        await page.reload()  # the reload draws what the feed left
        await expect(page.locator(".ov-match")).to_have_attribute("data-match",
                                                                  str(second["id"]))
        await expect(page.locator(".ov-match [data-score]")).to_have_text(["0", "1"])
        await page.close()


async def test_swap_keeps_each_live_score_on_its_team(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event, settings={"best_of": 3, "game_score": "rounds"})
        match = st["matches"][0]
        page = await browser.new_page(viewport=FRAME)
        await page.goto(f"{live_server.url}/overlay/matches/{match['id']}?lang=ja&swap=1")
        sides = page.locator(".ov-side")
        await expect(sides.locator("[data-name]")).to_have_text(["チーム2", "チーム1"])
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "status": "live", "games": [{"score": [13, 9], "map": "Ascent"}]}, headers=AUTH)
        assert r.status_code == 200, r.text
        # team 1 won the map: its 1 is drawn on the right, beside its name
        await expect(sides.locator("[data-score]")).to_have_text(["0", "1"])
        await expect(sides.locator("[data-name]")).to_have_text(["チーム2", "チーム1"])
        games = page.locator("[data-games] tbody tr")
        await expect(games).to_have_text(["第1ゲームAscent913"])
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "status": "live", "games": [{"score": [13, 9], "map": "Ascent"},
                                        {"score": [7, 13], "map": "Bind"}]}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(sides.locator("[data-score]")).to_have_text(["1", "1"])
        await expect(games).to_have_text(["第1ゲームAscent913", "第2ゲームBind137"])
        await page.screenshot(path=shots / "overlay-swap-ja-1920x1080.png")
        await page.close()
