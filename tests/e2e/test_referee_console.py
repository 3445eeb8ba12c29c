"""The referee console's hard cases in a real Chromium (issues 10 and 14): a conflict keeps
what the referee typed (on save, and when the live feed brings someone else's change), a
save whose answer was lost is retried with the same Idempotency-Key and applied once,
and forfeits ask first and name the team. Corrections: test_referee_corrections.py."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import (
    SAVED,
    deaf_phone,
    live_bo3,
    open_console,
    phone_signed_in,
    referee,
    tap_score,
)
from tests.helpers import AUTH, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_conflict_on_save_keeps_the_typed_game(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)
        me = await referee(client, event["slug"])
        other = await referee(client, event["slug"], name=unique("박심판"))
        # The feed does not reach this phone (a dead venue network for websockets): it
        # learns of the other referee's save only from the 409.
        phone = await deaf_phone(browser, client, me, base, m["id"], "ko")
        await expect(phone.locator("[data-next-title]")).to_have_text("2세트")
        await tap_score(phone, 9, 13)
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [7, 13]], "status": "live"},
            headers={"Authorization": f"Bearer {other['token']}"})
        assert r.status_code == 200
        await phone.get_by_role("button", name="2세트 저장").click()
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        await expect(panel.locator("[data-conflict-title]")).to_have_text(
            "다른 사람이 이 경기를 변경했습니다")
        who = panel.locator("[data-conflict-who]")
        await expect(who).to_contain_text(f"{other['name']} 님이 변경했습니다")
        await expect(panel.locator("[data-conflict-stored] .big-score")).to_have_text("1 – 1")
        await expect(panel.locator("[data-conflict-mine]")).to_contain_text("2세트")
        await expect(panel.locator("[data-conflict-mine] .big-score")).to_have_text("9 – 13")
        await expect(phone.locator('[data-point="0"]')).to_have_value("9")  # still typed
        await expect(phone.locator('[data-point="1"]')).to_have_value("13")
        await expect(phone.locator('[data-action="save-game"]')).to_be_hidden()
        await phone.screenshot(path=shots / "referee-conflict-ko-phone.png")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["games"] == [[13, 5], [7, 13]]  # nothing of mine was applied
        # both typed game 2: the panel says the stored one has that number, and the button
        # names the game the typed one would become (it read "add mine to the stored result"
        # and a referee review's second entry of one game ended a Bo3)
        await expect(panel.locator("[data-conflict-warn]")).to_have_text(
            "2세트는 이미 저장되어 있습니다. 다른 세트일 때만 저장하세요: 3세트로 기록됩니다.")
        # The referee chooses: their game goes on top of the stored result (game 3).
        await panel.get_by_role("button", name="내 입력을 3세트로 저장").click()
        # the winner's score first
        await expect(phone.locator("dialog[open]")).to_contain_text("팀 4 승리 (2 – 1)")
        await phone.locator("dialog[open] button.primary").click()
        await expect(phone.locator("[data-status]")).to_have_text("종료")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["games"] == [[13, 5], [7, 13], [9, 13]] and stored["winner"] == 2
        await phone.close()


async def test_a_change_made_with_the_admin_token_is_said_to_be_an_admins(browser,
                                                                          module_server):
    """The bootstrap token has no user: the panel read "TOURNAMENT_ADMIN_TOKEN 님이
    변경했습니다 (0초 전)"; it names an admin, and a change of seconds ago is "just now"."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)
        me = await referee(client, event["slug"])
        phone = await deaf_phone(browser, client, me, base, m["id"], "ko")
        await tap_score(phone, 9, 13)
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [7, 13]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200
        await phone.get_by_role("button", name="2세트 저장").click()
        who = phone.locator("[data-conflict] [data-conflict-who]")
        await expect(who).to_have_text("관리자(API 토큰)가 변경했습니다 (방금).")
        await phone.close()


async def test_a_change_on_the_feed_holds_the_typed_game_until_the_referee_chooses(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)
        me = await referee(client, event["slug"])
        other = await referee(client, event["slug"], name="佐藤審判")
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, m["id"], "ja")
        await tap_score(phone, 9, 13)
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [13, 7]], "status": "completed"},
            headers={"Authorization": f"Bearer {other['token']}"})
        assert r.status_code == 200
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        who = panel.locator("[data-conflict-who]")
        await expect(who).to_contain_text("佐藤審判さんが変更しました")
        await expect(panel.locator("[data-conflict-stored] .big-score")).to_have_text("2 – 0")
        await expect(panel.locator("[data-conflict-mine]")).to_contain_text("第2ゲーム")
        await expect(panel.locator("[data-conflict-mine] .big-score")).to_have_text("9 – 13")
        # the match is over: the typed game cannot go on top, only be dropped
        await expect(panel.locator('[data-action="apply-mine"]')).to_be_hidden()
        await expect(panel.locator("[data-conflict-warn]")).to_be_hidden()
        await expect(phone.locator('[data-point="1"]')).to_have_value("13")
        await phone.screenshot(path=shots / "referee-conflict-ja-phone.png")
        await panel.get_by_role("button", name="保存済みの結果を残す（自分の入力を破棄）").click()
        await expect(panel).to_be_hidden()
        await expect(phone.locator('[data-series="0"]')).to_have_text("2")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["games"] == [[13, 5], [13, 7]] and stored["version"] == m["version"] + 1
        await phone.close()


async def test_a_lost_answer_is_retried_with_the_same_key_and_applied_once(
        browser, module_server):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, m["id"], "ko")
        keys: list[str] = []

        async def flaky(route):
            if route.request.method != "PATCH":
                await route.continue_()
                return
            keys.append(route.request.headers["idempotency-key"])
            if len(keys) == 1:
                await route.fetch()  # the server applies it ...
                await route.abort("connectionreset")  # ... and the answer is lost
            else:
                await route.continue_()

        await phone.route(f"**/api/matches/{m['id']}", flaky)
        await tap_score(phone, 7, 13)
        await phone.get_by_role("button", name="2세트 저장").click()
        await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
        assert len(keys) == 2 and keys[0] == keys[1]
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["games"] == [[13, 5], [7, 13]] and stored["version"] == m["version"] + 1
        entries = (await client.get(f"/api/tournaments/{event['slug']}/audit", params={
            "target": f"match:{m['id']}", "actor": me["id"]}, headers=AUTH)).json()["items"]
        assert len(entries) == 1
        await expect(phone.locator('[data-series="1"]')).to_have_text("1")
        await phone.close()


async def test_a_forfeit_asks_first_and_names_the_team(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, m["id"], "ko")
        await phone.get_by_role("button", name="기권 처리…").click()
        choose = phone.locator("dialog[open]")
        await expect(choose.locator("[data-dialog-text]")).to_have_text("기권할 팀을 고르세요.")
        await expect(choose.get_by_role("button", name="팀 1 기권")).to_be_visible()
        await choose.get_by_role("button", name="팀 4 기권").click()
        confirm = phone.locator("dialog[open]")
        await expect(confirm).to_contain_text("팀 4 기권: 팀 1의 부전승이 됩니다.")
        await expect(confirm).to_contain_text("기록된 점수(1 – 0)는 기권으로 대체됩니다.")
        await phone.screenshot(path=shots / "referee-forfeit-ko-phone.png")
        await confirm.get_by_role("button", name="취소").click()  # changed their mind
        await expect(phone.locator("dialog[open]")).to_have_count(0)
        assert (await client.get(f"/api/matches/{m['id']}")).json()["status"] == "live"
        await phone.get_by_role("button", name="기권 처리…").click()
        await phone.locator("dialog[open]").get_by_role("button", name="팀 4 기권").click()
        await phone.locator("dialog[open]").get_by_role("button", name="팀 4 기권").click()
        await expect(phone.locator("[data-status]")).to_have_text("종료 · 기권")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["forfeited_by"] == 2 and stored["winner"] == 1
        # the console's score reads as the public pages do: 기권 (FF) for the side that
        # forfeited, 승 (W) for the walkover's winner (not a 0), in the page's language
        await expect(phone.locator('[data-series="0"]')).to_have_text("승")
        await expect(phone.locator('[data-series="1"]')).to_have_text("기권")
        await phone.reload()
        await expect(phone.locator('[data-series="0"]')).to_have_text("승")
        await expect(phone.locator('[data-series="1"]')).to_have_text("기권")
        # a forfeit entered by mistake is undone from the console: asked, naming the team
        undo = phone.locator('[data-action="undo"]')
        await expect(undo).to_have_text("기권 철회")
        await undo.click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text(
            "팀 4의 기권을 철회할까요? 경기가 점수 없이 다시 열립니다.")
        await dialog.get_by_role("button", name="기권 철회").click()
        await expect(phone.locator("[data-status]")).to_have_text("예정")
        await expect(phone.locator('[data-series="1"]')).to_have_text("0")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["status"] == "ready" and stored["forfeited_by"] is None
        assert stored["winner"] is None and stored["score"] == [0, 0]
        await expect(undo).to_be_hidden()
        await phone.close()
