"""A stage played in memory: the plan's matches as plain states, driven by the same rules
(``progression.py``) as the stored ones. Used by benchmarks and property tests, and by
anyone who wants to simulate a bracket without a database."""

from __future__ import annotations

from dataclasses import dataclass

from .progression import SlotPair, outcome, place, reset_wanted, sends, settle
from .types import StagePlan


@dataclass(slots=True)
class MatchState:
    number: int
    round: int
    bracket: str | None
    team1_id: int | None
    team2_id: int | None
    filled1: bool
    filled2: bool
    winner_to: int | None
    winner_slot: int | None
    loser_to: int | None
    loser_slot: int | None
    conditional: bool
    active: bool
    score1: int = 0
    score2: int = 0
    games: list[list[int]] | None = None
    maps: list[str | None] | None = None
    status: str = "pending"
    winner: int | None = None
    draw: bool = False
    forfeit: int | None = None


class Engine:
    """Every match of a plan, by number; ``report`` costs O(1) plus any byes it settles."""

    def __init__(self, plan: StagePlan) -> None:
        self.matches: dict[int, MatchState] = {}
        for p in plan.matches:
            pair = SlotPair.from_plan(p.slots)
            self.matches[p.number] = MatchState(
                number=p.number, round=p.round, bracket=p.bracket,
                team1_id=pair.teams[0], team2_id=pair.teams[1],
                filled1=pair.filled[0], filled2=pair.filled[1],
                winner_to=p.winner_to[0] if p.winner_to else None,
                winner_slot=p.winner_to[1] if p.winner_to else None,
                loser_to=p.loser_to[0] if p.loser_to else None,
                loser_slot=p.loser_to[1] if p.loser_to else None,
                conditional=p.conditional, active=not p.conditional)
        for m in self.matches.values():
            if m.status == "pending" and m.filled1 and m.filled2:
                settle(m)
                if m.status == "completed":
                    self.propagate(m)

    def ready(self) -> list[MatchState]:
        return [m for m in self.matches.values() if m.active and m.status == "ready"]

    def report(self, number: int, winner: int, score: tuple[int, int] = (1, 0)) -> list[int]:
        """Complete a ready match; returns the numbers of the matches it reset."""
        m = self.matches[number]
        if m.status not in ("ready", "live", "completed") or m.team1_id is None \
                or m.team2_id is None:
            raise ValueError(f"match {number} has no two teams to report")
        m.score1, m.score2 = score if winner == 1 else (score[1], score[0])
        m.winner, m.status = winner, "completed"
        return self.propagate(m)

    def propagate(self, m: MatchState) -> list[int]:
        reset: list[int] = []
        pending = [m]
        while pending:
            source = pending.pop()
            for target, slot, team, decided in sends(source):
                dest = self.matches[target]
                placed = place(dest, slot, team, decided)
                if placed.reset:
                    reset.append(dest.number)
                if dest.conditional:
                    dest.active = reset_wanted(source)
                if placed.outcome_changed:
                    pending.append(dest)
        return reset

    def champion(self) -> int | None:
        """The winner of the last active match, once every active match is completed."""
        active = [m for m in self.matches.values() if m.active]
        if any(m.status != "completed" for m in active):
            return None
        return outcome(max(active, key=lambda m: m.number))[0]
