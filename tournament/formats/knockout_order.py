"""The order of a knockout's standings: teams still playing by how far they are, then the
placed teams by rank, and within a place several teams share (the losers of one round:
3rd–4th, 5th–8th) the better record first. One order for the stage's table, the event's
places and the API (they all read these rows)."""

from __future__ import annotations

from collections.abc import Sequence

from .results import MatchResult, Row
from .standings import break_ties


def knockout_rows(teams: list[int], table: list[Row], results: list[MatchResult],
                  resolutions: Sequence[Sequence[int]]) -> list[Row]:
    """Teams still playing first (fewer losses, then more wins, then seed), then the placed
    teams by rank; within a shared place (3rd–4th), the better record first (``shared_order``).
    Teams out
    in the same round share a rank by design: that is no tie to flag, but a tiebreaker
    match or the organizer's order can still split it (e.g. for a qualification spot)."""
    seed = {t: i for i, t in enumerate(teams)}
    for row in table:
        row.tied = False

    # teams still playing by how far they are: fewer losses (a double elimination's upper
    # bracket before its lower), then more wins, then seed; a 2–0 team was listed below a
    # 0–1 one by seed alone
    # a team placed and through comes first: without a grand final the upper final's
    # winner is 1st while the lower bracket still plays
    def key(r: Row) -> tuple[int, ...]:
        if r.rank is None:
            return 1, 0, r.losses, -r.wins, 0, 0, seed.get(r.team_id, 0)
        return (0 if r.status == "advanced" else 2, r.rank, *shared_order(r),
                seed.get(r.team_id, 0))
    table.sort(key=key)
    return break_ties(table, results, resolutions)


def shared_order(r: Row) -> tuple[int, int, int, int]:
    """Where a knockout's placed team stands among those sharing its place (the losers of
    one round: 3rd–4th), as the table's record columns read: more matches won, then the
    better game difference (maps 1–2 before 0–2), more games won, then the better
    difference of the games' own scores (rounds, goals); the seed last. The place stays
    shared: this orders the lines of the table, the event's places and the API alike."""
    return (-r.wins, r.games_lost - r.games_won, -r.games_won,
            r.goals_against - r.goals_for)
