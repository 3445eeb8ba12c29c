"""How many teams a stage holds or, while it waits for an earlier stage, will hold: its
slots, or the top ``qualifiers`` of each group of the stage it is seeded from
(``formats/plan_fit.field_of``), that stage's teams counted the same way when it waits too
(A → B → C: C's field from B's, B's from A's). Read by the round plans' checks
(``round_plans.reach_now``, ``plan_strands.py``), the console's stage table and plan form,
and every public view of a waiting stage (``teams_to_come``: "4 teams will advance from
Group stage", never "0 teams")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import registry, slots
from ..formats.plan_fit import field_of, places_held
from ..formats.seeding import SeedingMethod
from ..formats.types import FormatError, StageStatus
from ..models import Stage

# the holds under which a waiting stage's field is still the one it will play with (a tie
# decides who goes through, not how many); ``too_few_teams`` is not one of them
SURE_HOLDS = frozenset({"waiting_for_stage", "unresolved_tie"})


def seeded_field(stage: Stage, source: Stage, settings: Mapping[str, Any] | None = None,
                 teams: int | None = None) -> int | None:
    """How many teams ``stage``, seeded from ``source``, will hold (``plan_fit.field_of``):
    with ``source`` as it is, or under its new ``settings``; ``teams``: the teams of
    ``source`` (None when not known: each of its groups is read as full)."""
    given = stage.source or {}
    return field_of(len(given.get("slots") or []) or None, given.get("qualifiers"),
                    _groups(source, settings), teams)


def _groups(source: Stage, settings: Mapping[str, Any] | None = None) -> int | None:
    """The groups ``source`` ranks its teams in (1 without groups); None when its field
    decides them (a battle royale's lobbies)."""
    fmt = registry.get(source.format)
    parsed = fmt.parse_settings(settings if settings is not None else source.settings or {})
    return None if fmt.group_numbers(parsed) is None else fmt.groups(parsed)


def waits(stage: Stage) -> bool:
    """Whether the stage has no teams yet and takes them from an earlier stage."""
    return not stage.seeding and bool(stage.source)


def _source(stage: Stage, stages: Mapping[int, Stage]) -> Stage | None:
    return stages.get(int((stage.source or {}).get("from_stage") or 0))


def field_ahead(stage: Stage, stages: Mapping[int, Stage],
                seen: frozenset[int] = frozenset()) -> int | None:
    """The teams ``stage`` holds (its seeding), or will once the stages it waits for end;
    ``stages``: the event's, by id. None when not known (a battle royale's lobbies decide
    the groups; no seeding and no source)."""
    if not waits(stage):
        return len(stage.seeding or []) or None
    source = _source(stage, stages)
    if source is None or source.id in seen or stage.id is None:
        return None
    return seeded_field(stage, source, teams=field_ahead(source, stages, seen | {stage.id}))


def sure_field(stage: Stage, stages: Mapping[int, Stage],
               seen: frozenset[int] = frozenset()) -> int | None:
    """``field_ahead`` only when every number it rests on is known and holds (the teams
    of each stage before it, none of them held for too few teams, every place its slots
    take held, a field its format can draw): what spectators are told. None otherwise."""
    if not waits(stage):
        return len(stage.seeding or []) or None
    if stage.hold and stage.hold.get("code") not in SURE_HOLDS:
        return None
    source = _source(stage, stages)
    if source is None or source.id in seen or stage.id is None:
        return None
    teams = sure_field(source, stages, seen | {stage.id})
    if teams is None:
        return None
    given = slots.read((stage.source or {}).get("slots") or [])
    groups = _groups(source)
    if given and (groups is None or not places_held(
            [x for x in given if not isinstance(x, int)], groups, teams)):
        return None  # a place no team will hold: it will wait for the organizer
    count = seeded_field(stage, source, teams=teams)
    return count if count is not None and _playable(stage, count) else None


def _playable(stage: Stage, count: int) -> bool:
    """Whether the stage's format draws ``count`` teams under its settings (else the stage
    waits for the organizer when its teams come: ``waiting.try_start``)."""
    fmt = registry.get(stage.format)
    try:
        fmt.plan(list(range(1, count + 1)), fmt.parse_settings(stage.settings or {}),
                 cast(SeedingMethod, stage.seeding_method or "standard"))
    except (FormatError, ArithmeticError, ValueError):
        return False
    return True


def teams_to_come(stage: Stage, stages: Mapping[int, Stage]) -> int | None:
    """How many teams a stage waiting for an earlier one will hold, when that is sure
    (``sure_field``); None for any other stage (its ``team_count`` says it)."""
    if stage.status != StageStatus.PENDING or not waits(stage):
        return None
    return sure_field(stage, stages)


def later_stages(stage: Stage, stages: Iterable[Stage]) -> list[Stage]:
    """The stages seeded from ``stage``, and those seeded from them, and so on (each
    once, nearest first): a change of ``stage`` may change their fields."""
    rows = list(stages)
    found: list[Stage] = []
    ahead = [stage.id]
    while ahead:
        at = ahead.pop(0)
        for s in rows:
            if s.source and s.source.get("from_stage") == at and s not in found \
                    and s.id != stage.id:
                found.append(s)
                ahead.append(s.id)
    return found


async def waiting_after(session: AsyncSession, changed: Iterable[Stage]) -> list[Stage]:
    """The stages still waiting down the chain from the ``changed`` ones (not among
    them): their ``teams_to_come`` follows the changed stages' fields and holds, so a
    change announces them too."""
    done = {s.id for s in changed}
    found: list[Stage] = []
    for stage in changed:
        stages = await by_id(session, stage.event_id)
        found += [s for s in later_stages(stage, stages.values())
                  if s.status == StageStatus.PENDING and s.id not in done]
        done |= {s.id for s in found}
    return found


async def by_id(session: AsyncSession, event_id: int) -> dict[int, Stage]:
    """The event's stages, by id."""
    rows = (await session.exec(select(Stage).where(Stage.event_id == event_id))).all()
    return {s.id: s for s in rows if s.id is not None}
