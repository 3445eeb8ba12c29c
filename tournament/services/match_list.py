"""``GET /api/matches``: matches across a tournament, filtered and paged, for the day's
control board, scripts and stream tools. Ordered by scheduled time (unscheduled last), then
stage and number; ``late`` means scheduled in the past and not started."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..formats.clashes import utc
from ..formats.types import MatchStatus, StageStatus
from ..models import Event, Stage, Tournament
from . import annulment
from .sql_store import TABLE, load_matches
from .tournaments import VIEWER, event_by_slug, tournament_by_slug, visible

MAX_LIMIT = 200


@dataclass(frozen=True)
class MatchQuery:
    tournament: str | None = None
    event: str | None = None
    stage: int | None = None
    team: int | None = None
    status: str | None = None  # pending | ready | live | completed | late
    day: date | None = None  # in the tournament's time zone
    venue: str | None = None
    station: str | None = None
    referee: int | None = None
    limit: int = 50
    offset: int = 0


async def list_matches(session: AsyncSession, q: MatchQuery) -> dict[str, Any]:
    where: list[ColumnElement[bool]] = [TABLE.c.active]
    tz = "UTC"
    if q.tournament is not None:
        tournament = await tournament_by_slug(session, q.tournament)
        tz = tournament.timezone
        where.append(TABLE.c.tournament_id == tournament.id)
        if q.event is not None:
            event = await event_by_slug(session, tournament, q.event)
            where.append(TABLE.c.stage_id.in_(select(Stage.id).where(
                Stage.event_id == event.id)))
    elif q.event is not None:  # that event in every tournament (e.g. every LoL match)
        where.append(TABLE.c.stage_id.in_(select(Stage.id).join(
            Event, col(Event.id) == Stage.event_id).where(Event.slug == q.event)))
    viewer = session.info.get(VIEWER)
    admin = viewer is not None and viewer.is_admin
    if not admin:
        where.append(TABLE.c.stage_id.not_in(select(Stage.id).where(
            Stage.status == StageStatus.DRAFT)))
        # unpublished tournaments are left out in the query, so every page is full
        seen = select(Tournament.id).where(col(Tournament.published).is_(True))
        if viewer is not None and viewer.tournaments:
            seen = select(Tournament.id).where(or_(col(Tournament.published).is_(True),
                                                   col(Tournament.id).in_(viewer.tournaments)))
        where.append(TABLE.c.tournament_id.in_(seen))
    for column, value in ((TABLE.c.stage_id, q.stage), (TABLE.c.venue, q.venue),
                          (TABLE.c.station, q.station), (TABLE.c.referee_id, q.referee)):
        if value is not None:
            where.append(column == value)
    if q.team is not None:
        where.append(or_(TABLE.c.team1_id == q.team, TABLE.c.team2_id == q.team))
    now = datetime.now(UTC)
    if q.status == "late":
        where += [TABLE.c.status.in_([MatchStatus.PENDING, MatchStatus.READY]),
                  TABLE.c.scheduled_at < now]
    elif q.status is not None:
        where.append(TABLE.c.status == q.status)
    if q.day is not None:
        start = datetime.combine(q.day, time(), ZoneInfo(tz)).astimezone(UTC)
        where += [TABLE.c.scheduled_at >= start,
                  TABLE.c.scheduled_at < start + timedelta(days=1)]
    rows = await load_matches(session, *where, order_by=(
        TABLE.c.scheduled_at.is_(None), TABLE.c.scheduled_at, TABLE.c.stage_id,
        TABLE.c.number), limit=q.limit + 1 + q.offset)
    rows = rows[q.offset:]
    stages = {s.id: s for s in (await session.exec(select(Stage).where(
        col(Stage.id).in_({m.stage_id for m in rows})))).all()}
    tournaments: dict[int, Tournament] = {}
    events: dict[int, Event] = {}
    items = []
    struck = await annulment.struck_in(session, {m.stage_id for m in rows[:q.limit]})
    for m in rows[:q.limit]:
        stage = stages[m.stage_id]
        t = tournaments.get(stage.tournament_id) or await session.get(Tournament,
                                                                       stage.tournament_id)
        e = events.get(stage.event_id) or await session.get(Event, stage.event_id)
        assert t is not None and e is not None
        tournaments[stage.tournament_id], events[stage.event_id] = t, e
        if not visible(session, t):
            continue
        items.append({**views.match_view(m, t.timezone, struck.get(m.stage_id, annulment.NONE)),
                      "tournament": t.slug,
                      "event": views.event_view(e, t.slug),
                      "stage": views.stage_summary(stage),
                      "late": m.status in (MatchStatus.PENDING, MatchStatus.READY)
                      and m.scheduled_at is not None
                      and utc(m.scheduled_at) < now})
    more = len(rows) > q.limit
    # next: a string (an opaque cursor), as it always was; limit: the page size used
    return {"items": items, "next": str(q.offset + q.limit) if more else None,
            "limit": q.limit}

