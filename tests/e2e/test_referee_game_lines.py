"""The conflict panel's stored games on a phone (390 px) in Japanese: the winner's name is
read on one line. Beside the game's title and score, in half the panel, 神戸ファントムズ stood
one character or two a line (four lines)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Locator, expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee, tap_score
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

NAME = {"en": "Kobe Phantoms", "ja": "神戸ファントムズ", "ko": "고베 팬텀스"}


async def lines_of(text: Locator) -> Any:
    """How many lines the element's text takes (its height over its line height)."""
    return await text.evaluate(
        "e => Math.round(e.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(e).lineHeight))")


async def test_a_winners_name_stays_on_one_line_in_the_conflict_panel(
        browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        r = await client.patch(f"/api/teams/{event['teams'][0]}", json={
            "name": NAME["en"], "names": NAME}, headers=AUTH)
        assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))[1]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 11]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, m["id"], "ja")
        # another referee saves game 2 while this one has typed it: the conflict panel
        await tap_score(phone, 13, 9)
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [[13, 11], [13, 11]], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        panel = phone.locator("[data-conflict]")
        await expect(panel).to_be_visible()
        stored = panel.locator('[data-conflict-stored] li[data-game="2"] .muted')
        await expect(stored).to_have_text(NAME["ja"])
        assert await lines_of(stored) == 1
        assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
        await panel.scroll_into_view_if_needed()
        await phone.screenshot(path=shots / "referee-conflict-lines-ja-phone.png", full_page=True)
        await phone.context.close()


async def test_a_stored_games_winner_is_read_whole_on_a_phone(browser, module_server, shots):
    """The console's list of stored games on a phone in Japanese: beside the game's title,
    score and Correct button the winner had about 110 px and 神戸ファントムズ broke in two.
    On a phone each game takes two rows (the winner whole on the second); the Correct
    button stays 44 px; a laptop keeps the one row."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        r = await client.patch(f"/api/teams/{event['teams'][0]}", json={
            "name": NAME["en"], "names": NAME}, headers=AUTH)
        assert r.status_code == 200, r.text
        r = await client.patch(f"/api/tournaments/{event['slug']}/events/lol",  # maps
                               json={"game": "VALORANT"}, headers=AUTH)
        assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event, settings={"best_of": 5}))[1]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [{"score": [13, 11], "map": "Ascent"}, [9, 13], [14, 12]],
            "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        for lang in ("ja", "ko"):
            phone = await phone_signed_in(browser, client, me, lang)
            await open_console(phone, base, m["id"], lang)
            line = phone.locator('[data-games] li[data-game="1"]')
            winner = line.locator(".muted")
            await expect(winner).to_have_text(NAME[lang])
            assert await lines_of(winner) == 1, lang
            for button in await phone.locator("[data-games] .edit-game").all():
                box = await button.bounding_box()
                assert box and box["width"] >= 44 and box["height"] >= 44, (lang, box)
            # title, score and button on the first row, the winner under them
            title = await line.locator("span").first.bounding_box()
            score = await line.locator("strong").bounding_box()
            button = await line.locator(".edit-game").bounding_box()
            name = await winner.bounding_box()
            assert title and score and button and name
            first_row = max(title["y"] + title["height"], button["y"] + button["height"])
            assert name["y"] >= first_row - 1
            assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
            await line.scroll_into_view_if_needed()
            await phone.screenshot(path=shots / f"referee-stored-games-{lang}-phone.png")
            # a laptop: the one row, as it was
            await phone.set_viewport_size({"width": 1366, "height": 900})
            name = await winner.bounding_box()
            button = await line.locator(".edit-game").bounding_box()
            assert name and button and name["y"] < button["y"] + button["height"]
            assert name["x"] < button["x"]
            await phone.screenshot(path=shots / f"referee-stored-games-{lang}-desktop.png")
            await phone.context.close()


LINES_JS = """e => {
  const lines = [];
  let top = null;
  const walk = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      if (!rect) { if (lines.length) lines[lines.length - 1] += node.data[i]; continue; }
      if (top === null || rect.top > top + rect.height / 2) { lines.push(""); top = rect.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines.map((l) => l.trim());
}"""


def broken_inside(lines: list[str], words: list[str]) -> list[str]:
    """The words a line break falls inside of (after a middle dot is a break between words)."""
    text = "".join(lines)
    cuts, at = set(), 0
    for line in lines[:-1]:
        at += len(line)
        cuts.add(at)
    found = []
    for word in words:
        start = text.find(word)
        while start >= 0:
            if any(start < c < start + len(word) and text[c - 1] != "・" for c in cuts):
                found.append(word)
            start = text.find(word, start + 1)
    return found


async def test_the_console_breaks_japanese_between_phrases_on_a_phone(
        browser, module_server, shots):
    """The merged review (VALORANT and Tekken on a phone in Japanese): the undo button broke
    "最後のマップを取 / り消す", the notice of who plays now "…ハ / ン・スンウ vs ユン・ダウン…".
    The console breaks Japanese between phrases, as pages do, and names at their words."""
    base = module_server.url
    names = {0: "中村陸", 1: "ユン・ダウン", 3: "ハン・スンウ"}
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        for i, name in names.items():
            r = await client.patch(f"/api/teams/{event['teams'][i]}", json={
                "names": {"ja": name}}, headers=AUTH)
            assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event, settings={
            "best_of": 3, "game_name": "map"}))
        for n in (1, 2):
            r = await client.patch(f"/api/matches/{m[n]['id']}", json={
                "games": [[13, 5], [13, 7]], "status": "completed"}, headers=AUTH)
            assert r.status_code == 200, r.text
        final = m[3]["id"]
        r = await client.patch(f"/api/matches/{final}", json={
            "games": [[13, 9]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "ja")
        await open_console(phone, base, final, "ja")
        undo = phone.locator('[data-action="undo"]')
        await expect(undo).to_have_text("最後のマップを取り消す")
        assert await undo.evaluate(LINES_JS) in (["最後のマップを取り消す"],
                                                 ["最後のマップを", "取り消す"])
        r = await client.patch(f"/api/matches/{m[1]['id']}", json={
            "games": [[5, 13], [7, 13]], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
        told = phone.locator("[data-pairing-text]")
        await expect(told).to_have_text(
            "対戦相手が変わりました：中村陸に代わってハン・スンウが出場します。"
            "この試合はハン・スンウ vs ユン・ダウンになりました。")
        lines = await told.evaluate(LINES_JS)
        assert broken_inside(lines, list(names.values())) == [], lines
        board = phone.locator('[data-team="0"] .name')
        await expect(board).to_have_text("ハン・スンウ")
        assert await board.locator("wbr").count() == 1  # drawn with its break, as pages
        assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
        await phone.screenshot(path=shots / "referee-phrases-ja-phone.png", full_page=True)
        assert phone.errors == []  # type: ignore[attr-defined]
        await phone.close()
