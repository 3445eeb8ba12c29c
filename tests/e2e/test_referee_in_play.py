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


async def test_the_game_in_plays_map_stays_shown_to_spectators(browser, module_server, shots):
    """A VALORANT map being played, saved with "Save score in play": the open match pages
    (ja, ko) show it as it arrives and as a reload draws it. The console opened again (a
    reload, another phone) starts from the game in play with its map: it started from the
    score alone, so the next save in play sent the game without its map and the match page
    lost it."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        r = await client.patch(f"/api/tournaments/{event['slug']}/events/lol",  # maps
                               json={"game": "VALORANT"}, headers=AUTH)
        assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))[1]
        url = f"/api/matches/{m['id']}"
        r = await client.patch(url, json={"games": [[13, 5]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        spectators = {}
        for lang in ("ja", "ko"):
            page = await browser.new_page(viewport={"width": 390, "height": 844})
            await page.goto(f"{base}/matches/{m['id']}?lang={lang}")
            await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
            spectators[lang] = page
        said = {"ja": "第2ゲーム 進行中", "ko": "2세트 진행 중"}

        async def shown(score: list[str], only: str | None = None) -> None:
            for lang, page in spectators.items():
                if only and lang != only:
                    continue
                row = page.locator("[data-games] [data-in-play]")
                # the map in the game's row heading, under its name on a phone
                await expect(row.locator("th")).to_have_text(f"{said[lang]} Ascent")
                await expect(row.locator("th [data-map]")).to_have_text("Ascent")
                await expect(row.locator("td")).to_have_text(score)

        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, m["id"], "ja")
        await tap_score(phone, 5, 3, "Ascent")
        await phone.locator('[data-action="save-live"]').click()
        await expect(phone.locator("[data-games] [data-in-play]")).to_contain_text("Ascent")
        await shown(["5", "3"])
        # the console opened again starts from the game in play, its map too
        await phone.evaluate("sessionStorage.clear()")
        await phone.reload()
        await expect(phone.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(phone.locator('[data-point="0"]')).to_have_value("5")
        await expect(phone.locator("[data-map]")).to_have_value("Ascent")
        await phone.locator('[data-stepper="0"] [data-step="1"]').click()
        await phone.locator('[data-action="save-live"]').click()
        await expect(phone.locator("[data-games] [data-in-play]")).to_contain_text("6 – 3")
        stored = (await client.get(url)).json()
        assert (stored["games"], stored["maps"], stored["game_in_play"]) \
            == ([[13, 5], [6, 3]], [None, "Ascent"], True)
        await shown(["6", "3"])
        for lang, page in spectators.items():
            await page.reload()  # drawn by the server as the feed drew it
            await shown(["6", "3"], lang)
            await page.screenshot(path=shots / f"match-in-play-map-{lang}-phone.png")
            await page.set_viewport_size({"width": 1366, "height": 900})
            await page.screenshot(path=shots / f"match-in-play-map-{lang}-desktop.png")
            await page.close()
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()
