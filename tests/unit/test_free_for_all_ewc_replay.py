"""Three complete published battle royale lobbies replayed game by game through the
production free-for-all stage (tests/sim.py): the ALGS Year 5 Midseason Playoffs at the
Esports World Cup 2025, Pool A, Pool B and the Last Chance stage (20 teams, 10 games
each). Every game's points, every total, the rank order with its 7 ties on points, who
goes where. The data and what is inferred: tests/replays/algs_2025_midseason_playoffs.py."""

from __future__ import annotations

from functools import cache
from itertools import pairwise, permutations

import pytest

from tests.replays import algs_2025_midseason_playoffs as ewc
from tests.sim import Sim
from tournament.formats import leaderboard, registry
from tournament.formats.machine_types import ResultUpdate
from tournament.formats.types import MatchStatus, StageStatus

Lobby = dict[str, list[tuple[int, int, int]]]
LOBBIES: dict[str, tuple[Lobby, list[tuple[int, str, int]], int]] = {
    "pool_a": (ewc.POOL_A, ewc.POOL_A_PUBLISHED, ewc.TO_GRAND_FINAL),
    "pool_b": (ewc.POOL_B, ewc.POOL_B_PUBLISHED, ewc.TO_GRAND_FINAL),
    "last_chance": (ewc.LAST_CHANCE, ewc.LAST_CHANCE_PUBLISHED,
                    ewc.LAST_CHANCE_TO_GRAND_FINAL),
}
RULES = {"lobby_size": 20, "games": ewc.GAMES, "placement_points": ewc.PLACEMENT_POINTS,
         "kill_points": ewc.KILL_POINTS}
# the published order read as a rule (an inference, see the data module): the most
# points in one game; with games won first it gives the same order
TIEBREAKERS = ["best_game"]


def ids(lobby: Lobby) -> dict[str, int]:
    """Team ids and seeds by name (alphabetical), so that neither the seed nor the order
    teams are listed in can hand the published order to the table."""
    return {name: i + 1 for i, name in enumerate(sorted(lobby, key=str.casefold))}


def game(lobby: Lobby, n: int) -> dict[str, object]:
    team = ids(lobby)
    return {"number": n, "results": [{"team_id": team[name], "placement": g[n - 1][0],
                                      "kills": g[n - 1][1]} for name, g in lobby.items()]}


@cache
def replay(which: str, tiebreakers: tuple[str, ...] = tuple(TIEBREAKERS)) -> Sim:
    lobby, _, advance = LOBBIES[which]
    team = ids(lobby)
    sim = Sim("free_for_all", sorted(team.values()),
              RULES | {"tiebreakers": list(tiebreakers), "advance": advance})
    (number,) = sim.matches
    assert sorted(sim.matches[number].lobby or ()) == sorted(team.values())
    for n in range(1, ewc.GAMES + 1):
        assert sim.status == StageStatus.RUNNING
        assert sim.matches[number].status != MatchStatus.COMPLETED
        update = ResultUpdate(game=game(lobby, n), given=frozenset({"game"}))
        sim.step(lambda machine, u=update: machine.report(number, u))
    assert sim.matches[number].status == MatchStatus.COMPLETED
    assert sim.status == StageStatus.COMPLETED
    return sim


def rows(which: str) -> dict[str, leaderboard.FreeForAllRow]:
    lobby = LOBBIES[which][0]
    name = {v: k for k, v in ids(lobby).items()}
    out = {}
    for r in replay(which).standings():
        assert isinstance(r, leaderboard.FreeForAllRow)
        out[name[r.team_id]] = r
    return out


@pytest.mark.parametrize("which", LOBBIES)
def test_every_game_scores_what_the_source_says(which: str) -> None:
    lobby = LOBBIES[which][0]
    for name, row in rows(which).items():
        assert [(g["placement"], g["kills"], g["points"]) for g in row.played] == lobby[name]


@pytest.mark.parametrize("which", LOBBIES)
def test_every_published_total(which: str) -> None:
    _, published, _ = LOBBIES[which]
    table = rows(which)
    assert {name: table[name].points for _, name, _ in published} == {
        name: total for _, name, total in published}
    for name, row in table.items():
        assert row.points == row.placement_points + row.kill_points and row.games == 10, name


@pytest.mark.parametrize("which", LOBBIES)
def test_the_published_order_with_its_ties_on_points(which: str) -> None:
    _, published, _ = LOBBIES[which]
    name = {v: k for k, v in ids(LOBBIES[which][0]).items()}
    table = replay(which).standings()
    assert [(r.rank, name[r.team_id], r.points) for r in table] == published
    assert not any(r.tied for r in table)


def test_the_seven_ties_and_what_splits_them() -> None:
    ties = []
    for which, (_, published, _) in LOBBIES.items():
        table = rows(which)
        for (_, a, pa), (_, b, pb) in pairwise(published):
            if pa == pb:
                ties.append((which, a, b, table[a].best_game, table[b].best_game))
    assert ties == [
        ("pool_a", "AG.AL", "Team Nemesis", 26, 16),
        ("pool_a", "FURIA", "MOUZ", 17, 16),
        ("pool_a", "NOEZ FOXX", "Gen.G Esports", 13, 9),
        ("pool_b", "Virtus.pro", "S8UL", 24, 19),
        ("pool_b", "VK GAMING", "Rival Esports", 23, 20),
        ("pool_b", "JD GAMING", "ShopifyRebellion", 15, 14),
        ("last_chance", "Team Liquid", "Sentinels", 25, 21),
    ]


def published_everywhere(tiebreakers: list[str]) -> bool:
    """Does this tiebreaker order give the published order in all three lobbies? (ranked
    by the production table over each replayed lobby)"""
    fmt = registry.get("free_for_all")
    for which, (lobby, published, _) in LOBBIES.items():
        settings = fmt.parse_settings(RULES | {"tiebreakers": tiebreakers})
        seeds = ids(lobby)
        name = {v: k for k, v in seeds.items()}
        (m,) = replay(which).matches.values()
        table = leaderboard.rank({t: t for t in seeds.values()}, [m.result()], settings)
        if [(r.rank, name[r.team_id], r.points) for r in table] != published:
            return False
    return True


def test_no_order_of_the_other_tiebreakers_gives_the_published_order() -> None:
    others = ["wins", "placement_points", "kills", "best_placement", "last_game_placement"]
    assert not any(published_everywhere(list(order)) for order in permutations(others))
    assert published_everywhere(["best_game"])
    assert published_everywhere(["wins", "best_game"])


def test_who_goes_where() -> None:
    went = {}
    for which in LOBBIES:
        name = {v: k for k, v in ids(LOBBIES[which][0]).items()}
        went[which] = [(name[r.team_id], r.status) for r in replay(which).standings()]
    for pool in ("pool_a", "pool_b"):
        assert [s for _, s in went[pool]] == ["advanced"] * 7 + ["eliminated"] * 13
    first, last = ewc.TO_LAST_CHANCE
    assert {n for pool in ("pool_a", "pool_b") for n, _ in went[pool][first - 1:last]} \
        == set(ewc.LAST_CHANCE)
    assert [n for n, s in went["last_chance"] if s == "advanced"] == [
        "Gen.G Esports", "Team Liquid", "Sentinels", "FURIA", "Team Nemesis", "ENTER FORCE.36"]
    # gamereactor.eu: Pool A's top 7 in this order, and the three teams out
    assert [n for n, _ in went["pool_a"][:7]] == [
        "TSM", "Team Falcons", "NinjasInPyjamas", "FNATIC", "KINOTROPE gaming",
        "Wolves Esports", "NAVI"]
    assert [n for n, _ in went["pool_a"][17:]] == [
        "MOVISTAR KOI", "EDward Gaming", "Zero Tenacity"]
