"""Reading a stage whole: its teams, matches and standings in one answer (the API's
``GET /api/stages/{id}``, the pages and the live feed share it)."""

from __future__ import annotations

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import NotFound
from ..formats.state import MatchState
from ..models import Stage, Team, Tournament
from . import annulment, field_sizes
from .sql_store import TABLE, load_matches
from .standings import rows as standing_rows
from .tournaments import shows, visible

TEAM = Team.__table__  # type: ignore[attr-defined]


async def stage_by_id(session: AsyncSession, stage_id: int) -> Stage:
    stage = await session.get(Stage, stage_id)
    if stage is None:
        raise NotFound("Stage", stage_id)
    return stage


async def stage_matches(session: AsyncSession, stage_id: int) -> list[MatchState]:
    return await load_matches(session, TABLE.c.stage_id == stage_id)


async def stage_view(session: AsyncSession, stage: Stage,
                     tournament: Tournament | None = None,
                     matches: list[MatchState] | None = None) -> views.StageView:
    """The stage whole; ``matches``: all of its matches when the caller has them in hand
    (a stage just created), so they are not read back."""
    assert stage.id is not None
    if tournament is None:
        tournament = await session.get(Tournament, stage.tournament_id)
        if not visible(session, tournament) or not shows(session, stage):
            raise NotFound("Stage", stage.id)
        assert tournament is not None
    if matches is None:
        matches = await stage_matches(session, stage.id)
    # plain rows, not ORM objects: an 8,192-team stage's teams load in a tenth of the time;
    # the event's teams (the seeding is drawn from them), not an IN of 8,192 parameters
    seeded = set(stage.seeding or [])
    team_rows = [t for t in (await (await session.connection()).execute(
        select(TEAM).where(TEAM.c.event_id == stage.event_id))).all() if t.id in seeded]
    by_id = {t.id: t for t in team_rows}
    withdrawn = annulment.withdrawals_of(team_rows)
    tz = tournament.timezone
    struck = annulment.struck(stage, matches, withdrawn)
    # a stage waiting for an earlier one: how many teams will come, through the stages
    # between (the event's stages read only then)
    coming = field_sizes.teams_to_come(stage, await field_sizes.by_id(
        session, stage.event_id)) if field_sizes.waits(stage) else None
    return {
        **views.stage_summary(stage),
        "teams_to_come": coming,
        "tournament": tournament.slug,
        "seeding": stage.seeding or [],
        "source": stage.source,
        "ties": stage.resolutions or [],
        "draw": stage.draw,
        "teams": [views.team_view(by_id[t]) for t in stage.seeding or [] if t in by_id],
        "matches": [views.match_view(m, tz, struck) for m in matches if m.active],
        "standings": standing_rows(stage, matches, withdrawn) if stage.seeding else [],
    }
