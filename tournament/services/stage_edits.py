"""Changing a stage after it was created: start a draft, edit (name, settings, seeding),
delete. A draft, or a stage no result depends on yet, is simply planned again; once results
exist that an edit would clear, it takes an explicit ``confirm`` (the refusal lists them).
A change of the settings that only rank the results (points, tiebreakers, the cut: the
format's ``ranking_settings``) keeps every match and result of a running stage.
Settings sent through the API are a merge patch of the stored ones (``settings_patch``).
A stage that another stage is seeded from, and that one has started, keeps its matches and
settings, except for a change of those ranking settings once it is finished: saved when the
started stage would get the very same teams in the very same seeds (or, with no result yet,
follows the new standings: ``waiting.follow``), refused otherwise with the reason
(``field_refusal.py``), as a correction of a result is."""

from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, InvalidInput, NotFound
from ..formats import registry
from ..formats.progression import with_results
from ..formats.settings_patch import patched
from ..formats.state import MatchState
from ..formats.types import FormatError, StageStatus
from ..live.outbox import emit
from ..models import Event, Stage, Tournament
from ..schemas_edit import StageUpdate
from . import field_sizes, waiting
from .context import lock_tournament
from .naming import rename, require_change
from .plan_strands import refuse_stranding
from .progress import domain_error, start
from .reads import tournament_detail
from .sql_store import delete_matches
from .stage_reads import stage_matches, stage_view
from .stages import seeding_for


async def _for_edit(session: AsyncSession, stage_id: int) -> tuple[Stage, Tournament]:
    stage = await session.get(Stage, stage_id)
    if stage is None or stage.id is None:
        raise NotFound("Stage", stage_id)
    tournament = await session.get(Tournament, stage.tournament_id)
    assert tournament is not None and tournament.id is not None
    await lock_tournament(session, tournament.id)
    await session.refresh(stage)
    return stage, tournament


async def _dependents(session: AsyncSession, stage: Stage) -> list[Stage]:
    rows = (await field_sizes.by_id(session, stage.event_id)).values()
    return [s for s in rows if s.source and s.source.get("from_stage") == stage.id]


def _refuse_loss(lost: list[MatchState], confirm: bool, tz: str) -> None:
    if lost and not confirm:
        numbers = [m.number for m in lost]
        raise Conflict("results_would_be_lost", "This change clears the results of "
                       f"{', '.join(f'M{n}' for n in numbers)}; send confirm to go ahead.",
                       "confirm", extra={"lost": [views.match_view(m, tz) for m in lost]},
                       params={"matches": numbers})


async def _announce(session: AsyncSession, tournament: Tournament, stage: Stage,
                    results_changed: bool) -> None:
    assert tournament.id is not None
    if stage.status == StageStatus.DRAFT:
        return  # drafts are the organizer's: spectators hear of a stage once it starts
    # the stages waiting down the chain: how many teams they will hold may follow
    for s in (stage, *await field_sizes.waiting_after(session, [stage])):
        await emit(session, tournament.id, "stage.updated",
                   await stage_view(session, s, tournament))
    if results_changed:
        await emit(session, tournament.id, "tournament.updated",
                   await tournament_detail(session, tournament.slug))


async def start_stage(session: AsyncSession, stage_id: int) -> views.StageView:
    stage, tournament = await _for_edit(session, stage_id)
    if stage.status != StageStatus.DRAFT:
        raise Conflict("not_a_draft", "This stage has already started.")
    stage.status = StageStatus.RUNNING
    session.add(stage)
    await session.flush()
    await _announce(session, tournament, stage, False)
    return await stage_view(session, stage, tournament)


async def update_stage(session: AsyncSession, stage_id: int, body: StageUpdate,
                       whole_settings: bool = False) -> views.StageView:
    """``body.settings`` is a merge patch of the stored settings (``settings_patch``), or,
    with ``whole_settings`` (the console's form, which shows every setting), all of them:
    one left out is at its default."""
    stage, tournament = await _for_edit(session, stage_id)
    assert stage.id is not None
    given = body.model_fields_set
    require_change(given - {"confirm"}, "name, names, settings, seeding or seeding_method")
    if body.settings is not None and not whole_settings:
        body = body.model_copy(update={"settings": patched(
            registry.get(stage.format), stage.settings, body.settings)})
    named = (stage.name, dict(stage.names or {}))
    rename(stage, given, body.model_dump(include={"name", "names"}))
    replan = _changed_plan(stage, body)
    if replan:
        await _replan(session, stage, tournament, body)
    session.add(stage)
    await session.flush()
    if replan or (stage.name, dict(stage.names or {})) != named:
        await _announce(session, tournament, stage, bool(replan))
    return await stage_view(session, stage, tournament)


def _changed_plan(stage: Stage, body: StageUpdate) -> bool:
    """Whether the body changes the settings, seeding or seeding method; the values the
    stage already has (sent again by a form) plan nothing again and publish nothing."""
    given = body.model_fields_set
    if "seeding" in given and (stage.source or body.seeding != list(stage.seeding or [])):
        return True  # a seeding for a stage seeded from another is refused in _replan
    if "seeding_method" in given and body.seeding_method != stage.seeding_method:
        return True
    if "settings" in given:
        try:
            parsed = registry.get(stage.format).parse_settings(body.settings or {})
        except FormatError:
            return True  # refused in _replan, with the format's own message
        stored = registry.get(stage.format).parse_settings(stage.settings or {})
        return bool(parsed.as_dict() != stored.as_dict())
    return False


async def _replan(session: AsyncSession, stage: Stage, tournament: Tournament,
                  body: StageUpdate) -> None:
    stages = await field_sizes.by_id(session, stage.event_id)
    started = [s for s in stages.values() if s.source and s.source.get("from_stage")
               == stage.id and s.status != StageStatus.PENDING]
    fmt = registry.get(stage.format)
    try:
        settings = fmt.parse_settings(body.settings if body.settings is not None
                                      else stage.settings or {})
        fmt.check_playable(settings)
    except FormatError as exc:
        raise domain_error(exc) from exc
    if stage.source and body.seeding is not None:
        raise InvalidInput("seeding_from_stage", "This stage takes its seeding from another "
                           "stage's standings.", "seeding")
    event = await session.get(Event, stage.event_id)
    assert event is not None and event.id is not None
    seeding = list(stage.seeding or [])
    if body.seeding is not None:
        seeding = await seeding_for(session, event.id, body.seeding)
    same_field = body.seeding is None and body.seeding_method in (None, stage.seeding_method)
    reranks = same_field and fmt.reranks_only(fmt.parse_settings(stage.settings or {}),
                                              settings)
    if started and not (reranks and stage.status == StageStatus.COMPLETED):
        raise Conflict("next_stage_started", "A stage seeded from this one has already "
                       "started; its seeding can no longer change.")
    if not reranks:  # the stage's shape, or that of a stage waiting for it, may change
        await refuse_stranding(session, stage, settings, seeding, body.seeding_method
                               or stage.seeding_method or "standard", "seeding"
                               if body.seeding is not None else "settings",
                               tournament.timezone, stages)
    if reranks and stage.status not in (StageStatus.DRAFT, StageStatus.PENDING):
        # points, tiebreakers, the cut: every match and result stands, the standings (read
        # from them) follow the new rules, and a stage waiting on a tie may now go ahead;
        # one already started from them keeps its field or the change is refused
        stage.settings = settings.as_dict()
        await _release(session, stage, tournament)
        return
    matches = await stage_matches(session, stage.id or 0)
    _refuse_loss(with_results(matches), body.confirm, tournament.timezone)
    stage.settings = settings.as_dict()
    if body.seeding_method is not None:
        stage.seeding_method = body.seeding_method
    if stage.status == StageStatus.PENDING:
        return  # waiting for its source: planned when it starts
    draft = stage.status == StageStatus.DRAFT
    await delete_matches(session, stage.id or 0)
    try:
        await start(session, stage, seeding)
    except FormatError as exc:
        raise domain_error(exc) from exc
    if draft:
        stage.status = StageStatus.DRAFT
    await _release(session, stage, tournament)


async def _release(session: AsyncSession, stage: Stage, tournament: Tournament) -> None:
    """Stages seeded from this one that its new standings let start, and those already
    started from it that follow them (or refuse the change: ``waiting.follow``)."""
    session.add(stage)
    await session.flush()
    released = await waiting.sync(session, stage)
    released += await waiting.follow(session, stage, released)
    for s in released:
        await emit(session, tournament.id or 0, "stage.updated",
                   await stage_view(session, s, tournament))


async def delete_stage(session: AsyncSession, stage_id: int,
                       confirm: bool) -> dict[str, Any]:
    stage, tournament = await _for_edit(session, stage_id)
    assert tournament.id is not None
    if await _dependents(session, stage):
        raise Conflict("stage_has_dependents", "Another stage is seeded from this one; "
                       "delete or change that stage first.")
    _refuse_loss(with_results(await stage_matches(session, stage.id or 0)), confirm,
                 tournament.timezone)
    public = stage.status != StageStatus.DRAFT
    await delete_matches(session, stage.id or 0)
    await session.delete(stage)
    await session.flush()
    event = await session.get(Event, stage.event_id)
    assert event is not None
    if public:
        await emit(session, tournament.id, "event.updated",
                   {**views.event_view(event, tournament.slug), "stage_removed": stage_id})
        await emit(session, tournament.id, "tournament.updated",
                   await tournament_detail(session, tournament.slug))
    return {"deleted": stage_id}
