"""Swiss rounds: the next round is paired when the current one is complete; a correction
in an earlier round withdraws the rounds paired from it."""

from __future__ import annotations

from sqlalchemy import delete
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats import stages as stage_formats
from ..formats.results import TIEBREAKER_BRACKET
from ..formats.swiss import entries_from_results
from ..formats.types import FormatError
from ..models import Match, Stage
from .planning import format_error, persist, stage_matches
from .standings import result_of


async def next_swiss_round(session: AsyncSession, stage: Stage,
                           withdrawn: frozenset[int]) -> list[Match]:
    """Pair and write the next round if the current one is complete (else nothing)."""
    if stage.format != "swiss" or stage.status == "pending" or stage.id is None:
        return []
    everything = await stage_matches(session, stage.id)
    matches = [m for m in everything if m.bracket != TIEBREAKER_BRACKET]
    if not matches or len(matches) < len(everything):
        return []  # tiebreakers are added once the rounds are over
    current = max(m.round for m in matches)
    if any(m.status != "completed" for m in matches if m.round == current):
        return []
    settings = stage.settings or {}
    seeding = list(stage.seeding or [])
    entries = entries_from_results(seeding, [result_of(m) for m in matches])
    if stage_formats.swiss_finished(entries, current, settings):
        return []
    playing = [e for e in entries if e.team not in withdrawn]
    try:
        plan = stage_formats.swiss_round(playing, current + 1, settings,
                                         first_number=max(m.number for m in matches) + 1)
    except FormatError as exc:
        raise format_error(exc) from exc
    if not plan.matches:
        return []
    return await persist(session, stage, plan, withdrawn)


async def drop_later_rounds(session: AsyncSession, stage: Stage, round_number: int) -> list[int]:
    """Delete the Swiss rounds after ``round_number`` (their pairings came from results that
    changed); returns the ids of the deleted matches."""
    later = [m for m in await stage_matches(session, stage.id or 0) if m.round > round_number]
    ids = [m.id for m in later if m.id is not None]
    if ids:
        await session.exec(delete(Match).where(col(Match.id).in_(ids)))
        for m in later:
            session.expunge(m)
    return ids
