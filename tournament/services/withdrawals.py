"""A team withdraws or is disqualified: it forfeits every match it has left, and every
match it would reach later (the stage state machine's ``withdraw``). When it withdrew is
kept (``Team.withdrawn_at``), and the matches it forfeits now are stamped with that very
moment: a stage it had played out before keeps its results (``formats/withdrawal.py``)."""

from __future__ import annotations

from typing import Any

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, NotFound
from ..formats.types import StageStatus
from ..live.outbox import emit
from ..models import Event, Stage, Team, Tournament, utcnow
from . import withdrawal_forfeits
from .annulment import event_withdrawals
from .context import lock_tournament
from .progress import machine_for
from .repairs import Repair
from .steps import finish


async def withdraw(session: AsyncSession, team_id: int, reason: str,
                   forfeits: list[Repair] | None = None) -> dict[str, Any]:
    """``forfeits``, when given, gets every match the withdrawal forfeited, the team's own
    and those another withdrawn team forfeits on its way (``withdrawal_forfeits.py``)."""
    team = await session.get(Team, team_id)
    if team is None or team.id is None:
        raise NotFound("Team", team_id)
    event = await session.get(Event, team.event_id)
    assert event is not None and event.id is not None
    tournament = await session.get(Tournament, event.tournament_id)
    assert tournament is not None and tournament.id is not None
    await lock_tournament(session, tournament.id)
    await session.refresh(team)
    if team.withdrawn:
        raise Conflict("already_withdrawn", "This team has already withdrawn.")
    now = utcnow()
    team.withdrawn = True
    team.withdrawn_at = now
    team.withdrawn_reason = reason
    session.add(team)
    await session.flush()
    withdrawn = await event_withdrawals(session, event.id)
    forfeited: list[int] = []
    stages = (await session.exec(select(Stage).where(
        Stage.event_id == event.id, Stage.status == StageStatus.RUNNING))).all()
    for stage in stages:
        if team.id not in (stage.seeding or []):
            continue
        machine, store = machine_for(session, stage, withdrawn, clock=lambda: now)
        for m in await machine.withdraw(team.id, reason):
            assert m.id is not None
            forfeited.append(m.id)
        changes = await finish(session, tournament, stage, machine, store)
        if forfeits is not None:
            forfeits += withdrawal_forfeits.found(changes, store.first)
    view = views.team_view(team) | {"reason": reason, "forfeited_matches": forfeited}
    await emit(session, tournament.id, "event.updated",
               views.event_view(event, tournament.slug) | {"team": views.team_view(team)})
    return view
