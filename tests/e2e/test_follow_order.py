"""A part fetched again (follow.js) whose answer comes back late: a full suite run on a loaded
machine saw a match overlay drawn at the forfeit go back to "0 0 ライブ", the answer to the
fetch the match going live had asked for, slower than the one the forfeit asked for after it.
An older answer is now dropped; here the first answer is held back until the second was drawn.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from playwright.async_api import Route, expect

from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_fragment_answer_older_than_the_one_drawn_is_dropped(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event)
        match = by_number(st)[1]
        page = await browser.new_page(viewport={"width": 1280, "height": 720})
        released = asyncio.Event()
        asked: list[str] = []

        async def hold_the_first(route: Route) -> None:
            asked.append(route.request.url)
            if len(asked) == 1:  # the fetch asked for by the match going live
                answer = await route.fetch()  # rendered now: live, 0 0
                await released.wait()
                await route.fulfill(response=answer)
            else:
                await route.continue_()

        await page.route("**/overlay/matches/*?fragment=1*", hold_the_first)
        await page.goto(f"{live_server.url}/overlay/matches/{match['id']}?lang=ja")
        r = await client.patch(f"/api/matches/{match['id']}", json={"status": "live"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(page.locator("[data-badge]")).to_have_text("ライブ")
        for _ in range(100):  # the debounced fetch is asked (and held)
            if asked:
                break
            await asyncio.sleep(0.05)
        assert asked, "the match going live asked for no fragment"
        r = await client.patch(f"/api/matches/{match['id']}", json={"forfeit": 1}, headers=AUTH)
        assert r.status_code == 200, r.text
        scores = page.locator("[data-score]")
        await expect(scores).to_have_text(["棄権", "勝"])
        for _ in range(100):  # the forfeit's own fetch is answered and drawn
            if len(asked) > 1:
                break
            await asyncio.sleep(0.05)
        assert len(asked) > 1, "the forfeit asked for no fragment"
        await page.wait_for_timeout(300)
        released.set()  # the stale answer (live, 0 0) arrives last
        await page.wait_for_timeout(500)
        await expect(scores).to_have_text(["棄権", "勝"])
        await expect(page.locator("[data-badge]")).not_to_have_text("ライブ")
        await page.close()
