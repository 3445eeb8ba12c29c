"""The organizer's event page keeps its team list as the live feed tells it (follow.js,
``entrants:ID``, the table fetched again with ``?fragment=teams``): a team withdrawn or
disqualified elsewhere (another organizer's tab, the API) is marked so at once, without a
reload, in the page's language. It stayed "in" until the page was reloaded."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import make_user
from tests.e2e.test_control_board import sign_in
from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WORD = {"ko": {"withdrawn": "출전 포기", "disqualified": "실격"},
        "ja": {"withdrawn": "出場辞退", "disqualified": "失格"}}


@pytest.mark.parametrize("lang", ["ko", "ja"])
async def test_the_console_team_list_follows_a_withdrawal(browser, live_server, shots, lang):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        await make_stage(client, event)
        t = event["teams"]
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        try:
            await sign_in(page, base, admin["name"], lang)
            await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang={lang}")
            await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
            await page.evaluate("window.kept = true")  # gone if the page were reloaded
            rows = {team: page.locator(f'tr[data-team-row="{team}"]') for team in t}
            await expect(rows[t[1]]).not_to_have_class("muted")
            for team, reason in ((t[1], "withdrawn"), (t[2], "disqualified")):
                r = await client.post(f"/api/teams/{team}/withdraw", json={"reason": reason},
                                      headers=AUTH)
                assert r.status_code == 200, r.text
                await expect(rows[team]).to_have_class("muted")
                await expect(rows[team].locator(".pill")).to_have_text(WORD[lang][reason])
            await expect(rows[t[0]]).not_to_have_class("muted")
            await expect(page.locator("#event-teams .pill")).to_have_text("4")
            assert await page.evaluate("window.kept === true")
            # the list fits the phone (the stage table above it is not this test's)
            box = await page.locator("table[data-team-table]").bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
            await page.screenshot(path=shots / f"console-teams-live-{lang}-phone.png",
                                  full_page=True)
            await page.set_viewport_size(DESKTOP)
            await page.screenshot(path=shots / f"console-teams-live-{lang}-desktop.png",
                                  full_page=True)
        finally:
            await context.close()
