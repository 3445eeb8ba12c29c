"""A free-for-all stage keeps the placement points it was made with when the default
changes (PMGC 2021's table gave way to PUBG Mobile's 2023+ one): a stage's settings are
stored whole at creation, every default written out, and read back as stored; the
console's form shows and sends the stored table back on an edit."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup, stage
from tournament.formats import lobby_games, registry
from tournament.models import Stage

pytestmark = pytest.mark.asyncio(loop_scope="session")
FFA = registry.get("free_for_all")
OLD = list(lobby_games.PMGC_2021_POINTS)


async def test_a_stage_made_under_the_old_default_reads_and_ranks_with_it(
        client, app, monkeypatch):
    # made while the default was PMGC 2021's table (as the code before this one had it)
    monkeypatch.setattr(lobby_games, "PUBG_MOBILE_2023_POINTS", lobby_games.PMGC_2021_POINTS)
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event, name="Final", format="free_for_all",
                          settings={"games": 2})
    monkeypatch.undo()
    assert FFA.parse_settings({}).placement_points == [10, 6, 5, 4, 3, 2, 1, 1] + [0] * 8
    # stored whole: every setting written out, the table among them
    async with app.state.ctx.db.read() as session:
        row = await session.get(Stage, st["id"])
        assert row is not None
        stored = row.settings
    assert stored == FFA.parse_settings({"games": 2, "placement_points": OLD}).as_dict()
    assert stored is not None and stored["placement_points"] == OLD
    assert (await stage(client, st["id"]))["settings"]["placement_points"] == OLD

    (lobby,) = st["matches"]
    r = await client.patch(f"/api/matches/{lobby['id']}", headers=AUTH, json={"game": {
        "number": 1, "results": [
            {"team_id": team, "placement": place, "kills": kills}
            for team, place, kills in ((t[2], 1, 3), (t[0], 2, 1), (t[3], 3, 0),
                                       (t[1], 4, 2))]}})
    assert r.status_code == 200, r.text
    # by the old table: 15 + 3, 12 + 1, 10 + 0, 8 + 2; t3 and t1 level on 10, t3 ahead on
    # placement points (10 to 8). By the new one it would be 13, 7, 5 and 6 (t1 3rd).
    view = await stage(client, st["id"])
    assert [(row["team_id"], row["points"], row["placement_points"])
            for row in view["standings"]] == [(t[2], 18, 15), (t[0], 13, 12), (t[3], 10, 10),
                                              (t[1], 10, 8)]

    # the console's form shows the stored table (under the hint naming both tables), and
    # an edit of the tiebreakers sends it back: kept, the results re-ranked by kills first
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{st['id']}"
        page = soup((await con.get(path, "en")).text)
        box = page.select_one("input[name=s_placement_points]")
        assert box is not None and box["value"] == ", ".join(map(str, OLD))
        assert box.find_next_sibling("small").get_text(strip=True).startswith(
            "Default: PUBG Mobile's since 2023, 10, 6, 5, 4, 3, 2, 1, 1, then 0 (PMGC 2021: "
            "15, 12, 10, 8, 6, 4, 2, 1, 1, 1, 1, 1, then 0)")
        sent = form_values(page.select_one("form:has([name=s_tiebreakers])"))
        r = await con.post(path, path, sent | {"s_tiebreakers": ["kills", "wins"]}, "en")
        assert r.status_code == 303, error_of(r.text)
    finally:
        await ctx.__aexit__(None, None, None)
    view = await stage(client, st["id"])
    assert (view["settings"]["placement_points"], view["settings"]["tiebreakers"]) == (
        OLD, ["kills", "wins"])
    assert [(row["team_id"], row["points"]) for row in view["standings"]] == [
        (t[2], 18), (t[0], 13), (t[1], 10), (t[3], 10)]
