"""Planning a knockout that waits for its groups, in Chromium and in Japanese: the plan
form names the rounds the bracket will have (quarterfinals to the final, the third-place
match apart), so the bronze match is planned before the final as at the Asian Games; when
the groups end, each match gets its own round's plan. The new-stage form's choice between a
draft and starting at once is not headed "date and time" (日時), as the audit trail's
"When" column is."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import make_user
from tests.e2e.test_control_board import LAPTOP, PHONE, sign_in
from tests.helpers import AUTH, make_event, make_stage, play_out

pytestmark = pytest.mark.asyncio(loop_scope="session")
PLAN = "form[data-plan-form]"


async def test_a_waiting_knockout_plans_its_bronze_match_apart_from_the_final(
        browser, live_server, shots):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 12, nations=("KR", "JP", "CN"))
        slug, teams = event["slug"], event["teams"]
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  seeding=teams[:8], settings={"groups": 4})
        a1, b1, c1, d1 = ({"group": g, "place": 1} for g in "ABCD")
        knockout = await make_stage(client, event, name="Knockout",
                                    format="single_elimination",
                                    settings={"third_place_match": True, "best_of": 3},
                                    seeding={"from_stage": groups["id"], "qualifiers": 1,
                                             "slots": [a1, teams[8], b1, teams[9],
                                                       c1, teams[10], d1, teams[11]]})
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=LAPTOP)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            await sign_in(page, base, admin["name"], "ja")
            await page.goto(f"{base}/admin/t/{slug}/e/lol?lang=ja")
            await expect(page.locator("form[data-new-stage] fieldset:has([name=start]) legend")
                         ).not_to_have_text("日時")
            await page.goto(f"{base}/admin/stages/{knockout['id']}?lang=ja")
            # in play order: the bronze match before the final
            rounds = page.locator(f"{PLAN} select[name=round] option")
            await expect(rounds).to_have_text(["準々決勝", "準決勝", "3位決定戦", "決勝"])
            for name, when in (("準決勝", "2026-12-04T13:00"), ("3位決定戦", "2026-12-05T13:00"),
                               ("決勝", "2026-12-05T16:00")):
                await page.select_option(f"{PLAN} select[name=round]", label=name)
                await page.fill(f"{PLAN} [name=starts_at]", when)
                await page.fill(f"{PLAN} [name=venue]", "Olympic Hall")
                async with page.expect_navigation():
                    await page.locator(f"{PLAN} button[type=submit]").click()
                await expect(page).to_have_url(re.compile(r"done=plan"))
            await expect(page.locator("[data-plan-round]")).to_have_text(
                ["準決勝", "3位決定戦", "決勝"])
            # a plan's own form shows its round picked
            edit = page.locator("[data-plan] select[name=round]")
            assert [await edit.nth(i).evaluate("s => s.selectedOptions[0].text")
                    for i in range(3)] == ["準決勝", "3位決定戦", "決勝"]
            for label, size in (("desktop", LAPTOP), ("phone", PHONE)):
                await page.set_viewport_size(size)
                await page.screenshot(path=shots / f"plan-waiting-bracket-ja-{label}.png",
                                      full_page=True)
            await play_out(client, groups["id"])
            view = (await client.get(f"/api/stages/{knockout['id']}", headers=AUTH)).json()
            assert view["status"] == "running"
            times = {(m["bracket"], m["round"]): m["scheduled_at"] for m in view["matches"]}
            assert times[("third_place", 3)].startswith("2026-12-05T13:00")
            assert times[("winners", 3)].startswith("2026-12-05T16:00")
            assert times[("winners", 2)].startswith("2026-12-04T13:00")
            assert times[("winners", 1)] is None
            assert errors == []
        finally:
            await context.close()


async def test_the_console_match_table_says_which_results_are_annulled(browser, live_server,
                                                                       shots):
    """The organizer who chose "無効" for a withdrawn team's results reads, on the stage's
    console page, which matches no longer count (every other view says it)."""
    from tests.integration.test_withdrawn_results_api import league

    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        _event, _teams, st, _ = await league(client, "annul")
        admin = await make_user(client, role="admin")
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
    annulled = {m["id"] for m in view["matches"] if m["annulled"]}
    assert len(annulled) == 3
    context = await browser.new_context(viewport=LAPTOP)
    page = await context.new_page()
    try:
        await sign_in(page, base, admin["name"], "ja")
        await page.goto(f"{base}/admin/stages/{st['id']}?lang=ja")
        for m in view["matches"]:
            note = page.locator(f"tr[data-match-row='{m['id']}'] [data-annulled-note]")
            await expect(note).to_have_count(1 if m["id"] in annulled else 0)
            if m["id"] in annulled:
                await expect(note).to_have_text("無効")
        await page.screenshot(path=shots / "console-annulled-ja-desktop.png", full_page=True)
    finally:
        await context.close()
