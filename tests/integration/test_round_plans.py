"""Round plans (``services/round_plans.py``): a round planned before its matches exist gets
the planned times when they are made (a Swiss round paired, a repaired round paired again,
a stage seeded from an earlier one starting, a bracket reset taken into play), exactly as
the round schedule would have given them, on the live feed and the calendar too; a clash
then is recorded on the plan, never a refusal of the result. Plans are changed and removed
and bad input changes nothing."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage
from tests.round_plans_support import PLAN, PLANNED, SWISS, plans, times

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_swiss_round_planned_ahead_is_paired_with_its_times(client):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json=PLAN, headers=AUTH)
    assert r.status_code == 201, r.text
    plan = r.json()["plan"]
    assert r.json()["scheduled"] is False and r.json()["matches"] == []
    assert (plan["round"], plan["starts_at"], plan["stations"], plan["applied"]) == (
        2, "2026-11-30T13:00:00+09:00", ["1", "2"], None)
    for m in st["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    view = await stage(client, st["id"])
    assert times(view, 2) == PLANNED
    assert {m["venue"] for m in view["matches"] if m["round"] == 2} == {"Hall A"}
    assert times(view, 1) == [(None, None)] * 4  # round 1 was never scheduled
    [kept] = await plans(client, st["id"])
    assert kept["applied"]["matches"] == [m["id"] for m in sorted(
        view["matches"], key=lambda m: m["number"]) if m["round"] == 2]
    assert kept["applied"]["clashes"] == []
    # exactly what scheduling the round now gives: nothing moves
    r = await client.post(f"/api/stages/{st['id']}/schedule", json=PLAN, headers=AUTH)
    assert r.status_code == 200 and [(m["scheduled_at"], m["station"])
                                     for m in r.json()["matches"]] == PLANNED
    # a correction pairs round 2 again: the new matches get the plan's times too
    r = await report(client, st["matches"][0]["id"], [0, 1])
    assert r.status_code == 200, r.text
    again = await stage(client, st["id"])
    assert times(again, 2) == PLANNED
    assert {m["id"] for m in again["matches"] if m["round"] == 2}.isdisjoint(
        kept["applied"]["matches"])
    audit = (await client.get(f"/api/tournaments/{event['slug']}/audit",
                              params={"action": "round_plan.save"}, headers=AUTH)).json()
    assert [(e["target"], e["after"]["round"]) for e in audit["items"]] == [
        ({"type": "stage", "id": st["id"]}, 2)]


async def test_a_round_that_exists_is_scheduled_now_and_a_clash_refused(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    body = {"round": 1, "starts_at": "2026-11-30T13:00:00+09:00", "venue": "Hall A",
            "stations": ["1", "2"]}
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["plan"] is None and r.json()["scheduled"] is True
    assert [m["scheduled_at"] for m in r.json()["matches"]] == [
        "2026-11-30T13:00:00+09:00"] * 2  # one on each station
    assert await plans(client, st["id"]) == []
    # both on station 1 at once (no interval): refused unless overridden, and nothing stored
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json={
        **body, "starts_at": "2026-11-30T18:00:00+09:00", "stations": ["1"]}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "schedule_clash"
    assert {m["scheduled_at"] for m in (await stage(client, st["id"]))["matches"]
            if m["round"] == 1} == {"2026-11-30T13:00:00+09:00"}


async def test_a_clash_when_the_round_is_made_never_blocks_the_result(client):
    """The plan puts round 2 on a station another stage already uses: the result that pairs
    round 2 is taken, round 2 gets its planned times, and the plan lists the clash."""
    event = await make_event(client, 8)
    other = await make_stage(client, event, name="Show match", settings={"best_of": 1},
                             seeding=event["teams"][:2])
    busy = other["matches"][0]
    r = await client.patch(f"/api/matches/{busy['id']}", json={
        "scheduled_at": "2026-11-30T13:30:00+09:00", "venue": "Hall A", "station": "1"},
        headers=AUTH)
    assert r.status_code == 200, r.text
    st = await make_stage(client, event, format="swiss", settings=SWISS, name="Swiss")
    # saving it is refused for the clash (plan_clashes.py), saved anyway when overridden
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json=PLAN, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "schedule_clash"
    r = await client.post(f"/api/stages/{st['id']}/round-plans",
                          json={**PLAN, "override": True}, headers=AUTH)
    assert r.status_code == 201, r.text
    for m in st["matches"]:
        r = await report(client, m["id"], [1, 0])
        assert r.status_code == 200, r.text
    view = await stage(client, st["id"])
    assert times(view, 2) == PLANNED
    first = by_number(view)[5]  # round 2's first match: station 1 at 13:00
    [kept] = await plans(client, st["id"])
    clashes = {(c["match"], c["other"], c["kind"]) for c in kept["applied"]["clashes"]}
    assert (first["id"], busy["id"], "station") in clashes


async def test_a_stage_waiting_for_another_starts_with_its_planned_round(client):
    event = await make_event(client, 4)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"advance": 2})
    final = await make_stage(client, event, name="Final",
                             seeding={"from_stage": groups["id"], "qualifiers": 2})
    assert final["matches"] == []
    r = await client.post(f"/api/stages/{final['id']}/round-plans", json={
        "round": 1, "starts_at": "2026-12-01T19:00:00+09:00", "venue": "Arena"}, headers=AUTH)
    assert r.status_code == 201, r.text
    for m in groups["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    started = await stage(client, final["id"])
    assert [(m["scheduled_at"], m["venue"]) for m in started["matches"]] == [
        ("2026-12-01T19:00:00+09:00", "Arena")]


async def test_plans_are_changed_and_removed_and_bad_input_changes_nothing(client):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    url = f"/api/stages/{st['id']}/round-plans"
    first = (await client.post(url, json=PLAN, headers=AUTH)).json()["plan"]
    # round 3 a day later (at round 2's time it would clash with it: plan_clashes.py)
    third = (await client.post(url, json={**PLAN, "round": 3, "starts_at":
                                          "2026-12-01T13:00:00+09:00"},
                               headers=AUTH)).json()["plan"]
    # the same round saved again replaces its plan (same id)
    r = await client.post(url, json={**PLAN, "interval_minutes": 60}, headers=AUTH)
    assert r.status_code == 201 and r.json()["plan"]["id"] == first["id"]
    assert [(p["id"], p["round"], p["interval_minutes"]) for p in await plans(
        client, st["id"])] == [(first["id"], 2, 60), (third["id"], 3, 90)]
    r = await client.put(f"{url}/{third['id']}", json={**PLAN, "round": 2}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "round_plan_exists"
    r = await client.put(f"{url}/{third['id']}", json={**PLAN, "round": 3,
                                                        "starts_at": "2026-12-01T10:00:00Z"},
                         headers=AUTH)
    assert r.status_code == 200 and r.json()["plan"]["starts_at"] == \
        "2026-12-01T19:00:00+09:00"
    for bad in ({**PLAN, "round": 0}, {**PLAN, "stations": [""]}, {"round": 2},
                {**PLAN, "referee_id": 999999}):
        r = await client.post(url, json=bad, headers=AUTH)
        assert r.status_code == 422, (bad, r.text)
    assert (await client.post(url, json=PLAN)).status_code == 401
    assert (await client.get(url)).status_code == 401
    r = await client.delete(f"{url}/{first['id']}", headers=AUTH)
    assert r.status_code == 200 and r.json()["round"] == 2
    assert (await client.delete(f"{url}/{first['id']}", headers=AUTH)).status_code == 404
    assert (await client.put(f"{url}/999", json=PLAN, headers=AUTH)).status_code == 404
    assert [(p["round"], p["starts_at"]) for p in await plans(client, st["id"])] == [
        (3, "2026-12-01T19:00:00+09:00")]
    for m in st["matches"]:  # round 2 has no plan any more: paired without times
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    assert set(times(await stage(client, st["id"]), 2)) == {(None, None)}


async def test_a_planned_swiss_round_reaches_the_feed_and_the_calendar(db_url):
    """On a real server: the result that completes round 1 pairs round 2, whose matches
    are sent on the live feed with the planned times, and a team's calendar feed has its
    round 2 match at the planned time and place."""
    from datetime import datetime

    import httpx
    import websockets
    from icalendar import Calendar

    from tests.live_support import Servers, last_seq, recv_json

    with Servers() as servers:
        server = servers.start(db_url)
        async with httpx.AsyncClient(base_url=server.url) as client:
            event = await make_event(client, 8)
            st = await make_stage(client, event, format="swiss", settings=SWISS)
            r = await client.post(f"/api/stages/{st['id']}/round-plans", json=PLAN,
                                  headers=AUTH)
            assert r.status_code == 201, r.text
            for m in st["matches"][:-1]:
                assert (await report(client, m["id"], [1, 0])).status_code == 200
            base = await last_seq(client, event["slug"])
            feed = f"{server.ws}/ws/tournaments/{event['slug']}?since={base}"
            async with websockets.connect(feed) as ws:
                assert (await report(client, st["matches"][-1]["id"], [1, 0])
                        ).status_code == 200
                sent: dict[int, dict] = {}
                while len([m for m in sent.values() if m["round"] == 2]) < 4:
                    msg = await recv_json(ws)
                    if msg["type"] == "match.updated":
                        sent[msg["data"]["id"]] = msg["data"]
                    elif msg["type"] == "stage.updated":
                        sent.update({x["id"]: x for x in msg["data"]["matches"]})
            round2 = sorted((m for m in sent.values() if m["round"] == 2),
                            key=lambda m: m["number"])
            assert [(m["scheduled_at"], m["station"]) for m in round2] == PLANNED
            first = round2[0]
            team = first["teams"][0]
            r = await client.get(f"/teams/{team}/schedule.ics?lang=en")
            assert r.status_code == 200
            entries = {str(e["uid"]): e for e in Calendar.from_ical(r.content).walk("VEVENT")}
            [mine] = [e for uid, e in entries.items() if uid.startswith(f"match-{first['id']}.")]
            assert mine.decoded("dtstart") == datetime.fromisoformat(PLANNED[0][0])
            assert "Hall A" in str(mine["location"]) and "1" in str(mine["location"])


async def test_a_planned_bracket_reset_gets_its_time_when_it_is_needed(client):
    from tests.helpers import play_out

    event = await make_event(client, 4)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"grand_final": "reset"})
    assert not [m for m in st["matches"] if m["bracket"] == "grand_final"
                and m["round"] == 2]  # the reset is not shown until it is needed
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json={
        "round": 2, "bracket": "grand_final", "starts_at": "2026-12-02T21:00:00+09:00",
        "stations": ["Main"]}, headers=AUTH)
    assert r.status_code == 201, r.text  # the reset is not in play: planned, not scheduled
    # the lower bracket's champion wins the first grand final: the reset is played
    view = await play_out(client, st["id"], lambda m: 2 if m["bracket"] == "grand_final"
                          and m["round"] == 1 else 1)
    [played] = [m for m in view["matches"] if m["bracket"] == "grand_final"
                and m["round"] == 2]
    assert (played["status"], played["scheduled_at"], played["station"]) == (
        "completed", "2026-12-02T21:00:00+09:00", "Main")
