"""After the stage state machine changed a stage (a result, a withdrawal): the steps that
follow, in the caller's transaction."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.machine import Changes, StageMachine
from ..models import Stage, Tournament
from . import waiting
from .progress import announce, persist
from .sql_store import SqlStore


async def finish(session: AsyncSession, tournament: Tournament, stage: Stage,
                 machine: StageMachine, store: SqlStore) -> Changes:
    """Advance (the next Swiss round, the stage's status), persist, start or hold the
    stages waiting for this one, and announce everything on the live feed."""
    changes = await machine.advance()
    await persist(session, stage, changes, store)
    released = await waiting.sync(session, stage) if changes.status else []
    await announce(session, tournament, stage, changes, released)
    return changes
