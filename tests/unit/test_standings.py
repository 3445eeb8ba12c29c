"""Standings from plain results: points, tiebreakers, shared ranks and flagged ties."""

from __future__ import annotations

import random
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournament.formats.results import MatchResult, Row
from tournament.formats.standings import SWISS_TIEBREAKERS, compute
from tournament.formats.types import FormatError


def result(a: int | None, b: int | None, score: tuple[int, int], *, completed: bool = True
           ) -> MatchResult:
    draw = score[0] == score[1] and a is not None and b is not None
    winner = None if draw else (1 if score[0] > score[1] or b is None else 2)
    return MatchResult(number=0, round=1, bracket=None, group=1, teams=(a, b), score=score,
                       winner=winner, completed=completed, draw=draw)


def ranks(rows: list[Row]) -> list[tuple[int, int | None, bool]]:
    return [(r.team_id, r.rank, r.tied) for r in rows]


def test_round_robin_table():
    teams = {1: 1, 2: 2, 3: 3, 4: 4}
    results = [
        result(1, 4, (2, 0)), result(2, 3, (2, 1)),
        result(4, 3, (0, 2)), result(1, 2, (1, 1)),
        result(2, 4, (2, 0)), result(3, 1, (2, 1)),
        result(3, 4, (0, 0), completed=False),  # not played yet: ignored
    ]
    rows = compute(teams, results)
    assert [(r.team_id, r.rank, r.points, r.wins, r.draws, r.losses,
             r.games_won, r.games_lost, r.tied) for r in rows] == [
        (2, 1, 7, 2, 1, 0, 5, 2, False),
        (3, 2, 6, 2, 0, 1, 5, 3, False),
        (1, 3, 4, 1, 1, 1, 4, 3, False),
        (4, 4, 0, 0, 0, 3, 0, 6, False),
    ]
    assert rows[0].as_dict()["team_id"] == 2


def test_unbreakable_tie_shares_the_rank_and_is_flagged():
    teams = {10: 1, 20: 2, 30: 3, 40: 4}
    cycle = [result(10, 20, (2, 1)), result(20, 30, (2, 1)), result(30, 10, (2, 1)),
             result(10, 40, (2, 0)), result(20, 40, (2, 0)), result(30, 40, (2, 0))]
    rows = compute(teams, cycle)
    assert ranks(rows) == [(10, 1, True), (20, 1, True), (30, 1, True), (40, 4, False)]
    rows = compute(teams, cycle,
                   tiebreakers=("points", "head_to_head", "game_difference", "seed"))
    assert ranks(rows) == [(10, 1, False), (20, 2, False), (30, 3, False), (40, 4, False)]


def test_head_to_head_is_reapplied_to_the_teams_it_leaves_tied():
    # A, B, C finish level on points. Their mini-table: A 6, B 3, C 3; then B v C alone:
    # B won and drew against C, so B is ahead of C.
    A, B, C, F1, F2 = 1, 2, 3, 4, 5
    teams = {A: 3, B: 2, C: 1, F1: 4, F2: 5}
    results = [
        result(A, B, (1, 0)), result(A, B, (1, 0)),
        result(A, C, (1, 0)), result(C, A, (1, 0)),
        result(B, C, (1, 0)), result(B, C, (1, 1)),
        result(F1, A, (1, 0)),
        result(B, F1, (1, 0)), result(B, F2, (1, 1)),
        result(C, F1, (1, 0)), result(C, F2, (1, 1)),
    ]
    points = {"win": 2, "draw": 1, "loss": 0}
    rows = compute(teams, results, points=points, tiebreakers=("points", "head_to_head"))
    assert [r.points for r in rows[:3]] == [6, 6, 6]
    assert ranks(rows)[:3] == [(A, 1, False), (B, 2, False), (C, 3, False)]


def test_buchholz_median_buchholz_and_byes():
    # A Swiss stage: team 1 had a bye in round 1.
    teams = {t: t for t in range(1, 6)}
    results = [
        result(1, None, (0, 0)), result(2, 3, (1, 0)), result(4, 5, (1, 0)),
        result(1, 2, (1, 0)), result(3, 4, (1, 0)), result(5, None, (0, 0)),
        result(1, 4, (1, 0)), result(2, 5, (1, 0)), result(3, None, (0, 0)),
    ]
    rows = {r.team_id: r for r in compute(teams, results, tiebreakers=SWISS_TIEBREAKERS,
                                                record="wins")}
    assert [(rows[t].wins, rows[t].losses) for t in teams] == [
        (3, 0), (2, 1), (2, 1), (1, 2), (1, 2)]
    # team 2 met 3 (+1), 1 (+3), 5 (-1). Team 3 met 2 (+1) and 4 (-1) and had a bye: FIDE's
    # tie-break regulations (2023 onwards, art. 16; the regulation's author's own
    # TieBreakServer does the same) count an unplayed round as a game against oneself,
    # so the bye adds 3's own +1 (it once added nothing, ranking a bye like a weak opponent)
    assert rows[2].buchholz == 3 and rows[3].buchholz == 1
    assert rows[1].buchholz == 1 - 1 + 3  # met 2 (+1) and 4 (-1), and its own +3 for the bye
    assert rows[2].rank == 2 and rows[3].rank == 3
    by_median = {r.team_id: r for r in compute(
        teams, results, tiebreakers=("match_wins", "median_buchholz"))}
    # the median drops the best and the worst value: 2 keeps +1 of (+1, +3, -1); 3 keeps
    # +1 of (+1, -1, and its bye's own +1). Level, so they share 2nd
    assert (by_median[2].rank, by_median[3].rank) == (2, 2) and by_median[3].tied
    level = {r.team_id: r for r in compute(teams, results, tiebreakers=("match_wins",))}
    assert level[2].rank == level[3].rank == 2 and level[2].tied and level[3].tied
    no_byes = {r.team_id: r for r in compute(teams, results, byes_count_as_wins=False)}
    assert no_byes[1].wins == 2


def test_invalid_settings():
    with pytest.raises(FormatError):
        compute({1: 1}, [], tiebreakers=("points", "coin_toss"))
    with pytest.raises(FormatError):
        compute({1: 1}, [], points={"win": 3})
    with pytest.raises(FormatError):
        compute({1: 1}, [result(1, 2, (1, 0))])


def _table(draw_prob: float, n: int, seed: int):
    rng = random.Random(seed)
    teams = {t: t for t in range(1, n + 1)}
    results = []
    for a, b in combinations(teams, 2):
        if rng.random() < draw_prob:
            g = rng.randint(0, 1)
            results.append(result(a, b, (g, g)))
        else:
            win = rng.randint(1, 2)
            lose = rng.randint(0, win - 1)
            results.append(result(a, b, (win, lose) if rng.random() < 0.5 else (lose, win)))
    return teams, results


@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1, max_value=9), seed=st.integers(0, 2**32 - 1),
       draw_prob=st.sampled_from([0.0, 0.3]))
def test_ranks_are_a_competition_ranking_with_ties_only_when_exhausted(n, seed, draw_prob):
    teams, results = _table(draw_prob, n, seed)
    rows = compute(teams, results)
    assert sorted(r.team_id for r in rows) == sorted(teams)
    for i, row in enumerate(rows):
        assert row.rank == (i + 1 if i == 0 or rows[i - 1].rank != row.rank
                            else rows[i - 1].rank)
    blocks: dict[int | None, list[Row]] = {}
    for row in rows:
        blocks.setdefault(row.rank, []).append(row)
    for block in blocks.values():
        assert all(r.tied == (len(block) > 1) for r in block)
        if len(block) > 1:  # nothing in the list tells them apart, not even among themselves
            key = {(r.points, r.games_won - r.games_lost, r.games_won) for r in block}
            assert len(key) == 1
            inside = {r.team_id for r in block}
            mini = dict.fromkeys(inside, 0)
            for m in results:
                a, b = m.teams
                if a in inside and b in inside:
                    mini[a] += 1 if m.draw else 3 * (m.winner == 1)
                    mini[b] += 1 if m.draw else 3 * (m.winner == 2)
            assert len(set(mini.values())) == 1
    assert [r.points for r in rows] == sorted((r.points for r in rows), reverse=True)
    seeded = compute(teams, results, tiebreakers=("points", "head_to_head",
                                                  "game_difference", "games_won", "seed"))
    assert [r.rank for r in seeded] == list(range(1, n + 1))
    assert not any(r.tied for r in seeded)


def _game(a, b, goals, *, bracket=None):
    draw = goals[0] == goals[1]
    return MatchResult(number=0, round=1, bracket=bracket, group=1, teams=(a, b),
                       score=(int(goals[0] > goals[1]), int(goals[1] > goals[0])),
                       winner=None if draw else 1 if goals[0] > goals[1] else 2,
                       completed=True, draw=draw, games=(goals,))


def test_goals_and_rounds_tiebreakers():
    # a cycle: 1 beats 2 1-0, 2 beats 3 3-0, 3 beats 1 2-1; three points each
    teams = {1: 1, 2: 2, 3: 3}
    results = [_game(1, 2, (1, 0)), _game(2, 3, (3, 0)), _game(3, 1, (2, 1))]
    rows = compute(teams, results, tiebreakers=("points", "goal_difference", "goals_for"))
    assert [(r.team_id, r.rank, r.goals_for, r.goals_against, r.tied) for r in rows] == [
        (2, 1, 3, 1, False), (1, 2, 2, 2, False), (3, 3, 2, 4, False)]
    assert [r.as_dict()["goal_difference"] for r in rows] == [2, 0, -2]
    same = compute(teams, results, tiebreakers=("points", "round_difference", "rounds_won"))
    assert [r.team_id for r in same] == [2, 1, 3]
    scored = compute(teams, results, tiebreakers=("points", "goals_for"))
    assert ranks(scored) == [(2, 1, False), (1, 2, True), (3, 2, True)]


def test_swiss_record_comes_before_every_tiebreaker():
    # 3-2 (with the best Buchholz) never ranks above 3-0 or 3-1; 2-3 never above 3-2
    teams = {t: t for t in range(1, 5)}
    results = [result(4, 1, (1, 0)), result(4, 2, (1, 0)), result(4, 3, (1, 0)),
               result(1, 2, (1, 0)), result(1, 3, (1, 0)), result(2, 3, (1, 0)),
               result(2, 3, (1, 0)), result(3, 1, (1, 0)), result(2, 1, (1, 0)),
               result(2, 4, (1, 0)), result(3, 4, (1, 0))]
    rows = compute(teams, results, tiebreakers=("buchholz", "seed"), record="wins")
    records = [(r.wins, r.losses) for r in rows]
    assert records == sorted(records, key=lambda wl: (-wl[0], wl[1]))
    fixed = compute(teams, results, tiebreakers=("buchholz", "seed"), record="difference")
    diffs = [r.wins - r.losses for r in fixed]
    assert diffs == sorted(diffs, reverse=True)


def test_losses_and_record_tiebreakers():
    teams = {1: 1, 2: 2, 3: 3}
    results = [result(1, 2, (1, 0)), result(3, 2, (1, 0)), result(2, 1, (1, 0)),
               result(1, 3, (1, 1))]
    by_losses = compute(teams, results, tiebreakers=("match_wins", "losses"))
    assert [(r.team_id, r.rank, r.wins, r.losses) for r in by_losses] == [
        (3, 1, 1, 0), (1, 2, 1, 1), (2, 3, 1, 2)]
    by_record = compute(teams, results, tiebreakers=("record",))
    assert [r.team_id for r in by_record] == [3, 1, 2]
    level = compute(teams, results, tiebreakers=("match_wins",))
    assert all(r.tied for r in level)


def test_tiebreaker_matches_and_recorded_orders_split_what_the_list_leaves():
    teams = {10: None, 20: None, 30: None, 40: None}
    cycle = [result(10, 20, (1, 0)), result(20, 30, (1, 0)), result(30, 10, (1, 0)),
             result(10, 40, (1, 0)), result(20, 40, (1, 0)), result(30, 40, (1, 0))]
    tied = compute(teams, cycle)
    assert ranks(tied)[:3] == [(10, 1, True), (20, 1, True), (30, 1, True)]
    decider = MatchResult(number=9, round=4, bracket="tiebreaker", group=1, teams=(30, 20),
                          score=(1, 0), winner=1, completed=True)
    one = compute(teams, [*cycle, decider])
    # 30 won its tiebreaker (1-0), 10 played none (0-0), 20 lost one (0-1)
    assert ranks(one) == [(30, 1, False), (10, 2, False), (20, 3, False), (40, 4, False)]
    assert one[0].wins == 2  # the tiebreaker counts nowhere else
    ordered = compute(teams, [*cycle, decider], resolutions=[[20, 10, 30]])
    assert ranks(ordered)[:3] == [(20, 1, False), (10, 2, False), (30, 3, False)]
    # an order for other teams than a tied block is ignored
    stale = compute(teams, cycle, resolutions=[[20, 10]])
    assert ranks(stale)[:3] == ranks(tied)[:3]


def test_break_ties_keeps_designed_shared_places_unflagged():
    from tournament.formats.standings import break_ties

    rows = [Row(1, rank=1), Row(2, rank=2), Row(3, rank=3), Row(4, rank=3)]
    out = break_ties(rows, [], [[4, 3]])
    assert [(r.team_id, r.rank, r.tied) for r in out] == [(1, 1, False), (2, 2, False),
                                                          (4, 3, False), (3, 4, False)]


def test_a_draw_between_tied_teams_counts_for_both_in_head_to_head():
    """1 and 2 drew each other and both beat 3: level on points and head to head (a draw
    each), so game difference decides, and 2 won by more."""
    teams = {1: 1, 2: 2, 3: 3}
    results = [result(1, 2, (1, 1)), result(1, 3, (2, 1)), result(2, 3, (2, 0))]
    rows = compute(teams, results)
    assert [(r.team_id, r.rank, r.points, r.games_won - r.games_lost) for r in rows] == [
        (2, 1, 4, 2), (1, 2, 4, 1), (3, 3, 0, -3)]


def test_median_buchholz_drops_the_best_and_the_worst_opponent():
    """A (10) and B (20) are both 3-0. A's opponents end -3, 0, +3 (median 0); B's end -2,
    +1, +1 (median 1), so B ranks first; without dropping the best opponent A (3) would."""
    won = [(10, 11), (10, 12), (10, 13), (14, 11), (15, 11), (12, 16),
           (13, 17), (13, 18), (13, 19), (13, 30),
           (20, 21), (20, 22), (20, 23), (31, 21), (22, 32), (22, 33), (23, 34), (23, 35)]
    teams = {t: None for pair in won for t in pair}
    rows = compute(teams, [result(a, b, (1, 0)) for a, b in won],
                   tiebreakers=["points", "median_buchholz"])
    rank = {r.team_id: r.rank for r in rows}
    assert (rank[20], rank[10]) == (2, 3)  # 13 (4-1) is first
    assert rank[13] == 1


def test_a_forfeit_counts_no_games_unless_the_stage_sets_a_forfeit_score():
    """Rulebooks differ on a walkover's score (football tournaments commonly award 3-0, e.g.
    the eFTBL World Cup rules: "a walkover with a 3-0 win"); the stage chooses, and by
    default a forfeit is a win with no games (0-0)."""
    from dataclasses import replace

    teams = {1: 1, 2: 2, 3: 3}
    played = [replace(result(1, 2, (1, 0)), games=((2, 1),))]  # 1 beat 2, 2-1 in goals
    walkover = MatchResult(number=1, round=2, bracket=None, group=1, teams=(2, 3),
                           score=(0, 0), winner=2, completed=True, forfeit=1)  # 2 forfeits
    rows = {r.team_id: r for r in compute(teams, [*played, walkover])}
    assert (rows[3].wins, rows[3].games_won, rows[3].goals_for) == (1, 0, 0)
    assert (rows[2].losses, rows[2].games_lost, rows[2].goals_against) == (2, 1, 2)
    rows = {r.team_id: r for r in compute(teams, [*played, walkover], forfeit_score=3)}
    assert (rows[3].games_won, rows[3].games_lost, rows[3].goals_for,
            rows[3].goals_against) == (1, 0, 3, 0)
    assert (rows[2].games_lost, rows[2].goals_for, rows[2].goals_against) == (2, 1, 5)
    # goal difference now ranks 3 (+3) above 1 (+1), level on points
    assert [r.team_id for r in compute(teams, [*played, walkover], forfeit_score=3,
                                       tiebreakers=("points", "goal_difference"))] == [3, 1, 2]
    # a best of 3 in VALORANT: a 2-0 in maps, 13-0 each
    bo3 = replace(walkover, best_of=3)
    rows = {r.team_id: r for r in compute(teams, [bo3], forfeit_score=13)}
    assert (rows[3].games_won, rows[3].goals_for, rows[2].goals_against) == (2, 26, 26)
    # 0: maps only (League of Legends): 2-0, no rounds
    rows = {r.team_id: r for r in compute(teams, [bo3], forfeit_score=0)}
    assert (rows[3].games_won, rows[3].goals_for) == (2, 0)
