"""What ends a game, on a referee's phone (390x844). A review of the demo found: a Tekken 8
game saved as finished at 1–0 rounds (and at 2–1 from the score in play) with no question,
"Save game N" right above "Save score in play", which is tapped after every round; at a
game's start, + for the round's winner left the other box empty and the save was refused
until a 0 was typed; and League of Legends asked for a score in each game, though a game
there only has a winner."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import live_m1_on_a_phone, open_console
from tests.helpers import AUTH

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_game_short_of_its_rounds_is_asked_about_and_play_is_saved_apart(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        m, url, phone = await live_m1_on_a_phone(browser, client, {
            "best_of": 5, "game_score": "rounds", "game_first_to": 3}, "ko")
        await open_console(phone, base, m["id"])
        # the first round's winner stepped up: the other side reads 0, not an empty box
        await phone.locator('[data-stepper="0"] [data-step="1"]').click()
        await expect(phone.locator('[data-point="1"]')).to_have_value("0")
        # "save score in play" comes first, under the boxes; the game's end below, apart
        live = await phone.locator('[data-action="save-live"]').bounding_box()
        end = await phone.locator('[data-action="save-game"]').bounding_box()
        assert live and end and end["y"] - (live["y"] + live["height"]) >= 24
        await phone.get_by_role("button", name="진행 중 점수 저장").click()
        await expect(phone.locator("[data-games] [data-in-play]")).to_have_text(
            "1세트 진행 중1 – 0")
        # "save game 1" at 1 – 0 rounds: asked first, in the referee's language
        await phone.get_by_role("button", name="1세트 저장").click()
        asked = phone.locator("dialog[open]")
        await expect(asked.locator("[data-dialog-text]")).to_have_text(
            "1세트는 아직 끝나지 않았습니다 (현재 1 – 0). 세트는 3라운드를 먼저 따낸 쪽이 "
            "이깁니다. 그래도 끝난 세트로 저장할까요?")
        # a save against the warning looks like the console's other risky actions (a
        # forfeit, a save that lowers a score): red, not the blue of a plain save
        anyway = asked.get_by_role("button", name="그래도 저장")
        await expect(anyway).to_have_class(re.compile(r"\bdanger\b"))
        await expect(anyway).not_to_have_class(re.compile(r"\bprimary\b"))
        await phone.screenshot(path=shots / "referee-short-game-ko-phone.png")
        await asked.get_by_role("button", name="취소").click()
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["game_in_play"]) == ([[1, 0]], True)  # still in play
        # at 3 rounds it is a game: saved with no question
        await phone.locator('[data-stepper="0"] [data-step="1"]').click()
        await phone.locator('[data-stepper="0"] [data-step="1"]').click()
        await phone.get_by_role("button", name="1세트 저장").click()
        await expect(phone.locator('[data-games] li[data-game="1"] strong')).to_have_text("3 – 0")
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["game_in_play"], stored["score"]) == (
            [[3, 0]], False, [1, 0])
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


async def test_a_winner_only_game_is_saved_and_corrected_by_its_winner(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        m, url, phone = await live_m1_on_a_phone(browser, client, {
            "best_of": 3, "game_score": "winner"}, "ja")
        await open_console(phone, base, m["id"], "ja")
        # no score to step, none in play: a button per team
        await expect(phone.locator("[data-stepper]:visible")).to_have_count(0)
        await expect(phone.locator('[data-action="save-live"]')).to_be_hidden()
        await phone.get_by_role("button", name="チーム1の勝ち（第1ゲーム）").click()
        line = phone.locator('[data-games] li[data-game="1"]')
        await expect(line.locator("strong")).to_have_text("チーム1の勝ち")
        assert (await client.get(url)).json()["games"] == [[1, 0]]
        await phone.screenshot(path=shots / "referee-winner-only-ja-phone.png")
        # corrected by the other winner's button, asked by name
        await line.get_by_role("button").click()
        await phone.get_by_role("button", name="チーム4の勝ち（第1ゲーム）").click()
        asked = phone.locator("dialog[open] [data-dialog-text]")
        await expect(asked).to_have_text(
            "第1ゲームの勝者を修正：チーム1 → チーム4。修正を保存しますか？\n"
            "シリーズのスコアが変わります：チーム1 1 – 0 チーム4 → チーム1 0 – 1 チーム4")
        await phone.locator("dialog[open] [data-dialog-choices] button").click()
        await expect(line.locator("strong")).to_have_text("チーム4の勝ち")
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["score"]) == ([[0, 1]], [0, 1])
        # undoing it asks by its winner too, never "(0 – 1)"
        await phone.get_by_role("button", name="最後のゲームを取り消す").click()
        await expect(asked).to_have_text("第1ゲーム（チーム4の勝ち）を取り消しますか？\n"
                                         "シリーズのスコアが下がります：0 – 1 → 0 – 0")
        await phone.locator("dialog[open]").get_by_role("button", name="キャンセル").click()
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


async def test_a_winner_only_game_typed_before_a_conflict_is_said_by_its_winner(
        browser, module_server, shots):
    """The conflict panel's "what you typed" read a League of Legends game as "1 – 0"."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        m, url, phone = await live_m1_on_a_phone(browser, client, {
            "best_of": 3, "game_score": "winner"}, "ko")
        # the feed does not reach this phone: it learns of the other save from the 409
        await phone.route_web_socket(re.compile(r"/ws/"), lambda ws: None)
        await phone.goto(f"{base}/matches/{m['id']}/referee?lang=ko")
        await expect(phone.locator("[data-next-title]")).to_have_text("1세트")
        r = await client.patch(url, json={"games": [[0, 1]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await phone.get_by_role("button", name="팀 1 승리 (1세트)").click()
        panel = phone.locator("[data-conflict]")
        await expect(panel.locator("[data-conflict-stored] li strong")).to_have_text("팀 4 승리")
        await expect(panel.locator("[data-conflict-mine]")).to_contain_text("1세트")
        await expect(panel.locator("[data-conflict-mine] .big-score")).to_have_text("팀 1 승리")
        await phone.screenshot(path=shots / "referee-winner-only-conflict-ko-phone.png")
        await phone.close()
