"""A match page's games on a phone (390 px): each score column is headed by its team's name,
which breaks between words (a Japanese one between phrases), never inside one, and no name
widens the page. Four columns (game, map, two teams) left the names a few letters a line
("Yokoh/ama", "Phant/oms"); the map now goes under its game's name."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

# every word (a run without spaces or hyphens; a Japanese name's phrases are text nodes of
# their own, split at its <wbr>) whose client rects lie on more than one line
SPLIT_WORDS = """(sel) => { const out = [];
  for (const cell of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const re = /[^\\s-]+/g; let m;
      while ((m = re.exec(n.data))) {
        const r = document.createRange();
        r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
        if (tops.size > 1) out.push(m[0]);
      } } }
  return out; }"""
# a cell whose words run out of it (a name that does not wrap spills into its neighbour)
SPILLED = """(sel) => [...document.querySelectorAll(sel)]
  .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)"""

NAMES = [
    {"name": "Yokohama Phantoms", "names": {"ko": "요코하마 팬텀스", "ja": "横浜ファントムズ"}},
    {"name": "Changwon Thunderbirds Esports",
     "names": {"ko": "창원 썬더버즈 이스포츠", "ja": "昌原サンダーバーズ"}},
]


async def test_a_match_pages_game_heads_break_between_words_on_a_phone(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event, settings={"best_of": 3, "game_name": "map",
                                                       "game_score": "rounds"})
        (m,) = st["matches"]
        for team, body in zip(m["teams"], NAMES, strict=True):
            r = await client.patch(f"/api/teams/{team}", json=body, headers=AUTH)
            assert r.status_code == 200, r.text
        r = await client.patch(f"/api/matches/{m['id']}", json={"status": "live", "games": [
            {"score": [13, 11], "map": "Fracture"},
            {"score": [4, 4], "map": "Haven", "live": True}]}, headers=AUTH)
        assert r.status_code == 200, r.text
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        cells = "table[data-games] th, table[data-games] td"
        for width in (390, 1280):
            await page.set_viewport_size({"width": width, "height": 844})
            for lang in ("en", "ko", "ja"):
                await page.goto(f"{live_server.url}/matches/{m['id']}?lang={lang}")
                heads = await page.locator("[data-games-team]").all_inner_texts()
                assert len(heads) == 2 and "Phantoms" not in heads[1], heads
                where = (width, lang)
                assert await page.evaluate(SPLIT_WORDS, cells) == [], where
                assert await page.evaluate(SPILLED, cells) == [], where
                assert await page.evaluate("document.documentElement.scrollWidth") == width, \
                    where
        await page.close()
