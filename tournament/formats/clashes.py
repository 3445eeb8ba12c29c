"""Schedule clashes: a team, a station, a stream or a referee in two places at once.

A match is taken to last its stage's ``game_minutes`` (an hour unless the organizer says
otherwise: eFootball 20, Tekken 10) per game a side needs to win (a best-of-3: two games),
the same estimate the calendar feed gives. Two matches clash when those times overlap and
they share a known team, the same station of the same venue, a stream, or a referee.

A round plan's matches (not made yet: ``plan_book.py``) are booked too, each by its plan
and its place in the round (``PlanRef``, no match id, no teams), so that a plan saved is
checked against the scheduled matches and the other plans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

GAME_MINUTES = 60


def utc(value: datetime) -> datetime:
    """A stored time in UTC (SQLite gives it back without its zone)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def expected_end(start: datetime, best_of: int, game_minutes: int = GAME_MINUTES) -> datetime:
    return start + timedelta(minutes=game_minutes) * max(1, best_of // 2 + 1)


@dataclass(frozen=True, slots=True)
class PlanRef:
    """A round plan of a stage: the round it times (a match it will make is booked by
    it and its place in the round, 1-based)."""

    plan_id: int
    round: int
    bracket: str | None = None
    group: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {"id": self.plan_id, "round": self.round, "bracket": self.bracket,
                "group": self.group}


@dataclass(frozen=True, slots=True)
class Booking:
    """A scheduled match as far as clashes go (or one a round plan will make: ``plan``,
    ``match_id`` 0 and ``number`` its place in the round)."""

    match_id: int
    number: int  # the match's number in its stage (M number)
    stage_id: int
    start: datetime
    end: datetime
    teams: frozenset[int]
    venue: str | None = None
    station: str | None = None
    stream: str | None = None
    referee: int | None = None
    plan: PlanRef | None = None

    @property
    def key(self) -> tuple[int, int, int, int]:
        """Who it is: a match by its id, a plan's match by its plan and place."""
        if self.plan is None:
            return (0, self.match_id, 0, 0)
        return (1, self.stage_id, self.plan.plan_id, self.number)


@dataclass(frozen=True, slots=True)
class Clash:
    match_id: int  # the match being scheduled
    other_id: int  # the match it clashes with
    other_number: int
    other_stage_id: int
    kind: str  # team | station | stream | referee
    detail: str  # the team id, station, stream or referee in question
    planned: int | None = None  # a plan's match being checked: its place in the round
    plan: PlanRef | None = None  # ... and its plan
    other_plan: PlanRef | None = None  # the other is a plan's match (``other_number``:
    #                                    its place in that plan's round)

    def as_dict(self) -> dict[str, object]:
        """As the API lists it; a plan's match (``match`` or ``other`` null) names its
        plan and place in the round (``plan``, ``planned``) or the other plan
        (``other_plan``, ``other_number`` its place in that plan's round)."""
        out: dict[str, object] = {
            "match": None if self.planned is not None else self.match_id,
            "other": None if self.other_plan else self.other_id,
            "other_number": self.other_number, "other_stage": self.other_stage_id,
            "kind": self.kind, "detail": self.detail}
        if self.planned is not None:
            out["planned"] = self.planned
            out["plan"] = None if self.plan is None else self.plan.as_dict()
        if self.other_plan is not None:
            out["other_plan"] = self.other_plan.as_dict()
        return out


def _shared(a: Booking, b: Booking) -> Iterable[tuple[str, str]]:
    for team in sorted(a.teams & b.teams):
        yield "team", str(team)
    if a.station and a.station == b.station and a.venue == b.venue:
        yield "station", f"{a.venue} {a.station}" if a.venue else a.station
    if a.stream and a.stream == b.stream:
        yield "stream", a.stream
    if a.referee is not None and a.referee == b.referee:
        yield "referee", str(a.referee)


def clashes(changed: Sequence[Booking], everyone: Sequence[Booking]) -> list[Clash]:
    """Each clash of a ``changed`` booking with any other booking (``everyone`` may hold
    the changed ones too; a match never clashes with itself)."""
    found = []
    for a in changed:
        for b in everyone:
            if b.key == a.key or not (a.start < b.end and b.start < a.end):
                continue
            found += [Clash(a.match_id, b.match_id, b.number, b.stage_id, kind, detail,
                            a.number if a.plan else None, a.plan, b.plan)
                      for kind, detail in _shared(a, b)]
    return found
