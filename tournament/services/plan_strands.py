"""A change that would leave round plans no round to time is refused (409
``round_plans_stranded``) until the organizer removes them or keeps the stage as it is: a
plan the organizer made is not dropped unseen. What a stage can have before and after the
change is read by ``formats/plan_fit.py`` (``drawn``: the draw for the field it will have),
so this covers every change of a stage's shape made by editing a stage:

* the stage's own settings (the third-place match or the reset turned off, a Swiss stage's
  rounds cut, fewer groups) and its seeding (a draft of fewer teams plays fewer rounds);
* the settings or seeding of the stage it is seeded from, while it waits for it (fewer
  groups, or fewer teams in them, send it fewer qualifiers).

A correction of results, a withdrawal or a tie resolved is never refused because of a
later stage's plan: the plan is kept, listed with the reason and never applied
(``plan_edits.never_applied``) until the stage has its round again or it is removed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import Conflict
from ..formats import registry
from ..formats.format import Settings
from ..formats.plan_fit import Reach, drawn, stranded
from ..formats.types import StageStatus
from ..models import Stage
from .plan_edits import plan_view
from .round_plans import plans_of, reach_now, seeded_field


async def _after(session: AsyncSession, stage: Stage, settings: Settings,
                 seeding: Sequence[int], method: str) -> Reach:
    fmt = registry.get(stage.format)
    if stage.status == StageStatus.PENDING and stage.source:
        source = await session.get(Stage, int(stage.source["from_stage"]))
        field = None if source is None else seeded_field(
            stage, source, teams=len(source.seeding or []) or None)
        return drawn(fmt, settings, field, method)
    return drawn(fmt, settings, len(seeding), method)


def _refuse(lost: Sequence[dict[str, Any]], where: str, tz: str,
            later: Stage | None = None) -> None:
    said = ", ".join(f"plan {p['id']} (round {p['round']}, {p['bracket']})" for p in lost)
    extra: dict[str, Any] = {"plans": [plan_view(p, tz) for p in lost]}
    params: dict[str, Any] = {"count": len(lost)}
    if later is None:
        message = (f"With this {where} the stage has no round for {said}: it would never be "
                   f"applied. Remove it first, or keep the {where}.")
    else:
        extra["stage"] = params["stage_id"] = later.id
        params["stage"] = later.name
        message = (f"This change sends {later.name} (seeded from this stage) a field with "
                   f"no round for {said}: it would never be applied. Remove it there "
                   "first, or keep this stage as it is.")
    raise Conflict("round_plans_stranded", message, where, extra=extra, params=params)


async def refuse_stranding(session: AsyncSession, stage: Stage, settings: Settings,
                           seeding: Sequence[int], method: str, where: str, tz: str,
                           dependents: Sequence[Stage]) -> None:
    """Refuse the change of ``stage`` to ``settings``, ``seeding`` and seeding ``method``
    (``where``: ``settings`` or ``seeding``, what the refusal names) if it strands a plan of
    the stage, or of a stage waiting for it (``dependents``)."""
    lost = stranded(plans_of(stage), await reach_now(session, stage),
                    await _after(session, stage, settings, seeding, method))
    if lost:
        _refuse([dict(p) for p in lost], where, tz)
    teams = len(seeding) or None
    for later in dependents:
        if not later.round_plans:
            continue
        fmt = registry.get(later.format)
        after = drawn(fmt, fmt.parse_settings(later.settings or {}), seeded_field(
            later, stage, settings.as_dict(), teams), later.seeding_method or "standard")
        lost = stranded(plans_of(later), await reach_now(session, later), after)
        if lost:
            _refuse([dict(p) for p in lost], where, tz, later)
