"""Swiss cases a mutation review found untested (tests/README.md, mutations 55 and 58): the
order of two withdrawn teams, and the bye of round 1 in an odd Valve field."""

from __future__ import annotations

from tests.sim import Sim, play_by_seed


def test_of_two_withdrawals_the_one_that_stayed_longer_is_placed_above():
    """8-team Valve Swiss to 2 wins / 2 losses: 8 withdraws before round 1 (its last match
    is in round 1), 7 in round 2; both are out below every team still in, 7 above 8."""
    sim = Sim("swiss", list(range(1, 9)), {"pairing": "valve", "wins_to_advance": 2,
                                           "losses_to_eliminate": 2})
    sim.withdraw(8)
    for number in (1, 2, 3):
        sim.report(number, 1)
    assert any(7 in (m.team1_id, m.team2_id) for m in sim.matches.values() if m.round == 2)
    sim.withdraw(7)
    play_by_seed(sim)
    rows = [(r.team_id, r.rank, r.status) for r in sim.standings()]
    assert rows[-2:] == [(7, 7, "eliminated"), (8, 8, "eliminated")]


def test_valve_round_one_of_an_odd_field_gives_the_lowest_seed_the_bye():
    sim = Sim("swiss", list(range(1, 8)), {"pairing": "valve"})
    first = sorted((m.number, m.team1_id, m.team2_id) for m in sim.matches.values()
                   if m.round == 1)
    assert [(a, b) for _, a, b in first] == [(1, 4), (2, 5), (3, 6), (7, None)]
