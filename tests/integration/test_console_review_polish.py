"""An organizer's review of the console (Japanese, then Korean): a waiting knockout's
slots counted in the event's stage table, the rounds to plan in play order, a slot naming a
group the earlier stage does not have, ``drop_orders`` said in words, and the venue and
station forms after a refusal (parsed HTML)."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console
from tests.helpers import make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _cell_text(cell) -> str:
    return " ".join(cell.get_text(" ", strip=True).split())


async def test_a_waiting_knockout_counts_its_slots_to_come_in_the_event_stage_table(
        client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        teams = event["teams"]
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  seeding=teams[:6], settings={"groups": 2, "advance": 1})
        knockout = await make_stage(client, event, name="Knockout", seeding_method="natural",
                                    seeding={"from_stage": groups["id"], "qualifiers": 1,
                                             "slots": [{"group": "A", "place": 1}, teams[6],
                                                       {"group": "B", "place": 1},
                                                       teams[7]]})
        said = {"ja": "4 未定", "ko": "4 미정", "en": "4 to come"}
        for lang, words in said.items():
            page = soup((await con.get(f"/admin/t/{event['slug']}/e/lol", lang)).text)
            cells = {row["data-stage-row"]: row.select("td")[2]
                     for row in page.select("[data-stage-row]")}
            assert _cell_text(cells[str(knockout["id"])]) == words, lang
            assert _cell_text(cells[str(groups["id"])]) == "6", lang
    finally:
        await ctx.__aexit__(None, None, None)


def _options(page, selector: str) -> list[str]:
    return [" ".join(o.get_text(" ", strip=True).split())
            for o in page.select(f"{selector} option")]


async def test_the_rounds_to_schedule_and_to_plan_are_listed_in_play_order(client, app):
    """The bronze match is played before the final: both round pickers list it first, as
    docs/console.md does, and a double elimination's rounds come as they are played."""
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        teams = event["teams"]
        knockout = await make_stage(client, event, name="Knockout", seeding=teams[:4],
                                    settings={"third_place_match": True})
        page = soup((await con.get(f"/admin/stages/{knockout['id']}", "ja")).text)
        assert _options(page, "[data-plan-rounds]") == ["準決勝", "3位決定戦", "決勝"]
        assert _options(page, "[data-schedule-form] select[name=round]") == [
            "準決勝", "3位決定戦", "決勝"]
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  seeding=teams[:6], settings={"groups": 2, "advance": 1})
        waiting = await make_stage(client, event, name="Final four", seeding_method="natural",
                                   settings={"third_place_match": True},
                                   seeding={"from_stage": groups["id"], "qualifiers": 1,
                                            "slots": [{"group": "A", "place": 1}, teams[6],
                                                      {"group": "B", "place": 1}, teams[7]]})
        page = soup((await con.get(f"/admin/stages/{waiting['id']}", "ko")).text)
        assert _options(page, "[data-plan-rounds]") == ["준결승", "3·4위전", "결승"]
        double = await make_stage(client, event, name="Double", format="double_elimination",
                                  seeding=teams[:4])
        page = soup((await con.get(f"/admin/stages/{double['id']}", "en")).text)
        # as the bracket numbers its matches (M1, M2, ...), the grand final last
        assert _options(page, "[data-plan-rounds]") == [
            "Upper semifinal", "Upper final", "Lower semifinal", "Lower final", "Grand final"]
    finally:
        await ctx.__aexit__(None, None, None)
