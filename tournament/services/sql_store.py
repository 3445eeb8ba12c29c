"""The stage state machine's store over the database: matches are read as plain
``MatchState`` rows (Core selects, never ORM objects, so nothing is flushed behind the
machine's back), loaded on demand by number, and written once per step — changed rows in
one executemany, new ones in bulk (``match_insert.py``), withdrawn ones in one delete. Every
column of the ``match`` table is a field of ``MatchState`` (a test holds them equal), so a
column added to the model is read and saved without touching this file.

The statements a result report runs (fetch by number, update the changed rows) are built
once, at import, with bound parameters: SQLAlchemy then finds them compiled in its cache
without building or hashing a statement per call (that was most of a report's time)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, or_, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import direct
from ..db import connection
from ..formats.machine_types import Changes
from ..formats.state import COLUMNS, MatchState
from ..formats.types import MatchStatus
from ..models import Match
from .match_insert import insert_matches

TABLE = Match.__table__  # type: ignore[attr-defined]
SAVED = tuple(c for c in COLUMNS if c != "id")
STATE_COLUMNS = tuple(TABLE.c[c] for c in COLUMNS)  # a row of these is a MatchState's fields


async def load_matches(session: AsyncSession, *where: ColumnElement[bool],
                       order_by: Sequence[Any] = (TABLE.c.stage_id, TABLE.c.number),
                       limit: int | None = None) -> list[MatchState]:
    """Matches as plain rows (``MatchState``), for reads and for the store alike."""
    query = select(*STATE_COLUMNS).where(*where).order_by(*order_by)
    if limit is not None:
        query = query.limit(limit)
    return await _states(session, query)


async def _states(session: AsyncSession, query: Any,
                  params: dict[str, Any] | None = None) -> list[MatchState]:
    rows = (await (await connection(session)).execute(query, params)).all()
    return [MatchState(*row) for row in rows]


# A stage's matches by number: the store's reads during a report, built once.
_BY_NUMBERS = select(*STATE_COLUMNS).where(
    TABLE.c.stage_id == bindparam("stage_id"),
    TABLE.c.number.in_(bindparam("numbers", expanding=True))).order_by(
    TABLE.c.stage_id, TABLE.c.number)
# Every saved column of the changed matches, one executemany (parameters b_<column>).
_UPDATE = update(TABLE).where(TABLE.c.id == bindparam("b_id")).values(
    {c: bindparam(f"b_{c}") for c in SAVED})
_UPDATE_KEYS = tuple((f"b_{c}", c) for c in SAVED)


async def delete_matches(session: AsyncSession, stage_id: int) -> None:
    """Every match of a stage, gone (a stage planned again, sent back to wait, deleted)."""
    await (await session.connection()).execute(delete(TABLE).where(
        TABLE.c.stage_id == stage_id))


async def load_match(session: AsyncSession, match_id: int) -> MatchState | None:
    found = await load_matches(session, TABLE.c.id == match_id)
    return found[0] if found else None


class SqlStore:
    """One stage's matches in one write transaction."""

    def __init__(self, session: AsyncSession, stage_id: int,
                 loaded: Iterable[MatchState] = ()) -> None:
        self.session = session
        self.stage_id = stage_id
        self._by_number: dict[int, MatchState] = {m.number: m for m in loaded}
        # each match as first read, before the step changed it (repairs.py)
        self._first: dict[int, MatchState] = {n: copy(m) for n, m in self._by_number.items()}
        self._complete = False
        self._new: dict[int, MatchState] = {}
        self._removed: list[MatchState] = []

    def _keep(self, found: list[MatchState]) -> list[MatchState]:
        """Loaded rows, except those already in hand (which may hold unsaved changes)."""
        out = []
        for m in found:
            kept = self._by_number.setdefault(m.number, m)
            if kept is m:
                self._first.setdefault(m.number, copy(m))
            out.append(kept)
        return out

    def first(self, number: int) -> MatchState | None:
        """Match ``number`` as the step first read it (None: created by the step)."""
        return self._first.get(number)

    async def get(self, number: int) -> MatchState:
        found = self._by_number.get(number)
        if found is None:
            if self._complete:
                raise KeyError(number)
            rows = await _states(self.session, _BY_NUMBERS,
                                 {"stage_id": self.stage_id, "numbers": [number]})
            if not rows:
                raise KeyError(number)
            found = self._keep(rows)[0]
        return found

    async def prefetch(self, numbers: Iterable[int | None]) -> None:
        wanted = [n for n in numbers if n is not None and n not in self._by_number]
        if wanted and not self._complete:
            self._keep(await _states(self.session, _BY_NUMBERS,
                                     {"stage_id": self.stage_id, "numbers": wanted}))

    async def all(self) -> list[MatchState]:
        if not self._complete:
            self._keep(await load_matches(self.session, TABLE.c.stage_id == self.stage_id))
            for m in self._removed:
                self._by_number.pop(m.number, None)
            self._complete = True
        return [self._by_number[n] for n in sorted(self._by_number)]

    async def of_team(self, team: int) -> list[MatchState]:
        if not self._complete:
            self._keep(await load_matches(
                self.session, TABLE.c.stage_id == self.stage_id,
                or_(TABLE.c.team1_id == team, TABLE.c.team2_id == team)))
        return [m for n, m in sorted(self._by_number.items())
                if team in (m.team1_id, m.team2_id)]

    async def any_open(self) -> bool:
        if any(m.active and m.status != MatchStatus.COMPLETED
               for m in self._by_number.values()):
            return True
        if self._complete:
            return False
        gone = [*self._by_number, *(m.number for m in self._removed)]
        found = (await (await connection(self.session)).execute(
            select(TABLE.c.id).where(TABLE.c.stage_id == self.stage_id, TABLE.c.active,
                                     TABLE.c.status != MatchStatus.COMPLETED,
                                     TABLE.c.number.not_in(gone)).limit(1))).first()
        return found is not None

    def add(self, matches: Sequence[MatchState]) -> None:
        for m in matches:
            self._by_number[m.number] = m
            self._new[m.number] = m

    async def remove(self, matches: Sequence[MatchState]) -> None:
        for m in matches:
            self._by_number.pop(m.number, None)
            if self._new.pop(m.number, None) is None:
                self._removed.append(m)

    async def save(self, changes: Changes) -> None:
        """Write what the step changed: deletes, inserts (ids come back), updates."""
        conn = await connection(self.session)
        if self._removed:
            await conn.execute(delete(TABLE).where(
                TABLE.c.id.in_([m.id for m in self._removed])))
            self._removed = []
        if self._new:
            await insert_matches(conn, self.stage_id, [self._new[n] for n in sorted(self._new)])
            self._new = {}
        changed = [m for m in changes.ordered() if m.number not in changes.added]
        if changed:
            await direct.run_many(conn, _UPDATE, [
                {"b_id": m.id, **{key: getattr(m, c) for key, c in _UPDATE_KEYS}}
                for m in changed])
