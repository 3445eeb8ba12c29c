"""``tournament/direct.py``: on the SQLite writer thread, the hot statements of a report run
straight on ``sqlite3``; everywhere else through SQLAlchemy. Each statement run directly
must read exactly what SQLAlchemy reads (values and their Python types) and store exactly
the bytes SQLAlchemy stores (JSON ``null`` for None, datetimes' text, booleans as 0/1).
On PostgreSQL the same calls take SQLAlchemy's path and give the same answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.helpers import make_event, make_stage
from tournament import direct
from tournament.db import connection
from tournament.live.messages import dumps
from tournament.live.outbox import _INSERT_ENCODED, TAKE_SEQS
from tournament.models import utcnow
from tournament.services.audit import _INSERT as AUDIT_INSERT
from tournament.services.audit import _TOURNAMENT_OF_MATCH
from tournament.services.locked import LOCKED
from tournament.services.sql_store import _BY_NUMBERS, _UPDATE, _UPDATE_KEYS, TABLE, load_matches


class RolledBack(Exception):
    """Raised at the end of the checks: the transaction's test rows are not kept."""


def _typed(rows: Any) -> list[tuple[tuple[type, Any], ...]]:
    return [tuple((type(v), v) for v in row) for row in rows]


async def _stored(conn: Any, table: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """The rows as the database holds them (no SQLAlchemy type processing), minus ``id``."""
    marks = ", ".join(str(int(i)) for i in ids)
    rows = (await conn.exec_driver_sql(
        f"SELECT * FROM {table} WHERE id IN ({marks}) ORDER BY id")).all()
    return [tuple(row)[1:] for row in rows]


@pytest.mark.asyncio(loop_scope="session")
async def test_each_direct_statement_reads_and_writes_what_sqlalchemy_does(app, client, db_url):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"grand_final": "reset"})
    ctx = app.state.ctx
    on_sqlite = db_url.startswith("sqlite")

    async def check(session: Any) -> None:
        conn = await connection(session)
        # the writer thread's connection is run directly; the plans exist, except for an
        # expanding IN, which SQLAlchemy renders per call
        assert (direct.inline(conn) is not None) == on_sqlite
        assert direct.plan(LOCKED, conn.dialect) is not None
        assert direct.plan(_BY_NUMBERS, conn.dialect) is None
        first, second, third = await load_matches(session, TABLE.c.stage_id == st["id"],
                                                  order_by=[TABLE.c.number], limit=3)
        for statement, values in (
                (LOCKED, {"match_id": first.id}),
                (LOCKED, {"match_id": -1}),
                (_TOURNAMENT_OF_MATCH, {"id": second.id}),
                (_BY_NUMBERS, {"stage_id": st["id"], "numbers": [1, 2, 3]})):
            ours = await direct.fetch(conn, statement, values)
            theirs = (await conn.execute(statement, values)).all()
            assert _typed(ours) == _typed(theirs)
        assert len(await direct.fetch(conn, LOCKED, {"match_id": first.id})) == 1

        # every saved column, with None in JSON columns and an aware datetime: the same
        # values written to one match directly and to another through SQLAlchemy
        when = datetime(2026, 11, 28, 10, 30, 15, 123456, tzinfo=UTC)
        values = {key: getattr(first, c) for key, c in _UPDATE_KEYS}
        values |= {"b_games": [[1, 0], [0, 1]], "b_maps": None, "b_placings": None,
                   "b_lobby": [3, 4], "b_status": "completed", "b_score1": 2,
                   "b_draw": True, "b_conditional": False, "b_scheduled_at": when,
                   "b_checked_in1_at": None, "b_updated_at": when, "b_stream_url": "ストリーム"}
        await direct.run_many(conn, _UPDATE, [
            values | {"b_id": second.id, "b_number": second.number}])
        await conn.execute(_UPDATE, [values | {"b_id": third.id, "b_number": third.number}])
        two, three = await _stored(conn, "match", [second.id, third.id])
        number = [c.name for c in TABLE.c][1:].index("number")
        assert two[:number] + two[number + 1:] == three[:number] + three[number + 1:]
        again = await direct.fetch(conn, LOCKED, {"match_id": second.id})
        assert _typed(again) == _typed((await conn.execute(
            LOCKED, {"match_id": second.id})).all())

        # seqs taken directly and through SQLAlchemy count on from each other
        (a,), = await direct.fetch(conn, TAKE_SEQS, {"id": first.tournament_id, "n": 2})
        (b,), = (await conn.execute(TAKE_SEQS, {"id": first.tournament_id, "n": 3})).all()
        assert (type(a), b) == (int, a + 3)

        # an event and an audit entry (with a None before: JSON null) written both ways
        at = utcnow()
        event_row = {"tournament_id": first.tournament_id, "type": "match.updated",
                     "data": dumps({"id": 1, "teams": [1, None], "name": "한국 日本"}),
                     "created_at": at}
        await direct.run_many(conn, _INSERT_ENCODED, [event_row | {"seq": b + 1}])
        await conn.execute(_INSERT_ENCODED, [event_row | {"seq": b + 2}])
        audit = {"at": at, "tournament_id": first.tournament_id, "actor_id": None,
                 "actor_name": "심판", "via": "token", "action": "match.report",
                 "target_type": "match", "target_id": str(first.id), "before": None,
                 "after": {"score": [2, 0]}}
        await direct.run_many(conn, AUDIT_INSERT, [audit])
        await conn.execute(AUDIT_INSERT, [audit])
        for table in ("event_log", "audit_log"):
            ids = [r[0] for r in (await conn.exec_driver_sql(
                f"SELECT id FROM {table} ORDER BY id DESC LIMIT 2")).all()]
            ours, theirs = await _stored(conn, table, ids)  # in id order: ours first
            if table == "event_log":  # the seqs differ by one, as given
                names = [r[0] for r in (await conn.exec_driver_sql(
                    "SELECT * FROM event_log LIMIT 0")).cursor.description][1:]
                seq = names.index("seq")
                assert (ours[seq], theirs[seq]) == (b + 1, b + 2)
                ours, theirs = ours[:seq] + ours[seq + 1:], theirs[:seq] + theirs[seq + 1:]
            assert ours == theirs
        raise RolledBack

    with pytest.raises(RolledBack):
        await ctx.write(check)


def test_a_statement_is_planned_per_dialect():
    """Planned for PostgreSQL first (the test above does, on that store), a statement still
    runs on the writer thread as SQLite's SQL."""
    from sqlalchemy.dialects.postgresql.asyncpg import PGDialect_asyncpg
    from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite

    on_pg = direct.plan(LOCKED, PGDialect_asyncpg())
    on_sqlite = direct.plan(LOCKED, SQLiteDialect_aiosqlite())
    assert on_pg is not None and on_sqlite is not None
    assert "FOR UPDATE OF" in on_pg.sql and "$1" in on_pg.sql
    assert "FOR UPDATE" not in on_sqlite.sql and on_sqlite.sql.endswith("?")


def test_a_sqlalchemy_that_compiles_differently_falls_back_to_its_execution(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """``direct`` reads processors SQLAlchemy keeps to itself. If a release changes them,
    the statement is not planned (the caller then runs it through SQLAlchemy: ``fetch`` and
    ``run_many`` take that path for ``None``), and the log says so once, never a crash."""
    import sqlalchemy
    from sqlalchemy import select
    from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite

    from tournament.models import Match

    def changed(*_: Any) -> Any:
        raise AttributeError("'SQLiteCompiler' object has no attribute '_bind_processors'")

    monkeypatch.setattr(direct, "_processors", changed)
    monkeypatch.setattr(direct, "_WARNED", [])
    fresh = [select(Match.id).where(Match.id == 1), select(Match.number).where(Match.id == 2)]
    with caplog.at_level("WARNING", logger="tournament.direct"):
        assert [direct.plan(s, SQLiteDialect_aiosqlite()) for s in fresh] == [None, None]
    (said,) = [r.getMessage() for r in caplog.records]  # once, for both statements
    assert said.startswith(f"direct: SQLAlchemy {sqlalchemy.__version__} compiles differently")
