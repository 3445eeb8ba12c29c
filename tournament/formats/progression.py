"""How a match's slots fill and what a finished match sends on.

Works on one match at a time, so reporting a result costs the same in a bracket of
8 teams and of 8,192: the plan already says where each winner and loser goes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

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


class MatchLike(Protocol):
    """What progression reads and writes on a match: the stored row or an in-memory state."""

    number: int
    team1_id: int | None
    team2_id: int | None
    filled1: bool
    filled2: bool
    score1: int
    score2: int
    games: list[list[int]] | None
    maps: list[str | None] | None
    status: str
    winner: int | None
    draw: bool
    forfeit: int | None
    active: bool
    conditional: bool
    winner_to: int | None
    winner_slot: int | None
    loser_to: int | None
    loser_slot: int | None


Outcome = tuple[int | None, int | None, bool]  # winner team, loser team, decided


@dataclass(frozen=True, slots=True)
class Placed:
    changed: bool  # the slot held something else before
    reset: bool  # a result between two teams was cleared
    outcome_changed: bool  # what this match sends on is different now


def teams_of(m: MatchLike) -> list[int | None]:
    return [m.team1_id, m.team2_id]


def was_played(m: MatchLike) -> bool:
    """A real result (live or final) between two teams, as opposed to a bye."""
    return m.status in ("live", "completed") and m.team1_id is not None \
        and m.team2_id is not None


def outcome(m: MatchLike) -> Outcome:
    if m.status != "completed" or not m.active:
        return None, None, False
    winner, loser = outcome_teams(teams_of(m), m.winner)
    return winner, loser, True


def clear_result(m: MatchLike) -> None:
    m.score1 = m.score2 = 0
    m.games = None
    m.maps = None
    m.winner = None
    m.draw = False
    m.forfeit = None


def settle(m: MatchLike, withdrawn: frozenset[int] = frozenset()) -> None:
    """Status from the slots: pending, ready, or an automatic bye / empty result; a ready
    match with a withdrawn (or disqualified) team is forfeited by that team."""
    state = slots_status(teams_of(m), [m.filled1, m.filled2])
    if state == "pending":
        m.status, m.winner = "pending", None
    elif state == "ready":
        if m.status == "pending":
            m.status = "ready"
        if m.status == "ready" and withdrawn:
            for side, team in ((1, m.team1_id), (2, m.team2_id)):
                if team in withdrawn:
                    clear_result(m)
                    m.forfeit, m.winner, m.status = side, 3 - side, "completed"
                    break
    else:
        clear_result(m)
        m.status = "completed"
        m.winner = bye_winner(teams_of(m))


def place(m: MatchLike, slot: int, team: int | None, filled: bool,
          withdrawn: frozenset[int] = frozenset()) -> Placed:
    """Put ``team`` (or 'not decided yet') into a slot of ``m`` and settle it."""
    current = (m.team1_id, m.filled1) if slot == 0 else (m.team2_id, m.filled2)
    if current == (team, filled):
        return Placed(False, False, False)
    before = outcome(m)
    reset = was_played(m)
    if reset:
        clear_result(m)
        m.status = "ready"
    elif m.status == "completed":  # an automatic bye result, decided again below
        clear_result(m)
        m.status = "pending"
    if slot == 0:
        m.team1_id, m.filled1 = team, filled
    else:
        m.team2_id, m.filled2 = team, filled
    settle(m, withdrawn)
    return Placed(True, reset, outcome(m) != before)


def sends(m: MatchLike) -> list[tuple[int, int, int | None, bool]]:
    """(target match, slot, team, decided) for the matches ``m`` feeds."""
    winner, loser, decided = outcome(m)
    out = []
    if m.winner_to is not None and m.winner_slot is not None:
        out.append((m.winner_to, m.winner_slot, winner, decided))
    if m.loser_to is not None and m.loser_slot is not None:
        out.append((m.loser_to, m.loser_slot, loser, decided))
    return out


def reset_wanted(source: MatchLike) -> bool:
    """A conditional match (the grand-final reset) is played when the first grand final
    went to the lower-bracket finalist (side 2)."""
    return outcome(source)[2] and source.winner == 2
