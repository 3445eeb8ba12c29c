"""A round robin's cross table names its columns by the teams' whole names on a desktop
(they were cut to 8 characters, "부산 웨이브즈 …", however wide the screen), and on a phone
numbers its columns without the page growing wider than the phone; the whole name is in the
column's text (screen readers) and title either way."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import expect

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")
LONG = {"ko": "부산 웨이브즈 e스포츠 아카데미 프로게임단",
        "ja": "釜山ウェーブス・エレクトロニックスポーツ・アカデミー"}

# the column's name as drawn: its box, the box of its cell, and whether any of it is hidden
COLUMN = """(th) => {
  const name = th.querySelector(".cross-name");
  const box = (el) => { const b = el.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width}; };
  return {name: box(name), cell: box(th), clipped: name.scrollHeight > name.clientHeight + 1
          || name.scrollWidth > name.clientWidth + 1, text: name.textContent};
}"""


async def test_a_long_name_is_whole_on_a_desktop_and_fits_a_phone(browser, live_server, shots):
    async with httpx.AsyncClient(base_url=live_server.url) as client:
        event = await make_event(client, 4)
        first = event["teams"][0]
        r = await client.patch(f"/api/teams/{first}", json={"name": "Busan", "names": LONG},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        st = await make_stage(client, event, name="League", format="round_robin")
        for lang in ("ko", "ja"):
            page = await browser.new_page(viewport={"width": 1366, "height": 900})
            await page.goto(f"{live_server.url}/stages/{st['id']}?lang={lang}")
            th = page.locator("table.cross thead th").nth(1)
            await expect(th).to_have_attribute("title", LONG[lang])
            col = await th.evaluate(COLUMN)
            # the whole name, shown whole: no "…", nothing clipped, inside its column
            assert col["text"].split(" ", 1)[1] == LONG[lang], col
            await expect(th.locator(".tname")).to_have_text(LONG[lang])
            await expect(th.locator(".tname")).to_be_visible()
            assert not col["clipped"], col
            assert col["cell"]["left"] <= col["name"]["left"], col
            assert col["name"]["right"] <= col["cell"]["right"], col
            # wrapped in its column, not a column as wide as the name on one line
            assert col["cell"]["right"] - col["cell"]["left"] < 220, col
            await page.locator("table.cross").scroll_into_view_if_needed()
            await page.screenshot(path=shots / f"cross-long-{lang}-1366.png")
            await page.close()

            page = await browser.new_page(viewport={"width": 390, "height": 844},
                                          is_mobile=True, has_touch=True)
            await page.goto(f"{live_server.url}/stages/{st['id']}?lang={lang}")
            width = await page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, width
            table = await page.locator("table.cross").bounding_box()
            assert table is not None and table["x"] + table["width"] <= 390, table
            th = page.locator("table.cross thead th").nth(1)
            await expect(th.locator(".cross-num")).to_be_visible()  # numbered on a phone
            await expect(th.locator(".cross-num")).to_have_text("1")
            # ... and named in full for a screen reader
            await expect(th.locator(".tname")).to_have_text(LONG[lang])
            await page.locator("table.cross").scroll_into_view_if_needed()
            await page.screenshot(path=shots / f"cross-long-{lang}-390.png")
            await page.close()
