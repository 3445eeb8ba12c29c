"""Which matches a withdrawal annulled (``formats/withdrawal.py``), for every view of a
match: the API's ``annulled``, the pages, the calendar feed and the live feed.

It is read, never stored: the teams a stage strikes out follow from its matches, its
withdrawn teams and its ``withdrawn_results``, so a withdrawal, a change of the setting,
an undone forfeit or a corrected result moves it as it moves the table. A step of the
stage state machine says it in ``Changes.struck``; a read works it out here, and reads a
stage's matches only when that stage can annul (a format that annuls, a setting that
does) and one of its own teams has withdrawn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import registry
from ..formats.state import MatchState
from ..models import Stage, Team
from .sql_store import TABLE, load_matches

NONE: frozenset[int] = frozenset()


def struck(stage: Stage, matches: Sequence[MatchState],
           withdrawn: frozenset[int]) -> frozenset[int]:
    """The teams whose results ``stage`` annuls, from all of its matches in hand."""
    fmt = registry.get(stage.format)
    if not withdrawn or not stage.seeding:
        return NONE
    settings = fmt.parse_settings(stage.settings or {})
    if not fmt.can_strike(settings):
        return NONE
    return fmt.struck([m.result() for m in matches if m.active], settings, withdrawn)


def _may_strike(stage: Stage) -> bool:
    fmt = registry.get(stage.format)
    return bool(stage.seeding) and fmt.can_strike(fmt.parse_settings(stage.settings or {}))


async def struck_in(session: AsyncSession, stage_ids: Iterable[int]) -> dict[int, frozenset[int]]:
    """``struck`` of each of these stages that annuls anything (others are left out): for
    reads that show matches of several stages (a team's schedule, a list of matches)."""
    ids = set(stage_ids)
    if not ids:
        return {}
    stages = [s for s in (await session.exec(select(Stage).where(
        col(Stage.id).in_(ids)))).all() if _may_strike(s)]
    if not stages:
        return {}
    withdrawn = frozenset(t for t in (await session.exec(select(Team.id).where(
        col(Team.event_id).in_({s.event_id for s in stages}), col(Team.withdrawn)))).all()
        if t is not None)
    out: dict[int, frozenset[int]] = {}
    for s in stages:
        own = withdrawn & set(s.seeding or [])
        if own and s.id is not None:
            found = struck(s, await load_matches(session, TABLE.c.stage_id == s.id), own)
            if found:
                out[s.id] = found
    return out


async def struck_of(session: AsyncSession, stage_id: int) -> frozenset[int]:
    return (await struck_in(session, [stage_id])).get(stage_id, NONE)
