"""A disqualified team's annulled result is said so as it happens (live.js, on the match
page a spectator has open), and a referee's undo of a forfeit a disqualification made is
refused on the phone, in the console's language, nothing saved
(tests/integration/test_withdrawal_words.py has the words and the API's refusal)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee
from tests.helpers import AUTH, stage
from tests.integration.test_withdrawal_forfeits import bracket
from tests.integration.test_withdrawal_words import DISQUALIFIED, REFUSED
from tests.integration.test_withdrawn_results_api import FOOTBALL, league

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_open_match_page_says_a_disqualified_teams_result_is_annulled(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        _event, t, st, _ = await league(client, "keep", reason="disqualified")
        played = next(m for m in (await stage(client, st["id"]))["matches"]
                      if set(m["teams"]) == {t[0], t[3]})
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    await page.goto(f"{base}/matches/{played['id']}?lang=ja")
    await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
    async with httpx.AsyncClient(base_url=base) as client:
        r = await client.patch(f"/api/stages/{st['id']}", json={
            "settings": {**FOOTBALL, "withdrawn_results": "annul"}}, headers=AUTH)
        assert r.status_code == 200, r.text
    # the screen reader hears why, from live.js: disqualified (it said 出場辞退)
    await expect(page.locator("[data-match-said]")).to_contain_text(
        DISQUALIFIED["ja"].format("チーム4"))
    await page.screenshot(path=shots / "annulled-disqualified-ja-phone.png", full_page=True)
    assert await page.evaluate("document.documentElement.scrollWidth") == 390
    await page.close()


async def test_a_referee_undoing_a_disqualifications_forfeit_is_told_it_stands(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, _t, ids = await bracket(client)  # the final: team 1 disqualified, forfeits
        before = (await client.get(f"/api/matches/{ids[3]}")).json()
        assert (before["forfeited_by"], before["forfeit_reason"]) == (1, "disqualified")
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, ids[3], "ko")
        await expect(phone.locator("[data-forfeit-reason]")).to_have_text("팀 1의 실격으로 기권패")
        undo = phone.locator('[data-action="undo"]')
        await expect(undo).to_have_text("기권 철회")
        await undo.click()
        # refused at its preview, before any question is asked
        error = phone.locator("[data-error]")
        await expect(error).to_be_visible()
        await expect(error).to_have_text(REFUSED["ko"]["disqualified"])
        await expect(phone.locator("dialog[open]")).to_have_count(0)
        await phone.screenshot(path=shots / "referee-withdrawal-forfeit-ko-phone.png",
                               full_page=True)
        # nothing changed: the stored match, and the console still shows the forfeit
        assert (await client.get(f"/api/matches/{ids[3]}")).json() == before
        await expect(phone.locator('[data-series="0"]')).to_have_text("기권")
        assert all("409" in e for e in phone.errors)  # type: ignore[attr-defined]
        await phone.close()
