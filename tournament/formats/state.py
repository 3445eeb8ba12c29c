"""A match as the stage state machine reads and changes it: every stored column, as plain
data. The in-memory store keeps these; the SQL store reads and writes rows of the same
shape (a test holds the two to the same columns), so nothing in the write path lists
columns by hand."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from .results import MatchResult
from .types import Bracket, Feed, MatchPlan, MatchStatus


@dataclass(slots=True, eq=False)
class MatchState:
    stage_id: int
    tournament_id: int
    number: int
    round: int
    group: int | None = None
    bracket: str | None = None
    team1_id: int | None = None
    team2_id: int | None = None
    filled1: bool = True
    filled2: bool = True
    score1: int = 0
    score2: int = 0
    games: list[list[int]] | None = None
    maps: list[str | None] | None = None
    game_in_play: bool = False  # the last of ``games`` is in play: shown, never counted
    best_of: int = 1
    status: str = MatchStatus.PENDING
    winner: int | None = None
    draw: bool = False
    forfeit: int | None = None
    # why the forfeit: "withdrawn" or "disqualified" when the forfeiting team's withdrawal
    # forfeited it (``withdrawal.REASONS``); None for a forfeit a referee entered
    forfeit_reason: str | None = None
    scheduled_at: datetime | None = None
    stream_url: str | None = None
    venue: str | None = None
    station: str | None = None
    referee_id: int | None = None
    checked_in1_at: datetime | None = None  # when each side checked in for the match
    checked_in2_at: datetime | None = None
    winner_to: int | None = None  # match number in the same stage
    winner_slot: int | None = None
    loser_to: int | None = None
    loser_slot: int | None = None
    conditional: bool = False  # the grand-final reset: played only once it is needed
    active: bool = True
    lobby: list[int] | None = None  # a free-for-all lobby: all its teams
    placings: list[dict[str, Any]] | None = None  # its games: {"number", "results": [...]}
    version: int = 1
    updated_at: datetime | None = None
    id: int | None = None  # given by the store

    @classmethod
    def from_plan(cls, plan: MatchPlan, stage_id: int, tournament_id: int) -> MatchState:
        teams = [s if isinstance(s, int) else None for s in plan.slots]
        filled = [not isinstance(s, Feed) for s in plan.slots]
        return cls(
            stage_id=stage_id, tournament_id=tournament_id, number=plan.number,
            round=plan.round, group=plan.group,
            bracket=str(plan.bracket) if plan.bracket is not None else None,
            team1_id=teams[0], team2_id=teams[1], filled1=filled[0], filled2=filled[1],
            best_of=plan.best_of,
            winner_to=plan.winner_to[0] if plan.winner_to else None,
            winner_slot=plan.winner_to[1] if plan.winner_to else None,
            loser_to=plan.loser_to[0] if plan.loser_to else None,
            loser_slot=plan.loser_to[1] if plan.loser_to else None,
            conditional=plan.conditional, active=not plan.conditional,
            lobby=list(plan.lobby) if plan.lobby is not None else None,
            status=MatchStatus.READY if plan.lobby is not None else MatchStatus.PENDING)

    @property
    def teams(self) -> list[int | None]:
        return [self.team1_id, self.team2_id]

    @property
    def is_tiebreaker(self) -> bool:
        return self.bracket == Bracket.TIEBREAKER

    def finished_games(self) -> list[list[int]]:
        """The games played to the end: all of ``games`` but the one in play."""
        games = self.games or []
        return games[:-1] if self.game_in_play and games else games

    def result(self) -> MatchResult:
        """The plain result the standings of every format read."""
        return MatchResult(number=self.number, round=self.round, bracket=self.bracket,
                           group=self.group, teams=(self.team1_id, self.team2_id),
                           score=(self.score1, self.score2), winner=self.winner,
                           completed=self.status == MatchStatus.COMPLETED, draw=self.draw,
                           games=tuple((g[0], g[1]) for g in self.finished_games()),
                           lobby=tuple(self.lobby or ()), forfeit=self.forfeit,
                           best_of=self.best_of, updated_at=self.updated_at,
                           placings=tuple(
                               (int(g["number"]), tuple(
                                   (int(r["team_id"]), int(r["placement"]), int(r["kills"]))
                                   for r in g["results"])) for g in self.placings or ()))

    def copy(self) -> MatchState:
        values = {name: getattr(self, name) for name in COLUMNS}
        for name in ("games", "maps", "lobby"):
            if values[name] is not None:
                values[name] = [list(g) if isinstance(g, list) else g for g in values[name]]
        if values["placings"] is not None:
            values["placings"] = [{"number": g["number"],
                                   "results": [dict(r) for r in g["results"]]}
                                  for g in values["placings"]]
        return MatchState(**values)


COLUMNS = tuple(f.name for f in fields(MatchState))
