"""The console's stage form sets bracket slots (a stage seeded from the groups that also
takes teams entering it directly), in Chromium: a line it cannot read and a place the
groups do not send are shown at the form (in Korean and Japanese), nothing is created; the
fixed list creates the knockout, whose page lists its slots, and it starts with the group
winners in their slots when the groups end."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.accounts_support import make_user
from tests.e2e.test_control_board import LAPTOP, PHONE, sign_in
from tests.helpers import AUTH, make_event, make_stage, play_out

pytestmark = pytest.mark.asyncio(loop_scope="session")
FORM = "form[data-new-stage]"


async def _fill(page: Page, groups_id: int, slots: str) -> None:
    panel = page.locator("#new-stage")
    if await panel.get_attribute("open") is None:
        await panel.locator("summary").click()
    await page.fill(f"{FORM} [name=name]", "Knockout")
    await page.select_option(f"{FORM} [name=format]", "single_elimination")
    await page.select_option(f"{FORM} [name=from_stage]", str(groups_id))
    await page.fill(f"{FORM} [name=qualifiers]", "1")
    await page.fill(f"{FORM} [name=slots]", slots)
    await page.select_option(f"{FORM} [name=seeding_method]", "natural")
    async with page.expect_navigation():
        await page.locator(f"{FORM} button[type=submit]").click()


async def _shots(page: Page, shots: Path, name: str) -> None:
    """The page at a phone's and a laptop's width (the test's own size last)."""
    own = page.viewport_size
    for label, size in (("phone", PHONE), ("desktop", LAPTOP)):
        if size != own:
            await page.set_viewport_size(size)
            await page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=True)
    assert own is not None
    await page.set_viewport_size(own)
    label = "phone" if own == PHONE else "desktop"
    await page.screenshot(path=str(shots / f"{name}-{label}.png"), full_page=True)


@pytest.mark.parametrize(("lang", "size", "unreadable", "unsent", "places"), [
    ("ko", LAPTOP, "2번째 줄(Nobody)", "이전 스테이지에 C조는 없습니다(A조, B조가 있습니다).",
     ("A조 1위", "B조 1위")),
    ("ja", PHONE, "2行目（Nobody）",
     "前のステージにグループCはありません（グループAとグループBです）。",
     ("グループAの1位", "グループBの1位")),
])
async def test_the_stage_form_sets_slots_and_shows_a_bad_list(browser, live_server, shots,
                                                              lang, size, unreadable, unsent,
                                                              places):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 8)
        slug, teams = event["slug"], event["teams"]
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  seeding=teams[:6], settings={"groups": 2, "advance": 1})
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=size)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            await sign_in(page, base, admin["name"], lang)
            await page.goto(f"{base}/admin/t/{slug}/e/lol?lang={lang}")
            # a line that is neither a place nor a team: said at the form, kept to fix
            bad = "A1\nNobody\nB1\n팀 8"
            await _fill(page, groups["id"], bad)
            error = page.locator("#new-stage [data-error]")
            await expect(error).to_contain_text(unreadable)
            await expect(page.locator(f"{FORM} [name=slots]")).to_have_value(bad)
            await _shots(page, shots, f"entrants-form-error-{lang}")
            # a place the groups do not send (there is no group C)
            await _fill(page, groups["id"], f"A1\nTeam 7\nC1\n#{teams[7]}")
            await expect(error).to_have_text(unsent)
            stages = (await client.get(f"/api/tournaments/{slug}/events/lol")).json()
            assert [s["name"] for s in stages["stages"]] == ["Groups"]
            # right: a team by its name in any language, or by #id
            await _fill(page, groups["id"], "A1\nTeam 7\nB1\n팀 8")
            await expect(page).to_have_url(re.compile(r"/admin/stages/\d+"))
            knockout = int(re.search(r"/admin/stages/(\d+)", page.url).group(1))
            items = page.locator("[data-slot-list] li")
            await expect(items).to_have_count(4)
            # a place as people say it: "グループAの1位", not "前のステージのA1"
            await expect(items.nth(0)).to_have_text(places[0])
            await expect(items.nth(2)).to_have_text(places[1])
            await expect(page.locator("[data-hold]")).to_be_visible()
            await _shots(page, shots, f"entrants-stage-{lang}")
            view = (await client.get(f"/api/stages/{knockout}", headers=AUTH)).json()
            assert view["status"] == "pending"
            assert view["source"]["slots"] == [{"group": 1, "place": 1}, teams[6],
                                               {"group": 2, "place": 1}, teams[7]]
            done = await play_out(client, groups["id"], pick=lambda m: 1 if
                                  m["teams"][0] < m["teams"][1] else 2)
            top = {r["group"]: r["team_id"] for r in done["standings"] if r["rank"] == 1}
            view = (await client.get(f"/api/stages/{knockout}", headers=AUTH)).json()
            assert view["status"] == "running"
            assert view["seeding"] == [top[1], teams[6], top[2], teams[7]]
            assert errors == []
        finally:
            await context.close()
