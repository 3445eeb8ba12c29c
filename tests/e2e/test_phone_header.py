"""The header on a phone (390x844) keeps to two rows: in Japanese the referee's console's
took three (four with a long tournament name) and pushed the match 50 px down. The account's
links open from a button with the person's name; nothing is cut: the tournament's name and
the person's are whole, every target 44 px. A laptop keeps the one-row header."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.e2e.referee_support import open_console, phone_signed_in, referee
from tests.helpers import AUTH, by_number, make_event, make_stage, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")

NAMES = {"en": "Korea–Japan Esports Competition 2026", "ko": "한일 e스포츠 대회 2026",
         "ja": "日韓eスポーツ大会2026"}
# the header's parts as a person sees them: rows they stand in, and whether any is cut
ROWS = """() => {
  const parts = [...document.querySelectorAll('header.top > *, header.top .who > *')]
    .filter((e) => !e.classList.contains('spacer') && !e.classList.contains('sr-only')
      && !e.matches('nav.who') && e.getClientRects().length
      && e.getBoundingClientRect().width > 1)
    .map((e) => e.getBoundingClientRect()).sort((a, b) => a.top - b.top);
  let rows = 0, bottom = -1;
  for (const r of parts) { if (r.top >= bottom - 2) { rows += 1; bottom = r.bottom; }
                           else bottom = Math.max(bottom, r.bottom); }
  const cut = [...document.querySelectorAll('header.top .crumb, header.top .who-toggle span')]
    .filter((e) => e.getClientRects().length && e.scrollHeight > e.clientHeight + 1)
    .map((e) => e.textContent);
  return { rows, cut, parts: parts.length };
}"""


async def header(page: Page) -> dict[str, Any]:
    return dict(await page.evaluate(ROWS))


async def test_the_header_keeps_to_two_rows_on_a_phone(browser, module_server, shots):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        r = await client.patch(f"/api/tournaments/{event['slug']}", json={
            "name": NAMES["en"], "names": NAMES}, headers=AUTH)
        assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))[1]
        for lang, name in (("ja", "田中 一郎"), ("ko", "김심판"), ("en", "Referee Kim")):
            me = await referee(client, event["slug"], name=f"{name} {unique('')[-3:]}")
            phone = await phone_signed_in(browser, client, me, lang)
            for path in (f"/matches/{m['id']}/referee", f"/matches/{m['id']}",
                         f"/tournaments/{event['slug']}", "/referee", "/"):
                if path.endswith("/referee") and path != "/referee":
                    await open_console(phone, base, m["id"], lang)
                else:
                    await phone.goto(f"{base}{path}?lang={lang}")
                got = await header(phone)
                assert got["rows"] <= 2 and got["cut"] == [], (lang, path, got)
                assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
            await open_console(phone, base, m["id"], lang)
            box = await phone.locator("header.top").bounding_box()
            await phone.screenshot(path=shots / f"header-console-{lang}-phone.png")
            assert box and box["height"] <= 120, (lang, box)  # it was 170 (222) in Japanese
            await phone.screenshot(path=shots / f"header-console-{lang}-phone.png")
            # the account's links: from the button with the person's name, 44 px each
            toggle = phone.locator("[data-who-toggle]")
            await expect(toggle).to_have_text(me["name"])
            await expect(phone.locator("[data-me]")).to_be_hidden()
            await toggle.click()
            links = phone.locator("#who-links")
            await expect(links.locator("[data-me]")).to_have_text(me["name"])
            for link in await links.locator("a, button").all():
                await expect(link).to_be_visible()
                size = await link.bounding_box()
                assert size and size["width"] >= 44 and size["height"] >= 44, size
            assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
            await phone.screenshot(path=shots / f"header-account-{lang}-phone.png")
            await phone.keyboard.press("Escape")
            await expect(links).to_be_hidden()
            await links.evaluate("e => e.showPopover()")
            await links.locator("a").nth(1).click()  # my matches
            await phone.wait_for_url(f"**/referee?lang={lang}")
            # a laptop: one row, the links side by side, no button
            await phone.set_viewport_size({"width": 1366, "height": 900})
            await open_console(phone, base, m["id"], lang)
            assert (await header(phone))["rows"] == 1
            await expect(phone.locator("[data-who-toggle]")).to_be_hidden()
            await expect(phone.locator("header [data-me]")).to_be_visible()
            await phone.screenshot(path=shots / f"header-console-{lang}-desktop.png")
            await phone.context.close()


# each line the account button's name stands on, as [start, end) of its text
NAME_LINES = """() => {
  const span = document.querySelector('[data-who-toggle] > span');
  const chars = [];  // every character of the name: its text node and offset
  const walk = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    for (let j = 0; j < n.length; j++) chars.push([n, j]);
  }
  const lines = [];
  for (let i = 0; i < chars.length; i++) {
    const range = document.createRange();
    range.setStart(chars[i][0], chars[i][1]); range.setEnd(chars[i][0], chars[i][1] + 1);
    const r = range.getClientRects()[0];
    if (!r || !r.width) continue;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.top - r.top) < 2) last.end = i + 1;
    else lines.push({ top: r.top, start: i, end: i + 1 });
  }
  return { lines: lines.map((l) => [l.start, l.end]),
           over: span.scrollWidth > span.clientWidth + 1 };
}"""


async def test_the_account_button_keeps_a_name_whole_on_a_phone(browser, module_server,
                                                                shots):
    """"refa9ebc7" beside the time zone broke as "refa9ebc / 7" (overflow-wrap: anywhere).
    A word of a name is never broken: a name too long for the button ends in "…" and the
    button's title has it whole; a name of two words may still take two lines."""
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        r = await client.patch(f"/api/tournaments/{event['slug']}", json={
            "name": NAMES["en"], "names": NAMES}, headers=AUTH)
        assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event))[1]
        for lang, name in (("ko", f"refa9ebc{unique('')[-3:]}"),
                           ("ja", f"referee{unique('')[-12:]}longname"),
                           ("en", f"Referee Kim{unique('')[-2:]}")):
            me = await referee(client, event["slug"], name=name)
            phone = await phone_signed_in(browser, client, me, lang)
            for path in (f"/matches/{m['id']}", f"/tournaments/{event['slug']}"):
                await phone.goto(f"{base}{path}?lang={lang}")
                toggle = phone.locator("[data-who-toggle]")
                await expect(toggle).to_have_text(name)
                await expect(toggle).to_have_attribute("title", name)
                got = await phone.evaluate(NAME_LINES)
                # every line starts with a word: none goes on in the next line
                starts = {w.start() for w in re.finditer(r"\S+", name)}
                assert all(start in starts for start, _ in got["lines"]), (name, got)
                assert len(got["lines"]) <= 2, (name, got)
                assert (await header(phone))["rows"] <= 2
                assert await phone.evaluate("document.documentElement.scrollWidth") <= 390
            await phone.screenshot(path=shots / f"header-name-whole-{lang}-phone.png")
            await phone.context.close()
