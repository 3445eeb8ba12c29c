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

from sqlalchemy import or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import registry, withdrawal
from ..formats.progression import NO_REASONS
from ..formats.state import MatchState
from ..formats.types import StageStatus
from ..formats.withdrawal import NO_TIMES, utc
from ..models import Match, Stage, Team
from .sql_store import TABLE, load_matches

NONE: frozenset[int] = frozenset()


class Withdrawals(NamedTuple):
    """An event's withdrawn teams, when each withdrew where that is known, and why
    ("withdrawn", "disqualified": the matches they forfeit say it)."""

    teams: frozenset[int] = NONE
    at: Mapping[int, datetime] = NO_TIMES
    why: Mapping[int, str] = NO_REASONS


NO_WITHDRAWALS = Withdrawals()

def withdrawals_of(teams: Iterable[Any]) -> Withdrawals:
    """The withdrawals among team rows (ORM objects or plain rows of the team table)."""
    out = [t for t in teams if t.withdrawn and t.id is not None]
    return Withdrawals(frozenset(t.id for t in out),
                       {t.id: t.withdrawn_at for t in out if t.withdrawn_at is not None},
                       {t.id: why for t in out
                        if (why := getattr(t, "withdrawn_reason", None)) is not None})


async def event_withdrawals(session: AsyncSession, event_id: int) -> Withdrawals:
    rows = await session.exec(select(Team.id, Team.withdrawn, Team.withdrawn_at,
                                     Team.withdrawn_reason).where(
        Team.event_id == event_id, col(Team.withdrawn)))
    return withdrawals_of(rows.all())


def counted_out(stage: Stage, withdrawn: Withdrawals) -> frozenset[int]:
    """The withdrawn teams ``stage``'s table treats so: not one that withdrew after the
    stage had completed (``withdrawal.counted_out``: a finished phase stands)."""
    done = stage.completed_at if stage.status == StageStatus.COMPLETED else None
    return withdrawal.counted_out(withdrawn.teams, withdrawn.at, done)


def struck(stage: Stage, matches: Sequence[MatchState],
           withdrawn: Withdrawals) -> frozenset[int]:
    """The teams whose results ``stage`` annuls, from all of its matches in hand."""
    fmt = registry.get(stage.format)
    teams = counted_out(stage, withdrawn)
    if not teams or not stage.seeding:
        return NONE
    settings = fmt.parse_settings(stage.settings or {})
    if not fmt.can_strike(settings):
        return NONE
    return fmt.struck([m.result() for m in matches if m.active], settings, teams,
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


async def decided_at(session: AsyncSession, matches: Iterable[tuple[int, int, Sequence[int | None]]]
                     ) -> dict[int, datetime]:
    """When what decides whether each of these matches (id, stage id, teams) is annulled
    last changed, for those that a withdrawn team played in a stage that may annul: its
    withdrawal, or the last change to any of its matches there (a correction of another
    match can move the half it played, and with it this match in or out of the table). A
    calendar entry's DTSTAMP reads it: its text follows the flag."""
    wanted = list(matches)
    stages = {s.id: s for s in (await session.exec(select(Stage).where(
        col(Stage.id).in_({stage for _, stage, _ in wanted})))).all() if _may_strike(s)}
    if not stages:
        return {}
    withdrawn = withdrawals_of((await session.exec(select(
        Team.id, Team.withdrawn, Team.withdrawn_at).where(
        col(Team.event_id).in_({s.event_id for s in stages.values()}),
        col(Team.withdrawn)))).all())
    if not withdrawn.teams:
        return {}
    last: dict[tuple[int, int], datetime] = {}
    for stage_id, a, b, at in (await session.exec(select(
            Match.stage_id, Match.team1_id, Match.team2_id, Match.updated_at).where(
            col(Match.stage_id).in_(set(stages)), or_(col(Match.team1_id).in_(withdrawn.teams),
                                                     col(Match.team2_id).in_(withdrawn.teams))))).all():
        for team in (a, b):
            if team in withdrawn.teams:
                key = (stage_id, team)
                last[key] = max(last.get(key, utc(at)), utc(at))
    out: dict[int, datetime] = {}
    for match_id, stage_id, teams in wanted:
        times = [utc(x) for t in teams if t is not None and t in withdrawn.teams
                 for x in (last.get((stage_id, t)), withdrawn.at.get(t)) if x is not None]
        if times and stage_id in stages:
            out[match_id] = max(times)
    return out
