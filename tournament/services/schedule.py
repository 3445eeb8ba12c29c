"""When and where matches are played: clash checks (``formats/clashes.py``) against every
scheduled match of the tournament, a whole round scheduled at once, check-in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, InvalidInput, NotFound
from ..formats.clashes import GAME_MINUTES, Booking, Clash, clashes, expected_end, utc
from ..formats.state import MatchState
from ..models import Stage, Tournament, User
from ..schemas_edit import RoundSchedule
from .context import lock_tournament
from .progress import machine_for, withdrawn_teams
from .sql_store import TABLE, load_matches
from .steps import finish


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


def refuse(found: list[Clash], override: bool) -> None:
    """A clash is refused unless the organizer overrides it (the answer lists them)."""
    if found and not override:
        listed = [c.as_dict() for c in found]
        raise Conflict("schedule_clash", "This schedule puts a team, a station, a stream or a "
                       "referee in two places at once: " + "; ".join(
                           f"{c.kind} {c.detail} with match {c.other_id}" for c in found)
                       + ". Send override to save it anyway.", "scheduled_at",
                       extra={"clashes": listed}, params={"clashes": listed})


async def check_referee(session: AsyncSession, referee_id: int | None) -> None:
    if referee_id is None:
        return
    user = await session.get(User, referee_id)
    if user is None:
        raise InvalidInput("unknown_user", f"User {referee_id} does not exist.", "referee_id")


def check_in(m: MatchState, sides: Sequence[bool], now: datetime) -> dict[str, object]:
    """The new check-in times: a side checked in keeps its first time; unchecked clears."""
    return {"checked_in1_at": (m.checked_in1_at or now) if sides[0] else None,
            "checked_in2_at": (m.checked_in2_at or now) if sides[1] else None}


async def schedule_round(session: AsyncSession, stage_id: int,
                         body: RoundSchedule) -> list[views.MatchView]:
    stage = await session.get(Stage, stage_id)
    if stage is None or stage.id is None:
        raise NotFound("Stage", stage_id)
    tournament = await session.get(Tournament, stage.tournament_id)
    assert tournament is not None and tournament.id is not None
    await lock_tournament(session, tournament.id)
    await check_referee(session, body.referee_id)
    machine, store = machine_for(session, stage, await withdrawn_teams(session,
                                                                        stage.event_id))
    chosen = [m for m in await store.all() if m.active and m.round == body.round
              and (body.bracket is None or m.bracket == body.bracket)
              and (body.group is None or m.group == body.group)]
    if not chosen:
        raise InvalidInput("no_matches", f"Round {body.round} of this stage has no such "
                           "matches.", "round")
    start = utc(body.starts_at)
    # each station plays at once: with two stations M1 and M2 start together, M3 and M4 an
    # interval later (one after another on one station otherwise)
    wave = max(1, len(body.stations))
    for i, m in enumerate(chosen):
        values: dict[str, object] = {
            "scheduled_at": start + timedelta(minutes=body.interval_minutes * (i // wave))}
        if body.venue is not None:
            values["venue"] = body.venue
        if body.stations:
            values["station"] = body.stations[i % len(body.stations)]
        if body.stream_url is not None:
            values["stream_url"] = body.stream_url
        if body.referee_id is not None:
            values["referee_id"] = body.referee_id
        machine.reschedule(m, **values)
    refuse(await find_clashes(session, tournament.id, chosen), body.override)
    await finish(session, tournament, stage, machine, store)
    return [views.match_view(m, tournament.timezone) for m in chosen]
