"""The referee console saves the score of the game in play (a phone at the venue): shown
to spectators, counted nowhere; the boxes keep it for the next point, a reload starts from
it, and saving the game ends it."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee, tap_score
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_the_console_saves_the_score_in_play_and_then_the_game(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))[1]
        url = f"/api/matches/{m['id']}"
        r = await client.patch(url, json={"games": [[13, 5]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, m["id"])
        await tap_score(phone, 5, 3)
        await phone.get_by_role("button", name="진행 중 점수 저장").click()
        playing = phone.locator("[data-games] [data-in-play]")
        await expect(playing).to_have_text("2세트 진행 중5 – 3")
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["game_in_play"], stored["score"], stored["status"]) \
            == ([[13, 5], [5, 3]], True, [1, 0], "live")
        # the boxes keep the score in play: one more round, saved again
        await expect(phone.locator('[data-point="0"]')).to_have_value("5")
        await phone.locator('[data-stepper="0"] [data-step="1"]').click()
        await phone.get_by_role("button", name="진행 중 점수 저장").click()
        await expect(playing).to_have_text("2세트 진행 중6 – 3")
        assert (await client.get(url)).json()["games"] == [[13, 5], [6, 3]]
        await phone.screenshot(path=shots / "referee-in-play-ko-phone.png")
        # a reload (or another phone) starts from the score in play
        await phone.evaluate("sessionStorage.clear()")
        await phone.reload()
        await expect(phone.locator('[data-point="0"]')).to_have_value("6")
        await expect(phone.locator('[data-point="1"]')).to_have_value("3")
        await expect(phone.locator("[data-next-title]")).to_have_text("2세트")
        # the game ends: saved as game 2, it decides the series
        await tap_score(phone, 13, 3)
        await phone.get_by_role("button", name="2세트 저장").click()
        await phone.locator("dialog[open] button.primary").click()
        await expect(phone.locator("[data-status]")).to_have_text("종료")
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["game_in_play"], stored["score"], stored["winner"]) \
            == ([[13, 5], [13, 3]], False, [2, 0], 1)
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()
