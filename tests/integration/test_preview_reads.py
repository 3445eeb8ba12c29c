"""The correction preview (``POST /api/matches/{id}/preview``) reads the matches a
correction resets once, after the change is rolled back: their ids, M numbers and which of
them hold a result from one query (it read the same rows twice, three times for a referee's
preview named by M number)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event as sa_event

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


@contextmanager
def statements(app: Any) -> Iterator[list[str]]:
    """Every SQL statement the app sends while the block runs, and ``ROLLBACK`` where a
    transaction is rolled back."""
    seen: list[str] = []
    db = app.state.ctx.db
    engines = {id(e): e for e in (db.engine, db.write_engine)}.values()

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(" ".join(statement.split()))

    def rolled_back(_conn: Any) -> None:
        seen.append("ROLLBACK")
    for engine in engines:
        sa_event.listen(engine.sync_engine, "before_cursor_execute", count)
        sa_event.listen(engine.sync_engine, "rollback", rolled_back)
    try:
        yield seen
    finally:
        for engine in engines:
            sa_event.remove(engine.sync_engine, "before_cursor_execute", count)
            sa_event.remove(engine.sync_engine, "rollback", rolled_back)


def _match_reads_after_the_change(seen: list[str]) -> list[str]:
    """The reads of the match table after the change's last write (the preview's own)."""
    writes = [i for i, s in enumerate(seen) if s.startswith(("INSERT", "UPDATE", "DELETE"))]
    return [s for s in seen[writes[-1] + 1:] if s.startswith("SELECT")
            and re.search(r'FROM "?match"? ', s)]


async def test_an_admins_preview_reads_the_reset_matches_once(client, app):
    """Swiss round 2 paired and its M5 played: flipping M3 resets M5-M8, M5 played."""
    event = await make_event(client, 8)
    swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "wins_to_advance": 2, "losses_to_eliminate": 2})
    m = by_number(swiss)
    for n in (1, 2, 3, 4):
        assert (await report(client, m[n]["id"], [1, 0])).status_code == 200
    assert (await report(client, by_number(await stage(client, swiss["id"]))[5]["id"],
                         [1, 0])).status_code == 200
    flip = {"score": [0, 1], "status": "completed"}
    with statements(app) as seen:
        r = await client.post(f"/api/matches/{m[3]['id']}/preview", json=flip, headers=AUTH)
    assert r.status_code == 200, r.text
    assert (r.json()["reset_numbers"], r.json()["played_numbers"]) == ([5, 6, 7, 8], [5])
    assert len(r.json()["reset_matches"]) == 4
    assert len(_match_reads_after_the_change(seen)) == 1, _match_reads_after_the_change(seen)
