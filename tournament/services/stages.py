"""Creating a stage (plan in memory, then one write; a stage seeded from another waits for
it) and reading a stage whole."""

from __future__ import annotations

import secrets
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import InvalidInput, NotFound
from ..formats import draw, stages
from ..formats.limits import MAX_STAGES_PER_EVENT
from ..formats.qualification import Hold
from ..formats.types import FormatError
from ..live.outbox import emit
from ..models import Match, Stage, Team, Tournament
from ..schemas import FromStage, StageCreate
from . import waiting
from .planning import format_error, stage_matches, start
from .standings import rows as standing_rows
from .tournaments import event_for_write, event_teams, visible


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
    if body.names is not None:
        stage.names = {str(lang): text for lang, text in body.names.items()}
    if isinstance(body.seeding, FromStage):
        if body.draw is not None:
            raise InvalidInput("draw_with_from_stage", "A stage seeded from another stage "
                               "takes its order from the standings; it has no draw.", "draw")
        source = await session.get(Stage, body.seeding.from_stage)
        if source is None or source.event_id != event.id:
            raise InvalidInput("unknown_stage", "from_stage must be a stage of this event.",
                               "seeding.from_stage")
        groups = int((source.settings or {}).get("groups") or 1)
        if groups * body.seeding.qualifiers < 2:
            raise InvalidInput(
                "too_few_qualifiers", f"{body.seeding.qualifiers} qualifier(s) from "
                f"{groups} group(s) cannot fill a stage; it needs at least two teams.",
                "seeding.qualifiers")
        stage.source = {"from_stage": body.seeding.from_stage,
                        "qualifiers": body.seeding.qualifiers}
        stage.hold = Hold("waiting_for_stage", body.seeding.from_stage).as_dict()
        session.add(stage)
        await session.flush()
        if source.status == "completed":
            await waiting.try_start(session, stage, source)
    else:
        teams = await event_teams(session, event.id)
        seeding = _seeding(body, teams)
        if body.draw is not None:
            nation = {t.id: t.nation for t in teams if t.id is not None}
            seeding, stage.draw = _drawn(body, settings, seeding, nation)
        session.add(stage)
        await session.flush()
        await start(session, stage, seeding)
    view = await stage_view(session, stage, tournament)
    await emit(session, tournament.id, "stage.updated", view)
    return view


def _drawn(body: StageCreate, settings: dict[str, Any], seeding: list[int],
           nation: dict[int, str | None]) -> tuple[list[int], dict[str, Any]]:
    """The seeding after the draw, and the record of how it was drawn."""
    assert body.draw is not None
    record: dict[str, Any] = {"random": body.draw.random,
                              "separate_nations": body.draw.separate_nations}
    if body.draw.random:
        seed = body.draw.seed if body.draw.seed is not None else secrets.randbelow(2**31)
        record["seed"] = seed
        seeding = draw.shuffled(seeding, seed)
    if body.draw.separate_nations:
        if len(seeding) > draw.MAX_SEPARATED:
            raise InvalidInput("field_too_large", "Keeping nations apart works for fields "
                               f"of at most {draw.MAX_SEPARATED} teams.", "draw")
        found = draw.pots_and_conflicts(body.format, len(seeding), settings, nation,
                                        body.seeding_method)
        if found is not None:
            pots, conflicts = found
            before = conflicts(seeding)
            seeding = draw.separate(seeding, pots, conflicts)
            record["same_nation_meetings"] = {"before": before, "after": conflicts(seeding)}
    return seeding, record


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


async def stage_by_id(session: AsyncSession, stage_id: int) -> Stage:
    stage = await session.get(Stage, stage_id)
    if stage is None:
        raise NotFound("Stage", stage_id)
    return stage


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
        "ties": stage.resolutions or [],
        "draw": stage.draw,
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
