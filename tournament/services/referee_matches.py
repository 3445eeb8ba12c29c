"""The matches a referee may enter results for: live ones first, then the next ones (by
scheduled time), then the most recent results (newest first, across its events); with what
a console list shows (event, stage, round, M number, teams, time in the tournament's zone)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import String, and_, cast, func
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..formats.state import MatchState
from ..formats.types import MatchStatus
from ..models import Event, Stage, Team, Tournament
from . import annulment
from .actors import Actor
from .sql_store import TABLE, load_match, load_matches
from .tournaments import solo_events

NEXT = 40
RECENT = 15


def _scope(actor: Actor, tournaments: list[Tournament]) -> list[Tournament]:
    return [t for t in tournaments if t.id is not None and actor.may_see(t.id, t.published)
            and actor.may_referee(t.id, t.published)]


async def for_referee(session: AsyncSession, actor: Actor) -> dict[str, list[dict[str, Any]]]:
    allowed = _scope(actor, list((await session.exec(select(Tournament))).all()))
    ids = [t.id for t in allowed]
    if not ids:
        return {"live": [], "next": [], "recent": []}
    c = TABLE.c
    # two known teams, or a free-for-all lobby (its teams are in ``lobby``; a two-sided
    # match stores JSON null there, which is not SQL NULL)
    lobby = and_(c.lobby.is_not(None), cast(c.lobby, String) != "null")
    base = (c.tournament_id.in_(ids), c.active.is_(True),
            or_(and_(c.team1_id.is_not(None), c.team2_id.is_not(None)), lobby))
    live = await load_matches(session, *base, c.status == MatchStatus.LIVE,
                              order_by=(c.scheduled_at, c.id))
    upcoming = await load_matches(session, *base, c.status == MatchStatus.READY, order_by=(
        c.scheduled_at.is_(None), c.scheduled_at, c.stage_id, c.number), limit=NEXT)
    # the latest results across every event, newest first by the time each is listed at
    # (its scheduled time; one never scheduled: when it was saved), not by the row last
    # written (the demo writes its events one after another; a correction rewrites an old one)
    recent = await load_matches(session, *base, c.status == MatchStatus.COMPLETED, order_by=(
        func.coalesce(c.scheduled_at, c.updated_at).desc(), c.id.desc()), limit=RECENT)
    every = [*live, *upcoming, *recent]
    stages = {s.id: s for s in (await session.exec(select(Stage).where(
        col(Stage.id).in_({m.stage_id for m in every})))).all()}
    events = {e.id: e for e in (await session.exec(select(Event).where(
        col(Event.id).in_({s.event_id for s in stages.values()})))).all()}
    teams = {t.id: t for t in (await session.exec(select(Team).where(col(Team.id).in_(
        {x for m in every for x in (m.team1_id, m.team2_id)})))).all()}
    by_id = {t.id: t for t in allowed}
    struck = await annulment.struck_in(session, {m.stage_id for m in every})
    solo = await solo_events(session, {s.event_id for s in stages.values()})

    def entry(m: MatchState) -> dict[str, Any] | None:
        stage = stages[m.stage_id]
        t = by_id[m.tournament_id]
        if not actor.may_referee(t.id or 0, t.published, stage.event_id):
            return None
        return views.match_view(m, t.timezone, struck.get(m.stage_id, annulment.NONE)) | {
            "tournament": views.tournament_view(t), "timezone": t.timezone,
            "event": views.event_view(events[stage.event_id], t.slug),
            "stage": views.stage_summary(stage),
            # of a one-on-one event: its lobby counts players
            "solo": solo[stage.event_id],
            "sides": [views.team_view(teams[x]) for x in (m.team1_id, m.team2_id)
                      if x is not None]}

    def listed(rows: Any) -> list[dict[str, Any]]:
        return [e for e in (entry(m) for m in rows) if e is not None]

    return {"live": listed(live), "next": listed(upcoming), "recent": listed(recent)}


async def console_context(session: AsyncSession, match_id: int) -> dict[str, Any] | None:
    """What the console of one match shows: the match, its stage, event, tournament and
    both teams (with rosters); None when it does not exist."""
    m = await load_match(session, match_id)
    if m is None or not m.active:
        return None
    stage = await session.get(Stage, m.stage_id)
    event = await session.get(Event, stage.event_id) if stage else None
    t = await session.get(Tournament, m.tournament_id)
    if stage is None or event is None or t is None:
        return None
    # every team of the event: a correction elsewhere may bring another one into this
    # match while the console is open, and it names it without asking the server
    found = {x.id: x for x in (await session.exec(select(Team).where(
        Team.event_id == event.id))).all()}
    struck = await annulment.struck_of(session, m.stage_id)
    return {"match": views.match_view(m, t.timezone, struck),
            "stage": views.stage_summary(stage),
            "event": views.event_view(event, t.slug), "tournament": t,
            "sides": [views.team_view(found[x]) if x in found else None
                      for x in (m.team1_id, m.team2_id)],
            "entrants": [views.team_view(x) for x in found.values()]}


async def lobby_teams(session: AsyncSession, match: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A free-for-all lobby's teams, in the lobby's order."""
    ids = [x for x in match["teams"] if x is not None]
    found = {x.id: x for x in (await session.exec(select(Team).where(
        col(Team.id).in_(ids)))).all()}
    return [dict(views.team_view(found[x])) for x in ids if x in found]
