"""A schedule clash on the console's match page, on a 390 px phone in Japanese: the line
naming a round plan's match not made yet ("スイスステージ 第3ラウンド 第1試合（予定）：
ステーション Booth 3") broke inside "（予定）" ("（予" / "定）"). It breaks between phrases
now (auto-phrase, as the console's other Japanese lines), so "（予定）" stays whole."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Page, expect

from tests.accounts_support import make_user
from tests.e2e.test_control_board import PHONE, sign_in
from tests.e2e.test_direct_entrants_form import _shots
from tests.helpers import AUTH, make_event, make_stage
from tests.round_plans_support import SWISS

pytestmark = pytest.mark.asyncio(loop_scope="session")

PLANNED = {"ko": "(예정)", "ja": "（予定）"}

# the screen lines a piece of an element's text is drawn on (the tops of its characters)
LINES_OF = """([el, piece]) => { const node = [...el.childNodes].find(
    n => n.nodeType === 3 && n.textContent.includes(piece));
  const start = node.textContent.indexOf(piece), tops = new Set();
  for (let i = start; i < start + piece.length; i++) {
    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
    tops.add(Math.round(r.getBoundingClientRect().top)); }
  return tops.size; }"""


async def _clash(page: Page, base: str, match_id: int, lang: str) -> None:
    """The match set at 13:00 in Booth 3, the slot the plan's first match will use."""
    await page.goto(f"{base}/admin/matches/{match_id}?lang={lang}")
    form = page.locator("form[data-match-schedule]")
    await form.locator("[data-field=scheduled_at]").fill("2026-11-30T13:00")
    await form.locator("input[name=station]").fill("Booth 3")
    async with page.expect_navigation():
        await form.locator("[data-save-match]").click()


@pytest.mark.parametrize("lang", ["ja", "ko"])
async def test_a_planned_match_in_a_clash_keeps_planned_whole(browser, live_server, shots,
                                                              lang):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 8)
        swiss = await make_stage(client, event, name="Swiss stage", format="swiss",
                                 settings=SWISS,
                                 names={"ko": "스위스 스테이지", "ja": "スイスステージ"})
        r = await client.post(f"/api/stages/{swiss['id']}/round-plans", json={
            "round": 3, "starts_at": "2026-11-30T13:00:00+09:00", "interval_minutes": 60,
            "stations": ["Booth 3"]}, headers=AUTH)
        assert r.status_code == 201, r.text
        show = await make_stage(client, event, name="Show match", seeding=event["teams"][:2])
        admin = await make_user(client, role="admin")
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        try:
            await sign_in(page, base, admin["name"], lang)
            await _clash(page, base, show["matches"][0]["id"], lang)
            line = page.locator("[data-clashes] li")
            await expect(line).to_have_count(1)
            await expect(line).to_contain_text(PLANNED[lang])
            assert (await line.bounding_box() or {})["height"] > 30  # it does wrap
            handle = await line.element_handle()
            assert await page.evaluate(LINES_OF, [handle, PLANNED[lang]]) == 1, \
                await line.text_content()
            await _shots(page, shots, f"console-match-clash-{lang}")
        finally:
            await context.close()
