"""A calendar entry's DTSTAMP says when what it shows was last revised: a rename of the
opponent or of the stage is a revision, though not of the match itself (RFC 5545 3.8.7.2)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import update
from sqlmodel import col

from tests.helpers import AUTH, make_event, make_stage
from tournament.models import AuditEntry, Match, Team

pytestmark = pytest.mark.asyncio(loop_scope="session")
LONG_AGO = datetime(2026, 1, 1, tzinfo=UTC)


async def _entry(client, team: int) -> tuple[str, str, datetime, int]:
    r = await client.get(f"/teams/{team}/schedule.ics?lang=en")
    (event,) = Calendar.from_ical(r.content).walk("VEVENT")
    return (str(event["summary"]), str(event["description"]).split(" · ")[0],
            event.decoded("dtstamp"), int(event["sequence"]))


async def test_a_rename_is_a_revision_of_the_entries_that_show_the_name(app, client):
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    (match,) = st["matches"]
    home, away = event["teams"]
    r = await client.patch(f"/api/matches/{match['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    version = r.json()["version"]
    ours = update(AuditEntry).where(col(AuditEntry.target_type).in_(["team", "stage"]),
                                    col(AuditEntry.target_id).in_([str(home), str(away),
                                                                   str(st["id"])]))
    async with app.state.ctx.db.write() as session:  # everything so far: long ago
        await session.exec(update(Match).where(Match.id == match["id"])  # type: ignore
                           .values(updated_at=LONG_AGO))
        await session.exec(ours.values(at=LONG_AGO))  # type: ignore
        await session.commit()
    assert await _entry(client, home) == ("Team 1 vs Team 2", st["name"], LONG_AGO, version)

    before = datetime.now(UTC).replace(microsecond=0)
    r = await client.patch(f"/api/teams/{away}", json={"name": "Renamed Rivals"}, headers=AUTH)
    assert r.status_code == 200, r.text
    summary, stage, stamp, sequence = await _entry(client, home)
    assert (summary, stage, sequence) == ("Team 1 vs Renamed Rivals", st["name"], version)
    assert before <= stamp <= datetime.now(UTC)
    # the renamed team's own feed: its own name changed
    assert (await _entry(client, away))[0] == "Renamed Rivals vs Team 1"

    async with app.state.ctx.db.write() as session:  # (the feed is cached until a change)
        await session.exec(ours.values(at=LONG_AGO))  # type: ignore
        await session.commit()
    before = datetime.now(UTC).replace(microsecond=0)
    r = await client.patch(f"/api/stages/{st['id']}", json={"name": "Final day"}, headers=AUTH)
    assert r.status_code == 200, r.text
    summary, stage, stamp, sequence = await _entry(client, home)
    assert (stage, sequence) == ("Final day", version)
    assert before <= stamp <= datetime.now(UTC)


async def test_an_entry_annulled_or_counted_again_by_another_match_is_a_revision(app, client):
    """Team 4 beats team 1 and withdraws (its two other matches forfeited): under
    annul_before_half it played 1 of 3, so team 1's entry for that match says annulled,
    though the match itself never changed. The forfeit of 4 v 3 replaced by the result it
    was played with, 4 has played 2 of 3: the entry counts again. Each time the entry's
    DTSTAMP moves."""
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={"withdrawn_results": "annul_before_half"})
    ours = next(m for m in st["matches"] if set(m["teams"]) == {t[0], t[3]})
    r = await client.patch(f"/api/matches/{ours['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00", "forfeit": None,
        "score": [0, 1] if ours["teams"][0] == t[0] else [1, 0], "status": "completed"},
        headers=AUTH)
    assert r.status_code == 200, r.text

    async def long_ago() -> None:
        """Everything of this tournament so far: long ago (the feed is cached until a
        change, and every change comes after)."""
        async with app.state.ctx.db.write() as session:
            await session.exec(update(Match).where(  # type: ignore[call-overload]
                col(Match.stage_id) == st["id"]).values(updated_at=LONG_AGO))
            await session.exec(update(Team).where(  # type: ignore[call-overload]
                col(Team.id).in_(t), col(Team.withdrawn)).values(withdrawn_at=LONG_AGO))
            await session.exec(update(AuditEntry).where(  # type: ignore[call-overload]
                col(AuditEntry.target_type).in_(["team", "stage", "tournament"]),
                col(AuditEntry.target_id).in_([str(x) for x in (*t, st["id"])])).values(
                at=LONG_AGO))
            await session.commit()

    await long_ago()
    summary, _, stamp, version = await _entry(client, t[0])
    assert (summary, stamp) == ("Team 1 vs Team 4", LONG_AGO)
    r = await client.post(f"/api/teams/{t[3]}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text
    summary, _, stamp, sequence = await _entry(client, t[0])
    assert (summary, sequence) == ("Team 1 vs Team 4 (annulled)", version)
    assert stamp > LONG_AGO

    await long_ago()  # (read from the cache until the next change)
    other = next(m for m in (await client.get(f"/api/stages/{st['id']}")).json()["matches"]
                 if set(m["teams"]) == {t[2], t[3]})
    # its forfeit replaced by the result it was played with (an admin's ruling)
    r = await client.patch(f"/api/matches/{other['id']}", json={
        "score": [1, 0] if other["teams"][0] == t[2] else [0, 1], "status": "completed"},
        headers=AUTH)
    assert r.status_code == 200, r.text
    summary, _, stamp, sequence = await _entry(client, t[0])
    assert (summary, sequence) == ("Team 1 vs Team 4", version)
    assert stamp > LONG_AGO
