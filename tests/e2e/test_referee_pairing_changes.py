"""The referee console when a correction elsewhere changes who plays its match (the referee
review, Tekken M10 and M12): every name follows the match, the referee is told who replaced
whom and by whose correction, what was typed for the old pairing is held in the conflict
panel (never saved), and a score in play that was saved, not typed, is not held as typed."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.e2e.referee_support import (
    SAVED,
    deaf_phone,
    open_console,
    phone_signed_in,
    referee,
    tap_score,
)
from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def final_with_its_first_game(browser: Browser, client: httpx.AsyncClient,
                                    base: str) -> tuple[dict, dict, dict, Page]:
    """A best-of-three final (M3) of 팀 1 v 팀 2, its semifinals won 2-0 by side 1, and a
    referee's phone on its Korean console that started it and saved game 1 at 13-5: the
    event, the bracket's matches by number, the referee, the phone."""
    event = await make_event(client, 4)
    m = by_number(await make_stage(client, event, settings={"best_of": 3}))
    for n in (1, 2):
        assert (await report(client, m[n]["id"], [2, 0])).status_code == 200
    me = await referee(client, event["slug"])
    phone = await phone_signed_in(browser, client, me, "ko")
    await open_console(phone, base, m[3]["id"], "ko")
    await phone.get_by_role("button", name="경기 시작").click()
    await tap_score(phone, 13, 5)
    await phone.get_by_role("button", name="1세트 저장").click()
    await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
    return event, m, me, phone


async def test_the_console_follows_a_correction_that_changes_who_plays_the_match(
        browser, module_server, shots):
    """An admin's correction of M1 sent another team into the final M3 while its console
    was open: the console took the feed's score but kept the old names on the board, the
    steppers and the forfeit question, and saved under them (the referee review, Tekken
    M12). Now every name follows the match, the referee is told who replaced whom and by
    whose correction (not their own name, from M3's own history), and what was typed for
    the old pairing is held in the conflict panel, never saved; a phone the feed does not
    reach is refused by the server and shows the same."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m, me, phone = await final_with_its_first_game(browser, client, base)
        final = m[3]["id"]
        await tap_score(phone, 9, 13)  # game 2, typed for 팀 1 vs 팀 2
        # a second phone of the referee's the feed does not reach, game 2 typed too
        deaf = await deaf_phone(browser, client, me, base, final, "ko")
        await expect(deaf.locator('[data-team="0"] .name')).to_have_text("팀 1")
        await tap_score(deaf, 9, 13)
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={
            "score": [0, 2], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200 and r.json()["reset_matches"] == [final]
        told = ("상대가 바뀌었습니다: 팀 1 대신 팀 4 출전. 이제 이 경기는 팀 4 vs 팀 2입니다.")
        who = "관리자(API 토큰)가 M1 결과를 수정해 이 경기가 초기화되었습니다 (방금)."
        await expect(phone.locator("[data-pairing-text]")).to_have_text(told)
        await expect(phone.locator("[data-pairing-who]")).to_have_text(who)
        await expect(phone.locator('[data-team="0"] .name')).to_have_text("팀 4")
        await expect(phone.locator('[data-stepper="0"] .name')).to_have_text("팀 4")
        await expect(phone.locator('[data-stepper="0"] [data-step="1"]')).to_have_attribute(
            "aria-label", "팀 4 점수 올리기 (+1)")
        await expect(phone.locator("[data-status]")).to_have_text("예정")
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        typed_for = ("입력한 내용은 팀 1 vs 팀 2 대진 때의 것이라 저장하지 않았습니다. "
                     "이 경기에 맞는 내용인지 확인한 뒤에만 다시 저장하세요.")
        await expect(panel.locator("[data-conflict-note]")).to_have_text(typed_for)
        await expect(panel.locator("[data-conflict-who]")).to_have_text(who)
        # what was typed for 팀 1 vs 팀 2 is the panel's: the boxes under 팀 4 are empty
        await expect(panel.locator("[data-conflict-mine] .big-score")).to_have_text("9 – 13")
        for i in (0, 1):
            await expect(phone.locator(f'[data-point="{i}"]')).to_have_value("")
        await phone.screenshot(path=shots / "referee-pairing-changed-ko-phone.png",
                               full_page=True)
        await panel.get_by_role("button", name="저장된 결과 유지 (내 입력 삭제)").click()
        await phone.get_by_role("button", name="기권 처리…").click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog.locator("[data-dialog-choices] button")).to_have_text(
            ["팀 4 기권", "팀 2 기권"])
        await dialog.get_by_role("button", name="취소").click()
        # the phone the feed missed saves game 2 for 팀 1 vs 팀 2: refused, and said so
        await deaf.get_by_role("button", name="2세트 저장").click()
        held = deaf.locator("[data-conflict]")
        await expect(held).to_be_visible()
        await expect(held.locator("[data-conflict-note]")).to_have_text(typed_for)
        await expect(held.locator("[data-conflict-who]")).to_have_text(who)
        await expect(deaf.locator('[data-team="0"] .name')).to_have_text("팀 4")
        await expect(deaf.locator("[data-pairing-text]")).to_have_text(told)
        await expect(deaf.locator('[data-point="0"]')).to_have_value("")
        # reloaded, the draft kept for 팀 1 vs 팀 2 is held and said again, in the panel
        await deaf.reload()
        await expect(held).to_be_visible()
        await expect(held.locator("[data-conflict-note]")).to_have_text(typed_for)
        await expect(held.locator("[data-conflict-mine] .big-score")).to_have_text("9 – 13")
        await expect(deaf.locator("[data-pairing-text]")).to_have_text(told)
        await expect(deaf.locator('[data-point="1"]')).to_have_value("")
        # saving it anyway (as game 1 of 팀 4 vs 팀 2) takes it from the panel, as typed
        await held.get_by_role("button", name="내 입력을 새 대진의 1세트로 저장").click()
        await expect(deaf.locator('[data-games] li[data-game="1"] strong')).to_have_text(
            "9 – 13")
        stored = (await client.get(f"/api/matches/{final}")).json()
        assert (stored["teams"], stored["games"]) == (
            [event["teams"][3], event["teams"][1]], [[9, 13]])
        # nothing broke but the save refused (the browser logs its 409)
        assert all("409" in e for e in deaf.errors)  # type: ignore[attr-defined]
        assert phone.errors == []  # type: ignore[attr-defined]
        await deaf.close()
        await phone.close()


async def test_a_score_in_play_saved_before_the_teams_changed_is_not_held_as_typed(
        browser, module_server, shots):
    """The referee review (Tekken M10, game 2 stored in play at 1–2, then an admin's
    correction sent another player into it): the console showed the score the reset wiped,
    which was saved and not typed, as the referee's unsaved input for the old pairing, and
    the new pairing's boxes still held it. Boxes holding only the stored score in play (taken
    from it on opening, or kept after saving it) follow the stored match: emptied, with the
    notice alone, on the phone that saved it and on one that opened after, also reloaded."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        _, m, me, phone = await final_with_its_first_game(browser, client, base)
        final = m[3]["id"]
        await tap_score(phone, 1, 2)
        await phone.get_by_role("button", name="진행 중 점수 저장").click()
        await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
        # a second phone opened since: its boxes start from the stored game in play
        other = await phone_signed_in(browser, client, me, "ko")
        await open_console(other, base, final, "ko")
        points = [f'[data-point="{i}"]' for i in (0, 1)]
        for page in (phone, other):
            for box, value in zip(points, ("1", "2"), strict=True):
                await expect(page.locator(box)).to_have_value(value)
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={
            "score": [0, 2], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200 and r.json()["reset_matches"] == [final]
        told = ("상대가 바뀌었습니다: 팀 1 대신 팀 4 출전. 이제 이 경기는 팀 4 vs 팀 2입니다.")
        for page in (phone, other):
            await expect(page.locator("[data-pairing-text]")).to_have_text(told)
            await expect(page.locator('[data-team="0"] .name')).to_have_text("팀 4")
            await expect(page.locator("[data-conflict]")).to_be_hidden()
            for box in points:
                await expect(page.locator(box)).to_have_value("")
        await phone.screenshot(path=shots / "referee-pairing-untyped-ko-phone.png",
                               full_page=True)
        # reloaded: no draft of the saved score was kept to be taken for typed input
        await phone.reload()
        await expect(phone.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(phone.locator("[data-conflict]")).to_be_hidden()
        for box in points:
            await expect(phone.locator(box)).to_have_value("")
        assert phone.errors == other.errors == []  # type: ignore[attr-defined]
        await other.close()
        await phone.close()
