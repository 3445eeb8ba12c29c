"""A tournament's day as the organizers run it: the control board (live, late and next
matches across every event, with check-in and no-shows) and the run sheet (every match of a
day by venue and station). Times are read in the tournament's time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..formats import registry
from ..formats.clashes import utc
from ..formats.state import MatchState
from ..formats.types import MatchStatus, StageStatus
from ..models import Event, Stage, Team, Tournament, User
from . import annulment
from .sql_store import TABLE, load_matches
from .tournaments import solo_events, tournament_by_slug

# How long a team may be late before the board offers its no-show as a forfeit.
GRACE_MINUTES = 10
NEXT_COUNT = 12  # matches shown under "next"
WAITING = (MatchStatus.PENDING, MatchStatus.READY)



@dataclass(frozen=True)
class Row:
    """One match on the board or the sheet, with what a person needs to read it."""

    match: dict[str, Any]
    sides: list[dict[str, Any] | None]
    stage: dict[str, Any]
    event: dict[str, Any]
    round_label: tuple[str, Any]
    referee: str | None
    late_minutes: int  # minutes past its time, not started (0: not late)
    no_show: list[int]  # sides (1, 2) that have not checked in past the grace period
    solo: bool  # of a one-on-one event (its lobby counts players)

    def as_dict(self) -> dict[str, Any]:
        return {"match": self.match, "sides": self.sides, "stage": self.stage,
                "event": self.event, "round_label": self.round_label,
                "referee": self.referee, "late_minutes": self.late_minutes,
                "no_show": self.no_show, "solo": self.solo}


async def _rows(session: AsyncSession, t: Tournament, found: list[MatchState], now: datetime,
                grace: int) -> list[Row]:
    team_ids = {x for m in found for x in (m.team1_id, m.team2_id) if x}
    found_teams = (await session.exec(select(Team).where(col(Team.id).in_(team_ids)))).all()
    teams: dict[int | None, dict[str, Any]] = {x.id: dict(views.team_view(x))
                                               for x in found_teams}
    stages = {s.id: s for s in (await session.exec(select(Stage).where(
        col(Stage.id).in_({m.stage_id for m in found})))).all()}
    events = {e.id: e for e in (await session.exec(
        select(Event).where(Event.tournament_id == t.id))).all()}
    struck = await annulment.struck_in(session, {m.stage_id for m in found})
    solo = await solo_events(session, {s.event_id for s in stages.values()})
    referees = {u.id: u.name for u in (await session.exec(select(User).where(
        col(User.id).in_({m.referee_id for m in found if m.referee_id})))).all()}
    rows = []
    for m in found:
        stage = stages[m.stage_id]
        late = 0
        if m.status in WAITING and m.scheduled_at is not None:
            late = max(0, int((now - utc(m.scheduled_at)).total_seconds() // 60))
        checked = (m.checked_in1_at, m.checked_in2_at)
        both = m.team1_id is not None and m.team2_id is not None
        no_show = [side for side in (1, 2) if both and checked[side - 1] is None
                   and late > grace] if m.status in WAITING else []
        rows.append(Row(
            match=dict(views.match_view(m, t.timezone, struck.get(m.stage_id, annulment.NONE))),
            sides=[teams.get(m.team1_id or 0), teams.get(m.team2_id or 0)],
            stage=dict(views.stage_summary(stage)),
            event=dict(views.event_view(events[stage.event_id], t.slug)),
            round_label=registry.get(stage.format).match_label(
                {"bracket": m.bracket, "round": m.round, "group": m.group,
                 "number": m.number}, len(stage.seeding or []), stage.settings or {}),
            referee=referees.get(m.referee_id) if m.referee_id else None,
            late_minutes=late, no_show=no_show, solo=solo[stage.event_id]))
    return rows


def _playing(t: Tournament) -> list[Any]:
    """Matches people play: active, of a started stage, with both teams known or to come."""
    drafts = select(Stage.id).where(Stage.status == StageStatus.DRAFT)
    return [TABLE.c.tournament_id == t.id, TABLE.c.active, TABLE.c.stage_id.not_in(drafts)]


def _real(m: MatchState) -> bool:
    """Not a bye (a match one of whose sides will never come); a lobby has no sides."""
    return m.lobby is not None or not ((m.team1_id is None and m.filled1)
                                       or (m.team2_id is None and m.filled2))


async def board(session: AsyncSession, slug: str, now: datetime,
                grace: int = GRACE_MINUTES) -> dict[str, Any]:
    """Live matches, late ones (past their time, not started; no-shows past ``grace``
    minutes offered as forfeits) and the next ones to come, across every event."""
    t = await tournament_by_slug(session, slug)
    live = await load_matches(session, *_playing(t), TABLE.c.status == MatchStatus.LIVE,
                              order_by=(TABLE.c.scheduled_at, TABLE.c.id))
    late = await load_matches(session, *_playing(t), TABLE.c.status.in_(WAITING),
                              TABLE.c.scheduled_at < now,
                              order_by=(TABLE.c.scheduled_at, TABLE.c.id))
    soon = await load_matches(session, *_playing(t), TABLE.c.status.in_(WAITING),
                              TABLE.c.scheduled_at >= now,
                              order_by=(TABLE.c.scheduled_at, TABLE.c.id), limit=NEXT_COUNT)
    return {"live": [r.as_dict() for r in await _rows(session, t, live, now, grace)],
            "late": [r.as_dict() for r in await _rows(session, t, [m for m in late if _real(m)],
                                                     now, grace)],
            "next": [r.as_dict() for r in await _rows(session, t, [m for m in soon if _real(m)],
                                                     now, grace)],
            "grace": grace, "now": now.isoformat()}


async def match_days(session: AsyncSession, slug: str) -> list[date]:
    """The tournament's days: from its first to its last day, and any day a match is set."""
    t = await tournament_by_slug(session, slug)
    tz = ZoneInfo(t.timezone)
    days: set[date] = set()
    if t.starts_on and t.ends_on and t.starts_on <= t.ends_on:
        span = (t.ends_on - t.starts_on).days
        days |= {t.starts_on + timedelta(days=i) for i in range(min(span, 60) + 1)}
    times = (await session.exec(select(TABLE.c.scheduled_at).where(
        *_playing(t), TABLE.c.scheduled_at.is_not(None)).distinct())).all()
    days |= {utc(v).astimezone(tz).date() for v in times}
    return sorted(days)


async def run_sheet(session: AsyncSession, slug: str, day: date,
                    now: datetime) -> list[dict[str, Any]]:
    """The day's matches by venue, then station, in time order: one table each (``solo``:
    every match of it is of a one-on-one event)."""
    t = await tournament_by_slug(session, slug)
    start = datetime.combine(day, time(), ZoneInfo(t.timezone)).astimezone(UTC)
    found = await load_matches(session, *_playing(t), TABLE.c.scheduled_at >= start,
                               TABLE.c.scheduled_at < start + timedelta(days=1),
                               order_by=(TABLE.c.scheduled_at, TABLE.c.stage_id,
                                         TABLE.c.number))
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in await _rows(session, t, [m for m in found if _real(m)], now, GRACE_MINUTES):
        key = (r.match["venue"] or "", r.match["station"] or "")
        groups.setdefault(key, []).append(r.as_dict())
    # a table of one-on-one events only heads its entrants "Players"
    return [{"venue": v, "station": s, "rows": rows, "solo": all(r["solo"] for r in rows)}
            for (v, s), rows in sorted(groups.items(), key=lambda kv: (kv[0][0] == "",
                                                                       kv[0][0], kv[0][1] == "",
                                                                       kv[0][1]))]
