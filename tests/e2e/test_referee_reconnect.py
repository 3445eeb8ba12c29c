"""A referee's phone loses the network in the middle of a save and finds it again: the save
that was waiting out its backoff goes at once, not after the rest of the wait (up to 8 s,
with "connection lost, retrying" on the screen while the page already read "live")."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee, tap_score
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

START = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


async def test_a_save_waiting_to_retry_goes_when_the_phone_is_back_online(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))[1]
        url = f"/api/matches/{m['id']}"
        r = await client.patch(url, json={"status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        # fake timers, paused: the retry's backoff never runs out by itself, so only the
        # browser coming back online can send the save again
        await phone.clock.install(time=START)
        await open_console(phone, base, m["id"])
        await phone.clock.pause_at(START + timedelta(minutes=1))
        await tap_score(phone, 1, 0)
        await phone.context.set_offline(True)
        await phone.get_by_role("button", name="진행 중 점수 저장").click()
        await expect(phone.locator("[data-error]")).to_contain_text("다시 보내는 중")
        await phone.screenshot(path=shots / "referee-offline-retrying-ko-phone.png")
        assert (await client.get(url)).json()["games"] == []
        await phone.context.set_offline(False)

        # the console says it saved (its retry was answered), and the server has it
        await expect(phone.locator("[data-ok]")).to_have_text(
            "저장했습니다. 관람객에게 바로 보입니다.", timeout=15_000)
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["game_in_play"]) == ([[1, 0]], True)
        await expect(phone.locator("[data-error]")).to_be_hidden()
        await phone.screenshot(path=shots / "referee-back-online-ko-phone.png")
        await phone.context.close()
