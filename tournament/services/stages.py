"""Creating a stage (plan in memory, then one write) and reading it whole."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import InvalidInput, NotFound
from ..formats import single_elimination, stages
from ..formats.progression import SlotPair
from ..formats.results import MatchResult, Row
from ..formats.types import FormatError
from ..live.outbox import emit
from ..models import Event, Match, Stage, Team, Tournament
from ..schemas import FromStage, StageCreate
from .bracket import Bracket, propagate, settle
from .context import lock_tournament
from .tournaments import event_by_slug, event_teams, tournament_by_slug


def format_error(exc: FormatError) -> InvalidInput:
    return InvalidInput(exc.code, exc.message, exc.field)


async def create_stage(session: AsyncSession, slug: str, event_slug: str,
                       body: StageCreate) -> dict[str, Any]:
    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    event = await event_by_slug(session, tournament, event_slug)
    assert event.id is not None
    teams = await event_teams(session, event.id)
    seeding = await _seeding(session, body, teams)
    try:
        settings = stages.validate(body.format, body.settings)
        plan = stages.plan(body.format, seeding, settings, body.seeding_method)
    except FormatError as exc:
        raise format_error(exc) from exc
    count = len((await session.exec(select(Stage.id).where(Stage.event_id == event.id))).all())
    stage = Stage(event_id=event.id, tournament_id=tournament.id, name=body.name,
                  format=body.format, settings=settings, seeding=seeding,
                  seeding_method=body.seeding_method, status="running", position=count)
    session.add(stage)
    await session.flush()
    assert stage.id is not None
    rows = []
    for p in plan.matches:
        pair = SlotPair.from_plan(p.slots)
        rows.append(Match(
            stage_id=stage.id, tournament_id=tournament.id, number=p.number, group=p.group,
            round=p.round, bracket=p.bracket, team1_id=pair.teams[0], team2_id=pair.teams[1],
            filled1=pair.filled[0], filled2=pair.filled[1], best_of=p.best_of,
            winner_to=p.winner_to[0] if p.winner_to else None,
            winner_slot=p.winner_to[1] if p.winner_to else None,
            loser_to=p.loser_to[0] if p.loser_to else None,
            loser_slot=p.loser_to[1] if p.loser_to else None,
            conditional=p.conditional, active=not p.conditional,
        ))
    bracket = Bracket(session, stage.id, preload=rows)
    for m in rows:
        if m.status == "pending" and m.filled1 and m.filled2:
            settle(m)
            if m.status == "completed":
                await propagate(bracket, m)
    session.add_all(rows)
    await session.flush()
    view = await stage_view(session, stage, tournament)
    await emit(session, tournament.id, "stage.updated", view)
    return view


async def _seeding(session: AsyncSession, body: StageCreate, teams: list[Team]) -> list[int]:
    ids = [t.id for t in teams if t.id is not None and not t.withdrawn]
    if body.seeding is None:
        return ids
    if isinstance(body.seeding, FromStage):
        raise InvalidInput("format_not_available",
                           "Seeding from a finished stage is not available yet.", "seeding")
    known = set(ids)
    strangers = [t for t in body.seeding if t not in known]
    if strangers:
        raise InvalidInput("unknown_team",
                           f"Teams {strangers} are not entered in this event.", "seeding")
    if len(set(body.seeding)) != len(body.seeding):
        raise InvalidInput("duplicate_team", "A team appears twice in the seeding.", "seeding")
    return list(body.seeding)


async def stage_by_id(session: AsyncSession, stage_id: int) -> Stage:
    stage = await session.get(Stage, stage_id)
    if stage is None:
        raise NotFound("Stage", stage_id)
    return stage


async def stage_matches(session: AsyncSession, stage_id: int) -> list[Match]:
    rows = await session.exec(select(Match).where(Match.stage_id == stage_id)
                              .order_by(col(Match.number)))
    return list(rows.all())


def result_of(m: Match) -> MatchResult:
    return MatchResult(number=m.number, round=m.round, bracket=m.bracket, group=m.group,
                       teams=(m.team1_id, m.team2_id), score=(m.score1, m.score2),
                       winner=m.winner, completed=m.status == "completed", draw=m.draw)


def standings(stage: Stage, matches: list[Match]) -> list[Row]:
    teams = list(stage.seeding or [])
    results = [result_of(m) for m in matches if m.active]
    if stage.format == "single_elimination":
        return single_elimination.standings(teams, results)
    return []


async def stage_view(session: AsyncSession, stage: Stage,
                     tournament: Tournament | None = None) -> dict[str, Any]:
    assert stage.id is not None
    if tournament is None:
        tournament = await session.get(Tournament, stage.tournament_id)
        assert tournament is not None
    matches = await stage_matches(session, stage.id)
    team_rows = (await session.exec(select(Team).where(
        col(Team.id).in_(stage.seeding or [])))).all()
    by_id = {t.id: t for t in team_rows}
    tz = tournament.timezone
    return views.stage_summary(stage) | {
        "tournament": tournament.slug,
        "seeding": stage.seeding or [],
        "teams": [views.team_view(by_id[t]) for t in stage.seeding or [] if t in by_id],
        "matches": [views.match_view(m, tz) for m in matches if m.active],
        "standings": [r.as_dict() for r in standings(stage, matches)],
    }


async def event_stage_views(session: AsyncSession, event: Event,
                            tournament: Tournament) -> list[dict[str, Any]]:
    rows = await session.exec(select(Stage).where(Stage.event_id == event.id)
                              .order_by(col(Stage.position), col(Stage.id)))
    return [await stage_view(session, s, tournament) for s in rows.all()]


async def refresh_status(session: AsyncSession, stage: Stage) -> bool:
    """Mark the stage completed when every match it plays is; running again after a
    correction. Returns whether the status changed."""
    open_matches = (await session.exec(select(Match.id).where(
        Match.stage_id == stage.id, col(Match.active), Match.status != "completed")
        .limit(1))).first()
    status = "running" if open_matches is not None else "completed"
    if status == stage.status:
        return False
    stage.status = status
    session.add(stage)
    return True
