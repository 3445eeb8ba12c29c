"""Reporting and correcting a match: check who may, then let the stage state machine
change the stage, and finish the step (persist, advance, announce)."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import exists, select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, Forbidden, InvalidInput, NotFound
from ..formats.machine import ResultUpdate
from ..formats.state import COLUMNS, MatchState
from ..formats.types import FormatError
from ..models import Stage, Team, Tournament
from ..schemas import GameDetail, MatchUpdate
from .actors import Actor
from .progress import answer, domain_error, machine_for, withdrawn_teams
from .sql_store import TABLE
from .steps import finish


async def load_for_write(session: AsyncSession,
                         match_id: int) -> tuple[MatchState, Stage, Tournament, bool]:
    """The match with its stage and tournament, in one query that also takes the
    tournament's write lock (``FOR UPDATE`` on PostgreSQL; SQLite writers already hold
    the database lock), so concurrent writers of a tournament never lose an update."""
    any_withdrawn = exists().where(col(Team.event_id) == col(Stage.event_id),
                                   col(Team.withdrawn))
    found = (await session.exec(  # type: ignore[call-overload]
        select(Stage, Tournament, any_withdrawn.label("any_withdrawn"), *TABLE.c)
        .join(Stage, col(Stage.id) == TABLE.c.stage_id)
        .join(Tournament, col(Tournament.id) == TABLE.c.tournament_id)
        .where(TABLE.c.id == match_id).with_for_update())).first()
    if found is None:
        raise NotFound("Match", match_id)
    values = found._mapping
    match = MatchState(**{c: values[TABLE.c[c]] for c in COLUMNS})
    return match, values[Stage], values[Tournament], bool(values["any_withdrawn"])


RESULT_FIELDS = {"status", "score", "games", "forfeit"}


async def update_match(session: AsyncSession, match_id: int, body: MatchUpdate,
                       actor: Actor, if_match: int | None) -> dict[str, Any]:
    match, stage, tournament, any_withdrawn = await load_for_write(session, match_id)
    assert tournament.id is not None and stage.id is not None
    if not actor.may_referee(tournament.id, tournament.published, stage.event_id):
        raise Forbidden("not_assigned", "You are not a referee of this tournament.")
    if if_match is not None and if_match != match.version:
        raise Conflict("version_conflict",
                       f"The match changed (version {match.version}, not {if_match}); "
                       "reload and try again.", "If-Match",
                       extra={"match": views.match_view(match, tournament.timezone)})
    fields = body.model_fields_set
    if not fields:
        raise InvalidInput("empty_update", "Nothing to change: send status, score, games, "
                           "forfeit, scheduled_at or stream_url.")
    if not actor.is_admin and fields & {"scheduled_at", "stream_url"}:
        raise Forbidden("forbidden", "Referees change results and status; schedule and "
                        "streams are for admins.", sorted(fields & {"scheduled_at",
                                                                      "stream_url"})[0])
    withdrawn = await withdrawn_teams(session, stage.event_id) if any_withdrawn \
        else frozenset()
    machine, store = machine_for(session, stage, withdrawn, [match])
    schedule: dict[str, Any] = {}
    if "scheduled_at" in fields:  # stored in UTC: SQLite keeps no offset
        schedule["scheduled_at"] = body.scheduled_at.astimezone(UTC) \
            if body.scheduled_at else None
    if "stream_url" in fields:
        schedule["stream_url"] = body.stream_url
    if schedule:
        machine.reschedule(match, **schedule)
    try:
        if fields & RESULT_FIELDS:
            await machine.report(match.number, ResultUpdate(
                status=body.status, score=body.score,
                games=[g.model_dump() if isinstance(g, GameDetail) else g
                       for g in body.games] if body.games is not None else None,
                forfeit=body.forfeit, given=frozenset(fields & RESULT_FIELDS)),
                may_reset=actor.is_admin)
    except FormatError as exc:
        raise domain_error(exc) from exc
    changes = await finish(session, tournament, stage, machine, store)
    return answer(match, tournament.timezone, changes)
