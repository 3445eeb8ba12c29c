"""A change that would leave round plans no round to time is refused (409
``round_plans_stranded``) until the organizer removes them or keeps the stage as it is: a
plan the organizer made is not dropped unseen. What a stage can have before and after the
change is read by ``formats/plan_fit.py`` (``drawn``: the draw for the field it will have),
so this covers every change of a stage's shape made by editing a stage:

* the stage's own settings (the third-place match or the reset turned off, a Swiss stage's
  rounds cut, fewer groups) and its seeding (a draft of fewer teams plays fewer rounds);
* the settings or seeding of the stage it is seeded from, while it waits for it (fewer
  groups, or fewer teams in them, send it fewer qualifiers), and of any stage before that
  one through the stages waiting in between (A → B → C: A's groups send B fewer teams, so
  B sends C fewer; ``field_sizes.later_stages``).

A correction of results, a withdrawal or a tie resolved is never refused because of a
later stage's plan: the plan is kept, listed with the reason and never applied
(``plan_edits.never_applied``) until the stage has its round again or it is removed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import Conflict
from ..formats import registry
from ..formats.format import Settings
from ..formats.plan_fit import Reach, drawn, stranded
from ..formats.types import StageStatus
from ..models import Stage
from .field_sizes import field_ahead, later_stages, seeded_field
from .plan_edits import plan_view
from .round_plans import plans_of, reach_now


def _after(stage: Stage, settings: Settings, seeding: Sequence[int], method: str,
           stages: Mapping[int, Stage]) -> Reach:
    fmt = registry.get(stage.format)
    if stage.status == StageStatus.PENDING and stage.source:
        return drawn(fmt, settings, field_ahead(stage, stages), method)
    return drawn(fmt, settings, len(seeding), method)


def _refuse(lost: Sequence[dict[str, Any]], where: str, tz: str,
            later: Stage | None = None, via: Stage | None = None) -> None:
    said = ", ".join(f"plan {p['id']} (round {p['round']}, {p['bracket']})" for p in lost)
    extra: dict[str, Any] = {"plans": [plan_view(p, tz) for p in lost]}
    params: dict[str, Any] = {"count": len(lost)}
    if later is None:
        message = (f"With this {where} the stage has no round for {said}: it would never be "
                   f"applied. Remove it first, or keep the {where}.")
    else:
        extra["stage"] = params["stage_id"] = later.id
        params["stage"] = later.name
        seeded = "seeded from this stage"
        if via is not None:  # further down the chain: named with the stage it waits for
            params["via_id"], params["via"] = via.id, via.name
            seeded = f"seeded from {via.name}, which waits for this stage"
        message = (f"This change sends {later.name} ({seeded}) a field with no round for "
                   f"{said}: it would never be applied. Remove it there first, or keep "
                   "this stage as it is.")
    raise Conflict("round_plans_stranded", message, where, extra=extra, params=params)


async def refuse_stranding(session: AsyncSession, stage: Stage, settings: Settings,
                           seeding: Sequence[int], method: str, where: str, tz: str,
                           stages: Mapping[int, Stage]) -> None:
    """Refuse the change of ``stage`` to ``settings``, ``seeding`` and seeding ``method``
    (``where``: ``settings`` or ``seeding``, what the refusal names) if it strands a plan of
    the stage, or of a stage waiting for it, directly or through other waiting stages
    (A → B → C: A's change sends B another field, and B sends C another); ``stages``: the
    event's, by id."""
    lost = stranded(plans_of(stage), await reach_now(session, stage),
                    _after(stage, settings, seeding, method, stages))
    if lost:
        _refuse([dict(p) for p in lost], where, tz)
    assert stage.id is not None
    # each later stage's field after the change, from its source's after the change
    fields = {stage.id: len(seeding) or field_ahead(stage, stages)}
    changed = {stage.id: settings.as_dict()}
    for later in later_stages(stage, stages.values()):
        source = stages[int((later.source or {})["from_stage"])]
        assert later.id is not None and source.id is not None
        fields[later.id] = seeded_field(later, source, changed.get(source.id),
                                        fields.get(source.id))
        if not later.round_plans:
            continue
        fmt = registry.get(later.format)
        after = drawn(fmt, fmt.parse_settings(later.settings or {}), fields[later.id],
                      later.seeding_method or "standard")
        lost = stranded(plans_of(later), await reach_now(session, later), after)
        if lost:
            _refuse([dict(p) for p in lost], where, tz, later,
                    None if source.id == stage.id else source)
