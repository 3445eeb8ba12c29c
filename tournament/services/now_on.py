"""Which match a "now on" overlay shows: the one on a station (or in a stage) right now.

A producer sets one browser source per station (``/overlay/tournaments/{slug}/now``) and
never touches it again; the page picks the match, and the live feed makes it pick again
when a match there changes status. The rule, in order:

1. a live match there (several: the earliest scheduled, then the lowest number);
2. else the next one to be played there: ready or pending, with a time, the soonest (a
   late one still counts: it is next until it starts);
3. else the last one finished: the completed match scheduled last (then the highest
   number); a bye (a two-team match with a side missing) was never played and is skipped;
4. else none: the overlay is an empty, transparent frame.

Draft stages are left out for anyone but admins, as everywhere."""

from __future__ import annotations

from typing import Any

import sqlalchemy
from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..db import connection
from ..errors import BadRequest, DomainError, NotFound
from ..formats.state import MatchState
from ..formats.types import MatchStatus, StageFormat, StageStatus
from ..models import Stage, Tournament
from .sql_store import TABLE, load_matches
from .tournaments import VIEWER, shows

MAX_STATIONS_SAID = 12  # an unknown station's error lists the tournament's stations


class UnknownStation(DomainError):
    """A station no match of the tournament is on (a typo in the overlay's address)."""

    status = 404


def station_param(raw: str | None) -> str | None:
    """``?station=``: one line of at most 100 characters, as stations are stored."""
    if raw is None:
        return None
    value = raw.strip()
    if not value or len(value) > 100 or any(c in value for c in "\r\n\t"):
        raise BadRequest("invalid_parameter",
                         "station must be a station's name: one line of at most 100 "
                         "characters.", "station")
    return value


async def where_clause(session: AsyncSession, tournament: Tournament, station: str | None,
                       stage_id: int | None) -> list[ColumnElement[bool]]:
    """The matches the overlay chooses from: the tournament's, on that station and/or in
    that stage. An unknown (or hidden) stage, or a station none of its matches is on, is
    a 404: a typo would otherwise be an empty frame, on air, that nobody notices."""
    if station is None and stage_id is None:
        raise BadRequest("station_or_stage",
                         "Say which station (?station=) or stage (?stage=) the overlay "
                         "follows.")
    where: list[ColumnElement[bool]] = [TABLE.c.active,
                                        TABLE.c.tournament_id == tournament.id]
    if stage_id is not None:
        stage = await session.get(Stage, stage_id)
        if stage is None or stage.tournament_id != tournament.id or not shows(session, stage):
            raise NotFound("Stage", stage_id)
        where.append(TABLE.c.stage_id == stage_id)
    viewer = session.info.get(VIEWER)
    if viewer is None or not viewer.is_admin:
        where.append(TABLE.c.stage_id.not_in(select(Stage.id).where(
            Stage.tournament_id == tournament.id, Stage.status == StageStatus.DRAFT)))
    if station is not None:
        found = await load_matches(session, *where, TABLE.c.station == station, limit=1)
        if not found:
            raise UnknownStation("unknown_station",
                                 f"No match of this tournament is on station {station}.",
                                 params={"station": station,
                                         "stations": await stations(session, where)})
        where.append(TABLE.c.station == station)
    return where


async def stations(session: AsyncSession, where: list[ColumnElement[bool]]) -> list[str]:
    """The stations the matches of ``where`` are on, by name."""
    query = sqlalchemy.select(TABLE.c.station).where(*where, TABLE.c.station.is_not(None)).distinct(
    ).order_by(TABLE.c.station).limit(MAX_STATIONS_SAID)
    rows = (await (await connection(session)).execute(query)).all()
    return [str(r[0]) for r in rows]


async def now_on(session: AsyncSession, where: list[ColumnElement[bool]]) -> MatchState | None:
    """The match to show, by the rule above (three small indexed reads, one row each)."""
    live = await load_matches(session, *where, TABLE.c.status == MatchStatus.LIVE, order_by=(
        TABLE.c.scheduled_at.is_(None), TABLE.c.scheduled_at, TABLE.c.number,
        TABLE.c.stage_id), limit=1)
    if live:
        return live[0]
    upcoming = await load_matches(
        session, *where, TABLE.c.status.in_([MatchStatus.READY, MatchStatus.PENDING]),
        TABLE.c.scheduled_at.is_not(None),
        order_by=(TABLE.c.scheduled_at, TABLE.c.number, TABLE.c.stage_id), limit=1)
    if upcoming:
        return upcoming[0]
    played: Any = or_(TABLE.c.stage_id.in_(select(Stage.id).where(  # a lobby: no sides
        Stage.format == StageFormat.FREE_FOR_ALL)),
        and_(TABLE.c.team1_id.is_not(None), TABLE.c.team2_id.is_not(None)))
    done = await load_matches(session, *where, TABLE.c.status == MatchStatus.COMPLETED, played,
                              order_by=(TABLE.c.scheduled_at.is_(None),
                                        TABLE.c.scheduled_at.desc(), TABLE.c.number.desc(),
                                        TABLE.c.stage_id.desc()), limit=1)
    return done[0] if done else None
