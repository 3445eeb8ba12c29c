"""Creating a stage (plan in memory, then one write), filling stages seeded from another
stage, and reading a stage whole."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import InvalidInput, NotFound
from ..formats import stages
from ..formats.limits import MAX_STAGES_PER_EVENT
from ..formats.progression import SlotPair, settle
from ..formats.seeding import cross_qualifiers
from ..formats.types import FormatError, StagePlan
from ..live.outbox import emit
from ..models import Match, Stage, Team, Tournament
from ..schemas import FromStage, StageCreate
from .bracket import Bracket, propagate
from .standings import rows as standing_rows
from .tournaments import event_for_write, event_teams, visible


def format_error(exc: FormatError) -> InvalidInput:
    return InvalidInput(exc.code, exc.message, exc.field)


async def create_stage(session: AsyncSession, slug: str, event_slug: str,
                       body: StageCreate) -> dict[str, Any]:
    tournament, event = await event_for_write(session, slug, event_slug)
    assert tournament.id is not None and event.id is not None
    try:
        settings = stages.validate(body.format, body.settings)
    except FormatError as exc:
        raise format_error(exc) from exc
    count = len((await session.exec(select(Stage.id).where(Stage.event_id == event.id))).all())
    if count >= MAX_STAGES_PER_EVENT:
        raise InvalidInput("too_many_stages", "An event has at most "
                           f"{MAX_STAGES_PER_EVENT} stages.")
    stage = Stage(event_id=event.id, tournament_id=tournament.id, name=body.name,
                  format=body.format, settings=settings, seeding=[],
                  seeding_method=body.seeding_method, status="pending", position=count)
    if isinstance(body.seeding, FromStage):
        source = await session.get(Stage, body.seeding.from_stage)
        if source is None or source.event_id != event.id:
            raise InvalidInput("unknown_stage", "from_stage must be a stage of this event.",
                               "seeding.from_stage")
        stage.source = {"from_stage": body.seeding.from_stage,
                        "qualifiers": body.seeding.qualifiers}
        session.add(stage)
        await session.flush()
        if source.status == "completed":
            await start(session, stage, await qualified(session, source, stage))
    else:
        teams = await event_teams(session, event.id)
        session.add(stage)
        await session.flush()
        await start(session, stage, _seeding(body, teams))
    view = await stage_view(session, stage, tournament)
    await emit(session, tournament.id, "stage.updated", view)
    return view


async def start(session: AsyncSession, stage: Stage, seeding: list[int]) -> list[Match]:
    """Plan the stage for ``seeding`` and write its matches (byes settled)."""
    try:
        plan = stages.plan(stage.format, seeding, stage.settings or {},
                           stage.seeding_method)  # type: ignore[arg-type]
    except FormatError as exc:
        raise format_error(exc) from exc
    stage.seeding = seeding
    stage.status = "running"
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


def _seeding(body: StageCreate, teams: list[Team]) -> list[int]:
    ids = [t.id for t in teams if t.id is not None and not t.withdrawn]
    if body.seeding is None:
        return ids
    assert isinstance(body.seeding, list)
    known = set(ids)
    strangers = [t for t in body.seeding if t not in known]
    if strangers:
        raise InvalidInput("unknown_team",
                           f"Teams {strangers} are not entered in this event.", "seeding")
    if len(set(body.seeding)) != len(body.seeding):
        raise InvalidInput("duplicate_team", "A team appears twice in the seeding.", "seeding")
    return list(body.seeding)


async def qualified(session: AsyncSession, source: Stage, stage: Stage) -> list[int]:
    """The top ``qualifiers`` of each group of ``source``, crossed between groups."""
    assert source.id is not None and stage.source is not None
    table = standing_rows(source, await stage_matches(session, source.id))
    groups: dict[int, list[int]] = {}
    for row in table:
        groups.setdefault(row.get("group") or 1, []).append(row["team_id"])
    return cross_qualifiers(groups, stage.source["qualifiers"])


async def fill_waiting(session: AsyncSession, source: Stage) -> list[Stage]:
    """Start the stages seeded from ``source`` now that it has finished."""
    waiting = (await session.exec(select(Stage).where(
        Stage.event_id == source.event_id, Stage.status == "pending"))).all()
    started = []
    for stage in waiting:
        if stage.source and stage.source.get("from_stage") == source.id:
            await start(session, stage, await qualified(session, source, stage))
            started.append(stage)
    return started


async def stage_by_id(session: AsyncSession, stage_id: int) -> Stage:
    stage = await session.get(Stage, stage_id)
    if stage is None:
        raise NotFound("Stage", stage_id)
    return stage


async def stage_matches(session: AsyncSession, stage_id: int) -> list[Match]:
    rows = await session.exec(select(Match).where(Match.stage_id == stage_id)
                              .order_by(col(Match.number)))
    return list(rows.all())


async def stage_view(session: AsyncSession, stage: Stage,
                     tournament: Tournament | None = None) -> dict[str, Any]:
    assert stage.id is not None
    if tournament is None:
        tournament = await session.get(Tournament, stage.tournament_id)
        if not visible(session, tournament):
            raise NotFound("Stage", stage.id)
        assert tournament is not None
    matches = await stage_matches(session, stage.id)
    team_rows = (await session.exec(select(Team).where(
        col(Team.id).in_(stage.seeding or [])))).all()
    by_id = {t.id: t for t in team_rows}
    tz = tournament.timezone
    return views.stage_summary(stage) | {
        "tournament": tournament.slug,
        "seeding": stage.seeding or [],
        "source": stage.source,
        "teams": [views.team_view(by_id[t]) for t in stage.seeding or [] if t in by_id],
        "matches": [views.match_view(m, tz) for m in matches if m.active],
        "standings": standing_rows(stage, matches) if stage.seeding else [],
    }


async def refresh_status(session: AsyncSession, stage: Stage) -> bool:
    """Mark the stage completed when every match it plays is; running again after a
    correction. Returns whether the status changed."""
    if stage.status == "pending":
        return False
    open_matches = (await session.exec(select(Match.id).where(
        Match.stage_id == stage.id, col(Match.active), Match.status != "completed")
        .limit(1))).first()
    status = "running" if open_matches is not None else "completed"
    if status == stage.status:
        return False
    stage.status = status
    session.add(stage)
    return True
