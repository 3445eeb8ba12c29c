"""The new-stage form's "Teams that go through" from an earlier stage (a Korean organizer's
review: it read "진출 팀 수(조별)" for a Swiss stage, which has no groups, and started at 2
while a Valve Swiss of 8 teams to 2 wins sends 4): labelled per group only for a stage
with groups, starting at the number the stage sends when its settings say it."""

from __future__ import annotations

import pytest

from tests.console_support import admin_console
from tests.helpers import make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _field(page) -> tuple[str, str]:
    label = page.select_one("[data-qualifiers-label]")
    return label.get_text(strip=True), page.select_one("input[data-qualifiers]")["value"]


async def test_teams_going_through_follow_the_earlier_stage(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  settings={"groups": 2, "advance": 3})
        path = f"/admin/t/{event['slug']}/e/lol"
        page = soup((await con.get(path, "ko")).text)
        assert _field(page) == ("진출 팀 수(조별)", "3")  # its groups' top 3 each
        swiss = await make_stage(client, event, name="Swiss", format="swiss",
                                 settings={"wins_to_advance": 2, "losses_to_eliminate": 2})
        said = {"ko": "진출 팀 수", "ja": "勝ち上がるチーム数", "en": "Teams that go through"}
        for lang, words in said.items():
            page = soup((await con.get(path, lang)).text)
            # the last stage (the Swiss, no groups): 2 at 2–0 and 2 at 2–1
            assert _field(page) == (words, "4"), lang
            options = {o["value"]: (o["data-grouped"], o["data-sends"])
                       for o in page.select("[data-from-stage] option") if o["value"]}
            assert options == {str(groups["id"]): ("1", "3"), str(swiss["id"]): ("0", "4")}
            label = page.select_one("[data-qualifiers-label]")
            assert label["data-whole-words"] == words
        # a refused form keeps the stage chosen, labelled by it
        r = await con.post(path, f"{path}/stages", {
            "name": "Playoffs", "format": "single_elimination",
            "from_stage": str(groups["id"]), "qualifiers": "x", "start": "draft"}, "ko")
        assert r.status_code == 422, r.status_code
        assert _field(soup(r.text)) == ("진출 팀 수(조별)", "x")
    finally:
        await ctx.__aexit__(None, None, None)
