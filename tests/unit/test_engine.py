"""The production state machine played in memory: eliminations, champions, corrections."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from ..sim import Sim, losses, play_out


@settings(max_examples=40)
@given(n=st.integers(2, 40), reset=st.booleans(), seed=st.integers(0, 10_000))
def test_double_elimination_eliminates_at_the_second_loss(n, reset, seed):
    sim = Sim("double_elimination", list(range(1, n + 1)),
              {"grand_final": "reset" if reset else "single"})
    played = play_out(sim, random.Random(seed))
    champion = sim.champion()
    assert champion is not None and sim.status == "completed"
    lost = losses(played)
    assert lost[champion] <= 1
    # Everyone else is out at the second loss, except that without a reset the upper
    # bracket's winner is out at its first loss if it loses the grand final.
    last = played[-1]
    runner_up = last[3][2 - last[4]]
    for team in range(1, n + 1):
        if team != champion:
            assert lost[team] == 2 or (not reset and team == runner_up and lost[team] == 1)


@settings(max_examples=40)
@given(n=st.integers(2, 64), seed=st.integers(0, 10_000))
def test_single_elimination_has_n_minus_one_real_matches(n, seed):
    sim = Sim("single_elimination", list(range(1, n + 1)))
    played = play_out(sim, random.Random(seed))
    assert len(played) == n - 1
    assert sim.champion() not in set(losses(played))


def test_a_correction_resets_what_depended_on_it():
    sim = Sim("single_elimination", list(range(1, 9)))
    for number in (1, 2, 3, 4, 5):
        sim.report(number, 1)
    assert sim.matches[5].team1_id == 1
    changes = sim.report(1, 2)  # seed 8 beat seed 1 after all
    assert sorted(changes.reset) == [5]
    assert sim.matches[5].team1_id == 8 and sim.matches[5].status == "ready"
    assert sim.matches[7].team1_id is None and not sim.matches[7].filled1


def test_a_referee_may_not_clear_results_played_on():
    sim = Sim("single_elimination", list(range(1, 9)))
    for number in (1, 2, 5):
        sim.report(number, 1)
    before = {n: (m.team1_id, m.team2_id, m.status, m.winner) for n, m in sim.matches.items()}
    try:
        sim.report(1, 2, may_reset=False)
    except Exception as exc:
        assert getattr(exc, "code", None) == "correction_needs_admin"
        assert getattr(exc, "params", None) == {"matches": [5]}
    else:
        raise AssertionError("the correction was allowed")
    after = {n: (m.team1_id, m.team2_id, m.status, m.winner) for n, m in sim.matches.items()}
    assert after == before  # nothing changed


def test_a_team_that_withdraws_during_a_live_match_forfeits_it():
    sim = Sim("single_elimination", [1, 2, 3, 4], {"best_of": 3})
    sim.update(1, score=[1, 0], status="live")  # 1 v 4, 1 leads
    sim.withdraw(1)
    m = sim.matches[1]
    assert (m.status, m.forfeit, m.winner, m.score1, m.score2) == ("completed", 1, 2, 0, 0)
    assert sim.matches[3].team1_id == 4  # 4 goes on to the final
