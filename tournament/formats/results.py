"""Plain results of stored matches, as the standings of every format read them."""

from __future__ import annotations

from dataclasses import dataclass


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

    @property
    def is_bye(self) -> bool:
        return self.teams[0] is None or self.teams[1] is None

    @property
    def winner_team(self) -> int | None:
        return self.teams[self.winner - 1] if self.winner in (1, 2) else None

    @property
    def loser_team(self) -> int | None:
        return self.teams[2 - self.winner] if self.winner in (1, 2) else None


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
    points: int = 0
    buchholz: int = 0
    status: str = "active"  # active | advanced | eliminated
    tied: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "team_id": self.team_id, "rank": self.rank, "wins": self.wins,
            "losses": self.losses, "draws": self.draws, "games_won": self.games_won,
            "games_lost": self.games_lost, "points": self.points,
            "buchholz": self.buchholz, "status": self.status, "tied": self.tied,
        }


def tally(teams: list[int], results: list[MatchResult]) -> dict[int, Row]:
    """Wins, losses, draws and games of every team over its completed, non-bye matches."""
    rows = {t: Row(t) for t in teams}
    for r in results:
        if not r.completed or r.is_bye:
            continue
        a, b = r.teams
        assert a is not None and b is not None
        for team, own, other, side in ((a, r.score[0], r.score[1], 1),
                                       (b, r.score[1], r.score[0], 2)):
            row = rows.setdefault(team, Row(team))
            row.games_won += own
            row.games_lost += other
            if r.draw:
                row.draws += 1
            elif r.winner == side:
                row.wins += 1
            else:
                row.losses += 1
    return rows
