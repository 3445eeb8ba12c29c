"""Plain data shared by every format: the plan of a stage and the state of its matches."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["winner", "loser"]
BracketName = Literal["winners", "losers", "grand_final", "third_place"]


class FormatError(ValueError):
    """An input the organizer can fix (bad settings, too few teams ...).

    ``code`` is machine-readable; ``params`` fill the translated message in ``web/``.
    """

    def __init__(self, code: str, message: str, field: str | None = None, **params: object):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = params


@dataclass(frozen=True, slots=True)
class Feed:
    """A slot that the winner or the loser of another match of the plan fills."""

    match: int  # the feeding match's number
    outcome: Outcome


# A slot holds a team id, None for a bye (nobody will ever come), or a Feed.
Slot = int | None | Feed


@dataclass(slots=True)
class MatchPlan:
    """One match of a stage as planned before anything is played."""

    number: int  # 1-based, unique within the stage, in order of play
    round: int  # 1-based within its bracket (or group)
    bracket: BracketName | None
    slots: tuple[Slot, Slot]
    best_of: int = 1
    group: int | None = None  # 1-based group for round robin / swiss groups
    winner_to: tuple[int, int] | None = None  # (match number, slot 0|1)
    loser_to: tuple[int, int] | None = None
    # A match that exists only if a condition holds (the grand-final reset).
    conditional: bool = False


@dataclass(slots=True)
class StagePlan:
    matches: list[MatchPlan] = field(default_factory=list)

    def by_number(self) -> dict[int, MatchPlan]:
        return {m.number: m for m in self.matches}


def link_feeds(matches: list[MatchPlan]) -> None:
    """Fill ``winner_to`` / ``loser_to`` from the Feeds in the slots (in place)."""
    index = {m.number: m for m in matches}
    for m in matches:
        for slot_index, slot in enumerate(m.slots):
            if isinstance(slot, Feed):
                source = index[slot.match]
                if slot.outcome == "winner":
                    source.winner_to = (m.number, slot_index)
                else:
                    source.loser_to = (m.number, slot_index)


def best_of_for(
    round_number: int,
    default: int,
    by_round: dict[str, int] | None,
) -> int:
    if by_round and str(round_number) in by_round:
        return int(by_round[str(round_number)])
    return default
