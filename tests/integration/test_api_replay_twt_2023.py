"""The Tekken World Tour 2023 Finals' Top 8 Final Bracket, a fighting-game top 8 (group
winners on the winners side, runners-up on the losers side), replayed through the API with
``lower_half``: who starts where, every set's bracket, round and best-of, the published
scores, no bracket reset (the winners-side finalist won), and the places 1-8 with 5th and
7th shared as published. Source and stand-ins: tests/replays/twt_2023_finals_top8.py."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_stage, stage
from tests.replays import twt_2023_finals_top8 as source

from .test_api_replays import enter, play

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_twt_2023_finals_top_8_starts_half_in_losers_and_places_as_published(client):
    entered = await enter(client, source.UPPER + source.LOWER, source.NATIONS)
    ids = entered["ids"]
    name = {v: k for k, v in ids.items()}
    bracket = await make_stage(client, entered, name="Final Bracket",
                               format="double_elimination", seeding_method="natural",
                               settings=source.SETTINGS)
    view = await stage(client, bracket["id"])
    assert view["settings"]["lower_half"] is True
    first = [(m["bracket"], m["round"], tuple(name[t] for t in m["teams"]))
             for m in sorted(view["matches"], key=lambda m: m["number"])
             if m["status"] == "ready"]
    assert first == [("winners", 2, ("Arslan Ash", "LowHigh")), ("winners", 2, ("CBM", "ULSAN")),
                     ("losers", 1, ("Rangchu", "Knee")), ("losers", 1, ("AO", "JeonDDing"))]
    # 3 upper, 6 lower, the grand final (its reset only if the losers side wins it)
    assert len(view["matches"]) == 10

    for bracket_name, round_number, winner, loser, score in source.SERIES:
        view = await stage(client, bracket["id"])
        losers = loser if isinstance(loser, set) else {loser}
        match = next(m for m in view["matches"] if m["status"] == "ready"
                     and ids[winner] in m["teams"] and {name[t] for t in m["teams"]} & losers)
        assert (match["bracket"], match["round"]) == (bracket_name, round_number), winner
        best_of = 5 if (bracket_name, round_number) in (
            ("winners", 3), ("losers", 4), ("grand_final", 1)) else 3
        assert match["best_of"] == best_of, (winner, loser)
        other = next(t for t in match["teams"] if t != ids[winner])
        await play(client, bracket["id"], ids[winner], other, score)

    view = await stage(client, bracket["id"])
    assert view["status"] == "completed"
    # no reset: the winners side's finalist won the grand final
    assert [m["round"] for m in view["matches"] if m["bracket"] == "grand_final"] == [1]
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
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert {name[p["team_id"]]: (p["rank"], p["last"])
            for p in r.json()["placements"]} == source.PLACES


async def test_the_lower_half_needs_an_even_field(client):
    entered = await enter(client, source.UPPER + source.LOWER[:3])
    path = f"/api/tournaments/{entered['slug']}/events/e/stages"
    r = await client.post(path, json={
        "name": "Bracket", "format": "double_elimination", "seeding": entered["teams"],
        "settings": {"lower_half": True}}, headers=AUTH)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == ("invalid_settings", "settings.lower_half")
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert r.status_code == 200 and r.json()["stages"] == []
