"""The console's stage page lists a stage's bracket slots with each place of the earlier
stage as people say it (parsed HTML): "グループAの1位" / "A조 1위" / "Group A 1st", and
"1位" / "1위" / "1st" when the earlier stage has no groups; never "前のステージのA1"."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console, groups_and_slotted_knockout
from tests.helpers import make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _slots_shown(con, stage_id: int, lang: str) -> list[str]:
    page = soup((await con.get(f"/admin/stages/{stage_id}", lang)).text)
    return [" ".join(li.get_text(" ", strip=True).split())
            for li in page.select("[data-slot-list] li")]


async def test_places_of_groups_and_of_a_stage_without_groups_are_said_in_words(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        teams = event["teams"]
        _, knockout = await groups_and_slotted_knockout(client, event)
        shown = {lang: await _slots_shown(con, knockout["id"], lang)
                 for lang in ("ja", "ko", "en")}
        assert [shown["ja"][0], shown["ja"][2]] == ["グループAの1位", "グループBの1位"]
        assert [shown["ko"][0], shown["ko"][2]] == ["A조 1위", "B조 1위"]
        assert [shown["en"][0], shown["en"][2]] == ["Group A 1st", "Group B 1st"]
        assert shown["ja"][1] == "KR チーム7 （シード出場）"  # a team that enters directly
        # a league of one table: its places are "1st", "2nd" (no group to name)
        league = await make_stage(client, event, name="League", format="round_robin",
                                  seeding=teams[:4])
        final = await make_stage(client, event, name="Final", seeding_method="natural",
                                 seeding={"from_stage": league["id"], "qualifiers": 2,
                                          "slots": [{"place": 2}, teams[6], {"place": 1},
                                                    teams[7]]})
        shown = {lang: await _slots_shown(con, final["id"], lang) for lang in ("ja", "ko", "en")}
        assert [shown["ja"][0], shown["ja"][2]] == ["2位", "1位"]
        assert [shown["ko"][0], shown["ko"][2]] == ["2위", "1위"]
        assert [shown["en"][0], shown["en"][2]] == ["2nd", "1st"]
    finally:
        await ctx.__aexit__(None, None, None)
