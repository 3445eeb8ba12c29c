"""The transactional outbox: events are written in the same transaction as the change.

``emit`` numbers an event with the tournament's next ``seq`` and adds its row; before the
transaction commits, ``seal`` announces the new events to other servers (PostgreSQL
``NOTIFY``, delivered only on commit) and prunes rows older than the retention.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import JSON, Dialect, bindparam, insert, text
from sqlalchemy.types import TypeDecorator
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import direct
from ..db import connection
from ..models import EventLog, utcnow
from .messages import dumps

PENDING = "outbox_pending"
CHANNEL = "tournament_live"  # NOTIFY payload: "<tournament id>:<seq>"
PRUNE_EVERY = 100  # prune a tournament's old events when its seq passes a multiple of this

# Built once: a result report runs these every time (see services/sql_store.py).
TAKE_SEQS = text("UPDATE tournament SET last_seq = last_seq + :n WHERE id = :id "
                 "RETURNING last_seq")


@dataclass(frozen=True, slots=True)
class Sent:
    """An event written by ``emit_many``: what is published once it commits, with its
    data's JSON as stored (encoded once, for the row and the message)."""

    tournament_id: int
    seq: int
    type: str
    data: dict[str, Any]
    encoded: str


async def next_seq(session: AsyncSession, tournament_id: int) -> int:
    """Take the tournament's next ``seq``. The row lock orders writers per tournament,
    and a rolled-back transaction gives its number back (no gaps, no duplicates)."""
    result = await (await session.connection()).execute(
        text("UPDATE tournament SET last_seq = last_seq + 1 WHERE id = :id RETURNING last_seq"),
        {"id": tournament_id},
    )
    return int(result.scalar_one())


class EncodedJSON(TypeDecorator[str]):
    """A JSON column's value already encoded: bound as it is (PostgreSQL still casts the
    parameter to ``json``)."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> None:
        return None


# an event row with its data already encoded, every column named: one compiled form
# (the writer thread runs it on sqlite3 directly, see direct.py)
_INSERT_ENCODED = insert(EventLog.__table__).values(  # type: ignore[attr-defined]
    {**{c: bindparam(c) for c in ("tournament_id", "seq", "type", "created_at")},
     "data": bindparam("data", type_=EncodedJSON())})


async def emit(session: AsyncSession, tournament_id: int, type_: str,
               data: Mapping[str, object]) -> EventLog:
    """One event. Its data is encoded to JSON once, for its row and for the message sent
    (a new 8,192-team stage is a 10 MB event: encoding it twice cost a tenth of a second)."""
    seq = await next_seq(session, tournament_id)
    row = EventLog(tournament_id=tournament_id, seq=seq, type=type_, data=dict(data),
                   created_at=utcnow())
    encoded = dumps(row.data)
    await direct.run_many(await connection(session), _INSERT_ENCODED, [{
        "tournament_id": tournament_id, "seq": seq, "type": type_, "data": encoded,
        "created_at": row.created_at}])
    row._text = _message_text(seq, type_, encoded)
    session.info.setdefault(PENDING, []).append(row)
    return row


async def emit_many(session: AsyncSession, tournament_id: int,
                    events: Sequence[tuple[str, Mapping[str, object]]]) -> list[Sent]:
    """Several events at once: one statement takes ``len(events)`` consecutive seqs."""
    if not events:
        return []
    conn = await connection(session)
    taken = await direct.fetch(conn, TAKE_SEQS, {"id": tournament_id, "n": len(events)})
    first = int(taken[0][0]) - len(events) + 1
    rows = [Sent(tournament_id, first + i, type_, dict(data), dumps(data))
            for i, (type_, data) in enumerate(events)]
    # one executemany, no ORM objects: nothing reads these rows back in this session
    at = utcnow()
    await direct.run_many(conn, _INSERT_ENCODED, [
        {"tournament_id": r.tournament_id, "seq": r.seq, "type": r.type, "data": r.encoded,
         "created_at": at} for r in rows])
    session.info.setdefault(PENDING, []).extend(rows)
    return rows


def pending(session: AsyncSession) -> list[EventLog | Sent]:
    """The events this session emitted (to publish once it has committed)."""
    rows: list[EventLog | Sent] = session.info.pop(PENDING, [])
    return rows


async def seal(session: AsyncSession, rows: Sequence[EventLog | Sent],
               retention: int) -> None:
    """Before commit: announce the newest seq of each tournament, prune what is too old."""
    newest: dict[int, int] = {}
    crossed: set[int] = set()
    every = max(1, min(PRUNE_EVERY, retention // 2))
    for row in rows:
        newest[row.tournament_id] = max(newest.get(row.tournament_id, 0), row.seq)
        if retention > 0 and row.seq % every == 0:
            crossed.add(row.tournament_id)
    conn = await connection(session)
    for tournament_id in crossed:
        await conn.execute(
            text("DELETE FROM event_log WHERE tournament_id = :id AND seq <= :cut"),
            {"id": tournament_id, "cut": newest[tournament_id] - retention})
    if conn.dialect.name == "postgresql":
        for tid, seq in newest.items():
            await conn.execute(text("SELECT pg_notify(:channel, :payload)"),
                               {"channel": CHANNEL, "payload": f"{tid}:{seq}"})


def parse_payload(payload: str) -> tuple[int, int] | None:
    """``"<tournament id>:<seq>"`` → (tournament id, seq); None when malformed."""
    tid, sep, seq = payload.partition(":")
    if not sep or not tid.isdigit() or not seq.isdigit() or len(payload) > 40:
        return None
    return int(tid), int(seq)


async def since(session: AsyncSession, tournament_id: int, after: int,
                limit: int = 100_000) -> list[EventLog]:
    rows = await session.exec(
        select(EventLog)
        .where(EventLog.tournament_id == tournament_id, col(EventLog.seq) > after)
        .order_by(col(EventLog.seq))
        .limit(limit)
    )
    return list(rows.all())


def message(row: EventLog | Sent) -> dict[str, Any]:
    return {"seq": row.seq, "type": row.type, "data": row.data}


def _message_text(seq: int, type_: str, encoded: str) -> str:
    """The text ``dumps(message(row))`` gives, around data already encoded."""
    return f'{{"seq":{seq},"type":{dumps(type_)},"data":{encoded}}}'


def message_text(row: EventLog | Sent) -> str:
    """The message of an event as sent: from the data's encoding made when it was written
    (``emit``, ``emit_many``), or encoded here (rows read back)."""
    if isinstance(row, Sent):
        return _message_text(row.seq, row.type, row.encoded)
    private = getattr(row, "__pydantic_private__", None) or {}
    encoded: str | None = private.get("_text")
    return encoded or dumps(message(row))
