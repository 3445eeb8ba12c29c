"""A stage's plan turned into stored matches: planned in memory by ``formats``, written in
one go, byes settled before the write."""

from __future__ import annotations

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import InvalidInput
from ..formats import stages
from ..formats.progression import SlotPair, settle
from ..formats.types import FormatError, StagePlan
from ..models import Match, Stage
from .bracket import Bracket, propagate


def format_error(exc: FormatError) -> InvalidInput:
    return InvalidInput(exc.code, exc.message, exc.field)


async def start(session: AsyncSession, stage: Stage, seeding: list[int]) -> list[Match]:
    """Plan the stage for ``seeding`` and write its matches (byes settled)."""
    try:
        return await start_or_fail(session, stage, seeding)
    except FormatError as exc:
        raise format_error(exc) from exc


async def start_or_fail(session: AsyncSession, stage: Stage,
                        seeding: list[int]) -> list[Match]:
    """``start``, raising the format's own error when the seeding cannot be planned."""
    plan = stages.plan(stage.format, seeding, stage.settings or {},
                       stage.seeding_method)  # type: ignore[arg-type]
    stage.seeding = seeding
    stage.status = "running"
    stage.hold = None
    session.add(stage)
    return await persist(session, stage, plan)


async def persist(session: AsyncSession, stage: Stage, plan: StagePlan,
                  withdrawn: frozenset[int] = frozenset()) -> list[Match]:
    assert stage.id is not None
    rows = []
    for p in plan.matches:
        pair = SlotPair.from_plan(p.slots)
        rows.append(Match(
            stage_id=stage.id, tournament_id=stage.tournament_id, number=p.number,
            group=p.group, round=p.round, bracket=p.bracket, team1_id=pair.teams[0],
            team2_id=pair.teams[1], filled1=pair.filled[0], filled2=pair.filled[1],
            best_of=p.best_of,
            winner_to=p.winner_to[0] if p.winner_to else None,
            winner_slot=p.winner_to[1] if p.winner_to else None,
            loser_to=p.loser_to[0] if p.loser_to else None,
            loser_slot=p.loser_to[1] if p.loser_to else None,
            conditional=p.conditional, active=not p.conditional,
        ))
    bracket = Bracket(session, stage.id, preload=rows, withdrawn=withdrawn)
    for m in rows:
        if m.status == "pending" and m.filled1 and m.filled2:
            settle(m, withdrawn)
            if m.status == "completed":
                await propagate(bracket, m)
    session.add_all(rows)
    await session.flush()
    return rows


async def stage_matches(session: AsyncSession, stage_id: int) -> list[Match]:
    rows = await session.exec(select(Match).where(Match.stage_id == stage_id)
                              .order_by(col(Match.number)))
    return list(rows.all())
