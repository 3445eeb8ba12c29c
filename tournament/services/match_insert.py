"""New match rows written in bulk: values converted once per column the way SQLAlchemy's
own types would bind them, sent without ``RETURNING`` (SQLite: one ``executemany``;
PostgreSQL: one binary ``COPY``), and the ids read back in one select by number.

A multi-row ``INSERT … RETURNING`` of a new 8,192-team double elimination (16,382 rows of
37 columns) spent most of its second in SQLAlchemy's per-value bind processing and its
statement batches; this path sends the same values (the same strings for JSON and, on
SQLite, for times) in a fraction of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Dialect, select
from sqlalchemy.ext.asyncio import AsyncConnection

from ..formats.state import COLUMNS, MatchState
from ..models import Match

TABLE = Match.__table__  # type: ignore[attr-defined]
INSERTED = tuple(c for c in COLUMNS if c != "id")
Convert = Callable[[Any], Any]


def _json(process: Convert) -> Convert:
    """A JSON column's converter: new matches hold mostly ``None`` and ``[]``, serialized
    once here instead of once a row."""
    null, empty = process(None), process([])

    def convert(value: Any) -> Any:
        if value is None:
            return null
        if isinstance(value, list) and not value:
            return empty
        return process(value)
    return convert


@lru_cache(maxsize=8)
def _converters(dialect: Dialect) -> tuple[tuple[int, Convert], ...]:
    """(position, converter) of every column whose value SQLAlchemy's type would change
    before handing it to the driver (JSON, and on SQLite times and booleans)."""
    out: list[tuple[int, Convert]] = []
    for i, name in enumerate(INSERTED):
        column_type = TABLE.c[name].type
        process = column_type.dialect_impl(dialect).bind_processor(dialect)
        if process is None:
            continue
        if isinstance(column_type, JSON):
            out.append((i, _json(process)))
        elif isinstance(column_type, Boolean):  # the fields are bools: look the value up
            out.append((i, {v: process(v) for v in (True, False, None)}.__getitem__))
        else:
            out.append((i, _or_none(process)))
    return tuple(out)


def _or_none(process: Convert) -> Convert:
    """``process``, with None (most times of a new match) answered without a call."""
    null = process(None)

    def convert(value: Any) -> Any:
        return null if value is None else process(value)
    return convert


_VALUES = attrgetter(*INSERTED)


def _rows(dialect: Dialect, matches: Sequence[MatchState]) -> list[tuple[Any, ...]]:
    converters = _converters(dialect)
    rows = []
    for m in matches:
        values = list(_VALUES(m))
        for i, convert in converters:
            values[i] = convert(values[i])
        rows.append(tuple(values))
    return rows


def _quoted(dialect: Dialect, name: str) -> str:
    return dialect.identifier_preparer.quote(name)


async def insert_matches(conn: AsyncConnection, stage_id: int,
                         matches: Sequence[MatchState]) -> None:
    """Insert ``matches`` (all new, all of stage ``stage_id``) and set their ids."""
    if not matches:
        return
    dialect = conn.dialect
    rows = _rows(dialect, matches)
    if dialect.name == "postgresql":
        await _copy(conn, rows)
    else:
        columns = ", ".join(_quoted(dialect, c) for c in INSERTED)
        marks = ", ".join("?" for _ in INSERTED)
        await conn.exec_driver_sql(
            f"INSERT INTO {_quoted(dialect, TABLE.name)} ({columns}) VALUES ({marks})", rows)
    numbers = [m.number for m in matches]
    found = (await conn.execute(
        select(TABLE.c.number, TABLE.c.id).where(
            TABLE.c.stage_id == stage_id,
            TABLE.c.number.between(min(numbers), max(numbers))))).all()
    ids = {number: ident for number, ident in found}
    for m in matches:
        m.id = ids[m.number]


async def _copy(conn: AsyncConnection, rows: list[tuple[Any, ...]]) -> None:
    """``COPY match FROM STDIN`` (binary) on the session's own asyncpg connection, inside
    the transaction SQLAlchemy has begun."""
    raw = await conn.get_raw_connection()
    adapted: Any = raw.dbapi_connection
    if getattr(adapted, "_transaction", True) is None:
        # asyncpg's BEGIN is sent lazily with the first statement: send it before COPY
        await conn.exec_driver_sql("SELECT 1")
    await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
        TABLE.name, records=rows, columns=list(INSERTED))
