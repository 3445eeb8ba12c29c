"""Stages played in memory through the production state machine (``formats/machine.py``
over a ``MemoryStore``): the one driver every unit and property test uses, so they test the
code the service runs."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from typing import Any

from tournament.formats import registry
from tournament.formats.machine import StageMachine
from tournament.formats.machine_types import Changes, ResultUpdate, StageInfo
from tournament.formats.results import Row
from tournament.formats.state import MatchState
from tournament.formats.store import MemoryStore, run
from tournament.formats.types import MatchStatus, StageStatus


class Sim:
    """One stage in memory; each step is a fresh machine over the same store, as each
    request is in the service."""

    def __init__(self, format_name: str, teams: list[int], settings: dict[str, Any] | None = None,
                 seeding_method: str = "standard") -> None:
        fmt = registry.get(format_name)
        self.info = StageInfo(id=1, tournament_id=1, format=fmt,
                              settings=fmt.parse_settings(settings or {}), seeding=list(teams),
                              status=StageStatus.PENDING,
                              seeding_method=seeding_method)  # type: ignore[arg-type]
        self.store = MemoryStore()
        self.withdrawn: frozenset[int] = frozenset()
        self.status = StageStatus.PENDING
        self.step(lambda m: m.start())

    @property
    def matches(self) -> dict[int, MatchState]:
        return self.store.matches

    def machine(self) -> StageMachine:
        return StageMachine(replace(self.info, status=self.status), self.store, self.withdrawn)

    def step(self, action: Any, atomic: bool = True) -> Changes:
        """Run ``action(machine)`` (a coroutine) and advance; ``atomic`` undoes it all on
        an error, as the service's transaction does."""
        machine = self.machine()
        if atomic:
            with self.store.transaction():
                run(action(machine))
                changes = run(machine.advance())
        else:
            run(action(machine))
            changes = run(machine.advance())
        self.status = machine.status
        self.withdrawn = machine.withdrawn
        return changes

    def report(self, number: int, side: int, score: tuple[int, int] | None = None,
               *, status: str = "completed", may_reset: bool = True,
               atomic: bool = True) -> Changes:
        m = self.matches[number]
        need = m.best_of // 2 + 1
        won = score or (need, 0)
        pair = list(won) if side == 1 else [won[1], won[0]]
        update = ResultUpdate(status=status, score=pair, given=frozenset({"status", "score"}))
        return self.step(lambda machine: machine.report(number, update, may_reset=may_reset),
                         atomic)

    def update(self, number: int, **fields: Any) -> Changes:
        update = ResultUpdate(given=frozenset(fields), **fields)
        return self.step(lambda machine: machine.report(number, update))

    def withdraw(self, team: int) -> Changes:
        return self.step(lambda machine: machine.withdraw(team))

    def ready(self) -> list[MatchState]:
        return self.store.ready()

    def standings(self, withdrawn: frozenset[int] | None = None) -> list[Row]:
        """``withdrawn``: the withdrawn teams the table treats so (default all): a team
        that withdrew after the stage had completed keeps its place while it stays so."""
        machine = self.machine() if withdrawn is None else StageMachine(
            replace(self.info, status=self.status), self.store, withdrawn)
        return run(machine.standings())

    def champion(self) -> int | None:
        """The winner of the last active match, once every active match is completed."""
        active = [m for m in self.matches.values() if m.active]
        if any(m.status != MatchStatus.COMPLETED for m in active):
            return None
        last = max(active, key=lambda m: m.number)
        return last.teams[last.winner - 1] if last.winner in (1, 2) else None


def play_out(sim: Sim, rng: random.Random) -> list[tuple[int, str | None, int,
                                                          tuple[int | None, int | None], int]]:
    """Play ready matches in number order with random winners until none is ready;
    (number, bracket, round, teams, winning side) of every real match."""
    played = []
    while ready := sim.ready():
        m = ready[0]
        side = rng.choice((1, 2))
        played.append((m.number, m.bracket, m.round, (m.team1_id, m.team2_id), side))
        sim.report(m.number, side, atomic=False)
    return played


def losses(played: list[tuple[Any, ...]]) -> Counter[int]:
    out: Counter[int] = Counter()
    for *_, teams, side in played:
        out[teams[2 - side]] += 1
    return out


def play_by_seed(sim: Sim) -> None:
    """Play the stage out, the lower team id (the better seed) winning every match."""
    while sim.status != "completed":
        ready = [m for m in sim.ready() if m.team1_id and m.team2_id]
        assert ready, "stuck"
        for m in ready:
            sim.report(m.number, 1 if m.team1_id < m.team2_id else 2)


def simulate_double_elimination(teams: list[int], rng: random.Random, **settings: Any):
    """Play a double elimination out through the production state machine, ready matches
    in number order with random winners.

    Returns (played matches as (number, bracket, round, teams, side), losses per team,
    outcomes per completed match number as (winning team, losing team)).
    """
    method = settings.pop("seeding_method", "standard")
    sim = Sim("double_elimination", teams, settings, seeding_method=method)
    played = play_out(sim, rng)
    for *_, pair, _side in played:
        for t in pair:
            assert t is not None
    outcomes = {m.number: (m.teams[m.winner - 1], m.teams[2 - m.winner])
                for m in sim.matches.values()
                if m.active and m.status == "completed" and m.winner in (1, 2)}
    return played, losses(played), outcomes
