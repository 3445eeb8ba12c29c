"""The day's run sheet on a phone (390 px) with a disqualified team: the sides one under the
other beside their result, the forfeit's cause sentence wrapped under them. The status cell
never wrapped ("Finished · Forfeit: … was disqualified" ran off the screen), and the two
sides side by side pushed a Japanese sheet to 423 px or, squeezed, broke 東京ファントム/ズ."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from playwright.async_api import expect

from tests.accounts_support import PASSWORD, make_user
from tests.e2e.referee_support import sign_in
from tests.e2e.test_phone_game_heads import SPILLED, SPLIT_WORDS
from tests.helpers import AUTH, by_number, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

NAMES = [
    {"name": "Changwon Thunderbirds Esports",
     "names": {"ko": "창원 썬더버즈 이스포츠", "ja": "昌原サンダーバーズ"}},
    {"name": "Tokyo Phantoms", "names": {"ko": "도쿄 팬텀스", "ja": "東京ファントムズ"}},
    {"name": "Sapporo Phantoms", "names": {"ko": "삿포로 팬텀스", "ja": "札幌ファントムズ"}},
]


async def test_the_run_sheet_fits_a_phone_with_a_forfeits_cause(browser, module_server):
    base = module_server.url
    async with httpx.AsyncClient(base_url=base) as client:
        admin = await make_user(client, role="admin", password=PASSWORD)
        event = await make_event(client, 4)
        r = await client.patch(f"/api/tournaments/{event['slug']}",
                               json={"timezone": "Asia/Seoul"}, headers=AUTH)
        assert r.status_code == 200, r.text
        for team, body in zip(event["teams"], NAMES, strict=False):
            r = await client.patch(f"/api/teams/{team}", json=body, headers=AUTH)
            assert r.status_code == 200, r.text
        m = by_number(await make_stage(client, event, settings={"best_of": 3}))
        at = datetime.now(UTC) + timedelta(minutes=30)
        for n in (1, 2):
            r = await client.patch(f"/api/matches/{m[n]['id']}", headers=AUTH, json={
                "scheduled_at": at.isoformat(), "venue": "Hall A", "station": str(n)})
            assert r.status_code == 200, r.text
        r = await client.post(f"/api/teams/{event['teams'][0]}/withdraw", headers=AUTH,
                              json={"reason": "disqualified"})
        assert r.status_code == 200, r.text
        day = at.astimezone(ZoneInfo("Asia/Seoul")).date().isoformat()
        page = await browser.new_page(viewport={"width": 390, "height": 844})
        await sign_in(page, base, admin["name"], "en")
        for lang, cause in (("en", "Changwon Thunderbirds Esports was disqualified"),
                            ("ko", "창원 썬더버즈 이스포츠의 실격으로 기권패"),
                            ("ja", "昌原サンダーバーズの失格により棄権負け")):
            await page.goto(f"{base}/admin/t/{event['slug']}/run-sheet?day={day}&lang={lang}")
            said = page.locator(f'[data-sheet-match="{m[1]["id"]}"] [data-forfeit-reason]')
            await expect(said).to_contain_text(cause)
            box = await said.bounding_box()
            assert box is not None and box["x"] + box["width"] <= 390, (lang, box)
            cells = "table.sheet td"
            assert await page.evaluate(SPLIT_WORDS, "table.sheet td.team") == [], lang
            assert await page.evaluate(SPILLED, cells) == [], lang
            assert await page.evaluate("document.documentElement.scrollWidth") == 390, lang
        await page.close()
