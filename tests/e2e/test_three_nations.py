"""A three-nation edition (Korea, Japan, China) on a phone: its nations told apart by colour,
and the organizer's pages for a Chinese team kept to the screen in Japanese."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import PASSWORD, make_user
from tests.e2e.referee_support import PHONE, sign_in
from tests.helpers import make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_three_nations_on_a_phone(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 3, nations=("KR", "JP", "CN"))
        league = await make_stage(client, event, name="League", format="round_robin",
                                  settings={"game_score": "goals", "allow_draws": True})
    cn_team = event["teams"][2]
    phone = await browser.new_context(viewport=PHONE)
    page = await phone.new_page()
    await page.goto(f"{base}/tournaments/{event['slug']}?lang=ko")
    await expect(page.locator("[data-brand]")).to_have_text("한중일 e스포츠")
    # each home nation's badge in its own colours, its code still readable on it
    colours = {}
    for code in ("KR", "JP", "CN"):
        badge = page.locator(f'[data-nations] tr[data-nation="{code}"] .flag')
        colours[code] = await badge.evaluate(
            "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]")
    assert colours == {"KR": ["rgb(0, 71, 160)", "rgb(255, 255, 255)"],
                       "JP": ["rgb(245, 245, 245)", "rgb(188, 0, 45)"],
                       "CN": ["rgb(163, 22, 27)", "rgb(255, 222, 0)"]}
    await page.screenshot(path=shots / "three-nations-ko-phone.png", full_page=True)
    # the organizer's pages in Japanese: the nation box (as wide as a country's longest
    # name) and the tiebreaker boxes ran off the phone's screen
    await sign_in(page, base, admin["name"], "ja")
    for path in (f"/admin/teams/{cn_team}", f"/admin/t/{event['slug']}/e/lol",
                 f"/admin/stages/{league['id']}"):
        await page.goto(f"{base}{path}?lang=ja")
        await expect(page.locator("[data-brand]")).to_have_text("日中韓eスポーツ")
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (path, width)
    await page.screenshot(path=shots / "three-nations-stage-console-ja-phone.png",
                          full_page=True)
    await phone.close()

