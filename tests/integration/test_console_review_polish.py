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
