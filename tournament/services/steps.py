"""After the stage state machine changed a stage (a result, a withdrawal): the steps that
follow, in the caller's transaction."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.machine import Changes, StageMachine
from ..models import Stage, Tournament
from . import waiting
from .locked import Locked
from .progress import announce, announce_matches, persist, reshaped
from .sql_store import SqlStore


async def finish(session: AsyncSession, tournament: Tournament, stage: Stage,
                 machine: StageMachine, store: SqlStore) -> Changes:
    """Advance (the next Swiss round, the stage's status), persist, start or hold the
    stages waiting for this one, and announce everything on the live feed."""
    changes = await machine.advance()
    await _after(session, tournament, stage, changes, store)
    return changes


async def finish_locked(session: AsyncSession, locked: Locked, machine: StageMachine,
                        store: SqlStore) -> Changes:
    """``finish`` for a change that began with the locked read (``locked.py``). A step that
    changed only matches (most results) is saved and announced from the plain rows, with
    the same statements; the stage and tournament become ORM objects only for a step that
    changes more."""
    changes = await machine.advance()
    if reshaped(changes):
        tournament, stage = locked.objects(session)
        await _after(session, tournament, stage, changes, store)
    else:  # what persist() and announce() do when neither the stage nor its shape changed
        await store.save(changes)
        if session.new or session.dirty or session.deleted:  # a flush of nothing: skipped
            await session.flush()
        await announce_matches(session, locked.tournament_id, locked.timezone, changes)
    return changes


async def _after(session: AsyncSession, tournament: Tournament, stage: Stage,
                 changes: Changes, store: SqlStore) -> None:
    await persist(session, stage, changes, store)
    released = await waiting.sync(session, stage) if changes.status else []
    await announce(session, tournament, stage, changes, released)
