"""The Difficulty Score (Buchholz) a Swiss round is paired on is the one the standings show:
a withdrawn team's record still counts for its past opponents, a bye counts as the team's
own record."""

from __future__ import annotations

from tests.sim import Sim
from tournament.formats.swiss import SwissSettings
from tournament.formats.swiss_pairing import SwissEntry, difficulty, pair_round, seed_order

VALVE = SwissSettings(pairing="valve", best_of=1, decider_best_of=3)


def _entry(team: int, wins: int, losses: int, opponents: tuple[int, ...] = (),
           had_bye: bool = False) -> SwissEntry:
    return SwissEntry(team=team, seed=team, wins=wins, losses=losses, opponents=opponents,
                      had_bye=had_bye)


def test_a_withdrawn_teams_record_still_counts_in_its_opponents_difficulty_when_pairing():
    """A review found round 4 of a Major-style Swiss paired on other Difficulty Scores than
    the standings showed: the pairing left a team that had withdrawn out of the table, so
    its record vanished from its past opponents' scores. The 2-1 group below: 1 and 2 both
    -1 (2 met 5, withdrawn at 1-2), 4 at -7, 3 at -9: 1 v 3 and 2 v 4. Without 5's record 2
    read 0 and went first: 2 v 3, 1 v 4."""
    entries = [
        _entry(1, 2, 1, (6, 7, 8)), _entry(2, 2, 1, (5, 7, 8)),
        _entry(3, 2, 1, (9, 10, 8)), _entry(4, 2, 1, (9, 10, 6)),
        _entry(5, 1, 2), _entry(6, 1, 2), _entry(7, 3, 0), _entry(8, 0, 3),
        _entry(9, 0, 3), _entry(10, 0, 3)]
    pairs = pair_round(entries, 4, VALVE, withdrawn=frozenset({5}))
    assert (1, 3) in pairs and (2, 4) in pairs, pairs
    assert all(5 not in pair for pair in pairs)  # withdrawn: not paired


def test_a_bye_counts_in_the_difficulty_a_round_is_paired_on_as_in_the_standings():
    """The standings count a bye as a round against the team itself (its own wins minus
    losses, FIDE's rule for an unplayed round); the pairing counted it as nothing. 1 and 2
    are 2-1: 1 had a bye (+1) and met 6 (0-3) and 7 (2-1): -1; 2 met 5 (1-2), 4 (3-0) and 6:
    -1. Level, so 1, the better seed, goes first; with the bye as nothing 1 read -2 and
    went below 2."""
    entries = [_entry(1, 2, 1, (6, 7), had_bye=True), _entry(2, 2, 1, (5, 4, 6)),
               _entry(4, 3, 0), _entry(5, 1, 2), _entry(6, 0, 3), _entry(7, 2, 1)]
    assert [e.team for e in seed_order(entries[:2], entries)] == [1, 2]
    assert difficulty(entries[0], {e.team: e for e in entries}) == -1


def test_the_round_after_a_withdrawal_is_paired_on_the_difficulty_the_standings_show():
    """Through the state machine (the pairing's caller left the withdrawn team out of the
    field it passed). 16 teams, Valve rules; round 1 goes to the lower seed but for 3 v 11;
    8 withdraws in round 2 (forfeiting to 2). In the 1-1 group 16 (beat 8, lost to 3) has
    8's 0-2 and 3's 2-0: 0, below 1 (lost to 9, beat 11: 1), so 1 takes the higher seed's
    slot against 16; without 8's record 16 read 2 and took it."""
    sim = Sim("swiss", list(range(1, 17)), {"pairing": "valve"})

    def win(winner: int, loser: int) -> None:
        (m,) = [m for m in sim.ready() if set(m.teams) == {winner, loser}]
        sim.report(m.number, m.teams.index(winner) + 1)

    for low, high in ((9, 1), (10, 2), (3, 11), (12, 4), (13, 5), (14, 6), (15, 7), (16, 8)):
        win(low, high)
    sim.withdraw(8)
    for a, b in ((3, 16), (9, 15), (14, 10), (12, 13), (1, 11), (7, 4), (5, 6)):
        win(a, b)
    rows = {r.team_id: r.buchholz for r in sim.standings()}
    assert (rows[1], rows[16]) == (1, 0)
    third = [m.teams for m in sim.matches.values() if m.round == 3]
    assert [1, 16] in third, third
