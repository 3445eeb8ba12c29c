"""Editing and removing what an organizer entered: teams (renamed, new roster, removed
before they play), events and tournaments (edited; removed while empty). Every change is
on the live feed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, or_
from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, NotFound
from ..live.outbox import emit
from ..models import Event, EventLog, Player, RefereeAssignment, Stage, Team, Tournament
from ..schemas_edit import EventUpdate, TeamUpdate
from .context import lock_tournament
from .naming import rename, require_change, retitle
from .sql_store import TABLE
from .tournaments import event_by_slug, players_of, team_names_free, tournament_by_slug


async def _team_for_edit(session: AsyncSession,
                         team_id: int) -> tuple[Team, Event, Tournament]:
    team = await session.get(Team, team_id)
    if team is None or team.id is None:
        raise NotFound("Team", team_id)
    event = await session.get(Event, team.event_id)
    assert event is not None
    tournament = await session.get(Tournament, event.tournament_id)
    assert tournament is not None and tournament.id is not None
    await lock_tournament(session, tournament.id)
    return team, event, tournament


async def update_team(session: AsyncSession, team_id: int, body: TeamUpdate) -> views.TeamView:
    team, event, tournament = await _team_for_edit(session, team_id)
    assert team.id is not None and tournament.id is not None
    given = body.model_fields_set
    require_change(given, "name, names, nation, seed or players")
    before = views.team_view(team, (await players_of(session, [team.id]))[team.id])
    if "name" in given and body.name is not None:
        await team_names_free(session, event.id or 0, [body.name], team.id)
    rename(team, given, body.model_dump(include={"name", "names"}))
    for field in ("nation", "seed"):
        if field in given:
            setattr(team, field, getattr(body, field))
    if "nation" in given and team.nation:
        team.nation = team.nation.upper()
    session.add(team)
    if "players" in given and body.players is not None:
        await (await session.connection()).execute(delete(Player).where(
            col(Player.team_id) == team.id))
        session.add_all(Player(team_id=team.id, position=i, handle=p.handle, name=p.name,
                               names={str(k): v for k, v in (p.names or {}).items()} or None)
                        for i, p in enumerate(body.players))
    await session.flush()
    view = views.team_view(team, (await players_of(session, [team.id]))[team.id])
    if view == before:
        return view  # the values it sent are the stored ones: no change, no live event
    await emit(session, tournament.id, "event.updated",
               {**views.event_view(event, tournament.slug), "team": view})
    if view["nation"] != before["nation"]:  # the nation table counts the team elsewhere now
        from .reads import tournament_detail  # reads builds on this module

        await emit(session, tournament.id, "tournament.updated",
                   await tournament_detail(session, tournament.slug))
    return view


async def delete_team(session: AsyncSession, team_id: int) -> dict[str, Any]:
    """A team is removed only before it plays: it may be in no stage's seeding."""
    team, event, tournament = await _team_for_edit(session, team_id)
    assert tournament.id is not None
    stages = (await session.exec(select(Stage).where(Stage.event_id == event.id))).all()
    # a team that enters a stage directly is in its slots before it is in its seeding
    if any(team_id in (s.seeding or []) or team_id in (s.source or {}).get("slots", [])
           for s in stages):
        raise Conflict("team_in_stage", "This team is in a stage's seeding; remove it from "
                       "the stage (or withdraw it) first.")
    played = (await (await session.connection()).execute(sa_select(TABLE.c.id).where(
        or_(TABLE.c.team1_id == team_id, TABLE.c.team2_id == team_id)).limit(1))).first()
    if played is not None:
        raise Conflict("team_has_matches", "This team has matches; withdraw it instead.")
    await (await session.connection()).execute(delete(Player).where(
        col(Player.team_id) == team_id))
    await session.delete(team)
    await session.flush()
    await emit(session, tournament.id, "event.updated",
               {**views.event_view(event, tournament.slug), "team_removed": team_id})
    return {"deleted": team_id}


async def update_event(session: AsyncSession, slug: str, event_slug: str,
                       body: EventUpdate) -> views.EventView:
    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    event = await event_by_slug(session, tournament, event_slug)
    given = body.model_fields_set
    require_change(given, "name, names, game or game_names")
    before = views.event_view(event, tournament.slug)
    rename(event, given, body.model_dump(include={"name", "names"}))
    retitle(event, given, body.game, body.game_names)
    session.add(event)
    await session.flush()
    view = views.event_view(event, tournament.slug)
    if view != before:  # the values it sent may be the stored ones: then no live event
        await emit(session, tournament.id, "event.updated", view)
    return view


async def delete_event(session: AsyncSession, slug: str, event_slug: str) -> dict[str, Any]:
    """An event is removed while it is empty: no teams and no stages."""
    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    event = await event_by_slug(session, tournament, event_slug)
    team = (await session.exec(select(Team.id).where(Team.event_id == event.id))).first()
    stage = (await session.exec(select(Stage.id).where(Stage.event_id == event.id))).first()
    if team is not None or stage is not None:
        raise Conflict("event_not_empty", "This event has teams or stages; remove them "
                       "first.")
    if tournament.nation_decider == event.slug:
        raise Conflict("event_is_nation_decider", "This event decides ties in the nation "
                       "table; choose another event (or none) in the tournament's settings "
                       "first.", "nation_decider")
    await session.delete(event)
    await session.flush()
    from .reads import tournament_detail  # reads builds on this module

    await emit(session, tournament.id, "tournament.updated",
               await tournament_detail(session, tournament.slug))
    return {"deleted": event_slug}


async def delete_tournament(session: AsyncSession, slug: str) -> dict[str, Any]:
    """A tournament is removed while it has no events."""
    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    if (await session.exec(select(Event.id).where(
            Event.tournament_id == tournament.id))).first() is not None:
        raise Conflict("tournament_not_empty", "This tournament has events; remove them "
                       "first.")
    conn = await session.connection()
    for model in (EventLog, RefereeAssignment):
        await conn.execute(delete(model).where(col(model.tournament_id) == tournament.id))
    await session.delete(tournament)
    await session.flush()
    return {"deleted": slug}
