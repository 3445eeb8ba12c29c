"""Standings of a round robin or Swiss stage from its finished matches.

Teams are ordered by an ordered list of tiebreakers:

* ``points`` - match points from the points config (default win 3, draw 1, loss 0);
* ``match_wins`` - matches won;
* ``head_to_head`` - a mini-table of the points won in the matches among the tied teams
  only. Whenever a tiebreaker splits a tie into smaller ties, each smaller tie is ranked
  again from the top of the list on its own (the usual recursive way), so its
  head-to-head mini-table counts only the teams still level;
* ``game_difference`` - games won minus games lost; ``games_won``;
* ``buchholz`` - the sum of every opponent's wins minus losses (Valve's Difficulty Score);
* ``median_buchholz`` - the same without the best and the worst opponent (with 3 or more);
* ``seed`` - the better seed first. Leave it out to let a true tie stand.

Teams the list cannot separate share a rank (1, 2, 2, 4 ...) and are flagged ``tied``
so that the organizer can schedule a tiebreaker match. A bye (one team ``None``) counts
as a won match without games when ``byes_count_as_wins`` (the Swiss rule).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from .results import MatchResult, Row, tally
from .types import FormatError

TIEBREAKERS = ("points", "match_wins", "head_to_head", "game_difference", "games_won",
               "buchholz", "median_buchholz", "seed")
DEFAULT_POINTS: Mapping[str, int] = {"win": 3, "draw": 1, "loss": 0}
ROUND_ROBIN_TIEBREAKERS = ("points", "head_to_head", "game_difference", "games_won")
SWISS_TIEBREAKERS = ("match_wins", "buchholz", "game_difference", "games_won")


def _check(points: Mapping[str, int], tiebreakers: Sequence[str]) -> None:
    unknown = [t for t in tiebreakers if t not in TIEBREAKERS]
    if unknown:
        raise FormatError("invalid_settings", f"Unknown tiebreaker {unknown[0]!r}.",
                          "settings.tiebreakers")
    if set(points) != {"win", "draw", "loss"} or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in points.values()):
        raise FormatError("invalid_settings",
                          'points are whole numbers for "win", "draw" and "loss".',
                          "settings.points")


def compute(
    teams: Mapping[int, int | None],
    results: Sequence[MatchResult],
    *,
    points: Mapping[str, int] | None = None,
    tiebreakers: Sequence[str] = ROUND_ROBIN_TIEBREAKERS,
    byes_count_as_wins: bool = True,
) -> list[Row]:
    """Rows ordered by rank. ``teams`` maps each team id to its seed (None: unseeded).

    Only completed results count; a team missing from ``teams`` is an error.
    """
    table = dict(DEFAULT_POINTS if points is None else points)
    _check(table, tiebreakers)
    finished = [r for r in results if r.completed]
    for r in finished:
        for t in r.teams:
            if t is not None and t not in teams:
                raise FormatError("unknown_team", f"Team {t} is not in this stage.")
    rows = tally(list(teams), finished)
    opponents: dict[int, list[int]] = {t: [] for t in teams}
    for r in finished:
        a, b = r.teams
        if a is not None and b is not None:
            opponents[a].append(b)
            opponents[b].append(a)
        elif byes_count_as_wins and (present := a if a is not None else b) is not None:
            rows[present].wins += 1
    for row in rows.values():
        row.points = (row.wins * table["win"] + row.draws * table["draw"]
                      + row.losses * table["loss"])
    diff = {t: rows[t].wins - rows[t].losses for t in teams}
    for t in teams:
        rows[t].buchholz = sum(diff[o] for o in opponents[t])

    def median(t: int) -> int:
        values = sorted(diff[o] for o in opponents[t])
        return sum(values[1:-1]) if len(values) >= 3 else sum(values)

    plain: dict[str, Callable[[int], float]] = {
        "points": lambda t: -rows[t].points,
        "match_wins": lambda t: -rows[t].wins,
        "game_difference": lambda t: -(rows[t].games_won - rows[t].games_lost),
        "games_won": lambda t: -rows[t].games_won,
        "buchholz": lambda t: -rows[t].buchholz,
        "median_buchholz": lambda t: -median(t),
        "seed": lambda t: s if (s := teams[t]) is not None else float("inf"),
    }

    def head_to_head(tied: list[int]) -> dict[int, float]:
        inside = set(tied)
        score = dict.fromkeys(tied, 0)
        for r in finished:
            a, b = r.teams
            if a in inside and b in inside and a != b:
                assert a is not None and b is not None
                if r.draw:
                    score[a] += table["draw"]
                    score[b] += table["draw"]
                elif r.winner in (1, 2):
                    won, lost = (a, b) if r.winner == 1 else (b, a)
                    score[won] += table["win"]
                    score[lost] += table["loss"]
        return {t: -v for t, v in score.items()}

    def order(tied: list[int], level: int) -> list[list[int]]:
        """Split ``tied`` into ranked blocks of teams that stay tied."""
        if len(tied) < 2 or level >= len(tiebreakers):
            return [tied]
        name = tiebreakers[level]
        values = head_to_head(tied) if name == "head_to_head" else {
            t: plain[name](t) for t in tied}
        blocks: dict[float, list[int]] = {}
        for t in tied:
            blocks.setdefault(values[t], []).append(t)
        if len(blocks) == 1:
            return order(tied, level + 1)
        # A smaller tie starts over, so head-to-head looks at just the teams still level.
        return [part for key in sorted(blocks) for part in order(blocks[key], 0)]

    def display(t: int) -> tuple[float, int]:
        seed = teams[t]
        return (seed if seed is not None else float("inf"), t)

    result: list[Row] = []
    for block in order(sorted(teams, key=display), 0):
        rank = len(result) + 1
        for t in sorted(block, key=display):
            rows[t].rank = rank
            rows[t].tied = len(block) > 1
            result.append(rows[t])
    return result
