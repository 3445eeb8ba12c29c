"""The stage state machine (``formats/machine.py``) over the database: build it for a
stored stage, ``start`` a stage, ``persist`` what a step changed (match rows, the stage
row) and ``announce`` it on the live feed, all in the caller's transaction. ``steps.py``
strings these together after a result or a withdrawal."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, Forbidden, InvalidInput
from ..formats import registry
from ..formats.machine import StageMachine
from ..formats.machine_types import Changes, StageInfo, utcnow
from ..formats.state import MatchState
from ..formats.types import FormatError, NeedsAdmin, Refused, StageStatus
from ..live.outbox import emit, emit_many
from ..models import Stage, Tournament
from . import field_sizes, round_plans
from .annulment import Withdrawals, event_withdrawals
from .reads import tournament_detail
from .sql_store import SqlStore
from .stage_reads import stage_view


def domain_error(exc: FormatError) -> InvalidInput | Forbidden | Conflict:
    """A format's error as the API answers it (422; 403 for what only an admin may do; 409
    for what the stage as it stands refuses to anyone)."""
    kind: type[InvalidInput | Forbidden | Conflict] = (
        Forbidden if isinstance(exc, NeedsAdmin) else
        Conflict if isinstance(exc, Refused) else InvalidInput)
    return kind(exc.code, exc.message, exc.field, params=exc.params)


INFO_KEYS = ("id", "tournament_id", "format", "settings", "status", "seeding_method",
             "resolutions", "completed_at")


def stage_info(stage: Stage) -> StageInfo:
    assert stage.id is not None
    return info_from({k: getattr(stage, k) for k in INFO_KEYS}, list(stage.seeding or []))


def info_from(s: Mapping[str, Any], seeding: Sequence[int]) -> StageInfo:
    """The machine's view of a stage from its columns (an ORM row's or a plain row's)."""
    fmt = registry.get(s["format"])
    return StageInfo(
        id=s["id"], tournament_id=s["tournament_id"], format=fmt,
        settings=fmt.parse_settings(s["settings"] or {}), seeding=seeding,
        status=StageStatus(s["status"]), seeding_method=s["seeding_method"],
        resolutions=tuple(tuple(r["teams"]) for r in s["resolutions"] or []),
        completed_at=s.get("completed_at"))


async def start(session: AsyncSession, stage: Stage, seeding: list[int],
                check_rounds: bool = True) -> Changes:
    """Plan the stage for ``seeding`` and write its matches (byes settled); a seeding the
    format cannot play raises the format's own error, and so (``check_rounds``: the
    organizer's own create or edit) does a ``best_of_by_round`` key naming a round the
    planned stage does not have."""
    store = SqlStore(session, stage.id or 0)
    info = replace(stage_info(stage), seeding=list(seeding))
    withdrawn = await event_withdrawals(session, stage.event_id)
    machine = StageMachine(info, store, withdrawn.teams, withdrawn_at=withdrawn.at,
                           reasons=withdrawn.why)
    changes = await machine.start()  # plans first: a seeding it cannot play changes nothing
    if check_rounds:
        info.format.check_rounds(list(changes.added.values()), info.settings)
    stage.seeding = seeding
    await persist(session, stage, changes, store)
    return changes


def machine_for(session: AsyncSession, stage: Stage, withdrawn: Withdrawals,
                loaded: list[MatchState] | None = None,
                clock: Callable[[], datetime] = utcnow) -> tuple[StageMachine, SqlStore]:
    store = SqlStore(session, stage.id or 0, loaded or ())
    return StageMachine(stage_info(stage), store, withdrawn.teams, clock,
                        withdrawn.at, withdrawn.why), store


async def persist(session: AsyncSession, stage: Stage, changes: Changes,
                  store: SqlStore) -> None:
    planned = round_plans.apply(stage, changes)  # a round planned ahead gets its times
    await store.save(changes)
    await round_plans.record(session, stage, planned)
    if changes.status is not None:
        stage.status = changes.status
        # a team withdrawing after this leaves the final order as it stands
        stage.completed_at = utcnow() if changes.status == StageStatus.COMPLETED else None
        if changes.status == StageStatus.RUNNING:
            stage.hold = None
        session.add(stage)
    await session.flush()


def reshaped(changes: Changes, released: Sequence[Stage] = ()) -> bool:
    """Whether a step changed more than its matches' rows: the stage's status or shape,
    the stages it started, or a free-for-all game (new standings)."""
    return changes.status is not None or bool(changes.dropped or changes.added or released) \
        or any(m.lobby is not None for m in changes.changed.values())


# A stage of at most this many teams is sent whole (``stage.updated``) after every result
# that moves its standings, as API.md has it; a larger one only when its shape or status
# changes (10 MB at 8,192 teams for each report): its readers re-read it (docs/api.md).
STANDINGS_EVENT_TEAMS = 256


def moves_standings(changes: Changes) -> bool:
    """Whether a step can have moved the standings: a result given, corrected or taken back
    (a live score or a schedule alone does not)."""
    return changes.scored or bool(changes.reset)


async def announce(session: AsyncSession, tournament: Tournament, stage: Stage,
                   changes: Changes, released: list[Stage], standings: bool = False) -> None:
    """Every changed match, then the stage (and the stages it started) when its shape or
    status changed or (``standings``) its standings may have moved, then the tournament
    with its nation table when a stage finished or reopened or its standings moved."""
    assert tournament.id is not None
    await announce_matches(session, tournament.id, tournament.timezone, changes)
    if reshaped(changes, released) or standings:
        # and the stages waiting further down the chain: how many teams they will hold
        # follows the stages released (started, or held for too few teams)
        later = await field_sizes.waiting_after(session, released) if released else []
        for s in (stage, *released, *later):
            await emit(session, tournament.id, "stage.updated",
                       await stage_view(session, s, tournament))
    # the nation table moves with a result too (a knockout loser's place, a match between
    # two nations' teams): a result that moved a small stage's standings sends it as well
    if changes.status is not None or released or standings:
        await emit(session, tournament.id, "tournament.updated",
                   await tournament_detail(session, tournament.slug))


async def announce_matches(session: AsyncSession, tournament_id: int, tz: str,
                           changes: Changes) -> None:
    """Every changed match in play, in number order, as one ``match.updated`` event each.
    A grand-final reset out of play (not needed, or no longer) is not announced: readers
    see it go with ``stage.updated`` and in ``reset_matches``, as a withdrawn Swiss round."""
    await emit_many(session, tournament_id, [
        ("match.updated", views.match_view(m, tz, changes.struck))
        for m in changes.ordered() if m.active])


def reset_numbers(changes: Changes) -> list[int]:
    """The ids of the matches a correction cleared, withdrew or took out of play (a
    grand-final reset no longer needed): ``reset_matches``."""
    return sorted({m.id for m in (*changes.reset.values(), *changes.dropped,
                                  *changes.deactivated.values()) if m.id is not None})


def answer(match: MatchState, tz: str, changes: Changes) -> dict[str, Any]:
    return dict(views.match_view(match, tz, changes.struck)) | {
        "reset_matches": reset_numbers(changes)}
