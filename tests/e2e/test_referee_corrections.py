"""The referee console's corrections in a real Chromium (issues 10 and 14): a correction
that resets later matches is shown by M number before it is made (and refused for
referees), any stored game is corrected in place, and a question open when the live feed
changes the match is closed saying why, or goes to the conflict panel."""

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
from tests.helpers import AUTH, by_number, make_event, make_stage, report, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_correction_that_resets_later_matches_is_shown_first(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 3})
        m = by_number(st)
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={
            "games": [[13, 5], [13, 9]], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200
        for n in (2, 3):
            assert (await report(client, m[n]["id"], [2, 0])).status_code == 200
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, "ko")
        await open_console(phone, base, m[1]["id"], "ko")
        await phone.get_by_role("button", name="마지막 세트 삭제").click()
        await expect(phone.locator("[data-error]")).to_contain_text(
            "이 결과를 바꾸면 이미 진행된 경기(M3)가 초기화됩니다. 관리자에게 수정을 요청하세요.")
        await expect(phone.locator("[data-error]")).to_contain_text(
            "아무것도 바뀌지 않았습니다. 결과는 그대로입니다.")
        assert (await client.get(f"/api/matches/{m[3]['id']}")).json()["status"] == "completed"
        await phone.close()
        r = await client.post("/api/users", json={"name": unique("운영자"), "role": "admin"},
                              headers=AUTH)
        assert r.status_code == 201, r.text
        admin = await phone_signed_in(browser, client, r.json(), "ko")
        await open_console(admin, base, m[1]["id"], "ko")
        await admin.get_by_role("button", name="마지막 세트 삭제").click()
        dialog = admin.locator("dialog[open]")
        await expect(dialog).to_contain_text("2세트(13 – 9)를 삭제할까요?")
        await expect(dialog).to_contain_text("M3: 팀 1 자리는 M1 결과를 다시 기다립니다.")
        await expect(dialog).to_contain_text("이 수정으로 이미 진행된 M3의 결과가 지워집니다.")
        await admin.screenshot(path=shots / "referee-correction-ko-phone.png")
        await dialog.get_by_role("button", name="마지막 세트 삭제").click()
        await expect(admin.locator("[data-status]")).to_have_text("진행 중")
        assert (await client.get(f"/api/matches/{m[1]['id']}")).json()["games"] == [[13, 5]]
        reset = (await client.get(f"/api/matches/{m[3]['id']}")).json()
        assert reset["status"] == "pending" and reset["score"] == [0, 0]
        await admin.close()


async def test_any_stored_game_is_corrected_in_place(browser, module_server, shots):
    """A wrong game 2 of a finished 2-1 is corrected on its own line (it took undoing games
    3 and 2 and typing them again: organizer review): flipped to 13-9 the series is decided
    2-0 and game 3 goes, asked first; then game 1 flipped reopens the match at 1-1."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client, [[13, 5], [9, 13], [13, 7]], "completed")
        assert m["score"] == [2, 1]
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, "ko")
        await open_console(phone, base, m["id"], "ko")
        await phone.get_by_role("button", name="2세트 수정").click()
        await expect(phone.locator("[data-next-title]")).to_have_text("2세트 수정")
        await expect(phone.locator('[data-point="0"]')).to_have_value("9")  # as stored
        await expect(phone.locator('[data-point="1"]')).to_have_value("13")
        await phone.locator('[data-point="0"]').fill("13")
        await phone.locator('[data-point="1"]').fill("9")
        await phone.get_by_role("button", name="수정 저장").click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text(
            "2세트: 팀 1 9 – 13 팀 4 → 팀 1 13 – 9 팀 4. 이대로 고칠까요?")
        await expect(dialog).to_contain_text(
            "세트 스코어가 바뀝니다: 팀 1 2 – 1 팀 4 → 팀 1 2 – 0 팀 4")
        await expect(dialog).to_contain_text("기록된 세트 1개가 삭제됩니다.")
        await phone.screenshot(path=shots / "referee-correct-game-ko-phone.png")
        await dialog.get_by_role("button", name="수정 저장").click()
        await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert (stored["games"], stored["score"], stored["status"]) == (
            [[13, 5], [13, 9]], [2, 0], "completed")
        await expect(phone.locator("[data-games] li")).to_have_count(2)
        # game 1 flipped: 1-1, the match is open again for its third game
        await phone.get_by_role("button", name="1세트 수정").click()
        await phone.locator('[data-point="0"]').fill("5")
        await phone.locator('[data-point="1"]').fill("13")
        await phone.get_by_role("button", name="수정 저장").click()
        await expect(dialog).to_contain_text(
            "1세트: 팀 1 13 – 5 팀 4 → 팀 1 5 – 13 팀 4. 이대로 고칠까요?")
        await expect(dialog).to_contain_text(
            "세트 스코어가 바뀝니다: 팀 1 2 – 0 팀 4 → 팀 1 1 – 1 팀 4")
        await expect(dialog).to_contain_text(
            "수정 후에는 승부가 나지 않아(1 – 1) 경기가 계속됩니다.")
        await dialog.get_by_role("button", name="수정 저장").click()
        await expect(phone.locator("[data-status]")).to_have_text("진행 중")
        await expect(phone.locator("[data-next-title]")).to_have_text("3세트")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert (stored["games"], stored["status"]) == ([[5, 13], [13, 9]], "live")
        # the second team wins the third game: "팀 4 승리 (2 – 1)", its score first (it
        # read 1 – 2, in team order)
        await phone.locator('[data-point="0"]').fill("7")
        await phone.locator('[data-point="1"]').fill("13")
        await phone.get_by_role("button", name="3세트 저장").click()
        await expect(dialog).to_contain_text("이 세트로 승부가 납니다: 팀 4 승리 (2 – 1)")
        await dialog.get_by_role("button", name="취소").click()
        await expect(phone.locator("dialog[open]")).to_have_count(0)
        # a correction started and dropped changes nothing
        await phone.get_by_role("button", name="2세트 수정").click()
        await phone.get_by_role("button", name="수정 취소").click()
        await expect(phone.locator("[data-next-title]")).to_have_text("3세트")
        await expect(phone.locator('[data-point="0"]')).to_have_value("")
        assert (await client.get(f"/api/matches/{m['id']}")).json()["version"] == \
            stored["version"]
        await phone.close()


async def test_a_correction_confirmed_after_someone_elses_change_is_a_conflict(
        browser, module_server, shots):
    """Two people corrected one match: the second confirmed a dialog opened before the
    first's change arrived, and silently overwrote it (live review). The save now carries
    the version it was worked out on: a conflict, with the correction offered again. (The
    feed does not reach this phone: one it reaches closes the question first, below.)"""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client, [[13, 5], [9, 13]])
        me = await referee(client, event["slug"])
        other = await referee(client, event["slug"], name="鈴木審判")
        phone = await deaf_phone(browser, client, me, base, m["id"], "ja")
        await expect(phone.locator("[data-next-title]")).to_have_text("第3ゲーム")
        await phone.get_by_role("button", name="第2ゲームを修正").click()
        await phone.locator('[data-point="0"]').fill("13")
        await phone.locator('[data-point="1"]').fill("11")
        await phone.get_by_role("button", name="修正を保存").click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text(
            "第2ゲーム：チーム1 9 – 13 チーム4 を チーム1 13 – 11 チーム4 に直します")
        # meanwhile the other referee enters game 3 (the match is 1-2 now)
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [9, 13], [7, 13]], "status": "completed"},
            headers={"Authorization": f"Bearer {other['token']}"})
        assert r.status_code == 200
        theirs = r.json()
        await dialog.get_by_role("button", name="修正を保存").click()
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        await expect(panel.locator("[data-conflict-mine]")).to_contain_text("第2ゲームを修正")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["version"] == theirs["version"]  # theirs stands: nothing overwritten
        apply = panel.locator('[data-action="apply-mine"]')
        await expect(apply).to_have_text("自分の修正を保存（第2ゲーム）")
        await phone.screenshot(path=shots / "referee-correction-conflict-ja-phone.png")
        await apply.click()  # on top of theirs: game 2 becomes 13-11, the series 2-0
        await expect(dialog).to_contain_text(
            "第2ゲーム：チーム1 9 – 13 チーム4 を チーム1 13 – 11 チーム4 に直します")
        await expect(dialog).to_contain_text(
            "シリーズのスコアが変わります：チーム1 1 – 2 チーム4 → チーム1 2 – 0 チーム4")
        await expect(dialog).to_contain_text("修正後の勝者：チーム1（2 – 0）。")
        await dialog.get_by_role("button", name="修正を保存").click()
        await expect(phone.locator('[data-series="0"]')).to_have_text("2")
        await expect(phone.locator("[data-status]")).to_have_text("終了")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert (stored["games"], stored["score"]) == ([[13, 5], [13, 11]], [2, 0])
        await phone.close()


async def test_a_question_open_when_the_feed_changes_the_match_is_closed_saying_why(
        browser, module_server, shots):
    """A question names the score and the games as they were when it opened: when another
    referee's change arrived on the feed it stayed open naming the old score, for a tap that
    could only be a conflict. It is closed unanswered, and the console says why with the
    score as it is now; nothing is saved."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)  # 1-0 after game 1 (13-5)
        me = await referee(client, event["slug"])
        other = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, m["id"], "ko")
        await phone.get_by_role("button", name="마지막 세트 삭제").click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text("1세트(13 – 5)를 삭제할까요?")
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [7, 13]], "status": "live"},
            headers={"Authorization": f"Bearer {other['token']}"})
        assert r.status_code == 200
        theirs = r.json()
        await expect(phone.locator("dialog[open]")).to_have_count(0)
        error = phone.locator("[data-error]")
        await expect(error).to_have_text(
            "확인 창이 열려 있는 동안 경기가 변경되어 창을 닫았습니다 (현재 1 – 1, 진행 중). "
            "저장된 것은 없습니다. 경기를 확인하고 다시 선택하세요.")
        await expect(error).to_be_in_viewport()
        await expect(phone.locator('[data-series="1"]')).to_have_text("1")
        await phone.screenshot(path=shots / "referee-question-closed-ko-phone.png")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert (stored["games"], stored["version"]) == ([[13, 5], [7, 13]], theirs["version"])
        # asked again, the question is about the match as it is now
        await phone.get_by_role("button", name="마지막 세트 삭제").click()
        await expect(dialog).to_contain_text("2세트(7 – 13)를 삭제할까요?")
        await dialog.get_by_role("button", name="취소").click()
        await phone.close()


async def test_a_correction_asked_when_the_feed_brings_a_change_goes_to_the_conflict_panel(
        browser, module_server, shots):
    """The correction's question (第2ゲーム：9 – 13 を 13 – 11 に直します) is closed when
    another referee's game 3 arrives on the feed; the correction typed is kept and shown
    next to the stored match, named as the correction it is, with why the question closed."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client, [[13, 5], [9, 13]])
        me = await referee(client, event["slug"])
        other = await referee(client, event["slug"], name=unique("鈴木審判"))
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, m["id"], "ja")
        await phone.get_by_role("button", name="第2ゲームを修正").click()
        await phone.locator('[data-point="0"]').fill("13")
        await phone.locator('[data-point="1"]').fill("11")
        await phone.get_by_role("button", name="修正を保存").click()
        await expect(phone.locator("dialog[open]")).to_contain_text(
            "第2ゲーム：チーム1 9 – 13 チーム4 を チーム1 13 – 11 チーム4 に直します")
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [9, 13], [7, 13]], "status": "completed"},
            headers={"Authorization": f"Bearer {other['token']}"})
        assert r.status_code == 200
        theirs = r.json()
        await expect(phone.locator("dialog[open]")).to_have_count(0)
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        await expect(panel.locator("[data-conflict-note]")).to_have_text(
            "確認中に試合が変更されたため、確認を閉じました（現在1 – 2、終了）。"
            "何も保存されていません。試合を確認して、もう一度選んでください。")
        await expect(panel.locator("[data-conflict-who]")).to_contain_text(f"{other['name']}さん")
        await expect(panel.locator("[data-conflict-stored] .big-score")).to_have_text("1 – 2")
        await expect(panel.locator("[data-conflict-mine]")).to_contain_text("第2ゲームを修正")
        await expect(panel.locator('[data-action="apply-mine"]')).to_have_text(
            "自分の修正を保存（第2ゲーム）")
        await expect(phone.locator('[data-point="1"]')).to_have_value("11")  # still typed
        await phone.screenshot(path=shots / "referee-question-closed-ja-phone.png")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["version"] == theirs["version"]  # nothing of mine was saved
        await phone.close()


async def test_a_conflict_with_a_forfeit_says_the_forfeit_in_the_pages_language(
        browser, module_server):
    """The conflict panel drew the stored match with the script's own "FF" on a Korean
    console (the board beside it said 기권)."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await live_bo3(client)
        me = await referee(client, event["slug"])
        phone = await deaf_phone(browser, client, me, base, m["id"], "ko")
        await tap_score(phone, 9, 13)
        r = await client.patch(f"/api/matches/{m['id']}", json={"forfeit": 2}, headers=AUTH)
        assert r.status_code == 200, r.text
        await phone.get_by_role("button", name="2세트 저장").click()
        stored = phone.locator("[data-conflict] [data-conflict-stored] .big-score")
        await expect(stored).to_have_text("승 – 기권")  # W for the walkover's winner, as on
        # the public pages
        await phone.close()
