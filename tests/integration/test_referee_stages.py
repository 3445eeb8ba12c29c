"""A referee's list and console tell matches of different stages apart: match numbers
start again at M1 in each stage (the API's contract), so each match's stage stands beside
its number, as plain to see (a reviewer read two "M1"s in one /referee list, the playoffs'
above the Swiss stage's, the stage lost in the grey line after them)."""

from __future__ import annotations

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import by_number, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_each_m1_is_shown_with_its_stage(client, app):
    event = await make_event(client, teams=8)
    groups = await make_stage(client, event, name="Swiss stage", names={"ko": "스위스 스테이지"},
                              format="round_robin", seeding=event["teams"][:4])
    playoffs = await make_stage(client, event, name="Playoffs", names={"ko": "플레이오프"},
                                seeding=event["teams"][4:])
    firsts = {by_number(groups)[1]["id"]: "스위스 스테이지",
              by_number(playoffs)[1]["id"]: "플레이오프"}
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        mine = soup((await b.client.get("/referee", params={"lang": "ko"})).text)
        for match_id, stage in firsts.items():
            where = mine.select_one(f'[data-match-link="{match_id}"] .ref-where')
            # the number, then the stage in the same weight: M1 스위스 스테이지, M1 플레이오프
            key = [x.get_text(strip=True) for x in where.find_all("strong", recursive=False)]
            assert key == ["M1", stage], where
            page = soup((await b.client.get(f"/matches/{match_id}/referee",
                                            params={"lang": "ko"})).text)
            title = page.select_one("h1.ref-where")
            assert [x.get_text(strip=True) for x in title.find_all("strong", recursive=False)
                    ] == ["M1", stage], title
            assert page.select_one("title").get_text(strip=True).startswith(
                f"심판 · M1 · {stage}")
