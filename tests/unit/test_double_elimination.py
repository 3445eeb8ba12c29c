"""Double elimination: structure, settings, a simulation through the state machine, and
placements (drop orders: test_double_elimination_drops.py; groups: _groups.py)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tournament.formats import double_elimination as de
from tournament.formats import registry
from tournament.formats.results import MatchResult
from tournament.formats.types import Feed, FormatError

from ..sim import Sim
from ..sim import simulate_double_elimination as simulate


def test_eight_team_layout_and_numbering():
    stage = de.plan(list(range(1, 9)), grand_final="reset")
    rows = [(m.number, m.bracket, m.round) for m in stage.matches]
    assert rows == [
        (1, "winners", 1), (2, "winners", 1), (3, "winners", 1), (4, "winners", 1),
        (5, "winners", 2), (6, "winners", 2), (7, "losers", 1), (8, "losers", 1),
        (9, "losers", 2), (10, "losers", 2), (11, "winners", 3), (12, "losers", 3),
        (13, "losers", 4), (14, "grand_final", 1), (15, "grand_final", 2),
    ]
    by = {m.number: m for m in stage.matches}
    assert [by[n].slots for n in (1, 2, 3, 4)] == [(1, 8), (4, 5), (2, 7), (3, 6)]
    assert by[7].slots == (Feed(1, "loser"), Feed(2, "loser"))
    # The upper semifinal losers cross over: the first lower match's winner meets the
    # loser of the second semifinal.
    assert by[9].slots == (Feed(6, "loser"), Feed(7, "winner"))
    assert by[10].slots == (Feed(5, "loser"), Feed(8, "winner"))
    assert by[13].slots == (Feed(11, "loser"), Feed(12, "winner"))
    assert by[14].slots == (Feed(11, "winner"), Feed(13, "winner"))
    # the reset keeps the grand final's sides: it is played only when the lower finalist
    # (side 2) won, so GF1's loser, the upper finalist, is its side 1 again
    assert by[15].slots == (Feed(14, "loser"), Feed(14, "winner")) and by[15].conditional
    assert by[14].winner_to == (15, 1) and by[14].loser_to == (15, 0)
    assert by[5].loser_to == (10, 0) and by[6].loser_to == (9, 0)
    assert not any(m.conditional for m in stage.matches if m.number != 15)


@pytest.mark.parametrize("n", [2, 3, 4, 5, 8, 13, 16, 17, 33])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_number_of_real_matches(n, seed):
    # Every team but the champion loses twice, except an upper finalist beaten in a
    # single grand final; either way a single grand final means 2n - 2 real matches.
    played, _, _ = simulate(list(range(1, n + 1)), random.Random(seed))
    assert len(played) == 2 * n - 2
    played, _, _ = simulate(list(range(1, n + 1)), random.Random(seed), grand_final="reset")
    reset_played = any(bracket == "grand_final" and r == 2 for _, bracket, r, _, _ in played)
    assert len(played) == 2 * n - 2 + reset_played


def test_placement_ranges_for_sixteen():
    stage = de.plan(list(range(1, 17)))
    assert de.placement_ranges(stage) == {
        6: (3, 3), 5: (4, 4), 4: (5, 6), 3: (7, 8), 2: (9, 12), 1: (13, 16)}


def test_invalid_settings():
    with pytest.raises(FormatError):
        de.plan([1, 2, 3], grand_final="double")  # type: ignore[arg-type]
    with pytest.raises(FormatError):
        de.plan([1, 2], grand_final="none")


def test_best_of_settings():
    stage = de.plan(list(range(1, 9)), best_of=1, best_of_by_round={"3": 3},
                    grand_final="reset", final_best_of=5)
    for m in stage.matches:
        if m.bracket == "grand_final":
            assert m.best_of == 5
        else:
            assert m.best_of == (3 if m.round == 3 else 1)


def test_best_of_by_round_can_name_one_bracket():
    """VALORANT Masters: the lower final is a best-of-five, the upper final a best-of-three
    (tests/replays/vct_masters_madrid_2024.py); a bracket's own key beats the plain one."""
    stage = de.plan(list(range(1, 9)), best_of=1, best_of_by_round={"2": 3, "L2": 5, "W3": 7})
    got = {(m.bracket, m.round): m.best_of for m in stage.matches}
    assert got == {("winners", 1): 1, ("winners", 2): 3, ("winners", 3): 7,
                   ("losers", 1): 1, ("losers", 2): 5, ("losers", 3): 1, ("losers", 4): 1,
                   ("grand_final", 1): 1}


@pytest.mark.parametrize("fmt,key,ok", [
    ("double_elimination", "L2", True), ("double_elimination", "W12", True),
    ("double_elimination", "l2", False), ("double_elimination", "L", False),
    ("double_elimination", "L0", False), ("double_elimination", "G1", False),
    ("single_elimination", "L2", False), ("round_robin", "W1", False),
    ("swiss", "2", True)])
def test_a_bracket_round_key_is_a_double_elimination_setting(fmt, key, ok):
    parse = registry.get(fmt).parse_settings
    if ok:
        assert parse({"best_of_by_round": {key: 3}}).best_of_by_round == {key: 3}
    else:
        with pytest.raises(FormatError) as caught:
            parse({"best_of_by_round": {key: 3}})
        assert caught.value.field == "settings.best_of_by_round"
        assert ('"L2"' in caught.value.message) == (fmt == "double_elimination")


def test_two_teams_play_a_true_double_elimination():
    stage = de.plan([10, 20], grand_final="reset")
    assert [(m.bracket, m.slots) for m in stage.matches] == [
        ("winners", (10, 20)),
        ("grand_final", (Feed(1, "winner"), Feed(1, "loser"))),
        ("grand_final", (Feed(2, "loser"), Feed(2, "winner"))),
    ]


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=2, max_value=40),
    grand_final=st.sampled_from(["single", "reset", "none"]),
    method=st.sampled_from(["standard", "natural"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_simulated_stage_properties(n, grand_final, method, seed):
    assume(not (n == 2 and grand_final == "none"))
    teams = list(range(100, 100 + n))
    stage = de.plan(teams, seeding_method=method, grand_final=grand_final)
    numbers = [m.number for m in stage.matches]
    assert numbers == list(range(1, len(numbers) + 1))
    played, lost, outcomes = simulate(teams, random.Random(seed), seeding_method=method,
                                      grand_final=grand_final)

    seen: set[tuple[str, int, int]] = set()
    for _, bracket, round_, teams_in, _ in played:
        for t in teams_in:
            assert (bracket, round_, t) not in seen, "a team plays twice in one round"
            seen.add((bracket, round_, t))
    assert all(lost[t] <= 2 for t in teams)

    ranks = de.final_ranks(stage, outcomes)
    assert set(ranks) == set(teams)
    if grand_final == "none":
        # the upper final's winner (never beaten) 1st, the lower final's winner 2nd: both
        # go through
        (first,) = [t for t, r in ranks.items() if r == (1, 1)]
        (second,) = [t for t, r in ranks.items() if r == (2, 2)]
        assert lost[first] == 0 and lost[second] == 1
        champions = [first, second]
        assert all(lost[t] == 2 for t in teams if t not in champions)
    else:
        champions = [t for t, r in ranks.items() if r == (1, 1)]
        assert len(champions) == 1
        assert lost[champions[0]] <= 1
        runner_up = [t for t, r in ranks.items() if r == (2, 2)]
        assert len(runner_up) == 1
        others = [t for t in teams if t not in champions + runner_up]
        assert all(lost[t] == 2 for t in others), "out of the stage at the second loss"
        if grand_final == "reset":
            assert lost[runner_up[0]] == 2
    # The ranges partition 1..n: a range (b, w) is shared by exactly w - b + 1 teams.
    shared = Counter(ranks.values())
    covered = sorted(r for (b, w), count in shared.items() for r in range(b, w + 1))
    assert all(count == w - b + 1 for (b, w), count in shared.items())
    assert covered == list(range(1, n + 1))

    results = [MatchResult(number=num, round=0, bracket=None, group=None,
                           teams=(win, lose), score=(1, 0), winner=1, completed=True)
               for num, (win, lose) in outcomes.items() if win is not None]
    rows = de.table(teams, results, stage)
    assert sorted(r.team_id for r in rows) == sorted(teams)
    assert {r.team_id: (r.rank, r.tied, r.status) for r in rows} == {
        t: (ranks[t][0], ranks[t][1] > ranks[t][0],
            "advanced" if t in champions else "eliminated") for t in teams}


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(min_value=3, max_value=70),
    grand_final=st.sampled_from(["single", "reset", "none"]),
    method=st.sampled_from(["standard", "natural"]),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
)
def test_the_shape_by_count_is_the_shape_of_every_seeding(n, grand_final, method, seed):
    """The standings read a plan's shape cached by team count (byes depend on the count
    alone): it equals the shape of the plan of any seeding of that size, and places a
    played-out stage as the plan itself does."""
    teams = random.Random(seed).sample(range(1, 10_000), n)
    stage = de.plan(teams, seeding_method=method, grand_final=grand_final)
    cached = de.shape(n, method, grand_final)
    assert cached == de.shape_of(stage)
    _, _, outcomes = simulate(teams, random.Random(seed), seeding_method=method,
                              grand_final=grand_final)
    assert de.final_ranks(cached, outcomes) == de.final_ranks(stage, outcomes)
    assert de.final_ranks(lambda: cached, {}) == {}


def test_correcting_the_first_grand_final_switches_the_reset_off_and_on_again():
    """Issue 14: the reset is played only while the lower-bracket finalist won the first
    grand final; a correction either way switches it (a reset never switched off survived)."""
    sim = Sim("double_elimination", [1, 2, 3, 4], {"grand_final": "reset"})
    sim.report(1, 1)  # 1 v 4
    sim.report(2, 1)  # 2 v 3
    sim.report(3, 1)  # upper final: 1 v 2
    sim.report(4, 2)  # lower round 1: 4 v 3, 3 wins
    sim.report(5, 1)  # lower final: 2 v 3
    assert sim.matches[6].teams == [1, 2]
    sim.report(6, 2)  # the lower finalist wins the first grand final: the reset is on
    # its sides as in the first grand final: the upper finalist first
    assert sim.matches[7].active and sim.matches[7].teams == [1, 2]
    assert sim.matches[7].status == "ready"
    sim.report(7, 2)  # 2 (slot 2 of the reset, as of the first) wins it too
    assert sim.status == "completed" and sim.champion() == 2
    sim.report(6, 1)  # corrected: the upper finalist won it, no reset
    assert not sim.matches[7].active
    assert sim.status == "completed" and sim.champion() == 1
    assert [(r.team_id, r.rank) for r in sim.standings()] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    sim.report(6, 2)  # and back: the reset is needed again, its old result gone
    assert sim.matches[7].active and sim.matches[7].status == "ready"
    assert (sim.matches[7].score1, sim.matches[7].score2, sim.matches[7].winner) == (0, 0, None)
    assert sim.status == "running" and sim.champion() is None
    assert [(r.team_id, r.rank) for r in sim.standings() if r.rank is not None] == [
        (3, 3), (4, 4)]
