"""Standings of a round robin or Swiss stage from its finished matches.

Teams are ordered by an ordered list of tiebreakers:

* ``points`` - match points from the points config (default win 3, draw 1, loss 0);
* ``match_wins`` - matches won; ``losses`` - fewer matches lost;
* ``record`` - more wins, then fewer losses (a Swiss record: 3-1 before 3-2 before 2-3);
* ``head_to_head`` - a mini-table of the points won in the matches among the tied teams
  only. Whenever a tiebreaker splits a tie into smaller ties, each smaller tie is ranked
  again from the top of the list on its own (the usual recursive way), so its
  head-to-head mini-table counts only the teams still level;
* ``game_difference`` - games (maps) won minus games lost; ``games_won``;
* ``goal_difference`` / ``round_difference`` - the games' own scores (football goals,
  VALORANT rounds) for minus against; ``goals_for`` / ``rounds_won`` - scored;
* ``buchholz`` - the sum of every opponent's wins minus losses (Valve's Difficulty Score);
  a bye counts the team's own wins minus losses (FIDE's rule for an unplayed round);
* ``median_buchholz`` - the same without the best and the worst value (with 3 or more);
* ``seed`` - the better seed first. Leave it out to let a true tie stand.

A Swiss stage ranks by its record before the list (``record=``): more wins then fewer
losses while teams play to a number of wins or losses, wins minus losses in a Swiss of a
fixed number of rounds.

Teams the list cannot separate share a rank (1, 2, 2, 4 ...) and are flagged ``tied``.
Two things split such a tie afterwards: tiebreaker matches between the tied teams (more
wins in them, then fewer losses; they count nowhere else), and the organizer's recorded
decision (``resolutions``: the tied teams in their final order), which comes first.
A bye (one team ``None``) counts as a won match without games when ``byes_count_as_wins``
(the Swiss rule).
A forfeit counts as a won match without games (0-0) unless ``forfeit_score`` is set: then
as a straight win of the games the match needed, each by that score to 0 (a stage
setting, as rulebooks differ: 3 for a football 3-0 walkover, 13 where a forfeited
VALORANT map counts 13-0).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from .records import buchholz, buchholz_values, records
from .results import MatchResult, Row, tally, walkover_counted
from .types import FormatError

TIEBREAKERS = ("points", "match_wins", "losses", "record", "head_to_head", "game_difference",
               "games_won", "goal_difference", "goals_for", "round_difference", "rounds_won",
               "buchholz", "median_buchholz", "seed")
DEFAULT_POINTS: Mapping[str, int] = {"win": 3, "draw": 1, "loss": 0}
ROUND_ROBIN_TIEBREAKERS = ("points", "head_to_head", "game_difference", "games_won")
# A football league (``game_score: "goals"``): the FIFA World Cup's order (Regulations 2022,
# art. 32.5: points, goal difference, goals scored, then the matches among the teams level)
FOOTBALL_TIEBREAKERS = ("points", "goal_difference", "goals_for", "head_to_head")
# After the record: Valve's Major rule is Difficulty Score (Buchholz), then initial seed.
SWISS_TIEBREAKERS = ("buchholz", "seed")
RecordMode = Literal["wins", "difference"]
Key = tuple[float, ...]


def check(points: Mapping[str, int], tiebreakers: Sequence[str]) -> None:
    """The one validation of a points table and a tiebreaker list."""
    if not isinstance(tiebreakers, list | tuple) or not tiebreakers:
        raise FormatError("invalid_settings",
                          f"tiebreakers is a list drawn from {', '.join(TIEBREAKERS)}.",
                          "settings.tiebreakers")
    check_keys(tiebreakers, TIEBREAKERS)
    if not isinstance(points, Mapping) or set(points) != {"win", "draw", "loss"} or not all(
            isinstance(v, int) and not isinstance(v, bool) and -100 <= v <= 100
            for v in points.values()):
        raise FormatError("invalid_settings",
                          'points are whole numbers (-100 to 100) for "win", "draw" and '
                          '"loss".', "settings.points")


def check_keys(given: Sequence[object], allowed: Sequence[str]) -> None:
    """A tiebreaker list's keys: each one of ``allowed``, none twice. The error names the
    keys that are not (``params.unknown``, ``params.twice``)."""
    unknown = [str(t) for t in given if t not in allowed]
    if unknown:
        raise FormatError("invalid_settings",
                          f"tiebreakers is a list drawn from {', '.join(allowed)}; not one of "
                          f"them: {', '.join(unknown)}.", "settings.tiebreakers",
                          unknown=unknown)
    twice = sorted({str(t) for t in given if given.count(t) > 1})
    if twice:
        raise FormatError("invalid_settings",
                          f"A tiebreaker appears twice: {', '.join(twice)}.",
                          "settings.tiebreakers", twice=twice)


def record_key(wins: int, losses: int, mode: RecordMode) -> Key:
    return (-wins, losses) if mode == "wins" else (-(wins - losses),)


def compute(
    teams: Mapping[int, int | None],
    results: Sequence[MatchResult],
    *,
    points: Mapping[str, int] | None = None,
    tiebreakers: Sequence[str] = ROUND_ROBIN_TIEBREAKERS,
    byes_count_as_wins: bool = True,
    record: RecordMode | None = None,
    resolutions: Sequence[Sequence[int]] = (),
    forfeit_score: int | None = None,
) -> list[Row]:
    """Rows ordered by rank. ``teams`` maps each team id to its seed (None: unseeded).

    Only completed results count; a team missing from ``teams`` is an error.
    """
    table = dict(DEFAULT_POINTS if points is None else points)
    check(table, tiebreakers)
    finished = [r for r in results if r.completed]
    for r in finished:
        for t in r.teams:
            if t is not None and t not in teams:
                raise FormatError("unknown_team", f"Team {t} is not in this stage.")
    deciders = [r for r in finished if r.is_tiebreaker and not r.is_bye]
    finished = [walkover_counted(r, forfeit_score) for r in finished if not r.is_tiebreaker]
    rows = tally(list(teams), finished)
    played = records(finished, teams)
    for t, rec in played.items():
        if byes_count_as_wins:
            rows[t].wins += rec.byes
    for row in rows.values():
        row.points = (row.wins * table["win"] + row.draws * table["draw"]
                      + row.losses * table["loss"])
    for t in teams:
        rows[t].buchholz = buchholz(t, played)

    def median(t: int) -> int:
        values = sorted(buchholz_values(t, played))
        return sum(values[1:-1]) if len(values) >= 3 else sum(values)

    def goal_difference(t: int) -> Key:
        return (-(rows[t].goals_for - rows[t].goals_against),)

    def goals_for(t: int) -> Key:
        return (-rows[t].goals_for,)

    plain: dict[str, Callable[[int], Key]] = {
        "points": lambda t: (-rows[t].points,),
        "match_wins": lambda t: (-rows[t].wins,),
        "losses": lambda t: (rows[t].losses,),
        "record": lambda t: record_key(rows[t].wins, rows[t].losses, "wins"),
        "game_difference": lambda t: (-(rows[t].games_won - rows[t].games_lost),),
        "games_won": lambda t: (-rows[t].games_won,),
        "goal_difference": goal_difference, "round_difference": goal_difference,
        "goals_for": goals_for, "rounds_won": goals_for,
        "buchholz": lambda t: (-rows[t].buchholz,),
        "median_buchholz": lambda t: (-median(t),),
        "seed": lambda t: (s if (s := teams[t]) is not None else float("inf"),),
    }
    order_by = list(tiebreakers)
    if record is not None:
        mode: RecordMode = record
        plain["_record"] = lambda t: record_key(rows[t].wins, rows[t].losses, mode)
        order_by.insert(0, "_record")

    def head_to_head(tied: list[int]) -> dict[int, Key]:
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
        return {t: (-v,) for t, v in score.items()}

    def order(tied: list[int], level: int) -> list[list[int]]:
        """Split ``tied`` into ranked blocks of teams that stay tied."""
        if len(tied) < 2 or level >= len(order_by):
            return [tied]
        name = order_by[level]
        values = head_to_head(tied) if name == "head_to_head" else {
            t: plain[name](t) for t in tied}
        return split(tied, values, lambda block: order(block, 0), lambda: order(tied, level + 1))

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
    return break_ties(result, deciders, resolutions)


def break_ties(rows: list[Row], results: Sequence[MatchResult],
               resolutions: Sequence[Sequence[int]] = ()) -> list[Row]:
    """Split the blocks of ``rows`` (in rank order) that share a rank: first by the
    organizer's recorded order of exactly that block, else by tiebreaker matches among
    them (more wins, then fewer losses; what they leave level stays level)."""
    deciders = [r for r in results if r.completed and r.is_tiebreaker and not r.is_bye]

    def settle(block: list[int]) -> list[list[int]]:
        if len(block) < 2:
            return [block]
        decided = _resolution(block, resolutions)
        if decided is not None:
            return [[t] for t in decided]
        return split(block, _decider_record(block, deciders), settle, lambda: [block])

    i = 0
    while i < len(rows):
        j = i + 1
        while j < len(rows) and rows[i].rank is not None and rows[j].rank == rows[i].rank:
            j += 1
        block = rows[i:j]
        if len(block) > 1:
            by_team = {r.team_id: r for r in block}
            base = block[0].rank
            assert base is not None
            ordered: list[Row] = []
            parts = settle([r.team_id for r in block])
            for part in parts:
                rank = base + len(ordered)
                for t in part:
                    row = by_team[t]
                    row.tied = row.tied and len(part) > 1
                    row.rank = rank
                    if len(parts) > 1:  # a split range: each part is a range of its own
                        row.last = rank + len(part) - 1
                    ordered.append(row)
            rows[i:j] = ordered
        i = j
    return rows


def close_up(ordered: list[Row], withdrawn: frozenset[int]) -> list[Row]:
    """Rank ``ordered`` (withdrawn teams already moved where they belong) from 1: a team
    that withdrew is out and has a place of its own; the others keep the ties they had."""
    previous: tuple[int | None, Row] | None = None
    for i, row in enumerate(ordered):
        original, gone = row.rank, row.team_id in withdrawn
        if gone:
            row.status, row.tied = "eliminated", False
        shared = previous is not None and not gone and previous[1].team_id not in withdrawn \
            and previous[0] == original and row.tied
        row.rank = previous[1].rank if shared and previous is not None else i + 1
        previous = (original, row)
    return ordered


def split(tied: list[int], values: Mapping[int, Key],
          again: Callable[[list[int]], list[list[int]]],
          level: Callable[[], list[list[int]]]) -> list[list[int]]:
    """Blocks by ``values`` (best first), each ordered ``again``; ``level()`` when all equal."""
    blocks: dict[Key, list[int]] = {}
    for t in tied:
        blocks.setdefault(values[t], []).append(t)
    if len(blocks) == 1:
        return level()
    # A smaller tie starts over, so head-to-head looks at just the teams still level.
    return [part for key in sorted(blocks) for part in again(blocks[key])]


def _resolution(block: list[int], resolutions: Sequence[Sequence[int]]) -> list[int] | None:
    """The latest recorded order of exactly these teams, if the organizer gave one."""
    wanted = set(block)
    for teams in reversed(resolutions):
        if set(teams) == wanted and len(teams) == len(block):
            return list(teams)
    return None


def _decider_record(block: list[int], deciders: Sequence[MatchResult]) -> dict[int, Key]:
    """Wins (more first) then losses (fewer first) in tiebreaker matches among ``block``."""
    inside = set(block)
    wins = dict.fromkeys(block, 0)
    losses = dict.fromkeys(block, 0)
    for r in deciders:
        a, b = r.teams
        if a in inside and b in inside and r.winner_team is not None:
            assert r.loser_team is not None
            wins[r.winner_team] += 1
            losses[r.loser_team] += 1
    return {t: (-wins[t], losses[t]) for t in block}


def line_tie(ranked: Sequence[tuple[int, int | None]], line: int) -> list[int]:
    """The teams that share a rank across a qualification line after the first ``line``
    of ``ranked`` ((team, rank) in order; the top ``line`` go through): empty when the line
    falls between two ranks."""
    if line <= 0 or line >= len(ranked):
        return []
    rank = ranked[line - 1][1]
    if rank is None or ranked[line][1] != rank:
        return []
    return [team for team, r in ranked if r == rank]
