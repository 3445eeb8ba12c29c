"""A double elimination corrected on a phone (390 px) in Japanese, as the referee-console
review played it (best of 3, winner-only games, a bracket reset): a winner-only game's line
keeps "第2ゲーム" whole beside its Correct button with its winner whole on the row under
them; a referee refused a late correction (correction_needs_admin) leaves correction mode,
the games as they were, told who can make it, with a button back to the match; the admin's
question names the match a place waits for ("M3の結果待ち", not "この試合") and says a
bracket reset no longer needed is removed, in one line, never as two teams trading places."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee
from tests.helpers import AUTH, by_number, make_event, make_stage, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")

LONG = "福岡ソフトバンクホークス ゲーミング"


async def bracket(client: httpx.AsyncClient) -> tuple[dict[str, Any], dict[int, Any]]:
    event = await make_event(client, 4)
    r = await client.patch(f"/api/teams/{event['teams'][3]}", json={
        "name": LONG, "names": {"ko": LONG, "ja": LONG}}, headers=AUTH)
    assert r.status_code == 200, r.text
    st = await make_stage(client, event, format="double_elimination", settings={
        "best_of": 3, "game_score": "winner", "grand_final": "reset"})
    return event, by_number(st)


async def play(client: httpx.AsyncClient, match_id: int, games: list[list[int]]) -> None:
    r = await client.patch(f"/api/matches/{match_id}", json={
        "games": games, "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text


async def boxes(page: Page, selector: str) -> dict[str, float]:
    return dict(await page.locator(selector).evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, height: r.height}; }"))


async def test_a_refused_correction_leaves_correction_mode_on_a_phone(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, m = await bracket(client)
        await play(client, m[1]["id"], [[1, 0], [0, 1], [0, 1]])  # the long name wins 2-1
        for n in (2, 3, 4):
            await play(client, m[n]["id"], [[1, 0], [1, 0]])
        before = (await client.get(f"/api/matches/{m[1]['id']}")).json()
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, m[1]["id"], "ja")
        line = '[data-games] li[data-game="2"]'
        await expect(phone.locator(f"{line} strong")).to_have_text(f"{LONG}の勝ち")
        title = await boxes(phone, f"{line} > span:first-child")
        button = await boxes(phone, f"{line} .edit-game")
        winner = await boxes(phone, f"{line} strong")
        one_line = await boxes(phone, '[data-games] li[data-game="1"] > span:first-child')
        assert title["height"] == one_line["height"]  # "第2ゲーム" whole, never "第 / 2ゲーム"
        assert abs((title["top"] + title["bottom"]) - (button["top"] + button["bottom"])) < 30
        assert winner["top"] >= button["bottom"] - 1 and winner["left"] <= title["left"] + 1
        assert await phone.evaluate("document.documentElement.scrollWidth") == 390
        await phone.screenshot(path=shots / "referee-winner-lines-ja-phone.png", full_page=True)

        await phone.locator(line.replace('"2"', '"3"')).get_by_role("button").click()
        await expect(phone.locator("[data-next-title]")).to_have_text("第3ゲームを修正")
        await phone.get_by_role("button", name="チーム1の勝ち（第3ゲーム）").click()
        error = phone.locator("[data-error]")
        await expect(error).to_contain_text("すでに行われた試合（M3, M4）がリセットされます。"
                                            "管理者に修正を依頼してください。")
        await expect(error).to_contain_text("何も変更されていません。結果は元のままです。")
        # out of correction mode: no game marked, the next game's title, no cancel button
        await expect(phone.locator("[data-games] li.editing")).to_have_count(0)
        await expect(phone.locator("[data-next-title]")).not_to_have_text("第3ゲームを修正")
        await expect(phone.locator('[data-action="cancel-edit"]:visible')).to_have_count(0)
        await phone.screenshot(path=shots / "referee-needs-admin-ja-phone.png", full_page=True)
        await error.get_by_role("button", name="試合に戻る").click()
        await expect(error).to_be_hidden()
        assert (await client.get(f"/api/matches/{m[1]['id']}")).json() == before
        # in Korean, and at a desktop's width (one row a game there)
        await open_console(phone, base, m[1]["id"], "ko")
        await expect(phone.locator(f"{line} strong")).to_have_text(f"{LONG} 승리")
        await phone.screenshot(path=shots / "referee-winner-lines-ko-phone.png", full_page=True)
        await phone.set_viewport_size({"width": 1280, "height": 800})
        for lang in ("ko", "ja"):
            await open_console(phone, base, m[1]["id"], lang)
            title = await boxes(phone, f"{line} > span:first-child")
            winner = await boxes(phone, f"{line} strong")
            assert abs(title["top"] - winner["top"]) < 20, lang  # one row
            await phone.screenshot(path=shots / f"referee-winner-lines-{lang}-desktop.png",
                                   full_page=True)
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


async def admin_phone(browser: Any, client: httpx.AsyncClient) -> Page:
    r = await client.post("/api/users", json={"name": unique("organizer"), "role": "admin"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    return await phone_signed_in(browser, client, r.json(), "ja")


async def test_the_admins_question_names_what_a_place_waits_for_and_a_reset_removed(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        _, m = await bracket(client)
        await play(client, m[1]["id"], [[1, 0], [0, 1], [0, 1]])
        for n in (2, 3, 4):
            await play(client, m[n]["id"], [[1, 0], [1, 0]])
        phone = await admin_phone(browser, client)
        await open_console(phone, base, m[1]["id"], "ja")
        await phone.locator('[data-games] li[data-game="3"]').get_by_role("button").click()
        await phone.get_by_role("button", name="チーム1の勝ち（第3ゲーム）").click()
        asked = phone.locator("dialog[open] [data-dialog-text]")
        # M5's places: M3's loser (チーム2) and M4's winner (チーム1), both open again
        await expect(asked).to_contain_text("M5：チーム2の枠は、M3の結果待ちに戻ります。")
        await expect(asked).to_contain_text("M5：チーム1の枠は、M4の結果待ちに戻ります。")
        await expect(asked).not_to_contain_text("この試合の結果待ち")
        await phone.screenshot(path=shots / "referee-waits-for-ja-phone.png")
        await phone.locator("dialog[open]").get_by_role("button", name="キャンセル").click()

        # on to the reset: the lower finalist wins the grand final, then the reset
        await play(client, m[5]["id"], [[1, 0], [1, 0]])
        await play(client, m[6]["id"], [[1, 0], [0, 1], [0, 1]])
        gf1 = (await client.get(f"/api/matches/{m[6]['id']}")).json()
        stage = (await client.get(f"/api/stages/{gf1['stage_id']}")).json()
        reset = next(x for x in stage["matches"] if x["number"] == 7)
        assert reset["teams"] == gf1["teams"]  # the same sides as the grand final
        await play(client, reset["id"], [[0, 1], [0, 1]])
        await open_console(phone, base, m[6]["id"], "ja")
        await phone.locator('[data-games] li[data-game="3"]').get_by_role("button").click()
        # the upper finalist (the long name, side 1) won it after all
        await phone.get_by_role("button", name=f"{LONG}の勝ち（第3ゲーム）").click()
        await expect(asked).to_contain_text(
            "ブラケットリセット（M7）は不要になり、削除されます（結果も消えます）。")
        await expect(asked).not_to_contain_text("に代わって")
        await expect(asked).not_to_contain_text("M7の結果が消えます")
        await phone.screenshot(path=shots / "referee-reset-removed-ja-phone.png")
        await phone.locator("dialog[open] [data-dialog-choices] button").click()
        await expect(phone.locator('[data-games] li[data-game="3"] strong')).to_have_text(
            f"{LONG}の勝ち")
        assert (await client.get(f"/api/matches/{reset['id']}")).status_code == 404
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()
