"""``/referee``'s "Recent results" are the latest results across the referee's events,
newest first by the time each match is listed at, not by when its row was last written (a
review of the demo found Tekken's M9 at 06:20 above eFootball's M11 at 06:40, and League of
Legends' M1 left out while older eFootball results were listed: the demo writes its events
one after another)."""

from __future__ import annotations

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_recent_results_are_newest_first_by_their_time_whatever_was_written_last(
        client, app):
    event = await make_event(client, teams=8)
    st = await make_stage(client, event)
    first_round = [by_number(st)[n] for n in (1, 2, 3, 4)]
    # M1 played last (12:00), M4 first (09:00); their results are written M1 first
    for m, hour in zip(first_round, (12, 11, 10, 9), strict=True):
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": f"2026-11-20T{hour:02d}:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200, r.text
    for m in first_round:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get("/referee", params={"lang": "en"})).text)
    listed = [a.select_one(".num").get_text(strip=True)
              for a in page.select('[data-group="recent"] a[data-match-link]')]
    assert listed == ["M1", "M2", "M3", "M4"]
