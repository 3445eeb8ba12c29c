"""The referee console of an annulled result (``withdrawn_results``) on a phone: the word
by the match's status, the series struck through, and, above the result a referee would
correct, why it does not count while the team's withdrawal stands. The correction is still
saved, its question says the same; set back to keep by the organizer, the marks go without
a reload (the feed's match carries ``annulled``).

The league is test_withdrawn_results_api's, ``annul``: team 4 beats team 1 3-0 and
withdraws (its two other matches forfeited), then 1 beats 2, 3 beats 1, 2 beats 3."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import SAVED, open_console, phone_signed_in, referee, tap_score
from tests.helpers import AUTH, stage
from tests.integration.test_withdrawn_results_api import FOOTBALL, league

pytestmark = pytest.mark.asyncio(loop_scope="session")
WHY = "의 출전 포기가 유지되는 동안 이 결과는 순위에 반영되지 않습니다. 수정은 그대로 저장됩니다."


async def test_a_referee_corrects_an_annulled_result_told_it_does_not_count(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, t, st, _ = await league(client, "annul")
        played = next(m for m in (await stage(client, st["id"]))["matches"]
                      if set(m["teams"]) == {t[0], t[3]})
        team = (await client.get(f"/api/teams/{t[3]}")).json()
        withdrawn = (team.get("names") or {}).get("ko") or team["name"]  # as the page names it
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ko")
        await open_console(phone, base, played["id"], "ko")

        note = phone.locator(".ref-head [data-annulled-note]")
        await expect(note).to_be_visible()
        await expect(note).to_have_text("무효")
        why = phone.locator("[data-annulled-why]")
        await expect(why).to_be_visible()
        await expect(why).to_have_text(withdrawn + WHY)
        # the series score is struck through, on the phone's screen
        assert await phone.locator('[data-series="0"]').evaluate(
            "e => getComputedStyle(e).textDecorationLine") == "line-through"
        # the result stays correctable: its "correct" button, and the question says it
        await phone.locator('[data-action="edit-game"]').click()
        side = played["teams"].index(t[3])
        await tap_score(phone, *((2, 0) if side == 0 else (0, 2)))
        await phone.locator('[data-action="save-game"]').click()
        dialog = phone.locator("dialog[open]")
        await expect(dialog).to_contain_text(withdrawn + WHY)
        await phone.screenshot(path=shots / "referee-annulled-correct-ko-phone.png")
        await dialog.locator("[data-dialog-choices] button").click()
        await expect(phone.locator("[data-ok]")).to_have_text(SAVED)
        stored = (await client.get(f"/api/matches/{played['id']}")).json()
        assert stored["games"] == ([[2, 0]] if side == 0 else [[0, 2]])
        assert stored["annulled"] is True
        await expect(note).to_be_visible()  # drawn again from the answer: still annulled
        await expect(why).to_be_visible()
        await phone.screenshot(path=shots / "referee-annulled-ko-phone.png", full_page=True)

        # kept by the organizer: the console hears it from the feed and drops the marks
        r = await client.patch(f"/api/stages/{st['id']}", json={
            "settings": {**FOOTBALL, "withdrawn_results": "keep"}}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(note).to_be_hidden()
        await expect(why).to_be_hidden()
        await expect(phone.locator("[data-board]")).not_to_have_class(re.compile(r"\bannulled\b"))
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()


@pytest.mark.parametrize("lang, word", [("ja", "無効"), ("en", "annulled")])
async def test_the_conflict_panel_marks_an_annulled_stored_result(
        browser, module_server, shots, lang, word):
    """Another hand corrects the annulled result while the referee types a correction (the
    feed does not reach the phone): the panel's stored match is marked as the board is,
    the score struck through beside the word."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event, t, st, _ = await league(client, "annul")
        played = next(m for m in (await stage(client, st["id"]))["matches"]
                      if set(m["teams"]) == {t[0], t[3]})
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, lang)
        await phone.route_web_socket(re.compile(r"/ws/"), lambda ws: None)
        await open_console(phone, base, played["id"], lang)
        await phone.locator('[data-action="edit-game"]').click()
        side = played["teams"].index(t[3])
        await tap_score(phone, *((2, 0) if side == 0 else (0, 2)))
        r = await client.patch(f"/api/matches/{played['id']}", json={
            "games": [[4, 0] if side == 0 else [0, 4]], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await phone.locator('[data-action="save-game"]').click()
        dialog = phone.locator("dialog[open]")
        if await dialog.count():  # the correction's question first
            await dialog.locator("[data-dialog-choices] button").click()
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        stored = panel.locator("[data-conflict-stored]")
        await expect(stored.locator("[data-annulled-note]")).to_have_text(word)
        score = stored.locator(".big-score")
        await expect(score).to_have_text("4 – 0" if side == 0 else "0 – 4")
        assert await score.evaluate(
            "e => getComputedStyle(e).textDecorationLine") == "line-through"
        await expect(panel.locator("[data-conflict-mine] [data-annulled-note]")).to_have_count(0)
        await phone.screenshot(path=shots / f"referee-annulled-conflict-{lang}-phone.png")
        # nothing broke but the save the panel answers (the browser logs its 409)
        assert all("409" in e for e in phone.errors)  # type: ignore[attr-defined]
        await phone.close()
