"""The referee console's game-by-game buttons on a phone keep the game's title in one piece:
"Yokohama Phantoms won game 1" broke "game / 1" in English (the title, found as "Game 1",
was never kept whole in a sentence that writes it in lower case)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

# the lines the first stretch of the element's text matching `title` (any case) is drawn on
LINES_OF = """(el, title) => {
  const nodes = []; const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const text = nodes.map(n => n.data).join("");
  const at = text.toLowerCase().indexOf(title.toLowerCase());
  if (at < 0) return -1;
  const r = document.createRange(); let seen = 0;
  for (const n of nodes) {
    if (seen <= at && at < seen + n.data.length) r.setStart(n, at - seen);
    const end = at + title.length;
    if (seen < end && end <= seen + n.data.length) r.setEnd(n, end - seen);
    seen += n.data.length;
  }
  return new Set([...r.getClientRects()].filter(x => x.width > 0)
    .map(x => Math.round(x.top))).size; }"""


async def test_a_won_game_button_keeps_game_1_on_one_line(browser, module_server):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        m = by_number(await make_stage(client, event, settings={
            "best_of": 3, "game_score": "winner"}))[1]
        for team, name in zip(m["teams"], ("Yokohama Phantoms", "Busan Waves Esports"),
                              strict=True):
            r = await client.patch(f"/api/teams/{team}", json={"name": name}, headers=AUTH)
            assert r.status_code == 200, r.text
        r = await client.patch(f"/api/matches/{m['id']}", json={"status": "live"},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, "en")
        for lang, title in (("en", "game 1"), ("ko", "1세트"), ("ja", "第1ゲーム")):
            await open_console(phone, base, m["id"], lang)
            won = phone.locator('[data-action="won"]')
            await expect(won).to_have_count(2)
            await expect(won.first).to_contain_text(title, ignore_case=True)
            for i in (0, 1):
                said = await won.nth(i).inner_text()
                # one flow of text: not the (flex) button's items, a line each
                assert "\n" not in said, (lang, said)
                assert await won.nth(i).evaluate(LINES_OF, title) == 1, (lang, said)
            width = await phone.evaluate("document.documentElement.scrollWidth")
            assert width == 390, lang
        await phone.close()
