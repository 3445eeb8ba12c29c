"""The read a match change starts with (``services/locked.py``): plain rows holding what the
ORM would load, the matches the winner and loser go to, and ORM objects made from the row
only when a step changes the stage: the session's own when it has them, otherwise ones
whose later changes are written like a loaded object's."""

from __future__ import annotations

import pytest

from tests.helpers import make_event, make_stage
from tournament.models import Stage, Tournament
from tournament.services.locked import load_locked
from tournament.services.sql_store import TABLE, load_matches


async def _first_match(session, stage_id):
    (m,) = await load_matches(session, TABLE.c.stage_id == stage_id, TABLE.c.number == 1)
    return m


@pytest.mark.asyncio(loop_scope="session")
async def test_the_locked_read_holds_what_the_orm_loads(app, client):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"grand_final": "reset"})
    async with app.state.ctx.db.write() as session:
        first = await _first_match(session, st["id"])
        locked = await load_locked(session, first.id)
        stage = await session.get(Stage, st["id"])
        tournament = await session.get(Tournament, first.tournament_id)
        assert stage is not None and tournament is not None
        assert (locked.match.id, locked.match.teams) == (first.id, first.teams)
        fed = {m.number: m for m in locked.fed}
        assert set(fed) == {first.winner_to, first.loser_to}
        for number, stored in fed.items():
            (again,) = await load_matches(session, TABLE.c.stage_id == st["id"],
                                          TABLE.c.number == number)
            assert (stored.id, stored.teams, stored.filled1, stored.filled2) == \
                (again.id, again.teams, again.filled1, again.filled2)
        assert locked.stage == {k: getattr(stage, k) for k in locked.stage}
        assert locked.tournament == {k: getattr(tournament, k) for k in locked.tournament}
        assert list(locked.seeding) == stage.seeding == event["teams"]
        assert locked.stage_info().seeding[0] == event["teams"][0]
        # the session already holds both: objects() hands out those, not copies
        assert locked.objects(session) == (tournament, stage)
        assert locked.objects(session)[1] is stage


@pytest.mark.asyncio(loop_scope="session")
async def test_objects_made_from_the_row_write_only_what_changes(app, client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    ctx = app.state.ctx
    async with ctx.db.write() as session:
        locked = await load_locked(session, (await _first_match(session, st["id"])).id)
        tournament, stage = locked.objects(session)
        assert stage.seeding == event["teams"] and tournament.id == locked.tournament_id
        assert not session.dirty  # persistent and unchanged: nothing to write
        stage.hold = {"code": "waiting_for_stage", "stage": 0}
        assert session.dirty
    async with ctx.db.read() as session:
        back = await session.get(Stage, st["id"])
        assert back is not None
        assert back.hold == {"code": "waiting_for_stage", "stage": 0}
        assert (back.name, back.seeding, back.status) == ("Playoffs", event["teams"],
                                                          st["status"])


@pytest.mark.asyncio(loop_scope="session")
async def test_the_locked_read_of_a_missing_match_is_not_found(app):
    from tournament.errors import NotFound
    async with app.state.ctx.db.write() as session:
        with pytest.raises(NotFound):
            await load_locked(session, 10**9)
