"""A referee enters a result game by game in the browser; a spectator's bracket updates."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import ADMIN, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_referee_console_reports_and_spectators_see_it(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 3})
    first = by_number(st)[1]
    spectator = await browser.new_page(viewport={"width": 390, "height": 844})
    await spectator.goto(f"{live_server.url}/stages/{st['id']}?lang=ja")
    await expect(spectator.locator("[data-conn]")).to_have_attribute("data-conn", "live")
    referee = await browser.new_page(viewport={"width": 390, "height": 844})
    await referee.goto(f"{live_server.url}/matches/{first['id']}/referee?lang=ko")
    # No token yet: a visible error, nothing saved.
    await referee.get_by_role("button", name="최종 결과 저장").click()
    await expect(referee.locator("[data-error]")).to_be_visible()
    await referee.locator("[name=token]").fill(ADMIN)
    # An impossible result: the API's message is shown, nothing changes.
    await referee.locator("[data-games] input").nth(0).fill("13")
    await referee.locator("[data-games] input").nth(1).fill("7")
    await referee.get_by_role("button", name="최종 결과 저장").click()
    await expect(referee.locator("[data-error]")).to_contain_text("invalid_score")
    # Game 1 live, then the two more games and the final result.
    await referee.get_by_role("button", name="진행 중으로 저장").click()
    await expect(referee.locator("[data-ok]")).to_be_visible()
    box = spectator.locator(f'.match[data-match="{first["id"]}"]')
    await expect(box.locator("[data-badge]")).to_have_text("LIVE")
    await expect(box.locator('[data-side="0"] [data-score]')).to_have_text("1")
    await referee.get_by_role("button", name="세트 추가").click()
    await referee.locator("[data-games] input").nth(2).fill("9")
    await referee.locator("[data-games] input").nth(3).fill("13")
    await referee.get_by_role("button", name="세트 추가").click()
    await referee.locator("[data-games] input").nth(4).fill("13")
    await referee.locator("[data-games] input").nth(5).fill("11")
    await expect(referee.locator("[data-series]")).to_have_text("2 – 1")
    await referee.get_by_role("button", name="최종 결과 저장").click()
    await expect(referee.locator("[data-ok]")).to_be_visible()
    await expect(box.locator('[data-side="0"]')).to_have_class("side won")
    await referee.screenshot(path=shots / "referee-ko-phone.png", full_page=True)
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        match = (await client.get(f"/api/matches/{first['id']}")).json()
    assert match["games"] == [[13, 7], [9, 13], [13, 11]] and match["winner"] == 1
    await referee.close()
    await spectator.close()
