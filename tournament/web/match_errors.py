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


async def reset(session: AsyncSession, match_id: int, ids: list[int] | None,
                shown: list[int]) -> tuple[list[int], list[int], list[int]]:
    """The matches a correction resets, read once: by ``ids``, or (a referee's refusal
    names them by M number, ``shown``) by their numbers in the stage of ``match_id``.
    Returns their ids (sorted, or in the order of ``ids``), their M numbers (as the bracket
    shows them now) and the M numbers of those that hold a result (live or final, between
    two teams) as stored: a correction clears them; the others were only paired."""
    if not (shown if ids is None else ids):
        return [], [], []
    if ids is None:
        stage = select(Match.stage_id).where(Match.id == match_id).scalar_subquery()
        rows = (await session.exec(select(Match).where(
            Match.stage_id == stage, col(Match.number).in_(shown)))).all()
        ids = sorted(m.id for m in rows if m.id is not None)
    else:
        rows = (await session.exec(select(Match).where(col(Match.id).in_(ids)))).all()
    found = {m.id: m.number for m in rows}
    played = sorted(m.number for m in rows if m.status in ("live", "completed")
                    and m.team1_id is not None and m.team2_id is not None)
    return ids, [found[i] for i in ids if i in found], played


async def explain(request: Request, exc: DomainError, match_id: int) -> None:
    """Add what a person needs to the error (in place), read after the rollback. (A
    blocked correction already names its matches by M number: ``params.matches``.)"""
    if exc.code in ("version_conflict", "teams_changed"):
        async with ctx(request).db.read() as session:
            exc.extra["changed_by"] = await last_change(session, match_id)
