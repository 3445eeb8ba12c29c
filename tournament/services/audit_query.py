"""Reading the audit trail: newest first, filtered by target, actor and action, a page at
a time (``next`` is the cursor of the following page), or whole as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, func, or_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..models import AuditEntry, Tournament
from .audit import entry_view

MAX_PAGE = 500
MAX_EXPORT = 100_000
COLUMNS = ("id", "at", "actor_id", "actor_name", "via", "action", "target_type",
           "target_id", "before", "after")


@dataclass(frozen=True)
class Filter:
    tournament_id: int | None = None  # None: every entry (the site-wide trail)
    target_type: str | None = None
    target_id: str | None = None
    actor_id: int | None = None
    action: str | None = None


def _query(f: Filter) -> Any:
    q = select(AuditEntry)
    if f.tournament_id is not None:
        q = q.where(AuditEntry.tournament_id == f.tournament_id)
    if f.target_type is not None:
        q = q.where(AuditEntry.target_type == f.target_type)
    if f.target_id is not None:
        q = q.where(AuditEntry.target_id == f.target_id)
    if f.actor_id is not None:
        q = q.where(AuditEntry.actor_id == f.actor_id)
    if f.action is not None:
        q = q.where(AuditEntry.action == f.action)
    return q.order_by(col(AuditEntry.id).desc())


async def _slugs(session: AsyncSession, rows: list[AuditEntry]) -> dict[int, str]:
    ids = {r.tournament_id for r in rows if r.tournament_id is not None}
    if not ids:
        return {}
    found = await session.exec(select(Tournament).where(col(Tournament.id).in_(ids)))
    return {t.id: t.slug for t in found.all() if t.id is not None}


async def page(session: AsyncSession, f: Filter, cursor: int | None,
               limit: int) -> dict[str, Any]:
    """``{"items": [...], "next": cursor | null, "limit": n}``, newest first; ``cursor`` is
    the ``next`` of the previous page (an entry id: an integer), ``limit`` the page size
    used."""
    q = _query(f)
    if cursor is not None:
        q = q.where(col(AuditEntry.id) < cursor)
    rows = list((await session.exec(q.limit(min(limit, MAX_PAGE) + 1))).all())
    more = len(rows) > limit
    rows = rows[:limit]
    slugs = await _slugs(session, rows)
    return {"items": [entry_view(r, slugs.get(r.tournament_id or 0)) for r in rows],
            "next": rows[-1].id if more and rows else None, "limit": limit}


def _cell(value: Any) -> str:
    """One CSV cell; text a spreadsheet would run as a formula is quoted with ``'``."""
    text = value if isinstance(value, str) else "" if value is None else \
        json.dumps(value, ensure_ascii=False, sort_keys=True) if isinstance(
            value, dict | list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def export_csv(session: AsyncSession, f: Filter) -> str:
    rows = (await session.exec(_query(f).limit(MAX_EXPORT))).all()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        view = entry_view(r)
        writer.writerow([_cell(x) for x in (
            r.id, view["at"], r.actor_id, r.actor_name, r.via, r.action, r.target_type,
            r.target_id, r.before, r.after)])
    return out.getvalue()


async def last_changed(session: AsyncSession, targets: Iterable[tuple[str, int]]
                       ) -> dict[tuple[str, int], datetime]:
    """When each of ``targets`` (``("team", id)``, ``("stage", id)``…) was last changed, by
    the trail; those it never names are left out. One query, on the target index."""
    wanted = {(kind, str(ident)) for kind, ident in targets}
    if not wanted:
        return {}
    q = (select(AuditEntry.target_type, AuditEntry.target_id, func.max(AuditEntry.at))
         .where(or_(*(and_(col(AuditEntry.target_type) == kind, col(AuditEntry.target_id).in_(
             [i for k, i in wanted if k == kind])) for kind in {k for k, _ in wanted})))
         .group_by(AuditEntry.target_type, AuditEntry.target_id))
    return {(kind, int(ident)): at if at.tzinfo else at.replace(tzinfo=UTC)
            for kind, ident, at in (await session.exec(q)).all()}
