"""An organizer's refused team file, in Chromium: each bad cell is shown as typed beside its
line and column, the file's text is put in the paste box, and fixed there it imports
(Korean on a laptop, Japanese on a phone; screenshots at both widths)."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import make_user
from tests.e2e.test_control_board import LAPTOP, PHONE, sign_in
from tests.e2e.test_direct_entrants_form import _shots
from tests.helpers import AUTH, make_event

pytestmark = pytest.mark.asyncio(loop_scope="session")

BAD = ("name,name_ko,name_ja,nation,seed,players\n"
       "T1,티원,,KOR,1,Faker\n"
       "DetonatioN,,デトネーション,JPN,2,Yutapon\n")


@pytest.mark.parametrize(("lang", "size", "kept"), [
    ("ko", LAPTOP, "내용은 아래 칸에 그대로 있습니다"),
    ("ja", PHONE, "内容は下の欄に入っています"),
])
async def test_a_refused_file_shows_the_bad_values_and_is_fixed_in_the_box(
        browser, live_server, shots, tmp_path, lang, size, kept):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 0)
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=size)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            await sign_in(page, base, admin["name"], lang)
            await page.goto(f"{base}/admin/t/{event['slug']}/e/lol?lang={lang}")
            file = tmp_path / "teams.csv"
            file.write_text(BAD, encoding="utf-8")
            form = page.locator("form[data-import]")
            await form.locator("input[type=file]").set_input_files(str(file))
            async with page.expect_navigation():
                await form.locator("button[type=submit]").click()
            values = page.locator("[data-csv-errors] [data-csv-value]")
            await expect(values).to_have_text(["KOR", "JPN"])
            await expect(page.locator("[data-csv-kept]")).to_contain_text(kept)
            box = page.locator("textarea[data-csv]")
            await expect(box).to_have_value(BAD)
            # the reasons wrap at a phone's width (in Japanese they overflowed it)
            wide = await page.evaluate("document.documentElement.scrollWidth")
            assert wide <= size["width"], wide
            await _shots(page, shots, f"csv-import-refused-{lang}")
            await box.fill((await box.input_value()).replace("KOR", "KR").replace("JPN", "JP"))
            async with page.expect_navigation():
                await form.locator("button[type=submit]").click()
            await expect(page).to_have_url(re.compile(r"added=2"))
            teams = (await client.get(f"/api/tournaments/{event['slug']}/events/lol",
                                      headers=AUTH)).json()["teams"]
            assert [(t["name"], t["nation"]) for t in teams] == [("T1", "KR"),
                                                                 ("DetonatioN", "JP")]
            assert errors == []
        finally:
            await context.close()
