"""Swiss pairings: Valve's Major rules and the standard (matching-based) system."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.sim import Sim
from tournament.formats.swiss import SwissSettings
from tournament.formats.swiss_pairing import (
    SwissEntry,
    difficulty,
    is_decider,
    match_best_of,
    pair_round,
    seed_order,
    status,
    statuses,
)
from tournament.formats.types import FormatError

T = TypeVar("T")
VALVE = SwissSettings(pairing="valve", best_of=1, decider_best_of=3)


def play(entries: dict[int, SwissEntry], winner: int, loser: int | None) -> None:
    if loser is None:
        entries[winner] = replace(entries[winner], wins=entries[winner].wins + 1, had_bye=True)
        return
    w, l_ = entries[winner], entries[loser]
    entries[winner] = replace(w, wins=w.wins + 1, opponents=(*w.opponents, loser))
    entries[loser] = replace(l_, losses=l_.losses + 1, opponents=(*l_.opponents, winner))


def field(n: int) -> dict[int, SwissEntry]:
    return {s: SwissEntry(team=s, seed=s) for s in range(1, n + 1)}


def test_round_one_is_top_half_against_bottom_half():
    pairs = pair_round(list(field(16).values()), 1, VALVE)
    assert pairs == [(1, 9), (2, 10), (3, 11), (4, 12), (5, 13), (6, 14), (7, 15), (8, 16)]


def test_rulebook_difficulty_example():
    # "Team A's prior opponents are 2-0 and 1-1. Team A's Difficulty Score is 2 ...
    #  Team B's prior opponents are both 1-1. Their Difficulty Score is 0 ...
    #  if both Team A and B have the same win-loss record, Team A gets the higher seed"
    entries = [
        SwissEntry(team=1, seed=2, wins=1, losses=1, opponents=(10, 11)),  # team A
        SwissEntry(team=2, seed=1, wins=1, losses=1, opponents=(12, 13)),  # team B
        SwissEntry(team=10, seed=3, wins=2, losses=0),
        SwissEntry(team=11, seed=4, wins=1, losses=1),
        SwissEntry(team=12, seed=5, wins=1, losses=1),
        SwissEntry(team=13, seed=6, wins=1, losses=1),
    ]
    by_team = {e.team: e for e in entries}
    assert difficulty(by_team[1], by_team) == 2
    assert difficulty(by_team[2], by_team) == 0
    ordered = [e.team for e in seed_order(entries) if e.team in (1, 2)]
    assert ordered == [1, 2]  # A first despite B's better initial seed


# Real results, (winner seed, loser seed) round by round, of the two first stages of the
# StarLadder Budapest Major 2025, as recorded in sazarkin/major-pickems-sim
# (swisssystem_test.go, "the exact Swiss bracket" of those stages).
BUDAPEST_2025_STAGE_1 = [
    [(9, 1), (2, 10), (11, 3), (12, 4), (5, 13), (6, 14), (15, 7), (8, 16)],
    [(15, 2), (12, 5), (11, 6), (9, 8), (1, 16), (3, 14), (13, 4), (7, 10)],
    [(9, 12), (11, 15), (5, 8), (1, 13), (7, 2), (3, 6), (4, 16), (14, 10)],
    [(7, 12), (5, 15), (3, 1), (6, 4), (8, 14), (2, 13)],
    [(8, 15), (2, 12), (6, 1)],
]
BUDAPEST_2025_STAGE_2 = [
    [(1, 9), (2, 10), (11, 3), (12, 4), (13, 5), (6, 14), (15, 7), (16, 8)],
    [(16, 1), (2, 15), (13, 6), (11, 12), (14, 3), (4, 10), (9, 5), (8, 7)],
    [(16, 13), (2, 11), (14, 1), (9, 6), (15, 12), (4, 8), (3, 7), (5, 10)],
    [(11, 4), (14, 13), (15, 9), (5, 1), (3, 6), (8, 12)],
    [(4, 13), (3, 5), (8, 9)],
]


@pytest.mark.parametrize("rounds", [BUDAPEST_2025_STAGE_1, BUDAPEST_2025_STAGE_2],
                         ids=["budapest-2025-stage-1", "budapest-2025-stage-2"])
def test_reproduces_a_real_major_round_by_round(rounds):
    entries = field(16)
    deciders = 0
    for number, results in enumerate(rounds, start=1):
        pairs = pair_round(list(entries.values()), number, VALVE)
        assert {frozenset(p) for p in pairs} == {frozenset(p) for p in results}, number
        for a, b in pairs:
            assert b is not None
            deciders += match_best_of(entries[a], entries[b], VALVE) == 3
        for winner, loser in results:
            play(entries, winner, loser)
    # Bo3: the 2-0 and 0-2 matches of round 3, all of rounds 4 and 5
    assert deciders == 4 + 6 + 3
    final = statuses(entries.values(), VALVE)
    wins = Counter(w for results in rounds for w, _ in results)
    losses = Counter(lo for results in rounds for _, lo in results)
    assert {t for t, s in final.items() if s == "advanced"} == {t for t in wins if wins[t] == 3}
    assert {t for t, s in final.items() if s == "eliminated"} == {
        t for t in losses if losses[t] == 3}
    assert len([t for t in wins if wins[t] == 3]) == 8


def six(opponents: dict[int, tuple[int, ...]]) -> list[SwissEntry]:
    """Six 2-2 teams, seeds 1..6 in seed order (equal difficulty)."""
    return [SwissEntry(team=t, seed=t, wins=2, losses=2, opponents=opponents.get(t, ()))
            for t in range(1, 7)]


def test_group_of_six_takes_the_first_table_row():
    assert pair_round(six({}), 5, VALVE) == [(1, 6), (2, 5), (3, 4)]


def test_group_of_six_skips_rows_with_a_rematch():
    # 2 v 5 already played: row 1 is out, row 2 (1v6 2v4 3v5) is taken
    assert pair_round(six({2: (5,), 5: (2,)}), 5, VALVE) == [(1, 6), (2, 4), (3, 5)]
    # 1 v 6 and 1 v 5 played: rows 1-4 are out, row 5 (1v4 2v6 3v5)
    played = {1: (6, 5), 6: (1,), 5: (1,)}
    assert pair_round(six(played), 4, VALVE) == [(1, 4), (2, 6), (3, 5)]


def test_rounds_two_and_three_highest_against_lowest_available():
    # Four 1-1 teams; 2 v 3 already met. Greedy gives 1v4 and then the rematch 2v3, so
    # "the final two high seed match-up teams swap opponents": 1v3, 2v4.
    entries = [SwissEntry(team=t, seed=t, wins=1, losses=1,
                          opponents={2: (3,), 3: (2,)}.get(t, ())) for t in range(1, 5)]
    assert pair_round(entries, 3, VALVE) == [(1, 3), (2, 4)]
    # 1 v 4 already met: 1 takes the lowest seed it has not met
    entries = [SwissEntry(team=t, seed=t, wins=1, losses=1,
                          opponents={1: (4,), 4: (1,)}.get(t, ())) for t in range(1, 5)]
    assert pair_round(entries, 2, VALVE) == [(1, 3), (2, 4)]


def test_deciders_and_statuses():
    s = SwissSettings(decider_best_of=3, best_of=1)
    a = SwissEntry(team=1, seed=1, wins=2, losses=0)
    b = SwissEntry(team=2, seed=2, wins=2, losses=0)
    c = SwissEntry(team=3, seed=3, wins=1, losses=1)
    d = SwissEntry(team=4, seed=4, wins=1, losses=2)
    assert is_decider(a, b, s) and match_best_of(a, b, s) == 3
    assert not is_decider(c, c, s) and match_best_of(c, c, s) == 1
    assert is_decider(d, d, s)
    assert not is_decider(a, None, s)
    assert match_best_of(a, b, SwissSettings()) == 1  # no decider_best_of set
    assert status(SwissEntry(team=1, seed=1, wins=3, losses=2), s) == "advanced"
    assert status(SwissEntry(team=1, seed=1, wins=2, losses=3), s) == "eliminated"
    fixed = SwissSettings(pairing="standard", wins_to_advance=None, losses_to_eliminate=None)
    assert status(SwissEntry(team=1, seed=1, wins=9, losses=9), fixed) == "active"
    assert not is_decider(a, b, fixed)


def test_invalid_input():
    with pytest.raises(FormatError):
        pair_round([SwissEntry(1, 1), SwissEntry(1, 2)], 1, VALVE)
    with pytest.raises(FormatError):
        pair_round([SwissEntry(1, 1)], 1, SwissSettings(pairing="dutch"))  # type: ignore[arg-type]


def _perfect_matchings(items: list[T]) -> Iterator[list[tuple[T, T]]]:
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for i, other in enumerate(rest):
        for tail in _perfect_matchings(rest[:i] + rest[i + 1:]):
            yield [(first, other), *tail]


def _has_rematch_free_matching(group: list[SwissEntry]) -> bool:
    return any(all(b.team not in a.opponents for a, b in m) for m in _perfect_matchings(group))


@settings(max_examples=40, deadline=None)
@given(n=st.sampled_from([8, 16, 16, 32]), seed=st.integers(0, 2**32 - 1))
def test_valve_properties(n, seed):
    """Fields whose record groups stay even (8 teams at 2 wins/losses, 16 and 32 at 3):
    everyone plays once a round, only teams of the same record meet, and a rematch happens
    only when no rematch-free pairing of the record group exists (never with 16 or 32)."""
    need = 2 if n == 8 else 3
    rules = replace(VALVE, wins_to_advance=need, losses_to_eliminate=need)
    rng = random.Random(seed)
    entries = field(n)
    for number in range(1, 20):
        active = [e for e in entries.values() if status(e, rules) == "active"]
        if not active:
            break
        pairs = pair_round(list(entries.values()), number, rules)
        teams = [t for p in pairs for t in p if t is not None]
        assert sorted(teams) == sorted(e.team for e in active)
        for a, b in pairs:
            assert b is not None  # no bye in these fields
            ea, eb = entries[a], entries[b]
            assert (ea.wins, ea.losses) == (eb.wins, eb.losses)
            if b in ea.opponents:
                group = [e for e in active if (e.wins, e.losses) == (ea.wins, ea.losses)]
                assert not _has_rematch_free_matching(group)
        if n >= 16:
            assert all(b not in entries[a].opponents for a, b in pairs)
        for a, b in pairs:
            play(entries, *((a, b) if rng.random() < 0.5 else (b, a)))
    advanced = {e.team for e in entries.values() if status(e, rules) == "advanced"}
    eliminated = {e.team for e in entries.values() if status(e, rules) == "eliminated"}
    assert advanced == {e.team for e in entries.values() if e.wins == need}
    assert eliminated == {e.team for e in entries.values() if e.losses == need}
    assert len(advanced) == n // 2 and advanced | eliminated == set(entries)


STANDARD = SwissSettings(pairing="standard", wins_to_advance=None, losses_to_eliminate=None)


def test_standard_pairs_within_score_groups_top_half_v_bottom_half():
    entries = field(8)
    assert pair_round(list(entries.values()), 1, STANDARD) == [(1, 5), (2, 6), (3, 7), (4, 8)]
    for w, l_ in [(1, 5), (2, 6), (3, 7), (4, 8)]:
        play(entries, w, l_)
    assert pair_round(list(entries.values()), 2, STANDARD) == [(1, 3), (2, 4), (5, 7), (6, 8)]


def test_standard_bye_goes_to_lowest_without_one():
    entries = field(5)
    pairs = pair_round(list(entries.values()), 1, STANDARD)
    assert (5, None) in pairs
    entries[5] = replace(entries[5], wins=1, had_bye=True)
    pairs = pair_round(list(entries.values()), 2, STANDARD)
    assert (5, None) not in pairs and sum(b is None for _, b in pairs) == 1


def _cost(pairs: list[tuple[int, int | None]], entries: dict[int, SwissEntry]
          ) -> tuple[int, int, int]:
    """(second byes, rematches, floats) of a pairing; floats sum the squared score
    differences of the pairs, and a bye floats its team down to the lowest score."""
    byes = rematches = floats = 0
    lowest = min(e.wins for e in entries.values())
    for a, b in pairs:
        if b is None:
            byes += entries[a].had_bye
            floats += (entries[a].wins - lowest) ** 2
            continue
        rematches += b in entries[a].opponents
        floats += (entries[a].wins - entries[b].wins) ** 2
    return byes, rematches, floats


def _best_cost(entries: dict[int, SwissEntry]) -> tuple[int, int, int] | None:
    teams = list(entries)
    options = [teams] if len(teams) % 2 == 0 else [
        [t for t in teams if t != bye] for bye in teams]
    best = None
    for rest in options:
        bye: list[tuple[int, int | None]] = [(t, None) for t in teams if t not in rest]
        for m in _perfect_matchings(rest):
            cost = _cost([*m, *bye], entries)
            best = cost if best is None or cost < best else best
    return best


@settings(max_examples=40, deadline=None)
@given(n=st.integers(min_value=2, max_value=9), rounds=st.integers(min_value=1, max_value=7),
       seed=st.integers(0, 2**32 - 1))
def test_standard_is_optimal(n, rounds, seed):
    """Never a second bye or a rematch while an alternative exists, and the fewest floats:
    compared with every possible pairing of the round (brute force)."""
    rng = random.Random(seed)
    entries = field(n)
    for number in range(1, rounds + 1):
        pairs = pair_round(list(entries.values()), number, STANDARD)
        teams = [t for p in pairs for t in p if t is not None]
        assert sorted(teams) == list(range(1, n + 1))
        assert sum(b is None for _, b in pairs) == n % 2
        assert _cost(pairs, entries) == _best_cost(entries)
        for a, b in pairs:
            play(entries, *((a, b) if b is None or rng.random() < 0.5 else (b, a)))


def test_standard_large_field_is_fast_and_complete():
    rng = random.Random(5)
    entries = field(101)
    for number in range(1, 8):
        pairs = pair_round(list(entries.values()), number, STANDARD)
        assert sum(b is None for _, b in pairs) == 1
        assert all(b is None or b not in entries[a].opponents for a, b in pairs)
        bye = next(a for a, b in pairs if b is None)
        assert not entries[bye].had_bye
        for a, b in pairs:
            play(entries, *((a, b) if b is None or rng.random() < 0.5 else (b, a)))


def test_standard_pairing_prefers_the_higher_buchholz_within_a_score_group():
    """Issue 14: the sort key the service pairs with (through the production machine):
    within a score group, teams rank by Buchholz (higher first), then seed, and the top
    half meets the bottom half. Reversing the Buchholz preference changes who meets whom."""
    sim = Sim("swiss", list(range(1, 9)), {"pairing": "standard", "rounds": 3,
                                           "wins_to_advance": None,
                                           "losses_to_eliminate": None})
    assert [m.teams for m in sim.matches.values()] == [[1, 5], [2, 6], [3, 7], [4, 8]]
    for number in (1, 2, 3, 4):
        sim.report(number, 1)  # the better seed wins
    assert [sim.matches[n].teams for n in (5, 6, 7, 8)] == [[1, 3], [2, 4], [5, 7], [6, 8]]
    for number in (5, 6, 7):
        sim.report(number, 1)
    sim.report(8, 2)  # the one upset: 8 beats 6
    # 1-1 now: 3 (opponents 7: 0-2, 1: 2-0; Buchholz 0), 4 (8: 1-1, 2: 2-0; +2),
    # 5 (1, 7; 0) and 8 (4: 1-1, 6: 0-2; -2). By Buchholz then seed: 4, 3, 5, 8.
    third = {tuple(m.teams) for m in sim.matches.values() if m.round == 3}
    assert third == {(1, 2), (4, 5), (3, 8), (6, 7)}


def test_a_team_that_withdraws_is_placed_below_a_team_out_in_the_same_round():
    """A withdrawn team is placed below every team still in when it withdrew: one that went
    out in the round of the withdrawn team's last match was still in, and stands above."""
    sim = Sim("swiss", list(range(1, 9)), {"pairing": "valve", "wins_to_advance": 2,
                                           "losses_to_eliminate": 2})
    for number in (1, 2, 3, 4):  # 1 v 5, 2 v 6, 3 v 7, 4 v 8: the better seed wins
        sim.report(number, 1)
    assert [sim.matches[n].teams for n in (5, 6, 7, 8)] == [[1, 4], [2, 3], [5, 8], [6, 7]]
    sim.withdraw(5)  # forfeits round 2 to 8: out at 0-2
    assert (sim.matches[7].forfeit, sim.matches[7].winner) == (1, 2)
    for number in (5, 6, 8):
        sim.report(number, 1)  # 1 and 2 through at 2-0; 7 out at 0-2 in round 2
    for m in [m for m in sim.matches.values() if m.round == 3]:
        sim.report(m.number, 1 if m.team1_id < m.team2_id else 2)
    assert sim.status == "completed"
    # Record, then Buchholz: 2 (opponents 6 at 1-2, 3 at 2-1: 0) before 1 (5 at 0-2, 4 at
    # 2-1: -1); 4 (8, 1, 6: 0) before 3 (7, 2, 8: -1); 6 (+1) before 8 (0); then 7, which
    # went out in round 2, above 5, which withdrew in round 2.
    rows = [(r.team_id, r.rank, r.wins, r.losses, r.buchholz, r.status)
            for r in sim.standings()]
    assert rows == [
        (2, 1, 2, 0, 0, "advanced"), (1, 2, 2, 0, -1, "advanced"),
        (4, 3, 2, 1, 0, "advanced"), (3, 4, 2, 1, -1, "advanced"),
        (6, 5, 1, 2, 1, "eliminated"), (8, 6, 1, 2, 0, "eliminated"),
        (7, 7, 0, 2, 0, "eliminated"), (5, 8, 0, 2, 1, "eliminated")]


def test_valve_odd_groups_pass_down_without_a_rematch_or_a_second_bye():
    """Seed 1 withdraws in round 2 of an 8-team Valve Swiss (the better seed wins the rest):
    from round 3 record groups are odd. The team passed down (and the one given the bye) is
    the lowest seed whose leaving lets the rest pair without a rematch; the bye goes to the
    lowest seed that has not had one."""
    sim = Sim("swiss", list(range(1, 9)), {"pairing": "valve"})
    for number in (1, 2, 3, 4):
        sim.report(number, 1)
    sim.withdraw(1)  # forfeits round 2 to 4
    for number in (6, 7, 8):  # 2 v 3, 5 v 8, 6 v 7
        sim.report(number, 1)
    # 1-1: 3, 6, 5 (by Buchholz; 1 is out), 5 goes down to 0-2: [5, 8, 7]. The lowest, 7,
    # taking the bye would leave 5 v 8 again (round 2): 8 takes it and 5 meets 7.
    third = {tuple(m.teams) for m in sim.matches.values() if m.round == 3}
    assert third == {(2, 4), (3, 6), (5, 7), (8, None)}
    for m in [m for m in sim.matches.values() if m.round == 3]:
        if m.team2_id is not None:
            sim.report(m.number, 1 if m.team1_id < m.team2_id else 2)
    fourth = {tuple(m.teams) for m in sim.matches.values() if m.round == 4}
    # 2-1: 4, 3, 5; 5 goes down to 1-2: [5, 6, 8] (6: opponents 2, 7, 3 at +1; 8: 4 and 5
    # at +2, and its bye counts its own 1-2, as the standings count it: +1; level, 6 is the
    # better seed); 6 leaving would leave 5 v 8 again, 8 has had a bye: 5 takes it
    assert fourth == {(4, 3), (6, 8), (5, None)}
    real = [frozenset(m.teams) for m in sim.matches.values() if None not in m.teams]
    assert len(real) == len(set(real))


def test_standard_float_is_the_lowest_of_its_group_and_meets_the_top_of_the_next():
    """9 teams; after round 1 the 1-0 group is 9 (bye; no opponents, so the highest Buchholz)
    and seeds 1-4, the 0-1 group seeds 5-8. The odd 1-0 group floats one team: FIDE's Dutch
    system (C.04.3) sends down its lowest-ranked team to meet the highest-ranked of the group
    below. Before, any float with the same in-group cost was taken: here 9, the top team."""
    entries = field(9)
    for w, l_ in [(1, 5), (2, 6), (3, 7), (4, 8)]:
        play(entries, w, l_)
    entries[9] = replace(entries[9], wins=1, had_bye=True)
    pairs = pair_round(list(entries.values()), 2, STANDARD)
    assert pairs == [(9, 2), (1, 3), (4, 6), (5, 7), (8, None)]


def test_a_swiss_knocks_out_only_with_losses_to_eliminate():
    """A Swiss of fixed rounds without ``losses_to_eliminate`` puts nobody out while it is
    played (its team pages say no "Still in": ``web/team_view.has_cut``); Valve's does, and
    so do stored settings that leave it to its default (3)."""
    from tournament.formats.registry import get
    swiss = get("swiss")
    assert swiss.knocks_out({"wins_to_advance": 3, "losses_to_eliminate": 3})
    assert swiss.knocks_out({})
    assert swiss.knocks_out({"rounds": 5, "wins_to_advance": None, "losses_to_eliminate": 2})
    assert not swiss.knocks_out({"rounds": 5, "wins_to_advance": None,
                                 "losses_to_eliminate": None})
    assert not swiss.knocks_out({"rounds": 4, "wins_to_advance": 3,
                                 "losses_to_eliminate": None})
