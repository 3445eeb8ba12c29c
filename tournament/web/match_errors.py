"""What a refused match change tells the person who tried it: who changed the match in
the meantime (a 409); and the M numbers of matches (as the bracket shows them)."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request

from ..errors import DomainError
from ..models import AuditEntry, Match
from ..views import iso
from .common import ctx


async def last_change(session: AsyncSession, match_id: int) -> dict[str, Any] | None:
    """Who changed the match last, when and how (from the audit trail)."""
    entry = (await session.exec(select(AuditEntry).where(
        AuditEntry.target_type == "match", AuditEntry.target_id == str(match_id))
        .order_by(col(AuditEntry.id).desc()).limit(1))).first()
    if entry is None:
        return None
    who = {"id": entry.actor_id, "name": entry.actor_name, "via": entry.via,
           "at": iso(entry.at), "action": entry.action}
    if entry.action == "match.repair":  # changed by another match's correction: which
        before = entry.before or {}
        who["cause"] = (entry.after or {}).get("cause")
        who["reset"] = before.get("status") in ("live", "completed") \
            and None not in (before.get("teams") or [None])
    return who


async def numbers(session: AsyncSession, ids: list[int]) -> list[int]:
    """The M numbers of matches (as the bracket shows them now), in the order of ``ids``."""
    found = {m.id: m.number for m in (await session.exec(select(Match).where(
        col(Match.id).in_(ids)))).all()}
    return [found[i] for i in ids if i in found]


async def played(session: AsyncSession, ids: list[int]) -> list[int]:
    """The M numbers of those of ``ids`` that hold a result (live or final, between two
    teams) as stored: a correction clears them; the others were only paired."""
    rows = (await session.exec(select(Match).where(col(Match.id).in_(ids)))).all()
    return sorted(m.number for m in rows if m.status in ("live", "completed")
                  and m.team1_id is not None and m.team2_id is not None)


async def ids(session: AsyncSession, match_id: int, shown: list[int]) -> list[int]:
    """The ids of the matches numbered ``shown`` in the stage of ``match_id``."""
    stage = (await session.exec(select(Match.stage_id).where(Match.id == match_id))).first()
    found = (await session.exec(select(Match.id).where(
        Match.stage_id == stage, col(Match.number).in_(shown)))).all()
    return sorted(x for x in found if x is not None)


async def explain(request: Request, exc: DomainError, match_id: int) -> None:
    """Add what a person needs to the error (in place), read after the rollback. (A
    blocked correction already names its matches by M number: ``params.matches``.)"""
    if exc.code in ("version_conflict", "teams_changed"):
        async with ctx(request).db.read() as session:
            exc.extra["changed_by"] = await last_change(session, match_id)
