"""The CWL Championship 2019's Championship Bracket (Call of Duty), a 16-team double
elimination of best-of-fives, replayed through the API: the bracket as played, every series
in the order played, every lower round's pairings (the upper quarterfinal losers dropped in
reverse order, the semifinal losers without crossing over: the ``drop_orders`` setting
``["reverse", "natural"]``), every score and every place. With the automatic drop orders
the same results pair lower round 2 differently, as the last test shows. Source:
tests/replays/cwl_champs_2019.py."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_stage, stage
from tests.replays import cwl_champs_2019 as source

from .test_api_replays import enter, play

pytestmark = pytest.mark.asyncio(loop_scope="session")


Entered = tuple[dict[str, Any], dict[str, int], dict[int, str]]


async def _bracket(client: httpx.AsyncClient, settings: dict[str, Any]) -> Entered:
    entered = await enter(client, source.DRAW)
    ids = entered["ids"]
    # the bracket as played, top to bottom: "natural" keeps it (1 v 2, 3 v 4 ...)
    bracket = await make_stage(client, entered, name="Championship Bracket",
                               format="double_elimination", seeding_method="natural",
                               settings={"best_of": 5, "grand_final": "reset", **settings})
    return bracket, ids, {v: k for k, v in ids.items()}


async def _play(client: httpx.AsyncClient, stage_id: int, ids: dict[str, int],
                name: dict[int, str], series: list[tuple[str, int, str, str, int, int]]) -> None:
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


async def test_cwl_champs_2019_bracket_drops_pairs_and_places_as_played(client):
    bracket, ids, name = await _bracket(client, {"drop_orders": source.DROP_ORDERS})
    view = await stage(client, bracket["id"])
    assert view["settings"]["drop_orders"] == ["reverse", "natural"]
    opening = [tuple(name[t] for t in m["teams"]) for m in view["matches"]
               if (m["bracket"], m["round"]) == ("winners", 1)]
    assert opening == [tuple(source.DRAW[i:i + 2]) for i in range(0, 16, 2)]
    # 15 upper, 14 lower and the grand final (its reset appears only if it is wanted)
    assert len(view["matches"]) == len(source.SERIES) == 30

    await _play(client, bracket["id"], ids, name, source.SERIES)

    view = await stage(client, bracket["id"])
    assert view["status"] == "completed"
    reset = [m for m in view["matches"] if (m["bracket"], m["round"]) == ("grand_final", 2)]
    assert reset == []  # the upper finalist won the grand final: no reset
    # every lower round's pairings, slot by slot, top to bottom
    for round_number, pairs in source.LOWER_PAIRINGS.items():
        assert _lower(view, name, round_number) == pairs, round_number
    # every series' score as played, from the winner's side
    for bracket_name, round_number, winner, loser, won, lost in source.SERIES:
        m = next(m for m in view["matches"] if (m["bracket"], m["round"]) == (
            bracket_name, round_number) and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["score"][side], m["score"][1 - side]) == (won, lost), (winner, loser)

    # places: 1-4, then 5th-6th, 7th-8th, 9th-12th, 13th-16th shared by round
    rows = {name[r["team_id"]]: r for r in view["standings"]}
    assert {t: r["rank"] for t, r in rows.items()} == source.PLACES
    assert {t: (r["rank"], r["last"]) for t, r in rows.items()} == {
        t: source.SHARED.get(t, (p, p)) for t, p in source.PLACES.items()}
    assert not any(r["tied"] for r in rows.values())
    assert [t for t, r in rows.items() if r["status"] == "advanced"] == ["eUnited"]


async def test_the_automatic_drop_order_pairs_lower_round_2_otherwise(client):
    bracket, ids, name = await _bracket(client, {})
    view = await stage(client, bracket["id"])
    assert "drop_orders" not in view["settings"] or view["settings"]["drop_orders"] == []
    # upper round 1, lower round 1 and upper round 2 pair the same under any drop order
    played = [s for s in source.SERIES if (s[0], s[1]) in (
        ("winners", 1), ("losers", 1), ("winners", 2))]
    assert len(played) == 16
    await _play(client, bracket["id"], ids, name, played)
    view = await stage(client, bracket["id"])
    assert _lower(view, name, 2) == source.DEFAULT_LOWER_ROUND_2
    assert not set(source.DEFAULT_LOWER_ROUND_2) & set(source.LOWER_PAIRINGS[2])


async def test_a_drop_order_that_is_not_an_ordering_is_refused(client):
    entered = await enter(client, source.DRAW[:4])
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
