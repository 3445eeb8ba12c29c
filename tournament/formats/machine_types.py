"""What the stage machine (``machine.py``) takes and gives: the stage it works on
(``StageInfo``), a result as sent (``ResultUpdate``) and what one step changed
(``Changes``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .format import Format, Settings
from .seeding import SeedingMethod
from .state import MatchState
from .types import StageStatus


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Changes:
    """What one step changed: the matches to save (by number), the ones it created, the
    results it cleared, the matches it deleted, the conditional matches (a grand-final
    reset) it took out of play, and the stage's new status."""

    changed: dict[int, MatchState] = field(default_factory=dict)
    added: dict[int, MatchState] = field(default_factory=dict)
    reset: dict[int, MatchState] = field(default_factory=dict)
    dropped: list[MatchState] = field(default_factory=list)
    deactivated: dict[int, MatchState] = field(default_factory=dict)  # shown before, not now
    status: StageStatus | None = None  # set when the stage's status changed
    scored: bool = False  # a result was given, corrected or taken back (standings may move)
    struck: frozenset[int] = frozenset()  # teams whose results the stage annuls, after it

    def ordered(self) -> list[MatchState]:
        return [self.changed[n] for n in sorted(self.changed)]


@dataclass(frozen=True, slots=True)
class StageInfo:
    """What the machine knows of a stage besides its matches."""

    id: int
    tournament_id: int
    format: Format[Any]
    settings: Settings
    seeding: Sequence[int]  # read with list(): the services may decode it on first read
    status: StageStatus
    seeding_method: SeedingMethod = "standard"
    resolutions: tuple[tuple[int, ...], ...] = ()
    completed_at: datetime | None = None  # when it last became completed (if it is)


@dataclass(frozen=True, slots=True)
class ResultUpdate:
    """A result as sent: any of status, score, games (``[a, b]`` or ``{"score", "map"}``)
    and forfeit; ``given`` names the ones that were sent."""

    status: str | None = None
    score: Sequence[int] | None = None
    games: Sequence[object] | None = None
    forfeit: int | None = None
    game: Mapping[str, Any] | None = None  # a free-for-all game: {"number", "results"}
    given: frozenset[str] = frozenset()
