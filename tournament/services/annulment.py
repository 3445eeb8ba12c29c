"""Which matches a withdrawal annulled (``formats/withdrawal.py``), for every view of a
match: the API's ``annulled``, the pages, the calendar feed and the live feed.

It is read, never stored: the teams a stage strikes out follow from its matches, its
withdrawn teams and its ``withdrawn_results``, so a withdrawal, a change of the setting,
an undone forfeit or a corrected result moves it as it moves the table. A step of the
stage state machine says it in ``Changes.struck``; a read works it out here, and reads a
stage's matches only when that stage can annul (a format that annuls, a setting that
does) and one of its own teams has withdrawn. A stage a team had played out before it
withdrew keeps its results: when it withdrew (``Team.withdrawn_at``) goes with the
withdrawn teams (``Withdrawals``) wherever the table is drawn."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import registry
from ..formats.state import MatchState
from ..formats.withdrawal import NO_TIMES
from ..models import Stage, Team
from .sql_store import TABLE, load_matches

NONE: frozenset[int] = frozenset()


class Withdrawals(NamedTuple):
    """An event's withdrawn teams, and when each withdrew where that is known."""

    teams: frozenset[int] = NONE
    at: Mapping[int, datetime] = NO_TIMES


NO_WITHDRAWALS = Withdrawals()

def withdrawals_of(teams: Iterable[Any]) -> Withdrawals:
    """The withdrawals among team rows (ORM objects or plain rows of the team table)."""
    out = [t for t in teams if t.withdrawn and t.id is not None]
    return Withdrawals(frozenset(t.id for t in out),
                       {t.id: t.withdrawn_at for t in out if t.withdrawn_at is not None})


async def event_withdrawals(session: AsyncSession, event_id: int) -> Withdrawals:
    rows = await session.exec(select(Team.id, Team.withdrawn, Team.withdrawn_at).where(
        Team.event_id == event_id, col(Team.withdrawn)))
    return withdrawals_of(rows.all())


def struck(stage: Stage, matches: Sequence[MatchState],
           withdrawn: Withdrawals) -> frozenset[int]:
    """The teams whose results ``stage`` annuls, from all of its matches in hand."""
    fmt = registry.get(stage.format)
    if not withdrawn.teams or not stage.seeding:
        return NONE
    settings = fmt.parse_settings(stage.settings or {})
    if not fmt.can_strike(settings):
        return NONE
    return fmt.struck([m.result() for m in matches if m.active], settings, withdrawn.teams,
                      withdrawn.at)


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
    withdrawn = withdrawals_of((await session.exec(select(
        Team.id, Team.withdrawn, Team.withdrawn_at).where(
        col(Team.event_id).in_({s.event_id for s in stages}), col(Team.withdrawn)))).all())
    out: dict[int, frozenset[int]] = {}
    for s in stages:
        own = withdrawn.teams & set(s.seeding or [])
        if own and s.id is not None:
            found = struck(s, await load_matches(session, TABLE.c.stage_id == s.id),
                           Withdrawals(own, withdrawn.at))
            if found:
                out[s.id] = found
    return out


async def struck_of(session: AsyncSession, stage_id: int) -> frozenset[int]:
    return (await struck_in(session, [stage_id])).get(stage_id, NONE)
