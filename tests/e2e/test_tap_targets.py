"""On a phone (390 px wide) every link and button of the header, the breadcrumbs, the footer
and the link pills is at least 44 px high and wide (WCAG 2.5.5, Apple's HIG): the language
links were 20 px high, the time-zone button 32 px, the sign-in link 15 px."""

from __future__ import annotations

import httpx
import pytest

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
