"""Fighting-game top 8s (and Evo 2024's top 6) replayed through the API: double
eliminations whose last players start in the lower bracket (``lower_start``), first-to-2
sets with first-to-3 finals. Who starts where, every set's bracket, round and best-of, the
losers bracket's pairings where published (the crossover of the winners semifinals'
losers), every published score, the grand-final reset where it was played, and the
places with 5th and 7th shared. Sources and stand-ins:
tests/replays/evo_japan_2019_tekken7_top8.py, evo_2024_tekken8_top6.py,
twt_2023_finals_top8.py."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.helpers import AUTH, make_stage, stage
from tests.replays import evo_2024_tekken8_top6, evo_japan_2019_tekken7_top8, twt_2023_finals_top8

from .test_api_replays import enter, play

pytestmark = pytest.mark.asyncio(loop_scope="session")

EVENTS = pytest.mark.parametrize(
    "source", [evo_japan_2019_tekken7_top8, evo_2024_tekken8_top6, twt_2023_finals_top8],
    ids=["evo-japan-2019-t7", "evo-2024-t8", "twt-2023-finals"])
FIRST_TO_3 = {("winners", 3), ("losers", 4), ("grand_final", 1), ("grand_final", 2)}


@EVENTS
async def test_a_fighting_game_top_8_starts_players_in_losers_and_places_as_published(
        client, source: ModuleType):
    entered = await enter(client, source.UPPER + source.LOWER, source.NATIONS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    bracket = await make_stage(client, entered, name="Top 8", format="double_elimination",
                               seeding_method="natural", settings=source.SETTINGS)
    view = await stage(client, bracket["id"])
    assert view["settings"]["lower_start"] == len(source.LOWER)
    ready = sorted((m for m in view["matches"] if m["status"] == "ready"),
                   key=lambda m: m["number"])
    pairs = [tuple(source.UPPER[i:i + 2]) for i in range(0, 4, 2)]
    if len(source.LOWER) == 4:
        pairs += [tuple(source.LOWER[i:i + 2]) for i in range(0, 4, 2)]
    # the winners semifinals, then the losers side's first sets (Evo 2024's two wait)
    assert [tuple(name[t] for t in m["teams"]) for m in ready] == pairs
    assert [(m["bracket"], m["round"]) for m in ready] == [("winners", 2)] * 2 + [
        ("losers", 1)] * (len(pairs) - 2)

    for bracket_name, round_number, winner, loser, score in source.SERIES:
        view = await stage(client, bracket["id"])
        losers = loser if isinstance(loser, set) else {loser}
        match = next((m for m in view["matches"] if m["status"] == "ready"
                      and ids[winner] in m["teams"]
                      and {name.get(t) for t in m["teams"]} & losers), None)
        assert match is not None, (winner, loser, [
            (m["bracket"], m["round"], [name.get(t) for t in m["teams"]])
            for m in view["matches"] if m["status"] == "ready"])
        assert (match["bracket"], match["round"]) == (bracket_name, round_number), winner
        assert match["best_of"] == (5 if (bracket_name, round_number) in FIRST_TO_3 else 3)
        other = next(t for t in match["teams"] if t != ids[winner])
        await play(client, bracket["id"], ids[winner], other, score)

    view = await stage(client, bracket["id"])
    assert view["status"] == "completed"
    finals = [m["round"] for m in view["matches"] if m["bracket"] == "grand_final"]
    assert finals == ([1, 2] if source.RESET else [1])
    for round_number, played in source.LOWER_PAIRINGS.items():
        got = [tuple(name[t] for t in m["teams"])
               for m in sorted(view["matches"], key=lambda m: m["number"])
               if (m["bracket"], m["round"]) == ("losers", round_number)]
        assert got == played, round_number
    for bracket_name, round_number, winner, loser, score in source.SERIES:
        if score is None:
            continue
        m = next(m for m in view["matches"] if (m["bracket"], m["round"]) == (
            bracket_name, round_number) and set(m["teams"]) == {ids[winner], ids[loser]})
        side = m["teams"].index(ids[winner])
        assert (m["score"][side], m["score"][1 - side]) == score, (winner, loser)
    rows = {name[r["team_id"]]: r for r in view["standings"]}
    assert {t: (r["rank"], r["last"]) for t, r in rows.items()} == source.PLACES
    assert not any(r["tied"] for r in rows.values())
    assert [t for t, r in rows.items() if r["status"] == "advanced"] == [source.SERIES[-1][2]]
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert {name[p["team_id"]]: (p["rank"], p["last"])
            for p in r.json()["placements"]} == source.PLACES


async def test_the_automatic_crossover_differs_from_a_natural_drop(client):
    """EVO Japan 2019: with ``drop_orders`` ["natural"] the winners semifinals' losers
    would have met the other losers round-1 winners (Destiny v Arslan Ash), not as
    played; the automatic order (``reverse`` for the semifinal losers) is the event's."""
    source = evo_japan_2019_tekken7_top8
    entered = await enter(client, source.UPPER + source.LOWER)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    bracket = await make_stage(client, entered, name="Top 8", format="double_elimination",
                               seeding_method="natural",
                               settings={**source.SETTINGS, "drop_orders": ["natural"]})
    for _, _, winner, loser, score in source.SERIES[:4]:
        await play(client, bracket["id"], ids[winner], ids[loser], score)
    view = await stage(client, bracket["id"])
    got = [tuple(name[t] for t in m["teams"])
           for m in sorted(view["matches"], key=lambda m: m["number"])
           if (m["bracket"], m["round"]) == ("losers", 2)]
    assert got == [("Destiny", "Arslan Ash"), ("jimmyjtran", "chikurin")]
    assert not set(got) & set(source.LOWER_PAIRINGS[2])


async def test_a_lower_start_that_does_not_fit_is_refused_and_nothing_created(client):
    entered = await enter(client, twt_2023_finals_top8.UPPER + twt_2023_finals_top8.LOWER)
    path = f"/api/tournaments/{entered['slug']}/events/e/stages"
    r = await client.post(path, json={
        "name": "Bracket", "format": "double_elimination", "seeding": entered["teams"],
        "settings": {"lower_start": 5}}, headers=AUTH)  # more than 3 players' 4 places
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == ("invalid_settings", "settings.lower_start")
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert r.status_code == 200 and r.json()["stages"] == []
