"""A standings table gives its team column its width first: a name wraps between its words,
never inside one, and the other columns' headings are short (their whole words in a title),
on a stream's frame and on a phone, in English, Korean and Japanese.

A spectators' review found the demo's English VALORANT Swiss table on the overlay with its
team column four letters wide ("Daeje / on / Phant / oms"): the headings "Rounds won",
"Rounds lost", "Round diff." took the width, every row was four lines tall and the overlay
shrank itself to 0.46 of a 1080p frame."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

CITIES = ["Daejeon", "Ulsan", "Seoul", "Busan", "Fukuoka", "Kyoto", "Sapporo", "Kobe",
          "Osaka", "Tokyo", "Incheon", "Daegu", "Suwon", "Gwangju", "Yokohama", "Nagoya"]

# every team name of the page's standings that a line ends inside a word of (a line break
# not after a space, a hyphen or a <wbr> between its words: web/phrases.py), with the
# characters either side of the break
BROKEN = """() => {
  const broken = [];
  for (const el of document.querySelectorAll("table.standings .tname")) {
    let top = null, before = " ", where = [];
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) { before = " "; continue; }  // a <wbr>
      for (let i = 0; i < node.data.length; i++) {
        const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
        const box = r.getClientRects()[0], ch = node.data[i];
        if (!box || /\\s/.test(ch)) { before = ch; continue; }
        if (top !== null && box.top > top + 2 && !/[\\s-]/.test(before))
          where.push(before + "|" + ch);
        top = box.top; before = ch;
      }
    }
    if (where.length) broken.push([el.textContent, where]);
  }
  return broken;
}"""


async def _swiss(client: httpx.AsyncClient) -> dict[str, Any]:
    event = await make_event(client, 16)
    for team, city in zip(event["teams"], CITIES, strict=True):
        r = await client.patch(f"/api/teams/{team}", json={
            "name": f"{city} Phantoms",
            "names": {"ko": f"{city} 팬텀스", "ja": f"{city}ファントムズ"}},
            headers=AUTH)
        assert r.status_code == 200, r.text
    return await make_stage(client, event, name="Swiss", format="swiss",
                            settings={"game_score": "rounds"})


async def test_an_english_swiss_table_keeps_its_names_whole_on_a_frame_and_a_phone(
        browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        swiss = await _swiss(client)
    page = await browser.new_page()
    for width, height in ((1920, 1080), (1280, 720)):
        await page.set_viewport_size({"width": width, "height": height})
        await page.goto(f"{live_server.url}/overlay/stages/{swiss['id']}?lang=en&show=standings")
        main = page.locator("body.fit main[data-scale]")
        await expect(main).to_have_count(1)
        await page.screenshot(path=shots / f"overlay-swiss-standings-en-{width}.png")
        assert await page.evaluate(BROKEN) == [], width
        # sixteen one-line rows all but fit the frame: the overlay is not shrunk to half
        # its size to fit four-line rows (0.46 on 1080p)
        assert float(await main.get_attribute("data-scale") or 0) >= 0.9 * width / 1280
        # the short headings say their whole words to a mouse and a screen reader
        heads = page.locator("table.standings thead abbr[title]")
        assert "Rounds won" in await heads.evaluate_all("els => els.map(e => e.title)")
    await page.set_viewport_size({"width": 390, "height": 844})
    for lang in ("en", "ko", "ja"):
        await page.goto(f"{live_server.url}/stages/{swiss['id']}?lang={lang}")
        await page.locator("table.standings").scroll_into_view_if_needed()
        await page.screenshot(path=shots / f"swiss-standings-{lang}-390.png")
        assert await page.evaluate(BROKEN) == [], lang
    await page.close()


# the columns a phone shows of a Valve Swiss table: its order reads the record and Buchholz;
# its rounds' difference is for information (the note under the table says so on a wider
# screen)
PHONE_HEADS = {"ja": ["順位", "チーム", "勝", "敗", "ブッフホルツ", "状態"],
               "ko": ["순위", "팀", "승", "패", "부흐홀츠", "상태"],
               "en": ["Place", "Team", "W", "L", "BH", "Status"]}
GROUP_HEADS = {"ja": ["順位", "チーム", "勝", "敗", "勝ち点", "ゲーム", "状態"],
               "ko": ["순위", "팀", "승", "패", "승점", "세트", "상태"],
               "en": ["Place", "Team", "W", "L", "Points", "Games", "Status"]}


async def test_a_valve_swiss_table_fits_a_phone_with_what_decides_its_order(
        browser, live_server, shots):
    """The demo's Japanese VALORANT Swiss table scrolled sideways on a phone, Buchholz and
    the status off-screen."""
    from tournament.demo_data import LOL_TEAMS, VALORANT_CITIES

    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 16)
        for team, (en, ko, ja, _n) in zip(event["teams"], VALORANT_CITIES, strict=True):
            r = await client.patch(f"/api/teams/{team}", json={
                "name": f"{en} Phantoms",
                "names": {"ko": f"{ko} 팬텀스", "ja": f"{ja}ファントムズ"}},
                headers=AUTH)
            assert r.status_code == 200, r.text
        swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
            "pairing": "valve", "game_score": "rounds", "game_first_to": 13})
        # and the demo's League of Legends group: its games decide (game difference), so
        # a phone shows them too (they were left out)
        lol = await make_event(client, 4)
        for team, (en, ko, ja, _n, _p) in zip(lol["teams"], LOL_TEAMS, strict=False):
            r = await client.patch(f"/api/teams/{team}", json={
                "name": en, "names": {"ko": ko, "ja": ja}}, headers=AUTH)
            assert r.status_code == 200, r.text
        group = await make_stage(client, lol, name="Group", format="round_robin", settings={
            "advance": 2, "game_score": "winner"})
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    for lang in ("ja", "ko", "en"):
        for stage_id, heads in ((swiss["id"], PHONE_HEADS[lang]),
                                (group["id"], GROUP_HEADS[lang])):
            await page.goto(f"{live_server.url}/stages/{stage_id}?lang={lang}")
            table = page.locator("table.standings")
            await table.scroll_into_view_if_needed()
            await table.screenshot(path=shots / f"standings-phone-{stage_id}-{lang}-390.png")
            await expect(table.locator("thead th:visible")).to_have_text(heads)
            # nothing scrolls sideways: the table fits its box, the box the screen
            assert await table.evaluate(
                "t => t.scrollWidth <= t.parentElement.clientWidth"
                " && t.getBoundingClientRect().right <= window.innerWidth"), (stage_id, lang)
            assert await page.evaluate(BROKEN) == [], lang
    await page.close()


# the rows of the page's leaderboards whose nation flag is not beside the first line of the
# team's name (above it, or below)
FLAG_APART = """() => [...document.querySelectorAll("table.leaderboard tbody tr")].filter((tr) => {
  const f = tr.querySelector(".flag").getBoundingClientRect();
  const n = tr.querySelector(".tname").getClientRects()[0];
  return !(f.right <= n.left + 1 && f.bottom > n.top && f.top < n.bottom);
}).map((tr) => tr.querySelector(".tname").textContent)"""


async def test_a_battle_royale_leaderboard_keeps_each_flag_beside_its_team_on_a_phone(
        browser, live_server, shots):
    """On a phone the demo's PUBG Mobile leaderboard drew a nation's flag above its team's
    name, its row two lines tall."""
    from tournament.demo_data import PUBG_SQUADS

    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 16)
        # and a name of one word, which cannot break between words: it went below the flag
        squads = [*PUBG_SQUADS[:15],
                  ("Changwon Eagles", "창원이글스", "チャンウォンイーグルス", "KR")]
        for team, (en, ko, ja, _n) in zip(event["teams"], squads, strict=True):
            r = await client.patch(f"/api/teams/{team}", json={
                "name": en, "names": {"ko": ko, "ja": ja}}, headers=AUTH)
            assert r.status_code == 200, r.text
        st = await make_stage(client, event, name="Grand final", format="free_for_all",
                              settings={"games": 6})
        lobby = st["matches"][0]["id"]
        for number in (1, 2, 3):
            order = event["teams"][number:] + event["teams"][:number]
            r = await client.patch(f"/api/matches/{lobby}", headers=AUTH, json={"game": {
                "number": number, "results": [{"team_id": t, "placement": i + 1, "kills": i % 5}
                                              for i, t in enumerate(order)]}})
            assert r.status_code == 200, r.text
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    for lang in ("ja", "ko"):
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang={lang}")
        board = page.locator("table.leaderboard")
        await expect(board.locator("tbody tr")).to_have_count(16)
        await board.screenshot(path=shots / f"leaderboard-{lang}-390.png")
        assert await page.evaluate(FLAG_APART) == [], lang
        await page.goto(f"{live_server.url}/matches/{lobby}?lang={lang}")  # the lobby's own
        await expect(page.locator("table.leaderboard tbody tr")).to_have_count(16)
        assert await page.evaluate(FLAG_APART) == [], lang
    await page.close()
