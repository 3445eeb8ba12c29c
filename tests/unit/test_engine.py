"""The in-memory engine drives the same progression rules as the service."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from tournament.formats import double_elimination, single_elimination
from tournament.formats.engine import Engine


def play(engine: Engine, rng: random.Random) -> list[tuple[int, int]]:
    """Play every ready match with a random winner; (winner, loser) per real match."""
    played = []
    while ready := engine.ready():
        m = min(ready, key=lambda x: x.number)
        side = rng.choice((1, 2))
        engine.report(m.number, side)
        teams = [m.team1_id, m.team2_id]
        played.append((teams[side - 1], teams[2 - side]))
    return played


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 40), reset=st.booleans(), seed=st.integers(0, 10_000))
def test_double_elimination_eliminates_at_the_second_loss(n, reset, seed):
    plan = double_elimination.plan(list(range(1, n + 1)),
                                   grand_final="reset" if reset else "single")
    engine = Engine(plan)
    played = play(engine, random.Random(seed))
    champion = engine.champion()
    assert champion is not None
    losses = dict.fromkeys(range(1, n + 1), 0)
    for _, loser in played:
        losses[loser] += 1
    assert losses[champion] <= 1
    # Everyone else is out at the second loss, except that without a reset the upper
    # bracket's winner is out at its first loss if it loses the grand final.
    runner_up = played[-1][1]
    for team, count in losses.items():
        if team != champion:
            assert count == 2 or (not reset and team == runner_up and count == 1)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(2, 64), seed=st.integers(0, 10_000))
def test_single_elimination_has_n_minus_one_real_matches(n, seed):
    engine = Engine(single_elimination.plan(list(range(1, n + 1))))
    played = play(engine, random.Random(seed))
    assert len(played) == n - 1
    assert engine.champion() not in {loser for _, loser in played}


def test_a_correction_resets_what_depended_on_it():
    engine = Engine(single_elimination.plan(list(range(1, 9))))
    for number in (1, 2, 3, 4, 5):
        engine.report(number, 1)
    assert engine.matches[5].team1_id == 1
    reset = engine.report(1, 2)  # seed 8 beat seed 1 after all
    assert reset == [5]
    assert engine.matches[5].team1_id == 8 and engine.matches[5].status == "ready"
    assert engine.matches[7].team1_id is None and not engine.matches[7].filled1
