"""GSL groups (a double elimination with ``groups``) beyond a group of four: a place shared
inside a group, split by a tiebreaker match of that group."""

from __future__ import annotations

from tests.sim import Sim


def test_a_tiebreaker_match_splits_a_place_shared_inside_one_gsl_group():
    """Groups of six (12 teams, no grand final): each group's two lower round 1 losers share
    5th–6th. A tiebreaker between group A's pair belongs to group A, reopens the stage and
    splits that place alone; group B's pair still shares it, and the tiebreaker's win counts
    in no team's record."""
    sim = Sim("double_elimination", list(range(1, 13)), {"groups": 2, "grand_final": "none"})
    while sim.ready():
        for m in sim.ready():
            sim.report(m.number, 1)  # the slot-1 team wins every match
    assert sim.status == "completed"

    def placed():
        return [(r.group, r.team_id, r.rank, r.last, r.status) for r in sim.standings()]

    before = placed()
    # group A is seeds 1, 4, 5, 8, 9, 12; group B 2, 3, 6, 7, 10, 11
    assert before == [
        (1, 1, 1, 1, "advanced"), (1, 4, 2, 2, "advanced"), (1, 5, 3, 3, "eliminated"),
        (1, 8, 4, 4, "eliminated"), (1, 9, 5, 6, "eliminated"), (1, 12, 5, 6, "eliminated"),
        (2, 2, 1, 1, "advanced"), (2, 3, 2, 2, "advanced"), (2, 6, 3, 3, "eliminated"),
        (2, 7, 4, 4, "eliminated"), (2, 10, 5, 6, "eliminated"), (2, 11, 5, 6, "eliminated")]
    sim.step(lambda machine: machine.add_tiebreaker(9, 12, 1))
    tiebreaker = max(sim.matches.values(), key=lambda m: m.number)
    assert (tiebreaker.bracket, tiebreaker.group, tiebreaker.team1_id,
            tiebreaker.team2_id) == ("tiebreaker", 1, 9, 12)
    assert sim.status == "running"
    sim.report(tiebreaker.number, 2)  # 12 wins it
    assert sim.status == "completed"
    after = placed()
    assert after[:6] == [
        (1, 1, 1, 1, "advanced"), (1, 4, 2, 2, "advanced"), (1, 5, 3, 3, "eliminated"),
        (1, 8, 4, 4, "eliminated"), (1, 12, 5, 5, "eliminated"), (1, 9, 6, 6, "eliminated")]
    assert after[6:] == before[6:]
    records = {r.team_id: (r.wins, r.losses) for r in sim.standings()}
    assert records[12] == records[9] == records[10] == (0, 2)
