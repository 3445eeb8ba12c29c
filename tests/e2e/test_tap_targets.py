"""On a phone (390 px wide) every link and button of the header, the breadcrumbs, the footer
and the link pills is at least 44 px high and wide (WCAG 2.5.5, Apple's HIG): the language
links were 20 px high, the time-zone button 32 px, the sign-in link 15 px."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

MEASURE = """() => [...document.querySelectorAll(
    'header a, header button, .crumbs a, footer a, a.pill')]
  .filter((e) => e.offsetParent !== null)
  .map((e) => { const r = e.getBoundingClientRect();
                return [e.textContent.trim(), Math.round(r.width), Math.round(r.height)]; })"""


async def test_every_header_link_is_big_enough_to_tap(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        m = by_number(st)[1]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "stream_url": "https://twitch.tv/kj"}, headers=AUTH)
        assert r.status_code == 200
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        for path in (f"/tournaments/{event['slug']}?lang=ko", f"/matches/{m['id']}?lang=ja",
                     f"/teams/{event['teams'][0]}?lang=ko", f"/stages/{st['id']}?lang=en"):
            await page.goto(f"{live_server.url}{path}")
            found = await page.evaluate(MEASURE)
            assert len(found) >= 5, (path, found)  # brand, languages, sign-in ...
            small = [x for x in found if x[1] < 44 or x[2] < 44]
            assert small == [], (path, small)
        await page.screenshot(path=shots / "tap-targets-en-phone.png")
        await page.close()


IN_MAIN = MEASURE.replace("'header a, header button, .crumbs a, footer a, a.pill'", "'main a'")


async def test_every_link_in_the_pages_body_is_big_enough_to_tap(browser, live_server, shots):
    """A team in the standings, a cross table's result, an entrant, a stage's heading, a
    schedule's match and "watch stream": all were 16 to 23 px high on a phone."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="round_robin", settings={"groups": 1})
        m = st["matches"][0]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "stream_url": "https://twitch.tv/kj", "score": [1, 0], "status": "completed"},
            headers=AUTH)
        assert r.status_code == 200, r.text
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        for path in (f"/stages/{st['id']}?lang=ko",
                     f"/tournaments/{event['slug']}/events/lol?lang=ja",
                     f"/teams/{event['teams'][0]}?lang=ja",
                     f"/matches/{m['id']}?lang=en"):
            await page.goto(f"{live_server.url}{path}")
            found = await page.evaluate(IN_MAIN)
            assert len(found) >= 2, (path, found)
            if "/matches/" in path:
                assert "Watch stream (twitch.tv/kj)" in [x[0] for x in found], found
            small = [x for x in found if x[1] < 44 or x[2] < 44]  # "예정" was 27 px wide
            assert small == [], (path, small)
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang=ko")
        assert await page.locator("table.cross a.res").count() >= 2  # the result, both ways
        # a group of four's cross table fits the phone: its columns are numbered as its rows
        # (it scrolled past its third column), and each column's team is still named to a
        # screen reader and in its title
        fits = await page.evaluate("""() => { const box = document.querySelector(
            'table.cross').parentElement; return box.scrollWidth <= box.clientWidth; }""")
        assert fits
        heads = page.locator("table.cross thead th[title]")
        await expect(heads).to_have_count(4)
        await expect(heads.locator(".cross-num")).to_have_text(["1", "2", "3", "4"])
        rows = page.locator("table.cross tbody th .cross-num")
        await expect(rows).to_have_text(["1", "2", "3", "4"])
        await page.set_viewport_size({"width": 1280, "height": 800})  # on a laptop, names
        await expect(heads.locator(".cross-num").first).to_be_hidden()
        await expect(heads.locator(".cross-name").first).to_be_visible()
        await page.screenshot(path=shots / "tap-targets-stage-ko-phone.png", full_page=True)
        await page.close()
