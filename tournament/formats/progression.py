"""How a match's slots fill and what a finished match sends on.

Works on one match at a time, so reporting a result costs the same in a bracket of
8 teams and of 8,192: the plan already says where each winner and loser goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .types import Feed, Slot

SlotsStatus = Literal["pending", "ready", "bye", "empty"]


@dataclass(slots=True)
class SlotPair:
    teams: list[int | None]
    filled: list[bool]

    @classmethod
    def from_plan(cls, slots: tuple[Slot, Slot]) -> SlotPair:
        teams = [s if isinstance(s, int) else None for s in slots]
        filled = [not isinstance(s, Feed) for s in slots]
        return cls(teams, filled)


def slots_status(teams: list[int | None], filled: list[bool]) -> SlotsStatus:
    """``pending`` until both slots are decided; then ``ready``, a ``bye`` (one team)
    or ``empty`` (two byes met: nobody comes out of this match)."""
    if not all(filled):
        return "pending"
    present = sum(t is not None for t in teams)
    return "ready" if present == 2 else "bye" if present == 1 else "empty"


def bye_winner(teams: list[int | None]) -> int | None:
    """The side (1 or 2) that advances from a bye, or None for an empty match."""
    if teams[0] is not None and teams[1] is None:
        return 1
    if teams[1] is not None and teams[0] is None:
        return 2
    return None


def outcome_teams(teams: list[int | None], winner: int | None) -> tuple[int | None, int | None]:
    """(winning team, losing team) of a finished match; None where nobody is."""
    if winner not in (1, 2):
        return None, None
    win = teams[winner - 1]
    lose = teams[2 - winner]
    return win, lose
