"""The ``snapshot`` a client gets when it is too far behind for a replay.

It holds what a page needs to rebuild its view without a reload: the tournament (with its
nation table), every event with its teams and placements, and every stage with its matches
and standings; ``seq`` is the last event it includes. It is read in one consistent
transaction (REPEATABLE READ on PostgreSQL; an SQLite read transaction already is one), so
``seq`` and the data agree.
"""

from __future__ import annotations

from typing import Any

from ..db import Database
from .reads import event_detail, tournament_detail
from .stage_reads import stage_by_id, stage_view


async def snapshot(db: Database, slug: str) -> tuple[int, dict[str, Any]]:
    async with db.read() as session:
        if not db.is_sqlite:
            await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        data = await tournament_detail(session, slug)
        events = [await event_detail(session, slug, e["slug"]) for e in data["events"]]
        data["events"] = events
        data["stages"] = [await stage_view(session, await stage_by_id(session, s["id"]))
                          for e in events for s in e["stages"]]
        return int(data["last_seq"]), data
