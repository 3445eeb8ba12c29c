"""The organizer's round plans (``round_plans.py``): listed, saved, changed, removed.

Saving a plan for a round that already has matches schedules that round now, exactly as
``POST /api/stages/{id}/schedule`` does (clashes refused unless overridden), and stores no
plan; a round that has none yet gets a plan (one per round, bracket and group: saving the
same round again replaces it). Changing a plan whose round has been made since schedules
that round now too, and keeps the plan (a round made again later gets the new times).
A plan (new or changed) for a bracket, group or round the stage never has is refused
(``round_plans.fits``); one whose matches would clash with a scheduled match or with
another plan's (a station, a stream or a referee in two places at once:
``plan_clashes.py``) is refused as a round's schedule is (``schedule_clash``) unless
overridden; removing one is always possible."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, NotFound
from ..formats.plan_fit import misfit
from ..formats.types import FormatError
from ..models import Stage, Tournament
from ..schemas_edit import RoundSchedule
from .context import lock_tournament
from .plan_clashes import plan_clashes
from .round_plans import fits, plans_of, reach_of, read, round_matches, same_round, stored
from .schedule import check_referee, refuse, schedule_round
from .sql_store import TABLE, load_matches

PlanView = dict[str, Any]


async def _stage(session: AsyncSession, stage_id: int) -> tuple[Stage, Tournament]:
    stage = await session.get(Stage, stage_id)
    if stage is None or stage.id is None:
        raise NotFound("Stage", stage_id)
    tournament = await session.get(Tournament, stage.tournament_id)
    assert tournament is not None and tournament.id is not None
    return stage, tournament


def _as_read(stage: Stage, body: RoundSchedule) -> RoundSchedule:
    """The plan sent, as a stored one is read (``round_plans.read``): a bare round number
    of a single elimination with a third-place match is its main bracket's round."""
    bracket = read({"bracket": body.bracket}, stage.format, stage.settings)["bracket"]
    return body if bracket == body.bracket else body.model_copy(update={"bracket": bracket})


def plan_view(plan: dict[str, Any], tz: str) -> PlanView:
    """A plan as the API answers it: its times in the tournament's time zone."""
    applied = plan.get("applied")
    return {"id": plan["id"], **{k: plan.get(k) for k in (
        "round", "bracket", "group", "interval_minutes", "venue", "stations", "stream_url",
        "referee_id")}, "starts_at": views.iso(_when(plan["starts_at"]), tz),
        "applied": None if applied is None else {
            "at": views.iso(_when(applied["at"]), tz), "matches": applied["matches"],
            "clashes": applied["clashes"]}}


def _when(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def list_plans(session: AsyncSession, stage_id: int) -> list[PlanView]:
    stage, tournament = await _stage(session, stage_id)
    return [plan_view(p, tournament.timezone) for p in plans_of(stage)]


async def never_applied(session: AsyncSession, stage_id: int) -> dict[int, FormatError]:
    """The stage's plans for a round it never has, each with the reason (plans stored
    before they were checked, or left so by a change of the stage's teams): listed and
    kept, never applied, until changed or removed. A result that sends a later stage
    fewer teams than planned for leaves its plans so too (``plan_strands.py``)."""
    stage, _ = await _stage(session, stage_id)
    where = await reach_of(session, stage)
    found = {p["id"]: misfit(where, p["round"], p.get("bracket"), p.get("group"))
             for p in plans_of(stage)}
    return {k: v for k, v in found.items() if v is not None}


async def _exists(session: AsyncSession, stage_id: int, body: RoundSchedule) -> bool:
    matches = await load_matches(session, TABLE.c.stage_id == stage_id,
                                 TABLE.c.round == body.round, TABLE.c.active)
    return bool(round_matches(matches, body.round, body.bracket, body.group))


async def save_plan(session: AsyncSession, stage_id: int,
                    body: RoundSchedule) -> dict[str, Any]:
    """``{"plan": the plan or None, "matches": the round's matches scheduled now}``."""
    stage, tournament = await _stage(session, stage_id)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    body = _as_read(stage, body)
    await fits(session, stage, body.round, body.bracket, body.group)
    if await _exists(session, stage_id, body):
        return {"plan": None, "matches": list(await schedule_round(session, stage_id, body))}
    await check_referee(session, body.referee_id)
    new = stored(body.model_dump())
    plans = plans_of(stage)
    old = next((p for p in plans if same_round(p, new)), None)
    new["id"] = old["id"] if old else max((p["id"] for p in plans), default=0) + 1
    new["applied"] = None
    if not body.override:
        refuse(await plan_clashes(session, stage, new), False)
    stage.round_plans = [new if p is old else p for p in plans] + ([] if old else [new])
    session.add(stage)
    await session.flush()
    return {"plan": plan_view(new, tournament.timezone), "matches": []}


async def _locked_plan(session: AsyncSession, stage_id: int, plan_id: int
                       ) -> tuple[Stage, Tournament, list[dict[str, Any]], dict[str, Any]]:
    """The stage (its tournament locked), its plans and the one asked for (404 if none)."""
    stage, tournament = await _stage(session, stage_id)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    plans = plans_of(stage)
    old = next((p for p in plans if p["id"] == plan_id), None)
    if old is None:
        raise NotFound("Round plan", plan_id)
    return stage, tournament, plans, old


async def update_plan(session: AsyncSession, stage_id: int, plan_id: int,
                      body: RoundSchedule) -> dict[str, Any]:
    stage, tournament, plans, old = await _locked_plan(session, stage_id, plan_id)
    body = _as_read(stage, body)
    await fits(session, stage, body.round, body.bracket, body.group)
    await check_referee(session, body.referee_id)
    new = {**stored(body.model_dump()), "id": plan_id, "applied": old.get("applied")}
    if any(p is not old and same_round(p, new) for p in plans):
        raise Conflict("round_plan_exists", f"Round {body.round} already has a plan: change "
                       "that one.", "round")
    matches: list[Any] = []
    if await _exists(session, stage_id, body):
        matches = list(await schedule_round(session, stage_id, body))
    elif not body.override:
        refuse(await plan_clashes(session, stage, new), False)
    stage.round_plans = [new if p is old else p for p in plans]
    session.add(stage)
    await session.flush()
    return {"plan": plan_view(new, tournament.timezone), "matches": matches}


async def delete_plan(session: AsyncSession, stage_id: int, plan_id: int) -> PlanView:
    """The plan removed (matches it already gave times keep them)."""
    stage, tournament, plans, old = await _locked_plan(session, stage_id, plan_id)
    stage.round_plans = [p for p in plans if p is not old] or None
    session.add(stage)
    await session.flush()
    return plan_view(old, tournament.timezone)
