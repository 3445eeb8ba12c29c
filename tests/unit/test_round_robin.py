"""Round robin: the FIDE Berger tables, groups and legs."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.sim import Sim, play_by_seed
from tournament.formats import round_robin
from tournament.formats.types import FormatError

# FIDE Handbook C.05, Annex 1 "Berger Tables for Round-Robin Tournaments", copied as
# published ("Where there is an odd number of players, the highest number counts as a bye").
FIDE_BERGER = {
    4: """
        Rd 1: 1-4, 2-3.
        Rd 2: 4-3, 1-2.
        Rd 3: 2-4, 3-1.
    """,
    6: """
        Rd 1: 1-6, 2-5, 3-4.
        Rd 2: 6-4, 5-3, 1-2.
        Rd 3: 2-6, 3-1, 4-5.
        Rd 4: 6-5, 1-4, 2-3.
        Rd 5: 3-6, 4-2, 5-1.
    """,
    8: """
        Rd 1: 1-8, 2-7, 3-6, 4-5.
        Rd 2: 8-5, 6-4, 7-3, 1-2.
        Rd 3: 2-8, 3-1, 4-7, 5-6.
        Rd 4: 8-6, 7-5, 1-4, 2-3.
        Rd 5: 3-8, 4-2, 5-1, 6-7.
        Rd 6: 8-7, 1-6, 2-5, 3-4.
        Rd 7: 4-8, 5-3, 6-2, 7-1.
    """,
    10: """
        Rd 1: 1-10, 2-9, 3-8, 4-7, 5-6.
        Rd 2: 10-6, 7-5, 8-4, 9-3, 1-2.
        Rd 3: 2-10, 3-1, 4-9, 5-8, 6-7.
        Rd 4: 10-7, 8-6, 9-5, 1-4, 2-3.
        Rd 5: 3-10, 4-2, 5-1, 6-9, 7-8.
        Rd 6: 10-8, 9-7, 1-6, 2-5, 3-4.
        Rd 7: 4-10, 5-3, 6-2, 7-1, 8-9.
        Rd 8: 10-9, 1-8, 2-7, 3-6, 4-5.
        Rd 9: 5-10, 6-4, 7-3, 8-2, 9-1.
    """,
    12: """
        Rd 1: 1-12, 2-11, 3-10, 4-9, 5-8, 6-7.
        Rd 2: 12-7, 8-6, 9-5, 10-4, 11-3, 1-2.
        Rd 3: 2-12, 3-1, 4-11, 5-10, 6-9, 7-8.
        Rd 4: 12-8, 9-7, 10-6, 11-5, 1-4, 2-3.
        Rd 5: 3-12, 4-2, 5-1, 6-11, 7-10, 8-9.
        Rd 6: 12-9, 10-8, 11-7, 1-6, 2-5, 3-4.
        Rd 7: 4-12, 5-3, 6-2, 7-1, 8-11, 9-10.
        Rd 8: 12-10, 11-9, 1-8, 2-7, 3-6, 4-5.
        Rd 9: 5-12, 6-4, 7-3, 8-2, 9-1, 10-11.
        Rd 10: 12-11, 1-10, 2-9, 3-8, 4-7, 5-6.
        Rd 11: 6-12, 7-5, 8-4, 9-3, 10-2, 11-1.
    """,
    14: """
        Rd 1: 1-14, 2-13, 3-12, 4-11, 5-10, 6-9, 7-8.
        Rd 2: 14-8, 9-7, 10-6, 11-5, 12-4, 13-3, 1-2.
        Rd 3: 2-14, 3-1, 4-13, 5-12, 6-11, 7-10, 8-9.
        Rd 4: 14-9, 10-8, 11-7, 12-6, 13-5, 1-4, 2-3.
        Rd 5: 3-14, 4-2, 5-1, 6-13, 7-12, 8-11, 9-10.
        Rd 6: 14-10, 11-9, 12-8, 13-7, 1-6, 2-5, 3-4.
        Rd 7: 4-14, 5-3, 6-2, 7-1, 8-13, 9-12, 10-11.
        Rd 8: 14-11, 12-10, 13-9, 1-8, 2-7, 3-6, 4-5.
        Rd 9: 5-14, 6-4, 7-3, 8-2, 9-1, 10-13, 11-12.
        Rd 10: 14-12, 13-11, 1-10, 2-9, 3-8, 4-7, 5-6.
        Rd 11: 6-14, 7-5, 8-4, 9-3, 10-2, 11-1, 12-13.
        Rd 12: 14-13, 1-12, 2-11, 3-10, 4-9, 5-8, 6-7.
        Rd 13: 7-14, 8-6, 9-5, 10-4, 11-3, 12-2, 13-1.
    """,
    16: """
        Rd 1: 1-16, 2-15, 3-14, 4-13, 5-12, 6-11, 7-10, 8-9.
        Rd 2: 16-9, 10-8, 11-7, 12-6, 13-5, 14-4, 15-3, 1-2.
        Rd 3: 2-16, 3-1, 4-15, 5-14, 6-13, 7-12, 8-11, 9-10.
        Rd 4: 16-10, 11-9, 12-8, 13-7, 14-6, 15-5, 1-4, 2-3.
        Rd 5: 3-16, 4-2, 5-1, 6-15, 7-14, 8-13, 9-12, 10-11.
        Rd 6: 16-11, 12-10, 13-9, 14-8, 15-7, 1-6, 2-5, 3-4.
        Rd 7: 4-16, 5-3, 6-2, 7-1, 8-15, 9-14, 10-13, 11-12.
        Rd 8: 16-12, 13-11, 14-10, 15-9, 1-8, 2-7, 3-6, 4-5.
        Rd 9: 5-16, 6-4, 7-3, 8-2, 9-1, 10-15, 11-14, 12-13.
        Rd 10: 16-13, 14-12, 15-11, 1-10, 2-9, 3-8, 4-7, 5-6.
        Rd 11: 6-16, 7-5, 8-4, 9-3, 10-2, 11-1, 12-15, 13-14.
        Rd 12: 16-14, 15-13, 1-12, 2-11, 3-10, 4-9, 5-8, 6-7.
        Rd 13: 7-16, 8-6, 9-5, 10-4, 11-3, 12-2, 13-1, 14-15.
        Rd 14: 16-15, 1-14, 2-13, 3-12, 4-11, 5-10, 6-9, 7-8.
        Rd 15: 8-16, 9-7, 10-6, 11-5, 12-4, 13-3, 14-2, 15-1.
    """,
}


def parse(text: str) -> list[list[tuple[int, int]]]:
    rounds = []
    for line in text.strip().splitlines():
        pairs = line.split(":", 1)[1].strip().rstrip(".")
        games = [p.strip().split("-") for p in pairs.split(",")]
        rounds.append([(int(a), int(b)) for a, b in games])
    return rounds


@pytest.mark.parametrize("n", sorted(FIDE_BERGER))
def test_berger_tables_match_fide_handbook(n):
    assert round_robin.berger_table(n) == parse(FIDE_BERGER[n])


@pytest.mark.parametrize("n", [3, 5, 7, 9, 11, 13, 15])
def test_odd_counts_use_the_next_table_with_the_highest_number_as_bye(n):
    expected = [[p for p in rnd if n + 1 not in p] for rnd in parse(FIDE_BERGER[n + 1])]
    assert round_robin.berger_table(n) == expected


def test_plan_single_group_uses_seeding_as_player_numbers():
    stage = round_robin.plan([11, 12, 13, 14])
    assert [(m.number, m.round, m.group, m.slots, m.bracket) for m in stage.matches] == [
        (1, 1, 1, (11, 14), None), (2, 1, 1, (12, 13), None),
        (3, 2, 1, (14, 13), None), (4, 2, 1, (11, 12), None),
        (5, 3, 1, (12, 14), None), (6, 3, 1, (13, 11), None),
    ]
    assert all(m.winner_to is None and m.loser_to is None for m in stage.matches)


def test_five_players_have_no_bye_matches():
    stage = round_robin.plan([1, 2, 3, 4, 5])
    assert len(stage.matches) == 10
    assert all(None not in m.slots for m in stage.matches)
    assert [m.slots for m in stage.matches if m.round == 1] == [(2, 5), (3, 4)]  # 1 sits out


def test_second_leg_swaps_sides():
    stage = round_robin.plan([1, 2, 3, 4], legs=2, best_of_by_round={"4": 3})
    first = [m for m in stage.matches if m.round <= 3]
    second = [m for m in stage.matches if m.round > 3]
    assert [m.slots[::-1] for m in first] == [m.slots for m in second]
    assert [m.round for m in second] == [4, 4, 5, 5, 6, 6]
    assert [m.best_of for m in stage.matches] == [1] * 6 + [3, 3] + [1] * 4


def test_groups_are_snake_seeded_and_numbered_round_by_round():
    stage = round_robin.plan(list(range(1, 9)), groups=2)
    groups = {g: sorted({t for m in stage.matches if m.group == g
                         for t in m.slots if isinstance(t, int)})
              for g in (1, 2)}
    assert groups == {1: [1, 4, 5, 8], 2: [2, 3, 6, 7]}
    assert [(m.round, m.group) for m in stage.matches] == [
        (1, 1), (1, 1), (1, 2), (1, 2), (2, 1), (2, 1), (2, 2), (2, 2),
        (3, 1), (3, 1), (3, 2), (3, 2)]
    # in group 2 the seeding order is 2, 3, 6, 7: player 1 is team 2
    assert [m.slots for m in stage.matches if m.group == 2 and m.round == 1] == [(2, 7), (3, 6)]


def test_invalid_settings():
    with pytest.raises(FormatError):
        round_robin.plan([1, 2, 3], groups=2)
    with pytest.raises(FormatError):
        round_robin.plan([1, 2, 3], legs=0)
    with pytest.raises(FormatError):
        round_robin.plan([1, 1, 2])


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=2, max_value=30), groups=st.integers(min_value=1, max_value=4),
       legs=st.integers(min_value=1, max_value=2))
def test_every_pair_meets_once_per_leg_and_once_per_round(n, groups, legs):
    assume(n >= 2 * groups)
    stage = round_robin.plan(list(range(1, n + 1)), groups=groups, legs=legs)
    assert [m.number for m in stage.matches] == list(range(1, len(stage.matches) + 1))
    per_round: Counter[tuple[int | None, int, int]] = Counter()
    pairs: Counter[frozenset[int]] = Counter()
    homes: Counter[tuple[int, int]] = Counter()
    for m in stage.matches:
        a, b = m.slots
        assert isinstance(a, int) and isinstance(b, int)
        for t in (a, b):
            per_round[(m.group, m.round, t)] += 1
        pairs[frozenset((a, b))] += 1
        homes[(a, b)] += 1
    assert max(per_round.values()) == 1
    members: dict[int | None, set[int]] = {}
    for m in stage.matches:
        members.setdefault(m.group, set()).update(m.slots)  # type: ignore[arg-type]
    expected = {frozenset(p) for g in members.values() for p in combinations(sorted(g), 2)}
    assert set(pairs) == expected
    assert set(pairs.values()) == {legs}
    if legs == 2:
        assert set(homes.values()) == {1}  # each side hosts once


# Found by a mutation review (tests/README.md, mutations 55-66): each fails its mutant.
def test_nobody_is_through_or_out_of_a_group_before_it_ends():
    sim = Sim("round_robin", [1, 2, 3, 4], {"advance": 2})
    for m in [m for m in sim.matches.values() if m.round == 1]:
        sim.report(m.number, 1 if m.team1_id < m.team2_id else 2)
    assert sim.status != "completed"
    assert {r.team_id: r.status for r in sim.standings()} == dict.fromkeys([1, 2, 3, 4],
                                                                           "active")
    play_by_seed(sim)
    assert [(r.team_id, r.status) for r in sim.standings()] == [
        (1, "advanced"), (2, "advanced"), (3, "eliminated"), (4, "eliminated")]


def test_a_forfeit_corrected_to_a_played_result_is_no_walkover_any_more():
    """Team 2 forfeits (a 3-0 walkover in the table), then the match is corrected to the
    2-2 it was: no forfeit is left, and neither is the walkover's 3-0."""
    sim = Sim("round_robin", [1, 2], {"allow_draws": True, "forfeit_score": 3})
    sim.update(1, forfeit=2)
    assert (sim.matches[1].forfeit, sim.matches[1].winner) == (2, 1)
    sim.update(1, status="completed", score=[0, 0], games=[[2, 2]])
    m = sim.matches[1]
    assert (m.forfeit, m.winner, m.draw) == (None, None, True)
    rows = {r.team_id: (r.draws, r.goals_for, r.goals_against) for r in sim.standings()}
    assert rows == {1: (1, 2, 2), 2: (1, 2, 2)}
