"""When and where matches are played: clash checks (``formats/clashes.py``) against every
scheduled match of the tournament and the round plans (``plan_clashes.match_clashes``: a
single match's and a whole round's, scheduled at once), check-in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, InvalidInput, NotFound
from ..formats.clashes import Clash
from ..formats.state import MatchState
from ..models import Stage, Tournament, User
from ..schemas_edit import RoundSchedule
from .annulment import event_withdrawals
from .clash_check import booking
from .context import lock_tournament
from .plan_clashes import match_clashes
from .progress import machine_for
from .round_plans import fits, round_matches, slot_values
from .steps import finish

__all__ = ["booking", "check_in", "check_referee", "match_clashes",
           "refuse", "schedule_round"]


def refuse(found: list[Clash], override: bool) -> None:
    """A clash is refused unless the organizer overrides it (the answer lists them)."""
    if found and not override:
        listed = [c.as_dict() for c in found]
        raise Conflict("schedule_clash", "This schedule puts a team, a station, a stream or a "
                       "referee in two places at once: " + "; ".join(
                           f"{c.kind} {c.detail} with {_other(c)}" for c in found)
                       + ". Send override to save it anyway.", "scheduled_at",
                       extra={"clashes": listed}, params={"clashes": listed})


def _other(c: Clash) -> str:
    """The other side of a clash: a match, or a round plan's match (by its stage and
    round)."""
    if c.other_plan is None:
        return f"match {c.other_id}"
    return (f"the plan of round {c.other_plan.round}"
            + (f" ({c.other_plan.bracket})" if c.other_plan.bracket else "")
            + (f" of group {c.other_plan.group}" if c.other_plan.group is not None else "")
            + f" of stage {c.other_stage_id}")


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
    machine, store = machine_for(session, stage, await event_withdrawals(session,
                                                                        stage.event_id))
    chosen = round_matches(await store.all(), body.round, body.bracket, body.group)
    if not chosen:  # a round the stage never has, or one not made yet (plan it)
        await fits(session, stage, body.round, body.bracket, body.group)
        raise InvalidInput("no_matches", f"Round {body.round} of this stage has no matches "
                           "yet: plan it ahead (POST round-plans), and its matches get "
                           "those times as soon as they are made.", "round")
    for m, values in zip(chosen, slot_values(body.model_dump(), len(chosen)), strict=True):
        machine.reschedule(m, **values)
    refuse(await match_clashes(session, tournament.id, chosen), body.override)
    changes = await finish(session, tournament, stage, machine, store)
    return [views.match_view(m, tournament.timezone, changes.struck) for m in chosen]
