"""API.md's live feed: "stage.updated (new pairings, standings)", "tournament.updated
(nation table)". A result that moves a stage's standings is followed by the stage read
whole and the tournament with its nation table, for a round robin and a knockout alike (the
API review found only match.updated after a two-team result: an integration that shows
standings or the nation table never heard they moved); a live score or a time is not."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def events_after(db_url: str, slug: str, seq: int) -> list[tuple[str, dict]]:
    engine = create_async_engine(db_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(text(
                "SELECT e.type, e.data FROM event_log e JOIN tournament t ON t.id = "
                "e.tournament_id WHERE t.slug = :slug AND e.seq > :seq ORDER BY e.seq"),
                {"slug": slug, "seq": seq})
            return [(r[0], r[1] if isinstance(r[1], dict) else json.loads(r[1]))
                    for r in rows]
    finally:
        await engine.dispose()


async def last(client, slug: str) -> int:
    return int((await client.get(f"/api/tournaments/{slug}")).json()["last_seq"])


async def test_a_result_that_moves_the_standings_sends_the_stage(client, db_url):
    event = await make_event(client, 4)
    a, b = event["teams"][:2]
    league = await make_stage(client, event, name="League", format="round_robin")
    m = next(x for x in league["matches"] if set(x["teams"]) == {a, b})
    seq = await last(client, event["slug"])
    r = await client.patch(f"/api/matches/{m['id']}", json={"score": [0, 0], "status": "live"},
                           headers=AUTH)
    assert r.status_code == 200
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "scheduled_at": "2026-12-01T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200
    other = next(x for x in league["matches"] if x["status"] == "ready" and x["id"] != m["id"])
    r = await client.patch(f"/api/matches/{other['id']}", json={
        "stream_url": "https://twitch.tv/kj", "scheduled_at": "2026-12-01T20:00:00+09:00"},
        headers=AUTH)
    assert r.status_code == 200
    assert [t for t, _ in await events_after(db_url, event["slug"], seq)] == \
        ["match.updated"] * 3  # a live score, a time or a stream moves no standings
    seq = await last(client, event["slug"])
    winner_side = [1, 0] if m["teams"][0] == a else [0, 1]
    assert (await report(client, m["id"], winner_side)).status_code == 200
    sent = await events_after(db_url, event["slug"], seq)
    assert [t for t, _ in sent] == ["match.updated", "stage.updated", "tournament.updated"]
    stage_data = sent[1][1]
    assert stage_data["id"] == league["id"]
    assert {r["team_id"]: r["points"] for r in stage_data["standings"]}[a] == 3
    assert stage_data["standings"][0]["team_id"] == a  # as GET /api/stages/{id} ranks it
    now = (await client.get(f"/api/stages/{league['id']}")).json()
    assert stage_data["standings"] == now["standings"]

    # a knockout: the loser's place is now known, the next match has its team
    ko = await make_stage(client, event, name="Cup")
    seq = await last(client, event["slug"])
    first = by_number(ko)[1]
    assert (await report(client, first["id"], [1, 0])).status_code == 200
    sent = await events_after(db_url, event["slug"], seq)
    assert [t for t, _ in sent] == ["match.updated", "match.updated", "stage.updated",
                                    "tournament.updated"]
    loser = first["teams"][1]
    assert {r["team_id"]: r["rank"] for r in sent[2][1]["standings"]}[loser] == 3
    # the nation table with it: the two teams are of two nations (KR, JP)
    nations = {n["nation"]: n for n in sent[3][1]["nations"]}
    assert nations == {n["nation"]: n for n in (await client.get(
        f"/api/tournaments/{event['slug']}")).json()["nations"]}
    # taken back: the standings move again, and so does the feed
    seq = await last(client, event["slug"])
    r = await client.patch(f"/api/matches/{first['id']}", json={"status": "ready"},
                           headers=AUTH)
    assert r.status_code == 200
    sent = await events_after(db_url, event["slug"], seq)
    assert [t for t, _ in sent][-2:] == ["stage.updated", "tournament.updated"]
    assert {r["team_id"]: r["rank"] for r in sent[-2][1]["standings"]}[loser] is None


async def test_every_tournament_update_carries_the_nation_table(client, db_url):
    """An edit of the tournament and a deleted event sent the short tournament view, with
    no nation table and no events (the API review); every tournament.updated has them."""
    event = await make_event(client, 2)
    slug = event["slug"]
    r = await client.post(f"/api/tournaments/{slug}/events", json={"slug": "spare",
                                                                   "name": "Spare"},
                          headers=AUTH)
    assert r.status_code == 201
    seq = await last(client, slug)
    r = await client.patch(f"/api/tournaments/{slug}", json={"names": {"ko": "컵 2"}},
                           headers=AUTH)
    assert r.status_code == 200
    assert (await client.delete(f"/api/tournaments/{slug}/events/spare",
                                headers=AUTH)).status_code == 200
    sent = await events_after(db_url, slug, seq)
    assert [t for t, _ in sent] == ["tournament.updated", "tournament.updated"]
    read = (await client.get(f"/api/tournaments/{slug}")).json()
    for _, data in sent:
        assert {"nations", "events", "nation_pairs"} <= set(data)
    assert [e["slug"] for e in sent[0][1]["events"]] == ["lol", "spare"]
    assert [e["slug"] for e in sent[1][1]["events"]] == ["lol"]
    assert sent[1][1]["nations"] == read["nations"] and sent[0][1]["names"]["ko"] == "컵 2"


async def test_a_team_changing_nation_sends_the_nation_table(client, db_url):
    """A team's nation moved (KR to JP): its wins count for the other nation now, so the
    feed sends the nation table after the team (the tournament page kept the old table)."""
    event = await make_event(client, 2)
    stage_ = await make_stage(client, event)
    a = event["teams"][0]  # KR; the other team is JP
    m = stage_["matches"][0]
    assert (await report(client, m["id"], [1, 0] if m["teams"][0] == a else [0, 1])
            ).status_code == 200
    seq = await last(client, event["slug"])
    r = await client.patch(f"/api/teams/{a}", json={"names": {"ko": "새 이름"}}, headers=AUTH)
    assert r.status_code == 200
    assert [t for t, _ in await events_after(db_url, event["slug"], seq)] == ["event.updated"]
    seq = await last(client, event["slug"])
    r = await client.patch(f"/api/teams/{a}", json={"nation": "CN"}, headers=AUTH)
    assert r.status_code == 200
    sent = await events_after(db_url, event["slug"], seq)
    assert [t for t, _ in sent] == ["event.updated", "tournament.updated"]
    table = {row["nation"]: (row["match_wins"], row["match_losses"])
             for row in sent[1][1]["nations"]}
    assert table == {"CN": (1, 0), "JP": (0, 1)}
