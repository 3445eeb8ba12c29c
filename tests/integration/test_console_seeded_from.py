"""A stage seeded from an earlier one keeps its seeding on its console page once played (a
Korean organizer's review: the playoff's page showed no seeding at all, nor which Swiss
place went to which slot): read-only, each team with the place it came from ("스위스 1위"),
a team that entered directly said so; docs/console.md says it."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console, groups_and_slotted_knockout
from tests.helpers import make_event, make_stage, play_out, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _seeded(html: str) -> list[tuple[int, str]]:
    page = soup(html)
    assert page.select_one("[data-seeding-form]") is None  # nothing to change here
    return [(int(li["data-team"]), li.select_one("[data-source-place]").get_text(strip=True))
            for li in page.select("[data-seeded-from] li")]


async def test_a_played_playoff_shows_the_swiss_place_of_each_seed(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        swiss = await make_stage(client, event, name="Swiss", names={"ko": "스위스",
                                                                     "ja": "スイス"},
                                 format="swiss", settings={"wins_to_advance": 2,
                                                           "losses_to_eliminate": 2})
        playoff = await make_stage(client, event, name="Playoffs",
                                   seeding={"from_stage": swiss["id"], "qualifiers": 4})
        await play_out(client, swiss["id"])
        done = await play_out(client, playoff["id"])
        order = [r["team_id"] for r in (await stage(client, swiss["id"]))["standings"]]
        assert done["seeding"] == [order[0], order[1], order[2], order[3]]
        said = {"ko": "스위스 {}위", "ja": "スイスの{}位"}
        for lang, words in said.items():
            html = (await con.get(f"/admin/stages/{playoff['id']}", lang)).text
            assert _seeded(html) == [(t, words.format(i + 1))
                                     for i, t in enumerate(done["seeding"])], lang
        html = (await con.get(f"/admin/stages/{playoff['id']}", "en")).text
        assert [p for _, p in _seeded(html)] == ["1st in Swiss", "2nd in Swiss",
                                                 "3rd in Swiss", "4th in Swiss"]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_slots_name_group_places_and_direct_entrants(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        groups, knockout = await groups_and_slotted_knockout(client, event)
        # the better seed (the lower id) wins: no tie in a group of three
        await play_out(client, groups["id"], lambda m: 1 if m["teams"][0] < m["teams"][1] else 2)
        view = await stage(client, knockout["id"])
        html = (await con.get(f"/admin/stages/{knockout['id']}", "en")).text
        places = dict(_seeded(html))
        assert list(places) == view["seeding"]
        assert places[event["teams"][6]] == places[event["teams"][7]] == "(enters directly)"
        assert sorted(p for t, p in places.items() if p != "(enters directly)") == [
            "Group A 1st in Groups", "Group B 1st in Groups"]
    finally:
        await ctx.__aexit__(None, None, None)
