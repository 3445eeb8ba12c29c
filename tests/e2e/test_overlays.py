"""Stream overlays in a real Chromium at a stream's frame size (1280×720, an OBS browser
source): a double-elimination bracket is drawn whole, scaled down to the frame, and keeps
fitting as results arrive; ``?show=`` picks the bracket or the standings."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")
FRAME = {"width": 1280, "height": 720}


async def box_of(page: Page, selector: str) -> dict[str, float]:
    box = await page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def inside(box: dict[str, float]) -> bool:
    return box["x"] >= 0 and box["y"] >= 0 and \
        box["x"] + box["width"] <= FRAME["width"] + 0.5 and \
        box["y"] + box["height"] <= FRAME["height"] + 0.5


async def test_a_double_elimination_overlay_fits_the_frame_live(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 16)
        st = await make_stage(client, event, format="double_elimination",
                              settings={"best_of": 3})
        matches = by_number(st)
        page = await browser.new_page(viewport=FRAME)
        await page.goto(f"{live_server.url}/overlay/stages/{st['id']}?lang=ja")
        # an overlay shows no connection badge; it resumes from the seq it was drawn at
        final = ".bracket-grand_final .match"
        await expect(page.locator("main")).to_have_attribute("data-scale", re.compile(r"0\.\d+"))
        assert inside(await box_of(page, final)), "the grand final is cut off the frame"
        assert inside(await box_of(page, "main table"))  # the standings under the bracket
        scale = float(await page.locator("main").get_attribute("data-scale") or "1")
        assert scale < 1
        first = matches[1]
        assert (await report(client, first["id"], [2, 1])).status_code == 200
        box = page.locator(f'.match[data-match="{first["id"]}"]')
        await expect(box.locator('[data-side="0"] [data-score]')).to_have_text("2")
        await expect(box.locator('[data-side="0"]')).to_have_class("side won")
        assert inside(await box_of(page, final))
        await page.screenshot(path=shots / "overlay-de-ja-1280x720.png")

        await page.goto(f"{live_server.url}/overlay/stages/{st['id']}?lang=ja&fit=0")
        await expect(page.locator(final)).to_be_attached()
        assert not inside(await box_of(page, final)), "fit=0 draws the bracket at full size"
        await page.close()


async def test_show_picks_the_bracket_or_the_standings(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 8)
        st = await make_stage(client, event, format="double_elimination")
        page = await browser.new_page(viewport=FRAME)
        url = f"{live_server.url}/overlay/stages/{st['id']}?lang=ko"
        await page.goto(url + "&show=bracket")
        await expect(page.locator(".bracket-winners")).to_be_visible()
        await expect(page.locator("main table")).to_have_count(0)
        # the body the live feed refetches draws the same part
        fragment = await client.get(f"/overlay/stages/{st['id']}?fragment=1&show=bracket")
        assert "bracket-winners" in fragment.text and "<table" not in fragment.text
        await page.goto(url + "&show=standings")
        await expect(page.locator("main table")).to_be_visible()
        # a table sits on a panel, as the match cards do: light text straight on a light
        # picture could not be read (a review's screenshot)
        panel = await page.locator("main table").first.evaluate(
            "t => getComputedStyle(t).backgroundColor")
        assert panel not in ("rgba(0, 0, 0, 0)", "transparent"), panel
        await expect(page.locator("main table tbody tr")).to_have_count(8)
        await expect(page.locator(".bracket")).to_have_count(0)
        r = await page.goto(url + "&show=everything")
        assert r is not None and r.status == 400
        await expect(page.locator("main p").first).to_have_text(
            "주소에 읽을 수 없는 값이 있습니다. 링크를 확인하세요. (show=everything)")
        await page.close()


async def _live_then_reloaded(page: Page) -> tuple[str, str]:
    """What the frame shows now, as the feed left it, and after a reload."""
    live = await page.locator("main").inner_text()
    await page.reload()
    return live, await page.locator("main").inner_text()


async def test_a_match_overlay_follows_its_bracket_as_a_reload_draws_it(browser, live_server):
    """A review compared the match overlay live with a reload: a team moving into the final
    read "#3" without its flag, a match not yet played showed 0 0 (the page drew none), the
    window title kept "To be decided", a draw's badge and a lost side's dimming were the
    script's alone. The overlay now follows its match as the match page does."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        m = by_number(st)
        page = await browser.new_page(viewport=FRAME)
        # an overlay shows no connection badge: it resumes from the seq it was drawn at
        await page.goto(f"{live_server.url}/overlay/matches/{m[3]['id']}?lang=ko")
        sides = page.locator("[data-side]")
        await expect(sides.nth(0).locator("[data-score]")).to_have_text("")
        assert (await report(client, m[1]["id"], [1, 0])).status_code == 200
        await expect(sides.nth(0).locator("[data-name]")).to_have_text("팀 1")
        await expect(sides.nth(0).locator("[data-flag]")).not_to_have_text("")
        await expect(page).to_have_title("팀 1 vs 미정")
        # one side still unknown: no score yet
        await expect(sides.nth(0).locator("[data-score]")).to_have_text("")
        live, reloaded = await _live_then_reloaded(page)
        assert live == reloaded, (live, reloaded)
        assert (await report(client, m[2]["id"], [0, 1])).status_code == 200
        await expect(page).to_have_title("팀 1 vs 팀 3")
        await expect(sides.nth(1).locator("[data-name]")).to_have_text("팀 3")
        # both known, not started: no 0 0 yet (the match page says "vs"), as after a reload
        await expect(sides.nth(1).locator("[data-score]")).to_have_text("")
        live, reloaded = await _live_then_reloaded(page)
        assert live == reloaded, (live, reloaded)
        assert (await report(client, m[3]["id"], [0, 1])).status_code == 200
        await expect(sides.nth(0)).to_have_class(re.compile(r"\blost\b"))
        await expect(sides.nth(1)).to_have_class(re.compile(r"\bwon\b"))
        live, reloaded = await _live_then_reloaded(page)
        assert live == reloaded, (live, reloaded)
        await expect(sides.nth(0)).to_have_class(re.compile(r"\blost\b"))
        await page.close()


async def test_a_drawn_match_overlay_says_draw_live_and_after_a_reload(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event, name="League", format="round_robin",
                              settings={"allow_draws": True})
        match = st["matches"][0]
        page = await browser.new_page(viewport=FRAME)
        await page.goto(f"{live_server.url}/overlay/matches/{match['id']}?lang=ja")
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "games": [[1, 1]], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(page.locator("[data-badge]")).to_have_text("引き分け")
        live, reloaded = await _live_then_reloaded(page)
        assert live == reloaded, (live, reloaded)
        await expect(page.locator("[data-badge]")).to_have_text("引き分け")
        await expect(page.locator("[data-side]").first).to_have_class(re.compile(r"\bdrawn\b"))
        # a finished draw's badge is quiet, not the live one's pulsing red (it was: the
        # quiet rule was the cards' .match alone, and the overlay's box is .ov-match)
        assert await page.locator("[data-badge]").evaluate(
            "b => getComputedStyle(b).animationName") == "none"
        await page.close()


async def test_a_renamed_team_and_a_walkover_reach_the_overlays_as_a_reload_draws_them(
        browser, live_server):
    """A broadcast review renamed a team mid-stream: every overlay kept the old name until
    OBS reloaded it (only the team's own pages followed event.updated, and a later score
    wrote the name the page was loaded with back). And a walkover's winner read "0" beside
    the forfeit, a lost nil at a glance: it reads W (勝)."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        m = by_number(st)
        renamed = m[1]["teams"][1]
        match_page = await browser.new_page(viewport=FRAME)
        await match_page.goto(f"{live_server.url}/overlay/matches/{m[1]['id']}?lang=ja")
        stage_page = await browser.new_page(viewport=FRAME)
        await stage_page.goto(f"{live_server.url}/overlay/stages/{st['id']}?lang=ja")
        r = await client.patch(f"/api/teams/{renamed}", json={
            "name": "Renamed", "names": {"ja": "改名チーム"}}, headers=AUTH)
        assert r.status_code == 200, r.text
        side = match_page.locator("[data-side='1'] [data-name]")
        await expect(side).to_have_text("改名チーム")
        card = stage_page.locator(f"[data-match='{m[1]['id']}'] [data-side='1'] [data-name]")
        await expect(card).to_have_text("改名チーム")
        # a later score draws the new name, not the one the page was loaded with
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={"status": "live"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(match_page.locator("[data-badge]")).to_have_text("ライブ")
        await expect(side).to_have_text("改名チーム")
        # the stage is not fetched again for a match going live: live.js draws the card
        await expect(stage_page.locator(f"[data-match='{m[1]['id']}'] [data-badge]")
                     ).to_have_text("ライブ")
        await expect(card).to_have_text("改名チーム")
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={"forfeit": 1}, headers=AUTH)
        assert r.status_code == 200, r.text
        scores = match_page.locator("[data-score]")
        await expect(scores).to_have_text(["棄権", "勝"])
        await expect(stage_page.locator(f"[data-match='{m[1]['id']}'] [data-score]")
                     ).to_have_text(["棄権", "勝"])
        # the stage's body is fetched again (debounced): its table then places the loser
        await expect(stage_page.locator("main table tbody tr").last).to_contain_text("3–4位")
        for page in (match_page, stage_page):
            live, reloaded = await _live_then_reloaded(page)
            assert live == reloaded, (live, reloaded)
            await page.close()


async def test_overlay_parts_sit_on_panels_and_a_match_overlay_fits_its_frame(browser,
                                                                           live_server):
    """A broadcast review: a Swiss overlay's pool records ("1–0") and its Buchholz footnote
    sat straight on the game picture; a league's ?show=standings drew the cross table and
    every round too (names at 6 px in a 720p frame); the match overlay was not fitted to its
    frame (its box moved with the browser source's width)."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 8)
        swiss = await make_stage(client, event, name="Swiss", format="swiss")
        assert (await report(client, swiss["matches"][0]["id"], [1, 0])).status_code == 200
        page = await browser.new_page(viewport=FRAME)
        await page.goto(f"{live_server.url}/overlay/stages/{swiss['id']}?lang=ko")
        record = page.locator(".record").first
        await expect(record).to_be_visible()
        panel = await record.evaluate("e => getComputedStyle(e).backgroundColor")
        assert panel not in ("rgba(0, 0, 0, 0)", "transparent"), panel
        await expect(page.locator("[data-buchholz-note]")).to_be_hidden()
        league = await make_stage(client, event, name="League", format="round_robin",
                                  seeding=event["teams"][:4])
        url = f"{live_server.url}/overlay/stages/{league['id']}?lang=ko"
        await page.goto(url + "&show=standings")
        await expect(page.locator("table.standings")).to_have_count(1)
        await expect(page.locator("table.cross, .rounds-list")).to_have_count(0)
        await page.goto(url + "&show=bracket")
        await expect(page.locator("table.cross")).to_have_count(1)
        await expect(page.locator("table.standings")).to_have_count(0)
        match = league["matches"][0]["id"]
        boxes = []
        for width, height in ((1920, 1080), (1280, 720)):
            await page.set_viewport_size({"width": width, "height": height})
            await page.goto(f"{live_server.url}/overlay/matches/{match}?lang=ko")
            await expect(page.locator("body.fit main[data-scale]")).to_have_count(1)
            boxes.append((await box_of(page, "main .ov-match"))["x"] / width)
        # at the frame's left edge, the same share of it whatever its width (scaled with it)
        assert boxes[0] == boxes[1], boxes
        await page.close()
