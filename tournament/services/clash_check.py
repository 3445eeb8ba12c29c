"""What a scheduled match takes up, and the clashes (``formats/clashes.py``) of some
matches with every scheduled match of the tournament. Used by the schedule's edits
(``schedule.py``), by the round plans applied when a round's matches are made
(``round_plans.py``) and by the clash checks with round plans (``plan_clashes.py``: a
plan's matches last as long as stored ones, ``lengths`` and ``end_of``). Only the stored
matches near the time checked are read (``near``), for a plan as for matches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.clashes import GAME_MINUTES, Booking, Clash, clashes, expected_end, utc
from ..formats.state import MatchState
from ..models import Stage
from .sql_store import TABLE, load_matches

Span = tuple[datetime, datetime]  # from a first start to a last end
Settings = Mapping[str, Any] | None  # a stage's settings as stored


def lengths(settings: Settings) -> tuple[int, int]:
    """A stage's minutes a game and games a lobby plays (``game_minutes``, ``games``)."""
    given = settings or {}
    return given.get("game_minutes", GAME_MINUTES), given.get("games", 1)


def end_of(start: datetime, best_of: int, lobby: bool, game_minutes: int = GAME_MINUTES,
           lobby_games: int = 1) -> datetime:
    """When a match starting at ``start`` is taken to end: a lobby plays all its games,
    a series the games a side needs to win."""
    if lobby:
        return start + timedelta(minutes=game_minutes) * max(1, lobby_games)
    return expected_end(start, best_of, game_minutes)


def booking(m: MatchState, game_minutes: int = GAME_MINUTES,
            lobby_games: int = 1) -> Booking | None:
    """What a scheduled match takes up: its time (a lobby plays all its games), its teams
    (every team of a lobby), its station, stream and referee."""
    if m.scheduled_at is None or m.id is None or not m.active:
        return None
    start = utc(m.scheduled_at)
    return Booking(match_id=m.id, number=m.number, stage_id=m.stage_id, start=start,
                   end=end_of(start, m.best_of, m.lobby is not None, game_minutes,
                              lobby_games),
                   teams=frozenset(t for t in (m.lobby or m.teams) if t is not None),
                   venue=m.venue,
                   station=m.station, stream=m.stream_url, referee=m.referee_id)


def span(bookings: Iterable[Booking]) -> Span | None:
    """From the first start to the last end of ``bookings`` (None: none)."""
    listed = list(bookings)
    if not listed:
        return None
    return min(b.start for b in listed), max(b.end for b in listed)


def _longest_best_of(settings: Settings) -> int:
    """The longest best-of a stage's settings give its matches (a tiebreaker or an
    imported match may be longer: ``near`` reads those wherever they start)."""
    given = settings or {}
    found = [given.get(k) for k in ("best_of", "final_best_of", "decider_best_of")]
    found += list((given.get("best_of_by_round") or {}).values())
    return max([1, *(v for v in found if isinstance(v, int))])


def near(within: Span, settings: Iterable[Settings]) -> ColumnElement[bool]:
    """The stored matches that may overlap ``within`` (stages' ``settings``): those
    starting before its end and no longer before its start than the longest a match of
    the stages' best-ofs (and lobbies' games) lasts, and any longer one that starts before
    its end."""
    listed = [lengths(s) for s in settings] or [lengths(None)]
    best_of = max([_longest_best_of(s) for s in settings] or [1])
    longest = timedelta(minutes=max(m for m, _ in listed)) * max(
        [1, best_of // 2 + 1, *(g for _, g in listed)])
    start, end = within
    return and_(TABLE.c.scheduled_at < end, or_(TABLE.c.scheduled_at > start - longest,
                                                TABLE.c.best_of > best_of))


async def scheduled(session: AsyncSession, tournament_id: int,
                    settings: Mapping[int, Settings],
                    within: Span | None = None) -> list[Booking]:
    """The bookings of the tournament's scheduled matches (by stage and number); only
    those near ``within`` when given (more may come back: ``clashes`` looks closer)."""
    where = [TABLE.c.tournament_id == tournament_id, TABLE.c.active,
             TABLE.c.scheduled_at.is_not(None)]
    if within is not None:
        where.append(near(within, settings.values()))
    found = await load_matches(session, *where)
    return [b for m in found if (b := booking(m, *lengths(settings.get(m.stage_id))))
            is not None]


async def stage_settings(session: AsyncSession, tournament_id: int) -> dict[int, Settings]:
    return {sid: settings for sid, settings in (await session.exec(
        select(Stage.id, Stage.settings).where(Stage.tournament_id == tournament_id))).all()
        if sid is not None}


async def find_clashes(session: AsyncSession, tournament_id: int,
                       changed: Sequence[MatchState],
                       settings: Mapping[int, Settings] | None = None,
                       planned: Sequence[Booking] = ()) -> list[Clash]:
    """The clashes of the ``changed`` matches with every scheduled match of the tournament
    (as they are now) and the ``planned`` bookings (``plan_clashes.py``); ``settings``:
    the tournament's stages', read here when not given. Only the stored matches near the
    changed ones' time are read (``near``): no other can overlap them."""
    if settings is None:
        settings = await stage_settings(session, tournament_id)

    def book(m: MatchState) -> Booking | None:
        return booking(m, *lengths(settings.get(m.stage_id)))

    mine = [b for m in changed if (b := book(m)) is not None]
    within = span(mine)
    if within is None:  # nothing scheduled among them: nothing to clash
        return []
    stored = await load_matches(session, TABLE.c.tournament_id == tournament_id,
                                TABLE.c.active, TABLE.c.scheduled_at.is_not(None),
                                near(within, settings.values()))
    now = {m.id: m for m in changed}
    everyone = [b for m in stored if (b := book(now.pop(m.id, m))) is not None]
    everyone += [b for m in now.values() if (b := book(m)) is not None]
    return clashes(mine, [*everyone, *planned])
