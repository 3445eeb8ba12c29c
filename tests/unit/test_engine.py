"""The production state machine played in memory: eliminations, champions, corrections."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tournament.formats.machine_types import ResultUpdate
from tournament.formats.types import NeedsAdmin

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
        assert getattr(exc, "params", None) == {"matches": [5], "played": [5], "paired": []}
    else:
        raise AssertionError("the correction was allowed")
    after = {n: (m.team1_id, m.team2_id, m.status, m.winner) for n, m in sim.matches.items()}
    assert after == before  # nothing changed


def _forfeit(sim: Sim, number: int, side: int, may_reset: bool) -> Any:
    update = ResultUpdate(forfeit=side, given=frozenset({"forfeit"}))
    return sim.step(lambda machine: machine.report(number, update, may_reset=may_reset))


def test_a_referee_may_not_turn_a_result_played_on_into_a_forfeit():
    """A forfeit in place of a played 2-1 keeps the winner, so it resets nothing; but taking
    it back reopens the match and would reset the final its winner has started. A referee
    could make it and then not undo it (referee review): it is refused like the undo."""
    sim = Sim("single_elimination", [1, 2, 3, 4], {"best_of": 3})
    sim.report(1, 1, (2, 1))  # 1 beat 4, 2-1
    sim.report(2, 1)
    _forfeit(sim, 2, 2, may_reset=False)  # the final not started: nothing to reset later
    assert (sim.matches[2].forfeit, sim.matches[2].winner) == (2, 1)
    sim.update(3, score=[1, 0], status="live")
    with pytest.raises(NeedsAdmin) as caught:
        _forfeit(sim, 1, 2, may_reset=False)
    assert caught.value.code == "correction_needs_admin" and caught.value.field == "forfeit"
    assert caught.value.params == {"matches": [3], "played": [3], "paired": []}
    m = sim.matches[1]
    assert (m.status, m.score1, m.score2, m.forfeit, m.winner) == ("completed", 2, 1, None, 1)
    _forfeit(sim, 1, 2, may_reset=True)  # an admin may
    assert (sim.matches[1].forfeit, sim.matches[1].winner) == (2, 1)
    assert (sim.matches[3].status, sim.matches[3].score1) == ("live", 1)


def test_a_swiss_result_paired_on_is_not_turned_into_a_forfeit_by_a_referee():
    sim = Sim("swiss", list(range(1, 9)), {"pairing": "standard", "rounds": 3})
    for m in sim.ready():
        sim.report(m.number, 1)
    assert any(m.round == 2 for m in sim.matches.values())
    with pytest.raises(NeedsAdmin) as caught:
        _forfeit(sim, 1, 2, may_reset=False)
    assert caught.value.params["matches"] == sorted(
        n for n, m in sim.matches.items() if m.round == 2)


def test_a_round_robin_result_may_become_a_forfeit():
    sim = Sim("round_robin", [1, 2, 3, 4])
    for m in sim.ready():
        sim.report(m.number, 1)
    _forfeit(sim, 1, 2, may_reset=False)  # no match depends on it: taking it back is free
    assert sim.matches[1].forfeit == 2


def test_a_team_that_withdraws_during_a_live_match_forfeits_it():
    sim = Sim("single_elimination", [1, 2, 3, 4], {"best_of": 3})
    sim.update(1, score=[1, 0], status="live")  # 1 v 4, 1 leads
    sim.withdraw(1)
    m = sim.matches[1]
    assert (m.status, m.forfeit, m.winner, m.score1, m.score2) == ("completed", 1, 2, 0, 0)
    assert sim.matches[3].team1_id == 4  # 4 goes on to the final


def test_a_swiss_round_only_paired_is_said_paired_not_played():
    """Round 2 paired, M5 under way: taking back a forfeit of round 1 would clear M5's
    score and withdraw M6-M8, which were only paired (they read "already played")."""
    sim = Sim("swiss", list(range(1, 9)), {"wins_to_advance": 2, "losses_to_eliminate": 2,
                                           "best_of": 3})
    for number in (1, 2, 3, 4):
        sim.report(number, 1, (2, 0))
    sim.update(5, score=[1, 0], status="live")
    with pytest.raises(NeedsAdmin) as caught:
        _forfeit(sim, 3, 2, may_reset=False)
    assert caught.value.params == {"matches": [5, 6, 7, 8], "played": [5], "paired": [6, 7, 8]}
    assert "clears the results of matches played or under way (M5)" in caught.value.message
    assert "paired but not played yet (M6, M7, M8)" in caught.value.message
