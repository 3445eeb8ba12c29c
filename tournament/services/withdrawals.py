"""A team withdraws or is disqualified: it forfeits every match it has left."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, NotFound
from ..formats.progression import clear_result
from ..live.outbox import emit
from ..models import Event, Match, Stage, Team, Tournament
from .bracket import Bracket, propagate
from .context import lock_tournament
from .matches import publish_changes, withdrawn_teams


async def withdraw(session: AsyncSession, team_id: int, reason: str) -> dict[str, Any]:
    team = await session.get(Team, team_id)
    if team is None or team.id is None:
        raise NotFound("Team", team_id)
    event = await session.get(Event, team.event_id)
    assert event is not None
    tournament = await session.get(Tournament, event.tournament_id)
    assert tournament is not None and tournament.id is not None
    await lock_tournament(session, tournament.id)
    await session.refresh(team)
    if team.withdrawn:
        raise Conflict("already_withdrawn", "This team has already withdrawn.")
    team.withdrawn = True
    session.add(team)
    await session.flush()
    forfeited: list[int] = []
    stages = (await session.exec(select(Stage).where(Stage.event_id == event.id,
                                                     Stage.status == "running"))).all()
    for stage in stages:
        open_matches = (await session.exec(select(Match).where(
            Match.stage_id == stage.id, col(Match.active),
            col(Match.status).in_(["ready", "live"]),
            or_(Match.team1_id == team.id, Match.team2_id == team.id))
            .order_by(col(Match.number)))).all()
        bracket = Bracket(session, stage.id or 0, withdrawn=await withdrawn_teams(session, stage))
        for m in open_matches:
            bracket.remember(m)
            side = 1 if m.team1_id == team.id else 2
            clear_result(m)
            m.forfeit, m.winner, m.status = side, 3 - side, "completed"
            bracket.touch(m)
            forfeited.append(m.id or 0)
            await propagate(bracket, m)
        if open_matches or stage.format == "swiss":
            await publish_changes(session, tournament, stage, bracket, open_matches[0]
                                  if open_matches else None)
    view = views.team_view(team) | {"reason": reason, "forfeited_matches": forfeited}
    await emit(session, tournament.id, "event.updated",
               views.event_view(event, tournament.slug) | {"team": views.team_view(team)})
    return view
