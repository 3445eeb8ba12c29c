"""The organizer's schedule through the API: clash checks (refused unless overridden), how
long a game takes, a referee's check-in, and the match list. Every refusal changes
nothing."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_schedule_clashes_are_refused_unless_overridden(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m1, m2 = by_number(st)[1], by_number(st)[2]
    place = {"scheduled_at": "2026-11-28T19:00:00+09:00", "venue": "Hall A", "station": "1"}
    r = await client.patch(f"/api/matches/{m1['id']}", json=place, headers=AUTH)
    assert r.status_code == 200, r.text
    later = {**place, "scheduled_at": "2026-11-28T20:30:00+09:00"}  # within m1's 2 hours
    r = await client.patch(f"/api/matches/{m2['id']}", json=later, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "schedule_clash"
    assert [(c["kind"], c["other"]) for c in r.json()["clashes"]] == [("station", m1["id"])]
    assert (await client.get(f"/api/matches/{m2['id']}")).json()["scheduled_at"] is None
    r = await client.patch(f"/api/matches/{m2['id']}", json={**later, "station": "2"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{m2['id']}", json={"station": "1",
                                                             "override": True}, headers=AUTH)
    assert r.status_code == 200 and r.json()["station"] == "1"
    # a whole round at once over two stations: both play at 13:00 (the interval is between
    # one station's matches); without stations, one match every 30 minutes
    r = await client.post(f"/api/stages/{st['id']}/schedule", json={
        "round": 1, "starts_at": "2026-11-29T13:00:00+09:00", "interval_minutes": 30,
        "venue": "Hall B", "stations": ["A", "B"]}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert [(m["scheduled_at"], m["station"]) for m in r.json()["matches"]] == [
        ("2026-11-29T13:00:00+09:00", "A"), ("2026-11-29T13:00:00+09:00", "B")]
    r = await client.post(f"/api/stages/{st['id']}/schedule", json={
        "round": 1, "starts_at": "2026-11-29T15:00:00+09:00", "interval_minutes": 30,
        "venue": "Hall B"}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert [m["scheduled_at"] for m in r.json()["matches"]] == [
        "2026-11-29T15:00:00+09:00", "2026-11-29T15:30:00+09:00"]


async def test_a_stage_says_how_long_a_game_takes(client):
    """game_minutes: a best-of-3 of 20-minute games (eFootball) is over in 40 minutes, so
    the next match on the station 45 minutes later does not clash; with the default hour
    a game it would."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3, "game_minutes": 20})
    assert st["settings"]["game_minutes"] == 20
    m1, m2 = by_number(st)[1], by_number(st)[2]
    place = {"scheduled_at": "2026-11-28T19:00:00+09:00", "venue": "Hall A", "station": "1"}
    assert (await client.patch(f"/api/matches/{m1['id']}", json=place,
                               headers=AUTH)).status_code == 200
    for at, code in (("19:30", 409), ("19:45", 200)):
        r = await client.patch(f"/api/matches/{m2['id']}", json={
            **place, "scheduled_at": f"2026-11-28T{at}:00+09:00"}, headers=AUTH)
        assert r.status_code == code, (at, r.text)
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "X", "format": "single_elimination", "seeding": event["teams"],
        "settings": {"game_minutes": 4}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == "settings.game_minutes"


async def test_check_in_by_a_referee_and_the_match_list(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m1, m2 = by_number(st)[1], by_number(st)[2]
    r = await client.post("/api/users", json={"name": f"ref-{event['slug']}"}, headers=AUTH)
    referee = {"Authorization": f"Bearer {r.json()['token']}"}
    r = await client.patch(f"/api/matches/{m1['id']}", json={"checked_in": [True, False]},
                           headers=referee)
    assert r.status_code == 200, r.text
    first = r.json()["checked_in_at"]
    assert first[0] is not None and first[1] is None
    r = await client.patch(f"/api/matches/{m1['id']}", json={"checked_in": [True, True]},
                           headers=referee)
    assert r.json()["checked_in_at"][0] == first[0]  # the first check-in time stays
    r = await client.patch(f"/api/matches/{m1['id']}", json={"station": "3"}, headers=referee)
    assert r.status_code == 403
    await client.patch(f"/api/matches/{m2['id']}", json={
        "scheduled_at": "2020-01-01T10:00:00+09:00", "station": "9"}, headers=AUTH)
    await report(client, m1["id"], [1, 0])
    base = f"/api/matches?tournament={event['slug']}"
    listed = (await client.get(base)).json()
    assert [m["id"] for m in listed["items"]][:1] == [m2["id"]]  # scheduled first
    late = (await client.get(base + "&status=late")).json()["items"]
    assert [m["id"] for m in late] == [m2["id"]] and late[0]["late"] is True
    done = (await client.get(base + "&status=completed")).json()["items"]
    assert [m["id"] for m in done] == [m1["id"]]
    assert [m["id"] for m in (await client.get(base + "&station=9")).json()["items"]] == [
        m2["id"]]
    day = (await client.get(base + "&day=2020-01-01")).json()["items"]
    assert [m["id"] for m in day] == [m2["id"]]
    page = (await client.get(base + "&limit=1")).json()
    assert len(page["items"]) == 1 and page["next"] == "1"
    rest = (await client.get(base + f"&limit=1&cursor={page['next']}")).json()
    assert rest["items"][0]["id"] != page["items"][0]["id"]
    # a NUL in a filter (PostgreSQL refuses it in text) or a filter longer than any place; a
    # day whose midnight is out of datetime's range, and digits of other scripts ("²", "١")
    # in a cursor, were 500s; a cursor too long to be a page was read as the first page
    for query in ("&status=done", "&day=tomorrow", "&stage=-1", "&colour=red", "&cursor=x",
                  "&station=%00S", "&venue=" + "x" * 101, "&day=0001-01-01", "&day=9999-12-31",
                  "&cursor=%C2%B2", "&cursor=%D9%A1", "&cursor=1000000000"):
        r = await client.get(base + query)
        assert (r.status_code, r.json()["error"]["code"]) == (400, "invalid_parameter"), query
