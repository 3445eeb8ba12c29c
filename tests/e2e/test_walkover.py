"""A walkover reads alike wherever it is drawn: W (승, 勝) for the winner with nothing
counted, FF (기권, 棄権) for the side that forfeited. The server draws it with one rule
(layout.score_texts); the browser's copies (live.js scoreText, referee-logic.js sideText)
redraw it on a live update and must agree with it."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Page, Route, expect

from tests.e2e.referee_support import PHONE, open_console, phone_signed_in, referee
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _no_fetches(page: Page) -> None:
    """From now on the page gets nothing from the server but its live feed: whatever is
    redrawn is drawn by the page's own script, not fetched again from the server."""
    async def refuse(route: Route) -> None:
        if route.request.resource_type in ("fetch", "xhr"):
            await route.abort()
        else:
            await route.continue_()
    await page.route("**/*", refuse)


async def _redrawn_live(page: Page, selector: str, client: httpx.AsyncClient, match_id: int,
                        venue: str) -> tuple[list[str], list[str]]:
    """The outer HTML of ``selector`` as the server drew it, then as the script redrew it
    after a live update of the match (its texts blanked first, so a redraw is seen)."""
    parts = page.locator(selector)
    await expect(parts.first).to_be_visible()
    served = await parts.evaluate_all("els => els.map(e => e.outerHTML)")
    texts = await parts.all_inner_texts()
    await _no_fetches(page)
    await parts.evaluate_all("els => els.forEach(e => { e.textContent = ''; })")
    r = await client.patch(f"/api/matches/{match_id}", json={"venue": venue}, headers=AUTH)
    assert r.status_code == 200, r.text
    await expect(parts).to_have_text(texts)
    return served, await parts.evaluate_all("els => els.map(e => e.outerHTML)")


@pytest.mark.parametrize("lang, words", [("ko", ["승", "기권"]), ("ja", ["勝", "棄権"])])
async def test_a_walkover_drawn_by_the_server_is_redrawn_alike_live(browser, e2e_server,
                                                                      lang, words):
    async with httpx.AsyncClient(base_url=e2e_server.url) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="round_robin")
        m = by_number(st)[1]
        r = await client.patch(f"/api/matches/{m['id']}", json={"forfeit": 2}, headers=AUTH)
        assert r.status_code == 200, r.text
        assert (r.json()["score"], r.json()["winner"]) == ([0, 0], 1)
        base = e2e_server.url
        page = await browser.new_page(viewport=PHONE)
        # a card on the stage page
        await page.goto(f"{base}/stages/{st['id']}?lang={lang}")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        card = f'.match[data-match="{m["id"]}"] [data-score]'
        await expect(page.locator(card)).to_have_text(words)
        served, live = await _redrawn_live(page, card, client, m["id"], "Hall A")
        assert live == served
        # the match page's big score, and what a screen reader hears of it
        await page.goto(f"{base}/matches/{m['id']}?lang={lang}")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        said = {"ko": "스코어 승 대 기권", "ja": "スコア 勝 対 棄権"}[lang]
        await expect(page.locator("[data-score-said]")).to_have_text(said)
        served, live = await _redrawn_live(page, "[data-score-0], [data-score-1]", client,
                                           m["id"], "Hall B")
        assert live == served
        await expect(page.locator("[data-score-said]")).to_have_text(said)
        await page.close()
        # the referee's console: the same words as the public pages, not a 0 for the winner
        me = await referee(client, event["slug"])
        phone = await phone_signed_in(browser, client, me, lang)
        await open_console(phone, base, m["id"], lang)
        series = '[data-series="0"], [data-series="1"]'
        await expect(phone.locator(series)).to_have_text(words)
        served, live = await _redrawn_live(phone, series, client, m["id"], "Hall C")
        assert live == served
        await phone.close()
