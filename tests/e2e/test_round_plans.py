"""The stage page's round plans in a real Chromium, in Korean (laptop) and Japanese
(phone): the organizer plans round 2 of a Swiss stage before it is paired (a bad round is
a visible error that saves nothing), sees the plan wait, and once round 1 is played sees
it applied to the new matches, which carry the planned times; then changes it (the round
exists now: scheduled at once) and removes it."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.accounts_support import make_user
from tests.e2e.referee_support import sign_in
from tests.helpers import AUTH, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SWISS = {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}


async def submit(page: Page, form: str) -> None:
    async with page.expect_navigation():
        await page.locator(f"{form} button[type=submit]").first.click()




async def fill_plan(page: Page, form: str, round_: str, starts: str) -> None:
    await page.fill(f"{form} [name=round]", round_)
    await page.fill(f"{form} [name=starts_at]", starts)
    await page.fill(f"{form} [name=interval_minutes]", "90")
    await page.fill(f"{form} [name=venue]", "Seoul Arena")
    await page.fill(f"{form} [name=stations]", "1, 2")


async def test_an_organizer_plans_a_swiss_round_before_it_is_paired(browser, module_server,
                                                                    shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin")
        event = await make_event(client, 8)
        st = await make_stage(client, event, format="swiss", settings=SWISS, name="Swiss")
        path = f"{base}/admin/stages/{st['id']}"
        desk = await browser.new_context(viewport=LAPTOP)
        page = await desk.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        await sign_in(page, base, admin["name"], "ko")
        await page.goto(f"{path}?lang=ko")
        form = "form[data-plan-form]"
        # round 0 does not exist: a visible error, what was typed kept, nothing saved
        await fill_plan(page, form, "0", "2026-12-01T13:00")
        await submit(page, form)
        await expect(page.locator("[data-error]")).to_be_visible()
        await expect(page.locator(f"{form} [name=venue]")).to_have_value("Seoul Arena")
        plans = (await client.get(f"/api/stages/{st['id']}/round-plans",
                                  headers=AUTH)).json()["plans"]
        assert plans == []
        await page.fill(f"{form} [name=round]", "2")
        await submit(page, form)
        await expect(page.locator("[data-ok]")).to_be_visible()
        plan = page.locator("[data-plan]")
        await expect(plan.locator("[data-plan-round]")).to_have_text("2라운드")
        await expect(plan.locator("[data-plan-time]")).to_contain_text("12월 1일")
        await expect(plan.locator("[data-plan-waiting]")).to_have_text(
            "경기가 만들어지기를 기다리는 중입니다.")
        await page.screenshot(path=shots / "console-plan-waiting-ko.png", full_page=True)

        for m in st["matches"]:  # round 1 played: round 2 is paired
            assert (await report(client, m["id"], [1, 0])).status_code == 200
        await page.goto(f"{path}?lang=ko")
        await expect(plan.locator("[data-plan-applied]")).to_contain_text(
            "M5, M6, M7, M8 경기에 적용했습니다.")
        rows = page.locator("[data-stage-matches] tbody tr")
        await expect(rows.nth(4)).to_contain_text("12월 1일 (화) 13:00")
        await expect(rows.nth(6)).to_contain_text("14:30")
        await expect(rows.nth(7)).to_contain_text("Seoul Arena · 2")

        # changed once round 2 exists: it is scheduled at once
        await plan.locator("summary").click()
        change = "form[data-change-plan]"
        await page.fill(f"{change} [name=starts_at]", "2026-12-01T15:00")
        await submit(page, change)
        await expect(page.locator("[data-ok]")).to_be_visible()
        view = (await client.get(f"/api/stages/{st['id']}")).json()
        assert sorted(m["scheduled_at"] for m in view["matches"] if m["round"] == 2) == [
            "2026-12-01T15:00:00+09:00"] * 2 + ["2026-12-01T16:30:00+09:00"] * 2
        await desk.close()

        # on a phone, in Japanese: the plan is listed and removed
        phone = await browser.new_context(viewport=PHONE)
        page = await phone.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        await sign_in(page, base, admin["name"], "ja")
        await page.goto(f"{path}?lang=ja")
        await expect(page.locator("[data-plan] [data-plan-round]")).to_have_text("第2ラウンド")
        await page.screenshot(path=shots / "console-plan-applied-ja.png", full_page=True)
        await submit(page, "form[data-remove-plan]")
        await expect(page.locator("[data-plan]")).to_have_count(0)
        plans = (await client.get(f"/api/stages/{st['id']}/round-plans",
                                  headers=AUTH)).json()["plans"]
        assert plans == []
        await phone.close()
        assert errors == []
