"""Issue 11 in Chromium: the day's control board in Korean follows a referee's score live
(no reload), checks a team in, and forfeits a no-show after a confirm; the run sheet prints
without the console around it; a match page refuses a clash on a phone in Japanese."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import PASSWORD, make_user
from tests.e2e.referee_support import sign_in
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}




async def _day(client: httpx.AsyncClient) -> tuple[dict, dict, dict]:
    event = await make_event(client, teams=4)
    await client.patch(f"/api/tournaments/{event['slug']}", json={"timezone": "Asia/Seoul"},
                       headers=AUTH)
    st = await make_stage(client, event, settings={"best_of": 3, "third_place_match": True})
    m = by_number(st)
    now = datetime.now(UTC)
    for match, body in ((m[1], {"scheduled_at": (now - timedelta(minutes=20)).isoformat(),
                                "venue": "Hall A", "station": "1"}),
                        (m[2], {"scheduled_at": (now - timedelta(minutes=5)).isoformat(),
                                "venue": "Hall A", "station": "2"}),
                        (m[2], {"score": [1, 0], "status": "live"})):
        r = await client.patch(f"/api/matches/{match['id']}", json=body, headers=AUTH)
        assert r.status_code == 200, r.text
    return event, st, m


async def test_the_board_follows_the_day_in_korean(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event, st, m = await _day(client)
        desk = await browser.new_context(viewport=LAPTOP)
        page = await desk.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        await sign_in(page, base, admin["name"], "ko")
        await page.goto(f"{base}/admin/t/{event['slug']}/board?lang=ko")
        await expect(page.locator("h1")).to_have_text("경기 관제판")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        live = page.locator(f'[data-board-section="live"] [data-board-match="{m[2]["id"]}"]')
        await expect(live.locator('[data-side="1"] .score')).to_have_text("1")
        late = page.locator(f'[data-board-section="late"] [data-board-match="{m[1]["id"]}"]')
        await expect(late.locator("[data-late]")).to_contain_text("분 지연")
        await page.screenshot(path=shots / "board-ko-laptop.png", full_page=True)

        # a referee's game on another device reaches the board without a reload
        r = await client.patch(f"/api/matches/{m[2]['id']}", json={"score": [1, 1],
                                                                     "status": "live"},
                               headers=AUTH)
        assert r.status_code == 200
        await expect(live.locator('[data-side="2"] .score')).to_have_text("1", timeout=10_000)

        # team 1 checks in; team 4 does not come: a forfeit after a confirm
        async with page.expect_navigation():
            await late.locator('[data-check-in="1"]').click()
        await expect(late.locator('[data-side="1"] [data-checked-in]')).to_contain_text(
            "체크인 완료")
        asked: list[str] = []

        async def accept(dialog):  # the confirm names the team that did not come
            asked.append(dialog.message)
            await dialog.accept()
        page.on("dialog", accept)
        async with page.expect_navigation():
            await late.locator('[data-no-show="2"]').click()
        assert asked == ["팀 4 불참: 기권패로 기록할까요?"], asked
        late_now = page.locator('[data-board-section="late"] [data-board-match]')
        await expect(late_now).to_have_count(0)
        done = by_number((await client.get(f"/api/stages/{st['id']}")).json())
        assert (done[1]["status"], done[1]["winner"], done[1]["forfeited_by"]) == \
            ("completed", 1, 2)
        assert done[3]["teams"][0] == st["seeding"][0]

        # the run sheet on paper: the day's matches without the console around them
        await page.goto(f"{base}/admin/t/{event['slug']}/run-sheet?lang=ko")
        await expect(page.locator('[data-sheet-group="Hall A|1"] [data-sheet-match]')) \
            .to_have_count(1)
        await page.emulate_media(media="print")
        await expect(page.locator(".console-menu")).to_be_hidden()
        await expect(page.locator("header.top")).to_be_hidden()
        await expect(page.locator('[data-sheet-group="Hall A|2"]')).to_be_visible()
        await page.screenshot(path=shots / "run-sheet-ko-print.png", full_page=True)
        await page.emulate_media(media="screen")
        assert errors == []
        await desk.close()


async def test_a_clash_is_refused_on_a_phone_in_japanese(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        _, _, m = await _day(client)
        phone = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = await phone.new_page()
        await sign_in(page, base, admin["name"], "ja")
        await page.goto(f"{base}/admin/matches/{m[3]['id']}?lang=ja")
        first = (await client.get(f"/api/matches/{m[1]['id']}")).json()["scheduled_at"]
        at = first[:16]  # the same local time (Seoul) as M1, on M1's station
        await page.fill('[data-field="scheduled_at"]', at)
        await page.fill('[data-field="venue"]', "Hall A")
        await page.fill('[data-field="station"]', "1")
        async with page.expect_navigation():
            await page.locator("[data-save-match]").click()
        await expect(page.locator("[data-error]")).to_be_visible()
        await expect(page.locator("[data-clashes] li")).to_have_text(
            re.compile(r"M3 ↔ Playoffs M1：ステーション Hall A 1"))
        await page.screenshot(path=shots / "match-clash-ja-phone.png", full_page=True)
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], width  # nothing runs off the phone's screen
        assert (await client.get(f"/api/matches/{m[3]['id']}")).json()["station"] is None
        await page.locator("[data-override]").check()
        async with page.expect_navigation():
            await page.locator("[data-save-match]").click()
        await expect(page.locator("[data-ok]")).to_be_visible()
        assert (await client.get(f"/api/matches/{m[3]['id']}")).json()["station"] == "1"
        await phone.close()
