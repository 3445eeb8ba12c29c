"""Clashes with round plans. A plan books, before its round's matches exist, each match
its round will have (``formats/plan_book.py``: counted from the stage's field) with what
``round_plans.slot_values`` gives it. Teams are not known yet, so only stations, streams
and referees clash. A plan whose round's matches exist books nothing (its matches are
booked themselves), and a plan never clashes with its own round's matches.

* A plan being saved (``plan_edits.py``, ``plan_clashes``) is checked against the
  scheduled matches near its time (``clash_check.near``) and every other plan's bookings.
* A match being scheduled (``PATCH /api/matches/{id}``), or a whole round
  (``POST /api/stages/{id}/schedule``: ``match_clashes``), is checked against the
  scheduled matches near its time and the plans' bookings (each clash names the plan:
  ``other_plan``; a round's own plan books nothing, its matches exist).

A plan applied when its matches are made is never refused (``round_plans.record``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import registry
from ..formats.clashes import Booking, Clash, PlanRef, clashes
from ..formats.plan_book import Planned, by_round, drawn_rounds, round_size
from ..formats.plan_fit import Key
from ..formats.state import MatchState
from ..formats.types import Bracket
from ..models import Stage
from .clash_check import Span, booking, end_of, find_clashes, lengths, scheduled, span
from .field_sizes import field_ahead
from .round_plans import plans_of, round_matches, same_round, slot_values
from .sql_store import TABLE, load_matches

Plan = Mapping[str, Any]


class _Stage:
    """A stage's stored matches of its planned rounds by round, and (read once, when
    needed) its draw."""

    def __init__(self, stage: Stage, matches: Sequence[MatchState],
                 stages: Mapping[int, Stage]) -> None:
        self.stage, self.matches, self.stages = stage, matches, stages
        self.made = by_round(m for m in matches if m.bracket != Bracket.TIEBREAKER)
        self._drawn: dict[Key, list[Planned]] | None = None

    def drawn(self) -> dict[Key, list[Planned]]:
        if self._drawn is None:
            fmt = registry.get(self.stage.format)
            teams = field_ahead(self.stage, self.stages) or 0
            self._drawn = drawn_rounds(fmt, fmt.parse_settings(self.stage.settings or {}),
                                       teams, self.stage.seeding_method or "standard")
        return self._drawn

    def bookings(self, plan: Plan) -> list[Booking]:
        """What ``plan`` would book: none when its round's matches exist."""
        round_, bracket, group = plan["round"], plan.get("bracket"), plan.get("group")
        if round_matches(self.matches, round_, bracket, group):
            return []
        planned = round_size(self.made, {} if any(
            k[1] == round_ and (bracket is None or k[0] == bracket)
            and (group is None or k[2] == group) for k in self.made) else self.drawn(),
            round_, bracket, group)
        minutes, games = lengths(self.stage.settings)
        ref = PlanRef(int(plan["id"]), round_, bracket, group)
        assert self.stage.id is not None
        out = []
        for i, (p, values) in enumerate(zip(planned, slot_values(plan, len(planned)),
                                            strict=True)):
            start: datetime = values["scheduled_at"]  # type: ignore[assignment]
            out.append(Booking(
                match_id=0, number=i + 1, stage_id=self.stage.id, start=start,
                end=end_of(start, p.best_of, p.lobby, minutes, games),
                teams=frozenset(), venue=plan.get("venue"), station=_str(values, "station"),
                stream=_str(values, "stream_url"), referee=plan.get("referee_id"), plan=ref))
        return out


def _str(values: Mapping[str, object], name: str) -> str | None:
    value = values.get(name)
    return None if value is None else str(value)


async def _stages(session: AsyncSession, tournament_id: int,
                  stage: Stage | None = None) -> dict[int, Stage]:
    """The tournament's stages by id (``stage`` as given, unsaved changes and all)."""
    rows = (await session.exec(select(Stage).where(
        Stage.tournament_id == tournament_id))).all()
    return {s.id: (stage if stage is not None and s.id == stage.id else s)
            for s in rows if s.id is not None}


async def _read(session: AsyncSession, stages: Mapping[int, Stage],
                plans: Iterable[tuple[int, Plan]]) -> dict[int, _Stage]:
    """The stages of ``plans`` (stage id, plan) with their stored matches of the planned
    rounds (all a plan's bookings rest on), read at once."""
    rounds = sorted({(sid, int(p["round"])) for sid, p in plans})
    if not rounds:
        return {}
    found = await load_matches(session, or_(*(and_(TABLE.c.stage_id == sid,
                                                   TABLE.c.round == r) for sid, r in rounds)))
    by_stage: dict[int, list[MatchState]] = {}
    for m in found:
        by_stage.setdefault(m.stage_id, []).append(m)
    return {sid: _Stage(stages[sid], by_stage.get(sid, []), stages)
            for sid in dict.fromkeys(sid for sid, _ in rounds)}


async def plan_clashes(session: AsyncSession, stage: Stage, plan: Plan) -> list[Clash]:
    """The clashes of ``plan`` (stored form, with its ``id``) of ``stage``, saved in place
    of any plan of the same round (or of the same id)."""
    stages = await _stages(session, stage.tournament_id, stage)
    assert stage.id is not None
    others = [(sid, p) for sid, s in stages.items() for p in plans_of(s)
              if not (sid == stage.id and (p["id"] == plan["id"] or same_round(p, plan)))]
    read = await _read(session, stages, [(stage.id, plan), *others])
    mine = read[stage.id].bookings(plan)
    within = span(mine)
    if within is None:  # its round has its matches: they are booked themselves
        return []
    settings = {sid: s.settings for sid, s in stages.items()}
    everyone = [*mine, *await scheduled(session, stage.tournament_id, settings, within)]
    for sid, p in _before(others, within):
        everyone += read[sid].bookings(p)
    return clashes(mine, everyone)


def _before(plans: Iterable[tuple[int, Plan]], within: Span) -> list[tuple[int, Plan]]:
    """The ``plans`` that start before ``within`` ends (a later one books nothing there)."""
    return [(sid, p) for sid, p in plans if _starts(p) < within[1]]


def _starts(plan: Plan) -> datetime:
    start = slot_values(plan, 1)[0]["scheduled_at"]
    assert isinstance(start, datetime)
    return start


async def match_clashes(session: AsyncSession, tournament_id: int,
                        changed: Sequence[MatchState]) -> list[Clash]:
    """The clashes of the ``changed`` matches (one match, or a round's) with every
    scheduled match of the tournament and with the round plans' bookings
    (``find_clashes`` with the plans)."""
    stages = await _stages(session, tournament_id)
    settings = {sid: s.settings for sid, s in stages.items()}
    within = span(b for m in changed
                  if (b := booking(m, *lengths(settings.get(m.stage_id)))) is not None)
    planned: list[Booking] = []
    if within is not None:
        near = _before([(sid, p) for sid, s in stages.items() for p in plans_of(s)], within)
        read = await _read(session, stages, near)
        for sid, p in near:
            planned += read[sid].bookings(p)
    return await find_clashes(session, tournament_id, changed, settings, planned)
