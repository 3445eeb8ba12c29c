"""A disqualified team's annulled result is said so as it happens (live.js, on the match
page a spectator has open), and a referee's console offers no undo of a forfeit a
disqualification made, saying why in its language (tests/integration/
test_withdrawal_words.py has the API's refusal, test_referee_forfeit_stands.py the page)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee
from tests.helpers import AUTH, stage
from tests.integration.test_referee_forfeit_stands import STANDS
from tests.integration.test_withdrawal_forfeits import bracket
from tests.integration.test_withdrawal_words import DISQUALIFIED
from tests.integration.test_withdrawn_reopen import CLOSED
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


async def test_a_referee_is_offered_no_undo_on_a_disqualifications_forfeit(
        browser, module_server, shots):
    """The forfeit stands for a referee (409 withdrawal_forfeit): the console offered Undo
    and Forfeit all the same, and refused them once tapped. It offers neither, and says why
    under the board as the script draws it; an admin's console keeps Forfeit, and no undo
(it would reopen a match with a disqualified team: test_withdrawn_reopen.py)."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, _t, ids = await bracket(client)  # the final: team 1 disqualified, forfeits
        before = (await client.get(f"/api/matches/{ids[3]}")).json()
        assert (before["forfeited_by"], before["forfeit_reason"]) == (1, "disqualified")
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, ids[3], "ko")
        await expect(phone.locator("[data-forfeit-reason]")).to_have_text("팀 1의 실격으로 기권패")
        await expect(phone.locator("[data-forfeit-stands]")).to_have_text(
            STANDS["ko"]["disqualified"])
        await expect(phone.locator('[data-action="undo"]')).to_be_hidden()
        await expect(phone.locator('[data-action="forfeit"]')).to_be_hidden()
        await expect(phone.locator('[data-series="0"]')).to_have_text("기권")
        await phone.screenshot(path=shots / "referee-withdrawal-forfeit-ko-phone.png",
                               full_page=True)
        assert await phone.evaluate("document.documentElement.scrollWidth") == 390
        assert not phone.errors  # type: ignore[attr-defined]
        await phone.close()
        # an admin may change it to another final result: Forfeit offered, no such line;
        # no undo either (it would reopen a match with a disqualified team), and why
        r = await client.post("/api/users", json={"name": "boss-dq", "role": "admin"},
                              headers=AUTH)
        assert r.status_code == 201, r.text
        boss = r.json()
        phone = await phone_signed_in(browser, client, boss, "ja")
        await open_console(phone, base, ids[3], "ja")
        await expect(phone.locator('[data-action="forfeit"]')).to_be_visible()
        await expect(phone.locator("[data-forfeit-stands]")).to_be_hidden()
        await expect(phone.locator('[data-action="undo"]')).to_be_hidden()
        await expect(phone.locator("[data-withdrawn-closed]")).to_have_text(CLOSED["ja"])
        await phone.screenshot(path=shots / "referee-withdrawn-closed-ja-phone.png",
                               full_page=True)
        assert await phone.evaluate("document.documentElement.scrollWidth") == 390
        assert not phone.errors  # type: ignore[attr-defined]
        await phone.close()
        assert (await client.get(f"/api/matches/{ids[3]}")).json() == before
