"""A team's standing in a stage on its page, on a 390 px phone: a line too short for it
broke between its place and its record ("グループステージ · グループA · 1位" / "· 1勝0敗 ·
勝ち点3"). The standing after the stage's name is one piece with its " · " now (.then): a
short line breaks before it, and its place, record and word stay on one line."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.test_control_board import PHONE
from tests.e2e.test_direct_entrants_form import _shots
from tests.e2e.test_phone_width import LINES
from tests.helpers import by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")

# each standing line's stage name and what follows its first " · " (place, record, word)
PARTS = """() => [...document.querySelectorAll('[data-standing] li')].map(li => {
  const name = li.querySelector('a').textContent.replace(/\\s+/g, ' ').trim(),
    all = li.textContent.replace(/\\s+/g, ' ').trim();
  return [name, all.slice(name.length).replace(/^ · /, '')]; })"""


@pytest.mark.parametrize("lang", ["ja", "ko", "en"])
async def test_a_team_standing_stays_whole_on_a_phone(browser, live_server, shots, lang):
    base = live_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 8)
        groups = await make_stage(client, event, name="Group stage and then some",
                                  format="round_robin", settings={"groups": 2},
                                  names={"ko": "조별 리그 첫째 주 본선", "ja": "グループステージ"})
        first = by_number(groups)[1]
        r = await report(client, first["id"], [1, 0])
        assert r.status_code == 200, r.text
        team = first["teams"][0]
    page = await browser.new_page(viewport=PHONE)
    try:
        await page.goto(f"{base}/teams/{team}?lang={lang}")
        [(name, standing)] = await page.evaluate(PARTS)
        assert " · " in standing, standing  # a group, a place, a record
        [lines] = await page.evaluate(LINES, "[data-standing] li")
        # the standing on one line: after the stage's name, or on the next with its " · "
        assert lines in ([f"{name} · {standing}"], [name, f"· {standing}"]), lines
        assert await page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        if lang == "ja":
            assert len(lines) == 2  # it does not fit beside the name: the case in point
        if lang != "en":
            await _shots(page, shots, f"team-standing-{lang}")
    finally:
        await page.close()
