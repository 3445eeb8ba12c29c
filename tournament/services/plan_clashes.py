"""The clashes of a round plan being saved (``plan_edits.py``): what it would book, each
match its round will have (``formats/plan_book.py``: counted from the stage's field) with
what ``round_plans.slot_values`` gives it, checked against every scheduled match of the
tournament and every other plan's bookings. Teams are not known yet, so only stations,
streams and referees clash. A plan whose round's matches exist books nothing (its matches
are booked themselves), and a plan never clashes with its own round's matches.

A plan applied when its matches are made is never refused (``round_plans.record``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import registry
from ..formats.clashes import GAME_MINUTES, Booking, Clash, PlanRef, clashes, expected_end
from ..formats.plan_book import Planned, drawn_rounds, round_size
from ..formats.plan_fit import Key
from ..formats.state import MatchState
from ..formats.types import Bracket
from ..models import Stage
from .clash_check import booking
from .field_sizes import field_ahead
from .round_plans import plans_of, round_matches, same_round, slot_values
from .sql_store import TABLE, load_matches


def _lengths(stage: Stage) -> tuple[int, int]:
    settings = stage.settings or {}
    return settings.get("game_minutes", GAME_MINUTES), settings.get("games", 1)


class _Stage:
    """A stage's stored matches by round, and (read once, when needed) its draw."""

    def __init__(self, stage: Stage, matches: Sequence[MatchState],
                 stages: Mapping[int, Stage]) -> None:
        self.stage, self.matches, self.stages = stage, matches, stages
        self.made: dict[Key, list[Planned]] = {}
        for m in sorted(matches, key=lambda m: m.number):
            if m.bracket != Bracket.TIEBREAKER:
                key = (None if m.bracket is None else str(m.bracket), m.round, m.group)
                self.made.setdefault(key, []).append(Planned(m.best_of, m.lobby is not None))
        self._drawn: dict[Key, list[Planned]] | None = None

    def drawn(self) -> dict[Key, list[Planned]]:
        if self._drawn is None:
            fmt = registry.get(self.stage.format)
            teams = field_ahead(self.stage, self.stages) or 0
            self._drawn = drawn_rounds(fmt, fmt.parse_settings(self.stage.settings or {}),
                                       teams, self.stage.seeding_method or "standard")
        return self._drawn

    def bookings(self, plan: Mapping[str, Any]) -> list[Booking]:
        """What ``plan`` would book: none when its round's matches exist."""
        round_, bracket, group = plan["round"], plan.get("bracket"), plan.get("group")
        if round_matches(self.matches, round_, bracket, group):
            return []
        planned = round_size(self.made, {} if any(
            k[1] == round_ and (bracket is None or k[0] == bracket)
            and (group is None or k[2] == group) for k in self.made) else self.drawn(),
            round_, bracket, group)
        minutes, games = _lengths(self.stage)
        ref = PlanRef(int(plan["id"]), round_, bracket, group)
        assert self.stage.id is not None
        out = []
        for i, (p, values) in enumerate(zip(planned, slot_values(plan, len(planned)),
                                            strict=True)):
            start: datetime = values["scheduled_at"]  # type: ignore[assignment]
            end = start + timedelta(minutes=minutes) * max(1, games) if p.lobby \
                else expected_end(start, p.best_of, minutes)
            out.append(Booking(
                match_id=0, number=i + 1, stage_id=self.stage.id, start=start, end=end,
                teams=frozenset(), venue=plan.get("venue"), station=_str(values, "station"),
                stream=_str(values, "stream_url"), referee=plan.get("referee_id"), plan=ref))
        return out


def _str(values: Mapping[str, object], name: str) -> str | None:
    value = values.get(name)
    return None if value is None else str(value)


async def plan_clashes(session: AsyncSession, stage: Stage,
                       plan: Mapping[str, Any]) -> list[Clash]:
    """The clashes of ``plan`` (stored form, with its ``id``) of ``stage``, saved in place
    of any plan of the same round (or of the same id)."""
    tid = stage.tournament_id
    rows = (await session.exec(select(Stage).where(Stage.tournament_id == tid))).all()
    stages = {s.id: (stage if s.id == stage.id else s) for s in rows if s.id is not None}
    made = await load_matches(session, TABLE.c.tournament_id == tid)
    by_stage: dict[int, list[MatchState]] = {}
    for m in made:
        by_stage.setdefault(m.stage_id, []).append(m)
    read = {sid: _Stage(s, by_stage.get(sid, []), stages) for sid, s in stages.items()}
    assert stage.id is not None
    mine = read[stage.id].bookings(plan)
    if not mine:
        return []
    # (a plan whose round has its matches books nothing: they are booked themselves)
    everyone = list(mine)
    for m in made:
        if (b := booking(m, *_lengths(stages[m.stage_id]))) is not None:
            everyone.append(b)
    for sid, other in read.items():
        for p in plans_of(other.stage):
            if sid == stage.id and (p["id"] == plan["id"] or same_round(p, plan)):
                continue
            everyone += other.bookings(p)
    return clashes(mine, everyone)
