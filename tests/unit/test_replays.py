"""Published events replayed through the pure engine: Valve Major Swiss stages (pairings,
final standings with record, Difficulty and seed, the next stage's seeds, the playoff
bracket), League of Legends Worlds groups decided by a tiebreaker game, and FIFA World Cup
groups decided by goal difference and goals scored. Sources: each module in tests/replays."""

from __future__ import annotations

from types import ModuleType

import pytest

from tournament.formats import single_elimination
from tournament.formats.results import TIEBREAKER_BRACKET, MatchResult
from tournament.formats.standings import SWISS_TIEBREAKERS, compute
from tournament.formats.swiss import SwissSettings
from tournament.formats.swiss_pairing import entries_from_results, pair_round, statuses

from ..replays import (
    cs2_austin_2025,
    cs2_budapest_2025,
    fifa_wc_2022_groups_e_h,
    lol_worlds_2019_groups_a_b,
)

VALVE = SwissSettings(pairing="valve", best_of=1, decider_best_of=3)
STAGES = [(event, n) for event in (cs2_budapest_2025, cs2_austin_2025) for n in (1, 2, 3)]


def _ids(event: ModuleType, stage: int) -> tuple[dict[str, int], list[int]]:
    """Team ids by name, and the stage's seeding (id of seed 1 first)."""
    seeds: dict[int, str] = getattr(event, f"STAGE{stage}_SEEDS")
    ids = {name: 100 + seed for seed, name in seeds.items()}
    return ids, [ids[seeds[s]] for s in sorted(seeds)]


def _swiss(event: ModuleType, stage: int) -> tuple[dict[str, int], list[int],
                                                  list[MatchResult]]:
    """Play the stage round by round: each round's pairings must be the ones the engine
    makes from the results before it (Valve's rules); returns every result."""
    ids, seeding = _ids(event, stage)
    results: list[MatchResult] = []
    number = 0
    for round_number, played in enumerate(getattr(event, f"STAGE{stage}_ROUNDS"), start=1):
        entries = entries_from_results(seeding, results)
        pairs = pair_round(entries, round_number, VALVE)
        assert {frozenset(p) for p in pairs} == {
            frozenset((ids[w], ids[lo])) for w, lo, *_ in played}, (event.__name__, round_number)
        for winner, loser, *_ in played:
            number += 1
            a, b = ids[winner], ids[loser]
            results.append(MatchResult(number, round_number, None, None, (a, b), (1, 0), 1, True))
    return ids, seeding, results


@pytest.mark.parametrize(("event", "stage"), STAGES,
                         ids=[f"{e.__name__.split('.')[-1]}-stage{n}" for e, n in STAGES])
def test_major_swiss_final_standings_as_published(event, stage):
    ids, seeding, results = _swiss(event, stage)
    seeds = {team: i + 1 for i, team in enumerate(seeding)}
    rows = compute(seeds, results, tiebreakers=SWISS_TIEBREAKERS, record="wins")
    name = {v: k for k, v in ids.items()}
    got = [(r.rank, name[r.team_id], f"{r.wins}-{r.losses}", r.buchholz, seeds[r.team_id])
           for r in rows]
    assert got == list(getattr(event, f"STAGE{stage}_FINAL_STANDINGS"))
    # the eight 3-x teams advance, the eight x-3 teams are out
    state = statuses(entries_from_results(seeding, results), VALVE)
    assert {name[t] for t, s in state.items() if s == "advanced"} == {
        team for _, team, record, *_ in getattr(event, f"STAGE{stage}_FINAL_STANDINGS")
        if record.startswith("3-")}


@pytest.mark.parametrize("event", [cs2_budapest_2025, cs2_austin_2025],
                         ids=["budapest-2025", "austin-2025"])
def test_advancers_seed_the_next_stage_and_the_playoff_bracket(event):
    for stage in (1, 2):
        ids, seeding, results = _swiss(event, stage)
        seeds = {team: i + 1 for i, team in enumerate(seeding)}
        name = {v: k for k, v in ids.items()}
        top = [name[r.team_id] for r in compute(seeds, results, tiebreakers=SWISS_TIEBREAKERS,
                                                record="wins")[:8]]
        following = getattr(event, f"STAGE{stage + 1}_SEEDS")
        assert top == [following[s] for s in range(9, 17)], stage
    ids, seeding, results = _swiss(event, 3)
    seeds = {team: i + 1 for i, team in enumerate(seeding)}
    name = {v: k for k, v in ids.items()}
    top = [r.team_id for r in compute(seeds, results, tiebreakers=SWISS_TIEBREAKERS,
                                      record="wins")[:8]]
    assert [name[t] for t in top] == [event.PLAYOFF_SEEDS[s] for s in range(1, 9)]
    # the quarterfinals of a standard 8-team bracket over that order: 1v8, 4v5, 2v7, 3v6
    plan = single_elimination.plan(top)
    quarterfinals = [(name[m.slots[0]], name[m.slots[1]])  # type: ignore[index]
                     for m in plan.matches if m.round == 1]
    assert quarterfinals == [(a, b) for _, _, a, _, b in event.PLAYOFF_QUARTERFINALS]


def test_a_record_and_difficulty_tie_falls_to_the_initial_seed():
    # Austin Stage 1: FlyQuest and NRG, both 2-3 with Difficulty 5; FlyQuest was seeded 8th,
    # NRG 13th, and Valve's published table has FlyQuest 25th, NRG 26th.
    ids, seeding, results = _swiss(cs2_austin_2025, 1)
    seeds = {team: i + 1 for i, team in enumerate(seeding)}
    rows = {r.team_id: r for r in compute(seeds, results, tiebreakers=SWISS_TIEBREAKERS,
                                           record="wins")}
    fly, nrg = rows[ids["FlyQuest"]], rows[ids["NRG"]]
    assert (fly.wins, fly.losses, fly.buchholz) == (nrg.wins, nrg.losses, nrg.buchholz) == (
        2, 3, 5)
    assert (fly.rank, nrg.rank) == (9, 10)
    published = [row[1] for row in cs2_austin_2025.VALVE_PUBLISHED_FINAL_RANKINGS]
    assert published.index("FlyQuest") + 1 == 25 and published.index("NRG") + 1 == 26
    # without the seed the two would share the place, flagged for the organizer
    level = {r.team_id: r for r in compute(seeds, results, tiebreakers=("buchholz",),
                                            record="wins")}
    assert level[ids["FlyQuest"]].rank == level[ids["NRG"]].rank == 9
    assert level[ids["FlyQuest"]].tied


LOL = lol_worlds_2019_groups_a_b
GROUPS = [("A", LOL.GROUP_A_TEAMS, LOL.GROUP_A_GAMES, LOL.GROUP_A_TIEBREAKERS, LOL.GROUP_A_FINAL),
          ("B", LOL.GROUP_B_TEAMS, LOL.GROUP_B_GAMES, LOL.GROUP_B_TIEBREAKERS, LOL.GROUP_B_FINAL)]


@pytest.mark.parametrize(("group", "teams", "games", "tiebreakers", "final"), GROUPS,
                         ids=["worlds-2019-group-a", "worlds-2019-group-b"])
def test_worlds_group_tie_for_first_is_decided_by_the_tiebreaker_game(group, teams, games,
                                                                       tiebreakers, final):
    ids = {name: i + 1 for i, name in enumerate(teams)}
    name = {v: k for k, v in ids.items()}
    seeds = {t: None for t in ids.values()}  # no seed decides anything here
    results = [MatchResult(n, 1, None, 1, (ids[w], ids[lo]), (1, 0), 1, True)
               for n, (_, w, lo) in enumerate(games, start=1)]
    before = compute(seeds, results)  # points, head-to-head (1-1), games: still level
    assert [(name[r.team_id], r.rank, r.tied) for r in before[:2]] == [
        (name[before[0].team_id], 1, True), (name[before[1].team_id], 1, True)]
    assert {name[r.team_id] for r in before[:2]} == {final[0][1], final[1][1]}
    _, winner, loser = tiebreakers[0]
    decider = MatchResult(len(results) + 1, 7, TIEBREAKER_BRACKET, 1, (ids[loser], ids[winner]),
                          (0, 1), 2, True)
    after = compute(seeds, [*results, decider])
    assert [(r.rank, name[r.team_id], f"{r.wins}-{r.losses}") for r in after] == [
        (place, team, regular) for place, team, regular, *_ in final]
    assert not any(r.tied for r in after)


FIFA = [(fifa_wc_2022_groups_e_h.GROUP_E_MATCHES, fifa_wc_2022_groups_e_h.GROUP_E_TABLE),
        (fifa_wc_2022_groups_e_h.GROUP_H_MATCHES, fifa_wc_2022_groups_e_h.GROUP_H_TABLE)]
FIFA_TIEBREAKERS = ("points", "goal_difference", "goals_for", "head_to_head")


@pytest.mark.parametrize(("matches", "table"), FIFA, ids=["wc-2022-group-e", "wc-2022-group-h"])
def test_world_cup_group_decided_by_goal_difference_and_goals_scored(matches, table):
    ids = {row[1]: i + 1 for i, row in enumerate(sorted(table, key=lambda r: r[1]))}
    name = {v: k for k, v in ids.items()}
    results = []
    for n, (_, home, hg, ag, away) in enumerate(matches, start=1):
        draw = hg == ag
        results.append(MatchResult(n, 1, None, 1, (ids[home], ids[away]),
                                   (int(hg > ag), int(ag > hg)), None if draw else
                                   (1 if hg > ag else 2), True, draw=draw, games=((hg, ag),)))
    rows = compute({t: None for t in ids.values()}, results,
                   points={"win": 3, "draw": 1, "loss": 0}, tiebreakers=FIFA_TIEBREAKERS)
    got = [(r.rank, name[r.team_id], r.wins + r.draws + r.losses, r.wins, r.draws, r.losses,
            r.goals_for, r.goals_against, r.goals_for - r.goals_against, r.points)
           for r in rows]
    assert got == [row[:10] for row in table]
    assert not any(r.tied for r in rows)
