"""Creating a stage: its settings checked by its format, its draw, its plan written in one
go (a stage seeded from another waits for it). Reading one is ``stage_reads.py``."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import Row
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import InvalidInput
from ..formats import draw, registry
from ..formats.format import Format, Settings
from ..formats.limits import MAX_STAGES_PER_EVENT
from ..formats.qualification import Hold
from ..formats.state import MatchState
from ..formats.types import FormatError, StageStatus
from ..live.outbox import emit
from ..models import Stage, Team
from ..schemas import FromStage, StageCreate
from . import entrants, waiting
from .progress import domain_error, start
from .stage_reads import stage_view
from .tournaments import BY_SEED, event_for_write

TEAM = Team.__table__  # type: ignore[attr-defined]


async def create_stage(session: AsyncSession, slug: str, event_slug: str,
                       body: StageCreate) -> views.StageView:
    tournament, event = await event_for_write(session, slug, event_slug)
    assert tournament.id is not None and event.id is not None
    try:
        fmt = registry.get(body.format)
        settings = fmt.parse_settings(body.settings)
        fmt.check_playable(settings)
    except FormatError as exc:
        raise domain_error(exc) from exc
    planned: list[MatchState] | None = None
    count = len((await session.exec(select(Stage.id).where(Stage.event_id == event.id))).all())
    if count >= MAX_STAGES_PER_EVENT:
        raise InvalidInput("too_many_stages", "An event has at most "
                           f"{MAX_STAGES_PER_EVENT} stages.")
    stage = Stage(event_id=event.id, tournament_id=tournament.id, name=body.name,
                  format=fmt.name, settings=settings.as_dict(), seeding=[],
                  seeding_method=body.seeding_method, status=StageStatus.PENDING,
                  position=count)
    if body.names is not None:
        stage.names = {str(lang): text for lang, text in body.names.items()}
    if isinstance(body.seeding, FromStage):
        if not body.start:
            raise InvalidInput("draft_with_from_stage", "A stage seeded from another stage "
                               "waits for it and starts by itself; it is no draft.", "start")
        if body.draw is not None:
            raise InvalidInput("draw_with_from_stage", "A stage seeded from another stage "
                               "takes its order from the standings; it has no draw.", "draw")
        source = await session.get(Stage, body.seeding.from_stage)
        if source is None or source.event_id != event.id:
            raise InvalidInput("unknown_stage", "from_stage must be a stage of this event.",
                               "seeding.from_stage")
        source_format = registry.get(source.format)
        groups = source_format.groups(source_format.parse_settings(source.settings or {}))
        if body.seeding.slots is None and groups * body.seeding.qualifiers < 2:
            raise InvalidInput(
                "too_few_qualifiers", f"{body.seeding.qualifiers} qualifier(s) from "
                f"{groups} group(s) cannot fill a stage; it needs at least two teams.",
                "seeding.qualifiers")
        stage.source = {"from_stage": body.seeding.from_stage,
                        "qualifiers": body.seeding.qualifiers}
        if body.seeding.slots is not None:  # teams that enter directly, and every place
            stage.source = stage.source | {"slots": await entrants.checked_slots(
                session, source, body.seeding, fmt, settings, body.seeding_method)}
        stage.hold = Hold("waiting_for_stage", body.seeding.from_stage).as_dict()
        session.add(stage)
        await session.flush()
        if source.status == StageStatus.COMPLETED:
            await waiting.try_start(session, stage, source)
    else:
        assert not isinstance(body.seeding, FromStage)
        seeding = await seeding_for(session, event.id, body.seeding)
        if body.draw is not None:
            nation = {t.id: t.nation for t in await entered(session, event.id)}
            seeding, stage.draw = _drawn(body, fmt, settings, seeding, nation)
        session.add(stage)
        await session.flush()
        try:
            changes = await start(session, stage, seeding)
        except FormatError as exc:
            raise domain_error(exc) from exc
        # every match of a new stage was just written: the view need not read them back
        planned = [changes.added[n] for n in sorted(changes.added)]
        if not body.start:
            stage.status = StageStatus.DRAFT  # planned, but not playable or public yet
            session.add(stage)
            await session.flush()
    view = await stage_view(session, stage, tournament, planned)
    if stage.status != StageStatus.DRAFT:
        await emit(session, tournament.id, "stage.updated", view)
    return view


def _drawn(body: StageCreate, fmt: Format[Any], settings: Settings, seeding: list[int],
           nation: dict[int, str | None]) -> tuple[list[int], dict[str, Any]]:
    """The seeding after the draw, and the record of how it was drawn."""
    assert body.draw is not None
    record: dict[str, Any] = {"random": body.draw.random,
                              "separate_nations": body.draw.separate_nations}
    if body.draw.random:
        seed = body.draw.seed if body.draw.seed is not None else secrets.randbelow(2**31)
        record["seed"] = seed
        seeding = draw.shuffled(seeding, seed)
    if body.draw.separate_nations:
        if len(seeding) > draw.MAX_SEPARATED:
            raise InvalidInput("field_too_large", "Keeping nations apart works for fields "
                               f"of at most {draw.MAX_SEPARATED} teams.", "draw")
        found = fmt.separation(len(seeding), settings, nation, body.seeding_method)
        if found is not None:
            pots, conflicts = found
            before = conflicts(seeding)
            seeding = draw.separate(seeding, pots, conflicts)
            record["same_nation_meetings"] = {"before": before, "after": conflicts(seeding)}
    return seeding, record


async def entered(session: AsyncSession, event_id: int) -> list[Row[int, str | None, bool]]:
    """The event's teams (id, nation, withdrawn) by seed (``BY_SEED``, as ``event_teams``):
    plain rows, which an 8,192-team event reads in a fraction of the time of ORM objects."""
    return list((await (await session.connection()).execute(
        select(TEAM.c.id, TEAM.c.nation, TEAM.c.withdrawn).where(TEAM.c.event_id == event_id)
        .order_by(*BY_SEED))).all())


async def seeding_for(session: AsyncSession, event_id: int,
                      given: list[int] | None) -> list[int]:
    """The seeding to play: the given team ids (entered, not withdrawn, each once), or
    every team of the event that has not withdrawn, by seed."""
    ids = [t.id for t in await entered(session, event_id) if not t.withdrawn]
    if given is None:
        return ids
    known = set(ids)
    strangers = [t for t in given if t not in known]
    if strangers:
        raise InvalidInput("unknown_team",
                           f"Teams {strangers} are not entered in this event.", "seeding")
    if len(set(given)) != len(given):
        raise InvalidInput("duplicate_team", "A team appears twice in the seeding.", "seeding")
    return list(given)
