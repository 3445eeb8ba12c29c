"""The conflict panel when the teams of an open match change under a typed game (the
referee review): it named what was typed with the old pairing's game number (第2ゲーム)
while its button offered to save it as 第1ゲーム; now both say which pairing they mean.
Its who-changed-it line keeps the relative time in one piece (Chromium split "たった / 今")."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee, tap_score
from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_panel_names_the_old_pairings_game_and_the_new_pairings_game(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))
        for n in (1, 2):
            assert (await report(client, m[n]["id"], [2, 0])).status_code == 200
        final = m[3]["id"]
        r = await client.patch(f"/api/matches/{final}", json={
            "games": [[13, 5]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, final, "ja")
        await tap_score(phone, 9, 13)  # game 2 of チーム1 vs チーム2
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={
            "score": [0, 2], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200 and r.json()["reset_matches"] == [final]
        panel = phone.locator("[data-conflict]")
        mine = panel.locator("[data-conflict-mine] p").first
        apply = panel.locator('[data-action="apply-mine"]')
        for _ in range(2):  # as the feed brings it, and again from the draft after a reload
            await expect(mine).to_have_text("チーム1 vs チーム2の第2ゲームに入力した内容")
            await expect(apply).to_have_text("自分の入力を新しい対戦カードの第1ゲームとして保存")
            # the relative time is one unbroken word, in the panel and in the notice
            for who in (panel.locator("[data-conflict-who]"), phone.locator("[data-pairing-who]")):
                when = who.locator("span.nowrap")
                await expect(when).to_have_text("たった今")
                assert await when.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
            await phone.reload()
        await phone.screenshot(path=shots / "referee-pairing-panel-ja-phone.png", full_page=True)
        await apply.click()
        await expect(phone.locator('[data-games] li[data-game="1"] strong')).to_have_text(
            "9 – 13")
        await phone.close()
