"""Plain data every format shares: the states (as string enums, stored as the same strings),
the errors an organizer can fix, and the plan of a stage before anything is played."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal


class StageFormat(StrEnum):
    SINGLE_ELIMINATION = "single_elimination"
    DOUBLE_ELIMINATION = "double_elimination"
    ROUND_ROBIN = "round_robin"
    SWISS = "swiss"
    FREE_FOR_ALL = "free_for_all"


class StageStatus(StrEnum):
    DRAFT = "draft"  # planned, seen by admins only, not playable until started
    PENDING = "pending"  # seeded from another stage that has not finished (see ``hold``)
    RUNNING = "running"
    COMPLETED = "completed"


class MatchStatus(StrEnum):
    PENDING = "pending"  # its teams are not known yet
    READY = "ready"
    LIVE = "live"
    COMPLETED = "completed"  # a result, a forfeit, or a bye


class Bracket(StrEnum):
    """Where a match sits in an elimination stage (null in round robin and Swiss), or a
    tiebreaker an organizer added to split a tie."""

    WINNERS = "winners"
    LOSERS = "losers"
    GRAND_FINAL = "grand_final"
    THIRD_PLACE = "third_place"
    TIEBREAKER = "tiebreaker"


FeedOutcome = Literal["winner", "loser"]


class FormatError(ValueError):
    """An input the organizer can fix (bad settings, too few teams, a score the best-of
    cannot produce ...). ``code`` is machine-readable; ``params`` fill a translated message
    in ``web/``."""

    def __init__(self, code: str, message: str, field: str | None = None, **params: object):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = params


class NeedsAdmin(FormatError):
    """A change only an admin may make (a correction that clears results played on)."""


class Refused(FormatError):
    """A change nobody may make in the stage as it stands, admins included (the API's 409):
    a match with a withdrawn team reopened or played (``progression.refuse_withdrawn``)."""


@dataclass(frozen=True, slots=True)
class Feed:
    """A slot that the winner or the loser of another match of the plan fills."""

    match: int  # the feeding match's number
    outcome: FeedOutcome


# A slot holds a team id, None for a bye (nobody will ever come), or a Feed.
Slot = int | None | Feed


@dataclass(slots=True)
class MatchPlan:
    """One match of a stage as planned before anything is played."""

    number: int  # 1-based, unique within the stage, in order of play
    round: int  # 1-based within its bracket (or group)
    bracket: Bracket | None
    slots: tuple[Slot, Slot]
    best_of: int = 1
    group: int | None = None  # 1-based group for round robin / swiss groups
    winner_to: tuple[int, int] | None = None  # (match number, slot 0|1)
    loser_to: tuple[int, int] | None = None
    # A match that exists only if a condition holds (the grand-final reset).
    conditional: bool = False
    # A free-for-all lobby: every team of it (``slots`` stay empty).
    lobby: tuple[int, ...] | None = None


@dataclass(slots=True)
class StagePlan:
    matches: list[MatchPlan] = field(default_factory=list)


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
    bracket: str = "",
) -> int:
    """A round's best-of: ``by_round`` keyed by the round's number, or (a double
    elimination) by the bracket's letter and the number, ``"L2"``, which comes first."""
    if by_round:
        for key in (f"{bracket}{round_number}" if bracket else None, str(round_number)):
            if key is not None and key in by_round:
                return int(by_round[key])
    return default
