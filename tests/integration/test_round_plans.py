"""Round plans (``services/round_plans.py``): a round planned before its matches exist gets
the planned times when they are made (a Swiss round paired, a repaired round paired again,
a stage seeded from an earlier one starting), exactly as the round schedule would have
given them; a clash then is recorded on the plan, never a refusal of the result."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

SWISS = {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}
PLAN = {"round": 2, "starts_at": "2026-11-30T13:00:00+09:00", "interval_minutes": 90,
        "venue": "Hall A", "stations": ["1", "2"]}
# four matches over two stations: two at 13:00, two at 14:30 (as POST /schedule gives)
PLANNED = [("2026-11-30T13:00:00+09:00", "1"), ("2026-11-30T13:00:00+09:00", "2"),
           ("2026-11-30T14:30:00+09:00", "1"), ("2026-11-30T14:30:00+09:00", "2")]


def times(view: dict, round_: int) -> list[tuple[str | None, str | None]]:
    return [(m["scheduled_at"], m["station"]) for m in sorted(
        view["matches"], key=lambda m: m["number"]) if m["round"] == round_]


async def plans(client, stage_id: int) -> list[dict]:
    r = await client.get(f"/api/stages/{stage_id}/round-plans", headers=AUTH)
    assert r.status_code == 200, r.text
    return list(r.json()["plans"])


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
    r = await client.post(f"/api/stages/{st['id']}/round-plans", json=PLAN, headers=AUTH)
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
    third = (await client.post(url, json={**PLAN, "round": 3}, headers=AUTH)).json()["plan"]
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


async def _store_plans(db_url: str, stage_id: int, plans: list[dict]) -> None:
    """Plans written as an older version stored them (straight into the stage row)."""
    from sqlalchemy import JSON, bindparam, text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(db_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("UPDATE stage SET round_plans = :plans WHERE id = :id")
                               .bindparams(bindparam("plans", type_=JSON)),
                               {"plans": plans, "id": stage_id})
    finally:
        await engine.dispose()


async def test_an_old_plan_by_round_number_times_the_final_not_the_bronze_match(
        client, db_url):
    """A plan saved by bare round number before the third-place match had a round name of
    its own covered it and the final alike; it is read as the final's (the bronze match
    is planned by its own name), and saved again in that form."""
    event = await make_event(client, 4)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2, "advance": 2})
    knockout = await make_stage(client, event, name="Knockout", settings={
        "third_place_match": True}, seeding={"from_stage": groups["id"], "qualifiers": 2})
    await _store_plans(db_url, knockout["id"], [{
        "id": 1, "round": 2, "bracket": None, "group": None,
        "starts_at": "2026-12-06T10:00:00+00:00", "interval_minutes": 0, "venue": "Arena",
        "stations": [], "stream_url": None, "referee_id": None, "applied": None}])
    [old] = await plans(client, knockout["id"])
    assert (old["id"], old["round"], old["bracket"]) == (1, 2, "winners")
    # a plan by bare round number sent now is the final's too
    url = f"/api/stages/{knockout['id']}/round-plans"
    r = await client.post(url, json={"round": 2, "starts_at": "2026-12-06T19:00:00+09:00",
                                     "venue": "Arena"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert (r.json()["plan"]["id"], r.json()["plan"]["bracket"]) == (1, "winners")
    for m in groups["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    view = await stage(client, knockout["id"])
    assert {(m["bracket"], m["round"]): (m["scheduled_at"], m["venue"])
            for m in view["matches"]} == {
        ("winners", 1): (None, None), ("winners", 2): ("2026-12-06T19:00:00+09:00", "Arena"),
        ("third_place", 2): (None, None)}
    final = next(m for m in view["matches"] if m["bracket"] == "winners" and m["round"] == 2)
    [kept] = await plans(client, knockout["id"])
    assert kept["applied"]["matches"] == [final["id"]]


def _plan_as_read(plan: dict, numbers: dict[int, int]) -> dict:
    """A plan without its ids: the matches it timed by their numbers in the stage."""
    applied = plan["applied"] and {**plan["applied"], "matches": [
        numbers[m] for m in plan["applied"]["matches"]]}
    return {**{k: v for k, v in plan.items() if k not in ("id", "applied")},
            "applied": applied}


async def test_the_export_carries_the_plans_and_an_older_export_imports_without(client):
    """A Swiss stage with round 2 planned and applied (its matches timed) and round 3
    planned ahead: the export carries both, and the imported stage has the same plans
    (the applied one naming the imported matches); an export made before plans were
    exported (no ``round_plans``) still imports, with none."""
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    for body in (PLAN, {**PLAN, "round": 3, "starts_at": "2026-12-01T10:00:00+09:00",
                        "stations": [], "stream_url": "https://twitch.tv/cup"}):
        r = await client.post(f"/api/stages/{st['id']}/round-plans", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
    for m in st["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    view = await stage(client, st["id"])
    numbers = {m["id"]: m["number"] for m in view["matches"]}
    before = [_plan_as_read(p, numbers) for p in await plans(client, st["id"])]
    assert [(p["round"], p["applied"] and p["applied"]["matches"]) for p in before] == [
        (2, [5, 6, 7, 8]), (3, None)]
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    for slug, drop in ((event["slug"] + "-copy", False), (event["slug"] + "-old", True)):
        doc["tournament"]["slug"] = slug
        if drop:
            for e in doc["events"]:
                for s in e["stages"]:
                    del s["round_plans"]
        r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
        assert r.status_code == 201, r.text
        [copy] = (await client.get(f"/api/tournaments/{slug}/events/lol")).json()["stages"]
        copied = await stage(client, copy["id"])
        numbers = {m["id"]: m["number"] for m in copied["matches"]}
        got = [_plan_as_read(p, numbers) for p in await plans(client, copy["id"])]
        assert got == ([] if drop else before), slug
    # two plans of one round: refused, nothing written
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    doc["tournament"]["slug"] = event["slug"] + "-twice"
    [plans_out] = [s["round_plans"] for e in doc["events"] for s in e["stages"]]
    plans_out.append({**plans_out[1], "id": 9})
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"], r.json()["error"]["field"]) == (
        422, "invalid_export", "events.0.stages.0.round_plans.2"), r.text
    assert (await client.get(f"/api/tournaments/{event['slug']}-twice")).status_code == 404


async def test_settings_that_leave_a_plan_no_round_are_refused_naming_it(client, app):
    """A final waiting for its semifinals has the bronze match and the final planned; the
    third-place match turned off would leave the bronze plan nothing to time ever again:
    the change is refused (409 round_plans_stranded with that plan; the console says it in
    the reader's language) and nothing changes, the final's plan (``winners``) being no
    reason to refuse. Removed first, the change goes through. A double elimination's
    planned bracket reset is refused the same way when the reset is turned off."""
    from tests.accounts_support import form_values
    from tests.console_support import admin_console, error_of
    from tests.helpers import soup

    event = await make_event(client, 4)
    semis = await make_stage(client, event, name="Semis", format="round_robin")
    final = await make_stage(client, event, name="Final", settings={
        "third_place_match": True}, seeding={"from_stage": semis["id"], "qualifiers": 4})
    url = f"/api/stages/{final['id']}/round-plans"
    made = {}
    for bracket in ("winners", "third_place"):
        r = await client.post(url, json={**PLAN, "round": 2, "bracket": bracket},
                              headers=AUTH)
        assert r.status_code == 201, r.text
        made[bracket] = r.json()["plan"]
    r = await client.patch(f"/api/stages/{final['id']}", json={
        "settings": {"third_place_match": False}}, headers=AUTH)
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert (error["code"], error["params"], error["field"]) == (
        "round_plans_stranded", {"count": 1}, "settings")
    assert r.json()["plans"] == [made["third_place"]]
    assert (await stage(client, final["id"]))["settings"]["third_place_match"] is True
    assert await plans(client, final["id"]) == [made["winners"], made["third_place"]]

    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{final['id']}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-stage-settings]")
        sent = {k: v for k, v in form_values(form).items() if k != "s_third_place_match"}
        r = await con.post(path, path, sent, "ko")
        assert r.status_code == 409 and error_of(r.text) == (
            "이 설정으로는 이 스테이지의 라운드 계획 1개가 적용될 라운드가 없습니다(그 대진표나 "
            "라운드가 사라집니다). 먼저 일정 아래에서 계획을 삭제하거나 설정을 그대로 두세요.")
        # which plan it is: named under the error, and marked in the list of plans
        page = soup(r.text)
        named = [" ".join(li.get_text(" ", strip=True).split())
                 for li in page.select("[data-stranded-plans] li")]
        assert [n.split(" · ")[0] for n in named] == ["3·4위전"], named
        assert [int(li["data-plan"]) for li in page.select("li[data-plan][data-stranded]")
                ] == [made["third_place"]["id"]]
        assert page.select_one(f"li[data-plan='{made['third_place']['id']}'] "
                               "[data-stranded-note]").get_text(strip=True) == (
            "보낸 설정으로는 이 계획이 적용될 라운드가 없어집니다. 계획을 삭제하거나 설정을 "
            "바꾸지 마세요.")
    finally:
        await ctx.__aexit__(None, None, None)
    assert (await stage(client, final["id"]))["settings"]["third_place_match"] is True

    assert (await client.delete(f"{url}/{made['third_place']['id']}",
                                headers=AUTH)).status_code == 200
    r = await client.patch(f"/api/stages/{final['id']}", json={
        "settings": {"third_place_match": False}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert await plans(client, final["id"]) == [made["winners"]]

    bracket = await make_stage(client, event, name="Bracket", format="double_elimination",
                               settings={"grand_final": "reset"},
                               seeding={"from_stage": semis["id"], "qualifiers": 4})
    r = await client.post(f"/api/stages/{bracket['id']}/round-plans", json={
        **PLAN, "round": 2, "bracket": "grand_final"}, headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.patch(f"/api/stages/{bracket['id']}", json={
        "settings": {"grand_final": "single"}}, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"]) == (409, "round_plans_stranded")
    assert r.json()["plans"] == [(await plans(client, bracket["id"]))[0]]
