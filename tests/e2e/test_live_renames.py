"""A stage, event or tournament renamed while its pages are open: every heading, crumb, card
and the page's title say the new name, as a reload would (they kept the old one)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_renames_reach_open_pages(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event)
        slug, match_id = event["slug"], st["matches"][0]["id"]
        context = await browser.new_context(viewport={"width": 390, "height": 844})
        pages = {}
        for key, path in (("tournament", f"/tournaments/{slug}?lang=ja"),
                          ("event", f"/tournaments/{slug}/events/lol?lang=ja"),
                          ("stage", f"/stages/{st['id']}?lang=ja"),
                          ("match", f"/matches/{match_id}?lang=ja")):
            pages[key] = page = await context.new_page()
            await page.goto(live_server.url + path)
            await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(pages["stage"]).to_have_title("Playoffs · League of Legends")

        r = await client.patch(f"/api/stages/{st['id']}", json={"names": {"ja": "決勝"}})
        assert r.status_code == 200, r.text
        r = await client.patch(f"/api/tournaments/{slug}/events/lol",
                               json={"names": {"ja": "リーグ"}})
        assert r.status_code == 200, r.text
        r = await client.patch(f"/api/tournaments/{slug}", json={"names": {"ja": "杯"}})
        assert r.status_code == 200, r.text

        await expect(pages["tournament"]).to_have_title("杯")
        await expect(pages["tournament"].locator("main h1")).to_have_text("杯")
        await expect(pages["tournament"].locator("header .crumb")).to_have_text("杯")
        await expect(pages["tournament"].locator(".card strong")).to_have_text("リーグ")
        await expect(pages["event"]).to_have_title("リーグ · 杯")
        await expect(pages["event"].locator("main h1")).to_have_text("リーグ")
        await expect(pages["event"].locator("main h2 a")).to_have_text("決勝")
        await expect(pages["stage"]).to_have_title("決勝 · リーグ")
        await expect(pages["stage"].locator("main h1 [data-name-of]")).to_have_text("決勝")
        await expect(pages["stage"].locator(".crumbs")).to_have_text("リーグ")
        await expect(pages["match"].locator(".crumbs")).to_have_text("リーグ › 決勝")
        await context.close()
