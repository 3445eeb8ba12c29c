"""What a scheduled match takes up, and the clashes (``formats/clashes.py``) of some
matches with every scheduled match of the tournament. Used by the schedule's edits
(``schedule.py``) and by the round plans applied when a round's matches are made
(``round_plans.py``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.clashes import GAME_MINUTES, Booking, Clash, clashes, expected_end, utc
from ..formats.state import MatchState
from ..models import Stage
from .sql_store import TABLE, load_matches


def booking(m: MatchState, game_minutes: int = GAME_MINUTES,
            lobby_games: int = 1) -> Booking | None:
    """What a scheduled match takes up: its time (a lobby plays all its games), its teams
    (every team of a lobby), its station, stream and referee."""
    if m.scheduled_at is None or m.id is None or not m.active:
        return None
    start = utc(m.scheduled_at)
    end = start + timedelta(minutes=game_minutes) * max(1, lobby_games) if m.lobby \
        else expected_end(start, m.best_of, game_minutes)
    return Booking(match_id=m.id, number=m.number, stage_id=m.stage_id, start=start, end=end,
                   teams=frozenset(t for t in (m.lobby or m.teams) if t is not None),
                   venue=m.venue,
                   station=m.station, stream=m.stream_url, referee=m.referee_id)


async def find_clashes(session: AsyncSession, tournament_id: int,
                       changed: Sequence[MatchState]) -> list[Clash]:
    stored = await load_matches(session, TABLE.c.tournament_id == tournament_id,
                                TABLE.c.active, TABLE.c.scheduled_at.is_not(None))
    lengths = {sid: ((settings or {}).get("game_minutes", GAME_MINUTES),
                     (settings or {}).get("games", 1)) for sid, settings in
               (await session.exec(select(Stage.id, Stage.settings).where(
                   Stage.tournament_id == tournament_id))).all()}

    def book(m: MatchState) -> Booking | None:
        return booking(m, *lengths.get(m.stage_id, (GAME_MINUTES, 1)))

    now = {m.id: m for m in changed}
    everyone = [b for m in stored if (b := book(now.pop(m.id, m))) is not None]
    everyone += [b for m in now.values() if (b := book(m)) is not None]
    return clashes([b for m in changed if (b := book(m)) is not None], everyone)
