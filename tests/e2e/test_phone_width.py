"""No page is wider than a phone (390x844): the demo's every stage, its tournament, event,
team and match pages and a referee's pages, in Korean, Japanese and English. A wide table or
bracket scrolls inside its own box; the page itself never scrolls sideways (the Swiss stage
was 501 px wide: the cards' sr-only "(won)" escaped their scroll box)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.referee_support import phone_signed_in, referee

# its tests share the demo's server, on the demo test_demo_games.py reads too (a demo load
# is 5-20 s): one worker runs them all (``--dist loadgroup`` in pyproject.toml)
pytestmark = [pytest.mark.asyncio(loop_scope="session"), pytest.mark.xdist_group("demo")]

WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"


@pytest.fixture(scope="module")
def demo_server(demo_url: str) -> Iterator[Any]:
    """A server on a database holding the demo, as ``run.py --demo`` makes it."""
    from tests.conftest import Server

    server = Server(demo_url).start()
    yield server
    server.stop()


async def demo_slug(client: httpx.AsyncClient) -> str:
    """The demo's slug: named for the year it began (kj-esports-2026 in 2026, not after)."""
    (listed,) = (await client.get("/api/tournaments")).json()
    return str(listed["slug"])


async def _pages(client: httpx.AsyncClient) -> list[str]:
    slug = await demo_slug(client)
    t = (await client.get(f"/api/tournaments/{slug}")).json()
    pages = [f"/tournaments/{slug}"]
    live: list[int] = []
    for e in t["events"]:
        pages.append(f"/tournaments/{slug}/events/{e['slug']}")
    for stage_id in range(1, 7):
        st = (await client.get(f"/api/stages/{stage_id}")).json()
        pages.append(f"/stages/{stage_id}")
        pages.append(f"/teams/{st['teams'][0]['id']}")
        live += [m["id"] for m in st["matches"] if m["status"] == "live"]
        pages.append(f"/matches/{st['matches'][0]['id']}")
    pages += [f"/matches/{m}" for m in live]
    return pages + ["/referee"] + [f"/matches/{m}/referee" for m in live]


async def test_no_page_is_wider_than_a_phone(browser, demo_server):
    async with httpx.AsyncClient(base_url=demo_server.url) as client:
        pages = await _pages(client)
        assert "/stages/3" in pages and "/matches/40/referee" in pages  # the Swiss stage, live M
        me = await referee(client, await demo_slug(client))
        page = await phone_signed_in(browser, client, me, "ko")
        wide = []
        for lang in ("ko", "ja", "en"):
            for path in pages:
                r = await page.goto(f"{demo_server.url}{path}?lang={lang}")
                assert r is not None and r.status == 200, (path, r and r.status)
                assert page.url == f"{demo_server.url}{path}?lang={lang}"  # not sent elsewhere
                scroll_width, width = await page.evaluate(WIDTH)
                assert width == 390
                if scroll_width > width:
                    wide.append((path, lang, scroll_width))
        assert wide == []
        assert page.errors == []  # type: ignore[attr-defined]
        await page.close()


# each cell of a team's schedule: how far it reaches and how many lines its time takes
SCHEDULE_CELLS = """() => [...document.querySelectorAll('table.team-schedule tbody tr[data-match]')]
  .map(tr => { const time = tr.cells[0], r = time.getBoundingClientRect(),
    line = parseFloat(getComputedStyle(time).lineHeight);
    return {match: tr.dataset.match, right: Math.max(...[...tr.cells].map(
      c => c.getBoundingClientRect().right)), timeLines: Math.round(r.height / line)}; })"""


async def test_a_teams_schedule_fits_a_phone_without_scrolling(browser, demo_server, shots):
    """A team's schedule on a phone is a card per match, each whole on the screen: as a
    table its time took five lines in Japanese ("11月 / 30日 / (月) / 19:00 / KST"), and a
    live badge, a result and a battle royale lobby's places were cut off at the edge of
    its scroll box (the teamview review, 390x844)."""
    async with httpx.AsyncClient(base_url=demo_server.url) as client:
        teams = []
        for stage_id in range(1, 7):  # a team of each stage: groups, playoffs, Swiss, league,
            st = (await client.get(f"/api/stages/{stage_id}")).json()  # double elim, lobby
            live = [m for m in st["matches"] if m["status"] == "live"]
            teams.append((live or st["matches"])[0]["teams"][0])
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    cut = []
    for lang in ("ja", "ko"):
        for team in teams:
            await page.goto(f"{demo_server.url}/teams/{team}?lang={lang}")
            cells = await page.evaluate(SCHEDULE_CELLS)
            assert cells, (team, lang)
            cut += [(team, lang, c) for c in cells if c["right"] > 390 or c["timeLines"] > 1]
    await page.screenshot(path=shots / "team-schedule-phone-ko.png", full_page=True)
    assert cut == []
    await page.close()


# the live card's badge against its card's top edge, and a several-line error box against
# the lines it holds (its height beyond them: a blank line between two messages)
BADGE_IN_CARD = """() => { const c = document.querySelector('.match.status-live'),
  b = c.querySelector('.badge').getBoundingClientRect(), r = c.getBoundingClientRect(),
  row = c.querySelector('.meta').getBoundingClientRect();
  return [b.top - r.top, row.bottom - b.bottom]; }"""
RING = 3  # the badge's pulsing ring (site.css @keyframes pulse)
ERROR_GAP = """() => { const box = document.querySelector('[data-error]');
  const lines = [...box.children].reduce((h, x) => h + x.getBoundingClientRect().height, 0);
  return [box.children.length, box.clientHeight - lines]; }"""


async def test_a_live_badge_stays_in_its_card_and_a_lobby_error_has_no_blank_line(
        browser, demo_server, shots):
    """A review at 390 px: in Japanese the team page's live card had its ライブ badge's
    pulsing ring over the card's top border (2 px from it; the taller Japanese line put it
    over the row below too), and the battle royale console's box of two mistakes had a blank
    line between them (the newline between its blocks kept by pre-line)."""
    async with httpx.AsyncClient(base_url=demo_server.url) as client:
        slug = await demo_slug(client)
        live = {}
        for stage_id in range(1, 7):
            st = (await client.get(f"/api/stages/{stage_id}")).json()
            for m in st["matches"]:
                if m["status"] == "live":
                    live[st["format"]] = m
        team, lobby = live["round_robin"]["teams"][0], live["free_for_all"]
        me = await referee(client, slug)
        page = await phone_signed_in(browser, client, me, "ja")
    for lang in ("ja", "ko"):
        await page.goto(f"{demo_server.url}/teams/{team}?lang={lang}")
        above, below = await page.evaluate(BADGE_IN_CARD)
        # its ring clear of the card's 1 px border and of the row below
        assert (above >= 1 + RING, below >= RING) == (True, True), (lang, above, below)
    await page.goto(f"{demo_server.url}/matches/{lobby['id']}/referee?lang=ja")
    places = page.locator("input[data-place]")
    for i in range(await places.count()):
        await places.nth(i).fill(str(i + 1))
        await page.locator("input[data-kills]").nth(i).fill("1")
    await places.nth(1).fill("1")  # place 1 twice
    await page.locator("input[data-kills]").nth(2).fill("x")  # and kills that are no number
    async with page.expect_navigation():
        await page.locator("[data-save-game]").click()
    lines, gap = await page.evaluate(ERROR_GAP)
    await page.screenshot(path=shots / "lobby-two-errors-phone-ja.png")
    assert (lines, round(gap)) == (2, 0)  # a blank line was 23 px
    await page.close()


# each line of an element's text as the browser lays it out: its characters in reading
# order, a new line where one starts left of the one before (a wrap)
LINES = """(sel) => [...document.querySelectorAll(sel)].map(el => {
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), lines = [];
  let prev = null, line = '';
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    for (let i = 0; i < n.data.length; i++) {
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
      const box = r.getClientRects()[0];
      if (!box || !box.width) continue;  // a space the line collapsed
      if (prev && box.left < prev.left - 1) { lines.push(line); line = ''; }
      line += n.data[i]; prev = box; } }
  return lines.concat([line]).map(l => l.replace(/\\s+/g, ' ').trim()); })"""
# a team's stage link in its standings: the room between its name and the " · " after it,
# and what a tap 40 px into it (inside a 44 px target) lands on
# (the " · " after it: the first "·" in the text that follows the link)
STAGE_LINK = """() => [...document.querySelectorAll('[data-standing] li > a')].map(a => {
  const r = document.createRange(); r.selectNodeContents(a);
  const text = r.getBoundingClientRect(), next = document.createRange();
  const walk = document.createTreeWalker(a.parentNode, NodeFilter.SHOW_TEXT);
  let dot = walk.nextNode();
  while (a.contains(dot) || !dot.data.includes('·')) dot = walk.nextNode();
  next.setStart(dot, dot.data.indexOf('·')); next.setEnd(dot, dot.data.indexOf('·') + 1);
  const box = a.getBoundingClientRect(),
    hit = document.elementFromPoint(box.left + 40, box.top + box.height / 2);
  return {name: a.textContent, gap: next.getBoundingClientRect().left - text.right,
          tapped: !!hit && hit.closest('a') === a}; })"""


async def test_a_team_page_leaves_no_lone_separator_or_gap(browser, demo_server, shots):
    """A review at 390 px: the team page's live block read "서울 올림픽홀 · 메인 무대 ·" with
    the stream link on the next line, and "리그    · 5위" had a wide gap after the short
    link (its 44 px tap target). No line of a team's match lines or standings starts or
    ends with a lone "·" (it goes with what follows it), and a stage link is followed by
    its " · " as by any word, while a tap 40 px into it still lands on it."""
    async with httpx.AsyncClient(base_url=demo_server.url) as client:
        teams = []
        for stage_id in range(1, 7):
            st = (await client.get(f"/api/stages/{stage_id}")).json()
            live = [m for m in st["matches"] if m["status"] == "live"]
            teams.append((live or st["matches"])[0]["teams"][0])
    page = await browser.new_page(viewport={"width": 390, "height": 844})
    lone, gaps, streams = [], [], 0
    for lang in ("ko", "ja", "en"):
        for team in teams:
            await page.goto(f"{demo_server.url}/teams/{team}?lang={lang}")
            streams += await page.locator(".next-match [data-stream]").count()
            for lines in await page.evaluate(LINES, ".next-match p.muted, [data-standing] li, "
                                             "table.team-schedule td"):
                if any(x.endswith("·") or (x.startswith("· ") and len(x) < 4) for x in lines):
                    lone.append((team, lang, lines))
            gaps += [(team, lang, x) for x in await page.evaluate(STAGE_LINK)
                     if x["gap"] > 8 or not x["tapped"]]
    await page.goto(f"{demo_server.url}/teams/{teams[1]}?lang=ko")
    await page.screenshot(path=shots / "team-page-lines-phone-ko.png", full_page=True)
    assert streams > 0  # a next match with its stream link was seen
    assert (lone, gaps) == ([], [])
    await page.close()
