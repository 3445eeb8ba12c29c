"""A 32-player double elimination replayed through the API set by set: RAW #23 (Super
Smash Bros. Ultimate, Rennes, September 2024) as start.gg published it. Every set in its
bracket and round between the players start.gg's seeding put there (the service's
``standard`` seeding draws the same first round), best-of-three up to the top 8 and
best-of-five from there (``best_of_by_round``, ``final_best_of``), start.gg's drop orders
(``drop_orders``) with every drop round slot by slot, every score, the grand final's reset
and start.gg's final placings, 1st to the eight players 25th. On SQLite only (the
Dallas open's replay runs on both databases). Source: tests/replays/raw_23_2024_ultimate.py;
the automatic drop orders pair its lower round 2 otherwise
(unit/test_double_elimination_drops.py)."""

from __future__ import annotations

import pytest

from tests.helpers import make_stage, stage
from tests.replays import raw_23_2024_ultimate as raw
from tournament.formats.seeding import standard_order

from .test_api_replays import enter, play_rounds

pytestmark = pytest.mark.asyncio(loop_scope="session")

BEST_OF_FIVE = {("winners", 4), ("winners", 5), ("losers", 5), ("losers", 6), ("losers", 7),
                ("losers", 8), ("grand_final", 1), ("grand_final", 2)}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_32_player_start_gg_bracket_plays_out_as_published(client):
    entered = await enter(client, [str(user) for user in raw.SEEDS])
    ids = {user: entered["ids"][str(user)] for user in raw.SEEDS}
    name = {team: user for user, team in ids.items()}
    bracket = await make_stage(client, entered, name="Bracket", format="double_elimination",
                               settings={"best_of": 3, "best_of_by_round": raw.BEST_OF_BY_ROUND,
                                         "final_best_of": 5, "grand_final": "reset",
                                         "drop_orders": raw.DROP_ORDERS})
    view = await stage(client, bracket["id"])
    ordered = sorted(view["matches"], key=lambda m: m["number"])
    # start.gg's first round top to bottom: 1 v 32, 16 v 17, 8 v 25 ...
    seeds = standard_order(32)
    assert [[name[t] for t in m["teams"]] for m in ordered if m["round"] == 1
            and m["bracket"] == "winners"] == [
        [raw.SEEDS[seeds[i] - 1], raw.SEEDS[seeds[i + 1] - 1]] for i in range(0, 32, 2)]
    assert {(m["bracket"], m["round"], m["best_of"]) for m in ordered} == {
        (m["bracket"], m["round"], 5 if (m["bracket"], m["round"]) in BEST_OF_FIVE else 3)
        for m in ordered}
    assert len(ordered) == 62  # 31 upper, 30 lower, the grand final (its reset comes later)

    await play_rounds(client, bracket["id"], ids, raw.SETS)

    view = await stage(client, bracket["id"])
    assert view["status"] == "completed"
    assert len(view["matches"]) == len(raw.SETS) == 63  # the reset was played
    ordered = sorted(view["matches"], key=lambda m: m["number"])
    for round_number, pairs in raw.LOWER_PAIRINGS.items():
        assert [tuple(name[t] for t in m["teams"]) for m in ordered if (
            m["bracket"], m["round"]) == ("losers", round_number)] == pairs, round_number
    for bracket_name, round_number, winner, loser, won, lost in raw.SETS:
        m = next(m for m in ordered if (m["bracket"], m["round"]) == (
            bracket_name, round_number) and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["status"], m["score"][side], m["score"][1 - side]) == (
            "completed", won, lost), (winner, loser)
    rows = {name[r["team_id"]]: r for r in view["standings"]}
    assert {user: (r["rank"], r["last"]) for user, r in rows.items()} == {
        user: (place, raw.SHARED.get(place, place)) for user, place in raw.PLACES.items()}
    assert [user for user, r in rows.items() if r["status"] == "advanced"] == [raw.SETS[-1][2]]
