"""Round plans: the times of a round planned before its matches exist (a Swiss round not
paired yet, a stage waiting for an earlier one, a grand-final reset not needed yet).

A plan is stored on its stage (``Stage.round_plans``, a list of plain dicts) with the fields
of a round schedule (``RoundSchedule`` without ``override``) and what happened when it was
last applied (``applied``: when, to which matches, and the clashes found then). When a step
of the stage makes a round's matches (``progress.persist``: a stage starting, the next Swiss
round paired, a repaired round paired again, a reset brought into play), every plan for that
round gives them exactly the times, venue, stations, stream and referee ``schedule_round``
would have given them (``slot_values`` is shared by both). A clash found then does not
refuse the step (a referee entering a result must never be blocked by a schedule): the plan
is applied, the clashes are recorded on the plan and the console shows them.

A plan (and a round's schedule) naming a bracket, group or round the stage never has is
refused when saved (``fits``, by ``formats/plan_fit.py``); a change of a stage that would
leave a plan so is refused (``plan_strands.py``); one stored before that, or left so by a
result (never refused for a plan), is kept, listed and never applied."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import InvalidInput
from ..formats import registry
from ..formats.clashes import utc
from ..formats.machine_types import Changes
from ..formats.plan_fit import Reach, drawn, misfit, reach
from ..formats.state import MatchState
from ..formats.types import Bracket, StageStatus
from ..models import Stage
from . import field_sizes
from .clash_check import find_clashes
from .field_sizes import field_ahead
from .sql_store import TABLE, load_matches

# the fields of a plan that say when and where (the RoundSchedule's, override apart)
FIELDS = ("round", "bracket", "group", "starts_at", "interval_minutes", "venue", "stations",
          "stream_url", "referee_id")


def _time(value: datetime | str) -> datetime:
    return utc(value if isinstance(value, datetime) else datetime.fromisoformat(value))


def round_matches(matches: Iterable[MatchState], round_: int, bracket: str | None,
                  group: int | None) -> list[MatchState]:
    """The active matches of a round (of one bracket or group when given), by number."""
    return sorted((m for m in matches if m.active and m.round == round_
                   and (bracket is None or m.bracket == bracket)
                   and (group is None or m.group == group)), key=lambda m: m.number)


def slot_values(plan: Mapping[str, Any], count: int) -> list[dict[str, object]]:
    """What each of a round's ``count`` matches gets, in order: each station plays at once
    (with two stations M1 and M2 start together, M3 and M4 an interval later; one after
    another on one station otherwise)."""
    start = _time(plan["starts_at"])
    stations: Sequence[str] = plan.get("stations") or []
    wave = max(1, len(stations))
    out = []
    for i in range(count):
        values: dict[str, object] = {"scheduled_at": start + timedelta(
            minutes=plan.get("interval_minutes", 0) * (i // wave))}
        if plan.get("venue") is not None:
            values["venue"] = plan["venue"]
        if stations:
            values["station"] = stations[i % len(stations)]
        if plan.get("stream_url") is not None:
            values["stream_url"] = plan["stream_url"]
        if plan.get("referee_id") is not None:
            values["referee_id"] = plan["referee_id"]
        out.append(values)
    return out


def stored(plan: Mapping[str, Any]) -> dict[str, Any]:
    """A plan as kept in the stage row: its fields (``starts_at`` in UTC, ISO)."""
    out = {k: plan.get(k) for k in FIELDS}
    out["starts_at"] = _time(plan["starts_at"]).isoformat()
    out["interval_minutes"] = out["interval_minutes"] or 0
    out["stations"] = list(out["stations"] or [])
    return out


def same_round(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("round", "bracket", "group"))


def read(plan: Mapping[str, Any], stage_format: str,
         settings: Mapping[str, Any] | None) -> dict[str, Any]:
    """A plan as it means now. One saved by bare round number (bracket null) in a single
    elimination with a third-place match named both that round's matches: the final and
    the bronze match. The bronze match has its own round (bracket ``third_place``, picked
    by its own name), so such a plan is the main bracket's (``winners``): the final only.
    Stored plans are read this way and written back so (no migration)."""
    if plan.get("bracket") is None and _bronze_apart(stage_format, settings):
        return {**plan, "bracket": Bracket.WINNERS.value}
    return dict(plan)


def _bronze_apart(stage_format: str, settings: Mapping[str, Any] | None) -> bool:
    """Whether the stage's bronze match has a bracket of its own (``third_place``)."""
    fmt = registry.get(stage_format)
    return Bracket.THIRD_PLACE in fmt.brackets(fmt.parse_settings(settings or {}))


async def reach_of(session: AsyncSession, stage: Stage) -> Reach:
    """The brackets, groups and rounds the stage can have (``plan_fit.reach``), from its
    settings and its stored matches (a bracket reset not in play among them)."""
    fmt = registry.get(stage.format)
    made = await load_matches(session, TABLE.c.stage_id == stage.id)
    return reach(fmt, fmt.parse_settings(stage.settings or {}),
                 [(m.bracket, m.round, m.group) for m in made])


async def fits(session: AsyncSession, stage: Stage, round_: int, bracket: str | None,
               group: int | None) -> None:
    """A round the stage can have, or a 422 naming what it has (``plan_fit.misfit``)."""
    found = misfit(await reach_of(session, stage), round_, bracket, group)
    if found is not None:
        raise InvalidInput(found.code, found.message, found.field, params=found.params)


async def reach_now(session: AsyncSession, stage: Stage) -> Reach:
    """What the stage can have as it stands: its matches' (``reach_of``), or, while it
    waits for an earlier stage, its draw for the field that stage will send (counted
    through every stage waiting in between: ``field_sizes.field_ahead``)."""
    if stage.status != StageStatus.PENDING or not stage.source:
        return await reach_of(session, stage)
    fmt = registry.get(stage.format)
    field = field_ahead(stage, await field_sizes.by_id(session, stage.event_id))
    return drawn(fmt, fmt.parse_settings(stage.settings or {}), field,
                 stage.seeding_method or "standard")


def plans_of(stage: Stage) -> list[dict[str, Any]]:
    """The stage's plans, each as it means now (``read``; the settings read once, and only
    for a plan by bare round number)."""
    plans = [dict(p) for p in stage.round_plans or []]
    bare = [p for p in plans if p.get("bracket") is None]
    if bare and _bronze_apart(stage.format, stage.settings):
        for p in bare:
            p["bracket"] = Bracket.WINNERS.value
    return plans


def _new_in_play(changes: Changes) -> list[MatchState]:
    """The matches this step brought into being: created, or (a grand-final reset) taken
    into play. A match already in play keeps the time it has."""
    fresh = list(changes.added.values())
    fresh += [m for n, m in changes.changed.items() if n not in changes.added
              and m.conditional and m.active and m.scheduled_at is None]
    return fresh


def apply(stage: Stage, changes: Changes) -> list[tuple[int, list[MatchState]]]:
    """Give the matches this step makes their plan's times (before they are saved); the
    plans applied, each with its matches."""
    fresh = _new_in_play(changes)  # most steps make no match: then no plan is read
    if not fresh:
        return []
    plans = plans_of(stage)
    if not plans:
        return []
    done = []
    for plan in plans:
        chosen = round_matches(fresh, plan["round"], plan.get("bracket"), plan.get("group"))
        if not chosen:
            continue
        for m, values in zip(chosen, slot_values(plan, len(chosen)), strict=True):
            for name, value in values.items():
                setattr(m, name, value)
            changes.changed.setdefault(m.number, m)
        done.append((plan["id"], chosen))
    return done


async def record(session: AsyncSession, stage: Stage,
                 done: list[tuple[int, list[MatchState]]], now: datetime | None = None) -> None:
    """After the matches are saved (they have ids): each applied plan's clashes, kept on
    the plan for the organizer (never a refusal)."""
    if not done:
        return
    at = (now or datetime.now(UTC)).isoformat()
    applied: dict[int, dict[str, Any]] = {}
    for plan_id, matches in done:
        found = await find_clashes(session, stage.tournament_id, matches)
        applied[plan_id] = {"at": at, "matches": [m.id for m in matches],
                            "clashes": [c.as_dict() for c in found]}
    stage.round_plans = [{**p, "applied": applied[p["id"]]} if p["id"] in applied else p
                         for p in plans_of(stage)]
    session.add(stage)
