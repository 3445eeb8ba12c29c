"""Stages seeded from another stage: they wait (``pending``, with the reason in ``hold``)
until that stage is complete and its qualifiers are decided, then start by themselves.

A tie across the qualification line, or too few qualifiers to play the format, keeps the
stage waiting with that reason instead of failing the result that completed the source:
the organizer resolves the tie (a tiebreaker match, or a recorded order) and the stage
starts then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import slots
from ..formats.progression import with_results
from ..formats.qualification import Hold, qualifiers
from ..formats.types import FormatError, StageStatus
from ..models import Stage, Team
from . import field_refusal
from .annulment import event_withdrawals
from .progress import start
from .sql_store import delete_matches
from .stage_reads import stage_matches
from .standings import rows as standing_rows


async def _qualified(session: AsyncSession, stage: Stage, source: Stage) -> list[int] | Hold:
    """The teams ``stage`` takes from the final standings of ``source`` (complete), in
    their seeding order, or why it cannot have them yet."""
    assert source.id is not None and stage.source is not None
    table = standing_rows(source, await stage_matches(session, source.id),
                          await event_withdrawals(session, source.event_id))
    groups: dict[int, list[tuple[int, int | None]]] = {}
    for row in table:
        groups.setdefault(row.get("group") or 1, []).append((row["team_id"], row["rank"]))
    grouped = any(row.get("group") for row in table) and len(groups) > 1
    given = stage.source.get("slots")  # places between direct entrants
    found = qualifiers(source.id, groups, int(stage.source["qualifiers"]), grouped,
                       None if given is None else slots.read(given))
    if isinstance(found, Hold) and found.code == "too_few_teams" and found.teams:
        return await _twice(session, found, source)
    return found


async def _twice(session: AsyncSession, hold: Hold, source: Stage) -> Hold:
    """A direct entrant that also qualified from ``source``: the hold names it (``teams``,
    and an English ``message`` with its name; the pages say it in the reader's words)."""
    names = {t.id: t.name for t in (await session.exec(select(Team).where(
        col(Team.id).in_(hold.teams)))).all()}
    teams = ", ".join(names.get(t, f"#{t}") for t in hold.teams)
    return replace(hold, detail={**hold.detail, "message": (
        f"Waiting for the organizer: {teams}, entering this stage directly, also qualified "
        f"from {source.name}; a team takes only one slot.")})


async def try_start(session: AsyncSession, stage: Stage, source: Stage,
                    decided: list[int] | Hold | None = None) -> bool:
    """Start ``stage`` from the final standings of ``source`` (complete), or record why it
    cannot start yet. Returns whether it started. ``decided``: the teams it takes from
    them (or why it cannot), when already read."""
    assert source.id is not None
    if decided is None:
        decided = await _qualified(session, stage, source)
    if isinstance(decided, Hold):
        _hold(session, stage, decided)
        return False
    try:
        # seeded by a result: a best-of key for a round this field does not reach is unused
        await start(session, stage, decided, check_rounds=False)
    except FormatError as exc:
        _hold(session, stage, Hold("too_few_teams", source.id,
                                   detail={"qualifiers": len(decided), "message": exc.message}))
        return False
    return True


def _hold(session: AsyncSession, stage: Stage, hold: Hold) -> None:
    stage.hold = hold.as_dict()
    session.add(stage)


async def sync(session: AsyncSession, source: Stage) -> list[Stage]:
    """After ``source`` changed (completed, reopened by a correction, a tie resolved): start
    the stages waiting for it, or update why they wait. Returns the stages that changed."""
    waiting = (await session.exec(select(Stage).where(
        Stage.event_id == source.event_id, Stage.status == "pending"))).all()
    changed = []
    for stage in waiting:
        if not stage.source or stage.source.get("from_stage") != source.id:
            continue
        before = stage.hold
        if source.status == "completed":
            started = await try_start(session, stage, source)
        else:
            started = False
            assert source.id is not None
            _hold(session, stage, Hold("waiting_for_stage", source.id))
        if started or stage.hold != before:
            changed.append(stage)
    return changed


async def follow(session: AsyncSession, source: Stage,
                 just_started: Sequence[Stage] = (), undone: Sequence[int] = ()) -> list[Stage]:
    """After a change to ``source`` (a correction, a reopened stage): the stages already
    started from it whose teams it no longer gives. One with no result yet goes back to
    waiting (its matches gone) and starts again from the corrected standings as soon as
    they are final; one with a result refuses the change (409 ``next_stage_started``, the
    whole change undone): its results were played by the teams the old standings sent.
    Returns the stages that changed. ``just_started``: stages ``sync`` started from it in
    this step (from the standings as they are now: nothing to follow); ``undone``: the
    matches of ``source`` the change reset or withdrew (a refusal names them)."""
    fresh = {s.id for s in just_started}
    started = [s for s in (await session.exec(select(Stage).where(
        Stage.event_id == source.event_id, Stage.status != StageStatus.PENDING))).all()
        if s.source and s.source.get("from_stage") == source.id and s.id not in fresh]
    changed = []
    for stage in started:
        assert stage.id is not None and source.id is not None
        now: list[int] | Hold | None = None  # None: the source is no longer finished
        if source.status == StageStatus.COMPLETED:
            now = await _qualified(session, stage, source)
            if not isinstance(now, Hold) and now == list(stage.seeding or []):
                continue  # the same teams in the same order: nothing to follow
        matches = await stage_matches(session, stage.id)
        if played := with_results(matches):
            raise await field_refusal.refusal(session, stage, played, now, undone)
        await delete_matches(session, stage.id)
        stage.status, stage.seeding, stage.hold = StageStatus.PENDING, [], None
        session.add(stage)
        await session.flush()
        if now is not None:  # the source is finished: its teams as read above
            await try_start(session, stage, source, now)
        else:
            _hold(session, stage, Hold("waiting_for_stage", source.id))
        changed.append(stage)
    return changed
