"""The organizer's event page on a phone: its stage table was 495 px wide on a 390 px
screen (ja). Now it fits, with the format under the stage's name in place of its own
column, in ko, ja and en (a laptop keeps the column)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import make_user
from tests.e2e.test_control_board import LAPTOP, PHONE, sign_in
from tests.e2e.test_direct_entrants_form import _shots
from tests.helpers import make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

FORMAT = {"ko": "더블 엘리미네이션", "ja": "ダブルエリミネーション", "en": "Double elimination"}


@pytest.mark.parametrize("lang", ["ja", "ko", "en"])
async def test_the_stage_table_fits_a_phone(browser, live_server, shots, lang):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 8)
        await make_stage(client, event, name="Group stage", format="round_robin",
                         settings={"groups": 2},
                         names={"ko": "조별 리그", "ja": "グループステージ"})
        await make_stage(client, event, name="Playoffs", format="double_elimination",
                         names={"ko": "플레이오프", "ja": "プレーオフ"})
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        try:
            await sign_in(page, base, admin["name"], lang)
            await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang={lang}")
            table = page.locator("table[data-stages]")
            row = table.locator("tr[data-stage-row]").nth(1)
            # the format is still said on a phone, under the stage's name
            under = row.locator("td").first.locator(".show-sm")
            await expect(under).to_be_visible()
            await expect(under).to_have_text(FORMAT[lang])
            box = await table.bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
            wide = await page.evaluate("document.documentElement.scrollWidth")
            assert wide <= PHONE["width"], wide
            await _shots(page, shots, f"console-event-stages-{lang}")
            await page.set_viewport_size(LAPTOP)  # a laptop keeps the format's own column
            await expect(table.locator("thead th")).to_have_count(5)
            await expect(row.locator("td").nth(1)).to_be_visible()
            await expect(under).to_be_hidden()
        finally:
            await context.close()


WIDER_THAN_SCREEN = """() => { const w = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.right > w + 0.5;
  }).map(el => el.tagName + (el.hasAttribute('data-stages') ? '[data-stages]' : '')); }"""


@pytest.mark.parametrize("lang", ["ja", "ko", "en"])
async def test_a_single_elimination_stage_fits_a_phone(browser, live_server, shots, lang):
    """A single-elimination stage (ja "シングルエリミネーション", a phrase kept whole, under
    its name) made the table 393 px on a 390 px phone: "参加チーム" over the teams column
    now breaks at its phrase ("参加/チーム"), and nothing on the page is wider than it."""
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        await make_stage(client, event, name="Playoffs", format="single_elimination",
                         names={"ko": "플레이오프", "ja": "プレーオフ"})
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        try:
            await sign_in(page, base, admin["name"], lang)
            await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang={lang}")
            table = page.locator("table[data-stages]")
            await expect(table.locator("tr[data-stage-row] .show-sm")).to_be_visible()
            box = await table.bounding_box()
            assert box is not None and box["x"] + box["width"] <= PHONE["width"], box
            assert await page.evaluate(WIDER_THAN_SCREEN) == []
            assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
            if lang != "en":
                await _shots(page, shots, f"console-event-single-elim-{lang}")
        finally:
            await context.close()
