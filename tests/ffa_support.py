"""Free-for-all helpers for the unit tests: a game's results from a finishing order, a
game played through the production machine (tests/sim.py), a stage's table."""

from __future__ import annotations

import random

from tests.sim import Sim
from tournament.formats import registry
from tournament.formats.machine_types import ResultUpdate

FFA = registry.get("free_for_all")


def results(order: list[int], kills: list[int] | None = None) -> list[dict[str, int]]:
    """``order``: teams from first place down."""
    kills = kills or [0] * len(order)
    return [{"team_id": t, "placement": i + 1, "kills": k}
            for i, (t, k) in enumerate(zip(order, kills, strict=True))]


def play(sim: Sim, lobby: int, number: int, order: list[int],
         kills: list[int] | None = None, *, may_reset: bool = True) -> None:
    update = ResultUpdate(game={"number": number, "results": results(order, kills)},
                          given=frozenset({"game"}))
    sim.step(lambda m: m.report(lobby, update, may_reset=may_reset))


def table(sim: Sim) -> list[tuple[int, int | None, int]]:
    return [(r.team_id, r.rank, r.points) for r in sim.standings()]


# -- settings and lobbies ------------------------------------------------------------------


def random_game(rng: random.Random, teams: list[int]) -> tuple[list[int], list[int]]:
    order = list(teams)
    rng.shuffle(order)
    return order, [rng.randrange(0, 6) for _ in order]
