"""What a refused match change tells the person who tried it: who changed the match in
the meantime (a 409), and the blocked correction's matches by the M numbers on the
bracket, not by internal ids."""

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
    return {"id": entry.actor_id, "name": entry.actor_name, "via": entry.via,
            "at": iso(entry.at), "action": entry.action}


async def numbers(session: AsyncSession, ids: list[int]) -> list[int]:
    """The M numbers of matches (as the bracket shows them now), in the order of ``ids``."""
    found = {m.id: m.number for m in (await session.exec(select(Match).where(
        col(Match.id).in_(ids)))).all()}
    return [found[i] for i in ids if i in found]


async def explain(request: Request, exc: DomainError, match_id: int) -> None:
    """Add what a person needs to the error (in place), read after the rollback."""
    if exc.code == "version_conflict":
        async with ctx(request).db.read() as session:
            exc.extra["changed_by"] = await last_change(session, match_id)
    elif exc.code == "correction_needs_admin":
        ids = list(exc.extra.get("reset_matches") or [])
        async with ctx(request).db.read() as session:
            shown = await numbers(session, ids)
        label = ", ".join(f"M{n}" for n in sorted(shown))
        exc.message = ("Changing this result resets matches already played or paired "
                       f"({label}); ask an admin.")
        exc.params = {"matches": label}
        exc.extra["reset_numbers"] = sorted(shown)
