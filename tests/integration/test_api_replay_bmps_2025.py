"""BMPS 2025's Grand Finals (BGMI, KRAFTON India's PUBG Mobile), one lobby of 16 teams and
18 games, replayed through the API with PUBG Mobile's 2023+ scoring (the service's default
placement and kill points): every game's points, the Day 1 leaders the press published,
every team's final rank, points, kills, chicken dinners and placement points, and the one
tie on points (4TR Official and TWOB at 109), which the default tiebreakers (chicken
dinners first) break as the rules say and kills first would not. Source and rules:
tests/replays/bmps_2025_grand_finals.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import AUTH, make_stage, stage
from tests.replays import bmps_2025_grand_finals as source

from .test_api_replays import enter

pytestmark = pytest.mark.asyncio(loop_scope="session")

# teams entered (and seeded) alphabetically, so neither the seed nor the order they are
# listed in can hand the published order to the table
NAMES = sorted(source.GAMES_PLAYED, key=str.casefold)


def game(ids: dict[str, int], n: int) -> dict[str, Any]:
    return {"number": n, "results": [
        {"team_id": ids[name], "placement": played[n - 1][0], "kills": played[n - 1][1]}
        for name, played in source.GAMES_PLAYED.items()]}


def table(view: dict[str, Any], name: dict[int, str]) -> list[tuple[Any, ...]]:
    return [(r["rank"], name[r["team_id"]], r["points"], r["kills"], r["wins"],
             r["placement_points"]) for r in view["standings"]]


async def test_bmps_2025_grand_finals_scores_and_ranks_every_team_as_published(client):
    entered = await enter(client, NAMES)
    ids: dict[str, int] = entered["ids"]
    name = {v: k for k, v in ids.items()}
    st = await make_stage(client, entered, name="Grand Finals", format="free_for_all",
                          settings={"lobby_size": source.LOBBY, "games": source.GAMES})
    # the rules' points and tiebreakers are the default: nothing to set
    assert (st["settings"]["placement_points"], st["settings"]["kill_points"],
            st["settings"]["tiebreakers"]) == (source.PLACEMENT_POINTS, source.KILL_POINTS,
                                               source.TIEBREAKERS)
    (lobby,) = st["matches"]
    assert sorted(lobby["teams"]) == sorted(ids.values())

    for n in range(1, source.GAMES + 1):
        r = await client.patch(f"/api/matches/{lobby['id']}", json={"game": game(ids, n)},
                               headers=AUTH)
        assert r.status_code == 200, r.text
        assert r.json()["status"] == ("completed" if n == source.GAMES else "live")
        if n == 6:  # the end of Day 1
            view = await stage(client, st["id"])
            top = [(name[row["team_id"]], row["points"]) for row in view["standings"][:4]]
            assert top == list(zip(source.DAY_1_TOP, [60, 49, 46, 45], strict=True))

    view = await stage(client, st["id"])
    assert view["status"] == "completed"
    assert table(view, name) == source.PUBLISHED
    assert not any(row["tied"] for row in view["standings"])
    for row in view["standings"]:
        played = source.GAMES_PLAYED[name[row["team_id"]]]
        assert [(g["game"], g["placement"], g["kills"], g["points"]) for g in row["results"]] \
            == [(n, p, k, source.PLACEMENT_POINTS[p - 1] + k)
                for n, (p, k) in enumerate(played, start=1)]
        assert row["points"] == row["placement_points"] + row["kill_points"]
        assert row["kill_points"] == row["kills"]
    # the event's placements are the table's
    r = await client.get(f"/api/tournaments/{entered['slug']}/events/e")
    assert r.status_code == 200, r.text
    placements = {name[p["team_id"]]: (p["rank"], p["last"]) for p in r.json()["placements"]}
    assert placements == {team: (rank, rank) for rank, team, *_ in source.PUBLISHED}

    # the tie on 109: chicken dinners first (the rules) put 4TR (2) above TWOB (0); on
    # kills first TWOB (67 to 64) would be 7th. The setting only re-ranks the results.
    r = await client.patch(f"/api/stages/{st['id']}", json={"settings": {
        **view["settings"], "tiebreakers": ["kills", "wins"]}}, headers=AUTH)
    assert r.status_code == 200, r.text
    reranked = table(r.json(), name)
    assert reranked[6:8] == [(7, "TWOB", 109, 67, 0, 42), (8, "4TR Official", 109, 64, 2, 45)]
    assert reranked[:6] + reranked[8:] == source.PUBLISHED[:6] + source.PUBLISHED[8:]
