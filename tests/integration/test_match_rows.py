"""The match table and the state machine's match state are the same columns, so a column
added to the model is read and written by the store without touching the write path."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.helpers import make_event, make_stage
from tournament.formats.machine_types import Changes
from tournament.formats.state import COLUMNS
from tournament.models import Match
from tournament.services.sql_store import TABLE, SqlStore, load_matches


def test_every_column_is_a_field_of_the_match_state():
    assert set(COLUMNS) == set(Match.__table__.columns.keys())  # type: ignore[attr-defined]


@pytest.mark.asyncio(loop_scope="session")
async def test_every_field_round_trips_through_the_store(app, client):
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    ctx = app.state.ctx
    async with ctx.db.write() as session:
        store = SqlStore(session, st["id"])
        (m,) = await store.all()
        # change every field the machine may change to a value it never had
        m.team1_id, m.team2_id = m.team2_id, m.team1_id
        m.filled1 = m.filled2 = True
        m.score1, m.score2, m.games, m.maps = 2, 1, [[13, 9], [5, 13], [13, 2]], ["A", None, "B"]
        m.game_in_play = True
        m.best_of, m.status, m.winner, m.draw, m.forfeit = 3, "completed", 1, False, None
        m.scheduled_at = datetime(2026, 11, 28, 11, 0, tzinfo=UTC)
        m.stream_url, m.active, m.conditional, m.version = "https://example.com/s", True, False, 7
        m.updated_at = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
        await store.save(Changes(changed={m.number: m}))
        (back,) = await load_matches(session, TABLE.c.id == m.id)
        for name in COLUMNS:
            want, got = getattr(m, name), getattr(back, name)
            if isinstance(want, datetime):
                got = got.replace(tzinfo=UTC) if got.tzinfo is None else got
            assert got == want, name
        await session.rollback()
