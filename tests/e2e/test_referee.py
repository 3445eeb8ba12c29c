"""Issue 10 in a real Chromium at phone size, in Korean: a referee signs in with a one-time
link, finds the match on /referee, starts it, enters games and finishes; a spectator's
bracket shows each step live. The series-score-only case (the demo's M10) keeps its score."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import PHONE, open_console, phone_signed_in, referee, tap_score
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")
SAVED = "저장했습니다. 관람객에게 바로 보입니다."


async def test_sign_in_by_link_start_enter_games_finish_seen_live(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        r = await client.patch(f"/api/tournaments/{event['slug']}/events/lol",  # maps
                               json={"game": "VALORANT"}, headers=AUTH)
        assert r.status_code == 200, r.text
        st = await make_stage(client, event, settings={"best_of": 3})
        first = by_number(st)[1]
        r = await client.patch(f"/api/matches/{first['id']}", json={
            "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200
        ref = await referee(client, event["slug"], name="김심판")
        spectator = await browser.new_page(viewport=PHONE)
        await spectator.goto(f"{base}/stages/{st['id']}?lang=ko")
        await expect(spectator.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        box = spectator.locator(f'.match[data-match="{first["id"]}"]')

        phone = await phone_signed_in(browser, client, ref, "ko")
        await phone.screenshot(path=shots / "referee-list-ko-phone.png", full_page=True)
        item = phone.locator(f'[data-match-link="{first["id"]}"]')
        await expect(item).to_contain_text("M1")
        await expect(item).to_contain_text("팀 1")
        await expect(item).to_contain_text("11월 28일 (토) 19:00 KST")
        await item.click()
        await expect(phone.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(phone.locator("[data-status]")).to_have_text("예정")

        await phone.get_by_role("button", name="경기 시작").click()
        await expect(phone.locator("[data-status]")).to_have_text("진행 중")
        await expect(box.locator("[data-badge]")).to_have_text("라이브")

        await tap_score(phone, 13, 7, "Ascent")
        await phone.get_by_role("button", name="1세트 저장").click()
        await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
        await expect(phone.locator('[data-series="0"]')).to_have_text("1")
        await expect(box.locator('[data-side="0"] [data-score]')).to_have_text("1")
        await expect(phone.locator('[data-point="0"]')).to_have_value("")  # ready for game 2

        await tap_score(phone, 9, 13)
        await phone.get_by_role("button", name="2세트 저장").click()
        await expect(box.locator('[data-side="1"] [data-score]')).to_have_text("1")
        # the deciding game asks first, naming the winner
        await phone.locator('[data-stepper="0"] [data-step="1"]').click()
        await tap_score(phone, 13, 11)
        await phone.get_by_role("button", name="3세트 저장").click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text("이 세트로 승부가 납니다: 팀 1 승리 (2 – 1)")
        await phone.screenshot(path=shots / "referee-finish-dialog-ko-phone.png")
        await dialog.get_by_role("button", name="저장하고 경기 종료").click()
        await expect(phone.locator("[data-status]")).to_have_text("종료")
        await expect(box.locator('[data-side="0"]')).to_have_class("side won")
        await phone.screenshot(path=shots / "referee-ko-phone.png", full_page=True)
        await spectator.screenshot(path=shots / "referee-spectator-ko-phone.png")
        match = (await client.get(f"/api/matches/{first['id']}")).json()
        assert match["games"] == [[13, 7], [9, 13], [13, 11]] and match["winner"] == 1
        assert match["maps"] == ["Ascent", None, None]
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()
        await spectator.close()


@pytest.mark.parametrize("lang", ["ko", "ja"])
async def test_a_series_score_without_games_is_never_lost(browser, module_server, shots, lang):
    """The demo's Tekken M10: live at 2-1 with no per-game list. The next game makes it
    3-1 (or 2-2), never 1-0; the console starts from the stored state. Only the next game's
    winner is asked (a game score or map would have nowhere to go), and a mistaken win is
    taken off the side the referee names."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 6)
        st = await make_stage(client, event, format="double_elimination",
                              settings={"best_of": 5, "grand_final": "reset"})
        m = next(x for x in st["matches"] if x["status"] == "ready")
        r = await client.patch(f"/api/matches/{m['id']}", json={"score": [2, 1],
                                                                "status": "live"}, headers=AUTH)
        assert r.status_code == 200
        names = [(await client.get(f"/api/teams/{t}")).json()["names"][lang] for t in m["teams"]]
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, lang)
        await open_console(phone, base, m["id"], lang)
        await expect(phone.locator('[data-series="0"]')).to_have_text("2")
        await expect(phone.locator('[data-series="1"]')).to_have_text("1")
        await expect(phone.locator("[data-series-only]")).to_be_visible()
        await expect(phone.locator("[data-next-title]")).to_have_text(
            "4세트" if lang == "ko" else "第4ゲーム")
        for hidden in ('[data-stepper="0"]', "[data-map]", '[data-action="save-game"]'):
            await expect(phone.locator(hidden)).to_be_hidden()
        won = phone.locator('[data-action="won"]')
        await expect(won).to_have_text([
            f"{names[0]} 승리 (4세트)" if lang == "ko" else f"{names[0]}の勝ち（第4ゲーム）",
            f"{names[1]} 승리 (4세트)" if lang == "ko" else f"{names[1]}の勝ち（第4ゲーム）"])
        await phone.screenshot(path=shots / f"referee-m10-{lang}-phone.png", full_page=True)
        # side 2 wins game 4: 2-2, still live
        await won.nth(1).click()
        await expect(phone.locator('[data-series="1"]')).to_have_text("2")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["score"] == [2, 2] and stored["status"] == "live"
        assert stored["games"] == []
        # that was a mistake: side 2's win is taken off again (asked, naming both sides)
        undo = phone.locator('[data-action="undo"]')
        await expect(undo).to_have_text(
            "세트 승리 1 빼기…" if lang == "ko" else "勝ちゲームを1つ取り消す…")
        await undo.click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog.locator("[data-dialog-choices] button")).to_have_text(
            [f"{names[0]} (2 → 1)", f"{names[1]} (2 → 1)"])
        await dialog.locator("[data-dialog-choices] button").nth(1).click()
        await expect(phone.locator('[data-series="1"]')).to_have_text("1")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["score"] == [2, 1] and stored["status"] == "live"
        # side 1 wins game 4: 3-1, the console asks, then finishes
        await won.nth(0).click()
        await phone.locator("dialog[open] button.primary").click()
        await expect(phone.locator('[data-series="0"]')).to_have_text("3")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["score"] == [3, 1] and stored["status"] == "completed"
        assert stored["winner"] == 1
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


async def test_a_football_match_is_one_result_with_its_goals(browser, module_server, shots):
    """eFootball (a one-game match, goals, draws allowed): the console asks for the result,
    not "game 1" with a map, shows a 2-2 draw as 2 - 2 as the public pages do (it showed the
    series score 0 - 0), and refuses a score that is not a whole number in range with a
    message that says so."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="round_robin", settings={
            "best_of": 1, "allow_draws": True, "game_score": "goals"})
        m = by_number(st)[1]
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, "ko")
        await open_console(phone, base, m["id"], "ko")
        await expect(phone.locator("[data-next-title]")).to_have_text("결과")
        await expect(phone.locator('[data-action="save-game"]')).to_have_text("결과 저장")
        await expect(phone.locator("[data-map]")).to_be_hidden()
        save = phone.locator('[data-action="save-game"]')
        for a, said in (("-1", "점수는 0 이상의 정수로 입력하세요."),
                        ("1.5", "점수는 0 이상의 정수로 입력하세요."),
                        ("99999", "점수는 9999까지만 입력할 수 있습니다.")):
            await tap_score(phone, 0, 0)
            await phone.locator('[data-point="0"]').fill(a)
            await save.click()
            await expect(phone.locator("[data-error]")).to_have_text(said)
        # the + stepper stops at the most a score can be
        await phone.locator('[data-point="0"]').fill("9999")
        await phone.locator('[data-stepper]').first.locator('[data-step="1"]').click()
        await expect(phone.locator('[data-point="0"]')).to_have_value("9999")
        await tap_score(phone, 2, 0)
        await phone.locator('[data-point="1"]').fill("")  # a missed box is not a 0
        await save.click()
        other = (await client.get(f"/api/teams/{m['teams'][1]}")).json()
        await expect(phone.locator("[data-error]")).to_have_text(  # names the empty box
            f"{other['names']['ko']}의 점수도 입력하세요(빈칸은 0으로 처리하지 않습니다).")
        # under the save button and scrolled to: below the actions a phone never showed it
        await expect(phone.locator("[data-error]")).to_be_in_viewport()
        assert (await client.get(f"/api/matches/{m['id']}")).json()["version"] == m["version"]
        await tap_score(phone, 2, 2)
        await save.click()
        dialog = phone.locator("dialog[open]")
        await expect(phone.locator("[data-error]")).to_be_hidden()  # the old error is gone
        # the result's own words: no "set" (세트) or series score in a one-game match
        await expect(dialog.locator("[data-dialog-text]")).to_have_text(
            "경기가 무승부(2 – 2)로 끝납니다. 결과를 저장하고 경기를 종료할까요?")
        await dialog.locator("button.primary").click()
        await expect(phone.locator("[data-status]")).to_have_text("종료")
        await expect(phone.locator('[data-series="0"]')).to_have_text("2")
        await expect(phone.locator('[data-series="1"]')).to_have_text("2")
        # the line holds its correct button
        await expect(phone.locator("[data-games] li")).to_have_text(["결과2 – 2무승부수정"])
        await expect(phone.locator('[data-action="undo"]')).to_have_text("결과 삭제")
        await phone.screenshot(path=shots / "referee-football-ko-phone.png", full_page=True)
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["games"] == [[2, 2]] and stored["score"] == [0, 0]
        assert not any(stored["maps"] or []) and stored["draw"] is True
        await phone.reload()  # the page drawn by the server says the same
        await expect(phone.locator('[data-series="0"]')).to_have_text("2")
        # taking the result back asks about the result, not a series score
        await phone.locator('[data-action="undo"]').click()
        await expect(dialog.locator("[data-dialog-text]")).to_have_text("결과(2 – 2)를 지울까요?")
        await dialog.get_by_role("button", name="결과 삭제").click()
        await expect(phone.locator("[data-status]")).not_to_have_text("종료")
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert stored["games"] in ([], None) and stored["status"] != "completed"
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


async def test_an_error_takes_the_focus_from_the_score_box_and_stays_in_view(
        browser, module_server, shots):
    """On a phone the score box's keyboard covers the lower half of the screen, and the
    error under the save button was scrolled only "into view" behind it, the box keeping
    the focus (and the keyboard). The error takes the focus (the keyboard goes away) and
    stands whole on the 390x844 screen; it is said in the page's language."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 5})
        m = by_number(st)[1]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 5], [9, 13], [13, 11]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        version = r.json()["version"]
        ref = await referee(client, event["slug"])
        for lang, said in (
                ("ko", "팀 4의 점수도 입력하세요(빈칸은 0으로 처리하지 않습니다)."),
                ("ja", "チーム4のスコアも入力してください（空欄は0として扱いません）。")):
            phone = await phone_signed_in(browser, client, ref, lang)
            assert phone.viewport_size == PHONE
            await open_console(phone, base, m["id"], lang)
            box = phone.locator('[data-point="0"]')
            await box.click()
            await phone.keyboard.type("13")
            await expect(box).to_be_focused()  # the keyboard would be up
            await phone.locator('[data-action="save-game"]').click()
            error = phone.locator("[data-error]")
            await expect(error).to_have_text(said)
            await expect(error).to_be_focused()
            await expect(error).to_be_in_viewport(ratio=1)
            await phone.screenshot(path=shots / f"referee-error-focus-{lang}-phone.png")
            # typing again starts from the box, the number kept
            await expect(box).to_have_value("13")
            await phone.close()
        assert (await client.get(f"/api/matches/{m['id']}")).json()["version"] == version


async def test_the_map_box_is_offered_only_for_a_title_played_on_maps(browser, module_server):
    """League of Legends is played on one map: its console offered "Map (optional)" all the
    same (so did Tekken's). The box is for titles with maps (tournament/titles.py); a map
    stored anyway stays on its game's line and through a correction."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)  # League of Legends
        st = await make_stage(client, event, settings={"best_of": 3})
        m = by_number(st)[1]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [{"score": [13, 5], "map": "Howling Abyss"}], "status": "live"},
            headers=AUTH)
        assert r.status_code == 200, r.text
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, "ko")
        await open_console(phone, base, m["id"], "ko")
        await expect(phone.locator("[data-map-label]")).to_be_hidden()
        await expect(phone.locator('[data-games] li[data-game="1"] span').first).to_have_text(
            "1세트 · Howling Abyss")
        await phone.get_by_role("button", name="1세트 수정").click()
        await phone.locator('[data-point="0"]').fill("13")
        await phone.locator('[data-point="1"]').fill("7")
        await phone.get_by_role("button", name="수정 저장").click()
        await phone.locator("dialog[open]").get_by_role("button", name="수정 저장").click()
        await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
        stored = (await client.get(f"/api/matches/{m['id']}")).json()
        assert (stored["games"], stored["maps"]) == ([[13, 7]], ["Howling Abyss"])
        for game, shown in (("VALORANT", True), ("Tekken 8", False), ("CS2", True)):
            r = await client.patch(f"/api/tournaments/{event['slug']}/events/lol",
                                   json={"game": game}, headers=AUTH)
            assert r.status_code == 200, r.text
            await phone.reload()
            label = phone.locator("[data-map-label]")
            await (expect(label).to_be_visible() if shown else expect(label).to_be_hidden())
            if shown:
                await expect(label).to_contain_text("맵 (선택)")
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


async def test_a_lobby_form_says_its_own_errors_on_a_phone(browser, module_server, shots):
    """A battle royale lobby's form in Japanese on a phone: the browser's own bubbles do not
    stand in for the page's messages (an empty kills box, a place given twice each get the
    page's sentence naming the teams), and a good game is saved."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, name="Final", format="free_for_all",
                              settings={"placement_points": [10, 6, 5, 4], "games": 2})
        (lobby,) = st["matches"]
        t = event["teams"]
        ref = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, ref, "ja")
        await phone.goto(f"{base}/matches/{lobby['id']}/referee?lang=ja")
        for i, team in enumerate(t):
            await phone.locator(f'[name="place_{team}"]').fill(str(i + 1))
            await phone.locator(f'[name="kills_{team}"]').fill(str(i))
        await phone.locator(f'[name="kills_{t[2]}"]').fill("")
        await phone.locator("[data-save-game]").click()
        await expect(phone.locator("[data-error]")).to_have_text(
            "チーム3：キル数は0以上の整数で入力してください。")
        await phone.locator(f'[name="kills_{t[2]}"]').fill("2")
        await phone.locator(f'[name="place_{t[3]}"]').fill("1")
        await phone.locator("[data-save-game]").click()
        await expect(phone.locator("[data-error]")).to_have_text(
            "1位がチーム1、チーム4に重複しています。各順位は1チームだけです。")
        await expect(phone.locator("[data-invalid]")).to_have_count(2)
        await phone.screenshot(path=shots / "referee-lobby-error-ja-phone.png", full_page=True)
        small = await phone.evaluate("""() => [...document.querySelectorAll('main a, main button')]
          .filter((e) => e.offsetParent !== null).map((e) => [e.textContent.trim(),
            Math.round(e.getBoundingClientRect().height)]).filter(([, h]) => h < 44)""")
        assert small == []  # every link and button of the form is big enough to tap
        assert (await client.get(f"/api/matches/{lobby['id']}")).json()["placings"] == []
        await phone.locator(f'[name="place_{t[3]}"]').fill("4")
        await phone.locator("[data-save-game]").click()
        await expect(phone.locator("[data-ok]")).to_contain_text("1")
        stored = (await client.get(f"/api/matches/{lobby['id']}")).json()
        assert [r["team_id"] for r in stored["placings"][0]["results"]] == t
        # the refused saves' 422 answers are the only console lines
        assert [e for e in phone.errors if "422" not in e] == []  # type: ignore[attr-defined]
        await phone.close()
