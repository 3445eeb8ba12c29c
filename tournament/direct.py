"""The hot statements of a result report, run straight on SQLite's own connection when the
transaction runs on the writer thread (``writer.py``).

SQLAlchemy stays the author of every statement: each is built once, at import, compiled
here once by SQLAlchemy's SQLite compiler, and its values are converted by the same bind
and result processors SQLAlchemy would use (JSON, datetimes, booleans). What is skipped is
SQLAlchemy's execution machinery around a cached statement (its execution context, events,
result objects and the async bridge's greenlet switch): about half of a report's Python.

Only where the connection executes inline (the writer thread's ``InlineConnection``: a
plain ``sqlite3`` connection in this very thread, inside the transaction SQLAlchemy began).
Everywhere else (aiosqlite's own thread, PostgreSQL) the statement goes through
``AsyncConnection.execute`` as before, so both paths give the same rows; a test runs every
statement used here both ways and compares them (``tests/integration/test_direct.py``).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import sqlalchemy
from sqlalchemy import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import Executable

INLINE = "direct.sqlite"  # the pool record's info: the inline sqlite3 connection, if any

Processor = Callable[[Any], Any]
log = logging.getLogger(__name__)


class Plan:
    """A statement compiled for SQLite: its SQL, its parameters in order (with the values
    fixed in the statement, if any, and their bind processors) and its columns' result
    processors (applied to None too, as SQLAlchemy does: a JSON column binds None as
    ``'null'``)."""

    __slots__ = ("_binds", "_fixed", "_get", "_results", "_single", "sql")

    def __init__(self, sql: str, names: Sequence[str], fixed: Mapping[str, Any],
                 binds: Sequence[Processor | None], results: Sequence[Processor | None]
                 ) -> None:
        self.sql = sql
        self._get = itemgetter(*names) if names else None
        self._fixed = dict(fixed)
        self._binds = tuple((i, p) for i, p in enumerate(binds) if p is not None)
        self._results = tuple((i, p) for i, p in enumerate(results) if p is not None)
        self._single = len(names) == 1

    def args(self, values: Mapping[str, Any]) -> Sequence[Any]:
        if self._get is None:
            return ()
        if self._fixed:
            values = {**self._fixed, **values}
        got = self._get(values)  # a KeyError names a parameter given no value
        out = [got] if self._single else list(got)
        for i, process in self._binds:
            out[i] = process(out[i])
        return out

    def rows(self, found: list[Any]) -> Sequence[Sequence[Any]]:
        if not self._results:
            return found
        out: list[Sequence[Any]] = []
        for row in found:
            values = list(row)
            for i, process in self._results:
                values[i] = process(values[i])
            out.append(values)
        return out


_PLANS: dict[tuple[int, str], tuple[Executable, Plan | None]] = {}


def plan(statement: Executable, dialect: Dialect) -> Plan | None:
    """The statement compiled once per dialect (None: it needs SQLAlchemy at run time,
    e.g. an expanding ``IN``). Keyed by the statement object, which lives as long as the
    module that built it (held here, so its id is never reused), and the dialect's name."""
    key = (id(statement), dialect.name)
    held = _PLANS.get(key)
    if held is not None and held[0] is statement:
        return held[1]
    clause: Any = statement  # every statement run here is a ClauseElement
    compiled: Any = clause.compile(dialect=dialect)
    made: Plan | None = None
    if not (compiled.post_compile_params or compiled.literal_execute_params) \
            and compiled.positional:
        names = list(compiled.positiontup or ())
        binds = [compiled.binds[name] for name in names]
        try:
            processors = _processors(compiled, names, dialect)
        except (AttributeError, KeyError, TypeError) as exc:  # a SQLAlchemy that differs
            if not _WARNED:
                _WARNED.append(exc)
                log.warning("direct: SQLAlchemy %s compiles differently (%r); statements "
                            "run through SQLAlchemy instead", sqlalchemy.__version__, exc)
        else:
            made = Plan(
                compiled.string, names,
                {name: bind.effective_value for name, bind in zip(names, binds, strict=True)
                 if not bind.required and bind.callable is None}, *processors)
    _PLANS[key] = (statement, made)
    return made


_WARNED: list[BaseException] = []


def _processors(compiled: Any, names: Sequence[str], dialect: Dialect
                ) -> tuple[list[Processor | None], list[Processor | None]]:
    """SQLAlchemy's own bind and result processors of a compiled statement. They are read
    from attributes SQLAlchemy keeps to itself (the same in 2.0 and 2.1): if a release
    changes them, ``plan`` says so once in the log and every statement goes through
    SQLAlchemy's execution, which is slower but the same (``test_direct`` checks this)."""
    return ([compiled._bind_processors.get(name) for name in names],
            [column.type._cached_result_processor(dialect, None)
             for column in compiled._result_columns])


def inline(conn: AsyncConnection) -> sqlite3.Connection | None:
    """The connection's own ``sqlite3`` connection when it executes in this thread."""
    found: sqlite3.Connection | None = conn.info.get(INLINE)
    return found


async def fetch(conn: AsyncConnection, statement: Executable,
                values: Mapping[str, Any] | None = None) -> Sequence[Sequence[Any]]:
    """Every row the statement returns."""
    raw = inline(conn)
    found = plan(statement, conn.dialect) if raw is not None else None
    if raw is None or found is None:
        return (await conn.execute(statement, dict(values or {}))).all()
    return found.rows(raw.execute(found.sql, found.args(values or {})).fetchall())


async def run_many(conn: AsyncConnection, statement: Executable,
                   values: Sequence[Mapping[str, Any]]) -> None:
    """The statement once per set of values (an executemany), nothing returned."""
    if not values:
        return
    raw = inline(conn)
    found = plan(statement, conn.dialect) if raw is not None else None
    if raw is None or found is None:
        await conn.execute(statement, [dict(v) for v in values])
        return
    raw.executemany(found.sql, [found.args(v) for v in values])
