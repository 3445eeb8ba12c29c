"""The organizer annuls a withdrawn team's results in the console (``withdrawn_results``):
the stage page and the match page a spectator has open strike those results through at
once, with the word, without a reload; set back to keep, they count again.

The league is test_withdrawn_results_api's: team 4 beats team 1 3-0 and withdraws (its
two other matches forfeited), then 1 beats 2, 3 beats 1, 2 beats 3."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import PASSWORD, make_user
from tests.e2e.referee_support import sign_in
from tests.helpers import AUTH, stage
from tests.integration.test_annulled_matches_pages import WITHDREW
from tests.integration.test_withdrawn_results_api import FOOTBALL, league

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_open_pages_follow_the_organizer_annulling_and_keeping(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        _event, t, st, _ = await league(client, "keep")
        played = next(m for m in (await stage(client, st["id"]))["matches"]
                      if set(m["teams"]) == {t[0], t[3]})
    phone = await browser.new_context(viewport={"width": 390, "height": 844})
    page = await phone.new_page()
    await page.goto(f"{base}/stages/{st['id']}?lang=ko")
    match_page = await phone.new_page()
    await match_page.goto(f"{base}/matches/{played['id']}?lang=ko")
    for p in (page, match_page):
        await expect(p.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await p.evaluate("window.__marker = 'same page'")
    cells = page.locator("table.cross a.res.annulled")
    cards = page.locator(".rounds-list a.match.annulled")
    await expect(cells).to_have_count(0)
    await expect(page.locator("table.cross a.res")).to_have_count(12)

    laptop = await browser.new_context(viewport={"width": 1366, "height": 900})
    console = await laptop.new_page()
    await sign_in(console, base, admin["name"], "ja")
    await console.goto(f"{base}/admin/stages/{st['id']}?lang=ja")
    form = console.locator("form:has(select[name=s_withdrawn_results])")
    await form.locator("select[name=s_withdrawn_results]").select_option("annul")
    async with console.expect_navigation():
        await form.locator("button[type=submit]").first.click()

    # team 4's three matches, from both sides of the cross table, and their cards
    await expect(cells).to_have_count(6)
    await expect(cards).to_have_count(3)
    for i in range(3):
        await expect(cards.nth(i).locator("[data-annulled-note]")).to_have_text("무효")
    await expect(cells.first.locator("[data-annulled-note]")).to_have_text("무효")
    # struck through, as a reload draws it
    assert await cells.first.locator("s").evaluate(
        "s => getComputedStyle(s).textDecorationLine") == "line-through"
    await expect(page.locator("[data-standings] [data-annulled]")).to_have_text("결과 무효")
    hero = match_page.locator("section.match-hero")
    await expect(hero).to_have_class(re.compile(r"\bannulled\b"))
    await expect(hero.locator("[data-annulled-note]")).to_have_text("무효")
    # why, naming the team that withdrew (it said "a team in it"), on the page and to a
    # screen reader as it happens (the match page's one live region)
    await expect(hero.locator("[data-annulled]")).to_have_text(WITHDREW["ko"])
    await expect(match_page.locator("[data-match-said]")).to_contain_text(WITHDREW["ko"])
    await page.screenshot(path=shots / "annulled-live-ko-phone.png", full_page=True)
    await match_page.screenshot(path=shots / "annulled-match-ko-phone.png", full_page=True)

    # kept again (from the API this time): every mark goes, still without a reload
    async with httpx.AsyncClient(base_url=base) as client:
        r = await client.patch(f"/api/stages/{st['id']}", json={
            "settings": {**FOOTBALL, "withdrawn_results": "keep"}}, headers=AUTH)
        assert r.status_code == 200, r.text
    await expect(cells).to_have_count(0)
    await expect(cards).to_have_count(0)
    await expect(page.locator("[data-annulled-note]")).to_have_count(0)
    await expect(match_page.locator("section.match-hero.annulled")).to_have_count(0)
    await expect(match_page.locator("[data-annulled-note]")).to_have_count(0)
    for p in (page, match_page):
        assert await p.evaluate("window.__marker") == "same page"
    await laptop.close()
    await phone.close()
