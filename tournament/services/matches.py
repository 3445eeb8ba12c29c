"""Reporting and correcting a match: read it locked (``locked.py``), check who may, then
let the stage state machine change the stage, and finish the step (persist, advance,
announce)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, Forbidden, InvalidInput
from ..formats.machine import StageMachine
from ..formats.machine_types import ResultUpdate
from ..formats.types import FormatError, StageStatus
from ..schemas import GameDetail, MatchUpdate
from . import annulment, repairs, schedule, withdrawal_forfeits
from .actors import Actor
from .annulment import NO_WITHDRAWALS, event_withdrawals
from .locked import Locked, load_locked
from .progress import answer, domain_error
from .sql_store import SqlStore
from .steps import finish_locked

RESULT_FIELDS = {"status", "score", "games", "forfeit", "game"}
SCHEDULE_FIELDS = {"scheduled_at", "stream_url", "venue", "station", "referee_id"}


async def update_match(session: AsyncSession, match_id: int, body: MatchUpdate,
                       actor: Actor, if_match: int | None,
                       locked: Locked | None = None,
                       repaired: list[repairs.Repair] | None = None,
                       forfeits: list[repairs.Repair] | None = None) -> dict[str, Any]:
    """``locked``: the match's locked read when the caller made it (the audit trail reads
    ``before`` from it); otherwise made here. ``repaired``, when given, gets the other
    matches the change repaired (``repairs.py``); ``forfeits`` the other matches it
    forfeited for a withdrawn team it sent on (``withdrawal_forfeits.py``)."""
    if locked is None:
        locked = await load_locked(session, match_id)
    match, stage, tid = locked.match, locked.stage, locked.tournament_id
    if not actor.may_referee(tid, locked.tournament["published"], stage["event_id"]):
        raise Forbidden("not_assigned", "You are not a referee of this tournament.")
    teams = [match.team1_id, match.team2_id]
    stale = if_match is not None and if_match != match.version
    if stale or (body.expected_teams is not None and list(body.expected_teams) != teams):
        # the stored match as every read gives it: annulled or not (the referee's panel)
        struck = await annulment.struck_of(session, stage["id"]) if locked.any_withdrawn \
            else annulment.NONE
        extra = {"match": views.match_view(match, locked.timezone, struck)}
        if stale:
            raise Conflict("version_conflict",
                           f"The match changed (version {match.version}, not {if_match}); "
                           "reload and try again.", "If-Match", extra=extra)
        raise Conflict("teams_changed", "The teams of this match are no longer the ones "
                       "this change was made for; nothing was saved.", "expected_teams",
                       extra=extra,
                       params={"expected": list(body.expected_teams or []), "teams": teams})
    fields = body.model_fields_set - {"expected_teams"}
    if not fields - {"override"}:
        raise InvalidInput("empty_update", "Nothing to change: send status, score, games, "
                           "game, forfeit, scheduled_at, stream_url, venue, station, referee_id or "
                           "checked_in.")
    planning = fields & SCHEDULE_FIELDS
    if not actor.is_admin and planning:
        raise Forbidden("forbidden", "Referees change results, status and check-in; the "
                        "schedule, places and streams are for admins.", sorted(planning)[0])
    if fields & RESULT_FIELDS and stage["status"] == StageStatus.DRAFT:
        raise InvalidInput("stage_not_started", "This stage is a draft: start it before "
                           "results are reported.", "status")
    if fields & RESULT_FIELDS and not actor.is_admin:  # a withdrawal's forfeit stands
        withdrawal_forfeits.refuse_change(match, body.forfeit, body.status, fields)
    withdrawn = await event_withdrawals(session, stage["event_id"]) if locked.any_withdrawn \
        else NO_WITHDRAWALS
    store = SqlStore(session, stage["id"], [match, *locked.fed])
    machine = StageMachine(locked.stage_info(), store, withdrawn.teams,
                           withdrawn_at=withdrawn.at, reasons=withdrawn.why)
    values: dict[str, Any] = {f: getattr(body, f) for f in planning - {"scheduled_at"}}
    if "scheduled_at" in fields:  # stored in UTC: SQLite keeps no offset
        values["scheduled_at"] = body.scheduled_at.astimezone(UTC) \
            if body.scheduled_at else None
    if "referee_id" in fields:
        await schedule.check_referee(session, body.referee_id)
    if "checked_in" in fields and body.checked_in is not None:
        values |= schedule.check_in(match, body.checked_in, datetime.now(UTC))
    if values:
        machine.reschedule(match, **values)
    if planning:
        schedule.refuse(await schedule.match_clashes(session, tid, [match]),
                        body.override)
    try:
        if fields & RESULT_FIELDS:
            await machine.report(match.number, ResultUpdate(
                status=body.status, score=body.score,
                games=[g.model_dump() if isinstance(g, GameDetail) else g
                       for g in body.games] if body.games is not None else None,
                forfeit=body.forfeit,
                game=body.game.model_dump() if body.game is not None else None,
                given=frozenset(fields & RESULT_FIELDS)),
                may_reset=actor.is_admin)
    except FormatError as exc:
        raise domain_error(exc) from exc
    changes = await finish_locked(session, locked, machine, store)
    if repaired is not None:
        repaired += repairs.found(changes, match.number, store.first)
    if forfeits is not None:
        skip = {match.number, *(r.before.number for r in repaired or [])}
        forfeits += withdrawal_forfeits.found(changes, store.first, skip)
    return answer(match, locked.timezone, changes)
