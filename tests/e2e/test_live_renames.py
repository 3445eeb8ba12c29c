"""Edits made while pages are open reach them as a reload would draw them: a stage, event or
tournament renamed (every heading, crumb, card and the page's title kept the old name), a
team's new roster (its page kept the old players), a stage added or removed (the event
page did not show it, or kept it)."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage
from tests.unit.test_phrases import MARKED
from tournament.web.phrases import phrase_parts

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_renames_reach_open_pages(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 2)
        st = await make_stage(client, event)
        slug, match_id = event["slug"], st["matches"][0]["id"]
        context = await browser.new_context(viewport={"width": 390, "height": 844})
        pages = {}
        for key, path in (("tournament", f"/tournaments/{slug}?lang=ja"),
                          ("event", f"/tournaments/{slug}/events/lol?lang=ja"),
                          ("stage", f"/stages/{st['id']}?lang=ja"),
                          ("match", f"/matches/{match_id}?lang=ja")):
            pages[key] = page = await context.new_page()
            await page.goto(live_server.url + path)
            await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(pages["stage"]).to_have_title("Playoffs · League of Legends")

        r = await client.patch(f"/api/stages/{st['id']}", json={"names": {"ja": "決勝"}})
        assert r.status_code == 200, r.text
        r = await client.patch(f"/api/tournaments/{slug}/events/lol",
                               json={"names": {"ja": "リーグ"}})
        assert r.status_code == 200, r.text
        r = await client.patch(f"/api/tournaments/{slug}", json={"names": {"ja": "杯"}})
        assert r.status_code == 200, r.text

        await expect(pages["tournament"]).to_have_title("杯")
        await expect(pages["tournament"].locator("main h1")).to_have_text("杯")
        await expect(pages["tournament"].locator("header .crumb")).to_have_text("杯")
        await expect(pages["tournament"].locator(".card strong")).to_have_text("リーグ")
        await expect(pages["event"]).to_have_title("リーグ · 杯")
        await expect(pages["event"].locator("main h1")).to_have_text("リーグ")
        await expect(pages["event"].locator("main h2 a")).to_have_text("決勝")
        await expect(pages["stage"]).to_have_title("決勝 · リーグ")
        await expect(pages["stage"].locator("main h1 [data-name-of]")).to_have_text("決勝")
        await expect(pages["stage"].locator(".crumbs")).to_have_text("リーグ")
        await expect(pages["match"].locator(".crumbs")).to_have_text("リーグ › 決勝")
        await context.close()


async def test_a_new_roster_reaches_the_team_page(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 2)
        team = event["teams"][0]
        page = await browser.new_page()
        await page.goto(f"{live_server.url}/teams/{team}?lang=ko")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        await expect(page.locator("main .roster li")).to_have_text(["p0a", "p0b 선수"])
        r = await client.patch(f"/api/teams/{team}", json={
            "players": [{"handle": "Faker", "names": {"ko": "이상혁"}}]})
        assert r.status_code == 200, r.text
        await expect(page.locator("main .roster li")).to_have_text(["Faker 이상혁"])
        await expect(page.locator("[data-roster-title]")).to_have_text("선수")
        await page.close()


async def test_an_added_or_removed_stage_reaches_the_event_page(browser, live_server):
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 2)
        await make_stage(client, event)
        page = await browser.new_page()
        await page.goto(f"{live_server.url}/tournaments/{event['slug']}/events/lol?lang=ko")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        headings = page.locator("main h2 a[data-name-of]")
        await expect(headings).to_have_text(["Playoffs"])
        show = await make_stage(client, event, name="Showmatch", names={"ko": "쇼매치"})
        await expect(headings).to_have_text(["Playoffs", "쇼매치"])
        await expect(page.locator(f"[data-stage='{show['id']}'] .match")).to_have_count(1)
        r = await client.delete(f"/api/stages/{show['id']}?confirm=true")
        assert r.status_code == 200, r.text
        await expect(headings).to_have_text(["Playoffs"])
        await page.close()


@pytest.mark.parametrize("lang, cn", [("ko", "중국"), ("ja", "中国")])
async def test_a_team_moved_to_a_nation_new_to_the_page_is_said_in_words(browser, live_server,
                                                                         lang, cn):
    """The page knew only the nations drawn on it (KR, JP): a team that moved to China, then
    drawn into the final by a live update, had its badge read as the letters "CN"."""
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 4)  # teams 1 and 3 KR, 2 and 4 JP
        st = await make_stage(client, event)  # M1 1 v 4, M2 2 v 3, M3 the final
        first, final = st["matches"][0]["id"], st["matches"][2]["id"]
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang={lang}")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        team = event["teams"][0]
        r = await client.patch(f"/api/teams/{team}", json={"nation": "CN"})
        assert r.status_code == 200, r.text
        r = await client.patch(f"/api/matches/{first}",
                               json={"score": [1, 0], "status": "completed"})
        assert r.status_code == 200, r.text
        badge = page.locator(f'.match[data-match="{final}"] [data-side="0"] [data-flag]')
        await expect(badge).to_have_attribute("aria-label", cn)
        await expect(badge).to_have_text("CN")
        live = await badge.evaluate("e => e.outerHTML")
        await page.reload()  # as the server draws it
        await expect(badge).to_have_attribute("aria-label", cn)
        assert await badge.evaluate("e => e.outerHTML") == live
        await page.close()


async def test_a_cards_name_breaks_live_where_the_server_breaks_it(browser, live_server):
    """A name's phrase breaks (web/phrases.py: 仁川<wbr>ファルコンズ) were the server's alone:
    a live update drew a card's name as plain text, so a team renamed live lost them (on a
    phone, "仁川ファルコン/ズ") until the stage was drawn again. live.js breaks it by the same
    rule, which the page hands to static/js/phrases.js: both split every name alike."""
    async with httpx.AsyncClient(base_url=live_server.url, headers=AUTH) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 3})  # M1 1 v 4
        first = st["matches"][0]["id"]
        r = await client.patch(f"/api/matches/{first}", json={"status": "live"})
        assert r.status_code == 200, r.text
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await page.goto(f"{live_server.url}/stages/{st['id']}?lang=ja")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        split = await page.evaluate("""async (names) => {
            const { phraseParts } = await import("/static/js/phrases.js");
            return names.map((name) => phraseParts(name)); }""", [n for n, _ in MARKED])
        assert split == [phrase_parts(n) for n, _ in MARKED]

        r = await client.patch(f"/api/teams/{event['teams'][0]}", json={
            "names": {"ja": "仁川ファルコンズ"}})
        assert r.status_code == 200, r.text
        name = page.locator(f'.match[data-match="{first}"] [data-side="0"] [data-name]')
        await expect(name).to_have_text("仁川ファルコンズ")
        # a live score after the rename: the card is patched in place, not fetched again
        r = await client.patch(f"/api/matches/{first}", json={"score": [1, 0]})
        assert r.status_code == 200, r.text
        score = page.locator(f'.match[data-match="{first}"] [data-side="0"] [data-score]')
        await expect(score).to_have_text("1")
        live = await name.evaluate("e => e.outerHTML")
        assert "仁川<wbr>ファルコンズ" in live
        await page.reload()  # as the server draws it
        await expect(score).to_have_text("1")
        assert await name.evaluate("e => e.outerHTML") == live
        await page.close()
