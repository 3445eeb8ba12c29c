"""After the stage state machine changed a stage (a result, a withdrawal): the steps that
follow, in the caller's transaction."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.machine import StageMachine
from ..formats.machine_types import Changes
from ..formats.types import StageStatus
from ..models import Stage, Tournament
from . import waiting
from .locked import Locked
from .progress import (
    STANDINGS_EVENT_TEAMS,
    announce,
    announce_matches,
    moves_standings,
    persist,
    reshaped,
)
from .sql_store import SqlStore


async def finish(session: AsyncSession, tournament: Tournament, stage: Stage,
                 machine: StageMachine, store: SqlStore) -> Changes:
    """Advance (the next Swiss round, the stage's status), persist, start or hold the
    stages waiting for this one, and announce everything on the live feed."""
    changes = await machine.advance()
    standings = moves_standings(changes) and len(stage.seeding or []) <= STANDINGS_EVENT_TEAMS
    await _after(session, tournament, stage, changes, store, standings)
    return changes


async def finish_locked(session: AsyncSession, locked: Locked, machine: StageMachine,
                        store: SqlStore) -> Changes:
    """``finish`` for a change that began with the locked read (``locked.py``). A step that
    changed only matches (most results) is saved and announced from the plain rows, with
    the same statements; the stage and tournament become ORM objects only for a step that
    changes more."""
    changes = await machine.advance()
    standings = moves_standings(changes) and locked.seeding.at_most(STANDINGS_EVENT_TEAMS)
    # a finished stage's result changed: the stages seeded from it may have to follow
    finished = locked.stage.get("status") == StageStatus.COMPLETED and moves_standings(changes)
    if reshaped(changes) or standings or finished:
        tournament, stage = locked.objects(session)
        await _after(session, tournament, stage, changes, store, standings)
    else:  # what persist() and announce() do when neither the stage nor its shape changed
        await store.save(changes)
        if session.new or session.dirty or session.deleted:  # a flush of nothing: skipped
            await session.flush()
        await announce_matches(session, locked.tournament_id, locked.timezone, changes)
    return changes


async def _after(session: AsyncSession, tournament: Tournament, stage: Stage,
                 changes: Changes, store: SqlStore, standings: bool = False) -> None:
    was_finished = stage.status == StageStatus.COMPLETED
    await persist(session, stage, changes, store)
    released = await waiting.sync(session, stage) if changes.status else []
    if changes.status or (was_finished and moves_standings(changes)):
        undone = sorted([*changes.reset, *(m.number for m in changes.dropped)])
        released += await waiting.follow(session, stage, released, undone)
    await announce(session, tournament, stage, changes, released, standings)
