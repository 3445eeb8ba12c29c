"""Plain results of stored matches, as the standings of every format read them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

TIEBREAKER_BRACKET = "tiebreaker"  # a match the organizer adds to split a tie


@dataclass(frozen=True, slots=True)
class MatchResult:
    number: int
    round: int
    bracket: str | None
    group: int | None
    teams: tuple[int | None, int | None]
    score: tuple[int, int]
    winner: int | None  # 1 | 2 | None
    completed: bool
    draw: bool = False
    # each game's own score (goals, rounds, ...), side 1 first; empty when not reported
    games: tuple[tuple[int, int], ...] = ()
    # a free-for-all lobby: its teams, and each game's (team, placement, kills) by place
    lobby: tuple[int, ...] = ()
    placings: tuple[tuple[int, tuple[tuple[int, int, int], ...]], ...] = ()
    forfeit: int | None = None  # the side (1 or 2) that forfeited: a walkover
    best_of: int = 1
    # when the match last changed (a withdrawal's forfeits are told apart by it)
    updated_at: datetime | None = field(default=None, compare=False)

    @property
    def is_bye(self) -> bool:
        return self.teams[0] is None or self.teams[1] is None

    @property
    def is_tiebreaker(self) -> bool:
        return self.bracket == TIEBREAKER_BRACKET

    @property
    def winner_team(self) -> int | None:
        return self.teams[self.winner - 1] if self.winner in (1, 2) else None

    @property
    def loser_team(self) -> int | None:
        return self.teams[2 - self.winner] if self.winner in (1, 2) else None


def walkover_counted(r: MatchResult, score_per_game: int | None) -> MatchResult:
    """A forfeit as the standings count it. With ``score_per_game`` None it counts no games
    (0-0); with a number, as a straight win of the games the match needed, each by
    ``score_per_game`` to 0 (a football 3-0 walkover; 13 in a VALORANT best of 3: 13-0
    twice)."""
    if r.forfeit not in (1, 2) or score_per_game is None or r.winner not in (1, 2):
        return r
    needed = r.best_of // 2 + 1
    game = (score_per_game, 0) if r.winner == 1 else (0, score_per_game)
    score = (needed, 0) if r.winner == 1 else (0, needed)
    return replace(r, score=score, games=(game,) * needed)


@dataclass(slots=True)
class Row:
    """One team's line in a stage's standings."""

    team_id: int
    rank: int | None = None
    wins: int = 0
    losses: int = 0
    draws: int = 0
    games_won: int = 0
    games_lost: int = 0
    goals_for: int = 0  # the games' own scores summed: goals, rounds, points
    goals_against: int = 0
    points: int = 0
    buchholz: int = 0
    status: str = "active"  # active | advanced | eliminated
    tied: bool = False
    group: int | None = None  # 1-based group, in stages with groups
    # a knockout's placed team: the worst place of the range its rank opens (5 of 5th-8th:
    # 8), known before every team of the range is out
    last: int | None = None
    annulled: bool = False  # withdrawn, its results left out (``withdrawal.py``)

    def as_dict(self) -> dict[str, object]:
        row: dict[str, object] = {
            "team_id": self.team_id, "rank": self.rank, "wins": self.wins,
            "losses": self.losses, "draws": self.draws, "games_won": self.games_won,
            "games_lost": self.games_lost, "goals_for": self.goals_for,
            "goals_against": self.goals_against,
            "goal_difference": self.goals_for - self.goals_against, "points": self.points,
            "buchholz": self.buchholz, "status": self.status, "tied": self.tied,
        }
        if self.group is not None:
            row["group"] = self.group
        if self.last is not None:
            row["last"] = self.last
        if self.annulled:
            row["annulled"] = True
        return row


def tally(teams: list[int], results: list[MatchResult]) -> dict[int, Row]:
    """Wins, losses, draws, games and goals of every team over its completed, non-bye
    matches (tiebreaker matches only order tied teams; they are not counted here)."""
    rows = {t: Row(t) for t in teams}
    for r in results:
        if not r.completed or r.is_bye or r.is_tiebreaker:
            continue
        a, b = r.teams
        assert a is not None and b is not None
        for team, own, other, side in ((a, 0, 1, 1), (b, 1, 0, 2)):
            row = rows.setdefault(team, Row(team))
            row.games_won += r.score[own]
            row.games_lost += r.score[other]
            row.goals_for += sum(g[own] for g in r.games)
            row.goals_against += sum(g[other] for g in r.games)
            if r.draw:
                row.draws += 1
            elif r.winner == side:
                row.wins += 1
            else:
                row.losses += 1
    return rows
