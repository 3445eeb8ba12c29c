"""``emit`` and ``emit_many`` encode an event's data once, for its row and for the message
sent: the text published is the one a replay of the stored row gives, on both stores."""

from __future__ import annotations

import pytest
from sqlmodel import select

from tests.helpers import make_event
from tournament.live import outbox
from tournament.live.messages import dumps
from tournament.models import EventLog, Tournament

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_an_emitted_event_is_sent_as_its_stored_row_replays(app, client):
    event = await make_event(client, 0)
    data = {"name": "결승 · 決勝 \"final\"\n", "matches": [{"id": 1, "teams": [None, 2]}],
            "standings": [], "score": 1.5, "ok": True}
    async with app.state.ctx.db.write() as session:
        tid = (await session.exec(select(Tournament.id).where(
            Tournament.slug == event["slug"]))).one()
        assert tid is not None
        row = await outbox.emit(session, tid, "stage.updated", data)
        (pending,) = outbox.pending(session)
        assert pending is row
    async with app.state.ctx.db.read() as session:
        (stored,) = await outbox.since(session, tid, row.seq - 1)
    assert isinstance(stored, EventLog) and stored.data == data and stored.seq == row.seq
    assert outbox.message_text(row) == dumps(outbox.message(stored))
    assert outbox.message_text(stored) == dumps(outbox.message(stored))  # read back: encoded


async def test_events_emitted_together_are_sent_as_their_stored_rows_replay(app, client):
    """``emit_many`` (a result's events): on SQLite run on the writer thread, as the API
    runs it, where the row is written straight through sqlite3 (``direct.py``)."""
    event = await make_event(client, 0)
    ctx = app.state.ctx
    async with ctx.db.read() as session:
        tid = (await session.exec(select(Tournament.id).where(
            Tournament.slug == event["slug"]))).one()
    assert tid is not None
    events = [("match.updated", {"id": 1, "teams": [1, None], "name": "한국 vs 日本 \"A\""}),
              ("standings.updated", {"rows": [], "ratio": 0.5, "ok": False})]

    async def emit(session):
        return await outbox.emit_many(session, tid, events)

    sent = await ctx.write(emit)
    async with ctx.db.read() as session:
        stored = await outbox.since(session, tid, sent[0].seq - 1)
    assert [(s.seq, s.type, s.data) for s in stored] == \
        [(s.seq, t, d) for s, (t, d) in zip(sent, events, strict=True)]
    assert [s.seq for s in sent] == [sent[0].seq, sent[0].seq + 1]
    for row, back in zip(sent, stored, strict=True):
        assert outbox.message_text(row) == dumps(outbox.message(back)) \
            == outbox.message_text(back)
