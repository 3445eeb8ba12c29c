"""The CWL Championship's 16-team Championship Brackets (Call of Duty) of 2018 and 2019,
double eliminations of best-of-fives, replayed through the API: the bracket as played,
every series in the order played (2018's bracket reset included), every lower round's
pairings, every score and every place. The two brackets dropped their upper losers in
different orders (2018: quarterfinal losers ``half_shift``, 2019: ``reverse``; the
semifinal losers straight down both years), which the ``drop_orders`` setting names; with
the automatic drop orders the same results pair a lower round otherwise, as the second
test shows. Sources: tests/replays/cwl_champs_2018.py and cwl_champs_2019.py."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_stage, stage
from tests.replays import cwl_champs_2018, cwl_champs_2019

from .test_api_replays import enter, play

pytestmark = pytest.mark.asyncio(loop_scope="session")

EVENTS = pytest.mark.parametrize("source", [cwl_champs_2018, cwl_champs_2019],
                                 ids=["2018", "2019"])
Series = list[tuple[str, int, str, str, int, int]]
Entered = tuple[dict[str, Any], dict[str, int], dict[int, str]]


async def _bracket(client: httpx.AsyncClient, source: ModuleType,
                   settings: dict[str, Any]) -> Entered:
    entered = await enter(client, source.DRAW)
    ids = entered["ids"]
    # the bracket as played, top to bottom: "natural" keeps it (1 v 2, 3 v 4 ...)
    bracket = await make_stage(client, entered, name="Championship Bracket",
                               format="double_elimination", seeding_method="natural",
                               settings={"best_of": 5, "grand_final": "reset", **settings})
    return bracket, ids, {v: k for k, v in ids.items()}


async def _play(client: httpx.AsyncClient, stage_id: int, ids: dict[str, int],
                name: dict[int, str], series: Series) -> None:
    for bracket_name, round_number, winner, loser, won, lost in series:
        view = await stage(client, stage_id)
        match = next((m for m in view["matches"] if m["status"] in ("ready", "live")
                      and set(m["teams"]) == {ids[winner], ids[loser]}), None)
        assert match is not None, (winner, loser, [
            (m["bracket"], m["round"], [name.get(t) for t in m["teams"] if t])
            for m in view["matches"] if m["status"] == "ready"])
        assert (match["bracket"], match["round"], match["best_of"]) == \
            (bracket_name, round_number, 5), (winner, loser)
        await play(client, stage_id, ids[winner], ids[loser], (won, lost))


def _lower(view: dict[str, Any], name: dict[int, str], round_number: int) -> list[tuple[str, ...]]:
    return [tuple(name[t] for t in m["teams"])
            for m in sorted(view["matches"], key=lambda m: m["number"])
            if (m["bracket"], m["round"]) == ("losers", round_number)]


@EVENTS
async def test_a_cwl_championship_bracket_drops_pairs_and_places_as_played(client, source):
    bracket, ids, name = await _bracket(client, source, {"drop_orders": source.DROP_ORDERS})
    view = await stage(client, bracket["id"])
    assert view["settings"]["drop_orders"] == source.DROP_ORDERS
    opening = [tuple(name[t] for t in m["teams"]) for m in view["matches"]
               if (m["bracket"], m["round"]) == ("winners", 1)]
    assert opening == [tuple(source.DRAW[i:i + 2]) for i in range(0, 16, 2)]
    # 15 upper, 14 lower and the grand final (its reset appears only if it is wanted)
    assert len(view["matches"]) == 30

    await _play(client, bracket["id"], ids, name, source.SERIES)

    view = await stage(client, bracket["id"])
    assert view["status"] == "completed"
    played = {(m["bracket"], m["round"]) for m in view["matches"]}
    reset = source.SERIES[-1][:2] == ("grand_final", 2)  # 2018: the lower finalist won
    assert (("grand_final", 2) in played) is reset is (source is cwl_champs_2018)
    assert len(view["matches"]) == len(source.SERIES)
    # every lower round's pairings, slot by slot, top to bottom
    for round_number, pairs in source.LOWER_PAIRINGS.items():
        assert _lower(view, name, round_number) == pairs, round_number
    # every series' score as played, from the winner's side
    for bracket_name, round_number, winner, loser, won, lost in source.SERIES:
        m = next(m for m in view["matches"] if (m["bracket"], m["round"]) == (
            bracket_name, round_number) and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["status"], m["score"][side], m["score"][1 - side]) == (
            "completed", won, lost), (winner, loser)

    # places: 1-4, then 5th-6th, 7th-8th, 9th-12th, 13th-16th shared by round
    rows = {name[r["team_id"]]: r for r in view["standings"]}
    assert {t: r["rank"] for t, r in rows.items()} == source.PLACES
    assert {t: (r["rank"], r["last"]) for t, r in rows.items()} == {
        t: source.SHARED.get(t, (p, p)) for t, p in source.PLACES.items()}
    assert not any(r["tied"] for r in rows.values())
    champion = source.SERIES[-1][2]
    assert [t for t, r in rows.items() if r["status"] == "advanced"] == [champion]


@EVENTS
async def test_the_automatic_drop_orders_pair_a_lower_round_otherwise(client, source):
    bracket, ids, name = await _bracket(client, source, {})
    view = await stage(client, bracket["id"])
    assert view["settings"].get("drop_orders", []) == []
    lower_round, pairs = source.DEFAULT_LOWER
    # everything that feeds that lower round pairs as played under either drop order
    before = [s for s in source.SERIES if (s[0] == "winners" and s[1] <= lower_round // 2 + 1)
              or (s[0] == "losers" and s[1] < lower_round)]
    await _play(client, bracket["id"], ids, name, before)
    view = await stage(client, bracket["id"])
    assert _lower(view, name, lower_round) == pairs
    assert not set(pairs) & set(source.LOWER_PAIRINGS[lower_round])


async def test_a_drop_order_that_is_not_an_ordering_is_refused(client):
    entered = await enter(client, cwl_champs_2019.DRAW[:4])
    path = f"/api/tournaments/{entered['slug']}/events/e/stages"
    for bad in (["sideways"], "reverse", ["natural"] * 13):
        r = await client.post(path, json={
            "name": "Bracket", "format": "double_elimination", "seeding": entered["teams"],
            "settings": {"drop_orders": bad}}, headers=AUTH)
        assert r.status_code == 422, r.text
        error = r.json()["error"]
        assert (error["code"], error["field"]) == ("invalid_settings", "settings.drop_orders")
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert r.status_code == 200 and r.json()["stages"] == []  # nothing was created
