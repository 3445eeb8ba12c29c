"""A spectator's open event page (Korean, on a phone) follows a stage waiting for the
groups: it says how many teams will come from them, the count follows the groups cut to
one group, and when the groups end the line gives way to the playoffs' real teams, all
without a reload."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage, play_out, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_open_event_page_follows_the_count_until_the_real_teams_come(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 8)
        groups = await make_stage(client, event, name="Groups",
                                  names={"ko": "조별 리그", "ja": "グループステージ"},
                                  format="round_robin", settings={"groups": 2, "advance": 2})
        playoffs = await make_stage(client, event, name="Playoffs",
                                    names={"ko": "플레이오프", "ja": "プレーオフ"},
                                    seeding={"from_stage": groups["id"], "qualifiers": 2})
        phone = await browser.new_context(viewport={"width": 390, "height": 844})
        page = await phone.new_page()
        await page.goto(f"{base}/tournaments/{event['slug']}/events/lol?lang=ko")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await page.evaluate("window.__marker = 'same page'")
        section = page.locator(f"[data-stage='{playoffs['id']}']")
        said = section.locator("[data-teams-to-come]")
        await expect(said).to_have_text("조별 리그에서 4팀이 진출합니다.")
        await page.screenshot(path=shots / "waiting-stage-ko.png", full_page=True)

        r = await client.patch(f"/api/stages/{groups['id']}", json={
            "settings": {"groups": 1, "advance": 2}}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(said).to_have_text("조별 리그에서 2팀이 진출합니다.")

        await play_out(client, groups["id"])
        await expect(said).to_have_count(0)
        await expect(section.locator("[data-hold]")).to_have_count(0)
        await expect(section.locator(".match")).to_have_count(1)
        [final] = (await stage(client, playoffs["id"]))["matches"]
        await expect(section.locator(".match [data-name]")).to_have_text(
            [f"팀 {event['teams'].index(t) + 1}" for t in final["teams"]])
        assert await page.evaluate("window.__marker") == "same page"
        await phone.close()
