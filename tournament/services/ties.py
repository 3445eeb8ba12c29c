"""Ties the tiebreakers could not break: a tiebreaker match between two of the tied teams,
or the organizer's recorded order (with the reason, shown beside the standings).

Either may decide who goes through. A tiebreaker match reopens the stage, so it is not
allowed once a stage seeded from this one has started; a recorded order is saved then only
when that stage would get the very same teams in the very same seeds (or, with no result
yet, follows the new standings: ``waiting.follow``), and refused otherwise with the reason
(``field_refusal.py``), as a correction of a result is.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, InvalidInput, NotFound
from ..formats.state import MatchState
from ..formats.types import Bracket, FormatError, MatchStatus, StageStatus
from ..live.outbox import emit
from ..models import Stage, Tournament, utcnow
from ..schemas import TiebreakerCreate, TieResolution
from . import waiting
from .annulment import event_withdrawals
from .context import lock_tournament
from .progress import domain_error, machine_for
from .reads import tournament_detail
from .stage_reads import stage_matches, stage_view
from .standings import rows as standing_rows
from .steps import finish

Place = tuple[int | None, int]  # (group, rank)


async def _for_write(session: AsyncSession, stage_id: int,
                     follows: bool = False) -> tuple[Stage, Tournament]:
    """The stage, locked; ``follows``: a change the stages started from it may follow
    (checked after it, ``_publish``), else refused once one has started."""
    stage = await session.get(Stage, stage_id)
    if stage is None:
        raise NotFound("Stage", stage_id)
    tournament = await session.get(Tournament, stage.tournament_id)
    assert tournament is not None and tournament.id is not None
    await lock_tournament(session, tournament.id)
    await session.refresh(stage)
    if stage.status == StageStatus.PENDING:
        raise InvalidInput("stage_not_started", "This stage has not started; it has no "
                           "standings to break a tie in yet.")
    if follows:
        return stage, tournament
    started = (await session.exec(select(Stage).where(
        Stage.event_id == stage.event_id, Stage.status != StageStatus.PENDING))).all()
    if any(s.source and s.source.get("from_stage") == stage.id for s in started):
        raise Conflict("next_stage_started", "A stage seeded from this one has already "
                       "started; its seeding can no longer change.")
    return stage, tournament


def _places(table: list[dict[str, Any]]) -> dict[Place, list[int]]:
    """Every place held by two or more teams (a tie), by group and rank."""
    places: dict[Place, list[int]] = {}
    for row in table:
        if row["rank"] is not None:
            places.setdefault((row.get("group"), row["rank"]), []).append(row["team_id"])
    return {place: teams for place, teams in places.items() if len(teams) > 1}


def _ties_text(ties: dict[Place, list[int]]) -> str:
    if not ties:
        return "There is no tie in this stage now."
    return "Tied now: " + "; ".join(
        f"{', '.join(map(str, teams))} (place {rank})" for (_, rank), teams in ties.items())


async def add_tiebreaker(session: AsyncSession, stage_id: int,
                         body: TiebreakerCreate) -> views.MatchView:
    stage, tournament = await _for_write(session, stage_id)
    a, b = body.teams
    machine, store = machine_for(session, stage, await event_withdrawals(session,
                                                                        stage.event_id))
    try:
        match = await machine.add_tiebreaker(a, b, body.best_of)
    except FormatError as exc:
        raise domain_error(exc) from exc
    await finish(session, tournament, stage, machine, store)
    return views.match_view(match, tournament.timezone)


async def resolve(session: AsyncSession, stage_id: int,
                  body: TieResolution) -> views.StageView:
    stage, tournament = await _for_write(session, stage_id, follows=True)
    assert stage.id is not None
    if len(set(body.teams)) != len(body.teams):
        raise InvalidInput("duplicate_team", "A team appears twice in the order.", "teams")
    matches = await stage_matches(session, stage.id)
    _refuse_pending_tiebreaker(matches, body.teams)
    ties = _places(standing_rows(stage, matches, await event_withdrawals(session,
                                                                       stage.event_id)))
    if not any(set(teams) == set(body.teams) for teams in ties.values()):
        raise InvalidInput("not_a_tie", "The order must name exactly the teams that share "
                           "one place. " + _ties_text(ties), "teams")
    stage.resolutions = [*(stage.resolutions or []), {
        "teams": body.teams, "reason": body.reason, "at": views.iso(utcnow())}]
    session.add(stage)
    await session.flush()
    await _publish(session, tournament, stage, stage.status == StageStatus.COMPLETED)
    return await stage_view(session, stage, tournament)


def _refuse_pending_tiebreaker(matches: list[MatchState], teams: list[int]) -> None:
    """A recorded order is refused while a tiebreaker match of its teams is still to be
    played: the match, once played, is the stronger evidence, and an order recorded first
    would outrank its result. Play it (or reset it) first; once played, its result orders
    its two teams and the order ranks the rest."""
    named = set(teams)
    pending = [m for m in matches if m.bracket == Bracket.TIEBREAKER
               and m.status != MatchStatus.COMPLETED
               and named & {m.team1_id, m.team2_id}]
    if pending:
        numbers = [m.number for m in pending]
        raise Conflict("tiebreaker_pending", "A tiebreaker match of these teams is not played "
                       f"yet ({', '.join(f'M{n}' for n in numbers)}); report it first.",
                       "teams", params={"matches": numbers})


async def _publish(session: AsyncSession, tournament: Tournament, stage: Stage,
                   final_changed: bool) -> None:
    """The stage (and the stages waiting for it) on the feed; the nation table when final
    places may have moved. A stage already started from it follows the new standings, or
    refuses the change (``waiting.follow``)."""
    assert tournament.id is not None
    changed = await waiting.sync(session, stage)
    changed += await waiting.follow(session, stage, changed)
    await session.flush()
    for s in (stage, *changed):
        await emit(session, tournament.id, "stage.updated", await stage_view(session, s,
                                                                             tournament))
    if final_changed or changed:
        await emit(session, tournament.id, "tournament.updated",
                   await tournament_detail(session, tournament.slug))
