"""``emit`` encodes an event's data once, for its row and for the message sent: the text
published is the one a replay of the stored row gives, on both stores."""

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
