"""Overlays on a stream's canvas, 1920×1080 and 1280×720 (an OBS browser source the size of
the canvas), in a real Chromium: the match scoreboard is big enough to read at a glance and
takes the same share of either canvas, a long Korean or Japanese name is drawn smaller or cut
inside its side (never past its score), live scores and renames still arrive without a reload,
and a stage's overlay grows with the canvas as the scoreboard does (docs/overlays.md).

A review found the scoreboard a 330-pixel box in the corner of a 1920×1080 canvas (names at
19 px: 1.8 % of its height), and a stage's table as small on 1080p as on 720p."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.helpers import AUTH, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")
FRAMES = ((1920, 1080), (1280, 720))
LONG = {"ko": "부산 웨이브즈 e스포츠 아카데미 프로게임단 2군",
        "ja": "釜山ウェーブス・エレクトロニックスポーツ・アカデミー二軍"}
LONGER = {"ko": "후쿠오카 소프트뱅크 호크스 게이밍 아카데미 챌린저스",
          "ja": "福岡ソフトバンクホークス・ゲーミング・アカデミー・チャレンジャーズ"}

# where each part of the scoreboard is drawn on the frame (after overlay.js's scale), and
# the size its names are drawn at on the frame
GEOMETRY = """() => {
  const r = (el) => { const b = el.getBoundingClientRect();
    return {x: b.x, y: b.y, right: b.right, bottom: b.bottom, width: b.width,
            height: b.height}; };
  const scale = Number(document.querySelector("main").dataset.scale);
  const board = document.querySelector(".ov-match");
  return {board: r(board), scale,
    sides: [...board.querySelectorAll(".ov-side")].map((side) => {
      const name = side.querySelector("[data-name]");
      return {side: r(side), name: r(name), score: r(side.querySelector("[data-score]")),
              text: name.textContent, title: name.title,
              px: parseFloat(getComputedStyle(name).fontSize) * scale,
              cut: name.scrollWidth > name.clientWidth};
    })};
}"""

# true once every name of the scoreboard ends before its score (overlay.js runs after a
# live patch, in the next frame)
NAMES_INSIDE = """() => [...document.querySelectorAll(".ov-side")].every((side) =>
  side.querySelector("[data-name]").getBoundingClientRect().right <=
  side.querySelector("[data-score]").getBoundingClientRect().left + 0.5)"""

# true once the name of side i is drawn smaller than its side's size, or cut and titled
SHRUNK = """(i) => {
  const name = document.querySelectorAll(".ov-side [data-name]")[i];
  return name.style.fontSize !== "" || name.title === name.textContent; }"""


async def _named(client: httpx.AsyncClient, team: int, names: dict[str, str]) -> None:
    r = await client.patch(f"/api/teams/{team}", json={"name": "Long name", "names": names},
                           headers=AUTH)
    assert r.status_code == 200, r.text


def _check_board(g: dict[str, Any], width: int, height: int, full: list[str]) -> None:
    board = g["board"]
    # on the frame whole, and a share of it a viewer reads at a glance
    assert board["x"] >= 0 and board["y"] >= 0, board
    assert board["right"] <= width + 0.5 and board["bottom"] <= height + 0.5, board
    assert 0.38 <= board["width"] / width <= 0.5, (board, width)
    assert board["height"] / height >= 0.12, (board, height)
    for side, name in zip(g["sides"], full, strict=True):
        assert side["text"] == name  # the whole name is the text; the frame shows what fits
        assert side["name"]["right"] <= side["score"]["x"] + 0.5, side
        assert side["score"]["right"] <= board["right"] + 0.5, side
        # one line: a long name never wraps (its side would grow taller than the other's)
        assert side["name"]["height"] < 2 * side["px"], side
        # never smaller than 70 % of the scoreboard's names (26 px on 720p: 2.5 % of the
        # frame's height)
        assert side["px"] >= 0.025 * height, (side, height)
    assert max(s["px"] for s in g["sides"]) >= 0.035 * height, g["sides"]


async def _board(page: Page, url: str, size: tuple[int, int]) -> dict[str, Any]:
    await page.set_viewport_size({"width": size[0], "height": size[1]})
    await page.goto(url)
    await expect(page.locator("body.fit main[data-scale]")).to_have_count(1)
    await page.wait_for_function(NAMES_INSIDE)
    return dict(await page.evaluate(GEOMETRY))


async def test_the_scoreboard_fills_its_share_of_either_canvas_with_long_names(
        browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        await _named(client, event["teams"][0], LONG)
        st = await make_stage(client, event, settings={"best_of": 3})
        match = st["matches"][0]
        r = await client.patch(f"/api/matches/{match['id']}", json={"station": "Main stage"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        assert (await report(client, match["id"], [1, 0], status="live")).status_code == 200
        page = await browser.new_page()
        urls = {"match": f"/overlay/matches/{match['id']}",
                "now": f"/overlay/tournaments/{event['slug']}/now?station=Main%20stage"}
        for lang, short in (("ko", "팀 2"), ("ja", "チーム2")):
            for kind, path in urls.items():
                shares = []
                for width, height in FRAMES:
                    sep = "&" if "?" in path else "?"
                    g = await _board(page, f"{live_server.url}{path}{sep}lang={lang}",
                                     (width, height))
                    _check_board(g, width, height, [LONG[lang], short])
                    # the long name is drawn smaller (or cut, titled with the whole name)
                    long_side, short_side = g["sides"]
                    assert long_side["px"] < short_side["px"] or long_side["title"] == LONG[lang]
                    shares.append((round(g["board"]["x"] / width, 3),
                                   round(g["board"]["width"] / width, 3)))
                    await page.screenshot(path=shots / f"overlay-{kind}-{lang}-{width}.png")
                # the same picture on either canvas: where it sits and how much it takes
                assert shares[0] == shares[1], shares
        # ?swap=1 still draws team 2 first, and fits as well
        g = await _board(page, f"{live_server.url}/overlay/matches/{match['id']}?lang=ja&swap=1",
                         FRAMES[1])
        _check_board(g, *FRAMES[1], ["チーム2", LONG["ja"]])
        await page.close()


async def test_live_scores_and_a_long_new_name_arrive_without_a_reload(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        away = event["teams"][1]
        st = await make_stage(client, event, settings={"best_of": 5})
        match = st["matches"][0]
        page = await browser.new_page(viewport={"width": 1920, "height": 1080})
        await page.goto(f"{live_server.url}/overlay/matches/{match['id']}?lang=ko")
        await page.evaluate("window.notReloaded = true")
        scores = page.locator(".ov-side [data-score]")
        await expect(scores).to_have_text(["", ""])
        assert (await report(client, match["id"], [1, 0], status="live")).status_code == 200
        await expect(scores).to_have_text(["1", "0"])
        assert (await report(client, match["id"], [2, 1], status="live")).status_code == 200
        await expect(scores).to_have_text(["2", "1"])
        # a team renamed mid-stream to a name longer than its side: drawn smaller or cut
        # inside it at once, as a reload draws it
        await _named(client, away, LONGER)
        await expect(page.locator(".ov-side [data-name]")).to_have_text(["팀 1", LONGER["ko"]])
        await page.wait_for_function(NAMES_INSIDE)
        await page.wait_for_function(SHRUNK, arg=1)
        _check_board(dict(await page.evaluate(GEOMETRY)), 1920, 1080, ["팀 1", LONGER["ko"]])
        assert await page.evaluate("window.notReloaded") is True
        await page.close()


async def test_a_stage_overlay_grows_with_the_canvas_and_fits_it(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        await _named(client, event["teams"][0], LONGER)
        st = await make_stage(client, event, name="League", format="round_robin")
        page = await browser.new_page()
        widths = []
        for width, height in FRAMES:
            await page.set_viewport_size({"width": width, "height": height})
            await page.goto(f"{live_server.url}/overlay/stages/{st['id']}?lang=ja&show=standings")
            main = page.locator("body.fit main[data-scale]")
            await expect(main).to_have_count(1)
            table = await page.locator("table.standings").bounding_box()
            assert table is not None
            assert table["x"] >= 0 and table["x"] + table["width"] <= width + 0.5, table
            assert table["y"] + table["height"] <= height + 0.5, table
            # the long name wraps in its column: the table is not widened by it
            assert table["width"] <= 0.6 * width, table
            widths.append((await main.get_attribute("data-scale"), table["width"] / width))
            await page.screenshot(path=shots / f"overlay-league-ja-{width}.png")
        # the same share of either canvas: 1.5 times as large on 1920×1080
        assert [w[0] for w in widths] == ["1.500", "1.000"], widths
        assert abs(widths[0][1] - widths[1][1]) < 0.01, widths
        # a frame smaller than 720p (a source cropped to the table) is not scaled down
        # unless the overlay would not fit it
        await page.set_viewport_size({"width": 1000, "height": 700})
        await page.reload()
        await expect(page.locator("main")).to_have_attribute("data-scale", "1.000")
        await page.close()


# where the waiting stage's hold box and the line under it saying who will come are drawn
HOLD = """() => { const r = (s) => document.querySelector(s).getBoundingClientRect();
  const [box, line] = [r("[data-hold-box]"), r("[data-teams-to-come]")];
  return {box: [box.left, box.right, box.top, box.bottom],
          line: [line.left, line.right, line.top, line.bottom]}; }"""


@pytest.mark.parametrize("lang", ["ko", "ja"])
async def test_a_waiting_stages_teams_to_come_fit_its_hold_box(browser, live_server, shots,
                                                               lang):
    """The grey "N teams will advance from …" line (and the teams entering directly) ran
    wider than the hold box above it, straight on the stream's picture, and shrank the
    whole overlay to fit it."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 8)
        teams = event["teams"]
        for team, names in zip(teams[6:], (LONG, LONGER), strict=True):
            r = await client.patch(f"/api/teams/{team}", json={
                "name": f"Long {team}", "names": names}, headers=AUTH)
            assert r.status_code == 200, r.text
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  names={"ko": "조별 리그", "ja": "グループステージ"},
                                  seeding=teams[:6], settings={"groups": 2, "advance": 1})
        knockout = await make_stage(client, event, name="Knockout", seeding_method="natural",
                                    seeding={"from_stage": groups["id"], "qualifiers": 1,
                                             "slots": [{"group": "A", "place": 1}, teams[6],
                                                       {"group": "B", "place": 1}, teams[7]]})
    page = await browser.new_page(viewport={"width": 1280, "height": 720})
    await page.goto(f"{live_server.url}/overlay/stages/{knockout['id']}?lang={lang}")
    await expect(page.locator("main[data-scale]")).to_have_count(1)
    await expect(page.locator("[data-to-come-direct]")).to_contain_text(LONGER[lang])
    await page.screenshot(path=shots / f"overlay-waiting-stage-{lang}.png")
    drawn = await page.evaluate(HOLD)
    (left, right, top, bottom), (x0, x1, y0, y1) = drawn["box"], drawn["line"]
    assert left <= x0 and x1 <= right + 0.5 and top <= y0 and y1 <= bottom + 0.5, drawn
    # nothing so wide that the overlay is drawn smaller than its size to fit it
    await expect(page.locator("main")).to_have_attribute("data-scale", "1.000")
    await page.close()


async def test_pos_draws_the_scoreboard_in_the_corner_asked_and_keeps_it_there(
        browser, live_server, shots):
    """``?pos=tr|bl|br``: the scoreboard sits in that corner of the frame, as far in as it
    sits from the top-left by default (8 px on 720p, 12 px on 1080p) and as large; a game
    reported live grows it away from its corner. A producer had to move the source by hand
    (the overlay was drawn top-left only)."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event, settings={"best_of": 3})
        match = st["matches"][0]
        assert (await report(client, match["id"], [0, 0], status="live")).status_code == 200
        page = await browser.new_page()
        base = f"{live_server.url}/overlay/matches/{match['id']}?lang=ja"
        for width, height in FRAMES:
            inset = 8 * width / 1280
            top_left = (await _board(page, base, (width, height)))["board"]
            for pos in ("tr", "bl", "br"):
                g = await _board(page, f"{base}&pos={pos}", (width, height))
                _check_board(g, width, height, ["チーム1", "チーム2"])
                board = g["board"]
                assert (round(board["width"], 1), round(board["height"], 1)) == (
                    round(top_left["width"], 1), round(top_left["height"], 1)), pos
                right, bottom = width - board["right"], height - board["bottom"]
                assert abs((right if "r" in pos else board["x"]) - inset) < 1, (pos, board)
                assert abs((bottom if "b" in pos else board["y"]) - inset) < 1, (pos, board)
                await page.screenshot(path=shots / f"overlay-pos-{pos}-ja-{width}.png")
        # live: a game's line makes the board taller, and it stays in its corner
        await page.goto(f"{base}&pos=br")
        await page.wait_for_function(NAMES_INSIDE)
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "games": [[1, 0]], "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(page.locator("[data-games] tbody tr")).to_have_count(1)
        await page.wait_for_function(NAMES_INSIDE)
        board = (await page.evaluate(GEOMETRY))["board"]
        assert abs(1280 - board["right"] - 8) < 1 and abs(720 - board["bottom"] - 8) < 1, board
        await page.close()


# each game column's header, its scores and the scoreboard, where they are drawn
GAME_HEADS = """() => {
  const r = (el) => el.getBoundingClientRect();
  const board = r(document.querySelector(".ov-match"));
  const table = document.querySelector("[data-games]");
  return {board: {x: board.x, y: board.y, right: board.right, bottom: board.bottom},
    table: {right: r(table).right, bottom: r(table).bottom},
    heads: [...table.querySelectorAll("thead th[scope=col]")].map((th) => {
      const side = th.dataset.gamesTeam;
      const name = th.querySelector("span");
      const scores = [...table.querySelectorAll(`tbody td[data-game-side="${side}"]`)];
      return {text: th.textContent, title: th.title, right: r(th).right,
              nameRight: r(name).right, nameBottom: r(name).bottom,
              cut: name.scrollWidth > name.clientWidth,
              top: r(th).top, scoreRights: scores.map((td) => r(td).right),
              scoreTop: Math.min(...scores.map((td) => r(td).top))};
    })};
}"""


async def test_the_game_columns_are_headed_by_the_teams_live_in_every_corner(
        browser, live_server, shots):
    """The overlay's games had no header ("Game 1 Ascent 13 9": whose 13?). Each score
    column is headed by its team, short (a long name cut, whole in the title), above its
    scores, inside the scoreboard on either canvas in every corner; the header comes with
    the first game and follows a rename, without a reload."""
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        home, away = event["teams"]
        await _named(client, home, LONG)
        st = await make_stage(client, event, settings={"best_of": 3, "game_score": "rounds"})
        match = st["matches"][0]
        r = await client.patch(f"/api/matches/{match['id']}", json={
            "station": "Main stage", "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        page = await browser.new_page(viewport={"width": 1920, "height": 1080})
        base = f"{live_server.url}/overlay/matches/{match['id']}?lang=ja"
        await page.goto(base)
        await page.evaluate("window.notReloaded = true")
        heads = page.locator("[data-games] thead th[scope=col]")
        await expect(heads).to_have_count(0)  # no games yet, no table
        # the first game and the second in play (a long map, the longest game label)
        r = await client.patch(f"/api/matches/{match['id']}", json={"games": [
            {"score": [13, 9], "map": "Ascent"},
            {"score": [5, 7], "map": "Lotus Temple of the Sunken City", "live": True}],
            "status": "live"}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(heads).to_have_text([LONG["ja"], "チーム2"])
        r = await client.patch(f"/api/teams/{away}", json={
            "name": "Fukuoka B", "names": {"ko": "후쿠오카 B", "ja": "福岡B"}}, headers=AUTH)
        assert r.status_code == 200, r.text
        await expect(heads).to_have_text([LONG["ja"], "福岡B"])
        assert await page.evaluate("window.notReloaded") is True
        await page.screenshot(path=shots / "overlay-game-heads-ja-1920.png")

        now = (f"{live_server.url}/overlay/tournaments/{event['slug']}/now"
               "?station=Main%20stage&lang=ko")
        for url, names in ((base, [LONG["ja"], "福岡B"]), (f"{base}&swap=1", ["福岡B", LONG["ja"]]),
                           (now, [LONG["ko"], "후쿠오카 B"])):
            for width, height in FRAMES:
                for pos in ("tl", "tr", "bl", "br"):
                    await _board(page, f"{url}&pos={pos}", (width, height))
                    g = await page.evaluate(GAME_HEADS)
                    board = g["board"]
                    assert board["x"] >= 0 and board["y"] >= 0, (url, pos, board)
                    assert board["right"] <= width + 0.5, (url, pos, board)
                    assert board["bottom"] <= height + 0.5, (url, pos, board)
                    # the games, their header included, inside the scoreboard
                    assert g["table"]["right"] <= board["right"] + 0.5, (url, pos, g)
                    assert g["table"]["bottom"] <= board["bottom"] + 0.5, (url, pos, g)
                    assert [(h["text"], h["title"]) for h in g["heads"]] == [
                        (n, n) for n in names], (url, pos)
                    for h in g["heads"]:
                        # over its own scores, ending where they end, cut inside its cell
                        assert h["top"] < h["scoreTop"] and h["nameBottom"] <= h["scoreTop"] + 0.5
                        assert all(abs(h["right"] - x) < 0.5 for x in h["scoreRights"]), h
                        assert h["nameRight"] <= h["right"] + 0.5, h
                    # the long name is cut, the short one whole
                    assert [h["cut"] for h in g["heads"]] == [n in LONG.values() for n in names]
                    if pos in ("tl", "br"):
                        lang = "ko" if url == now else "ja"
                        kind = "now" if url == now else ("swap" if "swap" in url else "match")
                        await page.screenshot(
                            path=shots / f"overlay-game-heads-{kind}-{lang}-{pos}-{width}.png")
        await page.close()
