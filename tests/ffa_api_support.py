"""Free-for-all helpers for the tests through the API: a lobby stage (four teams, two
games, placement points ``POINTS``), a game's placings from a finishing order, and a game
sent to a lobby."""

from __future__ import annotations

from typing import Any

import httpx

from tests.helpers import AUTH, make_event, make_stage

POINTS = [10, 6, 5, 4]


def placings(order: list[int], kills: list[int] | None = None) -> list[dict[str, int]]:
    kills = kills or [0] * len(order)
    return [{"team_id": t, "placement": i + 1, "kills": k}
            for i, (t, k) in enumerate(zip(order, kills, strict=True))]


async def game(client: httpx.AsyncClient, match_id: int, number: int, order: list[int],
               kills: list[int] | None = None, **headers: str) -> httpx.Response:
    return await client.patch(f"/api/matches/{match_id}", json={
        "game": {"number": number, "results": placings(order, kills)}},
        headers={**AUTH, **headers})


async def lobby_stage(client: httpx.AsyncClient, teams: int = 4,
                      **settings: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    event = await make_event(client, teams)
    st = await make_stage(client, event, name="Final", format="free_for_all",
                          settings={"placement_points": POINTS, "games": 2, **settings})
    return event, st
